"""Resolve a column's SQL type string into what the generators need to know."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp

from ..errors import SchemaError
from .model import Check, Schema

_INT = {"smallint": 16, "int2": 16, "integer": 32, "int": 32, "int4": 32, "bigint": 64, "int8": 64}
_INT_BOUNDS = {16: (-32768, 32767), 32: (-2147483648, 2147483647), 64: (-(2**63), 2**63 - 1)}
_SIMPLE = {
    "text": "text", "citext": "text", "name": "text", '"char"': "char1",
    "boolean": "bool", "bool": "bool",
    "date": "date",
    "real": "float", "float4": "float", "double precision": "float", "float8": "float", "float": "float",
    "uuid": "uuid", "bytea": "bytea", "json": "json", "jsonb": "jsonb",
    "inet": "inet", "cidr": "cidr", "macaddr": "macaddr", "macaddr8": "macaddr8",
    "tsvector": "tsvector", "tsquery": "tsquery", "money": "money", "xml": "xml",
    "point": "point", "line": "line", "lseg": "lseg", "box": "box", "path": "path",
    "polygon": "polygon", "circle": "circle", "oid": "int_oid", "pg_lsn": "pg_lsn",
    "int4range": "range", "int8range": "range", "numrange": "range", "tsrange": "range",
    "tstzrange": "range", "daterange": "range",
}
_RANGE_SUBTYPE = {
    "int4range": "integer", "int8range": "bigint", "numrange": "numeric",
    "tsrange": "timestamp without time zone", "tstzrange": "timestamp with time zone", "daterange": "date",
}


@dataclass
class TypeInfo:
    """What a generator needs to know about a column type."""

    sql: str  # the type as written in orm.yaml
    kind: str  # int, numeric, float, text, char1, bool, date, timestamp, timestamptz, time, timetz,
    # interval, uuid, bytea, json, jsonb, inet, cidr, macaddr, tsvector, money, bit, varbit,
    # enum, range, point, ..., unknown
    base_sql: str = ""  # the resolved base type (domains resolved), without array brackets
    array_dims: int = 0
    bits: int = 0  # integer width
    length: int | None = None  # varchar/char/bit length
    fixed_length: bool = False  # char(n), bit(n)
    precision: int | None = None
    scale: int | None = None
    labels: list[str] = field(default_factory=list)  # enum labels
    domain: str | None = None
    checks: list[Check] = field(default_factory=list)  # domain checks (expressions use VALUE)
    subtype: str | None = None  # range subtype
    element: "TypeInfo | None" = None  # array element type

    @property
    def int_bounds(self) -> tuple[int, int]:
        return _INT_BOUNDS[self.bits or 32]


_QUALIFIED = re.compile(r'("(?:[^"]|"")*"|[^\s".]+)\.([^\s".]+)')
_EXTENSION_TYPES = {"citext"}  # extension types generated like a built-in one (citext as text)
_MOD = re.compile(r"^(?P<base>.*?)\s*\((?P<mods>[^()]*)\)(?P<rest>.*)$")


def resolve_type(type_sql: str, schema: Schema, _depth: int = 0) -> TypeInfo:
    """Parse a type string as format_type() prints it, resolving enums and domains."""
    raw = type_sql.strip()
    dims = 0
    while raw.endswith("[]"):
        raw = raw[:-2].rstrip()
        dims += 1
    if dims:
        elem = resolve_type(raw, schema, _depth + 1)
        return TypeInfo(sql=type_sql, kind="array", base_sql=elem.base_sql, array_dims=dims, element=elem)
    if raw in schema.enums:
        return TypeInfo(sql=type_sql, kind="enum", base_sql=raw, labels=list(schema.enums[raw].labels))
    if raw in schema.domains and _depth < 10:
        dom = schema.domains[raw]
        base = resolve_type(dom.base, schema, _depth + 1)
        base.sql = type_sql
        base.domain = raw
        base.checks = list(dom.checks) + list(base.checks)
        return base
    low = raw.lower()
    mods: list[str] = []
    m = _MOD.match(low)
    if m:
        mods = [x.strip() for x in m.group("mods").split(",") if x.strip()]
        low = (m.group("base") + m.group("rest")).strip()
    low = re.sub(r"\s+", " ", low)
    qualified = _QUALIFIED.fullmatch(low)
    if qualified and qualified.group(2) in _EXTENSION_TYPES:  # ext.citext: an extension in another schema
        low = qualified.group(2)
    info = TypeInfo(sql=type_sql, kind="unknown", base_sql=raw)
    if low in _INT:
        info.kind, info.bits = "int", _INT[low]
    elif low in ("numeric", "decimal"):
        info.kind = "numeric"
        if mods:
            info.precision = int(mods[0])
            info.scale = int(mods[1]) if len(mods) > 1 else 0
    elif low in ("character varying", "varchar"):
        info.kind, info.length = "text", int(mods[0]) if mods else None
    elif low in ("character", "char", "bpchar"):
        info.kind, info.length, info.fixed_length = "text", int(mods[0]) if mods else 1, True
    elif low in ("bit",):
        info.kind, info.length, info.fixed_length = "bit", int(mods[0]) if mods else 1, True
    elif low in ("bit varying", "varbit"):
        info.kind, info.length = "varbit", int(mods[0]) if mods else None
    elif low.startswith("timestamp"):
        info.kind = "timestamptz" if "with time zone" in low and "without" not in low else "timestamp"
    elif low == "timestamptz":
        info.kind = "timestamptz"
    elif low.startswith("time"):
        info.kind = "timetz" if ("with time zone" in low and "without" not in low) or low == "timetz" else "time"
    elif low.startswith("interval"):
        info.kind = "interval"
    elif low in _SIMPLE:
        info.kind = _SIMPLE[low]
        if info.kind == "range":
            info.subtype = _RANGE_SUBTYPE[low]
    return info


def no_engine_form(what: str, type_sql: str, engine: str, elsewhere: str) -> SchemaError:
    """The one-line error of a type another engine (DuckDB, Spark) has no form for."""
    return SchemaError(f"{what}: type {type_sql} has no {engine} form; leave the table out (ignore: true) "
                       f"or load it into {elsewhere}")


def engine_datatype(text: str, type_sql: str, what: str, engine: str, elsewhere: str) -> exp.DataType:
    """sqlglot's DataType of a PostgreSQL type (`text`, as orm.yaml spells it without array brackets)
    for rendering in another engine's dialect; no_engine_form's error when sqlglot reads none."""
    try:
        dt = exp.DataType.build(text, dialect="postgres", udt=True)
    except (sqlglot.errors.ParseError, ValueError):
        dt = None
    if dt is None or dt.this == exp.DataType.Type.USERDEFINED:
        raise no_engine_form(what, type_sql, engine, elsewhere)
    return dt
