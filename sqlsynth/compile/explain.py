"""`sqlsynth explain`: the plan as data, table by table and column by column.

For every table in load order: its row count and why; for every column: the description node tree
(plan/nodes.py), its origin (the config path, the constraint, the type default) and the SQL
expression it compiles to in the INSERT's SELECT (PostgreSQL), with the statement's sources named
as the INSERT names them ("p1"."v" for a pool's join, "sqlsynth_words"."w" for the vocabulary...).
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from ..errors import SqlsynthError
from ..plan import nodes
from ..plan.model import Plan
from ..plan.pools import JoinCollector
from ..sql import sqlx

ROW = exp.column(exp.to_identifier("i", quoted=True), table=exp.to_identifier("g", quoted=True))


def first_origin(node: nodes.Node) -> nodes.Origin | None:
    """The origin of the outermost node that has one (wrappers such as NullMix may not)."""
    if node.origin is not None:
        return node.origin
    for c in node.children():
        o = first_origin(c)
        if o is not None:
            return o
    return None


def columns_sql(plan: Plan, table: str, dialect: str = sqlx.DIALECT) -> dict[str, str]:
    """Each column's expression in its table's INSERT ... SELECT (the joins it names left out)."""
    tp = plan.tables[table]
    joins = JoinCollector()  # the sources are numbered in column order, as the INSERT numbers them
    return {c: sqlx.render(joins.resolve(tp.values[c].at(ROW.copy())), dialect) for c in tp.columns()}


def explain(plan: Plan, table: str | None = None, column: str | None = None) -> list[dict[str, Any]]:
    """Tables in load order (one, with --table), each with its columns (one, with --column)."""
    if table is not None and table not in plan.tables:
        known = ", ".join(sorted(plan.tables))
        raise SqlsynthError(f"explain: no generated table {table!r} (tables: {known})")
    out = []
    for name in plan.order:
        if table is not None and name != table:
            continue
        tp = plan.tables[name]
        cols = tp.columns()
        if column is not None:
            if column not in tp.values:
                raise SqlsynthError(f"explain: table {name} has no generated column {column!r} "
                                    f"(columns: {', '.join(cols)})")
            cols = [column]
        entries = []
        sql = columns_sql(plan, name)
        for c in cols:
            node = nodes.of_value(tp.values[c])
            origin = first_origin(node)
            entries.append({"column": c, "origin": str(origin) if origin is not None else "",
                            "node": node.to_dict(), "sources": sorted(tp.values[c].sources), "sql": sql[c]})
        out.append({"table": name, "rows": tp.rows, "rows_why": tp.rows_why, "columns": entries})
    return out


def text(report: list[dict[str, Any]]) -> str:
    """The report as indented text."""
    lines: list[str] = []
    for t in report:
        lines.append(f"{t['table']}: {t['rows']} rows ({t['rows_why']})")
        for c in t["columns"]:
            lines.append(f"  {c['column']}")
            lines.append(f"    origin: {c['origin']}")
            tree = nodes.lines(nodes.from_dict(c["node"]))
            lines.append(f"    node:   {tree[0]}")
            lines.extend(f"            {x}" for x in tree[1:])
            if c["sources"]:
                lines.append(f"    needs:  {', '.join(c['sources'])}")
            lines.append(f"    sql:    {c['sql']}")
        lines.append("")
    return "\n".join(lines)
