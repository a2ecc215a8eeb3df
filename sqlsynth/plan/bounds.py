"""Bounds: what the CHECK constraints allow for one column, as checks.py reads them.

default_value (values.py) honours every fact here for the column kinds that checks.airtight()
names; lists of literals are filtered with admits() so that every listed value passes the
column's other facts too.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from ..schema.model import Column
from ..schema.types import TypeInfo


@dataclass
class Bounds:
    """What the CHECK constraints allow for one column (see checks.py)."""

    lo: object = None  # a number, or a date/datetime
    hi: object = None
    lo_strict: bool = False
    hi_strict: bool = False
    choices: list = field(default_factory=list)  # from `col IN (...)`
    excluded: list = field(default_factory=list)  # from `col <> literal`
    min_len: int = 0
    max_len: int | None = None
    regex: str | None = None  # a PostgreSQL regular expression the value must match
    regex_icase: bool = False
    _no_choice: bool = False  # two lists with nothing in common

    def add_lo(self, v: object, strict: bool) -> bool:
        if v is None or isinstance(v, bool) or not isinstance(v, (int, float, dt.date)):
            return False
        if _tighter(v, strict, self.lo, 1):
            self.lo, self.lo_strict = v, strict
        return True

    def add_hi(self, v: object, strict: bool) -> bool:
        if v is None or isinstance(v, bool) or not isinstance(v, (int, float, dt.date)):
            return False
        if _tighter(v, strict, self.hi, -1):
            self.hi, self.hi_strict = v, strict
        return True

    def add_choices(self, values: list) -> None:
        if self.choices or self._no_choice:
            values = [v for v in self.choices if v in values]
            self._no_choice = not values
        self.choices = list(dict.fromkeys(values))

    def add_length(self, op: str, n: int) -> bool:
        lo = {"GT": n + 1, "GTE": n, "EQ": n}.get(op)
        hi = {"LT": n - 1, "LTE": n, "EQ": n}.get(op)
        if lo is None and hi is None:
            return False
        if lo is not None:
            self.min_len = max(self.min_len, lo)
        if hi is not None:
            self.max_len = hi if self.max_len is None else min(self.max_len, hi)
        return True

    def admits(self, v: object) -> bool:
        """Whether one literal value passes every fact (lists are filtered with this)."""
        if v in self.excluded:
            return False
        try:
            if self.lo is not None and (v < self.lo or (self.lo_strict and v == self.lo)):  # type: ignore[operator]
                return False
            if self.hi is not None and (v > self.hi or (self.hi_strict and v == self.hi)):  # type: ignore[operator]
                return False
        except TypeError:
            return False
        if isinstance(v, str):
            if len(v) < self.min_len or (self.max_len is not None and len(v) > self.max_len):
                return False
            if self.regex is not None:
                import re

                from .regex_pool import RegexError, translate
                try:
                    if re.search(translate(self.regex), v, re.IGNORECASE if self.regex_icase else 0) is None:
                        return False
                except (RegexError, re.error):
                    return False
        elif self.min_len or self.max_len is not None or self.regex is not None:
            return False
        return True

    def admissible_choices(self) -> list:
        return [v for v in self.choices if self.admits(v)]

    def consistent(self) -> bool:
        return not self._no_choice and (self.max_len is None or self.max_len >= self.min_len)

    def number(self, v: object) -> float | None:
        return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None  # type: ignore[return-value]

    def int_range(self, default: tuple[int, int], type_bounds: tuple[int, int]) -> tuple[int, int]:
        blo, bhi = self.number(self.lo), self.number(self.hi)
        lo = default[0] if blo is None else (math.floor(blo) + 1 if self.lo_strict else math.ceil(blo))
        hi = default[1] if bhi is None else (math.ceil(bhi) - 1 if self.hi_strict else math.floor(bhi))
        if blo is not None and bhi is None:
            hi = max(hi, lo + (default[1] - default[0]))
        if bhi is not None and blo is None:
            lo = min(lo, hi - (default[1] - default[0]))
        return max(lo, type_bounds[0]), min(hi, type_bounds[1])


def _tighter(v: object, strict: bool, old: object, sign: int) -> bool:
    """Whether bound v (strict or not) is tighter than old (a lower bound: sign 1, upper: -1)."""
    if old is None:
        return True
    try:
        if v == old:
            return strict
        return bool(v > old) if sign > 0 else bool(v < old)  # type: ignore[operator]
    except TypeError:  # a date bound after a number one (no column has both): the last one wins
        return True


_NUM_DEFAULT = re.compile(r"^\(?'?(-?\d+(?:\.\d+)?)'?\)?(?:::[a-z ]+(?:\(\d+(?:,\s*\d+)?\))?)?$")


def around_default(b, c: Column, ti: TypeInfo) -> None:
    """A numeric column with a literal DEFAULT (film.rental_rate DEFAULT 4.99) gets values near it."""
    if c.default is None or ti.kind not in ("int", "numeric", "float") or b.lo is not None or b.hi is not None or b.choices:
        return
    m = _NUM_DEFAULT.match(c.default.strip())
    if not m:
        return
    d = float(m.group(1))
    if d > 0:
        b.lo, b.hi = (max(1, math.ceil(d / 3)), math.floor(d * 3)) if ti.kind == "int" else (round(d / 3, 2), round(d * 3, 2))
