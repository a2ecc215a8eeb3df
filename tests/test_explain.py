"""The plan as data: every Value is a tree over a row placeholder plus a description node with its
origin; plans built from the same inputs compare equal; `sqlsynth explain` prints them."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from sqlsynth import api
from sqlsynth.cli import main
from sqlsynth.plan import nodes
from sqlsynth.plan.placeholders import PLACEHOLDERS, Row, RowTree

FIX = Path(__file__).resolve().parent.parent / "sqlsynth" / "examples" / "pagila"
ORM, CONFIG = str(FIX / "orm.yaml"), str(FIX / "config.yaml")


def _columns(report: list[dict]) -> dict[tuple[str, str], dict]:
    return {(t["table"], c["column"]): c for t in report for c in t["columns"]}


def test_explain_names_the_origin_of_configured_foreign_key_and_default_columns():
    cols = _columns(api.explain(ORM, CONFIG, num_passes=10, seed=7))
    title = cols[("film", "title")]
    assert title["origin"] == "tables.film.row_generators[0] (sqlsynth.title)"
    year = cols[("film", "release_year")]
    assert year["origin"].startswith("tables.film.row_generators[2]")
    assert year["node"]["kind"] == "Span" and year["node"]["lo"] == 1970 and year["node"]["hi"] == 2026
    fk = cols[("rental", "customer_id")]
    assert fk["node"]["kind"] == "ParentKey" and fk["node"]["table"] == "customer"
    assert fk["node"]["column"] == "customer_id" and fk["origin"] == f"FOREIGN KEY {fk['node']['fk']}"
    [pool] = cols[("film", "description")]["sources"]  # a pool of sentences, joined by the INSERT
    assert pool.startswith("pool sqlsynth_pool_") and cols[("film", "description")]["sql"] == '"p1"."v"'
    assert cols[("film", "length")]["sources"] == [] and cols[("film", "fulltext")]["sources"] == ["words"]
    length = cols[("film", "length")]
    assert length["node"]["kind"] == "DefaultForType" and length["origin"] == "type default for smallint"
    # the SQL is the column's expression in the INSERT: the compiled script holds it
    script = api.compile_script(ORM, CONFIG, num_passes=10, seed=7)
    for c in (title, year, fk, length):
        assert c["sql"] in script


def test_explain_lists_tables_in_load_order_with_why_their_rows():
    report = api.explain(ORM, CONFIG, num_passes=10, seed=7)
    order = [t["table"] for t in report]
    plan = api.plan_load(ORM, CONFIG, num_passes=10, seed=7)
    assert order == [n for n in plan.order]
    film = next(t for t in report if t["table"] == "film")
    assert film["rows"] == 10 and film["rows_why"] == "tables.film.num_rows_per_pass (1) x 10 passes"


def test_explain_json_parses_and_the_nodes_round_trip():
    res = CliRunner().invoke(main, ["explain", "--orm-file", ORM, "--config-file", CONFIG, "-n", "5",
                                    "--format", "json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    plan = api.plan_load(ORM, CONFIG, num_passes=5)
    kinds = set()
    for t in report:
        for c in t["columns"]:
            node = nodes.from_dict(c["node"])
            assert node == nodes.of_value(plan.tables[t["table"]].values[c["column"]])
            assert node.to_dict() == c["node"]
            kinds.add(node.kind)
    assert {"Sequence", "ParentKey", "DefaultForType", "PoolLookup", "Span"} <= kinds <= set(nodes.KINDS)


def test_explain_text_filters_by_table_and_column():
    res = CliRunner().invoke(main, ["explain", "--orm-file", ORM, "--config-file", CONFIG, "--table", "film",
                                    "--column", "length"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[:4] == [
        "film: 1 rows (tables.film.num_rows_per_pass (1) x 1 passes)", "  length",
        "    origin: type default for smallint", "    node:   DefaultForType(type='smallint')"]
    bad = CliRunner().invoke(main, ["explain", "--orm-file", ORM, "--config-file", CONFIG, "--table", "flim"])
    assert bad.exit_code == 1 and "no generated table 'flim'" in bad.output


def _values(plan) -> dict:
    return {name: (dict(tp.values), [g.index for g in tp.groups]) for name, tp in plan.tables.items()}


def test_plans_from_the_same_inputs_compare_equal_and_differ_when_they_change(tmp_path):
    a = api.plan_load(ORM, CONFIG, num_passes=3, seed=1)
    b = api.plan_load(ORM, CONFIG, num_passes=3, seed=1)
    assert _values(a) == _values(b)
    assert _values(a) != _values(api.plan_load(ORM, CONFIG, num_passes=3, seed=2))
    cfg = yaml.safe_load(Path(CONFIG).read_text())
    cfg["tables"]["film"]["row_generators"][2]["kwargs"]["end"] = 2000
    changed = tmp_path / "config.yaml"
    changed.write_text(yaml.safe_dump(cfg))
    c = api.plan_load(ORM, str(changed), num_passes=3, seed=1)
    assert c.tables["film"].values["release_year"] != a.tables["film"].values["release_year"]
    assert c.tables["film"].values["title"] == a.tables["film"].values["title"]


def test_values_are_data_and_at_has_no_side_effects():
    plan = api.plan_load(ORM, CONFIG, num_passes=3, seed=1)
    row = Row()
    for tp in plan.tables.values():
        for v in tp.values.values():
            assert v.fn is None and v.tree is not None  # no closure left
            once, twice = v.at(row), v.at(row)
            assert once == twice == v.tree and once is not v.tree  # a fresh, equal tree each time
        for g in tp.groups:  # a foreign key's parent index too
            assert isinstance(g.index, RowTree)
    # lookups are placeholders in the trees, resolved by the statement
    assert any(v.tree.find(*PLACEHOLDERS) is not None for tp in plan.tables.values() for v in tp.values.values())


CHECKED = """
CREATE FUNCTION is_even(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT v % 2 = 0';
CREATE TABLE account (id serial PRIMARY KEY, opened date NOT NULL, closed date,
                      v integer NOT NULL CHECK (is_even(v)));
"""


def test_explain_names_check_candidates_and_rules(sql_project):
    """A CHECK kept by candidates and a configured rule: their nodes and origins, and the SQL the
    candidates compile to (a LATERAL the INSERT joins, read as "ck1"."k")."""
    sql_project(CHECKED, "explain")
    assert CliRunner().invoke(main, ["make-tables"]).exit_code == 0
    config = {"tables": {"account": {"rows": 50, "rules": [{"order": ["opened", "closed"], "gap": {"min": 0, "max": 30}}]}}}
    Path("config.yaml").write_text(yaml.safe_dump(config))
    res = CliRunner().invoke(main, ["explain", "--table", "account", "--format", "json"])
    assert res.exit_code == 0, res.output
    cols = _columns(json.loads(res.output))
    v = cols[("account", "v")]
    assert v["node"]["kind"] == "CheckCandidate" and v["node"]["checks"] == ["CHECK account_v_check"]
    assert v["origin"] == "CHECK account_v_check" and v["node"]["of"]["kind"] == "DefaultForType"
    assert v["sql"].startswith('CASE "ck1"."k" WHEN 1 THEN')
    closed = cols[("account", "closed")]
    assert closed["node"]["kind"] == "Rule" and closed["origin"] == "tables.account.rules[0]"
    assert closed["node"]["of"]["kind"] == "DefaultForType"


def test_a_statement_refuses_unresolved_placeholders():
    """A value's tree names its lookups by placeholders: put in a SELECT without resolve() it would
    render as a function call; apply() refuses it, resolve() turns it into the statement's joins."""
    import pytest
    from sqlglot import exp

    from sqlsynth.plan.pools import JoinCollector
    from sqlsynth.sql import sqlx

    plan = api.plan_load(ORM, CONFIG, num_passes=3, seed=1)
    tree = plan.tables["film"].values["description"].at(sqlx.col("i", "g"))  # a pool of sentences
    joins = JoinCollector()
    with pytest.raises(RuntimeError, match="unresolved PoolAt"):
        joins.apply(exp.select(tree.copy()))
    sql = sqlx.render(joins.apply(exp.select(joins.resolve(tree))))
    assert "sqlsynth_pool_at" not in sql.lower() and '"pg_temp"."sqlsynth_pool_' in sql
