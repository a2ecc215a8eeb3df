"""compile --split: no password on any command line, Ctrl-C in any phase rolls back, a cut script
never reports success, and the rollback deletes only what the load wrote."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import psycopg
import pytest

from sqlsynth.compile.runsh import DSN_AWK
from test_journal import definitions, rows_of
from test_parallel import pagila, run, table_hashes  # noqa: F401 - pagila is a fixture

PASSWORD = "Hunter2-sqlsynth-Secret"


def with_password(dsn: str) -> str:
    """The same DSN with a password (the test server trusts; libpq sends it only if asked)."""
    return dsn.replace("://root@", f"://root:{PASSWORD}@", 1)


def compile_split(tmp_path: Path, passes: int = 200, chunk_rows: int = 50) -> Path:
    out = tmp_path / f"split{passes}"
    run(["compile", "--num-passes", str(passes), "--seed", "5", "--split", str(out), "--chunk-rows", str(chunk_rows)])
    return out


def start_run_sh(out: Path, dst: str, jobs: int = 2) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["DST_DSN"] = with_password(dst)
    return subprocess.Popen(["sh", str(out / "run.sh"), str(jobs)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def load_sessions(dst: str) -> list[tuple[str, str, str]]:
    with psycopg.connect(dst, autocommit=True) as conn:
        return conn.execute(
            "SELECT application_name, coalesce(wait_event_type, ''), left(query, 80) FROM pg_stat_activity "
            "WHERE datname = current_database() AND application_name LIKE 'sqlsynth split %%' "
            "AND application_name NOT LIKE 'sqlsynth split control'").fetchall()


def committed_chunks(dst: str) -> int:
    with psycopg.connect(dst, autocommit=True) as conn:
        if conn.execute("SELECT to_regclass('sqlsynth_journal.xacts')").fetchone()[0] is None:
            return 0
        return conn.execute("SELECT count(*) FROM sqlsynth_journal.xacts").fetchone()[0]


def wait_until(predicate, timeout: float = 120, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"run.sh ended first: {proc.communicate()}")
        time.sleep(0.02)
    raise AssertionError("timed out")


# ---------------------------------------------------------------------------------- no password in argv

class _ArgvWatcher(threading.Thread):
    """Reads every process's command line (/proc/*/cmdline, what `ps` shows) as often as it can."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.leaks: list[str] = []
        self.psql_seen = 0
        self.samples = 0

    def run(self) -> None:
        while not self.stop.is_set():
            for pid in os.listdir("/proc"):
                if not pid.isdigit():
                    continue
                try:
                    argv = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
                except OSError:
                    continue
                if PASSWORD in argv:
                    self.leaks.append(argv)
                if "psql" in argv and ".sql" in argv:
                    self.psql_seen += 1
            self.samples += 1


def test_no_password_on_any_command_line_during_a_split_load(pagila, tmp_path):
    one, dst = pagila(), pagila()
    run(["create-data", "--num-passes", "400", "--seed", "5"], env={"DST_DSN": one})
    out = compile_split(tmp_path, passes=400, chunk_rows=60)
    assert not any(PASSWORD in f.read_text() for f in out.rglob("*") if f.is_file())
    watcher = _ArgvWatcher()
    watcher.start()
    try:
        proc = start_run_sh(out, dst)
        _out, err = proc.communicate(timeout=600)
    finally:
        watcher.stop.set()
        watcher.join()
    assert proc.returncode == 0, err
    assert "load complete" in err
    assert watcher.psql_seen > 0 and watcher.samples > 10  # the watcher did see the load's processes
    assert watcher.leaks == []
    assert table_hashes(dst) == table_hashes(one)  # same seed, same rows through run.sh


DSNS = [
    "postgresql://root@127.0.0.1:5432/db",
    "postgres://u:p%40ss%3Aw0rd@h/db?sslmode=disable&application_name=x%20y",
    "postgresql://u:pa?ss@h:5/d",
    "postgresql://u:Hunter2Secret@[::1]:5433/d",
    "postgresql://%2Fvar%2Frun%2Fpostgresql/db",
    "postgresql://h1:1,h2:2/db",
    "postgresql:///db?host=/tmp&port=5",
    "postgresql://",
    "postgresql://u:@h/d",
    "postgresql://u:p%C3%A9%27%22%5C%24x@h/d",
    "host=127.0.0.1 dbname=x password='a \\'b\\' \\\\ c'",
    "  host = h   dbname=d password=p\\ q  ",
    "dbname=x password=\"dq\" options='-c search_path=a'",
    "postgresql://u:p%20q$(touch%20PWNED)%60touch%20PWNED%60@h/d",
    "host=h password='$(touch PWNED)`touch PWNED`;\n'",
]
LIBPQ_ENV = {"host": "PGHOST", "port": "PGPORT", "dbname": "PGDATABASE", "user": "PGUSER", "password": "PGPASSWORD",
             "sslmode": "PGSSLMODE", "application_name": "PGAPPNAME", "options": "PGOPTIONS"}


@pytest.mark.parametrize("awk", [a for a in ("gawk", "mawk", "busybox") if shutil.which(a)] or ["awk"])
def test_run_sh_reads_dst_dsn_as_libpq_does(awk, tmp_path):
    """run.sh's awk program gives psql the parameters libpq reads from DST_DSN (psycopg's parser is
    the reference), and nothing in a DSN is ever executed."""
    cmd = [awk] if awk != "busybox" else ["busybox", "awk"]
    script = f'_x=$(LC_ALL=C {" ".join(cmd)} "$P" </dev/null) || exit 9; eval "$_x"; env -0'
    for dsn in DSNS:
        want = {LIBPQ_ENV[k]: v for k, v in psycopg.conninfo.conninfo_to_dict(dsn).items() if v is not None}
        res = subprocess.run(["sh", "-c", script], env={"PATH": os.environ["PATH"], "DST_DSN": dsn, "P": DSN_AWK},
                             capture_output=True, cwd=tmp_path)
        assert res.returncode == 0, (dsn, res.stderr)
        got = dict(item.decode().split("=", 1) for item in res.stdout.split(b"\0") if item.startswith(b"PG"))
        assert got == want, dsn
    assert not (tmp_path / "PWNED").exists()
    res = subprocess.run(["sh", "-c", script], env={"PATH": os.environ["PATH"], "DST_DSN": "host=h sslfoo=1",
                                                     "P": DSN_AWK}, capture_output=True, text=True)
    assert res.returncode == 9 and 'parameter "sslfoo"' in res.stderr and "host=h" not in res.stderr


# ---------------------------------------------------------------------------------- Ctrl-C in any phase

@pytest.mark.parametrize("phase,blocked", [("prologue", "film"), ("chunks", "payment"), ("epilogue", "film")])
def test_ctrl_c_in_any_phase_runs_the_rollback(pagila, tmp_path, phase, blocked):
    """A session of the test holds a lock the phase needs, so run.sh is caught in that phase; then
    Ctrl-C (SIGINT to run.sh's process group, as a terminal sends it)."""
    dst = pagila()
    before = definitions(dst)
    out = compile_split(tmp_path)
    blocker = psycopg.connect(dst)
    if phase == "prologue":
        blocker.execute(f'LOCK TABLE "{blocked}" IN ACCESS SHARE MODE')  # blocks its DROP CONSTRAINT
    proc = start_run_sh(out, dst)
    try:
        if phase == "chunks":  # once the prologue committed: block the inserts into the last table
            wait_until(lambda: committed_chunks(dst) > 0, proc=proc)
            blocker.execute(f'LOCK TABLE "{blocked}" IN SHARE MODE')
            wait_until(lambda: any(w == "Lock" for _a, w, _q in load_sessions(dst)), proc=proc)
        elif phase == "epilogue":  # let the chunks finish, then hold the epilogue at film's primary key
            wait_until(lambda: committed_chunks(dst) > 0, proc=proc)
            blocker.execute(f'LOCK TABLE "{blocked}" IN ACCESS SHARE MODE')
            wait_until(lambda: any(w == "Lock" and "ALTER TABLE" in q for _a, w, q in load_sessions(dst))
                       or any(w == "Lock" and "check_chunks" in q for _a, w, q in load_sessions(dst)), proc=proc)
        else:
            wait_until(lambda: any(w == "Lock" for _a, w, _q in load_sessions(dst)), proc=proc)
        if phase == "chunks":  # another session commits a row meanwhile: the rollback keeps it
            with psycopg.connect(dst) as other:
                other.execute("INSERT INTO actor (actor_id, first_name, last_name) VALUES (100000, 'Other', 'S')")
        os.killpg(proc.pid, signal.SIGINT)
        time.sleep(0.5)
        blocker.rollback()  # the lock goes; the rollback may now lock the tables
        _out, err = proc.communicate(timeout=180)
    finally:
        blocker.close()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert f"interrupted in the {phase}" in err and "load complete" not in err, err
    assert "rollback.sql" in err, err
    after = definitions(dst)
    assert after["constraints"] == before["constraints"] and after["indexes"] == before["indexes"], err
    counts = rows_of(dst)
    if phase == "chunks":
        assert counts["actor"] == 1 and sum(counts.values()) == 1, counts
    else:
        assert sum(counts.values()) == 0, counts
        assert after["sequences"] == before["sequences"]


def test_sigterm_to_run_sh_alone_during_the_chunks(pagila, tmp_path):
    dst = pagila()
    before = definitions(dst)
    out = compile_split(tmp_path)
    blocker = psycopg.connect(dst)
    proc = start_run_sh(out, dst)
    try:
        wait_until(lambda: committed_chunks(dst) > 0, proc=proc)
        blocker.execute('LOCK TABLE "payment" IN SHARE MODE')
        wait_until(lambda: any(w == "Lock" for _a, w, _q in load_sessions(dst)), proc=proc)
        proc.send_signal(signal.SIGTERM)  # only the sh process: its psql children must be stopped by it
        time.sleep(0.5)
        blocker.rollback()
        _out, err = proc.communicate(timeout=180)
    finally:
        blocker.close()
    assert proc.returncode == 130 and "interrupted in the chunks" in err, err
    wait_until(lambda: not load_sessions(dst), timeout=30)  # no psql of the load left running
    assert sum(rows_of(dst).values()) == 0
    assert definitions(dst) == before


# ---------------------------------------------------------------------------------- cut scripts

def _cut_before_commit(path: Path) -> None:
    text = path.read_text()
    assert text.rstrip().endswith("COMMIT;")
    path.write_text(text.rstrip()[: -len("COMMIT;")])


def _cut_mid_insert(path: Path) -> None:
    text = path.read_text()
    start = text.index("INSERT INTO")
    path.write_text(text[: start + (len(text) - start) // 2])


@pytest.mark.parametrize("cut", ["chunk before COMMIT", "chunk mid INSERT", "epilogue before COMMIT",
                                 "prologue before COMMIT"])
def test_a_cut_script_fails_the_load_and_never_reports_success(pagila, tmp_path, cut):
    dst = pagila()
    before = definitions(dst)
    out = compile_split(tmp_path)
    chunks = sorted((out / "chunks").glob("*.sql"))
    victim = chunks[len(chunks) // 2]
    if cut == "chunk before COMMIT":
        _cut_before_commit(victim)
    elif cut == "chunk mid INSERT":
        _cut_mid_insert(victim)
    elif cut == "epilogue before COMMIT":
        text = (out / "99-epilogue.sql").read_text()
        (out / "99-epilogue.sql").write_text(text[: text.index("COMMIT;")])
    else:
        text = (out / "00-prologue.sql").read_text()
        (out / "00-prologue.sql").write_text(text[: text.index("COMMIT;")])
    proc = start_run_sh(out, dst)
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1, err
    assert "load complete" not in err and "load failed" in err, err
    if cut == "chunk before COMMIT":
        assert victim.name in err and "did not commit" in err, err  # the epilogue names the missing chunk
    assert sum(rows_of(dst).values()) == 0
    assert definitions(dst) == before


def test_a_split_load_left_unfinished_is_refused_then_undone_by_sqlsynth_recover(pagila, tmp_path):
    """The scripts run by hand and abandoned after some chunks: every command refuses, naming
    `sqlsynth recover`, which undoes the load like rollback.sql."""
    from test_journal import refused_line

    dst = pagila()
    before = definitions(dst)
    out = compile_split(tmp_path)
    psql = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dst, "-f"]
    subprocess.run(psql + [str(out / "00-prologue.sql")], check=True, stdout=subprocess.DEVNULL)
    for f in sorted((out / "chunks").glob("*.sql"))[:7]:
        subprocess.run(psql + [str(f)], check=True, stdout=subprocess.DEVNULL)
    assert sum(rows_of(dst).values()) > 0
    for args in (["create-data", "--num-passes", "3"], ["remove-data", "--yes"], ["create-tables"]):
        line = refused_line(args, dst)
        assert "unfinished load (compile --split split200" in line and "sqlsynth recover" in line, line
    res = run(["recover"], env={"DST_DSN": dst})
    assert "deleted" in res.output
    assert sum(rows_of(dst).values()) == 0
    assert definitions(dst) == before
    # the same scripts run again later are the same load, started afresh
    proc = start_run_sh(out, dst)
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and "load complete" in err, err
