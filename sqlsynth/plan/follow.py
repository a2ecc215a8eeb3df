"""Which foreign keys a table's rows follow (children_per_parent), as the plan builder reads them.

``tables.<t>.children_per_parent`` is one ``{foreign_key, histogram?}`` or a list of them: the first
(primary) sets the table's row count from its parent's rows and the degree histogram (adjusted to
the table's own count when it has one); the others follow their histograms too
(sqlsynth.plan.children). A histogram read from make-stats may hold ranges ``{k, k_max, parents}``
(small counts merged). The other side of a junction's composite unique key is drawn distinct
among each parent's children.

Also how a row reaches its parent: a parent's key at the picked parent row, distinct parent
combinations enumerated for a composite unique key, and keys of a table sqlsynth does not
generate (a vocabulary table) read at run time.
"""

from __future__ import annotations

import math
from typing import Callable

from sqlglot import exp

from ..config.load import children_settings, suggest
from ..schema.keys import effective_fks, unique_sets
from ..schema.model import ForeignKey, Table
from ..sql import sqlx
from ..sql.sqlx import Streams, add, lit, mod
from .model import FKGroup, TablePlan
from .values import Value, permutation
from . import nodes


class FollowMixin:
    """Following parents, for sqlsynth.plan.build.Builder (uses its config, schema, stats, problems, warnings)."""

    def _children_settings(self) -> dict[str, list]:
        """tables.<t>.children_per_parent, each as a list (config.load.children_settings)."""
        out, self._children_listed, problems = children_settings(self.config)
        self.problems.extend(problems)
        return out

    def _children_path(self, name: str, i: int) -> str:
        return f"tables.{name}.children_per_parent" + (f"[{i}]" if name in self._children_listed else "")

    def children_fk(self, name: str, i: int = 0) -> ForeignKey | None:
        spec = self.children[name][i]
        path = self._children_path(name, i)
        if not isinstance(spec, dict) or "foreign_key" not in spec:
            self.problem(path, "needs foreign_key: <constraint name or list of columns>")
            return None
        want = spec["foreign_key"]
        t = self.schema.tables.get(name)
        if t is None:
            return None
        for _owner, fk in effective_fks(self.schema, t):
            if fk.name == want or fk.columns == (want if isinstance(want, list) else [want]):
                return fk
        names = [fk.name for _o, fk in effective_fks(self.schema, t)]
        self.problem(f"{path}.foreign_key", f"{name} has no foreign key {want!r}{suggest(str(want), names)}")
        return None

    def degrees(self, name: str, i: int = 0):
        """The scaled degree layout of entry i of the table's children_per_parent (0: the primary)."""
        from .children import histogram_rows, scale_histogram

        key = (name, i)
        if key in self._degrees:
            return self._degrees[key]
        self._degrees[key] = None  # cycle guard
        fk = self.children_fk(name, i)
        if fk is None:
            return None
        spec = self.children[name][i]
        path = self._children_path(name, i)
        hist = spec.get("histogram")
        stat_name = f"auto__children__{name}__{fk.name}"
        if hist is None:
            entry = self.stats.get(stat_name) if isinstance(self.stats, dict) else None
            hist = entry.get("results") if isinstance(entry, dict) else entry
            if hist is None:
                self.problem(path, f"no statistic {stat_name!r}: run make-stats (or give a histogram)")
                return None
        try:
            rows = histogram_rows(hist)
        except (TypeError, KeyError, ValueError, OverflowError, AttributeError):  # OverflowError: k: .inf
            self.problem(path, "histogram must be a list of {k, parents} rows (or {k, k_max, parents} ranges)")
            return None
        if fk.ref_table == name or fk.ref_table not in self.schema.tables or fk.ref_schema is not None:
            self.problem(path, "children_per_parent needs a foreign key to another generated table")
            return None
        ptc = self.config.table(fk.ref_table)
        if ptc.vocabulary_table or ptc.ignore:
            self.problem(path, f"children_per_parent needs a foreign key to another generated table; "
                               f"{fk.ref_table} is {'a vocabulary table' if ptc.vocabulary_table else 'ignored'}")
            return None
        deg = scale_histogram(rows, self.row_count(fk.ref_table))
        tc = self.config.table(name)
        if i == 0 and tc.rows is not None and deg.total_children > 0 and deg.n_parents > 0:
            from .children import fit_total

            deg = fit_total(deg, tc.rows)  # the table's own count (rows, rows_from_source x --scale) wins
        if deg.total_children == 0 and sum(w for k, w in rows if k > 0) == 0:
            # every bucket with children was left out (small counts): follow rows / rows_from_source instead
            self.warnings.append(f"{path}: the histogram of {fk.name} has no parent with children (small counts are "
                                 "left out); the foreign key is drawn uniformly"
                                 + ("" if i else " and the table keeps its own row count"))
            self._empty_histograms.add(key)
            return None
        self._degrees[key] = deg
        return deg

    def _empty_histogram(self, name: str) -> bool:
        """The primary histogram exists but has no parent with children (then the table keeps its own count)."""
        return (name, 0) in self._empty_histograms

    def children_plan(self, name: str) -> list[tuple[ForeignKey, object]]:
        """(foreign key, Degrees) of every children_per_parent entry of the table, the primary first."""
        out = []
        seen: set[str] = set()
        for i in range(len(self.children.get(name, []))):
            deg = self.degrees(name, i)
            fk = self.children_fk(name, i) if deg is not None else None
            if fk is None or deg is None:
                continue
            if fk.name in seen:
                self.problem(self._children_path(name, i), f"foreign key {fk.name} is listed twice")
                continue
            seen.add(fk.name)
            out.append((fk, deg))
        return out

    def _junction_partner(self, t: Table, cpp: list) -> tuple[ForeignKey | None, list[str]]:
        """The foreign key that completes a composite unique key with the primary children_per_parent one
        (film_actor: actor_id next to film_id), drawn distinct among siblings; and that key's columns."""
        if not cpp:
            return None, []
        primary = cpp[0][0]
        followed = {fk.name for fk, _d in cpp}
        for _cname, cols in unique_sets(self.schema, t):
            if not set(primary.columns) <= set(cols):
                continue
            rest = set(cols) - set(primary.columns)
            for _owner, fk in effective_fks(self.schema, t):
                if fk.name not in followed and fk.ref_table != t.name and set(fk.columns) == rest and rest:
                    return fk, list(cols)
        return None, []

    def _external_fk(self, tp: TablePlan, fk: ForeignKey, streams: Streams, siblings=None) -> None:
        """A foreign key into a table sqlsynth does not generate (a vocabulary table): its keys are read
        at run time into arrays, once per statement, and a parent row is picked by position."""
        target = (fk.ref_schema, fk.ref_table) if fk.ref_schema is not None else \
            self.placement.where(self.schema.tables[fk.ref_table])
        self.external_parents.add(target)
        unique = any(set(cols) <= set(fk.columns) for _n, cols in unique_sets(self.schema, tp.table))
        key = f"{fk.ref_schema or ''}.{fk.ref_table}({','.join(fk.ref_columns)})"
        parent = sqlx.table(*target)
        refs = list(fk.ref_columns)

        def build_source(alias: str) -> exp.Expression:
            order = [exp.Ordered(this=sqlx.col(c)) for c in refs]
            aggs = [exp.ArrayAgg(this=exp.Order(this=sqlx.col(c), expressions=[o.copy() for o in order])) for c in refs]
            sel = exp.select(*aggs, exp.Count(this=exp.Star())).from_(parent)
            for c in refs:
                sel = sel.where(exp.Not(this=exp.Is(this=sqlx.col(c), expression=exp.Null())))
            return exp.Subquery(this=sel, alias=exp.TableAlias(
                this=exp.to_identifier(alias, quoted=True),
                columns=[exp.to_identifier(f"w{i}", quoted=True) for i in range(len(refs))] + [exp.to_identifier("n", quoted=True)]))

        def value(i: int) -> Callable[[exp.Expression], exp.Expression]:
            def f(row: exp.Expression) -> exp.Expression:
                from .placeholders import SourceCol

                source = build_source("s")

                def ref(name: str) -> exp.Expression:
                    return SourceCol(this=exp.to_identifier(name, quoted=True), key=key, source=source)
                n = ref("n")
                stride = tp.vocab_stride.get(fk.name)
                if stride is not None:  # the next digit after the generated parents (_enumerate_with_vocab)
                    k = exp.Sub(this=row.copy(), expression=lit(1))
                    inner = exp.Div(this=exp.Paren(this=k), expression=lit(stride), typed=True) if stride > 1 else k
                    idx = add(lit(1), mod(exp.Paren(this=inner), n))
                elif siblings is not None:  # the other side of a junction: distinct among one parent's children
                    from .children import sibling_distinct
                    idx = add(lit(1), sibling_distinct(siblings, streams, f"siblings:{fk.name}", n)(row))
                elif unique:  # distinct parents in key order; more rows than parents fails on the constraint
                    idx = add(lit(1), mod(exp.Sub(this=row.copy(), expression=lit(1)), n))
                else:
                    idx = add(lit(1), mod(streams.h32(f"fk:{fk.name}", row), n))
                return sqlx.subscript(ref(f"w{i}"), idx)
            return f

        for i, c in enumerate(fk.columns):
            tp.values[c] = Value(value(i), injective=unique, source=f"foreign key {fk.name} (vocabulary)",
                                 node=nodes.ParentKey(fk.ref_table, fk.ref_columns[i], fk.name,
                                                      "distinct parents in key order" if unique else
                                                      "uniform over the vocabulary's rows, read at run time",
                                                      origin=nodes.constraint(f"FOREIGN KEY {fk.name}")))

    def _vocab_fks(self, t: Table, cols: list[str], fk_cols: set[str], vocab: set[str]) -> list[ForeignKey]:
        """The foreign keys into vocabulary tables that, with the generated parents' keys, make up
        a unique constraint (a junction between a generated table and a lookup table); [] unless
        they cover every remaining column."""
        out = [fk for _o, fk in effective_fks(self.schema, t)
               if (fk.ref_table in vocab or fk.ref_schema is not None) and set(fk.columns) <= set(cols)]
        covered = fk_cols.union(*(set(fk.columns) for fk in out)) if out else fk_cols
        return out if out and set(cols) <= covered else []

    def _enumerate_with_vocab(self, tp: TablePlan, groups: list[FKGroup], vocab_fks: list[ForeignKey]) -> None:
        """Distinct (generated parents, vocabulary rows) for rows 1..n, in mixed radix: the generated
        parents are the low digits, each vocabulary table's row the next ones (its size is known
        only at run time; more rows than combinations fail on the constraint, naming it)."""
        stride = 1
        for g in groups:
            def index(row: exp.Expression, stride=stride, size=g.n_parent) -> exp.Expression:
                k = exp.Sub(this=row.copy(), expression=lit(1))
                inner = exp.Div(this=exp.Paren(this=k), expression=lit(stride), typed=True) if stride > 1 else k
                return add(lit(1), mod(exp.Paren(this=inner), lit(size)))
            g.index = index
            g.injective = False
            stride *= g.n_parent
        for fk in vocab_fks:
            tp.vocab_stride[fk.name] = stride
            for c in fk.columns:
                tp.values[c].injective = False

    def _enumerate(self, tp: TablePlan, groups: list[FKGroup], streams: Streams, cname: str) -> None:
        """Distinct parent combinations for rows 1..n: k = permutation(row) over the product space."""
        sizes = [g.n_parent for g in groups]
        total = math.prod(sizes)
        if tp.rows > total:
            self.problem(self.config.table(tp.name).path,
                         f"unique constraint {cname}: {tp.rows} rows wanted but only {total} distinct "
                         f"combinations of parent rows exist ({' x '.join(map(str, sizes))})")
            return
        stride = 1
        for g in groups:
            def index(row: exp.Expression, stride=stride, size=g.n_parent) -> exp.Expression:
                k = permutation(streams, f"unique:{cname}", row, total)
                inner = exp.Div(this=k, expression=lit(stride), typed=True) if stride > 1 else k
                return add(lit(1), mod(exp.Paren(this=inner), lit(size)))
            g.index = index
            g.injective = len(groups) == 1
            g.enumerated = cname
            stride *= g.n_parent
        if len(groups) > 1:
            for g in groups:
                g.injective = False

    def rows_why(self, name: str) -> str:
        """Why row_count(name) is what it is, as `explain` prints it."""
        if name in self.children and self.degrees(name) is not None:
            fk = self.children_fk(name, 0)
            return f"{self._children_path(name, 0)}: children per {fk.ref_table if fk else 'parent'} row"
        tc = self.config.table(name)
        if tc.from_source:
            return f"{tc.path}.rows_from_source ({tc.source_rows:g} rows at --scale 1) x --scale"
        if tc.rows is not None:
            return f"{tc.path}.rows"
        return f"{tc.path}.num_rows_per_pass ({tc.num_rows_per_pass}) x {self.num_passes} passes"

    def fan_out(self, g: FKGroup, cpp: list) -> str:
        """How a foreign key's parent row is chosen, as `explain` prints it (before g.index is set)."""
        if g.enumerated:
            return f"enumerated with the other keys of unique constraint {g.enumerated}"
        if any(cfk is g.fk for cfk, _deg in cpp):
            return "children per parent as the source's histogram says"
        if g.index is not None:
            return "distinct among one parent's children"
        return "an earlier row of the same table" if g.self_ref else f"uniform over {g.n_parent} parent rows"

    def _parent_value(self, parent: str, column: str, index: Callable,
                      child: TablePlan | None = None) -> Callable[[exp.Expression], exp.Expression]:
        """The parent's key at the parent row picked by index. Indexes count rows of this run
        (1..n): with --append the child's row number is made local first, and the parent row is
        shifted past the parent's earlier rows, so children point at parents of the same run."""
        def f(row: exp.Expression) -> exp.Expression:
            pp = self.plans[parent]
            pv = pp.values.get(column)
            if pv is None:
                return exp.Null()
            local = row
            if child is not None and child.offset is not None:
                local = exp.Paren(this=exp.Sub(this=row.copy(), expression=child.offset.copy()))
            j = index(local)
            if pp.offset is not None:
                j = add(exp.Paren(this=j), pp.offset.copy())
            return pv.at(exp.Paren(this=j))
        return f
