"""CHECKs over which columns are NULL and what boolean or listed values they hold, by construction.

Implications and exactly-one-of patterns: ``(ended AND end_date IS NOT NULL) OR NOT ended``,
``(a IS NULL) <> (b IS NULL)``, ``num_nonnulls(a, b, c) = 1``, ``status <> 'closed' OR
closed_at IS NOT NULL``. Each column involved has a few states: NULL (if nullable) or not for
columns only tested for NULL; each value for boolean, enum or CHECK-listed columns whose value
is compared. Every combination of states is evaluated in Python (SQL's three-valued logic), the
ones every CHECK of the group passes are kept, and each row draws one of them: the columns are
set to NULL or to the case's value accordingly, and otherwise keep their own values.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from sqlglot import exp

from ..sql import sqlx
from ..sql.sqlx import Streams, lit
from ..schema.types import TypeInfo
from .checks import NO, literal, strip
from .values import Value
from . import nodes

MAX_CASES = 4096


class Unhandled(Exception):
    """The expression uses something the case evaluator does not model."""


class _Set:
    """A value that is not NULL but otherwise unknown (a column tested only for NULL)."""

    def __repr__(self) -> str:
        return "SET"


SET = _Set()


def _ins(v, values):
    if v is None:
        return None
    if any(x is None for x in values) and v not in values:
        return None
    return v in values


def evaluate(node: exp.Expression, state: dict[str, object]):
    """The SQL value of node for one assignment of the columns (None is NULL); Unhandled otherwise."""
    node = strip(node)
    if isinstance(node, exp.Column) and not node.table:
        if node.name not in state:
            raise Unhandled(node.name)
        return state[node.name]
    if isinstance(node, exp.And):
        a, b = evaluate(node.this, state), evaluate(node.expression, state)
        _bools(a, b)
        return False if a is False or b is False else None if a is None or b is None else True
    if isinstance(node, exp.Or):
        a, b = evaluate(node.this, state), evaluate(node.expression, state)
        _bools(a, b)
        return True if a is True or b is True else None if a is None or b is None else False
    if isinstance(node, exp.Not):
        a = evaluate(node.this, state)
        _bools(a)
        return None if a is None else not a
    if isinstance(node, exp.Is):
        a = evaluate(node.this, state)
        target = strip(node.expression)
        neg = bool(node.args.get("negate"))
        if isinstance(target, exp.Null):
            return (a is None) != neg
        if isinstance(target, exp.Boolean):
            _bools(a)
            return (a is bool(target.this)) != neg
        raise Unhandled("IS")
    if isinstance(node, (exp.NullSafeEQ, exp.NullSafeNEQ)):
        a, b = evaluate(node.this, state), evaluate(node.expression, state)
        _plain(a, b)
        same = a == b
        return same if isinstance(node, exp.NullSafeEQ) else not same
    if isinstance(node, (exp.EQ, exp.NEQ)):
        a, right = evaluate(node.this, state), strip(node.expression)
        if isinstance(right, exp.Any):
            arr = strip(right.this)
            while isinstance(arr, exp.Cast):
                arr = strip(arr.this)
            if not isinstance(arr, exp.Array) or not isinstance(node, exp.EQ):
                raise Unhandled("ANY")
            _plain(a)
            return _ins(a, [_const(v) for v in arr.expressions])
        b = evaluate(right, state)
        _plain(a, b)
        if a is None or b is None:
            return None
        return (a == b) if isinstance(node, exp.EQ) else (a != b)
    if isinstance(node, exp.In):
        a = evaluate(node.this, state)
        _plain(a)
        return _ins(a, [_const(v) for v in node.expressions])
    if isinstance(node, exp.Cast):
        a = evaluate(node.this, state)
        to = node.args.get("to")
        if isinstance(a, bool) and isinstance(to, exp.DataType) and to.this in (
                exp.DataType.Type.INT, exp.DataType.Type.BIGINT, exp.DataType.Type.SMALLINT):
            return int(a)
        if a is SET:
            raise Unhandled("cast")
        return a
    if isinstance(node, (exp.Add, exp.Sub)):
        a, b = evaluate(node.this, state), evaluate(node.expression, state)
        if a is None or b is None:
            return None
        if not all(isinstance(x, int) for x in (a, b)):
            raise Unhandled("arithmetic")
        return a + b if isinstance(node, exp.Add) else a - b
    if isinstance(node, exp.Coalesce):
        for arg in [node.this, *node.expressions]:
            v = evaluate(arg, state)
            if v is not None:
                return v
        return None
    if isinstance(node, exp.Anonymous) and str(node.this).lower() in ("num_nonnulls", "num_nulls"):
        vals = [evaluate(a, state) for a in node.expressions]
        nonnull = sum(v is not None for v in vals)
        return nonnull if str(node.this).lower() == "num_nonnulls" else len(vals) - nonnull
    v = literal(node)
    if v is NO:
        raise Unhandled(type(node).__name__)
    return v


def _const(e: exp.Expression):
    v = literal(e)
    if v is NO:
        raise Unhandled("list")
    return v


def _bools(*vals) -> None:
    if any(v is not None and not isinstance(v, bool) for v in vals):
        raise Unhandled("not a boolean")


def _plain(*vals) -> None:
    if any(v is SET for v in vals):
        raise Unhandled("compares a column's value")


def compared(tree: exp.Expression) -> set[str]:
    """Columns whose value (not only NULL-ness) the expression reads."""
    out: set[str] = set()

    def visit(node: exp.Expression, null_only: bool) -> None:
        node = strip(node)
        if isinstance(node, exp.Column):
            if not null_only:
                out.add(node.name)
            return
        if isinstance(node, exp.Is) and isinstance(strip(node.expression), exp.Null):
            visit(node.this, True)
            return
        if isinstance(node, exp.Anonymous) and str(node.this).lower() in ("num_nonnulls", "num_nulls"):
            for a in node.expressions:
                visit(a, True)
            return
        if isinstance(node, exp.Coalesce):  # only in `coalesce(a, b) IS [NOT] NULL`: the value is not read
            for a in [node.this, *node.expressions]:
                visit(a, null_only)
            return
        for child in node.iter_expressions():
            visit(child, null_only)

    visit(tree, False)
    return out


@dataclass
class CaseGroup:
    """Columns driven together by one drawn case; cases[i][column] is None (NULL), SET or a value."""

    checks: list[str]
    columns: list[str]
    cases: list[dict] = field(default_factory=list)


def solve(names: list[str], trees: list[exp.Expression], domains: dict[str, list]) -> CaseGroup | None:
    """Every assignment of the columns' states that passes all the trees, or None if one cannot be
    evaluated (or there are too many)."""
    cols = sorted(domains)
    total = 1
    for c in cols:
        total *= len(domains[c])
    if total > MAX_CASES or total == 0:
        return None
    group = CaseGroup(checks=list(names), columns=cols)
    for combo in itertools.product(*(domains[c] for c in cols)):
        state = dict(zip(cols, combo))
        try:
            if all(evaluate(t, state) is not False for t in trees):
                group.cases.append(state)
        except Unhandled:
            return None
    return group


def _typed(v, ti: TypeInfo) -> exp.Expression:
    if isinstance(v, bool):
        return exp.Boolean(this=v)
    e = lit(v)
    if ti.kind == "text" or (ti.kind in ("int", "numeric", "float") and not isinstance(v, str)):
        return e
    return sqlx.cast(e, ti.sql)


def drive(group: CaseGroup, values: dict[str, Value], types: dict[str, TypeInfo], streams: Streams) -> None:
    """Wrap each column's value: NULL or the case's value where the drawn case says so."""
    n = len(group.cases)
    stream = "case:" + ",".join(group.checks)

    for c in group.columns:
        states = [case[c] for case in group.cases]
        if all(s is SET for s in states):
            continue
        raw = values[c]
        by_state: dict[object, list[int]] = {}
        for i, s in enumerate(states):
            by_state.setdefault(("null",) if s is None else ("set",) if s is SET else ("v", s), []).append(i)

        def f(row: exp.Expression, raw=raw, by_state=by_state, ti=types[c]) -> exp.Expression:
            idx = streams.pick(stream, row, n)
            whens = []
            default: exp.Expression | None = None
            items = sorted(by_state.items(), key=lambda kv: kv[1][0])
            for j, (key, cases) in enumerate(items):
                out = exp.Null() if key[0] == "null" else raw.at(row) if key[0] == "set" else _typed(key[1], ti)
                if j == len(items) - 1:
                    default = out
                else:
                    whens.append((exp.In(this=idx.copy(), expressions=[lit(i) for i in cases]), out))
            return sqlx.case(whens, default) if whens else default  # type: ignore[return-value]

        values[c] = Value(f, injective=False, source=raw.source,
                          node=nodes.CheckFitted("NULL-ness and values by cases of the CHECKs", nodes.of_value(raw)))
