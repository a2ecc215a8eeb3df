"""generate-config: the rules the source supports, measured with aggregates and proposed.

Candidates, measured through make-stats' query path (read-only, aggregates only):

* order: each pair of date/timestamp/number columns of a table (not keys, not foreign keys,
  not unique), one query per table with COUNT(*) FILTER (...) per pair;
* follows: each foreign key to another generated table, each (child column, parent column)
  pair of one family, one join per foreign key;
* same_parent: each table that reaches a parent directly (fk0) and through another table
  (fk1, then that table's fk2 to the same parent key): share of rows where both agree;
* round_trip: each fk1 (A -> B) with an fk2 (B -> A): share of A rows fk2 leads back to.

A rule is proposed where it holds in at least 99 % of the source rows (numbers only when
their ranges overlap: `length <= replacement_cost` that no row could break says nothing).
Along foreign keys, columns holding one value in the whole source are left out (Pagila's
bulk-loaded last_update is "after" every other table's). Each column is derived by at most one
rule: an order within the row before a follows, then the candidate whose gap varies least
(10 %..90 % quantile spread, a second query per survivor); no rule may read, through others,
what it derives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from sqlglot import exp

from ..sql import sqlx
from ..sql.sqlx import lit
from ..config.load import Config
from ..config.rules import duration, family, point_kind
from ..errors import SqlsynthError
from ..schema.io import FlowList
from ..schema.model import ForeignKey, Schema, Table
from ..schema.types import resolve_type
from .auto import StatQuery
from .rules import AGREEMENT, _a, _all, _join_on, _ref_tbl, _tbl, epoch, follows_query, order_query, source_tables_of

MAX_AGGREGATES = 1200  # per query (PostgreSQL allows 1664 result columns)


@dataclass
class Candidate:
    kind: str  # order | follows | same_parent | round_trip
    table: str
    rule: dict[str, Any]
    agreement: float
    target: tuple[str, str] | None = None  # (table, column) derived (order, follows)
    reads: tuple[str, str] | None = None  # (table, column) read (order, follows)
    query: str | None = None  # quantiles (order, follows)
    spread: float = 0.0
    median: float = 0.0
    quantiles: list[float] = field(default_factory=list)  # of the gap, on QUANTILE_GRID
    time: bool = False  # the gap is in seconds (dates and times)
    keys: list[tuple[str, str]] = field(default_factory=list)  # (table, fk name) re-pointed (same_parent, round_trip)
    uses: list[tuple[str, str]] = field(default_factory=list)  # (table, fk name) followed without change


def _fks(schema: Schema, t: Table) -> list[ForeignKey]:
    from ..schema.keys import effective_fks

    return [fk for _o, fk in effective_fks(schema, t)]


def _unique_columns(schema: Schema, t: Table) -> list[set[str]]:
    from ..schema.keys import unique_sets

    return [set(cols) for _n, cols in unique_sets(schema, t)]


def orderable(schema: Schema, t: Table) -> list[str]:
    """Columns a rule may order: dates, timestamps, numbers (and ranges of them), not keys."""
    fk_cols = {c for fk in _fks(schema, t) for c in fk.columns}
    single_unique = {next(iter(u)) for u in _unique_columns(schema, t) if len(u) == 1}
    out = []
    for c in t.columns.values():
        if c.generated or c.serial or c.identity or c.primary or c.name in fk_cols or c.name in single_unique:
            continue
        if point_kind(resolve_type(c.type, schema)) is not None:
            out.append(c.name)
    return out


def _count(cond: exp.Expression | None = None) -> exp.Expression:
    c = exp.Count(this=exp.Star())
    return exp.Filter(this=c, expression=exp.Where(this=cond)) if cond is not None else c


def _nn(e: exp.Expression) -> exp.Expression:
    return exp.Not(this=exp.Is(this=e, expression=exp.Null()))


class _Batch:
    """Aggregates over one FROM clause, split into queries of at most MAX_AGGREGATES columns."""

    def __init__(self, name: str, from_: exp.Expression, joins: list):
        self.name, self.from_, self.joins = name, from_, joins
        self.items: list[tuple[str, exp.Expression]] = []

    def add(self, e: exp.Expression) -> str:
        alias = f"x{len(self.items)}"
        self.items.append((alias, e))
        return alias

    def queries(self) -> list[StatQuery]:
        out = []
        for k in range(0, len(self.items), MAX_AGGREGATES):
            part = self.items[k:k + MAX_AGGREGATES]
            sel = exp.select(*[_a(e, alias) for alias, e in part]).from_(self.from_.copy())
            for tbl, on in self.joins:
                sel = sel.join(tbl.copy(), on=on.copy())
            out.append(StatQuery(name=f"{self.name}#{k // MAX_AGGREGATES}", query=sel.sql(sqlx.DIALECT),
                                 path="generate-config", auto=True))
        return out


def _row(results: dict, batch: _Batch) -> dict:
    row: dict = {}
    for k in range(0, max(len(batch.items), 1), MAX_AGGREGATES):
        got = results.get(f"{batch.name}#{k // MAX_AGGREGATES}")
        if got and got.get("results"):
            row.update(got["results"][0])
    return row


def _share(row: dict, n: str, k: str) -> tuple[float, int]:
    total = row.get(n) or 0
    return ((row.get(k) or 0) / total if total else 0.0), total


def propose(run: Callable[[list[StatQuery]], dict], schema: Schema, src_schema: Any,
            generated: set[str]) -> tuple[dict[str, list[dict]], list[str]]:
    """{table: [rule entries]} for config.yaml and one line per proposed rule.

    run(queries) -> {name: src-stats entry} executes queries on the source (make-stats' path)."""
    types = {(t.name, c.name): resolve_type(c.type, schema) for t in schema.tables.values() for c in t.columns.values()}
    tables = [schema.tables[n] for n in sorted(generated) if n in schema.tables]
    cols = {t.name: orderable(schema, t) for t in tables}
    batches: list[tuple[str, _Batch, list]] = []  # (kind, batch, [(alias..., meaning)])

    # -- in-row pairs, and every orderable column's range ----------------------------------------
    for t in tables:
        cs = cols[t.name]
        if not cs:
            continue
        b = _Batch(f"rules:{t.name}", _tbl(src_schema, t.name, "t"), [])
        ranges = {c: (b.add(exp.Min(this=epoch(sqlx.col(c, "t"), types[(t.name, c)]))),
                      b.add(exp.Max(this=epoch(sqlx.col(c, "t"), types[(t.name, c)])))) for c in cs}
        pairs = []
        for i, x in enumerate(cs):
            for y in cs[i + 1:]:
                if family(point_kind(types[(t.name, x)])) != family(point_kind(types[(t.name, y)])):
                    continue
                d = exp.Sub(this=epoch(sqlx.col(y, "t"), types[(t.name, y)]),
                            expression=epoch(sqlx.col(x, "t"), types[(t.name, x)]))
                pairs.append((x, y, b.add(_count(_nn(d))), b.add(_count(exp.GTE(this=d, expression=lit(0)))),
                              b.add(_count(exp.LTE(this=d.copy(), expression=lit(0))))))
        batches.append(("table", b, [t.name, ranges, pairs]))

    # -- along each foreign key ------------------------------------------------------------------
    for t in tables:
        for fk in _fks(schema, t):
            p = schema.tables.get(fk.ref_table)
            if fk.ref_schema is not None or p is None or fk.ref_table == t.name or fk.ref_table not in generated:
                continue
            b = _Batch(f"rules:{t.name}:{fk.name}", _tbl(src_schema, t.name, "t"),
                       [(_ref_tbl(src_schema, fk, "p"), _join_on(fk, "t", "p"))])
            follows = []
            for x in cols[t.name]:
                for y in cols.get(p.name, []):
                    if family(point_kind(types[(t.name, x)])) != family(point_kind(types[(p.name, y)])):
                        continue
                    d = exp.Sub(this=epoch(sqlx.col(x, "t"), types[(t.name, x)]),
                                expression=epoch(sqlx.col(y, "p"), types[(p.name, y)]))
                    follows.append((x, y, b.add(_count(_nn(d))), b.add(_count(exp.GTE(this=d, expression=lit(0))))))
            diamonds = []
            for fk0 in _fks(schema, t):
                if fk0.name == fk.name or fk0.ref_schema is not None or set(fk0.columns) & set(fk.columns):
                    continue
                for fk2 in _fks(schema, p):
                    if fk2.ref_table != fk0.ref_table or sorted(fk2.ref_columns) != sorted(fk0.ref_columns) \
                            or fk2.ref_schema is not None:
                        continue
                    present = _all([_nn(sqlx.col(c, "t")) for c in fk0.columns])
                    same = _all([exp.EQ(this=sqlx.col(c, "t"), expression=sqlx.col(fk2.columns[fk2.ref_columns.index(rc)], "p"))
                                 for c, rc in zip(fk0.columns, fk0.ref_columns)])
                    diamonds.append((fk0, fk2, b.add(_count(present)), b.add(_count(same))))
            trips = []
            for fk2 in _fks(schema, p):
                if fk2.ref_table != t.name or fk2.ref_schema is not None:
                    continue
                back = _all([exp.EQ(this=sqlx.col(c, "p"), expression=sqlx.col(rc, "t"))
                             for c, rc in zip(fk2.columns, fk2.ref_columns)])
                trips.append((fk2, b.add(_count()), b.add(_count(back))))
            if follows or diamonds or trips:
                batches.append(("fk", b, [t.name, fk, follows, diamonds, trips]))

    results = run([q for _k, b, _m in batches for q in b.queries()])
    cands: list[Candidate] = []
    ranges: dict[tuple[str, str], tuple[float | None, float | None]] = {}
    for kind, b, meta in batches:
        if kind == "table":
            row = _row(results, b)
            for c, (lo, hi) in meta[1].items():
                ranges[(meta[0], c)] = (row.get(lo), row.get(hi))
    for kind, b, meta in batches:
        row = _row(results, b)
        if kind == "table":
            tname, _r, pairs = meta
            for x, y, n, le, ge in pairs:
                share_le, _total = _share(row, n, le)
                share_ge, _t = _share(row, n, ge)
                # x <= y, else y <= x (columns equal in the source: the first direction only)
                directions = [(x, y, share_le)] if share_le >= AGREEMENT else [(y, x, share_ge)]
                for a, c, share in directions:
                    if share < AGREEMENT:
                        continue
                    if not _meaningful(types[(tname, a)], ranges.get((tname, a)), ranges.get((tname, c))):
                        continue
                    if _constant(ranges.get((tname, c))) and not _constant(ranges.get((tname, a))):
                        continue  # one value after varying ones: its own (fitted) value keeps the order
                    cands.append(Candidate("order", tname, {"order": FlowList([a, c])}, share,
                                           target=(tname, c), reads=(tname, a), time=_is_time(types[(tname, a)]),
                                           query=order_query(schema, src_schema, tname, a, c)))
        else:
            tname, fk, follows, diamonds, trips = meta
            for x, y, n, ge in follows:
                share, _total = _share(row, n, ge)
                parent_range, child_range = ranges.get((fk.ref_table, y)), ranges.get((tname, x))
                if share < AGREEMENT or _constant(parent_range) or _constant(child_range) \
                        or not _meaningful(types[(tname, x)], parent_range, child_range):
                    continue
                cands.append(Candidate("follows", tname, {"follows": {"column": x, "foreign_key": fk.name,
                                                                      "parent_column": y}},
                                       share, target=(tname, x), reads=(fk.ref_table, y), time=_is_time(types[(tname, x)]),
                                       query=follows_query(schema, src_schema, tname, x, fk, y)))
            for fk0, fk2, n, same in diamonds:
                share, _total = _share(row, n, same)
                if share >= AGREEMENT and not any(set(fk0.columns) <= u for u in _unique_columns(schema, schema.tables[tname])):
                    cands.append(Candidate("same_parent", tname,
                                           {"same_parent": {"foreign_key": fk0.name, "through": FlowList([fk.name, fk2.name])}},
                                           share, keys=[(tname, fk0.name)], uses=[(tname, fk.name), (fk.ref_table, fk2.name)]))
            for fk2, n, back in trips:
                share, _total = _share(row, n, back)
                if share >= AGREEMENT:
                    one_to_one = any(set(fk.columns) == u for u in _unique_columns(schema, schema.tables[tname]))
                    cands.append(Candidate("round_trip", tname, {"round_trip": FlowList([fk.name, fk2.name])}, share,
                                           keys=[(tname, fk.name), (fk.ref_table, fk2.name)],
                                           median=0.0 if one_to_one else 1.0))
    return _choose(run, cands)


def _constant(r: tuple | None) -> bool:
    """One value in the whole source column (Pagila's bulk-loaded last_update): any order with it is
    an accident of the load, not a relationship."""
    return not r or r[0] is None or r[0] == r[1]


def _meaningful(ti, earlier: tuple | None, later: tuple | None) -> bool:
    """Numbers: only when the ranges overlap (else the marginals keep the order by themselves)."""
    if family(point_kind(ti)) != "number":
        return True
    if not earlier or not later or earlier[1] is None or later[0] is None:
        return False
    return earlier[1] > later[0]


def _choose(run, cands: list[Candidate]) -> tuple[dict[str, list[dict]], list[str]]:
    """One rule per derived column, the least varying gap first; no cycles; key rules that do not clash."""
    timed = [c for c in cands if c.query]
    if timed:
        qs = [StatQuery(name=f"rules:gap:{i}", query=c.query, path="generate-config", auto=True)
              for i, c in enumerate(timed)]
        res = run(qs)
        kept = []
        for i, c in enumerate(timed):
            got = (res.get(f"rules:gap:{i}") or {}).get("results") or [{}]
            q = got[0].get("quantiles")
            if not q or len(q) < 19:
                continue
            c.spread, c.median = float(q[18]) - float(q[2]), float(q[10])
            c.quantiles = [float(x) for x in q]
            kept.append(c)
        timed = kept
    out: dict[str, list[dict]] = {}
    lines: list[str] = []
    reads: dict[tuple[str, str], tuple[str, str]] = {}

    def cycle(target: tuple[str, str], read: tuple[str, str]) -> bool:
        seen = set()
        cur: tuple[str, str] | None = read
        while cur is not None and cur not in seen:
            if cur == target:
                return True
            seen.add(cur)
            cur = reads.get(cur)
        return False

    # within a row first (one entity's own dates), then along foreign keys; the least varying gap first
    for c in sorted(timed, key=lambda c: (c.kind != "order", c.spread, c.median, c.table, str(c.rule))):
        if c.target in reads or cycle(c.target, c.reads):
            continue
        reads[c.target] = c.reads
        _emit(out, lines, c)
    keys: set[tuple[str, str]] = set()
    used: set[tuple[str, str]] = set()
    for c in sorted((c for c in cands if not c.query), key=lambda c: (-c.agreement, c.median, c.table, str(c.rule))):
        if any(k in keys or k in used for k in c.keys) or any(u in keys for u in c.uses):
            continue
        keys.update(c.keys)
        used.update(c.uses)
        _emit(out, lines, c)
    return out, lines


def _is_time(ti) -> bool:
    return family(point_kind(ti)) == "time"


def _gap(c: Candidate) -> dict[str, Any]:
    """The measured gap, inline (every 10 %): the config compiles without make-stats, and reads as durations."""
    qs, top = [], 0.0
    for x in c.quantiles[::2]:
        top = max(top, x)
        qs.append(top)
    show = duration if c.time else (lambda x: float(f"{x:.6g}"))
    if qs and qs[0] == qs[-1]:
        return {"min": show(qs[0]), "max": show(qs[0])}
    return {"quantiles": FlowList(show(x) for x in qs)}


def _emit(out: dict[str, list[dict]], lines: list[str], c: Candidate) -> None:
    entry = dict(c.rule)
    if c.kind in ("order", "follows"):
        entry["gap" if c.kind == "order" else "lag"] = _gap(c)
    entry["agreement"] = round(c.agreement, 4)
    out.setdefault(c.table, []).append(entry)
    lines.append(f"{c.table}: {c.kind} {_label(c.rule[c.kind])} (holds in {100 * c.agreement:.2f} % of source rows)")


def _label(v: Any) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(map(str, v)) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_label(x)}" for k, x in v.items()) + "}"
    return str(v)


def measure_and_propose(dsn: str, src_schema: str | None, schema: Schema, generated: set[str],
                        jobs: int = 1) -> tuple[dict[str, list[dict]], list[str]]:
    """propose() with the queries run on the source through make-stats' path (read-only)."""
    from .run import run_queries

    cfg = Config(file="generate-config")

    def run(queries: list[StatQuery]) -> dict:
        if not queries:
            return {}
        results, problems = run_queries(dsn, path, queries, cfg, jobs)
        if problems:
            raise SqlsynthError(f"measuring rules on the source failed: {problems[0].message} "
                                "(generate-config --no-rules writes the config without them)")
        return results

    # several schemas: the sessions search them all, and every query names each table's own schema
    path = schema.source_search_path if schema.multi else src_schema
    return propose(run, schema, source_tables_of(schema, src_schema), generated)


RULES_HEADER = """\
# rules: consistency the source shows in at least 99 % of its rows, kept in every generated row
# (generate-config measured it; `agreement` is the share of source rows where it holds):
#   order: [a, b]          b = a + gap: {quantiles: [0 %, 10 %, ..., 100 %]} as measured (seconds or
#                          durations for dates and times), or {min, max}, or auto (fitted by make-stats)
#   follows: {column, foreign_key, parent_column}   the column = the parent row's value + lag (the same)
#   same_parent: {foreign_key, through: [...]}      the key is the one reached through the path
#   round_trip: [there, back]                       the row reached through `there` points back here
# Delete a rule to generate its columns independently.
"""


def _header(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


def _repointed(schema: Schema, proposals: dict[str, list[dict]]) -> set[tuple[str, str]]:
    """(table, foreign key) of each key a proposed same_parent or round_trip rule derives."""
    out: set[tuple[str, str]] = set()
    for tname, rules in proposals.items():
        for r in rules:
            if "same_parent" in r:
                out.add((tname, r["same_parent"]["foreign_key"]))
            elif "round_trip" in r:
                first, back = r["round_trip"]
                out.add((tname, first))
                fk = next((f for f in _fks(schema, schema.tables[tname]) if f.name == first), None)
                if fk is not None:
                    out.add((fk.ref_table, back))
    return out


def _give_way(tables: dict[str, Any], schema: Schema, proposals: dict[str, list[dict]]) -> None:
    """A key a rule derives is no longer drawn from its children_per_parent histogram: the rule wins,
    and a secondary entry for that key leaves the table's list (the first entry, which sizes the
    table, stays and keeps the row count)."""
    for tname, fk_name in _repointed(schema, proposals):
        td = tables.get(tname)
        cpp = td.get("children_per_parent") if isinstance(td, dict) else None
        if isinstance(cpp, list) and len(cpp) > 1:
            td["children_per_parent"] = [e for i, e in enumerate(cpp)
                                         if i == 0 or not (isinstance(e, dict) and e.get("foreign_key") == fk_name)]


def rules_config(dsn: str, src_schema: str | None, schema: Schema, text: str,
                 data: dict[str, Any]) -> tuple[str, dict[str, Any], list[str]]:
    """Measure the source, add the rules it supports to each table of the config (in place), and
    drop the row generators of the columns the rules derive. Returns the new text, data and one
    line per rule."""
    from ..schema.io import dump_yaml

    tables = data.get("tables") or {}
    generated = {n for n, td in tables.items() if n in schema.tables and not schema.tables[n].is_partition
                 and not (isinstance(td, dict) and (td.get("ignore") or td.get("vocabulary_table")))}
    proposals, lines = measure_and_propose(dsn, src_schema, schema, generated)
    for tname, rules in proposals.items():
        td = tables.setdefault(tname, {})
        derived = set()
        for r in rules:
            if "order" in r:
                derived.add(r["order"][1])
            elif "follows" in r:
                derived.add(r["follows"]["column"])
        def assigns(g: Any) -> set[str]:
            cols = g.get("columns_assigned") if isinstance(g, dict) else None
            return {cols} if isinstance(cols, str) else set(cols) if isinstance(cols, list) else set()

        td["row_generators"] = [g for g in td.get("row_generators") or [] if not assigns(g) & derived]
        td["rules"] = rules
    _give_way(tables, schema, proposals)
    return _header(text) + (RULES_HEADER if proposals else "") + dump_yaml(data, width=1000), data, lines
