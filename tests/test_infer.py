"""generate-config guesses realistic generators; an unedited config reads like real data."""

from __future__ import annotations

import re
from pathlib import Path

import psycopg
import pytest
import yaml
from click.testing import CliRunner

from sqlsynth.cli import main
from sqlsynth.config.infer import infer_column, name_range
from sqlsynth.config.load import load_config
from sqlsynth.plan.values import WORDS
from sqlsynth.schema.model import Column, Schema, Table


def run(args):
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def test_unedited_generate_config_gives_realistic_pagila(tmp_path, monkeypatch, pagila_src, make_db):
    monkeypatch.chdir(tmp_path)
    dst = make_db("sqlsynth_dst")
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("DST_DSN", dst)
    run(["make-tables"])
    run(["generate-config", "--no-fit"])
    cfg = load_config("config.yaml")
    gens = {(t, c): g.name for t, tc in cfg.tables.items() for g in tc.row_generators for c in g.columns}
    assert gens[("actor", "first_name")] == "generic.person.first_name"
    assert gens[("customer", "email")] == "generic.person.email"
    assert gens[("address", "postal_code")] == "generic.address.postal_code"
    assert gens[("city", "city")] == "generic.address.city"
    assert gens[("film", "title")] == "sqlsynth.title"  # 'Plenty Harbor', not a sentence
    # keys and foreign keys are left to sqlsynth
    assert ("film", "film_id") not in gens and ("film", "language_id") not in gens
    run(["create-tables"])
    run(["create-data", "--num-passes", "300", "--seed", "3"])
    vocab = set(WORDS)
    with psycopg.connect(dst) as conn:
        checks = {
            "SELECT first_name || ' ' || last_name FROM actor": r"^[A-Z][a-z'\-]+ [A-Z][A-Za-z'\- ]+$",
            "SELECT first_name || ' ' || last_name FROM customer": r"^[A-Z][a-z'\-]+ [A-Z][A-Za-z'\- ]+$",
            "SELECT email FROM customer": r"^[^@\s]+@[a-z0-9.\-]+\.[a-z]+$",
            "SELECT email FROM staff": r"^[^@\s]+@[a-z0-9.\-]+\.[a-z]+$",
            "SELECT address FROM address": r"^\d+ \S.*$",
            "SELECT city FROM city": r"^[^\W\d_].*$",
            "SELECT country FROM country": r"^[^\W\d_].*$",
            "SELECT phone FROM address": r"^[\d +()\-]+$",
            "SELECT title FROM film": r"^[A-Z][\w'\-]* [A-Z][\w'\-]*$",
            "SELECT description FROM film": r"^[A-Z].*[.!?\"]$",
        }
        for q, rx in checks.items():
            values = [r[0] for r in conn.execute(q).fetchall()]
            assert values, q
            bad = [v for v in values if not re.match(rx, v)]
            assert not bad, (q, bad[:5])
            # no value made of the built-in placeholder vocabulary
            assert not any(len(v.split()) > 1 and set(v.lower().split()) <= vocab for v in values), q
        # unique email (not declared unique in Pagila, but pools stay distinct-ish): realistic spread
        assert conn.execute("SELECT count(DISTINCT first_name) FROM customer").fetchone()[0] > 150
        years = conn.execute("SELECT min(release_year), max(release_year) FROM film").fetchone()
        assert 1970 <= years[0] <= years[1] <= 2025
        amount = conn.execute("SELECT min(amount), max(amount), avg(amount) FROM payment").fetchone()
        assert 0 < amount[0] and amount[1] < 1000 and 5 < amount[2] < 30


# ---- name rules, unique pools, self-references, plausible ranges, ordered pairs ----------

def _guess(name: str, type_: str = "text", table: str = "thing") -> str | None:
    t = Table(table, {name: Column(name, type_)})
    e = infer_column(Schema(tables={table: t}), t, t.columns[name])
    return e["name"] if e else None


@pytest.mark.parametrize("name,expected", [
    ("noteable_type", None), ("city_code", None), ("state_abbr", None), ("content_type", None),
    ("notes", "generic.text.sentence"), ("content", "generic.text.sentence"), ("city", "generic.address.city"),
    ("state", "generic.address.province"), ("country_code", "generic.address.country_code"),
    ("phone_number", "generic.person.telephone")])
def test_name_rules_match_whole_names(name, expected):
    assert _guess(name) == expected


@pytest.mark.parametrize("name,rng", [
    ("month", (1, 12)), ("month_of_birth", (1, 12)), ("birth_month", (1, 12)), ("day", (1, 31)),
    ("day_of_month", (1, 31)), ("day_of_week", (1, 7)), ("weekday", (1, 7)), ("hour", (0, 23)),
    ("start_hour", (0, 23)), ("year", (1970, 2025)), ("birth_year", (1930, 2010)), ("age", (18, 90)),
    ("percent", (0, 100)), ("pct_complete", (0, 100)), ("months", None), ("month_count", None),
    ("num_days", None), ("holiday", None)])
def test_integer_names_get_plausible_ranges(name, rng):
    assert name_range(name, "int") == rng


REALISM_SQL = """
CREATE TABLE emp (id serial PRIMARY KEY, boss_id int REFERENCES emp, month_of_birth int NOT NULL,
                  day_of_week smallint NOT NULL, pct_done int NOT NULL, hour int NOT NULL, months int NOT NULL,
                  start_date date NOT NULL, end_date date, valid_from timestamp, valid_to timestamp,
                  created_at timestamptz, updated_at timestamptz, currency char(3) UNIQUE NOT NULL);
CREATE TABLE node (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES node);
"""


def test_starter_config_is_realistic_for_names_self_references_and_pairs(tmp_path, sql_project, monkeypatch):
    src, dst = sql_project(REALISM_SQL, "sqlsynth_real")
    run(["make-tables"])
    run(["generate-config", "--no-fit"])  # from orm.yaml alone
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    gens = {g["columns_assigned"]: g for g in cfg["tables"]["emp"]["row_generators"]}
    # en_GB's currency codes are one value: no pool for a unique column, the default makes them distinct
    assert "currency" not in gens
    assert gens["end_date"]["name"] == "sqlsynth.sql" and "start_date" in gens["end_date"]["kwargs"]["expression"]
    run(["create-tables"])
    run(["create-data", "--num-passes", "99", "--seed", "9"])
    with psycopg.connect(dst) as conn:
        def q(s):
            return conn.execute(s).fetchone()
        assert q("SELECT min(month_of_birth), max(month_of_birth) FROM emp") == (1, 12)
        assert q("SELECT min(day_of_week), max(day_of_week) FROM emp") == (1, 7)
        assert q("SELECT min(pct_done) >= 0, max(pct_done) <= 100, min(hour) >= 0, max(hour) <= 23 FROM emp") == \
            (True, True, True, True)
        assert q("SELECT max(months) FROM emp")[0] > 100  # a count, not a month
        assert q("SELECT count(*) FROM emp WHERE end_date < start_date OR valid_to < valid_from "
                 "OR updated_at < created_at")[0] == 0
        assert q("SELECT count(*) FROM emp WHERE end_date IS NOT NULL AND valid_to IS NOT NULL")[0] > 0
        # self-references point at strictly earlier rows; the first row has none: NULL, or itself if NOT NULL
        assert q("SELECT count(*) FROM emp WHERE boss_id >= id")[0] == 0
        assert q("SELECT boss_id FROM emp WHERE id = 1") == (None,)
        assert q("SELECT count(*) FROM emp WHERE boss_id IS NULL")[0] == 1
        assert q("SELECT count(*) FROM node WHERE parent_id >= id AND id > 1")[0] == 0
        assert q("SELECT parent_id FROM node WHERE id = 1") == (1,)
        assert q("SELECT count(DISTINCT currency) FROM emp")[0] == 99


def test_a_pool_too_small_for_unique_says_so(tmp_path, sql_project):
    sql_project(REALISM_SQL, "sqlsynth_pool1")
    run(["make-tables"])
    Path("config.yaml").write_text(yaml.safe_dump({"tables": {"emp": {"row_generators": [
        {"name": "generic.finance.currency_iso_code", "columns_assigned": "currency", "kwargs": {"unique": True}}]}}}))
    res = CliRunner().invoke(main, ["compile", "--num-passes", "20"], catch_exceptions=False)
    assert res.exit_code == 1
    assert "generic.finance.currency_iso_code gives only 1 distinct value" in res.output


SMALL_SQL = """
CREATE TABLE shop (id serial PRIMARY KEY, stars int NOT NULL, code varchar(8) NOT NULL);
INSERT INTO shop (stars, code) SELECT 10 * i, 'c' || i FROM generate_series(1, 30) i;
"""


def test_fit_falls_back_when_every_value_is_suppressed(tmp_path, sql_project, monkeypatch):
    """generate-config --fit (orm.yaml only) guesses categorical columns; on small real data every value is
    rare and suppressed: the load uses the source's quantiles (numbers) or the default (text), never fails."""
    src, dst = sql_project(SMALL_SQL, "sqlsynth_fb")
    run(["make-tables"])
    with monkeypatch.context() as m:
        m.delenv("SRC_DSN")
        run(["generate-config", "--fit"])
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    names = {g["columns_assigned"]: g["name"] for g in cfg["tables"]["shop"]["row_generators"]}
    assert names == {"stars": "dist_gen.weighted_choice", "code": "dist_gen.weighted_choice"}
    run(["make-stats"])
    run(["create-tables"])
    out = run(["create-data", "--num-passes", "200"])
    assert "stars): every value was seen too few times (suppressed)" in out and "quantiles" in out
    with psycopg.connect(dst) as conn:
        lo, hi, n = conn.execute("SELECT min(stars), max(stars), count(DISTINCT stars) FROM shop").fetchone()
    assert 10 <= lo and hi <= 300 and n > 20  # inside the source's range, continuous
