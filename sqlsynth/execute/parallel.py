"""create-data with row-range chunks, optionally on N connections at once (``--jobs N``).

``--jobs 1`` runs everything in ONE transaction, as before: the guard, the value pools, the
chunks of every table and, with deferred constraints, the FK drops before them and the re-adds
after them. Any failure or Ctrl-C rolls the whole load back.

``--jobs N`` (N > 1) cannot use one transaction: a row inserted by one connection's open
transaction is invisible to the others, so a child chunk's FK check would not find parents
written by another connection. It therefore works in transactions that commit on their own:

0. a coordinator connection takes a session advisory lock for the load (held until it ends: a
   live load is never "recovered" by another process);
1. prologue (one transaction): the guard (every target table empty); the load opened in the
   destination's journal (``journal.py``: target tables, sequences' state); the FKs of the target
   tables (and their partitions) read from the catalog with their exact definitions, journaled,
   and dropped -- all of them with deferred constraints; otherwise only those that chunks cannot
   satisfy in dependency order (cycle-breaking and self-references) -- and, with
   ``defer_indexes``, their indexes and keys (constraints.py says which);
2. N worker connections, each with its own copy of the value pools (session temp tables), take
   tasks as they become ready (one statement each, autocommit):
   - a chunk: its own transaction, which first records its transaction id in the journal; with
     every FK dropped, any time; otherwise once every chunk of its parent tables has committed,
     so FK checks see committed parents;
   - a key or index: once its table is loaded (while other tables are still being loaded);
   - an FK: added NOT VALID once both tables are loaded and the parent's keys rebuilt, then
     VALIDATEd (every row checked; validations of FKs to one parent run side by side);
   - ANALYZE of a table once nothing else will touch it;
   never two whose locks conflict (no lock waits inside PostgreSQL, no deadlocks);
3. setval and the program's other closing statements, and the journal closed, in one transaction.

On any failure, a killed connection or Ctrl-C, the workers' statements are cancelled and the
journal's ``recover`` runs: it deletes the rows whose xmin is one of the load's chunk transactions
(never a row another session committed meanwhile), re-creates every dropped object that is
missing and puts the sequences back. If the process itself dies (``kill -9``), the journal stays
open: every other command refuses to touch the destination until ``sqlsynth recover`` has run.
Same seed, same rows, whatever ``--jobs`` and ``--chunk-rows``.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from ..compile.chunks import BIG_LOAD_ROWS, DEFAULT_CHUNK_ROWS, Phases, TableChunks, model_foreign_keys, split_program
from ..compile.program import Program
from ..compile.render_pg import render_step
from ..compile.steps import CatalogConstraint, CopyIn, SetSearchPath, Step, Stories, is_context
from ..db import connect, scrub
from ..errors import ExecutionError, first_line
from ..plan.model import Plan
from . import journal
from .capacity import check_jobs
from .constraints import Deferred, DeferredSet, read_deferrable
from .faults import pause_point
from .postgres import exec_step
from .progress import Progress

Report = Callable[[str], None]
Stats = dict[str, tuple[int, float]]

_HEAD_KINDS = {"sql", "guard", "pool", "copy", "measure"}


def should_defer(total_rows: int, jobs: int, defer: bool | None) -> bool:
    """--defer-constraints default: always with --jobs > 1, else for loads over BIG_LOAD_ROWS rows."""
    if defer is not None:
        return defer
    return jobs > 1 or total_rows > BIG_LOAD_ROWS


def _spooled(step: Step) -> Step:
    """A COPY step whose rows come from the user's Python (custom row generators): computed once,
    here, into an anonymous temporary file that every worker streams with positional reads. Each
    worker computing them itself would cost N times the Python time, and the user's functions use
    the process-wide `random`, so concurrent computation would not be deterministic."""
    if not isinstance(step, CopyIn) or step.chunks is None:
        return step
    import dataclasses
    import os
    import tempfile

    fh = tempfile.TemporaryFile()  # unlinked already; closed when the last reference goes
    for chunk in step.chunks():
        fh.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
    fh.flush()
    size = fh.tell()

    def chunks(fh=fh, size=size):
        pos = 0
        while pos < size:
            data = os.pread(fh.fileno(), min(1 << 20, size - pos), pos)
            if not data:
                break
            pos += len(data)
            yield data
    return dataclasses.replace(step, chunks=chunks)


def _is_context(step: Step) -> bool:
    """Setup every session needs: the search path, value pools and staging tables."""
    return is_context(step)


# ---------------------------------------------------------------------------------- --jobs 1

def run_single(dsn: str, phases: Phases, plan: Plan, defer: bool, defer_indexes: bool,
               progress: Progress | None, report: Report | None, timings: dict | None = None,
               on_step: Callable[[Step, float], None] | None = None) -> Stats:
    """One transaction (run_program), inserts chunked; with defer, FKs dropped first and re-added last."""
    from .postgres import run_program

    before: list[Step] = []
    after: list[Step] = []
    if defer:
        deferred = _read_catalog(dsn, [plan.qtable(t) for t in phases.targets], True, defer_indexes, _keys(plan))
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


def _keys(plan: Plan) -> dict[tuple[str, str], str]:
    """(destination schema, table name) -> the table's key in orm.yaml, for every table of the plan."""
    return {plan.where(k): k for k in plan.schema.tables} if plan.schema is not None else {}


def _read_catalog(dsn: str, tables: list[str], fks: bool | set[str], indexes: bool,
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


# ---------------------------------------------------------------------------------- --jobs N

@dataclass(eq=False)
class _Task:
    kind: str  # chunk | readd (a key or index) | fk (add an FK NOT VALID) | validate (that FK) | after
    label: str
    table: str | None = None
    rows: int = 0
    group: TableChunks | None = None
    j: int = 0
    step: Step | None = None
    item: Deferred | None = None
    needs: frozenset[str] = frozenset()  # tables whose chunks must all have committed first
    deps: tuple["_Task", ...] = ()  # tasks that must be done first
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
class _Failure:
    task: _Task | None
    error: BaseException


class _Scheduler:
    """Hands tasks to workers as they become ready: a chunk once the chunks of the tables it needs have
    committed; a key or index once its table is loaded; an FK once both tables are loaded and the
    parent's keys rebuilt; its VALIDATE after it -- never two tasks whose locks conflict at once, so
    nothing waits inside PostgreSQL and nothing deadlocks. Re-creation overlaps the other tables' chunks."""

    def __init__(self, tasks: list[_Task]):
        self.cv = threading.Condition()
        self.pending: list[_Task] = []
        self.left: dict[str, int] = {}
        self.running: list[_Task] = []
        self.failure: _Failure | None = None
        self.stopped = False
        self.closed = False  # no more tasks will be added
        self.last_chunk: float | None = None
        self.add(tasks)

    def add(self, tasks: list[_Task]) -> None:
        with self.cv:
            for t in tasks:
                if t.kind == "chunk" and t.table:
                    self.left[t.table] = self.left.get(t.table, 0) + 1
            self.pending.extend(tasks)
            self.cv.notify_all()

    def _ready(self, t: _Task) -> bool:
        if any(self.left.get(p, 0) for p in t.needs) or not all(d.finished for d in t.deps):
            return False
        mode, rels = t.lock()
        if rels:
            for r in self.running:
                m2, r2 = r.lock()
                if r2 & rels and not (mode == m2 == "share"):
                    return False
        return True

    def next(self) -> _Task | None:
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

    def done(self, task: _Task) -> None:
        with self.cv:
            self.running.remove(task)
            task.finished = True
            if task.kind == "chunk" and task.table:
                self.left[task.table] -= 1
                if not any(self.left.values()):
                    self.last_chunk = time.perf_counter()
            self.cv.notify_all()

    def fail(self, task: _Task | None, error: BaseException) -> None:
        with self.cv:
            if task in self.running:
                self.running.remove(task)
            if self.failure is None:
                self.failure = _Failure(task, error)
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


class _Worker(threading.Thread):
    def __init__(self, index: int, dsn: str, context: list[Step], sched: _Scheduler, run_task):
        super().__init__(name=f"sqlsynth-worker-{index}", daemon=True)
        self.index = index
        self.dsn = dsn
        self.context = context
        self.sched = sched
        self.run_task = run_task
        self.conn = None
        self.pid: int | None = None
        self.current: _Task | None = None
        self.ready = threading.Event()

    def run(self) -> None:
        try:
            self.conn = connect(self.dsn, what="destination database", autocommit=True,
                                application_name=f"sqlsynth worker {self.index}")
            self.pid = self.conn.info.backend_pid
            for step in self.context:
                exec_step(self.conn, step, session=True)
        except BaseException as e:  # noqa: BLE001 - reported to the scheduler
            self.ready.set()
            self.sched.fail(None, e)
            return
        self.ready.set()
        while True:
            task = self.sched.next()
            if task is None:
                return
            self.current = task
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


@dataclass
class ParallelLoad:
    dsn: str
    phases: Phases
    plan: Plan
    jobs: int
    defer: bool
    defer_indexes: bool = False
    progress: Progress | None = None
    timings: dict = field(default_factory=dict)  # seconds per phase, filled by run()
    stats: Stats = field(default_factory=dict)
    command: str = "create-data"  # as the journal names the load

    def __post_init__(self) -> None:
        for s in self.phases.head:
            if s.kind not in _HEAD_KINDS:
                raise ExecutionError(f"--jobs > 1 cannot run a {s.kind!r} step yet; use --jobs 1")
        for b in self.phases.body:
            if not isinstance(b, TableChunks):
                raise ExecutionError(f"--jobs > 1 cannot run a {b.kind!r} step between the inserts yet; use --jobs 1")
        for s in self.phases.tail:
            if s.kind != "sql":
                what = "story generators" if isinstance(s, Stories) else f"a {s.kind!r} step"
                raise ExecutionError(f"--jobs > 1 cannot run {what} yet; use --jobs 1")
        self.phases = self.phases.without_cycle_steps(self.plan)
        spooled = {id(s): _spooled(s) for s in self.phases.head if _is_context(s)}
        self.context = [spooled[id(s)] for s in self.phases.head if _is_context(s)]
        # the CHECK measurement (kind measure) reads the value pools: then the prologue builds them too
        measured = any(s.kind == "measure" for s in self.phases.head)
        self.prologue = [spooled.get(id(s), s) for s in self.phases.head
                         if measured or not _is_context(s) or s.kind == "sql"]
        self.deferred = DeferredSet()
        self._t_table: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        self.load_id = journal.new_load_id()
        self._coord = None  # the coordinator connection: holds the load's advisory lock

    # -- what to drop, in which order to insert -------------------------------------------------
    def _fk_selection(self) -> bool | set[str]:
        """All FKs, or (constraints not deferred) only those chunks committed in dependency order
        cannot satisfy: the cycle-breaking ones and self-references."""
        if self.defer:
            return True
        names = {fk.name for _owner, fk in self.plan.deferred_fks}
        for owner, fk in model_foreign_keys(self.plan, self.phases.targets):
            root = self.plan.schema.tables[owner].partition_of or owner
            if fk.ref_schema is None and fk.ref_table == root:
                names.add(fk.name)
        return names

    def _needs(self, table: str) -> frozenset[str]:
        if self.defer:
            return frozenset()
        dropped = {d.name for d in self.deferred.items}
        targets = set(self.phases.targets)
        out = set()
        for _owner, fk in model_foreign_keys(self.plan, [table]):
            if fk.ref_schema is None and fk.ref_table in targets and fk.ref_table != table and fk.name not in dropped:
                out.add(fk.ref_table)
        return frozenset(out)

    # -- running -----------------------------------------------------------------------------
    def _run_task(self, conn, task: _Task) -> None:
        t0 = time.perf_counter()
        if task.kind == "chunk":
            assert task.group is not None
            if self.progress:
                self.progress.start(task.group.table)
            with conn.transaction():  # the journal learns the transaction id with the rows, or neither
                conn.execute(journal.CHUNK_SQL, [self.load_id, task.label])
                conn.execute(task.group.sql(task.j))
                pause_point("inserting")
            t1 = time.perf_counter()
            with self._lock:
                span = self._t_table.setdefault(task.group.table, [t0, t1])
                span[0], span[1] = min(span[0], t0), max(span[1], t1)
            if self.progress:
                self.progress.advance(task.group.table, task.rows, t1 - t0)
        elif task.kind in ("readd", "fk", "validate"):
            d = task.item
            assert d is not None
            with self._lock:
                self._recreating += 1
                if self._recreating == 1 and self.progress:
                    self.progress.phase(f"re-creating {self._to_recreate} constraints and indexes")
            if self._readded * 2 >= self._to_recreate > 1:
                pause_point("recreating")
            conn.execute(d.add_sql if task.kind == "readd" else d.add_not_valid_sql if task.kind == "fk"
                         else d.validate_sql)
            if task.kind != "fk" or not d.validate_sql:
                with self._lock:
                    self._readded += 1
                    if self.progress:
                        self.progress.phase(f"re-created {self._readded}/{self._to_recreate} constraints and "
                                            "indexes", log=False)
        else:
            assert task.step is not None
            exec_step(conn, task.step)

    def run(self) -> Stats:
        import psycopg

        dsn = self.dsn
        # 0. the coordinator: its advisory lock says the load is alive, until it ends
        # 1. prologue: guard, open the journal, journal and drop the constraints
        coord = self._coord = connect(dsn, what="destination database", autocommit=True,
                                      application_name=f"sqlsynth load {self.load_id}")
        try:
            key = journal.lock_key(self.load_id)
            coord.execute("SELECT pg_advisory_lock(%s)", [key])
            with coord.transaction():
                check_jobs(coord, self.jobs)
                journal.ensure(coord)
                self.deferred = read_deferrable(coord, [self.plan.qtable(t) for t in self.phases.targets],
                                                self._fk_selection(), self.defer_indexes, _keys(self.plan))
                for s in self.prologue:
                    exec_step(coord, s)
                journal.begin(coord, self.load_id, self.command,
                              [self.plan.qtable(t) for t in self.phases.targets], key)
                journal.record(coord, self.load_id, self.deferred.drop_order)
                for d in self.deferred.drop_order:
                    coord.execute(d.drop_sql)
        except psycopg.Error as e:
            self._close_coord()
            raise ExecutionError(f"{scrub(first_line(e), dsn)}; nothing was written") from None
        except KeyboardInterrupt:
            self._close_coord()
            raise ExecutionError("interrupted; nothing was written") from None
        except BaseException:
            self._close_coord()
            raise

        # 2. chunks on N workers, 3. re-creations, setval, ANALYZE
        mark = [time.perf_counter()]

        def lap(name: str) -> None:
            now = time.perf_counter()
            self.timings[name] = now - mark[0]
            mark[0] = now

        self.timings["deferred"] = len(self.deferred)
        rows = {g.table: g.rows for g in self.phases.groups}
        tasks: list[_Task] = []
        for g in self.phases.groups:
            needs = self._needs(g.table)
            for j in range(g.count):
                lo, hi = g.bounds(j)
                tasks.append(_Task("chunk", g.label(j), g.table, hi - lo + 1, g, j, needs=needs))
        recreate = self._recreation_tasks(rows)
        tasks += recreate
        # ANALYZE of a table as soon as nothing else will touch it (no lock to wait for); other closing
        # non-transactional steps at the very end
        late: list[Step] = []
        for st in self.phases.after:
            if st.table in rows:
                deps = tuple(t for t in recreate if st.table in (t.table, t.item.parent_root if t.item else None))
                tasks.append(_Task("after", render_step(st), st.table, step=st, needs=frozenset({st.table}), deps=deps,
                                   priority=rows[st.table]))
            else:
                late.append(st)
        sched = _Scheduler(tasks)
        workers = [_Worker(i + 1, dsn, self.context, sched, self._run_task) for i in range(max(1, self.jobs))]
        closed = False
        try:
            pause_point("dropped")
            for w in workers:
                w.start()
            sched.wait_idle()
            self._raise_failure(sched)
            end = time.perf_counter()
            last = sched.last_chunk or end
            self.timings["insert"] = last - mark[0]
            self.timings["constraints"] = end - last  # re-creations and ANALYZE not overlapped with chunks
            mark[0] = end
            self._closing_transaction()
            closed = True
            lap("finish")
            sched.add([_Task("after", render_step(st), st.table, step=st) for st in late])
            sched.closed = True
            sched.wait_idle()
            lap("analyze")
            if self.progress:
                self.progress.phase(None)
        except BaseException as e:
            sched.stop()
            self._stop_workers(workers)
            if closed:  # the load is complete and its journal closed: only ANALYZE was cut short
                if isinstance(e, KeyboardInterrupt):
                    raise ExecutionError("interrupted during ANALYZE; the load itself is complete") from None
                raise
            self._restore(e)
            raise AssertionError("unreachable")  # _restore raises
        finally:
            sched.stop()
            for w in workers:
                w.join(timeout=5)
                w.close()
            self._close_coord()
        for t, (lo, hi) in self._t_table.items():
            self.stats[t] = (rows[t], hi - lo)
        return self.stats

    def _recreation_tasks(self, rows: dict[str, int]) -> list[_Task]:
        """Keys and indexes (after their table's chunks); each FK added NOT VALID (after the chunks of
        both tables and the parent's keys), then VALIDATEd."""
        self._readded = self._recreating = 0
        self._to_recreate = len(self.deferred)
        keys: dict[str, list[_Task]] = {}
        out: list[_Task] = []
        for d in self.deferred.items:
            if not d.is_fk:
                t = _Task("readd", d.label, d.root, item=d, needs=frozenset({d.root}), priority=rows.get(d.root, 0))
                keys.setdefault(d.root, []).append(t)
                out.append(t)
        for d in self.deferred.items:
            if d.is_fk:
                size = rows.get(d.root, 0)
                fk = _Task("fk", d.label, d.root, item=d, needs=frozenset({d.root, d.parent_root}),
                           deps=tuple(keys.get(d.parent_root, ())), priority=size)
                out.append(fk)
                if d.validate_sql:
                    out.append(_Task("validate", d.label, d.root, item=d, deps=(fk,), priority=size))
        return out

    def _raise_failure(self, sched: _Scheduler) -> None:
        f = sched.failure
        if f is not None:
            raise _TaskFailed(f.task, f.error)

    def _closing_transaction(self) -> None:
        """setval and the program's other closing statements, and the journal closed, in one transaction."""
        steps = [s for s in self.phases.head if isinstance(s, SetSearchPath)] + self.phases.tail
        chunks = [g.label(j) for g in self.phases.groups for j in range(g.count)]
        conn = self._coord
        with conn.transaction():
            for s in steps:
                exec_step(conn, s)
            pause_point("closing")
            journal.finish(conn, self.load_id, chunks)

    def _close_coord(self) -> None:
        """Close the coordinator connection (which releases the load's advisory lock)."""
        conn, self._coord = self._coord, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001
                pass

    def _stop_workers(self, workers: list[_Worker]) -> None:
        for w in workers:
            w.cancel()
        deadline = time.monotonic() + 10
        for w in workers:
            w.join(timeout=max(0.1, deadline - time.monotonic()))
        stuck = [w.pid for w in workers if w.is_alive() and w.pid]
        if stuck:
            try:
                conn = connect(self.dsn, what="destination database", autocommit=True)
                try:
                    for pid in stuck:
                        conn.execute("SELECT pg_terminate_backend(%s)", [pid])
                finally:
                    conn.close()
            except Exception:  # noqa: BLE001
                pass
            for w in workers:
                w.join(timeout=5)
        for w in workers:
            w.close()

    def _restore(self, cause: BaseException) -> None:
        """Undo the load through the journal: delete its rows (only those), re-create what is missing,
        put the sequences back; then raise."""
        import psycopg

        if self.progress:
            self.progress.phase("stopping: restoring the destination")
        old = None
        if threading.current_thread() is threading.main_thread():
            old = signal.signal(signal.SIGINT, lambda *_: print(
                "sqlsynth: restoring the destination, please wait", file=sys.stderr))
        try:
            try:
                conn = self._coord
                if conn is None or conn.closed or conn.broken:
                    self._close_coord()
                    conn = self._coord = connect(self.dsn, what="destination database", autocommit=True,
                                                 application_name=f"sqlsynth load {self.load_id}")
                note = journal.recover_load(conn, self.load_id)
            except (psycopg.Error, ExecutionError) as e:
                raise ExecutionError(f"{self._describe(cause)}; restoring the destination ALSO failed "
                                     f"({scrub(first_line(e), self.dsn)}); the journal in the destination keeps "
                                     f"what to undo: run `{journal.RECOVER}` once the cause is fixed") from None
        finally:
            if old is not None:
                signal.signal(signal.SIGINT, old)
        raise ExecutionError(f"{self._describe(cause)}; the destination was restored ({note})") from None

    def _describe(self, cause: BaseException) -> str:
        if isinstance(cause, KeyboardInterrupt):
            return "interrupted"
        if isinstance(cause, _TaskFailed):
            task, err = cause.task, cause.error
            if isinstance(err, ExecutionError):
                return str(err)
            where = ""
            if task is not None and task.kind == "chunk" and task.group is not None:
                where = f"table {task.table} ({task.group.label(task.j)}" + (
                    f", {task.group.path})" if task.group.path else ")") + ": "
            elif task is not None:
                where = f"{task.label}: "
            return f"{where}{scrub(first_line(err), self.dsn)}"
        return scrub(first_line(cause), self.dsn)


class _TaskFailed(Exception):
    def __init__(self, task: _Task | None, error: BaseException):
        super().__init__(str(error))
        self.task = task
        self.error = error


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
