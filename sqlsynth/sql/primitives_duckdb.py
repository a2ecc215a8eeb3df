"""DuckDB's forms of the primitives of sqlsynth/sql/primitives.py (what sqlglot has no expression type
for), used by compile/duckdb.py when it rewrites the plan's trees for DuckDB.

The random streams' hash: DuckDB's own hash() promises no stability across releases, so streams use
``sqlsynth_hash64(v, seed)``, a macro in DuckDB SQL (HASH_MACROS) with its Python twin hash64_python
(tests/test_duckdb.py pins one to the other). Streams read the low 32 bits of PostgreSQL's
hashint8extended (sqlx.Streams); the macro returns exactly 32 well-mixed bits: the high word of
(row xor seed) folded into the low one, then a 32-bit multiply-xorshift finaliser twice, in BIGINT
arithmetic on 32-bit limbs (every product stays below 2^63: DuckDB raises on overflow).
"""

from __future__ import annotations

from sqlglot import exp

M32 = (1 << 32) - 1
MIX = 0x45D9F3B  # the finaliser's multiplier (27 bits)
FOLD = 0x5BD1E995  # folds the high word into the low one (31 bits)
HASH_MACROS = [  # fixed text, no user value
    "CREATE OR REPLACE TEMP MACRO sqlsynth_xs16(h) AS xor(h, h >> 16)",
    f"CREATE OR REPLACE TEMP MACRO sqlsynth_mix32(h) AS (xor(h, h >> 16) * {MIX}) & {M32}",
    f"CREATE OR REPLACE TEMP MACRO sqlsynth_fold64(x) AS xor(x & {M32}, (((x >> 32) & {M32}) * {FOLD}) & {M32})",
    "CREATE OR REPLACE TEMP MACRO sqlsynth_hash64(v, s) AS "
    "sqlsynth_xs16(sqlsynth_mix32(sqlsynth_mix32(sqlsynth_fold64(xor(v, s)))))",
]


def hash64_python(v: int, s: int) -> int:
    """sqlsynth_hash64 computed in Python (v, s signed 64-bit): a value in [0, 2^32)."""
    x = (v ^ s) & ((1 << 64) - 1)
    h = (x & M32) ^ ((((x >> 32) & M32) * FOLD) & M32)
    for _ in range(2):
        h = ((h ^ (h >> 16)) * MIX) & M32
    return h ^ (h >> 16)


def _call(name: str, *args: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=list(args))


def hash64(value: exp.Expression, seed: exp.Expression) -> exp.Expression:
    return _call("sqlsynth_hash64", value, seed)


def field(struct: exp.Expression, name: str) -> exp.Expression:
    """A field of a STRUCT (a range's bound: ranges are STRUCT("lower", "upper") on DuckDB)."""
    return _call("struct_extract", struct, exp.Literal.string(name))


def make_struct(lower: exp.Expression, upper: exp.Expression) -> exp.Expression:
    """A range as STRUCT("lower", "upper")."""
    return exp.Struct(expressions=[exp.PropertyEQ(this=exp.to_identifier("lower"), expression=lower),
                                   exp.PropertyEQ(this=exp.to_identifier("upper"), expression=upper)])


def json_object(*pairs: exp.Expression) -> exp.Expression:
    return _call("json_object", *pairs)


def to_hex(e: exp.Expression) -> exp.Expression:
    """Lower-case hexadecimal digits, as PostgreSQL's to_hex."""
    return exp.Lower(this=_call("to_hex", e))


def timestamp_from_epoch(seconds: exp.Expression) -> exp.Expression:
    """A TIMESTAMP (without time zone) from epoch seconds, fractions kept: ``make_timestamp`` of the
    microseconds, 15x faster than ``to_timestamp(s) AT TIME ZONE 'UTC'`` (no ICU time zone lookup)."""
    micros = exp.Cast(this=exp.Mul(this=exp.Cast(this=seconds, to=exp.DataType.build("DOUBLE")),
                                   expression=exp.Literal.number(1000000)), to=exp.DataType.build("BIGINT"))
    return _call("make_timestamp", micros)
