"""The steps of a Program: what one load does, as data.

Each step is an immutable (frozen) dataclass that says what it does -- set the search path, lock
the target tables, check they are empty, create and fill a value pool, insert rows lo..hi of a
table from a SELECT tree -- not a string of SQL. SQL trees stay sqlglot expressions; the text is
made only at the edge, by one renderer (``render_pg.render``) that the psql script, the split
directory, the chunker and the executors share. Nothing reads SQL text back.

Every step has:

    kind            the step's role, as the writers and executors group steps: ``sql`` (session
                    context and constraint handling), ``guard`` (checks and locks before any row),
                    ``pool`` / ``copy`` (temporary tables the inserts read, their rows),
                    ``measure``, ``insert``, ``stories``, ``analyze``, ``constraint``
    transactional   False only for what runs after COMMIT (ANALYZE of the loaded tables)
    table, path     the table (orm.yaml key) and config path behind it, for messages
    rows            rows it inserts (0 but for InsertSelect)

``step.sql`` is the rendered text (render_pg.render), for display and tests.

Making them: compile/program.py (compile_plan); a chunk of an InsertSelect is the same step with
another row range (``step.chunk(lo, hi)``, compile/chunks.py).
"""

from __future__ import annotations

import dataclasses
from dataclasses import KW_ONLY, dataclass
from typing import Any, Callable, ClassVar, Iterator

from sqlglot import exp


@dataclass(frozen=True, eq=False)
class Step:
    """Base of every step (never used on its own)."""

    _: KW_ONLY
    table: str | None = None  # orm.yaml key of the table the step is about (messages, stats)
    path: str | None = None  # config path behind the step (messages)

    kind: ClassVar[str] = "sql"
    transactional: ClassVar[bool] = True

    @property
    def rows(self) -> int:
        return 0

    @property
    def sql(self) -> str:
        """The statement as PostgreSQL text (transaction mode), for display and tests."""
        from .render_pg import render_step

        return render_step(self)


# ---------------------------------------------------------------------------------- context

@dataclass(frozen=True, eq=False)
class SetSearchPath(Step):
    """The schemas the orm's unqualified type names (enums, domains) resolve in."""

    schemas: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class CreateTempTable(Step):
    """A temporary table: a value pool, a staging table of rows computed in Python, or the
    --append offsets. columns: (name, definition) -- the name an identifier tree (quoted or not),
    the definition the type and its constraint ("integer PRIMARY KEY")."""

    name: str
    columns: tuple[tuple[exp.Identifier, str], ...]
    on_commit_drop: bool = True
    setup: bool = True  # session context every worker needs (pools, staging); False: the --append offsets

    @property
    def kind(self) -> str:  # type: ignore[override]
        return "pool" if self.setup else "guard"

    @property
    def temp_table(self) -> str:
        return self.name


@dataclass(frozen=True, eq=False)
class CopyIn(Step):
    """COPY rows into a temporary table: a text payload, or chunks(): an iterator of COPY text
    computed on demand (rows of the user's Python generators)."""

    name: str  # the temporary table
    columns: tuple[exp.Identifier, ...]
    data: str | None = None
    chunks: Callable[[], Iterator[Any]] | None = None

    kind: ClassVar[str] = "copy"

    @property
    def target(self) -> exp.Table:
        return exp.Table(this=exp.to_identifier(self.name, quoted=True), db=exp.to_identifier("pg_temp", quoted=True))

    @property
    def temp_table(self) -> str:
        return self.name


@dataclass(frozen=True, eq=False)
class AnalyzeTemp(Step):
    """ANALYZE of a temporary table just filled (inside the transaction)."""

    name: str

    kind: ClassVar[str] = "pool"

    @property
    def temp_table(self) -> str:
        return self.name


# ---------------------------------------------------------------------------------- guards

@dataclass(frozen=True, eq=False)
class LockTables(Step):
    """--append: the target tables locked before their offsets are read."""

    targets: tuple[exp.Table, ...]
    mode: str = "SHARE ROW EXCLUSIVE"

    kind: ClassVar[str] = "guard"


@dataclass(frozen=True, eq=False)
class RecordOffsets(Step):
    """--append: each target table's offset (the larger of its row count and its keys), into the
    offsets table. values: (table key, offset expression) pairs."""

    name: str  # the temporary table
    values: tuple[tuple[str, exp.Expression], ...]

    kind: ClassVar[str] = "guard"


@dataclass(frozen=True)
class GuardCheck:
    """Stop the load with `message` if the table has rows (when_rows) or has none (not when_rows)."""

    target: exp.Table
    when_rows: bool
    message: str


@dataclass(frozen=True, eq=False)
class Guard(Step):
    """Checks before any row is written, as one statement that stops at the first failing one."""

    checks: tuple[GuardCheck, ...]

    kind: ClassVar[str] = "guard"


@dataclass(frozen=True)
class MeasureGroup:
    """A group of a table's CHECKs kept by drawing candidates, evaluated on a sample of its rows
    (select: one row per group with columns n, none, p0, p1, ...)."""

    table: str
    table_path: str | None
    select: exp.Expression
    checks: tuple[str, ...]  # CHECK names, in the order of the p<i> columns
    candidates: int


@dataclass(frozen=True, eq=False)
class Measure(Step):
    """Stop the load before any row when some rows would have no candidate passing their CHECKs:
    one error naming every such CHECK with its pass rate."""

    groups: tuple[MeasureGroup, ...]

    kind: ClassVar[str] = "measure"


# ---------------------------------------------------------------------------------- constraints

@dataclass(frozen=True, eq=False)
class DeferConstraint(Step):
    """SET CONSTRAINTS ... DEFERRED for a deferrable FK of a cycle (schema: the owner table's)."""

    schema: str | None
    name: str


@dataclass(frozen=True, eq=False)
class DropConstraint(Step):
    """Drop an FK of a cycle before the inserts (AddForeignKey puts it back after them)."""

    target: exp.Table
    name: str


@dataclass(frozen=True, eq=False)
class AddForeignKey(Step):
    """Re-add an FK of orm.yaml (fk: schema.model.ForeignKey; ref: the referenced table)."""

    target: exp.Table
    fk: Any
    ref: exp.Table


@dataclass(frozen=True, eq=False)
class CatalogConstraint(Step):
    """Drop or re-create a constraint or index read from the destination's catalog (its
    definition as PostgreSQL gave it: pg_get_constraintdef / pg_get_indexdef)."""

    statement: str

    kind: ClassVar[str] = "constraint"


# ---------------------------------------------------------------------------------- rows

def row_source(lo: int, hi: int, offset: exp.Expression | None = None) -> exp.Expression:
    """generate_series(lo::bigint, hi) AS g(i); with --append, both ends shifted by the offset."""
    from ..sql import sqlx

    start: exp.Expression = exp.Cast(this=sqlx.lit(lo), to=exp.DataType.build("BIGINT"))
    end: exp.Expression = sqlx.lit(hi)
    if offset is not None:
        start, end = sqlx.add(start, offset.copy()), sqlx.add(end, offset.copy())
    gs = exp.GenerateSeries(start=start, end=end)
    return exp.Table(this=gs, alias=exp.TableAlias(this=exp.to_identifier("g", quoted=True),
                                                   columns=[exp.to_identifier("i", quoted=True)]))


@dataclass(frozen=True, eq=False)
class InsertSelect(Step):
    """INSERT rows lo..hi of a table: `select` (the column values as functions of the row number
    "g"."i", with the joins it needs, WITHOUT its FROM) over generate_series(lo, hi). Every cell is
    a pure function of the row number, so a chunk is the same step with another range."""

    target: exp.Table
    columns: tuple[str, ...]
    select: exp.Select
    lo: int
    hi: int
    total: int  # the table's rows (the whole range is 1..total)
    offset: exp.Expression | None = None  # --append: the run-time row offset
    overriding_system: bool = False
    reads: tuple[str, ...] = ()  # temporary tables (pools, staging, offsets) the select reads

    kind: ClassVar[str] = "insert"

    @property
    def rows(self) -> int:
        return max(0, self.hi - self.lo + 1)

    def chunk(self, lo: int, hi: int) -> "InsertSelect":
        """The same insert over rows lo..hi."""
        return dataclasses.replace(self, lo=lo, hi=hi)

    def statement(self) -> exp.Select:
        """The SELECT with its FROM (a new tree each time: the step's own tree is never changed)."""
        sel = self.select.copy()
        sel.from_(row_source(self.lo, self.hi, self.offset), copy=False)
        return sel


# ---------------------------------------------------------------------------------- after the rows

@dataclass(frozen=True, eq=False)
class Stories(Step):
    """The story generators (user Python, run against the database by the executor). For a psql
    script, `blocks` holds their rows as COPY blocks, computed beforehand (api.compile_script)."""

    blocks: str | None = None

    kind: ClassVar[str] = "stories"


@dataclass(frozen=True, eq=False)
class SetSequences(Step):
    """Every serial sequence continues after the generated keys: (table, column) pairs."""

    serials: tuple[tuple[exp.Table, str], ...]


@dataclass(frozen=True, eq=False)
class Analyze(Step):
    """ANALYZE of a loaded table, after COMMIT."""

    target: exp.Table

    kind: ClassVar[str] = "analyze"
    transactional: ClassVar[bool] = False


def is_context(step: Step) -> bool:
    """Setup every session that inserts needs: the search path, value pools and staging tables."""
    return isinstance(step, SetSearchPath) or step.kind in ("pool", "copy")


def temp_tables(select: exp.Expression) -> tuple[str, ...]:
    """The temporary tables (pg_temp.*) a SELECT tree reads, sorted."""
    out = set()
    for t in select.find_all(exp.Table):
        if t.args.get("db") is not None and t.db == "pg_temp":
            out.add(t.name)
    return tuple(sorted(out))
