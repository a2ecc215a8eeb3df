"""Constructs that stopped the unedited pipeline on real public schemas (benchmarks/RESULTS_real_schemas.md),
each reproduced in a schema written here (no other project's DDL):

- a junction between a generated table and a vocabulary table, keyed by both foreign keys
  (employee x territory): its key enumerated only the generated parents (9 combinations for 49 rows);
- a CHECK that ANDs a NULL-equality with a regular expression under IS NULL (OAuth code challenges);
- ``id <> 1 OR (type = 3 AND gender IS NULL AND ...)``: one special row (a "various artists" row);
- a function index whose SQL function calls, in its string body, another user function and an
  extension's text search dictionary (unaccent): neither is in pg_depend, both must be carried.

Each load runs with every constraint on, and the constraints are re-checked on every row.
"""

from __future__ import annotations

import psycopg
import pytest
import yaml
from test_checks import checks_hold, cli, one


def test_junction_of_a_generated_table_and_a_vocabulary_table(sql_project):
    _src, dst = sql_project("""
        CREATE TABLE territory (code varchar(20) PRIMARY KEY, name text NOT NULL);
        INSERT INTO territory SELECT lpad(g::text, 5, '0'), 'T' || g FROM generate_series(1, 12) g;
        CREATE TABLE person (id smallint PRIMARY KEY, name text NOT NULL);
        CREATE TABLE person_territory (
            person_id smallint NOT NULL REFERENCES person,
            territory_code varchar(20) NOT NULL REFERENCES territory,
            PRIMARY KEY (person_id, territory_code));
    """, "sqlsynth_rs_junction")
    cli("make-tables")
    with open("config.yaml", "w") as fh:
        yaml.safe_dump({"tables": {"territory": {"vocabulary_table": True}, "person": {"rows": 4},
                                   "person_territory": {"rows": 40}}}, fh)
    cli("make-vocab")
    cli("create-tables")
    cli("create-vocab")
    cli("create-data", "--seed", "2")
    # 40 rows > 4 persons: the territory is part of the enumeration; every pair distinct (the PK is on)
    n, pairs, persons, territories = one(dst, "SELECT count(*), count(DISTINCT (person_id, territory_code)), "
                                              "count(DISTINCT person_id), count(DISTINCT territory_code) "
                                              "FROM person_territory")
    assert (n, pairs, persons) == (40, 40, 4) and territories == 10
    assert one(dst, "SELECT count(*) FROM pg_constraint WHERE NOT convalidated")[0] == 0


def test_and_of_null_equality_and_regex_under_is_null(sql_project):
    _src, dst = sql_project(r"""
        CREATE TABLE token (
            id serial PRIMARY KEY,
            challenge text,
            method smallint,
            CONSTRAINT valid_challenge CHECK (((challenge IS NULL) = (method IS NULL))
                AND (challenge IS NULL OR challenge ~ '^[A-Za-z0-9.~_-]{43,128}$')));
    """, "sqlsynth_rs_regex")
    cli("make-tables")
    cli("generate-config", "--no-fit")
    cli("create-tables")
    cli("create-data", "--num-passes", "300", "--seed", "4")
    checks_hold(dst, "token")
    set_, null = one(dst, "SELECT count(challenge), count(*) FILTER (WHERE challenge IS NULL AND method IS NULL) "
                          "FROM token")
    assert set_ > 0 and null > 0 and set_ + null == 300  # both branches, never one of the pair alone
    assert one(dst, "SELECT min(length(challenge)) >= 43 AND max(length(challenge)) <= 128 FROM token")[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_special_row_guarded_by_its_key(sql_project, jobs):
    _src, dst = sql_project("""
        CREATE TABLE artist_type (id serial PRIMARY KEY, name text NOT NULL);
        CREATE TABLE artist (
            id serial PRIMARY KEY,
            type integer REFERENCES artist_type,
            gender integer,
            area integer,
            begin_year smallint,
            end_year smallint,
            CONSTRAINT group_no_gender CHECK ((gender IS NULL AND type IN (2, 5)) OR type NOT IN (2, 5) OR type IS NULL),
            CONSTRAINT various CHECK (id <> 1 OR (type = 3 AND gender IS NULL AND area IS NULL
                                                  AND begin_year IS NULL AND end_year IS NULL)));
    """, "sqlsynth_rs_guard")
    cli("make-tables")
    cli("generate-config", "--no-fit")
    # end_year gets a configured generator (ordered after begin_year): fixed on row 1 all the same
    assert "columns_assigned: end_year" in open("config.yaml").read()
    cli("create-tables")
    cli("create-data", "--num-passes", "200", "--seed", "6", "--jobs", jobs)
    checks_hold(dst, "artist")
    assert one(dst, "SELECT type, gender, area, begin_year, end_year FROM artist WHERE id = 1") == (3, None, None, None, None)
    # the other rows keep their drawn values
    assert one(dst, "SELECT count(area) FROM artist WHERE id > 1")[0] > 100


def test_function_body_dependencies_are_carried(sql_project, make_db):
    probe = make_db("sqlsynth_rs_probe")
    with psycopg.connect(probe) as conn:
        if not conn.execute("SELECT count(*) FROM pg_available_extensions WHERE name = 'unaccent'").fetchone()[0]:
            pytest.skip("the server has no unaccent extension")
    _src, dst = sql_project("""
        CREATE EXTENSION unaccent;
        CREATE SCHEMA app;
        CREATE FUNCTION app.squash(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT btrim(t) $$;
        CREATE FUNCTION app.fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS
            $f$ SELECT lower(app.squash(public.unaccent('public.unaccent'::regdictionary, t))) $f$;
        CREATE TABLE singer (id serial PRIMARY KEY, name text NOT NULL CHECK (name <> ''));
        CREATE INDEX singer_folded ON singer (app.fold(name));
    """, "sqlsynth_rs_body")
    cli("make-tables")
    orm = yaml.safe_load(open("orm.yaml"))
    assert [e["name"] for e in orm["extensions"]] == ["unaccent"]
    assert [(f["schema"], f["name"]) for f in orm["functions"]] == [("app", "squash"), ("app", "fold")]
    cli("generate-config", "--no-fit")
    cli("create-tables")
    cli("create-data", "--num-passes", "50")
    assert one(dst, "SELECT count(*) FROM singer")[0] == 50
    assert one(dst, "SELECT indexdef FROM pg_indexes WHERE indexname = 'singer_folded'")[0].endswith(
        "USING btree (app.fold(name))")


def test_sql_standard_function_bodies_are_carried(sql_project):
    """BEGIN ATOMIC bodies (PostgreSQL 14+) are parsed at CREATE time: the functions they call must
    exist first, and the CHECK calling them holds on every generated row."""
    _src, dst = sql_project("""
        CREATE SCHEMA lib;
        CREATE FUNCTION lib.trimmed(t text) RETURNS text LANGUAGE sql IMMUTABLE RETURN btrim(t);
        CREATE FUNCTION lib.sane(t text) RETURNS boolean LANGUAGE sql IMMUTABLE
        BEGIN ATOMIC
            SELECT length(lib.trimmed(t)) BETWEEN 1 AND 200;
        END;
        CREATE TABLE label (id serial PRIMARY KEY, name text NOT NULL CHECK (lib.sane(name)));
    """, "sqlsynth_rs_atomic")
    cli("make-tables")
    orm = yaml.safe_load(open("orm.yaml"))
    names = [(f["schema"], f["name"]) for f in orm["functions"]]
    assert names == [("lib", "trimmed"), ("lib", "sane")]  # the callee first
    assert "BEGIN ATOMIC" in orm["functions"][1]["definition"]
    cli("generate-config", "--no-fit")
    cli("create-tables")
    cli("create-data", "--num-passes", "100")
    checks_hold(dst, "label")
    assert one(dst, "SELECT count(*) FROM label")[0] == 100


def test_regex_check_on_a_fixed_length_char_column(sql_project):
    """char(n) values are matched padded with spaces ('ab'::char(5) ~ 'b$' is false): a pattern
    anchored at $ on char(15) needs values of exactly the width it allows (ISWC-style codes)."""
    _src, dst = sql_project(r"""
        CREATE TABLE work (id serial PRIMARY KEY);
        CREATE TABLE iswc (
            id serial PRIMARY KEY,
            work integer NOT NULL REFERENCES work,
            code char(15) CHECK (code ~ '^T-?\d{3}.?\d{3}.?\d{3}[-.]?\d$'));
        CREATE UNIQUE INDEX iswc_code_work ON iswc (code, work);
    """, "sqlsynth_rs_bpchar")
    cli("make-tables")
    cli("generate-config", "--no-fit")
    cli("create-tables")
    cli("create-data", "--num-passes", "300", "--seed", "3")
    checks_hold(dst, "iswc")
    assert one(dst, "SELECT count(*), count(code), min(octet_length(code::text)) FROM iswc") == (300, 300, 15)


def test_a_source_without_rows_gets_the_starter_config(sql_project):
    """A schema loaded as DDL only (no rows): generate-config, unedited, must not shape every table to
    0 rows; it writes the starter config, sized by --num-passes, and says why."""
    _src, dst = sql_project("""
        CREATE TABLE dept (id serial PRIMARY KEY, name text NOT NULL);
        CREATE TABLE emp (id serial PRIMARY KEY, dept_id int NOT NULL REFERENCES dept, name text);
    """, "sqlsynth_rs_empty")
    cli("make-tables")
    _code, out = cli("generate-config")
    assert "every table of the source is empty" in out
    with open("config.yaml") as fh:
        tables = yaml.safe_load(fh)["tables"]
    assert all(t.get("num_rows_per_pass") == 1 and "rows_from_source" not in t for t in tables.values())
    cli("create-tables")
    cli("create-data", "--num-passes", "20", "--seed", "3")
    assert one(dst, "SELECT (SELECT count(*) FROM dept), (SELECT count(*) FROM emp)") == (20, 20)
