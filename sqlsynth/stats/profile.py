"""generate-config's look at the source: one aggregate SELECT per table.

``SELECT count(*), count(c1), count(DISTINCT c1), count(c2), ... FROM t`` gives each table's row
count and, per column, how many values are set and how many are distinct. generate-config uses
these numbers only to *choose* (which tables are vocabulary, which columns are categorical,
continuous or all distinct, which foreign keys to follow); they are not written anywhere. Every
number that shapes the data comes later from make-stats, with its small-count rule and the
config's differential privacy. The queries run through make-stats' own execution path
(read-only connections, located errors).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlglot import exp

from ..sql import sqlx
from ..config.load import Config
from ..errors import ConfigError
from ..schema.model import Schema, Table
from ..schema.types import resolve_type
from .auto import StatQuery
from .quantiles import source_table

# kinds with an equality operator PostgreSQL can count DISTINCT over
DISTINCT_KINDS = {"int", "numeric", "float", "text", "char1", "bool", "date", "timestamp", "timestamptz", "time",
                  "timetz", "interval", "uuid", "enum", "range", "inet", "cidr", "macaddr", "macaddr8", "money",
                  "bytea", "int_oid"}


@dataclass
class ColumnProfile:
    nonnull: int
    distinct: int | None  # None: not counted (a type without equality, or an array)


@dataclass
class TableProfile:
    rows: int
    columns: dict[str, ColumnProfile] = field(default_factory=dict)


def profile_query(schema: Schema, key: str, t: Table, src_schema: Any) -> tuple[StatQuery, list[tuple[str, bool]]]:
    """The table's profile query, and (column, distinct counted?) in the order of its result columns."""
    sel = [exp.alias_(exp.Count(this=exp.Star()), "rows", quoted=True)]
    cols: list[tuple[str, bool]] = []
    for i, c in enumerate(t.columns.values()):
        if c.generated:
            continue
        ti = resolve_type(c.type, schema)
        col = sqlx.col(c.name)
        sel.append(exp.alias_(exp.Count(this=col.copy()), f"n{i}", quoted=True))
        distinct = ti.kind in DISTINCT_KINDS and not ti.array_dims
        if distinct:
            sel.append(exp.alias_(exp.Count(this=exp.Distinct(expressions=[col.copy()])), f"d{i}", quoted=True))
        cols.append((c.name, distinct))
    q = exp.select(*sel).from_(source_table(src_schema, key))
    return StatQuery(name=f"profile__{key}", query=q.sql(sqlx.DIALECT), path=f"tables.{key}", auto=True), cols


def profile_source(dsn: str, schema: Schema, jobs: int = 1, report=None) -> dict[str, TableProfile]:
    """The profile of every table of orm.yaml that is not a partition (partitions are read through their
    parent), each table in the schema orm.yaml records for it."""
    from .run import run_queries

    src_schema: Any = schema if schema.multi else schema.schema
    queries, layouts = [], {}
    for name, t in sorted(schema.tables.items()):
        if t.is_partition:
            continue
        q, cols = profile_query(schema, name, t, src_schema)
        queries.append(q)
        layouts[q.name] = (name, cols)
    cfg = Config(file="(source profile of generate-config)")
    results, problems = run_queries(dsn, schema.source_search_path, queries, cfg, jobs, report)
    if problems:
        raise ConfigError(problems)
    out: dict[str, TableProfile] = {}
    for qname, (tname, cols) in layouts.items():
        row = results[qname]["results"][0]
        tp = TableProfile(rows=int(row["rows"]))
        names = list(schema.tables[tname].columns)
        for cname, distinct in cols:
            i = names.index(cname)
            tp.columns[cname] = ColumnProfile(nonnull=int(row[f"n{i}"]),
                                              distinct=int(row[f"d{i}"]) if distinct else None)
        out[tname] = tp
    return out
