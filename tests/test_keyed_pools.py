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
