"""Injection safety, as properties checked on a real server (hypothesis).

Table, column, schema and enum names, CHECK IN-list literals and config literal values
(``dist_gen.constant`` value, ``generic.choice`` items, ``sqlsynth.sequence`` prefix) are
drawn from an alphabet of quotes, semicolons, backslashes, ``$$``, ``--``, ``/*``, ``%``,
``:name``, psql backslash commands, unicode and line breaks. For every example the whole
workflow runs (make-tables -> generate-config -> create-tables -> create-data, and
compile -> ``psql -v ON_ERROR_STOP=1 -f``) and:

* exactly the expected values arrive (constant, choice items, formatted sequence, enum
  labels, CHECK IN-list values), identical through psycopg and through psql;
* nothing else is executed: canary tables in both databases keep their row, and no
  object appears or disappears outside the example's own schemas.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from contextlib import chdir
from pathlib import Path

import psycopg
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from psycopg import sql

from sqlsynth.cli import main
from sqlsynth.schema.io import dump_yaml

# ---- hostile text ---------------------------------------------------------------------------------

PIECES = ["'", "''", '"', '""', ";", "\\", "\\\\", "$$", "$tag$", "$", "--", "/*", "*/", "%", "%s", ":x",
          ":'x'", "\\.", "\\!", "\\gexec", "\n", "\r\n", "\t", " ", "é", "ß", "雪", "🦄", "\u2028", "\x85",
          "(", ")", ",", "`", "x", "y", "0", "DROP TABLE canary;", "'; DROP TABLE canary; --",
          '"; DROP TABLE canary; --', "$$; DROP TABLE canary; $$", "E'\\''", "{", "}", "[", "]"]


def _fits(s: str) -> bool:
    return 0 < len(s.encode()) <= 60 and "\x00" not in s  # identifiers and labels: at most 63 bytes


def hostile(min_size: int = 1, max_size: int = 5, braces: bool = True) -> st.SearchStrategy[str]:
    pieces = PIECES if braces else [p for p in PIECES if "{" not in p and "}" not in p]
    part = st.sampled_from(pieces) | st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                                             min_size=1, max_size=2)
    return st.lists(part, min_size=min_size, max_size=max_size).map("".join)


names = hostile().filter(_fits)


def _plain(s: str) -> bool:
    """Read as-is by sqlsynth (datafaker's Python-literal strings like '"x"' are evaluated)."""
    t = s.strip()
    return not ((s == t and (t[:1] in ("'", '"', "[", "{", "(") or t in ("None", "True", "False")))
                or "SRC_STATS" in s)


# A config literal: a plain hostile string (expected as written), or datafaker's quoted form
# repr(s) of one (expected: s).
literal = st.one_of(
    hostile(0, 5).filter(_plain).map(lambda s: (s, s)),
    hostile(0, 5).map(lambda s: (repr(s), s)),
)


@st.composite
def cases(draw):
    idents = draw(st.lists(names, min_size=9, max_size=9, unique=True))
    labels = draw(st.lists(names, min_size=1, max_size=4, unique=True))
    in_list = draw(st.lists(hostile(0, 4), min_size=1, max_size=4))
    const = draw(literal)
    items = draw(st.lists(literal, min_size=1, max_size=4))
    # a prefix may not hold braces (the format's placeholder syntax): that is a config error
    prefix = draw(hostile(0, 4, braces=False).filter(lambda s: "{" not in s and "}" not in s))
    return {
        "schema": idents[0], "parent": idents[1], "table": idents[2], "enum": idents[3],
        "cols": dict(zip(["const", "choice", "seq", "enum", "in"], idents[4:9])),
        "labels": labels, "in_list": in_list, "const": const, "items": items, "prefix": prefix,
    }


# ---- helpers ---------------------------------------------------------------------------------------


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def psql_binary() -> str:
    found = shutil.which("psql") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"), reverse=True)), None)
    assert found, "psql is needed (Debian package postgresql-client)"
    return found


def cli(*args: str, env: dict[str, str]) -> str:
    res = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    assert res.exit_code == 0, (args, res.output, res.stderr)
    assert "Traceback" not in res.output + res.stderr
    return res.stdout


SNAPSHOT = """
SELECT 'namespace', nspname::text, '' FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_temp\\_%%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%%'
UNION ALL
SELECT 'class', n.nspname::text, c.relname::text || ':' || c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname <> ALL(%(mine)s) AND n.nspname NOT LIKE 'pg\\_temp\\_%%' AND n.nspname NOT LIKE 'pg\\_toast%%'
UNION ALL
SELECT 'type', n.nspname::text, t.typname::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE n.nspname <> ALL(%(mine)s) AND n.nspname NOT LIKE 'pg\\_temp\\_%%' AND n.nspname NOT LIKE 'pg\\_toast%%'
UNION ALL
SELECT 'proc', n.nspname::text, p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
UNION ALL
SELECT 'constraint', n.nspname::text, c.conname::text FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
 WHERE n.nspname <> ALL(%(mine)s)
"""


def snapshot(dsn: str, mine: list[str]) -> set[tuple[str, str, str]]:
    """Every object of the database outside the example's own schemas (roles and databases are
    left out: other tests may run against the same server at the same time)."""
    with psycopg.connect(dsn) as conn:
        rows = set(conn.execute(SNAPSHOT, {"mine": mine}).fetchall())
    return {r for r in rows if not (r[0] == "namespace" and r[1] in mine)}


def canary_alive(dsn: str) -> bool:
    with psycopg.connect(dsn) as conn:
        return conn.execute("SELECT count(*) FROM public.canary WHERE v = 'alive'").fetchone()[0] == 1


@pytest.fixture(scope="module")
def dbs(pg_server_dsn):
    """A source and a destination database, each with a canary table, for the whole module."""
    from conftest import _create_db, _drop_db, _with_db

    made = [_create_db(pg_server_dsn, "sqlsynth_inj_src"), _create_db(pg_server_dsn, "sqlsynth_inj_dst")]
    dsns = [_with_db(pg_server_dsn, n) for n in made]
    for dsn in dsns:
        with psycopg.connect(dsn) as conn:
            conn.execute("CREATE TABLE public.canary (v text)")
            conn.execute("INSERT INTO public.canary VALUES ('alive')")
    yield dsns
    for n in made:
        _drop_db(pg_server_dsn, n)


COUNTER = itertools.count()
# derandomize: the same examples on every run (CI stays reproducible); no shrinking: a failure
# is reported at once with the failing example instead of minutes of shrinking on a real server.
# To explore further: SQLSYNTH_FUZZ_EXAMPLES=500 SQLSYNTH_FUZZ_RANDOM=1 pytest tests/test_injection.py
SETTINGS = settings(max_examples=int(os.environ.get("SQLSYNTH_FUZZ_EXAMPLES", "30")), deadline=None,
                    derandomize=not os.environ.get("SQLSYNTH_FUZZ_RANDOM"), database=None,
                    phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.filter_too_much])
PASSES = 6


def source_sql(c: dict, schema: str) -> str:
    cols = c["cols"]
    in_list = ", ".join(lit(v) for v in c["in_list"])
    return f"""
CREATE SCHEMA {q(schema)};
SET search_path = {q(schema)};
CREATE TYPE {q(c['enum'])} AS ENUM ({', '.join(lit(v) for v in c['labels'])});
CREATE TABLE {q(c['parent'])} (id serial PRIMARY KEY, {q(cols['in'])} text NOT NULL CHECK ({q(cols['in'])} IN ({in_list})));
CREATE TABLE {q(c['table'])} (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    {q(cols['const'])} text NOT NULL,
    {q(cols['choice'])} text NOT NULL,
    {q(cols['seq'])} text NOT NULL UNIQUE,
    {q(cols['enum'])} {q(c['enum'])} NOT NULL,
    {q(cols['enum'] + '[]')} {q(c['enum'])}[] NOT NULL,
    {q(cols['in'])} text NOT NULL CHECK ({q(cols['in'])} IN ({in_list})),
    parent_id int NOT NULL REFERENCES {q(c['parent'])}
);
"""


def contents(dsn: str, schema: str, c: dict) -> dict[str, object]:
    cols = c["cols"]
    t = f"{q(schema)}.{q(c['table'])}"
    with psycopg.connect(dsn) as conn:
        def col(name: str, cast: str = "") -> list:
            return [r[0] for r in conn.execute(f"SELECT {q(name)}{cast} FROM {t} ORDER BY id")]
        return {
            "rows": conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0],
            "const": col(cols["const"]),
            "choice": col(cols["choice"]),
            "seq": col(cols["seq"]),
            "enum": col(cols["enum"], "::text"),
            "enum[]": [r[0] for r in conn.execute(f"SELECT unnest({q(cols['enum'] + '[]')})::text FROM {t}")],
            "in": col(cols["in"]),
            "parent_in": [r[0] for r in conn.execute(
                f"SELECT {q(cols['in'])} FROM {q(schema)}.{q(c['parent'])} ORDER BY id")],
        }


def _case(schema, parent, table, enum, cols, labels, in_list, const, items, prefix):
    return {"schema": schema, "parent": parent, "table": table, "enum": enum,
            "cols": dict(zip(["const", "choice", "seq", "enum", "in"], cols)), "labels": labels, "in_list": in_list,
            "const": const, "items": items, "prefix": prefix}


@SETTINGS
@given(case=cases())
# Found by this test: a NEL (\x85) in a name or label did not survive orm.yaml/config.yaml (PyYAML
# folds it into a space); a prefix starting with a line separator lost it (" {}".strip() was read
# as the dict {}); a % in a table name broke the guard's RAISE; a line break in a name ended a
# comment of the psql script.
@example(case=_case("\x85", "a%b", "t\nDROP TABLE canary;--", "\x85 ", ["\x85", "c;--", "\u2028", "$$", "'"],
                    ["é\x85", "\te", "'; DROP TABLE canary; --"], ["a\\b", "", "$$"], ("\u2028", "\u2028"),
                    [("''", ""), ("%s", "%s")], "\u2028"))
@example(case=_case(" ", "\\!", "\\.", "E'\\''", ["/*", "*/", ":x", ":'x'", "--"], ["\\", "x\\"],
                    ["\r\n", "\\."], (repr("\\'; --"), "\\'; --"), [(" {}", " {}")], " "))
def test_hostile_names_and_literals_end_to_end(dbs, case):
    src, dst = dbs
    n = next(COUNTER)
    src_schema, dst_schema, psql_schema = (f"{case['schema']}{tag}{n}" for tag in ("_s", "_d", "_p"))
    cols = case["cols"]
    with psycopg.connect(src) as conn:
        conn.execute(source_sql(case, src_schema))
    before_src = snapshot(src, [src_schema])
    before_dst = snapshot(dst, [dst_schema, psql_schema])
    env = {"SRC_DSN": src, "SRC_SCHEMA": src_schema, "DST_DSN": dst, "DST_SCHEMA": dst_schema}
    with tempfile.TemporaryDirectory() as tmp, chdir(tmp):
        cli("make-tables", env=env)
        cli("generate-config", "--no-fit", env=env)
        config = yaml.safe_load(Path("config.yaml").read_text(encoding="utf-8"))
        assert set(config["tables"]) == {case["parent"], case["table"]}
        config["tables"][case["table"]]["row_generators"] = [
            {"name": "dist_gen.constant", "columns_assigned": cols["const"], "kwargs": {"value": case["const"][0]}},
            {"name": "generic.choice", "columns_assigned": cols["choice"],
             "kwargs": {"items": [written for written, _ in case["items"]]}},
            {"name": "sqlsynth.sequence", "columns_assigned": cols["seq"], "kwargs": {"format": case["prefix"] + "{}"}},
        ]
        config["tables"][case["parent"]]["row_generators"] = []
        Path("config.yaml").write_text(dump_yaml(config), encoding="utf-8")
        cli("validate-config", env=env)
        cli("create-tables", env=env)
        cli("create-data", "--num-passes", str(PASSES), "--seed", "3", env=env)
        # the same program as a psql script, into a second destination schema
        cli("create-tables", env={**env, "DST_SCHEMA": psql_schema})
        cli("compile", "--num-passes", str(PASSES), "--seed", "3", "--dst-schema", psql_schema, "-o", "load.sql",
            env=env)
        proc = subprocess.run([psql_binary(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dst, "-f", "load.sql"],
                              capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert "ERROR" not in proc.stderr, proc.stderr
        # the config shaped to the source: its profile and statistics queries quote every name
        cli("generate-config", "--config-file", "shaped.yaml", env=env)
        cli("make-stats", "--config-file", "shaped.yaml", "--stats-file", "shaped-stats.yaml", env=env)
        cli("compile", "--config-file", "shaped.yaml", "--stats-file", "shaped-stats.yaml", "-o", "shaped.sql",
            env=env)

    got = contents(dst, dst_schema, case)
    assert got["rows"] == PASSES
    assert got["const"] == [case["const"][1]] * PASSES
    assert set(got["choice"]) <= {meant for _, meant in case["items"]}
    assert got["seq"] == [f"{case['prefix']}{i}" for i in range(1, PASSES + 1)]
    assert set(got["enum"]) <= set(case["labels"]) and set(got["enum[]"]) <= set(case["labels"])
    assert set(got["in"]) <= set(case["in_list"]) and set(got["parent_in"]) <= set(case["in_list"])
    assert contents(dst, psql_schema, case) == got  # psql and psycopg: the same rows

    # nothing else ran: canaries alive, no object created or dropped outside our schemas
    assert canary_alive(src) and canary_alive(dst)
    assert snapshot(src, [src_schema]) == before_src
    assert snapshot(dst, [dst_schema, psql_schema]) == before_dst
    with psycopg.connect(dst) as conn:
        made = {r[0] for r in conn.execute(
            "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind = 'r'", [dst_schema])}
        assert made == {case["parent"], case["table"]}
    for dsn, schemas in ((src, [src_schema]), (dst, [dst_schema, psql_schema])):
        with psycopg.connect(dsn) as conn:
            for s in schemas:
                conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(s)))


# ---- the strings that found bugs, pinned -----------------------------------------------------------


def test_percent_in_a_table_name_does_not_break_the_guard():
    """RAISE EXCEPTION treats % as a placeholder: a table named 'a%b' must not break the DO guard."""
    from sqlsynth.compile.program import guard_sql
    from sqlsynth.plan.build import Plan

    plan = Plan(seed=0, schema=None, dst_schema="s", order=[], tables={}, deferred_fks=[], ignored=set(),
                vocabulary=set())
    text = guard_sql(plan, ["a%b"])
    assert "a%%b already has rows" in text


def test_line_breaks_in_names_cannot_end_a_psql_comment(tmp_path):
    from sqlglot import exp

    from sqlsynth.compile.program import Program, render_script
    from sqlsynth.compile.steps import InsertSelect
    from sqlsynth.sql import sqlx

    evil = "t\nDROP TABLE canary;\r\n\\! touch pwned\u2028x"
    insert = InsertSelect(sqlx.table("s", "t"), ("a",), exp.select(sqlx.lit(1)), 1, 1, 1, table=evil,
                          path=f"tables.{evil}")
    prog = Program(seed=0, steps=[insert])
    script = render_script(prog, [f"from {evil}"])
    for line in script.splitlines():
        assert not line.startswith(("DROP", "\\!")), script
    assert all(line.startswith("--") for line in script.splitlines() if "canary" in line)



def test_surrounding_whitespace_keeps_a_config_string_a_string():
    from sqlsynth.plan.generators import literal_arg

    assert literal_arg(" {}") == " {}" and literal_arg("\u2028{}") == "\u2028{}" and literal_arg(" [1]") == " [1]"
    assert literal_arg("'x'") == "x" and literal_arg("[1, 2]") == [1, 2]  # datafaker's literals still read


def test_yaml_round_trip_of_line_separators():
    from sqlsynth.schema.io import dump_yaml

    data = {"tables": {"a\x85b": {"labels": ["\x85", "x\u2028y", "\u2029", "plain é"]}}}
    assert yaml.safe_load(dump_yaml(data)) == data
