"""The embedded PostgreSQL (sqlsynth/embedded.py) on the real server: the default destination,
`sqlsynth db url/psql/status/stop`, and `sqlsynth example pagila`.

Commands run as a user runs them: the installed console script, in a temporary working
directory, with no SRC_DSN/DST_DSN and PGHOST/PGPORT pointing at nothing, so that nothing but
the embedded server can answer. Two working directories, so two servers (a few seconds each).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest

from sqlsynth.embedded import Embedded
from sqlsynth.errors import SqlsynthError

SQLSYNTH = Path(sys.executable).parent / "sqlsynth"
PAGILA = Path(__file__).resolve().parent.parent / "sqlsynth" / "examples" / "pagila"
INPUTS = ["--orm-file", str(PAGILA / "orm.yaml"), "--config-file", str(PAGILA / "config.yaml")]
STARTED = "started embedded PostgreSQL 18 in ./.sqlsynth/postgres (sqlsynth db stop stops it)"
SETTINGS = ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA", "SQLSYNTH_TEST_DSN", "PGHOSTADDR", "PGSERVICE")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.upper() not in SETTINGS}
    env.update(PGHOST="/nonexistent", PGPORT="1", PGUSER="nobody", PGDATABASE="nothing")
    return env


def sqlsynth(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(SQLSYNTH), *args], cwd=cwd, env={**_env(), **(env or {})}, capture_output=True,
                          text=True, timeout=600, stdin=subprocess.DEVNULL)


def ok(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    proc = sqlsynth(cwd, *args)
    assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    return proc


def one_error(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    proc = sqlsynth(cwd, *args, env=env)
    assert proc.returncode == 1, (args, proc.stdout, proc.stderr)
    [line] = proc.stderr.splitlines()
    assert line.startswith("sqlsynth: error: ")
    return line


def count(dsn: str, table: str = "rental") -> int:
    with psycopg.connect(dsn) as conn:
        return conn.execute(f"SELECT count(*) FROM public.{table}").fetchone()[0]


def _workdir(mode: int) -> Path:
    d = Path(tempfile.mkdtemp(prefix="sqlsynth-embedded-test-"))
    d.chmod(mode)
    return d


def _teardown(d: Path) -> None:
    try:
        Embedded(d / ".sqlsynth").stop()
    except SqlsynthError:
        pass  # not running
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="module")
def work():
    d = _workdir(0o755)
    yield d
    _teardown(d)


def test_without_dst_dsn_the_load_lands_in_the_embedded_server(work):
    proc = sqlsynth(work, "db", "status")
    assert proc.returncode == 3 and "no embedded PostgreSQL in ./.sqlsynth/postgres yet" in proc.stdout
    assert one_error(work, "db", "stop") == ("sqlsynth: error: no embedded PostgreSQL in ./.sqlsynth/postgres "
                                             "(it is made on first use)")

    first = ok(work, "create-tables", *INPUTS)
    assert first.stderr.splitlines() == [STARTED]
    pid = Embedded(work / ".sqlsynth").status().pid
    second = ok(work, "create-data", *INPUTS, "--num-passes", "7", "--seed", "3")
    assert STARTED not in second.stderr  # the running server is reused
    assert Embedded(work / ".sqlsynth").status().pid == pid

    dsn = ok(work, "db", "url").stdout.strip()
    assert dsn.startswith("postgresql://postgres@/sqlsynth?host=")
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT count(*) FROM rental").fetchone() == (7,)
        assert conn.execute("SELECT current_setting('server_version_num')::int / 10000").fetchone() == (18,)
        assert Path(conn.execute("SHOW data_directory").fetchone()[0]) == work / ".sqlsynth" / "postgres"
        assert conn.execute("SHOW listen_addresses").fetchone() == ("",)  # no TCP at all

    ok(work, "remove-data", *INPUTS, "--yes")
    assert count(dsn) == 0
    ok(work, "remove-tables", *INPUTS, "--yes")
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT to_regclass('public.rental')").fetchone() == (None,)

    # the default destination is guarded like DST_DSN: the source there is refused
    for command in (["create-tables"], ["remove-tables", "--yes"]):
        line = one_error(work, *command, *INPUTS, env={"SRC_DSN": dsn})
        assert "refusing" in line and "source database" in line, line
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT to_regclass('public.rental')").fetchone() == (None,)


def test_db_url_psql_status_stop(work):
    dsn = ok(work, "db", "url", "other db").stdout.strip()  # made if missing
    assert "%20" in dsn
    again = ok(work, "db", "url", "other db")
    assert again.stdout.strip() == dsn and "created database" not in again.stderr
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT current_database()").fetchone() == ("other db",)
        conn.execute("CREATE TABLE kept (x int)")

    status = ok(work, "db", "status").stdout
    st = Embedded(work / ".sqlsynth").status()
    assert st.running and st.version.startswith("18.")
    assert f"running, pid {st.pid}, port {st.port}" in status and f"port={st.port}" in dsn

    psql = ok(work, "db", "psql", "other db", "-At", "-c", "select 6 * 7, current_user")
    assert psql.stdout.strip() == "42|postgres"

    assert ok(work, "db", "stop").stdout.strip() == "stopped the embedded PostgreSQL in ./.sqlsynth/postgres"
    proc = sqlsynth(work, "db", "status")
    assert proc.returncode == 3 and "not running" in proc.stdout
    assert one_error(work, "db", "stop") == ("sqlsynth: error: the embedded PostgreSQL in ./.sqlsynth/postgres "
                                             "is not running")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(dsn, connect_timeout=3)

    restarted = ok(work, "db", "url", "other db")  # the next command starts it again, same data, same DSN
    assert restarted.stderr.splitlines() == [STARTED] and restarted.stdout.strip() == dsn
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT to_regclass('kept') IS NOT NULL").fetchone() == (True,)


def test_example_pagila(work):
    out = ok(work, "example", "pagila", "--num-passes", "20", "--seed", "5").stdout
    assert "sqlsynth db psql pagila_synthetic -c 'select count(*) from rental'" in out
    assert "export SRC_DSN=$(sqlsynth db url pagila)" in out
    [rental_line] = [line for line in out.splitlines() if line.startswith("rental ")]
    assert rental_line.split() == ["rental", "16044", "20"]
    src = ok(work, "db", "url", "pagila").stdout.strip()
    synth = ok(work, "db", "url", "pagila_synthetic").stdout.strip()
    assert (count(src), count(synth)) == (16044, 20)
    psql = ok(work, "db", "psql", "pagila_synthetic", "-At", "-c", "select count(*) from rental")
    assert psql.stdout.strip() == "20"

    again = ok(work, "example", "pagila", "--num-passes", "20", "--seed", "5").stdout  # the same: nothing to do
    assert "already loaded, kept" in again and "already generated with these options, kept" in again
    line = one_error(work, "example", "pagila", "--num-passes", "30", "--seed", "5")
    assert "was built with --num-passes 20 --seed 5" in line and "--force" in line
    assert count(synth) == 20

    ok(work, "example", "pagila", "--num-passes", "30", "--seed", "5", "--force")
    assert (count(src), count(synth)) == (16044, 30)

    # a database of that name that the example did not make is not replaced without --force
    with psycopg.connect(ok(work, "db", "url", "postgres").stdout.strip(), autocommit=True) as conn:
        conn.execute("DROP DATABASE pagila_synthetic WITH (FORCE)")
        conn.execute("CREATE DATABASE pagila_synthetic")
        conn.execute("COMMENT ON DATABASE pagila_synthetic IS 'mine'")
    line = one_error(work, "example", "pagila", "--num-passes", "30", "--seed", "5")
    assert "was not made by `sqlsynth example pagila`" in line
    with psycopg.connect(ok(work, "db", "url", "postgres").stdout.strip()) as conn:
        note = conn.execute("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                            "WHERE datname = 'pagila_synthetic'").fetchone()
        assert note == ("mine",)
        assert conn.execute("SELECT count(*) FROM pg_database WHERE datname LIKE '%building'").fetchone() == (0,)


STORY_ORM = "tables:\n  t:\n    columns:\n      i: {type: integer, primary: true}\n      v: {type: integer}\n"
STORY_CONFIG = ("story_generators_module: mystories\nstory_generators:\n  - name: mystories.story\n"
                "    num_stories_per_pass: 2\ntables:\n  t:\n    num_rows_per_pass: 0\n")
STORY_PY = 'def story():\n    row = yield "t", {"v": 41}\n    yield "t", {"v": row["v"] + 1}\n'


def test_compile_runs_stories_against_the_embedded_server(work):
    """compile with story generators needs a destination to run them in (rolled back): the default one."""
    for name, text in (("orm.yaml", STORY_ORM), ("config.yaml", STORY_CONFIG), ("mystories.py", STORY_PY)):
        (work / name).write_text(text, encoding="utf-8")
    ok(work, "create-tables")
    ok(work, "compile", "--seed", "1", "-o", "load.sql")
    script = (work / "load.sql").read_text(encoding="utf-8")
    block = script.split('COPY "public"."t" ("i", "v") FROM STDIN;\n', 1)[1].split("\\.", 1)[0]
    assert sorted(int(line.split("\t")[1]) for line in block.splitlines()) == [41, 41, 42, 42]
    dsn = ok(work, "db", "url").stdout.strip()
    assert count(dsn, "t") == 0  # the stories ran in a transaction that was rolled back
    ok(work, "remove-tables", "--yes")


def test_concurrent_first_uses_start_one_server():
    d = _workdir(0o700)  # as root, the server's account needs the search bit on it: given, and said
    try:
        procs = [subprocess.Popen([str(SQLSYNTH), "db", "url", f"db{i}"], cwd=d, env=_env(), text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
                 for i in range(3)]
        results = [(p.wait(timeout=600), *p.communicate()) for p in procs]
        assert [rc for rc, _out, _err in results] == [0, 0, 0], results
        stderr = [line for _rc, _out, err in results for line in err.splitlines()]
        assert stderr.count(STARTED) == 1
        assert len({out.split("?", 1)[1] for _rc, out, _err in results}) == 1  # one socket, one port
        if os.geteuid() == 0:
            assert d.stat().st_mode & stat.S_IXOTH and not d.stat().st_mode & stat.S_IROTH
            assert any(line.startswith("note: gave others the search permission (o+x) on ") and str(d) in line
                       for line in stderr)
        for _rc, out, _err in results:
            with psycopg.connect(out.strip()) as conn:
                assert conn.execute("SELECT pg_postmaster_start_time() IS NOT NULL").fetchone() == (True,)
        psql = ok(d, "db", "psql", "-At", "-c", "select current_database()")  # the default database, made
        assert psql.stdout.strip() == "sqlsynth"
        assert psql.stderr.splitlines() == ["created database sqlsynth in the embedded PostgreSQL"]
    finally:
        _teardown(d)
