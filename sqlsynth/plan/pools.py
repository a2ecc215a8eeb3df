"""Value pools: realistic values built once by Mimesis, sent to the server with COPY, sampled by SQL.

A config name such as ``generic.person.first_name`` (any Mimesis ``Generic`` provider method
with literal arguments) becomes a pool of distinct values in a temporary table
``pg_temp.sqlsynth_pool_<n>(k int, v text)``. A column picks ``v`` at ``k = 1 + h(row) % K``
through a join the planner turns into one hash join; nothing runs per row in Python.
Pools are deterministic: the Mimesis seed derives from the run's seed and the call.
"""

from __future__ import annotations

import contextvars
import itertools
import json
from dataclasses import dataclass, field

from sqlglot import exp

from ..config.mimesis import distinct_values
from ..sql import sqlx
from ..sql.sqlx import add, lit, stream_seed

DEFAULT_POOL_SIZE = 1000


@dataclass
class Pool:
    index: int
    name: str
    args: list
    kwargs: dict
    locale: str
    seed: int
    size: int
    max_length: int | None = None
    values: list[str] = field(default_factory=list)
    _fits: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def fits_name(self) -> bool:
        """All values fit PostgreSQL's fixed-width `name` type (63 bytes): then an array lookup is O(1)."""
        values = self.build()
        if self._fits is None or self._fits[0] != len(values):  # asked at every lookup: computed once
            self._fits = (len(values), all(len(v.encode()) <= 63 for v in values))
        return self._fits[1]

    @property
    def table_name(self) -> str:
        return f"sqlsynth_pool_{self.index}"

    def table(self) -> exp.Table:
        return sqlx.table("pg_temp", self.table_name)

    def build(self) -> list[str]:
        """Draw until `size` distinct values (or the provider runs dry); deterministic for the seed.

        With a column length, values that fit are kept and longer ones skipped, so a varchar(20)
        district gets whole county names rather than cut ones; only when few values fit (sentences
        into a short column) are cut values used to fill the pool."""
        if self.values:
            return self.values
        self.values = distinct_values(self.name, self.args, self.kwargs, self.locale, self.seed, self.size,
                                      self.max_length)
        return self.values


@dataclass
class RegexPool(Pool):
    """Strings matching a CHECK's regular expression (regex_pool.py), distinct, in a fixed order."""

    regex: str = ""
    ignore_case: bool = False
    min_length: int = 0
    unique_rows: int = 0
    pad_to: int | None = None  # char(n): the pattern must match the value padded to n

    def build(self) -> list[str]:
        if not self.values:
            from .regex_pool import RegexGen

            gen = RegexGen(self.regex, self.min_length, self.max_length, self.ignore_case, self.pad_to)
            self.values = gen.values(self.size, self.seed, self.unique_rows)
        return self.values


class PoolSet:
    """The pools of one plan, shared by columns asking for the same call."""

    def __init__(self, seed: int, locale: str, default_size: int = DEFAULT_POOL_SIZE):
        self.seed = seed
        self.locale = locale
        self.default_size = default_size
        self.pools: dict[str, Pool] = {}

    def get(self, name: str, args: list, kwargs: dict, size: int | None = None, max_length: int | None = None,
            locale: str | None = None) -> Pool:
        locale = locale or self.locale
        key = json.dumps([name, args, kwargs, size or self.default_size, max_length, locale], sort_keys=True, default=str)
        if key not in self.pools:
            self.pools[key] = Pool(len(self.pools) + 1, name, args, kwargs, locale,
                                   seed=stream_seed(self.seed, "pool", key) & 0x7FFFFFFF,
                                   size=size or self.default_size, max_length=max_length)
        return self.pools[key]

    def keyed(self, name: str, args: list, kwargs: dict, locales: list[str], size: int | None = None,
              max_length: int | None = None, unique: bool = False) -> Pool:
        """One pool per locale in one table (plan.keyed_pools.KeyedPool), shared like the others."""
        from .keyed_pools import KeyedPool

        key = json.dumps(["keyed", name, args, kwargs, size or self.default_size, max_length, locales, unique], sort_keys=True,
                         default=str)
        if key not in self.pools:
            self.pools[key] = KeyedPool(len(self.pools) + 1, name, args, kwargs, locales[0],
                                        seed=stream_seed(self.seed, "pool", key) & 0x7FFFFFFF,
                                        size=size or self.default_size, max_length=max_length, locales=list(locales),
                                        unique=unique)
        return self.pools[key]

    def regex(self, pattern: str, ignore_case: bool, min_length: int, max_length: int | None,
              unique_rows: int = 0, pad_to: int | None = None) -> RegexPool:
        """The pool of strings matching a CHECK pattern (shared by columns with the same pattern and limits)."""
        key = json.dumps(["regex", pattern, ignore_case, min_length, max_length, unique_rows]
                         + ([pad_to] if pad_to else []))
        if key not in self.pools:
            self.pools[key] = RegexPool(len(self.pools) + 1, f"pattern {pattern}", [], {}, self.locale,
                                        seed=stream_seed(self.seed, "pool", key) & 0x7FFFFFFF,
                                        size=max(self.default_size, unique_rows), max_length=max_length,
                                        regex=pattern, ignore_case=ignore_case, min_length=min_length,
                                        unique_rows=unique_rows, pad_to=pad_to)
        return self.pools[key]  # type: ignore[return-value]

    def ordered(self) -> list[Pool]:
        return sorted(self.pools.values(), key=lambda p: p.index)


# --- lookups inside one INSERT: each (pool, key) becomes one join --------------------------------

_JOINS: contextvars.ContextVar[list | None] = contextvars.ContextVar("sqlsynth_pool_joins", default=None)
_INLINE: contextvars.ContextVar[bool] = contextvars.ContextVar("sqlsynth_pool_inline", default=False)


class inline_lookups:
    """Within: lookups that would be joins are scalar subqueries, so the key (and its random
    draw) stays inside the expression (CHECK candidates re-seed it; checks_fallback.py)."""

    def __enter__(self) -> None:
        self._token = _INLINE.set(True)

    def __exit__(self, *exc: object) -> None:
        _INLINE.reset(self._token)


_SERIALS = itertools.count(1)


class JoinCollector:
    """Collects the pool joins the expressions of one statement need."""

    def __init__(self) -> None:
        self.joins: list[tuple[str, Pool, exp.Expression]] = []
        self.arrays: dict[int, str] = {}  # pool index -> alias of its one-row array source
        self._pools: dict[int, Pool] = {}
        self.sources: dict[str, tuple[str, exp.Expression]] = {}  # key -> (alias, one-row subquery)
        self.stages: dict[str, tuple[str, object, exp.Expression]] = {}  # key -> (alias, PyStage, row expr)
        self.laterals: dict[str, tuple[str, exp.Expression]] = {}  # key -> (alias, subquery): last in FROM
        self.lookups: dict[str, tuple[str, exp.Expression, exp.Expression]] = {}  # key -> (alias, subquery, on)
        self.serial = next(_SERIALS)  # tells statements apart (expressions are cached per statement)
        self._token = None

    def stage_join(self, key: str, stage, row: exp.Expression) -> str:
        """Alias of a LEFT JOIN on a Python staging table at row number `row`."""
        if key not in self.stages:
            self.stages[key] = (f"py{len(self.stages) + 1}", stage, row.copy())
        return self.stages[key][0]

    def named_source(self, alias: str, build) -> str:
        """A one-row subquery under a fixed alias (the default vocabulary)."""
        if alias not in self.sources:
            self.sources[alias] = (alias, build())
        return alias

    def source(self, key: str, build) -> str:
        """Alias of a one-row subquery (built once per statement by build(alias))."""
        if key not in self.sources:
            alias = f"s{len(self.sources) + 1}"
            self.sources[key] = (alias, build(alias))
        return self.sources[key][0]

    def lookup_join(self, sub: exp.Expression, on) -> str:
        """Alias of a LEFT JOIN on an uncorrelated subquery (a path read in the destination, keyed_pools),
        joined before the pools (their keys may read it); on(alias) is the join condition."""
        key = sqlx.render(sub) + "|" + sqlx.render(on("x"))
        if key not in self.lookups:
            alias = f"lk{len(self.lookups) + 1}"
            self.lookups[key] = (alias, sub, on(alias))
        return self.lookups[key][0]

    def lateral(self, key: str, build) -> str:
        """Alias of a LATERAL subquery joined after everything else (it may read any of it)."""
        if key not in self.laterals:
            sub = build()  # first: the laterals it reads are then joined before it
            self.laterals[key] = (f"ck{len(self.laterals) + 1}", sub)
        return self.laterals[key][0]

    def __enter__(self) -> "JoinCollector":
        self._token = _JOINS.set(self)  # type: ignore[arg-type]
        return self

    def __exit__(self, *exc: object) -> None:
        _JOINS.reset(self._token)

    def apply(self, select: exp.Select) -> exp.Select:
        for index, alias in self.arrays.items():
            pool = self._pools[index]
            agg = exp.select(fn_array_agg(pool)).from_(pool.table())
            src = exp.Subquery(this=agg, alias=exp.TableAlias(this=exp.to_identifier(alias, quoted=True),
                                                              columns=[exp.to_identifier("w", quoted=True)]))
            select = select.join(src, join_type="CROSS", copy=False)
        for _alias, sub in self.sources.values():
            select = select.join(sub, join_type="CROSS", copy=False)
        for alias, stage, row in self.stages.values():
            on = exp.EQ(this=sqlx.col("i", alias), expression=row)
            tbl = sqlx.table("pg_temp", stage.table_name)  # type: ignore[attr-defined]
            select = select.join(exp.alias_(tbl, alias, quoted=True), on=on, join_type="LEFT", copy=False)
        for alias, sub, on in self.lookups.values():
            select = select.join(exp.Subquery(this=sub, alias=exp.TableAlias(this=exp.to_identifier(alias, quoted=True))),
                                 on=on, join_type="LEFT", copy=False)
        for alias, pool, key in self.joins:
            on = exp.EQ(this=sqlx.col("k", alias), expression=key)
            select = select.join(exp.alias_(pool.table(), alias, quoted=True), on=on, join_type="LEFT", copy=False)
        for alias, sub in self.laterals.values():
            select = select.join(exp.Lateral(this=sub, alias=exp.TableAlias(this=exp.to_identifier(alias, quoted=True))),
                                 join_type="CROSS", copy=False)
        return select


def current() -> "JoinCollector | None":
    return _JOINS.get()  # type: ignore[return-value]


def fn_array_agg(pool: Pool) -> exp.Expression:
    """array_agg(v::name ORDER BY k): fixed-width elements, so a subscript does not walk the array."""
    ordered = exp.Order(this=exp.Cast(this=sqlx.col("v"), to=sqlx.dtype("name")),
                        expressions=[exp.Ordered(this=sqlx.col("k"))])
    return exp.ArrayAgg(this=ordered)


def lookup(pool: Pool, index0: exp.Expression) -> exp.Expression:
    """pool value at a 0-based index expression."""
    key = add(lit(1), index0)
    collector = _JOINS.get()
    if collector is None or (_INLINE.get() and not pool.fits_name):  # a scalar subquery
        sub = exp.select(sqlx.col("v")).from_(pool.table()).where(exp.EQ(this=sqlx.col("k"), expression=key))
        return exp.Subquery(this=sub)
    if pool.fits_name:
        collector._pools[pool.index] = pool
        alias = collector.arrays.setdefault(pool.index, f"a{pool.index}")
        return exp.Cast(this=sqlx.subscript(sqlx.col("w", alias), key), to=exp.DataType.build("TEXT"))
    joins = collector.joins
    sql = sqlx.render(key)
    for alias, p, k in joins:
        if p is pool and sqlx.render(k) == sql:
            return sqlx.col("v", alias)
    alias = f"p{len(joins) + 1}"
    joins.append((alias, pool, key))
    return sqlx.col("v", alias)
