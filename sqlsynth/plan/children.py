"""Children per parent: reproduce the source's degree distribution exactly, arithmetically.

From the source's histogram ``{k: number of parents with k children}`` (one GROUP BY,
computed by make-stats) the N generated parents are split into buckets in the same
proportions (largest-remainder rounding, so the bucket sizes add up to N). Parent
*positions* 0..N-1 are laid out bucket by bucket, and children of one parent take
consecutive child rows, so child row i maps to a parent in closed form:

    bucket b such that R_b < i <= R_b + k_b * c_b
    position q = P_b + (i - R_b - 1) / k_b          (integer division)
    parent row = 1 + perm(q)                         (a bijection of 0..N-1)

The child table's row count is known at compile time (sum of k * c_k), every child
row is still a pure function of its row number, and parents with zero children
exist in the right share.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlglot import exp

from ..compile import sqlx
from ..compile.sqlx import Streams, add, lit
from .values import permutation


@dataclass
class Degrees:
    buckets: list[tuple[int, int]]  # (k children, number of generated parents with k)
    n_parents: int

    @property
    def total_children(self) -> int:
        return sum(k * c for k, c in self.buckets)


def scale_histogram(hist: list[tuple[int, int]], n_parents: int) -> Degrees:
    """Scale a source histogram to n_parents with largest-remainder rounding (exact total)."""
    hist = sorted((int(k), float(c)) for k, c in hist if float(c) > 0 and int(k) >= 0)
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


def parent_index(deg: Degrees, streams: Streams, stream: str) -> Callable[[exp.Expression], exp.Expression]:
    """row -> 1-based parent row, following the bucket layout above."""
    pos_start, row_start = 0, 0
    layout = []  # (k, c, first parent position, first child row - 1)
    for k, c in deg.buckets:
        layout.append((k, c, pos_start, row_start))
        pos_start += c
        row_start += k * c
    with_children = [b for b in layout if b[0] > 0]

    def f(row: exp.Expression) -> exp.Expression:
        whens = []
        for idx, (k, c, p0, r0) in enumerate(with_children):
            offset = exp.Sub(this=exp.Sub(this=row.copy(), expression=lit(r0)), expression=lit(1))
            q = add(lit(p0), exp.Paren(this=exp.Div(this=exp.Paren(this=offset), expression=lit(k), typed=True)))
            if idx == len(with_children) - 1:
                whens.append((None, q))
            else:
                whens.append((exp.LTE(this=row.copy(), expression=lit(r0 + k * c)), q))
        if not whens:
            return exp.Null()
        if len(whens) == 1:
            q = whens[0][1]
        else:
            q = exp.Paren(this=sqlx.case([(w, v) for w, v in whens[:-1]], whens[-1][1]))
        return add(lit(1), permutation(streams, stream, exp.Paren(this=add(q, lit(1))), deg.n_parents))
    return f
