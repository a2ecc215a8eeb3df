"""The 0-100 scores of the report (docs/howto/report.md gives the same formulas).

Each area is 100 times the mean of its items, each item a number in [0, 1] (1: as the source):

* shape: per non-key column with a marginal, ``1 - max(d, |null_src - null_syn|)``, where d is the
  Kolmogorov-Smirnov distance for numbers, dates and times, the total variation distance otherwise,
  and for text with more distinct values than half its rows (names, e-mails) the KS distance of the
  lengths (key columns are measured by the relationships);
* relationships: per foreign key ``1 - TVD(children per parent)``; per table with two or more numeric
  columns ``1 - mean|corr_syn - corr_src| / 2`` (off-diagonal pairs);
* logic: per rule of config.yaml, CHECK and foreign-key diamond ``1 - max(0, pass_src - pass_syn)``
  (a synthetic set that holds a rule more often than the source is not penalised; no source
  figure: ``pass_syn``);
* privacy: ``1 - mean exact-match rate`` over the non-vocabulary tables and the quasi-identifier sets
  (only where the source database was reachable; otherwise no privacy score). A row matches when it
  equals some source row on every non-key column that is not constant in the source; a table with
  no such column has no rate.

Overall: the mean of the areas that have a score. Items without a figure (empty tables) are left out.
"""

from __future__ import annotations

from typing import Any


def _mean(xs: list[float]) -> float | None:
    xs = [x for x in xs if x is not None]
    return 100.0 * sum(xs) / len(xs) if xs else None


def shape_items(fig: dict) -> list[float]:
    out = []
    for tf in fig["tables"].values():
        for cf in tf["columns"].values():
            d = cf.get("distance")
            if d is None or cf.get("key"):
                continue
            nulls = cf["null_fraction"]
            dn = abs(nulls["source"] - nulls["synthetic"]) if None not in (nulls["source"], nulls["synthetic"]) else 0.0
            out.append(1.0 - max(d, dn))
    return out


def relationship_items(fig: dict) -> list[float]:
    out = [1.0 - f["tvd"] for f in fig["foreign_keys"].values() if f.get("tvd") is not None]
    for tf in fig["tables"].values():
        c = tf.get("correlation")
        if c and c.get("mean_abs") is not None:
            out.append(1.0 - c["mean_abs"] / 2)
    return out


def logic_items(fig: dict) -> list[float]:
    out = []
    for r in fig["logic"]:
        s, d = r.get("source"), r.get("synthetic")
        if d is None:
            continue
        out.append(1.0 - max(0.0, s - d) if s is not None else d)
    return out


def privacy_items(fig: dict) -> list[float]:
    p = fig["privacy"]
    out = [1.0 - e["rate"] for e in p.get("exact_match", {}).values()
           if not e.get("vocabulary") and e.get("rate") is not None]
    out += [1.0 - e["rate"] for e in p.get("quasi_identifiers", {}).values() if e.get("rate") is not None]
    return out


def scores(fig: dict) -> dict[str, Any]:
    out = {"shape": _mean(shape_items(fig)), "relationships": _mean(relationship_items(fig)),
           "logic": _mean(logic_items(fig)), "privacy": _mean(privacy_items(fig))}
    have = [v for v in out.values() if v is not None]
    out["overall"] = sum(have) / len(have) if have else None
    return out


def failures(fig: dict, fail_under: float | None, max_tvd: float | None, min_rule_pass: float | None) -> list[str]:
    """One line per threshold the report misses (empty: the gate passes)."""
    out = []
    overall = fig["scores"]["overall"]
    if fail_under is not None and (overall is None or overall < fail_under):
        out.append(f"overall score {overall if overall is None else round(overall, 1)} is under {fail_under:g}")
    if max_tvd is not None:
        for t, tf in fig["tables"].items():
            for c, cf in tf["columns"].items():
                if cf.get("distance") is not None and cf["distance"] > max_tvd:
                    out.append(f"{t}.{c}: {cf['metric']} {cf['distance']:.3f} > {max_tvd:g}")
        for name, f in fig["foreign_keys"].items():
            if f.get("tvd") is not None and f["tvd"] > max_tvd:
                out.append(f"{name}: children-per-parent TVD {f['tvd']:.3f} > {max_tvd:g}")
    if min_rule_pass is not None:
        for r in fig["logic"]:
            if r.get("synthetic") is not None and r["synthetic"] < min_rule_pass:
                out.append(f"{r['name']}: holds in {r['synthetic']:.3f} of the synthetic rows < {min_rule_pass:g}")
    return out
