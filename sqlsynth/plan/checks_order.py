"""CHECKs that order two columns, satisfied by construction.

``duedate >= orderdate``, ``enddate >= startdate OR enddate IS NULL``, ``tag1 < tag2``,
``entity0 <> entity1``: a conjunction of comparisons between two columns (an OR is kept by
keeping one of its comparisons). The later column is generated from the earlier one plus an
offset, non-negative (positive for a strict comparison), within the column's type:

    later = COALESCE(GREATEST(earlier, ...) + offset, later's own value)   (a NULL passes anyway)

or, when only the earlier column is free, earlier = LEAST(later, ...) - offset. Foreign keys to
the same parent are ordered through the parent row they pick: ``a <> b`` shifts b's parent row
off a's, ``a < b`` picks b's row after a's (parents keyed by their row number); when a unique
constraint enumerates the pairs, the enumeration runs over the pairs the CHECK allows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from ..sql import sqlx
from ..sql.sqlx import Streams, add, lit, mod, sub
from ..schema.types import TypeInfo
from .checks import column_under, conjuncts, strip
from .values import Value, permutation
from . import nodes

ORDERED_KINDS = {"int", "numeric", "float", "date", "timestamp", "timestamptz"}
_OPS = {exp.LT: ("lt", False), exp.LTE: ("le", False), exp.GT: ("lt", True), exp.GTE: ("le", True), exp.NEQ: ("ne", False)}
DATE_SPAN_DAYS = 60  # a later date is 0..60 days after the earlier one
TS_SPAN_SECONDS = 30 * 86400


@dataclass(frozen=True)
class Order:
    """lower <op> upper, op one of lt, le, ne."""

    lower: str
    upper: str
    op: str


def _disjuncts(node: exp.Expression) -> list[exp.Expression]:
    node = strip(node)
    if isinstance(node, exp.Or):
        return _disjuncts(node.this) + _disjuncts(node.expression)
    return [node]


def _plain(e: exp.Expression) -> str | None:
    e = strip(e)
    while isinstance(e, exp.Cast):
        e = strip(e.this)
    return e.name if isinstance(e, exp.Column) and not e.table else None


def _comparison(node: exp.Expression) -> Order | None:
    node = strip(node)
    spec = _OPS.get(type(node))
    if spec is None:
        return None
    a, b = _plain(node.this), _plain(node.expression)
    if a is None or b is None or a == b or column_under(node.this, a) != () or column_under(node.expression, b) != ():
        return None
    op, flip = spec
    if op != "le" and any(isinstance(strip(x), exp.Cast) for x in (node.this, node.expression)):
        return None  # a cast keeps a <= b (it is monotone) but not a < b nor a <> b (ts::date)
    return Order(b, a, op) if flip else Order(a, b, op)


def order_form(tree: exp.Expression) -> list[Order] | None:
    """The comparisons a CHECK needs kept (one per conjunct; from an OR, its first comparison), or None."""
    out = []
    for part in conjuncts(tree):
        found = next((c for c in map(_comparison, _disjuncts(part)) if c is not None), None)
        if found is None:
            return None
        out.append(found)
    return out


def _as(e: exp.Expression, from_kind: str, ti: TypeInfo) -> exp.Expression:
    if from_kind == ti.kind or (from_kind == "int" and ti.kind in ("numeric", "float")):
        return e
    if ti.kind in ("timestamp", "timestamptz") and from_kind in ("date", "timestamp", "timestamptz"):
        return exp.Cast(this=e, to=exp.DataType.build("TIMESTAMPTZ" if ti.kind == "timestamptz" else "TIMESTAMP"))
    if ti.kind == "date" and from_kind in ("timestamp", "timestamptz"):
        return exp.Cast(this=e, to=exp.DataType.build("DATE"))
    raise ValueError(f"cannot order {from_kind} against {ti.kind}")


def compatible(kind: str, other: str) -> bool:
    if kind not in ORDERED_KINDS or other not in ORDERED_KINDS:
        return False
    times = {"date", "timestamp", "timestamptz"}
    if kind in times or other in times:
        return kind in times and other in times
    return kind == other or (other == "int" and kind in ("numeric", "float"))


def _offset(ti: TypeInfo, streams: Streams, stream: str, row: exp.Expression, strict: bool,
            from_day: bool) -> exp.Expression:
    """A non-negative (strict: positive) step in the column's type."""
    k = ti.kind
    if k == "int":
        return add(streams.pick(stream, row, 500), lit(1)) if strict else streams.pick(stream, row, 500)
    if k == "numeric":
        scale = ti.scale if ti.scale is not None else 2
        step = streams.pick(stream, row, 1000 * 10 ** scale)
        if strict:
            step = add(step, lit(1))
        return exp.Div(this=exp.Cast(this=step, to=exp.DataType.build("NUMERIC")), expression=lit(10 ** scale))
    if k == "float":
        u = sqlx.mul(streams.u(stream, row), lit(1000.0))
        return add(u, lit(0.001)) if strict else u
    if k == "date":
        days = streams.pick(stream, row, DATE_SPAN_DAYS)
        if strict or from_day:  # a date after a timestamp: the next day at least
            days = add(days, lit(1))
        return exp.Cast(this=days, to=exp.DataType.build("INT"))
    secs = streams.pick(stream, row, TS_SPAN_SECONDS)
    if strict:
        secs = add(secs, lit(1))
    return sqlx.mul(secs, exp.Interval(this=lit("1"), unit=exp.var("SECOND")))


def type_limit(ti: TypeInfo, up: bool) -> int | float | None:
    """The largest (up) or smallest value the column's numeric type holds, or None."""
    if ti.kind == "int":
        return ti.int_bounds[1] if up else ti.int_bounds[0]
    if ti.kind == "numeric" and ti.precision is not None and (ti.scale or 0) >= 0:
        scale = ti.scale or 0
        top = (10 ** ti.precision - 1) / 10 ** scale if scale else 10 ** ti.precision - 1
        return top if up else -top
    return None


def derived(ti: TypeInfo, raw: Value, others: list[tuple[str, bool]], kinds: dict[str, str],
            values: dict[str, Value], streams: Streams, up: bool) -> Value:
    """The column from the others: up: GREATEST(others) + offset (it must be >= / > each);
    down: LEAST(others) - offset. NULL others are skipped (GREATEST/LEAST ignore NULLs), and
    when all are NULL the column keeps its own value (the CHECK passes on NULL)."""
    strict = any(s for _c, s in others)
    from_ts = any(kinds[c] != "date" for c, _s in others) and ti.kind == "date"
    stream = "order:" + ",".join(c for c, _s in others)

    def f(row: exp.Expression) -> exp.Expression:
        parts = [_as(values[c].at(row), kinds[c], ti) for c, _s in others]
        if len(parts) == 1:
            base = parts[0]
        elif up:
            base = exp.Greatest(this=parts[0], expressions=parts[1:])
        else:
            base = exp.Least(this=parts[0], expressions=parts[1:])
        off = _offset(ti, streams, stream, row, strict, from_ts and up)
        moved = add(exp.Paren(this=base), off) if up else sub(exp.Paren(this=base), exp.Paren(this=off))
        limit = type_limit(ti, up)
        if limit is not None:  # stay within the type (still ordered while the others are within it)
            moved = (exp.Least if up else exp.Greatest)(this=moved, expressions=[lit(limit)])
        return exp.Coalesce(this=moved, expressions=[raw.at(row)])

    how = f"ordered after {', '.join(c for c, _s in others)}" if up else f"ordered before {', '.join(c for c, _s in others)}"
    return Value(f, injective=False, source=how, node=nodes.CheckFitted(how, nodes.of_value(raw)))


def not_equal(ti_lo: int, ti_hi: int, raw: Value, other: Value) -> Value:
    """An integer column kept different from another: on a tie, the next value in its range."""
    def f(row: exp.Expression) -> exp.Expression:
        v = raw.at(row)
        bump = sqlx.case([(exp.LT(this=v.copy(), expression=lit(ti_hi)), add(v.copy(), lit(1)))], sub(v.copy(), lit(1)))
        return sqlx.case([(exp.EQ(this=v.copy(), expression=other.at(row)), bump)], v.copy())
    return Value(f, injective=False, source=raw.source, node=nodes.CheckFitted("kept different", nodes.of_value(raw)))


# -- foreign keys to one parent ------------------------------------------------------------------

def pair_total(op: str, n: int) -> int:
    return n * (n - 1) if op == "ne" else n * (n - 1) // 2 if op == "lt" else n * (n + 1) // 2


def _floor_sqrt_pairs(k: exp.Expression, le: bool) -> exp.Expression:
    """j of the k-th pair in triangular order (exact for 8k+1 < 2^52)."""
    root = exp.Sqrt(this=exp.Cast(this=add(lit(1), sqlx.mul(lit(8), k.copy())), to=exp.DataType.build("DOUBLE PRECISION")))
    num = sub(exp.Paren(this=root), lit(1)) if le else add(lit(1), exp.Paren(this=root))
    return exp.Cast(this=exp.Floor(this=exp.Div(this=exp.Paren(this=num), expression=lit(2))), to=exp.DataType.build("BIGINT"))


def pair_indexes(op: str, n: int, streams: Streams, stream: str, first=None, enumerate_pairs: bool = False):
    """(index_a, index_b): functions of the row giving parent rows 1..n with a <op> b.

    enumerate_pairs: distinct pairs for rows 1..pair_total (a unique constraint on the pair);
    else a is `first` (kept as it is for ne and le) or a fresh pick, and b is drawn after it."""
    if enumerate_pairs:
        total = pair_total(op, n)

        def k_of(row):
            return permutation(streams, stream, row, total)

        if op == "ne":
            def ia(row):
                return add(lit(1), mod(k_of(row), lit(n)))

            def ib(row):
                t = exp.Div(this=exp.Paren(this=k_of(row)), expression=lit(n), typed=True)
                return add(lit(1), mod(exp.Paren(this=add(mod(k_of(row), lit(n)), add(lit(1), exp.Paren(this=t)))), lit(n)))
            return ia, ib

        def j0(row):
            return _floor_sqrt_pairs(k_of(row), op == "le")

        def i0(row):
            j = j0(row)
            tri = sqlx.mul(j, sub(j.copy(), lit(1))) if op == "lt" else sqlx.mul(j, add(j.copy(), lit(1)))
            return sub(k_of(row), exp.Div(this=exp.Paren(this=tri), expression=lit(2), typed=True))
        return (lambda row: add(lit(1), exp.Paren(this=i0(row)))), (lambda row: add(lit(1), j0(row)))

    if op == "ne":
        def ib_ne(row):
            shift = add(lit(1), streams.pick(stream, row, n - 1))
            return add(lit(1), mod(exp.Paren(this=add(sub(first(row), lit(1)), shift)), lit(n)))
        return first, ib_ne
    if op == "le":
        def ib_le(row):
            room = exp.Paren(this=add(sub(lit(n), exp.Paren(this=first(row))), lit(1)))
            return add(exp.Paren(this=first(row)), mod(streams.h32(stream, row), room))
        return first, ib_le

    def ia_lt(row):
        return add(lit(1), streams.pick(stream + ":a", row, n - 1))

    def ib_lt(row):
        room = exp.Paren(this=sub(lit(n), exp.Paren(this=ia_lt(row))))
        return add(exp.Paren(this=ia_lt(row)), add(lit(1), mod(streams.h32(stream, row), room)))
    return ia_lt, ib_lt
