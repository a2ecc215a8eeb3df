"""SQL functions are sqlglot's typed expressions; what only PostgreSQL has stays in sql/primitives.py.

A second engine replaces sqlsynth/sql/primitives.py and nothing else: so no module builds an
``exp.Anonymous`` call of its own, and the column values the planner builds for every type call
no function by name but the primitives'.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from sqlsynth.plan.checks import bounds_for
from sqlsynth.plan.rules import _epoch_seconds
from sqlsynth.plan.values import default_value, ts_from_seconds
from sqlsynth.schema.model import Schema
from sqlsynth.schema.types import resolve_type
from sqlsynth.sql import primitives
from sqlsynth.sql.sqlx import Streams, col, lit, render

PKG = Path(__file__).resolve().parent.parent / "sqlsynth"
PRIMITIVES = PKG / "sql" / "primitives.py"
ENGINE_PRIMITIVES = {PKG / "sql" / "primitives_duckdb.py", PKG / "sql" / "primitives_spark.py"}  # another engine's forms of the same primitives

TYPES = ["integer", "bigint", "smallint", "numeric(8,2)", "double precision", "real", "text", "character varying(12)",
         "character(3)", '"char"', "boolean", "date", "timestamp without time zone", "timestamp with time zone",
         "time without time zone", "time with time zone", "interval", "uuid", "bytea", "json", "jsonb", "inet", "cidr",
         "macaddr", "macaddr8", "tsvector", "tsquery", "bit(12)", "bit varying(8)", "xml", "point", "line", "lseg",
         "box", "path", "polygon", "circle", "int4range", "tstzrange", "daterange", "numrange", "pg_lsn",
         "integer[]", "text[]"]


def _anonymous_constructions(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            and n.func.attr == "Anonymous"]


def test_only_the_primitives_module_builds_calls_by_name():
    found = {str(p.relative_to(PKG.parent)): lines for p in sorted(PKG.rglob("*.py"))
             if p != PRIMITIVES and p not in ENGINE_PRIMITIVES and (lines := _anonymous_constructions(p))}
    assert found == {}
    assert _anonymous_constructions(PRIMITIVES)  # the check reads what it should


def _primitive_names() -> set[str]:
    """Every function name primitives.py can build (its _call targets and the variable ones)."""
    probe = col("x")
    names = {primitives.hash64(probe, probe).name, primitives.to_hex(probe).name,
             primitives.hex_to_bytes(probe).name, primitives.text_search_vector(probe, probe).name,
             primitives.text_search_query(probe, probe).name, primitives.set_masklen(probe, probe).name,
             primitives.range_lower(probe).name, primitives.range_upper(probe).name,
             primitives.range_lower_inf(probe).name, primitives.range_upper_inf(probe).name,
             primitives.range_isempty(probe).name, primitives.serial_sequence(probe, probe).name,
             primitives.setval(probe, probe, probe).name, "json_build_object", "jsonb_build_object"}
    return {n.lower() for n in names} | set(primitives.GEOMETRIC)


@pytest.mark.parametrize("type_sql", TYPES)
def test_default_values_call_no_function_by_name_but_the_primitives(type_sql):
    ti = resolve_type(type_sql, Schema())
    v = default_value(ti, Streams(7, "t"), "c", bounds_for("c", []), 1000)
    tree = v.at(col("i"))
    names = {str(a.this).lower() for a in tree.find_all(exp.Anonymous)}
    ranges = {ti.base_sql.split("(")[0].strip().lower()} if ti.kind == "range" else set()
    assert names <= _primitive_names() | ranges, names
    assert "HASHINT8EXTENDED(" in render(tree)  # a random stream drives it
    # the typed part renders for another engine (what it cannot express would raise)
    tree.sql(dialect="duckdb", unsupported_level=sqlglot.ErrorLevel.RAISE)


def test_typed_functions_translate_between_dialects():
    e = exp.Pad(this=primitives.to_hex(col("i")), expression=lit(12), fill_pattern=lit("0"), is_left=True)
    assert render(e) == 'LPAD(TO_HEX("i"), 12, \'0\')'
    ts = ts_from_seconds(col("s"), tz=True)
    assert render(ts) == 'TO_TIMESTAMP("s")'
    assert render(ts, "spark") == "CAST(FROM_UNIXTIME(`s`) AS TIMESTAMP)"  # sqlglot translates typed nodes
    assert render(exp.ArrayToString(this=col("a"), expression=lit(" ")), "spark") == "ARRAY_JOIN(`a`, ' ')"
    assert render(exp.Length(this=col("a")), "tsql") == "LEN([a])"
    assert render(exp.GenerateSeries(start=lit(1), end=lit(5))) == "GENERATE_SERIES(1, 5)"


def test_the_epoch_shortcut_reads_to_timestamp_as_a_typed_expression():
    """A follows rule shifts epoch seconds rather than adding an interval to a timestamp."""
    secs = col("s")
    assert _epoch_seconds(ts_from_seconds(secs, tz=True), "timestamptz") == secs
    assert _epoch_seconds(ts_from_seconds(secs, tz=False), "timestamp") == secs
    assert _epoch_seconds(exp.Cast(this=secs.copy(), to=exp.DataType.build("timestamptz")), "timestamptz") is None
