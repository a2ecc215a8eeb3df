r"""make-vocab from a file source (a DuckDB file or a Parquet/CSV directory: sqlsynth.filesource):
the same ``<table>.copy[.gz]`` files as from PostgreSQL, so create-vocab loads them unchanged.

Rows are read in batches of BATCH (bounded memory) from the source's view, in the order of the
table's columns, and printed in PostgreSQL's COPY text format under the settings the header
records (DateStyle ISO, TimeZone UTC): NULL is ``\N``; backslash, tab, newline and carriage
return are escaped; booleans ``t``/``f``; bytes as ``\\x<hex>``; dates and times in ISO form;
lists as array literals (``{a,"b c",NULL}``); dicts (STRUCT, MAP) as JSON.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import math
import time
from typing import Any, Callable

from sqlglot import exp

from ..filesource import FileQueryError, open_file_source
from ..readonly import check_select
from ..schema.model import Schema
from . import files

BATCH = 10_000
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def text_value(v: Any) -> str:
    """A value as PostgreSQL prints it in COPY text (before COPY's own escaping)."""
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return repr(v)
    if isinstance(v, (int, decimal.Decimal, str)):
        return str(v)
    if isinstance(v, dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(dt.timezone.utc)
            return v.replace(tzinfo=None).isoformat(sep=" ") + "+00"
        return v.isoformat(sep=" ")
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, dt.timedelta):
        return f"{v.days} days {v.seconds} seconds {v.microseconds} microseconds"
    if isinstance(v, (bytes, bytearray, memoryview)):
        return "\\x" + bytes(v).hex()
    if isinstance(v, (list, tuple)):
        return "{" + ",".join(_array_item(x) for x in v) + "}"
    if isinstance(v, dict):
        return json.dumps(v, default=str, ensure_ascii=False)
    return str(v)


def _array_item(x: Any) -> str:
    if x is None:
        return "NULL"
    s = text_value(x)
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def copy_line(row: tuple) -> bytes:
    return ("\t".join("\\N" if v is None else text_value(v).translate(_ESCAPES) for v in row) + "\n").encode("utf-8")


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

