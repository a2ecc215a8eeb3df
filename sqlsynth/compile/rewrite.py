"""What the SQL-only engines (compile/duckdb.py, compile/spark.py) rewrite alike in the plan's
PostgreSQL trees: the calls of sqlsynth/sql/primitives.py mapped to the engine's primitives module
(sql/primitives_duckdb.py, sql/primitives_spark.py), and the PostgreSQL functions no such engine has.

An engine's primitives module provides ``hash64(v, seed)``, ``make_struct(lower, upper)`` (a range),
``field(struct, name)`` (a range's bound), ``json_object(*pairs)`` and ``to_hex(e)``. The engine's
own rewrite calls :func:`map_call` on every ``exp.Anonymous`` and keeps its own cases for the rest.
"""

from __future__ import annotations

from types import ModuleType
from typing import Callable

import sqlglot
from sqlglot import exp

from ..sql import primitives
from ..sql.sqlx import render

RANGE_NAMES = {"int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange"}
REFUSED = {"set_masklen": "network addresses (inet/cidr)", "plainto_tsquery": "tsquery",
           "pg_get_serial_sequence": "sequences", "setval": "sequences", "hashtextextended": "text hashes",
           **{g: "geometric values" for g in primitives.GEOMETRIC}}

Rewrite = Callable[[exp.Expression], exp.Expression]


class Unsupported(Exception):
    """What an engine has no form for (the compile names the table and column)."""


def engine_sql(tree: exp.Expression, rewrite: Rewrite, dialect: str) -> str:
    """A tree built for PostgreSQL, rewritten for an engine and rendered in its dialect (raises
    Unsupported: the first line of sqlglot's own refusal)."""
    try:
        return render(tree.transform(rewrite), dialect)
    except sqlglot.errors.UnsupportedError as e:
        raise Unsupported(str(e).splitlines()[0]) from None


def bucket_case(node: exp.WidthBucket, rewrite: Rewrite) -> exp.Expression:
    """``width_bucket(u, ARRAY[c1, ..., cn])`` (sqlx.bucket: how many thresholds are <= u) for an engine
    without the array form: CASE WHEN u < c1 THEN 0 ... WHEN u < cn THEN n - 1 ELSE n END."""
    thresholds = node.args.get("threshold")
    if isinstance(thresholds, exp.Cast):
        thresholds = thresholds.this
    if not isinstance(thresholds, exp.Array):
        raise Unsupported("width_bucket over thresholds that are not a literal array")
    u = node.this.transform(rewrite)
    return exp.Case(ifs=[exp.If(this=exp.LT(this=u.copy(), expression=c.copy()), true=exp.Literal.number(i))
                         for i, c in enumerate(thresholds.expressions)],
                    default=exp.Literal.number(len(thresholds.expressions)))


def map_call(node: exp.Anonymous, prims: ModuleType, rewrite: Rewrite) -> exp.Expression | None:
    """The engine's form of a PostgreSQL function call, its arguments rewritten (a replaced node is
    not walked again); None when the call is kept as it is; Unsupported when the engine has none."""
    name = str(node.this).lower()
    args = [a.transform(rewrite) for a in node.expressions]
    if primitives.hash64_args(node) is not None:
        return prims.hash64(*args)
    if name == "decode" and len(args) == 2:
        return exp.Unhex(this=args[0])
    if name == "to_tsvector" and len(args) == 2:
        return args[1]
    if name in RANGE_NAMES and len(args) == 2:
        return prims.make_struct(*args)
    if name in ("lower", "upper") and len(args) == 1:
        return prims.field(args[0], name)
    if name in ("jsonb_build_object", "json_build_object"):
        return prims.json_object(*args)
    if name == "to_hex":
        return prims.to_hex(*args)
    if name in REFUSED:
        raise Unsupported(REFUSED[name])
    if name.endswith("range") or name in ("lower_inf", "upper_inf", "isempty"):
        raise Unsupported(f"range function {name}")
    return None
