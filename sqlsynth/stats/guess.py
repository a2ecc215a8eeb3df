"""generate-config --fit without the source: `stats: auto` generators chosen from orm.yaml alone
(each column's type and name); make-stats fits them later. With the source reachable,
generate-config shapes the config from the data instead (sqlsynth.stats.propose).
"""

from __future__ import annotations

import re
from typing import Any

from ..schema.model import Schema, Table
from ..schema.types import resolve_type

_CATEGORICAL_NAME = re.compile(r"(^|_)(year|type|status|kind|level|grade|rank|class|category|code|flag|rating|"
                               r"score|stars|active|enabled|deleted|gender|sex|duration)($|_)", re.I)
_MEASURE_NAME = re.compile(r"(amount|price|cost|total|fee|charge|balance|salary|income|payment|weight|height|"
                           r"length|size|area|volume|distance|quantity|qty)", re.I)


def has_default_partition(schema: Schema, t: Table) -> bool:
    """Any value routes into a partitioned table with a DEFAULT partition."""
    return any((p.partition_bound or "").strip().upper() == "DEFAULT" for p in schema.partitions_of(t.name))


def fit_column(schema: Schema, t: Table, column: str, keys: set[str]) -> dict[str, Any] | None:
    """A `stats: auto` generator chosen from the column's type and name only (no source access)."""
    from ..config.infer import single_unique

    c = t.columns[column]
    if c.generated or c.serial or c.identity or c.primary or column in keys:
        return None
    if t.partition_by and column in t.partition_by.columns and not has_default_partition(schema, t):
        return None  # values must fall in the declared partitions
    if single_unique(schema, t, column):
        return None
    ti = resolve_type(c.type, schema)
    if ti.array_dims:
        return None
    k = ti.kind
    name = None
    if k == "enum":
        name = "dist_gen.weighted_choice"
    elif k == "bool":
        name = "generic.weighted_boolean_provider.bool"
    elif k == "int":
        categorical = _CATEGORICAL_NAME.search(column) or (ti.bits == 16 and not _MEASURE_NAME.search(column))
        name = "dist_gen.weighted_choice" if categorical else "sqlsynth.quantiles"
    elif k in ("numeric", "float"):
        small = k == "numeric" and ti.precision is not None and ti.precision - (ti.scale or 0) <= 2
        if _CATEGORICAL_NAME.search(column) or small:
            name = "dist_gen.weighted_choice"
        else:  # the source's range and shape (a normal or lognormal would overshoot its min and max)
            name = "sqlsynth.quantiles"
    elif k == "text" and ti.length is not None and ti.length <= 20:
        name = "dist_gen.weighted_choice"
    elif k == "text":
        name = "sqlsynth.text"
    elif k in ("date", "timestamp", "timestamptz"):
        name = "sqlsynth.quantiles"
    elif k == "range":
        name = "sqlsynth.range"
    if name is None:
        return None
    entry: dict[str, Any] = {"name": name, "columns_assigned": column, "stats": "auto"}
    if c.nullable:
        entry["null_fraction"] = "auto"
    return entry


FIT_HEADER = """\
# generate-config --fit: generators with `stats: auto` are fitted to the source by
# `sqlsynth make-stats` (which writes src-stats.yaml); compile and create-data read it.
# The choice between normal, lognormal and weighted_choice was made from the column's type
# and name only; change `name:` where it guessed wrong. Choice statistics leave out values
# seen 7 times or fewer (stats: {auto: true, suppress: N} to change).
"""


def fit_tables(schema: Schema, tables: dict[str, Any]) -> int:
    """Add fitted generators to a starter config's tables (in place); returns how many."""
    from ..config.infer import key_columns

    n = 0
    for tname, td in tables.items():
        t = schema.tables.get(tname)
        if t is None or not isinstance(td, dict):
            continue
        keys = key_columns(schema, t)
        gens = list(td.get("row_generators") or [])
        assigned = {g["columns_assigned"]: i for i, g in enumerate(gens) if isinstance(g.get("columns_assigned"), str)}
        for cname in t.columns:
            entry = fit_column(schema, t, cname, keys)
            if entry is None:
                continue
            if cname in assigned:
                old = gens[assigned[cname]]["name"]
                if not old.startswith(("dist_gen.", "generic.numeric.", "generic.datetime.")):
                    continue  # a Mimesis guess (names, e-mails, ...) is kept
                gens[assigned[cname]] = entry
            else:
                gens.append(entry)
            n += 1
        td["row_generators"] = gens
    return n


def fit_config(schema: Schema, text: str, data: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """generate-config --fit: the starter config with fitted generators added, and its text."""
    import yaml

    from ..config.starter import HEADER

    fit_tables(schema, data.get("tables") or {})
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    head = HEADER if text.startswith(HEADER) else ""
    return head + FIT_HEADER + body, data
