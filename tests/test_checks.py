"""Every CHECK satisfied: by construction where the planner can, by the SQL fallback otherwise.

Each test reflects a source schema written here (constructs seen in real production schemas),
loads a destination with every constraint on (create-tables, create-data), and asserts that the
constraints are there and validated, that every row passes each CHECK (re-evaluated by
PostgreSQL), and what the construction is meant to give (negative values inside a negative
bound, both branches of an implication, distinct pattern codes...).
"""

from __future__ import annotations

import psycopg
import pytest
import yaml
from click.testing import CliRunner
from psycopg import sql

from sqlsynth import api
from sqlsynth.cli import main


def cli(*args: str, ok: bool = True):
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    out = res.output  # stdout and stderr
    assert "Traceback" not in out
    if ok:
        assert res.exit_code == 0, (args, out)
    return res.exit_code, out


def load(sql_project, source: str, rows: dict[str, int], prefix: str, dst_prelude: str | None = None,
         seed: int = 5, extra: tuple[str, ...] = ()) -> str:
    """Reflect `source`, write a config with these row counts, create the tables and load them."""
    _src, dst = sql_project(source, prefix)
    cli("make-tables")
    config = {"tables": {t: {"rows": n} for t, n in rows.items()}}
    with open("config.yaml", "w") as fh:
        yaml.safe_dump(config, fh)
    if dst_prelude:
        with psycopg.connect(dst) as conn:
            conn.execute(dst_prelude)
    cli("create-tables")
    cli("create-data", "--seed", str(seed), *extra)
    return dst


def checks_hold(dst: str, table: str) -> list[str]:
    """The table's CHECK constraints (all validated), each re-evaluated on every row: none fails."""
    with psycopg.connect(dst) as conn:
        cons = conn.execute(
            "SELECT conname::text, pg_get_constraintdef(c.oid), convalidated FROM pg_constraint c "
            "WHERE conrelid = %s::regclass AND contype = 'c' ORDER BY 1", [table]).fetchall()
        assert cons, f"{table} has no CHECK"
        for name, definition, valid in cons:
            assert valid, name
            expr = definition[len("CHECK "):].removesuffix(" NOT VALID")
            bad = conn.execute(sql.SQL("SELECT count(*) FROM {} WHERE NOT ({})").format(
                sql.Identifier(table), sql.SQL(expr))).fetchone()[0]
            assert bad == 0, (name, bad)
    return [n for n, _d, _v in cons]


def one(dst: str, query: str, *params) -> tuple:
    with psycopg.connect(dst) as conn:
        return conn.execute(query, params).fetchone()


def fallback_checks(table: str, num_passes: int = 1) -> list[str]:
    """Names of the CHECKs the plan keeps by drawing candidates in SQL (none: all by construction)."""
    plan = api.plan_load("orm.yaml", "config.yaml", num_passes=num_passes, seed=5)
    return [c.name for fb in plan.tables[table].fallback for c in fb.checks]


RANGES = """
CREATE TABLE employee (
    id serial PRIMARY KEY,
    vacationhours smallint NOT NULL CHECK (vacationhours >= -40 AND vacationhours <= 240),
    sickleavehours smallint NOT NULL CHECK (sickleavehours BETWEEN 0 AND 120),
    balance numeric(7,2) NOT NULL CHECK (balance >= -1500.50 AND balance <= 200),
    freezer real NOT NULL CHECK (freezer > -30 AND freezer < -10),
    delta integer NOT NULL CHECK (delta <> 0 AND delta BETWEEN -3 AND 3),
    birthdate date NOT NULL CHECK (birthdate >= '1930-01-01' AND birthdate <= now() - interval '18 years'),
    hired timestamp NOT NULL CHECK (hired > '2001-06-30 12:00' AND hired <= now())
);
"""


def test_ranges_with_negative_literals_and_dates(sql_project):
    dst = load(sql_project, RANGES, {"employee": 500}, "sqlsynth_ckr")
    checks_hold(dst, "employee")
    assert fallback_checks("employee") == []  # every one by construction
    lo, hi, negative, bal_lo, bal_neg, fr_lo, fr_hi, zeros, deltas = one(
        dst, "SELECT min(vacationhours), max(vacationhours), count(*) FILTER (WHERE vacationhours < 0), "
             "min(balance), count(*) FILTER (WHERE balance < 0), min(freezer), max(freezer), "
             "count(*) FILTER (WHERE delta = 0), count(DISTINCT delta) FROM employee")
    # PostgreSQL prints -40 as '-40'::integer: the lower bound is kept, and used
    assert lo >= -40 and hi <= 240 and 40 < negative < 140, (lo, hi, negative)
    assert bal_lo >= -1500.5 and bal_neg > 300
    assert -30 < fr_lo and fr_hi < -10
    assert zeros == 0 and deltas == 6
    oldest, youngest, first_hire = one(dst, "SELECT min(birthdate), max(birthdate), min(hired) FROM employee")
    assert str(oldest) >= "1930-01-01" and str(youngest) <= "2006-01-01"
    assert str(first_hire) > "2001-06-30 12:00"


CROSS = """
CREATE TABLE entity (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE salesorder (
    id serial PRIMARY KEY,
    orderdate timestamp NOT NULL,
    duedate timestamp NOT NULL,
    shipdate timestamp,
    startdate date NOT NULL,
    enddate date,
    valid_from date NOT NULL,
    valid_to timestamptz NOT NULL,
    min_qty integer NOT NULL CHECK (min_qty >= 1),
    max_qty integer NOT NULL,
    price numeric(8,2) NOT NULL CHECK (price > 0),
    list_price numeric(8,2) NOT NULL,
    CHECK (duedate >= orderdate),
    CHECK (shipdate > orderdate OR shipdate IS NULL),
    CHECK (enddate >= startdate OR enddate IS NULL),
    CHECK (valid_to >= valid_from),
    CHECK (max_qty >= min_qty),
    CHECK (list_price > price)
);
CREATE TABLE relation (
    id serial PRIMARY KEY,
    entity0 integer NOT NULL REFERENCES entity (id),
    entity1 integer NOT NULL REFERENCES entity (id),
    CHECK (entity0 <> entity1)
);
CREATE TABLE tagpair (
    tag1 integer NOT NULL REFERENCES entity (id),
    tag2 integer NOT NULL REFERENCES entity (id),
    PRIMARY KEY (tag1, tag2),
    CHECK (tag1 < tag2)
);
CREATE TABLE follows (
    follower integer NOT NULL REFERENCES entity (id),
    followee integer NOT NULL REFERENCES entity (id),
    UNIQUE (follower, followee),
    CHECK (follower <> followee)
);
"""


def test_cross_column_comparisons(sql_project):
    # 30 entities: 435 ordered pairs, 870 pairs of distinct ones -- both nearly used up
    rows = {"entity": 30, "salesorder": 500, "relation": 500, "tagpair": 430, "follows": 860}
    dst = load(sql_project, CROSS, rows, "sqlsynth_ckx")
    for t in ("salesorder", "relation", "tagpair", "follows"):
        checks_hold(dst, t)
        assert fallback_checks(t) == [], t
        assert one(dst, f"SELECT count(*) FROM {t}")[0] == rows[t]
    spread = one(dst, "SELECT count(DISTINCT duedate - orderdate), count(DISTINCT max_qty - min_qty), "
                      "count(*) FILTER (WHERE duedate = orderdate), min(list_price - price) FROM salesorder")
    assert spread[0] > 400 and spread[1] > 200 and spread[3] > 0
    assert one(dst, "SELECT count(DISTINCT entity0), count(DISTINCT entity1) FROM relation") == (30, 30)


CHOICES = """
CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh');
CREATE TABLE ticket (
    id serial PRIMARY KEY,
    status varchar(10) NOT NULL CHECK (upper(status) = ANY (ARRAY['OPEN', 'CLOSED', 'on hold'])),
    kind text NOT NULL CHECK (lower(kind) IN ('bug', 'feature', 'Task')),
    lvl integer CHECK (lvl = 1 OR lvl = 2 OR lvl = 3),
    code varchar(3) NOT NULL CHECK (code IN ('X', 'Y')),
    n integer NOT NULL CHECK (n::text = ANY (ARRAY['7', '11'])),
    m mood NOT NULL CHECK (m <> 'meh'),
    flag char(1) CHECK (flag IS NULL OR flag IN ('Y', 'N'))
);
"""


def test_value_lists_under_functions_and_casts(sql_project):
    dst = load(sql_project, CHOICES, {"ticket": 300}, "sqlsynth_ckl")
    checks_hold(dst, "ticket")
    assert fallback_checks("ticket") == []
    with psycopg.connect(dst) as conn:
        def values(col: str) -> set:
            return {r[0] for r in conn.execute(sql.SQL("SELECT DISTINCT {}::text FROM ticket").format(sql.Identifier(col)))}
        # only the listed values the function keeps as they are ('on hold' is not upper case)
        assert values("status") == {"OPEN", "CLOSED"}
        assert values("kind") == {"bug", "feature"}
        assert values("lvl") == {"1", "2", "3"}
        assert values("code") == {"X", "Y"}
        assert values("n") == {"7", "11"}
        assert values("m") == {"happy", "sad"}
        assert values("flag") <= {"Y", "N", None}


LENGTHS = """
CREATE TABLE product (
    id serial PRIMARY KEY,
    name text NOT NULL CHECK (length(name) >= 12),
    label text NOT NULL CHECK (char_length(btrim(label)) > 0),
    sku varchar(40) NOT NULL CHECK (length(sku) BETWEEN 5 AND 8),
    note text NOT NULL CHECK (note <> ''),
    tiny varchar(20) NOT NULL CHECK (octet_length(tiny) < 3)
);
"""


def test_length_bounds(sql_project):
    dst = load(sql_project, LENGTHS, {"product": 300}, "sqlsynth_ckn")
    checks_hold(dst, "product")
    assert fallback_checks("product") == []
    lengths = one(dst, "SELECT min(length(name)), min(length(sku)), max(length(sku)), max(length(tiny)), "
                       "count(DISTINCT sku) FROM product")
    assert lengths[0] >= 12 and 5 <= lengths[1] and lengths[2] <= 8 and lengths[3] < 3 and lengths[4] > 100


CASES = """
CREATE TABLE account (id serial PRIMARY KEY);
CREATE TABLE team (id serial PRIMARY KEY);
CREATE TABLE membership (
    id serial PRIMARY KEY,
    ended boolean NOT NULL,
    end_date date,
    a integer,
    b integer,
    x integer, y text, z date,
    status text NOT NULL CHECK (status IN ('open', 'closed')),
    closed_at timestamp,
    owner_account integer REFERENCES account (id),
    owner_team integer REFERENCES team (id),
    CHECK ((ended AND end_date IS NOT NULL) OR NOT ended),
    CHECK ((a IS NULL) <> (b IS NULL)),
    CHECK (num_nonnulls(x, y, z) = 1),
    CHECK (status <> 'closed' OR closed_at IS NOT NULL),
    CHECK ((owner_account IS NOT NULL)::integer + (owner_team IS NOT NULL)::integer = 1)
);
"""


def test_implications_and_exactly_one_of(sql_project):
    dst = load(sql_project, CASES, {"account": 20, "team": 20, "membership": 600}, "sqlsynth_ckc")
    checks_hold(dst, "membership")
    assert fallback_checks("membership") == []
    r = one(dst, """SELECT count(*) FILTER (WHERE ended), count(*) FILTER (WHERE NOT ended AND end_date IS NULL),
                           count(*) FILTER (WHERE NOT ended AND end_date IS NOT NULL),
                           count(*) FILTER (WHERE a IS NULL), count(*) FILTER (WHERE b IS NULL),
                           count(x), count(y), count(z),
                           count(*) FILTER (WHERE status = 'closed'), count(*) FILTER (WHERE status = 'open' AND closed_at IS NULL),
                           count(owner_account), count(owner_team)
                    FROM membership""")
    assert all(v > 50 for v in r), r  # every allowed case is drawn


PATTERNS = r"""
CREATE TABLE document (
    id serial PRIMARY KEY,
    code varchar(12) NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'),
    zip text NOT NULL CHECK (zip ~ '^[[:digit:]]{5}(-[[:digit:]]{4})?$'),
    sku text NOT NULL CHECK (sku LIKE 'SKU-%'),
    email text NOT NULL CHECK (email ~* '^[a-z0-9._]+@[a-z]+\.[a-z]{2,3}$'),
    short char(2) NOT NULL UNIQUE CHECK (short ~ '^[A-Z]{2}$'),
    version varchar(8) NOT NULL CHECK (version ~ '^v\d+\.\d+$')
);
"""


def test_regular_expressions(sql_project):
    dst = load(sql_project, PATTERNS, {"document": 600}, "sqlsynth_ckp")
    checks_hold(dst, "document")
    assert fallback_checks("document") == []
    assert one(dst, "SELECT count(DISTINCT code), count(DISTINCT short), count(DISTINCT version) > 50 "
                    "FROM document") == (600, 600, True)


FUNCTION = "CREATE FUNCTION is_even(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT v % 2 = 0'"
FUNCTION_SOURCE = FUNCTION + """;
CREATE TABLE parent (id serial PRIMARY KEY);
CREATE TABLE measurement (
    id serial PRIMARY KEY,
    parent_id integer NOT NULL REFERENCES parent (id),
    v integer NOT NULL CHECK (is_even(v)),
    w integer NOT NULL,
    label text NOT NULL,
    CHECK (is_even(parent_id + w)),
    CHECK (left(label, 1) <> 'A')
);
"""


def test_check_calling_a_user_function_uses_the_sql_fallback(sql_project):
    # make-tables records the function and create-tables creates it before the tables
    dst = load(sql_project, FUNCTION_SOURCE, {"parent": 40, "measurement": 2000}, "sqlsynth_ckf")
    checks_hold(dst, "measurement")
    assert sorted(fallback_checks("measurement")) == ["CHECK measurement_check", "CHECK measurement_label_check",
                                                      "CHECK measurement_v_check"]
    assert one(dst, "SELECT count(*), count(DISTINCT v), count(DISTINCT parent_id) FROM measurement")[0] == 2000

    def digest() -> str:
        return one(dst, "SELECT md5(string_agg(m::text, '|' ORDER BY id)) FROM measurement m")[0]

    first = digest()
    # the same rows with --jobs 2 in small chunks
    cli("remove-data", "--yes")
    cli("create-data", "--seed", "5", "--jobs", "2", "--chunk-rows", "300")
    assert digest() == first
    checks_hold(dst, "measurement")


IMPOSSIBLE = """
CREATE FUNCTION never(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT v < -5';
CREATE TABLE t1 (id serial PRIMARY KEY, v integer NOT NULL CHECK (never(v)), w integer NOT NULL CHECK (w % 3 = 0));
CREATE TABLE t2 (id serial PRIMARY KEY, a integer NOT NULL, b integer NOT NULL, CONSTRAINT far CHECK (a > b + 5000));
CREATE TABLE t3 (id serial PRIMARY KEY, c integer NOT NULL CHECK (c % 3 = 1));
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_unsatisfiable_checks_are_all_reported_before_anything_is_written(sql_project, jobs):
    _src, dst = sql_project(IMPOSSIBLE, "sqlsynth_cku")
    cli("make-tables")
    with open("config.yaml", "w") as fh:
        yaml.safe_dump({"tables": {"t1": {"rows": 200}, "t2": {"rows": 200}, "t3": {"rows": 200}}}, fh)
    cli("create-tables")  # creates never() too (make-tables recorded it)
    code, out = cli("create-data", "--seed", "5", "--jobs", jobs, ok=False)
    assert code == 1
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out  # one message, every unsatisfiable CHECK in it
    msg = lines[0]
    assert "table t1 (tables.t1): 200 of 200 sampled rows have no candidate" in msg
    assert "CHECK t1_v_check passes for 0.0%" in msg
    assert "t1_w_check" not in msg  # its own draws: satisfied on its own (1 in 3 per candidate)
    assert "table t2 (tables.t2): 200 of 200" in msg and "CHECK far passes for 0.0%" in msg
    assert "t3" not in msg
    assert "nothing was written" in msg
    for t in ("t1", "t2", "t3"):
        assert one(dst, f"SELECT count(*) FROM {t}")[0] == 0


SHORT = """
CREATE TABLE country (
    id serial PRIMARY KEY,
    iso2 char(2) NOT NULL UNIQUE,
    iso3 char(3) NOT NULL UNIQUE,
    code varchar(5) NOT NULL UNIQUE,
    wide varchar(40) NOT NULL UNIQUE
);
"""


def test_unique_short_codes_use_the_whole_alphabet(sql_project):
    dst = load(sql_project, SHORT, {"country": 500}, "sqlsynth_cks")
    r = one(dst, "SELECT count(DISTINCT iso2), count(DISTINCT iso3), count(DISTINCT code), "
                 "bool_and(iso2 ~ '^[A-Z]{2}$'), bool_and(iso3 ~ '^[A-Z]{3}$'), bool_and(code ~ '^[A-Z]{5}$'), "
                 "bool_and(wide ~ '-[0-9]+$') FROM country")
    assert r == (500, 500, 500, True, True, True, True), r  # letters while 26^n is enough; wide: words-<row>

    # 1000 rows: more than 26^2, so char(2) takes digits too (36^2 = 1296)
    with open("config.yaml", "w") as fh:
        yaml.safe_dump({"tables": {"country": {"rows": 1000}}}, fh)
    cli("remove-data", "--yes")
    cli("create-data", "--seed", "5")
    assert one(dst, "SELECT count(DISTINCT iso2), bool_and(iso2 ~ '^[A-Z0-9]{2}$'), "
                    "count(*) FILTER (WHERE iso2 ~ '[0-9]') FROM country")[:2] == (1000, True)

    # past the capacity: a clear error naming the column, its capacity and the rows asked
    with open("config.yaml", "w") as fh:
        yaml.safe_dump({"tables": {"country": {"rows": 1300}}}, fh)
    cli("remove-data", "--yes")
    code, out = cli("create-data", "--seed", "5", ok=False)
    assert code == 1
    assert "country.iso2" in out and "1296" in out and "1300" in out, out


def test_pattern_pools_are_the_same_in_every_process():
    """Pattern values come from a seeded generator: the same in any process, whatever
    PYTHONHASHSEED (a set's order changes with it), and each one matches the pattern."""
    import os
    import re
    import subprocess
    import sys

    code = ("from sqlsynth.plan.regex_pool import RegexGen;"
            "print(RegexGen(r'^[^a-z0-9]{2}[[:upper:]]\\d{2,4}(x|yz)*$', max_len=12).values(50, 7, unique_rows=50))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outs) == 1
    values = eval(outs.pop())  # noqa: S307 - our own printed list
    assert len(set(values)) == 50
    assert all(re.search(r"^[^a-z0-9]{2}[A-Z]\d{2,4}(x|yz)*$", v) and len(v) <= 12 for v in values)
