"""Reflect a live PostgreSQL schema into the schema model, straight from pg_catalog.

SQLAlchemy's inspector loses too much (enum labels, domains, generated columns,
partitioning, composite FK order, index predicates), so this module queries the
catalogs directly with psycopg 3. ``search_path`` is set to the reflected schemas
for the whole read so that every printed fragment (types, defaults, checks,
partition bounds) names the schemas' own objects unqualified.

Several schemas (SRC_SCHEMA=a,b or all) are read together: table keys become
``schema.name`` and foreign keys between them are ordinary ones. The prerequisites the
tables need (extensions, user collations, user functions) are found by following
pg_depend from the tables, their defaults, constraints, indexes and domains
(prerequisites.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ..db import connect, mask_dsn
from ..errors import SchemaError
from .model import (
    Check,
    Column,
    DomainType,
    EnumType,
    Exclusion,
    ForeignKey,
    Index,
    Partitioning,
    Schema,
    Table,
    UniqueConstraint,
    table_key,
)
from .placement import source_schemas
from .prerequisites import read_prerequisites

_ACTIONS = {"r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}
_STRATEGIES = {"r": "range", "l": "list", "h": "hash"}
_SERIAL_TYPES = {"smallint", "integer", "bigint"}
_NEXTVAL = re.compile(r"^nextval\('(?:[^']|'')+'::regclass\)$")

_SCHEMAS = r"""
SELECT nspname::text FROM pg_namespace
WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'sqlsynth_journal')  -- sqlsynth's own load journal
  AND nspname NOT LIKE 'pg\_toast%%' AND nspname NOT LIKE 'pg\_temp\_%%'
"""

_TABLES = """
SELECT c.oid, c.relname::text, c.relkind, c.relpersistence, pg_get_expr(c.relpartbound, c.oid),
       i.inhparent, CASE WHEN c.relispartition THEN pg_partition_root(c.oid) ELSE c.oid END,
       n.nspname::text
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
WHERE c.relnamespace = ANY(%(ns)s) AND c.relkind IN ('r', 'p') AND c.relpersistence <> 't'
"""

_COLUMNS = """
SELECT a.attrelid, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid), a.atttypid,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
            THEN a.attcollation::regcollation::text END,
       (SELECT array_agg(dep.refobjid) FROM pg_depend dep JOIN pg_class s ON s.oid = dep.refobjid
         WHERE dep.classid = 'pg_attrdef'::regclass AND dep.objid = d.oid
           AND dep.refclassid = 'pg_class'::regclass AND s.relkind = 'S')
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = ANY(%(oids)s) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
"""

# Every use of the given sequences by a column default, and their OWNED BY column.
_SEQ_USES = """
SELECT dep.refobjid, ad.adrelid, a.attname::text,
       CASE WHEN c.relispartition THEN pg_partition_root(c.oid) ELSE c.oid END
FROM pg_depend dep
JOIN pg_attrdef ad ON dep.classid = 'pg_attrdef'::regclass AND ad.oid = dep.objid
JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
JOIN pg_class c ON c.oid = ad.adrelid
WHERE dep.refclassid = 'pg_class'::regclass AND dep.refobjid = ANY(%(seqs)s)
"""
_SEQ_OWNERS = """
SELECT s.oid, {seqname}, a.attname::text,
       CASE WHEN c.relispartition THEN pg_partition_root(c.oid) ELSE c.oid END
FROM pg_class s
LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = s.oid
     AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i') AND dep.refobjsubid > 0
LEFT JOIN pg_class c ON c.oid = dep.refobjid
LEFT JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
WHERE s.oid = ANY(%(seqs)s)
"""

_CONSTRAINTS = """
SELECT c.conrelid, c.conname::text, c.contype, c.condeferrable, c.condeferred, c.confmatchtype,
       c.confupdtype, c.confdeltype, c.coninhcount, c.conislocal, c.conparentid,
       ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o),
       ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o),
       r.relname::text, rn.nspname::text, c.confrelid,
       pg_get_expr(c.conbin, c.conrelid), {nnd},
       CASE WHEN c.contype = 'x' THEN pg_get_constraintdef(c.oid) END,
       ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
             WHERE k.o > i.indnkeyatts ORDER BY k.o)
FROM pg_constraint c
LEFT JOIN pg_class r ON r.oid = c.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
LEFT JOIN pg_index i ON c.contype IN ('p', 'u') AND i.indexrelid = c.conindid
WHERE c.conrelid = ANY(%(oids)s) AND c.contype IN ('p', 'u', 'f', 'c', 'x')
"""

_INDEXES = """
SELECT i.indrelid, ic.relname::text, pg_get_indexdef(i.indexrelid), i.indisunique,
       ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
             WHERE k.o <= i.indnkeyatts ORDER BY k.o),
       pg_get_expr(i.indpred, i.indrelid)
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
WHERE i.indrelid = ANY(%(oids)s)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                  AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
"""

_PARTKEYS = """
SELECT pt.partrelid, pt.partstrat, pg_get_partkeydef(pt.partrelid),
       ARRAY(SELECT a.attname::text FROM unnest(pt.partattrs::int2[]) WITH ORDINALITY k(n, o)
             JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = k.n ORDER BY k.o)
FROM pg_partitioned_table pt WHERE pt.partrelid = ANY(%(oids)s)
"""

_TYPES = """
SELECT t.oid, format_type(t.oid, NULL), t.typtype, t.typcategory, t.typelem, t.typbasetype,
       format_type(t.typbasetype, t.typtypmod), t.typnotnull, pg_get_expr(t.typdefaultbin, 0),
       n.nspname::text,
       EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid
               AND e.refclassid = 'pg_extension'::regclass AND e.deptype = 'e')
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = ANY(%(oids)s)
"""
_ENUM_LABELS = "SELECT enumtypid, enumlabel::text FROM pg_enum WHERE enumtypid = ANY(%(oids)s) ORDER BY enumtypid, enumsortorder"
_DOMAIN_CHECKS = """
SELECT contypid, conname::text, pg_get_expr(conbin, 0) FROM pg_constraint
WHERE contypid = ANY(%(oids)s) AND contype = 'c'
"""


def reflect(dsn: str, schema: str | list[str] = "public", masked_dsn: str | None = None) -> Schema:
    """Read every table of the schema(s) (ordinary and partitioned) into a Schema.

    ``schema``: one schema name, a SRC_SCHEMA setting (``a, b`` or ``all``: see placement.py), or
    a list of names. One schema gives a file keyed by table names, as before; several give
    ``schema.name`` keys."""
    from psycopg import sql

    where = masked_dsn if masked_dsn is not None else mask_dsn(dsn)
    with connect(dsn, what="source database") as conn:
        conn.read_only = True
        with conn.transaction():
            existing = [r[0] for r in _rows(conn, _SCHEMAS)]
            wanted = list(schema) if isinstance(schema, (list, tuple)) else source_schemas(schema, existing)
            missing = [n for n in wanted if n not in existing]
            if missing:
                raise SchemaError(f"schema {', '.join(repr(n) for n in missing)} does not exist in {where}")
            if isinstance(schema, str) and schema.strip().lower() == "all" and schema not in existing:
                wanted = _with_tables(conn, wanted) or wanted
            ns = [conn.execute("SELECT oid FROM pg_namespace WHERE nspname = %s", [n]).fetchone()[0] for n in wanted]
            conn.execute(sql.SQL("SET LOCAL search_path = {}").format(
                sql.SQL(", ").join(sql.Identifier(n) for n in wanted)))
            for setting in ("TimeZone = 'UTC'", "DateStyle = 'ISO, MDY'", "IntervalStyle = 'postgres'",
                            "extra_float_digits = 3"):
                conn.execute(f"SET LOCAL {setting}")
            result = _read(conn, ns, wanted)
    empty = [n for n in wanted if not any((t.schema or result.schema) == n for t in result.tables.values())]
    if empty:
        raise SchemaError(f"schema {', '.join(repr(n) for n in empty)} has no tables in {where}")
    result.dsn = masked_dsn
    return result


def _with_tables(conn: Any, names: list[str]) -> list[str]:
    """The schemas of names that hold a table (SRC_SCHEMA=all leaves out schemas of views or functions)."""
    rows = _rows(conn, "SELECT DISTINCT n.nspname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = ANY(%(names)s) AND c.relkind IN ('r', 'p') AND c.relpersistence <> 't'",
                 names=names)
    have = {r[0] for r in rows}
    return [n for n in names if n in have]


def _rows(conn: Any, query: str, **params: Any) -> list[tuple]:
    return conn.execute(query, params).fetchall()


def _read(conn: Any, ns: list[int], names: list[str]) -> Schema:
    multi = len(names) > 1
    out = Schema(schema=names[0], schemas=list(names) if multi else [])
    rows = _rows(conn, _TABLES, ns=ns)
    keys = {oid: table_key(nsp, name) if multi else name for oid, name, *_r, nsp in rows}
    tables: dict[int, Table] = {}
    roots: dict[int, int] = {}
    for oid, name, kind, persistence, bound, parent, root, nsp in sorted(rows, key=lambda r: keys[r[0]]):
        t = Table(name=keys[oid], unlogged=persistence == "u", schema=nsp if multi else None, relname=name)
        if parent is not None and parent in keys:
            t.partition_of, t.partition_bound = keys[parent], bound
        tables[oid] = t
        roots[oid] = root
    oids = list(tables)
    type_oids = _read_columns(conn, out, tables, roots, oids, multi)
    _read_constraints(conn, tables, keys, oids)
    for relid, name, definition, unique, cols, where in _rows(conn, _INDEXES, oids=oids):
        plain = None if any(c is None for c in cols) else list(cols)
        tables[relid].indexes.append(Index(name, definition, bool(unique), plain, where))
    for relid, strat, key, cols in _rows(conn, _PARTKEYS, oids=oids):
        tables[relid].partition_by = Partitioning(_STRATEGIES.get(strat, strat), key, list(cols))
    for t in tables.values():
        t.unique.sort(key=lambda u: u.name)
        t.foreign_keys.sort(key=lambda f: f.name)
        t.checks.sort(key=lambda c: c.name)
        t.indexes.sort(key=lambda i: i.name)
        t.exclusions.sort(key=lambda x: x.name)
        if t.primary_key:
            for c in t.primary_key.columns:
                t.columns[c].primary = True
    domain_oids = _read_types(conn, out, type_oids, set(names) if multi else set())
    out.tables = {t.name: t for t in tables.values()}
    read_prerequisites(conn, out, oids, domain_oids, names)
    return out


def _read_columns(conn: Any, out: Schema, tables: dict[int, Table], roots: dict[int, int],
                  oids: list[int], multi: bool = False) -> set[int]:
    """Fill the columns; decide serial-ness; return the type oids used."""
    rows = _rows(conn, _COLUMNS, oids=oids)
    seqs = sorted({s for r in rows if r[9] for s in r[9]})
    serial_key = _serial_sequences(conn, seqs, multi) if seqs else {}
    free: dict[int, str] = {}
    type_oids: set[int] = set()
    for relid, name, typ, notnull, ident, gen, expr, typid, coll, used in rows:
        type_oids.add(typid)
        col = Column(name=name, type=typ, nullable=not notnull, collation=coll)
        if ident:
            col.identity = "always" if ident == "a" else "by default"
        elif gen == "s":
            col.generated = expr
        elif expr is not None:
            col.default = expr
            if used and len(used) == 1 and _NEXTVAL.match(expr):
                seq = used[0]
                key, seq_name = serial_key[seq]
                if key == (roots[relid], name) and typ in _SERIAL_TYPES:
                    col.serial, col.default = True, None
                else:
                    free[seq] = seq_name
            elif used:
                free.update((s, serial_key[s][1]) for s in used)
        tables[relid].columns[name] = col
    out.sequences = sorted(free.values())
    return type_oids


def _serial_sequences(conn: Any, seqs: list[int], multi: bool = False) -> dict[int, tuple[Any, str]]:
    """For each sequence: the (partition root, column) it is private to (or None), and its name.

    A sequence is private to a column when every default using it belongs to that column
    (or to the same column of a partition of the same root) and it is owned by that column
    or by nothing. Such a column is reflected as serial.
    """
    uses: dict[int, set[tuple[int, str]]] = defaultdict(set)
    for seq, _relid, attname, root in _rows(conn, _SEQ_USES, seqs=seqs):
        uses[seq].add((root, attname))
    result: dict[int, tuple[Any, str]] = {}
    # several schemas: sequence names always qualified, so that create-tables knows their schema
    seqname = ("quote_ident(s.relnamespace::regnamespace::text) || '.' || quote_ident(s.relname)" if multi
               else "s.oid::regclass::text")
    for seq, name, owner_col, owner_root in _rows(conn, _SEQ_OWNERS.format(seqname=seqname), seqs=seqs):
        keys = uses.get(seq, set())
        key = next(iter(keys)) if len(keys) == 1 else None
        if owner_col is not None and key != (owner_root, owner_col):
            key = None
        result[seq] = (key, name)
    return result


def _read_constraints(conn: Any, tables: dict[int, Table], keys: dict[int, str], oids: list[int]) -> None:
    version = conn.info.server_version
    nnd = "coalesce(i.indnullsnotdistinct, false)" if version >= 150000 else "false"
    for (relid, name, kind, deferrable, deferred, match, upd, dele, inhcount, islocal, parentid,
         cols, refcols, reftable, refschema, refoid, expr, nulls_nd, xdef, include) in _rows(
            conn, _CONSTRAINTS.format(nnd=nnd), oids=oids):
        t = tables[relid]
        if parentid != 0:
            continue  # cloned from a partitioned parent
        if kind in ("p", "u"):
            u = UniqueConstraint(name, list(cols), bool(nulls_nd), bool(deferrable), bool(deferred),
                                 list(include or []))
            if kind == "p":
                t.primary_key = u
            else:
                t.unique.append(u)
        elif kind == "x":
            t.exclusions.append(Exclusion(name, xdef))
        elif kind == "c":
            if inhcount == 0 and islocal:
                t.checks.append(Check(name, expr))
        elif kind == "f":
            here = refoid in keys
            t.foreign_keys.append(ForeignKey(
                name=name, columns=list(cols), ref_table=keys[refoid] if here else reftable,
                ref_columns=list(refcols), ref_schema=None if here else refschema,
                on_delete=_ACTIONS.get(dele), on_update=_ACTIONS.get(upd),
                deferrable=bool(deferrable), initially_deferred=bool(deferred),
                match_full=match == "f"))


def _read_types(conn: Any, out: Schema, oids: set[int], reflected: set[str]) -> set[int]:
    """Collect enums and domains reachable from the column types (through arrays and domains).

    Types of extensions are left to CREATE EXTENSION. With several schemas, an enum or domain of one
    of them records its schema (its name is printed unqualified). Returns the domains' oids."""
    seen: set[int] = set()
    todo = set(oids)
    enums: dict[int, EnumType] = {}
    domains: dict[int, DomainType] = {}
    while todo:
        seen |= todo
        nxt: set[int] = set()
        for oid, name, typtype, category, elem, base, base_name, notnull, default, nsp, ext in _rows(
                conn, _TYPES, oids=sorted(todo)):
            if ext:
                continue
            own = nsp if nsp in reflected else None
            if category == "A" and elem:
                nxt.add(elem)
            elif typtype == "e":
                enums[oid] = EnumType(name, [], own)
            elif typtype == "d":
                domains[oid] = DomainType(name, base_name, bool(notnull), default, schema=own)
                nxt.add(base)
        todo = nxt - seen
    if enums:
        for oid, label in _rows(conn, _ENUM_LABELS, oids=sorted(enums)):
            enums[oid].labels.append(label)
    if domains:
        for oid, name, expr in _rows(conn, _DOMAIN_CHECKS, oids=sorted(domains)):
            domains[oid].checks.append(Check(name, expr))
    for d in domains.values():
        d.checks.sort(key=lambda c: c.name)
    out.enums = {e.name: e for e in sorted(enums.values(), key=lambda e: e.name)}
    out.domains = {d.name: d for d in sorted(domains.values(), key=lambda d: d.name)}
    return set(domains)
