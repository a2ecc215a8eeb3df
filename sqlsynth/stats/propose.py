"""generate-config with the source reachable: a config shaped like the source, from its profile.

Decisions (each written as an ordinary, editable config setting):

* **Row counts**: every generated table gets ``rows_from_source: 1`` (make-stats records the
  source's count; ``create-data --scale S`` makes S times it).
* **Vocabulary tables**: a table with at most VOCAB_MAX_ROWS rows that other tables reference,
  whose own foreign keys reach only vocabulary tables, with at most VOCAB_MAX_CONTENT columns
  besides keys and timestamps of changes, and nothing personal (not a table of people, no
  name/e-mail/phone/street/birth/password column): ``vocabulary_table: true`` (make-vocab copies it).
  Pagila: category, language, country, city.
* **Children per parent** for every foreign key to a generated table (not self-references, not
  one-to-one keys, not columns with NULLs): the first (primary) is the non-NULL key to the largest
  parent, or in a junction table the larger side of its composite unique key; it sets the row
  count. Keys that would make a cycle of row counts are left out.
* **Columns**: few distinct values, each seen often (at most CATEGORICAL_MAX values, on average more
  than 2 x (suppress + 1) rows each) -> ``dist_gen.weighted_choice``; booleans by frequency; other
  numbers, dates and timestamps -> ``sqlsynth.quantiles`` (the source's range and shape); ranges ->
  ``sqlsynth.range``; text -> the name rules of sqlsynth.config.infer, else ``sqlsynth.text`` (the
  source's lengths); ``unique: true`` where the source is 99 % distinct or more; ``null_fraction: auto``
  where the source has NULLs; a column that is always NULL stays NULL. A foreign key into a
  vocabulary table with few distinct values -> a weighted choice of the copied keys.
* Columns named like start/end pairs are ordered per row (sqlsynth.config.infer.ordered_pairs).
"""

from __future__ import annotations

from typing import Any

import yaml

from ..config.infer import (PERSON_TABLES, CREATED, UPDATED, key_columns, single_unique, infer_column,
                            ordered_pairs, ordering_entry)
from ..schema.model import ForeignKey, Schema, Table
from ..schema.types import resolve_type
from .auto import SUPPRESS_COUNT
from .guess import has_default_partition
from .profile import TableProfile

VOCAB_MAX_ROWS = 1000
VOCAB_MAX_CONTENT = 3
CATEGORICAL_MAX = 50
MIN_CHILD_ROWS = 2 * (SUPPRESS_COUNT + 1)  # children_per_parent only for tables with at least this many rows
DISTINCT_SHARE = 0.99  # a column this distinct in the source stays distinct
MIN_DISTINCT_ROWS = 20  # ... when it has at least this many values (two staff rows are distinct by chance)
PERSONAL = {"generic.person.first_name", "generic.person.last_name", "generic.person.full_name",
            "generic.person.email", "generic.person.telephone", "generic.person.username",
            "generic.person.password", "generic.address.address", "generic.datetime.date"}
_NUMERIC = {"int", "numeric", "float"}
_TEMPORAL = {"date", "timestamp", "timestamptz"}


def _fks(schema: Schema, t: Table) -> list[ForeignKey]:
    from ..schema.keys import effective_fks

    return [fk for _o, fk in effective_fks(schema, t)]


def _referenced(schema: Schema) -> set[str]:
    out = set()
    for t in schema.tables.values():
        for fk in _fks(schema, t):
            if fk.ref_schema is None and fk.ref_table != (t.partition_of or t.name):
                out.add(fk.ref_table)
    return out


def _personal(schema: Schema, t: Table) -> bool:
    if PERSON_TABLES.search(t.name):
        return True
    for c in t.columns.values():
        e = infer_column(schema, t, c, unique=False)
        if e is not None and e["name"] in PERSONAL:
            return True
    return False


def _content_columns(schema: Schema, t: Table) -> list[str]:
    keys = key_columns(schema, t)
    return [c.name for c in t.columns.values() if not (c.primary or c.serial or c.identity or c.generated)
            and c.name not in keys and not CREATED.match(c.name) and not UPDATED.match(c.name)]


def vocabulary_tables(schema: Schema, prof: dict[str, TableProfile]) -> set[str]:
    referenced = _referenced(schema)
    cand = {n for n, t in schema.tables.items()
            if not t.is_partition and not t.partition_by and n in referenced and n in prof
            and 0 < prof[n].rows <= VOCAB_MAX_ROWS and len(_content_columns(schema, t)) <= VOCAB_MAX_CONTENT
            and not _personal(schema, t)}
    changed = True
    while changed:  # a vocabulary table refers only to vocabulary tables (city -> country)
        changed = False
        for n in sorted(cand):
            if any(fk.ref_schema is None and fk.ref_table != n and fk.ref_table not in cand
                   for fk in _fks(schema, schema.tables[n])):
                cand.discard(n)
                changed = True
    return cand


# ---- children per parent ----------------------------------------------------------------------


def _fk_ref(t: Table, fk: ForeignKey) -> Any:
    """How the config names the key: its constraint name, or its columns when it is declared on partitions."""
    if any(f.name == fk.name for f in t.foreign_keys):
        return fk.name
    return fk.columns[0] if len(fk.columns) == 1 else list(fk.columns)


def _unique_sets(schema: Schema, t: Table) -> list[set[str]]:
    from ..schema.keys import unique_sets

    return [set(cols) for _n, cols in unique_sets(schema, t)]


def children_proposals(schema: Schema, prof: dict[str, TableProfile], generated: set[str]) -> dict[str, list[ForeignKey]]:
    """table -> the foreign keys its rows follow (primary first)."""
    cands: dict[str, list[ForeignKey]] = {}
    primary: dict[str, ForeignKey] = {}
    for name in sorted(generated):
        t = schema.tables[name]
        uniques = _unique_sets(schema, t)
        tp = prof.get(name)
        if tp is None or tp.rows < MIN_CHILD_ROWS:
            continue  # too few rows for a histogram that survives the small-count rule
        ok = []
        for fk in _fks(schema, t):
            if fk.ref_schema is not None or fk.ref_table == name or fk.ref_table not in generated:
                continue
            if prof.get(fk.ref_table) is None or prof[fk.ref_table].rows < MIN_CHILD_ROWS:
                continue  # a handful of parents: every bucket of their histogram is a small count
            if any(u <= set(fk.columns) for u in uniques):
                continue  # one-to-one: distinct by construction instead
            if any(tp.columns.get(c) is None or tp.columns[c].nonnull < tp.rows for c in fk.columns):
                continue  # NULLs in the key: a histogram of the set ones would not say where they go
            ok.append(fk)
        if not ok:
            continue
        partners = {}  # a junction's other side: drawn distinct among siblings, not followed
        for fk in ok:
            for u in uniques:
                if set(fk.columns) < u:
                    for other in _fks(schema, t):
                        if other is not fk and set(other.columns) == u - set(fk.columns):
                            partners[fk.name] = other
        junction = [fk for fk in ok if fk.name in partners]
        pool = junction or ok
        best = max(pool, key=lambda fk: (prof[fk.ref_table].rows, fk.name))
        rest = [fk for fk in ok if fk is not best and not any(set(fk.columns) & u for u in uniques)]
        if best.name in partners:
            rest = [fk for fk in rest if fk is not partners[best.name]]
        cands[name] = [best] + rest
        primary[name] = best

    def chain(table: str) -> set[str]:
        seen: set[str] = set()
        while table in primary and table not in seen:
            seen.add(table)
            table = primary[table].ref_table
        return seen | {table}

    for name in sorted(list(primary)):  # a primary edge that closes a cycle of row counts is dropped
        if name in chain(primary[name].ref_table):
            del primary[name]
            cands[name] = [fk for fk in cands[name][1:]]
    out: dict[str, list[ForeignKey]] = {}
    for name, fks in cands.items():
        if name not in primary:
            continue  # no primary: row count from the source; the other keys stay uniform
        keep = [fks[0]] + [fk for fk in fks[1:] if name not in chain(fk.ref_table)]
        out[name] = keep
    return out


# ---- columns ------------------------------------------------------------------------------------


def _categorical(cp, suppress: int) -> bool:
    return cp.distinct is not None and 0 < cp.distinct <= CATEGORICAL_MAX \
        and cp.nonnull >= 2 * (suppress + 1) * cp.distinct


def _all_distinct(cp) -> bool:
    return cp.distinct is not None and cp.nonnull >= MIN_DISTINCT_ROWS and cp.distinct >= DISTINCT_SHARE * cp.nonnull


def column_entry(schema: Schema, t: Table, cname: str, tp: TableProfile, vocab: set[str], fk_cols: dict[str, ForeignKey],
                 uniques: list[set[str]], suppress: int = SUPPRESS_COUNT) -> dict[str, Any] | None:
    c = t.columns[cname]
    cp = tp.columns.get(cname)
    if cp is None or c.generated or c.serial or c.identity or c.primary or tp.rows == 0:
        return None
    ti = resolve_type(c.type, schema)
    has_nulls = c.nullable and cp.nonnull < tp.rows
    if c.nullable and cp.nonnull == 0:
        return {"name": "generic.null_provider.null", "columns_assigned": cname}
    if cname in fk_cols:
        fk = fk_cols[cname]
        if (fk.ref_table in vocab and fk.ref_schema is None and len(fk.columns) == 1 and not has_nulls
                and not any(cname in u for u in uniques) and _categorical(cp, suppress)):
            return {"name": "dist_gen.weighted_choice", "columns_assigned": cname, "stats": "auto"}
        return None
    if single_unique(schema, t, cname) or ti.array_dims:
        return None
    if t.partition_by and cname in t.partition_by.columns and not has_default_partition(schema, t):
        return None
    k = ti.kind
    entry: dict[str, Any] | None = None
    if cp.nonnull <= suppress:  # too few values to fit (every statistic would be a small count): names or defaults
        entry = infer_column(schema, t, c, unique=False)
        if entry is not None and has_nulls:
            entry["null_fraction"] = "auto"
        return entry
    if k == "bool":
        entry = {"name": "generic.weighted_boolean_provider.bool", "columns_assigned": cname, "stats": "auto"}
    elif _categorical(cp, suppress) and k not in ("range",):
        entry = {"name": "dist_gen.weighted_choice", "columns_assigned": cname, "stats": "auto"}
    elif k in _NUMERIC | _TEMPORAL:
        entry = {"name": "sqlsynth.quantiles", "columns_assigned": cname, "stats": "auto"}
    elif k == "range":
        entry = {"name": "sqlsynth.range", "columns_assigned": cname, "stats": "auto"}
    elif k == "text":
        entry = text_entry(schema, t, cname, _all_distinct(cp))
    else:
        entry = infer_column(schema, t, c, unique=_all_distinct(cp) or None)
    if entry is not None and has_nulls:
        entry["null_fraction"] = "auto"
    return entry


def text_entry(schema: Schema, t: Table, cname: str, unique: bool) -> dict[str, Any] | None:
    """A text column: its name rule (a Mimesis pool, a title), else words with the source's lengths. Where
    the source is all distinct: `unique: true` on a pool with enough values (e-mails, addresses, phones:
    past the pool, a row number is added) and on titles; a pool that runs dry keeps realistic values when
    they are names, and gives way to distinct words (sqlsynth.text) when they are free text (sentences)."""
    from ..config.infer import pool_runs_dry

    c = t.columns[cname]
    entry = infer_column(schema, t, c, unique=False)
    if entry is not None and entry["name"] in ("generic.numeric.integer_number", "dist_gen.uniform"):
        entry = None
    if entry is not None:
        entry.pop("null_fraction", None)
        name = entry["name"]
        if not unique:
            return entry
        if name == "sqlsynth.title":
            entry.setdefault("kwargs", {})["unique"] = True
            return entry
        if name.startswith("generic.") and not pool_runs_dry(name, entry.get("kwargs") or {}):
            entry.setdefault("kwargs", {})["unique"] = True
            return entry
        if not name.startswith("generic.text."):
            return entry  # names and the like: realistic rather than distinct
    entry = {"name": "sqlsynth.text", "columns_assigned": cname, "stats": "auto"}
    ti = resolve_type(c.type, schema)
    if unique and (ti.length is None or ti.length >= 3 * 10):
        entry["kwargs"] = {"unique": True}
    return entry


def table_settings(schema: Schema, t: Table, tp: TableProfile, vocab: set[str], follow: list[ForeignKey],
                   suppress: int = SUPPRESS_COUNT) -> dict[str, Any]:
    fk_cols: dict[str, ForeignKey] = {}
    for fk in _fks(schema, t):
        for c in fk.columns:
            fk_cols.setdefault(c, fk)
    uniques = _unique_sets(schema, t)
    gens = []
    keys = key_columns(schema, t) | {c for c in t.columns if single_unique(schema, t, c)}
    later = {b: a for a, b in ordered_pairs(schema, t, keys)}
    for cname in t.columns:
        cp = tp.columns.get(cname)
        if cname in later and cp is not None and cp.nonnull > 0:
            e = ordering_entry(schema, t, later[cname], cname)
            if t.columns[cname].nullable and cp.nonnull < tp.rows:
                e["null_fraction"] = "auto"
            gens.append(e)
            continue
        e = column_entry(schema, t, cname, tp, vocab, fk_cols, uniques, suppress)
        if e is not None:
            gens.append(e)
    path = locale_path(schema, t)
    if path is not None:  # addresses in the locale of their country (sqlsynth.plan.keyed_pools)
        for e in gens:
            if str(e.get("name", "")).startswith("generic.address."):
                e["locale_from"] = {"foreign_keys": path[0], "column": path[1]}
    out: dict[str, Any] = {"ignore": False, "vocabulary_table": False, "rows_from_source": 1}
    if follow:
        out["children_per_parent"] = [{"foreign_key": _fk_ref(t, fk)} for fk in follow]
    out["row_generators"] = gens
    return out


COUNTRY_COLUMNS = ("country", "country_name", "nation")


def locale_path(schema: Schema, t: Table, depth: int = 3) -> tuple[list[Any], str] | None:
    """([foreign keys], column): the shortest path of foreign keys from t to a table with a text column
    named like a country (address -> city -> country.country), or None."""
    frontier: list[tuple[Table, list[Any]]] = [(t, [])]
    seen = {t.name}
    for _ in range(depth):
        nxt = []
        for table, path in frontier:
            for fk in _fks(schema, table):
                parent = schema.tables.get(fk.ref_table)
                if parent is None or fk.ref_schema is not None or parent.name in seen:
                    continue
                seen.add(parent.name)
                p = path + [_fk_ref(table, fk)]
                for c in COUNTRY_COLUMNS:
                    if c in parent.columns and resolve_type(parent.columns[c].type, schema).kind == "text":
                        return p, c
                nxt.append((parent, p))
        frontier = nxt
    return None


HEADER = """\
# Shaped from the source by `sqlsynth generate-config` (SRC_DSN was reachable):
#   rows_from_source: 1      rows = the source's row count (make-stats records it) x create-data --scale
#   vocabulary_table: true   small lookup tables that others reference: copied by make-vocab / create-vocab
#   children_per_parent      the source's number of children per parent row, for each listed foreign key
#                            (the first sets the table's row count from its parent's rows)
#   locale_from              address pools per locale, each row in the locale of the country its keys lead to
#   stats: auto              generators fitted by make-stats to the source column: weighted choices for
#                            columns with few values, quantiles (range and shape) for numbers and dates,
#                            lengths for text, shares of NULLs (null_fraction: auto)
# Only aggregates were read to choose these; make-stats computes the numbers into src-stats.yaml,
# leaving out rare values (7 rows or fewer) and applying `differential_privacy` if you add it.
# Run next: sqlsynth make-stats, make-vocab; then create-tables, create-vocab, create-data.
"""


def shaped_config(schema: Schema, prof: dict[str, TableProfile]) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(config text, config data, summary) for the schema shaped from its source profile."""
    from ..config.starter import HEADER as STARTER_HEADER

    vocab = vocabulary_tables(schema, prof)
    generated = {n for n, t in schema.tables.items() if not t.is_partition and n not in vocab}
    follow = children_proposals(schema, prof, generated)
    tables: dict[str, Any] = {}
    for name, t in sorted(schema.tables.items()):
        if t.is_partition:
            continue
        if name in vocab:
            tables[name] = {"ignore": False, "vocabulary_table": True}
            continue
        tp = prof.get(name) or TableProfile(rows=0)
        tables[name] = table_settings(schema, t, tp, vocab, follow.get(name, []))
    data = {"tables": tables}
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    head = STARTER_HEADER.split("\n", 1)[0] + "\n"  # the editor's schema line
    summary = {"vocabulary": sorted(vocab), "children": sum(len(v) for v in follow.values()),
               "fitted": sum(1 for td in tables.values() for g in td.get("row_generators", []) if g.get("stats"))}
    return head + HEADER + body, data, summary
