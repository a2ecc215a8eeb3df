"""sqlx.pick_by_cdf / sqlx.bucket (one width_bucket search over the cumulative weights) pick what
the CASE chain they replaced picked -- for every u, thresholds themselves included -- on PostgreSQL,
and, through the engines' rewrite (compile/rewrite.bucket_case), on DuckDB. Same seed, same data:
a weighted_choice compiled before and after this change writes the same rows."""

from __future__ import annotations

import duckdb
import psycopg
import pytest
from sqlglot import exp

from sqlsynth.compile.duckdb import duck_sql
from sqlsynth.sql import sqlx
from sqlsynth.sql.sqlx import lit

CUMS = [
    [0.05 * i for i in range(1, 20)],  # 20 equal categories (pgbench's bid as make-stats sees it)
    [0.6, 0.9],  # three categories
    [0.25, 0.25, 0.5, 0.999999],  # a repeated threshold (a zero weight in between)
    [0.5],  # two categories: still a CASE
    [],  # one category: the value itself
]


def _case_chain(u: exp.Expression, cum: list[float], outcomes: list[exp.Expression]) -> exp.Expression:
    """The form weighted_choice compiled to before: CASE WHEN u < c1 THEN v1 ... ELSE vn END."""
    if not cum:
        return outcomes[0]
    return sqlx.case([(exp.LT(this=u.copy(), expression=lit(c)), o) for c, o in zip(cum, outcomes)], outcomes[-1])


def _probe_values(cum: list[float]) -> list[float]:
    out = [0.0, 0.999999999, 0.5]
    for c in cum:
        out += [c, c - 1e-12, c + 1e-12]
    return [min(max(x, 0.0), 0.9999999999) for x in out]


def _query(cum: list[float], values: list[float], outcomes: list[exp.Expression]) -> exp.Select:
    u = exp.column("u", table="p")
    rows = [exp.Tuple(expressions=[sqlx.cast(lit(float(v)), "DOUBLE PRECISION")]) for v in values]  # u is a double
    src = exp.Values(expressions=rows, alias=exp.TableAlias(this=exp.to_identifier("p"),
                                                             columns=[exp.to_identifier("u")]))
    return exp.select(exp.column("u", table="p"), sqlx.pick_by_cdf(u, cum, [o.copy() for o in outcomes]),
                      _case_chain(u, cum, [o.copy() for o in outcomes]), sqlx.bucket(u, cum) if cum else lit(0)) \
        .from_(src).order_by(exp.column("u", table="p"))


@pytest.mark.parametrize("cum", CUMS, ids=[f"{len(c) + 1}-outcomes" for c in CUMS])
def test_pick_by_cdf_picks_what_the_case_chain_picked(cum, fresh_db):
    outcomes = [lit(f"v{i}") for i in range(len(cum) + 1)]
    tree = _query(cum, _probe_values(cum), outcomes)
    with psycopg.connect(fresh_db) as conn:
        pg_rows = conn.execute(sqlx.render(tree)).fetchall()
    assert pg_rows, "no rows"
    for u, picked, by_case, k in pg_rows:
        assert picked == by_case, (u, cum)
        if cum:  # the bucket is the number of thresholds <= u
            assert k == sum(1 for c in cum if c <= u), (u, cum)
    with duckdb.connect() as con:
        duck_rows = con.execute(duck_sql(tree)).fetchall()
    assert [(p, c) for _, p, c, _ in duck_rows] == [(p, c) for _, p, c, _ in pg_rows]


def test_more_than_two_outcomes_compile_to_one_search():
    u = exp.column("u")
    text = sqlx.render(sqlx.pick_by_cdf(u, [0.2, 0.5, 0.7], [lit("a"), lit("b"), lit("c"), lit("d")]))
    assert "WIDTH_BUCKET" in text and "CASE" not in text
    assert text.count('"u"') == 1  # u (a hash per row, in a load) is computed once
    two = sqlx.render(sqlx.pick_by_cdf(u, [0.2], [lit("a"), lit("b")]))
    assert "CASE" in two and "WIDTH_BUCKET" not in two


def test_array_valued_outcomes_keep_the_case():
    """ARRAY[ARRAY[...], ...] would be one two-dimensional array in PostgreSQL, not a list of arrays."""
    u = exp.column("u")
    outcomes = [sqlx.cast(lit(v), "TEXT[]") for v in ("{a}", "{b,c}", "{}")]
    text = sqlx.render(sqlx.pick_by_cdf(u, [0.2, 0.5], outcomes))
    assert "CASE" in text and "WIDTH_BUCKET" not in text
