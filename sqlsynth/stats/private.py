"""Differential privacy for the automatic statistics, and make-stats' post-processing of results.

The config's ``differential_privacy: {epsilon: E, delta: D}`` applies to every automatic statistic
(stats: auto, null_fraction: auto, rows_from_source, children_per_parent) that does not give its own
epsilon: each is computed through smartnoise-sql (row privacy: each source row is one individual)
and spends E. As for a user's dp-query, the first stage stays on the server (a temporary view) and
smartnoise aggregates it with noise; then:

* choices: noisy counts per value (sqlsynth.stats.auto), then the `suppress` rule;
* booleans: a noisy mean of 0/1;
* quantiles and text lengths: noisy counts of 50 equal bins between the public bounds (`lower`,
  `upper`; for text lengths 0 and the column's length), turned into quantiles here;
* null fractions: noisy COUNT(*) and SUM of 0/1; row counts: a noisy COUNT(*);
* children per parent: noisy counts of parents per number of children, then the small-count rule.

Range columns (sqlsynth.range) and min/max statistics have no private form: with differential
privacy they are reported as problems, all at once.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from sqlglot import exp

from ..sql import sqlx
from ..sql.sqlx import lit
from ..config.load import Config
from ..schema.types import TypeInfo
from .quantiles import STEPS, TEMPORAL, epoch_of, merge_small_buckets, source_table

DP_KINDS = {"counts", "mean_sd", "bool", "quantiles", "lengths"}
BINS = 50
DEFAULT_DELTA = 1e-5


def dp_settings(cfg: Config) -> tuple[float, float | None] | None:
    """(epsilon, delta) of the config's differential_privacy, or None (checked by config.load)."""
    v = cfg.raw.get("differential_privacy") if isinstance(cfg.raw, dict) else None
    if not isinstance(v, dict):
        return None
    eps = v.get("epsilon")
    if isinstance(eps, bool) or not isinstance(eps, (int, float)) or eps <= 0:
        return None
    delta = v.get("delta")
    return float(eps), (float(delta) if isinstance(delta, (int, float)) and not isinstance(delta, bool) else None)


def _a(e: exp.Expression, name: str) -> exp.Expression:
    return exp.alias_(e, name, quoted=True)


def _sql(e: exp.Expression) -> str:
    return e.sql(sqlx.DIALECT)


def bound_number(v: Any, kind: str) -> float:
    """A public bound as the number the statistic works in (days / seconds since 1970 for dates / timestamps)."""
    if isinstance(v, str):
        s = v.strip().replace(" ", "T", 1)
        d = dt.datetime.fromisoformat(s)  # ValueError for a bad date: reported by the caller
        if d.tzinfo is not None:
            d = d.astimezone(dt.timezone.utc).replace(tzinfo=None)
        secs = (d - dt.datetime(1970, 1, 1)).total_seconds()
        return secs / 86400.0 if kind == "date" else secs
    return float(v)


def _bins(x: exp.Expression, lo: float, hi: float) -> exp.Expression:
    """least(greatest(floor((x - lo) / (hi - lo) * BINS), 0), BINS - 1) as an integer."""
    width = (hi - lo) or 1.0
    scaled = exp.Mul(this=exp.Paren(this=exp.Div(this=exp.Paren(this=exp.Sub(this=x, expression=lit(float(lo)))),
                                                 expression=lit(float(width)))), expression=lit(BINS))
    b = exp.Least(this=exp.Greatest(this=exp.Floor(this=scaled), expressions=[lit(0)]), expressions=[lit(BINS - 1)])
    return exp.Cast(this=b, to=exp.DataType.build("INT"))


def dp_binned(name: str, path: str, kind: str, src_schema: Any, table: str, column: str, opts, ti: TypeInfo | None,
              comments: list[str]):
    """Quantiles (kind "quantiles") or text lengths ("lengths") from noisy bin counts."""
    from .auto import StatQuery

    c = sqlx.col(column)
    vkind = ti.kind if ti is not None else "float"
    if kind == "lengths":
        lo = 0.0 if opts.lower is None else float(opts.lower)
        hi = float(opts.upper) if opts.upper is not None else float(ti.length if ti is not None and ti.length else 0)
        if hi <= lo:
            raise ValueError("differentially private text lengths need an upper bound (stats: {auto: true, upper: N}) "
                             "for a column without a length")
        x = exp.Cast(this=exp.Length(this=c.copy()), to=exp.DataType.build("DOUBLE PRECISION"))
        key, out_kind = "lengths", "float"
    else:
        lo, hi = bound_number(opts.lower, vkind), bound_number(opts.upper, vkind)
        if hi <= lo:
            raise ValueError("lower must be below upper")
        x = epoch_of(c.copy(), vkind)
        key, out_kind = "q", vkind
    stage1 = exp.select(_a(_bins(x, lo, hi), "bin")).from_(source_table(src_schema, table)) \
        .where(exp.Not(this=exp.Is(this=c.copy(), expression=exp.Null())))
    comments.append(f"differentially private (smartnoise-sql, epsilon {opts.epsilon}, row privacy): noisy counts of "
                    f"{BINS} bins between {opts.lower if opts.lower is not None else lo} and "
                    f"{opts.upper if opts.upper is not None else hi}, as quantiles")
    return StatQuery(name=name, query=_sql(stage1), path=path, auto=True, comments=comments,
                     dp_query="SELECT bin, COUNT(*) AS n FROM query_result GROUP BY bin",
                     epsilon=opts.epsilon, delta=opts.delta if opts.delta is not None else DEFAULT_DELTA,
                     metadata={"row_privacy": True, "bin": {"type": "int", "lower": 0, "upper": BINS - 1}},
                     post=("dp_quantiles", {"key": key, "lo": lo, "hi": hi, "kind": out_kind,
                                            "suppress": opts.suppress}))


def dp_bool(name: str, path: str, src_schema: Any, table: str, column: str, opts, comments: list[str]):
    from .auto import StatQuery

    c = sqlx.col(column)
    stage1 = exp.select(_a(sqlx.case([(c.copy(), lit(1))], lit(0)), "x")).from_(source_table(src_schema, table)) \
        .where(exp.Not(this=exp.Is(this=c.copy(), expression=exp.Null())))
    comments.append(f"differentially private (smartnoise-sql, epsilon {opts.epsilon}, row privacy): noisy share of true")
    return StatQuery(name=name, query=_sql(stage1), path=path, auto=True, comments=comments,
                     dp_query="SELECT AVG(x) AS probability FROM query_result",
                     epsilon=opts.epsilon, delta=opts.delta if opts.delta is not None else DEFAULT_DELTA,
                     metadata={"row_privacy": True, "x": {"type": "int", "lower": 0, "upper": 1}},
                     post=("clip", {"probability": (0.0, 1.0)}))


def dp_nulls(q, src_schema: Any, table: str, column: str, eps: float, delta: float | None):
    c = sqlx.col(column)
    stage1 = exp.select(_a(sqlx.case([(exp.Is(this=c.copy(), expression=exp.Null()), lit(1))], lit(0)), "missing")) \
        .from_(source_table(src_schema, table))
    q.query = _sql(stage1)
    q.dp_query = "SELECT COUNT(*) AS total, SUM(missing) AS nulls FROM query_result"
    q.epsilon, q.delta = eps, delta if delta is not None else DEFAULT_DELTA
    q.metadata = {"row_privacy": True, "missing": {"type": "int", "lower": 0, "upper": 1}}
    q.post = ("null_fraction", {})
    q.comments.append(f"differentially private (smartnoise-sql, epsilon {eps}, row privacy)")
    return q


def dp_rows(q, src_schema: Any, table: str, eps: float, delta: float | None):
    q.query = _sql(exp.select(_a(lit(1), "one")).from_(source_table(src_schema, table)))
    q.dp_query = "SELECT COUNT(*) AS n FROM query_result"
    q.epsilon, q.delta = eps, delta if delta is not None else DEFAULT_DELTA
    q.metadata = {"row_privacy": True, "one": {"type": "int", "lower": 1, "upper": 1}}
    q.post = ("count", {})
    q.comments.append(f"differentially private (smartnoise-sql, epsilon {eps}, row privacy)")
    return q


def dp_children(q, per_parent: exp.Select, eps: float, delta: float | None, suppress: int):
    """per_parent: one row per parent with its number of children k."""
    q.query = _sql(per_parent)
    q.dp_query = "SELECT k, COUNT(*) AS parents FROM query_result GROUP BY k"
    q.epsilon, q.delta = eps, delta if delta is not None else DEFAULT_DELTA
    q.metadata = {"row_privacy": True, "k": {"type": "int"}}
    q.post = ("histogram", {"suppress": suppress, "noisy": True})
    q.comments.append(f"differentially private (smartnoise-sql, epsilon {eps}, row privacy: each parent row is one "
                      "individual)")
    return q


# ---- post-processing ----------------------------------------------------------------------------


def _iso(v: float, kind: str) -> str:
    if kind == "date":
        return (dt.date(1970, 1, 1) + dt.timedelta(days=math.floor(v))).isoformat()
    return (dt.datetime(1970, 1, 1) + dt.timedelta(seconds=v)).isoformat()


def quantiles_from_bins(counts: dict[int, float], lo: float, hi: float, steps: int = STEPS) -> list[float]:
    """Quantiles at 0, 1/steps, ..., 1 of the distribution uniform inside each of BINS equal bins."""
    w = (hi - lo) / BINS
    weights = [max(0.0, float(counts.get(b, 0.0))) for b in range(BINS)]
    total = sum(weights)
    if total <= 0:
        return []
    out = []
    for i in range(steps + 1):
        target = total * i / steps
        acc = 0.0
        value = hi
        for b, n in enumerate(weights):
            if n > 0 and acc + n >= target:
                value = lo + w * (b + (target - acc) / n)
                break
            acc += n
        if i == 0:  # the lowest bin with weight
            first = next(b for b, n in enumerate(weights) if n > 0)
            value = lo + w * first
        out.append(value)
    for j in range(1, len(out)):
        out[j] = max(out[j], out[j - 1])
    return out


def postprocess(post: tuple[str, dict] | None, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The results as written to src-stats.yaml (same shape with or without differential privacy)."""
    if post is None:
        return rows
    tag, p = post
    if tag == "histogram":
        if p.get("noisy"):
            rows = [{"k": int(r["k"]), "parents": max(0, int(round(float(r["parents"] or 0))))} for r in rows
                    if r.get("k") is not None and int(r["k"]) >= 0]
        return merge_small_buckets(rows, int(p.get("suppress", 0)))
    if tag == "count":
        return [{"count": max(0, int(round(float(r.get("n") or 0))))} for r in rows]
    if tag == "null_fraction":
        r = rows[0] if rows else {}
        total = max(0.0, float(r.get("total") or 0))
        nulls = min(total, max(0.0, float(r.get("nulls") or 0)))
        return [{"total": int(round(total)), "nulls": int(round(nulls)),
                 "fraction": (nulls / total) if total > 0 else None}]
    if tag == "clip":
        out = []
        for r in rows:
            r = dict(r)
            for k, (a, b) in p.items():
                if r.get(k) is not None:
                    r[k] = min(b, max(a, float(r[k])))
            out.append(r)
        return out
    if tag == "dp_quantiles":
        counts = {int(r["bin"]): float(r["n"] or 0) for r in rows if r.get("bin") is not None}
        if sum(max(0.0, n) for n in counts.values()) <= p.get("suppress", 0):
            return []
        qs = quantiles_from_bins(counts, p["lo"], p["hi"])
        if not qs:
            return []
        kind = p["kind"]
        return [{p["key"]: [_iso(v, kind) for v in qs] if kind in TEMPORAL else qs}]
    raise ValueError(f"unknown post-processing {tag!r}")  # pragma: no cover
