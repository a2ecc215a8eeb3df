"""PostgreSQL column types (as orm.yaml spells them) -> Spark SQL types, for the Parquet files of a
Spark load (create-data --engine spark). Pure functions.

Enums and ``tsvector`` become STRING (the label, the words), domains their base type, arrays
ARRAY<...>, ranges a STRUCT<lower, upper>, ``timestamp without time zone`` TIMESTAMP_NTZ (Parquet
keeps it without a zone), ``bytea`` BINARY. A type Spark has no form for (inet, money, geometric,
xml ...) is one error naming table.column and the engine.
"""

from __future__ import annotations

import re

from ..errors import SchemaError
from .model import Schema
from .types import engine_datatype, no_engine_form

ENGINE = "Spark"
ELSEWHERE = "PostgreSQL or DuckDB"
RANGES = {"int4range": "INT", "int8range": "BIGINT", "numrange": "DOUBLE", "tsrange": "TIMESTAMP_NTZ",
          "tstzrange": "TIMESTAMP", "daterange": "DATE"}
TEXTUAL = {"tsvector", "json", "jsonb", "uuid", "name", "citext", "character", "char", "bpchar", "text"}
SPECIAL = {"timestamp": "TIMESTAMP_NTZ", "timestamp without time zone": "TIMESTAMP_NTZ",
           "timestamptz": "TIMESTAMP", "timestamp with time zone": "TIMESTAMP", "bytea": "BINARY",
           "real": "FLOAT", "float4": "FLOAT", "double precision": "DOUBLE", "float8": "DOUBLE",
           "smallint": "SMALLINT", "int2": "SMALLINT", "integer": "INT", "int": "INT", "int4": "INT",
           "bigint": "BIGINT", "int8": "BIGINT", "boolean": "BOOLEAN", "bool": "BOOLEAN", "date": "DATE",
           "numeric": "DECIMAL(38, 10)", "decimal": "DECIMAL(38, 10)", "smallserial": "SMALLINT",
           "serial": "INT", "bigserial": "BIGINT"}
UNSUPPORTED = {"money", "inet", "cidr", "macaddr", "macaddr8", "point", "line", "lseg", "box", "path", "polygon",
               "circle", "xml", "tsquery", "pg_lsn", "txid_snapshot", "pg_snapshot", "oid", "regclass",
               "regtype", "regproc", "regconfig", "int4multirange", "int8multirange", "nummultirange",
               "tsmultirange", "tstzmultirange", "datemultirange", "jsonpath", "tid", "xid", "cid", "interval",
               "time", "timetz", "time without time zone", "time with time zone", "bit", "varbit", "bit varying"}
_SIMPLE = re.compile(r"[a-z0-9_ ]+(\(\s*\d+\s*(,\s*\d+\s*)?\))?")
_BASE = re.compile(r"([a-z_ ]+?)\s*(\(.*\))?\s*(with(out)? time zone)?$")


def _unquoted(name: str) -> str:
    name = name.strip()
    return name[1:-1].replace('""', '"') if name.startswith('"') and name.endswith('"') else name.lower()


def spark_type(schema: Schema, type_sql: str, what: str, depth: int = 0) -> str:
    """The Spark SQL type of a PostgreSQL type; SchemaError (naming `what` and the engine) if none."""
    text = type_sql.strip()
    dims = 0
    while text.endswith("[]"):
        text, dims = text[:-2].strip(), dims + 1
    name = _unquoted(text.split(".")[-1]) if "(" not in text else text.lower()
    if name in schema.enums or text in schema.enums:
        out = "STRING"
    elif (name in schema.domains or text in schema.domains) and depth < 10:
        d = schema.domains.get(name) or schema.domains[text]
        out = spark_type(schema, d.base, what, depth + 1)
    elif name in RANGES:
        out = f"STRUCT<lower: {RANGES[name]}, upper: {RANGES[name]}>"
    else:
        m = _BASE.match(name)
        base = m.group(1).strip() if m else name
        if m and m.group(3):
            base = f"{base} {m.group(3)}"
        if name in UNSUPPORTED or base in UNSUPPORTED or not _SIMPLE.fullmatch(name):
            raise no_engine_form(what, type_sql, ENGINE, ELSEWHERE)
        if base in TEXTUAL or base.startswith(("character", "varchar")):
            out = "STRING"
        elif base in SPECIAL and not (base in ("numeric", "decimal") and m and m.group(2)):
            out = SPECIAL[base]
        else:
            out = engine_datatype(text, type_sql, what, ENGINE, ELSEWHERE).sql("spark")
    for _ in range(dims):
        out = f"ARRAY<{out}>"
    return out


def table_types(schema: Schema, table: str, columns: list[str], path: str) -> tuple[dict[str, str], list[str]]:
    """({column: Spark type}, problems) of one table's generated columns."""
    types, problems = {}, []
    t = schema.tables[table]
    for c in columns:
        try:
            types[c] = spark_type(schema, t.columns[c].type, f"{path}.columns.{c}" if path else f"table {table} column {c}")
        except SchemaError as e:
            problems.append(str(e))
    return types, problems
