"""Source against destination: distances between two profiles (report.measure), and the measures
that need both databases at once (exact categorical TVD, exact-match rates).

The measures across databases never pull a table into Python: the source's per-value counts (or
its rows' 64-bit hashes) are streamed, as they come from a server-side cursor, into a temporary table
of the destination session by COPY, and the destination computes the figure in SQL.
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from ..sql import primitives, sqlx
from ..sql.sqlx import lit
from ..schema.model import Schema
from .measure import Side, _a, _text

SHIP = "sqlsynth_report_ship"
BINNED_TVD_BINS = 10


# ---- distances between count vectors --------------------------------------------------------


def _shares(counts: list[int]) -> list[float]:
    n = sum(counts)
    return [c / n for c in counts] if n else [0.0] * len(counts)


def ks(a: list[int], b: list[int]) -> float | None:
    """Kolmogorov-Smirnov distance of two bucket-count vectors over the same (ordered) buckets."""
    if not sum(a) or not sum(b) or len(a) != len(b):
        return None
    pa, pb = _shares(a), _shares(b)
    ca = cb = best = 0.0
    for x, y in zip(pa, pb):
        ca, cb = ca + x, cb + y
        best = max(best, abs(ca - cb))
    return best


def tvd(a: list[int], b: list[int]) -> float | None:
    if not sum(a) or not sum(b) or len(a) != len(b):
        return None
    return 0.5 * sum(abs(x - y) for x, y in zip(_shares(a), _shares(b)))


def coarse(src: list[int], dst: list[int], bins: int = BINNED_TVD_BINS) -> tuple[list[int], list[int]]:
    """Fine buckets merged into about `bins` groups of equal source mass (for a binned TVD and plots)."""
    n = sum(src) or 1
    merged: dict[int, list[int]] = {}
    cum = 0
    for x, y in zip(src, dst):
        g = merged.setdefault(min(bins - 1, int(bins * cum / n)), [0, 0])
        g[0] += x
        g[1] += y
        cum += x
    ga, gb = [g[0] for g in merged.values()], [g[1] for g in merged.values()]
    return ga, gb


def values_tvd(src: dict, dst: dict) -> float | None:
    """TVD over the source's top values plus one bucket for every other value."""
    if not src.get("total") or not dst.get("total"):
        return None
    a = list(src["counts"]) + [src["total"] - sum(src["counts"])]
    b = list(dst["counts"]) + [dst["total"] - sum(dst["counts"])]
    return tvd(a, b)


def corr_difference(a: dict | None, b: dict | None) -> dict | None:
    if not a or not b or a["columns"] != b["columns"]:
        return None
    m = [[None if x is None or y is None else y - x for x, y in zip(ra, rb)] for ra, rb in zip(a["matrix"], b["matrix"])]
    off = [abs(v) for i, r in enumerate(m) for j, v in enumerate(r) if i != j and v is not None]
    return {"columns": a["columns"], "difference": m, "mean_abs": sum(off) / len(off) if off else None}


# ---- across both databases ------------------------------------------------------------------


def ship(src_conn: Any, dst_conn: Any, query: exp.Select, columns: list[tuple[str, str]]) -> None:
    """Stream the rows of a SELECT on the source into the destination's temporary table SHIP."""
    from psycopg import sql

    from ..readonly import check_select

    text = query.sql(sqlx.DIALECT)
    check_select(text)
    dst_conn.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(SHIP)))
    dst_conn.execute(sql.SQL("CREATE TEMPORARY TABLE {} ({})").format(
        sql.Identifier(SHIP), sql.SQL(", ").join(sql.SQL("{} {}").format(sql.Identifier(n), sql.SQL(t))
                                                 for n, t in columns)))
    with src_conn.transaction(), dst_conn.cursor() as dcur:
        with src_conn.cursor(name="sqlsynth_report_stream") as scur, \
                dcur.copy(sql.SQL("COPY {} FROM STDIN").format(sql.Identifier(SHIP))) as copy:
            scur.itersize = 10_000
            scur.execute(text)
            for row in scur:
                copy.write_row(row)
    dst_conn.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(SHIP)))


def _hash(e: exp.Expression) -> exp.Expression:
    """A 64-bit hash of the value's text (hashtextextended: PostgreSQL's hash partitioning hash, the
    same on every server; about three times cheaper than md5, and a false match has odds ~1e-15)."""
    return primitives.hash_text64(_text(e), lit(0))


def _row(cols: list[str], alias: str | None = None) -> exp.Expression:
    if len(cols) == 1:
        return sqlx.col(cols[0], alias)
    return exp.Tuple(expressions=[sqlx.col(c, alias) for c in cols])  # (a, b): a row constructor


def exact_values_tvd(src_conn: Any, src: Side, dst: Side, dst_conn: Any, table: str, column: str) -> float | None:
    """TVD over every value of a column (NULLs left out): the source's counts per value (hashed) shipped."""
    v = sqlx.col(column)
    notnull = exp.Not(this=exp.Is(this=v.copy(), expression=exp.Null()))
    per_value = lambda side: (exp.select(_a(_hash(v.copy()), "h"), _a(exp.Count(this=exp.Star()), "n"))  # noqa: E731
                              .from_(side.table(table)).where(notnull.copy()).group_by(lit(1)))
    ship(src_conn, dst_conn, per_value(src), [("h", "bigint"), ("n", "bigint")])
    s_tot = exp.select(exp.Sum(this=exp.column("n"))).from_(sqlx.table(None, SHIP)).subquery()
    d = per_value(dst).subquery(exp.to_identifier("d", quoted=True))
    share = lambda alias, tot: exp.Div(  # noqa: E731
        this=exp.Cast(this=exp.Coalesce(this=sqlx.col("n", alias), expressions=[lit(0)]), to=exp.DataType.build("DOUBLE PRECISION")),
        expression=tot)
    d_tot = exp.select(exp.Count(this=exp.Star())).from_(dst.table(table)).where(notnull.copy()).subquery()
    diff = exp.Abs(this=exp.Sub(this=share("s", s_tot), expression=share("d", d_tot)))
    sel = (exp.select(exp.Mul(this=lit(0.5), expression=exp.Sum(this=diff)))
           .from_(exp.alias_(sqlx.table(None, SHIP), "s", quoted=True))
           .join(d, on=exp.EQ(this=sqlx.col("h", "s"), expression=sqlx.col("h", "d")), join_type="full"))
    got = dst.run(sel.sql(sqlx.DIALECT))[0][0]
    return None if got is None else round(float(got), 12)


def exact_match_rate(src_conn: Any, src: Side, dst: Side, dst_conn: Any, table: str, cols: list[str]) -> float | None:
    """Share of destination rows equal to some source row on cols (compared as hashes of their text)."""
    ship(src_conn, dst_conn, exp.select(_a(_hash(_row(cols)), "h")).from_(src.table(table)).distinct(), [("h", "bigint")])
    hit = exp.In(this=_hash(_row(cols)), query=exp.select(sqlx.col("h")).from_(sqlx.table(None, SHIP)).subquery())
    sel = exp.select(exp.Cast(this=exp.Avg(this=sqlx.case([(hit, lit(1.0))], lit(0.0))),
                              to=exp.DataType.build("DOUBLE PRECISION"))).from_(dst.table(table))
    got = dst.run(sel.sql(sqlx.DIALECT))[0][0]
    return None if got is None else float(got)


# ---- FK diamonds --------------------------------------------------------------------------------


def diamonds(schema: Schema, tables: list[str]) -> list[tuple[str, Any, Any, Any]]:
    """(table, fk to P, fk to M, M's fk to P): a row's parent P directly and through M should agree."""
    from ..schema.keys import effective_fks

    out = []
    for name in tables:
        fks = [fk for _o, fk in effective_fks(schema, schema.tables[name]) if not fk.ref_schema]
        for f1 in fks:
            for f2 in fks:
                if f2 is f1 or f2.ref_table == f1.ref_table or f2.ref_table not in tables:
                    continue
                for _o, g in effective_fks(schema, schema.tables[f2.ref_table]):
                    if g.ref_table == f1.ref_table and sorted(g.ref_columns) == sorted(f1.ref_columns) \
                            and not g.ref_schema:
                        out.append((name, f1, f2, g))
    return out


def diamond_share(side_schema: Any, side: Side, d: tuple) -> dict:
    from ..stats.rules import agreement_query, same_parent_condition

    name, f1, f2, g = d
    sql = agreement_query(side_schema, name, [f2, g], same_parent_condition(f1, g, "h1"), f1.columns)
    rows, share = side.run(sql)[0]
    return {"rows": int(rows), "agreement": None if share is None else float(share)}
