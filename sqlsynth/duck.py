"""DuckDB locations: ``duckdb:///relative/file.duckdb``, ``duckdb:////absolute/file.duckdb`` and
``duckdb:///:memory:`` (SQLAlchemy's spelling, as datafaker writes it), opened with the ``duckdb``
package's own API (duckdb-engine does not work with SQLAlchemy 2.1).

A DSN of this scheme makes DuckDB the engine of whatever setting holds it (SRC_DSN or DST_DSN);
any other DSN is PostgreSQL's.
"""

from __future__ import annotations

from typing import Any

from .errors import ConnectionFailed, first_line

SCHEME = "duckdb:"
MEMORY = ":memory:"


def is_duckdb(dsn: str | None) -> bool:
    """True when the DSN names a DuckDB database."""
    return bool(dsn) and dsn.strip().lower().startswith(SCHEME)


def duckdb_path(dsn: str) -> str:
    """The database file a duckdb: DSN names (``:memory:`` for an in-memory database).

    ``duckdb:///a.duckdb`` is ``a.duckdb`` in the working directory; ``duckdb:////tmp/a.duckdb``
    is ``/tmp/a.duckdb``; query parameters are not accepted."""
    text = dsn.strip()
    rest = text[len(SCHEME):]
    if not rest.startswith("///"):
        raise ValueError("a DuckDB DSN is duckdb:///<path> (three slashes, then the path; "
                         "four slashes for an absolute path), or duckdb:///:memory:")
    path = rest[3:]
    if "?" in path:
        raise ValueError("a DuckDB DSN takes no ?parameters")
    if not path:
        raise ValueError("a DuckDB DSN needs a file path after duckdb:///")
    return path


def connect_duckdb(dsn: str, what: str = "database", read_only: bool = False) -> Any:
    """A duckdb connection, or ConnectionFailed naming the database in one line."""
    import duckdb

    try:
        path = duckdb_path(dsn)
    except ValueError as e:
        raise ConnectionFailed(f"the {what} {dsn.strip()!r} is not a valid DuckDB DSN: {e}") from None
    try:
        return duckdb.connect(path, read_only=read_only and path != MEMORY)
    except duckdb.Error as e:
        raise ConnectionFailed(f"cannot open the {what} {path}: {first_line(e)}") from None
