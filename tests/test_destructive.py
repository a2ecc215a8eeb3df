"""Destructive commands: remove-data, remove-vocab, remove-tables.

They ask for confirmation unless --yes (and refuse without a terminal), touch only the tables
of orm.yaml/config.yaml (a table made by hand in the destination survives, and an object of
ours that a hand-made one depends on is not dropped from under it), and refuse to run -- like
every command that writes -- when DST_DSN reaches the source database, however it is spelled.
A second create-data cannot double the rows.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
import yaml
from click.testing import CliRunner

from sqlsynth.cli import main
from sqlsynth.schema.io import dump_yaml

SQLSYNTH = Path(sys.executable).parent / "sqlsynth"

SOURCE_SQL = """
CREATE TYPE size AS ENUM ('s', 'm', 'l');
CREATE TABLE kind (id serial PRIMARY KEY, label text NOT NULL UNIQUE);
INSERT INTO kind (label) VALUES ('a'), ('b'), ('c');
CREATE TABLE item (id serial PRIMARY KEY, kind_id int NOT NULL REFERENCES kind, size size NOT NULL, note text);
CREATE TABLE tag (id serial PRIMARY KEY, item_id int REFERENCES item, name text);
CREATE TABLE skipped (id int PRIMARY KEY);
"""
OURS = {"kind", "item", "tag"}


def run(*args: str, code: int = 0, env: dict | None = None, input: str | None = None) -> str:
    res = CliRunner().invoke(main, list(args), env=env, input=input, catch_exceptions=False)
    assert "Traceback" not in res.output + res.stderr
    assert res.exit_code == code, (args, res.exit_code, res.output, res.stderr)
    return res.stdout + res.stderr


def counts(dsn: str, schema: str = "public") -> dict[str, int]:
    with psycopg.connect(dsn) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind IN ('r', 'p') ORDER BY 1", [schema])]
        return {t: conn.execute(f'SELECT count(*) FROM "{schema}"."{t}"').fetchone()[0] for t in names}


def types_in(dsn: str) -> set[str]:
    with psycopg.connect(dsn) as conn:
        return {r[0] for r in conn.execute("SELECT typname::text FROM pg_type t JOIN pg_namespace n ON "
                                           "n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'")}


@pytest.fixture
def loaded(tmp_path, sql_project):
    """Source and destination; kind is a vocabulary table, skipped is ignored; data loaded; plus a
    hand-made table (with a row) in the destination's schema."""
    src, dst = sql_project(SOURCE_SQL, "sqlsynth_dx")
    run("make-tables")
    run("generate-config", "--no-fit")
    data = yaml.safe_load(Path("config.yaml").read_text(encoding="utf-8"))
    data["tables"]["kind"]["vocabulary_table"] = True
    data["tables"]["skipped"]["ignore"] = True
    Path("config.yaml").write_text(dump_yaml(data), encoding="utf-8")
    run("make-vocab")
    run("create-tables")
    run("create-vocab")
    run("create-data", "--num-passes", "4")
    with psycopg.connect(dst) as conn:
        conn.execute("CREATE TABLE keep_me (x int)")
        conn.execute("INSERT INTO keep_me VALUES (42)")
        conn.execute("CREATE TABLE skipped (id int, note text)")  # same name as the ignored table
        conn.execute("INSERT INTO skipped VALUES (1, 'mine')")
    assert counts(dst) == {"item": 4, "kind": 3, "tag": 4, "keep_me": 1, "skipped": 1}
    return src, dst, tmp_path


# ---- confirmation ------------------------------------------------------------------------------------


def test_without_yes_and_without_a_terminal_nothing_is_removed(loaded):
    _src, dst, _tmp = loaded
    before = counts(dst)
    for command in ("remove-data", "remove-vocab", "remove-tables"):
        out = run(command, code=1, input="y\n")  # even an answer on a pipe is not a confirmation
        assert "confirmation needed" in out and "--yes" in out, out
    assert counts(dst) == before


def _on_a_terminal(cwd: Path, args: list[str], answer: str) -> tuple[int, str]:
    """Run the installed command with a pseudo-terminal as stdin/stdout/stderr; answer its prompt."""
    master, slave = os.openpty()
    proc = subprocess.Popen([str(SQLSYNTH), *args], cwd=cwd, stdin=slave, stdout=slave, stderr=slave,
                            env=os.environ.copy(), close_fds=True)
    os.close(slave)
    out, answered, deadline = b"", False, time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
            if not answered and b"Are you sure?" in out:
                os.write(master, answer.encode() + b"\n")
                answered = True
            if proc.poll() is not None and not ready:
                break
        code = proc.wait(timeout=60)
    finally:
        os.close(master)
    return code, out.decode(errors="replace")


@pytest.mark.parametrize("command", ["remove-data", "remove-vocab", "remove-tables"])
def test_on_a_terminal_it_asks_and_no_means_no(loaded, command):
    _src, dst, tmp = loaded
    before = counts(dst)
    code, out = _on_a_terminal(tmp, [command], "n")
    assert "Are you sure?" in out and code == 1 and "cancelled" in out, out
    assert "Traceback" not in out
    assert counts(dst) == before
    if command == "remove-vocab":
        run("remove-data", "--yes")  # vocabulary rows that generated rows refer to are kept (refused)
    code, out = _on_a_terminal(tmp, [command], "y")
    assert code == 0, out
    after = counts(dst)
    assert after["keep_me"] == 1 and after["skipped"] == 1
    if command == "remove-data":
        assert (after["item"], after["tag"], after["kind"]) == (0, 0, 3)  # vocabulary kept
    elif command == "remove-vocab":
        assert (after["kind"], after["item"]) == (0, 0)
    else:
        assert OURS.isdisjoint(after)


# ---- only our tables ---------------------------------------------------------------------------------


def test_only_the_tables_of_the_orm_are_touched(loaded):
    _src, dst, _tmp = loaded
    run("remove-data", "--yes")
    assert counts(dst) == {"item": 0, "kind": 3, "tag": 0, "keep_me": 1, "skipped": 1}
    run("create-data", "--num-passes", "2")
    run("remove-data", "--yes")
    run("remove-vocab", "--yes")
    assert counts(dst) == {"item": 0, "kind": 0, "tag": 0, "keep_me": 1, "skipped": 1}
    assert types_in(dst) == {"size"}
    run("remove-tables", "--yes")
    assert counts(dst) == {"keep_me": 1, "skipped": 1}  # the ignored table's namesake is not ours
    assert types_in(dst) == set()
    with psycopg.connect(dst) as conn:
        assert conn.execute("SELECT * FROM skipped").fetchall() == [(1, "mine")]


def test_an_object_that_depends_on_our_tables_stops_remove_tables(loaded):
    """A hand-made table with a foreign key to a generated table (and a view on one) is not broken:
    remove-tables refuses and drops nothing; remove-data refuses to empty a referenced table."""
    _src, dst, _tmp = loaded
    with psycopg.connect(dst) as conn:
        conn.execute("CREATE TABLE mine (item_id int REFERENCES item)")
        conn.execute("INSERT INTO mine VALUES (1)")
        conn.execute("CREATE VIEW my_view AS SELECT name FROM tag")
    before = counts(dst)
    out = run("remove-tables", "--yes", code=1)
    assert "remove-tables failed" in out and "depend" in out and "nothing was changed" in out, out
    assert counts(dst) == before
    out = run("remove-data", "--yes", code=1)
    assert "remove-data failed" in out and "nothing was changed" in out, out
    assert counts(dst) == before
    with psycopg.connect(dst) as conn:
        conn.execute("DROP TABLE mine")
        conn.execute("DROP VIEW my_view")
    run("remove-tables", "--yes")
    assert counts(dst) == {"keep_me": 1, "skipped": 1}


def test_second_create_data_cannot_double_the_rows(loaded):
    _src, dst, _tmp = loaded
    before = counts(dst)
    out = run("create-data", "--num-passes", "4", code=1)
    assert "already has rows" in out and "remove-data" in out
    assert counts(dst) == before


# ---- never into the source ---------------------------------------------------------------------------


def _spellings(src: str) -> list[str]:
    """The source database written differently: host name, default port, driver suffix, key=value,
    another user and a password (trust auth: any password works)."""
    db = src.rsplit("/", 1)[1]
    return [
        src,
        f"postgresql://root@localhost/{db}",
        f"postgresql://root@127.0.0.1:5432/{db}",
        f"postgresql+psycopg://someone:pw@localhost:5432/{db}",
        f"postgres://root@[::1]/{db}",
        f"host=127.0.0.1 port=5432 dbname={db} user=root",
        f"host=localhost dbname={db} password=x",
        f"postgresql:///{db}?host=/var/run/postgresql",
    ]


def test_refuses_when_dst_is_the_source_however_spelled(loaded):
    src, _dst, _tmp = loaded
    before, kinds = counts(src), types_in(src)
    for spelling in _spellings(src):
        env = {"DST_DSN": spelling, "DST_SCHEMA": "elsewhere"}  # another schema of the same database: refused too
        for command in (["create-tables"], ["create-data"], ["create-vocab"], ["remove-data", "--yes"],
                        ["remove-vocab", "--yes"], ["remove-tables", "--yes"],
                        ["remove-data"], ["remove-vocab"], ["remove-tables"]):  # refused before asking
            out = run(*command, code=1, env=env)
            assert "refusing" in out and "source database" in out, (spelling, command, out)
            assert "confirmation" not in out
    assert counts(src) == before and types_in(src) == kinds
    with psycopg.connect(src) as conn:
        assert conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname = 'elsewhere'").fetchone()[0] == 0


def test_another_database_on_the_same_server_is_not_the_source(loaded, make_db):
    src, _dst, _tmp = loaded
    other = make_db("sqlsynth_dx_other")
    db = other.rsplit("/", 1)[1]
    for spelling in (f"postgresql://root@localhost/{db}", f"host=127.0.0.1 dbname={db} user=root"):
        run("create-tables", env={"DST_DSN": spelling})
        run("remove-tables", "--yes", env={"DST_DSN": spelling})
    assert counts(src)["item"] == 0  # the source is untouched (it never had generated rows)


# ---- failure midway: everything rolls back -------------------------------------------------------

MIDWAY_SQL = """
CREATE TABLE a_parent (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE b_middle (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES a_parent, v int);
CREATE TABLE z_late (id bigserial PRIMARY KEY, middle_id int NOT NULL REFERENCES b_middle,
                     qty int NOT NULL CONSTRAINT qty_positive CHECK (qty > 0), note text, at timestamptz);
"""


def _fk_definitions(dsn: str) -> set[tuple[str, str]]:
    with psycopg.connect(dsn) as conn:
        return set(conn.execute("SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint "
                                "WHERE connamespace = 'public'::regnamespace").fetchall())


@pytest.fixture
def midway(tmp_path, sql_project):
    _src, dst = sql_project(MIDWAY_SQL, "sqlsynth_mw")
    run("make-tables")
    run("generate-config", "--no-fit")
    run("create-tables")
    return dst, tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sql_expression_breaking_a_check_in_a_late_table_rolls_everything_back(midway, jobs):
    dst, tmp = midway
    data = yaml.safe_load((tmp / "config.yaml").read_text(encoding="utf-8"))
    data["tables"]["z_late"]["row_generators"] = [
        {"name": "sqlsynth.sql", "columns_assigned": "qty", "kwargs": {"expression": "CASE WHEN _row > 40 THEN -1 ELSE 1 END"}}]
    (tmp / "config.yaml").write_text(dump_yaml(data), encoding="utf-8")
    fks = _fk_definitions(dst)
    run("validate-config")  # a valid config: only the database can tell
    proc = subprocess.run([str(SQLSYNTH), "create-data", "--num-passes", "50", "--jobs", jobs], cwd=tmp,
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL, env=os.environ.copy())
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    [line] = [x for x in proc.stderr.splitlines() if x.startswith("sqlsynth: error: ")]
    assert "z_late" in line and "tables.z_late" in line and "qty_positive" in line, line
    assert set(counts(dst).values()) == {0}  # a_parent and b_middle were written first: rolled back too
    assert _fk_definitions(dst) == fks
    data["tables"]["z_late"]["row_generators"] = []
    (tmp / "config.yaml").write_text(dump_yaml(data), encoding="utf-8")
    run("create-data", "--num-passes", "3")  # and the destination is usable as it was
    assert set(counts(dst).values()) == {3}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_connection_killed_mid_load_rolls_everything_back_without_a_traceback(midway, pg_server_dsn, jobs):
    """pg_terminate_backend from another connection while the big insert runs."""
    import threading

    dst, tmp = midway
    data = yaml.safe_load((tmp / "config.yaml").read_text(encoding="utf-8"))
    data["tables"]["z_late"]["rows"] = 3_000_000
    (tmp / "config.yaml").write_text(dump_yaml(data), encoding="utf-8")
    fks = _fk_definitions(dst)
    dbname = dst.rsplit("/", 1)[1]
    killed: list[int] = []
    stop = threading.Event()

    def killer() -> None:
        with psycopg.connect(pg_server_dsn, autocommit=True) as conn:
            while not stop.is_set() and not killed:
                row = conn.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s AND state = 'active' "
                    "AND query LIKE 'INSERT INTO \"public\".\"z_late\"%%' AND pid <> pg_backend_pid()",
                    [dbname]).fetchone()
                if row:
                    time.sleep(0.3)  # well inside the insert
                    if conn.execute("SELECT pg_terminate_backend(%s)", [row[0]]).fetchone()[0]:
                        killed.append(row[0])
                time.sleep(0.02)

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    try:
        proc = subprocess.run([str(SQLSYNTH), "create-data", "--num-passes", "50", "--jobs", jobs], cwd=tmp,
                              capture_output=True,
                              text=True, timeout=600, stdin=subprocess.DEVNULL, env=os.environ.copy())
    finally:
        stop.set()
        thread.join(timeout=30)
    assert killed, f"the insert was never seen running: {proc.stdout} {proc.stderr}"
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    [line] = [x for x in proc.stderr.splitlines() if x.startswith("sqlsynth: error: ")]
    assert "z_late" in line and "tables.z_late" in line, line
    # one transaction rolled back (--jobs 1), or committed chunks undone (--jobs N)
    assert "nothing was written" in line or "destination was restored" in line, line
    assert "terminat" in line or "closed" in line or "connection" in line, line
    assert set(counts(dst).values()) == {0}
    assert _fk_definitions(dst) == fks  # constraints deferred for the big load are back (never committed)
