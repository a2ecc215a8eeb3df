"""Plan -> Program: the ordered SQL statements of one load.

The same Program is either written as a psql script or executed through psycopg,
so both give identical rows for the same seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp

from ..errors import SchemaError
from ..plan.model import OFFSETS_TABLE, Plan, TablePlan
from ..plan.pools import JoinCollector, Pool
from ..plan.values import WORDS_REF, words_array_source
from ..schema.model import ForeignKey
from ..sql import primitives, sqlx
from ..sql.copytext import copy_rows
from ..sql.sqlx import lit, q, qtable, render

_FK_ACTIONS = {"CASCADE", "RESTRICT", "SET NULL", "SET DEFAULT", "NO ACTION"}


@dataclass
class Step:
    sql: str
    kind: str = "sql"  # sql | insert | guard | analyze
    table: str | None = None
    path: str | None = None  # config path behind the statement
    rows: int = 0
    transactional: bool = True
    data: str | None = None  # COPY ... FROM STDIN payload (text format)
    chunks: object = None  # or a callable giving COPY payload chunks lazily (user Python values)


@dataclass
class Program:
    seed: int
    steps: list[Step] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    plan: object = None  # the Plan, for steps that run user Python (stories)

    @property
    def total_rows(self) -> int:
        return sum(s.rows for s in self.steps if s.kind == "insert")


def fk_add_sql(plan: Plan, owner: str, fk: ForeignKey) -> str:
    """ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY, every name quoted."""
    ref = qtable(fk.ref_schema, fk.ref_table) if fk.ref_schema is not None else plan.qtable(fk.ref_table)
    parts = [
        f"ALTER TABLE {plan.qtable(owner)} ADD CONSTRAINT {q(fk.name)} FOREIGN KEY",
        f"({', '.join(q(c) for c in fk.columns)})",
        f"REFERENCES {ref} ({', '.join(q(c) for c in fk.ref_columns)})",
    ]
    if fk.match_full:
        parts.append("MATCH FULL")
    for word, action in (("ON DELETE", fk.on_delete), ("ON UPDATE", fk.on_update)):
        if action:
            if action.upper() not in _FK_ACTIONS:
                raise SchemaError(f"foreign key {fk.name}: unknown action {action!r}")
            parts.append(f"{word} {action.upper()}")
    if fk.deferrable:
        parts.append("DEFERRABLE INITIALLY DEFERRED" if fk.initially_deferred else "DEFERRABLE")
    return " ".join(parts)


def row_source(lo: int, hi: int, offset: exp.Expression | None = None) -> exp.Expression:
    """generate_series(lo::bigint, hi) AS g(i); with --append, both ends shifted by the offset."""
    start: exp.Expression = exp.Cast(this=lit(lo), to=exp.DataType.build("BIGINT"))
    end: exp.Expression = lit(hi)
    if offset is not None:
        start, end = sqlx.add(start, offset.copy()), sqlx.add(end, offset.copy())
    gs = exp.GenerateSeries(start=start, end=end)
    return exp.Table(this=gs, alias=exp.TableAlias(this=exp.to_identifier("g", quoted=True),
                                                   columns=[exp.to_identifier("i", quoted=True)]))


ROW = exp.column(exp.to_identifier("i", quoted=True), table=exp.to_identifier("g", quoted=True))


def insert_sql(plan: Plan, tp: TablePlan, lo: int, hi: int) -> str:
    cols = tp.columns()
    joins = JoinCollector()  # the pools and sources the values name, joined once
    exprs = [joins.resolve(tp.values[c].at(ROW.copy())) for c in cols]
    select = joins.apply(exp.select(*exprs).from_(row_source(lo, hi, tp.offset)))
    head = f"INSERT INTO {plan.qtable(tp.name)} ({', '.join(q(c) for c in cols)})"
    if tp.overriding_system:
        head += " OVERRIDING SYSTEM VALUE"
    return f"{head}\n{render(select)}"


def guard_sql(plan: Plan, tables: list[str]) -> str:
    """A DO block that stops the load if any target table already holds rows."""
    checks = []
    for t in tables:
        # RAISE reads % as a placeholder: a table named "a%b" must not break the guard
        msg = exp.Literal.string(f"sqlsynth: table {t.replace('%', '%%')} already has rows; "
                                 "run remove-data first, or add --append").sql("postgres")
        checks.append(f"IF EXISTS (SELECT 1 FROM {plan.qtable(t)}) THEN RAISE EXCEPTION {msg}; END IF;")
    body = "BEGIN " + " ".join(checks) + " END"
    return "DO " + exp.Literal.string(body).sql("postgres")


def offsets_sql(plan: Plan, tables: list[str]) -> list[str]:
    """--append: each target table's offset, read once before any insert: the larger of its row
    count and its serial/identity keys, so new keys (offset + row) never meet existing ones."""
    name = qtable("pg_temp", OFFSETS_TABLE)
    rows = []
    for t in tables:
        tp = plan.tables[t]
        src = plan.sqltable(t)
        parts: list[exp.Expression] = [exp.Subquery(this=exp.select(exp.Count(this=exp.Star())).from_(src))]
        for c in tp.serials:
            parts.append(exp.Subquery(this=exp.select(exp.Coalesce(
                this=exp.Cast(this=exp.Max(this=sqlx.col(c)), to=exp.DataType.build("BIGINT")),
                expressions=[lit(0)])).from_(src.copy())))
        off = parts[0] if len(parts) == 1 else exp.Greatest(this=parts[0], expressions=parts[1:])
        rows.append(exp.Tuple(expressions=[exp.Literal.string(t), off]))
    values = exp.Values(expressions=rows)
    return [f"CREATE TEMP TABLE {q(OFFSETS_TABLE)} (t text PRIMARY KEY, o bigint NOT NULL) ON COMMIT DROP",
            f"INSERT INTO {name} (t, o) {render(values)}"]


def pool_steps(pool: Pool) -> list[Step]:
    """Create, fill (COPY) and analyze one value pool; it lives until the end of the transaction."""
    name = q(pool.table_name)
    full = qtable("pg_temp", pool.table_name)
    return [
        Step(f"CREATE TEMP TABLE {name} (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP", kind="pool"),
        Step(f"COPY {full} (k, v) FROM STDIN", kind="copy", data=copy_rows(pool.build()),
             path=f"{pool.name} ({len(pool.values)} values)"),
        Step(f"ANALYZE {full}", kind="pool"),
    ]


def parents_guard_sql(parents: list[tuple[str, str]]) -> str:
    """Stop early, with a clear message, when a vocabulary table that keys are drawn from is empty."""
    checks = []
    for schema, t in parents:
        msg = exp.Literal.string(f"sqlsynth: table {t.replace('%', '%%')} is empty but generated rows refer to it; "
                                 "run create-vocab first").sql("postgres")
        checks.append(f"IF NOT EXISTS (SELECT 1 FROM {qtable(schema, t)}) THEN RAISE EXCEPTION {msg}; END IF;")
    return "DO " + exp.Literal.string("BEGIN " + " ".join(checks) + " END").sql("postgres")


def measure_sql(plan: Plan) -> str | None:
    """One DO block that evaluates, on a sample of each table's rows, the CHECKs kept by drawing
    candidates (plan/checks_fallback.py), and stops the load before any row is written when some
    row would have no passing candidate: ONE error naming every such CHECK with its pass rate."""
    loops = []
    s = lambda text: exp.Literal.string(text).sql("postgres")  # noqa: E731
    for name in plan.order:
        tp = plan.tables[name]
        for fb in tp.fallback if tp.rows > 0 else ():
            loops.append(_measure_loop(name, tp, fb, s))
    if not loops:
        return None
    # one line, like the other load errors: "sqlsynth: table t (tables.t): ...; table u ...; <advice>"
    tail = s("; the generated rows cannot satisfy these CHECK constraints: configure generators for their columns")
    body = ("DECLARE r record; msg text := ''; BEGIN " + " ".join(loops)
            + f" IF msg <> '' THEN RAISE EXCEPTION '%', 'sqlsynth: ' || substr(msg, 3) || {tail}; END IF; END")
    return "DO " + sqlx.dollar_quote(body)


def _measure_loop(name: str, tp, fb, s) -> str:
    """One FOR loop of the measuring DO block: a group of a table's CHECKs on its sample."""
    sel = render(fb.measure_select(tp.rows, tp.offset))
    rates = " || ".join(
        f"CASE WHEN r.{q(f'p{i}')} < r.n THEN {s(f', {ck.name} passes for ')} || "
        f"round(100.0 * r.{q(f'p{i}')} / r.n, 1) || '%' ELSE '' END"
        for i, ck in enumerate(fb.checks))
    where = f"; table {name}" + (f" ({tp.path})" if tp.path else "") + ": "
    return (f"FOR r IN {sel} LOOP IF r.{q('none')} > 0 THEN msg := msg || {s(where)} || "
            f"r.{q('none')} || ' of ' || r.n || {s(f' sampled rows have no candidate (of {fb.k}) that passes')}"
            f" || {rates}; END IF; END LOOP;")


def compile_plan(plan: Plan) -> Program:
    prog = Program(seed=plan.seed, tables=list(plan.order), warnings=list(plan.warnings), plan=plan)
    targets = [t for t in plan.order if plan.tables[t].rows > 0]
    # Types of the orm (enums, domains: "Mood", year) are written unqualified in casts: resolve
    # them in the destination schema(s), whatever the session's search_path.
    prog.steps.append(Step(f"SET LOCAL search_path = {', '.join(q(s) for s in plan.search_path)}"))
    if targets and plan.append:
        # locked before the offsets are read: no concurrent writer can take the same keys meanwhile
        lock = ", ".join(plan.qtable(t) for t in targets)
        prog.steps.append(Step(f"LOCK TABLE {lock} IN SHARE ROW EXCLUSIVE MODE", kind="guard"))
        prog.steps.extend(Step(sql, kind="guard") for sql in offsets_sql(plan, targets))
    elif targets:
        prog.steps.append(Step(guard_sql(plan, targets), kind="guard"))
    if plan.external_parents:
        prog.steps.append(Step(parents_guard_sql(plan.external_parents), kind="guard"))
    for pool in plan.pools:
        prog.steps.extend(pool_steps(pool))
    for stage in plan.py_stages:
        prog.steps.append(Step(stage.create_sql(), kind="pool"))
        prog.steps.append(Step(stage.copy_sql(), kind="copy", chunks=stage.copy_chunks,
                               path=f"{stage.path} ({stage.table}: {stage.n_rows} rows computed in Python)",
                               table=stage.table))
        prog.steps.append(Step(f"ANALYZE {qtable('pg_temp', stage.table_name)}", kind="pool"))
    measure = measure_sql(plan)
    if measure:
        prog.steps.append(Step(measure, kind="measure", path="CHECK constraints kept by drawing candidates"))
    readd: list[Step] = []
    for owner, fk in plan.deferred_fks:
        if fk.deferrable:
            prog.steps.append(Step(f"SET CONSTRAINTS {plan.qobject(owner, fk.name)} DEFERRED", table=owner))
        else:
            prog.steps.append(Step(f"ALTER TABLE {plan.qtable(owner)} DROP CONSTRAINT {q(fk.name)}",
                                   table=owner))
            readd.append(Step(fk_add_sql(plan, owner, fk), table=owner))
    for name in plan.order:
        tp = plan.tables[name]
        if tp.rows <= 0:
            continue
        prog.steps.append(Step(insert_sql(plan, tp, 1, tp.rows), kind="insert", table=name, path=tp.path,
                               rows=tp.rows))
    if plan.stories:
        prog.steps.append(Step("-- stories", kind="stories", path="story_generators"))
    prog.steps.extend(readd)
    setvals = []
    for name in plan.order:
        tp = plan.tables[name]
        for c in tp.serials:
            if tp.rows > 0 or plan.stories:
                seq = primitives.serial_sequence(lit(plan.qtable(name)), lit(c))
                top = exp.Subquery(this=exp.select(exp.Max(this=sqlx.col(c))).from_(plan.sqltable(name)))
                nxt = sqlx.add(exp.Coalesce(this=top, expressions=[lit(0)]), lit(1))
                setvals.append(f"PERFORM {render(primitives.setval(seq, nxt, exp.false()))};")
    if setvals:  # sequences continue after the generated keys
        prog.steps.append(Step("DO " + exp.Literal.string("BEGIN " + " ".join(setvals) + " END").sql("postgres")))
    for name in targets:
        prog.steps.append(Step(f"ANALYZE {plan.qtable(name)}", kind="analyze", table=name,
                               transactional=False))
    return prog


def _comment(text: object) -> str:
    """Text for a -- comment on one line: a line break in a table name must not end the comment
    (the rest of the line would be run by psql)."""
    return " ".join(str(text).splitlines())


def render_script(prog: Program, header: list[str] | None = None) -> str:
    """The program as a psql script: one transaction, stops at the first error."""
    out = [f"-- {_comment(line)}" for line in (header or [])]
    out.append(f"-- seed {prog.seed}; {prog.total_rows} rows in {len([s for s in prog.steps if s.kind == 'insert'])} tables")
    out.append("\\set ON_ERROR_STOP on")
    out.append("BEGIN;")
    for s in prog.steps:
        if s.transactional:
            if s.kind == "insert":
                out.append(f"-- {_comment(s.table)}: {s.rows} rows ({_comment(s.path)})")
            if s.kind == "stories":
                out.append(s.data or "-- (no story rows)")
                continue
            if s.kind == "copy":
                out.append(f"-- pool: {_comment(s.path)}")
                out.append(s.sql + ";")
                if s.data:
                    out.append(s.data)
                if s.chunks is not None:
                    text = "".join(s.chunks()).rstrip("\n")
                    if text:
                        out.append(text)
                out.append("\\.")
                continue
            out.append(s.sql + ";")
    out.append("COMMIT;")
    for s in prog.steps:
        if not s.transactional:
            out.append(s.sql + ";")
    return "\n".join(out) + "\n"
