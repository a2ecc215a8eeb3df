"""Fitted generators (``stats: auto``): the automatic source queries and what they fill in.

For every row generator that says ``stats: auto`` make-stats runs one query on the source,
named like datafaker's ``auto__<table>__<column>``; at compile time its results become the
generator's kwargs. Also here: ``null_fraction: auto`` (``auto__nulls__<table>__<column>``),
``rows_from_source`` (``auto__rows__<table>``) and ``children_per_parent``
(``auto__children__<child>__<fk>``), and generate-config --fit.

Every query is built with sqlglot from quoted identifiers; no name is pasted into SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlglot import exp

from ..sql import sqlx
from ..sql.sqlx import lit
from ..config.load import Config, RowGenerator, suggest
from ..errors import Problem
from ..schema.model import ForeignKey, Schema, Table
from ..schema.types import TypeInfo, resolve_type
from .quantiles import source_table

SUPPRESS_COUNT = 7  # datafaker's: groups with count <= 7 are left out of choice statistics
MAXIMUM_CHOICES = 500  # datafaker's cap on the number of distinct values kept

# generator name -> (kind, {kwarg: result column})
FITTED: dict[str, tuple[str, dict[str, str]]] = {
    "dist_gen.normal": ("mean_sd", {"mean": "mean", "sd": "sd"}),
    "dist_gen.uniform_ms": ("mean_sd", {"mean": "mean", "sd": "sd"}),
    "dist_gen.lognormal": ("log", {"logmean": "logmean", "logsd": "logsd"}),
    "dist_gen.uniform": ("range", {"low": "low", "high": "high"}),
    "generic.numeric.float_number": ("range", {"start": "low", "end": "high"}),
    "generic.numeric.integer_number": ("int_range", {"start": "start", "end": "end"}),
    "generic.datetime.date": ("years", {"start": "start", "end": "end"}),
    "generic.datetime.datetime": ("years", {"start": "start", "end": "end"}),
    "generic.weighted_boolean_provider.bool": ("bool", {"probability": "probability"}),
    "dist_gen.weighted_choice": ("counts", {"a": ""}),
    "dist_gen.choice": ("counts", {"a": ""}),
    "dist_gen.zipf_choice": ("counts", {"a": ""}),
    "sqlsynth.quantiles": ("quantiles", {"q": "q"}),
    "sqlsynth.text": ("lengths", {"lengths": "lengths"}),
    "sqlsynth.range": ("range_shape", {"lower": "lower", "length": "length", "upper_null": "upper_null"}),
}
# Kinds whose query also gives the source's min and max (low, high): continuous draws are clamped to them.
CLIPPED = {"mean_sd", "log"}
_NUMERIC = {"int", "numeric", "float"}
KINDS_NEED = {"mean_sd": (_NUMERIC, "a numeric"), "log": (_NUMERIC, "a numeric"), "range": (_NUMERIC, "a numeric"),
              "int_range": (_NUMERIC, "a numeric"), "years": ({"date", "timestamp", "timestamptz"}, "a date or timestamp"),
              "bool": ({"bool"}, "a boolean"),
              "quantiles": (_NUMERIC | {"date", "timestamp", "timestamptz"}, "a numeric, date or timestamp"),
              "lengths": ({"text"}, "a text"), "range_shape": ({"range"}, "a range")}
OPTION_KEYS = {"auto", "epsilon", "delta", "lower", "upper", "suppress", "max_values"}


@dataclass
class AutoOptions:
    epsilon: float | None = None
    delta: float | None = None
    lower: float | None = None
    upper: float | None = None
    suppress: int = SUPPRESS_COUNT
    max_values: int = MAXIMUM_CHOICES


@dataclass
class StatQuery:
    """One entry of src-stats.yaml to compute: a user's src-stats item or an automatic one."""

    name: str
    query: str
    path: str  # config path for located errors (src-stats[2], tables.t.row_generators[0].stats, ...)
    dp_query: str | None = None
    epsilon: float | None = None
    delta: float | None = None
    metadata: dict | None = None  # snsql table metadata for query_result
    comments: list[str] = field(default_factory=list)
    rename: dict[str, str] = field(default_factory=dict)  # DP result column -> written name
    suppress: int | None = None  # DP choice counts: drop groups with count <= this afterwards
    max_values: int | None = None
    auto: bool = False
    # post-processing of the results in make-stats, as data: ("histogram", {suppress}), ("dp_quantiles", {...}), ...
    post: tuple[str, dict] | None = None


def stat_name(table: str, column: str) -> str:
    return f"auto__{table}__{column}"


def nulls_name(table: str, column: str) -> str:
    return f"auto__nulls__{table}__{column}"


def rows_name(table: str) -> str:
    return f"auto__rows__{table}"


def children_name(child: str, fk_name: str) -> str:
    return f"auto__children__{child}__{fk_name}"


def parse_options(v: Any, path: str, cfg: Config, problems: list[Problem]) -> AutoOptions | None:
    """``stats: auto`` or ``stats: {auto: true, epsilon: 1.0, suppress: 7, ...}``."""
    if v == "auto" or v is True:
        return AutoOptions()
    if not isinstance(v, dict) or v.get("auto") is not True:
        problems.append(cfg.problem(path, f"must be `auto` or a mapping with `auto: true`, got {v!r}"))
        return None
    o = AutoOptions()
    ok = True
    for k, x in v.items():
        if k not in OPTION_KEYS:
            problems.append(cfg.problem(f"{path}.{k}", f"unknown option{suggest(k, OPTION_KEYS)}"))
            ok = False
            continue
        if k == "auto":
            continue
        number = isinstance(x, (int, float)) and not isinstance(x, bool)
        if k in ("suppress", "max_values"):
            if not (isinstance(x, int) and not isinstance(x, bool) and x >= (0 if k == "suppress" else 1)):
                problems.append(cfg.problem(f"{path}.{k}", f"must be a whole number >= {0 if k == 'suppress' else 1}"))
                ok = False
                continue
        elif k in ("lower", "upper") and isinstance(x, str) and x.strip():
            pass  # a date or timestamp bound (ISO), checked against the column where it is used
        elif not number or (k == "epsilon" and x <= 0) or (k == "delta" and not 0 <= x < 1):
            problems.append(cfg.problem(f"{path}.{k}", "must be a number" + {"epsilon": " > 0", "delta": " in [0, 1)"}.get(k, "")))
            ok = False
            continue
        setattr(o, k, x)
    from .private import dp_settings

    if o.epsilon is None and dp_settings(cfg) is None and any(getattr(o, k) is not None
                                                              for k in ("delta", "lower", "upper")):
        problems.append(cfg.problem(path, "delta, lower and upper only apply with epsilon (differential privacy)"))
        ok = False
    return o if ok else None


def fitted_spec(cfg: Config, tname: str, rg: RowGenerator, problems: list[Problem]) -> tuple[str, dict, AutoOptions] | None:
    """(kind, {kwarg: result column}, options) of a `stats: auto` generator, or None with a problem."""
    path = f"{rg.path}.stats"
    opts = parse_options(rg.stats, path, cfg, problems)
    if opts is None:
        return None
    if rg.name not in FITTED:
        problems.append(cfg.problem(path, f"stats: auto is not available for {rg.name} (it is for: "
                                          f"{', '.join(sorted(FITTED))})"))
        return None
    if len(rg.columns) != 1:
        problems.append(cfg.problem(path, "stats: auto fits one column; columns_assigned names "
                                          f"{len(rg.columns)}"))
        return None
    kind, kw = FITTED[rg.name]
    from .private import DP_KINDS, dp_settings

    glob = dp_settings(cfg)
    if opts.epsilon is None and glob is not None:  # the config's differential_privacy applies
        opts.epsilon, opts.delta = glob
    if opts.epsilon is not None:
        why = " (differential_privacy of the config)" if glob is not None and rg.stats == "auto" else ""
        if kind == "mean_sd" and (opts.lower is None or opts.upper is None or not _ordered(opts.lower, opts.upper)):
            problems.append(cfg.problem(path, "differentially private mean and sd need the column's bounds: "
                                              f"lower and upper (lower < upper){why}"))
            return None
        if kind == "quantiles" and (opts.lower is None or opts.upper is None):
            problems.append(cfg.problem(path, "differentially private quantiles need the column's public bounds: "
                                              "stats: {auto: true, lower: ..., upper: ...} (numbers, or ISO dates for "
                                              f"date and timestamp columns){why}"))
            return None
        if kind not in DP_KINDS:
            problems.append(cfg.problem(path, f"epsilon (differential privacy) is available for choices, booleans, "
                                              f"quantiles and text lengths, and for normal/uniform_ms with lower and "
                                              f"upper, not {rg.name}{why}; write a src-stats entry with a dp-query "
                                              "instead"))
            return None
    return kind, kw, opts


def _ordered(a: Any, b: Any) -> bool:
    try:
        return a < b
    except TypeError:
        return False


# ---- the SQL ---------------------------------------------------------------------------------


def _a(e: exp.Expression, name: str) -> exp.Expression:
    return exp.alias_(e, name, quoted=True)


def _dbl(e: exp.Expression) -> exp.Expression:
    return exp.Cast(this=e, to=exp.DataType.build("DOUBLE PRECISION"))


def _not_null(c: exp.Expression) -> exp.Expression:
    return exp.Not(this=exp.Is(this=c.copy(), expression=exp.Null()))


def _sql(e: exp.Expression) -> str:
    return e.sql(sqlx.DIALECT)


def _value_type(ti: TypeInfo | None) -> tuple[bool, str]:
    """(cast to text?, snsql type) of a choice column."""
    if ti is None:
        return True, "string"
    if ti.kind == "int":
        return False, "int"
    if ti.kind in ("numeric", "float"):
        return False, "float"
    if ti.kind == "bool":
        return False, "boolean"
    return True, "string"


_source = source_table  # a table of the source: in src_schema, or (several schemas) in its own


def fitted_query(name: str, path: str, kind: str, src_schema: Any, table: str, column: str,
                 opts: AutoOptions, ti: TypeInfo | None, what: str) -> StatQuery:
    t = _source(src_schema, table)
    c = sqlx.col(column)
    nn = _not_null(c)
    comments = [f"sqlsynth: stats: auto for {what}"]
    if opts.epsilon is not None:
        from .private import dp_binned, dp_bool

        if kind == "bool":
            return dp_bool(name, path, src_schema, table, column, opts, comments)
        if kind in ("quantiles", "lengths"):
            return dp_binned(name, path, kind, src_schema, table, column, opts, ti, comments)
        return _dp_fitted(name, path, kind, t, c, nn, opts, ti, comments)
    if kind in ("quantiles", "lengths", "range_shape"):
        from .quantiles import lengths_select, quantiles_select, range_select

        if kind == "quantiles":
            sel = quantiles_select(src_schema, table, column, ti, opts.suppress)
            comments.append("quantiles at 0, 2 %, ..., 100 % (the first is the minimum, the last the maximum)")
        elif kind == "lengths":
            sel = lengths_select(src_schema, table, column, opts.suppress)
            comments.append("quantiles of the length in characters")
        else:
            sel = range_select(src_schema, table, column, ti, opts.suppress)
            comments.append("quantiles of the lower bounds and of the lengths, share of ranges unbounded above")
        comments.append(f"no result when the column has {opts.suppress} values or fewer")
    elif kind == "mean_sd":
        sel = exp.select(_a(_dbl(exp.Avg(this=c.copy())), "mean"), _a(_dbl(exp.Stddev(this=c.copy())), "sd"),
                         _a(_dbl(exp.Min(this=c.copy())), "low"), _a(_dbl(exp.Max(this=c.copy())), "high")).from_(t).where(nn)
        comments.append("low and high (the minimum and maximum) bound the generated values")
    elif kind == "log":
        # Method of moments: the lognormal with the source's mean m and variance v has
        # logsd^2 = ln(1 + v/m^2), logmean = ln(m) - logsd^2/2, so the generated values keep the
        # source's mean and sd even when the source is not lognormal (fitting AVG/STDDEV of ln(x)
        # instead overstates the sd of skewed, discrete columns such as prices by 40%).
        m = _dbl(exp.Avg(this=c.copy()))
        s2 = exp.Ln(this=exp.Add(this=lit(1), expression=exp.Div(this=exp.Variance(this=c.copy()),
                                                               expression=exp.Paren(this=exp.Mul(this=m.copy(), expression=m.copy())))))
        pos = exp.GT(this=exp.Avg(this=c.copy()), expression=lit(0))
        logmean = exp.Sub(this=exp.Ln(this=m.copy()), expression=exp.Div(this=s2.copy(), expression=lit(2)))
        sel = exp.select(_a(exp.Case(ifs=[exp.If(this=pos, true=logmean)]), "logmean"),
                         _a(exp.Case(ifs=[exp.If(this=pos.copy(), true=exp.Sqrt(this=s2.copy()))]), "logsd"),
                         _a(_dbl(exp.Min(this=c.copy())), "low"), _a(_dbl(exp.Max(this=c.copy())), "high")) \
            .from_(t).where(exp.GTE(this=c.copy(), expression=lit(0)))
        comments.append("moments of the values >= 0, as logmean and logsd; low and high bound the generated values")
    elif kind == "range":
        sel = exp.select(_a(_dbl(exp.Min(this=c.copy())), "low"), _a(_dbl(exp.Max(this=c.copy())), "high")).from_(t).where(nn)
    elif kind == "int_range":
        big = exp.DataType.build("BIGINT")
        sel = exp.select(_a(exp.Cast(this=exp.Floor(this=exp.Min(this=c.copy())), to=big), "start"),
                         _a(exp.Cast(this=exp.Ceil(this=exp.Max(this=c.copy())), to=big.copy()), "end")).from_(t).where(nn)
    elif kind == "years":
        year = exp.Cast(this=exp.Extract(this=exp.var("YEAR"), expression=c.copy()), to=exp.DataType.build("INT"))
        sel = exp.select(_a(exp.Min(this=year), "start"), _a(exp.Max(this=year.copy()), "end")).from_(t).where(nn)
    elif kind == "bool":
        share = exp.Avg(this=sqlx.case([(c.copy(), lit(1.0))], lit(0.0)))
        sel = exp.select(_a(_dbl(share), "probability")).from_(t).where(nn)
    elif kind == "counts":
        cnt = exp.column("count", quoted=True)
        inner = exp.select(_a(c.copy(), "value"), _a(exp.Count(this=exp.Star()), "count")).from_(t).where(nn) \
            .group_by(c.copy())
        sel = exp.select(exp.column("value", quoted=True), cnt).from_(inner.subquery(exp.to_identifier("_q", quoted=True), copy=False))
        if opts.suppress > 0:
            sel = sel.where(exp.GT(this=cnt.copy(), expression=lit(opts.suppress)))
            comments.append(f"values with count <= {opts.suppress} suppressed")
        sel = sel.order_by(exp.Ordered(this=cnt.copy(), desc=True), exp.column("value", quoted=True)).limit(opts.max_values)
        comments.append(f"at most {opts.max_values} most frequent values")
    else:  # pragma: no cover
        raise ValueError(kind)
    return StatQuery(name=name, query=_sql(sel), path=path, comments=comments, auto=True)


def _dp_fitted(name: str, path: str, kind: str, t: exp.Table, c: exp.Column, nn: exp.Expression, opts: AutoOptions,
               ti: TypeInfo | None, comments: list[str]) -> StatQuery:
    """Through smartnoise-sql: the column as query_result, one row per individual (row privacy)."""
    comments.append(f"differentially private (smartnoise-sql, epsilon {opts.epsilon}, row privacy: "
                    "each source row is one individual)")
    if kind == "counts":
        as_text, typ = _value_type(ti)
        v = exp.Cast(this=c.copy(), to=exp.DataType.build("TEXT")) if as_text else c.copy()
        stage1 = exp.select(_a(v, "value")).from_(t).where(nn)
        comments.append("rare values are removed by smartnoise's thresholding (tau)"
                        + (f", then noisy counts <= {opts.suppress} are dropped" if opts.suppress > 0 else ""))
        return StatQuery(name=name, query=_sql(stage1), path=path, auto=True, comments=comments,
                         dp_query="SELECT value, COUNT(*) AS n FROM query_result GROUP BY value",
                         epsilon=opts.epsilon, delta=opts.delta if opts.delta is not None else 1e-5,
                         metadata={"row_privacy": True, "value": {"type": typ}}, rename={"n": "count"},
                         suppress=opts.suppress, max_values=opts.max_values)
    stage1 = exp.select(_a(_dbl(c.copy()), "x")).from_(t).where(nn)
    comments.append(f"values clamped to [{opts.lower}, {opts.upper}]")
    return StatQuery(name=name, query=_sql(stage1), path=path, auto=True, comments=comments,
                     dp_query="SELECT AVG(x) AS mean, STDDEV(x) AS sd FROM query_result",
                     epsilon=opts.epsilon, delta=opts.delta if opts.delta is not None else 1e-5,
                     metadata={"row_privacy": True, "x": {"type": "float", "lower": float(opts.lower),
                                                          "upper": float(opts.upper)}})


def nulls_query(src_schema: str | None, table: str, column: str, path: str) -> StatQuery:
    c = sqlx.col(column)
    total = exp.Count(this=exp.Star())
    nulls = exp.Sub(this=exp.Count(this=exp.Star()), expression=exp.Count(this=c.copy()))
    frac = exp.Div(this=_dbl(nulls.copy()), expression=exp.Nullif(this=total.copy(), expression=lit(0)))
    sel = exp.select(_a(total, "total"), _a(nulls, "nulls"), _a(frac, "fraction")).from_(_source(src_schema, table))
    return StatQuery(name=nulls_name(table, column), query=_sql(sel), path=path, auto=True,
                     comments=[f"sqlsynth: null_fraction: auto for {table}.{column}"])


def rows_query(src_schema: str | None, table: str, path: str) -> StatQuery:
    sel = exp.select(_a(exp.Count(this=exp.Star()), "count")).from_(_source(src_schema, table))
    return StatQuery(name=rows_name(table), query=_sql(sel), path=path, auto=True,
                     comments=[f"sqlsynth: rows_from_source for {table}"])


def children_query(src_schema: str | None, child: str, fk: ForeignKey, path: str, suppress: int = SUPPRESS_COUNT,
                   dp: tuple[float, float | None] | None = None) -> StatQuery:
    """One GROUP BY: how many parents have k children through this foreign key (k = 0, 1, ...).
    make-stats then merges runs of buckets with `suppress` parents or fewer into ranges {k, k_max, parents}
    (or leaves them out), as choices leave out rare values."""
    parent_keys = [sqlx.col(rc, "p") for rc in fk.ref_columns]
    on = None
    for cc, rc in zip(fk.columns, fk.ref_columns):
        eq = exp.EQ(this=sqlx.col(cc, "c"), expression=sqlx.col(rc, "p"))
        on = eq if on is None else exp.And(this=on, expression=eq)
    p = sqlx.table(fk.ref_schema, fk.ref_table) if fk.ref_schema else _source(src_schema, fk.ref_table)
    p.set("alias", exp.TableAlias(this=exp.to_identifier("p", quoted=True)))
    ct = _source(src_schema, child)
    ct.set("alias", exp.TableAlias(this=exp.to_identifier("c", quoted=True)))
    per_parent = exp.select(_a(exp.Count(this=sqlx.col(fk.columns[0], "c")), "k")) \
        .from_(p).join(ct, on=on, join_type="LEFT").group_by(*[k.copy() for k in parent_keys])
    k = exp.column("k", quoted=True)
    sel = exp.select(k, _a(exp.Count(this=exp.Star()), "parents")).from_(per_parent.subquery(exp.to_identifier("s", quoted=True), copy=False)) \
        .group_by(k.copy()).order_by(k.copy())
    comments = [f"sqlsynth: children_per_parent for {child} through {fk.name}: number of parents with k children",
                f"runs of k with {suppress} parents or fewer merged into ranges (k .. k_max), or left out"]
    q = StatQuery(name=children_name(child, fk.name), query=_sql(sel), path=path, auto=True, comments=comments,
                  post=("histogram", {"suppress": suppress}))
    if dp is not None:
        from .private import dp_children

        dp_children(q, per_parent, dp[0], dp[1], suppress)
    return q


def find_children_fk(schema: Schema, t: Table, want: Any) -> ForeignKey | None:
    """The foreign key named (or with the columns) `want`, as plan.build's children_per_parent finds it."""
    from ..schema.keys import effective_fks

    for _owner, fk in effective_fks(schema, t):
        if fk.name == want or fk.columns == (want if isinstance(want, list) else [want]):
            return fk
    return None


def fallback_name(table: str, column: str) -> str:
    return f"auto__quantiles__{table}__{column}"


def children_entries(cpp: Any) -> list[tuple[int | None, dict]]:
    """(index in the list, or None for the single-mapping form; entry) of a children_per_parent setting."""
    if isinstance(cpp, dict):
        return [(None, cpp)]
    if isinstance(cpp, list):
        return [(i, e) for i, e in enumerate(cpp) if isinstance(e, dict)]
    return []


def auto_queries(cfg: Config, schema: Schema | None, src_schema: Any,
                 problems: list[Problem]) -> list[StatQuery]:
    """Every automatic query the config asks for (stats: auto, null_fraction: auto,
    rows_from_source, children_per_parent without a histogram)."""
    from .private import dp_nulls, dp_rows, dp_settings

    out: list[StatQuery] = []
    if schema is not None and schema.multi:
        src_schema = schema  # several schemas: each table in its own
    raw_tables = cfg.raw.get("tables") if isinstance(cfg.raw.get("tables"), dict) else {}
    glob = dp_settings(cfg)

    def table_of(tname: str, path: str) -> Table | None:
        if schema is None:
            return None
        t = schema.tables.get(tname)
        if t is None:
            problems.append(cfg.problem(path, f"unknown table {tname!r}{suggest(tname, schema.tables)}"))
        return t

    def column_ok(t: Table | None, column: str, path: str) -> bool:
        if t is not None and column not in t.columns:
            problems.append(cfg.problem(path, f"unknown column {t.name}.{column}{suggest(column, t.columns)}"))
            return False
        return True

    for tname, tc in cfg.tables.items():
        if tc.ignore or tc.vocabulary_table:
            continue
        td = raw_tables.get(tname) if isinstance(raw_tables.get(tname), dict) else {}
        wants = [rg for rg in tc.row_generators if rg.stats is not None or rg.null_fraction == "auto"]
        needs_rows = td.get("rows_from_source") is not None
        cpp = [(i, e) for i, e in children_entries(td.get("children_per_parent"))
               if e.get("histogram") is None and "foreign_key" in e]
        if not (wants or needs_rows or cpp):
            continue
        t = table_of(tname, tc.path)
        if schema is not None and t is None:
            continue
        for rg in wants:
            if rg.stats is not None:
                spec = fitted_spec(cfg, tname, rg, problems)
                if spec is not None and column_ok(t, rg.columns[0], f"{rg.path}.columns_assigned"):
                    kind, _kw, opts = spec
                    col = rg.columns[0]
                    ti = resolve_type(t.columns[col].type, schema) if t is not None else None
                    if ti is not None and kind in KINDS_NEED and ti.kind not in KINDS_NEED[kind][0]:
                        problems.append(cfg.problem(f"{rg.path}.stats", f"{rg.name} with stats: auto needs "
                                                    f"{KINDS_NEED[kind][1]} column; {tname}.{col} is {ti.sql}"))
                        continue
                    try:
                        out.append(fitted_query(stat_name(tname, col), f"{rg.path}.stats", kind, src_schema, tname,
                                                col, opts, ti, f"{rg.path} ({rg.name})"))
                    except ValueError as e:  # bounds of a differentially private statistic
                        problems.append(cfg.problem(f"{rg.path}.stats", str(e)))
                        continue
                    if kind == "counts" and opts.epsilon is None and ti is not None \
                            and ti.kind in KINDS_NEED["quantiles"][0]:
                        # if every value is rare (suppressed), the generator falls back to these quantiles
                        fb = fitted_query(fallback_name(tname, col), f"{rg.path}.stats", "quantiles", src_schema, tname,
                                          col, opts, ti, f"{rg.path} ({rg.name}), used if every value is suppressed")
                        out.append(fb)
            if rg.null_fraction == "auto":
                if len(rg.columns) != 1:
                    problems.append(cfg.problem(f"{rg.path}.null_fraction", "null_fraction: auto needs a single "
                                                                          "column in columns_assigned"))
                elif column_ok(t, rg.columns[0], f"{rg.path}.columns_assigned"):
                    q = nulls_query(src_schema, tname, rg.columns[0], f"{rg.path}.null_fraction")
                    out.append(dp_nulls(q, src_schema, tname, rg.columns[0], *glob) if glob else q)
        if needs_rows:
            q = rows_query(src_schema, tname, f"{tc.path}.rows_from_source")
            out.append(dp_rows(q, src_schema, tname, *glob) if glob else q)
        for i, entry in cpp:
            if t is None:
                break
            path = f"{tc.path}.children_per_parent" + (f"[{i}]" if i is not None else "")
            fk = find_children_fk(schema, t, entry["foreign_key"])
            if fk is None:
                names = [fk.name for fk in t.foreign_keys]
                problems.append(cfg.problem(f"{path}.foreign_key", f"{tname} has no foreign key "
                                            f"{entry['foreign_key']!r}{suggest(str(entry['foreign_key']), names)}"))
                continue
            sup = entry.get("suppress", SUPPRESS_COUNT)
            if isinstance(sup, bool) or not isinstance(sup, int) or sup < 0:
                problems.append(cfg.problem(f"{path}.suppress", "must be a whole number >= 0"))
                continue
            eps = entry.get("epsilon")
            dp = (float(eps), entry.get("delta")) if isinstance(eps, (int, float)) and not isinstance(eps, bool) \
                and eps > 0 else glob
            out.append(children_query(src_schema, tname, fk, path, sup, dp))
    return out
