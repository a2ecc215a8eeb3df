"""Run a compiled Program directly through psycopg, in one transaction."""

from __future__ import annotations

import sys
import time
from typing import Callable

from ..compile.program import Program
from ..compile.render_pg import render_step
from ..compile.steps import CopyIn, Step, Stories
from ..db import connect, scrub
from ..errors import ExecutionError, first_line

Report = Callable[[str], None]


def exec_step(conn, step: Step, session: bool = False) -> None:
    """Execute one step (COPY payloads included). session=True: the step's session-scoped form
    (SET instead of SET LOCAL, temporary tables kept after commit), rendered as such."""
    sql = render_step(step, session=session)
    if isinstance(step, CopyIn):
        with conn.cursor() as cur, cur.copy(sql) as cp:
            if step.data:
                cp.write(step.data + "\n")
            if step.chunks is not None:
                for chunk in step.chunks():
                    cp.write(chunk)
        return
    conn.execute(sql)


def run_program(dsn: str, prog: Program, report: Report | None = None, plan=None,
                on_step: Callable[[Step, float], None] | None = None) -> dict[str, tuple[int, float]]:
    """Execute every step; on any error roll back and raise ExecutionError naming the table and config entry.

    Returns {table: (rows, seconds)} for the inserts (summed over a table's chunks). on_step(step, seconds)
    is called after each executed SQL statement (progress displays).
    """
    import psycopg

    stats: dict[str, tuple[int, float]] = {}
    conn = connect(dsn, what="destination database")
    step: Step | None = None
    try:
        try:
            with conn.transaction():
                for step in prog.steps:
                    if not step.transactional:
                        continue
                    t0 = time.perf_counter()
                    if isinstance(step, Stories):
                        from .stories import StoryRunner
                        the_plan = plan or prog.plan
                        res = StoryRunner(conn, the_plan, the_plan.stories, report=report).run()
                        if report and res is not None:
                            report(f"stories: done in {time.perf_counter() - t0:.2f}s")
                        continue
                    exec_step(conn, step)
                    if step.kind == "copy":
                        continue
                    if on_step is not None:
                        on_step(step, time.perf_counter() - t0)
                    if step.kind == "insert" and step.table:
                        dt = time.perf_counter() - t0
                        n0, s0 = stats.get(step.table, (0, 0.0))
                        stats[step.table] = (n0 + step.rows, s0 + dt)
                        if report:
                            report(f"{step.table}: {step.rows} rows in {dt:.2f}s ({step.rows / max(dt, 1e-9):,.0f} rows/s)")
        except psycopg.Error as e:
            where = ""
            if step is not None and step.table:
                where = f"table {step.table}" + (f" ({step.path})" if step.path else "") + ": "
            raise ExecutionError(f"{where}{scrub(first_line(e), dsn)}; nothing was written") from None
        except KeyboardInterrupt:
            raise ExecutionError("interrupted; the transaction was rolled back and nothing was written") from None
        conn.autocommit = True
        for step in prog.steps:
            if not step.transactional:
                try:
                    exec_step(conn, step)
                except psycopg.Error as e:  # ANALYZE failing is not worth failing the load
                    print(f"warning: {scrub(first_line(e), dsn)}", file=sys.stderr)
    finally:
        conn.close()
    return stats


class PostgresExecutor:
    """The Executor (execute/base.py) of a program as it stands, in one transaction (run_program)."""

    def __init__(self, dsn: str):
        self.dsn = dsn

    def run(self, program: Program, report: Report | None = None,
            on_step: Callable[[Step, float], None] | None = None) -> dict[str, tuple[int, float]]:
        return run_program(self.dsn, program, report, on_step=on_step)
