"""Typed steps (compile/steps.py), their one renderer (compile/render_pg.py) and the executor
registry (execute/base.py): a Program is inspectable data, rendered to SQL text only at the edge."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

import psycopg
import pytest

from sqlsynth import api
from sqlsynth.compile.chunks import split_program
from sqlsynth.compile.program import compile_plan
from sqlsynth.compile.render_pg import render_step
from sqlsynth.compile.steps import CreateTempTable, InsertSelect, SetSearchPath, is_context
from sqlsynth.errors import SqlsynthError
from sqlsynth.execute import base
from sqlsynth.execute.parallel import ChunkedExecutor
from sqlsynth.execute.postgres import PostgresExecutor, exec_step
from sqlsynth.execute.script import ScriptWriter
from sqlsynth.schema.ddl import create_statements

PKG = Path(__file__).resolve().parent.parent / "sqlsynth"


def _project(tmp_path: Path, rows: int = 1000) -> tuple[str, str]:
    """A parent with a pooled text column and a child whose FK draws from it."""
    orm = tmp_path / "orm.yaml"
    orm.write_text("""schema: public
tables:
  parent:
    columns:
      id: {type: bigint, nullable: false, primary: true, serial: true}
      name: {type: character varying(40), nullable: false}
      amount: {type: "numeric(8,2)"}
    primary_key: {name: parent_pkey, columns: [id]}
  child:
    columns:
      id: {type: bigint, nullable: false, primary: true, serial: true}
      parent_id: {type: bigint, nullable: false}
      at: {type: timestamp without time zone}
    primary_key: {name: child_pkey, columns: [id]}
    foreign_keys:
      - {name: child_parent_fkey, columns: [parent_id], ref_table: parent, ref_columns: [id]}
""")
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"tables:\n  parent:\n    rows: {rows}\n  child:\n    rows: {2 * rows}\n")
    return str(orm), str(cfg)


def _plan(tmp_path: Path, rows: int = 1000):
    orm, cfg = _project(tmp_path, rows)
    return api.plan_load(orm, cfg, seed=5)


def test_the_step_list_is_inspectable_data_and_frozen(tmp_path):
    prog = compile_plan(_plan(tmp_path))
    names = [type(s).__name__ for s in prog.steps]
    assert names[0] == "SetSearchPath" and names[1] == "Guard"
    assert names[-2:] == ["Analyze", "Analyze"] and "SetSequences" in names
    inserts = [s for s in prog.steps if isinstance(s, InsertSelect)]
    assert [(s.table, s.lo, s.hi, s.rows) for s in inserts] == [("parent", 1, 1000, 1000), ("child", 1, 2000, 2000)]
    assert inserts[0].columns and inserts[0].target.name == "parent"
    guard = prog.steps[1]
    assert [c.target.name for c in guard.checks] == ["parent", "child"] and all(c.when_rows for c in guard.checks)
    with pytest.raises(dataclasses.FrozenInstanceError):
        inserts[0].lo = 5  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        prog.steps[0].schemas = ("x",)  # type: ignore[misc]
    # a chunk is a new step; the compiled one and its tree are unchanged by rendering chunks
    before = inserts[0].sql
    chunk = inserts[0].chunk(11, 20)
    assert (chunk.lo, chunk.hi, chunk.rows) == (11, 20, 10) and chunk.select is inserts[0].select
    assert "GENERATE_SERIES(CAST(11 AS BIGINT), 20)" in chunk.sql
    assert inserts[0].sql == before and "GENERATE_SERIES(CAST(1 AS BIGINT), 1000)" in before


def test_session_mode_renders_session_scoped_setup():
    path = SetSearchPath(("public", "my schema"))
    assert render_step(path) == 'SET LOCAL search_path = "public", "my schema"'
    assert render_step(path, session=True) == 'SET search_path = "public", "my schema"'
    from sqlglot import exp
    tmp = CreateTempTable("pool_x", ((exp.to_identifier("k"), "integer PRIMARY KEY"),
                                     (exp.to_identifier("v"), "text NOT NULL")))
    assert render_step(tmp) == 'CREATE TEMP TABLE "pool_x" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP'
    assert render_step(tmp, session=True) == 'CREATE TEMP TABLE "pool_x" (k integer PRIMARY KEY, v text NOT NULL)'


def test_session_mode_setup_outlives_the_transaction_on_postgresql(fresh_db):
    from sqlglot import exp
    tmp = CreateTempTable("pool_x", ((exp.to_identifier("k"), "integer PRIMARY KEY"),))
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        for session in (False, True):
            with conn.transaction():
                exec_step(conn, SetSearchPath(("pg_catalog",)), session=session)
                exec_step(conn, tmp, session=session)
            path = conn.execute("SHOW search_path").fetchone()[0]
            kept = conn.execute("SELECT to_regclass('pg_temp.pool_x') IS NOT NULL").fetchone()[0]
            assert (path == "pg_catalog", kept) == (session, session), (session, path, kept)


def test_a_chunk_of_an_insert_writes_exactly_rows_lo_to_hi(tmp_path, make_db):
    """Rows 301..650 of the parent and 1..1 of the child, run alone, are the rows of the whole
    insert with those numbers (ids), no more, no fewer (real PostgreSQL, one database each)."""
    plan = _plan(tmp_path)
    prog = compile_plan(plan)
    whole, part = make_db("steps_whole"), make_db("steps_part")
    for dsn in (whole, part):
        with psycopg.connect(dsn) as conn:
            for st in create_statements(plan.schema, "public"):
                conn.execute(st)
    PostgresExecutor(whole).run(prog)
    inserts = {s.table: s for s in prog.steps if isinstance(s, InsertSelect)}
    with psycopg.connect(part) as conn:
        conn.execute("ALTER TABLE child DROP CONSTRAINT child_parent_fkey")
        for s in prog.steps:
            if is_context(s):
                exec_step(conn, s)
        exec_step(conn, inserts["parent"].chunk(301, 650))
        exec_step(conn, inserts["child"].chunk(1, 1))
    query = "SELECT row_to_json(t)::text FROM {} t WHERE id BETWEEN %s AND %s ORDER BY id"
    with psycopg.connect(whole) as a, psycopg.connect(part) as b:
        for table, lo, hi in (("parent", 301, 650), ("child", 1, 1)):
            want = a.execute(query.format(table), [lo, hi]).fetchall()
            got = b.execute(query.format(table), [lo, hi]).fetchall()
            assert len(want) == hi - lo + 1 and got == want
            n, low, high = b.execute(f"SELECT count(*), min(id), max(id) FROM {table}").fetchone()
            assert (n, low, high) == (hi - lo + 1, lo, hi)


def test_chunks_are_the_compiled_insert_over_their_ranges(tmp_path):
    plan = _plan(tmp_path)
    prog = compile_plan(plan)
    phases = split_program(prog, plan, 300)
    parent = phases.groups[0]
    assert parent.count == 4 and [parent.bounds(j) for j in range(4)] == [(1, 250), (251, 500), (501, 750), (751, 1000)]
    steps = [parent.step(j) for j in range(4)]
    assert all(isinstance(s, InsertSelect) and s.select is parent.insert.select for s in steps)
    assert sum(s.rows for s in steps) == 1000


def test_the_registry_picks_the_executor_by_the_dsn_scheme():
    for dsn in ("postgresql://u@h/db", "postgres://h/db", "host=h dbname=db user=u"):
        assert base.engine_of(dsn) == "postgresql"
        ex = base.executor_for(dsn, jobs=3, chunk_rows=10)
        assert isinstance(ex, ChunkedExecutor) and (ex.dsn, ex.jobs, ex.chunk_rows) == (dsn, 3, 10)
    assert base.engine_of("duckdb:///x.duckdb") == "duckdb" == base.engine_of(" DuckDB:///:memory:")
    if importlib.util.find_spec("sqlsynth.execute.duckdb") is None:
        with pytest.raises(SqlsynthError, match="DuckDB .* not available yet"):
            base.executor_for("duckdb:///x.duckdb")
    else:  # the DuckDB engine has landed: its executor is returned, with PostgreSQL's options ignored
        ex = base.executor_for("duckdb:///:memory:", jobs=2, chunk_rows=10, defer=None)
        assert type(ex).__name__ == "DuckDBExecutor" and callable(ex.run) and callable(ex.compile)


def test_an_engine_can_be_registered(monkeypatch):
    made = []

    def factory(dsn, **options):
        made.append((dsn, options))
        return ScriptWriter()

    monkeypatch.setitem(base.ENGINES, "duckdb", factory)
    assert isinstance(base.executor_for("duckdb:///a.duckdb", jobs=2), ScriptWriter)
    assert made == [("duckdb:///a.duckdb", {"jobs": 2})]


def test_the_script_writer_is_the_psql_script(tmp_path):
    prog = compile_plan(_plan(tmp_path))
    writer = ScriptWriter(["hello"])
    stats = writer.run(prog)
    assert stats == {"parent": (1000, 0.0), "child": (2000, 0.0)}
    assert writer.text.startswith("-- hello\n") and writer.text.count("INSERT INTO ") == 2


def test_no_sql_text_is_read_back_in_compile_and_execute():
    """Steps are matched by type, never by their text: no regex, split or prefix test over SQL in the
    modules that make, cut, write or run programs."""
    pattern = re.compile(r"\.sql\.(startswith|endswith|split|count|replace|index|find)\b|\bre\.(compile|search|match|findall|sub)\(")
    bad = []
    for sub, names in (("compile", ("steps", "program", "render_pg", "chunks", "split")),
                       ("execute", ("base", "postgres", "parallel", "script", "stories"))):
        for path in [PKG / sub / f"{n}.py" for n in names]:
            for n, line in enumerate(path.read_text().splitlines(), 1):
                if pattern.search(line):
                    bad.append(f"{path.name}:{n}: {line.strip()}")
    assert not bad, bad
