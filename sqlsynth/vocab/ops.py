"""make-vocab, create-vocab and remove-vocab.

make-vocab    one REPEATABLE READ, READ ONLY transaction on the source (the files of one run are one
              snapshot); per table ``COPY (SELECT cols FROM t ORDER BY key) TO STDOUT`` into
              ``<table>.copy[.gz]``, written to ``.partial`` and renamed. Existing files are skipped
              unless forced, so an interrupted run resumes.
create-vocab  checks every file (present, header matching orm.yaml) and every destination table
              (exists, empty) first and reports all problems at once; then, in ONE transaction:
              drops the foreign keys declared on the vocabulary tables (each would be checked row by
              row during the load, and vocabulary tables may reference each other in any order or in
              a cycle), COPYs every file in, re-adds the foreign keys (which validates them), and
              moves serial/identity sequences past the loaded keys.
remove-vocab  TRUNCATEs the vocabulary tables in one statement. Foreign keys pointing at them from
              other tables would make TRUNCATE fail (and CASCADE would delete generated rows), so:
              if any referencing row exists it refuses, naming the tables; otherwise those foreign
              keys are dropped around the TRUNCATE and re-added, in the same transaction.

Foreign keys are read from pg_catalog at run time and re-created from pg_get_constraintdef, so
what is restored is exactly what was there (including ones sqlsynth did not create).
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..sql.sqlx import q, qtable
from ..db import connect, scrub
from ..errors import ExecutionError, SqlsynthError, first_line
from ..filesource import is_file_source
from ..readonly import RefusedQuery, check_select
from ..schema.model import Schema, Table
from ..schema.placement import Placement
from ..settings import Settings
from . import files
from .files import VocabError
from .pgcopy import apply_settings, copy_in, copy_out


@dataclass
class TableResult:
    table: str
    path: str
    rows: int = 0
    seconds: float = 0.0
    skipped: bool = False

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0


Report = Callable[[TableResult], None]


def _detail(e: BaseException) -> str:
    diag = getattr(e, "diag", None)
    extra = [x for x in (getattr(diag, "message_detail", None), getattr(diag, "context", None)) if x]
    return (" (" + "; ".join(x.splitlines()[0] for x in extra) + ")") if extra else ""


# ---- make-vocab ---------------------------------------------------------------------------------


def _check_only(schema: Schema, vocab: set[str], only: Iterable[str]) -> list[str]:
    listing = ", ".join(sorted(vocab)) or "none"
    problems = []
    for t in only:
        if t not in vocab:
            why = "is not a vocabulary table" if t in schema.tables else "is not a table of orm.yaml"
            problems.append(f"--only {t}: {t} {why} (vocabulary tables: {listing})")
    return problems


def _order_by(conn: Any, qualified: str, table: Table) -> str:
    """The primary key; without one, every column (those without a btree ordering compared as text)."""
    import psycopg

    if table.primary_key and table.primary_key.columns:
        return ", ".join(q(c) for c in table.primary_key.columns)
    cols = [q(c.name) for c in table.writable_columns()]

    def orderable(expr: str) -> bool:
        check_select(f"SELECT 1 FROM {qualified} ORDER BY {expr}")
        try:
            with conn.transaction():  # a savepoint: a failed EXPLAIN must not end the snapshot
                conn.execute(f"EXPLAIN SELECT 1 FROM {qualified} ORDER BY {expr}")
            return True
        except psycopg.Error:
            return False

    if orderable(", ".join(cols)):
        return ", ".join(cols)
    return ", ".join(c if orderable(c) else f"({c})::text" for c in cols)


def make_vocab(settings: Settings, schema: Schema, vocab: set[str], force: bool = False, compress: bool = False,
               only: Iterable[str] = (), directory: str = ".", report: Report | None = None) -> list[TableResult]:
    """Dump every vocabulary table (or those in ``only``) of the source into ``<table>.copy[.gz]``."""
    import psycopg

    only = list(dict.fromkeys(only))
    problems = _check_only(schema, vocab, only)
    if problems:
        raise VocabError(problems)
    tables = only or sorted(vocab)
    results: list[TableResult] = []
    todo: list[tuple[str, str]] = []
    for t in tables:
        path = files.copy_path(directory, t, compress)
        if os.path.exists(path) and not force:
            results.append(TableResult(t, path, skipped=True))
            if report:
                report(results[-1])
        else:
            todo.append((t, path))
    if not todo:
        return results
    dsn = settings.need_src()
    if is_file_source(dsn):  # a DuckDB file or a Parquet directory: the same files, written by duckrows
        from .duckrows import make_file_vocab

        def done(table: str, path: str, rows: int, secs: float) -> None:
            results.append(TableResult(table, path, rows, secs))
            if report:
                report(results[-1])

        try:
            make_file_vocab(dsn, schema, todo, done)
        except RefusedQuery as e:
            raise ExecutionError(f"make-vocab: {e}") from None
        return results
    conn = connect(dsn, what="source database")
    table = None
    try:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.transaction():
            apply_settings(conn)
            # the extensions' SQL functions (in index expressions, inlined by the planner) may name their
            # types unqualified: their schemas on the path
            conn.execute("SELECT set_config('search_path', %s, true)",
                         [", ".join(q(s) for s in schema.source_search_path)])
            for table, path in todo:
                t = schema.tables[table]
                qualified = qtable(*schema.source_name(table))
                cols = ", ".join(q(c.name) for c in t.writable_columns())
                select = f"SELECT {cols} FROM {qualified} ORDER BY {_order_by(conn, qualified, t)}"
                check_select(select)  # the read-only gate (names from orm.yaml, quoted); COPY ... TO STDOUT is ours
                query = f"COPY ({select}) TO STDOUT"
                t0 = time.perf_counter()
                with files.AtomicWriter(path) as out:
                    out.write(files.header_line(t))
                    rows = copy_out(conn, query, out.write)
                    out.write(files.trailer(rows))
                    out.commit()
                results.append(TableResult(table, path, rows, time.perf_counter() - t0))
                if report:
                    report(results[-1])
    except psycopg.Error as e:
        where = f"table {table}: " if table else ""
        raise ExecutionError(f"make-vocab: {where}{scrub(first_line(e), dsn)}{_detail(e)}") from None
    except RefusedQuery as e:
        raise ExecutionError(f"make-vocab: table {table}: {e}") from None
    finally:
        conn.close()
    return results


# ---- create-vocab -------------------------------------------------------------------------------


@dataclass
class _Source:
    table: str
    path: str
    kind: str  # "copy" | "yaml"
    header: files.Header | None = None


def _find_source(directory: str, table: Table) -> tuple[_Source | None, list[str]]:
    copy_file, copy_gz, yaml_file, yaml_gz = files.candidates(directory, table.name)
    found = [p for p in (copy_file, copy_gz) if os.path.exists(p)]
    if found:
        path = max(found, key=lambda p: os.stat(p).st_mtime_ns)  # the newest, if both forms exist
        try:
            header = files.read_header(path)
        except VocabError as e:
            return None, e.problems
        except OSError as e:
            return None, [f"{path}: cannot read: {e.strerror or e}"]
        problems = files.check_header(header, table, path)
        if header.table != table.name:
            problems.insert(0, f"{path}: the file holds table {header.table!r}, not {table.name!r}")
        try:
            files.check_trailer(path, table.name)
        except VocabError as e:
            problems += e.problems
        except OSError as e:
            problems.append(f"{path}: cannot read: {e.strerror or e}")
        return _Source(table.name, path, "copy", header), problems
    for p in (yaml_file, yaml_gz):
        if os.path.exists(p):
            return _Source(table.name, p, "yaml"), []
    return None, [f"{copy_file}: vocabulary file for table {table.name} not found (nor "
                  f"{os.path.basename(copy_gz)}, {os.path.basename(yaml_file)}, {os.path.basename(yaml_gz)}); "
                  "run make-vocab in the source network"]


def _regclasses(conn: Any, schema: Schema, dst: Placement, tables: list[str]) -> dict[str, int | None]:
    return {t: conn.execute("SELECT to_regclass(%s)::oid", [dst.qtable(schema.tables[t])]).fetchone()[0]
            for t in tables}


def _fks(conn: Any, where: str, params: list) -> list[tuple[str, str, str, str, list[str], str]]:
    """(table as regclass text, constraint name, definition, referenced table, columns, match type)."""
    return conn.execute(
        f"""SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.confrelid::regclass::text,
                   ARRAY(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a
                         ON a.attrelid = c.conrelid AND a.attnum = k), c.confmatchtype::text
            FROM pg_constraint c WHERE c.contype = 'f' AND c.conparentid = 0 AND {where} ORDER BY 1, 2""",
        params).fetchall()


def _drop_fks(conn: Any, fks: list) -> None:
    for rel, name, _d, *_ in fks:
        conn.execute(f"ALTER TABLE {rel} DROP CONSTRAINT {q(name)}")


def _add_fks(conn: Any, fks: list) -> None:
    import psycopg

    for rel, name, definition, *_ in fks:
        try:
            with conn.transaction():
                conn.execute(f"ALTER TABLE {rel} ADD CONSTRAINT {q(name)} {definition}")
        except psycopg.Error as e:
            raise ExecutionError(f"foreign key {name} on {rel} does not hold after the load: "
                                 f"{first_line(e)}{_detail(e)}; nothing was changed") from None


_NEXTVAL = re.compile(r"nextval\('((?:[^']|'')+)'(?:::regclass)?\)", re.I)


def _advance_sequences(conn: Any, dst: Placement, table: Table) -> None:
    """Move each serial/identity sequence of the table past its largest loaded key (never backwards)."""
    qualified = dst.qtable(table)
    for c in table.writable_columns():
        seq_sql, params = None, []
        if c.serial or c.identity:
            seq_sql, params = "pg_get_serial_sequence(%s, %s)", [qualified, c.name]
        elif c.default and (m := _NEXTVAL.fullmatch(c.default.strip())):
            name = m.group(1).replace("''", "'")
            seq_sql, params = "%s", [name if "." in name else f"{q(dst.where(table)[0])}.{name}"]
        if seq_sql is None:
            continue
        conn.execute(
            f"""SELECT setval(s, greatest(m, coalesce(pg_sequence_last_value(s), m)))
                FROM (SELECT to_regclass({seq_sql}) AS s) a, (SELECT max({q(c.name)}) AS m FROM {qualified}) b
                WHERE s IS NOT NULL AND m IS NOT NULL
                  AND m BETWEEN (SELECT seqmin FROM pg_sequence WHERE seqrelid = s)
                            AND (SELECT seqmax FROM pg_sequence WHERE seqrelid = s)""", params)


def _chunks(src: _Source, schema: Schema, table: Table) -> tuple[list[str], Iterable[bytes]]:
    if src.kind == "copy":
        assert src.header is not None
        return [n for n, _t in src.header.columns], files.VocabData(src.path, table.name)
    from .yamlrows import yaml_copy

    return yaml_copy(src.path, schema, table)


def create_vocab(settings: Settings, schema: Schema, vocab: set[str], dst: Placement, directory: str = ".",
                 report: Report | None = None) -> list[TableResult]:
    """Load every vocabulary table from its file into the destination, in one transaction."""
    import psycopg

    if settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to write into it")
    tables = sorted(vocab)
    if not tables:
        return []
    problems: list[str] = []
    sources: dict[str, _Source] = {}
    for t in tables:
        src, found = _find_source(directory, schema.tables[t])
        problems += found
        if src is not None:
            sources[t] = src
    embedded = not settings.dst_dsn  # the default destination: known only once started
    dsn = settings.need_dst()
    if embedded and settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to write into it")
    try:
        conn = connect(dsn, what="destination database")
    except SqlsynthError as e:
        if problems:  # report the files' problems too
            raise VocabError(problems + [str(e)]) from None
        raise
    results: list[TableResult] = []
    current: _Source | None = None
    try:
        with conn.transaction():
            oids = _regclasses(conn, schema, dst, tables)
            for t in tables:
                if oids[t] is None:
                    problems.append(f"table {t}: no such table in schema {dst.where(schema.tables[t])[0]} of the "
                                    "destination; run create-tables first")
                elif conn.execute(f"SELECT EXISTS (SELECT 1 FROM {dst.qtable(schema.tables[t])})").fetchone()[0]:
                    problems.append(f"table {t}: already holds rows; empty it first (remove-vocab)")
            if problems:
                raise VocabError(problems + [f"create-vocab: {len(problems)} problem(s) found; nothing was loaded"])
            fks = _fks(conn, "c.conrelid = ANY(%s::oid[])", [list(oids.values())])
            _drop_fks(conn, fks)
            for t in tables:
                current = sources[t]
                apply_settings(conn, current.header.settings if current.header else None)
                cols, chunks = _chunks(current, schema, schema.tables[t])
                t0 = time.perf_counter()
                rows = copy_in(conn, f"COPY {dst.qtable(schema.tables[t])} ({', '.join(q(c) for c in cols)}) FROM STDIN", chunks)
                if isinstance(chunks, files.VocabData) and chunks.rows != rows:
                    raise VocabError(f"{current.path}: the server loaded {rows} rows but make-vocab wrote "
                                     f"{chunks.rows}; run make-vocab --force --only {t}")
                results.append(TableResult(t, current.path, rows, time.perf_counter() - t0))
                if report:
                    report(results[-1])
            current = None
            _add_fks(conn, fks)
            for t in tables:
                _advance_sequences(conn, dst, schema.tables[t])
    except VocabError as e:
        if current is not None:  # a file found wrong while loading: one line, the load rolled back
            raise VocabError([f"{p}; nothing was loaded" for p in e.problems]) from None
        raise
    except psycopg.Error as e:
        where = f"table {current.table} ({current.path}): " if current else ""
        raise ExecutionError(f"create-vocab: {where}{scrub(first_line(e), dsn)}{_detail(e)}; nothing was loaded") from None
    except KeyboardInterrupt:
        raise ExecutionError("create-vocab: interrupted; the transaction was rolled back and nothing was loaded") from None
    try:
        conn.autocommit = True
        for r in results:
            conn.execute(f"ANALYZE {dst.qtable(schema.tables[r.table])}")
    except psycopg.Error:
        pass  # statistics are a nicety; the load is committed
    finally:
        conn.close()
    return results


# ---- remove-vocab -------------------------------------------------------------------------------


def remove_vocab(settings: Settings, schema: Schema, vocab: set[str], dst: Placement) -> list[str]:
    """Empty the vocabulary tables; refuse (changing nothing) while rows of other tables refer to them."""
    import psycopg

    if settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to remove data from it")
    tables = sorted(vocab)
    if not tables:
        return []
    embedded = not settings.dst_dsn  # the default destination: known only once started
    dsn = settings.need_dst()
    if embedded and settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to remove data from it")
    conn = connect(dsn, what="destination database")
    try:
        with conn.transaction():
            oids = _regclasses(conn, schema, dst, tables)
            missing = [t for t in tables if oids[t] is None]
            present = [t for t in tables if oids[t] is not None]
            ids = [oids[t] for t in present]
            if ids:  # no other session may add referencing rows between the check and the TRUNCATE
                conn.execute(f"LOCK TABLE {', '.join(dst.qtable(schema.tables[t]) for t in present)} IN ACCESS EXCLUSIVE MODE")
            fks = _fks(conn, "c.confrelid = ANY(%s::oid[]) AND NOT c.conrelid = ANY(%s::oid[])", [ids, ids])
            problems = []
            for rel, name, _d, ref, cols, match in fks:
                joiner = " OR " if match == "f" else " AND "  # MATCH FULL refers as soon as one column is set
                cond = joiner.join(f"{q(c)} IS NOT NULL" for c in cols)
                if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {rel} WHERE {cond})").fetchone()[0]:
                    problems.append(f"table {rel} holds rows that refer to vocabulary table {ref} "
                                    f"(foreign key {name}); empty it first (remove-data)")
            if problems:
                raise VocabError(problems + ["remove-vocab: nothing was changed"])
            if present:
                _drop_fks(conn, fks)
                conn.execute(f"TRUNCATE {', '.join(dst.qtable(schema.tables[t]) for t in present)} RESTART IDENTITY")
                _add_fks(conn, fks)
    except psycopg.Error as e:
        raise ExecutionError(f"remove-vocab: {scrub(first_line(e), dsn)}{_detail(e)}; nothing was changed") from None
    finally:
        conn.close()
    return [t for t in tables if t not in missing]
