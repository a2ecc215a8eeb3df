"""Strings that match a CHECK's regular expression, built in Python and sent as a value pool.

``code ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'`` gets a pool of strings generated from the pattern:
the pattern is read by Python's own regex parser (``re._parser``, formerly ``sre_parse``) after
the PostgreSQL-only spellings are translated (``[[:alpha:]]``, ``\\m``, ``\\y`` ...), and walked
with a seeded ``random.Random``, so the pool is the same for the same seed in any process.
Every value is checked with Python's ``re.search`` of the translated pattern and the column's
length limits before it is kept.

Why not rstr/exrex: rstr draws negated classes from a ``set`` (its order changes with
PYTHONHASHSEED, so the values would change from one run to the next), caps ``*``/``+`` at a
module-wide 100 repeats whatever the column's length, and neither can say how many distinct
values a pattern allows, which a unique column needs to know.
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass
from itertools import product

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

_PRINTABLE = [chr(c) for c in range(32, 127)]
_WORD = sorted(string.ascii_letters + string.digits + "_")
_DIGITS = list(string.digits)
_SPACE = [" "]
_ANY = sorted(string.ascii_letters + string.digits)  # "." : readable characters only
_UNBOUNDED_EXTRA = 8  # x* and x+ repeat at most this many times more than their minimum
_ENUMERATE_LIMIT = 200_000  # patterns with at most this many strings can be listed in full

_POSIX = {
    "alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z", "lower": "a-z",
    "space": r" \t\n\r\f\v", "blank": r" \t", "xdigit": "0-9A-Fa-f", "word": r"\w",
    "punct": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"), "print": r"\x20-\x7e", "graph": r"\x21-\x7e",
}
_PG_ESCAPES = {"m": r"\b", "M": r"\b", "y": r"\b", "Y": r"\B"}


class RegexError(Exception):
    """The pattern cannot be generated from (an unsupported construct, or no value fits)."""


def translate(pattern: str) -> str:
    """A PostgreSQL ARE pattern in Python's syntax (for the constructs real schemas use)."""
    if pattern.startswith("***="):  # the rest is a literal string
        return re.escape(pattern[4:])
    if pattern.startswith("***:"):
        pattern = pattern[4:]
    out = []
    i = 0
    in_class = False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            out.append(_PG_ESCAPES.get(nxt, ch + nxt) if not in_class else ch + nxt)
            i += 2
            continue
        if in_class and pattern.startswith("[:", i):  # a POSIX class inside brackets
            end = pattern.find(":]", i + 2)
            name = pattern[i + 2:end] if end > 0 else ""
            if name not in _POSIX:
                raise RegexError(f"unsupported character class [:{name}:]")
            out.append(_POSIX[name])
            i = end + 2
            continue
        if not in_class and ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            if pattern.startswith("^", i):
                out.append("^")
                i += 1
            if pattern.startswith("]", i):  # a leading ] is a literal
                out.append("\\]")
                i += 1
            continue
        if in_class and ch == "]":
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


@dataclass
class _Node:
    op: str  # chars | seq | alt | rep | group | ref | empty
    chars: tuple = ()
    items: tuple = ()
    lo: int = 0
    hi: int | None = 0  # None: unbounded
    group: int | None = None


def _chars(items) -> list[str]:
    out: set[str] = set()
    negate = False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            out.add(chr(av))
        elif name == "RANGE":
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif name == "CATEGORY":
            out.update(_category(str(av)))
        else:
            raise RegexError(f"unsupported construct {name.lower()} in a character class")
    if negate:
        return [c for c in _PRINTABLE if c not in out]
    return sorted(out)


def _category(name: str) -> list[str]:
    return {"CATEGORY_DIGIT": _DIGITS, "CATEGORY_WORD": _WORD, "CATEGORY_SPACE": _SPACE,
            "CATEGORY_NOT_DIGIT": [c for c in _PRINTABLE if c not in _DIGITS],
            "CATEGORY_NOT_WORD": [c for c in _PRINTABLE if c not in _WORD],
            "CATEGORY_NOT_SPACE": [c for c in _PRINTABLE if c != " "]}.get(name) or _fail(name)


def _fail(what: str):
    raise RegexError(f"unsupported construct {what.lower()}")


def _convert(parsed) -> _Node:
    items = []
    for op, av in parsed:
        name = str(op)
        if name == "LITERAL":
            items.append(_Node("chars", chars=(chr(av),)))
        elif name == "NOT_LITERAL":
            items.append(_Node("chars", chars=tuple(c for c in _ANY if c != chr(av))))
        elif name == "ANY":
            items.append(_Node("chars", chars=tuple(_ANY)))
        elif name == "IN":
            chars = _chars(av)
            if not chars:
                raise RegexError("a character class that matches nothing")
            items.append(_Node("chars", chars=tuple(chars)))
        elif name == "CATEGORY":
            items.append(_Node("chars", chars=tuple(_category(str(av)))))
        elif name == "AT":
            continue  # ^, $, \b: positions, no characters (every value is checked afterwards)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            lo, hi, sub = av
            items.append(_Node("rep", items=(_convert(sub),), lo=lo, hi=None if hi == sre_parse.MAXREPEAT else hi))
        elif name == "SUBPATTERN":
            group, _add, _del, sub = av
            items.append(_Node("group", items=(_convert(sub),), group=group))
        elif name == "BRANCH":
            items.append(_Node("alt", items=tuple(_convert(b) for b in av[1])))
        elif name == "GROUPREF":
            items.append(_Node("ref", group=av))
        else:
            raise RegexError(f"unsupported construct {name.lower()}")
    return items[0] if len(items) == 1 else _Node("seq", items=tuple(items))


def _min_len(n: _Node) -> int:
    if n.op == "chars":
        return 1
    if n.op == "seq":
        return sum(_min_len(i) for i in n.items)
    if n.op == "alt":
        return min(_min_len(i) for i in n.items)
    if n.op == "rep":
        return n.lo * _min_len(n.items[0])
    if n.op == "group":
        return _min_len(n.items[0])
    return 0


def _count(n: _Node, cap: int) -> int:
    """How many strings the node spells (an upper bound; at most cap + 1)."""
    if n.op == "chars":
        return len(n.chars)
    if n.op in ("seq", "group"):
        total = 1
        for i in n.items:
            total = min(cap + 1, total * _count(i, cap))
        return total
    if n.op == "alt":
        return min(cap + 1, sum(_count(i, cap) for i in n.items))
    if n.op == "rep":
        if n.hi is None:
            return cap + 1 if _count(n.items[0], cap) > 1 else 1
        c = _count(n.items[0], cap)
        return min(cap + 1, sum(min(cap + 1, c ** k) for k in range(n.lo, n.hi + 1)))
    if n.op == "ref":
        return 1
    return 1


def _all(n: _Node, groups: dict) -> list[str]:
    if n.op == "chars":
        return list(n.chars)
    if n.op == "seq":
        return ["".join(p) for p in product(*(_all(i, groups) for i in n.items))]
    if n.op == "alt":
        return [s for i in n.items for s in _all(i, groups)]
    if n.op == "rep":
        inner = _all(n.items[0], groups)
        hi = n.lo + _UNBOUNDED_EXTRA if n.hi is None else n.hi
        return ["".join(p) for k in range(n.lo, hi + 1) for p in product(inner, repeat=k)]
    if n.op == "group":
        return _all(n.items[0], groups)
    raise RegexError("back-references cannot be listed")


class RegexGen:
    """Random strings matching one pattern, within [min_len, max_len]."""

    def __init__(self, pattern: str, min_len: int = 0, max_len: int | None = None, ignore_case: bool = False,
                 pad_to: int | None = None):
        self.pattern = pattern
        self.python = translate(pattern)
        flags = re.IGNORECASE if ignore_case else 0
        try:
            self.regex = re.compile(self.python, flags)
            self.tree = _convert(sre_parse.parse(self.python))
        except re.error as e:
            raise RegexError(f"cannot read the pattern: {e}") from None
        self.min_len = min_len
        self.max_len = max_len
        # char(n): PostgreSQL matches the pattern against the value padded with spaces to n
        # ('ab'::char(5) ~ 'b$' is false), so a value is kept only if its padded form matches
        self.pad_to = pad_to

    def ok(self, s: str) -> bool:
        return (self.min_len <= len(s) and (self.max_len is None or len(s) <= self.max_len)
                and self.regex.search(s.ljust(self.pad_to) if self.pad_to else s) is not None)

    def capacity(self, cap: int) -> int:
        return _count(self.tree, cap)

    def draw(self, rng: random.Random) -> str:
        groups: dict[int, str] = {}
        budget = [self.max_len if self.max_len is not None else 64]
        return self._gen(self.tree, rng, groups, budget)

    def _gen(self, n: _Node, rng: random.Random, groups: dict, budget: list) -> str:
        if n.op == "chars":
            budget[0] -= 1
            return n.chars[rng.randrange(len(n.chars))]
        if n.op == "seq":
            return "".join(self._gen(i, rng, groups, budget) for i in n.items)
        if n.op == "alt":
            return self._gen(n.items[rng.randrange(len(n.items))], rng, groups, budget)
        if n.op == "rep":
            hi = n.lo + _UNBOUNDED_EXTRA if n.hi is None else n.hi
            unit = max(1, _min_len(n.items[0]))
            hi = max(n.lo, min(hi, max(0, budget[0]) // unit))
            k = rng.randint(n.lo, hi)
            return "".join(self._gen(n.items[0], rng, groups, budget) for _ in range(k))
        if n.op == "group":
            s = self._gen(n.items[0], rng, groups, budget)
            if n.group is not None:
                groups[n.group] = s
            return s
        if n.op == "ref":
            s = groups.get(n.group or 0, "")
            budget[0] -= len(s)
            return s
        return ""

    def values(self, size: int, seed: int, unique_rows: int = 0) -> list[str]:
        """`size` distinct matching strings (at least `unique_rows` of them, else RegexError)."""
        rng = random.Random(seed)
        want = max(size, unique_rows)
        cap = self.capacity(_ENUMERATE_LIMIT)
        if cap <= _ENUMERATE_LIMIT and (unique_rows or cap <= 4 * want):
            try:
                every = sorted({s for s in _all(self.tree, {}) if self.ok(s)})
            except RegexError:
                every = None
            if every is not None:
                if len(every) < unique_rows:
                    raise RegexError(f"only {len(every)} distinct values match {self.pattern!r} within the "
                                     f"column's length, but {unique_rows} unique rows are needed")
                rng.shuffle(every)
                return every[:want]
        seen: dict[str, None] = {}
        misses = 0
        while len(seen) < want and misses < max(1000, 20 * want):
            s = self.draw(rng)
            if s in seen or not self.ok(s):
                misses += 1
                continue
            seen[s] = None
        if not seen:
            raise RegexError(f"no value generated from {self.pattern!r} fits the column "
                             f"(length {self.min_len}..{self.max_len if self.max_len is not None else 'any'})")
        if len(seen) < unique_rows:
            raise RegexError(f"only {len(seen)} distinct values could be generated from {self.pattern!r}, "
                             f"but {unique_rows} unique rows are needed")
        return list(seen)


def like_to_regex(pattern: str, escape: str = "\\") -> str:
    """A LIKE pattern (% and _) as an anchored regular expression."""
    out = ["^"]
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == escape and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if ch == "%" else "." if ch == "_" else re.escape(ch))
        i += 1
    out.append("$")
    return "".join(out)
