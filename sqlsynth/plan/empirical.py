"""Generators that follow a source column's empirical distribution (fitted by make-stats).

* ``sqlsynth.quantiles`` (``q``: K+1 values at probabilities 0, 1/K, ..., 1): the inverse of the
  piecewise-linear CDF through them, for numbers, dates and timestamps. Values never leave
  [q_0, q_K] (the source's min and max) and follow the source's shape between them.
* ``sqlsynth.text`` (``lengths``: quantiles of the character length): readable words cut to a length
  drawn from the source's lengths; ``unique: true`` adds a row-number suffix within that length.
* ``sqlsynth.range`` (``lower``, ``length``: quantiles; ``upper_null``: share of ranges unbounded
  above): range types, e.g. Pagila's ``rental.rental_period tsrange``.

Dates and timestamps are given as ISO strings (or numbers: days / seconds since 1970-01-01 UTC).
A draw is a pick of a segment i (uniform over the K segments) and a uniform place f in it:
``q[i] + (q[i+1] - q[i]) * f`` with both arrays constants of the statement, so the cost does not
grow with K.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from sqlglot import exp

from ..sql import primitives, sqlx
from ..sql.sqlx import add, lit, mul
from .generators import REGISTRY, SUPPORTS_UNIQUE, GenContext, GeneratorError, _single
from .values import EPOCH, Value, date_from_days, permutation, ts_from_seconds
from .words import WORDS, _w

TEMPORAL = {"date", "timestamp", "timestamptz"}
NUMERIC = {"int", "numeric", "float"}
_F8 = "DOUBLE PRECISION[]"


def _to_number(v: Any, kind: str, name: str) -> float:
    """A quantile as a number: days (date) or seconds (timestamps) since 1970-01-01 UTC for temporal kinds."""
    if isinstance(v, bool) or v is None:
        raise GeneratorError(f"{name} must hold numbers{' or ISO dates/timestamps' if kind in TEMPORAL else ''}, "
                             f"got {v!r}")
    if isinstance(v, (int, float)):
        f = float(v)
    elif isinstance(v, str) and kind in TEMPORAL:
        s = v.strip().replace(" ", "T", 1)
        try:
            d = dt.datetime.fromisoformat(s)
        except ValueError:
            raise GeneratorError(f"{name}: {v!r} is not an ISO date or timestamp") from None
        if d.tzinfo is not None:
            d = d.astimezone(dt.timezone.utc).replace(tzinfo=None)
        secs = (d - EPOCH).total_seconds()
        f = secs / 86400.0 if kind == "date" else secs
    else:
        raise GeneratorError(f"{name} must hold numbers, got {v!r}")
    if not math.isfinite(f):
        raise GeneratorError(f"{name} must hold finite values, got {v!r}")
    return f


def _quantiles(values: Any, kind: str, name: str) -> list[float]:
    if not isinstance(values, (list, tuple)) or not values:
        raise GeneratorError(f"{name} needs a non-empty list of quantiles (lowest first)")
    q = [_to_number(v, kind, name) for v in values]
    if any(b < a for a, b in zip(q, q[1:])):
        raise GeneratorError(f"{name} must be in increasing order (quantiles at probabilities 0 .. 1)")
    return q


def inverse_cdf(ctx: GenContext, stream: str, q: list[float], row: exp.Expression) -> exp.Expression:
    """A draw from the piecewise-linear distribution through the quantiles q (as a double)."""
    if len(q) == 1 or q[0] == q[-1]:
        return lit(float(q[0]))
    k = len(q) - 1
    lows = exp.Cast(this=sqlx.array(lit(float(x)) for x in q[:-1]), to=sqlx.dtype(_F8))
    steps = exp.Cast(this=sqlx.array(lit(float(b - a)) for a, b in zip(q, q[1:])), to=sqlx.dtype(_F8))
    i = add(lit(1), ctx.streams.pick(stream + ":i", row, k))
    return add(sqlx.subscript(lows, i), mul(sqlx.subscript(steps, i.copy()), ctx.streams.u(stream + ":f", row)))


def _as_kind(e: exp.Expression, kind: str) -> exp.Expression:
    if kind == "date":
        return date_from_days(exp.Floor(this=e))
    if kind in ("timestamp", "timestamptz"):
        return ts_from_seconds(e, kind == "timestamptz")
    return e


def g_quantiles(ctx: GenContext, q: Any = None) -> list[Value]:
    """The source's distribution through its quantiles `q` (values at 0 %, 2 %, ..., 100 %; make-stats
    fits them with stats: auto): draws follow the piecewise-linear CDF through them. Numbers, dates
    and timestamps.

    Promises: the generated quantiles match q (within the linear interpolation between them); never
    below q[0] or above q[-1] (the source's min and max)."""
    _single(ctx, "quantiles")
    kind = ctx.types[0].kind
    if kind not in NUMERIC | TEMPORAL:
        raise GeneratorError(f"sqlsynth.quantiles fills numbers, dates and timestamps, not {ctx.types[0].sql}")
    qs = _quantiles(q, kind, "q")
    return [Value(lambda row: _as_kind(inverse_cdf(ctx, ctx.stream, qs, row), kind), source="sqlsynth.quantiles")]


def g_text(ctx: GenContext, lengths: Any = None) -> list[Value]:
    """Words of the built-in vocabulary, cut to a length drawn from the source's lengths (`lengths`:
    quantiles of char_length, fitted by make-stats). With unique: true the first words spell a
    permutation of the row number in base len(WORDS), so rows differ without a suffix (a value is then
    never shorter than those words).

    Promises: the distribution of char_length follows `lengths`; the words carry nothing of the
    source."""
    _single(ctx, "text")
    ti = ctx.types[0]
    if ti.kind != "text":
        raise GeneratorError(f"sqlsynth.text fills text columns, not {ti.sql}")
    qs = [max(0.0, x) for x in _quantiles(lengths, "int", "lengths")]
    n_words = len(WORDS)
    digits = 0
    if ctx.unique:
        digits = 2
        while n_words ** digits < max(ctx.n_rows, 1):
            digits += 1
        need = digits * (max(len(w) for w in WORDS) + 1)
        if ti.length is not None and ti.length < need:
            raise GeneratorError(f"{ti.sql} is too short for {ctx.n_rows} unique texts of words (needs {need} "
                                 "characters)")
    if ti.length is not None:
        qs = [min(x, float(ti.length)) for x in qs]
    longest = max(1.0, qs[-1])
    m = max(1, min(n_words - 1, math.ceil(longest / 4) + 1))  # words are 3+ letters and a space
    space = n_words ** digits

    def f(row: exp.Expression) -> exp.Expression:
        start = add(lit(1), ctx.streams.pick(ctx.stream + ":s", row, n_words - m))
        sl = exp.Bracket(this=exp.Paren(this=_w()), expressions=[exp.Slice(this=start, expression=add(start.copy(), lit(m - 1)))],
                         offset=1)
        text: exp.Expression = exp.ArrayToString(this=sl, expression=lit(" "))
        length: exp.Expression = exp.Cast(this=exp.Round(this=inverse_cdf(ctx, ctx.stream + ":len", qs, row)),
                                          to=exp.DataType.build("INT"))
        if digits:
            p = permutation(ctx.streams, ctx.stream + ":u", row, space)
            parts = []
            for i in range(digits):
                d = exp.Mod(this=exp.Paren(this=exp.Div(this=p.copy(), expression=lit(n_words ** i), typed=True))
                            if i else p.copy(), expression=lit(n_words))
                parts.append(sqlx.subscript(_w(), add(lit(1), d)))
            prefix = exp.ArrayToString(this=sqlx.array(parts), expression=lit(" "))
            text = sqlx.concat(prefix, lit(" "), text)
            length = exp.Greatest(this=length, expressions=[exp.Length(this=prefix.copy())])
        return exp.Trim(this=exp.Left(this=exp.Initcap(this=text), expression=length), position="TRAILING")
    return [Value(f, injective=ctx.unique, source="sqlsynth.text")]


_RANGE_SUB = {"timestamp without time zone": "timestamp", "timestamp with time zone": "timestamptz", "date": "date",
              "integer": "int", "bigint": "int", "numeric": "numeric"}


def g_range(ctx: GenContext, lower: Any = None, length: Any = None, upper_null: float = 0.0) -> list[Value]:
    """A range whose lower bound and length follow the source's quantiles (`lower`, `length`); a share
    `upper_null` of them unbounded above. length is in seconds for timestamp ranges and in days for
    date ranges.

    Promises: lower bounds and lengths follow their quantiles; the share of unbounded ranges is
    upper_null."""
    _single(ctx, "range")
    ti = ctx.types[0]
    if ti.kind != "range":
        raise GeneratorError(f"sqlsynth.range fills range columns, not {ti.sql}")
    sub = _RANGE_SUB.get(ti.subtype or "integer", "numeric")
    lo_q = _quantiles(lower, sub, "lower")
    len_q = [max(0.0, x) for x in _quantiles(length, "float", "length")]
    if isinstance(upper_null, bool) or not isinstance(upper_null, (int, float)) or not 0 <= upper_null <= 1:
        raise GeneratorError(f"upper_null must be a share between 0 and 1, got {upper_null!r}")
    ctor = ti.base_sql.split("(")[0].strip().lower()

    def bound(e: exp.Expression) -> exp.Expression:
        if sub == "int":
            return exp.Cast(this=exp.Round(this=e), to=exp.DataType.build(ti.subtype or "integer"))
        if sub == "numeric":
            return exp.Cast(this=e, to=exp.DataType.build("NUMERIC"))
        return _as_kind(e, sub)

    def f(row: exp.Expression) -> exp.Expression:
        a = inverse_cdf(ctx, ctx.stream + ":lo", lo_q, row)
        if sub == "date":
            a = exp.Floor(this=a)
            span = exp.Round(this=inverse_cdf(ctx, ctx.stream + ":len", len_q, row))
        elif sub == "int":
            a = exp.Round(this=a)
            span = exp.Round(this=inverse_cdf(ctx, ctx.stream + ":len", len_q, row))
        else:
            span = inverse_cdf(ctx, ctx.stream + ":len", len_q, row)
        b = bound(add(a.copy(), span))
        if upper_null > 0:
            b = sqlx.case([(exp.LT(this=ctx.streams.u(ctx.stream + ":open", row), expression=lit(float(upper_null))),
                            exp.Cast(this=exp.Null(), to=exp.DataType.build(ti.subtype or "integer")))], b)
        return primitives.make_range(ctor, bound(a), b)
    return [Value(f, source="sqlsynth.range")]


REGISTRY.update({
    "sqlsynth.quantiles": g_quantiles,
    "sqlsynth.text": g_text,
    "sqlsynth.range": g_range,
})
SUPPORTS_UNIQUE.add("sqlsynth.text")
