"""The source statistics of the empirical generators (sqlsynth.quantiles, sqlsynth.text,
sqlsynth.range), and the small-count rule for children-per-parent histograms.

Each statistic is one SELECT of aggregates built with sqlglot (identifiers quoted):
``percentile_cont(ARRAY[0, 1/K, ..., 1]) WITHIN GROUP (ORDER BY x)`` over the non-NULL values,
``HAVING count(x) > suppress`` so a column with that few values gives no result at all (the
generator then falls back to the column's default). Dates and timestamps are ordered by their
epoch (days, seconds) and written back as ISO strings, so src-stats.yaml reads as dates.
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from ..sql import primitives, sqlx
from ..sql.sqlx import lit
from ..schema.model import Schema
from ..schema.types import TypeInfo

STEPS = 50  # quantiles at 0, 2 %, ..., 100 %
TEMPORAL = {"date", "timestamp", "timestamptz"}
_ISO_TS = 'YYYY-MM-DD"T"HH24:MI:SS.US'


def source_table(src_schema: Any, table: str) -> exp.Table:
    """A table of the source: in src_schema, or (a Schema of several schemas) in its own schema."""
    if isinstance(src_schema, Schema):
        if table in src_schema.tables:
            return sqlx.table(*src_schema.source_name(table))
        return sqlx.table(src_schema.schema, table)
    return sqlx.table(src_schema, table)


def _a(e: exp.Expression, name: str) -> exp.Expression:
    return exp.alias_(e, name, quoted=True)


def _dbl(e: exp.Expression) -> exp.Expression:
    return exp.Cast(this=e, to=exp.DataType.build("DOUBLE PRECISION"))


def _probabilities(steps: int = STEPS) -> exp.Expression:
    return exp.Array(expressions=[exp.Literal.number(f"{i / steps:.6g}") for i in range(steps + 1)])


def _percentiles(order_by: exp.Expression, steps: int = STEPS) -> exp.Expression:
    return exp.WithinGroup(this=exp.PercentileCont(this=_probabilities(steps)),
                           expression=exp.Order(expressions=[exp.Ordered(this=order_by)]))


def epoch_of(c: exp.Expression, kind: str) -> exp.Expression:
    """A value as a number: days since 1970-01-01 for dates, seconds (UTC) for timestamps."""
    if kind == "date":
        return _dbl(exp.Sub(this=c, expression=exp.Cast(this=lit("1970-01-01"), to=exp.DataType.build("DATE"))))
    if kind in ("timestamp", "timestamptz"):
        return exp.Extract(this=exp.var("EPOCH"), expression=c)
    return _dbl(c)


def _iso(v: exp.Expression, kind: str) -> exp.Expression:
    """A number from epoch_of back to an ISO string."""
    base = exp.Cast(this=lit("1970-01-01"), to=exp.DataType.build("TIMESTAMP"))
    if kind == "date":
        day = exp.Add(this=base, expression=exp.Mul(this=exp.Floor(this=v), expression=exp.Interval(
            this=lit("1"), unit=exp.var("DAY"))))
        return exp.ToChar(this=day, format=lit("YYYY-MM-DD"))
    ts = exp.Add(this=base, expression=exp.Mul(this=v, expression=exp.Interval(this=lit("1"), unit=exp.var("SECOND"))))
    return exp.ToChar(this=ts, format=lit(_ISO_TS))


def _as_iso_array(arr: exp.Expression, kind: str) -> exp.Expression:
    """ARRAY(SELECT iso(v) FROM unnest(arr) WITH ORDINALITY AS u(v, n) ORDER BY n)."""
    v, n = exp.column("v", "u", quoted=True), exp.column("n", "u", quoted=True)
    unnest = exp.Unnest(expressions=[arr], alias=exp.TableAlias(this=exp.to_identifier("u", quoted=True),
                                                               columns=[exp.to_identifier("v", quoted=True)]),
                        offset=exp.to_identifier("n", quoted=True))
    return exp.Array(expressions=[exp.select(_iso(v, kind)).from_(unnest).order_by(n)])


def _wrap(inner: exp.Select, outer_cols: list[exp.Expression]) -> exp.Select:
    return exp.select(*outer_cols).from_(inner.subquery(exp.to_identifier("s", quoted=True), copy=False))


def quantiles_select(src_schema: Any, table: str, column: str, ti: TypeInfo | None, suppress: int,
                     steps: int = STEPS) -> exp.Select:
    """{q: [...]}: quantiles of the column (ISO strings for dates and timestamps)."""
    kind = ti.kind if ti is not None else "float"
    c = sqlx.col(column)
    inner = exp.select(_a(_percentiles(epoch_of(c.copy(), kind), steps), "q")).from_(source_table(src_schema, table)) \
        .where(exp.Not(this=exp.Is(this=c.copy(), expression=exp.Null()))) \
        .having(exp.GT(this=exp.Count(this=c.copy()), expression=lit(suppress)))
    q = exp.column("q", "s", quoted=True)
    out = _as_iso_array(q, kind) if kind in TEMPORAL else q
    return _wrap(inner, [_a(out, "q")])


def lengths_select(src_schema: Any, table: str, column: str, suppress: int, steps: int = STEPS) -> exp.Select:
    """{lengths: [...]}: quantiles of char_length of the non-NULL values."""
    c = sqlx.col(column)
    return exp.select(_a(_percentiles(_dbl(exp.Length(this=c.copy())), steps), "lengths")) \
        .from_(source_table(src_schema, table)).where(exp.Not(this=exp.Is(this=c.copy(), expression=exp.Null()))) \
        .having(exp.GT(this=exp.Count(this=c.copy()), expression=lit(suppress)))


RANGE_SUB = {"timestamp without time zone": "timestamp", "timestamp with time zone": "timestamptz", "date": "date"}


def range_select(src_schema: Any, table: str, column: str, ti: TypeInfo | None, suppress: int,
                 steps: int = STEPS) -> exp.Select:
    """{lower: [...], length: [...], upper_null: share}: a range column's lower bounds, lengths (seconds
    for timestamp ranges, days for date ranges) and share unbounded above; non-empty ranges with a lower bound."""
    sub = RANGE_SUB.get((ti.subtype if ti is not None else None) or "", "number")
    c = sqlx.col(column)
    lo = primitives.range_lower(c.copy())
    hi = primitives.range_upper(c.copy())
    lo_n, hi_n = epoch_of(lo, sub), epoch_of(hi, sub)
    length = exp.Sub(this=hi_n, expression=lo_n.copy())
    open_share = exp.Avg(this=sqlx.case([(primitives.range_upper_inf(c.copy()), lit(1.0))], lit(0.0)))
    ok = exp.and_(exp.Not(this=exp.Is(this=c.copy(), expression=exp.Null())),
                  exp.Not(this=primitives.range_isempty(c.copy())), exp.Not(this=primitives.range_lower_inf(c.copy())))
    inner = exp.select(_a(_percentiles(lo_n.copy(), steps), "lower"), _a(_percentiles(length, steps), "length"),
                       _a(_dbl(open_share), "upper_null")) \
        .from_(source_table(src_schema, table)).where(ok) \
        .having(exp.GT(this=exp.Count(this=exp.Star()), expression=lit(suppress)))
    lower = exp.column("lower", "s", quoted=True)
    cols = [_a(_as_iso_array(lower, sub) if sub in TEMPORAL else lower, "lower"),
            _a(exp.column("length", "s", quoted=True), "length"), _a(exp.column("upper_null", "s", quoted=True), "upper_null")]
    return _wrap(inner, cols)


# ---- children per parent: small counts ----------------------------------------------------------


def merge_small_buckets(rows: list[dict[str, Any]], suppress: int) -> list[dict[str, Any]]:
    """A degree histogram ({k, parents} rows, k ascending) with no row of `suppress` parents or fewer:
    runs of consecutive small buckets become one range row {k, k_max, parents} (spread evenly over
    k..k_max when generating) once they hold more than `suppress` parents; a run that never does is
    left out, as choices leave out rare values."""
    out: list[dict[str, Any]] = []
    run: list[tuple[int, float]] = []

    def flush() -> None:
        total = sum(n for _k, n in run)
        if run and total > suppress:
            out.append({"k": run[0][0], "k_max": run[-1][0], "parents": total})
        run.clear()

    for r in sorted(rows, key=lambda r: int(r["k"])):
        k, n = int(r["k"]), r.get("parents") or 0
        if n > suppress:
            flush()
            out.append({"k": k, "parents": n})
            continue
        run.append((k, n))
        if sum(x for _k, x in run) > suppress:
            flush()
    flush()
    return out
