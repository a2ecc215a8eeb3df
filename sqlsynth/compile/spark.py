"""Plan -> Spark program: one SELECT per table over ``range(lo, hi + 1, 1, partitions)``, in Spark SQL.

The Values of the plan build sqlglot trees with PostgreSQL's primitives (sqlsynth/sql/primitives.py)
in them; this module rewrites those trees (never the plan) and renders them with sqlglot's spark
dialect, as compile/duckdb.py does for DuckDB:

- the random streams' hash, ``hashint8extended(v, seed)``, becomes Spark's ``xxhash64(v, seed)``
  (sql/primitives_spark.py), masked to its low 32 bits as on PostgreSQL: draws cover the same ranges,
  the values differ (determinism holds within an engine, not across engines);
- ``decode(x, 'hex')`` -> ``unhex(x)``; ``to_tsvector(cfg, text)`` -> the text; a range constructor
  -> ``named_struct('lower', a, 'upper', b)``; ``json[b]_build_object`` -> ``to_json(named_struct)``;
  ``to_hex`` -> ``lower(hex)``; ``array_agg(v ORDER BY k)`` -> the values of the sorted pairs;
  unconstrained NUMERIC -> DECIMAL(38, 18) (Spark's bare DECIMAL has no fraction digits);
- value pools (pg_temp.sqlsynth_pool_<n>) and tables read at run time (vocabulary, parents) are
  temporary views the executor registers under their table's name.

Every column is cast to its Spark type (schema/types_spark.py), so the Parquet files carry the
schema's types. What has no Spark form (geometric and network values, CHECKs kept by drawing
candidates, Python row generators, stories, --append) stops the compile with one line naming the
table, the column or the feature and the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp

from ..errors import SchemaError, SqlsynthError
from ..plan.model import Plan, TablePlan
from ..plan.pools import JoinCollector, Pool
from ..schema.types_spark import spark_type
from ..sql import primitives_spark as spark
from .program import ROW
from .refusals import plan_refusals
from .rewrite import Unsupported, bucket_case, engine_sql, map_call

ENGINE = "Spark"
DEFAULT_PARTITIONS = 8
INTEGERS = {exp.DataType.Type.SMALLINT, exp.DataType.Type.INT, exp.DataType.Type.BIGINT, exp.DataType.Type.TINYINT}
ARRAY_VIEW = "_array"  # suffix of a pool's one-row view (w: its values in key order)


@dataclass
class SparkStep:
    sql: str
    table: str
    path: str
    rows: int
    name: str  # the table's name in the output directory and as a temporary view


@dataclass
class SparkProgram:
    seed: int
    partitions: int
    steps: list[SparkStep] = field(default_factory=list)
    pools: list[Pool] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)  # vocabulary tables (read from make-vocab's files)
    views: dict[str, str] = field(default_factory=dict)  # table key -> its view/output name
    warnings: list[str] = field(default_factory=list)

    @property
    def tables(self) -> list[str]:
        return [s.table for s in self.steps]

    @property
    def total_rows(self) -> int:
        return sum(s.rows for s in self.steps)


def _rewrite(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.WidthBucket):
        return bucket_case(node, _rewrite)
    if isinstance(node, exp.AtTimeZone) and isinstance(node.this, exp.UnixToTime) and len(node.this.args) == 1 \
            and node.args.get("zone") == exp.Literal.string("UTC"):
        return spark.timestamp_from_epoch(node.this.this.transform(_rewrite))
    if isinstance(node, exp.Select) and len(node.expressions) == 1 and isinstance(node.expressions[0], exp.ArrayAgg) \
            and isinstance(node.args.get("from"), exp.From) and isinstance(node.args["from"].this, exp.Table) \
            and node.args["from"].this.name.startswith("sqlsynth_pool_") and not node.args.get("joins"):
        # a pool's values as one array (pools.fn_array_agg): a one-row view the executor builds once
        return exp.select(exp.column("w")).from_(exp.Table(this=exp.to_identifier(
            node.args["from"].this.name + ARRAY_VIEW, quoted=True)))
    if isinstance(node, exp.ArrayAgg) and isinstance(node.this, exp.Order) and len(node.this.expressions) == 1:
        value = node.this.this.transform(_rewrite)
        if isinstance(value, exp.Cast):  # the ::name of PostgreSQL's fixed-width lookup: plain strings here
            value = value.this
        return spark.ordered_array([node.this.expressions[0].this.transform(_rewrite)], value)
    if isinstance(node, exp.Array) and len(node.expressions) == 1 and isinstance(node.expressions[0], exp.Select):
        return _array_of_query(node.expressions[0])
    if isinstance(node, exp.Table) and isinstance(node.this, exp.GenerateSeries):
        gs = node.this
        return spark.series_table(gs.args["start"].transform(_rewrite), gs.args["end"].transform(_rewrite),
                                  node.args.get("alias"))
    if isinstance(node, exp.Anonymous):
        name = str(node.this).lower()
        if name == "range" and len(node.expressions) == 4:  # the row source (primitives_spark.row_source)
            return node
        mapped = map_call(node, spark, _rewrite)
        if mapped is not None:
            return mapped
    if isinstance(node, exp.Bracket) and node.args.get("offset") == 1 and len(node.expressions) == 1 \
            and isinstance(node.expressions[0], exp.Slice):
        sl = node.expressions[0]
        return spark.slice_of(node.this.transform(_rewrite), sl.this.transform(_rewrite),
                              sl.expression.transform(_rewrite))
    if isinstance(node, exp.Bracket) and node.args.get("offset") == 1 and len(node.expressions) == 1:
        return spark.element_at(node.this.transform(_rewrite), node.expressions[0].transform(_rewrite))
    if isinstance(node, exp.DataType):
        sql = node.sql("postgres").lower()
        if sql in ("name", "regconfig", "text", "tsvector") or sql.startswith(("varchar", "char")):
            return exp.DataType.build("STRING", dialect="spark")
        if sql == "name[]":
            return exp.DataType.build("ARRAY<STRING>", dialect="spark")
        if node.this == exp.DataType.Type.DECIMAL and not node.expressions:
            return exp.DataType.build("DECIMAL(38, 18)", dialect="spark")
        if node.this == exp.DataType.Type.USERDEFINED:  # an enum or a domain: the text (enums), checked below
            return exp.DataType.build("STRING", dialect="spark")
    if isinstance(node, exp.Div) and node.args.get("typed") and _integer(node.expression) \
            and not _fractional(node.this):
        # PostgreSQL's int / int (the plan's integer arithmetic divides by integer literals): Spark's `/`
        # is always fractional. A division with a fractional side (`price / 2.0`) keeps `/`.
        this, by = node.this.transform(_rewrite), node.expression.transform(_rewrite)
        if _integer(node.this):
            return exp.IntDiv(this=this, expression=by)
        # A dividend of a type the tree does not say (`floor(_u * 10) / 2`, a vocabulary column): PostgreSQL
        # divides by its type, so Spark asks the value's type (folded by Spark's optimizer for a typed column)
        return exp.If(this=exp.In(this=spark.type_name(this.copy()),
                                  expressions=[exp.Literal.string(t) for t in _SPARK_INTEGER_TYPES]),
                      true=exp.IntDiv(this=this.copy(), expression=by.copy()),
                      false=exp.Div(this=this, expression=by))
    if isinstance(node, exp.Cast) and isinstance(node.args.get("to"), exp.DataType) \
            and node.args["to"].this in INTEGERS and not isinstance(node.this, (exp.Column, exp.Literal)) \
            and not (isinstance(node.this, exp.Cast) and node.this.args["to"].this in INTEGERS):
        # PostgreSQL rounds a fraction cast to an integer type; Spark truncates it: round first
        # (an integer is its own round)
        return exp.Cast(this=exp.Round(this=node.this.transform(_rewrite)), to=node.args["to"].copy())
    if isinstance(node, exp.Cast) and not isinstance(node.this, exp.Column):
        to = node.args.get("to")
        if isinstance(to, exp.DataType) and to.sql("postgres").lower() == "regconfig":
            return node.this
    if isinstance(node, exp.Table) and isinstance(node.this, exp.Identifier) and node.args.get("db") is not None:
        return exp.Table(this=node.this.copy(), alias=node.args.get("alias"))  # a temporary view (see the executor)
    return node


_SPARK_INTEGER_TYPES = ("tinyint", "smallint", "int", "bigint")

_ARITHMETIC = (exp.Add, exp.Sub, exp.Mul, exp.Mod, exp.IntDiv, exp.BitwiseAnd, exp.BitwiseOr, exp.BitwiseXor,
               exp.BitwiseLeftShift, exp.BitwiseRightShift)


def _integer(node: exp.Expression) -> bool:
    """Known to be an integer: an integer literal, a cast to an integer type, integer arithmetic on them."""
    if isinstance(node, (exp.Paren, exp.Neg)):
        return _integer(node.this)
    if isinstance(node, exp.Literal):
        return node.is_int
    if isinstance(node, exp.Cast):
        return isinstance(node.args.get("to"), exp.DataType) and node.args["to"].this in INTEGERS
    if isinstance(node, _ARITHMETIC) or (isinstance(node, exp.Div) and node.args.get("typed")):
        return _integer(node.this) and _integer(node.expression)
    return False


def _fractional(node: exp.Expression) -> bool:
    """Known not to be an integer: a decimal or float literal, a cast to a non-integer numeric type, a
    fractional division, arithmetic with such an operand."""
    if isinstance(node, (exp.Paren, exp.Neg)):
        return _fractional(node.this)
    if isinstance(node, exp.Literal):
        return node.is_number and not node.is_int
    if isinstance(node, exp.Cast):
        to = node.args.get("to")
        return isinstance(to, exp.DataType) and to.this in (exp.DataType.REAL_TYPES | {exp.DataType.Type.DECIMAL})
    if isinstance(node, exp.Div):
        return not node.args.get("typed") or _fractional(node.this) or _fractional(node.expression)
    if isinstance(node, _ARITHMETIC):
        return _fractional(node.this) or _fractional(node.expression)
    return False


def _array_of_query(query: exp.Select) -> exp.Expression:
    """PostgreSQL's ``ARRAY(SELECT v FROM ... ORDER BY keys)``: a scalar subquery collecting the values
    in the keys' order."""
    if len(query.expressions) != 1:
        raise Unsupported("ARRAY(SELECT ...) of several columns")
    q = query.copy()
    order = q.args.get("order")
    keys = [o.this.transform(_rewrite) for o in order.expressions] if order else []
    if order and any(o.args.get("desc") for o in order.expressions):
        raise Unsupported("ARRAY(SELECT ... ORDER BY ... DESC)")
    q.set("order", None)
    value = q.expressions[0].transform(_rewrite)
    if isinstance(value, exp.Alias):
        value = value.this
    q = q.transform(_rewrite)
    q.set("expressions", [spark.ordered_array(keys, value)])
    return exp.Subquery(this=q)


def spark_sql(tree: exp.Expression) -> str:
    """A tree built for PostgreSQL as Spark SQL (raises Unsupported)."""
    return engine_sql(tree, _rewrite, "spark")


def select_sql(plan: Plan, tp: TablePlan, lo: int, hi: int, partitions: int) -> str:
    """The SELECT of one table's rows lo..hi, every column cast to its Spark type and named."""
    cols = tp.columns()
    problems = []
    joins = JoinCollector()  # the pools and sources the values name, joined once
    exprs = []
    for c in cols:
        e = joins.resolve(tp.values[c].at(ROW.copy()))
        try:
            typ = spark_type(plan.schema, tp.table.columns[c].type, f"table {tp.name} column {c}")
        except SchemaError as err:
            problems.append(f"{err} ({tp.path})")
            continue
        try:
            spark_sql(e)
        except Unsupported as u:
            problems.append(f"table {tp.name} column {c}: {u} cannot be generated on {ENGINE} ({tp.path})")
            continue
        exprs.append(exp.alias_(exp.Cast(this=e, to=exp.DataType.build(typ, dialect="spark")), c, quoted=True))
    if problems:
        raise Unsupported("\n".join(problems))
    select = joins.apply(exp.select(*exprs).from_(spark.row_source(lo, hi, partitions)))
    return spark_sql(select)


def refusals(plan: Plan) -> list[str]:
    """Features of the plan a load on this engine does not support, one line each."""
    return plan_refusals(plan, ENGINE, "write to a new --output directory")


def view_name(plan: Plan, key: str) -> str:
    """The table's name as a view and in the output directory (its name without the schema)."""
    return plan.where(key)[1]


def compile_spark(plan: Plan, partitions: int = DEFAULT_PARTITIONS) -> SparkProgram:
    """The Spark program of a plan; every refusal at once (SqlsynthError), before anything runs."""
    if partitions < 1:
        raise SqlsynthError(f"--partitions must be at least 1 (got {partitions})")
    problems = refusals(plan)
    prog = SparkProgram(seed=plan.seed, partitions=partitions, pools=list(plan.pools),
                        warnings=list(plan.warnings), vocabulary=sorted(plan.vocabulary))
    if problems:
        raise SqlsynthError("\n".join(problems))
    names: dict[str, str] = {}
    for name in list(plan.vocabulary) + list(plan.order):
        view = view_name(plan, name)
        if view.lower() in names:
            problems.append(f"tables {names[view.lower()]} and {name} have the same name ({view}) in other "
                            f"schemas: {ENGINE} writes one directory per table name; ignore one of them")
        names[view.lower()] = name
        prog.views[name] = view
    for name in plan.order:
        tp = plan.tables[name]
        if tp.rows <= 0:
            continue
        try:
            sql = select_sql(plan, tp, 1, tp.rows, partitions)
        except Unsupported as u:
            problems.append(str(u))
            continue
        prog.steps.append(SparkStep(sql, table=name, path=tp.path, rows=tp.rows, name=prog.views[name]))
    if problems:
        raise SqlsynthError("\n".join(problems))
    for pool in prog.pools:  # Mimesis runs here, as when the PostgreSQL program is compiled
        pool.build()
    return prog
