"""Sources that are files: a DuckDB database (``SRC_DSN=duckdb:///file.duckdb``) or a directory of
Parquet/CSV files (``SRC_DSN=parquet:///dir``, or ``make-tables --parquet-dir DIR``).

Either is opened as an in-memory DuckDB whose schema ``public`` holds one view per source table,
so that the queries make-stats writes for a PostgreSQL source (``"public"."t"``) read it unchanged:

- a DuckDB file is ATTACHed ``READ_ONLY`` as ``src``; the views read ``src.main.<t>`` (or, when main
  has no table, the file's only schema with tables);
- a directory gives a view per ``<t>.parquet`` / ``<t>.csv`` / ``<t>.csv.gz`` (read_parquet, read_csv);

then file access is confined (``allowed_directories`` to the directory alone, ``enable_external_access
= false``, ``lock_configuration``). Queries reach DuckDB through run_tree only: a tree that passed
sqlsynth.readonly's gate (one PostgreSQL SELECT), transpiled by sqlglot to DuckDB's dialect,
checked again by DuckDB's own parser to be exactly one SELECT, then run. A DuckDB file cannot be
written through its read-only attachment whatever the query; a Parquet directory is protected by
the two SELECT checks.
"""

from __future__ import annotations

import os
from typing import Any

from sqlglot import exp

from .duck import connect_duckdb, duckdb_path, is_duckdb
from .errors import ConnectionFailed, SqlsynthError, first_line

PARQUET_SCHEME = "parquet:"
ATTACHED = "src"  # the DuckDB file's alias inside the in-memory database
VIEWS = "public"  # the schema of the views (the schema orm.yaml records for a file source)
SUFFIXES = {".parquet": "parquet", ".csv": "csv", ".csv.gz": "csv"}


class FileQueryError(SqlsynthError):
    """A query a file source cannot run (not transpilable to DuckDB, or DuckDB refused it)."""


def is_parquet(dsn: str | None) -> bool:
    return bool(dsn) and dsn.strip().lower().startswith(PARQUET_SCHEME)


def is_file_source(dsn: str | None) -> bool:
    """True for duckdb:/// and parquet:/// DSNs (a DuckDB file, or a directory of Parquet/CSV files)."""
    return is_duckdb(dsn) or is_parquet(dsn)


def parquet_dsn(directory: str) -> str:
    """The DSN of a directory (absolute, so that orm.yaml names it from anywhere)."""
    return PARQUET_SCHEME + "///" + os.path.abspath(directory)


def parquet_dir(dsn: str) -> str:
    """The directory of parquet:///relative/dir or parquet:////absolute/dir."""
    rest = dsn.strip()[len(PARQUET_SCHEME):]
    if not rest.startswith("///") or len(rest) == 3:
        raise ConnectionFailed("a Parquet source is parquet:///<directory> (three slashes, then the path; four "
                               "for an absolute path)")
    return rest[3:]


def files_of(directory: str) -> dict[str, tuple[str, str]]:
    """{table: (file path, DuckDB reader)} of a directory; a table given by two files is refused."""
    if not os.path.isdir(directory):
        raise ConnectionFailed(f"the source directory {directory} does not exist")
    out: dict[str, tuple[str, str]] = {}
    for name in sorted(os.listdir(directory)):
        for suffix, reader in SUFFIXES.items():
            if name.endswith(suffix) and os.path.isfile(os.path.join(directory, name)):
                table = name[: -len(suffix)]
                if table in out:
                    raise ConnectionFailed(f"{directory}: table {table} is given by two files "
                                           f"({os.path.basename(out[table][0])} and {name}); keep one")
                out[table] = (os.path.abspath(os.path.join(directory, name)), reader)
                break
    if not out:
        raise ConnectionFailed(f"the source directory {directory} holds no .parquet, .csv or .csv.gz file")
    return out


def _view(name: str, source: exp.Expression) -> str:
    create = exp.Create(this=exp.Table(this=exp.to_identifier(name, quoted=True),
                                       db=exp.to_identifier(VIEWS, quoted=True)),
                        kind="VIEW", expression=exp.select("*").from_(source))
    return create.sql(dialect="duckdb")


def attached_schema(conn: Any, path: str) -> str:
    """The schema of the DuckDB file that is read: main, or the only schema with tables when main has none."""
    rows = conn.execute("SELECT schema_name, count(*) FROM duckdb_tables() WHERE database_name = ? GROUP BY 1",
                        [ATTACHED]).fetchall()
    have = {r[0] for r in rows}
    if "main" in have or len(have) != 1:
        if not have:
            raise ConnectionFailed(f"the source database {path} has no table")
        if "main" not in have:
            raise ConnectionFailed(f"the source database {path} has no table in schema main, and tables in "
                                   f"several others ({', '.join(sorted(have))}); only one schema is read")
        return "main"
    return next(iter(have))


def open_file_source(dsn: str) -> Any:
    """An in-memory DuckDB connection whose schema ``public`` has a view per table of the source."""
    import duckdb

    conn = connect_duckdb("duckdb:///:memory:", what="source database")
    try:
        conn.execute(exp.Create(this=exp.Table(this=exp.to_identifier(VIEWS, quoted=True)), kind="SCHEMA",
                                exists=True).sql(dialect="duckdb"))
        if is_duckdb(dsn):
            path = duckdb_path(dsn)
            if not os.path.isfile(path):
                raise ConnectionFailed(f"the source database {path} does not exist")
            conn.execute(f"ATTACH {exp.Literal.string(path).sql(dialect='duckdb')} AS {ATTACHED} (READ_ONLY)")
            schema = attached_schema(conn, path)
            names = [r[0] for r in conn.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = ? "
                "ORDER BY table_name", [ATTACHED, schema]).fetchall()]
            for t in names:
                conn.execute(_view(t, exp.Table(this=exp.to_identifier(t, quoted=True),
                                                db=exp.to_identifier(schema, quoted=True),
                                                catalog=exp.to_identifier(ATTACHED, quoted=True))))
            conn.execute("SET enable_external_access = false")
        else:
            directory = parquet_dir(dsn)
            for t, (path, reader) in files_of(directory).items():
                literal = exp.Literal.string(path)
                conn.execute(_view(t, exp.ReadParquet(expressions=[literal]) if reader == "parquet"
                                   else exp.ReadCSV(this=literal)))
            allowed = os.path.abspath(directory).rstrip("/") + "/"
            conn.execute("SET allowed_directories = ?", [[allowed]])
            conn.execute("SET enable_external_access = false")
        conn.execute("SET search_path = 'public'")
        conn.execute("SET integer_division = true")  # PostgreSQL's: 7 / 2 is 3 (DuckDB's / gives 3.5)
        conn.execute("SET lock_configuration = true")
    except duckdb.Error as e:
        conn.close()
        raise ConnectionFailed(f"cannot open the source {dsn.strip()}: {first_line(e)}") from None
    except BaseException:
        conn.close()
        raise
    return conn


def is_duck_connection(conn: Any) -> bool:
    return type(conn).__module__.split(".")[0].lstrip("_") == "duckdb"


def transpile(tree: exp.Expression) -> str:
    """A PostgreSQL SELECT tree as DuckDB SQL; FileQueryError when sqlglot cannot write it."""
    import sqlglot

    try:
        return tree.sql(dialect="duckdb", unsupported_level=sqlglot.ErrorLevel.RAISE)
    except sqlglot.errors.SqlglotError as e:
        raise FileQueryError(f"cannot be translated from PostgreSQL to DuckDB SQL for a file source: "
                             f"{first_line(e)}") from None


def run_tree(conn: Any, tree: exp.Expression) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of a gated SELECT tree on a file source (see the module docstring)."""
    import duckdb

    text = transpile(tree)
    try:
        statements = conn.extract_statements(text)
        if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
            raise FileQueryError("DuckDB does not read it as exactly one SELECT; only a SELECT may run on the source")
        cur = conn.execute(text)
        columns = [d[0] for d in cur.description or []]
        return columns, cur.fetchall()
    except duckdb.Error as e:
        raise FileQueryError(f"DuckDB: {first_line(e)}") from None
