"""The source is only read: the gate every query to SRC_DSN passes, and how it is sent.

A query from a config (src-stats, a dp-query's first stage, the automatic ``stats: auto`` ones,
and the SQL smartnoise-sql writes for a dp-query) is accepted only as exactly one SELECT:

- parsed with sqlglot (PostgreSQL dialect); a query it cannot parse is refused;
- one statement, a SELECT or a set operation of SELECTs (UNION/INTERSECT/EXCEPT), WITH allowed;
- nowhere in it: INSERT/UPDATE/DELETE/MERGE (data-modifying WITH), SELECT INTO, FOR UPDATE/SHARE
  (row locks), COPY, SET, DDL, transaction control, or a statement sqlglot only knows as a command;
- no call of a function that acts outside the query: server files (lo_export, pg_read_file, ...),
  other connections (dblink), settings (set_config), other sessions and the server
  (pg_terminate_backend, pg_reload_conf, replication slots, advisory locks, NOTIFY), sequences,
  or SQL text run by the server (query_to_xml, ts_stat);
- no Unicode-escaped identifier (U&"..."), which sqlglot and PostgreSQL read differently.

run_select then sends it on a connection whose sessions default to read-only (and read strings
with standard_conforming_strings, as sqlglot does), in its own ``BEGIN READ ONLY`` transaction,
through the extended query protocol: the server parses it as one prepared statement (a second
statement is a server error, whatever sqlglot saw), describes it (a statement that returns no
columns, such as COPY, SET or DO, is refused before it runs), and only then executes it. A
read-only transaction cannot be made read-write once a query has run; besides the prepared query,
sqlsynth sends only BEGIN READ ONLY, EXECUTE, COMMIT and DEALLOCATE.
"""

from __future__ import annotations

import itertools
import logging
import re
import threading
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError
from sqlglot.tokens import TokenType

from .errors import SqlsynthError, first_line

DIALECT = "postgres"

# Statements (and parts of statements) that are not a plain read.
_REFUSED_NODES: tuple[tuple[type, str], ...] = (
    (exp.Insert, "INSERT"), (exp.Update, "UPDATE"), (exp.Delete, "DELETE"), (exp.Merge, "MERGE"),
    (exp.Into, "SELECT INTO (it creates a table)"), (exp.Lock, "FOR UPDATE/SHARE (it locks rows)"),
    (exp.Copy, "COPY"), (exp.Set, "SET"), (exp.Create, "CREATE"), (exp.Drop, "DROP"), (exp.Alter, "ALTER"),
    (exp.TruncateTable, "TRUNCATE"), (exp.Transaction, "BEGIN"), (exp.Commit, "COMMIT"),
    (exp.Rollback, "ROLLBACK"), (exp.Command, "a command"),
)
_DML = (exp.Insert, exp.Update, exp.Delete, exp.Merge)

# Functions with effects outside the query (or that run SQL text of their own), by name or prefix.
REFUSED_FUNCTIONS = frozenset({
    "set_config", "nextval", "setval", "pg_notify", "query_to_xml", "query_to_xmlschema",
    "query_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema", "ts_stat", "pg_terminate_backend",
    "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_switch_wal", "pg_create_restore_point",
    "pg_promote", "pg_backup_start", "pg_backup_stop", "pg_start_backup", "pg_stop_backup",
    "pg_wal_replay_pause", "pg_wal_replay_resume", "pg_log_backend_memory_contexts", "pg_logical_emit_message",
    "pg_import_system_collations",
})
REFUSED_PREFIXES = ("lo_", "dblink", "pg_file_", "pg_read_", "pg_ls_", "pg_stat_file", "pg_stat_reset",
                    "pg_advisory", "pg_try_advisory", "pg_create_", "pg_drop_replication", "pg_copy_",
                    "pg_replication_", "pg_logical_slot_")
_FUNCTION_HINT = ("it acts outside the query (server files, other connections, settings, sessions, "
                  "sequences, or SQL text of its own)")


class RefusedQuery(SqlsynthError):
    """A query that may not run on the source (the message is for the query's config path)."""


# ---- the gate -----------------------------------------------------------------------------------

class _Quiet(logging.Filter):
    """sqlglot logs "... contains unsupported syntax" (with the query text) for statements it only
    knows as commands: they are refused here, with a message of their own."""

    def __init__(self) -> None:
        super().__init__()
        self.local = threading.local()

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(self.local, "on", False)


_QUIET = _Quiet()
logging.getLogger("sqlglot").addFilter(_QUIET)


def _parse(text: str) -> list[exp.Expression | None]:
    _QUIET.local.on = True
    try:
        return sqlglot.parse(text, read=DIALECT)
    finally:
        _QUIET.local.on = False


def _function_name(f: exp.Func) -> str:
    return (f.name if isinstance(f, exp.Anonymous) else f.sql_name()).lower()


def _is_select(node: exp.Expression) -> bool:
    while isinstance(node, exp.Subquery):
        node = node.this
    if isinstance(node, exp.SetOperation):
        return _is_select(node.this) and _is_select(node.expression)
    return isinstance(node, exp.Select)


def _kind(node: exp.Expression) -> str:
    """What a statement is, by its first keyword (DO, CALL, COPY, ...)."""
    if isinstance(node, exp.Command):
        return str(node.this).upper()
    for cls, what in _REFUSED_NODES:
        if isinstance(node, cls):
            return what.split(" ")[0]
    first = sqlglot.Dialect.get_or_raise(DIALECT).tokenize(node.sql(dialect=DIALECT))
    return first[0].text.upper() if first else node.key.upper()


def _parse_message(e: ParseError) -> str:
    err = (e.errors or [{}])[0]
    text = re.sub(r"<Token token_type: [^,]*, text: ([^,]*),.*?>", r"'\1'", str(err.get("description") or "syntax error"))
    text = text.replace("'SENTINEL'", "the end")
    where = f" (line {err['line']}, column {err['col']})" if err.get("line") else ""
    return f"not readable as one PostgreSQL SELECT: {text}{where}"


def _unicode_identifier(text: str) -> bool:
    """U&"..." (an identifier with Unicode escapes): sqlglot reads it as `U & "..."`, PostgreSQL as
    a name, so U&"lo\\005fexport" would hide a function from the checks below."""
    tokens = sqlglot.Dialect.get_or_raise(DIALECT).tokenize(text)
    return any(a.text.upper() == "U" and b.text == "&" and c.token_type == TokenType.IDENTIFIER
               and a.end + 1 == b.start and b.end + 1 == c.start for a, b, c in zip(tokens, tokens[1:], tokens[2:]))


def check_select(text: Any) -> exp.Expression:
    """The parsed tree of text if it is exactly one read-only SELECT; RefusedQuery (every reason
    found, in one message) otherwise."""
    if not isinstance(text, str) or not text.strip():
        raise RefusedQuery("empty query")
    try:
        if _unicode_identifier(text):
            raise RefusedQuery('a Unicode-escaped identifier (U&"...") is not allowed; write the name itself')
        trees = [t for t in _parse(text) if t is not None]
    except ParseError as e:
        raise RefusedQuery(_parse_message(e)) from None
    except sqlglot.errors.SqlglotError as e:
        raise RefusedQuery(f"not readable as one PostgreSQL SELECT: {first_line(e)}") from None
    if not trees:
        raise RefusedQuery("empty query")
    if len(trees) > 1:
        kinds = ", ".join(_kind(t) for t in trees)
        raise RefusedQuery(f"{len(trees)} statements ({kinds}); only one SELECT may run on the source")
    tree = trees[0]
    reasons: list[str] = []
    if not _is_select(tree):
        reasons.append(f"{_kind(tree)} statement: only a SELECT (WITH allowed) may run on the source")
    for node in tree.walk():
        if node is tree and reasons:
            continue
        for cls, what in _REFUSED_NODES:
            if isinstance(node, cls):
                if node.find_ancestor(exp.CTE) is not None and isinstance(node, _DML):
                    what = f"a data-modifying WITH ({what})"
                reasons.append(f"{what} is not allowed")
        if isinstance(node, exp.Func):
            name = _function_name(node)
            if name in REFUSED_FUNCTIONS or name.startswith(REFUSED_PREFIXES):
                reasons.append(f"calls {name}(), which is not allowed: {_FUNCTION_HINT}")
    if reasons:
        raise RefusedQuery("; ".join(dict.fromkeys(reasons)))
    return tree


def refusal(text: Any) -> str | None:
    try:
        check_select(text)
    except RefusedQuery as e:
        return str(e)
    return None


def render(tree: exp.Expression) -> str:
    return tree.sql(dialect=DIALECT)


# ---- sending ------------------------------------------------------------------------------------

_names = itertools.count(1)


def open_source(dsn: str, src_schema: str | list[str] | None = None) -> Any:
    """A connection to the source: autocommit between our own read-only transactions, every
    transaction READ ONLY (psycopg's BEGIN READ ONLY) and the session's default read-only too. A DuckDB file
    or a Parquet directory (duckdb:///, parquet:///) is opened by sqlsynth.filesource instead."""
    from .db import connect
    from .filesource import is_file_source, open_file_source

    if is_file_source(dsn):
        return open_file_source(dsn)

    conn = connect(dsn, what="source database", autocommit=True)
    try:
        conn.read_only = True
        conn.execute("SET SESSION default_transaction_read_only = on")
        conn.execute("SET SESSION standard_conforming_strings = on")  # strings read as sqlglot reads them
        if src_schema:  # one schema, or several (orm.yaml of several schemas, the extensions' schemas)
            from psycopg import sql

            names = [src_schema] if isinstance(src_schema, str) else list(src_schema)
            conn.execute(sql.SQL("SELECT set_config('search_path', {}, false)").format(
                sql.Literal(", ".join(sql.Identifier(n).as_string(conn) for n in names))))
    except BaseException:
        conn.close()
        raise
    return conn


def run_select(conn: Any, text: str) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of one gated SELECT (check_select, then send_prepared; on a file source,
    filesource.run_tree: the tree transpiled to DuckDB)."""
    from .filesource import is_duck_connection, run_tree

    tree = check_select(text)
    if is_duck_connection(conn):
        return run_tree(conn, tree)
    return send_prepared(conn, text)


def send_prepared(conn: Any, text: str) -> tuple[list[str], list[tuple]]:
    """The server's side of the gate (run_select is the way in): text in its own read-only
    transaction, through the extended protocol: prepared (the server refuses a second statement),
    described (a statement that returns no columns is refused before it runs), then executed."""
    import psycopg
    from psycopg import pq, sql
    from psycopg.errors import error_from_result

    name = f"sqlsynth_src_{next(_names)}"
    pg = conn.pgconn
    enc = conn.info.encoding
    prepared = False
    try:
        with conn.transaction():
            res = pg.prepare(name.encode(), text.encode(enc))
            if res.status != pq.ExecStatus.COMMAND_OK:
                raise error_from_result(res, encoding=enc)
            prepared = True
            desc = pg.describe_prepared(name.encode())
            if desc.status != pq.ExecStatus.COMMAND_OK:
                raise error_from_result(desc, encoding=enc)
            if desc.nfields == 0:
                raise RefusedQuery("the server reads it as a statement that returns no columns; only a SELECT "
                                   "may run on the source")
            cur = conn.execute(sql.SQL("EXECUTE {}").format(sql.Identifier(name)))
            columns = [d.name for d in cur.description or []]
            rows = cur.fetchall()
    finally:
        if prepared and not conn.closed:
            try:
                conn.execute(sql.SQL("DEALLOCATE {}").format(sql.Identifier(name)))
            except psycopg.Error:
                pass
    return columns, rows
