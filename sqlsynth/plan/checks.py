"""Read simple bounds out of CHECK constraints so default values respect them.

Understood: conjunctions of ``col <op> literal`` (either side), ``BETWEEN`` and
``col IN (...)`` / ``col = ANY (ARRAY[...])``. Anything else is left to the database.
"""

from __future__ import annotations

import sqlglot
from sqlglot import exp

from ..schema.model import Check
from .values import Bounds


def _literal(e: exp.Expression):
    while isinstance(e, (exp.Paren, exp.Cast)):
        e = e.this
    if isinstance(e, exp.Neg):
        v = _literal(e.this)
        return -v if isinstance(v, (int, float)) else None
    if isinstance(e, exp.Literal):
        if e.is_string:
            return e.this
        try:
            return int(e.this)
        except ValueError:
            return float(e.this)
    return None


def _is_col(e: exp.Expression, name: str) -> bool:
    while isinstance(e, (exp.Paren, exp.Cast)):
        e = e.this
    if isinstance(e, exp.Column):
        return e.name == name and not e.table
    return False


_FLIP = {exp.GT: exp.LT, exp.GTE: exp.LTE, exp.LT: exp.GT, exp.LTE: exp.GTE, exp.EQ: exp.EQ}


def _apply(b: Bounds, node: exp.Expression, name: str) -> None:
    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, exp.And):
        _apply(b, node.this, name)
        _apply(b, node.expression, name)
        return
    if isinstance(node, exp.Between) and _is_col(node.this, name):
        lo, hi = _literal(node.args["low"]), _literal(node.args["high"])
        if isinstance(lo, (int, float)):
            b.lo = lo if b.lo is None else max(b.lo, lo)
        if isinstance(hi, (int, float)):
            b.hi = hi if b.hi is None else min(b.hi, hi)
        return
    if isinstance(node, exp.In) and _is_col(node.this, name):
        vals = [_literal(v) for v in node.expressions]
        if vals and all(v is not None for v in vals):
            b.choices = vals
        return
    if isinstance(node, exp.EQ) and isinstance(node.expression, exp.Any) and _is_col(node.this, name):
        arr = node.expression.this
        while isinstance(arr, (exp.Paren, exp.Cast)):
            arr = arr.this
        if isinstance(arr, exp.Array):
            vals = [_literal(v) for v in arr.expressions]
            if vals and all(v is not None for v in vals):
                b.choices = vals
        return
    kind = type(node)
    if kind not in _FLIP:
        return
    left, right = node.this, node.expression
    if _is_col(right, name) and not _is_col(left, name):
        left, right, kind = right, left, _FLIP[kind]
    if not _is_col(left, name):
        return
    v = _literal(right)
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        if kind is exp.EQ and v is not None:
            b.choices = [v]
        return
    if kind in (exp.GT, exp.GTE):
        if b.lo is None or v >= b.lo:
            b.lo, b.lo_strict = v, kind is exp.GT
    elif kind in (exp.LT, exp.LTE):
        if b.hi is None or v <= b.hi:
            b.hi, b.hi_strict = v, kind is exp.LT
    elif kind is exp.EQ:
        b.choices = [v]


def bounds_for(column: str, checks: list[Check], domain_checks: list[Check] = ()) -> Bounds:
    """Bounds on one column from the table's CHECKs (naming it) and its domain's (naming VALUE)."""
    b = Bounds()
    for ck, name in [(c, column) for c in checks] + [(c, "VALUE") for c in domain_checks]:
        try:
            tree = sqlglot.parse_one(ck.expression, dialect="postgres")
        except Exception:
            continue
        cols = {c.name for c in tree.find_all(exp.Column)}
        if cols != {name} and not (name == "VALUE" and cols <= {"VALUE", "value"}):
            continue
        if name == "VALUE":
            for c in tree.find_all(exp.Column):
                if c.name.lower() == "value":
                    c.set("this", exp.to_identifier("VALUE"))
        _apply(b, tree, name)
    return b
