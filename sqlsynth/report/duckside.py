"""The report's destination on DuckDB (DST_DSN=duckdb:///file.duckdb).

The measuring queries (measure.py, the rules' and diamonds' shares) are sqlglot trees written for
PostgreSQL; here they are rendered in sqlglot's duckdb dialect, with the PostgreSQL-only pieces
rewritten first:

* ``width_bucket(x, thresholds[])`` (PostgreSQL: how many thresholds are <= x, NULL for NULL) is
  the sum of ``(x >= t)::INTEGER`` over the thresholds: the same bucket numbers;
* a range's ``lower(r)``/``upper(r)`` is ``r['lower']`` (ddl_duckdb's STRUCT);
* a char(n) column cast to text is right-trimmed (PostgreSQL drops the padding, DuckDB keeps it);
* ``corr`` of a constant column is NaN on DuckDB: made NULL, as PostgreSQL gives;
* ``hashtextextended`` (the cross-database row hashes of the exact-value TVDs and exact-match
  rates) has no DuckDB equal that gives the same values: a query that needs it is refused
  (NotOnDuckDB) and those measures are reported as "not measured on DuckDB".

GROUPING SETS, GROUPING(), corr(), EXTRACT(EPOCH ...), count/min/max/avg render as they are. One
read-only connection (DuckDB parallelises a query itself; a connection is not shared across threads,
so the side runs its queries one at a time).
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from ..duck import connect_duckdb
from ..sql import sqlx
from .measure import Side

ENGINE = "duckdb"
NOT_MEASURED = "not measured on DuckDB"
_PG_ONLY = {"hashtextextended", "hashint8extended"}


class NotOnDuckDB(Exception):
    """A measuring query that needs a PostgreSQL-only function."""


def _sum(terms: list[exp.Expression]) -> exp.Expression:
    """A balanced sum (a long left-deep chain would be deep for sqlglot's recursive generator)."""
    if len(terms) == 1:
        return terms[0]
    mid = len(terms) // 2
    return exp.Add(this=exp.Paren(this=_sum(terms[:mid])), expression=exp.Paren(this=_sum(terms[mid:])))


def _bucket(node: exp.WidthBucket) -> exp.Expression:
    arr = node.args.get("threshold")
    while isinstance(arr, exp.Cast):
        arr = arr.this
    if not isinstance(arr, exp.Array) or not arr.expressions:
        raise NotOnDuckDB("width_bucket over something other than a literal array of thresholds")
    x = node.this
    return exp.Paren(this=_sum([exp.Cast(this=exp.GTE(this=x.copy(), expression=t.copy()),
                                         to=exp.DataType.build("INTEGER")) for t in arr.expressions]))


def _rewriter(ranges: set[str], padded: set[str]):
    def rewrite(node: exp.Expression) -> exp.Expression:
        if (isinstance(node, exp.Cast) and isinstance(node.this, exp.Column) and node.this.name in padded
                and node.to.is_type("text", "varchar")):
            # char(n) as text: PostgreSQL drops the padding, DuckDB's VARCHAR holds it as loaded
            return exp.Trim(this=node.copy(), position="TRAILING")
        if isinstance(node, (exp.Lower, exp.Upper)) and isinstance(node.this, exp.Column) and node.this.name in ranges:
            # a range's bound (primitives.range_lower/upper): ddl_duckdb stores a range as STRUCT(lower, upper)
            return exp.Bracket(this=node.this.copy(),
                               expressions=[exp.Literal.string("lower" if isinstance(node, exp.Lower) else "upper")])
        if isinstance(node, exp.Anonymous) and str(node.this).lower() in _PG_ONLY:
            raise NotOnDuckDB(f"{node.this} (PostgreSQL's hash) gives other values on DuckDB")
        return node
    return rewrite


def to_duckdb(sql: str, ranges: set[str] = frozenset(), padded: set[str] = frozenset()) -> str:
    """A PostgreSQL measuring query in DuckDB's SQL (NotOnDuckDB when it needs PostgreSQL itself);
    ranges: the names of the range columns (STRUCT("lower", "upper") on DuckDB); padded: of the
    char(n) columns."""
    tree = sqlx.parse(sql).transform(_rewriter(ranges, padded))  # first the columns, then what wraps them
    return tree.transform(_wrapper).sql(ENGINE)


def _wrapper(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.WidthBucket):
        return _bucket(node)
    if isinstance(node, exp.Corr):  # a constant column: PostgreSQL's corr is NULL, DuckDB's NaN
        return exp.Nullif(this=node.copy(), expression=exp.cast(exp.Literal.string("NaN"), "DOUBLE"))
    return node


def range_columns(conn: Any) -> set[str]:
    """The names of the columns ddl_duckdb made of ranges (a STRUCT of lower and upper)."""
    rows = conn.execute("SELECT column_name, data_type FROM information_schema.columns").fetchall()
    return {c for c, t in rows if str(t).upper().replace('"', "").startswith("STRUCT(LOWER ")}


def duckdb_destination(dsn: str, table, padded: set[str]) -> Side:
    """The destination side on a DuckDB file: one read-only connection, queries one at a time."""
    conn = connect_duckdb(dsn, "destination database", read_only=True)
    try:
        conn.execute("SET TimeZone = 'UTC'")  # needs the ICU extension; without it times are UTC already
    except Exception:  # noqa: BLE001
        pass
    ranges = range_columns(conn)
    side = Side("destination", table, lambda: conn, lambda c, q: c.execute(to_duckdb(q, ranges, padded)).fetchall(), 1, ENGINE)
    side.close = conn.close  # one connection, whatever the thread
    return side
