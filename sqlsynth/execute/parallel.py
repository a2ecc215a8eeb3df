"""create-data with row-range chunks, optionally on N connections at once (``--jobs N``).

``--jobs 1`` runs everything in ONE transaction, as before: the guard, the value pools, the
chunks of every table and, with deferred constraints, the FK drops before them and the re-adds
after them. Any failure or Ctrl-C rolls the whole load back.

``--jobs N`` runs in execute/parallel_load.py (its phases and recovery) and execute/schedule.py (the
task graph, the scheduler and the worker connections).
"""

from __future__ import annotations

from typing import Callable

from ..compile.chunks import BIG_LOAD_ROWS, DEFAULT_CHUNK_ROWS, Phases, split_program
from ..compile.program import Program
from ..compile.steps import CatalogConstraint, Step
from ..db import connect, scrub
from ..errors import ExecutionError, first_line
from ..plan.model import Plan
from .constraints import DeferredSet, read_deferrable
from .parallel_load import ParallelLoad, Stats, table_keys
from .progress import Progress

Report = Callable[[str], None]


def should_defer(total_rows: int, jobs: int, defer: bool | None) -> bool:
    """--defer-constraints default: always with --jobs > 1, else for loads over BIG_LOAD_ROWS rows."""
    if defer is not None:
        return defer
    return jobs > 1 or total_rows > BIG_LOAD_ROWS


# ---------------------------------------------------------------------------------- --jobs 1

def run_single(dsn: str, phases: Phases, plan: Plan, defer: bool, defer_indexes: bool,
               progress: Progress | None, report: Report | None, timings: dict | None = None,
               on_step: Callable[[Step, float], None] | None = None) -> Stats:
    """One transaction (run_program), inserts chunked; with defer, FKs dropped first and re-added last."""
    from .postgres import run_program

    before: list[Step] = []
    after: list[Step] = []
    if defer:
        deferred = read_catalog(dsn, [plan.qtable(t) for t in phases.targets], True, defer_indexes, table_keys(plan))
        phases = phases.without_cycle_steps(plan)
        before = [CatalogConstraint(d.drop_sql, table=d.root or None, path=d.label) for d in deferred.drop_order]
        after = [CatalogConstraint(d.add_sql, table=d.root or None, path=d.label) for d in deferred.add_order]
    prog = phases.program(before, after)
    readds = len(after)
    readd_ids = {id(s) for s in after}
    state = {"readded": 0}

    quiet = {"next": False}
    times = timings if timings is not None else {}
    times.update(insert=0.0, constraints=0.0, other=0.0, deferred=len(after))
    drop_ids = {id(s) for s in before}

    outer = on_step

    def on_step(step: Step, seconds: float) -> None:  # noqa: F811 - wraps the caller's
        key = "insert" if step.kind == "insert" else "constraints" if id(step) in readd_ids else \
            "drop" if id(step) in drop_ids else "other"
        times[key] = times.get(key, 0.0) + seconds
        if outer is not None:
            outer(step, seconds)
        if progress is None:
            return
        if step.kind == "insert" and step.table:
            quiet["next"] = True  # run_program reports this insert next: the display shows it
            progress.advance(step.table, step.rows, seconds)
            if sum(t.done for t in progress.tables.values()) >= progress.total and readds:
                progress.phase(f"re-creating {readds} constraints and indexes")
        elif step.kind == "constraint" and id(step) in readd_ids:
            state["readded"] += 1
            progress.phase(f"re-created {state['readded']}/{readds} constraints and indexes", log=False)

    def relay(msg: str) -> None:
        """run_program's messages (stories...), without its per-insert lines when a display runs."""
        if quiet["next"]:
            quiet["next"] = False
            return
        if report is not None:
            report(msg)

    return run_program(dsn, prog, relay if (report or progress) else None, on_step=on_step)


def read_catalog(dsn: str, tables: list[str], fks: bool | set[str], indexes: bool,
                  keys: dict[tuple[str, str], str]) -> DeferredSet:
    import psycopg

    conn = connect(dsn, what="destination database")
    try:
        with conn.transaction():
            return read_deferrable(conn, tables, fks, indexes, keys)
    except psycopg.Error as e:
        raise ExecutionError(f"reading the constraints of the destination failed: {scrub(first_line(e), dsn)}; "
                             "nothing was written") from None
    finally:
        conn.close()


# ---------------------------------------------------------------------------------- entry point

def run_load(dsn: str, plan: Plan, prog: Program, jobs: int = 1, chunk_rows: int | None = None,
             defer: bool | None = None, defer_indexes: bool | None = None, progress: Progress | None = None,
             report: Report | None = None, timings: dict | None = None,
             on_step: Callable[[Step, float], None] | None = None) -> Stats:
    """Run a compiled program: chunked, on `jobs` connections, with constraints deferred or not.

    defer None: defer when jobs > 1 or the load exceeds BIG_LOAD_ROWS rows; defer_indexes None: with
    defer. Returns {table: (rows, seconds)} (seconds: summed statement time with --jobs 1, first
    chunk start to last chunk end with --jobs N); `timings` receives seconds per phase."""
    phases = split_program(prog, plan, chunk_rows or DEFAULT_CHUNK_ROWS)
    if progress is not None:
        progress.expect([(g.table, g.rows) for g in phases.groups if g.rows > 0])
        progress.phase(None, log=False)
    deferring = should_defer(phases.total_rows, jobs, defer)
    indexes = deferring if defer_indexes is None else (defer_indexes and deferring)
    if jobs <= 1:
        return run_single(dsn, phases, plan, deferring, indexes, progress, report, timings, on_step)
    load = ParallelLoad(dsn, phases, plan, jobs, deferring, indexes, progress)
    if timings is not None and isinstance(timings.get("trace"), list):
        load.timings["trace"] = timings["trace"]  # filled with each task's (worker, kind, label, start, end)
    try:
        return load.run()
    finally:
        if timings is not None:
            timings.update(load.timings)


class ChunkedExecutor:
    """The Executor (execute/base.py) of create-data on PostgreSQL: run_load with the command's
    options (--jobs, --chunk-rows, --defer-constraints, --defer-indexes, the progress display).
    A program without its plan runs as it stands (execute/postgres.run_program). on_step is called
    after each statement with --jobs 1 (the workers of --jobs N report through `progress`)."""

    def __init__(self, dsn: str, jobs: int = 1, chunk_rows: int | None = None, defer: bool | None = None,
                 defer_indexes: bool | None = None, progress: Progress | None = None, timings: dict | None = None):
        self.dsn, self.jobs, self.chunk_rows = dsn, jobs, chunk_rows
        self.defer, self.defer_indexes, self.progress, self.timings = defer, defer_indexes, progress, timings

    def compile(self, plan: Plan) -> Program:
        from ..compile.program import compile_plan

        return compile_plan(plan)

    def run(self, program: Program, report: Report | None = None,
            on_step: Callable[[Step, float], None] | None = None) -> Stats:
        if getattr(program, "plan", None) is None:
            from .postgres import run_program

            return run_program(self.dsn, program, report, on_step=on_step)
        return run_load(self.dsn, program.plan, program, jobs=self.jobs, chunk_rows=self.chunk_rows,
                        defer=self.defer, defer_indexes=self.defer_indexes, progress=self.progress,
                        report=report, timings=self.timings, on_step=on_step)
