"""Custom Python row generators: computed in Python in blocks, streamed to a staging table
with COPY, and joined by row number into the table's one INSERT ... SELECT."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from sqlglot import exp

from ..sql import sqlx
from ..sql.copytext import copy_field
from ..story.python import Env, SeededSource, UserCodeError, argument
from .placeholders import StageCol

BLOCK = 1000  # values are reseeded per block of rows: a function of (seed, table, generator, block)


@dataclass
class PyStage:
    """One custom generator of one table: rows 1..n computed by the user's function."""

    index: int
    table: str
    columns: list[str]
    func: Callable
    args: list
    kwargs: dict
    n_rows: int
    seed: int
    locale: str
    stats: dict
    modules: list[str]
    path: str = ""
    _source: SeededSource | None = field(default=None, repr=False)
    _blocks: dict = field(default_factory=dict, repr=False)

    @property
    def table_name(self) -> str:
        return f"sqlsynth_py_{self.index}"

    def source(self) -> SeededSource:
        if self._source is None:
            self._source = SeededSource(self.seed, self.table, "py:" + ",".join(self.columns), self.locale)
        return self._source

    def _bound_args(self) -> tuple[list, dict]:
        env = Env(generic=self.source().generic, stats=self.stats, modules=self.modules)
        return [argument(a, env) for a in self.args], {k: argument(v, env) for k, v in self.kwargs.items()}

    def check(self) -> None:
        """Bind the arguments now so bad ones are reported at compile time."""
        import inspect

        args, kwargs = self._bound_args()
        try:
            inspect.signature(self.func).bind(*args, **kwargs)
        except TypeError as e:
            raise UserCodeError(f"wrong arguments for {self.func.__module__}.{self.func.__name__}: {e}") from None

    def values_at(self, row: int) -> tuple:
        """The values of one row (story rows beyond the generated ones): the same values copy_chunks
        gives that row, computed a block at a time (reseeding Mimesis per row cost more than the
        user's function). Python's `random` is saved and restored around it, so the stories' own
        draws do not depend on when a block is computed."""
        b = (row - 1) // BLOCK
        block = self._blocks.get(b)
        if block is None:
            state = random.getstate()
            try:
                src = self.source()
                src.reseed(b)
                args, kwargs = self._bound_args()
                block = [self._as_tuple(self.func(*args, **kwargs)) for _ in range(BLOCK)]
            finally:
                random.setstate(state)
            self._blocks = {b: block}  # rows come in increasing order: one block is enough
        return block[(row - 1) % BLOCK]

    def _as_tuple(self, out: Any) -> tuple:
        if len(self.columns) == 1:
            return (out,)
        if not isinstance(out, (tuple, list)) or len(out) != len(self.columns):
            raise UserCodeError(f"{self.func.__name__} must return {len(self.columns)} values "
                                f"for {', '.join(self.columns)}, got {out!r}")
        return tuple(out)

    def copy_chunks(self, lo: int = 1, hi: int | None = None) -> Iterator[str]:
        """COPY text of rows lo..hi in chunks; deterministic per block of BLOCK rows."""
        hi = self.n_rows if hi is None else hi
        src = self.source()
        args, kwargs = self._bound_args()
        buf: list[str] = []
        block = None
        row = lo
        # start at the beginning of lo's block so values do not depend on where a chunk starts
        start = ((lo - 1) // BLOCK) * BLOCK + 1
        for r in range(start, hi + 1):
            b = (r - 1) // BLOCK
            if b != block:
                block = b
                src.reseed(b)
                args, kwargs = self._bound_args()
            vals = self._as_tuple(self.func(*args, **kwargs))
            if r < lo:
                continue
            buf.append("\t".join([str(r)] + [copy_field(v) for v in vals]))
            row = r
            if len(buf) >= 5000:
                yield "\n".join(buf) + "\n"
                buf = []
        if buf:
            yield "\n".join(buf) + "\n"
        del row

    def create_sql(self) -> str:
        cols = ", ".join(f"{sqlx.q(f'c{i}')} text" for i in range(len(self.columns)))
        return f"CREATE TEMP TABLE {sqlx.q(self.table_name)} (i bigint PRIMARY KEY, {cols}) ON COMMIT DROP"

    def copy_sql(self) -> str:
        cols = ", ".join(sqlx.q(f"c{i}") for i in range(len(self.columns)))
        return f"COPY {sqlx.qtable('pg_temp', self.table_name)} (i, {cols}) FROM STDIN"

    def value(self, i: int, cast_to: str | None) -> Callable[[exp.Expression], exp.Expression]:
        """Column i of this stage at a row: a join on the staging table's row number."""
        def f(row: exp.Expression) -> exp.Expression:
            e: exp.Expression = StageCol(this=row.copy(), stage=self.table_name, name=exp.to_identifier(f"c{i}"))
            return sqlx.cast(e, cast_to) if cast_to else e
        return f
