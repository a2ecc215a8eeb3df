"""What the tables need before they can be created: extensions, user collations, user functions.

Found by following pg_depend from the tables (column types and collations), their defaults and
generated columns (pg_attrdef), constraints (CHECK, exclusion), indexes (operator classes,
collations, expression functions) and domains, through types (arrays, domain bases), operators,
operator classes and user functions (their signatures, and SQL-standard bodies). The string bodies
of SQL and PL/pgSQL functions record no dependencies, so they are read: a name called there
(``name(``) that is a user function, or a word that names an extension's function or text search
dictionary (``regdictionary 'public.unaccent'``), is followed like a dependency. An object that
belongs to an extension stops the walk and records the extension (with the extensions it
requires); a function or collation outside pg_catalog that belongs to no extension is a user one,
kept with its definition (pg_get_functiondef) or its provider and locale.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import Any

from ..errors import SchemaError
from .ddl import _IDENT, _guarded, check_fragment, lit, object_name, owns, parse_name, q
from .model import Collation, Extension, Function, Schema
from .placement import Placement

_SYSTEM = ("pg_catalog", "information_schema")
_FOLLOW = ("pg_proc", "pg_type", "pg_collation", "pg_opclass", "pg_operator", "pg_opfamily")

_DEPS = """
SELECT d.objid, d.refclassid::regclass::text, d.refobjid, x.refobjid
FROM pg_depend d
LEFT JOIN pg_depend x ON x.classid = d.refclassid AND x.objid = d.refobjid
     AND x.refclassid = 'pg_extension'::regclass AND x.deptype = 'e'
WHERE d.classid = %(cls)s::regclass AND d.objid = ANY(%(oids)s) AND d.deptype IN ('n', 'a', 'i')
  AND d.refclassid = ANY(%(kinds)s::regclass[])
"""

_SEEDS = """
SELECT 'pg_class', indexrelid FROM pg_index WHERE indrelid = ANY(%(oids)s)
UNION ALL SELECT 'pg_attrdef', oid FROM pg_attrdef WHERE adrelid = ANY(%(oids)s)
UNION ALL SELECT 'pg_constraint', oid FROM pg_constraint WHERE conrelid = ANY(%(oids)s)
UNION ALL SELECT 'pg_constraint', oid FROM pg_constraint WHERE contypid = ANY(%(domains)s)
"""

_NAMESPACES = {
    "pg_proc": "SELECT p.oid, n.nspname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
               "WHERE p.oid = ANY(%(oids)s)",
    "pg_collation": "SELECT c.oid, n.nspname::text FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace "
                    "WHERE c.oid = ANY(%(oids)s)",
}

_BODIES = """
SELECT p.oid, p.prosrc FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
WHERE p.oid = ANY(%(oids)s) AND l.lanname IN ('sql', 'plpgsql'){atomic}
"""

# functions called by name in a string body, and extension objects named by any word of it
_BODY_NAMES = """
SELECT 'call', p.oid, x.refobjid FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_depend x ON x.classid = 'pg_proc'::regclass AND x.objid = p.oid
     AND x.refclassid = 'pg_extension'::regclass AND x.deptype = 'e'
WHERE p.proname = ANY(%(calls)s) AND n.nspname <> ALL(%(system)s)
UNION ALL
SELECT 'word', d.oid, x.refobjid FROM pg_ts_dict d
JOIN pg_depend x ON x.classid = 'pg_ts_dict'::regclass AND x.objid = d.oid
     AND x.refclassid = 'pg_extension'::regclass AND x.deptype = 'e'
WHERE d.dictname = ANY(%(words)s)
"""
# Compiled on first use (functools.cache): a class with the range \x80-\uffff costs re a few ms to
# compile (one 64K-entry charset each), paid by every command that imports this module otherwise.
_NAME_CLASS = r"[A-Za-z_\x80-\uffff][A-Za-z_0-9$\x80-\uffff]*"


@cache
def _call() -> re.Pattern[str]:
    return re.compile(rf'(?:"((?:[^"]|"")+)"|({_NAME_CLASS}))\s*\(')


@cache
def _word() -> re.Pattern[str]:
    return re.compile(_NAME_CLASS)


_EXTENSIONS = """
SELECT e.oid, e.extname::text, n.nspname::text, e.extversion::text,
       ARRAY(SELECT d.refobjid FROM pg_depend d WHERE d.classid = 'pg_extension'::regclass
             AND d.objid = e.oid AND d.refclassid = 'pg_extension'::regclass)
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.oid = ANY(%(oids)s)
"""

_FUNCTIONS = """
SELECT p.oid, n.nspname::text, p.proname::text, pg_get_function_identity_arguments(p.oid),
       pg_get_functiondef(p.oid)
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.oid = ANY(%(oids)s) AND p.prokind IN ('f', 'p')
"""

_COLLATIONS = """
SELECT c.oid, c.oid::regcollation::text, n.nspname::text, c.collprovider::text, {locale}, c.collcollate,
       c.collctype, c.collisdeterministic, {rules}
FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE c.oid = ANY(%(oids)s)
"""
_PROVIDERS = {"i": "icu", "c": "libc", "b": "builtin"}


def read_prerequisites(conn: Any, out: Schema, table_oids: list[int], domain_oids: set[int],
                       schemas: list[str]) -> None:
    """Fill out.extensions, out.collations and out.functions (run with the reflection's search_path)."""
    frontier: dict[str, set[int]] = defaultdict(set)
    frontier["pg_class"].update(table_oids)
    frontier["pg_type"].update(domain_oids)
    for cls, oid in conn.execute(_SEEDS, {"oids": table_oids, "domains": sorted(domain_oids)}).fetchall():
        frontier[cls].add(int(oid))
    seen: set[tuple[str, int]] = set()
    extensions: set[int] = set()
    functions: set[int] = set()
    collations: set[int] = set()
    calls: dict[int, set[int]] = defaultdict(set)  # user function -> user functions it depends on
    after_domains: set[int] = set()
    while frontier:
        todo = {cls: oids - {o for c, o in seen if c == cls} for cls, oids in frontier.items()}
        frontier = defaultdict(set)
        for cls, oids in todo.items():
            if not oids:
                continue
            seen.update((cls, o) for o in oids)
            refs: dict[str, set[int]] = defaultdict(set)
            for objid, refcls, refoid, ext in conn.execute(
                    _DEPS, {"cls": cls, "oids": sorted(oids), "kinds": list(_FOLLOW)}).fetchall():
                if ext is not None:
                    extensions.add(int(ext))
                    continue
                refs[refcls].add(int(refoid))
                if cls == "pg_proc":
                    if refcls == "pg_proc":
                        calls[int(objid)].add(int(refoid))
                    elif refcls == "pg_type" and int(refoid) in domain_oids:
                        after_domains.add(int(objid))
            if cls == "pg_proc":
                for caller, callees, exts in _body_references(conn, oids):
                    extensions |= exts
                    calls[caller] |= callees
                    refs["pg_proc"] |= callees
            for refcls, refoids in refs.items():
                if refcls in _NAMESPACES:
                    rows = conn.execute(_NAMESPACES[refcls], {"oids": sorted(refoids)}).fetchall()
                    user = {int(o) for o, nsp in rows if nsp not in _SYSTEM}
                    if refcls == "pg_proc":
                        functions |= user
                        frontier["pg_proc"] |= user
                    else:
                        collations |= user
                else:
                    frontier[refcls] |= refoids
    out.extensions = _extensions(conn, extensions)
    out.collations = _collations(conn, collations)
    out.functions = _functions(conn, functions, calls, after_domains)


def _body_references(conn: Any, oids: set[int]) -> list[tuple[int, set[int], set[int]]]:
    """(function, functions its string body calls, extensions it names) for the SQL and PL/pgSQL
    functions among oids. Read from the text (PostgreSQL records no dependency for a string body), so
    it may also keep a same-named function that is not called: creating it is harmless."""
    atomic = " AND p.prosqlbody IS NULL" if conn.info.server_version >= 140000 else ""
    out = []
    for oid, src in conn.execute(_BODIES.format(atomic=atomic), {"oids": sorted(oids)}).fetchall():
        calls = sorted({(m.group(1) or "").replace('""', '"') or m.group(2).lower() for m in _call().finditer(src or "")})
        words = sorted({w.lower() for w in _word().findall(src or "")})
        if not calls and not words:
            continue
        callees, exts = set(), set()
        for kind, ref, ext in conn.execute(_BODY_NAMES, {"calls": calls, "words": words,
                                                         "system": list(_SYSTEM)}).fetchall():
            if ext is not None:
                exts.add(int(ext))
            elif kind == "call" and int(ref) != int(oid):
                callees.add(int(ref))
        out.append((int(oid), callees, exts))
    return out


def _extensions(conn: Any, oids: set[int]) -> list[Extension]:
    """The extensions and those they require (CREATE EXTENSION earthdistance needs cube), requirements first."""
    info: dict[int, tuple[str, str, str, list[int]]] = {}
    todo = set(oids)
    while todo:
        for oid, name, nsp, version, requires in conn.execute(_EXTENSIONS, {"oids": sorted(todo)}).fetchall():
            info[int(oid)] = (name, nsp, version, [int(r) for r in requires])
        todo = {r for v in info.values() for r in v[3]} - set(info)
    order: list[int] = []

    def visit(oid: int, stack: tuple[int, ...] = ()) -> None:
        if oid in order or oid in stack or oid not in info:
            return
        for r in sorted(info[oid][3], key=lambda o: info.get(o, ("",))[0]):
            visit(r, stack + (oid,))
        order.append(oid)

    for oid in sorted(info, key=lambda o: info[o][0]):
        visit(oid)
    return [Extension(info[o][0], info[o][1], info[o][2]) for o in order]


def _collations(conn: Any, oids: set[int]) -> list[Collation]:
    if not oids:
        return []
    version = conn.info.server_version
    locale = "c.colllocale" if version >= 170000 else "c.colliculocale" if version >= 150000 else "NULL::text"
    rules = "c.collicurules" if version >= 160000 else "NULL::text"
    out = []
    for _oid, name, nsp, provider, loc, collate, ctype, deterministic, icu_rules in conn.execute(
            _COLLATIONS.format(locale=locale, rules=rules), {"oids": sorted(oids)}).fetchall():
        prov = _PROVIDERS.get(provider, provider)
        if prov == "icu" and loc is None:  # before PostgreSQL 15 the ICU locale was in collcollate
            loc = collate
        libc = prov == "libc"
        out.append(Collation(name=name, schema=nsp, provider=prov, locale=None if libc else loc,
                             lc_collate=collate if libc else None, lc_ctype=ctype if libc else None,
                             deterministic=bool(deterministic), rules=icu_rules))
    return sorted(out, key=lambda c: (c.schema, c.name))


def _functions(conn: Any, oids: set[int], calls: dict[int, set[int]], after_domains: set[int]) -> list[Function]:
    """User functions with their definitions, each after those its body depends on."""
    if not oids:
        return []
    rows = {int(r[0]): r for r in conn.execute(_FUNCTIONS, {"oids": sorted(oids)}).fetchall()}
    order: list[int] = []

    def visit(oid: int, stack: tuple[int, ...] = ()) -> None:
        if oid in order or oid in stack or oid not in rows:
            return
        for c in sorted(calls.get(oid, ()), key=lambda o: rows[o][1:4] if o in rows else ()):
            visit(c, stack + (oid,))
        order.append(oid)

    for oid in sorted(rows, key=lambda o: rows[o][1:4]):
        visit(oid)
    return [Function(schema=rows[o][1], name=rows[o][2], arguments=rows[o][3], definition=rows[o][4],
                     after_domains=o in after_domains) for o in order]


# -- in the destination (pure functions: statements for create_statements / drop_statements) ----------


@cache
def _dollar() -> re.Pattern[str]:
    return re.compile(r"\$([A-Za-z_\x80-\uffff][A-Za-z_0-9\x80-\uffff]*)?\$")


_ATOMIC = re.compile(r"\bBEGIN\s+ATOMIC\b", re.I)


def check_statement(text: str, what: str) -> str:
    """Raise SchemaError unless ``text`` is one statement (a function definition): no ``;`` outside
    quotes, dollar quotes and comments, except inside a SQL-standard body (BEGIN ATOMIC ... END,
    whose statements end with ``;``; create-tables sends every statement through the extended
    protocol, where the server itself refuses a second one)."""
    if not isinstance(text, str) or not text.strip():
        raise SchemaError(f"{what}: empty SQL statement")
    i, n, atomic = 0, len(text), False
    while i < n:
        ch = text[i]
        if ch in "'\"":
            end = i + 1
            while True:
                end = text.find(ch, end)
                if end < 0:
                    raise SchemaError(f"{what}: unterminated quote")
                if text.startswith(ch * 2, end):
                    end += 2
                    continue
                break
            i = end + 1
            continue
        m = _dollar().match(text, i) if ch == "$" else None
        if m:
            end = text.find(m.group(0), m.end())
            if end < 0:
                raise SchemaError(f"{what}: unterminated dollar quote {m.group(0)}")
            i = end + len(m.group(0))
            continue
        if text.startswith("--", i):
            nl = text.find("\n", i)
            i = n if nl < 0 else nl + 1
            continue
        if text.startswith("/*", i):
            depth, i = 1, i + 2
            while depth and i < n:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
            if depth:
                raise SchemaError(f"{what}: unterminated comment")
            continue
        if _ATOMIC.match(text, i):
            atomic = True
        if ch == ";" and not atomic and text[i + 1:].strip():
            raise SchemaError(f"{what}: more than one statement")
        i += 1
    return text


_FUNC_HEAD = re.compile(rf"\s*CREATE OR REPLACE (FUNCTION|PROCEDURE) ({_IDENT}\.{_IDENT})\(", re.I)


def extension_statements(schema: Schema, where: Placement) -> list[str]:
    """CREATE EXTENSION IF NOT EXISTS for each, in the (mapped) schema it had in the source."""
    out: list[str] = []
    for e in schema.extensions:
        target = where.dst(e.schema)
        if target != "pg_catalog" and target not in where.schemas:
            out.append(f"CREATE SCHEMA IF NOT EXISTS {q(target)}")
        out.append(f"CREATE EXTENSION IF NOT EXISTS {q(e.name)} SCHEMA {q(target)}")
    return out


def _create(out: list[str], stmt: str, schema_name: str, where: Placement) -> None:
    """Objects of the file's schemas are created (an existing one stops create-tables, as a table
    would); those of other schemas only when missing."""
    if where.own(schema_name):
        out.append(stmt)
    else:
        out.append(f"CREATE SCHEMA IF NOT EXISTS {q(schema_name)}")
        out.append(_guarded(stmt))


def collation_statements(schema: Schema, where: Placement) -> list[str]:
    out: list[str] = []
    for c in schema.collations:
        what = f"collations.{c.name}"
        opts = [f"provider = {c.provider}"]
        if c.provider == "libc":
            opts += [f"lc_collate = {lit(c.lc_collate or 'C')}", f"lc_ctype = {lit(c.lc_ctype or 'C')}"]
        elif c.provider in ("icu", "builtin"):
            opts.append(f"locale = {lit(c.locale or '')}")
        else:
            raise SchemaError(f"{what}: unknown provider {c.provider!r}")
        if not c.deterministic:
            opts.append("deterministic = false")
        if c.rules:
            opts.append(f"rules = {lit(c.rules)}")
        name = object_name(c.name, what, where, c.schema)
        _create(out, f"CREATE COLLATION {name} ({', '.join(opts)})", c.schema, where)
    return out


def _function_head(f: Function) -> tuple[str, str]:
    """(FUNCTION | PROCEDURE, the definition after ``schema.name(``), checked."""
    what = f"functions.{f.schema}.{f.name}"
    m = _FUNC_HEAD.match(f.definition or "")
    if not m:
        raise SchemaError(f"{what}: expected CREATE OR REPLACE FUNCTION schema.name(...) as pg_get_functiondef "
                          f"prints it, got {(f.definition or '')[:60]!r}")
    if parse_name(m.group(2), what) != [f.schema, f.name]:
        raise SchemaError(f"{what}: the definition creates {m.group(2)}, not {f.schema}.{f.name}")
    check_statement(f.definition, what)
    return m.group(1).upper(), f.definition[m.end():]


def function_statements(schema: Schema, where: Placement, after_domains: bool) -> list[str]:
    """CREATE FUNCTION for the user functions (check_function_bodies is off: bodies are not checked
    before the tables they read exist), in the destination of their schema."""
    out: list[str] = []
    for f in schema.functions:
        if bool(f.after_domains) != after_domains:
            continue
        kind, rest = _function_head(f)
        _create(out, f"CREATE {kind} {q(where.dst(f.schema))}.{q(f.name)}({rest}", f.schema, where)
    return out


def drop_functions(schema: Schema, where: Placement, after_domains: bool) -> list[str]:
    out = []
    for f in reversed(schema.functions):
        if bool(f.after_domains) == after_domains and where.own(f.schema):
            kind, _rest = _function_head(f)
            args = check_fragment(f.arguments, f"functions.{f.schema}.{f.name}.arguments") if f.arguments else ""
            out.append(f"DROP {kind} IF EXISTS {q(where.dst(f.schema))}.{q(f.name)}({args})")
    return out


def drop_collations(schema: Schema, where: Placement) -> list[str]:
    return [f"DROP COLLATION IF EXISTS {object_name(c.name, 'collation', where, c.schema)}"
            for c in schema.collations if owns(c.name, f"collations.{c.name}", where)]
