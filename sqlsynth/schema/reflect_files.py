"""Reflect a file source (a DuckDB file, or a directory of Parquet/CSV files: sqlsynth.filesource)
into the schema model, with PostgreSQL type names, so that the rest of the pipeline (config,
make-stats, create-tables into PostgreSQL) works as for a PostgreSQL source.

Read from DuckDB's catalog functions (duckdb_columns, duckdb_constraints):

- a DuckDB file: columns, NOT NULL, PRIMARY KEY, UNIQUE and FOREIGN KEY as DuckDB declares them;
- Parquet/CSV files: columns and types; a Parquet column declared required (as dump-data writes a
  NOT NULL column) is NOT NULL, every other column nullable; there are no keys (the files declare
  none; nothing is guessed from column names).

Types (DuckDB -> PostgreSQL): TINYINT/SMALLINT/UTINYINT -> smallint, INTEGER/USMALLINT -> integer,
BIGINT/UINTEGER -> bigint, UBIGINT/HUGEINT/UHUGEINT -> numeric(20|39,0), DECIMAL(p,s) -> numeric(p,s),
FLOAT -> real, DOUBLE -> double precision, VARCHAR -> text, BOOLEAN -> boolean, DATE -> date,
TIME -> time without time zone, TIMESTAMP (and _S/_MS/_NS) -> timestamp without time zone,
TIMESTAMP WITH TIME ZONE -> timestamp with time zone, INTERVAL -> interval, BLOB -> bytea, UUID -> uuid,
JSON -> jsonb, T[] -> the mapped T[]; ENUM, STRUCT, MAP, UNION, BIT and anything else -> text
(an ENUM's labels are not kept).

The file's schema is recorded as ``public`` (the views' schema, and the destination's default).
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import SchemaError
from ..filesource import ATTACHED, attached_schema, files_of, is_parquet, open_file_source, parquet_dir
from .model import Column, ForeignKey, Schema, Table, UniqueConstraint

_SIMPLE = {
    "TINYINT": "smallint", "SMALLINT": "smallint", "UTINYINT": "smallint", "INTEGER": "integer",
    "USMALLINT": "integer", "BIGINT": "bigint", "UINTEGER": "bigint", "UBIGINT": "numeric(20,0)",
    "HUGEINT": "numeric(39,0)", "UHUGEINT": "numeric(39,0)", "FLOAT": "real", "DOUBLE": "double precision",
    "VARCHAR": "text", "BOOLEAN": "boolean", "DATE": "date", "TIME": "time without time zone",
    "TIMESTAMP": "timestamp without time zone", "TIMESTAMP_S": "timestamp without time zone",
    "TIMESTAMP_MS": "timestamp without time zone", "TIMESTAMP_NS": "timestamp without time zone",
    "TIMESTAMP WITH TIME ZONE": "timestamp with time zone", "TIME WITH TIME ZONE": "time with time zone",
    "INTERVAL": "interval", "BLOB": "bytea", "UUID": "uuid", "JSON": "jsonb",
}
_DECIMAL = re.compile(r"^DECIMAL\((\d+),\s*(\d+)\)$")


def pg_type(duck_type: str) -> str:
    """The PostgreSQL type name orm.yaml records for a DuckDB type (see the module docstring)."""
    t = duck_type.strip().upper()
    if t.endswith("[]"):
        inner = pg_type(duck_type.strip()[:-2])
        return inner + "[]" if not inner.endswith("[]") else "text"
    if t in _SIMPLE:
        return _SIMPLE[t]
    m = _DECIMAL.match(t)
    if m:
        return f"numeric({m.group(1)},{m.group(2)})"
    return "text"


def reflect_files(dsn: str, masked_dsn: str | None = None) -> Schema:
    """Read every table of a file source into a Schema (schema ``public``)."""
    conn = open_file_source(dsn)
    try:
        if is_parquet(dsn):
            database, schema_name = "memory", "public"
        else:
            database, schema_name = ATTACHED, attached_schema(conn, dsn)
        out = Schema(schema="public", dsn=masked_dsn)
        for table, column, dtype, nullable in conn.execute(
                "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() "
                "WHERE database_name = ? AND schema_name = ? ORDER BY table_name, column_index",
                [database, schema_name]).fetchall():
            t = out.tables.setdefault(table, Table(name=table, relname=table))
            t.columns[column] = Column(name=column, type=pg_type(dtype), nullable=bool(nullable))
        if not out.tables:
            raise SchemaError(f"the source {masked_dsn or dsn} has no table")
        if not is_parquet(dsn):
            _constraints(conn, out, database, schema_name)
        else:
            _required(out, dsn)
    finally:
        conn.close()
    for t in out.tables.values():
        t.unique.sort(key=lambda u: u.name)
        t.foreign_keys.sort(key=lambda f: f.name)
        if t.primary_key:
            for c in t.primary_key.columns:
                t.columns[c].primary = True
                t.columns[c].nullable = False
    out.tables = dict(sorted(out.tables.items()))
    return out


def _required(out: Schema, dsn: str) -> None:
    """NOT NULL for the columns a Parquet file declares required (dump-data writes a NOT NULL column so)."""
    import pyarrow.parquet as pq

    for table, (path, reader) in files_of(parquet_dir(dsn)).items():
        t = out.tables.get(table)
        if reader != "parquet" or t is None:
            continue
        for f in pq.read_schema(path):
            if not f.nullable and f.name in t.columns:
                t.columns[f.name].nullable = False


def _constraints(conn: Any, out: Schema, database: str, schema_name: str) -> None:
    for table, kind, cols, ref_table, ref_cols, name in conn.execute(
            "SELECT table_name, constraint_type, constraint_column_names, referenced_table, "
            "referenced_column_names, constraint_name FROM duckdb_constraints() "
            "WHERE database_name = ? AND schema_name = ? ORDER BY table_name, constraint_index",
            [database, schema_name]).fetchall():
        t = out.tables.get(table)
        if t is None:
            continue
        if kind == "PRIMARY KEY":
            t.primary_key = UniqueConstraint(f"{table}_pkey", list(cols))
        elif kind == "UNIQUE":
            t.unique.append(UniqueConstraint(name or f"{table}_{'_'.join(cols)}_key", list(cols)))
        elif kind == "FOREIGN KEY" and ref_table in out.tables:
            t.foreign_keys.append(ForeignKey(name=name or f"{table}_{'_'.join(cols)}_fkey", columns=list(cols),
                                             ref_table=ref_table, ref_columns=list(ref_cols)))
