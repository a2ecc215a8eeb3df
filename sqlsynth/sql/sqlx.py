"""Small builders for sqlglot expressions, and the counter-based random streams.

Every random value is a pure function of (seed, table, stream, row number):
``hashint8extended(row, stream_seed)`` (sqlsynth.sql.primitives.hash64) masked to 53 bits. No ``random()``, so any
chunking or parallelism gives the same data, and a script run by psql gives the
same rows as a direct run.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Iterable

import sqlglot
from sqlglot import exp

from . import primitives

MASK53 = (1 << 53) - 1
TWO53 = float(1 << 53)

DIALECT = "postgres"  # the SQL dialect rendered when none is named (sqlglot's name)


def dollar_quote(sql: str) -> str:
    """SQL text as a dollar-quoted string literal, with a tag the text does not contain."""
    tag = "$q$"
    while tag in sql:
        tag = "$q" + tag[1:]
    return f"{tag}{sql}{tag}"


def q(name: str, dialect: str = DIALECT) -> str:
    """A quoted identifier as SQL text."""
    if type(name) is str:
        return _quoted(name, dialect)
    return exp.to_identifier(name, quoted=True).sql(dialect)


@lru_cache(maxsize=8192)
def _quoted(name: str, dialect: str) -> str:
    """sqlglot's quoting of a name, remembered: a schema's DDL and a load's statements quote the same few
    names hundreds of times, and each rendering costs a generator (about 18 us; create-tables of the Pagila
    example quotes 569 names, 10 ms)."""
    return exp.to_identifier(name, quoted=True).sql(dialect)


def qtable(schema: str | None, name: str, dialect: str = DIALECT) -> str:
    return f"{q(schema, dialect)}.{q(name, dialect)}" if schema else q(name, dialect)


def table(schema: str | None, name: str) -> exp.Table:
    return exp.Table(
        this=exp.to_identifier(name, quoted=True),
        db=exp.to_identifier(schema, quoted=True) if schema else None,
    )


def col(name: str, tbl: str | None = None) -> exp.Column:
    return exp.column(exp.to_identifier(name, quoted=True), table=exp.to_identifier(tbl, quoted=True) if tbl else None)


def lit(v: object) -> exp.Expression:
    """A literal: numbers, strings (safely quoted), booleans, NULL."""
    if v is None:
        return exp.Null()
    if isinstance(v, bool):
        return exp.Boolean(this=v)
    if isinstance(v, int):
        return exp.Literal.number(v) if v >= 0 else exp.Neg(this=exp.Literal.number(-v))
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):  # NaN, Infinity: no numeric literal spells them
            return exp.Cast(this=exp.Literal.string(str(v).replace("inf", "Infinity").replace("nan", "NaN")),
                            to=exp.DataType.build("DOUBLE PRECISION"))
        r = repr(v)
        if "e" in r or "E" in r:
            r = format(v, ".17f").rstrip("0").rstrip(".") or "0"
        return exp.Literal.number(r) if v >= 0 else exp.Neg(this=exp.Literal.number(r.lstrip("-")))
    return exp.Literal.string(str(v))


def cast(e: exp.Expression, type_sql: str, dialect: str = DIALECT) -> exp.Expression:
    return exp.Cast(this=e, to=dtype(type_sql, dialect))


@lru_cache(maxsize=512)
def _dtype(type_sql: str, dialect: str) -> exp.DataType:
    return exp.DataType.build(type_sql, dialect=dialect, udt=True)


def dtype(type_sql: str, dialect: str = DIALECT) -> exp.DataType:
    """A type written in `dialect` (a column's type as the schema spells it) as a sqlglot type."""
    return _dtype(type_sql, dialect).copy()


def paren(e: exp.Expression) -> exp.Expression:
    return e if isinstance(e, (exp.Paren, exp.Column, exp.Literal, exp.Anonymous, exp.Func)) else exp.Paren(this=e)


def add(a: exp.Expression, b: exp.Expression) -> exp.Expression:
    return exp.Add(this=a, expression=b)


def sub(a: exp.Expression, b: exp.Expression) -> exp.Expression:
    return exp.Sub(this=a, expression=b)


def mul(a: exp.Expression, b: exp.Expression) -> exp.Expression:
    return exp.Mul(this=paren(a), expression=paren(b))


def mod(a: exp.Expression, b: exp.Expression) -> exp.Expression:
    return exp.Mod(this=paren(a), expression=paren(b))


def div(a: exp.Expression, b: exp.Expression) -> exp.Expression:
    return exp.Div(this=paren(a), expression=paren(b))


def concat(*parts: exp.Expression) -> exp.Expression:
    out = parts[0]
    for p in parts[1:]:
        out = exp.DPipe(this=out, expression=p, safe=True)
    return exp.Paren(this=out)


def subscript(arr: exp.Expression, idx: exp.Expression) -> exp.Expression:
    """arr[idx] with a 1-based PostgreSQL index."""
    return exp.Bracket(this=exp.Paren(this=arr), expressions=[idx], offset=1)


def array(items: Iterable[exp.Expression]) -> exp.Expression:
    return exp.Array(expressions=list(items))


def text_array(values: Iterable[str]) -> exp.Expression:
    return array(exp.Literal.string(v) for v in values)


def case(whens: list[tuple[exp.Expression, exp.Expression]], default: exp.Expression | None = None) -> exp.Expression:
    # built directly: Case.when() copies the whole CASE at every branch (quadratic on long ones)
    return exp.Case(ifs=[exp.If(this=cond, true=val) for cond, val in whens], default=default)


def bucket(u: exp.Expression, cum: list[float]) -> exp.Expression:
    """How many of the ascending thresholds `cum` are <= u: ``width_bucket(u, ARRAY[cum])``, one binary
    search with u computed once (a CASE WHEN u < c1 ... evaluates u again in every branch it tries)."""
    thresholds = exp.Cast(this=array(lit(float(c)) for c in cum), to=exp.DataType.build("DOUBLE PRECISION[]"))
    return exp.WidthBucket(this=u, threshold=thresholds)


def _array_valued(e: exp.Expression) -> bool:
    return e.find(exp.Array) is not None or any(d.this == exp.DataType.Type.ARRAY for d in e.find_all(exp.DataType))


def pick_by_cdf(u: exp.Expression, cum: list[float], outcomes: list[exp.Expression]) -> exp.Expression:
    """Inverse-CDF pick: outcomes[i] for the first i with u < cum[i], outcomes[-1] when none
    (len(outcomes) == len(cum) + 1). Two outcomes: one CASE branch. More: the outcomes as an array
    indexed by :func:`bucket` -- the same pick, u computed once instead of once per branch. Outcomes
    that are arrays themselves (an ARRAY[...] of an array column) keep the CASE: PostgreSQL's nested
    ARRAY[] would make one multidimensional array."""
    if not cum:
        return outcomes[0]
    if len(cum) == 1 or any(_array_valued(o) for o in outcomes):
        return case([(exp.LT(this=u.copy(), expression=lit(float(c))), o) for c, o in zip(cum, outcomes)],
                    outcomes[-1])
    return subscript(array(outcomes), add(bucket(u, cum), lit(1)))


def stream_seed(seed: int, *parts: str) -> int:
    """A stable signed 64-bit seed for one random stream."""
    h = hashlib.blake2b(("\x1f".join([str(seed), *parts])).encode(), digest_size=8).digest()
    return int.from_bytes(h, "big", signed=True)


MASK32 = (1 << 32) - 1
MASK21 = (1 << 21) - 1


class Streams:
    """Random streams of one table.

    ``hashint8extended`` returns the Jenkins hash's two final words; only the low word is
    fully mixed, so a draw uses its 32 low bits: h32() is uniform on [0, 2^32), u() on [0, 1).
    pick(n) for n beyond 2^32 combines two independent words into 53 bits.
    """

    def __init__(self, seed: int, table_name: str):
        self.seed = seed
        self.table = table_name

    def seed_of(self, stream: str) -> int:
        return stream_seed(self.seed, self.table, stream)

    def h32(self, stream: str, row: exp.Expression) -> exp.Expression:
        return exp.Paren(this=exp.BitwiseAnd(
            this=primitives.hash64(row.copy(), lit(self.seed_of(stream))), expression=lit(MASK32)))

    def h(self, stream: str, row: exp.Expression) -> exp.Expression:
        """A non-negative 53-bit integer (two hash words)."""
        # PostgreSQL gives <<, | and & one precedence (left to right): parenthesise every step
        hi = exp.Paren(this=exp.BitwiseLeftShift(this=self.h32(stream, row), expression=lit(21)))
        lo = exp.Paren(this=exp.BitwiseAnd(this=self.h32(stream + ":lo", row), expression=lit(MASK21)))
        return exp.Paren(this=exp.BitwiseOr(this=hi, expression=lo))

    def u(self, stream: str, row: exp.Expression) -> exp.Expression:
        return exp.Paren(this=exp.Div(
            this=exp.Cast(this=self.h32(stream, row), to=exp.DataType.build("DOUBLE PRECISION")),
            expression=exp.Literal.number("4294967296.0")))

    def pick(self, stream: str, row: exp.Expression, n: int) -> exp.Expression:
        """An integer uniform in [0, n)."""
        return mod(self.h32(stream, row) if n <= (1 << 20) else self.h(stream, row), lit(int(n)))


def join(select: exp.Select, source: exp.Expression, kind: str | None = None, side: str | None = None,
         on: exp.Expression | None = None) -> exp.Select:
    """select (changed in place) with a JOIN of source appended: kind "CROSS", side "LEFT"... -- what
    select.join(join_type=...) sets, without the parse of "FROM _ <join_type> JOIN _" it makes on every
    call (0.2 ms each: 5 ms of compiling the Pagila example)."""
    args = {k: v for k, v in (("kind", kind), ("side", side), ("on", on)) if v is not None}
    return select.join(exp.Join(this=source, **args), copy=False)


def parse(sql: str, dialect: str = DIALECT) -> exp.Expression:
    return sqlglot.parse_one(sql, dialect=dialect)


def render(e: exp.Expression, dialect: str = DIALECT, copy: bool = True) -> str:
    """SQL text of a tree in `dialect`; what the dialect cannot express raises (never a silent rewrite).

    copy=False: sqlglot's generator may change the tree as it renders it instead of a copy of it -- only
    for a tree made for this one rendering (an insert's statement: its copy is most of the rendering's time)."""
    return e.sql(dialect=dialect, copy=copy, identify=True, unsupported_level=sqlglot.ErrorLevel.RAISE)
