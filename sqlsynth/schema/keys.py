"""Keys a table's rows must honour, read from the schema: its foreign keys (with those declared on
its partitions) and every unique guarantee (primary key, unique constraints, unique indexes on
plain or folded columns, exclusion constraints that amount to uniqueness).

Facts of the schema alone: the planner, the config inference and make-stats all read them.
"""

from __future__ import annotations

import re

import sqlglot
from sqlglot import exp

from .model import ForeignKey, Schema, Table
from .types import resolve_type


def effective_fks(schema: Schema, t: Table) -> list[tuple[str, ForeignKey]]:
    """FKs of a table, plus those declared on its partitions (Pagila's payment keeps them there)."""
    out: list[tuple[str, ForeignKey]] = [(t.name, fk) for fk in t.foreign_keys]
    seen = {(tuple(fk.columns), fk.ref_table, tuple(fk.ref_columns)) for fk in t.foreign_keys}
    for p in schema.partitions_of(t.name):
        for fk in p.foreign_keys:
            key = (tuple(fk.columns), fk.ref_table, tuple(fk.ref_columns))
            if key not in seen:
                seen.add(key)
                out.append((p.name, fk))
    return out


def unique_sets(schema: Schema, t: Table) -> list[tuple[str, list[str]]]:
    """(constraint name, columns) of every unique guarantee the rows must meet."""
    out: list[tuple[str, list[str]]] = []
    seen: set[tuple[str, ...]] = set()
    tables = [t] + schema.partitions_of(t.name)
    for tb in tables:
        cons = ([tb.primary_key] if tb.primary_key else []) + list(tb.unique)
        for u in cons:
            key = tuple(sorted(u.columns))
            if key not in seen:
                seen.add(key)
                out.append((u.name, list(u.columns)))
        for ix in tb.indexes:
            cols = index_key_columns(ix, tb) if ix.unique else None
            if cols:
                key = tuple(sorted(cols))
                if key not in seen:
                    seen.add(key)
                    out.append((ix.name, cols))
        for x in tb.exclusions:
            cols = exclusion_key_columns(schema, x, tb)
            if cols:
                key = tuple(sorted(cols))
                if key not in seen:
                    seen.add(key)
                    out.append((x.name, cols))
    return out


_EXCLUDE = re.compile(r"EXCLUDE USING \w+ \(", re.I)
_ELEMENT = re.compile(r'(?P<col>"(?:[^"]|"")*"|[^\W\d][\w$]*)(?:\s+[\w."]+)*?\s+WITH\s+(?P<op>\S+)', re.S)


def exclusion_key_columns(schema: Schema, x, t: Table) -> list[str] | None:
    """Columns whose distinct values satisfy an exclusion constraint, or None if unknown.

    ``EXCLUDE USING gist (room WITH =, during WITH &&)``: a range column compared with ``&&`` is
    enough on its own (the planner then draws disjoint ranges); constraints of plain columns all
    compared with ``=`` are unique constraints. Anything else is not relied on."""
    m = _EXCLUDE.match(x.definition or "")
    if not m:
        return None
    depth, i, start, elems = 1, m.end(), m.end(), []
    while i < len(x.definition) and depth:
        ch = x.definition[i]
        if ch == '"':
            i = x.definition.find('"', i + 1)
            if i < 0:
                return None
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 1:
            elems.append(x.definition[start:i])
            start = i + 1
        i += 1
    elems.append(x.definition[start:i - 1])
    parsed = []
    for e in elems:
        em = _ELEMENT.fullmatch(e.strip())
        if not em:
            return None
        col = em.group("col")
        col = col[1:-1].replace('""', '"') if col.startswith('"') else col
        if col not in t.columns:
            return None
        parsed.append((col, em.group("op")))
    for col, op in parsed:
        if op == "&&" and resolve_type(t.columns[col].type, schema).kind == "range":
            return [col]
    if all(op == "=" for _c, op in parsed):
        return [c for c, _op in parsed]
    return None


_USING = re.compile(r"\sUSING\s+\w+\s*\(", re.I)
_TEXT_CASTS = {exp.DataType.Type.TEXT, exp.DataType.Type.VARCHAR}


def _index_key_list(definition: str) -> str | None:
    """The text inside the key list parentheses of CREATE [UNIQUE] INDEX ... USING m (...)."""
    m = _USING.search(definition or "")
    if not m:
        return None
    depth, i, quote = 1, m.end(), None
    while i < len(definition):
        ch = definition[i]
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return definition[m.end():i]
        i += 1
    return None


def _folded_column(e: exp.Expression) -> str | None:
    """The column under a key expression that stays distinct when the column is distinct, or None.

    Accepted (conservatively): plain columns, and lower()/upper()/btrim()/ltrim()/rtrim() of
    whitespace, casts to text/varchar without a length, COLLATE, opclasses and sort options
    around one column. Distinct values made by sqlsynth (a row-number suffix, a formatted
    sequence, a row number) stay distinct under these; anything else (md5, concatenations,
    substrings, coalesce, several columns) is not relied on.
    """
    while True:
        if isinstance(e, (exp.Ordered, exp.Paren, exp.Collate, exp.Opclass, exp.Lower, exp.Upper)):
            e = e.this
        elif isinstance(e, exp.Trim):
            chars = e.args.get("expression")
            if chars is not None and not (isinstance(chars, exp.Literal) and chars.is_string
                                          and not chars.this.strip()):
                return None
            e = e.this
        elif isinstance(e, exp.Cast):
            to = e.args.get("to")
            if not isinstance(to, exp.DataType) or to.this not in _TEXT_CASTS or to.expressions:
                return None
            e = e.this
        elif isinstance(e, exp.Column) and not e.table:
            return e.name
        else:
            return None


def index_key_columns(ix, t: Table) -> list[str] | None:
    """Plain columns whose distinctness satisfies the unique index ``ix``, or None if unknown.

    A partial index (WHERE ...) is satisfied by distinct values on every row. An expression
    index is mapped to its columns only when every key is a plain column or an accepted
    fold of one (see _folded_column), read from the definition with sqlglot.
    """
    if ix.columns and all(ix.columns):
        cols = list(ix.columns)
    else:
        keys = _index_key_list(ix.definition)
        if keys is None:
            return None
        try:
            tree = sqlglot.parse_one(f"CREATE UNIQUE INDEX i ON t USING btree ({keys})", dialect="postgres")
        except Exception:
            return None
        params = tree.this.args.get("params") if isinstance(tree, exp.Create) and isinstance(tree.this, exp.Index) else None
        keyexprs = params.args.get("columns") if params is not None else None
        if not keyexprs:
            return None
        cols = []
        for k in keyexprs:
            c = _folded_column(k)
            if c is None:
                return None
            cols.append(c)
    cols = list(dict.fromkeys(cols))
    return cols if all(c in t.columns for c in cols) else None
