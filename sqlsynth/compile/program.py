"""Plan -> Program: the ordered steps of one load.

A Program is a list of typed, immutable steps (compile/steps.py) holding sqlglot trees; the same
Program is either written as a psql script (render_script here, through compile/render_pg.py) or
run by an executor (sqlsynth.execute.base), so both give identical rows for the same seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp

from ..errors import SchemaError
from ..plan.model import OFFSETS_TABLE, Plan, TablePlan
from ..plan.pools import JoinCollector, Pool
from ..schema.model import ForeignKey
from ..sql import sqlx
from ..sql.copytext import copy_rows
from ..sql.sqlx import lit
from .render_pg import FK_ACTIONS, fk_add_text, render_step, script_block
from .steps import (AddForeignKey, Analyze, AnalyzeTemp, CopyIn, CreateTempTable, DeferConstraint, DropConstraint,
                    Guard, GuardCheck, InsertSelect, LockTables, Measure, MeasureGroup, RecordOffsets, SetSearchPath,
                    SetSequences, Step, Stories, row_source, temp_tables)

__all__ = ["Program", "Step", "compile_plan", "render_script", "insert_sql", "insert_step", "fk_add_sql",
           "row_source", "guard_sql"]


@dataclass
class Program:
    seed: int
    steps: list[Step] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    plan: object = None  # the Plan, for steps that run user Python (stories)

    @property
    def total_rows(self) -> int:
        return sum(s.rows for s in self.steps if s.kind == "insert")


def _ident(name: str, quoted: bool = False) -> exp.Identifier:
    return exp.to_identifier(name, quoted=quoted)


def add_foreign_key(plan: Plan, owner: str, fk: ForeignKey) -> AddForeignKey:
    """The step re-adding an FK of orm.yaml (its ON DELETE/UPDATE actions checked here)."""
    for action in (fk.on_delete, fk.on_update):
        if action and action.upper() not in FK_ACTIONS:
            raise SchemaError(f"foreign key {fk.name}: unknown action {action!r}")
    ref = sqlx.table(fk.ref_schema, fk.ref_table) if fk.ref_schema is not None else plan.sqltable(fk.ref_table)
    return AddForeignKey(plan.sqltable(owner), fk, ref, table=owner)


def fk_add_sql(plan: Plan, owner: str, fk: ForeignKey) -> str:
    """ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY, every name quoted."""
    step = add_foreign_key(plan, owner, fk)
    return fk_add_text(step.target, step.fk, step.ref)


ROW = exp.column(exp.to_identifier("i", quoted=True), table=exp.to_identifier("g", quoted=True))


def key_order(plan: Plan, tp: TablePlan) -> tuple[str, exp.Expression] | None:
    """(key column, row) when the table's rows can be written in the order of their primary key: the
    key is one column whose value is an affine bijection lo + (a (i - 1) + b) mod n of the table's n
    rows (the default of an integer key). Statement row k then writes the row i = 1 + (a' (k - 1) + c)
    mod n (a' = a^-1 mod n, c = -a' b mod n), whose key is lo + k - 1: the same rows as a set, for every
    seed, chunking and --jobs, but the keys arrive in order and the key's index build does not sort
    them out of order (benchmarks/RESULTS_pgbench.md). Not with --append (rows numbered after an offset),
    a self-referencing foreign key (a row's parent must come first), CHECKs drawn by candidates, or
    stories."""
    pk = tp.table.primary_key
    if pk is None or len(pk.columns) != 1 or tp.offset is not None or plan.append or tp.fallback or plan.stories:
        return None
    col = pk.columns[0]
    v = tp.values.get(col)
    if v is None or v.bijection is None or col in tp.python_columns:
        return None
    lo, a, b, n = v.bijection
    if n != tp.rows or n < 2 or (n - 1) * (n - 1) + n >= 1 << 62:  # a' (k - 1) + c within bigint
        return None
    if any(fk.ref_table == tp.name for fk in tp.table.foreign_keys):
        return None
    inv = pow(a, -1, n)
    c = (-inv * b) % n
    row = sqlx.add(lit(1), sqlx.mod(sqlx.add(sqlx.mul(lit(inv), sqlx.sub(ROW.copy(), lit(1))), lit(c)), lit(n)))
    return col, row


def insert_step(plan: Plan, tp: TablePlan, lo: int, hi: int) -> InsertSelect:
    """The insert of rows lo..hi of a table: its SELECT tree (no FROM: the row range is the step's)."""
    cols = tp.columns()
    joins = JoinCollector()  # the pools and sources the values name, joined once
    ordered = key_order(plan, tp)
    if ordered is None:
        exprs = [joins.resolve(tp.values[c].at(ROW.copy())) for c in cols]
    else:
        key, row = ordered
        first = tp.values[key].bijection[0]
        in_order = ROW.copy() if first == 1 else sqlx.add(ROW.copy(), lit(first - 1))
        exprs = [in_order if c == key else joins.resolve(tp.values[c].at(row.copy())) for c in cols]
    # the joins come after the FROM whatever the order they are set in: the row source is added
    # when the step is rendered (InsertSelect.statement), for its own range
    select = joins.apply(exp.select(*exprs))
    return InsertSelect(plan.sqltable(tp.name), tuple(cols), select, lo, hi, tp.rows, offset=tp.offset,
                        overriding_system=bool(tp.overriding_system),
                        reads=tuple(sorted({*temp_tables(select), *(temp_tables(tp.offset) if tp.offset else ())})),
                        table=tp.name, path=tp.path)


def insert_sql(plan: Plan, tp: TablePlan, lo: int, hi: int) -> str:
    return render_step(insert_step(plan, tp, lo, hi))


def _guard_checks(plan: Plan, tables: list[str]) -> Guard:
    return Guard(tuple(GuardCheck(plan.sqltable(t), True, f"sqlsynth: table {t} already has rows; "
                                  "run remove-data first, or add --append") for t in tables))


def guard_sql(plan: Plan, tables: list[str]) -> str:
    """A DO block that stops the load if any target table already holds rows."""
    return render_step(_guard_checks(plan, tables))


def offsets_steps(plan: Plan, tables: list[str]) -> list[Step]:
    """--append: each target table's offset, read once before any insert: the larger of its row
    count and its serial/identity keys, so new keys (offset + row) never meet existing ones."""
    values = []
    for t in tables:
        tp = plan.tables[t]
        src = plan.sqltable(t)
        parts: list[exp.Expression] = [exp.Subquery(this=exp.select(exp.Count(this=exp.Star())).from_(src))]
        for c in tp.serials:
            parts.append(exp.Subquery(this=exp.select(exp.Coalesce(
                this=exp.Cast(this=exp.Max(this=sqlx.col(c)), to=exp.DataType.build("BIGINT")),
                expressions=[lit(0)])).from_(src.copy())))
        off = parts[0] if len(parts) == 1 else exp.Greatest(this=parts[0], expressions=parts[1:])
        values.append((t, off))
    return [CreateTempTable(OFFSETS_TABLE, ((_ident("t"), "text PRIMARY KEY"), (_ident("o"), "bigint NOT NULL")),
                            setup=False),
            RecordOffsets(OFFSETS_TABLE, tuple(values))]


def pool_steps(pool: Pool) -> list[Step]:
    """Create, fill (COPY) and analyze one value pool; it lives until the end of the transaction."""
    name = pool.table_name
    return [
        CreateTempTable(name, ((_ident("k"), "integer PRIMARY KEY"), (_ident("v"), "text NOT NULL"))),
        CopyIn(name, (_ident("k"), _ident("v")), data=copy_rows(pool.build()),
               path=f"{pool.name} ({len(pool.values)} values)"),
        AnalyzeTemp(name),
    ]


def stage_steps(stage) -> list[Step]:
    """Create, fill (COPY, rows computed by the user's Python) and analyze one staging table."""
    name = stage.table_name
    cols = [_ident(f"c{i}", quoted=True) for i in range(len(stage.columns))]
    return [
        CreateTempTable(name, ((_ident("i"), "bigint PRIMARY KEY"), *((c, "text") for c in cols))),
        CopyIn(name, (_ident("i"), *cols), chunks=stage.copy_chunks,
               path=f"{stage.path} ({stage.table}: {stage.n_rows} rows computed in Python)", table=stage.table),
        AnalyzeTemp(name),
    ]


def parents_guard(parents: list[tuple[str, str]]) -> Guard:
    """Stop early, with a clear message, when a vocabulary table that keys are drawn from is empty."""
    return Guard(tuple(GuardCheck(sqlx.table(schema, t), False, f"sqlsynth: table {t} is empty but generated rows "
                                  "refer to it; run create-vocab first") for schema, t in parents))


def measure_step(plan: Plan) -> Measure | None:
    """One step that evaluates, on a sample of each table's rows, the CHECKs kept by drawing
    candidates (plan/checks_fallback.py), and stops the load before any row is written when some
    row would have no passing candidate: ONE error naming every such CHECK with its pass rate."""
    groups = []
    for name in plan.order:
        tp = plan.tables[name]
        for fb in tp.fallback if tp.rows > 0 else ():
            groups.append(MeasureGroup(name, tp.path, fb.measure_select(tp.rows, tp.offset),
                                       tuple(ck.name for ck in fb.checks), fb.k))
    if not groups:
        return None
    return Measure(tuple(groups), path="CHECK constraints kept by drawing candidates")


def compile_plan(plan: Plan) -> Program:
    prog = Program(seed=plan.seed, tables=list(plan.order), warnings=list(plan.warnings), plan=plan)
    steps = prog.steps
    targets = [t for t in plan.order if plan.tables[t].rows > 0]
    # Types of the orm (enums, domains: "Mood", year) are written unqualified in casts: resolve
    # them in the destination schema(s), whatever the session's search_path.
    steps.append(SetSearchPath(tuple(plan.search_path)))
    if targets and plan.append:
        # locked before the offsets are read: no concurrent writer can take the same keys meanwhile
        steps.append(LockTables(tuple(plan.sqltable(t) for t in targets)))
        steps.extend(offsets_steps(plan, targets))
    elif targets:
        steps.append(_guard_checks(plan, targets))
    if plan.external_parents:
        steps.append(parents_guard(plan.external_parents))
    for pool in plan.pools:
        steps.extend(pool_steps(pool))
    for stage in plan.py_stages:
        steps.extend(stage_steps(stage))
    measure = measure_step(plan)
    if measure:
        steps.append(measure)
    readd: list[Step] = []
    for owner, fk in plan.deferred_fks:
        if fk.deferrable:
            steps.append(DeferConstraint(plan.where(owner)[0], fk.name, table=owner))
        else:
            steps.append(DropConstraint(plan.sqltable(owner), fk.name, table=owner))
            readd.append(add_foreign_key(plan, owner, fk))
    for name in plan.order:
        tp = plan.tables[name]
        if tp.rows <= 0:
            continue
        steps.append(insert_step(plan, tp, 1, tp.rows))
    if plan.stories:
        steps.append(Stories(path="story_generators"))
    steps.extend(readd)
    serials = tuple((plan.sqltable(name), c) for name in plan.order for c in plan.tables[name].serials
                    if plan.tables[name].rows > 0 or plan.stories)
    if serials:  # sequences continue after the generated keys
        steps.append(SetSequences(serials))
    for name in targets:
        steps.append(Analyze(plan.sqltable(name), table=name))
    return prog


def _comment(text: object) -> str:
    """Text for a -- comment on one line: a line break in a table name must not end the comment
    (the rest of the line would be run by psql)."""
    return " ".join(str(text).splitlines())


def render_script(prog: Program, header: list[str] | None = None) -> str:
    """The program as a psql script: one transaction, stops at the first error."""
    out = [f"-- {_comment(line)}" for line in (header or [])]
    out.append(f"-- seed {prog.seed}; {prog.total_rows} rows in {len([s for s in prog.steps if s.kind == 'insert'])} tables")
    out.append("\\set ON_ERROR_STOP on")
    out.append("BEGIN;")
    for s in prog.steps:
        if s.transactional:
            if s.kind == "insert":
                out.append(f"-- {_comment(s.table)}: {s.rows} rows ({_comment(s.path)})")
            if s.kind == "copy":
                out.append(f"-- pool: {_comment(s.path)}")
            out.append(script_block(s))
    out.append("COMMIT;")
    for s in prog.steps:
        if not s.transactional:
            out.append(script_block(s))
    return "\n".join(out) + "\n"
