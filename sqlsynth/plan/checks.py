"""What the CHECK constraints say about single columns, read so default values respect them.

CHECK texts are stored as ``pg_get_constraintdef`` prints them and read with sqlglot. Understood,
per column (``col`` may be wrapped in casts, and for lists in ``upper``/``lower``/``btrim``):

- ranges: ``col <op> literal`` (either side), ``BETWEEN``; literals folded through casts, so
  PostgreSQL's ``'-40'::integer`` is -40 and ``'2000-01-01'::date`` a date;
- value lists: ``col IN (...)``, ``col = ANY (ARRAY[...])``, ``col = 1 OR col = 2``, under
  ``upper()``/``lower()``/``btrim()`` (only the listed values that the function keeps as they are);
- exclusions: ``col <> literal`` (``col <> ''`` is a minimum length of 1);
- lengths: ``length(col)``, ``char_length(col)``, ``octet_length(col)`` (also of ``btrim(col)``)
  compared with a literal;
- patterns: ``col ~ 'regex'``, ``col ~* 'regex'``, ``col LIKE 'pattern'``;
- ``col IS NULL OR ...`` (a NULL passes a CHECK anyway) and ``col IS NOT NULL``.

``check_facts`` says whether a whole CHECK was understood; ``bounds_for`` merges what every
CHECK of a column (and of its domain, naming ``VALUE``) says. Checks over several columns are
planned in checks_cross.py; what neither understands is left to the SQL fallback (checks_fallback.py).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import sqlglot
from sqlglot import exp

from ..schema.model import Check
from .values import Bounds

_NUM_TYPES = {exp.DataType.Type.INT, exp.DataType.Type.BIGINT, exp.DataType.Type.SMALLINT, exp.DataType.Type.TINYINT,
              exp.DataType.Type.DECIMAL, exp.DataType.Type.DOUBLE, exp.DataType.Type.FLOAT}
_TEXT_TYPES = {exp.DataType.Type.TEXT, exp.DataType.Type.VARCHAR, exp.DataType.Type.CHAR, exp.DataType.Type.NCHAR,
               exp.DataType.Type.NVARCHAR, exp.DataType.Type.BPCHAR, exp.DataType.Type.NAME}
_DATE_TYPES = {exp.DataType.Type.DATE}
_TS_TYPES = {exp.DataType.Type.TIMESTAMP, exp.DataType.Type.TIMESTAMPTZ, exp.DataType.Type.TIMESTAMPLTZ}
NO = object()  # "not a literal"
# now(), CURRENT_DATE ... in a CHECK: an upper bound relative to the clock only grows, so it is read
# as this fixed instant in the past (same data whatever day it runs); a lower one is not read.
NOW_REFERENCE = dt.datetime(2024, 1, 1)
_NOW_FUNCS = {"now", "transaction_timestamp", "statement_timestamp", "clock_timestamp"}
_INTERVAL = re.compile(r"^\s*(?:(?P<n>[-+]?\d+)\s*(?P<unit>years?|mons?|months?|days?|hours?|mins?|minutes?|secs?|seconds?)\s*)+$")
_PART = re.compile(r"([-+]?\d+)\s*([a-z]+)")


class NowRelative:
    """now() plus an offset, in a CHECK bound."""

    def __init__(self, months: int = 0, seconds: float = 0.0):
        self.months, self.seconds = months, seconds

    def shifted(self, sign: int, months: int, seconds: float) -> "NowRelative":
        return NowRelative(self.months + sign * months, self.seconds + sign * seconds)

    def at_reference(self) -> dt.datetime:
        y, m = divmod(NOW_REFERENCE.year * 12 + NOW_REFERENCE.month - 1 + self.months, 12)
        return NOW_REFERENCE.replace(year=y, month=m + 1) + dt.timedelta(seconds=self.seconds)


def _interval(text: str) -> tuple[int, float] | None:
    if not _INTERVAL.match(text.lower()):
        return None
    months, seconds = 0, 0.0
    for n, unit in _PART.findall(text.lower()):
        k = int(n)
        if unit.startswith("y"):
            months += 12 * k
        elif unit.startswith("mon"):
            months += k
        else:
            seconds += k * {"d": 86400, "h": 3600, "m": 60, "s": 1}[unit[0]]
    return months, seconds


def _now_relative(e: exp.Expression) -> NowRelative | None:
    e = strip(e)
    while isinstance(e, exp.Cast) and isinstance(e.args.get("to"), exp.DataType) and \
            e.args["to"].this in _DATE_TYPES | _TS_TYPES:
        e = strip(e.this)
    if isinstance(e, (exp.CurrentTimestamp, exp.CurrentDate, exp.Localtimestamp)) or (
            isinstance(e, exp.Anonymous) and str(e.this).lower() in _NOW_FUNCS and not e.expressions):
        return NowRelative()
    if isinstance(e, (exp.Add, exp.Sub)):
        base = _now_relative(e.this)
        if base is None:
            return None
        sign = 1 if isinstance(e, exp.Add) else -1
        off = strip(e.expression)
        v = literal(off)
        if isinstance(v, int) and not isinstance(v, bool):  # date +- days
            return base.shifted(sign, 0, 86400.0 * v)
        if isinstance(off, (exp.Cast, exp.Interval)) and isinstance(v, str):
            iv = _interval(v if isinstance(off, exp.Cast) else f"{v} {off.args.get('unit') or ''}")
            if iv is not None:
                return base.shifted(sign, *iv)
    return None


@lru_cache(maxsize=4096)
def _parse(text: str) -> exp.Expression | None:
    try:
        return sqlglot.parse_one(text, dialect="postgres")
    except Exception:  # noqa: BLE001 - an unreadable CHECK is left to the database
        return None


def parse_check(text: str) -> exp.Expression | None:
    """The CHECK expression as a sqlglot tree (a fresh copy), or None if sqlglot cannot read it."""
    tree = _parse(text)
    return tree.copy() if tree is not None else None


def strip(e: exp.Expression) -> exp.Expression:
    while isinstance(e, exp.Paren):
        e = e.this
    return e


def literal(e: exp.Expression):
    """The Python value of a literal (through casts and parentheses), or NO."""
    e = strip(e)
    if isinstance(e, exp.Cast):
        v = literal(e.this)
        to = e.args.get("to")
        kind = to.this if isinstance(to, exp.DataType) else None
        if v is NO or v is None:
            return v
        try:
            if kind in _NUM_TYPES and isinstance(v, str):
                return float(v) if any(ch in v for ch in ".eE") else int(v)
            if kind in _DATE_TYPES and isinstance(v, str):
                return dt.date.fromisoformat(v.strip())
            if kind in _TS_TYPES and isinstance(v, str):
                return dt.datetime.fromisoformat(v.strip())
        except ValueError:
            return NO
        return v
    if isinstance(e, exp.Neg):
        v = literal(e.this)
        return -v if isinstance(v, (int, float)) and not isinstance(v, bool) else NO
    if isinstance(e, exp.Null):
        return None
    if isinstance(e, exp.Boolean):
        return bool(e.this)
    if isinstance(e, exp.Literal):
        if e.is_string:
            return e.this
        try:
            return int(e.this)
        except ValueError:
            return float(e.this)
    return NO


def column_under(e: exp.Expression, name: str) -> tuple[str, ...] | None:
    """The functions applied to column `name` in e (outermost first), or None if e is not that.

    Casts to text types are transparent; upper/lower/btrim/ltrim/rtrim are listed."""
    chain: list[str] = []
    while True:
        e = strip(e)
        if isinstance(e, exp.Cast):
            to = e.args.get("to")
            if isinstance(e.this, exp.Column) or (isinstance(to, exp.DataType) and to.this in _TEXT_TYPES) \
                    or isinstance(strip(e.this), exp.Column):
                e = e.this
                continue
            return None
        if isinstance(e, exp.Upper):
            chain.append("upper")
        elif isinstance(e, exp.Lower):
            chain.append("lower")
        elif isinstance(e, exp.Trim) and e.args.get("expression") is None:
            pos = (e.args.get("position") or "").upper()
            chain.append({"LEADING": "ltrim", "TRAILING": "rtrim"}.get(pos, "trim"))
        elif isinstance(e, exp.Anonymous) and str(e.this).lower() in ("btrim", "ltrim", "rtrim") and len(e.expressions) == 1:
            chain.append({"btrim": "trim"}.get(str(e.this).lower(), str(e.this).lower()))
            e = e.expressions[0]
            continue
        elif isinstance(e, exp.Column):
            return tuple(chain) if e.name == name and not e.table else None
        else:
            return None
        e = e.this


_PY = {"upper": str.upper, "lower": str.lower, "trim": str.strip, "ltrim": str.lstrip, "rtrim": str.rstrip}


def _fixed_points(values: list, chain: tuple[str, ...]) -> list:
    """The values v with f(v) == v for the function chain (they pass f(col) = v as col = v)."""
    out = []
    for v in values:
        w = v
        if isinstance(v, str):
            for f in reversed(chain):
                w = _PY[f](w)
        elif chain:
            continue
        if w == v:
            out.append(v)
    return out


def _list_values(node: exp.Expression, name: str) -> tuple[tuple[str, ...], list] | None:
    """(chain, values) for `f(col) IN (...)`, `f(col) = ANY (ARRAY[...])` and `f(col) = literal`."""
    node = strip(node)
    if isinstance(node, exp.In):
        chain = column_under(node.this, name)
        vals = [literal(v) for v in node.expressions]
    elif isinstance(node, exp.EQ):
        left, right = node.this, node.expression
        if column_under(left, name) is None:
            left, right = right, left
        chain = column_under(left, name)
        right = strip(right)
        if isinstance(right, exp.Any):
            arr = strip(right.this)
            while isinstance(arr, exp.Cast):
                arr = strip(arr.this)
            if not isinstance(arr, exp.Array):
                return None
            vals = [literal(v) for v in arr.expressions]
        else:
            vals = [literal(right)]
    else:
        return None
    if chain is None or not vals or any(v is NO or v is None for v in vals):
        return None
    return chain, vals


_LEN_FUNCS = {"length", "char_length", "character_length", "octet_length", "len"}


def _length_of(e: exp.Expression, name: str) -> bool:
    e = strip(e)
    inner = None
    if isinstance(e, exp.Length):
        inner = e.this
    elif isinstance(e, exp.Anonymous) and str(e.this).lower() in _LEN_FUNCS and len(e.expressions) == 1:
        inner = e.expressions[0]
    if inner is None:
        return False
    chain = column_under(inner, name)
    return chain is not None and set(chain) <= {"trim", "ltrim", "rtrim"}


_FLIP = {exp.GT: exp.LT, exp.GTE: exp.LTE, exp.LT: exp.GT, exp.LTE: exp.GTE, exp.EQ: exp.EQ, exp.NEQ: exp.NEQ}


def _is_null_test(node: exp.Expression, name: str, negated: bool = False) -> bool:
    """node is `name IS NULL` (negated: `name IS NOT NULL`, either spelling)."""
    node = strip(node)
    if isinstance(node, exp.Not):
        node, negated = strip(node.this), not negated
    return isinstance(node, exp.Is) and isinstance(node.expression, exp.Null) \
        and bool(node.args.get("negate")) == negated and column_under(node.this, name) == ()


def _apply(b: Bounds, node: exp.Expression, name: str) -> bool:
    """Add what node says about column `name` to b; True if the whole node was understood."""
    node = strip(node)
    if isinstance(node, exp.And):
        left = _apply(b, node.this, name)
        return _apply(b, node.expression, name) and left
    if isinstance(node, exp.Or):
        parts = _disjuncts(node)
        rest = [p for p in parts if not _is_null_test(p, name)]
        if len(rest) == 1:  # col IS NULL OR x: NULL passes a CHECK anyway
            return _apply(b, rest[0], name)
        lists = [_list_values(p, name) for p in rest]
        if rest and all(lv is not None for lv in lists):
            vals = [v for chain, vs in lists for v in _fixed_points(vs, chain)]  # type: ignore[misc]
            b.add_choices(vals)
            return bool(vals)
        return False
    if _is_null_test(node, name, negated=True):
        return True  # col IS NOT NULL: a default value is never NULL
    if isinstance(node, exp.Between) and column_under(node.this, name) == ():
        lo, hi = literal(node.args["low"]), literal(node.args["high"])
        ok = b.add_lo(lo, False) & b.add_hi(hi, False)
        return ok
    lv = _list_values(node, name)
    if lv is not None:
        chain, vals = lv
        kept = _fixed_points(vals, chain)
        b.add_choices(kept)
        return bool(kept)
    if isinstance(node, (exp.RegexpLike, exp.RegexpILike, exp.Like)) and column_under(node.this, name) is not None:
        pat = literal(node.expression)
        chain = column_under(node.this, name)
        if not isinstance(pat, str) or chain or b.regex is not None or node.args.get("escape") is not None:
            return False
        from .regex_pool import like_to_regex

        b.regex = like_to_regex(pat) if isinstance(node, exp.Like) else pat
        b.regex_icase = isinstance(node, exp.RegexpILike)
        return True
    kind = type(node)
    if kind not in _FLIP:
        return False
    left, right = node.this, node.expression
    if _length_of(right, name) and not _length_of(left, name):
        left, right, kind = right, left, _FLIP[kind]
    if _length_of(left, name):
        v = literal(right)
        if not isinstance(v, int) or isinstance(v, bool):
            return False
        return b.add_length(kind.__name__, v)
    chain_l, chain_r = column_under(left, name), column_under(right, name)
    if chain_l is None and chain_r is not None:
        left, right, kind, chain_l = right, left, _FLIP[kind], chain_r
    if chain_l is None:
        return False
    v = literal(right)
    if v is NO:
        v = _now_relative(right)
        if v is None or kind not in (exp.LT, exp.LTE, exp.GT, exp.GTE):
            return False
        if kind in (exp.LT, exp.LTE):
            return b.add_hi(v.at_reference(), kind is exp.LT)
    if v is None:
        return False
    if kind is exp.NEQ:
        if chain_l and not (v == "" and set(chain_l) <= {"trim", "ltrim", "rtrim"}):
            return False
        if v == "":
            return b.add_length("GTE", 1)
        b.excluded.append(v)
        return True
    if chain_l:
        return False
    if kind in (exp.GT, exp.GTE):
        return b.add_lo(v, kind is exp.GT) if not isinstance(v, NowRelative) else False
    if kind in (exp.LT, exp.LTE):
        return b.add_hi(v, kind is exp.LT)
    return False


def _disjuncts(node: exp.Expression) -> list[exp.Expression]:
    node = strip(node)
    if isinstance(node, exp.Or):
        return _disjuncts(node.this) + _disjuncts(node.expression)
    return [node]


def conjuncts(node: exp.Expression) -> list[exp.Expression]:
    node = strip(node)
    if isinstance(node, exp.And):
        return conjuncts(node.this) + conjuncts(node.expression)
    return [node]


def split_checks(checks) -> list[Check]:
    """The CHECKs with each top-level AND split into one CHECK per conjunct (same name): CHECK (a AND
    b) holds exactly when CHECK (a) and CHECK (b) both do, NULLs included, and a conjunct that names
    one column (``x IS NULL OR x ~ '...'`` beside ``(x IS NULL) = (y IS NULL)``) is then planned as a
    single-column CHECK."""
    out: list[Check] = []
    for ck in checks:
        out.extend(_split(ck.name, ck.expression))
    return out


@lru_cache(maxsize=4096)
def _split(name: str, expression: str) -> tuple[Check, ...]:
    tree = _parse(expression)
    parts = conjuncts(tree) if tree is not None else []
    if len(parts) < 2:
        return (Check(name, expression),)
    return tuple(Check(name, p.sql(dialect="postgres")) for p in parts)


def columns_of(tree: exp.Expression) -> set[str]:
    return {c.name for c in tree.find_all(exp.Column) if not c.table}


def _named(check: Check, name: str) -> exp.Expression | None:
    """The CHECK's tree if it names only column `name` (domain checks: VALUE, in any case)."""
    tree = parse_check(check.expression)
    if tree is None:
        return None
    cols = columns_of(tree)
    if name == "VALUE":
        if not cols or {c.lower() for c in cols} != {"value"}:
            return None
        for c in tree.find_all(exp.Column):
            c.set("this", exp.to_identifier("VALUE"))
        return tree
    return tree if cols == {name} else None


def check_facts(check: Check, name: str) -> tuple[Bounds, bool] | None:
    """(facts about column `name`, whether the whole CHECK was understood), or None when the
    CHECK names other columns than `name` alone."""
    tree = _named(check, name)
    if tree is None:
        return None
    b = Bounds()
    ok = _apply(b, tree, name)
    return b, ok and b.consistent()


def bounds_for(column: str, checks: list[Check], domain_checks: list[Check] = ()) -> Bounds:
    """Bounds on one column from the table's CHECKs (naming it) and its domain's (naming VALUE)."""
    b = Bounds()
    for ck, name in [(c, column) for c in split_checks(checks)] + [(c, "VALUE") for c in split_checks(domain_checks)]:
        tree = _named(ck, name)
        if tree is not None:
            _apply(b, tree, name)
    return b


def airtight(kind: str, b: Bounds) -> bool:
    """Whether default_value for a column of this kind honours every fact in b."""
    numbers = kind in ("int", "numeric", "float", "int_oid")
    if b.lo is not None or b.hi is not None:
        if numbers:
            if not all(isinstance(v, (int, float)) for v in (b.lo, b.hi) if v is not None):
                return False
        elif kind in ("date", "timestamp", "timestamptz"):
            if not all(isinstance(v, dt.date) for v in (b.lo, b.hi) if v is not None):
                return False
        else:
            return False
    if b.excluded and not (kind in ("int", "int_oid", "enum") or b.choices):
        return False
    if (b.min_len or b.max_len is not None or b.regex is not None) and kind != "text":
        return False
    if b.choices and not b.admissible_choices():
        return False
    return True
