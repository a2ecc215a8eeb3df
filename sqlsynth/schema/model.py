"""The schema model: what make-tables reflects and orm.yaml stores.

Everything here is plain data. SQL fragments (types, defaults, CHECK and
generated-column expressions, index definitions) are stored as PostgreSQL prints
them with ``search_path`` set to the reflected schema, so objects of that schema
appear unqualified and resolve again in whatever destination schema is used.
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


@dataclass
class DomainType:
    name: str
    base: str
    not_null: bool = False
    default: str | None = None
    checks: list[Check] = field(default_factory=list)


@dataclass
class Schema:
    schema: str = "public"
    dsn: str | None = None  # password masked
    enums: dict[str, EnumType] = field(default_factory=dict)
    domains: dict[str, DomainType] = field(default_factory=dict)
    sequences: list[str] = field(default_factory=list)  # free-standing sequences used by defaults
    tables: dict[str, Table] = field(default_factory=dict)

    def partitions_of(self, parent: str) -> list[Table]:
        return [t for t in self.tables.values() if t.partition_of == parent]
