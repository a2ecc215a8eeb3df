"""Compile time: read src-stats.yaml and apply it to the config.

* ``stats: auto`` generators get their kwargs as structured references
  (``{src_stats: auto__t__c, path: [results, 0, mean]}``), resolved later by
  plan.generators.literal_arg like any user reference; kwargs written in the config win;
* ``null_fraction: auto`` becomes the source's share of NULLs;
* ``rows_from_source: F`` sets the table's rows to round(F x source rows);
* SRC_STATS references in missingness_generators kwargs are resolved.

A statistic that is missing is a located problem telling the user to run make-stats. The
statistics file is read only if it exists, and needed only if the config refers to it.
"""

from __future__ import annotations

import math
from typing import Any

from ..config.load import Config
from ..errors import Problem
from .auto import CLIPPED, FITTED, fallback_name, fitted_spec, nulls_name, rows_name, stat_name
from .refs import (DEFAULT_STATS_FILE, SourceStats, StatsRefError, find_refs, is_structured_ref, load_stats, parse_ref, resolve,
                   structured_ref)

_HINT = " (run `sqlsynth make-stats`)"


def _missing(e: StatsRefError) -> str:
    msg = str(e)
    return msg if "make-stats" in msg else msg + _HINT


def apply_stats(config: Config, stats: dict | None = None, scale: float = 1.0) -> list[Problem]:
    """Apply the statistics (given, else read from config.stats_file or ./src-stats.yaml) to the
    config, keeping them in config.src_stats; return the problems found. scale multiplies the row
    counts of rows_from_source (create-data --scale)."""
    problems: list[Problem] = []
    if stats is None:
        stats = load_stats(getattr(config, "stats_file", None))
    elif not isinstance(stats, SourceStats):
        stats = SourceStats(stats, file=getattr(config, "stats_file", None) or DEFAULT_STATS_FILE)
    config.src_stats = stats
    raw_tables = config.raw.get("tables") if isinstance(config.raw.get("tables"), dict) else {}
    for tname, tc in config.tables.items():
        if tc.ignore or tc.vocabulary_table:
            continue
        td = raw_tables.get(tname) if isinstance(raw_tables.get(tname), dict) else {}
        keep = []
        for rg in tc.row_generators:
            ok = True
            if rg.stats is not None:
                ok = _fit(config, tname, rg, stats, problems)
            if rg.null_fraction == "auto":
                if len(rg.columns) != 1:
                    problems.append(config.problem(f"{rg.path}.null_fraction",
                                                   "null_fraction: auto needs a single column in columns_assigned"))
                    rg.null_fraction = None
                else:
                    try:
                        f = resolve(stats, nulls_name(tname, rg.columns[0]), ["results", 0, "fraction"])
                        rg.null_fraction = float(f) if f is not None else 0.0
                    except (StatsRefError, TypeError, ValueError) as e:
                        problems.append(config.problem(f"{rg.path}.null_fraction", f"null_fraction: auto: {_missing(e)}"))
                        rg.null_fraction = None
            if ok:
                keep.append(rg)
        tc.row_generators = keep
        if td.get("rows_from_source") is not None:
            _rows_from_source(config, tname, td, stats, problems, scale)
        for i, mg in enumerate(tc.missingness_generators):
            kw = mg.get("kwargs")
            if isinstance(kw, dict) and find_refs(kw):
                try:
                    mg["kwargs"] = {k: resolve_value(v, stats) for k, v in kw.items()}
                except StatsRefError as e:
                    problems.append(config.problem(f"{tc.path}.missingness_generators[{i}].kwargs", str(e)))
    return problems


def resolve_value(v: Any, stats: Any) -> Any:
    """v with every SRC_STATS reference replaced by its value (for data read as-is, not as literals)."""
    if isinstance(v, str) and "SRC_STATS" in v:
        name, path = parse_ref(v)
        return resolve(stats, name, path)
    if is_structured_ref(v):
        return resolve(stats, *structured_ref(v))
    if isinstance(v, list):
        return [resolve_value(x, stats) for x in v]
    if isinstance(v, dict):
        return {k: resolve_value(x, stats) for k, x in v.items()}
    return v


def _fit(config: Config, tname: str, rg, stats, problems: list[Problem]) -> bool:
    spec = fitted_spec(config, tname, rg, problems)
    if spec is None:
        return False
    kind, kw, _opts = spec
    name = stat_name(tname, rg.columns[0])
    path = f"{rg.path}.stats"
    try:
        rows = resolve(stats, name, ["results"])
    except StatsRefError as e:
        problems.append(config.problem(path, f"stats: auto: {_missing(e)}"))
        return False
    empty: list[str] = []
    if isinstance(rows, list) and rows and kind != "counts":
        row = rows[0] if isinstance(rows[0], dict) else {}
        empty = [col for col in kw.values() if row.get(col) is None or row.get(col) == []
                 or (isinstance(row.get(col), float) and math.isnan(row[col]))]
    if not isinstance(rows, list) or not rows or empty:
        return _fall_back(config, tname, rg, stats, kind, name)
    for arg, col in kw.items():
        if arg in rg.kwargs:  # written in the config: it wins
            continue
        rg.kwargs[arg] = {"src_stats": name, "path": ["results"] if kind == "counts" else ["results", 0, col]}
    if kind in CLIPPED:  # continuous draws stay inside the source's min and max
        lo, hi = rows[0].get("low"), rows[0].get("high")
        if isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and lo <= hi:
            rg.clip = (float(lo), float(hi))
    return True


def _fall_back(config: Config, tname: str, rg, stats, kind: str, name: str) -> bool:
    """A fitted generator whose statistic came back empty (every value rare and suppressed, too few values,
    no mean for a lognormal): the source's quantiles if make-stats computed them, else the column's
    default; a warning says which. Never a failed load."""
    col = rg.columns[0]
    why = ("every value was seen too few times (suppressed)" if kind == "counts"
           else "the source has too few values")
    try:
        fb = resolve(stats, fallback_name(tname, col), ["results"])
    except StatsRefError:
        fb = None
    if isinstance(fb, list) and fb and isinstance(fb[0], dict) and fb[0].get("q"):
        rg.name = "sqlsynth.quantiles"
        rg.kwargs = {"q": {"src_stats": fallback_name(tname, col), "path": ["results", 0, "q"]}}
        config.warnings.append(f"{rg.path} ({tname}.{col}): {why} in SRC_STATS[\"{name}\"]; using the source's "
                               "quantiles (sqlsynth.quantiles) instead")
        return True
    config.warnings.append(f"{rg.path} ({tname}.{col}): {why} in SRC_STATS[\"{name}\"]; the column gets its "
                           "default generator instead")
    return False


def scaled_rows(factor: float, source_rows: float, scale: float) -> int:
    """round(factor x source rows x scale), at least 1 when that is above 0 (a table with rows in the
    source keeps some, so its children have parents)."""
    x = float(factor) * float(source_rows) * float(scale)
    return max(1, int(round(x))) if x > 0 else 0


def _rows_from_source(config: Config, tname: str, td: dict, stats, problems: list[Problem], scale: float = 1.0) -> None:
    tc = config.tables[tname]
    path = f"{tc.path}.rows_from_source"
    f = td["rows_from_source"]
    if isinstance(f, bool) or not isinstance(f, (int, float)) or f < 0:
        problems.append(config.problem(path, f"must be a number >= 0 (rows = this x the source's row count), got {f!r}"))
        return
    if td.get("rows") is not None:
        problems.append(config.problem(path, "give rows or rows_from_source, not both"))
        return
    try:
        n = resolve(stats, rows_name(tname), ["results", 0, "count"])
        tc.rows = scaled_rows(f, n, scale)
        tc.from_source = True
        tc.source_rows = float(f) * float(n)
    except (StatsRefError, TypeError, ValueError) as e:
        problems.append(config.problem(path, _missing(e) if isinstance(e, StatsRefError) else f"bad row count: {e}"))


__all__ = ["apply_stats", "resolve_value", "FITTED"]
