"""create-data on N connections at once (``--jobs N``, N > 1): the load's phases and its recovery.

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

from ..compile.chunks import Phases, TableChunks, model_foreign_keys
from ..compile.render_pg import render_step
from ..compile.steps import CopyIn, SetSearchPath, Step, Stories, is_context
from ..db import connect, scrub
from ..errors import ExecutionError, first_line
from ..plan.model import Plan
from . import journal
from .capacity import check_jobs
from .constraints import DeferredSet, read_deferrable
from .faults import pause_point
from .postgres import exec_step
from .progress import Progress
from .schedule import Scheduler, Task, TaskFailed, Worker

Stats = dict[str, tuple[int, float]]

HEAD_KINDS = {"sql", "guard", "pool", "copy", "measure"}


def spooled(step: Step) -> Step:
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


def table_keys(plan: Plan) -> dict[tuple[str, str], str]:
    """(destination schema, table name) -> the table's key in orm.yaml, for every table of the plan."""
    return {plan.where(k): k for k in plan.schema.tables} if plan.schema is not None else {}


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
            if s.kind not in HEAD_KINDS:
                raise ExecutionError(f"--jobs > 1 cannot run a {s.kind!r} step yet; use --jobs 1")
        for b in self.phases.body:
            if not isinstance(b, TableChunks):
                raise ExecutionError(f"--jobs > 1 cannot run a {b.kind!r} step between the inserts yet; use --jobs 1")
        for s in self.phases.tail:
            if s.kind != "sql":
                what = "story generators" if isinstance(s, Stories) else f"a {s.kind!r} step"
                raise ExecutionError(f"--jobs > 1 cannot run {what} yet; use --jobs 1")
        self.phases = self.phases.without_cycle_steps(self.plan)
        spools = {id(s): spooled(s) for s in self.phases.head if is_context(s)}
        self.context = [spools[id(s)] for s in self.phases.head if is_context(s)]
        # the CHECK measurement (kind measure) reads the value pools: then the prologue builds them too
        measured = any(s.kind == "measure" for s in self.phases.head)
        self.prologue = [spools.get(id(s), s) for s in self.phases.head
                         if measured or not is_context(s) or s.kind == "sql"]
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
    def _run_task(self, conn, task: Task) -> None:
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
        # the workers open their sessions (value pools) while the prologue runs; their tasks come after it
        sched = Scheduler([])
        if isinstance(self.timings.get("trace"), list):  # the caller asked for the tasks' timeline
            sched.trace = self.timings["trace"]
        workers = [Worker(i + 1, dsn, self.context, sched, self._run_task) for i in range(max(1, self.jobs))]
        try:
            key = journal.lock_key(self.load_id)
            coord.execute("SELECT pg_advisory_lock(%s)", [key])
            with coord.transaction():
                check_jobs(coord, self.jobs)  # before the workers connect
            for w in workers:
                w.start()
            with coord.transaction():
                journal.ensure(coord)
                self.deferred = read_deferrable(coord, [self.plan.qtable(t) for t in self.phases.targets],
                                                self._fk_selection(), self.defer_indexes, table_keys(self.plan))
                for s in self.prologue:
                    exec_step(coord, s)
                journal.begin(coord, self.load_id, self.command,
                              [self.plan.qtable(t) for t in self.phases.targets], key)
                journal.record(coord, self.load_id, self.deferred.drop_order)
                for d in self.deferred.drop_order:
                    coord.execute(d.drop_sql)
        except psycopg.Error as e:
            self._abandon(sched, workers)
            raise ExecutionError(f"{scrub(first_line(e), dsn)}; nothing was written") from None
        except KeyboardInterrupt:
            self._abandon(sched, workers)
            raise ExecutionError("interrupted; nothing was written") from None
        except BaseException:
            self._abandon(sched, workers)
            raise

        # 2. chunks on N workers, 3. re-creations, setval, ANALYZE
        mark = [time.perf_counter()]

        def lap(name: str) -> None:
            now = time.perf_counter()
            self.timings[name] = now - mark[0]
            mark[0] = now

        self.timings["deferred"] = len(self.deferred)
        rows = {g.table: g.rows for g in self.phases.groups}
        tasks: list[Task] = []
        for g in self.phases.groups:
            needs = self._needs(g.table)
            for j in range(g.count):
                lo, hi = g.bounds(j)
                tasks.append(Task("chunk", g.label(j), g.table, hi - lo + 1, g, j, needs=needs))
        recreate = self._recreation_tasks(rows)
        tasks += recreate
        # ANALYZE of a table as soon as nothing else will touch it (no lock to wait for); other closing
        # non-transactional steps at the very end
        late: list[Step] = []
        for st in self.phases.after:
            if st.table in rows:
                deps = tuple(t for t in recreate if st.table in (t.table, t.item.parent_root if t.item else None))
                tasks.append(Task("after", render_step(st), st.table, step=st, needs=frozenset({st.table}), deps=deps,
                                   priority=rows[st.table]))
            else:
                late.append(st)
        closed = False
        try:
            pause_point("dropped")
            sched.add(tasks)
            sched.wait_idle()
            self._raise_failure(sched)
            end = time.perf_counter()
            self.timings["idle"] = sum(w.idle for w in workers)  # workers waiting for a ready task (or the prologue)
            last = sched.last_chunk or end
            self.timings["insert"] = last - mark[0]
            self.timings["constraints"] = end - last  # re-creations and ANALYZE not overlapped with chunks
            mark[0] = end
            self._closing_transaction()
            closed = True
            lap("finish")
            sched.add([Task("after", render_step(st), st.table, step=st) for st in late])
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

    def _recreation_tasks(self, rows: dict[str, int]) -> list[Task]:
        """Keys and indexes (after their table's chunks); each FK added NOT VALID (after the chunks of
        both tables and the parent's keys), then VALIDATEd."""
        self._readded = self._recreating = 0
        self._to_recreate = len(self.deferred)
        keys: dict[str, list[Task]] = {}
        out: list[Task] = []
        for d in self.deferred.items:
            if not d.is_fk:
                t = Task("readd", d.label, d.root, item=d, needs=frozenset({d.root}), priority=rows.get(d.root, 0))
                keys.setdefault(d.root, []).append(t)
                out.append(t)
        for d in self.deferred.items:
            if d.is_fk:
                size = rows.get(d.root, 0)
                fk = Task("fk", d.label, d.root, item=d, needs=frozenset({d.root, d.parent_root}),
                           deps=tuple(keys.get(d.parent_root, ())), priority=size)
                out.append(fk)
                if d.validate_sql:
                    out.append(Task("validate", d.label, d.root, item=d, deps=(fk,), priority=size))
        return out

    def _raise_failure(self, sched: Scheduler) -> None:
        f = sched.failure
        if f is not None:
            raise TaskFailed(f.task, f.error)

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

    def _abandon(self, sched: Scheduler, workers: list[Worker]) -> None:
        """The prologue failed (nothing dropped, or its transaction rolled back): stop the workers that
        were started, close the coordinator."""
        sched.stop()
        self._stop_workers([w for w in workers if w.ident is not None])
        self._close_coord()

    def _stop_workers(self, workers: list[Worker]) -> None:
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
        if isinstance(cause, TaskFailed):
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
