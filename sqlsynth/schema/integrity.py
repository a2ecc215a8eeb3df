"""Queries that verify generated rows against the schema's keys, wherever the rows are (a DuckDB
file, Parquet files read by DuckDB, PostgreSQL): every foreign key (rows pointing nowhere) and every
primary key, UNIQUE constraint and unique index (keys held twice). Pure functions building sqlglot
trees; the caller runs each query (its one value must be 0). The tests and benchmarks of the
SQL-only engines (tests/test_duckdb.py, tests/test_spark.py, benchmarks/bench_spark.py) use them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from .keys import unique_sets
from .model import Schema


@dataclass(frozen=True)
class KeyCheck:
    kind: str  # "fk": rows whose key points nowhere; "unique": key values held by more than one row
    table: str
    name: str  # the constraint's name
    sql: str  # SELECT count(*) ...: 0 when the rows keep the key


def _table(where: tuple[str | None, str], alias: str | None = None) -> exp.Table:
    db, name = where
    return exp.Table(this=exp.to_identifier(name, quoted=True), db=exp.to_identifier(db, quoted=True) if db else None,
                     alias=exp.TableAlias(this=exp.to_identifier(alias)) if alias else None)


def _col(name: str, alias: str | None = None) -> exp.Column:
    return exp.column(exp.to_identifier(name, quoted=True), table=exp.to_identifier(alias) if alias else None)


def _all(conds: list[exp.Expression]) -> exp.Expression:
    return exp.and_(*conds) if len(conds) > 1 else conds[0]


def key_checks(schema: Schema, where: dict[str, tuple[str | None, str]], dialect: str = "duckdb") -> list[KeyCheck]:
    """The checks of every table in `where` ({table: (schema or None, name)} as the rows are reached):
    its foreign keys to tables also in `where`, then its unique keys (partitions are skipped)."""
    out: list[KeyCheck] = []
    count = exp.Count(this=exp.Star())
    for name in where:
        t = schema.tables[name]
        if t.is_partition:
            continue
        for fk in t.foreign_keys:
            if fk.ref_table not in where:
                continue
            notnull = [exp.Not(this=exp.Is(this=_col(a, "c"), expression=exp.Null())) for a in fk.columns]
            on = [exp.EQ(this=_col(b, "p"), expression=_col(a, "c")) for a, b in zip(fk.columns, fk.ref_columns)]
            parent = exp.select(exp.Literal.number(1)).from_(_table(where[fk.ref_table], "p")).where(_all(on))
            sql = exp.select(count).from_(_table(where[name], "c")).where(
                _all(notnull + [exp.Not(this=exp.Exists(this=parent))]))
            out.append(KeyCheck("fk", name, fk.name, sql.sql(dialect)))
        for kname, cols in unique_sets(schema, t):
            notnull = [exp.Not(this=exp.Is(this=_col(x), expression=exp.Null())) for x in cols]
            groups = exp.select(*[_col(x) for x in cols]).from_(_table(where[name])).where(_all(notnull)) \
                .group_by(*[_col(x) for x in cols]).having(exp.GT(this=count.copy(), expression=exp.Literal.number(1)))
            sql = exp.select(count.copy()).from_(exp.Subquery(this=groups, alias=exp.TableAlias(this=exp.to_identifier("d"))))
            out.append(KeyCheck("unique", name, kname, sql.sql(dialect)))
    return out
