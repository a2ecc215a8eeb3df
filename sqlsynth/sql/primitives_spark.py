"""Spark's forms of the primitives of sqlsynth/sql/primitives.py (what sqlglot has no expression type
for), used by compile/spark.py when it rewrites the plan's trees for Spark SQL.

The random streams' hash: Spark's ``xxhash64(v, s)`` hashes all its arguments (v, then the stream's
seed, a BIGINT literal) under Spark's fixed seed 42; it is stable across Spark releases and the same
on every executor. Streams read the low 32 bits of it (sqlx.Streams masks them, as on PostgreSQL),
so every draw covers the same range as on PostgreSQL; the values differ (determinism holds within
an engine, not across engines). ``hash64_python`` is the same draw computed in Python (the stream's
twin, pinned against Spark by tests/test_spark.py).
"""

from __future__ import annotations

from sqlglot import exp


M64 = (1 << 64) - 1
M32 = (1 << 32) - 1
SPARK_SEED = 42  # the seed Spark's xxhash64 starts from
# the five primes of XXH64
P1, P2, P3, P4, P5 = (0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63,
                      0x27D4EB2F165667C5)


def _rotl(x: int, r: int) -> int:
    return ((x << r) | (x >> (64 - r))) & M64


def xxh64_long(value: int, seed: int) -> int:
    """XXH64 of one 64-bit integer (its 8 bytes, little-endian) under `seed`, as an unsigned 64-bit
    integer: the input shorter than a 32-byte stripe takes the short path (one 8-byte lane, then the
    final avalanche)."""
    h = (seed + P5 + 8) & M64
    lane = (_rotl((value & M64) * P2 & M64, 31) * P1) & M64
    h = (_rotl(h ^ lane, 27) * P1 + P4) & M64
    h = ((h ^ (h >> 33)) * P2) & M64
    h = ((h ^ (h >> 29)) * P3) & M64
    return h ^ (h >> 32)


def xxhash64_python(value: int, seed: int) -> int:
    """Spark's ``xxhash64(CAST(value AS BIGINT), CAST(seed AS BIGINT))`` (a signed BIGINT): each argument
    hashed in turn, the previous hash the next one's seed, starting from 42."""
    h = xxh64_long(seed, xxh64_long(value, SPARK_SEED))
    return h - (1 << 64) if h >= 1 << 63 else h


def hash64_python(value: int, seed: int) -> int:
    """A stream's draw on Spark computed in Python: the low 32 bits of hash64's value, in [0, 2^32)."""
    return xxhash64_python(value, seed) & M32


def _call(name: str, *args: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=list(args))


def _int(e: exp.Expression) -> exp.Expression:
    return exp.Cast(this=e, to=exp.DataType.build("INT"))


def hash64(value: exp.Expression, seed: exp.Expression) -> exp.Expression:
    """``xxhash64(CAST(v AS BIGINT), seed)``: a BIGINT (the plan masks its low 32 bits)."""
    return _call("xxhash64", exp.Cast(this=value, to=exp.DataType.build("BIGINT")),
                 exp.Cast(this=seed, to=exp.DataType.build("BIGINT")))


def type_name(value: exp.Expression) -> exp.Expression:
    """Spark's ``typeof(v)``: the name of the value's type ('int', 'bigint', 'decimal(8,2)', 'double', ...)."""
    return _call("typeof", value)


def element_at(array: exp.Expression, index1: exp.Expression) -> exp.Expression:
    """``element_at(array, i)``: the element at a 1-based index, as PostgreSQL's subscript (Spark's
    ``array[i]`` counts from 0)."""
    return _call("element_at", array, _int(index1))


def slice_of(array: exp.Expression, lo: exp.Expression, hi: exp.Expression) -> exp.Expression:
    """PostgreSQL's ``array[lo:hi]`` (1-based, both ends included) as ``slice(array, lo, hi - lo + 1)``."""
    length = exp.Add(this=exp.Sub(this=exp.Paren(this=hi), expression=exp.Paren(this=lo)), expression=exp.Literal.number(1))
    return _call("slice", array, _int(lo), _int(exp.Greatest(this=length, expressions=[exp.Literal.number(0)])))


def field(struct: exp.Expression, name: str) -> exp.Expression:
    """A field of a STRUCT (a range's bound: ranges are STRUCT<lower, upper> on Spark)."""
    return exp.Dot(this=exp.Paren(this=struct), expression=exp.to_identifier(name))


def make_struct(lower: exp.Expression, upper: exp.Expression) -> exp.Expression:
    return _call("named_struct", exp.Literal.string("lower"), lower, exp.Literal.string("upper"), upper)


def json_object(*pairs: exp.Expression) -> exp.Expression:
    """``to_json(named_struct(k1, v1, ...))``: a JSON object as text (keys must be literals)."""
    return _call("to_json", _call("named_struct", *pairs))


def to_hex(e: exp.Expression) -> exp.Expression:
    """Lower-case hexadecimal digits, as PostgreSQL's to_hex."""
    return exp.Lower(this=exp.Hex(this=e))


def timestamp_from_epoch(seconds: exp.Expression) -> exp.Expression:
    """A TIMESTAMP_NTZ from epoch seconds, fractions kept (the session's time zone is UTC)."""
    micros = exp.Cast(this=exp.Mul(this=exp.Cast(this=seconds, to=exp.DataType.build("DOUBLE")),
                                   expression=exp.Literal.number(1000000)), to=exp.DataType.build("BIGINT"))
    return exp.Cast(this=_call("timestamp_micros", micros), to=exp.DataType.build("TIMESTAMP_NTZ", dialect="spark"))


def ordered_array(keys: list[exp.Expression], value: exp.Expression) -> exp.Expression:
    """``array_agg(value ORDER BY keys)`` in Spark: collect_list keeps no order, so (keys..., value)
    structs are collected, sorted (a struct compares field by field) and their values taken:
    deterministic whatever the partitioning."""
    fields = [exp.alias_(k.copy(), f"o{n}__") for n, k in enumerate(keys)] + [exp.alias_(value, "v__")]
    collected = _call("collect_list", exp.Struct(expressions=fields))
    x = exp.to_identifier("x__")
    take = exp.Lambda(this=exp.Dot(this=exp.column(x), expression=exp.to_identifier("v__")), expressions=[x])
    return _call("transform", _call("array_sort", collected), take)


def series_table(lo: exp.Expression, hi: exp.Expression, alias: exp.Expression | None) -> exp.Expression:
    """``generate_series(lo, hi) AS a(c)`` in the FROM clause: ``(SELECT id AS c FROM range(lo, hi + 1, 1, 1)) AS a``."""
    names = alias.columns if isinstance(alias, exp.TableAlias) else []
    col = names[0].name if names else "generate_series"
    end = exp.Add(this=exp.Paren(this=hi), expression=exp.Literal.number(1))
    rng = exp.Anonymous(this="range", expressions=[lo, end, exp.Literal.number(1), exp.Literal.number(1)])
    sel = exp.select(exp.alias_(exp.column("id"), col, quoted=True)).from_(exp.Table(this=rng))
    name = alias.this.copy() if isinstance(alias, exp.TableAlias) and alias.this else exp.to_identifier("gs", quoted=True)
    return exp.Subquery(this=sel, alias=exp.TableAlias(this=name))


def row_source(lo: int, hi: int, partitions: int) -> exp.Expression:
    """``(SELECT id AS i FROM range(lo, hi + 1, 1, partitions)) AS g``: the row numbers, split into
    partitions by range (the rows never depend on how many)."""
    rng = exp.Anonymous(this="range", expressions=[exp.Literal.number(lo), exp.Literal.number(hi + 1),
                                                   exp.Literal.number(1), exp.Literal.number(partitions)])
    sel = exp.select(exp.alias_(exp.column("id"), "i", quoted=True)).from_(exp.Table(this=rng))
    return exp.Subquery(this=sel, alias=exp.TableAlias(this=exp.to_identifier("g", quoted=True)))
