"""Which schemas: SRC_SCHEMA (one, a list, or ``all``) and where each goes (DST_SCHEMA).

SRC_SCHEMA
    ``app`` one schema (as before); ``sales, hr`` several, in search_path order; ``all`` every
    schema but the system ones (pg_catalog, information_schema, pg_toast*, pg_temp*) and sqlsynth's load
    journal (sqlsynth_journal), by name.
    Items may be double-quoted, PostgreSQL style (``"a,b", hr``). A schema whose name is the
    whole setting wins over the list reading (a schema named ``a,b`` or ``all``).

DST_SCHEMA
    With one source schema: the destination schema's name, verbatim (as before). With several:
    ``src:dst`` pairs separated by commas (``sales:s2, hr:h2``; parts may be double-quoted);
    schemas not listed keep their names. Unset: every schema keeps its name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import SchemaError
from .model import Schema, Table

ALL = "all"


def _split_raw(text: str, sep: str) -> list[str]:
    """Split at ``sep`` outside double quotes, keeping the pieces as written."""
    out, start, in_quotes = [], 0, False
    for i, ch in enumerate(text):
        if ch == '"':
            in_quotes = not in_quotes  # a doubled quote toggles twice
        elif ch == sep and not in_quotes:
            out.append(text[start:i])
            start = i + 1
    if in_quotes:
        raise SchemaError(f"unterminated quote in {text!r}")
    out.append(text[start:])
    return out


def _unquote(piece: str, whole: str) -> str:
    p = piece.strip()
    if not p.startswith('"'):
        if '"' in p:
            raise SchemaError(f"misplaced quote in {whole!r}")
        return p
    if len(p) < 2 or not p.endswith('"') or '"' in p[1:-1].replace('""', ""):
        raise SchemaError(f"misplaced quote in {whole!r}")
    return p[1:-1].replace('""', '"')


def split_list(text: str, sep: str = ",") -> list[str]:
    """Split at ``sep`` outside double quotes; quoted parts are unquoted (``""`` is a quote), the
    others stripped of surrounding spaces."""
    return [_unquote(p, text) for p in _split_raw(text, sep)]


def source_schemas(setting: str | None, existing: list[str]) -> list[str]:
    """The schemas SRC_SCHEMA names, checked against the non-system schemas of the source."""
    if not setting:
        return ["public"]
    if setting in existing:
        return [setting]
    if setting.strip().lower() == ALL:
        if not existing:
            raise SchemaError("SRC_SCHEMA=all: the source has no schema besides the system ones")
        return sorted(existing)
    names = split_list(setting)
    if any(not n for n in names):
        raise SchemaError(f"SRC_SCHEMA={setting!r}: an empty schema name in the list")
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise SchemaError(f"SRC_SCHEMA lists {', '.join(dup)} twice")
    return names


@dataclass
class Placement:
    """Where the tables and objects of an orm file go: each source schema's destination schema."""

    primary: str  # the destination of Schema.schema (the only one, or the first)
    mapping: dict[str, str] = field(default_factory=dict)  # every source schema -> destination
    order: list[str] = field(default_factory=list)  # source schemas in search_path order
    extra: list[str] = field(default_factory=list)  # where the extensions go, when not one of those

    def own(self, schema: str | None) -> bool:
        """True for the schemas of the file (their objects are created and dropped with the tables)."""
        return schema is None or schema in self.mapping

    def dst(self, src: str | None) -> str:
        """The destination of a source schema; a schema outside the file keeps its name."""
        if src is None:
            return self.primary
        return self.mapping.get(src, src)

    def where(self, t: Table) -> tuple[str, str]:
        return self.dst(t.schema), t.relname

    def qtable(self, t: Table) -> str:
        from ..sql.sqlx import q

        schema, name = self.where(t)
        return f"{q(schema)}.{q(name)}"

    @property
    def schemas(self) -> list[str]:
        """The destination schemas, in the order the fragments of orm.yaml were printed with."""
        return [self.mapping[s] for s in self.order]

    @property
    def search_path(self) -> list[str]:
        """schemas, then the extensions' schemas (their types and functions resolve unqualified)."""
        return self.schemas + [s for s in self.extra if s not in self.mapping.values()]


def placement(schema: Schema, setting: str | None) -> Placement:
    """Parse DST_SCHEMA (or --dst-schema) for this orm file."""
    p = _placement(schema, setting)
    for e in schema.extensions:
        s = p.dst(e.schema)
        if s != "pg_catalog" and s not in p.extra:
            p.extra.append(s)
    return p


def _placement(schema: Schema, setting: str | None) -> Placement:
    order = schema.search_path
    if not schema.multi:
        dst = setting or schema.schema or "public"
        return Placement(dst, {schema.schema: dst}, order)
    mapping = {s: s for s in order}
    if setting:
        for item in _split_raw(setting, ","):
            pair = [_unquote(p, setting) for p in _split_raw(item, ":")] if item.strip() else []
            if len(pair) != 2 or not all(pair):
                raise SchemaError(
                    f"DST_SCHEMA={setting!r}: orm.yaml has {len(order)} schemas ({', '.join(order)}): give "
                    "source:destination pairs separated by commas (e.g. "
                    f"{order[0]}:{order[0]}_copy), or leave it unset to keep the names")
            src, dst = pair
            if src not in mapping:
                raise SchemaError(f"DST_SCHEMA: {src!r} is not a schema of orm.yaml ({', '.join(order)})")
            mapping[src] = dst
    targets = list(mapping.values())
    clash = sorted({d for d in targets if targets.count(d) > 1})
    if clash:
        raise SchemaError(f"DST_SCHEMA: several source schemas would go into {', '.join(clash)}; "
                          "each needs its own destination schema")
    return Placement(mapping[order[0]], mapping, order)
