"""Measuring rules on the source (make-stats): how often each holds, and the fitted gap or lag.

For every rule of the config one aggregate query, named ``auto__rule__<table>__<kind>__...``:

* order / follows: ``rows`` (pairs where both values are present), ``agreement`` (share with
  later >= earlier) and ``quantiles`` (0, 5, ..., 100 % of later - earlier over the pairs where
  the rule holds: seconds for dates and times, the unit of numbers);
* same_parent / round_trip: ``rows`` and ``agreement`` (share of rows where both ways agree).

Only aggregates leave the source; every identifier is quoted by sqlglot. The same builders
serve generate-config's proposals (stats/propose_rules.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlglot import exp

from ..sql import primitives, sqlx
from ..sql.sqlx import lit
from ..config.load import Config
from ..config.rules import QUANTILE_GRID, Rule, family, fk_label, fk_matches, point_kind, stat_name
from ..errors import Problem, suggest
from ..schema.model import ForeignKey, Schema
from ..schema.types import TypeInfo, resolve_type
from .auto import StatQuery
from .quantiles import source_table

AGREEMENT = 0.99  # a rule is proposed, and kept quietly, from this share of agreeing source rows on
_F8 = "DOUBLE PRECISION"


def _a(e: exp.Expression, name: str) -> exp.Expression:
    return exp.alias_(e, name, quoted=True)


def _tbl(src_schema: Any, name: str, alias: str) -> exp.Expression:
    """A table of the source under an alias: in src_schema, or (a Schema of several schemas) in its own."""
    return exp.alias_(source_table(src_schema, name), alias, quoted=True)


def _ref_tbl(src_schema: Any, fk: ForeignKey, alias: str) -> exp.Expression:
    """The table a foreign key refers to: outside orm.yaml in its ref_schema, else as _tbl."""
    if fk.ref_schema:
        return exp.alias_(sqlx.table(fk.ref_schema, fk.ref_table), alias, quoted=True)
    return _tbl(src_schema, fk.ref_table, alias)


def source_tables_of(schema: Schema | None, src_schema: Any) -> Any:
    """What _tbl needs: the Schema itself for a file of several schemas (each table in its own)."""
    return schema if schema is not None and schema.multi else src_schema


def epoch(e: exp.Expression, ti: TypeInfo) -> exp.Expression:
    """A column's point as a double: the number, or seconds since 1970 for dates and times (a range: its lower bound)."""
    if ti.kind == "range":
        e = primitives.range_lower(e)
    kind = point_kind(ti)
    if family(kind) == "number":
        return exp.Cast(this=e, to=exp.DataType.build(_F8))
    return exp.Cast(this=exp.Extract(this=exp.var("EPOCH"), expression=e), to=exp.DataType.build(_F8))


def _join_on(fk: ForeignKey, child: str, parent: str) -> exp.Expression:
    on = None
    for c, rc in zip(fk.columns, fk.ref_columns):
        eq = exp.EQ(this=sqlx.col(c, child), expression=sqlx.col(rc, parent))
        on = eq if on is None else exp.And(this=on, expression=eq)
    return on


def _all(conds: list[exp.Expression]) -> exp.Expression:
    out = conds[0]
    for c in conds[1:]:
        out = exp.And(this=out, expression=c)
    return out


def _share(cond: exp.Expression) -> exp.Expression:
    return exp.Cast(this=exp.Avg(this=sqlx.case([(cond, lit(1.0))], lit(0.0))), to=exp.DataType.build(_F8))


def gap_select(diff: exp.Expression, from_: exp.Expression, joins: list[tuple[exp.Expression, exp.Expression]]) -> str:
    """rows, agreement and quantiles of diff (later - earlier) over the rows where it is known."""
    inner = exp.select(_a(diff, "d")).from_(from_)
    for tbl, on in joins:
        inner = inner.join(tbl, on=on)
    d = exp.column("d", quoted=True)
    quant = exp.WithinGroup(this=exp.PercentileCont(this=exp.Array(expressions=[lit(float(q)) for q in QUANTILE_GRID])),
                            expression=exp.Order(expressions=[exp.Ordered(this=d.copy())]))
    quant = exp.Filter(this=quant, expression=exp.Where(this=exp.GTE(this=d.copy(), expression=lit(0))))
    sel = exp.select(_a(exp.Count(this=exp.Star()), "rows"),
                     _a(_share(exp.GTE(this=d.copy(), expression=lit(0))), "agreement"),
                     _a(quant, "quantiles")) \
        .from_(inner.subquery(exp.to_identifier("s", quoted=True), copy=False)) \
        .where(exp.Not(this=exp.Is(this=d.copy(), expression=exp.Null())))
    return sel.sql(sqlx.DIALECT)


def order_query(schema: Schema, src_schema: Any, table: str, earlier: str, later: str) -> str:
    t = schema.tables[table]
    ta, tb = (resolve_type(t.columns[c].type, schema) for c in (earlier, later))
    diff = exp.Sub(this=epoch(sqlx.col(later, "t"), tb), expression=epoch(sqlx.col(earlier, "t"), ta))
    return gap_select(diff, _tbl(src_schema, table, "t"), [])


def follows_query(schema: Schema, src_schema: Any, table: str, column: str, fk: ForeignKey,
                  parent_column: str) -> str:
    tc = resolve_type(schema.tables[table].columns[column].type, schema)
    tp = resolve_type(schema.tables[fk.ref_table].columns[parent_column].type, schema)
    diff = exp.Sub(this=epoch(sqlx.col(column, "t"), tc), expression=epoch(sqlx.col(parent_column, "p"), tp))
    return gap_select(diff, _tbl(src_schema, table, "t"),
                      [(_ref_tbl(src_schema, fk, "p"), _join_on(fk, "t", "p"))])


def path_select(src_schema: Any, table: str, hops: list[ForeignKey]) -> exp.Select:
    """FROM table t JOIN hop1 h1 ON ... JOIN hop2 h2 ON ... (aliases t, h1, h2, ...)."""
    sel = exp.select().from_(_tbl(src_schema, table, "t"))
    prev = "t"
    for i, fk in enumerate(hops, start=1):
        sel = sel.join(_ref_tbl(src_schema, fk, f"h{i}"), on=_join_on(fk, prev, f"h{i}"))
        prev = f"h{i}"
    return sel


def same_parent_condition(fk0: ForeignKey, last: ForeignKey, last_alias: str) -> exp.Expression:
    """t's fk0 columns equal the last hop's columns (matched by the parent column they refer to)."""
    conds = []
    for c, rc in zip(fk0.columns, fk0.ref_columns):
        other = last.columns[last.ref_columns.index(rc)]
        conds.append(exp.EQ(this=sqlx.col(c, "t"), expression=sqlx.col(other, last_alias)))
    return _all(conds)


def agreement_query(src_schema: Any, table: str, hops: list[ForeignKey], cond: exp.Expression,
                    present: list[str] = ()) -> str:
    """rows reached through the hops (all but the last) with the `present` columns of t not NULL,
    and the share where cond holds."""
    sel = path_select(src_schema, table, hops[:-1])
    sel = sel.select(_a(exp.Count(this=exp.Star()), "rows"), _a(_share(cond), "agreement"), append=False)
    for c in present:
        sel = sel.where(exp.Not(this=exp.Is(this=sqlx.col(c, "t"), expression=exp.Null())))
    return sel.sql(sqlx.DIALECT)


# ---- the config's rules ----------------------------------------------------------------------


def _fk(schema: Schema, table: str, ref: Any) -> ForeignKey | None:
    from ..schema.keys import effective_fks

    for _o, fk in effective_fks(schema, schema.tables[table]):
        if fk_matches(fk, ref):
            return fk
    return None


def _fk_names(schema: Schema, table: str) -> list[str]:
    from ..schema.keys import effective_fks

    return [fk.name for _o, fk in effective_fks(schema, schema.tables[table])]


def rule_query(cfg: Config, schema: Schema, src_schema: Any, rule: Rule,
               problems: list[Problem]) -> StatQuery | None:
    """The measurement of one rule of the config, or None (with a located problem)."""
    def bad(path: str, msg: str) -> None:
        problems.append(cfg.problem(path, msg))

    def column(table: str, c: str, path: str) -> bool:
        cols = schema.tables[table].columns
        if c not in cols:
            bad(path, f"unknown column {table}.{c}{suggest(c, cols)}")
            return False
        if point_kind(resolve_type(cols[c].type, schema)) is None:
            bad(path, f"{table}.{c} is {cols[c].type}: rules order dates, timestamps, numbers and their ranges")
            return False
        return True

    def key(table: str, ref: Any, path: str) -> ForeignKey | None:
        fk = _fk(schema, table, ref) if table in schema.tables else None
        if fk is None:
            bad(path, f"{table} has no foreign key {fk_label(ref)}{suggest(fk_label(ref), _fk_names(schema, table))}")
        return fk

    p = f"{rule.path}.{rule.kind}"
    if rule.kind == "order":
        if not all(column(rule.table, c, p) for c in rule.columns):
            return None
        sql = order_query(schema, src_schema, rule.table, *rule.columns)
    elif rule.kind == "follows":
        fk = key(rule.table, rule.foreign_key, f"{p}.foreign_key")
        if fk is None or not column(rule.table, rule.columns[0], f"{p}.column") \
                or not column(fk.ref_table, rule.parent_column, f"{p}.parent_column"):
            return None
        sql = follows_query(schema, src_schema, rule.table, rule.columns[0], fk, rule.parent_column)
    else:
        hops, table = [], rule.table
        for i, ref in enumerate(rule.through):
            fk = key(table, ref, f"{p}[{i}]" if rule.kind == "round_trip" else f"{p}.through[{i}]")
            if fk is None:
                return None
            hops.append(fk)
            table = fk.ref_table
        if rule.kind == "same_parent":
            fk0 = key(rule.table, rule.foreign_key, f"{p}.foreign_key")
            if fk0 is None:
                return None
            last = hops[-1]
            if last.ref_table != fk0.ref_table or sorted(last.ref_columns) != sorted(fk0.ref_columns):
                bad(f"{p}.through", f"the path ends at {last.ref_table}, not where {fk0.name} leads")
                return None
            cond = same_parent_condition(fk0, last, f"h{len(hops) - 1}")
            present = fk0.columns
        else:
            f1, f2 = hops
            if f2.ref_table != rule.table:
                bad(p, f"{f2.name} does not lead back to {rule.table}")
                return None
            cond = _all([exp.EQ(this=sqlx.col(c, "h1"), expression=sqlx.col(rc, "t"))
                         for c, rc in zip(f2.columns, f2.ref_columns)])
            present = []
        sql = agreement_query(src_schema, rule.table, hops, cond, present)
    return StatQuery(name=stat_name(rule), query=sql, path=rule.path, auto=True,
                     comments=[f"sqlsynth: rule {rule.describe()}: share of source rows where it holds"
                               + (", and the quantiles of the difference" if rule.kind in ("order", "follows") else "")])


def rule_queries(cfg: Config, schema: Schema | None, src_schema: Any, problems: list[Problem]) -> list[StatQuery]:
    out: list[StatQuery] = []
    if schema is None:
        return out
    src_schema = source_tables_of(schema, src_schema)
    for tname, tc in cfg.tables.items():
        if tc.ignore or tc.vocabulary_table or not tc.rules or tname not in schema.tables:
            continue
        for rule in tc.rules:
            q = rule_query(cfg, schema, src_schema, rule, problems)
            if q is not None:
                out.append(q)
    return out


@dataclass
class RuleReport:
    line: str
    weak: bool  # holds in fewer than AGREEMENT of the source rows


def rule_reports(cfg: Config, entries: dict[str, Any]) -> list[RuleReport]:
    """One line per measured rule: the share of source rows where it holds."""
    out = []
    for tc in cfg.tables.values():
        for rule in tc.rules:
            entry = entries.get(stat_name(rule))
            if not isinstance(entry, dict) or not entry.get("results"):
                continue
            row = entry["results"][0]
            n, share = row.get("rows") or 0, row.get("agreement")
            if not n or share is None:
                out.append(RuleReport(f"rule {rule.describe()}: no source rows to measure it on", True))
                continue
            out.append(RuleReport(f"rule {rule.describe()}: holds in {100 * share:.2f} % of {n:,} source rows",
                                  share < AGREEMENT))
    return out
