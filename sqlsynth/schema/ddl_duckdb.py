"""Schema -> DuckDB DDL (create-tables / remove-tables with DST_DSN=duckdb:///...). Pure functions.

Types are PostgreSQL's as orm.yaml spells them, rendered for DuckDB by sqlglot; enums become DuckDB
ENUMs, domains their base type with their CHECKs on the column, ``tsvector`` a VARCHAR (its words),
ranges a STRUCT("lower", "upper"). A type DuckDB has no form for (inet, money, geometric, xml ...)
is one error naming table.column. CHECKs are transpiled by sqlglot; one sqlglot cannot read or
DuckDB refuses is skipped with a warning (the generated rows still honour it where the planner
builds it in). Partitioned tables become one plain table (their partitions are not created);
non-unique indexes, exclusion constraints, collations and sequences are not created.

Foreign keys: DuckDB checks them on every INSERT and cannot add one to an existing table. A foreign
key is declared (inline, in CREATE TABLE) when its parent is another table that is created and
loaded before it: not a self-reference, not part of a cycle (Pagila's store <-> staff), not to a
table left out, and onto the parent's primary key or a UNIQUE constraint. The others are not
declared; the generated rows honour them all the same (tests/test_duckdb.py checks every one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp

from ..errors import SchemaError
from ..sql.sqlx import q
from .model import Column, ForeignKey, Schema, Table
from .types import engine_datatype, no_engine_form

ENGINE = "DuckDB"
RANGES = {"int4range": "INTEGER", "int8range": "BIGINT", "numrange": "DOUBLE", "tsrange": "TIMESTAMP",
          "tstzrange": "TIMESTAMPTZ", "daterange": "DATE"}
TEXTUAL = {"tsvector"}  # kept as VARCHAR: its words
UNSUPPORTED = {"money", "inet", "cidr", "macaddr", "macaddr8", "point", "line", "lseg", "box", "path", "polygon",
               "circle", "xml", "tsquery", "pg_lsn", "txid_snapshot", "pg_snapshot", "oid", "regclass",
               "regtype", "regproc", "regconfig", "int4multirange", "int8multirange", "nummultirange",
               "tsmultirange", "tstzmultirange", "datemultirange", "jsonpath", "tid", "xid", "cid"}
_SIMPLE = re.compile(r"[a-z0-9_ ]+(\(\s*\d+\s*(,\s*\d+\s*)?\))?")


@dataclass
class DuckDDL:
    statements: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)  # created, in creation order (parents first)
    warnings: list[str] = field(default_factory=list)
    undeclared: list[tuple[str, ForeignKey]] = field(default_factory=list)  # FKs held by the data only


def _unquoted(name: str) -> str:
    name = name.strip()
    return name[1:-1].replace('""', '"') if name.startswith('"') and name.endswith('"') else name.lower()


def duck_type(schema: Schema, type_sql: str, what: str, depth: int = 0) -> tuple[str, list[str]]:
    """(DuckDB type, CHECK expressions on VALUE from domains) of a PostgreSQL type; SchemaError if none."""
    text = type_sql.strip()
    dims = 0
    while text.endswith("[]"):
        text, dims = text[:-2].strip(), dims + 1
    name = _unquoted(text.split(".")[-1]) if "(" not in text else text.lower()
    checks: list[str] = []
    if name in schema.enums or text in schema.enums:
        out = q(name)
    elif (name in schema.domains or text in schema.domains) and depth < 10:
        d = schema.domains.get(name) or schema.domains[text]
        out, checks = duck_type(schema, d.base, what, depth + 1)
        checks = checks + [c.expression for c in d.checks]
    elif name in TEXTUAL:
        out = "VARCHAR"
    elif name in RANGES:
        out = f'STRUCT("lower" {RANGES[name]}, "upper" {RANGES[name]})'
    elif name in UNSUPPORTED or not _SIMPLE.fullmatch(name):
        raise no_engine_form(what, type_sql, ENGINE, "PostgreSQL")
    else:
        dt = engine_datatype(text, type_sql, what, ENGINE, "PostgreSQL")
        if dt.this in (exp.DataType.Type.DECIMAL,) and not dt.expressions:
            out = "DECIMAL(38, 10)"  # unconstrained numeric (DuckDB's bare DECIMAL is (18, 3))
        else:
            out = dt.sql("duckdb")
    return out + "[]" * dims, checks


def duck_check(expression: str, column: str | None = None) -> str:
    """A PostgreSQL CHECK expression in DuckDB SQL (VALUE read as `column` for a domain's); raises on failure."""
    tree = sqlglot.parse_one(expression, dialect="postgres")
    if column is not None:
        tree = tree.transform(lambda n: exp.column(exp.to_identifier(column, quoted=True))
                              if isinstance(n, exp.Column) and n.name.lower() == "value" and not n.table else n)
    return tree.sql("duckdb", identify=True, unsupported_level=sqlglot.ErrorLevel.RAISE)


def _key_columns(t: Table) -> list[list[str]]:
    keys = [t.primary_key.columns] if t.primary_key else []
    return keys + [u.columns for u in t.unique]


def _reaches(schema: Schema, start: str, goal: str, kept: set[str]) -> bool:
    seen, todo = set(), [start]
    while todo:
        t = todo.pop()
        if t == goal:
            return True
        if t in seen or t not in schema.tables:
            continue
        seen.add(t)
        todo.extend(fk.ref_table for fk in schema.tables[t].foreign_keys if fk.ref_table in kept)
    return False


def _same_types(schema: Schema, t: Table, cols: list[str], parent: Table, ref_cols: list[str]) -> bool:
    """DuckDB only declares a foreign key between columns of one type (smallint -> integer is refused)."""
    try:
        return all(duck_type(schema, t.columns[a].type, "")[0] == duck_type(schema, parent.columns[b].type, "")[0]
                   for a, b in zip(cols, ref_cols))
    except (KeyError, SchemaError):
        return False


def declared_fks(schema: Schema, kept: set[str]) -> dict[str, list[ForeignKey]]:
    """The foreign keys DuckDB can hold as declared constraints (see the module's docstring)."""
    out: dict[str, list[ForeignKey]] = {}
    for name in kept:
        t = schema.tables[name]
        for fk in t.foreign_keys:
            parent = schema.tables.get(fk.ref_table)
            ok = (parent is not None and fk.ref_table in kept and fk.ref_table != name and fk.ref_schema is None
                  and not _reaches(schema, fk.ref_table, name, kept)
                  and list(fk.ref_columns) in [list(k) for k in _key_columns(parent)]
                  and _same_types(schema, t, fk.columns, parent, fk.ref_columns))
            if ok:
                out.setdefault(name, []).append(fk)
    return out


def creation_order(schema: Schema, kept: set[str], fks: dict[str, list[ForeignKey]]) -> list[str]:
    out: list[str] = []

    def visit(n: str) -> None:
        if n in out:
            return
        for fk in fks.get(n, []):
            visit(fk.ref_table)
        if n not in out:
            out.append(n)

    for n in sorted(kept):
        visit(n)
    return out


def _column_sql(schema: Schema, t: Table, c: Column, checks: list[str], warnings: list[str]) -> str:
    what = f"tables.{t.name}.columns.{c.name}"
    typ, dom_checks = duck_type(schema, c.type, what)
    for ck in dom_checks:
        try:
            checks.append(duck_check(ck, c.name))
        except (sqlglot.errors.SqlglotError, ValueError) as e:
            warnings.append(f"{what}: domain CHECK ({ck}) is not created on {ENGINE} ({str(e).splitlines()[0]})")
    parts = [q(c.name), typ]
    if c.generated is not None:
        try:
            parts.append(f"GENERATED ALWAYS AS ({duck_check(c.generated)}) VIRTUAL")
        except (sqlglot.errors.SqlglotError, ValueError):
            raise SchemaError(f"{what}: generated column expression ({c.generated}) has no {ENGINE} form") from None
    elif c.default is not None and not c.serial:
        try:  # a default create-data never relies on (it writes every column): kept when plain
            tree = sqlglot.parse_one(c.default, dialect="postgres")
            if not list(tree.find_all(exp.Anonymous)):
                parts.append(f"DEFAULT ({duck_check(c.default)})")
        except (sqlglot.errors.SqlglotError, ValueError):
            pass
    if not c.nullable:
        parts.append("NOT NULL")
    return " ".join(parts)


def qname(schema: Schema, t: Table, dst_schema: str | None = None) -> str:
    return f"{q(dst_schema or t.schema or schema.schema)}.{q(t.relname if t.schema else t.name)}"


def create_statements(schema: Schema, skip_tables: set[str], dst_schema: str | None = None,
                      accept_check=None) -> DuckDDL:
    """CREATE SCHEMA/TYPE/TABLE/UNIQUE INDEX statements for DuckDB; every bad type raised at once.

    accept_check(table_sql_without, check_sql) -> error text or None: lets the caller test a CHECK on
    DuckDB itself (a scratch in-memory database) before it goes into the statement."""
    out = DuckDDL()
    kept = {n for n, t in schema.tables.items() if n not in skip_tables and not t.is_partition}
    fks = declared_fks(schema, kept)
    problems: list[str] = []
    schemas = sorted({dst_schema or schema.tables[n].schema or schema.schema for n in kept})
    out.statements += [f"CREATE SCHEMA IF NOT EXISTS {q(s)}" for s in schemas]
    out.statements.append(f"SET search_path = {exp.Literal.string(','.join(schemas)).sql('duckdb')}")
    for e in sorted(schema.enums.values(), key=lambda e: e.name):
        labels = ", ".join(exp.Literal.string(v).sql("duckdb") for v in e.labels)
        out.statements.append(f"CREATE TYPE {q(schemas[0])}.{q(_unquoted(e.name))} AS ENUM ({labels})")
    for name in creation_order(schema, kept, fks):
        t = schema.tables[name]
        cols, checks, bad = [], [], []
        for c in t.columns.values():
            try:
                cols.append(_column_sql(schema, t, c, checks, out.warnings))
            except SchemaError as e:
                bad.append(str(e))
        if bad:
            problems += bad
            continue
        body = list(cols)
        if t.primary_key:
            body.append(f"PRIMARY KEY ({', '.join(q(c) for c in t.primary_key.columns)})")
        for u in sorted(t.unique, key=lambda u: u.name):
            body.append(f"UNIQUE ({', '.join(q(c) for c in u.columns)})")
        for ck in sorted(t.checks, key=lambda c: c.name):
            try:
                checks.append(duck_check(ck.expression))
            except (sqlglot.errors.SqlglotError, ValueError) as e:
                out.warnings.append(f"tables.{name}.checks.{ck.name}: not created on {ENGINE}: sqlglot cannot "
                                    f"translate ({ck.expression}): {str(e).splitlines()[0]}")
        head = f"CREATE TABLE {qname(schema, t, dst_schema)} ("
        for ck in checks:
            err = accept_check(head + ", ".join(body) + ")", ck) if accept_check else None
            if err:
                out.warnings.append(f"tables.{name}: CHECK ({ck}) not created: {ENGINE} refuses it ({err})")
            else:
                body.append(f"CHECK ({ck})")
        for fk in fks.get(name, []):
            parent = schema.tables[fk.ref_table]
            body.append(f"FOREIGN KEY ({', '.join(q(c) for c in fk.columns)}) REFERENCES "
                        f"{qname(schema, parent, dst_schema)} ({', '.join(q(c) for c in fk.ref_columns)})")
        for fk in t.foreign_keys:
            if fk not in fks.get(name, []) and fk.ref_table in kept:
                out.undeclared.append((name, fk))
        out.statements.append(head + ", ".join(body) + ")")
        for ix in sorted(t.indexes, key=lambda i: i.name):
            if ix.unique and ix.columns and not ix.where:
                out.statements.append(f"CREATE UNIQUE INDEX {q(ix.name)} ON {qname(schema, t, dst_schema)} "
                                      f"({', '.join(q(c) for c in ix.columns)})")
            elif ix.unique:
                out.warnings.append(f"tables.{name}.indexes.{ix.name}: a unique index on expressions or with WHERE "
                                    f"is not created on {ENGINE} (the generated rows still honour it)")
        out.tables.append(name)
    if problems:
        raise SchemaError("\n".join(problems))
    return out


def drop_statements(schema: Schema, skip_tables: set[str], dst_schema: str | None = None) -> list[str]:
    """DROP TABLE IF EXISTS, children first, then the enums."""
    kept = {n for n, t in schema.tables.items() if n not in skip_tables and not t.is_partition}
    order = creation_order(schema, kept, declared_fks(schema, kept))
    out = [f"DROP TABLE IF EXISTS {qname(schema, schema.tables[n], dst_schema)}" for n in reversed(order)]
    first = dst_schema or schema.schema
    out += [f"DROP TYPE IF EXISTS {q(first)}.{q(_unquoted(e.name))}" for e in schema.enums.values()]
    return out
