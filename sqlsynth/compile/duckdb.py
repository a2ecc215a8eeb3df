"""Plan -> DuckDB program: one INSERT ... SELECT per table over generate_series, in DuckDB's SQL.

The Values of the plan build sqlglot trees with PostgreSQL's primitives (sqlsynth/sql/primitives.py)
in them; this module rewrites those trees (never the plan) and renders them with sqlglot's duckdb
dialect:

- the random streams' hash, ``hashint8extended(v, seed)``, becomes ``sqlsynth_hash64(v, seed)``, a
  macro in DuckDB SQL (sql/primitives_duckdb.py): draws cover the same ranges as on PostgreSQL, but
  the values differ (determinism holds within an engine, not across engines);
- ``decode(x, 'hex')`` -> ``unhex(x)``; ``to_tsvector(cfg, text)`` -> the text (tsvector columns are
  VARCHAR on DuckDB); a range constructor -> a STRUCT {lower, upper}; ``json[b]_build_object`` ->
  ``json_object``; ``to_hex`` -> ``lower(to_hex)``; casts to NAME -> VARCHAR;
- value pools (pg_temp.sqlsynth_pool_<n>) are Arrow tables registered on the connection.

The integer division of PostgreSQL is kept by the session setting ``integer_division`` (set by the
executor); a fractional division (sqlglot's untyped Div) gets the dividend cast to DOUBLE, as in
PostgreSQL's rendering. What has no DuckDB form (geometric and network values, CHECKs kept by drawing candidates,
Python row generators, stories, --append) stops the compile with one line naming the table, the
column or the feature and the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp

from ..errors import SqlsynthError
from ..plan.model import Plan, TablePlan
from ..plan.pools import JoinCollector, Pool
from ..sql import primitives, primitives_duckdb as duck
from ..sql.primitives_duckdb import HASH_MACROS, hash64_python  # noqa: F401  (the executor's, the tests')
from .refusals import plan_refusals
from .rewrite import Unsupported, bucket_case, engine_sql, map_call
from .program import ROW, row_source

ENGINE = "DuckDB"
M32 = (1 << 32) - 1


@dataclass
class DuckStep:
    sql: str
    kind: str = "insert"
    table: str | None = None
    path: str | None = None
    rows: int = 0


@dataclass
class DuckProgram:
    seed: int
    steps: list[DuckStep] = field(default_factory=list)
    pools: list[Pool] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)  # tables written (qualified SQL names by table)
    qtables: dict[str, str] = field(default_factory=dict)
    external_parents: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    search_path: list[str] = field(default_factory=list)  # where the unqualified types (enums) are
    arrow: dict[str, object] = field(default_factory=dict)  # pool table name -> its Arrow table (the executor's)

    @property
    def tables(self) -> list[str]:
        return self.targets

    @property
    def total_rows(self) -> int:
        return sum(s.rows for s in self.steps if s.kind == "insert")


def _rewrite(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.WidthBucket):
        return bucket_case(node, _rewrite)
    if isinstance(node, exp.BitwiseAnd) and primitives.hash64_args(node.this) is not None \
            and node.expression == exp.Literal.number(M32):  # the DuckDB hash is 32 bits already
        return duck.hash64(*(a.transform(_rewrite) for a in node.this.expressions))
    if isinstance(node, exp.AtTimeZone) and isinstance(node.this, exp.UnixToTime) and len(node.this.args) == 1 \
            and node.args.get("zone") == exp.Literal.string("UTC"):
        return duck.timestamp_from_epoch(node.this.this.transform(_rewrite))
    if isinstance(node, exp.Anonymous):
        mapped = map_call(node, duck, _rewrite)
        if mapped is not None:
            return mapped
    if isinstance(node, exp.Div) and not node.args.get("typed") \
            and not node.left.is_type(*exp.DataType.REAL_TYPES) and not node.right.is_type(*exp.DataType.REAL_TYPES):
        # a fractional division: PostgreSQL's rendering casts the dividend to DOUBLE PRECISION; DuckDB
        # under integer_division (kept for the plan's integer divisions) would divide two integers whole
        return exp.Div(this=exp.cast(node.left.transform(_rewrite), to=exp.DType.DOUBLE),
                       expression=node.right.transform(_rewrite))
    if isinstance(node, (exp.Greatest, exp.Least)) and node.args.get("ignore_nulls") is None:
        node.set("ignore_nulls", True)  # PostgreSQL's GREATEST/LEAST skip NULLs, as DuckDB's do
    if isinstance(node, exp.DataType):
        sql = node.sql("postgres").lower()
        if sql in ("name", "regconfig"):
            return exp.DataType.build("VARCHAR")
        if sql == "name[]":
            return exp.DataType.build("VARCHAR[]", dialect="duckdb")
    if isinstance(node, exp.Cast) and isinstance(node.this, exp.Column) is False:
        to = node.args.get("to")
        if isinstance(to, exp.DataType) and to.sql("postgres").lower() == "regconfig":
            return node.this
    if isinstance(node, exp.Table) and node.args.get("db") is not None and node.db == "pg_temp":
        return exp.Table(this=node.this.copy(), alias=node.args.get("alias"))
    return node


def duck_sql(tree: exp.Expression) -> str:
    """A tree built for PostgreSQL as DuckDB SQL (raises Unsupported)."""
    return engine_sql(tree, _rewrite, "duckdb")


def insert_sql(plan: Plan, tp: TablePlan, lo: int, hi: int) -> str:
    cols = tp.columns()
    problems = []
    joins = JoinCollector()  # the pools and sources the values name, joined once
    exprs = []
    for c in cols:
        e = joins.resolve(tp.values[c].at(ROW.copy()))
        try:
            duck_sql(e)
        except Unsupported as u:
            problems.append(f"table {tp.name} column {c}: {u} cannot be generated on {ENGINE}")
        exprs.append(e)
    if problems:
        raise Unsupported("; ".join(problems))
    select = joins.apply(exp.select(*exprs).from_(row_source(lo, hi, None)))
    head = f"INSERT INTO {plan.qtable(tp.name)} ({', '.join(exp.to_identifier(c, quoted=True).sql('duckdb') for c in cols)})"
    return f"{head}\n{duck_sql(select)}"


def refusals(plan: Plan) -> list[str]:
    """Features of the plan a load on this engine does not support, one line each."""
    return plan_refusals(plan, ENGINE, "run remove-data and load again")


def compile_duckdb(plan: Plan) -> DuckProgram:
    """The DuckDB program of a plan; every refusal at once (SqlsynthError), before anything runs."""
    problems = refusals(plan)
    prog = DuckProgram(seed=plan.seed, pools=list(plan.pools), warnings=list(plan.warnings),
                       external_parents=list(plan.external_parents), search_path=list(plan.search_path))
    if problems:
        raise SqlsynthError("\n".join(problems))
    for name in plan.order:
        tp = plan.tables[name]
        prog.qtables[name] = plan.qtable(name)
        if tp.rows <= 0:
            continue
        try:
            sql = insert_sql(plan, tp, 1, tp.rows)
        except Unsupported as u:
            problems.append(str(u))
            continue
        prog.targets.append(name)
        prog.steps.append(DuckStep(sql, table=name, path=tp.path, rows=tp.rows))
    if problems:
        raise SqlsynthError("\n".join(problems))
    for pool in prog.pools:  # Mimesis runs here, as when the PostgreSQL program is compiled (COPY data)
        pool.build()
    return prog
