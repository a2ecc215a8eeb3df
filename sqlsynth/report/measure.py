"""The aggregates the report compares, built as sqlglot trees and computed on the servers.

``profile(side, ...)`` measures one database (the source, or the destination with the source's
bins) and returns plain, JSON-ready data: nothing but aggregates leaves a server. The source's
profile can be stored in src-stats.yaml by make-stats (entry ``sqlsynth__report``) so that the
report also works where the source is reachable only inside a private network.

Per table: row count; per column: non-null count, distinct count, min/max, and a marginal:
* numbers, dates and times (and text lengths): the counts of ``width_bucket`` over the source's
  1 %, 2 %, ..., 99 % quantiles (deduplicated), so the Kolmogorov-Smirnov distance and a binned
  total variation distance can be computed from the two count vectors;
* everything else: the source's most frequent values (``TOP`` of them) and the count of the rest.
Per foreign key: the children-per-parent histogram (degrees above ``MAX_DEGREE`` pooled), all the
foreign keys of a child table in one scan.
Per table: the correlation matrix of its numeric non-key columns.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable

from sqlglot import exp

from ..db import PerThread
from ..sql import primitives, sqlx
from ..sql.sqlx import lit
from ..config.rules import family, point_kind
from ..schema.model import ForeignKey, Schema, Table
from ..schema.types import resolve_type
from ..stats.rules import epoch

TOP = 30  # categorical values kept per column
MAX_DEGREE = 100  # children-per-parent degrees above this are pooled
MAX_CORR_COLUMNS = 8
GRID = [i / 100 for i in range(1, 100)]
_F8 = "DOUBLE PRECISION"
_TEXTLIKE = {"text", "char1", "enum"}


def _a(e: exp.Expression, name: str) -> exp.Expression:
    return exp.alias_(e, name, quoted=True)


class Side:
    """One database: how to name a table there, and how to run a SELECT (returns its rows), on one
    connection per thread (opened on first use; close() closes them all)."""

    def __init__(self, name: str, table: Callable[[str], exp.Table], opener: Callable[[], Any],
                 runner: Callable[[Any, str], list[tuple]], jobs: int = 1, engine: str = "postgresql"):
        self.name, self.table, self.opener, self.runner, self.jobs = name, table, opener, runner, max(1, jobs)
        self.engine = engine
        self._conns = PerThread(opener)

    def conn(self) -> Any:
        return self._conns.get()

    def run(self, q: str) -> list[tuple]:
        return self.runner(self.conn(), q)

    def map(self, fn: Callable[[Any], Any], items: list) -> list:
        """fn over items on up to `jobs` threads (each with its own connection), results in order."""
        if self.jobs <= 1 or len(items) <= 1:
            return [fn(x) for x in items]
        with ThreadPoolExecutor(max_workers=min(self.jobs, len(items))) as pool:
            return list(pool.map(fn, items))

    def close(self) -> None:
        self._conns.close()


@dataclass
class ColumnKind:
    name: str
    kind: str  # "numeric" (numbers, dates, times, ranges by their lower bound) | "categorical" | "other"
    textlike: bool
    point: str | None  # point_kind, for epoch()
    ti: Any


def key_columns(schema: Schema, t: Table) -> set[str]:
    from ..schema.keys import effective_fks

    out = set(t.primary_key.columns) if t.primary_key else set()
    for p in schema.partitions_of(t.name):  # Pagila's payment declares its key on the partitions
        if p.primary_key:
            out |= set(p.primary_key.columns)
    for _o, fk in effective_fks(schema, t):
        out |= set(fk.columns)
    return out


def column_kinds(schema: Schema, t: Table) -> list[ColumnKind]:
    out = []
    for c in t.columns.values():
        ti = resolve_type(c.type, schema)
        pk = point_kind(ti)
        if pk is not None and family(pk) in ("number", "time"):
            kind = "numeric"
        elif ti.array_dims == 0 and ti.kind in ("text", "char1", "enum", "bool", "uuid", "inet", "cidr", "macaddr",
                                                  "interval", "time", "timetz", "money", "bit", "varbit"):
            kind = "categorical"
        else:
            kind = "other"
        out.append(ColumnKind(c.name, kind, ti.kind in _TEXTLIKE and ti.array_dims == 0, pk, ti))
    return out


def _num(ck: ColumnKind, alias: str | None = None) -> exp.Expression:
    return epoch(sqlx.col(ck.name, alias), ck.ti)


def _point(ck: ColumnKind) -> exp.Expression:
    """The column's point without a cast to double: numbers as they are, dates and times as the numeric
    seconds EXTRACT gives (their mean is then exact, the same whatever the plan: parallel sums of
    doubles are not)."""
    e = sqlx.col(ck.name)
    if ck.ti.kind == "range":
        e = primitives.range_lower(e)
    if family(ck.point) == "number":
        return e
    return exp.Extract(this=exp.var("EPOCH"), expression=e)


def _length(ck: ColumnKind, alias: str | None = None) -> exp.Expression:
    return exp.Cast(this=exp.Length(this=exp.Cast(this=sqlx.col(ck.name, alias), to=exp.DataType.build("TEXT"))),
                    to=exp.DataType.build(_F8))


def _text(e: exp.Expression) -> exp.Expression:
    return exp.Cast(this=e, to=exp.DataType.build("TEXT"))


def _f(v: Any) -> float | None:
    return None if v is None else float(v)


# ---- per table --------------------------------------------------------------------------------


def basics(side: Side, t: Table, kinds: list[ColumnKind], keys: set[str]) -> dict:
    """Row count; per column non-null and distinct counts (not of key columns: the relationships
    measure those), min/max/mean of numeric ones."""
    sel = exp.select(_a(exp.Count(this=exp.Star()), "rows"))
    for i, ck in enumerate(kinds):
        c = sqlx.col(ck.name)
        sel = sel.select(_a(exp.Count(this=c.copy()), f"n{i}"))
        if ck.kind == "numeric":
            sel = sel.select(_a(exp.Min(this=_num(ck)), f"lo{i}"), _a(exp.Max(this=_num(ck)), f"hi{i}"),
                             _a(exp.Cast(this=exp.Avg(this=_point(ck)), to=exp.DataType.build(_F8)), f"mean{i}"))
    corr_cols = [ck for ck in kinds if ck.kind == "numeric" and ck.name not in keys][:MAX_CORR_COLUMNS]
    pairs = [(i, j) for i in range(len(corr_cols)) for j in range(i + 1, len(corr_cols))]
    for i, j in pairs:  # the correlations of the numeric non-key columns, in the same scan
        sel = sel.select(_a(exp.Corr(this=_num(corr_cols[i]), expression=_num(corr_cols[j])), f"c{i}_{j}"))
    row = side.run(sel.from_(side.table(t.name)).sql(sqlx.DIALECT))[0]
    names = [e.alias for e in sel.expressions]
    got = dict(zip(names, row))
    corr = None
    if len(corr_cols) >= 2:
        m = [[1.0 if i == j else None for j in range(len(corr_cols))] for i in range(len(corr_cols))]
        for i, j in pairs:
            m[i][j] = m[j][i] = _f(got[f"c{i}_{j}"])
        corr = {"columns": [c.name for c in corr_cols], "matrix": m}
    distinct = distinct_counts(side, t, [ck.name for ck in kinds if ck.kind != "other" and ck.name not in keys])
    cols = {}
    for i, ck in enumerate(kinds):
        cols[ck.name] = {"kind": ck.kind, "time": family(ck.point) == "time", "non_null": int(got[f"n{i}"]),
                         "distinct": distinct.get(ck.name),
                         "min": _f(got.get(f"lo{i}")), "max": _f(got.get(f"hi{i}")), "mean": _f(got.get(f"mean{i}"))}
    return {"rows": int(got["rows"]), "columns": cols, "correlations": corr}


def distinct_counts(side: Side, t: Table, columns: list[str]) -> dict[str, int]:
    """The number of distinct non-NULL values of each column, in one scan (hashed GROUPING SETS:
    much faster than count(DISTINCT), which sorts each column)."""
    if not columns:
        return {}
    which = sqlx.case([(exp.EQ(this=exp.Grouping(expressions=[sqlx.col(c)]), expression=lit(0)), lit(i))
                       for i, c in enumerate(columns)])
    inner = exp.select(_a(which, "s"), *[_a(sqlx.col(c), f"k{i}") for i, c in enumerate(columns)]) \
        .from_(side.table(t.name))
    inner.set("group", exp.Group(expressions=[exp.GroupingSets(expressions=[exp.Paren(this=sqlx.col(c)) for c in columns])]))
    s_col = exp.column("s", quoted=True)
    where = None
    for i in range(len(columns)):
        cond = exp.Paren(this=exp.And(this=exp.EQ(this=s_col.copy(), expression=lit(i)),
                                      expression=exp.Not(this=exp.Is(this=exp.column(f"k{i}", quoted=True),
                                                                     expression=exp.Null()))))
        where = cond if where is None else exp.Or(this=where, expression=cond)
    sel = (exp.select(_a(s_col.copy(), "s"), _a(exp.Count(this=exp.Star()), "n"))
           .from_(inner.subquery(exp.to_identifier("x", quoted=True), copy=False)).where(where).group_by(lit(1)))
    got = {int(i): int(n) for i, n in side.run(sel.sql(sqlx.DIALECT))}
    return {c: got.get(i, 0) for i, c in enumerate(columns)}


def quantile_edges(side: Side, t: Table, exprs: dict[str, exp.Expression]) -> dict[str, list[float]]:
    """The 1 %..99 % quantiles of each expression (source side), deduplicated."""
    if not exprs:
        return {}
    grid = exp.Array(expressions=[lit(q) for q in GRID])
    sel = exp.select(*[
        _a(exp.WithinGroup(this=exp.PercentileDisc(this=grid.copy()),
                           expression=exp.Order(expressions=[exp.Ordered(this=e)])), k)
        for k, e in exprs.items()]).from_(side.table(t.name))
    row = side.run(sel.sql(sqlx.DIALECT))[0]
    out = {}
    for k, v in zip(exprs, row):
        out[k] = sorted({float(x) for x in (v or []) if x is not None})
    return out


def _buckets(e: exp.Expression, edges: list[float]) -> exp.Expression:
    arr = exp.Cast(this=exp.Array(expressions=[lit(float(x)) for x in edges]),
                   to=exp.DataType.build("DOUBLE PRECISION[]"))
    return exp.WidthBucket(this=e.copy(), threshold=arr)


def grouped_counts(side: Side, t: Table, exprs: dict[str, exp.Expression]) -> dict[str, dict[Any, int]]:
    """For each expression, its count per value (NULL left out), all in one scan (GROUPING SETS)."""
    if not exprs:
        return {}
    keys = list(exprs)
    sel = exp.select(*[_a(exprs[k].copy(), f"e{i}") for i, k in enumerate(keys)],
                     *[_a(exp.Grouping(expressions=[exprs[k].copy()]), f"g{i}") for i, k in enumerate(keys)],
                     _a(exp.Count(this=exp.Star()), "n")).from_(side.table(t.name))
    sel.set("group", exp.Group(expressions=[exp.GroupingSets(expressions=[exp.Paren(this=exprs[k].copy()) for k in keys])]))
    out: dict[str, dict[Any, int]] = {k: {} for k in keys}
    n = len(keys)
    for row in side.run(sel.sql(sqlx.DIALECT)):
        for i, k in enumerate(keys):
            if row[n + i] == 0:
                if row[i] is not None:
                    out[k][row[i]] = int(row[-1])
                break
    return out


def top_values(side: Side, t: Table, ck: ColumnKind, values: list[str] | None) -> dict:
    """The TOP most frequent values (values None: the source) or the counts of the given values."""
    v = _text(sqlx.col(ck.name))
    total = exp.select(exp.Count(this=sqlx.col(ck.name))).from_(side.table(t.name))
    n = int(side.run(total.sql(sqlx.DIALECT))[0][0])
    sel = exp.select(_a(v, "v"), _a(exp.Count(this=exp.Star()), "n")).from_(side.table(t.name)) \
        .where(exp.Not(this=exp.Is(this=sqlx.col(ck.name), expression=exp.Null()))).group_by(lit(1))
    if values is None:
        sel = sel.order_by(exp.Ordered(this=exp.column("n", quoted=True), desc=True),
                           exp.Ordered(this=exp.column("v", quoted=True))).limit(TOP)
        rows = side.run(sel.sql(sqlx.DIALECT))
        return {"values": [r[0] for r in rows], "counts": [int(r[1]) for r in rows], "total": n}
    if not values:
        return {"values": [], "counts": [], "total": n}
    sel = sel.where(exp.In(this=v.copy(), expressions=[lit(x) for x in values]))
    got = {r[0]: int(r[1]) for r in side.run(sel.sql(sqlx.DIALECT))}
    return {"values": list(values), "counts": [got.get(x, 0) for x in values], "total": n}


def degrees(side: Side, child: str, fks: list[ForeignKey], parent_rows: dict[str, int]) -> dict[str, dict]:
    """Children per parent for each foreign key of a child table, in one scan of it (GROUPING SETS):
    the count of children of each referenced key, binned (degrees above MAX_DEGREE pooled); the parents
    without children are the parent's rows less those counted (every key refers to a row: the FK holds)."""
    sets = [[sqlx.col(c) for c in fk.columns] for fk in fks]
    which = sqlx.case([(exp.EQ(this=exp.Grouping(expressions=[c.copy() for c in cols]), expression=lit(0)),
                        lit(i)) for i, cols in enumerate(sets)])
    seen = []
    for cols in sets:
        for c in cols:
            if c.name not in [x.name for x in seen]:
                seen.append(c)
    inner = exp.select(_a(which, "s"), *[_a(c.copy(), f"k{j}") for j, c in enumerate(seen)],
                       _a(exp.Count(this=exp.Star()), "n")).from_(side.table(child))
    inner.set("group", exp.Group(expressions=[exp.GroupingSets(expressions=[exp.Tuple(expressions=[c.copy() for c in cols])
                                                                          for cols in sets])]))
    s_col = exp.column("s", quoted=True)
    conds = []
    for i, cols in enumerate(sets):
        present = [exp.Not(this=exp.Is(this=exp.column(f"k{[x.name for x in seen].index(c.name)}", quoted=True),
                                       expression=exp.Null())) for c in cols]
        cond = exp.EQ(this=s_col.copy(), expression=lit(i))
        for p in present:
            cond = exp.And(this=cond, expression=p)
        conds.append(exp.Paren(this=cond))
    where = conds[0]
    for c in conds[1:]:
        where = exp.Or(this=where, expression=c)
    capped = exp.Least(this=exp.column("n", quoted=True), expressions=[lit(MAX_DEGREE)])
    sel = (exp.select(_a(s_col.copy(), "s"), _a(capped, "k"), _a(exp.Count(this=exp.Star()), "c"))
           .from_(inner.subquery(exp.to_identifier("x", quoted=True), copy=False)).where(where).group_by(lit(1), lit(2)))
    hists = [[0] * (MAX_DEGREE + 1) for _ in fks]
    for i, k, c in side.run(sel.sql(sqlx.DIALECT)):
        hists[int(i)][int(k)] += int(c)
    out = {}
    for fk, h in zip(fks, hists):
        h[0] = max(0, parent_rows[fk.ref_table] - sum(h))
        out[fk.name] = {"child": child, "parent": fk.ref_table, "columns": list(fk.columns), "histogram": h}
    return out


def check_passes(side: Side, t: Table) -> dict[str, float | None]:
    """Share of rows where each CHECK of the table is not false (what PostgreSQL accepts)."""
    out: dict[str, float | None] = {}
    for ck in t.checks:
        try:
            cond = sqlx.parse(ck.expression)
        except Exception:  # noqa: BLE001 - an expression sqlglot cannot read is left out (noted)
            out[ck.name] = None
            continue
        share = exp.Avg(this=sqlx.case([(exp.Not(this=exp.Is(this=exp.Paren(this=cond), expression=exp.false())),
                                         lit(1.0))], lit(0.0)))
        sel = exp.select(exp.Cast(this=share, to=exp.DataType.build(_F8))).from_(side.table(t.name))
        try:
            out[ck.name] = _f(side.run(sel.sql(sqlx.DIALECT))[0][0])
        except Exception:  # noqa: BLE001 - e.g. a function of the source missing here
            out[ck.name] = None
    return out


# ---- a whole database -------------------------------------------------------------------------


def profile(side: Side, schema: Schema, tables: list[str], ref: dict | None = None) -> dict:
    """Every aggregate of the given tables; ref (the source's profile) gives the bins and values."""
    from ..schema.keys import effective_fks

    out: dict[str, Any] = {"tables": {}, "foreign_keys": {}}

    def one(name: str) -> dict:
        t = schema.tables[name]
        kinds = column_kinds(schema, t)
        keys = key_columns(schema, t)
        tp = basics(side, t, kinds, keys)
        rt = (ref or {}).get("tables", {}).get(name, {})
        # key columns: no marginal (their distribution is the relationships' children per parent)
        numeric = {ck.name: _num(ck) for ck in kinds if ck.kind == "numeric" and ck.name not in keys}
        lengths = {ck.name: _length(ck) for ck in kinds if ck.textlike}
        if ref is None:
            edges = quantile_edges(side, t, {**{f"v:{k}": e for k, e in numeric.items()},
                                             **{f"len:{k}": e for k, e in lengths.items()}})
        else:
            edges = {}
            for k in numeric:
                edges[f"v:{k}"] = (rt.get("columns", {}).get(k, {}).get("marginal") or {}).get("edges", [])
            for k in lengths:
                edges[f"len:{k}"] = (rt.get("columns", {}).get(k, {}).get("lengths") or {}).get("edges", [])
        # every histogram of the table in one scan: numbers and lengths in the source's bins, and (the
        # destination) the source's top values of the other columns
        exprs = {f"v:{k}": _buckets(e, edges[f"v:{k}"]) for k, e in numeric.items() if edges.get(f"v:{k}")}
        exprs.update({f"len:{k}": _buckets(e, edges[f"len:{k}"]) for k, e in lengths.items() if edges.get(f"len:{k}")})
        wanted = {}
        for ck in kinds:
            if ck.kind == "categorical" and ref is not None and ck.name not in keys:
                vals = ((rt.get("columns", {}).get(ck.name, {}).get("marginal") or {}).get("values") or [])
                wanted[ck.name] = vals
                if vals:
                    v = _text(sqlx.col(ck.name))
                    exprs[f"c:{ck.name}"] = sqlx.case([(exp.In(this=v, expressions=[lit(x) for x in vals]), v.copy())])
        got = grouped_counts(side, t, exprs)

        def binned(key: str, col: str) -> dict:
            e = edges.get(key, [])
            if not e:  # no quantiles (no values in the source): everything in one bucket
                return {"edges": [], "counts": [tp["columns"][col]["non_null"]]}
            counts = [0] * (len(e) + 1)
            for b, n in got.get(key, {}).items():
                counts[int(b)] += n
            return {"edges": e, "counts": counts}

        for ck in kinds:
            cp = tp["columns"][ck.name]
            if ck.name in keys:
                pass
            elif ck.kind == "numeric":
                cp["marginal"] = {"type": "binned", **binned(f"v:{ck.name}", ck.name)}
            elif ck.kind == "categorical":
                if ref is None:
                    cp["marginal"] = {"type": "values", **top_values(side, t, ck, None)}
                else:
                    vals = wanted[ck.name]
                    c = got.get(f"c:{ck.name}", {})
                    cp["marginal"] = {"type": "values", "values": vals, "counts": [c.get(x, 0) for x in vals],
                                      "total": cp["non_null"]}
            if ck.textlike:
                if edges.get(f"len:{ck.name}"):
                    cp["lengths"] = binned(f"len:{ck.name}", ck.name)
                else:
                    cp["lengths"] = {"edges": [], "counts": [cp["non_null"]]}
        tp["checks"] = check_passes(side, t)
        return tp

    # the biggest tables first (the source's row counts, when known), so that the threads end together
    rows = {n: ((ref or {}).get("tables", {}).get(n) or {}).get("rows") or 0 for n in tables}
    order = sorted(tables, key=lambda n: -rows[n])
    got = dict(zip(order, side.map(one, order)))
    out["tables"] = {n: got[n] for n in tables}
    parent_rows = {n: tp["rows"] for n, tp in out["tables"].items()}
    children = []
    for name in order:
        fks = [fk for _o, fk in effective_fks(schema, schema.tables[name]) if fk.ref_table in tables and not fk.ref_schema]
        if fks:
            children.append((name, fks))
    found = dict(zip([c for c, _ in children], side.map(lambda cf: degrees(side, cf[0], cf[1], parent_rows), children)))
    for name in tables:
        for fk_name, d in (found.get(name) or {}).items():
            out["foreign_keys"][f"{name}.{fk_name}"] = d
    return out
