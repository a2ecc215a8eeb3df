"""The commands that write or read the destination: create-tables, create-data, remove-data,
remove-tables, recover, make-vocab, create-vocab, remove-vocab, dump-data, report, example."""

from __future__ import annotations

import sys

import click

from ..errors import SqlsynthError
from ..settings import load_settings
from .base import (
    APPEND, CHUNK_ROWS, CONFIG, DEFER, JOBS, ORM, PASSES, SCALE, SEED, STATS, YES, _confirm, _embedded,
    handled, main
)


@main.command("create-tables")
@ORM
@CONFIG
@handled
def create_tables(orm_file: str, config_file: str | None) -> None:
    """Create the schema's types and tables in the destination (DST_DSN, else the embedded PostgreSQL;
    DST_SCHEMA)."""
    from .. import api

    tables = api.create_tables(load_settings(), orm_file, config_file)
    click.echo(f"created {len(tables)} tables")


@main.command("create-data")
@ORM
@CONFIG
@PASSES
@SCALE
@SEED
@click.option("--verbose", "-v", "verbose_here", is_flag=True, help="Print per-table progress.")
@STATS
@JOBS
@CHUNK_ROWS
@DEFER
@click.option("--defer-indexes/--no-defer-indexes", default=None,
              help="With deferred constraints, also drop the secondary (non-unique) indexes and rebuild them "
                   "after the load. Default: yes when constraints are deferred, except for a --jobs 1 load of at most "
                   "1,000,000 rows.")
@APPEND
@click.option("--engine", type=click.Choice(["sql", "spark"]), default="sql", show_default=True,
              help="sql: the destination database (DST_DSN: PostgreSQL or DuckDB) generates the rows. spark: "
                   "Spark SQL through pyspark (pip install 'sqlsynth[spark]', Java 17) writes each table under "
                   "--output.")
@click.option("--output", default=None, help="--engine spark: the directory (local, hdfs://, s3a:// ...) that "
                                             "receives one directory of files per table.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "delta"]), default="parquet",
              show_default=True, help="--engine spark: the files' format (delta needs the Delta Lake jars on Spark's class path).")
@click.option("--master", default=None, help="--engine spark: the Spark master URL (local[*], yarn, "
                                             "spark://host:7077, k8s://...). Default: spark-submit's, else local[*].")
@click.option("--partitions", default=None, type=click.IntRange(min=1),
              help="--engine spark: partitions (files) per table (default 8); the rows do not depend on it.")
@click.option("--jdbc", "jdbc", is_flag=True,
              help="--engine spark: write into DST_DSN (PostgreSQL) over JDBC in parallel partitions instead of "
                   "files (run create-tables first).")
@click.pass_context
@handled
def create_data(ctx: click.Context, orm_file: str, config_file: str | None, num_passes: int | None,
                scale: float | None, seed: int | None, verbose_here: bool, stats_file: str | None, jobs: int,
                chunk_rows: int | None, defer_constraints: bool | None, defer_indexes: bool | None,
                append: bool, engine: str, output: str | None, fmt: str, master: str | None,
                partitions: int | None, jdbc: bool) -> None:
    """Generate rows in the destination, server-side: in one transaction (--jobs 1), or in row-range
    chunks on N connections (--jobs N), restoring the destination if anything fails. With --engine
    spark, Spark generates them into files under --output (see docs/howto/spark.md)."""
    from .. import api
    from ..execute.progress import Progress

    verbose = verbose_here or (ctx.obj.get("verbose") if ctx.obj else False)
    progress = Progress("create-data", [], verbose=verbose)
    progress.phase("compiling", log=False)
    report = progress.log if verbose else None
    spark_only = {"--output": output, "--master": master, "--partitions": partitions, "--jdbc": jdbc or None,
                  "--format": None if fmt == "parquet" else fmt}
    try:
        if engine == "spark":
            prog = api.create_data_spark(load_settings(), orm_file, config_file, num_passes, seed, report,
                                         stats_file=stats_file, scale=scale, output=output, fmt=fmt, master=master,
                                         partitions=partitions, jdbc=jdbc, append=append, progress=progress)
        elif any(v is not None for v in spark_only.values()):
            raise SqlsynthError(f"{', '.join(k for k, v in spark_only.items() if v is not None)}: "
                                "only with --engine spark")
        else:
            prog = api.create_data(load_settings(), orm_file, config_file, num_passes, seed, report,
                                   stats_file=stats_file, jobs=jobs, chunk_rows=chunk_rows,
                                   defer_constraints=defer_constraints, defer_indexes=defer_indexes,
                                   progress=progress, append=append, scale=scale)
    except BaseException:
        progress.close(ok=False)
        raise
    progress.close()
    for w in prog.warnings:
        click.echo(f"sqlsynth: warning: {w}", err=True)
    click.echo(f"generated {prog.total_rows} rows in {len(prog.tables)} tables (seed {prog.seed})")


@main.command("remove-data")
@ORM
@CONFIG
@YES
@handled
def remove_data(orm_file: str, config_file: str | None, yes: bool) -> None:
    """Empty the generated tables of the destination (vocabulary tables are kept)."""
    from .. import api

    if load_settings().dst_is_src():  # before asking
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to remove data from it")
    _confirm(yes, "This deletes every row of the generated tables in DST_DSN")
    tables = api.remove_data(load_settings(), orm_file, config_file)
    click.echo(f"emptied {len(tables)} tables")


@main.command("remove-tables")
@ORM
@CONFIG
@YES
@handled
def remove_tables(orm_file: str, config_file: str | None, yes: bool) -> None:
    """Drop the tables (and types) of orm.yaml from the destination."""
    from .. import api

    if load_settings().dst_is_src():  # before asking
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to drop its tables")
    _confirm(yes, "This drops the tables of orm.yaml in DST_DSN")
    tables = api.remove_tables(load_settings(), orm_file, config_file)
    click.echo(f"dropped {len(tables)} tables")


@main.command("recover")
@handled
def recover() -> None:
    """Undo a load that was killed before it ended (create-data --jobs N or --engine spark --jdbc, compile --split scripts):
    delete the rows it wrote (only those), re-create the constraints and indexes it dropped, put the
    sequences back. Refuses while the load is still running."""
    from .. import api

    done = api.recover(load_settings(), report=click.echo)
    if not done:
        click.echo("nothing to recover: the destination holds no unfinished load")


# -- vocabulary tables (sqlsynth/vocab) --------------------------------------------------------------

def _vocab_line(r) -> None:
    name = r.path.removeprefix("./")
    if r.skipped:
        click.echo(f"{r.table}: {name} exists, skipped (--force rewrites it)")
    else:
        click.echo(f"{r.table}: {r.rows} rows in {r.seconds:.2f}s ({r.rate:,.0f} rows/s) {name}")


@main.command("make-vocab")
@ORM
@CONFIG
@click.option("--force/--no-force", "-f/+f", default=False, show_default=True,
              help="Rewrite existing vocabulary files (default: skip them, so an interrupted run resumes).")
@click.option("--compress/--no-compress", default=False, show_default=True, help="Write <table>.copy.gz.")
@click.option("--only", multiple=True, metavar="TABLE", help="Only this vocabulary table (repeatable).")
@handled
def make_vocab(orm_file: str, config_file: str | None, force: bool, compress: bool, only: tuple[str, ...]) -> None:
    """Dump the vocabulary tables of the source (SRC_DSN) into <table>.copy[.gz] files, with COPY."""
    from .. import api

    results = api.make_vocab(load_settings(), orm_file, config_file, force, compress, only, report=_vocab_line)
    if not results:
        click.echo(f"no vocabulary tables in {config_file or 'config.yaml'} (mark them `vocabulary_table: true`)")
        return
    done = [r for r in results if not r.skipped]
    click.echo(f"wrote {len(done)} vocabulary files ({sum(r.rows for r in done)} rows), "
               f"skipped {len(results) - len(done)}")


@main.command("create-vocab")
@ORM
@CONFIG
@handled
def create_vocab(orm_file: str, config_file: str | None) -> None:
    """Load the vocabulary tables into the destination (DST_DSN, else the embedded PostgreSQL) from their
    files, in one transaction."""
    from .. import api

    report = _vocab_line
    progress = None
    if sys.stdout.isatty() and sys.stderr.isatty():  # a live display (elapsed, rows, rows/s); else unchanged
        from ..execute.progress import Progress

        progress = Progress("create-vocab", [])

        def report(r) -> None:
            with progress.paused():
                _vocab_line(r)
            progress.advance(r.table, r.rows, r.seconds)
    try:
        results = api.create_vocab(load_settings(), orm_file, config_file, report=report)
    except BaseException:
        if progress is not None:
            progress.close(ok=False)
        raise
    if progress is not None:
        progress.close()
    if not results:
        click.echo(f"no vocabulary tables in {config_file or 'config.yaml'}; nothing to load")
        return
    click.echo(f"loaded {len(results)} vocabulary tables ({sum(r.rows for r in results)} rows)")


@main.command("remove-vocab")
@ORM
@CONFIG
@YES
@handled
def remove_vocab(orm_file: str, config_file: str | None, yes: bool) -> None:
    """Empty the vocabulary tables of the destination (refused while generated rows refer to them)."""
    from .. import api

    settings = load_settings()
    if settings.dst_is_src():  # before asking
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to remove data from it")
    _confirm(yes, "This deletes every row of the vocabulary tables in DST_DSN")
    tables = api.remove_vocab(settings, orm_file, config_file)
    click.echo(f"emptied {len(tables)} vocabulary tables")


@main.command("dump-data")
@ORM
@CONFIG
@click.option("--table", "tables", multiple=True, metavar="TABLE",
              help="A table to dump (repeatable). Default: every generated table (not ignored, not vocabulary).")
@click.option("--output", "-o", required=True, metavar="DIR",
              help="The directory to write (<table>.csv or <table>.parquet), created whole or not at all; "
                   "- writes one table (--table) as CSV to stdout.")
@click.option("--parquet/--no-parquet", default=False, show_default=True, help="Parquet files instead of CSV.")
@click.option("--force", "-f", is_flag=True, help="Replace an existing output directory.")
@handled
def dump_data(orm_file: str, config_file: str | None, tables: tuple[str, ...], output: str, parquet: bool,
              force: bool) -> None:
    """Write the destination's tables (DST_DSN: PostgreSQL or duckdb:///file) to CSV or Parquet files."""
    from .. import api

    done = api.dump_data(load_settings(), output, orm_file, config_file, tables, parquet, force)
    if output != "-":
        rows = sum(n for _t, _f, n in done)
        click.echo(f"wrote {output}: {len(done)} tables, {rows:,} rows ({'parquet' if parquet else 'csv'})")


@main.command("report")
@ORM
@CONFIG
@click.option("--stats-file", default=None,
              help="src-stats.yaml with make-stats' sqlsynth__report entry: the reference when SRC_DSN is not "
                   "reachable (default: ./src-stats.yaml). Its differential-privacy budget is reported either way.")
@click.option("--output", "-o", "out", default="report", show_default=True,
              help="Path of the files without extension: OUTPUT.json and/or OUTPUT.html.")
@click.option("--format", "fmt", type=click.Choice(["json", "html", "both"]), default="both", show_default=True)
@click.option("--reference", type=click.Choice(["auto", "source", "stats"]), default="auto", show_default=True,
              help="Compare with the source database (SRC_DSN), the stored aggregates (src-stats.yaml), or the "
                   "source when it is reachable, else the stored aggregates.")
@click.option("--quasi-identifiers", "quasi", multiple=True, metavar="TABLE:COL,COL",
              help="A set of columns whose exact-match rate is also reported (repeatable).")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit with status 4 when the overall score is under SCORE.")
@click.option("--max-tvd", type=click.FloatRange(0, 1), default=None,
              help="Exit with status 4 when a column's distance (TVD or KS) or a children-per-parent TVD exceeds it.")
@click.option("--min-rule-pass", type=click.FloatRange(0, 1), default=None,
              help="Exit with status 4 when a rule, CHECK or FK diamond holds in a smaller share of synthetic rows.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=2, show_default=True,
              help="Run up to N queries at once on each database, each on its own connection.")
@handled
def report(orm_file: str, config_file: str | None, stats_file: str | None, out: str, fmt: str, reference: str,
           quasi: tuple[str, ...], fail_under: float | None, max_tvd: float | None,
           min_rule_pass: float | None, jobs: int) -> None:
    """Compare the destination with the source: shape, relationships, logic and privacy, scored 0-100;
    writes a self-contained HTML page and a JSON file with every figure."""
    from .. import api

    res = api.report(load_settings(), orm_file, config_file, stats_file, out, fmt,
                     "source" if reference == "source" else ("stats" if reference == "stats" else "auto"), quasi,
                     fail_under, max_tvd, min_rule_pass, jobs=jobs)
    sc = res.figures["scores"]
    click.echo("scores: " + ", ".join(f"{k} {'-' if v is None else f'{v:.1f}'}" for k, v in sc.items()))
    click.echo(f"wrote {', '.join(res.files)} ({res.figures['seconds']:.1f} s, reference: {res.figures['reference']})")
    if res.failures:
        for line in res.failures:
            click.echo(f"sqlsynth: report: {line}", err=True)
        sys.exit(4)


@main.command("example")
@click.argument("name", type=click.Choice(["pagila"]))
@click.option("--num-passes", "-n", default=1000, show_default=True, type=click.IntRange(min=0),
              help="Rows per table of the synthetic copy (x num_rows_per_pass of the bundled config).")
@SEED
@click.option("--force", "-f", is_flag=True, help="Rebuild both databases (dropping them first).")
@handled
def example(name: str, num_passes: int, seed: int | None, force: bool) -> None:
    """Load the bundled Pagila sample into the embedded PostgreSQL (database pagila) and a synthetic
    copy made from the bundled orm.yaml and config.yaml (database pagila_synthetic)."""
    from .. import example as ex

    res = ex.pagila(num_passes, seed, force, _embedded())
    click.echo(ex.summary(res))
