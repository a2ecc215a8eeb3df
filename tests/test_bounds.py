"""Bounded inputs: every YAML file sqlsynth reads (config.yaml, orm.yaml, src-stats.yaml, datafaker
vocabulary .yaml/.yaml.gz) has its alias expansion, nesting depth and size capped; --jobs is capped
by the connections the destination has free; a named --config-file must exist; compile -o does not
overwrite without --force.

Each bad input must end in one clear line (plus the problem count for located problems), exit 1,
in bounded time and memory, with nothing written: the destination is compared before and after.
The YAML bombs run in a subprocess, so that a crash (libyaml's recursive composer segfaulted on
deep nesting) fails the test instead of killing it, and so that its peak memory can be read.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import yaml
from click.testing import CliRunner, Result
from psycopg import sql

from sqlsynth import yamlsafe
from sqlsynth.cli import main
from sqlsynth.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
PAGILA = ROOT / "sqlsynth" / "examples" / "pagila"
SUMMARY = re.compile(r"^sqlsynth: \d+ problem\(s\) found; nothing was changed$")
MAX_RSS_MB = 400  # peak memory of one refused command (a billion laughs expanded ran to 8.8 GB)

SOURCE = """
CREATE TABLE species (id int PRIMARY KEY, label text NOT NULL);
CREATE TABLE person (id int PRIMARY KEY, name text NOT NULL, height float8);
CREATE TABLE pet (id int PRIMARY KEY, owner int NOT NULL REFERENCES person (id),
                  species int NOT NULL REFERENCES species (id), name text);
INSERT INTO species VALUES (1, 'cat'), (2, 'dog');
INSERT INTO person SELECT g, 'p' || g, 150 + g FROM generate_series(1, 20) g;
INSERT INTO pet SELECT g, 1 + g % 20, 1 + g % 2, 'pet' || g FROM generate_series(1, 30) g;
"""

# 9 values, each level 9 aliases of the one before: 9**9 = 387,420,489 values once walked as a tree;
# refused on line 7 (lol6), where the values the aliases stand for pass 1,000,000
LAUGHS = ("lol0: &l0 [x, x, x, x, x, x, x, x, x]\n"
          + "".join(f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9)))
DEEP = "[" * 100_000 + "]" * 100_000


# ---- helpers -----------------------------------------------------------------------------------


def cli(*args: str) -> Result:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in res.output and "Traceback" not in res.stderr
    return res


def ok(*args: str) -> str:
    res = cli(*args)
    assert res.exit_code == 0, res.stderr + res.stdout
    return res.stdout


def fails(*args: str) -> list[str]:
    res = cli(*args)
    assert res.exit_code == 1, (res.exit_code, res.stdout, res.stderr)
    return res.stderr.splitlines()


def one_problem(lines: list[str]) -> str:
    """The one located problem of a ConfigError report (the other line is the count)."""
    assert len(lines) == 2 and SUMMARY.match(lines[1]), lines
    return lines[0]


def run_bounded(args: list[str], cwd: Path) -> tuple[int, list[str], float]:
    """The CLI in a fresh interpreter: (exit status, stderr lines, peak RSS in MB)."""
    rss = cwd / ".rss"
    code = ("import resource, sys\n"
            "from sqlsynth.cli import main\n"
            "try:\n"
            "    main(sys.argv[1:], prog_name='sqlsynth')\n"
            "finally:\n"
            f"    open({str(rss)!r}, 'w').write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n")
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, env={**os.environ})
    assert "Traceback" not in proc.stderr, proc.stderr
    peak = int(rss.read_text()) / 1024 if rss.exists() else float("nan")  # ru_maxrss is in KiB on Linux
    rss.unlink(missing_ok=True)
    return proc.returncode, proc.stderr.splitlines(), peak


def snapshot(dsn: str) -> dict:
    """Rows of every table and every constraint and index of the public schema."""
    with psycopg.connect(dsn) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1")]
        rows = {t: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))).fetchone()[0]
                for t in tables}
        cons = conn.execute("SELECT conrelid::regclass::text, conname::text, pg_get_constraintdef(oid) "
                            "FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2").fetchall()
        idx = conn.execute("SELECT indexname::text, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                           "ORDER BY 1").fetchall()
    return {"rows": rows, "constraints": cons, "indexes": idx}


@dataclass
class Project:
    dir: Path
    src: str
    dst: str

    def write(self, name: str, text: str) -> None:
        (self.dir / name).write_text(text, encoding="utf-8")

    def config(self, **tables: str) -> str:
        """The starter config with the body of some tables replaced (indented YAML)."""
        text = (self.dir / "config.yaml").read_text(encoding="utf-8")
        for table, body in tables.items():
            block = re.compile(rf"^  {table}:\n(?:    .*\n)*", re.M)
            assert block.search(text), table
            text = block.sub(lambda _m: f"  {table}:\n{body}", text, count=1)
        return text


@pytest.fixture
def project(sql_project, tmp_path) -> Project:
    """make-tables, generate-config and create-tables done."""
    src, dst = sql_project(SOURCE, "sqlsynth_bnd")
    ok("make-tables")
    ok("generate-config", "--no-fit")
    p = Project(tmp_path, src, dst)
    ok("create-tables")
    assert snapshot(dst)["rows"] == {"person": 0, "pet": 0, "species": 0}
    return p


# ---- the loader itself ------------------------------------------------------------------------


BAD_YAML = {
    "billion laughs": (LAUGHS + "tables: {}\n", 7, "aliases repeat more than 1,000,000 values"),
    "deep flow sequences": (DEEP, 1, "nested deeper than 100 levels"),
    "deep flow mappings": ("{a: " * 100_000 + "}" * 100_000, 1, "nested deeper than 100 levels"),
    "deep block sequences": ("".join(" " * (2 * i) + "-\n" for i in range(200)) + " " * 400 + "- x\n", 101,
                             "nested deeper than 100 levels"),
    "deep block mappings": ("".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "v: 1\n", 101,
                            "nested deeper than 100 levels"),
    "recursive alias": ("a: &a [1, *a]\n", 1, "recursive alias"),
    "recursive mapping": ("a: &a {b: {c: *a}}\n", 1, "recursive alias"),
    "merge-key bomb": ("m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}\n"
                       + "".join(f"m{i}: &m{i} {{<<: [{', '.join([f'*m{i - 1}'] * 9)}]}}\n" for i in range(1, 9)),
                       6, "aliases repeat more than 1,000,000 values"),
    "undefined alias": ("a: *nope\n", 1, "undefined alias 'nope'"),
    "duplicate anchor": ("a: &x 1\nb: &x 2\n", 2, "duplicate anchor 'x' (first on line 1)"),
    "two documents": ("a: 1\n---\nb: 2\n", 2, "another document"),
    "python tag": ("a: !!python/object/apply:os.system [true]\n", 1, "could not determine a constructor"),
}


@pytest.mark.parametrize("case", list(BAD_YAML))
def test_bad_yaml_is_one_located_line(case):
    text, line, words = BAD_YAML[case]
    with pytest.raises(ConfigError) as e:
        yamlsafe.load(text, "f.yaml")
    [problem] = e.value.problems
    assert str(problem).startswith(f"f.yaml:{line}: invalid YAML: "), str(problem)
    assert words in str(problem)


def test_aliases_within_the_cap_load():
    """A few levels of a "laughs" document are fine: the cap counts values, it does not ban aliases."""
    text = "a: &a [1, 2, 3]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\nm: &m {x: 1}\nn: {<<: *m, y: 2}\n"
    assert yamlsafe.load(text, "f.yaml") == yaml.load(text, Loader=yaml.SafeLoader)
    nested = "[" * yamlsafe.MAX_DEPTH + "]" * yamlsafe.MAX_DEPTH
    assert yamlsafe.load(nested, "f.yaml") == yaml.load(nested, Loader=yaml.SafeLoader)


@pytest.mark.parametrize("name", ["orm.yaml", "config.yaml"])
def test_same_data_as_pyyaml_for_the_bundled_files(name):
    """The bounded composer changes nothing for an ordinary file (the bundled Pagila example)."""
    text = (PAGILA / name).read_text(encoding="utf-8")
    assert yamlsafe.load(text, name) == yaml.load(text, Loader=yaml.SafeLoader)
    node = yamlsafe.compose(text, name)
    assert yaml.compose(text, Loader=yaml.SafeLoader).value[0][0].value == node.value[0][0].value


def test_value_count_cap(monkeypatch):
    """A document within the size cap can still hold millions of tiny values (about 300 bytes each
    once composed): refused past MAX_VALUES, aliases included (the cap lowered here, to keep the
    test small)."""
    assert yamlsafe.MAX_VALUES == 5_000_000
    monkeypatch.setattr(yamlsafe, "MAX_VALUES", 1000)
    assert len(yamlsafe.load("a: [" + "1," * 996 + "1]\n", "f.yaml")["a"]) == 997  # + the mapping, a, the list
    with pytest.raises(ConfigError) as e:
        yamlsafe.load("a: [" + "1," * 997 + "1]\n", "f.yaml")
    assert str(e.value) == "f.yaml:1: invalid YAML: more than 1,000 values"
    with pytest.raises(ConfigError) as e:
        yamlsafe.load("a: &a [" + "1," * 599 + "1]\nb: *a\n", "f.yaml")
    assert str(e.value) == "f.yaml:2: invalid YAML: more than 1,000 values"


def test_every_yaml_read_goes_through_yamlsafe():
    """No module of the package parses YAML by itself (a new reader would bypass the caps)."""
    direct = re.compile(r"\byaml\.(?:load|safe_load|full_load|unsafe_load|load_all|safe_load_all|compose|"
                        r"compose_all|parse)\(")
    offenders = [f"{p.relative_to(ROOT)}:{i}" for p in sorted((ROOT / "sqlsynth").rglob("*.py"))
                 if p.name != "yamlsafe.py"
                 for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if direct.search(line)]
    assert offenders == []


def test_file_size_cap(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(yamlsafe.MAX_BYTES + 1)  # sparse: refused on its size, never read
    with pytest.raises(ConfigError) as e:
        yamlsafe.load_file(str(big))
    assert str(e.value) == f"{big}: larger than 64 MiB, the most sqlsynth reads as one YAML document"


# ---- through the commands, on a real server -----------------------------------------------------


def assert_refused(project: Project, args: list[str], file: str, line: int | None, words: str) -> None:
    before = snapshot(project.dst)
    code, lines, peak = run_bounded(args, project.dir)
    assert code == 1, (code, lines)
    where = file if line is None else f"{file}:{line}"
    assert len(lines) == 2 and SUMMARY.match(lines[1]), lines
    assert lines[0].startswith(f"{where}: ") and words in lines[0], lines
    assert peak < MAX_RSS_MB, f"{peak:.0f} MB"
    assert snapshot(project.dst) == before


@pytest.mark.parametrize("bomb", ["laughs", "deep"])
def test_config_yaml_bombs(project, bomb):
    if bomb == "laughs":
        text, line, words = LAUGHS + project.config(), 7, "invalid YAML: aliases repeat more than 1,000,000 values"
    else:
        text, line, words = project.config() + f"x: {DEEP}\n", None, "invalid YAML: nested deeper than 100 levels"
        line = text.count("\n")
    project.write("config.yaml", text)
    for command in (["validate-config"], ["compile", "-o", "out.sql"], ["create-data"]):
        assert_refused(project, command, "config.yaml", line, words)
    assert not (project.dir / "out.sql").exists()


@pytest.mark.parametrize("bomb", ["laughs", "deep"])
def test_orm_yaml_bombs(project, bomb):
    orm = (project.dir / "orm.yaml").read_text(encoding="utf-8")
    if bomb == "laughs":
        text, line, words = LAUGHS + orm, 7, "invalid YAML: aliases repeat more than 1,000,000 values"
    else:
        text, line, words = orm + f"x: {DEEP}\n", orm.count("\n") + 1, "invalid YAML: nested deeper than 100 levels"
    project.write("orm.yaml", text)
    for command in (["create-data"], ["compile"], ["list-tables"], ["remove-tables", "--yes"]):
        assert_refused(project, command, "orm.yaml", line, words)


STATS_REF = 'SRC_STATS["heights"]["results"][0]["mean"]'


@pytest.mark.parametrize("bomb", ["laughs", "deep", "recursive"])
def test_src_stats_yaml_bombs(project, bomb):
    """src-stats.yaml is read when the config refers to it (SRC_STATS): the same caps."""
    body = ("    num_rows_per_pass: 5\n    row_generators:\n    - name: dist_gen.normal\n"
            f"      columns_assigned: height\n      kwargs: {{mean: '{STATS_REF}', sd: 1.0}}\n")
    cfg = project.config(person=body)
    project.write("config.yaml", cfg)
    project.write("src-stats.yaml", "heights:\n  results:\n  - {mean: 160.5}\n")
    ok("compile", "-o", "good.sql")  # the reference works with an ordinary file
    assert "160.5" in (project.dir / "good.sql").read_text()
    stats = {"laughs": LAUGHS + "heights:\n  results:\n  - {mean: *l8}\n",
             "deep": f"heights:\n  results:\n  - {{mean: {DEEP}}}\n",
             "recursive": "heights: &h\n  results:\n  - {mean: *h}\n"}[bomb]
    project.write("src-stats.yaml", stats)
    words = {"laughs": "src-stats.yaml:7: invalid YAML: aliases repeat more than 1,000,000 values",
             "deep": "src-stats.yaml:3: invalid YAML: nested deeper than 100 levels",
             "recursive": "src-stats.yaml:3: invalid YAML: recursive alias"}[bomb]
    line = next(i + 1 for i, text in enumerate(cfg.splitlines()) if STATS_REF in text)
    for command in (["compile", "-o", "out.sql"], ["create-data"], ["validate-config"]):
        assert_refused(project, command, "config.yaml", line, words)
    assert not (project.dir / "out.sql").exists()


@pytest.mark.parametrize("bomb", ["laughs", "deep", "python tag"])
@pytest.mark.parametrize("gz", [False, True], ids=["yaml", "yaml.gz"])
def test_vocabulary_yaml_bombs(project, bomb, gz):
    """datafaker's <table>.yaml[.gz]: streamed in batches, each batch under the same caps."""
    rows = "- {id: 1, label: cat}\n- {id: 2, label: dog}\n"
    bad = {"laughs": LAUGHS.replace("lol0: ", "- lol0: ").replace("\nlol", "\n  lol") + "  id: 3\n  label: x\n",
           "deep": f"- {{id: 3, label: {DEEP}}}\n",
           "python tag": "- {id: 3, label: !!python/object/apply:os.system [true]}\n"}[bomb]
    words = {"laughs": "aliases repeat more than 1,000,000 values", "deep": "nested deeper than 100 levels",
             "python tag": "unsupported tag !!python/object/apply:os.system"}[bomb]
    project.write("config.yaml", project.config(species="    vocabulary_table: true\n"))
    name = "species.yaml.gz" if gz else "species.yaml"
    opener = gzip.open if gz else open
    with opener(project.dir / name, "wt", encoding="utf-8") as fh:
        fh.write(rows)
    out = ok("create-vocab")
    assert "species: 2 rows" in out
    ok("remove-vocab", "--yes")
    with opener(project.dir / name, "wt", encoding="utf-8") as fh:
        fh.write(rows + bad)
    before = snapshot(project.dst)
    code, lines, peak = run_bounded(["create-vocab"], project.dir)
    assert code == 1 and len(lines) == 1, (code, lines)  # one line, the file and what was refused
    line = {"laughs": 9, "deep": 3, "python tag": 3}[bomb]
    assert lines[0].startswith(f"sqlsynth: error: ./{name}:{line}: cannot read vocabulary YAML: {words}"), lines
    assert lines[0].endswith("nothing was loaded"), lines
    assert peak < MAX_RSS_MB, f"{peak:.0f} MB"
    assert snapshot(project.dst) == before


def test_too_big_config_is_refused_unread(project):
    with open(project.dir / "config.yaml", "wb") as fh:
        fh.truncate(yamlsafe.MAX_BYTES + 1)
    assert_refused(project, ["create-data"], "config.yaml", None, "larger than 64 MiB")


# ---- --jobs and the destination's free connections -----------------------------------------------


JOBS_REFUSED = re.compile(r"^sqlsynth: error: --jobs (\d+): the destination accepts at most (\d+) more "
                          r"connections? \((.*)\); nothing was written$")


def test_jobs_beyond_the_free_connections_is_refused(project):
    before = snapshot(project.dst)
    [line] = fails("create-data", "--num-passes", "10", "--jobs", "10000")
    m = JOBS_REFUSED.match(line)
    assert m and m[1] == "10000", line
    with psycopg.connect(project.dst) as conn:
        max_conn = int(conn.execute("SHOW max_connections").fetchone()[0])
    assert re.fullmatch(rf"max_connections {max_conn}(, \d+ reserved)?, \d+ in use", m[3]), line
    assert 0 < int(m[2]) < max_conn
    assert snapshot(project.dst) == before
    ok("create-data", "--num-passes", "10", "--jobs", "2")  # within the limit: loads
    assert snapshot(project.dst)["rows"] == {"person": 10, "pet": 10, "species": 10}


@pytest.mark.parametrize("limit", ["role", "database"])
def test_jobs_within_a_connection_limit(project, pg_server_dsn, monkeypatch, limit):
    """A non-superuser under CONNECTION LIMIT 3 (the role's or the database's): --jobs 3 is refused
    (3 workers and the closing transaction would need 4), --jobs 2 loads (the bound is exact)."""
    role = f"sqlsynth_jobs_{uuid.uuid4().hex[:8]}"
    dbname = psycopg.conninfo.conninfo_to_dict(project.dst)["dbname"]
    with psycopg.connect(pg_server_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN" + (" CONNECTION LIMIT 3" if limit == "role" else ""))
                     .format(sql.Identifier(role)))
        conn.execute(sql.SQL("ALTER DATABASE {} OWNER TO {}").format(sql.Identifier(dbname), sql.Identifier(role)))
        if limit == "database":
            conn.execute(sql.SQL("ALTER DATABASE {} CONNECTION LIMIT 3").format(sql.Identifier(dbname)))
    try:
        with psycopg.connect(project.dst, autocommit=True) as conn:  # the tables belong to the role
            for (t,) in conn.execute("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'").fetchall():
                conn.execute(sql.SQL("ALTER TABLE {} OWNER TO {}").format(sql.Identifier(t), sql.Identifier(role)))
        as_role = psycopg.conninfo.make_conninfo(project.dst, user=role)
        monkeypatch.setenv("DST_DSN", as_role)
        before = snapshot(project.dst)
        [line] = fails("create-data", "--num-passes", "10", "--jobs", "3")
        what = "the role's" if limit == "role" else "the database's"
        assert line == ("sqlsynth: error: --jobs 3: the destination accepts at most 2 more connections "
                        f"({what} connection limit 3, 1 in use); nothing was written"), line
        assert snapshot(project.dst) == before
        ok("create-data", "--num-passes", "10", "--jobs", "2")
        assert snapshot(project.dst)["rows"] == {"person": 10, "pet": 10, "species": 10}
    finally:
        with psycopg.connect(project.dst, autocommit=True) as conn:
            conn.execute(sql.SQL("REASSIGN OWNED BY {} TO CURRENT_USER").format(sql.Identifier(role)))
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
        with psycopg.connect(pg_server_dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


# ---- a named config file must exist ------------------------------------------------------------------


CONFIG_COMMANDS = [["compile"], ["create-tables"], ["create-data"], ["remove-data", "--yes"],
                   ["remove-tables", "--yes"], ["make-vocab"], ["create-vocab"], ["remove-vocab", "--yes"],
                   ["list-tables"], ["make-stats"], ["validate-config", "nope.yaml"]]


@pytest.mark.parametrize("command", CONFIG_COMMANDS, ids=lambda c: c[0])
def test_a_named_config_file_that_is_missing_is_an_error(project, command):
    before = snapshot(project.dst)
    files = sorted(p.relative_to(project.dir) for p in project.dir.rglob("*"))  # .sqlsynth/cache: the setup's
    args = command if command[0] == "validate-config" else [*command, "--config-file", "nope.yaml"]
    assert one_problem(fails(*args)) == "nope.yaml: file not found"
    assert snapshot(project.dst) == before
    assert sorted(p.name for p in project.dir.iterdir() if p.name != ".sqlsynth") == ["config.yaml", "orm.yaml"]
    assert sorted(p.relative_to(project.dir) for p in project.dir.rglob("*")) == files  # nothing written


def test_missing_config_and_orm_are_reported_together(project):
    lines = fails("create-data", "--config-file", "nope.yaml", "--orm-file", "gone.yaml")
    assert lines[:-1] == ["gone.yaml: file not found (run `sqlsynth make-tables` first)", "nope.yaml: file not found"]
    assert SUMMARY.match(lines[-1])


def test_the_default_config_may_be_absent(project):
    """Without --config-file, a missing ./config.yaml means every table with its defaults (as
    datafaker reads config.yaml if present); named explicitly, even config.yaml must exist."""
    (project.dir / "config.yaml").unlink()
    assert ok("list-tables").split() == ["person", "pet", "species"]
    assert one_problem(fails("list-tables", "--config-file", "config.yaml")) == "config.yaml: file not found"
    assert one_problem(fails("make-stats")) == "config.yaml: file not found"


# ---- compile -o respects --force --------------------------------------------------------------------


def test_compile_output_is_not_overwritten_without_force(project):
    out = project.dir / "load.sql"
    out.write_text("-- mine\n", encoding="utf-8")
    assert fails("compile", "-o", "load.sql") == ["sqlsynth: error: load.sql already exists; use --force to overwrite it"]
    assert out.read_text(encoding="utf-8") == "-- mine\n"
    assert not (project.dir / "load.sql.tmp").exists()
    ok("compile", "-o", "load.sql", "--force")
    assert "INSERT INTO" in out.read_text(encoding="utf-8")
    ok("compile", "-o", "-")  # stdout is never "existing"


def test_json_is_untouched_by_the_loader():
    """JSON (a YAML subset) as src-stats results: same values as json.loads."""
    data = {"rows": [{"a": 1.5, "b": [1, 2, {"c": None}], "d": "x: y"}] * 3}
    text = json.dumps(data)
    assert yamlsafe.load(text, "f.json") == json.loads(text)
