"""CHECKs kept in SQL: K candidate rows per row, the first that PostgreSQL finds passing is kept.

For CHECKs the planner cannot satisfy by construction (a user function, an arbitrary
expression, a configured generator that ignores the CHECK), each row is drawn up to K times
on independent random streams. Candidate k is the row's own value with every random draw
that the CHECKed columns use re-seeded (``hashint8extended(x, seed)`` -> a seed derived from
seed and k; candidate 0 is the ordinary row), so columns computed from one another stay
consistent and keys built from the row number (serials, unique permutations) are untouched.
Per statement, one LATERAL picks the candidate:

    CROSS JOIN LATERAL (SELECT CASE WHEN <checks on candidate 0> THEN 0 WHEN ... END AS "k" OFFSET 0) AS "ck1"

with each CHECK evaluated by PostgreSQL itself on the candidate's values (the columns of the
CHECK replaced by the candidate's expressions, cast to the column's type); a NULL result passes,
as for a CHECK. CASE evaluates lazily: a row whose first candidate passes costs one evaluation.
Each affected column then reads ``CASE "ck1"."k" WHEN 1 THEN <candidate 1> ... ELSE <candidate 0> END``.
Everything is a function of the row number: same seed, same rows, whatever the jobs or chunks.

Before anything is written, measure_select() evaluates the same choice on a sample of rows:
compile_plan turns it into one check that lists every CHECK left unsatisfied, with its pass rate.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, field

from sqlglot import exp

from ..sql import primitives, sqlx
from ..sql.sqlx import lit, stream_seed
from .checks import NO, literal, parse_check
from .placeholders import LateralCol, mark_inline, transform_open, walk_open
from .pools import JoinCollector
from .values import Value
from . import nodes

CANDIDATES = 32
SAMPLE_ROWS = 20_000
# the Fallback whose candidates are being built: its columns give their raw values meanwhile
_RAW: contextvars.ContextVar[object] = contextvars.ContextVar("sqlsynth_fallback_raw", default=None)


@dataclass
class FallbackCheck:
    name: str  # as the message names it: "CHECK <name>" or "domain <d> CHECK <name> on <column>"
    tree: exp.Expression  # over the table's columns


@dataclass
class Fallback:
    table: str
    checks: list[FallbackCheck]
    raw: dict[str, Value]  # the columns' values before the candidates were added
    cast_types: dict[str, str]  # column -> the type a candidate is cast to inside a CHECK
    generated: dict[str, exp.Expression] = field(default_factory=dict)  # generated columns
    salted: frozenset = frozenset()
    affected: list[str] = field(default_factory=list)
    k: int = CANDIDATES

    # -- candidates -------------------------------------------------------------------------
    # (what, row SQL, ...) -> expression (with placeholders: the statement resolves them)
    _cache: dict = field(default_factory=dict, repr=False)

    def candidate(self, column: str, row: exp.Expression, k: int) -> exp.Expression:
        key = ("candidate", sqlx.render(row), column, k)
        if key not in self._cache:
            if k:
                e = salt(self.candidate(column, row, 0), self.salted, k)
            else:
                token = _RAW.set(self)
                try:
                    e = mark_inline(self.raw[column].at(row))
                finally:
                    _RAW.reset(token)
            self._cache[key] = e
        return self._cache[key].copy()

    def passes(self, check: FallbackCheck, row: exp.Expression, k: int) -> exp.Expression:
        """NOT (<check on candidate k> IS FALSE): NULL passes, as in a CHECK."""
        def sub(node: exp.Expression, depth: int = 0) -> exp.Expression:
            if isinstance(node, exp.Column) and not node.table:
                name = node.name
                if name in self.generated and depth < 5:
                    return exp.Paren(this=self.generated[name].copy().transform(lambda n: sub(n, depth + 1)))
                if name in self.raw:
                    return exp.Paren(this=exp.Cast(this=self.candidate(name, row, k), to=sqlx.dtype(self.cast_types[name])))
            return node
        body = check.tree.transform(sub)  # (transform works on a copy)
        return exp.Not(this=exp.Is(this=exp.Paren(this=body), expression=exp.false()))

    def chooser(self, row: exp.Expression) -> exp.Expression:
        # built when a value's tree is frozen, and for measure_select (the statement joins one LATERAL per key)
        return self._chooser(row)

    def _chooser(self, row: exp.Expression) -> exp.Expression:
        whens = []
        for k in range(self.k):
            conds = [self.passes(c, row, k) for c in self.checks]
            cond = conds[0]
            for c in conds[1:]:
                cond = exp.And(this=cond, expression=c)
            whens.append((cond, lit(k)))
        return sqlx.case(whens)

    def choice(self, row: exp.Expression) -> exp.Expression:
        """"ckN"."k": the index of the first passing candidate (NULL: none), one LATERAL per statement."""
        sel = exp.select(exp.alias_(self.chooser(row), "k", quoted=True)).offset(0)
        key = "\x1f".join([self.table, sqlx.render(row)] + [c.name for c in self.checks])
        return LateralCol(this=exp.Subquery(this=sel), key=key)

    def final(self, column: str, row: exp.Expression) -> exp.Expression:
        return exp.Case(this=self.choice(row), ifs=[exp.If(this=lit(i), true=self.candidate(column, row, i))
                                                     for i in range(1, self.k)],
                        default=self.candidate(column, row, 0))

    # -- measuring ----------------------------------------------------------------------------
    def measure_select(self, rows: int, offset: exp.Expression | None) -> exp.Select:
        """count(*), rows with no passing candidate, and per CHECK the rows whose first candidate
        passes it, over about SAMPLE_ROWS rows spread over 1..rows."""
        step = max(1, -(-rows // SAMPLE_ROWS))
        start: exp.Expression = exp.Cast(this=lit(1), to=exp.DataType.build("BIGINT"))
        end: exp.Expression = lit(rows)
        if offset is not None:
            start, end = sqlx.add(start, offset.copy()), sqlx.add(end, offset.copy())
        src = exp.Table(this=exp.GenerateSeries(start=start, end=end, step=lit(step)),
                        alias=exp.TableAlias(this=exp.to_identifier("g", quoted=True),
                                             columns=[exp.to_identifier("i", quoted=True)]))
        row = sqlx.col("i", "g")
        coll = JoinCollector()
        cols = [exp.alias_(exp.Count(this=exp.Star()), "n", quoted=True),
                exp.alias_(exp.Filter(this=exp.Count(this=exp.Star()), expression=exp.Where(
                    this=exp.Is(this=self.choice(row), expression=exp.Null()))), "none", quoted=True)]
        for i, ck in enumerate(self.checks):
            cols.append(exp.alias_(exp.Filter(this=exp.Count(this=exp.Star()),
                                              expression=exp.Where(this=self.passes(ck, row, 0))), f"p{i}", quoted=True))
        return coll.apply(exp.select(*[coll.resolve(c) for c in cols]).from_(src))


class FallbackValue(Value):
    """A column's value chosen among the candidates (its raw value while candidates are built)."""

    def __init__(self, fb: Fallback, column: str):
        raw = fb.raw[column]
        names = tuple(c.name for c in fb.checks)
        super().__init__(self._at, injective=raw.injective, source=raw.source, sql_type=raw.sql_type,
                         node=nodes.CheckCandidate(names, nodes.of_value(raw), fb.k,
                                                   origin=nodes.constraint(", ".join(names))))
        self.fb, self.column = fb, column

    def _at(self, row: exp.Expression) -> exp.Expression:
        return self.fb.final(self.column, row)

    def at(self, row: exp.Expression) -> exp.Expression:
        if _RAW.get() is self.fb:
            return self.fb.raw[self.column].at(row)
        return super().at(row)

    def freeze(self) -> None:
        token = _RAW.set(self.fb)  # the raw values read the raw values of this Fallback's other columns
        try:
            for v in self.fb.raw.values():
                v.freeze()
        finally:
            _RAW.reset(token)
        super().freeze()


def _seed(node: exp.Expression) -> int | None:
    args = primitives.hash64_args(node)
    if args is not None:
        v = literal(args[1])
        return v if isinstance(v, int) and v is not NO else None
    return None


def seeds(e: exp.Expression) -> set[int]:
    """The seeds of e's own draws (not those inside the joins its placeholders stand for)."""
    return {s for s in map(_seed, walk_open(e)) if s is not None}


def salt(e: exp.Expression, salted: frozenset, k: int) -> exp.Expression:
    """e (a tree the caller owns: changed in place) with the seeds in `salted` replaced by candidate k's seeds."""
    def f(node: exp.Expression) -> exp.Expression:
        s = _seed(node)
        if s is not None and s in salted:
            return primitives.hash64(primitives.hash64_args(node)[0].copy(), lit(stream_seed(s, "candidate", str(k))))
        return node
    return transform_open(e, f)


def install(table: str, checks: list[FallbackCheck], values: dict[str, Value], cast_types: dict[str, str],
            generated: dict[str, str], protected: set[int]) -> list[Fallback]:
    """Wrap the columns the candidates redraw; one Fallback (one choice per row) for each group
    of CHECKs that share random draws, so independent CHECKs are satisfied independently.
    `protected`: seeds never redrawn (other tables' keys that foreign keys evaluate); the draws
    of unique columns are never redrawn either."""
    gen_trees = {c: t for c, t in ((c, parse_check(g)) for c, g in generated.items()) if t is not None}
    probe = Fallback(table, checks, dict(values), cast_types, gen_trees)
    row = sqlx.col("i", "g")
    rendered = {c: seeds(probe.candidate(c, row, 0)) for c in values}
    for c, v in values.items():
        if v.injective:
            protected = protected | rendered[c]
    own = {c: frozenset(rendered[c] - protected) for c in values}

    def used(ck: FallbackCheck) -> set[str]:
        names = {c.name for c in ck.tree.find_all(exp.Column) if not c.table}
        for g in [n for n in names if n in gen_trees]:
            names |= {c.name for c in gen_trees[g].find_all(exp.Column) if not c.table}
        return {n for n in names if n in values}

    # groups of CHECKs whose draws meet, directly or through a column that reads both
    groups: list[tuple[list[FallbackCheck], set[int]]] = []
    for ck in checks:
        drawn = set().union(*(own[c] for c in used(ck)))
        joined = [g for g in groups if g[1] & drawn]
        merged = ([ck] + [x for g in joined for x in g[0]], drawn.union(*(g[1] for g in joined)))
        groups = [g for g in groups if not any(g is j for j in joined)] + [merged]
    changed = True
    while changed:
        changed = False
        for c in values:
            touching = [g for g in groups if g[1] & own[c]]
            if len(touching) > 1:
                merged = ([x for g in touching for x in g[0]], set().union(*(g[1] for g in touching)))
                groups = [g for g in groups if not any(g is t for t in touching)] + [merged]
                changed = True
                break
    out = []
    for group_checks, drawn in groups:
        fb = Fallback(table, group_checks, probe.raw, cast_types, gen_trees, salted=frozenset(drawn))
        fb.k = CANDIDATES if drawn else 1
        fb.affected = sorted(c for c in values if own[c] & drawn)
        out.append(fb)
    order = {ck.name: i for i, ck in enumerate(checks)}
    out.sort(key=lambda fb: order[fb.checks[0].name])
    for fb in out:
        for c in fb.affected:
            values[c] = FallbackValue(fb, c)
    return out
