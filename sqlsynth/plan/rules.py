"""Consistency rules (tables.<t>.rules, see config/rules.py) compiled in closed form.

Every cell stays a pure function of the row number; a rule only changes which function:

* order [a, b]: b = a + gap at the same row (or, when b is set by a generator and a is left
  out, a = b - gap). The gap is a draw from the fitted quantiles (piecewise-linear inverse CDF,
  non-negative), so b >= a on every row.
* follows {column c, foreign_key fk, parent_column p}: the child row picks parent row j (the
  foreign key's index, as for the key itself); c = the parent's p evaluated at j + lag.
* same_parent {foreign_key k, through [f1, ..., fn]}: k's columns = the last hop's columns at the
  row reached by composing the hops' indexes (payment -> rental row j -> rental.customer_id at j).
* round_trip [f1 (A -> B), f2 (B -> A)]: A row s picks B row 1 + perm(s - 1) (a permutation, so
  a unique f1 stays unique) and B row j points back through perm's inverse (computed at compile
  time: the permutation is affine) when j is in its image; other B rows keep their own pick.

No joins and no lookups. Rows inserted by stories are the exception: where a story provides a
column a rule reads (a same-row column, or the foreign key of a follows/same_parent rule), the
value is read from what the story gave (a scalar subquery on the parent for foreign keys), so
the rule applies to the columns the story leaves out.
"""

from __future__ import annotations

from typing import Callable

from sqlglot import exp

from ..sql import primitives, sqlx
from ..sql.sqlx import Streams, lit
from ..config.rules import Rule, Spread, family, fk_label, fk_matches, point_kind, stat_name
from ..errors import suggest
from ..schema.types import TypeInfo, resolve_type
from .checks_order import type_limit
from .placeholders import Given, provided_or
from .values import Value
from . import nodes

RowFn = Callable[[exp.Expression], exp.Expression]


def P(e: exp.Expression) -> exp.Expression:
    return exp.Paren(this=e)




# ---- draws and shifts ----------------------------------------------------------------------------

SECOND = exp.Interval(this=lit("1"), unit=exp.var("SECOND"))
_F8 = "DOUBLE PRECISION"


def _array(values: list[float]) -> exp.Expression:
    return exp.Cast(this=sqlx.array(lit(float(v)) for v in values), to=exp.DataType.build(f"{_F8}[]"))


def draw(sp: Spread, streams: Streams, stream: str, row: exp.Expression) -> exp.Expression:
    """A non-negative amount from the spread (double precision)."""
    if sp.kind == "uniform":
        if sp.high == sp.low:
            return lit(float(sp.low))
        return P(sqlx.add(lit(float(sp.low)), sqlx.mul(streams.u(stream, row), lit(float(sp.high - sp.low)))))
    qs = sp.quantiles
    if len(qs) == 1 or qs[0] == qs[-1]:
        return lit(float(qs[0]))
    k = sqlx.add(lit(1), streams.pick(stream + ":k", row, len(qs) - 1))
    widths = [b - a for a, b in zip(qs, qs[1:])]
    base = sqlx.subscript(_array(qs[:-1]), k)
    step = sqlx.mul(sqlx.subscript(_array(widths), k.copy()), streams.u(stream + ":f", row))
    return P(sqlx.add(base, step))


def _as_ts(e: exp.Expression, kind: str) -> exp.Expression:
    """A time point as timestamp without time zone (timestamptz read in UTC)."""
    if kind == "date":
        return exp.Cast(this=e, to=exp.DataType.build("TIMESTAMP"))
    if kind == "timestamptz":
        return P(exp.AtTimeZone(this=e, zone=lit("UTC")))
    return e


def shift(point: exp.Expression, src: tuple[TypeInfo, str], dst: tuple[TypeInfo, str], d: exp.Expression,
          forward: bool) -> exp.Expression:
    """point (of kind src) moved by d >= 0 (seconds for times) forward or back, as a dst point.

    A whole step (integers, dates after dates, numeric of a finer scale) is d rounded, still >= 0;
    otherwise the result is rounded away from point, so forward results are >= point and backward
    ones <= it."""
    (_sti, sk), (dti, dk) = src, dst
    op = sqlx.add if forward else sqlx.sub
    if family(dk) == "number":
        if dk == "int":
            if sk == "int":
                out = op(P(point), exp.Cast(this=exp.Round(this=d), to=exp.DataType.build("BIGINT")))
            else:
                rnd = exp.Ceil if forward else exp.Floor
                out = exp.Cast(this=rnd(this=op(P(point), d)), to=exp.DataType.build("BIGINT"))
        elif dk == "numeric" and dti.scale is not None:
            scale = dti.scale
            if sk == "int" or (sk == "numeric" and _sti.scale is not None and _sti.scale <= scale):
                step = exp.Round(this=exp.Cast(this=d, to=exp.DataType.build("NUMERIC")), decimals=lit(scale))
                out = op(P(point), step)
            else:
                rnd = exp.Ceil if forward else exp.Floor
                scaled = sqlx.mul(P(op(exp.Cast(this=P(point), to=exp.DataType.build("NUMERIC")),
                                       exp.Cast(this=d, to=exp.DataType.build("NUMERIC")))), lit(10 ** scale))
                out = exp.Div(this=rnd(this=scaled), expression=lit(10 ** scale))
        else:
            out = op(P(point), d)
        limit = type_limit(dti, forward)
        if limit is not None:
            out = (exp.Least if forward else exp.Greatest)(this=out, expressions=[lit(limit)])
        return out
    secs = _epoch_seconds(point, sk)
    if secs is not None and dk in ("timestamp", "timestamptz"):  # a default timestamp: move its seconds
        moved = exp.UnixToTime(this=P(op(secs, d)))
        return P(exp.AtTimeZone(this=moved, zone=lit("UTC"))) if dk == "timestamp" else moved
    if dk == "date":
        if sk == "date":
            days = exp.Cast(this=exp.Round(this=exp.Div(this=d, expression=lit(86400))), to=exp.DataType.build("INT"))
            return P(op(P(point), days))
        if forward:  # the day on or after the moment
            secs = sqlx.mul(P(sqlx.add(d, lit(86399.999999))), SECOND.copy())
            return exp.Cast(this=P(sqlx.add(_as_ts(point, sk), secs)), to=exp.DataType.build("DATE"))
        return exp.Cast(this=P(sqlx.sub(_as_ts(point, sk), sqlx.mul(d, SECOND.copy()))), to=exp.DataType.build("DATE"))
    if dk == "timestamptz" and sk == "timestamptz":
        return P(op(point, sqlx.mul(d, SECOND.copy())))
    moved = P(op(_as_ts(point, sk), sqlx.mul(d, SECOND.copy())))
    return P(exp.AtTimeZone(this=moved, zone=lit("UTC"))) if dk == "timestamptz" else moved


def _epoch_seconds(e: exp.Expression, kind: str) -> exp.Expression | None:
    """E when the point is built from epoch seconds, to_timestamp(E) [AT TIME ZONE 'UTC'] (the default
    timestamps): shifting E costs less than adding an interval to the timestamp."""
    while isinstance(e, exp.Paren):
        e = e.this
    if kind == "timestamp" and isinstance(e, exp.AtTimeZone) and e.args.get("zone") == lit("UTC"):
        e = e.this
        while isinstance(e, exp.Paren):
            e = e.this
    elif kind != "timestamptz":
        return None
    if isinstance(e, exp.UnixToTime) and not any(v for k, v in e.args.items() if k != "this"):
        return e.this
    return None


def as_point(e: exp.Expression, ti: TypeInfo) -> exp.Expression:
    """A range's lower bound. Built by its two-argument constructor (the default range values),
    the first argument is taken directly: computing the upper bound only to drop it costs as much
    as the rest of a follows rule (an empty range, lower = upper, would give NULL instead)."""
    if ti.kind != "range":
        return e
    ctor = ti.base_sql.split("(")[0].strip().lower()
    built = primitives.range_bounds(e, ctor)
    return built[0] if built is not None else primitives.range_lower(e)


def into_column(point: exp.Expression, ti: TypeInfo, raw: exp.Expression) -> exp.Expression:
    """The column's value whose point is `point`: a range keeps its own length after the new lower bound."""
    if ti.kind != "range":
        return point
    ctor = ti.base_sql.split("(")[0].strip().lower()
    length = P(sqlx.sub(primitives.range_upper(raw), primitives.range_lower(raw.copy())))
    return primitives.make_range(ctor, point, P(sqlx.add(point.copy(), length)))


# ---- per table -----------------------------------------------------------------------------------


class RuleState:
    """What the rules of the whole load decided: derived columns, and who reads whom (for cycles)."""

    def __init__(self) -> None:
        self.derived: dict[tuple[str, str], str] = {}  # (table, column) -> rule path
        self.edges: list[tuple[tuple[str, str], tuple[str, str], str]] = []  # reader, read, rule path
        self.finish: list[tuple[Rule, object]] = []  # same_parent / round_trip, applied once all tables are planned
        self.keys: set[tuple[str, str]] = set()  # (table, fk name) re-pointed by a rule
        self.configured: dict[str, dict] = {}  # table -> its columns set by row generators
        self.orders: set[tuple[str, str, str]] = set()  # (table, earlier, later) kept by an order rule


def rule_state(b) -> RuleState:
    if b.rule_state is None:
        b.rule_state = RuleState()
    return b.rule_state


def find_fk(b, table: str, ref) -> object | None:
    from ..schema.keys import effective_fks

    for _owner, fk in effective_fks(b.schema, b.schema.tables[table]):
        if fk_matches(fk, ref):
            return fk
    return None


def fk_names(b, table: str) -> list[str]:
    from ..schema.keys import effective_fks

    return [fk.name for _o, fk in effective_fks(b.schema, b.schema.tables[table])]


def group_of(tp, fk):
    return next((g for g in tp.groups if g.fk is fk or g.fk.name == fk.name), None)


def no_group(b, tp, fk, configured: dict) -> str | None:
    """Why sqlsynth does not draw fk's columns (it has no FKGroup): a reason for a problem, or None
    when the builder already said why (its parent gets no rows; another key fills its columns).
    A children_per_parent key is drawn by sqlsynth (its own parent index) and has a group."""
    if any(c in configured for c in fk.columns):
        return f"the columns of {fk.name} are set by a row generator"
    if fk.ref_table != tp.name and b.row_count(fk.ref_table) == 0:  # a problem of the builder's, or NULL keys
        b.warnings.append(f"{tp.name}: a rule on {fk.name} is not applied: {fk.ref_table} gets no rows")
        return None
    return f"the columns of {fk.name} are already filled by another foreign key"


def origin(tp, configured: dict, st: RuleState, column: str) -> str:
    """free | python | generator | derived | key | foreign key | generated: who sets the column."""
    c = tp.table.columns[column]
    if c.generated is not None or column not in tp.values:
        return "generated"
    if column in tp.python_columns:
        return "python"
    if column in configured:
        return "generator"
    if (tp.name, column) in st.derived:
        return "derived"
    if column in tp.serials or tp.values[column].injective:
        return "key"
    if any(column in g.fk.columns for g in tp.groups) or tp.values[column].source.startswith("foreign key"):
        return "foreign key"
    return "free"


WHY = {"python": "set by a custom Python generator", "generator": "set by a row generator",
       "derived": "derived by another rule", "key": "a key (unique values)", "foreign key": "a foreign key",
       "generated": "a generated column"}


def resolve_spread(b, rule: Rule) -> Spread | None:
    """The rule's gap/lag; `auto` read from src-stats.yaml (quantiles clamped to >= 0, non-decreasing)."""
    from ..stats.refs import StatsRefError, resolve

    sp = rule.spread
    if sp is None or sp.kind != "auto":
        return sp
    name = stat_name(rule)
    try:
        qs = resolve(b.stats, name, ["results", 0, "quantiles"])
    except StatsRefError as e:
        msg = str(e)
        b.problem(sp.path, f"auto: {msg}" + ("" if "make-stats" in msg else " (run `sqlsynth make-stats`)"))
        return None
    if not isinstance(qs, list) or not qs or not all(isinstance(x, (int, float)) for x in qs):
        b.problem(sp.path, f"auto: SRC_STATS[\"{name}\"] has no quantiles: no source row where {rule.describe()} "
                           "holds; give min and max")
        return None
    out, top = [], 0.0
    for x in qs:
        top = max(top, float(x))
        out.append(top)
    return Spread("quantiles", quantiles=out, path=sp.path)


def _same_row(tp, column: str) -> RowFn:
    """This row's value of another column, read when the SQL is built (a story's value if it gave one)."""
    def f(row: exp.Expression) -> exp.Expression:
        return provided_or(tp.name, [column], tp.values[column].at(row), Given(this=exp.to_identifier(column)))
    return f


def apply_table_rules(b, tp, types: dict[str, TypeInfo], configured: dict, streams: Streams) -> None:
    """order and follows rules of one table (called by build_table once its values are planned)."""
    tc = b.config.table(tp.name)
    st = rule_state(b)
    st.configured[tp.name] = dict(configured)
    for rule in tc.rules:
        if rule.kind == "order":
            _order(b, tp, types, configured, streams, st, rule)
        elif rule.kind == "follows":
            _follows(b, tp, types, configured, streams, st, rule)
        else:
            st.finish.append((rule, tp))


def _check_columns(b, tp, cols: list[str], where: str) -> bool:
    ok = True
    for c in cols:
        if c not in tp.table.columns:
            b.problem(where, f"unknown column {tp.name}.{c}{suggest(c, tp.table.columns)}")
            ok = False
    return ok


def _kinds_fit(b, rule: Rule, where: str, a: tuple[str, str, TypeInfo], c: tuple[str, str, TypeInfo]) -> bool:
    ka, kc = point_kind(a[2]), point_kind(c[2])
    for (t, col, ti), k in ((a, ka), (c, kc)):
        if k is None:
            b.problem(where, f"{t}.{col} is {ti.sql}: rules order dates, timestamps, numbers and their ranges")
            return False
    if family(ka) != family(kc):
        b.problem(where, f"{a[0]}.{a[1]} ({a[2].sql}) and {c[0]}.{c[1]} ({c[2].sql}) cannot be ordered: "
                         "one is a date or time, the other a number")
        return False
    return True


def _partition_warning(b, tp, column: str, rule: Rule) -> None:
    t = tp.table
    if t.partition_by and column in t.partition_by.columns:
        parts = b.schema.partitions_of(t.name)
        if not any((p.partition_bound or "").strip().upper() == "DEFAULT" for p in parts):
            b.warnings.append(f"{rule.path}: {t.name}.{column} is the partition key and {t.name} has no DEFAULT "
                              "partition: values the rule derives outside the declared partitions fail the load")


def _order(b, tp, types, configured, streams: Streams, st: RuleState, rule: Rule) -> None:
    where = f"{rule.path}.order"
    if not _check_columns(b, tp, rule.columns, where):
        return
    a, c = rule.columns
    if not _kinds_fit(b, rule, where, (tp.name, a, types[a]), (tp.name, c, types[c])):
        return
    oa, oc = origin(tp, configured, st, a), origin(tp, configured, st, c)
    if oc == "free":
        target, source, forward = c, a, True
    elif oa == "free":
        target, source, forward = a, c, False
    else:
        msg = f"neither {a} ({WHY[oa]}) nor {c} ({WHY[oc]}) is left to sqlsynth, so the rule cannot derive either"
        if "python" in (oa, oc) and "generator" not in (oa, oc):
            b.warnings.append(f"{rule.path}: {msg}; it is left to the custom generator")
        else:
            b.problem(where, msg + "; remove the rule, or the row generator of one of them")
        return
    if target in b.expression_deps.get(tp.name, {}).get(source, ()):
        b.problem(where, f"{tp.name}.{target} cannot be derived from {source}: {source} is set by the row generator "
                         f"{configured.get(source, '')} that reads {target}; remove that row generator (the rule "
                         f"orders the two columns) or the rule")
        return
    sp = resolve_spread(b, rule)
    if sp is None:
        return
    src = (types[source], point_kind(types[source]))
    dst = (types[target], point_kind(types[target]))
    raw = tp.values[target]
    read = _same_row(tp, source)
    nullable = tp.table.columns[source].nullable
    stream = f"rule:order:{target}"

    def f(row: exp.Expression) -> exp.Expression:
        point = shift(as_point(read(row), src[0]), src, dst, draw(sp, streams, stream, row), forward)
        out = into_column(point, dst[0], raw.at(row) if dst[0].kind == "range" else exp.Null())
        return exp.Coalesce(this=out, expressions=[raw.at(row)]) if nullable else out

    tp.values[target] = Value(f, source=f"rule {rule.path}",
                              node=nodes.Rule(rule.path, rule.describe(), nodes.of_value(raw), origin=nodes.config(rule.path)))
    st.derived[(tp.name, target)] = rule.path
    st.edges.append(((tp.name, target), (tp.name, source), rule.path))
    st.orders.add((tp.name, a, c))
    _partition_warning(b, tp, target, rule)


def _follows(b, tp, types, configured, streams: Streams, st: RuleState, rule: Rule) -> None:
    where = f"{rule.path}.follows"
    column = rule.columns[0]
    if not _check_columns(b, tp, [column], f"{where}.column"):
        return
    fk = find_fk(b, tp.name, rule.foreign_key)
    if fk is None:
        names = fk_names(b, tp.name)
        b.problem(f"{where}.foreign_key", f"{tp.name} has no foreign key {fk_label(rule.foreign_key)}"
                                          f"{suggest(fk_label(rule.foreign_key), names)}")
        return
    parent = fk.ref_table
    if parent == tp.name:
        b.problem(f"{where}.foreign_key", f"{fk.name} refers to {tp.name} itself: follows needs another table")
        return
    ptable = b.schema.tables.get(parent)
    if fk.ref_schema is not None or ptable is None:
        b.problem(f"{where}.foreign_key", f"{fk.name} refers to a table outside orm.yaml")
        return
    if rule.parent_column not in ptable.columns:
        b.problem(f"{where}.parent_column", f"unknown column {parent}.{rule.parent_column}"
                                            f"{suggest(rule.parent_column, ptable.columns)}")
        return
    pti = resolve_type(ptable.columns[rule.parent_column].type, b.schema)
    if not _kinds_fit(b, rule, where, (parent, rule.parent_column, pti), (tp.name, column, types[column])):
        return
    if parent not in b.plans:
        b.warnings.append(f"{rule.path}: not applied: {parent} is not generated (a vocabulary or ignored table)")
        return
    if ptable.columns[rule.parent_column].generated is not None:
        b.problem(f"{where}.parent_column", f"{parent}.{rule.parent_column} is a generated column")
        return
    g = group_of(tp, fk)
    oc = origin(tp, configured, st, column)
    if g is None and oc == "free":
        why = no_group(b, tp, fk, configured)
        if why is None:
            return
    if g is None or oc != "free":
        why = WHY.get(oc, "") if oc != "free" else why
        msg = f"{tp.name}.{column} cannot follow {parent}.{rule.parent_column}: {why}"
        if oc == "python" or any(c in tp.python_columns for c in fk.columns):
            b.warnings.append(f"{rule.path}: {msg}; it is left to the custom generator")
        else:
            b.problem(where, msg)
        return
    sp = resolve_spread(b, rule)
    if sp is None:
        return
    src = (pti, point_kind(pti))
    dst = (types[column], point_kind(types[column]))
    raw = tp.values[column]
    parent_value = b._parent_value(parent, rule.parent_column, lambda r: g.index(r), tp)
    nullable = ptable.columns[rule.parent_column].nullable
    stream = f"rule:follows:{column}"
    dst_schema = b.dst_schema

    def read(row: exp.Expression) -> exp.Expression:
        # a story that gave the key: its parent row is read
        sel = exp.select(sqlx.col(rule.parent_column, "p")).from_(
            exp.alias_(sqlx.table(dst_schema, parent), "p", quoted=True))
        for rc, c in zip(fk.ref_columns, fk.columns):
            sel = sel.where(exp.EQ(this=sqlx.col(rc, "p"), expression=Given(this=exp.to_identifier(c))))
        return provided_or(tp.name, list(fk.columns), parent_value(row), exp.Subquery(this=sel))

    def f(row: exp.Expression) -> exp.Expression:
        point = shift(as_point(read(row), pti), src, dst, draw(sp, streams, stream, row), True)
        out = into_column(point, dst[0], raw.at(row) if dst[0].kind == "range" else exp.Null())
        return exp.Coalesce(this=out, expressions=[raw.at(row)]) if nullable else out

    tp.values[column] = Value(f, source=f"rule {rule.path}",
                              node=nodes.Rule(rule.path, rule.describe(), nodes.of_value(raw), origin=nodes.config(rule.path)))
    st.derived[(tp.name, column)] = rule.path
    st.edges.append(((tp.name, column), (parent, rule.parent_column), rule.path))
    _partition_warning(b, tp, column, rule)
