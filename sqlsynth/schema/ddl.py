"""Schema -> DDL statements for a destination schema (pure functions, no database access).

Identifiers are always quoted. SQL fragments read from orm.yaml (types, defaults,
CHECK/generated expressions, partition keys and bounds, index definitions) are
validated first: a fragment may not end the statement (``;``), open a comment
(``--``, ``/*``), use dollar quoting or unbalance parentheses outside its quotes,
and types must follow a conservative grammar. Expressions are emitted inside
parentheses, so a validated fragment cannot escape its clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlglot import exp

from ..errors import SchemaError
from ..sql.sqlx import q
from .model import Column, DomainType, Schema, Table
from .placement import Placement, placement

_IDENT = r'(?:"(?:[^"]|"")*"|[^\s".]+)'
_TYPE = re.compile(r'(?:[\w ()\[\],.]|"(?:[^"]|"")*")+')
_NAME = re.compile(rf"({_IDENT})(?:\.({_IDENT}))?")
_INDEX_DEF = re.compile(
    rf"CREATE (UNIQUE )?INDEX (?:CONCURRENTLY )?(?:IF NOT EXISTS )?{_IDENT} ON (?:ONLY )?"
    rf"{_IDENT}(?:\.{_IDENT})? USING (.+)", re.S | re.I)
_PART_KEY = re.compile(r"(RANGE|LIST|HASH) (\(.*\))", re.S | re.I)
_BOUND = re.compile(r"DEFAULT|FOR VALUES (?:FROM \(.*\) TO \(.*\)|IN \(.*\)|WITH \(.*\))", re.S | re.I)
_EXCLUDE = re.compile(r"EXCLUDE USING \w+ \(.*", re.S | re.I)
_ACTIONS = {"CASCADE", "RESTRICT", "SET NULL", "SET DEFAULT", "NO ACTION"}
_SERIALS = {"smallint": "smallserial", "integer": "serial", "bigint": "bigserial",
            "int2": "smallserial", "int4": "serial", "int8": "bigserial"}


def lit(value: str) -> str:
    """A standard-conforming PostgreSQL string literal."""
    return exp.Literal.string(value).sql("postgres")


def check_fragment(text: str, what: str) -> str:
    """Raise SchemaError unless ``text`` is one self-contained SQL fragment; return it."""
    if not isinstance(text, str) or not text.strip():
        raise SchemaError(f"{what}: empty SQL fragment")
    i, n, depth = 0, len(text), 0
    while i < n:
        ch = text[i]
        if ch in "'\"":
            if ch == "'" and i > 0 and text[i - 1] in "eE":
                raise SchemaError(f"{what}: escape string literals (E'...') are not accepted: {text!r}")
            end = i + 1
            while True:
                end = text.find(ch, end)
                if end < 0:
                    raise SchemaError(f"{what}: unterminated quote in {text!r}")
                if text.startswith(ch * 2, end):
                    end += 2
                    continue
                break
            i = end + 1
            continue
        if ch in ";$" or text.startswith(("--", "/*"), i):
            raise SchemaError(f"{what}: forbidden {text[i:i + 2].strip() if ch in '-/' else ch!r} "
                              f"outside quotes in {text!r}")
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            raise SchemaError(f"{what}: unbalanced parentheses in {text!r}")
        i += 1
    if depth:
        raise SchemaError(f"{what}: unbalanced parentheses in {text!r}")
    return text


def check_type(text: str, what: str) -> str:
    """Validate a type (or collation) name against a conservative grammar."""
    if not isinstance(text, str) or not _TYPE.fullmatch(text):
        raise SchemaError(f"{what}: invalid type {text!r}")
    return check_fragment(text, what)


def _expr(text: str, what: str) -> str:
    return f"({check_fragment(text, what)})"


def parse_name(text: str, what: str) -> list[str]:
    """Split a name as PostgreSQL prints it (``mood``, ``"Mood"``, ``other.mood``) into parts."""
    m = _NAME.fullmatch(text or "")
    if not m:
        raise SchemaError(f"{what}: invalid name {text!r}")
    parts = []
    for p in m.groups():
        if p is None:
            continue
        if p.startswith('"'):
            parts.append(p[1:-1].replace('""', '"'))
        elif re.fullmatch(r"[^\W\d]\w*", p):
            parts.append(p.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")))
        else:
            raise SchemaError(f"{what}: invalid name {text!r}")
    return parts


def object_name(name: str, what: str, where: Placement, schema: str | None = None) -> str:
    """A type, sequence or collation name of orm.yaml in the destination: an unqualified name goes
    into its schema's destination (``schema``, else the first); a qualified one keeps its schema
    unless that is a schema of the file (then mapped)."""
    parts = parse_name(name, what)
    if len(parts) == 1:
        return f"{q(where.dst(schema))}.{q(parts[0])}"
    return f"{q(where.dst(parts[0]))}.{q(parts[1])}"


def owns(name: str, what: str, where: Placement) -> bool:
    """Whether an object named like this belongs to the file's schemas (created plainly, dropped with them)."""
    parts = parse_name(name, what)
    return len(parts) == 1 or where.own(parts[0])


def _guarded(stmt: str) -> str:
    """Run ``stmt`` unless the object already exists (for objects of other schemas)."""
    tag = "$sqlsynth$"
    while tag in stmt:
        tag = tag[:-1] + "_$"
    return f"DO {tag} BEGIN {stmt}; EXCEPTION WHEN duplicate_object OR duplicate_function THEN NULL; END {tag}"


def _kept_tables(schema: Schema, skip: Iterable[str]) -> list[Table]:
    """Tables to create, parents before their partitions, each level ordered by name."""
    skip = set(skip)
    children: dict[str | None, list[Table]] = {}
    for t in schema.tables.values():
        parent = t.partition_of if t.partition_of in schema.tables else None
        children.setdefault(parent, []).append(t)
    out: list[Table] = []

    def visit(parent: str | None) -> None:
        for t in sorted(children.get(parent, []), key=lambda t: t.name):
            if t.name not in skip:
                out.append(t)
                visit(t.name)

    visit(None)
    return out


def _domains_in_order(schema: Schema) -> list[DomainType]:
    """Domains with those they are based on first."""
    def key(text: str) -> tuple[str, ...]:
        base = re.sub(r"(\[\])+$", "", text.strip())
        try:
            return tuple(parse_name(base, "domain"))
        except SchemaError:
            return (base,)

    by_key = {key(d.name): d for d in schema.domains.values()}
    out: list[DomainType] = []
    seen: set[str] = set()

    def visit(d: DomainType, stack: tuple[str, ...] = ()) -> None:
        if d.name in seen or d.name in stack:
            return
        base = by_key.get(key(d.base))
        if base is not None:
            visit(base, stack + (d.name,))
        seen.add(d.name)
        out.append(d)

    for d in sorted(schema.domains.values(), key=lambda d: d.name):
        visit(d)
    return out


def _type_statements(schema: Schema, where: Placement) -> list[str]:
    from .prerequisites import function_statements

    out: list[str] = []
    made_schemas: set[str] = set(where.schemas)

    def create(kind: str, name: str, what: str, rest: str, own_schema: str | None = None) -> None:
        target = object_name(name, what, where, own_schema)
        stmt = f"CREATE {kind} {target}{rest}"
        if owns(name, what, where):
            out.append(stmt)
            return
        other = parse_name(name, what)[0]
        if other not in made_schemas:
            made_schemas.add(other)
            out.append(f"CREATE SCHEMA IF NOT EXISTS {q(other)}")
        out.append(stmt if kind.startswith("SEQUENCE") else _guarded(stmt))

    for e in sorted(schema.enums.values(), key=lambda e: e.name):
        labels = ", ".join(lit(str(v)) for v in e.labels)
        create("TYPE", e.name, f"enums.{e.name}", f" AS ENUM ({labels})", e.schema)
    out += function_statements(schema, where, after_domains=False)
    for d in _domains_in_order(schema):
        what = f"domains.{d.name}"
        rest = f" AS {check_type(d.base, what)}"
        if d.default is not None:
            rest += f" DEFAULT {_expr(d.default, what + '.default')}"
        if d.not_null:
            rest += " NOT NULL"
        for c in d.checks:
            rest += f" CONSTRAINT {q(c.name)} CHECK {_expr(c.expression, f'{what}.checks.{c.name}')}"
        create("DOMAIN", d.name, what, rest, d.schema)
    out += function_statements(schema, where, after_domains=True)
    for s in sorted(schema.sequences):
        create("SEQUENCE IF NOT EXISTS", s, f"sequences.{s}", "")
    return out


def _column_sql(t: Table, c: Column) -> str:
    what = f"tables.{t.name}.columns.{c.name}"
    typ = check_type(c.type, what)
    if c.serial:
        if typ.strip().lower() not in _SERIALS:
            raise SchemaError(f"{what}: a serial column must be smallint, integer or bigint, not {typ!r}")
        typ = _SERIALS[typ.strip().lower()]
    parts = [q(c.name), typ]
    if c.collation:
        parts.append(f"COLLATE {check_type(c.collation, what + '.collation')}")
    if c.generated is not None:
        parts.append(f"GENERATED ALWAYS AS {_expr(c.generated, what + '.generated')} STORED")
    elif c.identity:
        kind = {"always": "ALWAYS", "by default": "BY DEFAULT"}.get(str(c.identity).lower())
        if kind is None:
            raise SchemaError(f"{what}.identity: expected 'always' or 'by default', got {c.identity!r}")
        parts.append(f"GENERATED {kind} AS IDENTITY")
    elif c.default is not None and not c.serial:
        parts.append(f"DEFAULT {_expr(c.default, what + '.default')}")
    if not c.nullable:
        parts.append("NOT NULL")
    return " ".join(parts)


def _parent_name(schema: Schema, t: Table, where: Placement) -> str:
    parent = schema.tables.get(t.partition_of or "")
    if parent is None:
        raise SchemaError(f"tables.{t.name}.partition_of: unknown table {t.partition_of!r}")
    return where.qtable(parent)


def _table_statements(schema: Schema, t: Table, where: Placement) -> list[str]:
    name = where.qtable(t)
    what = f"tables.{t.name}"
    head = f"CREATE {'UNLOGGED ' if t.unlogged else ''}TABLE {name}"
    if t.partition_of:
        bound = check_fragment(t.partition_bound or "", what + ".partition_bound")
        if not _BOUND.fullmatch(bound.strip()):
            raise SchemaError(f"{what}.partition_bound: expected DEFAULT or FOR VALUES ..., got {bound!r}")
        stmt = f"{head} PARTITION OF {_parent_name(schema, t, where)} {bound.strip()}"
    else:
        if not t.columns:
            raise SchemaError(f"{what}: no columns")
        cols = ",\n    ".join(_column_sql(t, c) for c in t.columns.values())
        stmt = f"{head} (\n    {cols}\n)"
    if t.partition_by:
        key = check_fragment(t.partition_by.key, what + ".partition_by.key").strip()
        m = _PART_KEY.fullmatch(key)
        if not m or not _wrapped(m.group(2)):
            raise SchemaError(f"{what}.partition_by.key: expected RANGE|LIST|HASH (...), got {key!r}")
        stmt += f" PARTITION BY {m.group(1).upper()} {m.group(2)}"
    out = [stmt]
    parent = schema.tables.get(t.partition_of or "")
    if parent is not None:
        out += _partition_column_fixes(t, parent, name)
    return out


def _wrapped(text: str) -> bool:
    """True when the first parenthesis of ``text`` closes at its very end."""
    depth = 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return i == len(text) - 1
    return False


def _partition_column_fixes(t: Table, parent: Table, name: str) -> list[str]:
    """A partition created with PARTITION OF copies its parent's columns; keep its own defaults/NOT NULL."""
    out = []
    for c in t.columns.values():
        p = parent.columns.get(c.name)
        if p is None or c.generated is not None or c.identity or c.serial:
            continue
        col = f"ALTER TABLE {name} ALTER COLUMN {q(c.name)}"
        what = f"tables.{t.name}.columns.{c.name}"
        if c.default != (None if p.serial else p.default):
            out.append(f"{col} DROP DEFAULT" if c.default is None
                       else f"{col} SET DEFAULT {_expr(c.default, what + '.default')}")
        if not c.nullable and p.nullable:
            out.append(f"{col} SET NOT NULL")
    return out


def _cols(names: list[str]) -> str:
    return ", ".join(q(n) for n in names)


def _key_sql(kind: str, u) -> str:
    """PRIMARY KEY / UNIQUE [NULLS NOT DISTINCT] (cols) [INCLUDE (cols)] [DEFERRABLE [INITIALLY DEFERRED]]."""
    nnd = " NULLS NOT DISTINCT" if u.nulls_not_distinct else ""
    out = f"{kind}{nnd} ({_cols(u.columns)})"
    if u.include:
        out += f" INCLUDE ({_cols(u.include)})"
    if u.deferrable:
        out += " DEFERRABLE INITIALLY DEFERRED" if u.initially_deferred else " DEFERRABLE"
    return out


def _constraint_statements(t: Table, where: Placement | str) -> list[str]:
    """Keys, CHECKs, exclusion constraints and indexes of one table (after every table exists)."""
    if isinstance(where, str):  # a destination schema name: a one-schema file
        where = Placement(where, {}, [])
    table = where.qtable(t)
    alter = f"ALTER TABLE {table} ADD CONSTRAINT"
    out = []
    if t.primary_key:
        out.append(f"{alter} {q(t.primary_key.name)} {_key_sql('PRIMARY KEY', t.primary_key)}")
    for u in sorted(t.unique, key=lambda u: u.name):
        out.append(f"{alter} {q(u.name)} {_key_sql('UNIQUE', u)}")
    for c in sorted(t.checks, key=lambda c: c.name):
        out.append(f"{alter} {q(c.name)} CHECK {_expr(c.expression, f'tables.{t.name}.checks.{c.name}')}")
    for x in sorted(t.exclusions, key=lambda x: x.name):
        what = f"tables.{t.name}.exclusions.{x.name}"
        text = check_fragment(x.definition, what).strip()
        if not _EXCLUDE.fullmatch(text):
            raise SchemaError(f"{what}: expected EXCLUDE USING method (...), got {x.definition!r}")
        out.append(f"{alter} {q(x.name)} {text}")
    for ix in sorted(t.indexes, key=lambda i: i.name):
        what = f"tables.{t.name}.indexes.{ix.name}"
        m = _INDEX_DEF.fullmatch((ix.definition or "").strip())
        if not m:
            raise SchemaError(f"{what}: expected CREATE [UNIQUE] INDEX ... ON ... USING ..., got {ix.definition!r}")
        tail = check_fragment(m.group(2), what)
        out.append(f"CREATE {'UNIQUE ' if m.group(1) else ''}INDEX {q(ix.name)} "
                   f"ON {table} USING {tail}")
    return out


def fk_target(schema: Schema, fk, where: Placement) -> str:
    """The referenced table of a foreign key, qualified, in the destination."""
    if fk.ref_schema is not None:
        return f"{q(fk.ref_schema)}.{q(fk.ref_table)}"
    parent = schema.tables.get(fk.ref_table)
    if parent is None:
        raise SchemaError(f"foreign key {fk.name}: unknown table {fk.ref_table!r}")
    return where.qtable(parent)


def _fk_statements(schema: Schema, t: Table, where: Placement, skip: set[str]) -> list[str]:
    out = []
    for fk in sorted(t.foreign_keys, key=lambda f: f.name):
        if fk.ref_schema is None and fk.ref_table in skip:
            continue
        s = (f"ALTER TABLE {where.qtable(t)} ADD CONSTRAINT {q(fk.name)} FOREIGN KEY ({_cols(fk.columns)}) "
             f"REFERENCES {fk_target(schema, fk, where)} ({_cols(fk.ref_columns)})")
        if fk.match_full:
            s += " MATCH FULL"
        for clause, action in (("ON DELETE", fk.on_delete), ("ON UPDATE", fk.on_update)):
            if action is not None:
                if str(action).upper() not in _ACTIONS:
                    raise SchemaError(f"tables.{t.name}.foreign_keys.{fk.name}: invalid action {action!r}")
                s += f" {clause} {str(action).upper()}"
        if fk.deferrable:
            s += " DEFERRABLE INITIALLY DEFERRED" if fk.initially_deferred else " DEFERRABLE"
        out.append(s)
    return out


def _skipped(schema: Schema, skip_tables: Iterable[str]) -> set[str]:
    """The skipped tables and, transitively, their partitions."""
    skip = set(skip_tables)
    changed = True
    while changed:
        extra = {t.name for t in schema.tables.values() if t.partition_of in skip} - skip
        skip |= extra
        changed = bool(extra)
    return skip


def _where(schema: Schema, dst: str | Placement | None) -> Placement:
    return dst if isinstance(dst, Placement) else placement(schema, dst)


def session_statements(where: Placement) -> list[str]:
    """SET LOCAL search_path to the destination schemas (in the source's order), then the extensions'."""
    return [f"SET LOCAL search_path = {', '.join(q(s) for s in where.search_path)}"]


def create_statements(schema: Schema, dst_schema: str | Placement | None,
                      skip_tables: Iterable[str] = frozenset()) -> list[str]:
    """DDL creating the schema's prerequisites, types and tables in the destination schema(s)
    (a name for a one-schema file, or a Placement: see placement.py); run it in one transaction."""
    from .prerequisites import collation_statements, extension_statements

    where = _where(schema, dst_schema)
    skip = _skipped(schema, skip_tables)
    tables = _kept_tables(schema, skip)
    out = [f"CREATE SCHEMA IF NOT EXISTS {q(s)}" for s in where.schemas]
    out += extension_statements(schema, where)
    out += session_statements(where)
    out += ["SET LOCAL standard_conforming_strings = on", "SET LOCAL check_function_bodies = off"]
    out += collation_statements(schema, where)
    out += _type_statements(schema, where)
    for t in tables:
        out += _table_statements(schema, t, where)
    for t in tables:
        out += _constraint_statements(t, where)
    for t in tables:
        out += _fk_statements(schema, t, where, skip)
    return out


def drop_statements(schema: Schema, dst_schema: str | Placement | None,
                    skip_tables: Iterable[str] = frozenset()) -> list[str]:
    """DDL dropping what create_statements made in the file's schemas (partitions go with their
    parents; extensions and objects of other schemas stay)."""
    from .prerequisites import drop_collations, drop_functions

    where = _where(schema, dst_schema)
    skip = _skipped(schema, skip_tables)
    # One statement without CASCADE: foreign keys among these tables go with them, but an object
    # that is not ours (a hand-made table or view using one of them) stops the drop instead of
    # losing its foreign key or being dropped with it.
    tables = [where.qtable(t) for t in _kept_tables(schema, skip) if t.partition_of not in schema.tables]
    out = session_statements(where) if schema.functions else []  # the functions' argument types resolve
    out += [f"DROP TABLE IF EXISTS {', '.join(tables)}"] if tables else []
    out += drop_functions(schema, where, after_domains=True)
    for d in reversed(_domains_in_order(schema)):
        if owns(d.name, f"domains.{d.name}", where):
            out.append(f"DROP DOMAIN IF EXISTS {object_name(d.name, 'domain', where, d.schema)}")
    out += drop_functions(schema, where, after_domains=False)
    for e in sorted(schema.enums.values(), key=lambda e: e.name):
        if owns(e.name, f"enums.{e.name}", where):
            out.append(f"DROP TYPE IF EXISTS {object_name(e.name, 'enum', where, e.schema)}")
    out += drop_collations(schema, where)
    for s in sorted(schema.sequences):
        if owns(s, f"sequences.{s}", where):
            out.append(f"DROP SEQUENCE IF EXISTS {object_name(s, 'sequence', where)}")
    return out
