"""Queries that verify generated rows against the schema, wherever the rows are (a DuckDB file,
Parquet or CSV files read by DuckDB, PostgreSQL): every foreign key (rows pointing nowhere), every
primary key, UNIQUE constraint and unique index (keys held twice) and, in DuckDB's SQL, every CHECK
(the table's and its columns' domains') and NOT NULL. Pure functions building sqlglot trees; the
caller runs each query (its one value must be 0). The tests and benchmarks of the
SQL-only engines (tests/test_duckdb.py, tests/test_spark.py, benchmarks/bench_spark.py) use them.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlglot
from sqlglot import exp

from .ddl_duckdb import duck_check, duck_type
from .keys import unique_sets
from .model import Schema, Table


@dataclass(frozen=True)
class KeyCheck:
    kind: str  # "fk": rows whose key points nowhere; "unique": key values held by more than one row;
    # "check": rows a CHECK refuses; "not_null": NULLs in a NOT NULL column
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


def _tables(schema: Schema, where: dict[str, tuple[str | None, str]]) -> list[tuple[str, Table]]:
    """The tables of `where` that hold rows of their own (not partitions: their parent holds them)."""
    return [(n, schema.tables[n]) for n in where if not schema.tables[n].is_partition]


def key_checks(schema: Schema, where: dict[str, tuple[str | None, str]], dialect: str = "duckdb") -> list[KeyCheck]:
    """The checks of every table in `where` ({table: (schema or None, name)} as the rows are reached):
    its foreign keys to tables also in `where`, then its unique keys (partitions are skipped)."""
    out: list[KeyCheck] = []
    count = exp.Count(this=exp.Star())
    for name, t in _tables(schema, where):
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


def row_checks(schema: Schema, where: dict[str, tuple[str | None, str]]) -> list[KeyCheck]:
    """In DuckDB's SQL: every CHECK of the tables in `where` (theirs and their columns' domains',
    transpiled by ddl_duckdb.duck_check) and every NOT NULL column, as counts of the rows breaking them."""
    out: list[KeyCheck] = []
    count = exp.Count(this=exp.Star())
    for name, t in _tables(schema, where):
        conds = [(ck.name, duck_check(ck.expression)) for ck in t.checks]
        for col in t.columns.values():
            conds += [(f"{col.name} (domain)", duck_check(e, col.name)) for e in duck_type(schema, col.type, name)[1]]
            if not col.nullable:
                sql = exp.select(count.copy()).from_(_table(where[name])).where(
                    exp.Is(this=_col(col.name), expression=exp.Null()))
                out.append(KeyCheck("not_null", name, col.name, sql.sql("duckdb")))
        for cname, cond in conds:
            sql = exp.select(count.copy()).from_(_table(where[name])).where(
                exp.Not(this=exp.Paren(this=sqlglot.parse_one(cond, dialect="duckdb"))))
            out.append(KeyCheck("check", name, cname, sql.sql("duckdb")))
    return out
