"""The Plan: which tables get how many rows, in which order, and a Value for every column.

Built by sqlsynth.plan.build; compiled to SQL by sqlsynth.compile, run by sqlsynth.execute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from sqlglot import exp

from ..schema.model import ForeignKey, Schema, Table
from ..schema.placement import Placement
from ..sql import sqlx
from .placeholders import RowTree, row
from .pools import Pool
from .values import Value


@dataclass
class FKGroup:
    owner: str  # table the constraint is defined on (a partition for partitioned parents)
    fk: ForeignKey
    n_parent: int
    self_ref: bool
    index: Callable[[exp.Expression], exp.Expression] | None = None
    injective: bool = False
    enumerated: str | None = None  # the unique constraint whose combinations this group enumerates


@dataclass
class TablePlan:
    table: Table
    rows: int
    path: str
    rows_why: str = ""  # what set the row count (a config path, the source x --scale, children per parent)
    values: dict[str, Value] = field(default_factory=dict)
    groups: list[FKGroup] = field(default_factory=list)
    serials: list[str] = field(default_factory=list)
    overriding_system: bool = False
    missing: dict = field(default_factory=dict)  # column -> (stream, cumulative weights, null pattern ids)
    python_columns: dict = field(default_factory=dict)  # column -> (PyStage, index): user Python values
    # --append: the rows already in the table, read at run time; the new rows are numbered after them
    offset: exp.Expression | None = None
    fallback: list = field(default_factory=list)  # checks_fallback.Fallback: CHECKs kept by drawing candidates
    # foreign keys into vocabulary tables that a unique constraint enumerates with generated parents:
    # fk name -> the number of combinations of those parents (the vocabulary row is the next digit)
    vocab_stride: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.table.name

    def columns(self) -> list[str]:
        return [c.name for c in self.table.writable_columns() if c.name in self.values]

    def freeze(self) -> None:
        """Every Value becomes data (its tree built once, its builder dropped), and so does each
        foreign key's parent index (a RowTree)."""
        for v in self.values.values():
            v.freeze()
        for g in self.groups:
            if g.index is not None and not isinstance(g.index, RowTree):
                g.index = RowTree(g.index(row()))


@dataclass
class Plan:
    seed: int
    schema: Schema
    dst_schema: str
    order: list[str]
    tables: dict[str, TablePlan]
    deferred_fks: list[tuple[str, ForeignKey]]
    ignored: set[str]
    vocabulary: set[str]
    warnings: list[str] = field(default_factory=list)
    pools: list[Pool] = field(default_factory=list)
    external_parents: list[tuple[str, str]] = field(default_factory=list)  # read at run time (vocabulary)
    py_stages: list = field(default_factory=list)  # custom Python row generators (staged with COPY)
    stats: dict = field(default_factory=dict)
    user_modules: list[str] = field(default_factory=list)
    num_passes: int = 1
    stories: list = field(default_factory=list)  # StorySpec: user Python stories run after the generated rows
    append: bool = False  # rows are added after those already in the tables (offsets read at run time)
    placement: Placement | None = None  # where each source schema goes (None: every table in dst_schema)

    def where(self, key: str) -> tuple[str, str]:
        """(destination schema, table name) of a table of orm.yaml, by its key."""
        t = self.schema.tables.get(key) if self.schema is not None else None
        if t is None or self.placement is None:
            return self.dst_schema, key
        return self.placement.where(t)

    def qtable(self, key: str) -> str:
        """The destination table of a key, quoted and qualified."""
        return sqlx.qtable(*self.where(key))

    def sqltable(self, key: str) -> exp.Table:
        return sqlx.table(*self.where(key))

    def qobject(self, key: str, name: str) -> str:
        """An object (constraint, index) of a table, qualified by the table's destination schema."""
        return sqlx.qtable(self.where(key)[0], name)

    @property
    def search_path(self) -> list[str]:
        return self.placement.search_path if self.placement is not None else [self.dst_schema]


OFFSETS_TABLE = "sqlsynth_offsets"


def offset_expr(table: str) -> exp.Expression:
    """(SELECT o FROM pg_temp.sqlsynth_offsets WHERE t = 'table'): one InitPlan per statement."""
    sel = exp.select(sqlx.col("o")).from_(sqlx.table("pg_temp", OFFSETS_TABLE)).where(
        exp.EQ(this=sqlx.col("t"), expression=exp.Literal.string(table)))
    return exp.Subquery(this=sel)


def table_order(names: list[str], edges: dict[str, list[tuple[str, str, ForeignKey, bool]]]) -> tuple[list[str], list[tuple[str, ForeignKey]]]:
    """Kahn's algorithm, deterministic; cycles broken at deferrable, then nullable, FK edges."""
    remaining = set(names)
    live = {n: list(edges.get(n, [])) for n in names}  # child -> [(parent, owner, fk, nullable)]
    order: list[str] = []
    broken: list[tuple[str, ForeignKey]] = []
    while remaining:
        ready = sorted(n for n in remaining if all(p not in remaining or p == n for p, *_ in live[n]))
        if ready:
            order.append(ready[0])
            remaining.discard(ready[0])
            continue
        def reaches(start: str, goal: str) -> bool:
            seen, stack = {start}, [start]
            while stack:
                cur = stack.pop()
                for p, *_ in live[cur]:
                    if p == goal:
                        return True
                    if p in remaining and p not in seen:
                        seen.add(p)
                        stack.append(p)
            return False

        candidates = []
        for n in sorted(remaining):
            for p, owner, fk, nullable in live[n]:
                if p in remaining and p != n and reaches(p, n):  # the edge lies on a cycle
                    candidates.append((not fk.deferrable, not nullable, n, fk.name, p, owner, fk))
        candidates.sort(key=lambda c: c[:4])
        _d, _nn, child, _fkname, parent, owner, fk = candidates[0]
        live[child] = [e for e in live[child] if e[2] is not fk]
        broken.append((owner, fk))
    return order, broken
