"""generate-config guesses realistic generators; an unedited config reads like real data."""

from __future__ import annotations

import re

import psycopg
from click.testing import CliRunner

from sqlsynth.cli import main
from sqlsynth.config.load import load_config
from sqlsynth.plan.values import WORDS


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
    run(["generate-config"])
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
