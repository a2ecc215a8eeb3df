"""The task graph of a ``--jobs N`` load (execute/parallel_load.py), the scheduler handing its tasks to
the worker connections, and those workers: chunks, key and index re-creations, FKs added NOT VALID
then VALIDATEd, ANALYZE -- each once what it needs is done, never two whose locks conflict. Each
worker opens its session (search path, value pools), then runs the tasks it is handed until there
are none left."""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass

from ..compile.chunks import TableChunks
from ..compile.steps import Step
from ..db import connect
from ..errors import first_line
from .constraints import Deferred
from .postgres import exec_step


@dataclass(eq=False)
class Task:
    kind: str  # chunk | readd (a key or index) | fk (add an FK NOT VALID) | validate (that FK) | after
    label: str
    table: str | None = None
    rows: int = 0
    group: TableChunks | None = None
    j: int = 0
    step: Step | None = None
    item: Deferred | None = None
    needs: frozenset[str] = frozenset()  # tables whose chunks must all have committed first
    deps: tuple["Task", ...] = ()  # tasks that must be done first
    priority: int = 0
    finished: bool = False

    def lock(self) -> tuple[str, frozenset[int]]:
        """(mode, relations) the task locks. Index builds take SHARE and run side by side; every other
        re-creation conflicts with anything else on the same relations (PostgreSQL's lock table: ADD
        CONSTRAINT takes SHARE ROW EXCLUSIVE or ACCESS EXCLUSIVE, VALIDATE SHARE UPDATE EXCLUSIVE)."""
        d = self.item
        if d is None:
            return "none", frozenset()
        if self.kind == "readd":
            return ("share" if d.kind in ("index", "unique index") else "exclusive"), d.locks
        if self.kind == "fk":
            return "exclusive", d.locks | d.parent_locks
        if self.kind == "validate":
            return "exclusive", d.locks
        return "none", frozenset()


@dataclass
class Failure:
    task: Task | None
    error: BaseException


class Scheduler:
    """Hands tasks to workers as they become ready: a chunk once the chunks of the tables it needs have
    committed; a key or index once its table is loaded; an FK once both tables are loaded and the
    parent's keys rebuilt; its VALIDATE after it -- never two tasks whose locks conflict at once, so
    nothing waits inside PostgreSQL and nothing deadlocks. Re-creation overlaps the other tables' chunks."""

    def __init__(self, tasks: list[Task]):
        self.cv = threading.Condition()
        self.pending: list[Task] = []
        self.left: dict[str, int] = {}
        self.running: list[Task] = []
        self.failure: Failure | None = None
        self.stopped = False
        self.closed = False  # no more tasks will be added
        self.last_chunk: float | None = None
        self.trace: list[tuple] | None = None  # (worker, kind, label, start, end) of each task done, if asked
        self.add(tasks)

    def add(self, tasks: list[Task]) -> None:
        with self.cv:
            for t in tasks:
                if t.kind == "chunk" and t.table:
                    self.left[t.table] = self.left.get(t.table, 0) + 1
            self.pending.extend(tasks)
            self.cv.notify_all()

    def _ready(self, t: Task) -> bool:
        if any(self.left.get(p, 0) for p in t.needs) or not all(d.finished for d in t.deps):
            return False
        mode, rels = t.lock()
        if rels:
            for r in self.running:
                m2, r2 = r.lock()
                if r2 & rels and not (mode == m2 == "share"):
                    return False
        return True

    def next(self) -> Task | None:
        """Block until a task is ready (None: stop)."""
        with self.cv:
            while True:
                if self.stopped or self.failure is not None:
                    return None
                ready = [t for t in self.pending if self._ready(t)]
                if ready:
                    busy = {r.table for r in self.running if r.kind == "chunk"}
                    # re-creations first (they end the load), the biggest first; then chunks, preferring
                    # a table no other worker is inserting into (heap extension is contended), in plan order
                    ready.sort(key=lambda t: (t.kind == "chunk", t.kind == "chunk" and t.table in busy, -t.priority))
                    task = ready[0]
                    self.pending.remove(task)
                    self.running.append(task)
                    return task
                if not self.pending and self.closed:
                    return None
                self.cv.wait(0.5)

    def done(self, task: Task) -> None:
        with self.cv:
            self.running.remove(task)
            task.finished = True
            if task.kind == "chunk" and task.table:
                self.left[task.table] -= 1
                if not any(self.left.values()):
                    self.last_chunk = time.perf_counter()
            self.cv.notify_all()

    def fail(self, task: Task | None, error: BaseException) -> None:
        with self.cv:
            if task in self.running:
                self.running.remove(task)
            if self.failure is None:
                self.failure = Failure(task, error)
            self.cv.notify_all()

    def idle(self) -> bool:
        return not self.pending and not self.running

    def wait_idle(self) -> None:
        """Wait until every task added so far is done, or a failure (the main thread stays interruptible)."""
        with self.cv:
            while not self.idle() and self.failure is None:
                self.cv.wait(0.2)

    def stop(self) -> None:
        with self.cv:
            self.stopped = True
            self.cv.notify_all()


class TaskFailed(Exception):
    def __init__(self, task: Task | None, error: BaseException):
        super().__init__(str(error))
        self.task = task
        self.error = error


# ---------------------------------------------------------------------------------- workers

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
