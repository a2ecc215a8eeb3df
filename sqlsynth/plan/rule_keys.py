"""Rules between foreign keys (same_parent, round_trip), applied once every table is planned, and
the check that no rule reads, through other rules, the column it derives (plan/rules.py has the
order and follows rules and the overview)."""

from __future__ import annotations

from sqlglot import exp

from ..sql import sqlx
from ..sql.sqlx import Streams, add, lit, mod
from ..config.rules import Rule, fk_label
from ..errors import suggest
from .rules import WHY, RuleState, find_fk, fk_names, group_of, no_group, origin, rule_state
from .placeholders import Given, provided_or
from .values import Value, affine_params
from . import nodes


def finish_rules(b) -> None:
    """same_parent and round_trip rules of every table, then the cycle check."""
    st: RuleState = rule_state(b)
    for rule, tp in st.finish:
        if rule.kind == "same_parent":
            _same_parent(b, tp, st, rule)
        else:
            _round_trip(b, tp, st, rule)
    _cycles(b, st)


def _resolve_path(b, tp, rule: Rule, where: str) -> list | None:
    """[(table the key is on, fk)] for rule.through, or None with a problem."""
    hops = []
    table = tp.name
    for i, ref in enumerate(rule.through):
        if table not in b.schema.tables:
            b.problem(f"{where}.through[{i}]", f"{table} is not a table of orm.yaml")
            return None
        fk = find_fk(b, table, ref)
        if fk is None or fk.ref_schema is not None:
            names = fk_names(b, table)
            b.problem(f"{where}.through[{i}]", f"{table} has no foreign key {fk_label(ref)}"
                                               f"{suggest(fk_label(ref), names)}")
            return None
        hops.append((table, fk))
        table = fk.ref_table
    return hops


def _local(tp, row: exp.Expression) -> exp.Expression:
    if tp.offset is None:
        return row
    return exp.Paren(this=exp.Sub(this=row.copy(), expression=tp.offset.copy()))


def _same_parent(b, tp, st: RuleState, rule: Rule) -> None:
    where = f"{rule.path}.same_parent"
    fk0 = find_fk(b, tp.name, rule.foreign_key)
    if fk0 is None:
        b.problem(f"{where}.foreign_key", f"{tp.name} has no foreign key {fk_label(rule.foreign_key)}"
                                          f"{suggest(fk_label(rule.foreign_key), fk_names(b, tp.name))}")
        return
    hops = _resolve_path(b, tp, rule, where)
    if hops is None:
        return
    last_table, last = hops[-1]
    if hops[0][1].name == fk0.name:
        b.problem(f"{where}.through[0]", f"the path starts with {fk0.name} itself")
        return
    if last.ref_table != fk0.ref_table or sorted(last.ref_columns) != sorted(fk0.ref_columns):
        b.problem(f"{where}.through", f"the path ends at {last.ref_table}({', '.join(last.ref_columns)}), not at "
                                      f"{fk0.ref_table}({', '.join(fk0.ref_columns)}) like {fk0.name}")
        return
    for table, _fk in hops[1:]:
        if table not in b.plans:
            b.warnings.append(f"{rule.path}: not applied: {table} is not generated (a vocabulary or ignored table)")
            return
    groups = []
    for i, (table, fk) in enumerate(hops[:-1]):
        g = group_of(b.plans[table], fk)
        if g is None:
            why = no_group(b, b.plans[table], fk, st.configured.get(table, {}))
            if why is not None:
                b.problem(f"{where}.through[{i}]", f"{why}: the path must be drawn by sqlsynth")
            return
        groups.append((b.plans[table], g))
    configured = st.configured.get(tp.name, {})
    for c in fk0.columns:
        o = origin(tp, configured, st, c)
        if o in ("free", "foreign key") and not tp.values[c].injective:
            continue
        msg = f"{tp.name}.{c} cannot be derived: {WHY.get(o, 'a key (unique values)')}"
        if o == "python":
            b.warnings.append(f"{rule.path}: {msg}; it is left to the custom generator")
        else:
            b.problem(f"{where}.foreign_key", msg)
        return
    if (tp.name, fk0.name) in st.keys:
        b.problem(f"{where}.foreign_key", f"{fk0.name} is already re-pointed by another rule")
        return
    st.keys.add((tp.name, fk0.name))
    end = b.plans[last_table]
    dst_schema = b.dst_schema
    first = hops[0][1]

    def index(row: exp.Expression) -> exp.Expression:
        j = _local(tp, row)
        for _plan, g in groups:
            j = exp.Paren(this=g.index(j))
        return j

    def value(column: str) -> Value:
        ref = fk0.ref_columns[fk0.columns.index(column)]
        src_col = last.columns[last.ref_columns.index(ref)]

        def f(row: exp.Expression) -> exp.Expression:
            # a story that gave the first key: it is followed in the database
            given = _lookup(dst_schema, hops, [Given(this=exp.to_identifier(c)) for c in first.columns], src_col)
            j = index(row)
            if end.offset is not None:
                j = add(j, end.offset.copy())
            return provided_or(tp.name, list(first.columns), end.values[src_col].at(exp.Paren(this=j)), given)
        st.edges.append(((tp.name, column), (last_table, src_col), rule.path))
        return Value(f, source=f"rule {rule.path}",
                     node=nodes.Rule(rule.path, rule.describe(), nodes.ParentKey(last_table, src_col, fk0.name, "the rule's path"),
                                     origin=nodes.config(rule.path)))

    for c in fk0.columns:
        tp.values[c] = value(c)
        st.derived[(tp.name, c)] = rule.path


def _lookup(dst_schema: str, hops: list, given: list[exp.Expression], column: str) -> exp.Expression:
    """(SELECT hN.column FROM t1 h1 JOIN t2 h2 ON ... WHERE h1.key = given): for story rows."""
    first = hops[0][1]
    alias = "h1"
    sel = exp.select(sqlx.col(column, f"h{len(hops) - 1}")).from_(
        exp.alias_(sqlx.table(dst_schema, first.ref_table), alias, quoted=True))
    for rc, x in zip(first.ref_columns, given):
        sel = sel.where(exp.EQ(this=sqlx.col(rc, alias), expression=x))
    for i, (table, fk) in enumerate(hops[1:-1], start=1):
        on = None
        for c, rc in zip(fk.columns, fk.ref_columns):
            eq = exp.EQ(this=sqlx.col(c, f"h{i}"), expression=sqlx.col(rc, f"h{i + 1}"))
            on = eq if on is None else exp.And(this=on, expression=eq)
        sel = sel.join(exp.alias_(sqlx.table(dst_schema, fk.ref_table), f"h{i + 1}", quoted=True), on=on)
    return exp.Subquery(this=sel)


def _round_trip(b, tp, st: RuleState, rule: Rule) -> None:
    where = f"{rule.path}.round_trip"
    hops = _resolve_path(b, tp, rule, where)
    if hops is None:
        return
    (_a, f1), (other, f2) = hops
    if f1.ref_table == tp.name or f2.ref_table != tp.name:
        b.problem(where, f"{fk_label(rule.through[0])} must lead from {tp.name} to another table and "
                         f"{fk_label(rule.through[1])} back to {tp.name}")
        return
    if other not in b.plans:
        b.warnings.append(f"{rule.path}: not applied: {other} is not generated (a vocabulary or ignored table)")
        return
    back = b.plans[other]
    g1, g2 = group_of(tp, f1), group_of(back, f2)
    for i, (g, fk) in enumerate(((g1, f1), (g2, f2))):
        if g is None:
            owner = tp if i == 0 else back
            why = no_group(b, owner, fk, st.configured.get(owner.name, {}))
            if why is not None:
                b.problem(f"{where}[{i}]", f"{why}: the rule needs them drawn by sqlsynth")
            return
        if (g.fk.ref_table, fk.name) in st.keys or any((t, fk.name) in st.keys for t in (tp.name, other)):
            b.problem(f"{where}[{i}]", f"{fk.name} is already re-pointed by another rule")
            return
    n_a, n_b = tp.rows, back.rows
    if n_a > n_b:
        b.problem(where, f"every {tp.name} row needs its own {other} row to lead back to it, but {tp.name} gets "
                         f"{n_a} rows and {other} only {n_b}")
        return
    st.keys.update({(tp.name, f1.name), (other, f2.name)})
    if n_a == 0:
        return
    streams = Streams(b.seed, tp.name)
    a, shift = affine_params(streams, f"round_trip:{f1.name}", n_b)
    a_inv = pow(a, -1, n_b) if n_b > 1 else 0
    old = g2.index

    def there(row: exp.Expression) -> exp.Expression:  # A row s -> B row 1 + (a(s-1) + shift) mod n_b
        k = mod(exp.Paren(this=add(sqlx.mul(lit(a), exp.Paren(this=exp.Sub(this=row.copy(), expression=lit(1)))),
                                   lit(shift))), lit(n_b))
        return add(lit(1), k)

    def back_index(row: exp.Expression) -> exp.Expression:  # B row j -> the A row that picked it, if any
        k = mod(exp.Paren(this=sqlx.mul(exp.Paren(this=add(row.copy(), lit(n_b - 1 - shift))), lit(a_inv))),
                lit(n_b))
        return sqlx.case([(exp.LT(this=k, expression=lit(n_a)), add(lit(1), k.copy()))], old(row))

    g1.index, g1.injective = there, True
    g2.index = back_index


def _cycles(b, st: RuleState) -> None:
    """A rule must not read, through other rules, the column it derives (the SQL would never end)."""
    graph: dict[tuple[str, str], list[tuple[tuple[str, str], str]]] = {}
    for reader, read, path in st.edges:
        graph.setdefault(reader, []).append((read, path))
    state: dict[tuple[str, str], int] = {}
    reported: set[str] = set()

    def visit(node, trail) -> None:
        if state.get(node) == 2:
            return
        if state.get(node) == 1:
            start = next(i for i, (n, _p) in enumerate(trail) if n == node)
            cyc = trail[start:]
            path = cyc[0][1]
            if path not in reported:
                reported.add(path)
                names = " -> ".join(f"{t}.{c}" for (t, c), _p in cyc) + f" -> {node[0]}.{node[1]}"
                b.problem(path, f"rules derive these columns from each other in a cycle: {names}")
            return
        state[node] = 1
        for nxt, path in graph.get(node, []):
            visit(nxt, trail + [(node, path)])
        state[node] = 2

    for node in sorted(graph):
        visit(node, [])
