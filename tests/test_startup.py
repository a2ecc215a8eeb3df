"""Start-up: the command line imports only what a command needs, and Mimesis pools are cached
between runs (sqlsynth/config/pool_cache.py) without changing a single row.

Each run is a fresh interpreter (a subprocess), so what it imported is what that command imports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg

PAGILA = Path(__file__).resolve().parent.parent / "sqlsynth" / "examples" / "pagila"
# never imported at start-up nor by create-data on PostgreSQL (mimesis: only to draw a pool)
HEAVY = ("matplotlib", "snsynth", "sdmetrics", "pyarrow", "duckdb", "pyspark", "pandas", "numpy", "mimesis")
SETTINGS = ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA")

# run the CLI with argv, then print the top-level packages it imported (as JSON, on the last line of stderr)
RUN = """
import json, sys
from sqlsynth.cli import main
sys.argv = ["sqlsynth"] + {args!r}
code = 0
try:
    main()
except SystemExit as e:
    code = e.code or 0
print(json.dumps(sorted({{m.split(".")[0] for m in sys.modules}})), file=sys.stderr)
sys.exit(code)
"""


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.upper() not in SETTINGS}
    env.update(extra)
    return env


def run_cli(args: list[str], cwd: Path, **env: str) -> tuple[str, set[str]]:
    p = subprocess.run([sys.executable, "-c", RUN.format(args=args)], cwd=cwd, env=_env(**env),
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    *_, modules = p.stderr.strip().splitlines()
    return p.stdout, set(json.loads(modules))


def test_importing_the_cli_loads_no_heavy_module(tmp_path):
    code = "import json, sys, sqlsynth.cli; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    p = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=_env(), capture_output=True, text=True,
                       check=True)
    modules = set(json.loads(p.stdout))
    assert "sqlsynth" in modules and "click" in modules
    # not even the planner's own libraries: they come with the command that needs them
    assert modules.isdisjoint(HEAVY + ("sqlglot", "psycopg", "jsonschema", "yaml")), modules & set(HEAVY)


def test_help_loads_no_heavy_module(tmp_path):
    for args in (["--help"], ["create-data", "--help"], ["report", "--help"], ["--version"]):
        out, modules = run_cli(args, tmp_path)
        assert "Usage:" in out or "version" in out, out
        assert modules.isdisjoint(HEAVY + ("sqlglot", "psycopg", "jsonschema")), (args, modules & set(HEAVY))


def test_the_program_ends_with_the_commands_status_and_its_output_flushed(tmp_path):
    """`python -m sqlsynth` (like the console script) is sqlsynth.cli.run: the process ends without the
    interpreter's teardown, with the status of the command and all it wrote, whatever the status."""
    def program(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "sqlsynth", *args], cwd=tmp_path, capture_output=True, text=True,
                              env=_env(DST_DSN="postgresql://nobody@127.0.0.1:1/none"), timeout=300)

    p = program("config-schema")  # about 24 KB on stdout: flushed whole before the end
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["title"] == "sqlsynth config.yaml"
    p = program("create-data")  # no orm.yaml: a SqlsynthError
    assert p.returncode == 1 and "orm.yaml" in p.stderr, (p.returncode, p.stderr)
    p = program("no-such-command")  # click's usage error
    assert p.returncode == 2 and "No such command" in p.stderr, (p.returncode, p.stderr)
    p = program("--version")
    assert p.returncode == 0 and "version" in p.stdout


def table_hashes(dsn: str, tables: list[str]) -> dict[str, tuple]:
    with psycopg.connect(dsn) as conn:
        return {t: conn.execute(f'SELECT count(*), md5(coalesce(string_agg(x::text, \'|\' ORDER BY x::text), \'\')) '
                                f'FROM "{t}" x').fetchone() for t in tables}


def test_pool_cache_is_written_read_and_rebuilt_when_corrupt(tmp_path, make_db):
    dst = make_db("sqlsynth_startup")
    for f in ("orm.yaml", "config.yaml"):
        shutil.copy(PAGILA / f, tmp_path / f)
    run_cli(["create-tables"], tmp_path, DST_DSN=dst)
    tables = ["actor", "address", "customer", "film", "staff", "payment"]
    cache = tmp_path / ".sqlsynth" / "cache" / "mimesis"

    # first run: draws the pools with Mimesis and keeps them
    out, modules = run_cli(["create-data", "-n", "40", "--seed", "3"], tmp_path, DST_DSN=dst)
    assert "generated" in out and "mimesis" in modules
    assert modules.isdisjoint(set(HEAVY) - {"mimesis"}), modules & set(HEAVY)
    pools = sorted(cache.glob("*.json"))
    assert len(pools) >= 5 and sorted(cache.glob("*.name")) and sorted(cache.glob("*.call"))
    first = table_hashes(dst, tables)
    kept = {p.name: p.read_text(encoding="utf-8") for p in pools}

    # second run: every pool read back, Mimesis not imported, the same rows
    run_cli(["remove-data", "--yes"], tmp_path, DST_DSN=dst)
    out, modules = run_cli(["create-data", "-n", "40", "--seed", "3"], tmp_path, DST_DSN=dst)
    assert modules.isdisjoint(HEAVY + ("jsonschema",)), modules & set(HEAVY + ("jsonschema",))
    assert table_hashes(dst, tables) == first

    # a corrupt entry (not JSON), one holding another key's values, and a torn one are ignored and drawn
    # again, and written back whole; the rows do not change
    pools[0].write_text("{not json", encoding="utf-8")
    other = json.loads(kept[pools[2].name])
    pools[1].write_text(json.dumps({"key": other["key"], "value": other["value"]}), encoding="utf-8")
    pools[2].write_bytes(pools[2].read_bytes()[:10])
    run_cli(["remove-data", "--yes"], tmp_path, DST_DSN=dst)
    out, modules = run_cli(["create-data", "-n", "40", "--seed", "3"], tmp_path, DST_DSN=dst)
    assert "mimesis" in modules  # it had to draw those three again
    assert table_hashes(dst, tables) == first
    assert {p.name: p.read_text(encoding="utf-8") for p in sorted(cache.glob("*.json"))} == kept

    # another seed is another pool (a miss), and other rows
    run_cli(["remove-data", "--yes"], tmp_path, DST_DSN=dst)
    run_cli(["create-data", "-n", "40", "--seed", "4"], tmp_path, DST_DSN=dst)
    assert len(list(cache.glob("*.json"))) > len(pools)
    assert table_hashes(dst, tables)["actor"] != first["actor"]


def test_an_unwritable_cache_changes_nothing(tmp_path, make_db):
    """A working directory where .sqlsynth cannot be made (a file in its way): no cache, same rows."""
    dst = make_db("sqlsynth_startup")
    for f in ("orm.yaml", "config.yaml"):
        shutil.copy(PAGILA / f, tmp_path / f)
    run_cli(["create-tables"], tmp_path, DST_DSN=dst)
    run_cli(["create-data", "-n", "15", "--seed", "5"], tmp_path, DST_DSN=dst)
    first = table_hashes(dst, ["actor", "address", "film"])
    shutil.rmtree(tmp_path / ".sqlsynth")
    (tmp_path / ".sqlsynth").write_text("in the way", encoding="utf-8")
    run_cli(["remove-data", "--yes"], tmp_path, DST_DSN=dst)
    run_cli(["create-data", "-n", "15", "--seed", "5"], tmp_path, DST_DSN=dst)
    assert table_hashes(dst, ["actor", "address", "film"]) == first
    assert (tmp_path / ".sqlsynth").read_text(encoding="utf-8") == "in the way"


def test_a_valid_orm_file_is_checked_once_and_a_broken_one_every_time(tmp_path, monkeypatch):
    from sqlsynth import cache
    from sqlsynth.errors import ConfigError
    from sqlsynth.schema.io import load_schema

    monkeypatch.chdir(tmp_path)
    shutil.copy(PAGILA / "orm.yaml", tmp_path / "orm.yaml")
    load_schema("orm.yaml")
    assert not (tmp_path / ".sqlsynth").exists()  # written when the command succeeds
    cache.flush()
    marks = list((tmp_path / ".sqlsynth" / "cache" / "orm").glob("*.valid"))
    assert len(marks) == 1
    # found valid: the next load of the same file does not import jsonschema
    out, modules = run_cli(["list-tables"], tmp_path)
    assert "actor" in out and "jsonschema" not in modules
    # one unknown key: reported (every time), and not remembered
    text = (tmp_path / "orm.yaml").read_text(encoding="utf-8")
    (tmp_path / "orm.yaml").write_text(text.replace("tables:\n", "tables:\n  actor_x:\n    colums: {}\n", 1),
                                       encoding="utf-8")
    for _ in range(2):
        try:
            load_schema("orm.yaml")
            raise AssertionError("a broken orm.yaml loaded")
        except ConfigError as e:
            assert any("colums" in str(p) for p in e.problems), e.problems
        cache.flush()
    assert len(list((tmp_path / ".sqlsynth" / "cache" / "orm").glob("*.valid"))) == 1


def test_the_library_writes_the_cache_when_a_call_succeeds_and_not_when_it_fails(tmp_path, monkeypatch):
    """sqlsynth.api's functions are units of the cache, like the commands: a call that returns writes what
    it found worth keeping (here the orm.yaml check and the Mimesis pools), one that raises writes nothing,
    and calls made inside a caller's unit write when that unit ends well."""
    from sqlsynth import api
    from sqlsynth import cache as cache_module
    from sqlsynth.errors import ConfigError

    monkeypatch.chdir(tmp_path)
    shutil.copy(PAGILA / "orm.yaml", tmp_path / "orm.yaml")
    good = (PAGILA / "config.yaml").read_text(encoding="utf-8")
    bad = good.replace("  actor:\n    ignore: false\n", "  actor:\n    ignore: false\n    not_a_config_key: 1\n", 1)
    assert bad != good
    (tmp_path / "config.yaml").write_text(bad, encoding="utf-8")
    cache = tmp_path / ".sqlsynth" / "cache"
    # orm.yaml is found valid (an entry made), then config.yaml is refused: the call raises, nothing written
    try:
        api.plan_load("orm.yaml", "config.yaml", 5, seed=3)
        raise AssertionError("a config with an unknown key loaded")
    except ConfigError as e:
        assert any("not_a_config_key" in str(p) for p in e.problems), e.problems
    assert not cache.exists()
    # a good config: the call writes both the orm.yaml check and the pools, nothing left for the caller to flush
    (tmp_path / "config.yaml").write_text(good, encoding="utf-8")
    api.plan_load("orm.yaml", "config.yaml", 5, seed=3)
    assert len(list((cache / "orm").glob("*.valid"))) == 1
    first = sorted(p.name for p in (cache / "mimesis").glob("*.json"))
    assert len(first) >= 5
    # inside a caller's unit that fails after the call returned: the new entries (another seed) are dropped
    try:
        with cache_module.unit():
            api.plan_load("orm.yaml", "config.yaml", 5, seed=4)
            raise RuntimeError("the caller's own work failed")
    except RuntimeError:
        pass
    assert sorted(p.name for p in (cache / "mimesis").glob("*.json")) == first
