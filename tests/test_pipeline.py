"""End to end on Pagila, as a new user runs it: make-tables, generate-config, create-tables,
create-data; then determinism (remove-data + create-data, and compile | psql)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from sqlsynth.cli import main

GENERATED = ["actor", "address", "category", "city", "country", "customer", "film", "film_actor",
             "film_category", "inventory", "language", "payment", "rental", "staff", "store"]


def run(args: list[str], ok: bool = True) -> str:
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    if ok:
        assert res.exit_code == 0, res.output + (res.stderr if res.stderr_bytes else "")
    return res.output


def table_hashes(dsn: str) -> dict[str, tuple[int, str]]:
    """Row count and an ordered md5 of every generated table."""
    out = {}
    with psycopg.connect(dsn) as conn:
        for t in GENERATED:
            out[t] = conn.execute(
                f'SELECT count(*), md5(coalesce(string_agg(x::text, \'|\' ORDER BY x::text), \'\')) FROM "{t}" x'
            ).fetchone()
    return out


@pytest.fixture
def workspace(tmp_path, monkeypatch, pagila_src, make_db):
    monkeypatch.chdir(tmp_path)
    dst = make_db("sqlsynth_dst")
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("SRC_SCHEMA", "public")
    monkeypatch.setenv("DST_DSN", dst)
    run(["make-tables"])
    run(["generate-config", "--no-fit"])
    run(["create-tables"])
    return tmp_path, dst


def test_pagila_end_to_end_fills_every_table_with_constraints_enforced(workspace, pagila_src):
    tmp, dst = workspace
    out = run(["create-data", "--num-passes", "1000", "--seed", "7"])
    assert "15000 rows" in out
    with psycopg.connect(dst) as conn:
        for t in GENERATED:
            assert conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] == 1000, t
        # the destination enforces the same constraints as the source, all validated
        q = """SELECT contype, count(*) FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
               JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'public' AND contype IN ('p','u','f','c')
               AND c.convalidated GROUP BY contype ORDER BY contype"""
        dst_cons = conn.execute(q).fetchall()
        # payment rows are routed into the partitions; their dates follow their rental's (a rule
        # generate-config measured on Pagila), so they fall where the rentals' dates put them
        # (without rules they spread over the month partitions: tests/test_rules.py)
        parts = dict(conn.execute("SELECT tableoid::regclass::text, count(*) FROM payment GROUP BY 1").fetchall())
        assert sum(parts.values()) == 1000
        assert conn.execute("SELECT count(*) FROM payment p JOIN rental r USING (rental_id) "
                            "WHERE p.payment_date < lower(r.rental_period)").fetchone()[0] == 0
        # film: enum, domain with CHECK, text[], tsvector, generated column all present
        row = conn.execute("""SELECT count(DISTINCT rating), min(release_year), max(release_year),
                                     count(*) FILTER (WHERE fulltext IS NOT NULL),
                                     count(*) FILTER (WHERE cardinality(special_features) > 0),
                                     count(*) FILTER (WHERE revenue_projection = rental_duration * rental_rate)
                              FROM film""").fetchone()
        assert row[0] == 5 and 1901 <= row[1] <= row[2] <= 2155 and row[3] == 1000 and row[4] > 500 and row[5] == 1000
        # junction tables: distinct pairs; store managers distinct (unique index)
        assert conn.execute("SELECT count(DISTINCT (actor_id, film_id)) FROM film_actor").fetchone()[0] == 1000
        assert conn.execute("SELECT count(DISTINCT manager_staff_id) FROM store").fetchone()[0] == 1000
        # sequences continue after the generated keys
        assert conn.execute("SELECT nextval(pg_get_serial_sequence('actor', 'actor_id'))").fetchone()[0] == 1001
    with psycopg.connect(pagila_src) as conn:
        src_cons = conn.execute(q).fetchall()
    # same constraint kinds and counts as the source (the partition-level ones included)
    assert dst_cons == src_cons


def test_same_seed_same_data_direct_and_through_psql(workspace, make_db):
    tmp, dst = workspace
    run(["create-data", "--num-passes", "50", "--seed", "7"])
    first = table_hashes(dst)
    assert all(n == 50 for n, _ in first.values())
    run(["remove-data", "--yes"])
    run(["create-data", "--num-passes", "50", "--seed", "7"])
    assert table_hashes(dst) == first

    # compile piped through psql into another fresh destination gives the same rows
    other = make_db("sqlsynth_dst2")
    res = CliRunner(env={"DST_DSN": other}).invoke(main, ["create-tables"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    script = tmp / "load.sql"
    run(["compile", "--num-passes", "50", "--seed", "7", "-o", str(script)])
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", other, "-f", str(script)], check=True,
                   stdout=subprocess.DEVNULL)
    assert table_hashes(other) == first

    # another seed gives other data
    run(["remove-data", "--yes"])
    run(["create-data", "--num-passes", "50", "--seed", "8"])
    second = table_hashes(dst)
    assert all(second[t][1] != first[t][1] for t in ("actor", "film", "payment", "rental"))


def test_rows_setting_and_zero_rows(workspace):
    tmp, dst = workspace
    cfg = Path("config.yaml").read_text()
    cfg = cfg.replace("  actor:\n    ignore: false\n    vocabulary_table: false\n    num_rows_per_pass: 1\n",
                      "  actor:\n    ignore: false\n    vocabulary_table: false\n    rows: 37\n")
    cfg = cfg.replace("  film_actor:\n    ignore: false\n    vocabulary_table: false\n    num_rows_per_pass: 1\n",
                      "  film_actor:\n    ignore: false\n    vocabulary_table: false\n    num_rows_per_pass: 0\n")
    Path("config.yaml").write_text(cfg)
    run(["create-data", "--num-passes", "3"])
    with psycopg.connect(dst) as conn:
        assert conn.execute("SELECT count(*) FROM actor").fetchone()[0] == 37
        assert conn.execute("SELECT count(*) FROM film_actor").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM film").fetchone()[0] == 3


def test_ignored_table_is_not_created_and_its_foreign_keys_are_dropped(tmp_path, monkeypatch, pagila_src, make_db):
    monkeypatch.chdir(tmp_path)
    dst = make_db("sqlsynth_dst")
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("DST_DSN", dst)
    run(["make-tables"])
    run(["generate-config", "--no-fit"])
    cfg = Path("config.yaml").read_text().replace(
        "  language:\n    ignore: false", "  language:\n    ignore: true")
    Path("config.yaml").write_text(cfg)
    run(["create-tables"])
    run(["create-data", "--num-passes", "20"])
    with psycopg.connect(dst) as conn:
        assert conn.execute("SELECT to_regclass('language')").fetchone()[0] is None
        assert conn.execute("SELECT count(*) FROM film").fetchone()[0] == 20
    assert "language" not in run(["list-tables"]).split()
