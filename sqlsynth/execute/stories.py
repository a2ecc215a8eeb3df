"""Story generators on a batched fallback path.

A story is the user's Python generator with the ancestors' protocol: it yields
``(table_name, partial_row)`` and is sent back the full row as inserted (database
defaults and generated keys included). Columns a story leaves out are filled by that
table's configured generators — compiled SQL evaluated server-side at the row's
number — or, for custom Python generators, by the user's function.

Many stories advance together: each round gathers the pending row of every active
story, inserts the rows of one table with one multi-row ``INSERT ... SELECT ... FROM
unnest(arrays) RETURNING *``, and sends each story its row. Scheduling is fixed, and
Python's ``random`` and the ``generic`` object are seeded, so the same seed gives the
same stories.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from sqlglot import exp

from ..sql import sqlx
from ..sql.copytext import array_text
from ..sql.sqlx import q, stream_seed
from ..errors import ExecutionError, first_line
from ..plan.model import Plan, TablePlan
from ..plan.pools import JoinCollector
from ..story.python import Env, UserCodeError, argument, seeded_generic, stats_view
from ..story.specs import StorySpec

BATCH = 500  # stories advancing together
CTID = "__sqlsynth_ctid__"


@dataclass
class _Story:
    sid: int
    spec: StorySpec
    gen: Iterator
    pending: tuple[str, dict] | None = None


@dataclass
class StoryResult:
    rows: dict[str, list[dict]] = field(default_factory=dict)  # table -> rows as inserted, in order
    tids: dict[str, list[str]] = field(default_factory=dict)  # table -> ctids of the story rows, in order

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.rows.values())


def _param(v: Any) -> Any:
    if isinstance(v, dict):
        return json.dumps(v, default=str)
    if isinstance(v, (list, tuple)) and any(isinstance(x, dict) for x in v):
        return json.dumps(list(v), default=str)
    if isinstance(v, (list, tuple)):
        return array_text(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    return v if v is None else str(v)


class StoryRunner:
    def __init__(self, conn: Any, plan: Plan, specs: list[StorySpec], locale: str = "en_GB",
                 batch: int = BATCH, keep_rows: bool = False, report: Callable[[str], None] | None = None):
        self.conn, self.plan, self.specs = conn, plan, specs
        self.batch = batch
        self.keep_rows = keep_rows
        self.report = report
        self.next_row = {t: tp.rows + 1 for t, tp in plan.tables.items()}
        self.result = StoryResult()
        self.generic = seeded_generic(stream_seed(plan.seed, "stories") & 0x7FFFFFFF, locale)
        self.env = Env(generic=self.generic, stats=stats_view(plan.stats), modules=plan.user_modules,
                       dst_db_conn=conn)
        self.order = {t: i for i, t in enumerate(plan.order)}
        self.inserted = 0
        self._templates: dict[tuple, str] = {}

    def _start(self, sid: int, spec: StorySpec) -> _Story | None:
        try:
            args = [argument(a, self.env) for a in spec.args]
            kwargs = {k: argument(v, self.env) for k, v in spec.kwargs.items()}
            gen = spec.func(*args, **kwargs)
            st = _Story(sid, spec, gen)
            st.pending = self._checked(st, next(gen))
            return st
        except StopIteration:
            return None
        except UserCodeError as e:
            raise ExecutionError(f"story {spec.name} ({spec.path}): {e}") from None
        except ExecutionError:
            raise
        except Exception as e:  # noqa: BLE001 - the user's story failed
            raise ExecutionError(f"story {spec.name} ({spec.path}) raised {type(e).__name__}: {e}") from None

    def _checked(self, st: _Story, item: Any) -> tuple[str, dict]:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], dict)):
            raise ExecutionError(f"story {st.spec.name} ({st.spec.path}) must yield (table_name, dict), got {item!r}")
        table, row = item
        if table not in self.plan.tables:
            why = ("a vocabulary table" if table in self.plan.vocabulary else
                   "an ignored table" if table in self.plan.ignored else
                   "a partition (yield its parent)" if table in self.plan.schema.tables else "not a table of orm.yaml")
            raise ExecutionError(f"story {st.spec.name} ({st.spec.path}) yielded a row for {table!r}, which is {why}")
        t = self.plan.tables[table].table
        unknown = [c for c in row if c not in t.columns]
        if unknown:
            raise ExecutionError(f"story {st.spec.name} ({st.spec.path}) yielded unknown column(s) "
                                 f"{', '.join(map(repr, unknown))} for table {table!r}")
        gen_cols = [c for c in row if t.columns[c].generated]
        if gen_cols:
            raise ExecutionError(f"story {st.spec.name} ({st.spec.path}) sets generated column(s) "
                                 f"{', '.join(gen_cols)} of {table!r}")
        return table, row

    def run(self) -> StoryResult:
        random.seed(stream_seed(self.plan.seed, "stories:random") & 0x7FFFFFFF)
        queue = [(spec, k) for spec in self.specs for k in range(spec.count)]
        queue.reverse()
        active: list[_Story] = []
        sid = 0
        while queue or active:
            while queue and len(active) < self.batch:
                spec, _k = queue.pop()
                st = self._start(sid, spec)
                sid += 1
                if st is not None:
                    active.append(st)
            if not active:
                break
            by_table: dict[str, list[_Story]] = {}
            for st in active:
                by_table.setdefault(st.pending[0], []).append(st)  # type: ignore[index]
            finished: set[int] = set()
            for table in sorted(by_table, key=lambda t: self.order.get(t, 1 << 30)):
                stories = by_table[table]
                rows = self._insert(table, [st.pending[1] for st in stories])  # type: ignore[index]
                for st, full in zip(stories, rows):
                    try:
                        st.pending = self._checked(st, st.gen.send(full))
                    except StopIteration:
                        finished.add(st.sid)
                    except ExecutionError:
                        raise
                    except Exception as e:  # noqa: BLE001 - the user's story failed
                        raise ExecutionError(f"story {st.spec.name} ({st.spec.path}) raised "
                                             f"{type(e).__name__}: {e}") from None
            active = [st for st in active if st.sid not in finished]
        return self.result

    def _insert(self, table: str, partials: list[dict]) -> list[dict]:
        tp = self.plan.tables[table]
        out: list[dict | None] = [None] * len(partials)
        numbered = []
        for k, partial in enumerate(partials):
            i = self.next_row[table]
            self.next_row[table] += 1
            row = dict(partial)
            for c, (stage, idx) in tp.python_columns.items():
                if c not in row:
                    row[c] = stage.values_at(i)[idx]
            numbered.append((k, i, row))
        groups: dict[tuple[str, ...], list] = {}
        for item in numbered:
            groups.setdefault(tuple(sorted(item[2])), []).append(item)
        for cols, items in groups.items():
            returned = self._insert_group(tp, list(cols), items)
            for (k, _i, _row), full in zip(items, returned):
                out[k] = full
        self.inserted += len(partials)
        return out  # type: ignore[return-value]

    def _insert_group(self, tp: TablePlan, provided: list[str], items: list) -> list[dict]:
        from psycopg.rows import dict_row

        t = tp.table
        key = (t.name, tuple(provided))
        if key not in self._templates:
            self._templates[key] = self._template(tp, provided)
        sql = self._templates[key]
        params: list[Any] = [[i for _k, i, _row in items]]
        params.extend([_param(row[c]) for _k, _i, row in items] for c in provided)
        import psycopg

        try:
            # a raw cursor: $n parameters sent as such, the statement's text (its % operators) untouched
            with psycopg.RawCursor(self.conn, row_factory=dict_row) as cur:
                cur.execute(sql, params)
                rows = cur.fetchall()
            tids = [r.pop(CTID) for r in rows]
            if self.keep_rows:
                self.result.tids.setdefault(t.name, []).extend(str(x) for x in tids)
            return rows
        except psycopg.Error as e:
            msg = first_line(e)
            raise ExecutionError(f"story rows for table {t.name} ({tp.path}): {msg}") from None

    def _template(self, tp: TablePlan, provided: list[str]) -> str:
        """The INSERT of a table's story rows for one set of provided columns (compiled once): the
        rows come from unnest($1::bigint[], $2::text[], ...) AS s(i, c0, ...), one array per column
        (a round of thousands of rows is a handful of parameters), built as one tree."""
        t = tp.table
        cols = [c.name for c in t.writable_columns() if c.name in tp.values or c.name in provided]
        s_cols = ["i"] + [f"c{j}" for j in range(len(provided))]
        row_ref = sqlx.col("i", "s")
        given = {c: sqlx.cast(sqlx.col(f"c{j}", "s"), t.columns[c].type) for j, c in enumerate(provided)}
        joins = JoinCollector(table=t.name, provided=given)  # rules read what the story gave
        exprs = []
        for c in cols:
            if c in provided:
                exprs.append(given[c].copy())
            else:
                exprs.append(joins.resolve(tp.values[c].at(row_ref.copy())))
        arrays = [exp.Cast(this=exp.Parameter(this=exp.Literal.number(k + 1)),
                           to=exp.DataType.build("BIGINT[]" if k == 0 else "TEXT[]", dialect="postgres"))
                  for k in range(len(s_cols))]
        source = exp.Unnest(expressions=arrays, alias=exp.TableAlias(
            this=exp.to_identifier("s", quoted=True), columns=[exp.to_identifier(c, quoted=True) for c in s_cols]))
        select = joins.apply(exp.select(*exprs).from_(source)).order_by(exp.Ordered(this=row_ref.copy()))
        head = f"INSERT INTO {self.plan.qtable(t.name)} ({', '.join(q(c) for c in cols)})"
        if tp.overriding_system:
            head += " OVERRIDING SYSTEM VALUE"
        return f"{head}\n{sqlx.render(select)}\nRETURNING *, ctid AS {q(CTID)}"


def story_copy_blocks(conn: Any, plan: Plan, result: StoryResult) -> str:
    """Story rows, read back with COPY ... TO STDOUT (exact text format), as COPY blocks for a
    self-contained script (tables in dependency order, rows in insertion order)."""
    out = []
    order = {t: i for i, t in enumerate(plan.order)}
    for table in sorted(result.tids, key=lambda t: order.get(t, 1 << 30)):
        tids = result.tids[table]
        t = plan.tables[table].table
        cols = [c.name for c in t.writable_columns()]
        collist = ", ".join(q(c) for c in cols)
        sel = (f"SELECT {', '.join('t.' + q(c) for c in cols)} FROM unnest(%s::tid[]) WITH ORDINALITY AS x(tid, n) "
               f"JOIN {plan.qtable(table)} AS t ON t.ctid = x.tid ORDER BY x.n")
        data = []
        with conn.cursor() as cur:
            with cur.copy(f"COPY ({sel}) TO STDOUT", (tids,)) as cp:
                for chunk in cp:
                    data.append(bytes(chunk).decode())
        out.append(f"-- story rows: {table} ({len(tids)})")
        out.append(f"COPY {plan.qtable(table)} ({collist}) FROM STDIN;")
        text = "".join(data).rstrip("\n")
        if text:
            out.append(text)
        out.append("\\.")
    return "\n".join(out)
