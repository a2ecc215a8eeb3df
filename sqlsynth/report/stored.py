"""The report's aggregates of the source, as make-stats stores them in src-stats.yaml.

Entry ``sqlsynth__report``: ``results`` holds one profile (report.measure) of the generated and
vocabulary tables, with the same small-count suppression as make-stats' histograms: a value seen
fewer than ``SUPPRESS`` times is not written (it counts in "every other value").

When the config asks for differential privacy (``differential_privacy: {epsilon: E}``), the stored
profile keeps only counts, each noised with the Laplace mechanism: per table the row count and the
non-null count of each column (one query, L1 sensitivity 1 + number of columns), per foreign key the
children-per-parent histogram (sensitivity 2: a child row moves its parent one bucket). E is split
evenly over these queries (sequential composition: E in total, delta 0) and is recorded in the
entry's ``privacy``. Values, ranges, quantile bins, correlations and rule shares are left out: the
report then compares what it can (row counts, null fractions, degrees) and says so.
"""

from __future__ import annotations

import datetime as dt
import math
import secrets
from typing import Any

from ..config.load import Config
from ..schema.model import Schema

SUPPRESS = 5
_rng = secrets.SystemRandom()


def report_tables(cfg: Config, schema: Schema) -> tuple[list[str], set[str]]:
    """The tables the report compares (generated and vocabulary ones) and the vocabulary ones."""
    from ..plan.build import Builder

    generated, _ignored, vocab = Builder(schema, cfg, 1, 0, None).select_tables()
    tables = [t for t in schema.tables if (t in generated or t in vocab) and not schema.tables[t].is_partition]
    return tables, set(vocab)


def _laplace(scale: float) -> float:
    u = _rng.random() - 0.5
    while u == -0.5:
        u = _rng.random() - 0.5
    return -scale * math.copysign(1.0, u) * math.log(1 - 2 * abs(u))


def suppress(prof: dict) -> dict:
    for tp in prof["tables"].values():
        for cp in tp["columns"].values():
            m = cp.get("marginal")
            if m and m.get("type") == "values":
                keep = [(v, n) for v, n in zip(m["values"], m["counts"]) if n >= SUPPRESS]
                m["values"], m["counts"] = [v for v, _ in keep], [n for _, n in keep]
    return prof


def noised(prof: dict, epsilon: float) -> dict:
    """Only the counts, Laplace-noised (see the module's docstring); epsilon in total."""
    queries = len(prof["tables"]) + len(prof["foreign_keys"])
    eps = epsilon / max(1, queries)
    out: dict[str, Any] = {"tables": {}, "foreign_keys": {}, "logic": {}, "dp": {"epsilon": epsilon}}
    for t, tp in prof["tables"].items():
        scale = (1 + len(tp["columns"])) / eps
        rows = max(0, round(tp["rows"] + _laplace(scale)))
        cols = {}
        for c, cp in tp["columns"].items():
            cols[c] = {"kind": cp["kind"], "time": cp.get("time", False), "distinct": None, "min": None, "max": None,
                       "mean": None, "non_null": min(rows, max(0, round(cp["non_null"] + _laplace(scale))))}
        out["tables"][t] = {"rows": rows, "columns": cols, "correlations": None, "checks": {}}
    for name, f in prof["foreign_keys"].items():
        hist = [max(0, round(n + _laplace(2 / eps))) for n in f["histogram"]]
        out["foreign_keys"][name] = {**f, "histogram": hist}
    return out


def stored_entry(settings, cfg: Config, schema: Schema) -> dict[str, dict]:
    """{STATS_ENTRY: entry} measured on the source (SRC_DSN), for stats.run.make_stats(extra=...)."""
    from .run import STATS_ENTRY, measure_source, source_side

    tables, _vocab = report_tables(cfg, schema)
    side = source_side(settings.need_src(), schema)
    try:
        prof = measure_source(side, cfg, schema, tables, schema if schema.multi else schema.schema)
    finally:
        side.close()
    dp = cfg.raw.get("differential_privacy")
    entry: dict[str, Any] = {
        "queries": {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
                    "query": "aggregates built by sqlsynth.report.measure (row counts, null and distinct counts, "
                             "ranges, binned marginals, children per parent, correlations, rule shares)"},
        "comments": [f"sqlsynth report: the source's aggregates; values seen fewer than {SUPPRESS} times are left out"],
    }
    if isinstance(dp, dict) and isinstance(dp.get("epsilon"), (int, float)):
        eps = float(dp["epsilon"])
        prof = noised(prof, eps)
        entry["comments"] = [f"sqlsynth report: the source's counts only, Laplace-noised (epsilon {eps:g} in total)"]
        entry["privacy"] = {"epsilon_spent": eps, "delta_spent": 0.0}
    else:
        prof = suppress(prof)
    entry["results"] = [prof]
    return {STATS_ENTRY: entry}
