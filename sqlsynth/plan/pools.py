"""Value pools: realistic values built once by Mimesis, sent to the server with COPY, sampled by SQL.

A config name such as ``generic.person.first_name`` (any Mimesis ``Generic`` provider method
with literal arguments) becomes a pool of distinct values in a temporary table
``pg_temp.sqlsynth_pool_<n>(k int, v text)``. A column picks ``v`` at ``k = 1 + h(row) % K``
through a join the planner turns into one hash join; nothing runs per row in Python.
Pools are deterministic: the Mimesis seed derives from the run's seed and the call.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlglot import exp

from ..config.mimesis import distinct_values
from ..sql import sqlx
from ..sql.sqlx import add, lit, stream_seed
from .placeholders import (PLACEHOLDERS, Given, Handle, LateralCol, LookupCol, PoolAt, Provided, SentenceAt,
                           SourceCol, StageCol, WordsArray)

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


class JoinCollector:
    """Resolves the placeholders of one statement's expressions (plan/placeholders.py) into column
    references, collecting the joins they need (`apply` adds them to the SELECT); with
    collect=False, lookups become scalar subqueries (an expression outside any statement).

    provided: column -> expression a story gave for table `table` (rules read it instead)."""

    def __init__(self, collect: bool = True, table: str | None = None,
                 provided: dict[str, exp.Expression] | None = None) -> None:
        self.collect = collect
        self.table, self.provided = table, provided or {}
        self.joins: list[tuple[str, Pool, exp.Expression]] = []
        self.arrays: dict[int, str] = {}  # pool index -> alias of its one-row array source
        self._pools: dict[int, Pool] = {}
        self.sources: dict[str, tuple[str, exp.Expression]] = {}  # key -> (alias, one-row subquery)
        self.stages: dict[str, tuple[str, str, exp.Expression]] = {}  # key -> (alias, staging table, row expr)
        self.laterals: dict[str, tuple[str, exp.Expression]] = {}  # key -> (alias, subquery): last in FROM
        self.lookups: dict[str, tuple[str, exp.Expression, exp.Expression]] = {}  # key -> (alias, subquery, on)

    # -- resolving ----------------------------------------------------------------------------
    def resolve(self, e: exp.Expression) -> exp.Expression:
        """e (a tree the caller owns: changed in place) with its placeholders resolved, the
        innermost first (a lookup's key before the lookup), in the order they appear."""
        if isinstance(e, PLACEHOLDERS) or e.find(*PLACEHOLDERS) is not None:
            return self._res(e)
        return e

    def _res(self, node: exp.Expression) -> exp.Expression:
        if isinstance(node, PLACEHOLDERS):
            return self._placeholder(node)
        for k, v in list(node.args.items()):
            if isinstance(v, exp.Expression):
                new = self._res(v)
                if new is not v:
                    node.set(k, new)
            elif type(v) is list:
                out = [self._res(x) if isinstance(x, exp.Expression) else x for x in v]
                if any(a is not b for a, b in zip(out, v)):
                    node.set(k, out)
        return node

    def _placeholder(self, node: exp.Expression) -> exp.Expression:
        from .words import WORDS_REF, sentences_source, words_array_source

        if isinstance(node, Provided):
            cols = [c.name for c in node.args["columns"].expressions]
            if node.args["table"] == self.table and all(c in self.provided for c in cols):
                return self._res(node.args["given"])
            return self._res(node.this)
        if isinstance(node, Given):
            return self.provided[node.name].copy()
        if isinstance(node, PoolAt):
            key = self._res(node.this)
            return self._pool_at(node.args["pool"].obj, key, bool(node.args.get("inline")))
        if isinstance(node, WordsArray):
            if self.collect:
                self._named_source(WORDS_REF[0], words_array_source)
            return sqlx.col(WORDS_REF[1], WORDS_REF[0])
        if isinstance(node, SentenceAt):
            if not self.collect:
                return self._res(node.args["direct"])
            max_words = int(node.args["max_words"].name)
            alias = self._named_source(f"sqlsynth_sentences{max_words}", lambda: sentences_source(max_words))
            at = self._res(node.this)
            return exp.Cast(this=sqlx.subscript(sqlx.col("t", alias), at), to=exp.DataType.build("TEXT"))
        if isinstance(node, SourceCol):
            if not self.collect:
                raise RuntimeError("foreign keys into vocabulary tables need a statement context")
            key, src = node.args["key"], node.args["source"]
            if key not in self.sources:
                sub = src.copy()
                sub.args["alias"].set("this", exp.to_identifier(f"s{len(self.sources) + 1}", quoted=True))
                self.sources[key] = (sub.alias, sub)
            return sqlx.col(node.name, self.sources[key][0])
        if isinstance(node, StageCol):
            row, table = self._res(node.this), node.args["stage"]
            name = node.args["name"].name
            if not self.collect:
                sub = exp.select(sqlx.col(name)).from_(sqlx.table("pg_temp", str(table))).where(
                    exp.EQ(this=sqlx.col("i"), expression=row))
                return exp.Subquery(this=sub)
            key = f"py:{table}:{sqlx.render(row)}"
            if key not in self.stages:
                self.stages[key] = (f"py{len(self.stages) + 1}", str(table), row.copy())
            return sqlx.col(name, self.stages[key][0])
        if isinstance(node, LookupCol):
            if not self.collect:
                return self._res(node.args["scalar"].copy())
            keys = [self._res(k.copy()) for k in node.expressions]
            return sqlx.col("v", self._lookup_join(node.args["sub"], keys))
        if isinstance(node, LateralCol):
            if not self.collect:
                raise RuntimeError("CHECK candidates need a statement context")
            key = str(node.args["key"])
            if key not in self.laterals:
                sub = self._res(node.this.copy())  # first: the laterals it reads are then joined before it
                self.laterals[key] = (f"ck{len(self.laterals) + 1}", sub)
            return sqlx.col("k", self.laterals[key][0])
        raise TypeError(f"unknown placeholder {type(node).__name__}")  # (not reached)

    def _named_source(self, alias: str, build) -> str:
        """A one-row subquery under a fixed alias (the default vocabulary)."""
        if alias not in self.sources:
            self.sources[alias] = (alias, build())
        return alias

    def _lookup_join(self, sub: exp.Expression, keys: list[exp.Expression]) -> str:
        """Alias of a LEFT JOIN on an uncorrelated subquery (a path read in the destination, keyed_pools),
        joined before the pools (their keys may read it), on k0..kn = keys."""
        def on(alias: str) -> exp.Expression:
            cond = None
            for i, k in enumerate(keys):
                eq = exp.EQ(this=sqlx.col(f"k{i}", alias), expression=k.copy())
                cond = eq if cond is None else exp.And(this=cond, expression=eq)
            return cond
        key = sqlx.render(sub) + "|" + sqlx.render(on("x"))
        if key not in self.lookups:
            alias = f"lk{len(self.lookups) + 1}"
            self.lookups[key] = (alias, sub.copy(), on(alias))
        return self.lookups[key][0]

    def _pool_at(self, pool: Pool, key: exp.Expression, inline: bool) -> exp.Expression:
        if not self.collect or (inline and not pool.fits_name):  # a scalar subquery
            sub = exp.select(sqlx.col("v")).from_(pool.table()).where(exp.EQ(this=sqlx.col("k"), expression=key))
            return exp.Subquery(this=sub)
        if pool.fits_name:
            self._pools[pool.index] = pool
            alias = self.arrays.setdefault(pool.index, f"a{pool.index}")
            return exp.Cast(this=sqlx.subscript(sqlx.col("w", alias), key), to=exp.DataType.build("TEXT"))
        joins = self.joins
        sql = sqlx.render(key)
        for alias, p, k in joins:
            if p is pool and sqlx.render(k) == sql:
                return sqlx.col("v", alias)
        alias = f"p{len(joins) + 1}"
        joins.append((alias, pool, key))
        return sqlx.col("v", alias)

    def apply(self, select: exp.Select) -> exp.Select:
        left = next((e for e in select.expressions if e.find(*PLACEHOLDERS) is not None), None)
        if left is not None:  # a value's tree put in the SELECT without resolve(): it would render as a call
            raise RuntimeError(f"unresolved {type(left.find(*PLACEHOLDERS)).__name__} in a statement: "
                               "pass each value's tree through JoinCollector.resolve")
        for index, alias in self.arrays.items():
            pool = self._pools[index]
            agg = exp.select(fn_array_agg(pool)).from_(pool.table())
            src = exp.Subquery(this=agg, alias=exp.TableAlias(this=exp.to_identifier(alias, quoted=True),
                                                              columns=[exp.to_identifier("w", quoted=True)]))
            select = sqlx.join(select, src, kind="CROSS")
        for _alias, sub in self.sources.values():
            select = sqlx.join(select, sub, kind="CROSS")
        for alias, table_name, row in self.stages.values():
            on = exp.EQ(this=sqlx.col("i", alias), expression=row)
            tbl = sqlx.table("pg_temp", table_name)
            select = sqlx.join(select, exp.alias_(tbl, alias, quoted=True), side="LEFT", on=on)
        for alias, sub, on in self.lookups.values():
            select = sqlx.join(select, exp.Subquery(this=sub, alias=exp.TableAlias(this=exp.to_identifier(alias, quoted=True))),
                               side="LEFT", on=on)
        for alias, pool, key in self.joins:
            on = exp.EQ(this=sqlx.col("k", alias), expression=key)
            select = sqlx.join(select, exp.alias_(pool.table(), alias, quoted=True), side="LEFT", on=on)
        for alias, sub in self.laterals.values():
            select = sqlx.join(select, exp.Lateral(this=sub, alias=exp.TableAlias(this=exp.to_identifier(alias, quoted=True))),
                               kind="CROSS")
        return select


def resolve_alone(e: exp.Expression) -> exp.Expression:
    """e (changed in place) outside any statement: lookups as scalar subqueries."""
    return JoinCollector(collect=False).resolve(e)


def fn_array_agg(pool: Pool) -> exp.Expression:
    """array_agg(v::name ORDER BY k): fixed-width elements, so a subscript does not walk the array."""
    ordered = exp.Order(this=exp.Cast(this=sqlx.col("v"), to=sqlx.dtype("name")),
                        expressions=[exp.Ordered(this=sqlx.col("k"))])
    return exp.ArrayAgg(this=ordered)


def pool_handle(pool: Pool) -> Handle:
    return Handle(pool, f"pool {pool.index} {pool.table_name}")


def lookup(pool: Pool, index0: exp.Expression) -> exp.Expression:
    """pool value at a 0-based index expression (resolved by the statement: plan/placeholders.py)."""
    return PoolAt(this=add(lit(1), index0), pool=pool_handle(pool))
