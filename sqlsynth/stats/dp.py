"""Differentially private statistics through smartnoise-sql (the optional ``dp`` extra).

The first-stage query stays on the server, and the source stays read-only: smartnoise-sql
runs the ``dp-query`` over a table ``query_result`` (``engine="postgres"``) through a
connection wrapper that, for every SQL text smartnoise sends, parses it with sqlglot and
replaces the table ``query_result`` by the parsed first stage as a subquery
(``(<first stage>) AS query_result``), then sends the result through sqlsynth.readonly's gate
and run_select (one prepared SELECT in a READ ONLY transaction). No view is created: PostgreSQL
refuses every CREATE, temporary views included, in a read-only transaction. Only aggregates come
back to Python. snsql is imported here, lazily, only when a dp-query exists.
"""

from __future__ import annotations

import warnings
from typing import Any

from sqlglot import exp

from ..readonly import RefusedQuery, check_select, render, run_select

INSTALL_HINT = "pip install -e '.[dp]' in sqlsynth's clone (the dp extra: smartnoise-sql)"
TABLE_OPTIONS = {"max_ids", "row_privacy", "sample_max_ids", "censor_dims", "clamp_counts", "clamp_columns",
                 "use_dpsu"}
COLUMN_KEYS = {"type", "private_id", "lower", "upper", "nullable", "missing_value", "sensitivity", "cardinality"}
COLUMN_TYPES = {"int", "float", "string", "boolean", "datetime"}


class DPUnavailable(Exception):
    pass


def require_snsql() -> Any:
    try:
        import snsql  # noqa: F401
    except ImportError:
        raise DPUnavailable(f"differential privacy (dp-query, epsilon) needs smartnoise-sql, which is not "
                            f"installed: {INSTALL_HINT}") from None
    return snsql


def check_metadata(meta: Any) -> list[tuple[str, str]]:
    """Problems (sub-path, message) in datafaker's snsql-metadata: table options plus columns."""
    out: list[tuple[str, str]] = []
    if not isinstance(meta, dict):
        return [("", "must be a mapping of smartnoise table options and columns")]
    private = [k for k, v in meta.items() if isinstance(v, dict) and v.get("private_id")]
    for k, v in meta.items():
        if k in TABLE_OPTIONS:
            continue
        if not isinstance(v, dict):
            out.append((str(k), f"unknown table option (options: {', '.join(sorted(TABLE_OPTIONS))}); a column "
                                "needs a mapping with its type"))
            continue
        if v.get("type") not in COLUMN_TYPES:
            out.append((f"{k}.type", f"must be one of {', '.join(sorted(COLUMN_TYPES))}"))
        for ck in v:
            if ck not in COLUMN_KEYS:
                out.append((f"{k}.{ck}", f"unknown column option (options: {', '.join(sorted(COLUMN_KEYS))})"))
    if meta.get("row_privacy") and private:
        out.append(("row_privacy", f"row_privacy is set but {private[0]} is a private_id: choose one "
                                   "(smartnoise refuses both)"))
    if not meta.get("row_privacy") and not private:
        out.append(("", "mark one column `private_id: true` (the unit of privacy), or set row_privacy: true"))
    return out


def snsql_metadata(meta: dict) -> dict:
    """datafaker's snsql-metadata as smartnoise's {collection: {schema: {table: ...}}}.

    The table is declared both unqualified (``FROM query_result``, as datafaker's configs say)
    and in ``pg_temp`` (``FROM pg_temp.query_result``, as earlier sqlsynth versions had it); both
    become the first stage.
    """
    table = dict(meta)
    return {"sqlsynth": {"": {"query_result": table}, "pg_temp": {"query_result": dict(table)}}}


def _plain(v: Any) -> Any:
    if hasattr(v, "item") and callable(v.item):  # numpy scalars
        try:
            return v.item()
        except (ValueError, TypeError):
            return v
    return v


TABLE = "query_result"


def over_first_stage(sql: str, first_stage: exp.Expression) -> str:
    """smartnoise's SQL with each reference to the table query_result (or pg_temp.query_result)
    replaced by the first stage as a subquery, rendered from the trees (no text pasted)."""
    tree = check_select(sql)
    for t in list(tree.find_all(exp.Table)):
        if t.name.lower() == TABLE and t.db.lower() in ("", "pg_temp") and not t.catalog:
            alias = t.args.get("alias") or exp.TableAlias(this=exp.to_identifier(TABLE))
            t.replace(exp.Subquery(this=first_stage.copy(), alias=alias.copy()))
    return render(tree)


class _Cursor:
    """The DB-API cursor smartnoise's PostgresReader uses: execute, description, iteration."""

    def __init__(self, conn: Any, first_stage: exp.Expression):
        self.conn, self.first_stage = conn, first_stage
        self.description: list[tuple[str]] | None = None
        self.rows: list[tuple] = []

    def execute(self, sql: str, *args: Any) -> None:
        try:
            text = over_first_stage(str(sql), self.first_stage)
        except RefusedQuery as e:
            raise RefusedQuery(f"the SQL smartnoise-sql wrote for the dp-query is refused: {e}") from None
        columns, self.rows = run_select(self.conn, text)
        self.description = [(c,) for c in columns]

    def __iter__(self):
        return iter(self.rows)

    def fetchall(self) -> list[tuple]:
        return list(self.rows)


class GatedConnection:
    """What smartnoise sees as its connection: every query goes through the read-only gate; commit
    and rollback are no-ops (run_select owns its transaction)."""

    def __init__(self, conn: Any, first_stage: exp.Expression):
        self.conn, self.first_stage = conn, first_stage

    def cursor(self) -> _Cursor:
        return _Cursor(self.conn, self.first_stage)

    def commit(self) -> None:
        pass

    def rollback(self) -> None:
        pass


def run_dp(conn: Any, query: str, dp_query: str, epsilon: float, delta: float | None,
           meta: dict, total: bool = False) -> tuple[list[str], list[list[Any]], float, float]:
    """(columns, rows, epsilon spent, delta spent) of dp_query over query_result := query.

    smartnoise's epsilon is per mechanism (AVG and STDDEV use several); with total=True the
    per-mechanism epsilon is scaled so that the query spends `epsilon` in all.

    conn is a source connection from sqlsynth.readonly.open_source.
    """
    snsql = require_snsql()
    from snsql import Privacy

    first_stage = check_select(query)
    gated = GatedConnection(conn, first_stage)

    def reader_for(eps: float):
        privacy = Privacy(epsilon=eps, delta=delta) if delta is not None else Privacy(epsilon=eps)
        return snsql.from_connection(gated, privacy=privacy, metadata=snsql_metadata(meta), engine="postgres")

    if total:
        per_unit = float(reader_for(1.0).get_privacy_cost(dp_query)[0])
        epsilon = epsilon / per_unit if per_unit > 0 else epsilon
    reader = reader_for(epsilon)
    with warnings.catch_warnings():  # numpy's "invalid value in sqrt" from smartnoise's internals
        warnings.simplefilter("ignore", RuntimeWarning)
        result = reader.execute(dp_query)
    eps, dl = reader.odometer.spent
    header = [str(h) for h in result[0]] if result else []
    rows = [[_plain(x) for x in r] for r in result[1:]]
    return header, rows, float(eps), float(dl)
