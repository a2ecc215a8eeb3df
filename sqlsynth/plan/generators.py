"""Configured row generators: datafaker names compiled to SQL values.

Each entry of REGISTRY takes a GenContext plus the config's args/kwargs (bound like
a Python call, so wrong arguments are reported precisely) and returns one Value
per assigned column. Nothing here runs per row.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import math
from dataclasses import dataclass, field
from typing import Any, Callable

from sqlglot import exp

from ..sql import primitives, sqlx
from ..sql.sqlx import Streams, add, lit, mul
from ..schema.types import TypeInfo
from ..config.mimesis import PoolError, check_call, check_name
from .pools import Pool, PoolSet, lookup
from . import nodes
from .values import (CAST_KINDS, EPOCH, Bounds, Unsupported, Value, choice_value, date_from_days, default_value,
                     permutation, seconds_of, spans_value, ts_from_seconds)


class GeneratorError(Exception):
    """Bad arguments or an impossible request; the message is shown with the config path
    (plus ``where``, e.g. ``kwargs.mean``, when the problem is in one argument)."""

    def __init__(self, message: str, where: str | None = None):
        super().__init__(message)
        self.where = where


@dataclass
class GenContext:
    streams: Streams
    stream: str  # base stream name for this generator (stable: derived from the assigned columns)
    columns: list[str]
    types: list[TypeInfo]
    bounds: list[Bounds]
    n_rows: int
    unique: bool = False
    pools: "PoolSet | None" = None
    pool_size: int | None = None
    locale: str | None = None
    open_ended: bool = False  # story rows may follow the n generated rows
    table_columns: set = field(default_factory=set)
    row_values: dict | None = None  # the table's Values, read lazily at render time
    depends_on: list = field(default_factory=list)
    stats: Any = None  # the loaded src-stats.yaml, for SRC_STATS references (sqlsynth.stats.refs)
    keyed: Any = None  # plan.keyed_pools.LocaleKey: one pool per locale, the row's parent picks it (locale_from)


def literal_arg(v: Any, stats: Any = None) -> Any:
    """datafaker writes args as Python expressions ('"num"'); read literals, never evaluate code.

    SRC_STATS["x"]["results"][0]["mean"] (parsed with ast) and {src_stats: x, path: [...]} are
    replaced by that part of src-stats.yaml, as is (not read again as literals); a missing one
    raises sqlsynth.stats.refs.StatsRefError."""
    from ..stats.refs import is_structured_ref, resolve_structured, resolve_text

    if isinstance(v, str):
        s = v.strip()
        if "SRC_STATS" in s:
            return resolve_text(s, stats)
        # Only a whole value is a Python literal: " {}" (a format with a leading space, or a
        # unicode line separator) is a string, not the dict {} with its whitespace dropped.
        if s == v and (s[:1] in ("'", '"', "[", "{", "(") or s in ("None", "True", "False")):
            try:
                return ast.literal_eval(s)
            except (ValueError, SyntaxError):
                return v
        return v
    if isinstance(v, list):
        return [literal_arg(x, stats) for x in v]
    if isinstance(v, dict):
        if is_structured_ref(v):
            return resolve_structured(v, stats)
        return {k: literal_arg(x, stats) for k, x in v.items()}
    return v


def _literal(v: Any, stats: Any, where: str) -> Any:
    from ..stats.refs import StatsRefError

    try:
        return literal_arg(v, stats)
    except StatsRefError as e:
        raise GeneratorError(str(e), where=where) from None


def _num(name: str, v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise GeneratorError(f"{name} must be a number, got {v!r}")
    try:
        f = float(v)
    except OverflowError:
        raise GeneratorError(f"{name} is too large: {v!r}") from None
    if not math.isfinite(f):  # .nan/.inf would compile to SQL that fails, or to NaN rows
        raise GeneratorError(f"{name} must be a finite number, got {v!r}")
    return f


def _single(ctx: GenContext, name: str) -> None:
    if len(ctx.columns) != 1:
        raise GeneratorError(f"{name} fills one column, but columns_assigned names {len(ctx.columns)}")


def _cast_to_column(ctx: GenContext, e: exp.Expression, i: int = 0) -> exp.Expression:
    ti = ctx.types[i]
    if (ti.kind in CAST_KINDS and not ti.array_dims) or (ti.kind == "array" and ti.element is not None
                                                          and ti.element.kind == "enum"):
        if isinstance(e, exp.Null):
            return e
        return sqlx.cast(e, ti.sql)
    return e


# ---- the generators -------------------------------------------------------------------------


def g_null(ctx: GenContext) -> list[Value]:
    """NULL in every assigned column.

    Promises: every value is NULL (the column must be nullable)."""
    return [Value(lambda row: exp.Null(), source="null", node=nodes.Null()) for _ in ctx.columns]


def g_constant(ctx: GenContext, value: Any = None) -> list[Value]:
    """The same value on every row (one value per assigned column when given a list), cast to the
    column's type.

    Promises: every row holds `value`."""
    vals = list(value) if len(ctx.columns) > 1 and isinstance(value, (list, tuple)) else [value]
    if len(vals) != len(ctx.columns):
        raise GeneratorError(f"constant gives {len(vals)} values for {len(ctx.columns)} columns")
    return [Value(lambda row, v=v, i=i: _cast_to_column(ctx, lit(v), i), source="constant", node=nodes.Constant(nodes.literal(v)))
            for i, v in enumerate(vals)]


def g_integer(ctx: GenContext, start: int = -1000, end: int = 1000) -> list[Value]:
    """A whole number between `start` and `end`, both included. With `unique: true`, a permutation of
    the row number into that span (so at most end - start + 1 rows).

    Promises: uniform on start..end (each value has probability 1/(end - start + 1), up to the
    2^-32 resolution of one hash word); with unique: true, distinct values."""
    _single(ctx, "integer_number")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise GeneratorError("start and end must be whole numbers")
    if end < start:
        raise GeneratorError(f"end ({end}) is below start ({start})")
    v = spans_value(ctx.streams, ctx.stream, [(start, end + 1)], ctx.unique, ctx.n_rows, lambda e: e)
    v.span = (start, end)
    return [v]


def g_float(ctx: GenContext, start: float = -1000.0, end: float = 1000.0, precision: int = 15) -> list[Value]:
    """A number between `start` and `end`, rounded to `precision` decimal places when below 15.

    Promises: uniform on [start, end); mean (start + end) / 2."""
    _single(ctx, "float_number")
    lo, hi = _num("start", start), _num("end", end)
    if hi < lo:
        raise GeneratorError(f"end ({end}) is below start ({start})")
    if isinstance(precision, bool) or not isinstance(precision, int):  # used when rendering: check it now
        raise GeneratorError(f"precision must be a whole number of decimal places, got {precision!r}")
    s = ctx.streams

    def f(row: exp.Expression) -> exp.Expression:
        v = add(lit(lo), mul(s.u(ctx.stream, row), lit(hi - lo)))
        return exp.Round(this=exp.Cast(this=v, to=exp.DataType.build("NUMERIC")), decimals=lit(int(precision))) if precision < 15 else v
    return [Value(f)]


def g_uniform(ctx: GenContext, low: float = 0.0, high: float = 1.0) -> list[Value]:
    """A number drawn uniformly between `low` and `high`: low + u * (high - low).

    Promises: uniform on [low, high); mean (low + high) / 2, sd (high - low) / sqrt(12)."""
    _single(ctx, "uniform")
    lo, hi = _num("low", low), _num("high", high)
    return [Value(lambda row: add(lit(lo), mul(ctx.streams.u(ctx.stream, row), lit(hi - lo))),
                  node=nodes.Uniform(lo, hi, ctx.stream))]


def g_uniform_ms(ctx: GenContext, mean: float = 0.0, sd: float = 1.0) -> list[Value]:
    """A uniform number given by its mean and standard deviation: uniform on
    [mean - sqrt(3) sd, mean + sqrt(3) sd).

    Promises: mean `mean` and standard deviation `sd`."""
    m, s = _num("mean", mean), _num("sd", sd)
    return g_uniform(ctx, m - math.sqrt(3) * s, m + math.sqrt(3) * s)


def _std_normal(ctx: GenContext, row: exp.Expression, stream: str) -> exp.Expression:
    """Box-Muller: sqrt(-2 ln(1-u1)) * cos(2 pi u2)."""
    u1 = exp.Sub(this=lit(1.0), expression=ctx.streams.u(stream + ":a", row))
    u2 = ctx.streams.u(stream + ":b", row)
    r = exp.Sqrt(this=mul(lit(-2.0), exp.Ln(this=u1)))
    return mul(r, exp.Cos(this=mul(lit(2 * math.pi), u2)))


def g_normal(ctx: GenContext, mean: float = 0.0, sd: float = 1.0) -> list[Value]:
    """A normal number (Box-Muller on two independent uniform streams), clamped to the column's
    type and CHECK bounds (and, when fitted with stats: auto, to the source's min and max).

    Promises: mean `mean`, standard deviation `sd` (before clamping)."""
    _single(ctx, "normal")
    m, s = _num("mean", mean), _num("sd", sd)
    return [Value(lambda row: add(lit(m), mul(lit(s), _std_normal(ctx, row, ctx.stream))), node=nodes.Normal(m, s, ctx.stream))]


def g_lognormal(ctx: GenContext, logmean: float = 0.0, logsd: float = 1.0) -> list[Value]:
    """exp(normal(logmean, logsd)): a positive, right-skewed number (amounts, prices, sizes).

    Promises: log(value) has mean `logmean` and standard deviation `logsd`; stats: auto fits them so
    that the value has the source's mean and sd (method of moments)."""
    _single(ctx, "lognormal")
    m, s = _num("logmean", logmean), _num("logsd", logsd)
    return [Value(lambda row: exp.Exp(this=add(lit(m), mul(lit(s), _std_normal(ctx, row, ctx.stream)))),
                  node=nodes.Normal(m, s, ctx.stream, log=True))]


def _choice(ctx: GenContext, values: Any, name: str) -> list[Value]:
    _single(ctx, name)
    if not isinstance(values, (list, tuple)) or not values:
        raise GeneratorError(f"{name} needs a non-empty list of values")
    if ctx.unique and len(set(map(repr, values))) < ctx.n_rows:
        raise GeneratorError(f"unique values asked for {ctx.n_rows} rows but only {len(values)} choices")
    ti = ctx.types[0]
    return [choice_value(ctx.streams, ctx.stream, list(values), ti, unique=ctx.unique)]


def g_generic_choice(ctx: GenContext, items: Any = None, length: int = 0, unique: bool = False) -> list[Value]:
    """One of `items`, each with the same probability (Mimesis' Generic.choice). `length` is
    accepted for compatibility and ignored. With `unique: true`, a permutation of the items.

    Promises: every item with probability 1/len(items); with unique: true, distinct values."""
    return _choice(ctx, items, "choice")


def g_random_choice(ctx: GenContext, seq: Any = None) -> list[Value]:
    """One of `seq`, each with the same probability (Mimesis' random.choice).

    Promises: every element with probability 1/len(seq)."""
    return _choice(ctx, seq, "choice")


def _rows_values(a: Any, name: str) -> list:
    if not isinstance(a, list) or not a:
        raise GeneratorError(f"{name} needs a non-empty list")
    return [r["value"] if isinstance(r, dict) and "value" in r else r for r in a]


def g_dist_choice(ctx: GenContext, a: Any = None) -> list[Value]:
    """One of `a` (plain values or `{value, ...}` rows, as make-stats writes them), each with the
    same probability.

    Promises: every value with probability 1/len(a); with unique: true, distinct values."""
    return _choice(ctx, _rows_values(a, "choice"), "choice")


def g_weighted_choice(ctx: GenContext, a: Any = None) -> list[Value]:
    """One of the values of `a` (rows `{value, count}`, as make-stats writes them), by an
    inverse-CDF pick over the cumulative counts.

    Promises: P(value) = count / sum of counts; values with count 0 never appear."""
    _single(ctx, "weighted_choice")
    if not isinstance(a, list) or not a or not all(isinstance(r, dict) and "value" in r and "count" in r for r in a):
        raise GeneratorError("weighted_choice needs a list of {value, count} rows")
    rows = [(r["value"], _num("count", r["count"])) for r in a if _num("count", r["count"]) > 0]
    if not rows:
        raise GeneratorError("weighted_choice: every count is zero")
    return [weighted_value(ctx, [v for v, _ in rows], [w for _, w in rows])]


def weighted_value(ctx: GenContext, values: list, weights: list[float]) -> Value:
    """Inverse-CDF pick over the cumulative weights (sqlx.pick_by_cdf: one width_bucket search indexing
    the values, or a CASE for two)."""
    total = float(sum(weights))
    cum, acc = [], 0.0
    for w in weights[:-1]:
        acc += w
        cum.append(acc / total)

    def f(row: exp.Expression) -> exp.Expression:
        return sqlx.pick_by_cdf(ctx.streams.u(ctx.stream, row), cum, [_cast_to_column(ctx, lit(v)) for v in values])
    return Value(f, source="weighted_choice", values=list(values),
                 node=nodes.Choice(nodes.literal(values), tuple(float(w) for w in weights), ctx.stream))


def g_boolean(ctx: GenContext, probability: float = 0.5) -> list[Value]:
    """true with probability `probability`.

    Promises: the share of true is `probability`."""
    _single(ctx, "boolean")
    p = _num("probability", probability)
    return [Value(lambda row: exp.LT(this=ctx.streams.u(ctx.stream, row), expression=lit(p)),
                  node=nodes.Choice((True, False), (float(p), 1.0 - float(p)), ctx.stream))]


def g_coin(ctx: GenContext) -> list[Value]:
    """true or false with the same probability (Mimesis' development.boolean).

    Promises: the share of true is 0.5."""
    return g_boolean(ctx, 0.5)


def _year_bounds(start: Any, end: Any) -> tuple[int, int]:
    for n, v in (("start", start), ("end", end)):
        if not isinstance(v, int) or isinstance(v, bool):
            raise GeneratorError(f"{n} must be a year (a whole number), got {v!r}")
        if not 1 <= v <= 9999:  # what Python's datetime (and PostgreSQL's ISO years) can hold
            raise GeneratorError(f"{n} must be a year between 1 and 9999, got {v!r}")
    if end < start:
        raise GeneratorError(f"end ({end}) is before start ({start})")
    return start, end


def g_date(ctx: GenContext, start: int = 2000, end: int = 2025) -> list[Value]:
    """A date between 1 January of `start` and 31 December of `end`. With `unique: true`, a
    permutation of the row number into those days.

    Promises: uniform over the days of those years; with unique: true, distinct dates."""
    _single(ctx, "date")
    a, b = _year_bounds(start, end)
    lo = (dt.datetime(a, 1, 1) - EPOCH).days
    hi = (dt.datetime(b, 12, 31) - EPOCH).days
    return [spans_value(ctx.streams, ctx.stream, [(lo, hi + 1)], ctx.unique, ctx.n_rows, date_from_days,
                        unit="days since 1970-01-01")]


def g_datetime(ctx: GenContext, start: int = 2000, end: int = 2025, timezone: Any = None) -> list[Value]:
    """A timestamp between the start of year `start` and the end of year `end`, to the second
    (timestamptz columns get UTC). `timezone` is accepted and ignored.

    Promises: uniform over the seconds of those years; with unique: true, distinct values."""
    _single(ctx, "datetime")
    a, b = _year_bounds(start, end)
    tz = ctx.types[0].kind == "timestamptz"
    return [spans_value(ctx.streams, ctx.stream,
                        [(seconds_of(dt.datetime(a, 1, 1)), seconds_of(dt.datetime(b, 12, 31, 23, 59, 59)) + 1)],
                        ctx.unique, ctx.n_rows, lambda e: ts_from_seconds(e, tz), unit="seconds since 1970-01-01 UTC")]


def g_default(ctx: GenContext) -> list[Value]:
    """The type default explicitly: what sqlsynth writes for a column no generator names (a value
    of the column's type within its length, CHECK and domain bounds; see the explanation of
    compilation).

    Promises: only that the value fits the column (type, length, CHECKs, uniqueness)."""
    out = []
    for i, c in enumerate(ctx.columns):
        try:
            out.append(default_value(ctx.types[i], ctx.streams, c, ctx.bounds[i], ctx.n_rows, ctx.unique, pools=ctx.pools))
        except Unsupported as e:
            raise GeneratorError(str(e)) from None
    return out


REGISTRY: dict[str, Callable[..., list[Value]]] = {
    "generic.null_provider.null": g_null,
    "dist_gen.constant": g_constant,
    "generic.numeric.integer_number": g_integer,
    "generic.numeric.float_number": g_float,
    "dist_gen.uniform": g_uniform,
    "dist_gen.uniform_ms": g_uniform_ms,
    "dist_gen.normal": g_normal,
    "dist_gen.lognormal": g_lognormal,
    "generic.choice": g_generic_choice,
    "generic.random.choice": g_random_choice,
    "dist_gen.choice": g_dist_choice,
    "dist_gen.choice_direct": g_random_choice,
    "dist_gen.weighted_choice": g_weighted_choice,
    "generic.development.boolean": g_coin,
    "generic.weighted_boolean_provider.bool": g_boolean,
    "generic.datetime.date": g_date,
    "generic.datetime.datetime": g_datetime,
    "sqlsynth.default": g_default,
}

# Generators that can be asked for unique values (kwargs unique: true).
SUPPORTS_UNIQUE = {"generic.numeric.integer_number", "generic.choice", "generic.random.choice", "dist_gen.choice",
                   "generic.datetime.date", "generic.datetime.datetime", "sqlsynth.default"}


def is_known(name: str, locale: str = "en_GB") -> bool:
    if name in REGISTRY:
        return True
    try:
        check_name(name, locale)
        return True
    except PoolError:
        return False


def pool_value(ctx: GenContext, name: str, args: list, kwargs: dict) -> list[Value]:
    """Any Mimesis generic.<provider>.<method>: a pool of distinct values sampled by SQL."""
    _single(ctx, name)
    assert ctx.pools is not None
    try:
        check_call(name, args, kwargs, ctx.locale or ctx.pools.locale)
    except PoolError as e:
        raise GeneratorError(str(e)) from None
    ti = ctx.types[0]
    maxlen = ti.length if ti.kind == "text" and ti.length else None
    if ctx.keyed is not None:
        pool = ctx.pools.keyed(name, args, kwargs, ctx.keyed.locales, size=ctx.pool_size, max_length=maxlen,
                               unique=ctx.unique)
    else:
        pool = ctx.pools.get(name, args, kwargs, size=ctx.pool_size, max_length=maxlen, locale=ctx.locale)
    try:
        k = len(pool.build())
    except PoolError as e:
        raise GeneratorError(str(e)) from None
    if k == 0:
        raise GeneratorError(f"{name} produced no values")
    if ctx.keyed is not None:
        return [pool_column(ctx, pool, pool.per, ti, keyed=ctx.keyed)]
    return [pool_column(ctx, pool, k, ti)]


def pool_column(ctx: GenContext, pool: Pool, k: int, ti: TypeInfo, keyed: Any = None) -> Value:
    """k values to pick from; keyed: a LocaleKey, then the pool holds k values per locale (keyed_pools)."""
    unique = ctx.unique
    # rows beyond n (story rows) must stay distinct too: a text key then always gets the row-number suffix;
    # a keyed pool whose locales repeat values (too few distinct ones) too
    suffix = unique and (ctx.n_rows > k or (ctx.open_ended and ti.kind == "text") or getattr(pool, "short", False))
    if suffix and ti.kind != "text":
        raise GeneratorError(f"unique values asked for {ctx.n_rows} rows but the pool has only {k} distinct "
                             f"values; raise pool_size")
    if suffix and ti.length is not None and ti.length < len(str(ctx.n_rows)) + 2:
        raise GeneratorError(f"unique values asked for {ctx.n_rows} rows but {pool.name} gives only {k} distinct "
                             f"value{'' if k == 1 else 's'}, and {ti.sql} is too short to add a row number to them; "
                             "use another generator (or none: the default makes distinct values)")
    is_email = sum("@" in v for v in pool.values[:50]) > 25

    def f(row: exp.Expression) -> exp.Expression:
        idx = permutation(ctx.streams, ctx.stream, row, k) if unique and not suffix else ctx.streams.pick(ctx.stream, row, k)
        if keyed is not None:
            from .keyed_pools import keyed_index

            idx = keyed_index(pool, keyed, idx, row)
        v = lookup(pool, idx)
        if suffix:
            num = exp.Cast(this=row.copy(), to=exp.DataType.build("TEXT"))
            if is_email:
                v = sqlx.concat(exp.SplitPart(this=v, delimiter=lit("@"), part_index=lit(1)), lit("."), num, lit("@"),
                                exp.SplitPart(this=v.copy(), delimiter=lit("@"), part_index=lit(2)))
            else:
                v = sqlx.concat(v, lit("-"), num)
            if ti.length is not None:  # keep the suffix, shorten the value
                v = exp.Right(this=v, expression=lit(ti.length)) if not is_email else v
        if ti.kind == "tsvector":
            return primitives.text_search_vector(exp.Cast(this=lit("english"), to=sqlx.dtype("regconfig")), v)
        if ti.kind not in ("text", "unknown"):
            v = sqlx.cast(v, ti.sql)
        return v
    return Value(f, injective=unique, source=pool.name, node=nodes.PoolLookup(pool.name, k, ctx.stream))


def build(name: str, ctx: GenContext, args: list, kwargs: dict) -> list[Value]:
    """Compile one configured generator; raise GeneratorError with a readable message."""
    f = REGISTRY.get(name)
    args = [_literal(a, ctx.stats, f"args[{i}]") for i, a in enumerate(args)]
    kwargs = {k: _literal(v, ctx.stats, f"kwargs.{k}") for k, v in kwargs.items()}
    unique = kwargs.pop("unique", False)
    if unique not in (True, False):
        raise GeneratorError(f"unique must be true or false, got {unique!r}")
    if f is None:
        ctx.unique = bool(unique) or ctx.unique
        values = pool_value(ctx, name, args, kwargs)
        for v in values:
            v.source = name
        return values
    if unique and name not in SUPPORTS_UNIQUE:
        raise GeneratorError(f"{name} cannot guarantee unique values")
    ctx.unique = bool(unique) or ctx.unique
    sig = inspect.signature(f)
    try:
        sig.bind(ctx, *args, **kwargs)
    except TypeError as e:
        params = [p for p in list(sig.parameters)[1:]]
        raise GeneratorError(f"wrong arguments for {name}: {e} (it takes: {', '.join(params) or 'no arguments'})") from None
    try:
        values = f(ctx, *args, **kwargs)
    except Unsupported as e:
        raise GeneratorError(str(e)) from None
    except (TypeError, ValueError, OverflowError, ArithmeticError) as e:
        # arguments of a wrong type or size that a generator did not check itself (int(1e999), ...):
        # reported at the config entry, never a traceback
        raise GeneratorError(f"invalid arguments for {name}: {e}") from None
    if len(values) != len(ctx.columns):
        raise GeneratorError(f"{name} gives {len(values)} values but columns_assigned names {len(ctx.columns)}")
    for v in values:
        v.source = name
    return values


_MIMESIS_NAMES: list[str] = []


def known_names() -> list[str]:
    """Registry names plus every generic.<provider>.<method> of Mimesis (for suggestions)."""
    if not _MIMESIS_NAMES:
        from mimesis import Generic

        g = Generic()
        for prov in dir(g):
            if prov.startswith("_"):
                continue
            obj = getattr(g, prov, None)
            for m in dir(obj):
                if not m.startswith("_") and callable(getattr(obj, m, None)) and not isinstance(getattr(obj, m), type):
                    _MIMESIS_NAMES.append(f"generic.{prov}.{m}")
    return list(REGISTRY) + _MIMESIS_NAMES


# The generators of the sibling modules register themselves in REGISTRY when imported: importing them here
# makes REGISTRY whole for whoever reads it, with or without the planner (plan.build) loaded.
from . import distributions as _distributions, empirical as _empirical  # noqa: E402,F401
