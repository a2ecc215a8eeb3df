"""Consistency rules of a table (``tables.<t>.rules``): their config shape, read and checked.

Four kinds, one per entry:

    rules:
      - order: [create_date, last_update]      # last_update = create_date + gap (never before it)
        gap: auto                              # fitted by make-stats; or {min, max} / {quantiles: [...]}
      - follows: {column: payment_date, foreign_key: payment_rental_id_fkey, parent_column: rental_date}
        lag: auto                              # payment_date = the rental's rental_date + lag
      - same_parent: {foreign_key: payment_customer_id_fkey,
                      through: [payment_rental_id_fkey, rental_customer_id_fkey]}
      - round_trip: [store_manager_staff_id_fkey, staff_store_id_fkey]   # a store's manager works there

Every entry may carry ``agreement`` (the share of source rows where the rule holds, written by
generate-config; informational). Gaps and lags are in the columns' units: seconds for dates and
timestamps (or strings such as ``3 days``, ``12 hours``), the column's own unit for numbers.

This module only reads the shape (errors located at the entry's config path); plan/rules.py
resolves the names against orm.yaml and compiles the rules, stats/rules.py measures them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import suggest
from ..schema.types import TypeInfo

KINDS = ("order", "follows", "same_parent", "round_trip")
EXTRA_KEYS = {"order": {"gap"}, "follows": {"lag"}, "same_parent": set(), "round_trip": set()}
COMMON_KEYS = {"agreement"}
QUANTILE_GRID = [i / 20 for i in range(21)]  # the fitted gap: its 0, 5, ..., 100 % quantiles

# families of orderable kinds: a rule compares columns of one family
_FAMILY = {"int": "number", "numeric": "number", "float": "number",
           "date": "time", "timestamp": "time", "timestamptz": "time"}
_RANGE_POINT = {"int4range": "int", "int8range": "int", "numrange": "numeric", "tsrange": "timestamp",
                "tstzrange": "timestamptz", "daterange": "date"}


@dataclass
class Spread:
    """A non-negative gap or lag: fitted (auto), uniform between low and high, or quantiles."""

    kind: str  # auto | uniform | quantiles
    low: float = 0.0
    high: float = 0.0
    quantiles: list[float] = field(default_factory=list)
    path: str = ""


@dataclass
class Rule:
    kind: str  # order | follows | same_parent | round_trip
    path: str
    table: str
    columns: list[str] = field(default_factory=list)  # order: [earlier, later]; follows: [column]
    foreign_key: Any = None  # follows: the key to the parent; same_parent: the key derived
    parent_column: str | None = None  # follows
    through: list = field(default_factory=list)  # same_parent: the path; round_trip: [there, back]
    spread: Spread | None = None  # order: gap; follows: lag
    agreement: float | None = None

    def describe(self) -> str:
        if self.kind == "order":
            return f"{self.table}: {self.columns[0]} <= {self.columns[1]}"
        if self.kind == "follows":
            return (f"{self.table}.{self.columns[0]} >= {self.parent_column} of its parent row via "
                    f"{fk_label(self.foreign_key)}")
        if self.kind == "same_parent":
            return (f"{self.table}: {fk_label(self.foreign_key)} = "
                    f"{' -> '.join(fk_label(x) for x in self.through)}")
        return f"{self.table}: {' -> '.join(fk_label(x) for x in self.through)} leads back to the same row"


def fk_label(ref: Any) -> str:
    return ref if isinstance(ref, str) else "(" + ", ".join(map(str, ref)) + ")"


def fk_matches(fk, ref: Any) -> bool:
    """A foreign key named by its constraint name or its list of columns."""
    return fk.name == ref or (isinstance(ref, list) and fk.columns == ref)


def point_kind(ti: TypeInfo) -> str | None:
    """The orderable kind of a column (a range stands for its lower bound), or None."""
    if ti.array_dims:
        return None
    if ti.kind == "range":
        base = ti.base_sql.split("(")[0].strip().lower()
        return _RANGE_POINT.get(base)
    return ti.kind if ti.kind in _FAMILY else None


def family(kind: str | None) -> str | None:
    return _FAMILY.get(kind or "")


def stat_name(rule: Rule) -> str:
    """Name of the rule's measurement in src-stats.yaml."""
    if rule.kind == "order":
        tail = f"{rule.columns[0]}__{rule.columns[1]}"
    elif rule.kind == "follows":
        tail = f"{rule.columns[0]}__{fk_label(rule.foreign_key)}__{rule.parent_column}"
    elif rule.kind == "same_parent":
        tail = fk_label(rule.foreign_key)
    else:
        tail = "__".join(fk_label(x) for x in rule.through)
    return f"auto__rule__{rule.table}__{rule.kind}__{tail}"


# ---- reading ---------------------------------------------------------------------------------

_UNITS = {"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "min": 60, "mins": 60, "minute": 60,
          "minutes": 60, "h": 3600, "hour": 3600, "hours": 3600, "d": 86400, "day": 86400, "days": 86400,
          "week": 604800, "weeks": 604800}
_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*", re.I)
_CLOCK = re.compile(r"\s*(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)\s*$")


def amount(v: Any) -> float | None:
    """A number, or a duration such as '3 days', '1 day 6 hours' or '2 days 04:30:00' (in seconds);
    None if neither."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str) and v.strip():
        pos, total = 0, 0.0
        s = v.strip()
        while pos < len(s):
            clock = _CLOCK.match(s, pos)
            if clock:
                h, m, sec = clock.groups()
                return total + int(h) * 3600 + int(m) * 60 + float(sec)
            m = _DURATION.match(s, pos)
            if not m or m.group(2).lower() not in _UNITS:
                return None
            total += float(m.group(1)) * _UNITS[m.group(2).lower()]
            pos = m.end()
        return total
    return None


def duration(seconds: float) -> str:
    """Seconds as a duration amount() reads back: '02:30:00', '3 days 00:00:00' (whole seconds)."""
    s = int(round(seconds))
    days, rest = divmod(s, 86400)
    clock = f"{rest // 3600:02d}:{rest // 60 % 60:02d}:{rest % 60:02d}"
    return f"{days} day{'' if days == 1 else 's'} {clock}" if days else clock


def _spread(v: Any, path: str, problem) -> Spread | None:
    if v is None or v == "auto":
        return Spread("auto", path=path)
    if not isinstance(v, dict):
        problem(path, f"must be `auto`, {{min, max}} or {{quantiles: [...]}}, got {v!r}")
        return None
    unknown = set(v) - {"min", "max", "quantiles"}
    if unknown:
        problem(f"{path}.{sorted(unknown)[0]}", "unknown key (use min and max, or quantiles)")
        return None
    if "quantiles" in v:
        if set(v) != {"quantiles"}:
            problem(path, "give quantiles, or min and max, not both")
            return None
        qs = v["quantiles"]
        vals = [amount(x) for x in qs] if isinstance(qs, list) else None
        if not vals or any(x is None for x in vals):
            problem(f"{path}.quantiles", "must be a list of numbers (or durations such as '2 hours')")
            return None
        if any(x < 0 for x in vals) or any(b < a for a, b in zip(vals, vals[1:])):
            problem(f"{path}.quantiles", "must be >= 0 and non-decreasing")
            return None
        return Spread("quantiles", quantiles=vals, path=path)
    lo, hi = amount(v.get("min", 0)), amount(v.get("max"))
    if lo is None or hi is None:
        problem(path, "min and max must be numbers or durations such as '3 days' (max is required)")
        return None
    if lo < 0 or hi < lo:
        problem(path, "needs 0 <= min <= max (a gap never goes backwards)")
        return None
    return Spread("uniform", low=lo, high=hi, path=path)


def _fk_ref(v: Any) -> bool:
    return (isinstance(v, str) and bool(v)) or (isinstance(v, list) and bool(v) and all(isinstance(c, str) for c in v))


def read_rules(table: str, tpath: str, raw: Any, problem) -> list[Rule]:
    """The rules of one table from its raw `rules` value; problem(path, message) for each mistake."""
    if raw is None:
        return []
    path = f"{tpath}.rules"
    if not isinstance(raw, list):
        problem(path, "must be a list of rules (order, follows, same_parent, round_trip)")
        return []
    out: list[Rule] = []
    for i, e in enumerate(raw):
        p = f"{path}[{i}]"
        if not isinstance(e, dict):
            problem(p, "must be a mapping with one of: " + ", ".join(KINDS))
            continue
        kinds = [k for k in KINDS if k in e]
        if len(kinds) != 1:
            problem(p, "needs exactly one of: " + ", ".join(KINDS) + (f" (found {', '.join(kinds)})" if kinds else ""))
            continue
        kind = kinds[0]
        allowed = {kind} | EXTRA_KEYS[kind] | COMMON_KEYS
        bad = [k for k in e if k not in allowed]
        if bad:
            problem(f"{p}.{bad[0]}", f"unknown key in this {kind} rule{suggest(str(bad[0]), allowed)}")
            continue
        agreement = e.get("agreement")
        if agreement is not None and (isinstance(agreement, bool) or not isinstance(agreement, (int, float))
                                      or not 0 <= agreement <= 1):
            problem(f"{p}.agreement", "must be a number between 0 and 1 (the share measured on the source)")
            continue
        rule = Rule(kind=kind, path=p, table=table, agreement=agreement)
        v = e[kind]
        kp = f"{p}.{kind}"
        if kind == "order":
            if not (isinstance(v, list) and len(v) == 2 and all(isinstance(c, str) and c for c in v) and v[0] != v[1]):
                problem(kp, "must list two different columns: [earlier, later]")
                continue
            rule.columns = list(v)
            rule.spread = _spread(e.get("gap"), f"{p}.gap", problem)
            if rule.spread is None:
                continue
        elif kind == "follows":
            if not isinstance(v, dict) or set(v) != {"column", "foreign_key", "parent_column"}:
                problem(kp, "must be {column, foreign_key, parent_column}")
                continue
            if not (isinstance(v["column"], str) and isinstance(v["parent_column"], str) and _fk_ref(v["foreign_key"])):
                problem(kp, "column and parent_column are column names; foreign_key a constraint name or a list of columns")
                continue
            rule.columns, rule.foreign_key, rule.parent_column = [v["column"]], v["foreign_key"], v["parent_column"]
            rule.spread = _spread(e.get("lag"), f"{p}.lag", problem)
            if rule.spread is None:
                continue
        elif kind == "same_parent":
            if not isinstance(v, dict) or set(v) != {"foreign_key", "through"}:
                problem(kp, "must be {foreign_key, through: [first key, ..., last key]}")
                continue
            through = v["through"]
            if not _fk_ref(v["foreign_key"]) or not isinstance(through, list) or len(through) < 2 \
                    or not all(_fk_ref(x) for x in through):
                problem(kp, "foreign_key names a key; through lists two or more keys, each a name or a list of columns")
                continue
            rule.foreign_key, rule.through = v["foreign_key"], list(through)
        else:
            if not isinstance(v, list) or len(v) != 2 or not all(_fk_ref(x) for x in v):
                problem(kp, "must list two foreign keys: [this table's key to the other, the other's key back]")
                continue
            rule.through = list(v)
        out.append(rule)
    return out
