"""The schema model: what make-tables reflects and orm.yaml stores.

Everything here is plain data. SQL fragments (types, defaults, CHECK and
generated-column expressions, index definitions) are stored as PostgreSQL prints
them with ``search_path`` set to the reflected schemas (in order), so objects of those
schemas appear unqualified and resolve again in whatever destination schemas are used,
given the same search_path there (Placement.search_path).

Tables are keyed by their name when one schema was reflected, and by ``schema.name``
(table_key) when several were: Table.name is that key everywhere (orm.yaml, config.yaml,
the plan); Table.schema and Table.relname say where the table lives.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Column:
    name: str
    type: str
    nullable: bool = True
    primary: bool = False
    default: str | None = None
    identity: str | None = None  # "always" | "by default"
    serial: bool = False  # default is nextval() of a sequence owned by this column
    generated: str | None = None  # expression of a STORED generated column
    collation: str | None = None


@dataclass
class ForeignKey:
    name: str
    columns: list[str]
    ref_table: str
    ref_columns: list[str]
    ref_schema: str | None = None  # None: the reflected schema
    on_delete: str | None = None
    on_update: str | None = None
    deferrable: bool = False
    initially_deferred: bool = False
    match_full: bool = False


@dataclass
class UniqueConstraint:
    name: str
    columns: list[str]
    nulls_not_distinct: bool = False
    deferrable: bool = False
    initially_deferred: bool = False
    include: list[str] = field(default_factory=list)  # INCLUDE (...) columns (not part of the key)


@dataclass
class Exclusion:
    name: str
    definition: str  # EXCLUDE USING ... as pg_get_constraintdef prints it (DEFERRABLE ... included)


@dataclass
class Check:
    name: str
    expression: str  # the boolean expression, without the CHECK keyword


@dataclass
class Index:
    name: str
    definition: str  # CREATE [UNIQUE] INDEX ... as pg_get_indexdef prints it
    unique: bool = False
    columns: list[str] | None = None  # plain key columns; None when an expression is used
    where: str | None = None


@dataclass
class Partitioning:
    strategy: str  # "range" | "list" | "hash"
    key: str  # as pg_get_partkeydef prints it, e.g. "RANGE (payment_date)"
    columns: list[str] = field(default_factory=list)


@dataclass
class Table:
    name: str
    columns: dict[str, Column] = field(default_factory=dict)
    primary_key: UniqueConstraint | None = None
    unique: list[UniqueConstraint] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)
    partition_by: Partitioning | None = None
    partition_of: str | None = None
    partition_bound: str | None = None  # "FOR VALUES ..." or "DEFAULT"
    unlogged: bool = False
    exclusions: list[Exclusion] = field(default_factory=list)
    schema: str | None = None  # its source schema in a multi-schema file (None: Schema.schema)
    relname: str = ""  # its own name (the key without the schema); set from name when empty

    def __post_init__(self) -> None:
        if not self.relname:
            self.relname = self.name if self.schema is None else split_key(self.name)[1]

    @property
    def is_partition(self) -> bool:
        return self.partition_of is not None

    def writable_columns(self) -> list[Column]:
        """Columns an INSERT may name (generated columns excluded)."""
        return [c for c in self.columns.values() if c.generated is None]


@dataclass
class EnumType:
    name: str
    labels: list[str]
    schema: str | None = None  # its schema in a multi-schema file when the name is unqualified


@dataclass
class DomainType:
    name: str
    base: str
    not_null: bool = False
    default: str | None = None
    checks: list[Check] = field(default_factory=list)
    schema: str | None = None  # its schema in a multi-schema file when the name is unqualified


@dataclass
class Extension:
    """An extension whose objects the tables use (types, functions, operator classes)."""

    name: str
    schema: str  # where it is installed in the source
    version: str | None = None  # informational: CREATE EXTENSION takes the destination's default


@dataclass
class Collation:
    """A collation created by the user (CREATE COLLATION) that a column or index uses."""

    name: str  # as PostgreSQL prints it under the reflection's search_path
    schema: str
    provider: str  # "icu" | "libc"
    locale: str | None = None  # ICU locale
    lc_collate: str | None = None  # libc
    lc_ctype: str | None = None  # libc
    deterministic: bool = True
    rules: str | None = None  # ICU tailoring rules (PostgreSQL 16+)


@dataclass
class Function:
    """A user function that a CHECK, default, generated column, index or domain calls."""

    schema: str
    name: str
    arguments: str  # pg_get_function_identity_arguments, for DROP FUNCTION
    definition: str  # pg_get_functiondef: CREATE OR REPLACE FUNCTION schema.name(...) ...
    after_domains: bool = False  # its signature uses a domain of the file: created after the domains


@dataclass
class Schema:
    schema: str = "public"
    dsn: str | None = None  # password masked
    enums: dict[str, EnumType] = field(default_factory=dict)
    domains: dict[str, DomainType] = field(default_factory=dict)
    sequences: list[str] = field(default_factory=list)  # free-standing sequences used by defaults
    tables: dict[str, Table] = field(default_factory=dict)
    schemas: list[str] = field(default_factory=list)  # several reflected schemas (search_path order)
    extensions: list[Extension] = field(default_factory=list)  # in creation order
    collations: list[Collation] = field(default_factory=list)
    functions: list[Function] = field(default_factory=list)

    @property
    def multi(self) -> bool:
        """True for a file of several schemas (table keys are schema.name)."""
        return len(self.schemas) > 1

    @property
    def search_path(self) -> list[str]:
        """The source schemas in the order the fragments were printed with."""
        return list(self.schemas) if self.schemas else [self.schema]

    @property
    def source_search_path(self) -> list[str]:
        """search_path, then the extensions' schemas: for sessions on the source (SQL functions of an
        extension, such as earthdistance's in an index expression, may name its types unqualified)."""
        out = self.search_path
        return out + [e.schema for e in self.extensions if e.schema not in out and e.schema != "pg_catalog"]

    def partitions_of(self, parent: str) -> list[Table]:
        return [t for t in self.tables.values() if t.partition_of == parent]

    def source_name(self, key: str) -> tuple[str, str]:
        """(schema, name) of a table of the file in the source database."""
        t = self.tables[key]
        return (t.schema or self.schema, t.relname)


def _quote_part(part: str) -> str:
    return '"' + part.replace('"', '""') + '"' if ("." in part or '"' in part or not part) else part


def table_key(schema: str, name: str) -> str:
    """The key of a table in a multi-schema orm.yaml / config.yaml: ``schema.name``. A part holding
    a dot or a double quote (or empty) is double-quoted, PostgreSQL style (``"a.b".t``)."""
    return f"{_quote_part(schema)}.{_quote_part(name)}"


def split_key(key: str) -> tuple[str, str]:
    """The inverse of table_key; ValueError when key is not ``schema.name``."""
    parts: list[str] = []
    i, n = 0, len(key)
    while True:
        if i < n and key[i] == '"':
            j, buf = i + 1, []
            while True:
                k = key.find('"', j)
                if k < 0:
                    raise ValueError(f"unterminated quote in {key!r}")
                buf.append(key[j:k])
                if key.startswith('""', k):
                    buf.append('"')
                    j = k + 2
                    continue
                break
            parts.append("".join(buf))
            i = k + 1
        else:
            k = key.find(".", i)
            k = n if k < 0 else k
            part = key[i:k]
            if not part or '"' in part:
                raise ValueError(f"expected schema.table, got {key!r}")
            parts.append(part)
            i = k
        if i >= n:
            break
        if key[i] != "." or len(parts) > 1:
            raise ValueError(f"expected schema.table, got {key!r}")
        i += 1
    if len(parts) != 2:
        raise ValueError(f"expected schema.table, got {key!r}")
    return parts[0], parts[1]
