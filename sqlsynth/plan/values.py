"""Column values as pure functions of the row number, and the per-type defaults.

A Value turns a row-number expression into the SQL expression of the cell. Because
every value is a function of the row number only, a child table can evaluate a
parent's key for any parent row without looking it up (foreign keys without joins).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Callable

from sqlglot import exp

from ..sql import primitives, sqlx
from ..sql.sqlx import Streams, add, case, cast, concat, lit, mod, mul, sub, subscript
from ..schema.types import TypeInfo
from . import nodes, placeholders
from .placeholders import substitute
from .words import WORDS, WORDS_REF, longest_words, words, words_array_source  # noqa: F401 (also re-exported)
from .bounds import Bounds  # noqa: F401  (re-exported: the planner's modules import it from here)

RowFn = Callable[[exp.Expression], exp.Expression]


@dataclass
class Value:
    """One column's value as a function of the row number: data once the plan is built.

    While the planner works, a Value may still be given as a builder `fn` (row -> tree) that reads
    other columns' Values as they end up; build_plan then freezes every Value: `tree` is built once
    over placeholders.Row (no side effects: what the statement must join is named by placeholder
    nodes, resolved by pools.JoinCollector) and `fn` is dropped. `node` says what the value is and
    why (plan/nodes.py); two plans built from the same inputs have equal Values."""

    fn: RowFn | None = field(default=None, compare=False, repr=False)
    injective: bool = False  # distinct for distinct rows 1..n
    source: str = "default"  # what produced it, for messages
    sql_type: str | None = None
    # what the value can be, when known (NULL aside): a CHECK on a configured column is then
    # proven without drawing candidates (checks_plan.py)
    span: tuple | None = None  # (lo, hi), inclusive
    values: list | None = None  # the literal values it picks from
    tree: exp.Expression | None = field(default=None, repr=False)  # over placeholders.Row
    node: object = None  # plan.nodes.Node: what it is and why
    # (lo, a, b, n) when the value of row i is lo + (a * (i - 1) + b) mod n over exactly the n rows of its
    # table: a bijection onto lo..lo+n-1, which the insert can enumerate in key order (compile/program.py)
    bijection: tuple[int, int, int, int] | None = None

    def at(self, row: exp.Expression) -> exp.Expression:
        """A fresh tree of the value at a row expression (placeholders still to resolve)."""
        if self.fn is not None:
            return self.fn(row)
        assert self.tree is not None
        return substitute(self.tree, row)

    @property
    def sources(self) -> frozenset[str]:
        """What the value needs from its statement (pools, the vocabulary...): its tree's placeholders."""
        return placeholders.sources(self.tree if self.tree is not None else self.at(placeholders.row()))

    def freeze(self) -> None:
        """Build the tree once and drop the builder."""
        if self.fn is not None:
            self.tree = self.fn(placeholders.row())
            self.fn = None


class Unsupported(Exception):
    """No default generator for this column."""


def text_value(streams: Streams, stream: str, length: int | None, unique: bool, n_rows: int) -> Value:
    """Readable text within the column's length; unique by a row-number suffix when asked."""
    max_words = 6 if length is None else max(1, min(6, length // 6))
    fits = length is not None and longest_words(max_words) <= length  # left() would never cut

    def f(row: exp.Expression) -> exp.Expression:
        w = words(streams, stream, row, max_words, capital=True)
        if unique:
            suffix = concat(lit("-"), exp.Cast(this=row.copy(), to=exp.DataType.build("TEXT")))
            if length is not None:
                room = length - (len(str(max(n_rows, 1))) + 1)
                w = exp.Left(this=w, expression=lit(max(room, 0)))
            return concat(w, suffix)
        return exp.Left(this=w, expression=lit(length)) if length is not None and not fits else w

    return Value(f, injective=unique, source="text", node=nodes.Text(max_words, length, unique))


def affine_params(streams: Streams, stream: str, size: int) -> tuple[int, int]:
    """(a, b) of the stream's permutation k -> (a*k + b) mod size, gcd(a, size) = 1 (so it can be inverted)."""
    if size <= 1:
        return 1, 0
    s = abs(streams.seed_of(stream))
    limit = max(2, min(size, (1 << 62) // max(size, 1)))
    a = 1 + s % (limit - 1)
    while math.gcd(a, size) != 1:
        a += 1
    return a, (s >> 20) % size


def permutation(streams: Streams, stream: str, row: exp.Expression, size: int) -> exp.Expression:
    """A bijection of 0..size-1 applied to row-1 (affine: a*(row-1)+b mod size, gcd(a,size)=1)."""
    if size <= 1:
        return lit(0)
    a, b = affine_params(streams, stream, size)
    return mod(add(mul(lit(a), sub(row.copy(), lit(1))), lit(b)), lit(size))


# Kinds whose literals need a cast to the column's type (a CASE of untyped literals resolves to text).
CAST_KINDS = {"enum", "date", "timestamp", "timestamptz", "time", "timetz", "interval", "uuid", "inet", "cidr",
              "macaddr", "macaddr8", "money", "json", "jsonb", "range"}

EPOCH = dt.datetime(1970, 1, 1)
DEFAULT_TS = (dt.datetime(2015, 1, 1), dt.datetime(2025, 12, 31, 23, 59, 59))


def ts_from_seconds(secs: exp.Expression, tz: bool) -> exp.Expression:
    """Epoch seconds -> timestamp[tz]; independent of the session's TimeZone."""
    ts = exp.UnixToTime(this=secs)
    return ts if tz else exp.Paren(this=exp.AtTimeZone(this=ts, zone=lit("UTC")))


def date_from_days(days: exp.Expression) -> exp.Expression:
    return add(exp.Cast(this=lit("1970-01-01"), to=exp.DataType.build("DATE")), exp.Cast(this=days, to=exp.DataType.build("INT")))


def seconds_of(d: dt.datetime) -> int:
    return int((d - EPOCH).total_seconds())


def spans_value(streams: Streams, stream: str, spans: list[tuple[int, int]], unique: bool, n_rows: int,
                to_sql: Callable[[exp.Expression], exp.Expression], unit: str = "") -> Value:
    """A value uniform over a union of half-open integer spans [lo, hi), mapped by to_sql (unit: what
    an integer of the spans counts, for the Value's node)."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted((lo, hi) for lo, hi in spans if hi > lo):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    spans = merged
    total = sum(hi - lo for lo, hi in spans)
    if total <= 0:
        raise Unsupported("empty value range")
    if unique and total < n_rows:
        raise Unsupported(f"only {total} distinct values fit the column's range, but {n_rows} unique rows are needed")

    def f(row: exp.Expression) -> exp.Expression:
        x = permutation(streams, stream, row, total) if unique else streams.pick(stream, row, total)
        if len(spans) == 1:
            return to_sql(add(lit(spans[0][0]), x))
        whens = []
        acc = 0
        for lo, hi in spans[:-1]:
            whens.append((exp.LT(this=x.copy(), expression=lit(acc + hi - lo)), add(lit(lo - acc), x.copy())))
            acc += hi - lo
        lo, _hi = spans[-1]
        return to_sql(exp.Paren(this=case(whens, add(lit(lo - acc), x.copy()))))

    bijection = None
    if unique and len(spans) == 1 and total == n_rows and unit == "" and to_sql(lit(0)) == lit(0):
        bijection = (spans[0][0], *affine_params(streams, stream, total), total)
    return Value(f, injective=unique, source="range", node=nodes.Span(spans[0][0], spans[-1][1], unique, unit),
                 bijection=bijection)


def time_span(kind: str, bounds: Bounds) -> tuple[int, int]:
    """[lo, hi) in days (date) or epoch seconds (timestamps): the default years, moved inside the
    CHECK's literal date bounds (strict bounds exclude one day or second)."""
    unit = 86400 if kind == "date" else 1

    def num(v: object, strict: bool, up: bool) -> int | None:
        if not isinstance(v, dt.date):
            return None
        if isinstance(v, dt.datetime):
            if v.tzinfo is not None:
                v = v.astimezone(dt.timezone.utc).replace(tzinfo=None)
            secs = (v - EPOCH).total_seconds()
        else:
            secs = (dt.datetime.combine(v, dt.time()) - EPOCH).total_seconds()
        x = math.ceil(secs / unit) if up else math.floor(secs / unit)
        return x + (1 if strict and x * unit == secs else 0) if up else x - (1 if strict and x * unit == secs else 0)

    dlo, dhi = seconds_of(DEFAULT_TS[0]) // unit, seconds_of(DEFAULT_TS[1]) // unit
    lo, hi = num(bounds.lo, bounds.lo_strict, True), num(bounds.hi, bounds.hi_strict, False)
    width = dhi - dlo
    if lo is None and hi is None:  # as before CHECK dates were read
        return (dlo, dhi + 1) if kind == "date" else (seconds_of(DEFAULT_TS[0]), seconds_of(DEFAULT_TS[1]))
    if lo is not None and hi is not None:
        return lo, max(lo, hi) + 1
    if lo is not None:
        return (max(lo, dlo), max(lo, dlo) + width + 1) if lo <= dhi else (lo, lo + width + 1)
    if hi is not None:
        return (min(hi, dhi) - width, min(hi, dhi) + 1) if hi >= dlo else (hi - width, hi + 1)
    return dlo, dhi + 1  # (not reached)


def default_value(ti: TypeInfo, streams: Streams, column: str, bounds: Bounds, n_rows: int,
                  unique: bool = False, default: str | None = None, pools=None) -> Value:
    """The generator used when config.yaml names none for a column."""
    s = column
    k = ti.kind
    if bounds.choices:
        values = bounds.admissible_choices() or list(bounds.choices)
        if unique and len(values) < n_rows:
            raise Unsupported(f"a CHECK allows only {len(values)} values but {n_rows} unique rows are needed")
        # a list of text literals for a number, date or enum column: each cast to the column's type
        cast_to = ti.sql if k not in ("text", "unknown", "array") and (
            k == "enum" or any(isinstance(v, (str, dt.date)) for v in values)) else None
        return choice_value(streams, s, values, ti, unique=unique, cast_to=cast_to)
    if k == "array":
        assert ti.element is not None
        from .checks import bounds_for  # (checks imports this module)

        # elements of a domain array (posint[]) keep within the domain's CHECKs
        ev = default_value(ti.element, streams, column + "[]", bounds_for("", [], ti.element.checks), n_rows)

        def arr(row: exp.Expression) -> exp.Expression:
            # 0-3 elements, each from its own stream
            items = [ev.at(exp.Paren(this=add(mul(row.copy(), lit(4)), lit(i)))) for i in range(3)]
            empty = exp.Cast(this=exp.Array(expressions=[]), to=sqlx.dtype(ti.sql))
            n = streams.pick(s + ":n", row, 4)
            return case([(exp.EQ(this=n, expression=lit(0)), empty)],
                        exp.Cast(this=exp.Bracket(this=exp.Paren(this=sqlx.array(items)),
                                                  expressions=[exp.Slice(this=lit(1), expression=n.copy())], offset=1),
                                 to=sqlx.dtype(ti.sql)))
        return Value(arr, node=nodes.ArrayOf(nodes.of_value(ev), 3))
    if k == "enum":
        labels = [lb for lb in ti.labels if bounds.admits(lb)] or ti.labels  # `col <> 'x'` CHECKs
        if labels != ti.labels:
            return choice_value(streams, s, labels, ti, unique=unique)
        if unique and len(ti.labels) < n_rows:
            raise Unsupported(f"enum has {len(ti.labels)} labels but {n_rows} unique rows are needed")
        return choice_value(streams, s, ti.labels, ti, unique=unique)
    if k in ("int", "int_oid"):
        tb = ti.int_bounds if k == "int" else (0, 2**31 - 1)
        lo, hi = bounds.int_range((1, 1000) if not unique else (1, max(1000, n_rows)), tb)
        if unique and bounds.hi is None and hi - lo + 1 < n_rows:
            hi = min(tb[1], lo + n_rows - 1 + len(bounds.excluded))
        spans = [(lo, hi + 1)]
        for x in sorted({v for v in bounds.excluded if isinstance(v, int) and not isinstance(v, bool)}):
            spans = [part for a, b in spans for part in ((a, min(b, x)), (max(a, x + 1), b)) if part[1] > part[0]]
        return spans_value(streams, s, spans, unique, n_rows, lambda e: e)
    if k == "numeric":
        scale = ti.scale if ti.scale is not None else 2
        if ti.precision is not None:
            top = 10 ** (ti.precision - scale) - 10 ** (-scale)
        else:
            top = 1000.0
        blo, bhi = bounds.number(bounds.lo), bounds.number(bounds.hi)
        lo = (0.0 if bhi is None or bhi > 0 else bhi - 1000.0) if blo is None else blo
        hi = min(top, 1000.0 if blo is None else max(lo + 1000.0, 1000.0)) if bhi is None else bhi
        hi = min(hi, top)
        if ti.precision is not None and lo < -top:
            lo = -top
        step = 10 ** scale
        ilo = math.ceil(lo * step) + (1 if bounds.lo_strict and float(math.ceil(lo * step)) == lo * step else 0)
        ihi = math.floor(hi * step) - (1 if bounds.hi_strict and float(math.floor(hi * step)) == hi * step else 0)
        return spans_value(streams, s, [(ilo, ihi + 1)], unique, n_rows,
                           lambda e: exp.Div(this=exp.Cast(this=e, to=exp.DataType.build("NUMERIC")),
                                             expression=lit(step)) if scale else e, unit=f"1/{step}" if scale else "")
    if k == "float":
        blo, bhi = bounds.number(bounds.lo), bounds.number(bounds.hi)
        lo = (0.0 if bhi is None or bhi > 0 else bhi - 1000.0) if blo is None else float(blo)
        hi = (lo + 1000.0) if bhi is None else float(bhi)
        # a CHECK bound is kept off by a hair: real (float4) rounding must not reach or cross it
        margin = (hi - lo) * 1e-4
        lo, hi = lo + (margin if blo is not None else 0.0), hi - (margin if bhi is not None else 0.0)
        return Value(lambda row: add(lit(lo), mul(streams.u(s, row), lit(hi - lo))), injective=False,
                     node=nodes.Uniform(lo, hi, s))
    if k == "money":
        return spans_value(streams, s, [(0, 100000)], unique, n_rows,
                           lambda e: exp.Cast(this=exp.Div(this=exp.Cast(this=e, to=exp.DataType.build("NUMERIC")),
                                                           expression=lit(100)), to=sqlx.dtype("money")), unit="cents")
    if k == "text":
        from .text_values import text_default  # (it imports this module)

        return text_default(ti, streams, s, bounds, n_rows, unique, pools)
    if k == "char1":
        # chr() takes an integer; the stream arithmetic is bigint
        return Value(lambda row: exp.Cast(this=exp.Chr(expressions=[exp.Cast(this=add(lit(97), streams.pick(s, row, 26)),
                                                                               to=exp.DataType.build("INT"))]),
                                          to=sqlx.dtype('"char"')))
    if k == "bool":
        p_true = {"true": 0.9, "false": 0.1}.get((default or "").strip().lower(), 0.5)
        return Value(lambda row: exp.LT(this=streams.u(s, row), expression=lit(p_true)),
                     node=nodes.Choice((True, False), (p_true, round(1 - p_true, 10)), s))
    if k in ("date", "timestamp", "timestamptz"):
        span = time_span(k, bounds)
        to_sql = date_from_days if k == "date" else (lambda e: ts_from_seconds(e, k == "timestamptz"))
        return spans_value(streams, s, [span], unique, n_rows, to_sql,
                           unit="days since 1970-01-01" if k == "date" else "seconds since 1970-01-01 UTC")
    if k in ("time", "timetz"):
        def t(e: exp.Expression) -> exp.Expression:
            v = add(exp.Cast(this=lit("00:00:00"), to=exp.DataType.build("TIME")),
                    mul(e, exp.Interval(this=lit("1"), unit=exp.var("SECOND"))))
            if k == "timetz":
                return exp.Cast(this=concat(exp.Cast(this=v, to=exp.DataType.build("TEXT")), lit("+00")),
                                to=exp.DataType.build("TIMETZ"))
            return v
        return spans_value(streams, s, [(0, 86400)], unique, n_rows, t, unit="seconds after midnight")
    if k == "interval":
        return spans_value(streams, s, [(60, 30 * 86400)], unique, n_rows,
                           lambda e: mul(e, exp.Interval(this=lit("1"), unit=exp.var("SECOND"))), unit="seconds")
    if k == "uuid":
        def u(row: exp.Expression) -> exp.Expression:
            rnd = exp.MD5(this=exp.Cast(this=streams.h32(s, row), to=exp.DataType.build("TEXT")))
            tail = exp.Pad(this=primitives.to_hex(row.copy()), expression=lit(12), fill_pattern=lit("0"), is_left=True)
            return exp.Cast(this=exp.Overlay(this=rnd, expression=tail, from_=lit(21)), to=exp.DataType.build("UUID"))
        return Value(u, injective=True, node=nodes.Derived("uuid: md5 of a draw, the row number in its last 12 hex digits"))
    if k == "bytea":
        return Value(lambda row: primitives.hex_to_bytes(exp.MD5(this=exp.Cast(this=streams.h32(s, row), to=exp.DataType.build("TEXT")))),
                     injective=False)
    if k in ("json", "jsonb"):
        def j(row: exp.Expression) -> exp.Expression:
            return primitives.json_object(k, lit("id"), row.copy(), lit("name"), words(streams, s, row, 2),
                                          lit("score"), streams.pick(s + ":n", row, 100))
        return Value(j, injective=unique, node=nodes.Derived(f"{k}: an object of the row number, 2 words and a score"))
    if k in ("inet", "cidr"):
        if k == "inet":
            return spans_value(streams, s, [(0, 1 << 24)], unique, n_rows,
                               lambda e: add(exp.Cast(this=lit("10.0.0.0"), to=sqlx.dtype("inet")), e))
        return spans_value(streams, s, [(0, 1 << 16)], unique, n_rows,
                           lambda e: exp.Cast(this=primitives.set_masklen(add(exp.Cast(this=lit("10.0.0.0"), to=sqlx.dtype("inet")), mul(e, lit(256))), lit(24)), to=sqlx.dtype("cidr")))
    if k in ("macaddr", "macaddr8"):
        return spans_value(streams, s, [(0, 1 << 47)], unique, n_rows,
                           lambda e: exp.Cast(this=exp.Pad(this=primitives.to_hex(e), expression=lit(12), fill_pattern=lit("0"), is_left=True), to=sqlx.dtype(k)))
    if k == "tsvector":
        return Value(lambda row: primitives.text_search_vector(exp.Cast(this=lit("english"), to=sqlx.dtype("regconfig")), words(streams, s, row, 6)),
                     node=nodes.Derived("tsvector of up to 6 words of the built-in vocabulary"))
    if k == "tsquery":
        return Value(lambda row: primitives.text_search_query(exp.Cast(this=lit("english"), to=sqlx.dtype("regconfig")), words(streams, s, row, 2)))
    if k in ("bit", "varbit"):
        n = ti.length or 8
        width = min(n, 53)

        def b(row: exp.Expression) -> exp.Expression:
            bits = exp.Cast(this=streams.h(s, row), to=sqlx.dtype(f"bit({width})"))
            if n > width:
                return exp.Cast(this=exp.Pad(this=exp.Cast(this=bits, to=exp.DataType.build("TEXT")), expression=lit(n), fill_pattern=lit("01"), is_left=False), to=sqlx.dtype(f"bit({n})"))
            return bits
        return Value(b)
    if k == "xml":
        return Value(lambda row: exp.Cast(this=concat(lit("<p>"), words(streams, s, row, 3), lit("</p>")),
                                          to=sqlx.dtype("xml")))
    if k in ("point", "line", "lseg", "box", "path", "polygon", "circle"):
        def p(i: int, row: exp.Expression) -> exp.Expression:
            return primitives.geometric("point", mul(streams.u(f"{s}:x{i}", row), lit(100)), mul(streams.u(f"{s}:y{i}", row), lit(100)))

        def g(row: exp.Expression) -> exp.Expression:
            if k == "point":
                return p(0, row)
            if k == "line":
                return primitives.geometric("line", p(0, row), primitives.geometric("point", lit(-1), mul(streams.u(s + ":l", row), lit(7))))
            if k == "lseg":
                return primitives.geometric("lseg", p(0, row), p(1, row))
            if k == "circle":
                return primitives.geometric("circle", p(0, row), add(lit(1), mul(streams.u(s + ":r", row), lit(10))))
            bx = primitives.geometric("box", p(0, row), p(1, row))
            if k == "box":
                return bx
            poly = primitives.geometric("polygon", bx)
            return poly if k == "polygon" else primitives.geometric("path", poly)
        return Value(g)
    if k == "range":
        return range_value(ti, streams, s, n_rows, unique)
    if k == "pg_lsn":
        return Value(lambda row: exp.Cast(this=concat(primitives.to_hex(mod(streams.h32(s, row), lit(65536))), lit("/"),
                                                      primitives.to_hex(mod(streams.h32(s + ":b", row), lit(1 << 32)))),
                                          to=sqlx.dtype("pg_lsn")))
    raise Unsupported(f"no default generator for type {ti.sql}")


def range_value(ti: TypeInfo, streams: Streams, s: str, n_rows: int, disjoint: bool = False) -> Value:
    """A range of the column's subtype; disjoint=True (an exclusion constraint ``WITH &&``): row k of
    a permutation gets its own slot of the span, so no two rows overlap."""
    sub_t = ti.subtype or "integer"
    ctor = ti.base_sql.split("(")[0].strip().lower()
    slots = max(1, n_rows)

    def bounds(row: exp.Expression, origin: int, span: int, short: int, extra: int) -> tuple[exp.Expression, exp.Expression]:
        """(lo, hi) as numbers: disjoint slots of span // n_rows, else random within span."""
        if not disjoint:
            lo = streams.pick(s + ":lo", row, span)
            lo = add(lit(origin), lo) if origin else lo
            return lo, add(lo.copy(), add(lit(short), streams.pick(s + ":len", row, extra)))
        width = max(2, span // slots)
        half = width // 2
        k = permutation(streams, s + ":slot", row, slots)
        lo = add(lit(origin), add(mul(k, lit(width)), streams.pick(s + ":lo", row, half)))
        return lo, add(lo.copy(), add(lit(1), streams.pick(s + ":len", row, half)))

    def r(row: exp.Expression) -> exp.Expression:
        if "timestamp" in sub_t:
            tz = "with time zone" in sub_t
            t0, t1 = seconds_of(DEFAULT_TS[0]), seconds_of(DEFAULT_TS[1])
            lo, hi = bounds(row, t0, t1 - t0, 3600, 14 * 86400)
            a, b = ts_from_seconds(lo, tz), ts_from_seconds(hi, tz)
        elif sub_t == "date":
            lo, hi = bounds(row, (DEFAULT_TS[0] - EPOCH).days, 3650, 1, 30)
            a, b = date_from_days(lo), date_from_days(hi)
        else:
            # the stream arithmetic is bigint: int4range/numrange need their own subtype
            lo, hi = bounds(row, 0, 1000 if not disjoint else max(1000, 2 * slots), 1, 100)
            a = exp.Cast(this=lo, to=exp.DataType.build(sub_t))
            b = exp.Cast(this=hi, to=exp.DataType.build(sub_t))
        return primitives.make_range(ctor, a, b)
    return Value(r, injective=disjoint)


def choice_value(streams: Streams, s: str, values: list, ti: TypeInfo | None = None, unique: bool = False,
                 cast_to: str | None = None) -> Value:
    """A uniform pick from a list of literal values."""
    arr = sqlx.array(lit(v) for v in values)
    target = cast_to or (ti.sql if ti is not None and ti.kind in CAST_KINDS and not ti.array_dims else None)

    def f(row: exp.Expression) -> exp.Expression:
        idx = add(lit(1), permutation(streams, s, row, len(values)) if unique else streams.pick(s, row, len(values)))
        e = subscript(arr.copy(), idx)
        return cast(e, target) if target else e
    return Value(f, injective=unique and len(values) > 0, source="choice", values=list(values),
                 node=nodes.Choice(nodes.literal(values), None, s, unique))
