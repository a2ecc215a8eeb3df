"""A malformed orm.yaml gives located one-line errors, all at once, exit status 1, no traceback.

The structure is checked against sqlsynth/schema/orm_schema.json (JSON Schema, jsonschema), then
the references between entries (foreign keys, partitions, key columns); parts with a structural
problem are left out and the rest is still cross-checked, so one run lists everything.
"""

from __future__ import annotations

import copy

import pytest
import yaml
from click.testing import CliRunner

from sqlsynth.cli import main
from sqlsynth.errors import ConfigError, SchemaError
from sqlsynth.schema.ddl import create_statements
from sqlsynth.schema.io import load_schema, schema_from_dict

BAD = """\
dsn: null
schema: public
tables:
  a:
    columns: 7
  b:
    columns:
      id:
        nullable: false
      name:
        type: text
        nullable: maybe
    primary_key:
      name: b_pkey
      columns: [id]
    foreign_keys:
    - name: b_c
      columns: [name]
      ref_table: nowhere
      ref_columns: [id]
    colour: red
  c:
    columns:
      x: {type: int}
    unique: {name: u}
    partition_of: zz
    partition_bound: DEFAULT
  d:
    columns:
      x: {type: int}
    primary_key: {name: d_pkey, columns: [y]}
    foreign_keys:
    - {name: d_b, columns: [x, x], ref_table: b, ref_columns: [id], on_delete: sometimes}
"""

EXPECTED = [
    "orm.yaml:5: tables.a.columns: expected a mapping, got an integer (7)",
    "orm.yaml:8: tables.b.columns.id.type: missing",
    "orm.yaml:12: tables.b.columns.name.nullable: expected true or false, got a string ('maybe')",
    "orm.yaml:19: tables.b.foreign_keys[0].ref_table: unknown table 'nowhere' (a table outside this file needs "
    "ref_schema)",
    "orm.yaml:21: tables.b.colour: unknown key (did you mean 'columns'?)",
    "orm.yaml:25: tables.c.unique: expected a list, got a mapping",
    "orm.yaml:26: tables.c.partition_of: unknown table 'zz'",
    "orm.yaml:31: tables.d.primary_key: unknown column 'y'",
]


def cli(tmp_path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, res.output


@pytest.mark.parametrize("command", [["list-tables"], ["create-tables"], ["compile", "-o", "x.sql"],
                                     ["generate-config", "--config-file", "new.yaml"], ["validate-config"]])
def test_malformed_orm_yaml_every_problem_located(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DST_DSN", "postgresql://nobody@127.0.0.1:1/never")  # never reached
    (tmp_path / "orm.yaml").write_text(BAD)
    (tmp_path / "config.yaml").write_text("tables: {}\n")
    code, out = cli(tmp_path, *command)
    assert code == 1 and "Traceback" not in out
    lines = out.strip().splitlines()
    for want in EXPECTED:
        assert want in lines, (want, out)
    # the FK of d: two problems on one entry, both reported
    assert any(x.startswith("orm.yaml:33: tables.d.foreign_keys[0].on_delete: invalid value 'sometimes'") for x in lines)
    assert not (tmp_path / "x.sql").exists() and not (tmp_path / "new.yaml").exists()


@pytest.mark.parametrize("text, want", [
    ("tables: [1, 2]\n", "orm.yaml:1: tables: expected a mapping, got a list"),
    ("- a\n", "orm.yaml: expected a mapping, got a list"),
    ("", "orm.yaml: tables: missing"),
    ("tables: {t: {columns: {1: {type: int}}}}\n",
     "orm.yaml:1: tables.t.columns.1: key '1' is not a string (YAML reads it as a number): quote it"),
    ("tables:\n  yes: {columns: {a: {type: int}}}\n",
     "orm.yaml:1: tables.True: key 'True' is not a string (YAML reads it as a boolean): quote it"),
    ("schemas: [a, b]\ntables:\n  t: {columns: {a: {type: int}}}\n",
     "orm.yaml:3: tables.t: expected a schema.table key (this file has several schemas)"),
    ("schemas: [a, b]\ntables:\n  c.t: {columns: {a: {type: int}}}\n",
     "orm.yaml:3: tables.c.t: schema 'c' is not in schemas (a, b)"),
    ("schema: x\nschemas: [a, b]\ntables: {}\n", "orm.yaml:2: schemas: give either schema"),
    ("enums: {m: 5}\ntables: {}\n",
     "orm.yaml:1: enums.m: expected a list of labels or a mapping {schema, labels}, got an integer"),
    ("tables:\n  t:\n    columns: {a: {type: int}}\n    partition_of: t\n",
     "orm.yaml:4: tables.t.partition_of: a partition needs partition_bound"),
    ("tables: {t: {columns: {a: {type: int, identity: sometimes}}}}\n",
     "orm.yaml:1: tables.t.columns.a.identity: expected one of 'always', 'by default', None, got 'sometimes'"),
    ("tables: {t: {columns: {a: {type: ''}}}}\n", "orm.yaml:1: tables.t.columns.a.type: must not be empty"),
    ("functions: [{schema: s, name: f}]\ntables: {}\n", "orm.yaml:1: functions[0].arguments: missing"),
])
def test_one_located_line_per_problem(tmp_path, text, want):
    path = tmp_path / "orm.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as e:
        load_schema(str(path))
    lines = [str(p).replace(str(tmp_path) + "/", "") for p in e.value.problems]
    assert any(x.startswith(want) for x in lines), lines


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, path + (i,))


def test_any_wrong_value_anywhere_is_an_error_not_a_crash():
    """Every node of the bundled Pagila orm.yaml replaced in turn by a wrong value: loading gives
    ConfigError (or a Schema whose DDL is refused with SchemaError), never another exception."""
    from conftest import PAGILA_DIR

    data = yaml.safe_load((PAGILA_DIR / "orm.yaml").read_text())
    paths = [p for p in _paths(data) if p]
    refused = 0
    for i, p in enumerate(paths[::20]):
        for wrong in (7, None, "x;" if i % 2 else {"k": 1}):
            d = copy.deepcopy(data)
            node = d
            for k in p[:-1]:
                node = node[k]
            node[p[-1]] = wrong
            try:
                s = schema_from_dict(d)
            except ConfigError as e:
                assert e.problems and all(str(x).count("\n") == 0 for x in e.problems)
                refused += 1
                continue
            try:
                create_statements(s, "public")
            except SchemaError:
                refused += 1
    assert refused > len(paths) // 20
