"""Children per parent: reproduce the source's degree distribution exactly, arithmetically.

From the source's histogram ``{k: number of parents with k children}`` (one GROUP BY,
computed by make-stats) the N generated parents are split into buckets in the same
proportions (largest-remainder rounding, so the bucket sizes add up to N). Parent
*positions* 0..N-1 are laid out bucket by bucket, and children of one parent take
consecutive child rows, so child row i maps to a parent in closed form:

    bucket b such that R_b < i <= R_b + k_b * c_b
    position q = P_b + (i - R_b - 1) / k_b          (integer division)
    offset r  = (i - R_b - 1) % k_b                 (the child's place among its siblings)
    parent row = 1 + perm(q)                         (a bijection of 0..N-1)

The child table's row count is known at compile time (sum of k * c_k), every child
row is still a pure function of its row number, and parents with zero children
exist in the right share.

A table may follow several foreign keys: the first (primary) sets its row count and lays its
children out consecutively; each other one (secondary) applies the same layout to a permutation
of the child rows, so its degree distribution is reproduced too (exactly when the totals agree).
The other side of a junction's composite unique key (film_actor: actor_id next to the primary
film_id) is drawn distinct among siblings: 1 + (h(q) + r) mod M.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlglot import exp

from ..sql import sqlx
from ..sql.sqlx import Streams, add, lit, mod
from .values import permutation

RowFn = Callable[[exp.Expression], exp.Expression]


@dataclass
class Degrees:
    buckets: list[tuple[int, int]]  # (k children, number of generated parents with k)
    n_parents: int

    @property
    def total_children(self) -> int:
        return sum(k * c for k, c in self.buckets)

    @property
    def max_k(self) -> int:
        return max((k for k, c in self.buckets if c > 0), default=0)


def histogram_rows(hist: list) -> list[tuple[int, float]]:
    """{k, parents} rows (and {k, k_max, parents} ranges, spread evenly over k..k_max) as (k, weight).

    Raises (TypeError, KeyError, ValueError, OverflowError) for malformed rows."""
    out: list[tuple[int, float]] = []
    for r in hist:
        n = float(r.get("parents", r.get("count")))
        k0 = int(r["k"])
        k1 = int(r.get("k_max", k0))
        if k1 < k0:
            raise ValueError("k_max below k")
        width = k1 - k0 + 1
        out.extend((k, n / width) for k in range(k0, k1 + 1))
    return out


def scale_histogram(hist: list[tuple[int, float]], n_parents: int) -> Degrees:
    """Scale a source histogram to n_parents with largest-remainder rounding (exact total)."""
    merged: dict[int, float] = {}
    for k, c in hist:
        if float(c) > 0 and int(k) >= 0:
            merged[int(k)] = merged.get(int(k), 0.0) + float(c)
    hist = sorted(merged.items())
    total = sum(c for _k, c in hist)
    if total <= 0 or n_parents <= 0:
        return Degrees([], n_parents)
    shares = [(k, n_parents * c / total) for k, c in hist]
    base = [(k, int(s)) for k, s in shares]
    left = n_parents - sum(c for _k, c in base)
    order = sorted(range(len(shares)), key=lambda i: (-(shares[i][1] - base[i][1]), shares[i][0]))
    counts = [c for _k, c in base]
    for i in order[:left]:
        counts[i] += 1
    return Degrees([(k, c) for (k, _c), c in zip(base, counts) if c > 0], n_parents)


def fit_total(deg: Degrees, total: int) -> Degrees:
    """The same parents with exactly `total` children: parents move one child up or down (k -> k +- 1),
    taken from the largest buckets first, until the sum of k * c is total. Used when the child table's
    own row count is known (rows_from_source): a histogram whose small counts were left out, or whose
    rounding to n parents drifted, still gives the source's number of rows."""
    counts: dict[int, int] = {k: c for k, c in deg.buckets if c > 0}
    diff = total - sum(k * c for k, c in counts.items())
    while diff != 0:
        step = 1 if diff > 0 else -1
        movable = [(c, k) for k, c in counts.items() if c > 0 and (step > 0 or k > 0)]
        if not movable:
            break
        room = sum(c for c, _k in movable)
        want = abs(diff)
        moved = 0
        for c, k in sorted(movable, reverse=True):
            m = min(c, max(1, want * c // room), want - moved)
            if m <= 0:
                break
            counts[k] -= m
            counts[k + step] = counts.get(k + step, 0) + m
            moved += m
        diff -= step * moved
    return Degrees(sorted((k, c) for k, c in counts.items() if c > 0), deg.n_parents)


def _layout(deg: Degrees) -> list[tuple[int, int, int, int]]:
    """(k, c, first parent position, first child row - 1) of each bucket with children."""
    pos_start, row_start = 0, 0
    out = []
    for k, c in deg.buckets:
        if k > 0:
            out.append((k, c, pos_start, row_start))
        pos_start += c
        row_start += k * c
    return out


def _bucketed(deg: Degrees, row: exp.Expression,
              part: Callable[[exp.Expression, int, int], exp.Expression]) -> exp.Expression:
    """The value in the bucket holding child row `row`: part(offset, k, P_b), offset = i - R_b - 1.

    The buckets are searched as a balanced tree of CASEs (about log2(B) comparisons per row instead
    of B/2: the source's rentals per customer make 30 and more)."""
    buckets = _layout(deg)
    if not buckets:
        return exp.Null()

    def leaf(b: tuple[int, int, int, int]) -> exp.Expression:
        k, _c, p0, r0 = b
        return part(exp.Paren(this=exp.Sub(this=row.copy(), expression=lit(r0 + 1))), k, p0)

    def tree(lo: int, hi: int) -> exp.Expression:  # buckets[lo:hi]
        if hi - lo == 1:
            return leaf(buckets[lo])
        mid = (lo + hi) // 2
        k, c, _p0, r0 = buckets[mid - 1]
        last_row = r0 + k * c  # the last child row of the left half
        return exp.Paren(this=sqlx.case([(exp.LTE(this=row.copy(), expression=lit(last_row)), tree(lo, mid))],
                                        tree(mid, hi)))
    return tree(0, len(buckets))


def position(deg: Degrees, row: exp.Expression) -> exp.Expression:
    """0-based parent position of child row `row` (1-based) in the layout."""
    return _bucketed(deg, row, lambda off, k, p0: add(lit(p0), exp.Paren(
        this=exp.Div(this=off, expression=lit(k), typed=True))))


def sibling(deg: Degrees, row: exp.Expression) -> exp.Expression:
    """The child's place among its parent's children, 0..k-1."""
    return _bucketed(deg, row, lambda off, k, p0: mod(off, lit(k)))


def parent_index(deg: Degrees, streams: Streams, stream: str) -> RowFn:
    """row -> 1-based parent row, following the bucket layout above (the primary foreign key)."""
    def f(row: exp.Expression) -> exp.Expression:
        q = position(deg, row)
        if isinstance(q, exp.Null):
            return q
        return add(lit(1), permutation(streams, stream, exp.Paren(this=add(q, lit(1))), deg.n_parents))
    return f


def secondary_index(deg: Degrees, streams: Streams, stream: str, n_child: int) -> RowFn:
    """row -> 1-based parent row for a secondary foreign key: the layout applied to a permutation of
    the child rows. Rows past the histogram's total (rounding) pick any parent."""
    total = deg.total_children
    primary = parent_index(deg, streams, stream)

    def f(row: exp.Expression) -> exp.Expression:
        slot = exp.Paren(this=add(lit(1), permutation(streams, stream + ":slot", row, max(n_child, 1))))
        picked = primary(slot)
        if total >= n_child:
            return picked
        other = add(lit(1), streams.pick(stream + ":rest", row, deg.n_parents))
        return sqlx.case([(exp.LTE(this=slot.copy(), expression=lit(total)), picked)], other)
    return f


def sibling_distinct(deg: Degrees, streams: Streams, stream: str, n_other: int | exp.Expression) -> RowFn:
    """row -> 0-based index into the other side of a junction (n_other rows), distinct among the
    children of one parent: (h(q) + r) mod n_other, q the parent position and r the sibling offset."""
    def f(row: exp.Expression) -> exp.Expression:
        q = position(deg, row)
        r = sibling(deg, row)
        n = lit(n_other) if isinstance(n_other, int) else n_other
        return mod(exp.Paren(this=add(streams.h32(stream, exp.Paren(this=add(q, lit(1)))), r)), n)
    return f
