"""The destination commands on DuckDB (DST_DSN=duckdb:///file.duckdb): create/remove tables, data and
vocabulary. Each runs in one DuckDB transaction; on an error it is rolled back and one line names
the table (and its config path): nothing was written.

Value pools and vocabulary rows go in as Arrow tables (pyarrow), never row by row. remove-data and
remove-vocab empty tables children first, one transaction per table: DuckDB refuses to delete a
parent's rows in the transaction that deleted its children's (its foreign-key limitation), so a
failure part-way leaves the children emptied and the parents whole, and running it again finishes.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Iterable

from sqlglot import exp

from ..compile.duckdb import HASH_MACROS, DuckProgram
from ..duck import connect_duckdb, duckdb_path
from ..errors import ExecutionError, SqlsynthError, first_line
from ..schema import ddl_duckdb
from ..schema.model import Schema
from ..sql.sqlx import q

Report = Callable[[str], None]
ENGINE = ddl_duckdb.ENGINE


def _error() -> tuple[type[BaseException], ...]:
    import duckdb

    return (duckdb.Error,)


def _rows(conn: Any, qtable: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {qtable} LIMIT 1").fetchone() is not None


def _existing(conn: Any) -> set[tuple[str, str]]:
    return {(s, t) for s, t in conn.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall()}


def _checker(prelude: list[str]) -> Callable[[str, str], str | None]:
    """accept_check for ddl_duckdb: tries a CHECK on a scratch in-memory DuckDB (same schemas, enums)."""
    import duckdb

    scratch = duckdb.connect(":memory:")
    for st in prelude:
        scratch.execute(st)

    def accept(create: str, check: str) -> str | None:
        scratch.execute("BEGIN")
        try:
            scratch.execute(create[:-1] + f", CHECK ({check}))")
            return None
        except duckdb.Error as e:
            return first_line(e)
        finally:
            scratch.execute("ROLLBACK")

    return accept


def create_tables(dsn: str, schema: Schema, skip: set[str], dst_schema: str | None = None) -> tuple[list[str], list[str]]:
    """Create the tables (and enums) in one transaction: (tables, warnings)."""
    plain = ddl_duckdb.create_statements(schema, skip, dst_schema)  # raises every bad type at once
    prelude = [s for s in plain.statements if s.startswith(("CREATE SCHEMA", "SET ", "CREATE TYPE"))]
    ddl = ddl_duckdb.create_statements(schema, skip, dst_schema, accept_check=_checker(prelude))
    _run(dsn, ddl.statements, "create-tables", "nothing was created")
    return ddl.tables, ddl.warnings


def remove_tables(dsn: str, schema: Schema, skip: set[str], dst_schema: str | None = None) -> list[str]:
    _run(dsn, ddl_duckdb.drop_statements(schema, skip, dst_schema), "remove-tables", "nothing was dropped")
    return [t for t in sorted(schema.tables) if t not in skip and not schema.tables[t].is_partition]


def _run(dsn: str, statements: list[str], what: str, nothing: str) -> None:
    conn = connect_duckdb(dsn, "destination database")
    try:
        conn.execute("BEGIN")
        for st in statements:
            conn.execute(st)
        conn.execute("COMMIT")
    except _error() as e:
        conn.execute("ROLLBACK")
        raise ExecutionError(f"{what} on {ENGINE} {duckdb_path(dsn)}: {first_line(e)}; {nothing}") from None
    finally:
        conn.close()


def _pool_table(values: list[str]) -> Any:
    import pyarrow as pa

    keys = pa.array(range(1, len(values) + 1), pa.int32())
    return pa.table({"k": keys, "v": pa.array(values, pa.string())})


def pool_tables(prog: DuckProgram) -> dict[str, Any]:
    """The program's value pools as Arrow tables (k, v), built once per program."""
    for pool in prog.pools:
        if pool.table_name not in prog.arrow:
            prog.arrow[pool.table_name] = _pool_table(pool.build())
    return prog.arrow


def create_data(dsn: str, prog: DuckProgram, report: Report | None = None, progress=None) -> None:
    """Run the program in one transaction; refuse tables that already hold rows (nothing written)."""
    conn = connect_duckdb(dsn, "destination database")
    current = None
    try:
        conn.execute("SET integer_division = true")  # PostgreSQL's integer division, which the plan assumes
        if prog.search_path:  # the enums' schema, as on PostgreSQL
            conn.execute("SET search_path = " + exp.Literal.string(",".join(prog.search_path)).sql("duckdb"))
        conn.execute("BEGIN")
        for m in HASH_MACROS:
            conn.execute(m)
        full = [t for t in prog.targets if _rows(conn, prog.qtables[t])]
        if full:
            raise SqlsynthError(f"create-data: table{'s' if len(full) > 1 else ''} {', '.join(full)} already "
                                f"ha{'ve' if len(full) > 1 else 's'} rows; run remove-data first "
                                f"(--append is not supported on {ENGINE}); nothing was written")
        empty = [t for s, t in prog.external_parents if not _rows(conn, f"{q(s)}.{q(t)}")]
        if empty:
            raise SqlsynthError(f"create-data: table {', '.join(empty)} is empty but generated rows refer to it; "
                                "run create-vocab first; nothing was written")
        for name, table in pool_tables(prog).items():
            conn.register(name, table)
        for step in prog.steps:
            current = step
            t0 = time.perf_counter()
            conn.execute(step.sql)
            if progress is not None:
                progress.advance(step.table, step.rows, time.perf_counter() - t0)
            if report:
                report(f"{step.table}: {step.rows} rows in {time.perf_counter() - t0:.2f}s")
        current = None
        conn.execute("COMMIT")
    except SqlsynthError:
        conn.execute("ROLLBACK")
        raise
    except _error() as e:
        conn.execute("ROLLBACK")
        where = f"table {current.table} ({current.path}): " if current is not None else ""
        raise ExecutionError(f"create-data on {ENGINE}: {where}{first_line(e)}; nothing was written") from None
    except KeyboardInterrupt:
        conn.execute("ROLLBACK")
        raise ExecutionError("create-data: interrupted; the transaction was rolled back and nothing was written") from None
    finally:
        conn.close()


def empty_tables(dsn: str, schema: Schema, tables: Iterable[str], what: str, dst_schema: str | None = None) -> list[str]:
    """DELETE every row of the tables, children first, one transaction per table (see the docstring)."""
    names = set(tables)
    order = ddl_duckdb.creation_order(schema, names, ddl_duckdb.declared_fks(schema, names))
    conn = connect_duckdb(dsn, "destination database")
    done: list[str] = []
    try:
        present = _existing(conn)
        for t in reversed(order):
            table = schema.tables[t]
            where = (dst_schema or table.schema or schema.schema, table.relname if table.schema else table.name)
            if where not in present:
                continue
            conn.execute("BEGIN")
            conn.execute(f"DELETE FROM {ddl_duckdb.qname(schema, table, dst_schema)}")
            conn.execute("COMMIT")
            done.append(t)
    except _error() as e:
        conn.execute("ROLLBACK")
        left = f" (already emptied: {', '.join(done)})" if done else ""
        raise ExecutionError(f"{what} on {ENGINE}: table {t}: {first_line(e)}{left}") from None
    finally:
        conn.close()
    return sorted(done)


def load_vocab(dsn: str, schema: Schema, tables: dict[str, tuple[list[str], Any]], report=None,
               dst_schema: str | None = None) -> list[tuple[str, int, float]]:
    """Insert each vocabulary table from an Arrow table of text columns (cast by DuckDB to the column
    types), in one transaction; tables that already hold rows are refused (nothing loaded)."""
    conn = connect_duckdb(dsn, "destination database")
    out, current = [], None
    try:
        conn.execute("BEGIN")
        present = _existing(conn)
        problems = []
        for t in tables:
            table = schema.tables[t]
            key = (dst_schema or table.schema or schema.schema, table.relname if table.schema else table.name)
            if key not in present:
                problems.append(f"table {t}: no such table in the {ENGINE} destination; run create-tables first")
            elif _rows(conn, ddl_duckdb.qname(schema, table, dst_schema)):
                problems.append(f"table {t}: already holds rows; empty it first (remove-vocab)")
        if problems:
            raise SqlsynthError("\n".join(problems + ["create-vocab: nothing was loaded"]))
        order = ddl_duckdb.creation_order(schema, set(tables), ddl_duckdb.declared_fks(schema, set(tables)))
        for t in order:
            current = t
            cols, arrow = tables[t]
            t0 = time.perf_counter()
            types = {c: ddl_duckdb.duck_type(schema, schema.tables[t].columns[c].type, f"tables.{t}.columns.{c}")[0]
                     for c in cols}
            conn.register("sqlsynth_vocab", arrow)
            sel = ", ".join(f"CAST({q(c)} AS {types[c]})" for c in cols)
            conn.execute(f"INSERT INTO {ddl_duckdb.qname(schema, schema.tables[t], dst_schema)} "
                         f"({', '.join(q(c) for c in cols)}) SELECT {sel} FROM sqlsynth_vocab")
            conn.unregister("sqlsynth_vocab")
            out.append((t, arrow.num_rows, time.perf_counter() - t0))
            if report:
                report(out[-1])
        conn.execute("COMMIT")
    except SqlsynthError:
        conn.execute("ROLLBACK")
        raise
    except _error() as e:
        conn.execute("ROLLBACK")
        raise ExecutionError(f"create-vocab on {ENGINE}: table {current}: {first_line(e)}; nothing was loaded") from None
    finally:
        conn.close()
    return out


def create_vocab(dsn: str, schema: Schema, vocab: set[str], directory: str = ".", report=None,
                 dst_schema: str | None = None) -> list:
    """create-vocab on DuckDB: every file read into Arrow first (all problems at once), then one transaction."""
    from ..vocab import TableResult
    from ..vocab.arrow import read_vocab
    from ..vocab.files import candidates

    tables = sorted(vocab)
    if not tables:
        return []
    data = read_vocab(schema, tables, directory)
    out = []

    def each(r: tuple[str, int, float]) -> None:
        res = TableResult(r[0], _vocab_path(directory, r[0], candidates), r[1], r[2])
        out.append(res)
        if report:
            report(res)

    load_vocab(dsn, schema, data, each, dst_schema)
    return out


def _vocab_path(directory: str, table: str, candidates) -> str:
    import os

    found = [p for p in candidates(directory, table) if os.path.exists(p)]
    return found[0] if found else table


def remove_vocab(dsn: str, schema: Schema, vocab: set[str], dst_schema: str | None = None) -> list[str]:
    """remove-vocab on DuckDB: refused (nothing changed) while rows of other tables refer to them."""
    conn = connect_duckdb(dsn, "destination database")
    try:
        present = _existing(conn)
        users = []
        for name, t in schema.tables.items():
            if name in vocab or t.is_partition:
                continue
            key = (dst_schema or t.schema or schema.schema, t.relname if t.schema else t.name)
            if key in present and any(fk.ref_table in vocab for fk in t.foreign_keys) \
                    and _rows(conn, ddl_duckdb.qname(schema, t, dst_schema)):
                users.append(name)
    finally:
        conn.close()
    if users:
        raise SqlsynthError(f"remove-vocab: rows of {', '.join(sorted(users))} refer to the vocabulary tables; "
                            "run remove-data first; nothing was changed")
    return empty_tables(dsn, schema, vocab, "remove-vocab", dst_schema)


class DuckDBExecutor:
    """The Executor (execute/base.py) of a DuckDB destination: compile() makes the DuckProgram
    (compile/duckdb.py) and run() loads it (create_data). --jobs is ignored with a note (DuckDB runs
    each INSERT ... SELECT on all its threads); PostgreSQL's other options do not apply."""

    def __init__(self, dsn: str, jobs: int = 1, progress=None, **_postgres_options: Any):
        self.dsn, self.jobs, self.progress = dsn, jobs, progress

    def compile(self, plan) -> DuckProgram:
        from ..compile.duckdb import compile_duckdb

        prog = compile_duckdb(plan)
        if self.jobs > 1:
            prog.warnings.append("--jobs is ignored on DuckDB: it runs each INSERT ... SELECT on all its threads")
        return prog

    def run(self, program: DuckProgram, report: Report | None = None, on_step=None) -> dict[str, tuple[int, float]]:
        create_data(self.dsn, program, report, self.progress)
        return {s.table: (s.rows, 0.0) for s in program.steps if s.kind == "insert" and s.table}


def executor(dsn: str, **options: Any) -> DuckDBExecutor:
    """The registry's entry point (execute/base.ENGINES["duckdb"])."""
    return DuckDBExecutor(dsn, **options)
