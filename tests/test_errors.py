"""Failure paths of the real CLI against real databases.

Every failure must be: exit status 1, one located line per problem on stderr
(``config.yaml:<line>: <config path>: <message>`` for config problems), no traceback,
and an untouched destination (zero rows in every table).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner, Result

from sqlsynth.cli import main

SQLSYNTH = Path(sys.executable).parent / "sqlsynth"
SETTINGS = ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA")
SUMMARY = re.compile(r"^sqlsynth: (\d+) problem\(s\) found; nothing was changed$")
LOCATED = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+): (?P<path>\S+): (?P<message>.+)$")
UNREACHABLE = "postgresql://root:s3cr3tpw@127.0.0.1:1/nope"


# ---- helpers -----------------------------------------------------------------------------------


def sqlsynth(*args: str) -> Result:
    """Run the CLI in-process; any exception other than SystemExit propagates."""
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in res.output and "Traceback" not in res.stderr
    return res


def ok(*args: str) -> Result:
    res = sqlsynth(*args)
    assert res.exit_code == 0, res.stderr
    return res


def fails(*args: str) -> list[str]:
    """Run a command that must fail; return its stderr lines."""
    res = sqlsynth(*args)
    assert res.exit_code == 1, (res.exit_code, res.output)
    lines = res.stderr.splitlines()
    assert lines, "a failure must say why"
    return lines


def problems(lines: list[str], file: str = "config.yaml") -> list[tuple[int, str, str]]:
    """(line, config path, message) of each located problem; the only other line is the summary."""
    *located, summary = lines
    m = SUMMARY.match(summary)
    assert m, summary
    assert int(m.group(1)) == len(located)
    out = []
    for text in located:
        p = LOCATED.match(text)
        assert p and p["file"] == file, f"not of the form {file}:<line>: <path>: <message>: {text!r}"
        out.append((int(p["line"]), p["path"], p["message"]))
    return out


def line_of(text: str, needle: str, table: str | None = None) -> int:
    """1-based number of the one non-comment line containing needle (within one table's entry)."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    if table is not None:
        start = next(i for i, line in enumerate(lines) if line.startswith(f"  {table}:"))
        end = next((i for i in range(start + 1, len(lines)) if re.match(r"^ {0,2}\S", lines[i])), len(lines))
    hits = [i + 1 for i in range(start, end) if needle in lines[i] and not lines[i].startswith("#")]
    assert len(hits) == 1, f"{needle!r} is on lines {hits}"
    return hits[0]


def row_counts(dsn: str) -> dict[str, int]:
    """Rows in every table (and partition) of the destination's public schema."""
    with psycopg.connect(dsn) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1")]
        return {t: conn.execute(f'SELECT count(*) FROM public."{t}"').fetchone()[0] for t in names}


@dataclass
class Project:
    """A working directory after make-tables, generate-config and create-tables."""

    dir: Path
    dst: str
    starter: str  # the config.yaml written by generate-config

    def write_config(self, text: str, name: str = "config.yaml") -> str:
        (self.dir / name).write_text(text, encoding="utf-8")
        return text

    def with_table(self, table: str, body: str) -> str:
        """The starter config with the settings of one table replaced by body (indented YAML lines)."""
        block = re.compile(rf"^  {table}:\n(?:    .*\n)*", re.M)
        assert block.search(self.starter), table
        return block.sub(lambda _m: f"  {table}:\n{body}", self.starter, count=1)

    def assert_empty(self) -> None:
        counts = row_counts(self.dst)
        assert len(counts) > 15, counts  # the tables exist ...
        assert set(counts.values()) == {0}, {t: n for t, n in counts.items() if n}  # ... and hold nothing


@pytest.fixture
def project(tmp_path, monkeypatch, pagila_src, fresh_db) -> Project:
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.upper() in SETTINGS:
            monkeypatch.delenv(key)
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("DST_DSN", fresh_db)
    ok("make-tables")
    ok("generate-config", "--no-fit")
    ok("create-tables")
    starter = (tmp_path / "config.yaml").read_text(encoding="utf-8")
    p = Project(tmp_path, fresh_db, starter)
    p.assert_empty()
    return p


def gens(*items: str) -> str:
    """A table body with the given row_generators entries (each a YAML mapping body)."""
    body = "    num_rows_per_pass: 1\n    row_generators:\n"
    for item in items:
        first, *rest = item.strip("\n").splitlines()
        body += f"    - {first.strip()}\n" + "".join(f"      {r.strip()}\n" for r in rest)
    return body


# ---- located config problems ------------------------------------------------------------------


def test_unknown_table_names_the_entry_and_suggests(project):
    cfg = project.write_config(project.starter + "  flim: {num_rows_per_pass: 2}\n")
    [(line, path, message)] = problems(fails("create-data"))
    assert (line, path) == (line_of(cfg, "flim:"), "tables.flim")
    assert "unknown table 'flim'" in message and "'film'" in message
    project.assert_empty()


def test_unknown_column_names_columns_assigned_and_suggests(project):
    cfg = project.write_config(project.with_table("actor", gens(
        "name: generic.numeric.integer_number\ncolumns_assigned: [frist_name]")))
    [(line, path, message)] = problems(fails("create-data"))
    assert path == "tables.actor.row_generators[0].columns_assigned"
    assert line == line_of(cfg, "frist_name", "actor")
    assert "frist_name" in message and "'first_name'" in message
    project.assert_empty()


def test_unknown_generator_names_the_name_and_suggests(project):
    cfg = project.write_config(project.with_table("actor", gens(
        "name: generic.numeric.integer_numbr\ncolumns_assigned: actor_id")))
    [(line, path, message)] = problems(fails("create-data"))
    assert (line, path) == (line_of(cfg, "integer_numbr", "actor"), "tables.actor.row_generators[0].name")
    assert "unknown generator 'generic.numeric.integer_numbr'" in message
    assert "did you mean 'generic.numeric.integer_number'" in message
    project.assert_empty()


BAD_ARGUMENTS = {
    "num_rows_per_pass not a number": (
        '    num_rows_per_pass: "a"\n', '"a"', "tables.actor.num_rows_per_pass",
        ["whole number", "'a'"]),
    "start not a number": (
        gens("name: generic.numeric.integer_number\ncolumns_assigned: actor_id\nkwargs: {start: \"x\"}"),
        "- name: generic.numeric.integer_number", "tables.actor.row_generators[0]",
        ["start", "whole number"]),
    "unknown kwarg": (
        gens("name: generic.numeric.integer_number\ncolumns_assigned: actor_id\nkwargs: {bogus: 1}"),
        "- name: generic.numeric.integer_number", "tables.actor.row_generators[0]",
        ["generic.numeric.integer_number", "unexpected keyword argument 'bogus'", "start, end"]),
    "too many args": (
        gens("name: generic.numeric.integer_number\ncolumns_assigned: actor_id\nargs: [1, 2, 3]"),
        "- name: generic.numeric.integer_number", "tables.actor.row_generators[0]",
        ["too many positional arguments"]),
    "null_fraction out of range": (
        gens("name: generic.numeric.integer_number\ncolumns_assigned: actor_id\nnull_fraction: 2"),
        "null_fraction", "tables.actor.row_generators[0].null_fraction", ["between 0 and 1"]),
    "unknown table key": (
        "    num_rows_per_pas: 5\n", "num_rows_per_pas:", "tables.actor.num_rows_per_pas",
        ["unknown key", "'num_rows_per_pass'"]),
}


@pytest.mark.parametrize("case", list(BAD_ARGUMENTS))
def test_bad_argument_says_what_is_wrong(project, case):
    body, needle, want_path, words = BAD_ARGUMENTS[case]
    cfg = project.write_config(project.with_table("actor", body))
    [(line, path, message)] = problems(fails("create-data"))
    assert (line, path) == (line_of(cfg, needle, "actor"), want_path)
    for w in words:
        assert w in message
    project.assert_empty()


def test_every_problem_is_reported_in_one_run_with_its_own_line(project):
    # Problems found while reading the config (num_rows_per_pass, null_fraction) and those
    # found against the schema (table, column, generator, arguments) come out together.
    cfg = project.with_table("actor", '    num_rows_per_pass: "a"\n' + gens(
        "name: generic.numeric.integer_numbr\ncolumns_assigned: actor_id",
        "name: generic.numeric.integer_number\ncolumns_assigned: [frist_name]",
        "name: generic.numeric.integer_number\ncolumns_assigned: last_update\nnull_fraction: -1",
        "name: dist_gen.constant\ncolumns_assigned: last_name\nkwargs: {valu: 1}",
    ).replace("    num_rows_per_pass: 1\n", ""))
    cfg = project.write_config(cfg + "  flim: {num_rows_per_pass: 2}\n")
    expected = {
        ("tables.actor.num_rows_per_pass", line_of(cfg, '"a"', "actor")),
        ("tables.actor.row_generators[0].name", line_of(cfg, "integer_numbr", "actor")),
        ("tables.actor.row_generators[1].columns_assigned", line_of(cfg, "frist_name", "actor")),
        ("tables.actor.row_generators[2].null_fraction", line_of(cfg, "null_fraction: -1", "actor")),
        ("tables.actor.row_generators[3]", line_of(cfg, "dist_gen.constant", "actor")),
        ("tables.flim", line_of(cfg, "flim:")),
    }
    for command in (["create-data"], ["validate-config"], ["compile"]):
        found = problems(fails(*command))
        assert len(found) == len(expected), found
        assert {(path, line) for line, path, _m in found} == expected
    project.assert_empty()


# ---- files -------------------------------------------------------------------------------------


def test_validate_config_missing_file(project):
    assert fails("validate-config", "nothere.yaml") == [
        "nothere.yaml: file not found", "sqlsynth: 1 problem(s) found; nothing was changed"]
    (project.dir / "config.yaml").unlink()
    *lines, _summary = fails("validate-config")
    assert lines == ["config.yaml: file not found"]


def test_create_data_missing_orm_file(project):
    (project.dir / "orm.yaml").unlink()
    *lines, summary = fails("create-data")
    assert len(lines) == 1 and lines[0].startswith("orm.yaml: file not found"), lines
    assert SUMMARY.match(summary)
    *lines, _summary = fails("create-data", "--orm-file", "other.yaml")
    assert len(lines) == 1 and lines[0].startswith("other.yaml: file not found"), lines
    project.assert_empty()


MALFORMED = {
    "tab": ("  actor:\n    ignore: false\n", "  actor:\n\tignore: false\n", "\tignore", "'\\t'"),
    "unclosed bracket": ("  actor:\n    ignore: false\n", "  actor:\n    ignore: [false, true\n    x: 1\n",
                         "    x: 1", "flow sequence on line"),
    "bad indentation": ("  actor:\n    ignore: false\n", "  actor:\n    ignore: false\n   oops: 1\n",
                        "   oops: 1", "invalid YAML"),
    "unknown tag": ("  actor:\n    ignore: false\n", "  actor:\n    ignore: !python/bool false\n",
                    "!python/bool", "tag"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_yaml_is_one_located_line(project, case):
    old, new, bad_line, word = MALFORMED[case]
    assert old in project.starter
    cfg = project.write_config(project.starter.replace(old, new, 1))
    for command in (["create-data"], ["validate-config"]):
        first, summary = fails(*command)
        assert first.startswith(f"config.yaml:{line_of(cfg, bad_line)}: invalid YAML: "), first
        assert word in first
        assert SUMMARY.match(summary)
    project.assert_empty()


def test_duplicate_table_key_is_reported(project):
    cfg = project.write_config(project.starter + "  actor: {num_rows_per_pass: 50}\n")
    [(line, path, message)] = problems(fails("validate-config"))
    assert (line, path) == (line_of(cfg, "{num_rows_per_pass: 50}"), "tables.actor")
    assert f"first on line {cfg.splitlines().index('  actor:') + 1}" in message


def test_unreadable_config_is_one_line(project):
    (project.dir / "config.yaml").write_bytes(b"\xff\xfe tables: {}\n")
    assert fails("create-data")[0].startswith("config.yaml: not a UTF-8 text file")
    project.assert_empty()


def test_unwritable_output_is_one_line(project):
    assert fails("compile", "-o", "no/such/dir/load.sql") == [
        "sqlsynth: error: no/such/dir/load.sql: No such file or directory"]


# ---- settings and connections ----------------------------------------------------------------


def test_unreachable_database_is_one_line_without_the_password(project, monkeypatch):
    monkeypatch.setenv("DST_DSN", UNREACHABLE)
    for command in ("create-data", "create-tables"):
        res = sqlsynth(command)
        assert res.exit_code == 1
        [line] = res.stderr.splitlines()
        assert line.startswith("sqlsynth: error: cannot connect to the destination database")
        assert "127.0.0.1" in line and "***" in line
        assert "s3cr3tpw" not in res.output and "s3cr3tpw" not in res.stderr


def test_unreachable_database_through_the_installed_command(project):
    """The console script, as a user runs it: one line on stderr, no traceback, no password."""
    env = {**os.environ, "DST_DSN": UNREACHABLE}
    proc = subprocess.run([str(SQLSYNTH), "create-data"], cwd=project.dir, env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("sqlsynth: error: cannot connect to the destination database postgresql://root:***@")
    assert "s3cr3tpw" not in proc.stderr
    project.assert_empty()


def test_located_problems_through_the_installed_command(project):
    cfg = project.write_config(project.starter + "  flim: {num_rows_per_pass: 2}\n")
    proc = subprocess.run([str(SQLSYNTH), "create-data"], cwd=project.dir, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    [(line, path, _message)] = problems(proc.stderr.splitlines())
    assert (line, path) == (line_of(cfg, "flim:"), "tables.flim")
    project.assert_empty()


# ---- the destination is never half-written ------------------------------------------------------


def test_create_data_twice_refuses_and_keeps_the_rows(project):
    ok("create-data", "--num-passes", "4")
    before = row_counts(project.dst)
    assert before["actor"] == 4 and before["rental"] == 4
    [line] = fails("create-data", "--num-passes", "4")
    assert line.startswith("sqlsynth: error: table ") and "already has rows" in line, line
    assert "remove-data" in line
    assert row_counts(project.dst) == before


FAIL_LATE = {
    "domain check": ("name: dist_gen.constant\ncolumns_assigned: release_year\nkwargs: {value: -5}",
                     "year_check"),
    "not null": ("name: generic.null_provider.null\ncolumns_assigned: title", "not-null"),
}


@pytest.mark.parametrize("case", list(FAIL_LATE))
def test_failure_midway_writes_nothing(project, case):
    generator, word = FAIL_LATE[case]
    project.write_config(project.with_table("film", gens(generator)))
    ok("validate-config")  # valid as a config: only the database can tell
    [line] = fails("create-data", "--num-passes", "5")
    assert line.startswith("sqlsynth: error: table film (tables.film): "), line
    assert word in line and "nothing was written" in line
    project.assert_empty()  # actor, category, ... were inserted before film: rolled back too


# ---- validate-config and remove-data ----------------------------------------------------------------


def test_validate_config_good_and_bad(project):
    res = ok("validate-config")
    assert res.stdout == "config.yaml is valid\n" and res.stderr == ""
    cfg = project.write_config(project.with_table("store", gens(
        "name: generic.numeric.integer_number\ncolumns_assigned: [adress_id]")), "bad.yaml")
    [(line, path, message)] = problems(fails("validate-config", "bad.yaml"), file="bad.yaml")
    assert (line, path) == (line_of(cfg, "adress_id", "store"), "tables.store.row_generators[0].columns_assigned")
    assert "'address_id'" in message
    # Without orm.yaml only the config's own shape is checked, still located.
    cfg = project.write_config(project.with_table("store", "    ignore: maybe\n"), "bad2.yaml")
    [(line, path, message)] = problems(fails("validate-config", "bad2.yaml", "--orm-file", "none.yaml"),
                                       file="bad2.yaml")
    assert (line, path) == (line_of(cfg, "ignore: maybe", "store"), "tables.store.ignore")
    assert "true or false" in message


def test_remove_data_without_yes_and_terminal_refuses(project):
    ok("create-data", "--num-passes", "2")
    before = row_counts(project.dst)
    assert before["film"] == 2
    [line] = fails("remove-data")
    assert line.startswith("sqlsynth: error: ") and "--yes" in line
    assert row_counts(project.dst) == before
    ok("remove-data", "--yes")
    project.assert_empty()
