"""Chunked and parallel loads (create-data --jobs N, compile --split), deferred constraints,
restoring the destination after a failure, the progress display, constant memory."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from sqlsynth import api
from sqlsynth.cli import main
from sqlsynth.compile.chunks import chunk_bounds, chunk_count, split_program
from sqlsynth.compile.program import compile_plan, insert_sql
from sqlsynth.errors import ExecutionError
from sqlsynth.execute.progress import Progress
from sqlsynth.settings import Settings

GENERATED = ["actor", "address", "category", "city", "country", "customer", "film", "film_actor",
             "film_category", "inventory", "language", "payment", "rental", "staff", "store"]


def run(args: list[str], env: dict | None = None, ok: bool = True):
    res = CliRunner(env=env).invoke(main, args, catch_exceptions=False)
    if ok:
        assert res.exit_code == 0, res.output
    return res


def table_hashes(dsn: str) -> dict[str, tuple[int, str]]:
    """Row count and an ordered md5 of every generated table."""
    with psycopg.connect(dsn) as conn:
        return {t: conn.execute(
            f'SELECT count(*), md5(coalesce(string_agg(x::text, \'|\' ORDER BY x::text), \'\')) FROM "{t}" x'
        ).fetchone() for t in GENERATED}


def catalog(dsn: str) -> dict[str, list]:
    """Every constraint (definition, validated) and index of the public schema, and the sequences' state."""
    with psycopg.connect(dsn) as conn:
        cons = conn.execute("""
            SELECT r.relname::text, c.conname::text, c.contype::text, pg_get_constraintdef(c.oid), c.convalidated
            FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
            WHERE n.nspname = 'public' ORDER BY 1, 2""").fetchall()
        idx = conn.execute("SELECT tablename::text, indexname::text, indexdef FROM pg_indexes "
                           "WHERE schemaname = 'public' ORDER BY 1, 2").fetchall()
        seqs = []
        for (name,) in conn.execute("SELECT sequencename::text FROM pg_sequences WHERE schemaname = 'public' "
                                    "ORDER BY 1").fetchall():
            seqs.append((name,) + tuple(conn.execute(f'SELECT last_value, is_called FROM "{name}"').fetchone()))
    return {"constraints": cons, "indexes": idx, "sequences": seqs}


def row_total(dsn: str) -> int:
    with psycopg.connect(dsn) as conn:
        return sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in GENERATED)


@pytest.fixture
def pagila(tmp_path, monkeypatch, pagila_src, make_db):
    """orm.yaml/config.yaml reflected from Pagila in tmp_path, and a factory of empty destinations."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("SRC_SCHEMA", "public")
    monkeypatch.delenv("DST_DSN", raising=False)
    run(["make-tables"])
    run(["generate-config", "--no-fit"])

    def destination() -> str:
        dst = make_db("sqlsynth_par")
        run(["create-tables"], env={"DST_DSN": dst})
        return dst

    return destination


def test_chunk_bounds_cover_every_row_once():
    for rows in (1, 2, 7, 100, 1001, 250_000):
        for size in (1, 3, 70, 100_000):
            n = chunk_count(rows, size)
            got = [chunk_bounds(rows, n, j) for j in range(n)]
            assert got[0][0] == 1 and got[-1][1] == rows
            assert all(b[0] == a[1] + 1 for a, b in zip(got, got[1:]))
            assert all(hi - lo + 1 <= size for lo, hi in got)
    assert chunk_count(0, 10) == 0


def test_chunk_statements_are_the_compiled_insert_over_their_range():
    root = Path(__file__).resolve().parent.parent / "sqlsynth" / "examples" / "pagila"
    plan = api.plan_load(str(root / "orm.yaml"), str(root / "config.yaml"), num_passes=1000, seed=7)
    prog = compile_plan(plan)
    phases = split_program(prog, plan, 300)
    assert len(phases.groups) == 15 and all(g.count == 4 and g.insert.lo == 1 for g in phases.groups)
    for g in phases.groups:
        for j in range(g.count):
            lo, hi = g.bounds(j)
            assert g.sql(j) == insert_sql(plan, plan.tables[g.table], lo, hi)
    # one chunk: the compiled statement itself
    whole = split_program(prog, plan, 1000)
    inserts = [s.sql for s in prog.steps if s.kind == "insert"]
    assert [g.sql(0) for g in whole.groups] == inserts
    # and the one-transaction program is the original, inserts split
    kinds = [s.kind for s in phases.program().steps]
    assert kinds.count("insert") == 60 and len(kinds) == len(prog.steps) + 45


def test_jobs_2_is_byte_identical_to_jobs_1_and_constraints_are_restored_and_validated(pagila):
    one, two, deferred = pagila(), pagila(), pagila()
    before = catalog(two)
    run(["create-data", "--num-passes", "300", "--seed", "7"], env={"DST_DSN": one})
    expected = table_hashes(one)
    assert all(n == 300 for n, _ in expected.values())

    # 300 rows in chunks of at most 70: every table is split into 5 chunks, 2 connections
    res = run(["create-data", "--num-passes", "300", "--seed", "7", "--jobs", "2", "--chunk-rows", "70"],
              env={"DST_DSN": two})
    assert "generated 4500 rows" in res.output
    assert table_hashes(two) == expected
    # one transaction, but FKs (and indexes) dropped and re-added around the chunks
    run(["create-data", "--num-passes", "300", "--seed", "7", "--chunk-rows", "70", "--defer-constraints"],
        env={"DST_DSN": deferred})
    assert table_hashes(deferred) == expected

    reference = catalog(one)
    for dsn in (two, deferred):
        after = catalog(dsn)
        # every constraint and index is back, with the same definition, and validated
        assert after["constraints"] == reference["constraints"]
        assert after["indexes"] == reference["indexes"] == before["indexes"]
        assert all(c[4] for c in after["constraints"])
        assert [c[:4] for c in after["constraints"]] == [c[:4] for c in before["constraints"]]
        assert after["sequences"] == reference["sequences"]  # setval after the generated keys
    with psycopg.connect(two) as conn:
        assert conn.execute("SELECT nextval(pg_get_serial_sequence('actor', 'actor_id'))").fetchone()[0] == 301
        # and the foreign keys are enforced again
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute("INSERT INTO city (city, country_id) VALUES ('x', 32000)")


def test_parallel_without_deferred_constraints_schedules_children_after_parents(pagila):
    one, two = pagila(), pagila()
    run(["create-data", "--num-passes", "200", "--seed", "3"], env={"DST_DSN": one})
    before = catalog(two)
    run(["create-data", "--num-passes", "200", "--seed", "3", "--jobs", "2", "--chunk-rows", "60",
         "--no-defer-constraints"], env={"DST_DSN": two})
    assert table_hashes(two) == table_hashes(one)
    after = catalog(two)
    assert [c[:4] for c in after["constraints"]] == [c[:4] for c in before["constraints"]]
    assert all(c[4] for c in after["constraints"])


def test_compile_split_scripts_run_by_psql_in_the_documented_order_give_the_same_data(pagila, tmp_path):
    one, manual, script = pagila(), pagila(), pagila()
    run(["create-data", "--num-passes", "150", "--seed", "5"], env={"DST_DSN": one})
    expected = table_hashes(one)
    out = tmp_path / "split"
    run(["compile", "--num-passes", "150", "--seed", "5", "--split", str(out), "--jobs", "3", "--chunk-rows", "40"])
    chunks = sorted((out / "chunks").glob("*.sql"))
    assert len(chunks) == 15 * 4
    for f in [out / "00-prologue.sql", out / "99-epilogue.sql", out / "rollback.sql", chunks[0]]:
        text = f.read_text()
        assert text.startswith("-- sqlsynth split load program")
        assert "00-prologue.sql" in text and "99-epilogue.sql" in text and "rollback.sql" in text
    assert "xargs -P 3" in chunks[0].read_text()

    def psql(dsn: str, f: Path) -> None:
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dsn, "-f", str(f)], check=True,
                       stdout=subprocess.DEVNULL)

    # by hand: the prologue, the chunks in reverse order (any order works), the epilogue
    psql(manual, out / "00-prologue.sql")
    with psycopg.connect(manual) as conn:  # the prologue dropped every foreign key
        assert conn.execute("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND "
                            "connamespace = 'public'::regnamespace").fetchone()[0] == 0
    for f in reversed(chunks):
        psql(manual, f)
    psql(manual, out / "99-epilogue.sql")
    assert table_hashes(manual) == expected
    assert catalog(manual) == catalog(one)

    # run.sh: the same, with 3 psql sessions at a time
    subprocess.run(["sh", str(out / "run.sh"), "3"], check=True, env={**os.environ, "DST_DSN": script},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert table_hashes(script) == expected
    assert catalog(script) == catalog(one)


def test_split_rollback_script_restores_the_destination(pagila, tmp_path):
    dst = pagila()
    before = catalog(dst)
    out = tmp_path / "split"
    run(["compile", "--num-passes", "50", "--seed", "5", "--split", str(out), "--chunk-rows", "20"])
    psql = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dst, "-f"]
    subprocess.run(psql + [str(out / "00-prologue.sql")], check=True, stdout=subprocess.DEVNULL)
    for f in sorted((out / "chunks").glob("*.sql"))[:10]:  # a partial load, then a failure
        subprocess.run(psql + [str(f)], check=True, stdout=subprocess.DEVNULL)
    assert row_total(dst) > 0
    subprocess.run(psql + [str(out / "rollback.sql")], check=True, stdout=subprocess.DEVNULL)
    assert row_total(dst) == 0
    assert catalog(dst) == before


class _Killer(threading.Thread):
    """Terminates the backend running an INSERT into `table` in database `dsn`, once."""

    def __init__(self, dsn: str, table: str):
        super().__init__(daemon=True)
        self.dsn, self.table = dsn, table
        self.killed: str | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        dbname = psycopg.conninfo.conninfo_to_dict(self.dsn)["dbname"]
        with psycopg.connect(self.dsn, autocommit=True) as conn:
            while not self.stop.is_set():
                row = conn.execute(
                    "SELECT pid, left(query, 60) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid() "
                    "AND state = 'active' AND query LIKE %s LIMIT 1",
                    [dbname, f'INSERT INTO "public"."{self.table}"%']).fetchone()
                if row:
                    time.sleep(0.05)  # well inside the statement
                    conn.execute("SELECT pg_terminate_backend(%s)", [row[0]])
                    self.killed = row[1]
                    return
                time.sleep(0.01)


@pytest.mark.parametrize("jobs", [1, 2])
def test_killed_backend_leaves_the_destination_as_it_was(pagila, jobs):
    dst = pagila()
    before = catalog(dst)
    killer = _Killer(dst, "film")  # film comes after 6 committed tables and takes seconds
    killer.start()
    try:
        with pytest.raises(ExecutionError) as err:
            api.create_data(Settings(dst_dsn=dst), num_passes=8000, seed=1, jobs=jobs, chunk_rows=2000,
                            defer_constraints=True)
    finally:
        killer.stop.set()
        killer.join()
    assert killer.killed, "the load finished before the backend could be terminated"
    msg = str(err.value)
    # the server's own words ("terminating connection ...") or, when the socket closes first,
    # libpq's ("server closed the connection unexpectedly"): both name the killed table
    assert ("terminat" in msg or "closed the connection" in msg) and "film" in msg
    assert ("nothing was written" in msg) if jobs == 1 else ("the destination was restored" in msg)
    assert row_total(dst) == 0
    assert catalog(dst) == before
    with psycopg.connect(dst) as conn:  # no session left behind
        assert conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                            "AND pid <> pg_backend_pid()").fetchone()[0] == 0
    # and the next run works
    api.create_data(Settings(dst_dsn=dst), num_passes=30, seed=1, jobs=jobs, chunk_rows=7)
    assert row_total(dst) == 15 * 30


def test_failure_while_re_creating_constraints_restores_the_destination(pagila, monkeypatch):
    """A VALIDATE failing after every FK was re-added NOT VALID: tables emptied, every constraint
    present and validated, sequences untouched."""
    from sqlsynth.execute import parallel

    dst = pagila()
    before = catalog(dst)
    real = parallel.ParallelLoad._run_task

    def failing(self, conn, task):
        if task.kind == "validate":
            conn.execute("SELECT 1 / 0")
        return real(self, conn, task)

    monkeypatch.setattr(parallel.ParallelLoad, "_run_task", failing)
    with pytest.raises(ExecutionError, match="division by zero.*the destination was restored"):
        api.create_data(Settings(dst_dsn=dst), num_passes=50, seed=1, jobs=2, chunk_rows=20)
    assert row_total(dst) == 0
    assert catalog(dst) == before


def test_duplicate_key_found_when_keys_are_rebuilt_fails_the_load_and_restores(pagila):
    """Indexes dropped for the load are checked when rebuilt: a unique index orm.yaml does not know
    (so the generated rows break it) fails the load with its name, and the destination is restored."""
    dst = pagila()
    with psycopg.connect(dst) as conn:
        conn.execute("CREATE UNIQUE INDEX extra_uq ON film (rental_duration)")
    before = catalog(dst)
    for jobs in (1, 2):
        with pytest.raises(ExecutionError) as err:
            api.create_data(Settings(dst_dsn=dst), num_passes=40, seed=1, jobs=jobs, chunk_rows=15,
                            defer_constraints=True)
        assert "extra_uq" in str(err.value)
        assert row_total(dst) == 0
        assert catalog(dst) == before


def test_ctrl_c_during_a_parallel_load_restores_the_destination(pagila):
    dst = pagila()
    before = catalog(dst)
    proc = subprocess.Popen(
        [sys.executable, "-m", "sqlsynth.cli", "create-data", "--num-passes", "8000", "--jobs", "2",
         "--chunk-rows", "2000"], env={**os.environ, "DST_DSN": dst}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    dbname = psycopg.conninfo.conninfo_to_dict(dst)["dbname"]
    with psycopg.connect(dst, autocommit=True) as conn:  # wait until film is being inserted
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not conn.execute(
                "SELECT 1 FROM pg_stat_activity WHERE datname = %s AND query LIKE 'INSERT INTO \"public\".\"film\"%%' "
                "AND state = 'active'", [dbname]).fetchone():
            time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert "interrupted; the destination was restored" in err
    assert row_total(dst) == 0
    assert catalog(dst) == before


def test_progress_is_quiet_when_not_a_tty():
    buf = io.StringIO()
    p = Progress("create-data", [("actor", 100), ("film", 200)], stream=buf)
    p.advance("actor", 100, 0.1)
    p.advance("film", 100, 0.1)
    p.phase("re-creating 3 constraints")
    p.advance("film", 100, 0.1)
    assert buf.getvalue() == ""
    p.close()
    lines = buf.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("create-data: 300 rows in 2 tables in ")
    assert "\x1b" not in buf.getvalue() and "\r" not in buf.getvalue()


def test_progress_on_a_terminal_updates_in_place():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    buf = Tty()
    p = Progress("create-data", [("actor", 100), ("film", 200)], stream=buf, refresh=0)
    p.advance("film", 100, 0.5)
    text = buf.getvalue()
    assert "film" in text and "100/200" in text and "rows/s" in text and "ETA" in text
    p.advance("film", 100, 0.5)
    assert "\x1b[" in buf.getvalue()  # the live block is redrawn in place
    assert "✓ film" in buf.getvalue()  # a finished table leaves a line
    p.close()
    last = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", buf.getvalue().rstrip().splitlines()[-1])  # after the erased block
    assert last.startswith("create-data: 200 rows in 2 tables")


def test_create_data_prints_only_the_summary_without_a_tty(pagila):
    dst = pagila()
    res = run(["create-data", "--num-passes", "20", "--jobs", "2", "--chunk-rows", "7"], env={"DST_DSN": dst})
    err = res.stderr if res.stderr_bytes is not None else res.output
    progress_lines = [x for x in err.splitlines() if x.startswith("create-data:")]
    assert len(progress_lines) == 1 and "300 rows in 15 tables" in progress_lines[0]
    assert "\x1b" not in res.output


def _wide_project(tmp_path: Path, rows: int) -> tuple[str, str]:
    """orm.yaml + config.yaml: one table of a few column types with `rows` rows."""
    orm = tmp_path / "orm.yaml"
    orm.write_text("""schema: public
tables:
  big:
    columns:
      id: {type: bigint, nullable: false, primary: true, serial: true}
      name: {type: character varying(40), nullable: false}
      amount: {type: "numeric(8,2)"}
      at: {type: timestamp without time zone}
    primary_key: {name: big_pkey, columns: [id]}
""")
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"tables:\n  big:\n    rows: {rows}\n")
    return str(orm), str(cfg)


def test_memory_does_not_grow_with_the_row_count(tmp_path):
    """Compiling and walking every chunk statement of a 50M-row load holds one statement at a time."""
    orm, cfg = _wide_project(tmp_path, 50_000_000)
    plan = api.plan_load(orm, cfg)
    prog = compile_plan(plan)
    tracemalloc.start()
    phases = split_program(prog, plan, 100_000)
    steps = phases.program().steps
    n = total = 0
    for s in steps:
        n += 1
        total += s.rows
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n >= 500 and total == 50_000_000
    assert peak < 2_000_000, peak
