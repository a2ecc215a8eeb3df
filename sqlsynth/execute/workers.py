"""The worker connections of a ``--jobs N`` load: each opens its session (search path, value pools),
then runs the tasks the scheduler (execute/schedule.py) hands it until there are none left."""

from __future__ import annotations

import sys
import threading
import time

from ..compile.steps import Step
from ..db import connect
from ..errors import first_line
from .postgres import exec_step
from .schedule import Scheduler, Task

ASYNC_COMMIT = "SET synchronous_commit = off"


class Worker(threading.Thread):
    def __init__(self, index: int, dsn: str, context: list[Step], sched: Scheduler, run_task):
        super().__init__(name=f"sqlsynth-worker-{index}", daemon=True)
        self.index = index
        self.dsn = dsn
        self.context = context
        self.sched = sched
        self.run_task = run_task
        self.conn = None
        self.pid: int | None = None
        self.current: Task | None = None
        self.ready = threading.Event()
        self.idle = 0.0  # seconds spent waiting for a task (no task ready), the load's timings say it

    def run(self) -> None:
        try:
            self.conn = connect(self.dsn, what="destination database", autocommit=True,
                                application_name=f"sqlsynth worker {self.index}")
            self.pid = self.conn.info.backend_pid
            # A chunk or a re-creation commits on its own: without waiting for its WAL flush. A server crash
            # can lose the last of them, but each with its journal row (one transaction), and the load's
            # closing transaction (the coordinator's, synchronous) flushes every commit before it.
            self.conn.execute(ASYNC_COMMIT)
            for step in self.context:
                exec_step(self.conn, step, session=True)
        except BaseException as e:  # noqa: BLE001 - reported to the scheduler
            self.ready.set()
            self.sched.fail(None, e)
            return
        self.ready.set()
        while True:
            t0 = time.perf_counter()
            task = self.sched.next()
            if task is not None:
                self.idle += time.perf_counter() - t0
            if task is None:
                return
            self.current = task
            t1 = time.perf_counter()
            try:
                self.run_task(self.conn, task)
            except BaseException as e:  # noqa: BLE001
                self.current = None
                if task.kind == "after":  # ANALYZE failing is not worth failing the load
                    if not (self.sched.stopped or self.sched.failure):  # (not: cancelled by a failure)
                        print(f"warning: {task.label}: {first_line(e)}", file=sys.stderr)
                    self.sched.done(task)
                    continue
                self.sched.fail(task, e)
                return
            self.current = None
            if self.sched.trace is not None:
                self.sched.trace.append((self.index, task.kind, task.label, t1, time.perf_counter()))
            self.sched.done(task)

    def cancel(self) -> None:
        conn = self.conn
        if conn is not None and not conn.closed:
            try:
                cancel = getattr(conn, "cancel_safe", None) or conn.cancel
                cancel()
            except Exception:  # noqa: BLE001 - best effort
                pass

    def close(self) -> None:
        conn = self.conn
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001
                pass
