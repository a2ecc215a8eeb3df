"""Loads never lose data they did not write (create-data --jobs N).

The load journal (schema sqlsynth_journal of the destination) records what a load drops before it
drops it, and the transaction id of every chunk it commits. A failed load deletes only its own rows
(rows committed by other sessions during the load survive); after `kill -9` at any moment every
other command refuses with one line naming `sqlsynth recover`, which puts back every constraint and
index exactly as it was. FKs declared on partitioned tables are re-added with --jobs N.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time

import psycopg
import pytest
from click.testing import CliRunner

from sqlsynth import api
from sqlsynth.cli import main
from sqlsynth.errors import ExecutionError
from sqlsynth.settings import Settings

from test_parallel import GENERATED, _Killer

def run(args: list[str], env: dict | None = None, code: int = 0):
    res = CliRunner(env=env).invoke(main, args, catch_exceptions=False)
    assert "Traceback" not in res.output, res.output
    assert res.exit_code == code, (args, res.exit_code, res.output)
    return res


def definitions(dsn: str) -> dict[str, list]:
    """pg_get_constraintdef of every constraint (and whether it is validated), pg_get_indexdef of every
    index, and the state of every sequence of the public schema."""
    with psycopg.connect(dsn) as conn:
        cons = conn.execute("""
            SELECT c.conrelid::regclass::text, c.conname::text, pg_get_constraintdef(c.oid), c.convalidated
            FROM pg_constraint c WHERE c.connamespace = 'public'::regnamespace ORDER BY 1, 2""").fetchall()
        idx = conn.execute("""
            SELECT i.indrelid::regclass::text, c.relname::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1, 2""").fetchall()
        seqs = []
        for (name,) in conn.execute("SELECT sequencename::text FROM pg_sequences WHERE schemaname = 'public' "
                                    "ORDER BY 1").fetchall():
            seqs.append((name,) + tuple(conn.execute(f'SELECT last_value, is_called FROM "{name}"').fetchone()))
    return {"constraints": cons, "indexes": idx, "sequences": seqs}


def rows_of(dsn: str) -> dict[str, int]:
    with psycopg.connect(dsn) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in GENERATED}


def sessions_of(dsn: str) -> int:
    with psycopg.connect(dsn) as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                            "AND pid <> pg_backend_pid() AND application_name LIKE 'sqlsynth%'").fetchone()[0]


def wait_for_no_sessions(dsn: str, timeout: float = 60) -> None:
    """After kill -9, the server ends the killed process's sessions when it notices the closed sockets."""
    deadline = time.monotonic() + timeout
    while sessions_of(dsn) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not sessions_of(dsn), "sessions of the killed process are still there"


@pytest.fixture
def pagila(tmp_path, monkeypatch, pagila_src, make_db):
    monkeypatch.chdir(tmp_path)
    for key in ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA", "SQLSYNTH_TEST_PAUSE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("SRC_SCHEMA", "public")
    run(["make-tables"])
    run(["generate-config", "--no-fit", "--no-rules"])  # the starter config: the loads these tests kill are sized by --num-passes

    def destination() -> str:
        dst = make_db("sqlsynth_jn")
        run(["create-tables"], env={"DST_DSN": dst})
        return dst

    return destination


class _Stderr(threading.Thread):
    """Collects a subprocess's stderr lines."""

    def __init__(self, proc: subprocess.Popen):
        super().__init__(daemon=True)
        self.proc, self.lines = proc, queue.Queue()
        self.text: list[str] = []

    def run(self) -> None:
        for line in self.proc.stderr:
            self.text.append(line)
            self.lines.put(line)

    def wait_for(self, needle: str, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.proc.poll() is None, f"the load ended before {needle!r}: {''.join(self.text)}"
                continue
            if needle in line:
                return
        raise AssertionError(f"{needle!r} never printed: {''.join(self.text)}")


def start_load(dst: str, pause: str | None, passes: int = 1000, chunk_rows: int = 250) -> tuple[subprocess.Popen, _Stderr]:
    env = {**os.environ, "DST_DSN": dst}
    env.pop("SQLSYNTH_TEST_PAUSE", None)
    if pause:
        env["SQLSYNTH_TEST_PAUSE"] = pause
    proc = subprocess.Popen(
        [sys.executable, "-m", "sqlsynth.cli", "create-data", "--num-passes", str(passes), "--seed", "11",
         "--jobs", "2", "--chunk-rows", str(chunk_rows)], env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    reader = _Stderr(proc)
    reader.start()
    return proc, reader


def refused_line(args: list[str], dst: str) -> str:
    res = run(args, env={"DST_DSN": dst}, code=1)
    lines = [x for x in res.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, res.stderr
    return lines[0]


# ---------------------------------------------------------------------------------- a failed load

def test_a_row_another_session_committed_during_a_failed_jobs_2_load_survives(pagila):
    dst = pagila()
    before = definitions(dst)
    theirs: list[str] = []

    def other_session() -> None:
        """Commits rows into two target tables once the load has started (its journal is open)."""
        with psycopg.connect(dst, autocommit=True) as conn:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if conn.execute("SELECT to_regclass('sqlsynth_journal.loads') IS NOT NULL").fetchone()[0] and \
                        conn.execute("SELECT count(*) FROM sqlsynth_journal.loads WHERE state = 'running'").fetchone()[0]:
                    conn.execute("INSERT INTO actor (actor_id, first_name, last_name) VALUES (100000, 'Other', 'Session')")
                    conn.execute("INSERT INTO category (category_id, name) VALUES (100000, 'another session')")
                    theirs.append("done")
                    return
                time.sleep(0.005)

    writer = threading.Thread(target=other_session, daemon=True)
    killer = _Killer(dst, "film")  # the load then fails: a chunk's backend is terminated
    writer.start()
    killer.start()
    try:
        with pytest.raises(ExecutionError) as err:
            api.create_data(Settings(dst_dsn=dst), num_passes=8000, seed=1, jobs=2, chunk_rows=2000)
    finally:
        killer.stop.set()
        killer.join()
        writer.join(timeout=10)
    assert theirs and killer.killed, (theirs, killer.killed)
    msg = str(err.value)
    assert "the destination was restored" in msg and "kept 2 rows of other sessions" in msg, msg
    # the other session's rows are there, the load's own rows are gone
    counts = rows_of(dst)
    assert counts["actor"] == 1 and counts["category"] == 1, counts
    assert all(n == 0 for t, n in counts.items() if t not in ("actor", "category")), counts
    with psycopg.connect(dst) as conn:
        assert conn.execute("SELECT first_name FROM actor").fetchone()[0] == "Other"
        assert conn.execute("SELECT name FROM category").fetchone()[0] == "another session"
        # sequences put back, but never below a key of a row that stays
        assert conn.execute("SELECT nextval(pg_get_serial_sequence('actor', 'actor_id'))").fetchone()[0] == 100001
        conn.rollback()
    after = definitions(dst)
    assert after["constraints"] == before["constraints"] and after["indexes"] == before["indexes"]


# ---------------------------------------------------------------------------------- kill -9

@pytest.mark.parametrize("moment", ["dropped", "inserting", "recreating", "closing"])
def test_kill_9_at_any_moment_then_recover_puts_back_every_constraint_and_index(pagila, moment):
    dst = pagila()
    before = definitions(dst)
    proc, stderr = start_load(dst, moment)
    try:
        stderr.wait_for(f"paused at {moment}")
        if moment == "inserting":  # another session commits a row while the load is under way
            with psycopg.connect(dst) as conn:
                conn.execute("INSERT INTO actor (actor_id, first_name, last_name) VALUES (100000, 'Other', 'Session')")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    wait_for_no_sessions(dst)
    with psycopg.connect(dst) as conn:  # the load left its marks: something is missing
        missing = len(before["constraints"]) - conn.execute(
            "SELECT count(*) FROM pg_constraint WHERE connamespace = 'public'::regnamespace").fetchone()[0]
    if moment != "closing":
        assert missing > 0

    # the next command refuses, naming the command that recovers; so do the others, and none exits 0
    line = refused_line(["create-data", "--num-passes", "3"], dst)
    assert "unfinished load" in line and "sqlsynth recover" in line, line
    for args in (["remove-data", "--yes"], ["create-tables"], ["remove-tables", "--yes"],
                 ["create-data", "--num-passes", "3", "--jobs", "2"]):
        assert "sqlsynth recover" in refused_line(args, dst)

    res = run(["recover"], env={"DST_DSN": dst})
    assert "deleted" in res.output and "re-created" in res.output, res.output
    after = definitions(dst)
    assert after["constraints"] == before["constraints"]  # every definition, validated as before
    assert after["indexes"] == before["indexes"]
    counts = rows_of(dst)
    if moment == "inserting":
        assert counts["actor"] == 1 and sum(counts.values()) == 1, counts  # theirs, and only theirs
    else:
        assert sum(counts.values()) == 0, counts
        assert after["sequences"] == before["sequences"]
    assert "nothing to recover" in run(["recover"], env={"DST_DSN": dst}).output
    if moment == "inserting":
        with psycopg.connect(dst) as conn:
            conn.execute("DELETE FROM actor")
    # and the destination loads again, with the same rows as an undisturbed load
    run(["create-data", "--num-passes", "20", "--seed", "11", "--jobs", "2", "--chunk-rows", "7"],
        env={"DST_DSN": dst})
    assert all(n == 20 for n in rows_of(dst).values())


def test_kill_9_while_a_chunk_is_being_inserted_without_a_pause(pagila):
    """No pause: SIGKILL while a big INSERT into film is running on the server."""
    dst = pagila()
    before = definitions(dst)
    proc, _stderr = start_load(dst, None, passes=8000, chunk_rows=2000)
    dbname = psycopg.conninfo.conninfo_to_dict(dst)["dbname"]
    try:
        with psycopg.connect(dst, autocommit=True) as conn:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not conn.execute(
                    "SELECT 1 FROM pg_stat_activity WHERE datname = %s AND state = 'active' "
                    "AND query LIKE 'INSERT INTO \"public\".\"film\"%%'", [dbname]).fetchone():
                assert proc.poll() is None, "the load ended before film was inserted"
                time.sleep(0.01)
        time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    wait_for_no_sessions(dst)
    assert sum(rows_of(dst).values()) > 0  # committed chunks are there until recovered
    assert "sqlsynth recover" in refused_line(["remove-data", "--yes"], dst)
    run(["recover"], env={"DST_DSN": dst})
    assert definitions(dst) == before
    assert sum(rows_of(dst).values()) == 0


def test_recover_refuses_while_the_load_is_alive(pagila):
    dst = pagila()
    before = definitions(dst)
    proc, stderr = start_load(dst, "dropped")
    try:
        stderr.wait_for("paused at dropped")
        res = run(["recover"], env={"DST_DSN": dst}, code=1)
        assert "a load is running" in res.stderr and "nothing was changed" in res.stderr, res.stderr
        assert "a load is running" in refused_line(["create-data"], dst)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    wait_for_no_sessions(dst)
    run(["recover"], env={"DST_DSN": dst})
    assert definitions(dst) == before


# ---------------------------------------------------------------------------------- partitioned FKs

PARTITIONED_SQL = """
CREATE TABLE customer (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE region (code int PRIMARY KEY, label text);
CREATE TABLE payment (id int NOT NULL, paid_on date NOT NULL, customer_id int NOT NULL, region int,
                      amount numeric(8, 2) NOT NULL, PRIMARY KEY (id, paid_on)) PARTITION BY RANGE (paid_on);
CREATE TABLE payment_early PARTITION OF payment FOR VALUES FROM ('2015-01-01') TO ('2020-01-01');
CREATE TABLE payment_late PARTITION OF payment FOR VALUES FROM ('2020-01-01') TO ('2026-01-01');
-- declared on the partitioned table: PostgreSQL refuses to add these NOT VALID
ALTER TABLE payment ADD CONSTRAINT payment_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);
ALTER TABLE payment ADD CONSTRAINT payment_region_fk FOREIGN KEY (region) REFERENCES region (code) ON DELETE SET NULL;
CREATE INDEX payment_customer_idx ON payment (customer_id);
CREATE TABLE refund (id serial PRIMARY KEY, payment_id int NOT NULL, paid_on date NOT NULL,
                     FOREIGN KEY (payment_id, paid_on) REFERENCES payment (id, paid_on));
"""


def test_foreign_keys_on_a_partitioned_table_with_jobs_2(sql_project):
    _src, dst = sql_project(PARTITIONED_SQL, "sqlsynth_pfk")
    run(["make-tables"])
    run(["generate-config", "--no-fit", "--no-rules"])
    run(["create-tables"])
    before = definitions(dst)
    assert any(c[1] == "payment_customer_fk" for c in before["constraints"])
    run(["create-data", "--num-passes", "400", "--jobs", "2", "--chunk-rows", "90", "--defer-constraints"])
    after = definitions(dst)
    assert after["constraints"] == before["constraints"]  # every constraint back, validated
    assert all(c[3] for c in after["constraints"])
    assert after["indexes"] == before["indexes"]
    with psycopg.connect(dst) as conn:
        assert conn.execute("SELECT count(*) FROM payment").fetchone()[0] == 400
        assert conn.execute("SELECT count(*) FROM payment p LEFT JOIN customer c ON c.id = p.customer_id "
                            "WHERE c.id IS NULL").fetchone()[0] == 0
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute("INSERT INTO payment VALUES (100000, '2016-02-02', 999999, NULL, 1)")
    # and after a failure in the same situation, restored
    run(["remove-data", "--yes"])
    with psycopg.connect(dst, autocommit=True) as conn:
        conn.execute("CREATE UNIQUE INDEX refund_breaker ON refund (paid_on)")  # the generated rows break it
    before = definitions(dst)
    res = run(["create-data", "--num-passes", "400", "--jobs", "2", "--chunk-rows", "90"], code=1)
    assert "refund_breaker" in res.stderr and "the destination was restored" in res.stderr, res.stderr
    assert definitions(dst) == before

