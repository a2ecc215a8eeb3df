"""The source cannot be written: the SELECT gate, the server-side layers behind it, the
destination-is-source guard by server identity, and user Python only from the project.

Every attack runs against a real source database; its fingerprint (md5 of the relations it
holds, of every table's rows, of its large objects and sequences) must not change, and no server
file may appear.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg
import pytest
import yaml
from click.testing import CliRunner

from sqlsynth.cli import main
from sqlsynth.readonly import RefusedQuery, check_select, open_source, run_select, send_prepared
from sqlsynth.settings import Settings

SOURCE_SQL = """
CREATE TABLE t (i int PRIMARY KEY, note text);
INSERT INTO t SELECT g, 'row ' || g FROM generate_series(1, 50) g;
CREATE SEQUENCE s;
CREATE FUNCTION bump() RETURNS int LANGUAGE sql AS 'INSERT INTO t VALUES (1000, $$x$$) RETURNING i';
"""

FINGERPRINT = """
SELECT (SELECT md5(string_agg(format('%s.%s:%s', n.nspname, c.relname, c.relkind), ',' ORDER BY 1))
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'),
       (SELECT md5(string_agg(format('%s:%s', i, note), ',' ORDER BY i)) FROM t),
       (SELECT count(*) FROM pg_largeobject_metadata),
       (SELECT last_value || ':' || is_called FROM s),
       (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace)
"""


def fingerprint(dsn: str) -> tuple:
    with psycopg.connect(dsn) as conn:
        return conn.execute(FINGERPRINT).fetchone()


@pytest.fixture
def source(sql_project):
    src, dst = sql_project(SOURCE_SQL, "sqlsynth_ro")
    return src, dst


def attacks(marker: str) -> list[str]:
    """Each an entry's `query`: every way found to make a src-stats query write."""
    return [
        "SET TRANSACTION READ WRITE; CREATE TABLE pwned(i int); SELECT 1 AS x",
        "SELECT 1; COMMIT; BEGIN READ WRITE; CREATE TABLE pwned(i int); COMMIT; SELECT 1",
        f"COPY (SELECT 1) TO '{marker}_copy'",
        f"/* /* nested */ SELECT 1 */ COPY (SELECT 1) TO '{marker}_nested'",
        "WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d",
        "WITH u AS (UPDATE t SET note = 'x' RETURNING *) SELECT count(*) FROM u",
        "WITH n AS (INSERT INTO t VALUES (999, 'x') RETURNING *) SELECT count(*) FROM n",
        "SELECT * INTO pwned FROM t",
        "SELECT * FROM t FOR UPDATE",
        "SELECT * FROM t FOR SHARE",
        "SELECT i FROM t WHERE i IN (SELECT i FROM t FOR NO KEY UPDATE)",
        "SET default_transaction_read_only = off",
        "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
        "BEGIN READ WRITE",
        "CREATE TABLE pwned(i int)",
        "CREATE TEMP VIEW v AS SELECT 1",
        "INSERT INTO t VALUES (999, 'x') RETURNING i",
        "DELETE FROM t RETURNING i",
        "TRUNCATE t",
        "DO $$ BEGIN CREATE TABLE pwned(i int); END $$",
        "CALL nothing()",
        f"SELECT lo_export(lo_from_bytea(0, 'x'), '{marker}_lo')",
        f"SELECT pg_catalog.lo_export(1, '{marker}_lo2')",
        f"SELECT U&\"lo\\005fexport\"(1, '{marker}_lo3')",  # sqlglot would read U & "lo\005fexport"
        "SELECT set_config('default_transaction_read_only', 'off', false)",
        "SELECT nextval('s')",
        "SELECT * FROM dblink('dbname=postgres', 'CREATE TABLE pwned(i int)') AS x(a text)",
        "SELECT query_to_xml('CREATE TABLE pwned(i int)', true, false, '')",
        "SELECT pg_read_file('/etc/hostname')",
        "SELECT pg_terminate_backend(pg_backend_pid())",
        "SELECT 1 AS x; DROP TABLE t",
        "",
    ]


def _config(path: Path, entries: list[dict]) -> None:
    path.write_text(yaml.safe_dump({"src-stats": entries}, sort_keys=False), encoding="utf-8")


def test_every_src_stats_attack_is_refused_at_once_with_located_errors(source, tmp_path, monkeypatch):
    src, _dst = source
    marker = f"/tmp/sqlsynth_ro_{uuid.uuid4().hex[:8]}"
    queries = attacks(marker)
    entries = [{"name": f"a{i}", "query": q} for i, q in enumerate(queries)]
    entries.append({"name": "fine", "query": "SELECT count(*) AS n FROM t"})
    entries.append({"name": "dp", "query": "SELECT i FROM t; CREATE TABLE pwned(i int)",  # the dp view's attack
                    "dp-query": "SELECT COUNT(*) AS n FROM query_result", "epsilon": 1.0,
                    "snsql-metadata": {"row_privacy": True, "i": {"type": "int"}}})
    entries.append({"name": "dp2", "query": "SELECT i FROM t",
                    "dp-query": "SELECT COUNT(*) AS n FROM query_result; DROP TABLE t", "epsilon": 1.0,
                    "snsql-metadata": {"row_privacy": True, "i": {"type": "int"}}})
    _config(tmp_path / "config.yaml", entries)
    before = fingerprint(src)
    for dsn in (src, "postgresql://root@127.0.0.1:1/nowhere"):  # unreachable: nothing is sent before the gate
        monkeypatch.setenv("SRC_DSN", dsn)
        res = CliRunner().invoke(main, ["make-stats"])
        assert res.exit_code == 1, res.output
        lines = res.stderr.splitlines()
        for i in range(len(queries)):
            line = next((ln for ln in lines if f": src-stats[{i}].query: " in ln), None)
            assert line is not None and line.startswith("config.yaml:"), (i, queries[i], res.stderr)
        n = len(queries)  # then the fine query, the dp attack on the first stage, on the dp-query
        assert any(f": src-stats[{n + 1}].query: 2 statements (SELECT, CREATE)" in ln for ln in lines), res.stderr
        assert any(f": src-stats[{n + 2}].dp-query: 2 statements (SELECT, DROP)" in ln for ln in lines), res.stderr
        assert not any(f"src-stats[{n}]" in ln for ln in lines)  # the fine query is not a problem
        assert not any("cannot connect" in ln for ln in lines), res.stderr
        assert len([ln for ln in lines if "src-stats[" in ln]) == len(queries) + 2
        assert not (tmp_path / "src-stats.yaml").exists()
    assert fingerprint(src) == before
    assert not list(Path("/tmp").glob(Path(marker).name + "*"))


def test_the_server_refuses_what_the_gate_would_have_refused(source):
    """Behind the gate: each statement alone, sent as run_select sends it (prepared, described, in a
    READ ONLY transaction on a read-only session), is refused by the server or before it runs."""
    src, _dst = source
    marker = f"/tmp/sqlsynth_ro_{uuid.uuid4().hex[:8]}"
    before = fingerprint(src)
    conn = open_source(src)
    try:
        refused = 0
        for text in ["SET TRANSACTION READ WRITE; CREATE TABLE pwned(i int); SELECT 1 AS x",
                     "SELECT 1; COMMIT; BEGIN READ WRITE; CREATE TABLE pwned(i int); COMMIT; SELECT 1",
                     f"COPY (SELECT 1) TO '{marker}_copy'", "SET TRANSACTION READ WRITE",
                     "SET default_transaction_read_only = off", "CREATE TABLE pwned(i int)",
                     "CREATE TEMP VIEW v AS SELECT 1", "DO $$ BEGIN CREATE TABLE pwned(i int); END $$",
                     "WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d",
                     "INSERT INTO t VALUES (999, 'x') RETURNING i", "SELECT * INTO pwned FROM t",
                     "SELECT * FROM t FOR UPDATE", "SELECT nextval('s')", "SELECT bump()",
                     "SELECT set_config('transaction_read_only', 'off', false)"]:
            with pytest.raises((psycopg.Error, RefusedQuery)):
                send_prepared(conn, text)
            refused += 1
        assert refused == 15
        # the session is still read-only and still answers
        assert run_select(conn, "SELECT current_setting('transaction_read_only') AS ro, count(*) AS n FROM t") \
            == (["ro", "n"], [("on", 50)])
        with pytest.raises(psycopg.Error):
            conn.execute("CREATE TABLE pwned(i int)")  # autocommit: default_transaction_read_only
    finally:
        conn.close()
    assert fingerprint(src) == before
    assert not list(Path("/tmp").glob(Path(marker).name + "*"))


def test_dp_query_runs_over_a_subquery_without_writing(source, tmp_path, monkeypatch):
    """The first stage becomes `(SELECT ...) AS query_result` inside smartnoise's SQL: no view, and
    the source is unchanged; the result is a noisy count near the true one."""
    pytest.importorskip("snsql")
    from sqlsynth.stats.dp import over_first_stage

    sql = over_first_stage("SELECT COUNT(*) AS n FROM query_result AS q WHERE q.i > 0", check_select("SELECT i FROM t"))
    assert "FROM (SELECT i FROM t) AS q" in sql
    src, _dst = source
    _config(tmp_path / "config.yaml", [{"name": "dp", "query": "SELECT i, note FROM t",
                                        "dp-query": "SELECT COUNT(*) AS n FROM query_result", "epsilon": 5.0,
                                        "snsql-metadata": {"row_privacy": True, "i": {"type": "int"},
                                                           "note": {"type": "string"}}}])
    before = fingerprint(src)
    res = CliRunner().invoke(main, ["make-stats"])
    assert res.exit_code == 0, res.output
    stats = yaml.safe_load((tmp_path / "src-stats.yaml").read_text())
    assert abs(stats["dp"]["results"][0]["n"] - 50) < 15
    assert fingerprint(src) == before


def test_refused_check_messages():
    for text, words in [("COPY t TO STDOUT", "COPY statement"), ("SELECT 1 FOR KEY SHARE", "FOR UPDATE/SHARE"),
                        ("WITH d AS (DELETE FROM t RETURNING 1) SELECT 1", "data-modifying WITH (DELETE)"),
                        ("SELECT 1 FROM", "not readable as one PostgreSQL SELECT"),
                        ('SELECT "lo_export"(1, \'f\')', "calls lo_export()"),
                        ('SELECT U&"lo\\005fexport"(1, \'f\')', "Unicode-escaped identifier")]:
        with pytest.raises(RefusedQuery, match=words.replace("(", r"\(").replace(")", r"\)")):
            check_select(text)
    for text in ["SELECT 1", "(SELECT 1) UNION ALL SELECT 2", "WITH a AS (SELECT 1 AS x) SELECT x FROM a",
                 "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
                 "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY i) FROM t", "SELECT 1;"]:
        check_select(text)


# ---- the destination is not the source -------------------------------------------------------------

def _dbname(dsn: str) -> str:
    return dsn.rsplit("/", 1)[1]


@pytest.mark.parametrize("command", [["create-tables"], ["create-data"], ["create-vocab"], ["remove-data", "--yes"],
                                     ["remove-tables", "--yes"], ["remove-vocab", "--yes"]])
def test_a_host_alias_of_the_source_is_refused(source, tmp_path, monkeypatch, command):
    src, _dst = source
    (tmp_path / "orm.yaml").write_text(
        "tables:\n  t:\n    columns:\n      i: {type: integer, primary: true}\n      note: {type: text}\n", encoding="utf-8")
    (tmp_path / "config.yaml").write_text("tables:\n  t: {num_rows_per_pass: 3}\n", encoding="utf-8")
    monkeypatch.setenv("DST_DSN", f"host=alias.invalid hostaddr=127.0.0.1 dbname={_dbname(src)} user=root")
    before = fingerprint(src)
    res = CliRunner().invoke(main, command)
    assert res.exit_code == 1, res.output
    assert "DST_DSN is the source database (SRC_DSN)" in res.stderr, res.stderr
    assert fingerprint(src) == before


def test_server_identity_decides_and_an_unreachable_source_falls_back_silently(source):
    src, dst = source
    alias = f"host=alias.invalid hostaddr=127.0.0.1 port=5432 dbname={_dbname(src)} user=root"
    assert Settings(src_dsn=src, dst_dsn=alias).dst_is_src()
    assert Settings(src_dsn=src, dst_dsn=f"postgresql://root@localhost:5432/{_dbname(src)}").dst_is_src()
    assert not Settings(src_dsn=src, dst_dsn=dst).dst_is_src()  # another database of the same server
    # the source cannot be reached from here (the governance split): the parsed DSNs decide
    far = f"postgresql://root@127.0.0.1:1/{_dbname(dst)}"
    assert not Settings(src_dsn=far, dst_dsn=dst).dst_is_src()
    assert Settings(src_dsn=f"postgresql://root@127.0.0.1:1/x", dst_dsn="host=127.0.0.1 port=1 dbname=x").dst_is_src()
    assert Settings(src_dsn=src, dst_dsn=src).dst_is_src()


# ---- user Python only from the project ---------------------------------------------------------------

ORM = "tables:\n  t:\n    columns:\n      id: {type: integer, primary: true}\n      c: {type: text}\n"


@pytest.mark.parametrize("module", ["os", "subprocess", "sqlsynth", "yaml", "elsewhere"])
def test_a_module_that_is_not_a_project_file_is_refused_and_nothing_runs(tmp_path, monkeypatch, module):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "pwned"
    (tmp_path / "orm.yaml").write_text(ORM, encoding="utf-8")
    (tmp_path / "os.py").write_text("raise SystemExit('a local os.py must not load either')\n", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "elsewhere.py").write_text(f"open({str(marker)!r}, 'w').close()\ndef system(x):\n    return x\n",
                                        encoding="utf-8")
    monkeypatch.syspath_prepend(str(other))  # importable, but not a file of the working directory
    cfg = {"row_generators_module": module,
           "tables": {"t": {"num_rows_per_pass": 2, "row_generators": [
               {"name": f"{module}.system", "columns_assigned": "c", "args": [f"touch {marker}"]}]}}}
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(cfg), encoding="utf-8")
    for command in (["validate-config"], ["compile", "-o", "out.sql"]):
        res = CliRunner().invoke(main, command)
        assert res.exit_code == 1, res.output
        assert f"config.yaml:1: row_generators_module: {module!r} is " in res.stderr, res.stderr
        assert "not a file of this project" in res.stderr
    assert not marker.exists() and not (tmp_path / "out.sql").exists()


def test_a_story_module_must_be_a_project_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "orm.yaml").write_text(ORM, encoding="utf-8")
    cfg = {"story_generators_module": "subprocess",
           "story_generators": [{"name": "subprocess.run", "num_stories_per_pass": 1, "args": [["true"]]}],
           "tables": {"t": {"num_rows_per_pass": 1}}}
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(cfg), encoding="utf-8")
    res = CliRunner().invoke(main, ["compile", "-o", "out.sql"])
    assert res.exit_code == 1
    assert "story_generators_module: 'subprocess' is a standard-library module" in res.stderr, res.stderr
    (tmp_path / "mine_helpers.py").write_text("TABLE = 't'\n", encoding="utf-8")  # a sibling it imports
    (tmp_path / "mine.py").write_text("import mine_helpers\n\ndef story():\n    yield (mine_helpers.TABLE, {})\n",
                                      encoding="utf-8")
    cfg["story_generators_module"] = "mine"
    cfg["story_generators"] = [{"name": "mine.story", "num_stories_per_pass": 1}]
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(cfg), encoding="utf-8")
    res = CliRunner().invoke(main, ["validate-config"])
    assert res.exit_code == 0, res.output
