"""config + schema -> Plan: which tables get how many rows, and a Value for every column.

Foreign keys are arithmetic: a child row picks a parent row number j and evaluates
the parent's key Value at j. Unique constraints are satisfied by construction:
a serial key is the row number, a text key gets a row-number suffix, a junction
table enumerates distinct parent pairs through a permutation of the row number.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Callable

from sqlglot import exp

from ..compile import sqlx
from ..compile.sqlx import Streams, add, fn, lit, mod
from ..config.load import Config, suggest
from ..errors import ConfigError, Problem
from ..schema.model import Column, ForeignKey, Schema, Table
from ..schema.placement import Placement, placement
from ..schema.types import TypeInfo, resolve_type
from . import distributions as _distributions  # noqa: F401  (registers more generators)
from . import empirical as _empirical  # noqa: F401  (sqlsynth.quantiles, sqlsynth.text, sqlsynth.range)
from . import generators as gens
from .bounds import around_default
from .checks import bounds_for
from .follow import FollowMixin
from ..story.python import is_user_name
from .pools import Pool, PoolSet
from .values import (EPOCH, Unsupported, Value, date_from_days, default_value, permutation, seconds_of,
                     spans_value, ts_from_seconds)


@dataclass
class FKGroup:
    owner: str  # table the constraint is defined on (a partition for partitioned parents)
    fk: ForeignKey
    n_parent: int
    self_ref: bool
    index: Callable[[exp.Expression], exp.Expression] | None = None
    injective: bool = False
    enumerated: str | None = None  # the unique constraint whose combinations this group enumerates


@dataclass
class TablePlan:
    table: Table
    rows: int
    path: str
    values: dict[str, Value] = field(default_factory=dict)
    groups: list[FKGroup] = field(default_factory=list)
    serials: list[str] = field(default_factory=list)
    overriding_system: bool = False
    missing: dict = field(default_factory=dict)  # column -> (stream, cumulative weights, null pattern ids)
    python_columns: dict = field(default_factory=dict)  # column -> (PyStage, index): user Python values
    # --append: the rows already in the table, read at run time; the new rows are numbered after them
    offset: exp.Expression | None = None
    fallback: list = field(default_factory=list)  # checks_fallback.Fallback: CHECKs kept by drawing candidates

    @property
    def name(self) -> str:
        return self.table.name

    def columns(self) -> list[str]:
        return [c.name for c in self.table.writable_columns() if c.name in self.values]


@dataclass
class Plan:
    seed: int
    schema: Schema
    dst_schema: str
    order: list[str]
    tables: dict[str, TablePlan]
    deferred_fks: list[tuple[str, ForeignKey]]
    ignored: set[str]
    vocabulary: set[str]
    warnings: list[str] = field(default_factory=list)
    pools: list[Pool] = field(default_factory=list)
    external_parents: list[tuple[str, str]] = field(default_factory=list)  # read at run time (vocabulary)
    py_stages: list = field(default_factory=list)  # custom Python row generators (staged with COPY)
    stats: dict = field(default_factory=dict)
    user_modules: list[str] = field(default_factory=list)
    num_passes: int = 1
    stories: list = field(default_factory=list)  # StorySpec: user Python stories run after the generated rows
    append: bool = False  # rows are added after those already in the tables (offsets read at run time)
    placement: Placement | None = None  # where each source schema goes (None: every table in dst_schema)

    def where(self, key: str) -> tuple[str, str]:
        """(destination schema, table name) of a table of orm.yaml, by its key."""
        t = self.schema.tables.get(key) if self.schema is not None else None
        if t is None or self.placement is None:
            return self.dst_schema, key
        return self.placement.where(t)

    def qtable(self, key: str) -> str:
        """The destination table of a key, quoted and qualified."""
        return sqlx.qtable(*self.where(key))

    def sqltable(self, key: str) -> exp.Table:
        return sqlx.table(*self.where(key))

    def qobject(self, key: str, name: str) -> str:
        """An object (constraint, index) of a table, qualified by the table's destination schema."""
        return sqlx.qtable(self.where(key)[0], name)

    @property
    def search_path(self) -> list[str]:
        return self.placement.search_path if self.placement is not None else [self.dst_schema]


def effective_fks(schema: Schema, t: Table) -> list[tuple[str, ForeignKey]]:
    """FKs of a table, plus those declared on its partitions (Pagila's payment keeps them there)."""
    out: list[tuple[str, ForeignKey]] = [(t.name, fk) for fk in t.foreign_keys]
    seen = {(tuple(fk.columns), fk.ref_table, tuple(fk.ref_columns)) for fk in t.foreign_keys}
    for p in schema.partitions_of(t.name):
        for fk in p.foreign_keys:
            key = (tuple(fk.columns), fk.ref_table, tuple(fk.ref_columns))
            if key not in seen:
                seen.add(key)
                out.append((p.name, fk))
    return out


def unique_sets(schema: Schema, t: Table) -> list[tuple[str, list[str]]]:
    """(constraint name, columns) of every unique guarantee the rows must meet."""
    out: list[tuple[str, list[str]]] = []
    seen: set[tuple[str, ...]] = set()
    tables = [t] + schema.partitions_of(t.name)
    for tb in tables:
        cons = ([tb.primary_key] if tb.primary_key else []) + list(tb.unique)
        for u in cons:
            key = tuple(sorted(u.columns))
            if key not in seen:
                seen.add(key)
                out.append((u.name, list(u.columns)))
        for ix in tb.indexes:
            cols = index_key_columns(ix, tb) if ix.unique else None
            if cols:
                key = tuple(sorted(cols))
                if key not in seen:
                    seen.add(key)
                    out.append((ix.name, cols))
        for x in tb.exclusions:
            cols = exclusion_key_columns(schema, x, tb)
            if cols:
                key = tuple(sorted(cols))
                if key not in seen:
                    seen.add(key)
                    out.append((x.name, cols))
    return out


_EXCLUDE = re.compile(r"EXCLUDE USING \w+ \(", re.I)
_ELEMENT = re.compile(r'(?P<col>"(?:[^"]|"")*"|[^\W\d][\w$]*)(?:\s+[\w."]+)*?\s+WITH\s+(?P<op>\S+)', re.S)


def exclusion_key_columns(schema: Schema, x, t: Table) -> list[str] | None:
    """Columns whose distinct values satisfy an exclusion constraint, or None if unknown.

    ``EXCLUDE USING gist (room WITH =, during WITH &&)``: a range column compared with ``&&`` is
    enough on its own (the planner then draws disjoint ranges); constraints of plain columns all
    compared with ``=`` are unique constraints. Anything else is not relied on."""
    m = _EXCLUDE.match(x.definition or "")
    if not m:
        return None
    depth, i, start, elems = 1, m.end(), m.end(), []
    while i < len(x.definition) and depth:
        ch = x.definition[i]
        if ch == '"':
            i = x.definition.find('"', i + 1)
            if i < 0:
                return None
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 1:
            elems.append(x.definition[start:i])
            start = i + 1
        i += 1
    elems.append(x.definition[start:i - 1])
    parsed = []
    for e in elems:
        em = _ELEMENT.fullmatch(e.strip())
        if not em:
            return None
        col = em.group("col")
        col = col[1:-1].replace('""', '"') if col.startswith('"') else col
        if col not in t.columns:
            return None
        parsed.append((col, em.group("op")))
    for col, op in parsed:
        if op == "&&" and resolve_type(t.columns[col].type, schema).kind == "range":
            return [col]
    if all(op == "=" for _c, op in parsed):
        return [c for c, _op in parsed]
    return None


_USING = re.compile(r"\sUSING\s+\w+\s*\(", re.I)
_TEXT_CASTS = {exp.DataType.Type.TEXT, exp.DataType.Type.VARCHAR}


def _index_key_list(definition: str) -> str | None:
    """The text inside the key list parentheses of CREATE [UNIQUE] INDEX ... USING m (...)."""
    m = _USING.search(definition or "")
    if not m:
        return None
    depth, i, quote = 1, m.end(), None
    while i < len(definition):
        ch = definition[i]
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return definition[m.end():i]
        i += 1
    return None


def _folded_column(e: exp.Expression) -> str | None:
    """The column under a key expression that stays distinct when the column is distinct, or None.

    Accepted (conservatively): plain columns, and lower()/upper()/btrim()/ltrim()/rtrim() of
    whitespace, casts to text/varchar without a length, COLLATE, opclasses and sort options
    around one column. Distinct values made by sqlsynth (a row-number suffix, a formatted
    sequence, a row number) stay distinct under these; anything else (md5, concatenations,
    substrings, coalesce, several columns) is not relied on.
    """
    while True:
        if isinstance(e, (exp.Ordered, exp.Paren, exp.Collate, exp.Opclass, exp.Lower, exp.Upper)):
            e = e.this
        elif isinstance(e, exp.Trim):
            chars = e.args.get("expression")
            if chars is not None and not (isinstance(chars, exp.Literal) and chars.is_string
                                          and not chars.this.strip()):
                return None
            e = e.this
        elif isinstance(e, exp.Cast):
            to = e.args.get("to")
            if not isinstance(to, exp.DataType) or to.this not in _TEXT_CASTS or to.expressions:
                return None
            e = e.this
        elif isinstance(e, exp.Column) and not e.table:
            return e.name
        else:
            return None


def index_key_columns(ix, t: Table) -> list[str] | None:
    """Plain columns whose distinctness satisfies the unique index ``ix``, or None if unknown.

    A partial index (WHERE ...) is satisfied by distinct values on every row. An expression
    index is mapped to its columns only when every key is a plain column or an accepted
    fold of one (see _folded_column), read from the definition with sqlglot.
    """
    import sqlglot

    if ix.columns and all(ix.columns):
        cols = list(ix.columns)
    else:
        keys = _index_key_list(ix.definition)
        if keys is None:
            return None
        try:
            tree = sqlglot.parse_one(f"CREATE UNIQUE INDEX i ON t USING btree ({keys})", dialect="postgres")
        except Exception:
            return None
        params = tree.this.args.get("params") if isinstance(tree, exp.Create) and isinstance(tree.this, exp.Index) else None
        keyexprs = params.args.get("columns") if params is not None else None
        if not keyexprs:
            return None
        cols = []
        for k in keyexprs:
            c = _folded_column(k)
            if c is None:
                return None
            cols.append(c)
    cols = list(dict.fromkeys(cols))
    return cols if all(c in t.columns for c in cols) else None


def _topo_order(names: list[str], edges: dict[str, list[tuple[str, str, ForeignKey, bool]]]) -> tuple[list[str], list[tuple[str, ForeignKey]]]:
    """Kahn's algorithm, deterministic; cycles broken at deferrable, then nullable, FK edges."""
    remaining = set(names)
    live = {n: list(edges.get(n, [])) for n in names}  # child -> [(parent, owner, fk, nullable)]
    order: list[str] = []
    broken: list[tuple[str, ForeignKey]] = []
    while remaining:
        ready = sorted(n for n in remaining if all(p not in remaining or p == n for p, *_ in live[n]))
        if ready:
            order.append(ready[0])
            remaining.discard(ready[0])
            continue
        def reaches(start: str, goal: str) -> bool:
            seen, stack = {start}, [start]
            while stack:
                cur = stack.pop()
                for p, *_ in live[cur]:
                    if p == goal:
                        return True
                    if p in remaining and p not in seen:
                        seen.add(p)
                        stack.append(p)
            return False

        candidates = []
        for n in sorted(remaining):
            for p, owner, fk, nullable in live[n]:
                if p in remaining and p != n and reaches(p, n):  # the edge lies on a cycle
                    candidates.append((not fk.deferrable, not nullable, n, fk.name, p, owner, fk))
        candidates.sort(key=lambda c: c[:4])
        _d, _nn, child, _fkname, parent, owner, fk = candidates[0]
        live[child] = [e for e in live[child] if e[2] is not fk]
        broken.append((owner, fk))
    return order, broken


_RANGE_BOUND = re.compile(r"^FOR VALUES FROM \((?P<lo>.*)\) TO \((?P<hi>.*)\)$", re.S)
_IN_BOUND = re.compile(r"^FOR VALUES IN \((?P<vals>.*)\)$", re.S)


def _bound_literal(s: str) -> str | None:
    s = s.strip()
    if s.upper() in ("MINVALUE", "MAXVALUE"):
        return None
    if s.startswith("'") and s.endswith("'"):
        return s[1:-1].replace("''", "'")
    return s


def _to_number(v: str, ti: TypeInfo) -> int | None:
    try:
        if ti.kind in ("timestamp", "timestamptz"):
            d = dt.datetime.fromisoformat(v.replace("+00", "+00:00") if v.endswith("+00") else v)
            if d.tzinfo is not None:
                d = d.astimezone(dt.timezone.utc).replace(tzinfo=None)
            return seconds_of(d)
        if ti.kind == "date":
            return (dt.datetime.fromisoformat(v) - EPOCH).days
        if ti.kind == "int":
            return int(v)
    except ValueError:
        return None
    return None


def partition_key_value(schema: Schema, t: Table, column: str, ti: TypeInfo, streams: Streams, n: int) -> Value | None:
    """Values that land in the declared partitions (range: within the bounded ranges; list: the listed values)."""
    if not t.partition_by or t.partition_by.columns != [column]:
        return None
    parts = sorted(schema.partitions_of(t.name), key=lambda p: p.name)
    if t.partition_by.strategy == "range":
        spans = []
        for p in parts:
            m = _RANGE_BOUND.match(p.partition_bound or "")
            if not m:
                continue
            lo, hi = _bound_literal(m.group("lo")), _bound_literal(m.group("hi"))
            if lo is None or hi is None:
                continue
            a, b = _to_number(lo, ti), _to_number(hi, ti)
            if a is not None and b is not None and b > a:
                spans.append((a, b))
        if not spans:
            return None
        if ti.kind in ("timestamp", "timestamptz"):
            conv = lambda e: ts_from_seconds(e, ti.kind == "timestamptz")  # noqa: E731
        elif ti.kind == "date":
            conv = date_from_days
        else:
            conv = lambda e: e  # noqa: E731
        return spans_value(streams, column, sorted(spans), False, n, conv)
    if t.partition_by.strategy == "list":
        vals: list[str] = []
        for p in parts:
            m = _IN_BOUND.match(p.partition_bound or "")
            if m:
                for v in m.group("vals").split(","):
                    lit_v = _bound_literal(v)
                    if lit_v is not None and lit_v.upper() != "NULL":
                        vals.append(lit_v)
        if vals:
            from .values import choice_value
            return choice_value(streams, column, vals, cast_to=ti.sql)
    return None


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
        ignored, vocab = set(), set()
        for name, tc in self.config.tables.items():
            if name not in self.schema.tables:
                self.problem(tc.path, f"unknown table {name!r}{self._suggest_table(name)}")
                continue
            if tc.ignore:
                ignored.add(name)
            elif tc.vocabulary_table:
                vocab.add(name)
        generated = []
        for name, t in sorted(self.schema.tables.items()):
            if t.is_partition:
                if t.partition_of in ignored:
                    ignored.add(name)
                continue
            if name in ignored or name in vocab:
                continue
            generated.append(name)
        return generated, ignored, vocab

    def _suggest_table(self, name: str) -> str:
        """A bare name in a config of several schemas: the schema.table keys it may mean."""
        same = [k for k, t in self.schema.tables.items() if t.relname == name and not t.is_partition]
        if self.schema.multi and same:
            return f" (orm.yaml has several schemas: tables are named schema.table, e.g. {', '.join(same)})"
        return suggest(name, self.schema.tables)

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
                    v = clamp(v, types[c], _clipped(bounds[c], rg.clip), t.columns[c])
                    if rg.null_fraction and not v.injective:
                        v = with_nulls(v, streams, f"null:{c}", rg.null_fraction)
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
                        tp.values[c] = Value(lambda row: exp.Null(), source=f"{fk.name} (parent has no rows)")
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
                tp.values[c.name] = Value(lambda row: row.copy(), injective=True, source="row number")
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
                pick = sorted(free, key=lambda c: _unique_preference(types[c]))[0]
                unique_cols.add(pick)
            elif inside:
                self._enumerate(tp, inside[:1], streams, cname)
            elif any(c in upgradable and upgradable[c]() for c in sorted(cols, key=lambda c: _unique_preference(types[c]))):
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
            if g.index is None:
                if g.self_ref:
                    # a strictly earlier row: 1 + h mod (row - 1); row 1 has none, so it gets NULL when the
                    # key is nullable, and (only then possible) itself otherwise
                    g.index = lambda row, s=f"fk:{g.fk.name}": add(lit(1), mod(
                        streams.h32(s, row), fn("greatest", exp.Paren(this=exp.Sub(this=row.copy(), expression=lit(1))),
                                                lit(1))))
                    first_null = all(t.columns[c].nullable for c in g.fk.columns)
                else:
                    g.index = lambda row, s=f"fk:{g.fk.name}", N=g.n_parent: add(lit(1), streams.pick(s, row, N))
            for c, rc in zip(g.fk.columns, g.fk.ref_columns):
                f = self._parent_value(g.fk.ref_table, rc, lambda r, g=g: g.index(r), tp)  # g.index read when the SQL is built (rules re-point it)
                if first_null:
                    f = _null_on_first_row(f, tp)
                tp.values[c] = Value(f, injective=g.injective, source=f"foreign key {g.fk.name}")

        # everything else: type defaults
        for c in t.writable_columns():
            if c.name in tp.values:
                continue
            ti = types[c.name]
            pv = partition_key_value(self.schema, t, c.name, ti, streams, n)
            if pv is not None:
                tp.values[c.name] = pv
                continue
            try:
                tp.values[c.name] = default_value(ti, streams, c.name, bounds[c.name], n, unique=c.name in unique_cols,
                                                  default=c.default, pools=self.pools)
            except Unsupported as e:
                if c.nullable and c.name not in unique_cols:
                    tp.values[c.name] = Value(lambda row: exp.Null(), source="null (no default generator)")
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
        from ..story.rowgen import PyStage

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
            tp.values[c] = Value(stage.value(i, cast_to), source=rg.name)
            tp.python_columns[c] = (stage, i)
            configured[c] = f"{rg.path} ({rg.name})"
            deps[c] = (rg.path, [])

    def stats_view(self) -> dict:
        from ..story.python import stats_view
        return stats_view(self.stats)

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
                from .pools import current
                coll = current()
                if coll is None:
                    raise RuntimeError("foreign keys into vocabulary tables need a statement context")
                alias = coll.source(key, build_source)
                n = sqlx.col("n", alias)
                if siblings is not None:  # the other side of a junction: distinct among one parent's children
                    from .children import sibling_distinct
                    idx = add(lit(1), sibling_distinct(siblings, streams, f"siblings:{fk.name}", n)(row))
                elif unique:  # distinct parents in key order; more rows than parents fails on the constraint
                    idx = add(lit(1), mod(exp.Sub(this=row.copy(), expression=lit(1)), n))
                else:
                    idx = add(lit(1), mod(streams.h32(f"fk:{fk.name}", row), n))
                return sqlx.subscript(sqlx.col(f"w{i}", alias), idx)
            return f

        for i, c in enumerate(fk.columns):
            tp.values[c] = Value(value(i), injective=unique, source=f"foreign key {fk.name} (vocabulary)")

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


def _null_on_first_row(f: Callable[[exp.Expression], exp.Expression], tp: TablePlan):
    """NULL on the first row of this run (it has no earlier row to refer to), f elsewhere."""
    def g(row: exp.Expression) -> exp.Expression:
        local = row if tp.offset is None else exp.Paren(this=exp.Sub(this=row.copy(), expression=tp.offset.copy()))
        return sqlx.case([(exp.EQ(this=local, expression=lit(1)), exp.Null())], f(row))
    return g


def _sizing_warnings(b: "Builder", generated: list[str], num_passes: int | None, scale: float | None) -> list[str]:
    """--num-passes or --scale given where no table is sized by it (it would silently change nothing)."""
    out = []
    per_pass = [n for n in generated if n not in b.children and b.config.table(n).rows is None]
    from_source = [n for n in generated if n not in b.children and b.config.table(n).from_source]
    if b.explicit_passes and not per_pass and generated:
        out.append("--num-passes changes nothing here: no table uses num_rows_per_pass "
                   "(tables with rows_from_source follow --scale)")
    if b.explicit_scale and not from_source and generated:
        out.append("--scale changes nothing here: no table uses rows_from_source "
                   "(tables with num_rows_per_pass follow --num-passes)")
    return out


OFFSETS_TABLE = "sqlsynth_offsets"


def offset_expr(table: str) -> exp.Expression:
    """(SELECT o FROM pg_temp.sqlsynth_offsets WHERE t = 'table'): one InitPlan per statement."""
    sel = exp.select(sqlx.col("o")).from_(sqlx.table("pg_temp", OFFSETS_TABLE)).where(
        exp.EQ(this=sqlx.col("t"), expression=exp.Literal.string(table)))
    return exp.Subquery(this=sel)


def _clipped(b, clip: tuple[float, float] | None):
    """The column's bounds narrowed to [lo, hi] (a fitted generator's source min and max)."""
    if clip is None:
        return b
    import dataclasses

    lo = clip[0] if b.lo is None else max(b.lo, clip[0])
    hi = clip[1] if b.hi is None else min(b.hi, clip[1])
    return dataclasses.replace(b, lo=lo, hi=hi) if lo <= hi else b


def _unique_preference(ti: TypeInfo) -> int:
    order = ["int", "uuid", "text", "numeric", "timestamp", "timestamptz", "date"]
    return order.index(ti.kind) if ti.kind in order else len(order)


_CLAMPED_SOURCES = {"dist_gen.normal", "dist_gen.lognormal", "dist_gen.uniform", "dist_gen.uniform_ms",
                    "generic.numeric.float_number", "dist_gen.multivariate_normal", "dist_gen.multivariate_lognormal",
                    "sqlsynth.exponential", "sqlsynth.poisson", "sqlsynth.quantiles"}


def clamp(v: Value, ti: TypeInfo, b, col: Column) -> Value:
    """Keep continuous draws inside the column's numeric range and CHECK bounds."""
    if v.source not in _CLAMPED_SOURCES or ti.kind not in ("int", "numeric", "float"):
        return v
    lo = b.lo
    hi = b.hi
    if ti.kind == "int":
        tlo, thi = ti.int_bounds
        lo = tlo if lo is None else max(lo, tlo)
        hi = thi if hi is None else min(hi, thi)
    elif ti.kind == "numeric" and ti.precision is not None:
        scale = ti.scale or 0
        top = 10 ** (ti.precision - scale) - 10 ** (-scale)
        lo = -top if lo is None else max(lo, -top)
        hi = top if hi is None else min(hi, top)
    if lo is None and hi is None:
        return v

    # numeric(p, s) with p <= 18: round through bigint (x * 10^s, then * 10^-s). PostgreSQL's
    # float8 -> numeric cast formats and parses text, about 0.5 us a row, more than all the
    # arithmetic of a lognormal draw; bigint -> numeric is cheap, and |x * 10^s| < 10^18 fits.
    scaled = ti.kind == "numeric" and ti.precision is not None and ti.precision <= 18 and lo is not None \
        and hi is not None and (ti.scale or 0) >= 0  # PostgreSQL 15 allows numeric(p, -s): not this path
    scale = (ti.scale or 0) if scaled else 0

    def f(row: exp.Expression) -> exp.Expression:
        e = v.at(row)
        if hi is not None:
            e = exp.Least(this=e, expressions=[lit(hi)])
        if lo is not None:
            e = exp.Greatest(this=e, expressions=[lit(lo)])
        if scaled:
            big = exp.DataType.build("BIGINT")
            if scale == 0:
                return exp.Cast(this=e, to=big)
            cents = exp.Cast(this=exp.Mul(this=e, expression=lit(10 ** scale)), to=big)
            step = exp.Literal.number(f"0.{'0' * (scale - 1)}1")
            return exp.Paren(this=exp.Mul(this=cents, expression=step))
        return e
    return Value(f, injective=v.injective, source=v.source,
                 span=(lo, hi) if lo is not None and hi is not None else None)


FK_DEFAULT_NAMES = {"generic.column_value_provider.column_value"}


def with_pattern_nulls(v: Value, streams: Streams, stream: str, cum: list[float], null_in: set[int]) -> Value:
    """NULL when this row's pattern (one weighted pick per row, shared by the columns) says so."""
    def f(row: exp.Expression) -> exp.Expression:
        u = streams.u(stream, row)
        whens = [(exp.LT(this=u.copy(), expression=lit(c)), exp.Boolean(this=j in null_in)) for j, c in enumerate(cum)]
        is_null = sqlx.case(whens, exp.Boolean(this=len(cum) in null_in)) if whens else exp.Boolean(this=0 in null_in)
        return sqlx.case([(is_null, exp.Null())], v.at(row))
    return Value(f, injective=False, source=v.source, span=v.span, values=v.values)


def with_nulls(v: Value, streams: Streams, stream: str, fraction: float) -> Value:
    def f(row: exp.Expression) -> exp.Expression:
        return sqlx.case([(exp.LT(this=streams.u(stream, row), expression=lit(float(fraction))), exp.Null())], v.at(row))
    return Value(f, injective=False, source=v.source, span=v.span, values=v.values)


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
        b.plans[name] = TablePlan(table=t, rows=b.row_count(name), path=config.table(name).path)
        if append:
            b.plans[name].offset = offset_expr(name)
    edges: dict[str, list] = {}
    for name in generated:
        for owner, fk in effective_fks(schema, schema.tables[name]):
            if fk.ref_schema is None and fk.ref_table in b.plans and fk.ref_table != name:
                nullable = all(schema.tables[name].columns[c].nullable for c in fk.columns if c in schema.tables[name].columns)
                edges.setdefault(name, []).append((fk.ref_table, owner, fk, nullable))
    order, broken = _topo_order(generated, edges)
    for name in order:
        b.build_table(b.plans[name], ignored, vocab)
    from .rule_keys import finish_rules

    finish_rules(b)
    from ..story.runner import story_specs
    stories = story_specs(num_passes, config.raw if isinstance(config.raw, dict) else {}, b.problem)
    if b.problems:
        raise ConfigError(b.problems)
    plan_warnings = list(config.warnings) + list(b.warnings)
    plan_warnings += _sizing_warnings(b, generated, num_passes, scale)
    b.warnings = plan_warnings
    return Plan(seed=seed, schema=schema, dst_schema=b.dst_schema, order=order, tables=b.plans,
                deferred_fks=broken, ignored=ignored, vocabulary=vocab, warnings=b.warnings,
                pools=b.pools.ordered(), external_parents=sorted(b.external_parents),
                py_stages=b.py_stages, stats=b.stats, user_modules=b.user_modules, num_passes=num_passes,
                stories=stories, append=append, placement=b.placement)
