"""The load journal at run time: open a load, record what it drops, close it; find unfinished
loads before another command touches the destination; recover them (``sqlsynth recover``).

The journal's tables and SQL functions are described in ``sqlsynth/compile/journal.py`` (the
split scripts use the same ones through psql).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Callable, Iterable

from ..compile.journal import SCHEMA, ensure_sql
from ..db import connect, scrub
from ..errors import ExecutionError, SqlsynthError, first_line
from ..sql.sqlx import qtable
from .constraints import Deferred

RECOVER = "sqlsynth recover"


def new_load_id() -> str:
    return uuid.uuid4().hex[:16]


def lock_key(load_id: str) -> int:
    """The session advisory lock a running load's process holds (a signed 64-bit key from its id)."""
    n = int(load_id[:16], 16)
    return n - (1 << 64) if n >= (1 << 63) else n


def ensure(conn) -> None:
    """Create the journal schema if needed (inside the caller's transaction)."""
    conn.execute(ensure_sql())


def begin(conn, load_id: str, command: str, tables: list[str], key: int | None) -> None:
    """Open the load (refused while another is unfinished); records the target tables' sequences."""
    conn.execute(f"SELECT {SCHEMA}.begin_load(%s, %s, %s, %s)", [load_id, command, tables, key])


def record(conn, load_id: str, items: Iterable[Deferred]) -> None:
    """Journal the definitions of what is about to be dropped (same transaction as the drops)."""
    rows = [(load_id, d.stage, d.kind, d.table, d.name, d.definition or d.add_sql, d.add_sql,
             f"EXISTS ({d.exists_sql})", d.valid) for d in items]
    if rows:
        with conn.cursor() as cur:
            cur.executemany(f"INSERT INTO {SCHEMA}.objects (load_id, stage, kind, table_name, name, definition, "
                            "add_sql, exists_sql, valid) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)


CHUNK_SQL = f"SELECT {SCHEMA}.chunk(%s, %s)"


def finish(conn, load_id: str, chunks: list[str]) -> None:
    """Close the load (inside the closing transaction): every chunk must have committed."""
    conn.execute(f"SELECT {SCHEMA}.finish(%s, %s)", [load_id, chunks])


@dataclass
class OpenLoad:
    load_id: str
    command: str
    started: str
    tables: list[str]
    lock_key: int | None
    objects: int
    chunks: int
    live: bool = False

    def describe(self) -> str:
        return (f"{self.command}, started {self.started}, load {self.load_id}: {len(self.tables)} tables, "
                f"{self.chunks} committed chunks, {self.objects} constraints and indexes dropped")


def open_loads(conn) -> list[OpenLoad]:
    """Unfinished loads of this database, each marked live if its process still runs (it holds its
    advisory lock, or psql sessions of a split load are connected)."""
    if conn.execute(f"SELECT to_regclass('{SCHEMA}.loads')").fetchone()[0] is None:
        return []
    rows = conn.execute(
        f"""SELECT l.load_id, l.command, to_char(l.started, 'YYYY-MM-DD HH24:MI:SS TZ'), l.tables, l.lock_key,
                   (SELECT count(*) FROM {SCHEMA}.objects o WHERE o.load_id = l.load_id),
                   (SELECT count(*) FROM {SCHEMA}.xacts x WHERE x.load_id = l.load_id)
            FROM {SCHEMA}.loads l WHERE l.state = 'running' ORDER BY l.started""").fetchall()
    out = []
    for load_id, command, started, tables, key, objects, chunks in rows:
        load = OpenLoad(load_id, command, started, list(tables), key, int(objects), int(chunks))
        if key is not None:
            got = conn.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone()[0]
            if got:
                conn.execute("SELECT pg_advisory_unlock(%s)", [key])
            load.live = not got
        else:
            load.live = bool(conn.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() "
                "AND application_name = %s AND pid <> pg_backend_pid())", [f"sqlsynth split {load_id}"]).fetchone()[0])
        out.append(load)
    return out


def _message(load: OpenLoad) -> str:
    if load.live:
        return (f"a load is running in the destination ({load.describe()}); wait for it to end, or stop it and "
                f"run `{RECOVER}`")
    return f"the destination holds an unfinished load ({load.describe()}): run `{RECOVER}` to undo it"


def refuse_unfinished(dsn: str) -> None:
    """Raise one line naming `sqlsynth recover` if the destination holds an unfinished load."""
    import psycopg

    conn = connect(dsn, what="destination database", autocommit=True)
    try:
        loads = open_loads(conn)
    except psycopg.Error as e:
        raise ExecutionError(f"reading the load journal failed: {scrub(first_line(e), dsn)}") from None
    finally:
        conn.close()
    if loads:
        raise SqlsynthError(_message(loads[0]))


STAGING = "jdbc_"  # staging tables of a create-data --jdbc load: <schema>.jdbc_<load id>_<n>


def staging_table(load_id: str, n: int) -> str:
    """A staging table of a Spark --jdbc load (its rows before one transaction moves them), as SQL."""
    return qtable(SCHEMA, f"{STAGING}{load_id}_{n}")


def drop_staging(conn, load_id: str) -> int:
    """Drop the load's staging tables (none for other loads); how many."""
    names = [r[0] for r in conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind = 'r' AND starts_with(c.relname, %s)",
        [SCHEMA, f"{STAGING}{load_id}_"]).fetchall()]
    for name in names:
        conn.execute(f"DROP TABLE IF EXISTS {qtable(SCHEMA, name)}")
    return len(names)


def recover_load(conn, load_id: str) -> str:
    """Undo one load (one transaction, on conn); returns what was done."""
    with conn.transaction():
        conn.execute("SET LOCAL lock_timeout = 0")
        note = conn.execute(f"SELECT {SCHEMA}.recover(%s)", [load_id]).fetchone()[0]
        dropped = drop_staging(conn, load_id)
    return note + (f"; {dropped} staging tables dropped" if dropped else "")


def recover(dsn: str, report: Callable[[str], None] | None = None) -> list[str]:
    """`sqlsynth recover`: undo every unfinished load of the destination whose process is gone:
    delete the rows it wrote (only those), re-create what it dropped, put the sequences back."""
    import psycopg

    conn = connect(dsn, what="destination database", autocommit=True, application_name="sqlsynth recover")
    done: list[str] = []
    try:
        try:
            loads = open_loads(conn)
        except psycopg.Error as e:
            raise ExecutionError(f"reading the load journal failed: {scrub(first_line(e), dsn)}") from None
        live = [x for x in loads if x.live]
        for _ in range(10):  # right after a kill -9 the server may not have ended its sessions yet
            if not live:
                break
            time.sleep(0.3)
            loads = open_loads(conn)
            live = [x for x in loads if x.live]
        if live:
            raise SqlsynthError(_message(live[0]) + "; nothing was changed")
        for load in loads:
            if load.lock_key is not None:  # no process may start it again while we work
                conn.execute("SELECT pg_advisory_lock(%s)", [load.lock_key])
            try:
                note = recover_load(conn, load.load_id)
            except psycopg.Error as e:
                raise ExecutionError(f"recovering load {load.load_id} ({load.command}) failed: "
                                     f"{scrub(first_line(e), dsn)}; nothing was changed") from None
            finally:
                if load.lock_key is not None:
                    conn.execute("SELECT pg_advisory_unlock(%s)", [load.lock_key])
            line = f"load {load.load_id} ({load.command}, started {load.started}): {note}"
            done.append(line)
            if report:
                report(line)
    finally:
        conn.close()
    return done
