r"""make-vocab from a file source (a DuckDB file or a Parquet/CSV directory: sqlsynth.filesource):
the same ``<table>.copy[.gz]`` files as from PostgreSQL, so create-vocab loads them unchanged.

Rows are read in batches of BATCH (bounded memory) from the source's view, in the order of the
table's columns, and printed in PostgreSQL's COPY text format under the settings the header
records (DateStyle ISO, TimeZone UTC), by sqlsynth's one COPY encoder (sql/copytext.py): NULL is
``\N``, escapes, ``t``/``f``, ``\\x`` bytes, ISO dates, array literals, JSON for STRUCT and MAP.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any, Callable

from sqlglot import exp

from ..filesource import FileQueryError, open_file_source
from ..readonly import check_select
from ..schema.model import Schema
from ..sql.copytext import copy_field
from . import files

BATCH = 10_000


def copy_line(row: tuple) -> bytes:
    """One row in COPY text (sql/copytext.py, the one encoder); a timestamp with a time zone in UTC,
    as the file's header (TimeZone UTC) says."""
    return ("\t".join(copy_field(_utc(v)) for v in row) + "\n").encode("utf-8")


def _utc(v: Any) -> Any:
    if isinstance(v, dt.datetime) and v.tzinfo is not None:
        return v.astimezone(dt.timezone.utc)
    return v


def make_file_vocab(dsn: str, schema: Schema, todo: list[tuple[str, str]],
                    done: Callable[[str, str, int, float], None]) -> None:
    """Dump each (table, path) of todo from the file source; done(table, path, rows, seconds) after each."""
    conn = open_file_source(dsn)
    try:
        for table, path in todo:
            t = schema.tables[table]
            cols = [c.name for c in t.writable_columns()]
            key = (t.primary_key.columns if t.primary_key else cols) or cols
            sel = exp.select(*[exp.column(c, quoted=True) for c in cols]).from_(
                exp.Table(this=exp.to_identifier(t.relname or table, quoted=True),
                          db=exp.to_identifier("public", quoted=True))).order_by(
                *[exp.Ordered(this=exp.column(c, quoted=True), nulls_first=False) for c in key])
            check_select(sel.sql(dialect="postgres"))  # the read-only gate, as for a PostgreSQL source
            t0 = time.perf_counter()
            rows = 0
            with files.AtomicWriter(path) as out:
                out.write(files.header_line(t))
                cur = _cursor(conn, sel)
                while True:
                    batch = cur.fetchmany(BATCH)
                    if not batch:
                        break
                    out.write(b"".join(copy_line(r) for r in batch))
                    rows += len(batch)
                out.write(files.trailer(rows))
                out.commit()
            done(table, path, rows, time.perf_counter() - t0)
    finally:
        conn.close()


def _cursor(conn: Any, sel: exp.Expression) -> Any:
    import duckdb

    try:
        return conn.execute(sel.sql(dialect="duckdb"))
    except duckdb.Error as e:
        raise FileQueryError(f"DuckDB: {e}") from None

