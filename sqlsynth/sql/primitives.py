"""The functions sqlsynth calls that sqlglot has no expression type for: PostgreSQL's own.

Everything else is built from sqlglot's typed expressions (exp.Ln, exp.Round, exp.Pad ...), which
sqlglot renders in any dialect. What is here is written for PostgreSQL and nothing translates it:
one small function per primitive, so that a compiler for another engine replaces this module's
functions (a random stream's hash, a range constructor ...) and nothing else. Each returns an
``exp.Anonymous`` call, rendered as written.
"""

from __future__ import annotations

from sqlglot import exp

GEOMETRIC = ("point", "line", "lseg", "box", "path", "polygon", "circle")


def _call(name: str, *args: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=list(args))


def hash64(value: exp.Expression, seed: exp.Expression) -> exp.Expression:
    """A 64-bit hash of a bigint under a 64-bit seed (PostgreSQL ``hashint8extended``, Jenkins'
    lookup3; stable across releases): the source of every random stream."""
    return _call("hashint8extended", value, seed)


def hash_text64(text: exp.Expression, seed: exp.Expression) -> exp.Expression:
    """A 64-bit hash of a text under a seed (PostgreSQL ``hashtextextended``, the hash of hash
    partitioning: the same on every server): the report compares rows across databases by it."""
    return _call("hashtextextended", text, seed)


def hash64_args(e: exp.Expression) -> tuple[exp.Expression, exp.Expression] | None:
    """(value, seed) when `e` is a call built by hash64, else None (to find and re-seed streams)."""
    if isinstance(e, exp.Anonymous) and str(e.this).lower() == "hashint8extended" and len(e.expressions) == 2:
        return e.expressions[0], e.expressions[1]
    return None


def to_hex(e: exp.Expression) -> exp.Expression:
    """An integer in hexadecimal digits (``to_hex``)."""
    return _call("to_hex", e)


def hex_to_bytes(e: exp.Expression) -> exp.Expression:
    """Hexadecimal text as bytes (``decode(e, 'hex')``)."""
    return _call("decode", e, exp.Literal.string("hex"))


def text_search_vector(config: exp.Expression, text: exp.Expression) -> exp.Expression:
    """``to_tsvector(config, text)``."""
    return _call("to_tsvector", config, text)


def text_search_query(config: exp.Expression, text: exp.Expression) -> exp.Expression:
    """``plainto_tsquery(config, text)``."""
    return _call("plainto_tsquery", config, text)


def set_masklen(address: exp.Expression, bits: exp.Expression) -> exp.Expression:
    """An inet/cidr with its netmask length set (``set_masklen``)."""
    return _call("set_masklen", address, bits)


def geometric(kind: str, *args: exp.Expression) -> exp.Expression:
    """A geometric value by its constructor (``point(x, y)``, ``box(p, q)``, ``polygon(box)`` ...)."""
    if kind not in GEOMETRIC:
        raise ValueError(f"not a geometric constructor: {kind!r}")
    return _call(kind, *args)


def make_range(constructor: str, lower: exp.Expression, upper: exp.Expression) -> exp.Expression:
    """A range by its type's two-argument constructor (``int4range(lo, hi)``, ``tstzrange``, a
    user-defined range type's): half-open [lo, hi)."""
    return _call(constructor, lower, upper)


def range_bounds(e: exp.Expression, constructor: str) -> tuple[exp.Expression, exp.Expression] | None:
    """(lower, upper) when `e` was built by make_range with this constructor, else None."""
    if isinstance(e, exp.Anonymous) and str(e.this).lower() == constructor and len(e.expressions) == 2:
        return e.expressions[0], e.expressions[1]
    return None


def range_lower(e: exp.Expression) -> exp.Expression:
    """A range's lower bound (``lower(range)``; not the string function)."""
    return _call("lower", e)


def range_upper(e: exp.Expression) -> exp.Expression:
    """A range's upper bound (``upper(range)``; not the string function)."""
    return _call("upper", e)


def range_lower_inf(e: exp.Expression) -> exp.Expression:
    return _call("lower_inf", e)


def range_upper_inf(e: exp.Expression) -> exp.Expression:
    return _call("upper_inf", e)


def range_isempty(e: exp.Expression) -> exp.Expression:
    return _call("isempty", e)


def json_object(kind: str, *pairs: exp.Expression) -> exp.Expression:
    """``json_build_object`` / ``jsonb_build_object`` of alternating keys and values (kind: json or jsonb)."""
    if kind not in ("json", "jsonb"):
        raise ValueError(f"not a JSON type: {kind!r}")
    return _call(f"{kind}_build_object", *pairs)


def serial_sequence(table: exp.Expression, column: exp.Expression) -> exp.Expression:
    """The sequence behind a serial or identity column (``pg_get_serial_sequence``)."""
    return _call("pg_get_serial_sequence", table, column)


def setval(sequence: exp.Expression, value: exp.Expression, is_called: exp.Expression) -> exp.Expression:
    """Set a sequence's position (``setval``)."""
    return _call("setval", sequence, value, is_called)
