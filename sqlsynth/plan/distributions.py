"""More generators compiled to SQL: exponential, poisson, zipf, multivariate normal/lognormal,
formatted sequences, time spans, truncated strings and the SQL-expression escape hatch."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import sqlglot
from sqlglot import exp

from ..errors import first_line
from ..sql import sqlx
from ..sql.sqlx import add, lit, mul
from .generators import (GenContext, GeneratorError, REGISTRY, SUPPORTS_UNIQUE, _cast_to_column, _num,
                         _rows_values, _single, _std_normal, pool_value, weighted_value)
from .values import Value, permutation, seconds_of, ts_from_seconds


def g_exponential(ctx: GenContext, rate: float | None = None, scale: float | None = None) -> list[Value]:
    """An exponential number with the given `rate` (or `scale` = 1/rate; give exactly one):
    -ln(1 - u) / rate.

    Promises: mean 1/rate, standard deviation 1/rate."""
    _single(ctx, "exponential")
    if (rate is None) == (scale is None):
        raise GeneratorError("give exactly one of rate or scale")
    r = _num("rate", rate) if rate is not None else 1.0 / _num("scale", scale)
    if r <= 0:
        raise GeneratorError("rate must be positive")
    return [Value(lambda row: exp.Div(this=exp.Neg(this=exp.Ln(this=exp.Sub(this=lit(1.0), expression=ctx.streams.u(ctx.stream, row)))),
                                      expression=lit(r)))]


def g_poisson(ctx: GenContext, lam: float = 1.0) -> list[Value]:
    """A Poisson count by inverse CDF (a CASE over the cumulative probabilities); above lam = 60, a
    rounded normal(lam, sqrt(lam)) approximation, never below 0.

    Promises: mean and variance `lam`."""
    _single(ctx, "poisson")
    lam = _num("lam", lam)
    if lam <= 0:
        raise GeneratorError("lam must be positive")
    if lam > 60:
        return [Value(lambda row: exp.Greatest(this=lit(0), expressions=[exp.Round(this=add(lit(lam), mul(lit(math.sqrt(lam)), _std_normal(ctx, row, ctx.stream))))]))]
    cum, p, k, acc = [], math.exp(-lam), 0, 0.0
    while acc < 1 - 1e-12 and k < 1000:
        acc += p
        cum.append(acc)
        k += 1
        p *= lam / k

    def f(row: exp.Expression) -> exp.Expression:  # k = how many cumulative probabilities are <= u
        return sqlx.bucket(ctx.streams.u(ctx.stream, row), cum)
    return [Value(f)]


def g_zipf_choice(ctx: GenContext, a: Any = None, n: int | None = None) -> list[Value]:
    """datafaker's zipf_choice: one of the values of `a`, taken in the order given (most frequent
    first), the value of rank r with weight 1/r; `n` keeps only the first n values.

    Promises: P(rank r) = (1/r) / (1 + 1/2 + ... + 1/n)."""
    _single(ctx, "zipf_choice")
    values = _rows_values(a, "zipf_choice")
    if n is not None:
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise GeneratorError(f"n must be a whole number >= 1 (how many of the values to use), got {n!r}")
        values = values[:n]
    return [weighted_value(ctx, values, [1.0 / (i + 1) for i in range(len(values))])]


def _cov_matrix(cov: Any) -> tuple[list[float], list[list[float]]]:
    if not isinstance(cov, dict) or "rank" not in cov:
        raise GeneratorError("cov must be a mapping {rank, m0.., cI_J} as datafaker writes it")
    r = int(cov["rank"])
    try:
        means = [float(cov[f"m{i}"]) for i in range(r)]
        c = [[0.0] * r for _ in range(r)]
        for i in range(r):
            for j in range(i, r):
                v = cov.get(f"c{i}_{j}", cov.get(f"c{j}_{i}"))
                c[i][j] = c[j][i] = float(v)
    except (KeyError, TypeError, ValueError) as e:
        raise GeneratorError(f"cov is missing or has a bad entry: {e}") from None
    return means, c


def cholesky(c: list[list[float]]) -> list[list[float]]:
    n = len(c)
    L = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1):
            s = c[i][j] - sum(L[i][k] * L[j][k] for k in range(j))
            if i == j:
                if s < -1e-9:
                    raise GeneratorError("the covariance matrix is not positive semi-definite")
                L[i][j] = math.sqrt(max(s, 0.0))
            else:
                L[i][j] = s / L[j][j] if L[j][j] > 0 else 0.0
    return L


def _mvn(ctx: GenContext, cov: Any, log: bool) -> list[Value]:
    means, c = _cov_matrix(cov)
    if len(means) != len(ctx.columns):
        raise GeneratorError(f"cov has rank {len(means)} but columns_assigned names {len(ctx.columns)} columns")
    L = cholesky(c)

    def make(i: int) -> Value:
        def f(row: exp.Expression) -> exp.Expression:
            e: exp.Expression = lit(means[i])
            for j in range(i + 1):
                if L[i][j] != 0.0:
                    e = add(e, mul(lit(L[i][j]), _std_normal(ctx, row, f"{ctx.stream}:z{j}")))
            return exp.Exp(this=e) if log else e
        return Value(f)
    return [make(i) for i in range(len(means))]


def g_multivariate_normal(ctx: GenContext, cov: Any = None) -> list[Value]:
    """Correlated normal columns, one per entry of `columns_assigned`, from datafaker's `cov`
    mapping {rank, m0.., c0_0, c0_1, ...}: the means plus the Cholesky factor of the covariance matrix
    (computed at compile time) times independent standard normals.

    Promises: column i has mean m_i; the covariance of columns i and j is c_i_j."""
    return _mvn(ctx, cov, log=False)


def g_multivariate_lognormal(ctx: GenContext, cov: Any = None) -> list[Value]:
    """exp() of a multivariate normal (same `cov` as dist_gen.multivariate_normal): correlated
    positive columns.

    Promises: the logs of the columns have means m_i and covariances c_i_j."""
    return _mvn(ctx, cov, log=True)


_FMT = re.compile(r"^(?P<pre>[^{}]*)\{(?::(?P<zero>0)?(?P<width>\d+)?d?)?\}(?P<post>[^{}]*)$")


def g_sequence(ctx: GenContext, format: str = "{}", start: int = 1, step: int = 1) -> list[Value]:
    """A formatted, unique sequence: format 'CUST-{:06d}' gives CUST-000001, CUST-000002, ...;
    the number of row i is start + step * (i - 1). An integer column with format '{}' gets the number
    itself.

    Promises: distinct values, in row order (unique by construction)."""
    _single(ctx, "sequence")
    m = _FMT.match(str(format))
    if not m:
        raise GeneratorError("format must hold one {} or {:0Nd} placeholder, e.g. 'CUST-{:06d}'")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, step)) or step == 0:
        raise GeneratorError("start and step must be whole numbers, step not 0")
    ti = ctx.types[0]

    def f(row: exp.Expression) -> exp.Expression:
        if step == 1:  # start + (i - 1), folded: the row number itself for the usual start 1 (pgbench's aid)
            num = row.copy() if start == 1 else add(row.copy(), lit(start - 1))
        else:
            num = add(lit(start), mul(lit(step), exp.Sub(this=row.copy(), expression=lit(1))))
        if ti.kind in ("int", "numeric") and not m.group("pre") and not m.group("post"):
            return num
        txt = exp.Cast(this=num, to=exp.DataType.build("TEXT"))
        if m.group("width"):
            txt = exp.Pad(this=txt, expression=lit(int(m.group("width"))), fill_pattern=lit("0" if m.group("zero") else " "), is_left=True)
        return sqlx.concat(lit(m.group("pre")), txt, lit(m.group("post")))
    return [Value(f, injective=True)]


def _seconds(v: Any, name: str) -> int:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return int(v)
    if isinstance(v, str):
        m = re.fullmatch(r"\s*(\d+)\s*(second|minute|hour|day|week)s?\s*", v)
        if m:
            return int(m.group(1)) * {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}[m.group(2)]
    raise GeneratorError(f"{name} must be seconds or a string like '3 days', got {v!r}")


def g_timespan(ctx: GenContext, earliest_start_year: int = 2010, last_start_year: int = 2025,
               min_dt: Any = 0, max_dt: Any = 4 * 604800) -> list[Value]:
    """datafaker's timespan: fills 2 columns (start, end) or 3 (start, end, delta). start is a
    second between the start of `earliest_start_year` and the end of `last_start_year`; delta a whole
    number of seconds between `min_dt` and `max_dt` (numbers or strings such as '3 days'); end =
    start + delta, so end is never before start.

    Promises: start uniform over those years, delta uniform on min_dt..max_dt, end - start = delta."""
    if len(ctx.columns) not in (2, 3):
        raise GeneratorError("timespan fills 2 columns (start, end) or 3 (start, end, delta)")
    lo, hi = _seconds(min_dt, "min_dt"), _seconds(max_dt, "max_dt")
    if hi < lo:
        raise GeneratorError("max_dt is below min_dt")
    s0 = seconds_of(dt.datetime(int(earliest_start_year), 1, 1))
    s1 = seconds_of(dt.datetime(int(last_start_year), 12, 31, 23, 59, 59))
    st = ctx.streams

    def start(row: exp.Expression) -> exp.Expression:
        return add(lit(s0), st.pick(ctx.stream + ":start", row, s1 - s0 + 1))

    def delta(row: exp.Expression) -> exp.Expression:
        return add(lit(lo), st.pick(ctx.stream + ":delta", row, hi - lo + 1))

    def as_type(e: exp.Expression, i: int) -> exp.Expression:
        kind = ctx.types[i].kind
        if kind == "date":
            return exp.Cast(this=ts_from_seconds(e, False), to=exp.DataType.build("DATE"))
        return ts_from_seconds(e, kind == "timestamptz")

    vals = [Value(lambda row: as_type(start(row), 0)),
            Value(lambda row: as_type(add(start(row), delta(row)), 1))]
    if len(ctx.columns) == 3:
        vals.append(Value(lambda row: mul(delta(row), exp.Interval(this=lit("1"), unit=exp.var("SECOND")))))
    return vals


def g_truncated_string(ctx: GenContext, subgen_fn: str = "", params: dict | None = None, length: int = 0) -> list[Value]:
    """datafaker's truncated_string: the text of another generator (`subgen_fn`, with `params` as
    its kwargs; a registered name or a Mimesis method) cut to `length` characters.

    Promises: what subgen_fn promises, with at most `length` characters."""
    if not isinstance(length, int) or length <= 0:
        raise GeneratorError("length must be a positive whole number")
    name = str(subgen_fn)
    if name in REGISTRY:
        vals = REGISTRY[name](ctx, **(params or {}))
    else:
        vals = pool_value(ctx, name, [], dict(params or {}))
    return [Value(lambda row, v=v: exp.Left(this=exp.Cast(this=v.at(row), to=exp.DataType.build("TEXT")), expression=lit(length)),
                  source=v.source) for v in vals]


def g_title(ctx: GenContext, words: int = 2, case: str = "title") -> list[Value]:
    """A short title such as 'Plenty Harbor' (Pagila's 'ACADEMY DINOSAUR'): `words` independent picks
    from a pool of Mimesis words (generic.text.word); case 'title', 'upper' or 'lower'; cut to the
    column's length. unique: true gives each row its own combination of words (a permutation).

    Promises: each word uniform over the pool; with unique: true, distinct titles."""
    from ..config.mimesis import PoolError
    from .pools import lookup

    _single(ctx, "title")
    if isinstance(words, bool) or not isinstance(words, int) or not 1 <= words <= 8:
        raise GeneratorError("words must be a whole number from 1 to 8")
    folds = {"title": exp.Initcap, "upper": exp.Upper, "lower": exp.Lower}
    if case not in folds:
        raise GeneratorError(f"case must be one of {', '.join(folds)}, got {case!r}")
    assert ctx.pools is not None
    pool = ctx.pools.get("generic.text.word", [], {}, size=ctx.pool_size, locale=ctx.locale)
    try:
        k = len(pool.build())
    except PoolError as e:
        raise GeneratorError(str(e)) from None
    if k == 0:
        raise GeneratorError("generic.text.word produced no values")
    length = ctx.types[0].length if ctx.types and ctx.types[0].kind == "text" else None
    space = k ** words
    if ctx.unique and space < ctx.n_rows:
        raise GeneratorError(f"unique titles: {words} words from {k} give {space} combinations for {ctx.n_rows} rows; "
                             "raise words")

    def pick(i: int, row: exp.Expression) -> exp.Expression:
        if not ctx.unique:
            return ctx.streams.pick(f"{ctx.stream}:w{i}", row, k)
        # distinct rows, distinct word combinations: digit i of a permutation of 0..k^words-1 in base k
        p = permutation(ctx.streams, f"{ctx.stream}:u", row, space)
        return exp.Mod(this=exp.Paren(this=exp.Div(this=p, expression=lit(k ** i), typed=True)) if i else p,
                       expression=lit(k))

    def f(row: exp.Expression) -> exp.Expression:
        parts: list[exp.Expression] = []
        for i in range(words):
            if parts:
                parts.append(lit(" "))
            parts.append(lookup(pool, pick(i, row)))
        e = folds[case](this=sqlx.concat(*parts) if len(parts) > 1 else parts[0])
        return exp.Left(this=e, expression=lit(length)) if length is not None else e
    return [Value(lambda row: _cast_to_column(ctx, f(row)), injective=ctx.unique, source="title")]


REGISTRY.update({
    "sqlsynth.title": g_title,
    "sqlsynth.exponential": g_exponential,
    "sqlsynth.poisson": g_poisson,
    "dist_gen.zipf_choice": g_zipf_choice,
    "dist_gen.multivariate_normal": g_multivariate_normal,
    "dist_gen.multivariate_lognormal": g_multivariate_lognormal,
    "sqlsynth.sequence": g_sequence,
    "generic.timespan_provider.timespan": g_timespan,
    "dist_gen.truncated_string": g_truncated_string,
})
SUPPORTS_UNIQUE.update({"sqlsynth.sequence", "sqlsynth.title"})


_SPECIAL = {"_row", "_u", "_u2", "_n"}


def sql_references(expression: str) -> set[str]:
    try:
        tree = sqlglot.parse_one(expression, dialect="postgres")
    except sqlglot.errors.ParseError as e:
        raise GeneratorError(f"expression is not valid SQL: {first_line(e)}") from None
    if not isinstance(tree, exp.Expression) or isinstance(tree, (exp.Query, exp.DDL, exp.DML, exp.Command)):
        raise GeneratorError("expression must be a single SQL expression (no statements)")
    if any(isinstance(n, (exp.Query, exp.Subquery)) for n in tree.walk()):
        raise GeneratorError("expression may not contain subqueries")
    return {c.name for c in tree.find_all(exp.Column) if not c.table}


def g_sql(ctx: GenContext, expression: str = "") -> list[Value]:
    """An SQL expression over other columns of the same row, the row number (_row) and uniform
    draws (_u, _u2) or a standard normal (_n) from this generator's own stream. Parsed by sqlglot;
    no subqueries; a column the expression names is computed first.

    Promises: nothing beyond what the expression computes; the same seed gives the same values."""
    _single(ctx, "sql")
    if not isinstance(expression, str) or not expression.strip():
        raise GeneratorError("expression must be a non-empty SQL expression")
    refs = sql_references(expression) - _SPECIAL
    unknown = sorted(r for r in refs if r not in ctx.table_columns)
    if unknown:
        raise GeneratorError(f"expression names unknown column(s) {', '.join(unknown)}")
    if ctx.columns[0] in refs:
        raise GeneratorError("expression refers to the column it fills")
    tree = sqlglot.parse_one(expression, dialect="postgres")
    ctx.depends_on = sorted(refs)

    def f(row: exp.Expression) -> exp.Expression:
        def swap(node: exp.Expression) -> exp.Expression:
            if isinstance(node, exp.Column) and not node.table:
                if node.name == "_row":
                    return row.copy()
                if node.name == "_u":
                    return ctx.streams.u(ctx.stream + ":u", row)
                if node.name == "_u2":
                    return ctx.streams.u(ctx.stream + ":u2", row)
                if node.name == "_n":
                    return exp.Paren(this=_std_normal(ctx, row, ctx.stream + ":n"))
                if node.name in ctx.table_columns and ctx.row_values is not None:
                    other = ctx.row_values.get(node.name)
                    return exp.Paren(this=other.at(row)) if other is not None else exp.Null()
            return node
        return exp.Paren(this=tree.copy().transform(swap))
    return [Value(lambda row: _cast_to_column(ctx, f(row)))]


REGISTRY["sqlsynth.sql"] = g_sql
