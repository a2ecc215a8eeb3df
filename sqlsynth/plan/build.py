"""config + schema -> Plan: which tables get how many rows, and a Value for every column.

Foreign keys are arithmetic: a child row picks a parent row number j and evaluates
the parent's key Value at j. Unique constraints are satisfied by construction:
a serial key is the row number, a text key gets a row-number suffix, a junction
table enumerates distinct parent pairs through a permutation of the row number.
"""

from __future__ import annotations

import math
from typing import Callable

from sqlglot import exp

from ..config.load import Config, suggest, table_selection
from ..errors import ConfigError, Problem
from ..schema.keys import effective_fks, unique_sets
from ..schema.model import Schema, Table
from ..schema.placement import Placement, placement
from ..schema.types import resolve_type
from ..sql.sqlx import Streams, add, lit, mod
from ..story.python import is_user_name
from . import distributions as _distributions  # noqa: F401  (registers more generators)
from . import empirical as _empirical  # noqa: F401  (sqlsynth.quantiles, sqlsynth.text, sqlsynth.range)
from . import generators as gens
from .bounds import around_default
from .checks import bounds_for
from .fitting import (clamp, clipped, null_on_first_row, partition_key_value, unique_preference, with_nulls,
                      with_pattern_nulls)
from .follow import FollowMixin
from .model import FKGroup, Plan, TablePlan, offset_expr, table_order
from .pools import PoolSet
from . import nodes
from .values import Unsupported, Value, default_value


class Builder(FollowMixin):
    def __init__(self, schema: Schema, config: Config, num_passes: int, seed: int, dst_schema: str | None,
                 where: Placement | None = None):
        self.schema = schema
        self.config = config
        self.num_passes = num_passes
        self.seed = seed
        self.placement = where or placement(schema, dst_schema)
        self.dst_schema = self.placement.primary
        self.problems: list[Problem] = []
        self.warnings: list[str] = []
        self.plans: dict[str, TablePlan] = {}
        self.pools = PoolSet(seed, config.locale, config.pool_size)
        self.external_parents: set[tuple[str, str]] = set()
        self.stats: dict = {}
        raw = config.raw if isinstance(config.raw, dict) else {}
        self.user_modules = [m for m in (raw.get("row_generators_module"), raw.get("story_generators_module"))
                             if isinstance(m, str) and m]
        self.py_stages: list = []
        self.explicit_passes = self.explicit_scale = False  # --num-passes / --scale given (for warnings)
        self.children: dict[str, list] = self._children_settings()
        self._degrees: dict[tuple[str, int], object] = {}
        self._empty_histograms: set[tuple[str, int]] = set()
        self.expression_deps: dict[str, dict[str, set[str]]] = {}  # table -> column -> the columns its generator reads
        self.rule_state = None  # plan.rules.RuleState: what tables.<t>.rules derived (set when the first table is built)

    def problem(self, path: str, message: str) -> None:
        self.problems.append(self.config.problem(path, message))

    # -- table selection -------------------------------------------------------------------
    def select_tables(self) -> tuple[list[str], set[str], set[str]]:
        generated, ignored, vocab, problems = table_selection(self.schema, self.config)
        self.problems.extend(problems)
        return generated, ignored, vocab

    def row_count(self, name: str) -> int:
        if name in self.children:
            deg = self.degrees(name)
            if deg is not None:
                return deg.total_children
            if not self._empty_histogram(name):
                return 0  # a problem was reported
        tc = self.config.table(name)
        return tc.rows if tc.rows is not None else tc.num_rows_per_pass * self.num_passes

    # -- per table ---------------------------------------------------------------------------
    def build_table(self, tp: TablePlan, ignored: set[str], vocab: set[str]) -> None:
        t, n = tp.table, tp.rows
        tc = self.config.table(t.name)
        streams = Streams(self.seed, t.name)
        types = {c.name: resolve_type(c.type, self.schema) for c in t.columns.values()}
        domain_checks = {c: types[c].checks for c in types}
        bounds = {c: bounds_for(c, t.checks, domain_checks[c]) for c in t.columns}
        for c in t.columns.values():
            around_default(bounds[c.name], c, types[c.name])
        configured: dict[str, str] = {}
        deps: dict[str, tuple[str, list[str]]] = {}
        upgradable: dict[str, Callable[[], bool]] = {}
        for i, rg in enumerate(tc.row_generators):
            gpath = rg.path
            bad = False
            for j, c in enumerate(rg.columns):
                cpath = f"{gpath}.columns_assigned" + (f"[{j}]" if len(rg.columns) > 1 else "")
                if c not in t.columns:
                    self.problem(cpath, f"unknown column {t.name}.{c}{suggest(c, t.columns)}")
                    bad = True
                elif t.columns[c].generated is not None:
                    self.problem(cpath, f"{t.name}.{c} is a generated column and is never written")
                    bad = True
                elif c in configured:
                    self.problem(cpath, f"{t.name}.{c} is already assigned by {configured[c]}")
                    bad = True
            if rg.name in FK_DEFAULT_NAMES:  # datafaker's per-row parent lookup: our arithmetic FK does it
                continue
            if not bad and self.user_modules and is_user_name(rg.name, self.user_modules):
                self._python_generator(tp, rg, types, n, configured, deps)
                continue
            if not gens.is_known(rg.name, rg.locale or self.config.locale):
                self.problem(f"{gpath}.name", f"unknown generator {rg.name!r}{suggest(rg.name, gens.known_names())}")
                continue
            if bad:
                continue
            ctx = gens.GenContext(streams=streams, stream="gen:" + ",".join(rg.columns), columns=rg.columns,
                                  types=[types[c] for c in rg.columns], bounds=[bounds[c] for c in rg.columns],
                                  n_rows=n, pools=self.pools, pool_size=rg.pool_size, locale=rg.locale,
                                  table_columns=set(t.columns), row_values=tp.values, stats=self.stats,
                                  open_ended=bool(isinstance(self.config.raw, dict) and self.config.raw.get("story_generators")))
            if rg.locale_from is not None:
                from .keyed_pools import locale_key

                if rg.name in gens.REGISTRY:
                    self.problem(f"{gpath}.locale_from", f"{rg.name} is not a Mimesis pool generator (generic.<provider>."
                                                         "<method>): it has no locale to key")
                    continue
                ctx.keyed = locale_key(self, tp, rg.locale_from, rg.locale or self.config.locale, f"{gpath}.locale_from")
                if ctx.keyed is None:
                    continue
            try:
                vals = gens.build(rg.name, ctx, rg.args, rg.kwargs)
            except gens.GeneratorError as e:
                self.problem(f"{gpath}.{e.where}" if getattr(e, "where", None) else gpath, str(e))
                continue
            for c in rg.columns:
                deps[c] = (gpath, list(ctx.depends_on))

            def install(vals: list[Value], rg=rg, gpath=gpath) -> None:
                for c, v in zip(rg.columns, vals):
                    if v.node is None:
                        v.node = nodes.Configured(rg.name, nodes.literal(tuple(rg.args)),
                                                  nodes.literal(tuple(sorted(rg.kwargs.items()))))
                    v = clamp(v, types[c], clipped(bounds[c], rg.clip), t.columns[c])
                    if rg.null_fraction and not v.injective:
                        v = with_nulls(v, streams, f"null:{c}", rg.null_fraction)
                    v.node = v.node.with_origin(nodes.config(f"{gpath} ({rg.name})"))
                    tp.values[c] = v
                    configured[c] = f"{gpath} ({rg.name})"

            install(vals)
            if len(rg.columns) == 1:
                def make_unique(rg=rg, ctx=ctx, install=install) -> bool:
                    """Rebuild this generator with unique values (a key column configured without unique: true)."""
                    ctx.unique = True
                    try:
                        install(gens.build(rg.name, ctx, rg.args, rg.kwargs))
                        return True
                    except gens.GeneratorError:
                        return False
                upgradable[rg.columns[0]] = make_unique

        self._check_expression_cycles(deps)
        self.expression_deps[t.name] = {c: set(d) for c, (_p, d) in deps.items()}  # read by rules (cycles)
        self._apply_missingness(tp, tc, streams, t)

        # foreign keys
        claimed: set[str] = set()
        cpp = self.children_plan(t.name) if t.name in self.children else []
        partner, partner_set = self._junction_partner(t, cpp)
        for owner, fk in effective_fks(self.schema, t):
            if fk.ref_table in ignored and fk.ref_schema is None:
                continue
            if any(c in configured for c in fk.columns):
                continue
            if any(c in claimed for c in fk.columns):
                self.warnings.append(f"{t.name}: columns of {fk.name} are already filled by another foreign key")
                continue
            if fk.ref_table in vocab or fk.ref_schema is not None:
                self._external_fk(tp, fk, streams, siblings=cpp[0][1] if partner is fk else None)
                claimed.update(fk.columns)
                continue
            nullable = all(t.columns[c].nullable for c in fk.columns)
            n_parent = n if fk.ref_table == t.name else self.row_count(fk.ref_table)
            if n_parent == 0 and fk.ref_table != t.name:
                if nullable:
                    for c in fk.columns:
                        tp.values[c] = Value(lambda row: exp.Null(), source=f"{fk.name} (parent has no rows)",
                                             node=nodes.Null(f"{fk.ref_table} gets no rows",
                                                             origin=nodes.constraint(f"FOREIGN KEY {fk.name}")))
                        claimed.add(c)
                    continue
                if n > 0:
                    self.problem(tc.path, f"{t.name} needs rows in {fk.ref_table} for foreign key {fk.name}, "
                                          f"but {fk.ref_table} gets 0 rows")
                continue
            group = FKGroup(owner, fk, n_parent, self_ref=fk.ref_table == t.name)
            for i, (cfk, deg) in enumerate(cpp):
                if cfk is fk:
                    from .children import parent_index, secondary_index
                    group.index = parent_index(deg, streams, f"children:{fk.name}") if i == 0 else \
                        secondary_index(deg, streams, f"children:{fk.name}", n)
            if partner is fk:
                from .children import sibling_distinct
                deg = cpp[0][1]
                if deg.max_k > n_parent:
                    self.problem(tc.path, f"{t.name}: a {cpp[0][0].ref_table} row gets up to {deg.max_k} rows "
                                          f"here, but {fk.ref_table} has only {n_parent} rows to keep "
                                          f"({', '.join(partner_set)}) distinct")
                pick = sibling_distinct(deg, streams, f"siblings:{fk.name}", n_parent)
                group.index = lambda row, pick=pick: add(lit(1), pick(row))
            tp.groups.append(group)
            claimed.update(fk.columns)

        # serial / identity integer keys are the row number
        unique_cols: set[str] = set()
        for c in t.writable_columns():
            if c.name in tp.values or c.name in claimed:
                continue
            if (c.serial or c.identity) and types[c.name].kind == "int":
                tp.values[c.name] = Value(lambda row: row.copy(), injective=True, source="row number", node=nodes.Sequence(
                    origin=nodes.schema(("identity" if c.identity else "serial") + " column")))
                tp.serials.append(c.name)
                if c.identity == "always":
                    tp.overriding_system = True

        # unique constraints, by construction
        for cname, cols in unique_sets(self.schema, t):
            if any(c in tp.values and tp.values[c].injective for c in cols) or any(c in unique_cols for c in cols):
                continue
            if partner_set and set(cols) == set(partner_set):  # distinct among siblings by construction
                continue
            if any(g.injective and set(g.fk.columns) <= set(cols) for g in tp.groups):
                continue
            inside = [g for g in tp.groups if set(g.fk.columns) <= set(cols) and g.index is None and not g.self_ref]
            fk_cols = {c for g in inside for c in g.fk.columns}
            free = [c for c in cols if c not in tp.values and c not in claimed]
            if inside and set(cols) <= fk_cols:
                self._enumerate(tp, inside, streams, cname)
            elif free:
                pick = sorted(free, key=lambda c: unique_preference(types[c]))[0]
                unique_cols.add(pick)
            elif inside and (vocab_fks := self._vocab_fks(t, cols, fk_cols, vocab)):
                self._enumerate_with_vocab(tp, inside, vocab_fks)
            elif inside:
                self._enumerate(tp, inside[:1], streams, cname)
            elif any(c in upgradable and upgradable[c]() for c in sorted(cols, key=lambda c: unique_preference(types[c]))):
                continue
            else:
                self.problem(tc.path, f"unique constraint {cname} on ({', '.join(cols)}): the configured "
                                      "generators cannot guarantee distinct values (use one with unique: true)")

        # integer keys must fit their columns: serial keys are 1..n, FK columns hold the parent's keys
        for c in tp.serials:
            hi = types[c].int_bounds[1]
            if n > hi:
                self.problem(tc.path, f"{t.name}.{c} is {types[c].sql} (at most {hi}) but {t.name} gets {n} rows")
        for g in tp.groups:
            parent = self.schema.tables[g.fk.ref_table]
            for c, rc in zip(g.fk.columns, g.fk.ref_columns):
                pc = parent.columns.get(rc)
                if pc is None or types[c].kind != "int" or not (pc.serial or pc.identity):
                    continue
                hi = types[c].int_bounds[1]
                if g.n_parent > hi:
                    self.problem(tc.path, f"{t.name}.{c} is {types[c].sql} (at most {hi}) but it refers to "
                                          f"{g.fk.ref_table}, which gets {g.n_parent} rows; lower that table's "
                                          "rows or widen the column")

        # FK values: parent's key Value evaluated at the chosen parent row
        for g in tp.groups:
            first_null = False
            fan_out = self.fan_out(g, cpp)
            if g.index is None:
                if g.self_ref:
                    # a strictly earlier row: 1 + h mod (row - 1); row 1 has none, so it gets NULL when the
                    # key is nullable, and (only then possible) itself otherwise
                    g.index = lambda row, s=f"fk:{g.fk.name}": add(lit(1), mod(
                        streams.h32(s, row), exp.Greatest(this=exp.Paren(this=exp.Sub(this=row.copy(), expression=lit(1))),
                                                            expressions=[lit(1)])))
                    first_null = all(t.columns[c].nullable for c in g.fk.columns)
                else:
                    g.index = lambda row, s=f"fk:{g.fk.name}", N=g.n_parent: add(lit(1), streams.pick(s, row, N))
            for c, rc in zip(g.fk.columns, g.fk.ref_columns):
                f = self._parent_value(g.fk.ref_table, rc, lambda r, g=g: g.index(r), tp)  # g.index read when the SQL is built (rules re-point it)
                if first_null:
                    f = null_on_first_row(f, tp)
                tp.values[c] = Value(f, injective=g.injective, source=f"foreign key {g.fk.name}",
                                     node=nodes.ParentKey(g.fk.ref_table, rc, g.fk.name, fan_out,
                                                          origin=nodes.constraint(f"FOREIGN KEY {g.fk.name}")))

        # everything else: type defaults
        for c in t.writable_columns():
            if c.name in tp.values:
                continue
            ti = types[c.name]
            pv = partition_key_value(self.schema, t, c.name, ti, streams, n)
            if pv is not None:
                pv.node = nodes.of_value(pv).with_origin(nodes.schema("the table's partition key"))
                tp.values[c.name] = pv
                continue
            try:
                dv = default_value(ti, streams, c.name, bounds[c.name], n, unique=c.name in unique_cols,
                                   default=c.default, pools=self.pools)
                why = nodes.constraint(f"CHECK on {c.name}") if bounds[c.name].choices else nodes.type_default(ti.sql)
                dv.node = nodes.DefaultForType(ti.sql, nodes.of_value(dv), origin=why)
                tp.values[c.name] = dv
            except Unsupported as e:
                if c.nullable and c.name not in unique_cols:
                    tp.values[c.name] = Value(lambda row: exp.Null(), source="null (no default generator)",
                                              node=nodes.Null(str(e), origin=nodes.type_default(ti.sql)))
                    self.warnings.append(f"{t.name}.{c.name}: {e}; it is left NULL (configure a generator)")
                else:
                    self.problem(f"{tc.path}", f"column {t.name}.{c.name}: {e}; configure a row generator for it")

        from .rules import apply_table_rules  # tables.<t>.rules: order and follows (keys: finish_rules)

        apply_table_rules(self, tp, types, configured, streams)

        for c, (stream, cum, null_in) in tp.missing.items():
            if c in tp.values:
                tp.values[c] = with_pattern_nulls(tp.values[c], streams, stream, cum, null_in)
        from .checks_plan import plan_checks  # every CHECK: by construction, else by the SQL fallback

        plan_checks(self, tp, types, bounds, configured, streams)

    def _python_generator(self, tp: TablePlan, rg, types: dict, n: int, configured: dict, deps: dict) -> None:
        """A function of the user's row_generators_module: computed in Python, staged with COPY."""
        from ..story.python import UserCodeError, resolve_function
        from .python_rows import PyStage

        try:
            func = resolve_function(rg.name, self.user_modules)
            stage = PyStage(index=len(self.py_stages) + 1, table=tp.name, columns=list(rg.columns), func=func,
                            args=list(rg.args), kwargs=dict(rg.kwargs), n_rows=n, seed=self.seed,
                            locale=rg.locale or self.config.locale, stats=self.stats_view(),
                            modules=self.user_modules, path=rg.path)
            stage.check()
        except UserCodeError as e:
            self.problem(rg.path, str(e))
            return
        self.py_stages.append(stage)
        for i, c in enumerate(rg.columns):
            ti = types[c]
            cast_to = None if ti.kind == "text" else ti.sql
            tp.values[c] = Value(stage.value(i, cast_to), source=rg.name,
                                 node=nodes.PythonStage(rg.name, origin=nodes.config(rg.path)))
            tp.python_columns[c] = (stage, i)
            configured[c] = f"{rg.path} ({rg.name})"
            deps[c] = (rg.path, [])

    def stats_view(self) -> dict:
        from ..story.python import stats_view
        return stats_view(self.stats)

    def _check_expression_cycles(self, deps: dict[str, tuple[str, list[str]]]) -> None:
        state: dict[str, int] = {}

        def visit(c: str, trail: list[str]) -> None:
            if state.get(c) == 2 or c not in deps:
                return
            if state.get(c) == 1:
                self.problem(deps[c][0], f"expressions refer to each other in a cycle: {' -> '.join(trail + [c])}")
                return
            state[c] = 1
            for d in deps[c][1]:
                visit(d, trail + [c])
            state[c] = 2
        for c in sorted(deps):
            visit(c, [])

    def _apply_missingness(self, tp: TablePlan, tc, streams: Streams, t: Table) -> None:
        """column_presence.sampled: pick one null pattern per row, weighted by its row_count."""
        for i, mg in enumerate(tc.missingness_generators):
            path = f"{tc.path}.missingness_generators[{i}]"
            if mg.get("name") != "column_presence.sampled":
                self.problem(f"{path}.name", f"unknown missingness generator {mg.get('name')!r} "
                                             "(supported: column_presence.sampled)")
                continue
            patterns = (mg.get("kwargs") or {}).get("patterns")
            if not isinstance(patterns, list) or not patterns or not all(isinstance(p, dict) for p in patterns):
                self.problem(f"{path}.kwargs.patterns", "needs a list of {row_count, <column>__is_null} rows")
                continue
            weights = [float(p.get("row_count", p.get("count", 0)) or 0) for p in patterns]
            if sum(weights) <= 0:
                self.problem(f"{path}.kwargs.patterns", "every row_count is zero")
                continue
            cols = sorted({k[: -len("__is_null")] for p in patterns for k in p if k.endswith("__is_null")})
            bad = [c for c in cols if c not in t.columns]
            if bad:
                self.problem(f"{path}.kwargs.patterns", f"unknown column(s) {', '.join(bad)}")
                continue
            total, acc, cum = sum(weights), 0.0, []
            for w in weights[:-1]:
                acc += w
                cum.append(acc / total)
            for c in cols:
                if not t.columns[c].nullable:
                    continue
                null_in = {j for j, p in enumerate(patterns) if p.get(f"{c}__is_null")}
                if not null_in:
                    continue
                tp.missing[c] = (f"missing:{i}", cum, null_in)



FK_DEFAULT_NAMES = {"generic.column_value_provider.column_value"}


def build_plan(schema: Schema, config: Config, num_passes: int | None = 1, seed: int | None = None,
               dst_schema: str | None = None, stats: dict | None = None, append: bool = False,
               scale: float | None = None) -> Plan:
    """Plan the whole load, or raise ConfigError with every problem found.

    num_passes multiplies num_rows_per_pass (datafaker's meaning); scale multiplies the row counts
    taken from the source (rows_from_source); a table with `rows:` has exactly that many; a table
    with children_per_parent gets the children of its parent's rows.
    append: add the rows after those already in the destination (create-data --append): each
    table's rows are numbered from its offset, read at run time into pg_temp.sqlsynth_offsets."""
    seed = seed if seed is not None else (config.seed if config.seed is not None else 0)
    explicit_passes, explicit_scale = num_passes is not None, scale is not None
    num_passes = 1 if num_passes is None else num_passes
    scale = 1.0 if scale is None else scale
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not math.isfinite(scale) or scale < 0:
        raise ConfigError([Problem(config.file, None, "", f"--scale must be a number >= 0, got {scale!r}")])
    b = Builder(schema, config, num_passes, seed, dst_schema)
    b.explicit_passes, b.explicit_scale = explicit_passes, explicit_scale
    from ..stats.apply import apply_stats  # src-stats.yaml: stats: auto, null_fraction: auto, rows_from_source

    b.problems.extend(apply_stats(config, stats, scale))
    b.stats = config.src_stats
    generated, ignored, vocab = b.select_tables()
    from .scale_limit import limit_scale

    limit_scale(b, generated, scale)
    for name in generated:
        t = schema.tables[name]
        b.plans[name] = TablePlan(table=t, rows=b.row_count(name), path=config.table(name).path, rows_why=b.rows_why(name))
        if append:
            b.plans[name].offset = offset_expr(name)
    edges: dict[str, list] = {}
    for name in generated:
        for owner, fk in effective_fks(schema, schema.tables[name]):
            if fk.ref_schema is None and fk.ref_table in b.plans and fk.ref_table != name:
                nullable = all(schema.tables[name].columns[c].nullable for c in fk.columns if c in schema.tables[name].columns)
                edges.setdefault(name, []).append((fk.ref_table, owner, fk, nullable))
    order, broken = table_order(generated, edges)
    for name in order:
        b.build_table(b.plans[name], ignored, vocab)
    from .rule_keys import finish_rules

    finish_rules(b)
    from ..story.specs import story_specs
    stories = story_specs(num_passes, config.raw if isinstance(config.raw, dict) else {}, b.problem)
    if b.problems:
        raise ConfigError(b.problems)
    for name in order:  # every Value becomes data: its tree, built once the plan is complete
        b.plans[name].freeze()
    plan_warnings = list(config.warnings) + list(b.warnings)
    from .scale_limit import sizing_warnings

    plan_warnings += sizing_warnings(b, generated, num_passes, scale)
    b.warnings = plan_warnings
    return Plan(seed=seed, schema=schema, dst_schema=b.dst_schema, order=order, tables=b.plans,
                deferred_fks=broken, ignored=ignored, vocabulary=vocab, warnings=b.warnings,
                pools=b.pools.ordered(), external_parents=sorted(b.external_parents),
                py_stages=b.py_stages, stats=b.stats, user_modules=b.user_modules, num_passes=num_passes,
                stories=stories, append=append, placement=b.placement)
