"""Steps -> PostgreSQL text: the only place a Program becomes SQL text.

``render_step(step)`` gives the statement of one step (no trailing semicolon) as it runs in the
load's transaction; ``session=True`` gives the same setup for a connection that runs many
transactions (the parallel workers): ``SET`` instead of ``SET LOCAL``, temporary tables kept after
COMMIT. ``script_block(step)`` is a step as lines of a psql script (a COPY with its rows and
``\\.``). The psql script (program.render_script), the split directory (split.py), the chunks
(chunks.py) and the executors (execute/) all go through here; none of them reads SQL text back.
"""

from __future__ import annotations

from functools import singledispatch

from sqlglot import exp

from ..errors import SchemaError
from ..sql import primitives, sqlx
from ..sql.sqlx import lit, q, qtable, render
from .steps import (AddForeignKey, Analyze, AnalyzeTemp, CatalogConstraint, CopyIn, CreateTempTable, DeferConstraint,
                    DropConstraint, Guard, InsertSelect, LockTables, Measure, MeasureGroup, RecordOffsets,
                    SetSearchPath, SetSequences, Step, Stories)

FK_ACTIONS = {"CASCADE", "RESTRICT", "SET NULL", "SET DEFAULT", "NO ACTION"}


def render_step(step: Step, session: bool = False) -> str:
    """The statement of one step; session=True: session-scoped setup (parallel workers)."""
    return _render(step, session)


@singledispatch
def _render(step: Step, session: bool) -> str:
    raise TypeError(f"no PostgreSQL rendering for a {type(step).__name__} step")


def _string(text: str) -> str:
    return exp.Literal.string(text).sql("postgres")


@_render.register
def _(step: SetSearchPath, session: bool) -> str:
    return f"SET {'' if session else 'LOCAL '}search_path = {', '.join(q(s) for s in step.schemas)}"


@_render.register
def _(step: CreateTempTable, session: bool) -> str:
    cols = ", ".join(f"{c.sql('postgres')} {definition}" for c, definition in step.columns)
    drop = " ON COMMIT DROP" if step.on_commit_drop and not session else ""
    return f"CREATE TEMP TABLE {q(step.name)} ({cols}){drop}"


@_render.register
def _(step: CopyIn, session: bool) -> str:
    cols = ", ".join(c.sql("postgres") for c in step.columns)
    return f"COPY {render(step.target)} ({cols}) FROM STDIN"


@_render.register
def _(step: AnalyzeTemp, session: bool) -> str:
    return f"ANALYZE {qtable('pg_temp', step.name)}"


@_render.register
def _(step: LockTables, session: bool) -> str:
    return f"LOCK TABLE {', '.join(render(t) for t in step.targets)} IN {step.mode} MODE"


@_render.register
def _(step: RecordOffsets, session: bool) -> str:
    values = exp.Values(expressions=[exp.Tuple(expressions=[exp.Literal.string(t), off])
                                     for t, off in step.values])
    return f"INSERT INTO {qtable('pg_temp', step.name)} (t, o) {render(values)}"


@_render.register
def _(step: Guard, session: bool) -> str:
    checks = []
    for c in step.checks:
        # RAISE reads % as a placeholder: a table named "a%b" must not break the guard
        msg = _string(c.message.replace("%", "%%"))
        test = "EXISTS" if c.when_rows else "NOT EXISTS"
        checks.append(f"IF {test} (SELECT 1 FROM {render(c.target)}) THEN RAISE EXCEPTION {msg}; END IF;")
    return "DO " + _string("BEGIN " + " ".join(checks) + " END")


@_render.register
def _(step: Measure, session: bool) -> str:
    loops = [_measure_loop(g) for g in step.groups]
    # one line, like the other load errors: "sqlsynth: table t (tables.t): ...; table u ...; <advice>"
    tail = _string("; the generated rows cannot satisfy these CHECK constraints: configure generators for their columns")
    body = ("DECLARE r record; msg text := ''; BEGIN " + " ".join(loops)
            + f" IF msg <> '' THEN RAISE EXCEPTION '%', 'sqlsynth: ' || substr(msg, 3) || {tail}; END IF; END")
    return "DO " + sqlx.dollar_quote(body)


def _measure_loop(g: MeasureGroup) -> str:
    """One FOR loop of the measuring DO block: a group of a table's CHECKs on its sample."""
    s = _string
    rates = " || ".join(
        f"CASE WHEN r.{q(f'p{i}')} < r.n THEN {s(f', {name} passes for ')} || "
        f"round(100.0 * r.{q(f'p{i}')} / r.n, 1) || '%' ELSE '' END"
        for i, name in enumerate(g.checks))
    where = f"; table {g.table}" + (f" ({g.table_path})" if g.table_path else "") + ": "
    return (f"FOR r IN {render(g.select)} LOOP IF r.{q('none')} > 0 THEN msg := msg || {s(where)} || "
            f"r.{q('none')} || ' of ' || r.n || {s(f' sampled rows have no candidate (of {g.candidates}) that passes')}"
            f" || {rates}; END IF; END LOOP;")


@_render.register
def _(step: DeferConstraint, session: bool) -> str:
    return f"SET CONSTRAINTS {qtable(step.schema, step.name)} DEFERRED"


@_render.register
def _(step: DropConstraint, session: bool) -> str:
    return f"ALTER TABLE {render(step.target)} DROP CONSTRAINT {q(step.name)}"


@_render.register
def _(step: AddForeignKey, session: bool) -> str:
    return fk_add_text(step.target, step.fk, step.ref)


def fk_add_text(target: exp.Table, fk, ref: exp.Table) -> str:
    """ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY, every name quoted."""
    parts = [
        f"ALTER TABLE {render(target)} ADD CONSTRAINT {q(fk.name)} FOREIGN KEY",
        f"({', '.join(q(c) for c in fk.columns)})",
        f"REFERENCES {render(ref)} ({', '.join(q(c) for c in fk.ref_columns)})",
    ]
    if fk.match_full:
        parts.append("MATCH FULL")
    for word, action in (("ON DELETE", fk.on_delete), ("ON UPDATE", fk.on_update)):
        if action:
            if action.upper() not in FK_ACTIONS:
                raise SchemaError(f"foreign key {fk.name}: unknown action {action!r}")
            parts.append(f"{word} {action.upper()}")
    if fk.deferrable:
        parts.append("DEFERRABLE INITIALLY DEFERRED" if fk.initially_deferred else "DEFERRABLE")
    return " ".join(parts)


@_render.register
def _(step: CatalogConstraint, session: bool) -> str:
    return step.statement


@_render.register
def _(step: InsertSelect, session: bool) -> str:
    head = f"INSERT INTO {render(step.target)} ({', '.join(q(c) for c in step.columns)})"
    if step.overriding_system:
        head += " OVERRIDING SYSTEM VALUE"
    return f"{head}\n{render(step.statement(), copy=False)}"  # statement(): a new tree, rendered once


@_render.register
def _(step: Stories, session: bool) -> str:
    return "-- stories"


@_render.register
def _(step: SetSequences, session: bool) -> str:
    setvals = []
    for target, c in step.serials:
        seq = primitives.serial_sequence(lit(render(target)), lit(c))
        top = exp.Subquery(this=exp.select(exp.Max(this=sqlx.col(c))).from_(target.copy()))
        nxt = sqlx.add(exp.Coalesce(this=top, expressions=[lit(0)]), lit(1))
        setvals.append(f"PERFORM {render(primitives.setval(seq, nxt, exp.false()))};")
    return "DO " + _string("BEGIN " + " ".join(setvals) + " END")


@_render.register
def _(step: Analyze, session: bool) -> str:
    return f"ANALYZE {render(step.target)}"


def copy_text(step: CopyIn) -> str:
    """A COPY step's rows as COPY text (no trailing newline)."""
    parts = []
    if step.data:
        parts.append(step.data)
    if step.chunks is not None:
        text = "".join(c.decode("utf-8") if isinstance(c, bytes) else c for c in step.chunks()).rstrip("\n")
        if text:
            parts.append(text)
    return "\n".join(parts)


def script_block(step: Step) -> str:
    """A step as psql script text: the statement and its semicolon; a COPY with its rows and \\."""
    if isinstance(step, CopyIn):
        rows = copy_text(step)
        return "\n".join([render_step(step) + ";"] + ([rows] if rows else []) + ["\\."])
    if isinstance(step, Stories):
        return step.blocks or "-- (no story rows)"
    return render_step(step) + ";"
