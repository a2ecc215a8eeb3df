"""Default values of text columns (text, varchar(n), char(n), citext, name) within their CHECKs.

- a CHECK's regular expression (or LIKE pattern): a pool of matching strings built in Python
  (regex_pool.py), sent by COPY and sampled like the Mimesis pools; distinct when unique;
- short columns, and unique columns too short for words plus a row-number suffix: codes over
  the column's whole alphabet, letters first (26^n values), then letters and digits (36^n);
  a unique column gets distinct codes up to that capacity and a clear error past it;
- otherwise words of the built-in vocabulary, cut to the length limit (column or CHECK) and
  padded to a CHECK's minimum length; unique ones with a row-number suffix.
"""

from __future__ import annotations

import string

from sqlglot import exp

from ..sql import sqlx
from ..sql.sqlx import Streams, add, concat, lit, mod, subscript
from ..schema.types import TypeInfo
from .bounds import Bounds
from .values import Unsupported, Value, permutation, text_value

LETTERS = string.ascii_uppercase
ALNUM = string.ascii_uppercase + string.digits
MAX_CODE = 12  # 36^12 < 2^63: a code index fits a bigint
MIN_WORD_ROOM = 3  # a unique value needs at least this many characters of words before "-<row>"


def code_capacity(length: int) -> tuple[int, str]:
    """(distinct codes, alphabet) of the widest alphabet for codes of this length."""
    return len(ALNUM) ** min(length, MAX_CODE), ALNUM


def code_value(streams: Streams, stream: str, length: int, unique: bool, n_rows: int, what: str) -> Value:
    """Codes of `length` characters: letters only while 26^length is enough, else letters and digits."""
    length = max(1, min(length, MAX_CODE))
    alphabet = LETTERS if len(LETTERS) ** length >= max(n_rows, 1) or not unique else ALNUM
    size = len(alphabet) ** length
    if unique and n_rows > size:
        raise Unsupported(f"{what} holds at most {size} distinct values (letters and digits), but {n_rows} "
                          "unique rows are asked")
    a = len(alphabet)
    arr = sqlx.text_array(list(alphabet))

    def f(row: exp.Expression) -> exp.Expression:
        if unique:
            x = permutation(streams, stream, row, size)
            chars = []
            for j in range(length):
                digit = exp.Div(this=exp.Paren(this=x.copy()), expression=lit(a ** j), typed=True) if j else x.copy()
                chars.append(subscript(arr.copy(), add(lit(1), mod(exp.Paren(this=digit), lit(a)))))
        else:
            chars = [subscript(arr.copy(), add(lit(1), streams.pick(f"{stream}:{i}", row, a))) for i in range(length)]
        return concat(*chars) if len(chars) > 1 else chars[0]

    return Value(f, injective=unique, source="code")


def regex_value(ti: TypeInfo, streams: Streams, stream: str, b: Bounds, max_len: int | None, n_rows: int,
                unique: bool, pools) -> Value:
    from .pools import lookup
    from .regex_pool import RegexError

    pool = pools.regex(b.regex, b.regex_icase, b.min_len, max_len, unique_rows=n_rows if unique else 0,
                       pad_to=ti.length if ti.fixed_length and ti.kind == "text" else None)
    try:
        k = len(pool.build())
    except RegexError as e:
        raise Unsupported(f"CHECK pattern {b.regex!r}: {e}") from None

    def f(row: exp.Expression) -> exp.Expression:
        idx = permutation(streams, stream, row, k) if unique else streams.pick(stream, row, k)
        return lookup(pool, idx)

    return Value(f, injective=unique, source=f"pattern {b.regex}")


def text_default(ti: TypeInfo, streams: Streams, s: str, b: Bounds, n_rows: int, unique: bool, pools) -> Value:
    limits = [x for x in (ti.length, b.max_len) if x is not None]
    max_len = min(limits) if limits else None
    if max_len is not None and max_len < max(b.min_len, 1):
        raise Unsupported(f"no text fits: a CHECK asks for at least {b.min_len} characters but at most {max_len} fit")
    if b.regex is not None and pools is not None:
        return regex_value(ti, streams, s, b, max_len, n_rows, unique, pools)
    if max_len is not None and max_len < 3 and not unique:
        letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
        width = ti.length or 1 if b.max_len is None else max_len
        return Value(lambda row: exp.Left(this=concat(*[subscript(sqlx.text_array(letters), add(lit(1), streams.pick(f"{s}:{i}", row, 26))) for i in range(width)]), expression=lit(width)))
    if unique and max_len is not None and max_len - (len(str(max(n_rows, 1))) + 1) < MIN_WORD_ROOM:
        return code_value(streams, s, max_len, True, n_rows, ti.sql)
    v = text_value(streams, s, max_len, unique, n_rows)
    if b.min_len <= 1:
        return v
    # at least min_len characters: rpad never cuts when asked for the value's own length or more
    return Value(lambda row: exp.Pad(this=v.at(row), expression=exp.Greatest(this=exp.Length(this=v.at(row)), expressions=[lit(b.min_len)]),
                                     fill_pattern=lit("x"), is_left=False), injective=v.injective, source=v.source)
