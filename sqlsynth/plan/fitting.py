"""Fitting a column's Value to where it goes: within its type's range and CHECK bounds (clamp),
NULLs mixed in (a fraction, or a row's missingness pattern), NULL on a run's first row (a
self-reference), and a partitioned table's key within its declared partitions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Callable

from sqlglot import exp

from ..schema.model import Column, Schema, Table
from ..schema.types import TypeInfo
from ..sql import sqlx
from ..sql.sqlx import Streams, lit
from .model import TablePlan
from .values import EPOCH, Value, choice_value, date_from_days, seconds_of, spans_value, ts_from_seconds
from . import nodes


_RANGE_BOUND = re.compile(r"^FOR VALUES FROM \((?P<lo>.*)\) TO \((?P<hi>.*)\)$", re.S)
_IN_BOUND = re.compile(r"^FOR VALUES IN \((?P<vals>.*)\)$", re.S)


def _bound_literal(s: str) -> str | None:
    s = s.strip()
    if s.upper() in ("MINVALUE", "MAXVALUE"):
        return None
    if s.startswith("'") and s.endswith("'"):
        return s[1:-1].replace("''", "'")
    return s


def _to_number(v: str, ti: TypeInfo) -> int | None:
    try:
        if ti.kind in ("timestamp", "timestamptz"):
            d = dt.datetime.fromisoformat(v.replace("+00", "+00:00") if v.endswith("+00") else v)
            if d.tzinfo is not None:
                d = d.astimezone(dt.timezone.utc).replace(tzinfo=None)
            return seconds_of(d)
        if ti.kind == "date":
            return (dt.datetime.fromisoformat(v) - EPOCH).days
        if ti.kind == "int":
            return int(v)
    except ValueError:
        return None
    return None


def partition_key_value(schema: Schema, t: Table, column: str, ti: TypeInfo, streams: Streams, n: int) -> Value | None:
    """Values that land in the declared partitions (range: within the bounded ranges; list: the listed values)."""
    if not t.partition_by or t.partition_by.columns != [column]:
        return None
    parts = sorted(schema.partitions_of(t.name), key=lambda p: p.name)
    if t.partition_by.strategy == "range":
        spans = []
        for p in parts:
            m = _RANGE_BOUND.match(p.partition_bound or "")
            if not m:
                continue
            lo, hi = _bound_literal(m.group("lo")), _bound_literal(m.group("hi"))
            if lo is None or hi is None:
                continue
            a, b = _to_number(lo, ti), _to_number(hi, ti)
            if a is not None and b is not None and b > a:
                spans.append((a, b))
        if not spans:
            return None
        if ti.kind in ("timestamp", "timestamptz"):
            conv = lambda e: ts_from_seconds(e, ti.kind == "timestamptz")  # noqa: E731
        elif ti.kind == "date":
            conv = date_from_days
        else:
            conv = lambda e: e  # noqa: E731
        return spans_value(streams, column, sorted(spans), False, n, conv)
    if t.partition_by.strategy == "list":
        vals: list[str] = []
        for p in parts:
            m = _IN_BOUND.match(p.partition_bound or "")
            if m:
                for v in m.group("vals").split(","):
                    lit_v = _bound_literal(v)
                    if lit_v is not None and lit_v.upper() != "NULL":
                        vals.append(lit_v)
        if vals:
            return choice_value(streams, column, vals, cast_to=ti.sql)
    return None


def null_on_first_row(f: Callable[[exp.Expression], exp.Expression], tp: TablePlan):
    """NULL on the first row of this run (it has no earlier row to refer to), f elsewhere."""
    def g(row: exp.Expression) -> exp.Expression:
        local = row if tp.offset is None else exp.Paren(this=exp.Sub(this=row.copy(), expression=tp.offset.copy()))
        return sqlx.case([(exp.EQ(this=local, expression=lit(1)), exp.Null())], f(row))
    return g


def clipped(b, clip: tuple[float, float] | None):
    """The column's bounds narrowed to [lo, hi] (a fitted generator's source min and max)."""
    if clip is None:
        return b
    lo = clip[0] if b.lo is None else max(b.lo, clip[0])
    hi = clip[1] if b.hi is None else min(b.hi, clip[1])
    return dataclasses.replace(b, lo=lo, hi=hi) if lo <= hi else b


def unique_preference(ti: TypeInfo) -> int:
    order = ["int", "uuid", "text", "numeric", "timestamp", "timestamptz", "date"]
    return order.index(ti.kind) if ti.kind in order else len(order)


_CLAMPED_SOURCES = {"dist_gen.normal", "dist_gen.lognormal", "dist_gen.uniform", "dist_gen.uniform_ms",
                    "generic.numeric.float_number", "dist_gen.multivariate_normal", "dist_gen.multivariate_lognormal",
                    "sqlsynth.exponential", "sqlsynth.poisson", "sqlsynth.quantiles"}


def clamp(v: Value, ti: TypeInfo, b, col: Column) -> Value:
    """Keep continuous draws inside the column's numeric range and CHECK bounds."""
    if v.source not in _CLAMPED_SOURCES or ti.kind not in ("int", "numeric", "float"):
        return v
    lo = b.lo
    hi = b.hi
    if ti.kind == "int":
        tlo, thi = ti.int_bounds
        lo = tlo if lo is None else max(lo, tlo)
        hi = thi if hi is None else min(hi, thi)
    elif ti.kind == "numeric" and ti.precision is not None:
        scale = ti.scale or 0
        top = 10 ** (ti.precision - scale) - 10 ** (-scale)
        lo = -top if lo is None else max(lo, -top)
        hi = top if hi is None else min(hi, top)
    if lo is None and hi is None:
        return v

    # numeric(p, s) with p <= 18: round through bigint (x * 10^s, then * 10^-s). PostgreSQL's
    # float8 -> numeric cast formats and parses text, about 0.5 us a row, more than all the
    # arithmetic of a lognormal draw; bigint -> numeric is cheap, and |x * 10^s| < 10^18 fits.
    scaled = ti.kind == "numeric" and ti.precision is not None and ti.precision <= 18 and lo is not None \
        and hi is not None and (ti.scale or 0) >= 0  # PostgreSQL 15 allows numeric(p, -s): not this path
    scale = (ti.scale or 0) if scaled else 0

    def f(row: exp.Expression) -> exp.Expression:
        e = v.at(row)
        if hi is not None:
            e = exp.Least(this=e, expressions=[lit(hi)])
        if lo is not None:
            e = exp.Greatest(this=e, expressions=[lit(lo)])
        if scaled:
            big = exp.DataType.build("BIGINT")
            if scale == 0:
                return exp.Cast(this=e, to=big)
            cents = exp.Cast(this=exp.Mul(this=e, expression=lit(10 ** scale)), to=big)
            step = exp.Literal.number(f"0.{'0' * (scale - 1)}1")
            return exp.Paren(this=exp.Mul(this=cents, expression=step))
        return e
    return Value(f, injective=v.injective, source=v.source,
                 span=(lo, hi) if lo is not None and hi is not None else None, node=v.node)


def with_pattern_nulls(v: Value, streams: Streams, stream: str, cum: list[float], null_in: set[int]) -> Value:
    """NULL when this row's pattern (one weighted pick per row, shared by the columns) says so."""
    def f(row: exp.Expression) -> exp.Expression:
        is_null = sqlx.pick_by_cdf(streams.u(stream, row), cum,
                                   [exp.Boolean(this=j in null_in) for j in range(len(cum) + 1)])
        return sqlx.case([(is_null, exp.Null())], v.at(row))
    return Value(f, injective=False, source=v.source, span=v.span, values=v.values,
                 node=nodes.NullMix(nodes.of_value(v), "missingness pattern", origin=nodes.config(stream)))


def with_nulls(v: Value, streams: Streams, stream: str, fraction: float) -> Value:
    def f(row: exp.Expression) -> exp.Expression:
        return sqlx.case([(exp.LT(this=streams.u(stream, row), expression=lit(float(fraction))), exp.Null())], v.at(row))
    return Value(f, injective=False, source=v.source, span=v.span, values=v.values,
                 node=nodes.NullMix(nodes.of_value(v), float(fraction)))
