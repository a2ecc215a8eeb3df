"""dump-data: the destination's tables as files, ``<table>.csv`` or ``<table>.parquet``, in a directory.

The directory appears whole or not at all: every file is written into a temporary directory
beside it (``.<name>.partial-XXXX``), which is renamed to the target at the end; a failure or
Ctrl-C removes the temporary directory and leaves an existing target as it was. An existing
target is replaced only with --force (the old one is moved aside, the new one renamed in, the
old one removed).

PostgreSQL destination
    CSV: ``COPY (SELECT ... ORDER BY <primary key>) TO STDOUT (FORMAT csv, HEADER)`` streamed to the
    file. Parquet: the same COPY (under ISO dates, UTC and hex bytea), sent by vocab.pgcopy.copy_out
    through a pipe from a second thread, read by pyarrow's streaming CSV
    reader with each column's Arrow type, block by block (BLOCK bytes of CSV), gathered into row
    groups of ROW_GROUP rows of a ParquetWriter: parsing in C++, memory bounded by a row group.
    Types (PostgreSQL -> Arrow): smallint/integer/bigint -> int16/int32/int64, real/double precision ->
    float32/float64, numeric(p,s) with p <= 38 -> decimal128(p,s), boolean -> bool, date -> date32,
    timestamp -> timestamp[us] (with time zone: timestamp[us, UTC]), time -> time64[us], bytea ->
    binary; everything else (text, varchar, numeric without precision, uuid, json, enums, intervals,
    arrays, ranges, ...) is cast to text in the SELECT and written as string. A domain is its base type.
DuckDB destination (DST_DSN=duckdb:///file)
    DuckDB writes the file itself (the relation's write_csv / write_parquet, i.e. COPY ... TO),
    from a read-only connection.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import threading
from typing import IO, Any, Callable

from sqlglot import exp

from ..db import connect, scrub
from ..duck import connect_duckdb, is_duckdb
from ..errors import ExecutionError, SqlsynthError, first_line
from ..schema.model import Schema, Table
from ..vocab.pgcopy import copy_out

BLOCK = 1 << 20  # bytes of CSV the reader parses at a time
ROW_GROUP = 131_072  # rows per row group of a Parquet file (blocks are gathered up to it)
EXACT = {"DateStyle": "ISO, YMD", "TimeZone": "UTC", "bytea_output": "hex", "extra_float_digits": "3"}
FORMATS = ("csv", "parquet")
_INTS = {"smallint": "int16", "integer": "int32", "bigint": "int64"}
_NUMERIC = re.compile(r"^numeric\((\d+),(\d+)\)$")


def arrow_type(type_sql: str, schema: Schema | None = None) -> Any:
    """The Arrow type a PostgreSQL column is written as, or None: cast to text, written as string."""
    import pyarrow as pa

    t = type_sql.strip().lower().replace(", ", ",")
    if schema is not None and type_sql in schema.domains:
        return arrow_type(schema.domains[type_sql].base, schema)
    if t in _INTS:
        return getattr(pa, _INTS[t])()
    if t == "real":
        return pa.float32()
    if t == "double precision":
        return pa.float64()
    m = _NUMERIC.match(t)
    if m and 0 < int(m.group(1)) <= 38:
        return pa.decimal128(int(m.group(1)), int(m.group(2)))
    if t == "boolean":
        return pa.bool_()
    if t == "date":
        return pa.date32()
    if t.startswith("timestamp"):
        return pa.timestamp("us", tz="UTC" if "with time zone" in t else None)
    if t.startswith("time") and "with time zone" not in t:
        return pa.time64("us")
    if t == "bytea":
        return pa.binary()
    return None


def _columns(t: Table) -> list[str]:
    return list(t.columns)


def _select(where: tuple[str, str], t: Table, schema: Schema | None, arrow: bool) -> exp.Select:
    """SELECT every column of the table (as text where Arrow has no type for it), ordered by its key."""
    cols: list[exp.Expression] = []
    for name in _columns(t):
        c: exp.Expression = exp.column(name, quoted=True)
        at = arrow_type(t.columns[name].type, schema) if arrow else False
        if at is None:
            c = exp.alias_(exp.Cast(this=c, to=exp.DataType.build("TEXT")), name, quoted=True)
        elif at is not False and getattr(at, "tz", None):  # read back without an offset (_finish)
            c = exp.alias_(exp.AtTimeZone(this=c, zone=exp.Literal.string("UTC")), name, quoted=True)
        cols.append(c)
    sel = exp.select(*cols).from_(exp.Table(this=exp.to_identifier(where[1], quoted=True),
                                            db=exp.to_identifier(where[0], quoted=True)))
    key = t.primary_key.columns if t.primary_key else []
    return sel.order_by(*[exp.column(k, quoted=True) for k in key]) if key else sel


class OutputDir:
    """A temporary directory beside ``target``, renamed to it by commit(); removed otherwise."""

    def __init__(self, target: str, force: bool):
        self.target = os.path.abspath(target)
        if os.path.lexists(self.target) and not force:
            raise SqlsynthError(f"{target} already exists; use --force to replace it")
        if os.path.lexists(self.target) and not os.path.isdir(self.target):
            raise SqlsynthError(f"{target} exists and is not a directory")
        parent = os.path.dirname(self.target)
        if not os.path.isdir(parent):
            raise SqlsynthError(f"{os.path.dirname(target) or '.'}: no such directory")
        self.tmp = tempfile.mkdtemp(prefix=f".{os.path.basename(self.target)}.partial-", dir=parent)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, 0o777 & ~umask)  # mkdtemp's 0700 would outlive the rename
        self.done = False

    def path(self, name: str) -> str:
        return os.path.join(self.tmp, name)

    def commit(self) -> None:
        old = None
        if os.path.isdir(self.target):
            old = tempfile.mkdtemp(prefix=f".{os.path.basename(self.target)}.old-", dir=os.path.dirname(self.target))
            os.rmdir(old)
            os.rename(self.target, old)
        try:
            os.rename(self.tmp, self.target)
        except BaseException:
            if old is not None:
                os.rename(old, self.target)  # the old directory back where it was
            raise
        self.done = True
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def __enter__(self) -> "OutputDir":
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.done:
            shutil.rmtree(self.tmp, ignore_errors=True)


def file_name(table: str, fmt: str) -> str:
    return table.replace("%", "%25").replace("/", "%2F").replace("\0", "%00") + "." + fmt


# ---- PostgreSQL ---------------------------------------------------------------------------------

def _pg_csv(conn: Any, sel: exp.Select, out: IO[bytes]) -> int:
    """COPY (sel) TO STDOUT (FORMAT csv, HEADER) into out (vocab.pgcopy's raw loop, ~1 MiB writes)."""
    with conn.transaction():
        return copy_out(conn, f"COPY ({sel.sql(dialect='postgres')}) TO STDOUT (FORMAT csv, HEADER)", out.write)


def _read_type(t: Any) -> Any:
    """The type pyarrow's CSV reader parses a column as, before _finish turns it into t."""
    import pyarrow as pa

    if pa.types.is_timestamp(t):
        return pa.timestamp("us")  # parsed by the reader (timestamptz was selected AT TIME ZONE 'UTC')
    if pa.types.is_time(t) or pa.types.is_binary(t):
        return pa.string()
    return t


def _finish(column: Any, t: Any) -> Any:
    """A column the CSV reader read as text, as the Arrow type t: bytea's \\x hex, ISO times and
    timestamps (timestamptz was selected AT TIME ZONE 'UTC', so every timestamp is read without offset)."""
    import pyarrow as pa

    if pa.types.is_binary(t):
        return pa.array([None if v is None else bytes.fromhex(v[2:]) for v in column.to_pylist()], type=t)
    if pa.types.is_timestamp(t):
        return column.cast(t)
    import datetime as dt

    return pa.array([None if v is None else dt.time.fromisoformat(v) for v in column.to_pylist()], type=t)


def _write_group(writer: Any, batches: list[Any]) -> None:
    """The batches as one row group."""
    import pyarrow as pa

    table = pa.Table.from_batches(batches)
    writer.write_table(table, row_group_size=max(table.num_rows, 1))


def _pg_parquet(conn: Any, sel: exp.Select, t: Table, schema: Schema, path: str) -> int:
    """COPY (sel) TO STDOUT (FORMAT csv) read by pyarrow's streaming CSV reader with the columns'
    Arrow types, each block written as a row group: C++ parsing, memory bounded by the block."""
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    fields = [pa.field(n, arrow_type(t.columns[n].type, schema) or pa.string(), nullable=t.columns[n].nullable)
              for n in _columns(t)]
    arrow_schema = pa.schema(fields)
    read_schema = pa.schema([pa.field(f.name, _read_type(f.type)) for f in fields])
    with conn.transaction():
        for name, value in EXACT.items():  # ISO dates, UTC, hex bytea: what the reader parses
            conn.execute("SELECT set_config(%s, %s, true)", [name, value])
        text = f"COPY ({sel.sql(dialect='postgres')}) TO STDOUT (FORMAT csv, HEADER)"
        r, w = os.pipe()
        sink, source = os.fdopen(w, "wb"), os.fdopen(r, "rb")
        failed: list[BaseException] = []

        def produce() -> None:  # the COPY (vocab.pgcopy: libpq's raw loop, ~1 MiB writes) into the pipe
            try:
                copy_out(conn, text, sink.write)
            except BaseException as e:  # noqa: BLE001 - re-raised below, before any reader error
                failed.append(e)
            finally:
                try:
                    sink.close()
                except OSError:
                    pass

        th = threading.Thread(target=produce, name="sqlsynth-dump-copy", daemon=True)
        th.start()
        rows = 0
        try:
            reader = pcsv.open_csv(source, read_options=pcsv.ReadOptions(block_size=BLOCK),
                                   convert_options=pcsv.ConvertOptions(
                                       column_types=read_schema, true_values=["t"], false_values=["f"],
                                       null_values=[""], strings_can_be_null=True,
                                       quoted_strings_can_be_null=False))
            with pq.ParquetWriter(path, arrow_schema) as writer:
                pending: list[Any] = []  # blocks of the next row group (ROW_GROUP rows)
                for batch in reader:
                    cols = [_finish(batch.column(i), f.type) if _read_type(f.type) != f.type else batch.column(i)
                            for i, f in enumerate(fields)]
                    pending.append(pa.record_batch(cols, schema=arrow_schema))
                    rows += batch.num_rows
                    if sum(b.num_rows for b in pending) >= ROW_GROUP:
                        _write_group(writer, pending)
                        pending = []
                if pending:
                    _write_group(writer, pending)
        except BaseException:
            source.close()  # the producer's next write fails: COPY is cancelled
            th.join()
            if failed and not isinstance(failed[0], OSError):
                raise failed[0] from None
            raise
        th.join()
        source.close()
        if failed:
            raise failed[0]
    return rows


def dump_postgres(dsn: str, schema: Schema, tables: list[Table], where: Callable[[Table], tuple[str, str]],
                  fmt: str, out: OutputDir | None, stdout: IO[bytes] | None = None,
                  report: Callable[[str, str, int], None] | None = None) -> list[tuple[str, str, int]]:
    """Write each table (CSV or Parquet) into out (or, one CSV table, to stdout)."""
    import psycopg

    conn = connect(dsn, what="destination database")
    done: list[tuple[str, str, int]] = []
    table = None
    try:
        conn.read_only = True
        for t in tables:
            table = t.name
            sel = _select(where(t), t, schema, arrow=fmt == "parquet")
            if stdout is not None:
                n = _pg_csv(conn, sel, stdout)
                path = "-"
            elif fmt == "csv":
                path = out.path(file_name(t.name, fmt))  # type: ignore[union-attr]
                with open(path, "wb") as fh:
                    n = _pg_csv(conn, sel, fh)
            else:
                path = out.path(file_name(t.name, fmt))  # type: ignore[union-attr]
                n = _pg_parquet(conn, sel, t, schema, path)
            done.append((t.name, file_name(t.name, fmt), n))
            if report:
                report(t.name, path, n)
    except psycopg.Error as e:
        raise ExecutionError(f"dump-data: table {table}: {scrub(first_line(e), dsn)}; nothing was written") from None
    except (ArithmeticError, TypeError, ValueError) as e:  # pyarrow's ArrowInvalid is a ValueError (NaN in a decimal)
        raise ExecutionError(f"dump-data: table {table}: Parquet: {first_line(e)}; nothing was written") from None
    finally:
        conn.close()
    return done


# ---- DuckDB -------------------------------------------------------------------------------------

def dump_duckdb(dsn: str, tables: list[Table], where: Callable[[Table], tuple[str, str]], fmt: str,
                out: OutputDir | None, stdout: IO[bytes] | None = None,
                report: Callable[[str, str, int], None] | None = None) -> list[tuple[str, str, int]]:
    import duckdb

    conn = connect_duckdb(dsn, what="destination database", read_only=True)
    done: list[tuple[str, str, int]] = []
    table = None
    try:
        for t in tables:
            table = t.name
            schema_name, name = where(t)
            have = {r[0] for r in conn.execute("SELECT schema_name FROM duckdb_tables() WHERE table_name = ?",
                                               [name]).fetchall()}
            if schema_name not in have:
                if len(have) != 1:
                    raise SqlsynthError(f"dump-data: table {t.name}: not found in schema {schema_name} of the "
                                        "DuckDB destination")
                schema_name = next(iter(have))
            sel = _select((schema_name, name), t, None, arrow=False)
            rel = conn.sql(sel.sql(dialect="duckdb"))
            n = conn.sql(exp.select(exp.Count(this=exp.Star())).from_(
                exp.Table(this=exp.to_identifier(name, quoted=True), db=exp.to_identifier(schema_name, quoted=True))
            ).sql(dialect="duckdb")).fetchone()[0]
            if stdout is not None:
                path = "-"
                tmp = tempfile.NamedTemporaryFile(suffix=".csv", delete=False)
                tmp.close()
                try:
                    rel.write_csv(tmp.name, header=True)
                    with open(tmp.name, "rb") as fh:
                        shutil.copyfileobj(fh, stdout)
                finally:
                    os.unlink(tmp.name)
            else:
                path = out.path(file_name(t.name, fmt))  # type: ignore[union-attr]
                if fmt == "csv":
                    rel.write_csv(path, header=True)
                else:
                    rel.write_parquet(path)
            done.append((t.name, file_name(t.name, fmt), int(n)))
            if report:
                report(t.name, path, int(n))
    except duckdb.Error as e:
        raise ExecutionError(f"dump-data: table {table}: DuckDB: {first_line(e)}; nothing was written") from None
    finally:
        conn.close()
    return done


def dump_data(dsn: str, schema: Schema, tables: list[Table], where: Callable[[Table], tuple[str, str]],
              output: str, fmt: str = "csv", force: bool = False,
              report: Callable[[str, str, int], None] | None = None) -> list[tuple[str, str, int]]:
    """Write the tables into the directory output (whole or not at all), or one CSV table to stdout ("-")."""
    if fmt not in FORMATS:
        raise SqlsynthError(f"dump-data: unknown format {fmt!r} (csv or parquet)")
    run = dump_duckdb if is_duckdb(dsn) else None
    if output == "-":
        if fmt != "csv" or len(tables) != 1:
            raise SqlsynthError("dump-data --output - writes one table as CSV: name it with --table "
                                "(and no --parquet)")
        stdout = sys.stdout.buffer
        if run is not None:
            return run(dsn, tables, where, fmt, None, stdout, report)
        return dump_postgres(dsn, schema, tables, where, fmt, None, stdout, report)
    with OutputDir(output, force) as out:
        if run is not None:
            done = run(dsn, tables, where, fmt, out, None, report)
        else:
            done = dump_postgres(dsn, schema, tables, where, fmt, out, None, report)
        out.commit()
    return done
