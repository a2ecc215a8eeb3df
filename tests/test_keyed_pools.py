"""Pools keyed by a parent column (locale_from, sqlsynth.plan.keyed_pools): Pagila's addresses in the
locale of their city's country, proposed by generate-config, the same rows across --jobs and psql."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import psycopg
import yaml
from click.testing import CliRunner

from sqlsynth import api
from sqlsynth.cli import main
from sqlsynth.plan.keyed_pools import COUNTRY_LOCALES, KeyedPool
from test_faithful import pagila, readme_workflow, run  # noqa: F401  (the fixture)

COLUMNS = {"generic.address.address": "address", "generic.address.postal_code": "postal_code"}


def test_addresses_come_from_the_pool_of_their_countrys_locale(pagila, make_db):  # noqa: F811
    src, dst = pagila
    readme_workflow("--seed", "5")
    cfg = yaml.safe_load(Path("config.yaml").read_text())["tables"]["address"]["row_generators"]
    keyed = {g["columns_assigned"]: g["locale_from"] for g in cfg if "locale_from" in g}
    assert set(COLUMNS.values()) <= set(keyed)
    assert keyed["address"] == {"foreign_keys": ["address_city_id_fkey", "city_country_id_fkey"], "column": "country"}
    plan = api.plan_load("orm.yaml", None, seed=5)
    pools = {p.name: p for p in plan.pools if isinstance(p, KeyedPool)}
    assert set(COLUMNS) <= set(pools)
    with psycopg.connect(dst) as conn:
        rows = conn.execute("SELECT co.country, a.address, a.postal_code FROM address a JOIN city c USING (city_id) "
                            "JOIN country co USING (country_id)").fetchall()
    seen_locales = set()
    for country, *values in rows:
        loc = COUNTRY_LOCALES.get(country.lower(), "en-gb")
        for (name, _col), v in zip(COLUMNS.items(), values):
            pool = pools[name]
            i = pool.locales.index(loc)
            assert v in pool.values[i * pool.per:(i + 1) * pool.per], (country, loc, name, v)
        seen_locales.add(loc)
    assert {"ja", "de", "ru", "en-gb"} <= seen_locales  # Japan, Germany, Russia, and India etc. by the default
    # the same rows with --jobs 2 and chunks, and through compile | psql
    with psycopg.connect(dst) as conn:
        md5 = conn.execute("SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM address x").fetchone()[0]
    for how in ("jobs", "psql"):
        other = make_db(f"sqlsynth_kp_{how}")
        env = {**os.environ, "DST_DSN": other}
        for step in (["create-tables"], ["create-vocab"]):
            assert CliRunner().invoke(main, step, env=env).exit_code == 0
        if how == "jobs":
            res = CliRunner().invoke(main, ["create-data", "--seed", "5", "--jobs", "2", "--chunk-rows", "200"], env=env)
            assert res.exit_code == 0, res.output
        else:
            run("compile", "--seed", "5", "-o", "load.sql")
            proc = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", other, "-f", "load.sql"],
                                  capture_output=True, text=True)
            assert proc.returncode == 0, proc.stderr
        with psycopg.connect(other) as conn:
            assert conn.execute("SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM address x").fetchone()[0] == md5


def test_a_bad_locale_from_is_located(pagila):  # noqa: F811
    readme_workflow("--seed", "5")
    data = yaml.safe_load(Path("config.yaml").read_text())
    g = next(g for g in data["tables"]["address"]["row_generators"] if g["columns_assigned"] == "address")
    g["locale_from"] = {"foreign_keys": ["address_city_id_fkey", "no_such_fkey"], "column": "country",
                        "locales": {"Japan": "xx"}}
    Path("config.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    res = CliRunner().invoke(main, ["compile", "--seed", "5", "-o", "x.sql"])
    assert res.exit_code == 1
    assert "locale_from.foreign_keys[1]" in res.output and "no_such_fkey" in res.output, res.output
    assert not Path("x.sql").exists()


GENERATED_SQL = """
CREATE TABLE nation (id serial PRIMARY KEY, country text NOT NULL);
CREATE TABLE region (id serial PRIMARY KEY, nation_id int NOT NULL REFERENCES nation);
CREATE TABLE site (id serial PRIMARY KEY, region_id int REFERENCES region, street text, zip text);
"""


def test_a_path_through_generated_tables_is_followed_in_closed_form(tmp_path, sql_project, make_db):
    """nation and region are generated: each site's locale is its region's nation's country, evaluated at
    the parent rows its keys picked (no read of the destination); a value the mapping lacks (Atlantis)
    gets the default locale."""
    src, dst = sql_project(GENERATED_SQL, "sqlsynth_kpgen")
    path = {"foreign_keys": ["site_region_id_fkey", "region_nation_id_fkey"], "column": "country",
            "locales": {"Japan": "ja", "Deutschland": "de"}}
    Path("config.yaml").write_text(yaml.safe_dump({"tables": {
        "nation": {"rows": 30, "row_generators": [{"name": "generic.choice", "columns_assigned": "country",
                                                   "args": [["Japan", "DEUTSCHLAND", "Atlantis"]]}]},
        "region": {"rows": 200},
        "site": {"rows": 3000, "row_generators": [
            {"name": "generic.address.street_name", "columns_assigned": "street", "locale_from": path},
            {"name": "generic.address.postal_code", "columns_assigned": "zip", "locale_from": path}]}}}))
    run("make-tables")
    run("create-tables")
    run("create-data", "--seed", "3")
    plan = api.plan_load("orm.yaml", None, seed=3)
    insert = next(s.sql for s in api.compile_program("orm.yaml", None, seed=3).steps
                  if s.kind == "insert" and s.table == "site")
    assert '"nation"' not in insert and '"region"' not in insert  # closed form: no read of the parents' rows
    assert "'japan'" in insert and "'deutschland'" in insert
    pools = {p.name: p for p in plan.pools if isinstance(p, KeyedPool)}
    assert pools["generic.address.street_name"].locales == ["en-gb", "de", "ja"]
    with psycopg.connect(dst) as conn:
        rows = conn.execute("SELECT n.country, s.street, s.zip FROM site s LEFT JOIN region r ON r.id = s.region_id "
                            "LEFT JOIN nation n ON n.id = r.nation_id").fetchall()
    assert len(rows) == 3000
    by = {}
    for country, street, zip_ in rows:
        loc = {"japan": "ja", "deutschland": "de"}.get((country or "").lower(), "en-gb")
        for name, v in (("generic.address.street_name", street), ("generic.address.postal_code", zip_)):
            p = pools[name]
            i = p.locales.index(loc)
            assert v in p.values[i * p.per:(i + 1) * p.per], (country, name, v)
        by[loc] = by.get(loc, 0) + 1
    assert set(by) == {"ja", "de", "en-gb"}, by
