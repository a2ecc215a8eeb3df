"""Every CHECK of a table: satisfied by construction where it can be, by the SQL fallback otherwise.

Called once a table's values are planned (Builder.build_table). Each CHECK (and each domain
CHECK of a column) is classified:

- one column, fully understood (checks.py) and the column has its default value, whose
  generator honours it (checks.airtight): nothing to do;
- comparisons between columns (checks_order.py): the later column is generated from the earlier;
- NULL-ness, booleans and listed values of several columns (checks_cases.py): one drawn case;
- anything else, or when a column's value comes from elsewhere (a configured generator, a
  foreign key), or was reshaped above with CHECK bounds of its own: the SQL fallback
  (checks_fallback.py), which also keeps every CHECK whose construction is not airtight.
"""

from __future__ import annotations

from sqlglot import exp

from ..sql import sqlx
from ..sql.sqlx import Streams
from ..schema.types import TypeInfo
from .bounds import Bounds
from .checks import NO, airtight, check_facts, columns_of, literal, parse_check, split_checks, strip
from .checks_cases import SET, Unhandled, compared, drive, solve
from .checks_fallback import FallbackCheck, install
from .checks_order import compatible, derived, not_equal, order_form, pair_indexes, pair_total
from .values import Value
from . import nodes


def origins(b, tp, configured: dict) -> dict[str, str]:
    """column -> default | configured | fk | serial | rule | other (where its value comes from)."""
    t = tp.table
    fk_cols = {c for g in tp.groups for c in g.fk.columns}
    part = set(t.partition_by.columns) if t.partition_by else set()
    out = {}
    for c, v in tp.values.items():
        if c in tp.serials:
            out[c] = "serial"
        elif c in configured or c in tp.python_columns or c in tp.missing:
            out[c] = "configured"
        elif c in fk_cols or v.source.startswith("foreign key"):
            out[c] = "fk"
        elif c in part or v.source.startswith("null (") or "(parent has no rows)" in v.source:
            out[c] = "other"
        elif v.source.startswith("rule "):  # derived by tables.<t>.rules (plan/rules.py)
            out[c] = "rule"
        else:
            out[c] = "default"
    return out


def _domain(c: str, ti: TypeInfo, nullable: bool, bounds: Bounds, origin: str, values: dict[str, Value],
            read: bool, reshaped: set[str]) -> list:
    """The states a case column can take (read: the CHECK reads its value, not only NULL-ness)."""
    tail = [None] if nullable else []
    if not read:
        return [SET] + tail
    if origin != "default" or values[c].injective or c in reshaped:
        raise Unhandled(c)
    if ti.kind == "bool":
        return [True, False] + tail
    if ti.kind == "enum":
        return list(ti.labels) + tail
    if bounds.choices:
        return bounds.admissible_choices() + tail
    raise Unhandled(c)


class _Planner:
    def __init__(self, b, tp, types: dict[str, TypeInfo], bounds: dict[str, Bounds], configured: dict,
                 streams: Streams):
        self.b, self.tp, self.types, self.bounds, self.streams = b, tp, types, bounds, streams
        self.t = tp.table
        self.origin = origins(b, tp, configured)
        self.remaining: list[FallbackCheck] = []
        self.reshaped: set[str] = set()  # columns no longer from their default generator
        self.deps: dict[str, set[str]] = {}  # reshaped column -> the columns it is computed from
        # the order rules of this table (plan/rules.py) are the same construction with a fitted gap:
        # the pairs they order, and what their derived columns are computed from
        # and the columns each configured expression reads (a generator reading `a` is never the source of a)
        for col, reads in getattr(b, "expression_deps", {}).get(tp.name, {}).items():
            self.deps.setdefault(col, set()).update(reads)
        st = b.rule_state
        self.ruled = {(lo, up) for t, lo, up in st.orders if t == tp.name} if st is not None else set()
        for (rt, col), (qt, read), _path in st.edges if st is not None else ():
            if rt == qt == tp.name:
                self.deps.setdefault(col, set()).add(read)

    def run(self) -> None:
        singles, orders, cases = [], [], []
        for ck in split_checks(self.t.checks):
            tree = parse_check(ck.expression)
            if tree is None:
                continue  # sqlglot cannot read it: left to the database
            cols = columns_of(tree)
            if not cols <= set(self.t.columns):
                continue  # names something else than columns: left to the database
            if not cols or not cols <= set(self.tp.values):  # generated columns: the fallback computes them
                self.remaining.append(FallbackCheck(f"CHECK {ck.name}", tree))
                continue
            form = order_form(tree) if len(cols) > 1 else None
            if len(cols) == 1 and next(iter(cols)) in self.tp.values:
                singles.append((ck, next(iter(cols)), tree))
            elif form:
                orders.append((ck, form, tree))
            else:
                cases.append((ck, tree))
        for ck, form, tree in orders:
            if not self._order(form):
                self.remaining.append(FallbackCheck(f"CHECK {ck.name}", tree))
        cases = [(ck, tree) for ck, tree in cases if not self._guarded(tree)]
        self._cases(cases)
        for ck, col, tree in singles:
            ok = self._proven(col, check_facts(ck, col))
            if not ok and not self._cases([(ck, tree)], single=True):
                self.remaining.append(FallbackCheck(f"CHECK {ck.name}", tree))
        for c in self.t.columns:
            for dck in split_checks(self.types[c].checks) if c in self.tp.values else ():
                if self._proven(c, check_facts(dck, "VALUE")):
                    continue
                tree = parse_check(dck.expression)
                if tree is None:
                    continue
                tree = tree.transform(lambda n, c=c: sqlx.col(c) if isinstance(n, exp.Column) and not n.table
                                      and n.name.lower() == "value" else n)
                self.remaining.append(FallbackCheck(f"domain {self.types[c].domain} CHECK {dck.name} on {c}", tree))
        if self.remaining:
            self._fallback()

    def _proven(self, col: str, facts: tuple[Bounds, bool] | None) -> bool:
        """Whether the column's value honours a single-column CHECK (read as facts) by itself."""
        if facts is None or not facts[1] or col in self.reshaped:
            return False
        if self.origin.get(col) == "default":
            return airtight(self.types[col].kind, facts[0])
        return self.origin.get(col) == "configured" and honours(self.tp.values[col], facts[0])

    # -- comparisons between columns --------------------------------------------------------
    def _order(self, form) -> bool:
        ok = True
        for o in form:
            ok = self._one_order(o) and ok
        return ok

    def _free(self, c: str) -> bool:
        return self.origin.get(c) == "default" and c not in self.reshaped and not self.tp.values[c].injective

    def _one_order(self, o) -> bool:
        kinds = {c: self.types[c].kind for c in (o.lower, o.upper)}
        if o.op == "ne":
            if self._fk_pair(o):
                return True
            for target, other in ((o.upper, o.lower), (o.lower, o.upper)):
                ti = self.types[target]
                if self._free(target) and ti.kind == "int" and kinds[other] == "int" and not self.bounds[target].excluded:
                    lo, hi = self.bounds[target].int_range((1, 1000), ti.int_bounds)
                    if hi > lo:
                        self.tp.values[target] = not_equal(lo, hi, self.tp.values[target], _Lazy(self.tp.values, other))
                        self.reshaped.add(target)
                        return True
            return False
        if (o.lower, o.upper) in self.ruled:  # an order rule derives one from the other, never backwards
            return o.op == "le"  # (its gap may be 0: a strict CHECK is left to the fallback)
        if self._fk_pair(o):
            return True
        for target, other, up in ((o.upper, o.lower, True), (o.lower, o.upper, False)):
            if self._free(target) and compatible(kinds[target], kinds[other]) and not self._depends(other, target):
                ti = self.types[target]
                self.tp.values[target] = derived(ti, self.tp.values[target], [(other, o.op == "lt")], kinds,
                                                 self.tp.values, self.streams, up)
                self.reshaped.add(target)
                self.deps.setdefault(target, set()).add(other)
                return True
        return False

    def _depends(self, a: str, b: str) -> bool:
        """Whether column a is (transitively) derived from column b."""
        seen, stack = set(), [a]
        while stack:
            x = stack.pop()
            if x == b:
                return True
            for y in self.deps.get(x, ()):
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        return False

    def _fk_pair(self, o) -> bool:
        """Two single-column foreign keys to the same parent key, ordered through the parent rows."""
        ga = next((g for g in self.tp.groups if g.fk.columns == [o.lower]), None)
        gb = next((g for g in self.tp.groups if g.fk.columns == [o.upper]), None)
        if ga is None or gb is None or ga.self_ref or gb.self_ref or ga.fk.ref_table != gb.fk.ref_table \
                or ga.fk.ref_columns != gb.fk.ref_columns or o.lower in self.reshaped or o.upper in self.reshaped:
            return False
        parent = self.b.plans.get(ga.fk.ref_table)
        key = parent.values.get(ga.fk.ref_columns[0]) if parent is not None else None
        if key is None or not key.injective or (o.op != "ne" and key.source != "row number"):
            return False
        n = ga.n_parent
        if ga.enumerated or gb.enumerated:
            together = [g for g in self.tp.groups if g.enumerated and g.enumerated == ga.enumerated]
            if ga.enumerated != gb.enumerated or len(together) != 2:
                return False
            if self.tp.rows > pair_total(o.op, n):
                self.b.problem(self.tp.path, f"unique constraint {ga.enumerated} with CHECK {o.lower} "
                                             f"{'<>' if o.op == 'ne' else '<' if o.op == 'lt' else '<='} {o.upper}: "
                                             f"{self.tp.rows} rows wanted but only {pair_total(o.op, n)} pairs of "
                                             f"{ga.fk.ref_table} rows qualify")
                return True
            ia, ib = pair_indexes(o.op, n, self.streams, f"unique:{ga.enumerated}", enumerate_pairs=True)
        else:
            if n < 2:
                return False
            ia, ib = pair_indexes(o.op, n, self.streams, f"pair:{o.lower},{o.upper}", first=ga.index)
        for g, index in ((ga, ia), (gb, ib)):
            g.index = index
            for c, rc in zip(g.fk.columns, g.fk.ref_columns):
                self.tp.values[c] = Value(self.b._parent_value(g.fk.ref_table, rc, index, self.tp),
                                          injective=False, source=f"foreign key {g.fk.name}",
                                          node=nodes.ParentKey(g.fk.ref_table, rc, g.fk.name,
                                                               f"a pair of parents ordered by CHECK {o.lower}, {o.upper}",
                                                               origin=nodes.constraint(f"FOREIGN KEY {g.fk.name}")))
        self.reshaped.update((o.lower, o.upper))
        return True

    # -- NULL-ness and listed values ----------------------------------------------------------
    def _cases(self, items, single: bool = False) -> bool:
        """Drive groups of case CHECKs (sharing columns); the others go to the fallback."""
        parsed = []
        for ck, tree in items:
            cols = sorted(columns_of(tree))
            read = compared(tree)
            try:
                doms = {c: _domain(c, self.types[c], self.t.columns[c].nullable, self.bounds[c], self.origin[c],
                                   self.tp.values, c in read, self.reshaped) for c in cols}
            except (Unhandled, KeyError):
                if not single:
                    self.remaining.append(FallbackCheck(f"CHECK {ck.name}", tree))
                continue
            parsed.append((ck, tree, doms))
        groups: list[list] = []
        for item in parsed:  # union of CHECKs sharing a column
            joined = [g for g in groups if any(set(item[2]) & set(x[2]) for x in g)]
            merged = [item] + [x for g in joined for x in g]
            groups = [g for g in groups if g not in joined] + [merged]
        done = True
        for g in groups:
            doms: dict[str, list] = {}
            for _ck, _tree, d in g:
                doms.update(d)
            solved = solve([ck.name for ck, _t, _d in g], [tree for _ck, tree, _d in g], doms)
            if solved is None or not solved.cases:
                done = False
                if not single:
                    self.remaining.extend(FallbackCheck(f"CHECK {ck.name}", tree) for ck, tree, _d in g)
                continue
            drive(solved, self.tp.values, self.types, self.streams)
            if any(self.origin[c] in ("configured", "other") for c in solved.columns):
                self.remaining.extend(FallbackCheck(f"CHECK {ck.name}", tree) for ck, tree, _d in g)
        return done and bool(groups)

    # -- a guard, else fixed values -------------------------------------------------------------
    def _guarded(self, tree: exp.Expression) -> bool:
        """``G OR (a IS NULL AND b = 3 AND ...)`` where G names none of a, b (``id <> 1 OR (type = 3
        AND gender IS NULL)``: one special row): a, b keep their values where G is true, and take
        NULL / the literal elsewhere. Only for columns from their default or a configured generator,
        or a foreign key to a parent numbered by row (the literal one of its rows); else False."""
        disjuncts = _flatten(strip(tree), exp.Or)
        if len(disjuncts) < 2:
            return False
        for i, d in enumerate(disjuncts):
            forced = self._forced(_flatten(strip(d), exp.And))
            if forced is None:
                continue
            guard = disjuncts[:i] + disjuncts[i + 1:]
            g = guard[0]
            for x in guard[1:]:
                g = exp.Or(this=g, expression=x)
            if columns_of(g) & set(forced) or not columns_of(g) <= set(self.tp.values):
                continue
            for c, v in forced.items():
                self.tp.values[c] = _Forced(self.tp.values, self.types, c, g, v)
                self.reshaped.add(c)
            return True
        return False

    def _forced(self, parts: list[exp.Expression]) -> dict[str, object] | None:
        out: dict[str, object] = {}
        for p in parts:
            if isinstance(p, exp.Is) and isinstance(p.this, exp.Column) and isinstance(p.expression, exp.Null) \
                    and not p.args.get("negate"):  # (IS NOT NULL is Is(negate=True))
                c, v = p.this.name, None
                if c not in self.t.columns or not self.t.columns[c].nullable:
                    return None
            elif isinstance(p, exp.EQ):
                col, lit_ = (p.this, p.expression) if isinstance(strip(p.this), exp.Column) else (p.expression, p.this)
                col, v = strip(col), literal(lit_)
                if not isinstance(col, exp.Column) or v is NO or v is None or isinstance(v, bool) and \
                        self.types.get(col.name) and self.types[col.name].kind != "bool":
                    return None
                c = col.name
            else:
                return None
            if c in out or c not in self.tp.values or self.tp.values[c].injective:
                return None
            origin = self.origin.get(c)
            if origin == "fk":
                g = next((g for g in self.tp.groups if g.fk.columns == [c]), None)
                parent = self.b.plans.get(g.fk.ref_table) if g is not None and not g.self_ref else None
                key = parent.values.get(g.fk.ref_columns[0]) if parent is not None else None
                if v is not None and (key is None or key.source != "row number" or not isinstance(v, int)
                                      or not 1 <= v <= g.n_parent):
                    return None
            elif origin not in ("default", "configured"):  # a configured generator keeps the other rows
                return None
            out[c] = v
        return out or None

    # -- the rest ---------------------------------------------------------------------------
    def _fallback(self) -> None:
        cast_types = {}
        for c in self.tp.values:
            ti = self.types[c]
            cast_types[c] = ti.base_sql if ti.domain and not ti.array_dims else ti.sql
        generated = {c.name: c.generated for c in self.t.columns.values() if c.generated}
        protected: set[int] = set()
        from .checks_fallback import seeds
        for g in self.tp.groups:
            parent = self.b.plans.get(g.fk.ref_table)
            for rc in g.fk.ref_columns:
                if parent is not None and rc in parent.values and g.fk.ref_table != self.t.name:
                    protected |= seeds(parent.values[rc].at(sqlx.col("i", "g")))
        self.tp.fallback = install(self.t.name, self.remaining, self.tp.values, cast_types, generated, protected)


def honours(v: Value, b: Bounds) -> bool:
    """Whether every value v can take (its known values or span) passes the facts b."""
    if v.values is not None:
        return all(b.admits(x) and (not b.choices or x in b.choices) for x in v.values)
    if v.span is None or b.choices or b.min_len or b.max_len is not None or b.regex is not None:
        return False
    lo, hi = v.span
    return b.admits(lo) and b.admits(hi) and not any(
        isinstance(x, (int, float)) and lo <= x <= hi for x in b.excluded)


def _flatten(e: exp.Expression, kind) -> list[exp.Expression]:
    e = strip(e)
    if isinstance(e, kind):
        return _flatten(e.this, kind) + _flatten(e.expression, kind)
    return [e]


class _Forced(Value):
    """A column's value where the guard holds, a fixed value (NULL or a literal) elsewhere; the guard
    reads the other columns' values when the SQL is built."""

    def __init__(self, values: dict, types: dict, column: str, guard: exp.Expression, fixed):
        old = values[column]

        def at(row: exp.Expression) -> exp.Expression:
            def sub(n: exp.Expression) -> exp.Expression:
                if isinstance(n, exp.Column) and not n.table and n.name in values:
                    return exp.Paren(this=exp.Cast(this=values[n.name].at(row), to=sqlx.dtype(types[n.name].sql)))
                return n
            g = guard.copy().transform(sub)
            value = exp.Null() if fixed is None else exp.Cast(this=sqlx_literal(fixed), to=sqlx.dtype(types[column].sql))
            return sqlx.case([(exp.Is(this=exp.Paren(this=g), expression=exp.true()), old.at(row))], value)
        super().__init__(at, injective=False, source=old.source, sql_type=old.sql_type)


def sqlx_literal(v) -> exp.Expression:
    if isinstance(v, bool):
        return exp.true() if v else exp.false()
    if isinstance(v, (int, float)):
        return exp.Literal.number(v)
    return exp.Literal.string(str(v))


class _Lazy(Value):
    """Another column's current value, read when the SQL is built (it may be reshaped later)."""

    def __init__(self, values: dict, column: str):
        super().__init__(lambda row: values[column].at(row))


def plan_checks(b, tp, types: dict[str, TypeInfo], bounds: dict[str, Bounds], configured: dict,
                streams: Streams) -> None:
    """Satisfy the table's CHECKs: reshape values where a construction exists, fallback otherwise."""
    if tp.rows <= 0:
        return
    _Planner(b, tp, types, bounds, configured, streams).run()
