"""DuckDB as a destination (DST_DSN=duckdb:///file): the bundled Pagila orm.yaml/config.yaml loaded into a
DuckDB file in tmp_path, every key, foreign key and CHECK of the schema model verified by SQL on it."""

from __future__ import annotations


import duckdb
import pytest
import yaml

from sqlsynth import api
from sqlsynth.compile.duckdb import HASH_MACROS, hash64_python
from sqlsynth.errors import SqlsynthError
from sqlsynth.schema.integrity import key_checks, row_checks
from sqlsynth.schema.io import load_schema
from sqlsynth.settings import Settings

from conftest import VOCAB_TABLE as VOCAB

PASSES = 300


@pytest.fixture
def project(pagila_vocab_project):
    return pagila_vocab_project


def settings_for(path) -> Settings:
    return Settings(dst_dsn=f"duckdb:///{path}")


def load(path, seed: int = 7, passes: int = PASSES) -> None:
    s = settings_for(path)
    api.create_tables(s, "orm.yaml", "config.yaml")
    api.create_vocab(s, "orm.yaml", "config.yaml")
    api.create_data(s, "orm.yaml", "config.yaml", num_passes=passes, seed=seed)


def rows_of(path) -> dict[str, list]:
    with duckdb.connect(str(path), read_only=True) as c:
        names = [t for (t,) in c.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {t: c.execute(f'SELECT * FROM "public"."{t}" ORDER BY ALL').fetchall() for t in names}


def test_hash_macro_matches_its_python_definition():
    c = duckdb.connect()
    for m in HASH_MACROS:
        c.execute(m)
    cases = [(1, 5), (0, 0), (-3, -8155462545643187226), (123456789, 7086465990741807617),
             ((1 << 63) - 1, -(1 << 63)), (-(1 << 63), (1 << 63) - 1), (16044, 42)]
    for v, s in cases:
        got = c.execute("SELECT sqlsynth_hash64(CAST(? AS BIGINT), CAST(? AS BIGINT))", [v, s]).fetchone()[0]
        assert got == hash64_python(v, s), (v, s)
        assert 0 <= got < 1 << 32
    # the draws of one stream over many rows: distinct 32-bit words, mean near 2^31
    n, distinct, mean = c.execute("SELECT count(*), count(DISTINCT h), avg(h) / 4294967296.0 FROM "
                                  "(SELECT sqlsynth_hash64(i, 99) AS h FROM range(1, 200001) t(i))").fetchone()
    assert n == distinct == 200000 and abs(mean - 0.5) < 0.005


def test_pagila_into_duckdb_keys_foreign_keys_and_checks_hold(project):
    db = project / "p.duckdb"
    load(db)
    schema = load_schema("orm.yaml")
    plan = api.plan_load("orm.yaml", "config.yaml", num_passes=PASSES, seed=7)
    c = duckdb.connect(str(db), read_only=True)
    kept = {n for n, t in schema.tables.items() if not t.is_partition}

    def count(sql: str) -> int:
        return c.execute(sql).fetchone()[0]

    qt = lambda t: f'"public"."{t}"'  # noqa: E731
    assert count(f"SELECT count(*) FROM {qt(VOCAB)}") == 6
    assert count(f"SELECT count(*) FROM {qt(VOCAB)} WHERE name = 'Lang\tuage 1'") == 1  # COPY escapes read
    for name in plan.order:
        assert count(f"SELECT count(*) FROM {qt(name)}") == plan.tables[name].rows > 0, name
    checked = {"fk": 0, "unique": 0, "check": 0, "not_null": 0}
    where = {n: ("public", n) for n in kept}
    for k in key_checks(schema, where) + row_checks(schema, where):
        assert count(k.sql) == 0, f"{k.table}.{k.name}: the rows break the {k.kind} constraint"
        checked[k.kind] += 1
    assert checked["fk"] == sum(len(schema.tables[n].foreign_keys) for n in kept) > 10, checked
    assert checked["unique"] >= len(kept) and checked["check"] >= 1 and checked["not_null"] > len(kept), checked
    # a table already holding rows stops the next load before anything is written
    before = rows_of(db)
    c.close()
    with pytest.raises(SqlsynthError, match="already ha.* rows; run remove-data first"):
        api.create_data(settings_for(db), "orm.yaml", "config.yaml", num_passes=2, seed=8)
    assert rows_of(db) == before
    with pytest.raises(SqlsynthError, match="--append is not supported on DuckDB"):
        api.create_data(settings_for(db), "orm.yaml", "config.yaml", num_passes=2, seed=8, append=True)
    # remove-vocab refuses while generated rows refer to the vocabulary; remove-data, then it can
    with pytest.raises(SqlsynthError, match="refer to the vocabulary tables"):
        api.remove_vocab(settings_for(db), "orm.yaml", "config.yaml")
    assert len(api.remove_data(settings_for(db), "orm.yaml", "config.yaml")) == len(plan.order)
    assert api.remove_vocab(settings_for(db), "orm.yaml", "config.yaml") == [VOCAB]
    assert all(not r for r in rows_of(db).values())
    api.remove_tables(settings_for(db), "orm.yaml", "config.yaml")
    assert rows_of(db) == {}


def test_same_seed_same_rows_other_seed_other_rows(project):
    load(project / "a.duckdb", seed=11, passes=50)
    load(project / "b.duckdb", seed=11, passes=50)
    load(project / "c.duckdb", seed=12, passes=50)
    a, b, c = (rows_of(project / f"{x}.duckdb") for x in "abc")
    assert a == b
    assert sum(len(r) for r in a.values()) > 500
    different = [t for t in a if t != VOCAB and a[t] != c[t]]
    assert len(different) >= len(a) - 3, different  # junction tables of tiny parents may coincide


def test_what_duckdb_cannot_hold_is_refused_with_table_column_and_engine(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "orm.yaml").write_text(yaml.safe_dump({"schema": "public", "tables": {
        "host": {"columns": {"id": {"type": "integer", "nullable": False, "primary": True},
                             "addr": {"type": "inet"}, "pos": {"type": "point"}},
                 "primary_key": {"name": "host_pkey", "columns": ["id"]}}}}))
    with pytest.raises(SqlsynthError) as e:
        api.create_tables(settings_for(tmp_path / "h.duckdb"), "orm.yaml", None)
    text = str(e.value)
    assert "tables.host.columns.addr: type inet has no DuckDB form" in text
    assert "tables.host.columns.pos: type point has no DuckDB form" in text
    assert not (tmp_path / "h.duckdb").exists() or rows_of(tmp_path / "h.duckdb") == {}


def test_failed_load_is_rolled_back_and_names_the_table(project):
    db = project / "f.duckdb"
    s = settings_for(db)
    api.create_tables(s, "orm.yaml", "config.yaml")
    api.create_vocab(s, "orm.yaml", "config.yaml")
    with duckdb.connect(str(db)) as c:  # a CHECK the generated payments cannot meet
        c.execute('ALTER TABLE "public"."payment" ALTER COLUMN amount SET DATA TYPE DECIMAL(3, 2)')
    with pytest.raises(SqlsynthError, match=r"create-data on DuckDB: table payment \(tables.payment\): .*nothing was written"):
        api.create_data(s, "orm.yaml", "config.yaml", num_passes=20, seed=1)
    assert all(not r for t, r in rows_of(db).items() if t != VOCAB)


def test_a_check_duckdb_refuses_is_skipped_with_a_warning_and_the_cli_runs(tmp_path, monkeypatch, capsys):
    from click.testing import CliRunner

    from sqlsynth.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "orm.yaml").write_text(yaml.safe_dump({"schema": "public", "tables": {
        "t": {"columns": {"id": {"type": "integer", "nullable": False, "primary": True},
                          "n": {"type": "integer", "nullable": False}},
              "primary_key": {"name": "t_pkey", "columns": ["id"]},
              "checks": [{"name": "n_small", "expression": "((n >= 0) AND (n < 50))"},
                         {"name": "n_odd", "expression": "(public.is_odd(n))"}]}}}))
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({"tables": {"t": {"num_rows_per_pass": 40}}}))
    env = {"DST_DSN": f"duckdb:///{tmp_path / 't.duckdb'}"}
    runner = CliRunner()
    out = runner.invoke(main, ["create-tables"], env=env)
    assert out.exit_code == 0, out.output
    assert "tables.t: CHECK" in out.output and "not created: DuckDB refuses it" in out.output, out.output
    out = runner.invoke(main, ["create-data", "--seed", "3", "--num-passes", "2"], env=env)
    assert out.exit_code == 1  # the planner keeps is_odd by drawing candidates: PostgreSQL only
    assert "table t (tables.t): CHECK n_odd is kept by drawing candidates, which is not supported on DuckDB " \
        "(PostgreSQL supports it)" in out.output, out.output
    orm = yaml.safe_load((tmp_path / "orm.yaml").read_text())
    orm["tables"]["t"]["checks"].pop()
    (tmp_path / "orm.yaml").write_text(yaml.safe_dump(orm))
    assert runner.invoke(main, ["remove-tables", "--yes"], env=env).exit_code == 0
    assert runner.invoke(main, ["create-tables"], env=env).exit_code == 0
    out = runner.invoke(main, ["create-data", "--seed", "3", "--num-passes", "2", "--jobs", "2"], env=env)
    assert out.exit_code == 0, out.output
    assert "generated 80 rows in 1 tables (seed 3)" in out.output and "--jobs is ignored on DuckDB" in out.output
    with duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True) as c:
        assert c.execute('SELECT count(*), min(n) >= 0 AND max(n) < 50 FROM "public"."t"').fetchone() == (80, True)
        checks = [r[0] for r in c.execute("SELECT constraint_text FROM duckdb_constraints() "
                                          "WHERE constraint_type = 'CHECK'").fetchall()]
    assert len(checks) == 1 and "50" in checks[0]


def test_divisions_mean_what_they_mean_on_postgresql(fresh_db):
    """A fractional division (sqlglot's untyped Div) and the plan's integer division (typed) give
    PostgreSQL's values on DuckDB too, under the executor's integer_division setting."""
    import psycopg
    from sqlglot import exp

    from sqlsynth.compile.duckdb import duck_sql

    cases = []
    for a, b in ((7, 2), (-7, 2), (9, 3), (1, 4)):
        for typed in (False, True):
            div = exp.Div(this=exp.Paren(this=exp.Literal.number(a)), expression=exp.Literal.number(b), typed=typed)
            cases.append(exp.Floor(this=exp.Mul(this=div, expression=exp.Literal.number(1000))))
    con = duckdb.connect()
    con.execute("SET integer_division = true")
    on_duckdb = [float(con.execute(f"SELECT {duck_sql(c)}").fetchone()[0]) for c in cases]
    with psycopg.connect(fresh_db) as pg:
        on_pg = [float(pg.execute(f"SELECT {c.sql('postgres')}").fetchone()[0]) for c in cases]
    assert on_duckdb == on_pg
    assert on_pg[0] == 3500.0 and on_pg[1] == 3000.0  # 7 / 2 fractional, and whole
