"""The task graph of a ``--jobs N`` load (execute/parallel_load.py) and the scheduler handing its tasks
to the worker connections (execute/workers.py): chunks, key and index re-creations, FKs added NOT
VALID then VALIDATEd, ANALYZE -- each once what it needs is done, never two whose locks conflict."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from ..compile.chunks import TableChunks
from ..compile.steps import Step
from .constraints import Deferred


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
