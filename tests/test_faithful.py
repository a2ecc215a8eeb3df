"""Faithful by default: generate-config shapes the config to the source.

The README's workflow with no edit (make-tables, generate-config, make-stats, make-vocab,
create-tables, create-vocab, create-data) on Pagila, measured in SQL against the source; then
each kind of fitted column on a schema written for it, row counts with --scale and
--num-passes, and what happens without a reachable source.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import psycopg
import pytest
import yaml
from click.testing import CliRunner

from faithful_metrics import compare, facts
from sqlsynth.cli import main


def run(*args: str, ok: bool = True):
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if ok:
        assert res.exit_code == 0, res.output
    return res


def one(dsn: str, q: str):
    with psycopg.connect(dsn) as conn:
        return conn.execute(q).fetchone()


def readme_workflow(*create_data_args: str, generate_config: tuple[str, ...] = ()) -> None:
    for step in (["make-tables"], ["generate-config", *generate_config], ["make-stats"], ["make-vocab"], ["create-tables"],
                 ["create-vocab"], ["create-data", *create_data_args]):
        run(*step)


@pytest.fixture
def pagila(tmp_path, monkeypatch, pagila_src, make_db):
    monkeypatch.chdir(tmp_path)
    for key in ("SRC_SCHEMA", "DST_SCHEMA"):
        monkeypatch.delenv(key, raising=False)
    dst = make_db("sqlsynth_fdst")
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("DST_DSN", dst)
    return pagila_src, dst


def test_readme_workflow_unedited_reproduces_pagila(pagila):
    src, dst = pagila
    readme_workflow()
    cfg = yaml.safe_load(Path("config.yaml").read_text())["tables"]
    assert sorted(t for t, td in cfg.items() if td.get("vocabulary_table")) == ["category", "city", "country",
                                                                                 "language"]
    assert [e["foreign_key"] for e in cfg["rental"]["children_per_parent"]] == [
        "rental_inventory_id_fkey", "rental_customer_id_fkey"]
    assert cfg["film_actor"]["children_per_parent"] == [{"foreign_key": "film_actor_film_id_fkey"}]
    gens = {g["columns_assigned"]: g for g in cfg["film"]["row_generators"]}
    assert gens["rental_rate"] == {"name": "dist_gen.weighted_choice", "columns_assigned": "rental_rate",
                                   "stats": "auto"}
    assert gens["length"]["name"] == "sqlsynth.quantiles"
    m = compare(facts(src), facts(dst))
    assert m["rows equal (x scale)"], (facts(src)["rows"], facts(dst)["rows"])
    assert m["customers without a rental"] <= facts(src)["no rental"] + 0.01
    for name in ("rentals per customer", "inventory per film", "actors per film", "payments per rental"):
        assert m[f"{name} TVD"] <= 0.05, (name, m)
    assert m["rental_date inside the source's"]
    assert m["payment.amount max"] <= float(facts(src)["amount"][0])
    assert m["rental_rate only the source's"] and len(m["rental_rate values"]) == 3
    assert m["distinct emails"] >= 0.99
    # every constraint of the source holds (the load validated them), vocabulary copied verbatim
    assert one(dst, "SELECT count(*) FROM category")[0] == one(src, "SELECT count(*) FROM category")[0]
    assert one(dst, "SELECT string_agg(name, ',' ORDER BY category_id) FROM category") == \
        one(src, "SELECT string_agg(name, ',' ORDER BY category_id) FROM category")
    assert one(dst, "SELECT count(*) FROM film WHERE language_id <> 1")[0] == 0  # all English, as in the source


def test_scale_keeps_proportions_and_compile_gives_the_same_rows(pagila, make_db):
    src, dst = pagila
    readme_workflow("--scale", "0.5", "--seed", "4")
    rows = facts(dst)["rows"]
    src_rows = facts(src)["rows"]
    for t in ("rental", "payment", "film", "inventory", "film_actor", "customer"):
        assert rows[t] == round(src_rows[t] * 0.5), t
    assert rows["store"] == 1 and rows["category"] == 16  # at least one row; vocabulary copied whole
    run("compile", "--scale", "0.5", "--seed", "4", "-o", "load.sql")
    assert "--scale 0.5" in Path("load.sql").read_text()[:300]
    with psycopg.connect(dst) as conn:
        md5 = {t: conn.execute(f"SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM {t} x").fetchone()[0]
               for t in ("rental", "payment", "film_actor", "customer")}
    other = make_db("sqlsynth_fpsql")
    env = {**os.environ, "DST_DSN": other}
    assert CliRunner().invoke(main, ["create-tables"], env=env).exit_code == 0
    assert CliRunner().invoke(main, ["create-vocab"], env=env).exit_code == 0
    proc = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", other, "-f", "load.sql"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    with psycopg.connect(other) as conn:
        for t, h in md5.items():
            assert conn.execute(f"SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM {t} x").fetchone()[0] == h
    # the shaped config (children_per_parent, rules, keyed address pools): the same rows with --jobs 2 in chunks
    cfg = yaml.safe_load(Path("config.yaml").read_text())["tables"]
    assert cfg["payment"]["rules"] and cfg["rental"]["children_per_parent"]
    assert any("locale_from" in g for g in cfg["address"]["row_generators"])
    jobs = make_db("sqlsynth_fjobs")
    env = {**os.environ, "DST_DSN": jobs}
    assert CliRunner().invoke(main, ["create-tables"], env=env).exit_code == 0
    assert CliRunner().invoke(main, ["create-vocab"], env=env).exit_code == 0
    res = CliRunner().invoke(main, ["create-data", "--scale", "0.5", "--seed", "4", "--jobs", "2", "--chunk-rows",
                                    "1500"], env=env)
    assert res.exit_code == 0, res.output
    with psycopg.connect(jobs) as conn:
        for t, h in md5.items():
            assert conn.execute(f"SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM {t} x").fetchone()[0] == h, t
    with psycopg.connect(dst) as conn:
        addr = conn.execute("SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM address x").fetchone()[0]
    with psycopg.connect(jobs) as conn:
        assert conn.execute("SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM address x").fetchone()[0] == addr


COLUMNS_SQL = """
CREATE TYPE mood AS ENUM ('low', 'mid', 'high');
CREATE TABLE kind (id serial PRIMARY KEY, label varchar(20) NOT NULL);
INSERT INTO kind (label) SELECT 'k' || i FROM generate_series(1, 5) i;
CREATE TABLE person (id serial PRIMARY KEY, first_name text NOT NULL, phone text);
INSERT INTO person (first_name, phone) SELECT 'n' || i, '0' || i FROM generate_series(1, 30) i;
CREATE TABLE item (
    id serial PRIMARY KEY,
    kind_id int NOT NULL REFERENCES kind,
    owner_id int NOT NULL REFERENCES person,
    price numeric(4,2) NOT NULL,
    minutes int NOT NULL,
    made date NOT NULL,
    seen timestamp,
    blurb text NOT NULL,
    email text NOT NULL,
    flag boolean NOT NULL,
    m mood NOT NULL,
    span tsrange,
    note varchar(40)
);
INSERT INTO item (kind_id, owner_id, price, minutes, made, seen, blurb, email, flag, m, span, note)
SELECT 1 + (i * 7) % 5, 1 + (i * 11) % 30,
       (ARRAY[0.99, 2.99, 4.99])[1 + (i % 10 > 5)::int + (i % 10 > 8)::int],
       30 + (i * 37) % 150 + CASE WHEN i % 4 = 0 THEN 200 ELSE 0 END,
       CASE WHEN i % 10 < 8 THEN DATE '2005-05-01' + (i % 31) ELSE DATE '2005-06-01' + (i % 200) END,
       CASE WHEN i % 10 = 0 THEN NULL ELSE TIMESTAMP '2020-01-01' + i * INTERVAL '37 minutes' END,
       repeat('word ', 10 + i % 30) || i,
       'user' || i || '@example.org',
       i % 5 <> 0,
       (ARRAY['low', 'mid', 'high'])[1 + (i % 10 > 5)::int + (i % 10 > 7)::int]::mood,
       tsrange(TIMESTAMP '2005-05-01' + i * INTERVAL '3 hours',
               CASE WHEN i % 20 = 0 THEN NULL ELSE TIMESTAMP '2005-05-01' + i * INTERVAL '3 hours' + (i % 7 + 1) * INTERVAL '1 day' END),
       CASE WHEN i % 3 = 0 THEN NULL ELSE 'x' END
FROM generate_series(1, 2000) i;
"""


def test_every_column_is_fitted_to_the_source(tmp_path, sql_project):
    src, dst = sql_project(COLUMNS_SQL, "sqlsynth_fcol")
    # per-column fitting alone: with rules, `seen` would be derived from `made` (tests/test_rules.py)
    readme_workflow("--seed", "2", generate_config=("--no-rules",))
    cfg = yaml.safe_load(Path("config.yaml").read_text())["tables"]
    assert cfg["kind"]["vocabulary_table"] is True  # small, referenced, nothing personal
    assert cfg["person"]["vocabulary_table"] is False  # a table of people (names, phones) is never copied
    gens = {g["columns_assigned"]: g for g in cfg["item"]["row_generators"]}
    assert gens["price"]["name"] == "dist_gen.weighted_choice"
    assert gens["minutes"]["name"] == gens["made"]["name"] == gens["seen"]["name"] == "sqlsynth.quantiles"
    assert gens["blurb"] == {"name": "sqlsynth.text", "columns_assigned": "blurb", "stats": "auto",
                             "kwargs": {"unique": True}}
    assert gens["email"]["kwargs"] == {"unique": True} and gens["seen"]["null_fraction"] == "auto"
    assert gens["span"]["name"] == "sqlsynth.range"

    def both(q: str):
        return one(src, q), one(dst, q)

    assert one(dst, "SELECT count(*) FROM item")[0] == 2000
    s, d = both("SELECT array_agg(DISTINCT price ORDER BY price) FROM item")
    assert set(d[0]) <= set(s[0]) and len(d[0]) == 3  # a discrete set stays discrete
    s, d = both("SELECT min(minutes), max(minutes), avg(minutes), avg((minutes >= 230)::int) FROM item")
    assert s[0] <= d[0] and d[1] <= s[1] and abs(float(d[2]) - float(s[2])) / float(s[2]) < 0.05
    assert abs(float(d[3]) - float(s[3])) < 0.05  # the shape (a second mode), not just the range
    s, d = both("SELECT min(made), max(made), avg((made < DATE '2005-06-01')::int) FROM item")
    assert s[0] <= d[0] and d[1] <= s[1] and abs(float(d[2]) - float(s[2])) < 0.05
    s, d = both("SELECT min(seen), max(seen), avg((seen IS NULL)::int) FROM item")
    assert s[0] <= d[0] and d[1] <= s[1] and abs(float(d[2]) - float(s[2])) < 0.03
    s, d = both("SELECT min(char_length(blurb)), max(char_length(blurb)), avg(char_length(blurb)), "
                "count(DISTINCT blurb)::float / count(*) FROM item")
    assert d[3] == 1.0 and abs(float(d[2]) - float(s[2])) / float(s[2]) < 0.1 and d[1] <= s[1]
    assert one(dst, "SELECT count(DISTINCT email)::float / count(*) FROM item")[0] == 1.0
    s, d = both("SELECT avg(flag::int) FROM item")
    assert abs(float(d[0]) - float(s[0])) < 0.04
    s, d = both("SELECT avg((m = 'low')::int), avg((m = 'high')::int) FROM item")
    assert abs(float(d[0]) - float(s[0])) < 0.04 and abs(float(d[1]) - float(s[1])) < 0.04
    s, d = both("SELECT min(lower(span)), max(lower(span)), avg(upper_inf(span)::int), "
                "bool_and(upper(span) >= lower(span) OR upper_inf(span)) FROM item")
    assert s[0] <= d[0] and d[1] <= s[1] and abs(float(d[2]) - float(s[2])) < 0.03 and d[3]
    s, d = both("SELECT avg((note IS NULL)::int) FROM item")
    assert abs(float(d[0]) - float(s[0])) < 0.04
    # kind_id points into the copied vocabulary with the source's frequencies (a weighted choice of keys)
    assert gens["kind_id"]["name"] == "dist_gen.weighted_choice"
    s, d = both("SELECT avg((kind_id = 1)::int) FROM item")
    assert abs(float(d[0]) - float(s[0])) < 0.04


MIXED_SQL = """
CREATE TABLE a (id serial PRIMARY KEY, v int);
CREATE TABLE b (id serial PRIMARY KEY, a_id int REFERENCES a);
CREATE TABLE c (id serial PRIMARY KEY);
INSERT INTO a (v) SELECT i FROM generate_series(1, 40) i;
INSERT INTO b (a_id) SELECT 1 + i % 40 FROM generate_series(1, 90) i;
INSERT INTO c SELECT FROM generate_series(1, 7);
"""


def test_scale_and_num_passes_each_size_their_own_tables(tmp_path, sql_project):
    sql_project(MIXED_SQL, "sqlsynth_fmix")
    Path("config.yaml").write_text(yaml.safe_dump({"tables": {
        "a": {"rows_from_source": 1}, "b": {"num_rows_per_pass": 3}, "c": {"rows": 5}}}))
    run("make-tables")
    run("make-stats")
    run("create-tables")
    out = run("create-data", "--scale", "2.5", "--num-passes", "4").output
    dst = os.environ["DST_DSN"]
    assert [one(dst, f"SELECT count(*) FROM {t}")[0] for t in "abc"] == [100, 12, 5]
    assert "warning" not in out
    run("remove-data", "--yes")
    res = run("create-data", "--scale", "3")
    assert [one(dst, f"SELECT count(*) FROM {t}")[0] for t in "abc"] == [120, 3, 5]
    Path("config.yaml").write_text(yaml.safe_dump({"tables": {"a": {"rows_from_source": 1},
                                                              "b": {"rows_from_source": 1}, "c": {"rows": 1}}}))
    run("make-stats", "--force")
    run("remove-data", "--yes")
    res = run("create-data", "--num-passes", "10")
    assert "--num-passes changes nothing here" in res.output
    assert [one(dst, f"SELECT count(*) FROM {t}")[0] for t in "abc"] == [40, 90, 1]
    res = run("create-data", "--scale", "-1", ok=False)
    assert res.exit_code != 0


def test_without_a_reachable_source_the_config_comes_from_orm_yaml(tmp_path, sql_project, monkeypatch):
    sql_project(MIXED_SQL, "sqlsynth_fnosrc")
    run("make-tables")
    monkeypatch.setenv("SRC_DSN", "postgresql://nobody@127.0.0.1:1/nowhere")
    res = run("generate-config")
    assert "warning: cannot connect to the source database" in res.output and "not shaped" in res.output
    text = Path("config.yaml").read_text()
    assert "rows_from_source" not in text and "num_rows_per_pass: 1" in text
    assert run("generate-config", "--fit", "--force", ok=False).exit_code == 1  # --fit needs the source
    monkeypatch.delenv("SRC_DSN")
    run("generate-config", "--force")
    assert "rows_from_source" not in Path("config.yaml").read_text()
    run("create-tables")
    run("create-data", "--num-passes", "3")


DP_SQL = """
CREATE TABLE a (id serial PRIMARY KEY, v int, on_sale boolean, made date);
CREATE TABLE b (id serial PRIMARY KEY, a_id int REFERENCES a);
INSERT INTO a (v, on_sale, made) SELECT CASE WHEN i % 5 = 0 THEN NULL ELSE i % 50 END, i % 3 = 0,
    DATE '2020-01-01' + (i % 300) FROM generate_series(1, 3000) i;
INSERT INTO b (a_id) SELECT 1 + i % 3000 FROM generate_series(1, 7000) i;
"""


def test_differential_privacy_applies_to_every_new_statistic(tmp_path, sql_project):
    pytest.importorskip("snsql")
    sql_project(DP_SQL, "sqlsynth_fdp")
    run("make-tables")
    cfg = {"differential_privacy": {"epsilon": 2.0}, "tables": {
        "a": {"rows_from_source": 1, "row_generators": [
            {"name": "generic.weighted_boolean_provider.bool", "columns_assigned": "on_sale", "stats": "auto"},
            {"name": "sqlsynth.quantiles", "columns_assigned": "made",
             "stats": {"auto": True, "lower": "2019-01-01", "upper": "2021-01-01"}},
            {"name": "sqlsynth.quantiles", "columns_assigned": "v", "stats": "auto", "null_fraction": "auto"}]},
        "b": {"children_per_parent": {"foreign_key": "b_a_id_fkey"}}}}
    Path("config.yaml").write_text(yaml.safe_dump(cfg))
    res = run("make-stats", ok=False)  # quantiles of v need public bounds: one located problem, nothing written
    assert res.exit_code == 1 and "tables.a.row_generators[2].stats: differentially private quantiles need" \
        in res.output and not Path("src-stats.yaml").exists()
    cfg["tables"]["a"]["row_generators"][2]["stats"] = {"auto": True, "lower": 0, "upper": 50}
    Path("config.yaml").write_text(yaml.safe_dump(cfg))
    out = run("make-stats", "--no-for-report").output  # the report's noised aggregates would spend 2 more
    stats = yaml.safe_load(Path("src-stats.yaml").read_text())
    for name in ("auto__rows__a", "auto__a__on_sale", "auto__a__made", "auto__a__v", "auto__nulls__a__v",
                 "auto__children__b__b_a_id_fkey"):
        assert stats[name]["privacy"]["epsilon_spent"] == pytest.approx(2.0, rel=0.01), name
    assert "privacy budget spent: epsilon 12" in out
    assert 2900 <= stats["auto__rows__a"]["results"][0]["count"] <= 3100
    assert abs(stats["auto__nulls__a__v"]["results"][0]["fraction"] - 0.2) < 0.05
    assert abs(stats["auto__a__on_sale"]["results"][0]["probability"] - 1 / 3) < 0.05
    q = stats["auto__a__made"]["results"][0]["q"]
    assert len(q) == 51 and q[0] >= "2019-01-01" and q[-1] <= "2021-01-01" and q == sorted(q)
    assert all(r["parents"] > 7 for r in stats["auto__children__b__b_a_id_fkey"]["results"])
    run("create-tables")
    run("create-data")


def test_shaping_a_source_of_every_type(tmp_path, sql_project, monkeypatch):
    """The hostile schema (odd names, every built-in type, domains, enums, arrays, cycles, composite and
    self-references), filled by sqlsynth's starter config, then shaped from: profile, statistics and
    fitted generators work on every type, and the load equals the source's row counts."""
    from test_hostile_schema import SOURCE_SQL, SRC_SCHEMA

    src, dst = sql_project(SOURCE_SQL, "sqlsynth_fhs")
    monkeypatch.setenv("SRC_SCHEMA", SRC_SCHEMA)
    run("make-tables", "--orm-file", "fill-orm.yaml")
    run("generate-config", "--no-fit", "--orm-file", "fill-orm.yaml", "--config-file", "fill.yaml")
    with monkeypatch.context() as m:  # fill the source itself (sqlsynth refuses to write where SRC_DSN points)
        m.delenv("SRC_DSN")
        m.setenv("DST_DSN", src)
        m.setenv("DST_SCHEMA", SRC_SCHEMA)
        run("create-data", "--orm-file", "fill-orm.yaml", "--config-file", "fill.yaml", "--num-passes", "120",
            "--seed", "5")
    monkeypatch.setenv("DST_SCHEMA", "shaped dst")
    with psycopg.connect(dst) as conn:
        conn.execute('CREATE SCHEMA "shaped dst"')
    readme_workflow("--seed", "6")
    gens = {g["columns_assigned"]: g["name"] for g in
            yaml.safe_load(Path("config.yaml").read_text())["tables"]["all_types"]["row_generators"]}
    assert gens["c_numeric"] == gens["c_date"] == gens["c_timestamptz"] == "sqlsynth.quantiles"
    assert gens["c_tsrange"] == gens["c_daterange"] == gens["c_int4range"] == "sqlsynth.range"
    assert gens["c_bool"] == "generic.weighted_boolean_provider.bool"
    with psycopg.connect(src) as s, psycopg.connect(dst) as d:
        for t in ("user", "order", "Select", "other", "all_types"):
            n_src = s.execute(f'SELECT count(*) FROM "{SRC_SCHEMA}"."{t}"').fetchone()[0]
            n_dst = d.execute(f'SELECT count(*) FROM "shaped dst"."{t}"').fetchone()[0]
            assert n_src == n_dst == 120, t


def test_shaping_a_source_of_several_schemas(tmp_path, sql_project, monkeypatch):
    """Several source schemas (a cross-schema cycle, odd schema names): each table is profiled and
    measured in its own schema; the shaped load has the source's row counts."""
    from test_schemas import CORE_SQL, SCHEMAS, SRC_SCHEMA

    src, dst = sql_project(CORE_SQL, "sqlsynth_fms")
    monkeypatch.setenv("SRC_SCHEMA", SRC_SCHEMA)
    run("make-tables", "--orm-file", "fill-orm.yaml")
    run("generate-config", "--no-fit", "--orm-file", "fill-orm.yaml", "--config-file", "fill.yaml")
    with monkeypatch.context() as m:
        m.delenv("SRC_DSN")
        m.setenv("DST_DSN", src)
        run("create-data", "--orm-file", "fill-orm.yaml", "--config-file", "fill.yaml", "--num-passes", "40",
            "--seed", "3")
    readme_workflow("--seed", "4")
    with psycopg.connect(src) as s, psycopg.connect(dst) as d:
        q = ("SELECT n.nspname, c.relname, c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
             "WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(%s) AND NOT c.relispartition ORDER BY 1, 2")
        tables = [(nsp, rel) for nsp, rel, _n in s.execute(q, [SCHEMAS]).fetchall()]
        assert tables
        for nsp, rel in tables:
            count = f'SELECT count(*) FROM "{nsp}"."{rel}"'
            assert s.execute(count).fetchone()[0] == d.execute(count).fetchone()[0], (nsp, rel)


NARROW_SQL = """
CREATE TABLE p (id serial PRIMARY KEY);
CREATE TABLE k (id serial PRIMARY KEY, p_id smallint NOT NULL REFERENCES p);
CREATE TABLE other (id serial PRIMARY KEY, n int);
INSERT INTO p SELECT FROM generate_series(1, 100);
INSERT INTO k (p_id) SELECT 1 + i % 100 FROM generate_series(0, 299) i;
INSERT INTO other (n) SELECT i FROM generate_series(1, 10) i;
"""


def test_scale_beyond_a_smallint_key_lowers_every_table_alike(tmp_path, sql_project):
    """--scale 500 would give p 50,000 rows, more than k.p_id (smallint) can refer to: every table sized
    from the source gets the same lower scale (32,767 / 100), with a warning; a table sized by `rows`
    keeps its count; at a scale that fits, nothing changes."""
    src, dst = sql_project(NARROW_SQL, "sqlsynth_fnarrow")
    Path("config.yaml").write_text(yaml.safe_dump({"tables": {
        "p": {"rows_from_source": 1}, "k": {"rows_from_source": 1, "children_per_parent": {"foreign_key": "k_p_id_fkey"}},
        "other": {"rows": 4}}}))
    run("make-tables")
    run("make-stats")
    run("create-tables")
    out = run("create-data", "--scale", "500").output
    assert "k.p_id is smallint and refers to p (at most 32,767)" in out and "scaled by 327.67 " in out, out
    counts = [one(dst, f"SELECT count(*) FROM {t}")[0] for t in ("p", "k", "other")]
    assert counts == [32767, round(300 * 327.67), 4], counts
    assert one(dst, "SELECT count(*) FROM (SELECT p_id FROM k GROUP BY p_id HAVING count(*) <> 3) s")[0] == 0
    run("remove-data", "--yes")
    out = run("create-data", "--scale", "300").output
    assert "warning" not in out
    assert [one(dst, f"SELECT count(*) FROM {t}")[0] for t in ("p", "k")] == [30000, 90000]
