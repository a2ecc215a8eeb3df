"""Differentially private statistics through smartnoise-sql (the optional ``dp`` extra).

The first-stage query stays on the server: it becomes ``CREATE TEMP VIEW query_result AS
<query>`` on the worker's own connection, and smartnoise-sql runs the ``dp-query`` against
that view through the live psycopg connection (``engine="postgres"``), so only aggregates
come back to Python. snsql is imported here, lazily, only when a dp-query exists.
"""

from __future__ import annotations

import warnings
from typing import Any

INSTALL_HINT = "pip install 'sqlsynth[dp]'"
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
    and in ``pg_temp`` (``FROM pg_temp.query_result``); both reach the temporary view.
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


def run_dp(conn: Any, query: str, dp_query: str, epsilon: float, delta: float | None,
           meta: dict, total: bool = False) -> tuple[list[str], list[list[Any]], float, float]:
    """(columns, rows, epsilon spent, delta spent) of dp_query over query_result := query.

    smartnoise's epsilon is per mechanism (AVG and STDDEV use several); with total=True the
    per-mechanism epsilon is scaled so that the query spends `epsilon` in all.

    conn is a psycopg 3 connection in autocommit mode whose sessions default to read-only
    transactions; the temporary view is created in an explicit read-write transaction and
    dropped afterwards.
    """
    snsql = require_snsql()
    from snsql import Privacy

    body = query.strip().rstrip(";").strip()
    with conn.transaction():
        conn.execute("SET TRANSACTION READ WRITE")
        conn.execute("DROP VIEW IF EXISTS pg_temp.query_result")
        conn.execute(f"CREATE TEMP VIEW query_result AS {body}")
    try:
        def reader_for(eps: float):
            privacy = Privacy(epsilon=eps, delta=delta) if delta is not None else Privacy(epsilon=eps)
            return snsql.from_connection(conn, privacy=privacy, metadata=snsql_metadata(meta), engine="postgres")

        if total:
            per_unit = float(reader_for(1.0).get_privacy_cost(dp_query)[0])
            epsilon = epsilon / per_unit if per_unit > 0 else epsilon
        reader = reader_for(epsilon)
        with warnings.catch_warnings():  # numpy's "invalid value in sqrt" from smartnoise's internals
            warnings.simplefilter("ignore", RuntimeWarning)
            result = reader.execute(dp_query)
        eps, dl = reader.odometer.spent
    finally:
        try:
            with conn.transaction():
                conn.execute("SET TRANSACTION READ WRITE")
                conn.execute("DROP VIEW IF EXISTS pg_temp.query_result")
        except Exception:  # noqa: BLE001 - the session ends soon anyway; its temp view goes with it
            pass
    header = [str(h) for h in result[0]] if result else []
    rows = [[_plain(x) for x in r] for r in result[1:]]
    return header, rows, float(eps), float(dl)
