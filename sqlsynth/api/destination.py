"""The commands that write or read the destination: create-tables, create-data (PostgreSQL, DuckDB,
Spark), remove-data, remove-tables, recover, create-vocab, remove-vocab, report, dump-data."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..db import connect, scrub
from ..duck import is_duckdb
from ..errors import ConnectionFailed, ExecutionError, SqlsynthError, first_line
from ..schema.model import Schema
from ..settings import Settings
from .inputs import Report, _selection, compile_program, load_inputs, plan_load, unit

if TYPE_CHECKING:  # imported by compile_program when a load needs it (create-tables does not)
    from ..compile.program import Program


def _placement(settings: Settings, schema: Schema):
    """Where each schema of orm.yaml goes in the destination (DST_SCHEMA: see schema/placement.py)."""
    from ..schema.placement import placement

    return placement(schema, settings.dst_schema)


def _no_unfinished_load(dsn: str) -> None:
    """Every command that writes into the destination first checks its load journal: after a load was
    killed (`kill -9`, power loss) it refuses with one line naming `sqlsynth recover`."""
    from ..execute.journal import refuse_unfinished

    refuse_unfinished(dsn)


def _postgres_destination(settings: Settings, refusal: str) -> str:
    """The PostgreSQL destination's DSN (the embedded server started if it is the default), refused when
    it is the source or holds an unfinished load."""
    dsn = settings.need_dst()
    if settings.dst_is_src():
        raise SqlsynthError(f"DST_DSN is the source database (SRC_DSN); refusing to {refusal}")
    _no_unfinished_load(dsn)
    return dsn


@unit
def recover(settings: Settings, report: Report | None = None) -> list[str]:
    """Undo every unfinished load of the destination (see sqlsynth.execute.journal): delete the rows
    it wrote (only those), re-create the constraints and indexes it dropped, put the sequences back."""
    from ..execute.journal import recover as run

    dsn = settings.need_dst()
    if settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to write into it")
    return run(dsn, report)


def _run_statements(dsn: str, statements: list[str], what: str, check=None) -> None:
    """Run statements in one transaction, each through the extended protocol (binary=True), where
    the server refuses a second statement in one string. check(conn) runs first, in the same
    transaction (it may raise SqlsynthError: nothing is changed)."""
    import psycopg

    conn = connect(dsn, what="destination database")
    try:
        with conn.transaction():
            if check is not None:
                check(conn)
            for st in statements:
                conn.execute(st, binary=True)
    except psycopg.Error as e:
        first = first_line(e)
        raise ExecutionError(f"{what} failed: {scrub(first, dsn)}; nothing was changed") from None
    finally:
        conn.close()


@unit
def create_tables(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None) -> list[str]:
    from ..schema.ddl import create_statements

    schema, config = load_inputs(orm_file, config_file)
    _generated, ignored, _vocab = _selection(schema, config)
    if is_duckdb(settings.dst_dsn):  # DuckDB destination: sqlsynth/execute/duckdb.py
        from ..execute import duckdb as duck

        tables, warnings = duck.create_tables(settings.dst_dsn, schema, ignored, settings.dst_schema)
        for w in warnings:
            import sys

            print(f"sqlsynth: warning: {w}", file=sys.stderr)
        return tables
    dsn = _postgres_destination(settings, "create tables in it")
    stmts = create_statements(schema, _placement(settings, schema), skip_tables=ignored)
    _run_statements(dsn, stmts, "create-tables", check=lambda conn: _check_extensions(conn, schema))
    return [t for t in sorted(schema.tables) if t not in ignored]


def _check_extensions(conn, schema: Schema) -> None:
    """Stop create-tables (changing nothing) when an extension of orm.yaml cannot be installed."""
    names = [e.name for e in schema.extensions]
    if not names:
        return
    rows = conn.execute("SELECT name FROM pg_catalog.pg_available_extensions WHERE name = ANY(%s)", [names])
    available = {r[0] for r in rows.fetchall()}
    missing = [n for n in names if n not in available]
    if missing:
        one = len(missing) == 1
        raise SqlsynthError(
            f"create-tables: extension{'' if one else 's'} {', '.join(missing)} (used by orm.yaml) "
            f"{'is' if one else 'are'} not available on the destination server (not in pg_available_extensions): "
            "install it there (for the contrib ones, the postgresql-contrib package) and run create-tables "
            "again; nothing was changed")


@unit
def create_data(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None,
                num_passes: int | None = None, seed: int | None = None, report: Report | None = None,
                stats_file: str | None = None, jobs: int = 1, chunk_rows: int | None = None,
                defer_constraints: bool | None = None, defer_indexes: bool | None = None,
                progress=None, append: bool = False, scale: float | None = None) -> Program:
    """Load the compiled program; jobs/chunk_rows/defer_*: see sqlsynth.execute.parallel.run_load.

    append: add rows to tables that already hold some (else a table with rows stops the load);
    one transaction only (--jobs 1), since restoring after a failure cannot simply empty the tables."""
    from ..execute.base import executor_for

    inputs = load_inputs(orm_file, config_file)  # loaded once: the plan is built from them
    schema = inputs[0]
    # the destination's executor, by its DSN's scheme (execute/base.py)
    options = dict(jobs=jobs, chunk_rows=chunk_rows, defer=defer_constraints, defer_indexes=defer_indexes,
                   progress=progress)
    if is_duckdb(settings.dst_dsn):  # DuckDB destination: compile/duckdb.py, execute/duckdb.py
        executor = executor_for(settings.dst_dsn, **options)
        prog = executor.compile(plan_load(orm_file, config_file, num_passes, seed, settings.dst_schema, stats_file,
                                          append, scale, inputs))
        executor.run(prog, report=report)
        return prog
    dsn = settings.need_dst()
    if append and jobs > 1:
        raise SqlsynthError("--append runs in one transaction: use it with --jobs 1")
    _placement(settings, schema)  # a bad DST_SCHEMA stops here, before anything runs
    prog = compile_program(orm_file, config_file, num_passes, seed, settings.dst_schema, stats_file, append, scale,
                           inputs)
    options["defer"], options["defer_indexes"] = small_load_defer(prog.total_rows, jobs, append, defer_constraints,
                                                                  defer_indexes)
    executor = executor_for(dsn, **options)
    if settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to write into it")
    _no_unfinished_load(dsn)
    executor.run(prog, report=report)
    return prog


def small_load_defer(total_rows: int, jobs: int, append: bool, defer: bool | None,
                     defer_indexes: bool | None) -> tuple[bool | None, bool | None]:
    """The --defer-constraints/--defer-indexes defaults of a --jobs 1 load of at most BIG_LOAD_ROWS rows
    into empty tables: foreign keys dropped and re-added inside the load's one transaction (re-adding one
    checks every row in one join, where keeping it fires a trigger query per inserted row: about half the
    server's time on the Pagila example, benchmarks/RESULTS_startup.md), indexes and keys kept (maintained
    row by row, cheaper than rebuilding them at this size). An --append load keeps its foreign keys: re-adding
    one would check the rows already there too. Anything the caller chose is kept; other loads: the defaults
    of sqlsynth.execute.parallel.run_load."""
    from ..compile.chunks import BIG_LOAD_ROWS

    if defer is None and jobs <= 1 and not append and total_rows <= BIG_LOAD_ROWS:
        return True, (False if defer_indexes is None else defer_indexes)
    return defer, defer_indexes


@unit
def create_data_spark(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None,
                      num_passes: int | None = None, seed: int | None = None, report: Report | None = None,
                      stats_file: str | None = None, scale: float | None = None, output: str | None = None,
                      fmt: str = "parquet", master: str | None = None, partitions: int | None = None,
                      jdbc: bool = False, append: bool = False, progress=None, spark=None):
    """create-data --engine spark: compile/spark.py, execute/spark.py (pyspark imported there only)."""
    from ..compile.spark import DEFAULT_PARTITIONS, compile_spark
    from ..execute import spark as sx

    if jdbc:
        if output is not None:
            raise SqlsynthError("--jdbc writes into DST_DSN: leave out --output")
        dsn = settings.need_dst()
        if is_duckdb(dsn):
            raise SqlsynthError("--jdbc writes into PostgreSQL: DST_DSN is a DuckDB file")
    elif not output:
        raise SqlsynthError("create-data --engine spark: --output DIR is required (or --jdbc)")
    schema, _config = load_inputs(orm_file, config_file)
    plan = plan_load(orm_file, config_file, num_passes, seed, settings.dst_schema, stats_file, append, scale)
    prog = compile_spark(plan, partitions or DEFAULT_PARTITIONS)
    if jdbc:
        from ..execute.spark_jdbc import create_data_jdbc, jar_conf

        spark = spark or sx.session(master, prog.partitions, jar_conf())
        create_data_jdbc(prog, schema, plan, settings.need_dst(), spark, report, progress)
    else:
        sx.create_data(prog, schema, output, fmt, master, report, progress, spark)
    return prog


@unit
def remove_data(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None) -> list[str]:
    """Empty the generated tables (vocabulary and ignored tables are left alone)."""
    schema, config = load_inputs(orm_file, config_file)
    if settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to remove data from it")
    generated, _ignored, _vocab = _selection(schema, config)
    if is_duckdb(settings.dst_dsn):
        from ..execute import duckdb as duck

        return duck.empty_tables(settings.dst_dsn, schema, generated, "remove-data", settings.dst_schema)
    dsn = _postgres_destination(settings, "remove data from it")  # the embedded default is known only once started
    if generated:
        dst = _placement(settings, schema)
        _run_statements(dsn, [f"TRUNCATE {', '.join(dst.qtable(schema.tables[t]) for t in generated)} RESTART IDENTITY"],
                        "remove-data")
    return generated


@unit
def remove_tables(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None) -> list[str]:
    from ..schema.ddl import drop_statements

    schema, config = load_inputs(orm_file, config_file)
    if settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to drop its tables")
    _generated, ignored, _vocab = _selection(schema, config)
    if is_duckdb(settings.dst_dsn):
        from ..execute import duckdb as duck

        return duck.remove_tables(settings.dst_dsn, schema, ignored, settings.dst_schema)
    dsn = _postgres_destination(settings, "drop its tables")  # the embedded default is known only once started
    _run_statements(dsn, drop_statements(schema, _placement(settings, schema), skip_tables=ignored), "remove-tables")
    return [t for t in sorted(schema.tables) if t not in ignored and not schema.tables[t].is_partition]


@unit
def create_vocab(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None,
                 directory: str = ".", report=None) -> list:
    """Load every vocabulary table from its file into the destination, in one transaction."""
    from ..vocab import create_vocab as run

    schema, config = load_inputs(orm_file, config_file)
    _generated, _ignored, vocab = _selection(schema, config)
    if is_duckdb(settings.dst_dsn):
        from ..execute import duckdb as duck

        return duck.create_vocab(settings.dst_dsn, schema, vocab, directory, report, settings.dst_schema)
    if vocab and settings.dst_dsn and not settings.dst_is_src():
        try:
            _no_unfinished_load(settings.dst_dsn)
        except ConnectionFailed:
            pass  # reported by the command itself, with the other problems it finds
    return run(settings, schema, vocab, _placement(settings, schema), directory=directory, report=report)


@unit
def remove_vocab(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None) -> list[str]:
    """Empty the vocabulary tables of the destination (refused while generated rows refer to them)."""
    from ..vocab import remove_vocab as run

    schema, config = load_inputs(orm_file, config_file)
    _generated, _ignored, vocab = _selection(schema, config)
    if is_duckdb(settings.dst_dsn):
        from ..execute import duckdb as duck

        return duck.remove_vocab(settings.dst_dsn, schema, vocab, settings.dst_schema)
    if vocab and settings.dst_dsn and not settings.dst_is_src():
        try:
            _no_unfinished_load(settings.dst_dsn)
        except ConnectionFailed:
            pass  # reported by the command itself, with the other problems it finds
    return run(settings, schema, vocab, _placement(settings, schema))


@unit
def report(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None,
           stats_file: str | None = None, out: str = "report", fmt: str = "both", reference: str = "auto",
           quasi_identifiers: tuple[str, ...] = (), fail_under: float | None = None, max_tvd: float | None = None,
           min_rule_pass: float | None = None, progress: Report | None = None, jobs: int = 2):
    """Compare the destination with the source (SRC_DSN, or src-stats.yaml's sqlsynth__report entry);
    write out.json and/or out.html. Returns report.run.ReportResult (failures: the thresholds missed)."""
    from ..report.run import ReportResult, build, gate, write

    schema, config = load_inputs(orm_file, config_file)
    generated, _ignored, vocab = _selection(schema, config)
    tables = [t for t in schema.tables if (t in generated or t in vocab) and not schema.tables[t].is_partition]
    quasi, problems = [], []
    for spec in quasi_identifiers:
        t, _, cols = spec.partition(":")
        names = [c.strip() for c in cols.split(",") if c.strip()]
        if t not in tables:
            problems.append(f"--quasi-identifiers {spec}: no generated table {t!r}")
        elif not names or any(c not in schema.tables[t].columns for c in names):
            problems.append(f"--quasi-identifiers {spec}: give table:column,column with columns of {t}")
        else:
            quasi.append((t, names))
    if problems:
        raise SqlsynthError("\n".join(problems))
    path = stats_file or "src-stats.yaml"
    stats = None
    if os.path.exists(path):
        from ..yamlsafe import load_file

        stats = load_file(path)
    elif stats_file:
        raise SqlsynthError(f"{stats_file}: no such file")
    fig = build(settings, schema, config, tables, vocab, stats if isinstance(stats, dict) else None, reference,
                quasi, progress, jobs)
    res = ReportResult(fig, failures=gate(fig, fail_under, max_tvd, min_rule_pass))
    res.files = write(fig, out, fmt)
    return res


@unit
def dump_data(settings: Settings, output: str, orm_file: str = "orm.yaml", config_file: str | None = None,
              tables: tuple[str, ...] = (), parquet: bool = False, force: bool = False, report=None) -> list:
    """Write the destination's tables (default: the generated ones, as datafaker) to output/<table>.csv or
    .parquet, whole or not at all; output "-" writes one table as CSV to stdout (sqlsynth.execute.dump)."""
    from ..execute.dump import dump_data as run

    schema, config = load_inputs(orm_file, config_file)
    generated, _ignored, _vocab = _selection(schema, config)
    unknown = [t for t in tables if t not in schema.tables]
    if unknown:
        raise SqlsynthError(f"dump-data: no table {', '.join(unknown)} in {orm_file}")
    names = list(dict.fromkeys(tables)) or [t for t in generated if not schema.tables[t].is_partition]
    dst = _placement(settings, schema)
    return run(settings.need_dst(), schema, [schema.tables[t] for t in names], dst.where, output,
               "parquet" if parquet else "csv", force, report)
