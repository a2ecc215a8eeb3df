"""Column values as pure functions of the row number, and the per-type defaults.

A Value turns a row-number expression into the SQL expression of the cell. Because
every value is a function of the row number only, a child table can evaluate a
parent's key for any parent row without looking it up (foreign keys without joins).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Callable

from sqlglot import exp

from ..compile import sqlx
from ..compile.sqlx import Streams, add, case, cast, concat, fn, lit, mod, mul, sub, subscript
from ..schema.types import TypeInfo

RowFn = Callable[[exp.Expression], exp.Expression]

# A small vocabulary for default text; real names, places and sentences come from pools.
WORDS = (
    "able about account action active address after again agent air amount answer area army art "
    "autumn bank base bear beautiful bed bird black blue board boat body book border box bread "
    "bridge bright brother brown build business call camera capital card care carry case cat "
    "center chair chance change chapter charge child choice city class clear clock cloud coast "
    "cold colour common company cook copy corner cost country course cover cream cross crowd "
    "cup dance dark daughter day deep desert design detail dinner direct doctor dog door dream "
    "dress drive early earth east edge effect energy engine evening event example face fact "
    "family farm father field film fire first fish floor flower force forest free fresh friend "
    "front fruit game garden gate gift glass gold good grass great green ground group guide "
    "hand happy harbour heart heavy high hill history home horse hotel house idea island "
    "journey kind king kitchen lake land language large late leader letter light line lion "
    "little local long lucky machine main map market match meal middle milk mind minute model "
    "money month moon morning mother mountain music name nation nature night noble north note "
    "number ocean office open orange order paper park party pattern peace people picture piece "
    "place plain planet plant point power present press price prize public quiet radio rain "
    "red region report rich river road rock room round royal safe salt school science sea "
    "season second secret service shadow ship shop short silver simple sister sky small smile "
    "snow soft song south space spring square star station stone story street strong summer "
    "sun table teacher team test thunder time top tower town track trade train travel tree "
    "union valley village voice wall water west wheel white wild window winter wood world year "
    "young"
).split()


@dataclass
class Value:
    """One column's value as a function of the row number."""

    fn: RowFn
    injective: bool = False  # distinct for distinct rows 1..n
    source: str = "default"  # what produced it, for messages
    sql_type: str | None = None

    def at(self, row: exp.Expression) -> exp.Expression:
        return self.fn(row)


@dataclass
class Bounds:
    lo: float | None = None
    hi: float | None = None
    lo_strict: bool = False
    hi_strict: bool = False
    choices: list = field(default_factory=list)  # from `col IN (...)`

    def int_range(self, default: tuple[int, int], type_bounds: tuple[int, int]) -> tuple[int, int]:
        lo = default[0] if self.lo is None else (math.floor(self.lo) + 1 if self.lo_strict else math.ceil(self.lo))
        hi = default[1] if self.hi is None else (math.ceil(self.hi) - 1 if self.hi_strict else math.floor(self.hi))
        if self.lo is not None and self.hi is None:
            hi = max(hi, lo + (default[1] - default[0]))
        if self.hi is not None and self.lo is None:
            lo = min(lo, hi - (default[1] - default[0]))
        return max(lo, type_bounds[0]), min(hi, type_bounds[1])


class Unsupported(Exception):
    """No default generator for this column."""


WORDS_REF = ("sqlsynth_words", "w")  # FROM ... CROSS JOIN (SELECT ARRAY[...]) AS sqlsynth_words(w)


def words_array_source() -> exp.Expression:
    """The one-row subquery that holds the vocabulary once per statement."""
    sel = exp.select(exp.Cast(this=sqlx.text_array(WORDS), to=exp.DataType.build("NAME[]", dialect="postgres")))
    return exp.Subquery(this=sel, alias=exp.TableAlias(this=exp.to_identifier(WORDS_REF[0], quoted=True),
                                                       columns=[exp.to_identifier(WORDS_REF[1], quoted=True)]))


def _w() -> exp.Expression:
    from .pools import current

    coll = current()
    if coll is not None:
        coll.named_source(WORDS_REF[0], words_array_source)
    return sqlx.col(WORDS_REF[1], WORDS_REF[0])


def words(streams: Streams, stream: str, row: exp.Expression, max_words: int, capital: bool = False) -> exp.Expression:
    """1..max_words consecutive words of the vocabulary from a random place; the first capitalised if asked."""
    n = len(WORDS)
    start = add(lit(1), streams.pick(stream + ":s", row, n - max_words))
    if max_words <= 1:
        first = subscript(_w(), start)
        return fn("initcap", first) if capital else first
    length = streams.pick(stream + ":k", row, max_words)
    if not capital:
        sl = exp.Bracket(this=exp.Paren(this=_w()), expressions=[exp.Slice(this=start, expression=add(start.copy(), length))], offset=1)
        return fn("array_to_string", sl, lit(" "))
    first = fn("initcap", subscript(_w(), start))
    rest_lo = add(start.copy(), lit(1))
    rest = exp.Bracket(this=exp.Paren(this=_w()), expressions=[exp.Slice(this=rest_lo, expression=add(start.copy(), length))], offset=1)
    return fn("rtrim", concat(first, lit(" "), fn("array_to_string", rest, lit(" "))))


def text_value(streams: Streams, stream: str, length: int | None, unique: bool, n_rows: int) -> Value:
    """Readable text within the column's length; unique by a row-number suffix when asked."""
    max_words = 6 if length is None else max(1, min(6, length // 6))

    def f(row: exp.Expression) -> exp.Expression:
        w = words(streams, stream, row, max_words, capital=True)
        if unique:
            suffix = concat(lit("-"), exp.Cast(this=row.copy(), to=exp.DataType.build("TEXT")))
            if length is not None:
                room = length - (len(str(max(n_rows, 1))) + 1)
                w = fn("left", w, lit(max(room, 0)))
            return concat(w, suffix)
        return fn("left", w, lit(length)) if length is not None else w

    return Value(f, injective=unique, source="text")


def permutation(streams: Streams, stream: str, row: exp.Expression, size: int) -> exp.Expression:
    """A bijection of 0..size-1 applied to row-1 (affine: a*(row-1)+b mod size, gcd(a,size)=1)."""
    if size <= 1:
        return lit(0)
    s = abs(streams.seed_of(stream))
    limit = max(2, min(size, (1 << 62) // max(size, 1)))
    a = 1 + s % (limit - 1)
    while math.gcd(a, size) != 1:
        a += 1
    b = (s >> 20) % size
    return mod(add(mul(lit(a), sub(row.copy(), lit(1))), lit(b)), lit(size))


EPOCH = dt.datetime(1970, 1, 1)
DEFAULT_TS = (dt.datetime(2015, 1, 1), dt.datetime(2025, 12, 31, 23, 59, 59))


def ts_from_seconds(secs: exp.Expression, tz: bool) -> exp.Expression:
    """Epoch seconds -> timestamp[tz]; independent of the session's TimeZone."""
    ts = fn("to_timestamp", secs)
    return ts if tz else exp.Paren(this=exp.AtTimeZone(this=ts, zone=lit("UTC")))


def date_from_days(days: exp.Expression) -> exp.Expression:
    return add(exp.Cast(this=lit("1970-01-01"), to=exp.DataType.build("DATE")), exp.Cast(this=days, to=exp.DataType.build("INT")))


def seconds_of(d: dt.datetime) -> int:
    return int((d - EPOCH).total_seconds())


def spans_value(streams: Streams, stream: str, spans: list[tuple[int, int]], unique: bool, n_rows: int,
                to_sql: Callable[[exp.Expression], exp.Expression]) -> Value:
    """A value uniform over a union of half-open integer spans [lo, hi), mapped by to_sql."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted((lo, hi) for lo, hi in spans if hi > lo):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    spans = merged
    total = sum(hi - lo for lo, hi in spans)
    if total <= 0:
        raise Unsupported("empty value range")
    if unique and total < n_rows:
        raise Unsupported(f"only {total} distinct values fit the column's range, but {n_rows} unique rows are needed")

    def f(row: exp.Expression) -> exp.Expression:
        x = permutation(streams, stream, row, total) if unique else streams.pick(stream, row, total)
        if len(spans) == 1:
            return to_sql(add(lit(spans[0][0]), x))
        whens = []
        acc = 0
        for lo, hi in spans[:-1]:
            whens.append((exp.LT(this=x.copy(), expression=lit(acc + hi - lo)), add(lit(lo - acc), x.copy())))
            acc += hi - lo
        lo, _hi = spans[-1]
        return to_sql(exp.Paren(this=case(whens, add(lit(lo - acc), x.copy()))))

    return Value(f, injective=unique, source="range")


def default_value(ti: TypeInfo, streams: Streams, column: str, bounds: Bounds, n_rows: int,
                  unique: bool = False, default: str | None = None) -> Value:
    """The generator used when config.yaml names none for a column."""
    s = column
    k = ti.kind
    if bounds.choices:
        values = list(dict.fromkeys(bounds.choices))
        if unique and len(values) < n_rows:
            raise Unsupported(f"a CHECK allows only {len(values)} values but {n_rows} unique rows are needed")
        return choice_value(streams, s, values, ti)
    if k == "array":
        assert ti.element is not None
        from .checks import bounds_for  # (checks imports this module)

        # elements of a domain array (posint[]) keep within the domain's CHECKs
        ev = default_value(ti.element, streams, column + "[]", bounds_for("", [], ti.element.checks), n_rows)

        def arr(row: exp.Expression) -> exp.Expression:
            # 0-3 elements, each from its own stream
            items = [Value(ev.fn).at(exp.Paren(this=add(mul(row.copy(), lit(4)), lit(i)))) for i in range(3)]
            empty = exp.Cast(this=exp.Array(expressions=[]), to=sqlx.dtype(ti.sql))
            n = streams.pick(s + ":n", row, 4)
            return case([(exp.EQ(this=n, expression=lit(0)), empty)],
                        exp.Cast(this=exp.Bracket(this=exp.Paren(this=sqlx.array(items)),
                                                  expressions=[exp.Slice(this=lit(1), expression=n.copy())], offset=1),
                                 to=sqlx.dtype(ti.sql)))
        return Value(arr)
    if k == "enum":
        if unique and len(ti.labels) < n_rows:
            raise Unsupported(f"enum has {len(ti.labels)} labels but {n_rows} unique rows are needed")
        return choice_value(streams, s, ti.labels, ti, unique=unique)
    if k in ("int", "int_oid"):
        tb = ti.int_bounds if k == "int" else (0, 2**31 - 1)
        lo, hi = bounds.int_range((1, 1000) if not unique else (1, max(1000, n_rows)), tb)
        if unique and bounds.hi is None and hi - lo + 1 < n_rows:
            hi = min(tb[1], lo + n_rows - 1)
        v = spans_value(streams, s, [(lo, hi + 1)], unique, n_rows, lambda e: e)
        return v
    if k == "numeric":
        scale = ti.scale if ti.scale is not None else 2
        if ti.precision is not None:
            top = 10 ** (ti.precision - scale) - 10 ** (-scale)
        else:
            top = 1000.0
        lo = 0.0 if bounds.lo is None else bounds.lo
        hi = min(top, 1000.0 if bounds.lo is None else max(lo + 1000.0, 1000.0)) if bounds.hi is None else bounds.hi
        hi = min(hi, top)
        if ti.precision is not None and lo < -top:
            lo = -top
        step = 10 ** scale
        ilo = math.ceil(lo * step) + (1 if bounds.lo_strict and float(math.ceil(lo * step)) == lo * step else 0)
        ihi = math.floor(hi * step) - (1 if bounds.hi_strict and float(math.floor(hi * step)) == hi * step else 0)
        return spans_value(streams, s, [(ilo, ihi + 1)], unique, n_rows,
                           lambda e: exp.Div(this=exp.Cast(this=e, to=exp.DataType.build("NUMERIC")),
                                             expression=lit(step)) if scale else e)
    if k == "float":
        lo = 0.0 if bounds.lo is None else float(bounds.lo)
        hi = (lo + 1000.0) if bounds.hi is None else float(bounds.hi)
        return Value(lambda row: add(lit(lo), mul(streams.u(s, row), lit(hi - lo))), injective=False)
    if k == "money":
        return spans_value(streams, s, [(0, 100000)], unique, n_rows,
                           lambda e: exp.Cast(this=exp.Div(this=exp.Cast(this=e, to=exp.DataType.build("NUMERIC")),
                                                           expression=lit(100)), to=sqlx.dtype("money")))
    if k == "text":
        if ti.length is not None and ti.length < 3 and not unique:
            letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
            return Value(lambda row: fn("left", concat(*[subscript(sqlx.text_array(letters), add(lit(1), streams.pick(f"{s}:{i}", row, 26))) for i in range(ti.length or 1)]), lit(ti.length)))
        if unique and ti.length is not None and ti.length < len(str(n_rows)) + 1:
            raise Unsupported(f"{ti.sql} is too short for {n_rows} unique values")
        return text_value(streams, s, ti.length, unique, n_rows)
    if k == "char1":
        # chr() takes an integer; the stream arithmetic is bigint
        return Value(lambda row: exp.Cast(this=fn("chr", exp.Cast(this=add(lit(97), streams.pick(s, row, 26)),
                                                                  to=exp.DataType.build("INT"))),
                                          to=sqlx.dtype('"char"')))
    if k == "bool":
        p_true = {"true": 0.9, "false": 0.1}.get((default or "").strip().lower(), 0.5)
        return Value(lambda row: exp.LT(this=streams.u(s, row), expression=lit(p_true)))
    if k == "date":
        lo = (DEFAULT_TS[0] - EPOCH).days
        hi = (DEFAULT_TS[1] - EPOCH).days
        if bounds.lo is not None or bounds.hi is not None:
            pass  # date CHECKs are rare; keep the default span
        return spans_value(streams, s, [(lo, hi + 1)], unique, n_rows, date_from_days)
    if k in ("timestamp", "timestamptz"):
        tz = k == "timestamptz"
        return spans_value(streams, s, [(seconds_of(DEFAULT_TS[0]), seconds_of(DEFAULT_TS[1]))], unique, n_rows,
                           lambda e: ts_from_seconds(e, tz))
    if k in ("time", "timetz"):
        def t(e: exp.Expression) -> exp.Expression:
            v = add(exp.Cast(this=lit("00:00:00"), to=exp.DataType.build("TIME")),
                    mul(e, exp.Interval(this=lit("1"), unit=exp.var("SECOND"))))
            if k == "timetz":
                return exp.Cast(this=concat(exp.Cast(this=v, to=exp.DataType.build("TEXT")), lit("+00")),
                                to=exp.DataType.build("TIMETZ"))
            return v
        return spans_value(streams, s, [(0, 86400)], unique, n_rows, t)
    if k == "interval":
        return spans_value(streams, s, [(60, 30 * 86400)], unique, n_rows,
                           lambda e: mul(e, exp.Interval(this=lit("1"), unit=exp.var("SECOND"))))
    if k == "uuid":
        def u(row: exp.Expression) -> exp.Expression:
            rnd = fn("md5", exp.Cast(this=streams.h32(s, row), to=exp.DataType.build("TEXT")))
            tail = fn("lpad", fn("to_hex", row.copy()), lit(12), lit("0"))
            return exp.Cast(this=fn("overlay", rnd, tail, lit(21)), to=exp.DataType.build("UUID"))
        return Value(_overlay_fix(u), injective=True)
    if k == "bytea":
        return Value(lambda row: fn("decode", fn("md5", exp.Cast(this=streams.h32(s, row), to=exp.DataType.build("TEXT"))), lit("hex")),
                     injective=False)
    if k in ("json", "jsonb"):
        def j(row: exp.Expression) -> exp.Expression:
            return fn(f"{k}_build_object", lit("id"), row.copy(), lit("name"), words(streams, s, row, 2),
                      lit("score"), streams.pick(s + ":n", row, 100))
        return Value(j, injective=unique)
    if k in ("inet", "cidr"):
        if k == "inet":
            return spans_value(streams, s, [(0, 1 << 24)], unique, n_rows,
                               lambda e: add(exp.Cast(this=lit("10.0.0.0"), to=sqlx.dtype("inet")), e))
        return spans_value(streams, s, [(0, 1 << 16)], unique, n_rows,
                           lambda e: exp.Cast(this=fn("set_masklen", add(exp.Cast(this=lit("10.0.0.0"), to=sqlx.dtype("inet")), mul(e, lit(256))), lit(24)), to=sqlx.dtype("cidr")))
    if k in ("macaddr", "macaddr8"):
        return spans_value(streams, s, [(0, 1 << 47)], unique, n_rows,
                           lambda e: exp.Cast(this=fn("lpad", fn("to_hex", e), lit(12), lit("0")), to=sqlx.dtype(k)))
    if k == "tsvector":
        return Value(lambda row: fn("to_tsvector", exp.Cast(this=lit("english"), to=sqlx.dtype("regconfig")), words(streams, s, row, 6)))
    if k == "tsquery":
        return Value(lambda row: fn("plainto_tsquery", exp.Cast(this=lit("english"), to=sqlx.dtype("regconfig")), words(streams, s, row, 2)))
    if k in ("bit", "varbit"):
        n = ti.length or 8
        width = min(n, 53)

        def b(row: exp.Expression) -> exp.Expression:
            bits = exp.Cast(this=streams.h(s, row), to=sqlx.dtype(f"bit({width})"))
            if n > width:
                return exp.Cast(this=fn("rpad", exp.Cast(this=bits, to=exp.DataType.build("TEXT")), lit(n), lit("01")), to=sqlx.dtype(f"bit({n})"))
            return bits
        return Value(b)
    if k == "xml":
        return Value(lambda row: exp.Cast(this=concat(lit("<p>"), words(streams, s, row, 3), lit("</p>")),
                                          to=sqlx.dtype("xml")))
    if k in ("point", "line", "lseg", "box", "path", "polygon", "circle"):
        def p(i: int, row: exp.Expression) -> exp.Expression:
            return fn("point", mul(streams.u(f"{s}:x{i}", row), lit(100)), mul(streams.u(f"{s}:y{i}", row), lit(100)))

        def g(row: exp.Expression) -> exp.Expression:
            if k == "point":
                return p(0, row)
            if k == "line":
                return fn("line", p(0, row), fn("point", lit(-1), mul(streams.u(s + ":l", row), lit(7))))
            if k == "lseg":
                return fn("lseg", p(0, row), p(1, row))
            if k == "circle":
                return fn("circle", p(0, row), add(lit(1), mul(streams.u(s + ":r", row), lit(10))))
            bx = fn("box", p(0, row), p(1, row))
            if k == "box":
                return bx
            poly = fn("polygon", bx)
            return poly if k == "polygon" else fn("path", poly)
        return Value(g)
    if k == "range":
        return range_value(ti, streams, s, n_rows, unique)
    if k == "pg_lsn":
        return Value(lambda row: exp.Cast(this=concat(fn("to_hex", mod(streams.h32(s, row), lit(65536))), lit("/"),
                                                      fn("to_hex", mod(streams.h32(s + ":b", row), lit(1 << 32)))),
                                          to=sqlx.dtype("pg_lsn")))
    raise Unsupported(f"no default generator for type {ti.sql}")


def _overlay_fix(f: RowFn) -> RowFn:
    """overlay(a placing b from n) has its own syntax; build it from a parsed template."""
    def g(row: exp.Expression) -> exp.Expression:
        e = f(row)
        call = e.this  # Anonymous overlay
        rnd, tail, start = call.expressions
        tpl = sqlx.parse("CAST(OVERLAY(x PLACING y FROM 21) AS UUID)")
        tpl.this.set("this", rnd)
        tpl.this.set("expression", tail)
        return tpl
    return g


def range_value(ti: TypeInfo, streams: Streams, s: str, n_rows: int, disjoint: bool = False) -> Value:
    """A range of the column's subtype; disjoint=True (an exclusion constraint ``WITH &&``): row k of
    a permutation gets its own slot of the span, so no two rows overlap."""
    sub_t = ti.subtype or "integer"
    ctor = ti.base_sql.split("(")[0].strip().lower()
    slots = max(1, n_rows)

    def bounds(row: exp.Expression, origin: int, span: int, short: int, extra: int) -> tuple[exp.Expression, exp.Expression]:
        """(lo, hi) as numbers: disjoint slots of span // n_rows, else random within span."""
        if not disjoint:
            lo = streams.pick(s + ":lo", row, span)
            lo = add(lit(origin), lo) if origin else lo
            return lo, add(lo.copy(), add(lit(short), streams.pick(s + ":len", row, extra)))
        width = max(2, span // slots)
        half = width // 2
        k = permutation(streams, s + ":slot", row, slots)
        lo = add(lit(origin), add(mul(k, lit(width)), streams.pick(s + ":lo", row, half)))
        return lo, add(lo.copy(), add(lit(1), streams.pick(s + ":len", row, half)))

    def r(row: exp.Expression) -> exp.Expression:
        if "timestamp" in sub_t:
            tz = "with time zone" in sub_t
            t0, t1 = seconds_of(DEFAULT_TS[0]), seconds_of(DEFAULT_TS[1])
            lo, hi = bounds(row, t0, t1 - t0, 3600, 14 * 86400)
            a, b = ts_from_seconds(lo, tz), ts_from_seconds(hi, tz)
        elif sub_t == "date":
            lo, hi = bounds(row, (DEFAULT_TS[0] - EPOCH).days, 3650, 1, 30)
            a, b = date_from_days(lo), date_from_days(hi)
        else:
            # the stream arithmetic is bigint: int4range/numrange need their own subtype
            lo, hi = bounds(row, 0, 1000 if not disjoint else max(1000, 2 * slots), 1, 100)
            a = exp.Cast(this=lo, to=exp.DataType.build(sub_t))
            b = exp.Cast(this=hi, to=exp.DataType.build(sub_t))
        return fn(ctor, a, b)
    return Value(r, injective=disjoint)


def choice_value(streams: Streams, s: str, values: list, ti: TypeInfo | None = None, unique: bool = False,
                 cast_to: str | None = None) -> Value:
    """A uniform pick from a list of literal values."""
    arr = sqlx.array(lit(v) for v in values)
    target = cast_to or (ti.sql if ti is not None and ti.kind == "enum" else None)

    def f(row: exp.Expression) -> exp.Expression:
        idx = add(lit(1), permutation(streams, s, row, len(values)) if unique else streams.pick(s, row, len(values)))
        e = subscript(arr.copy(), idx)
        return cast(e, target) if target else e
    return Value(f, injective=unique and len(values) > 0, source="choice")
