"""The `sqlsynth` command: datafaker's commands and options, compiled to server-side SQL.

Thin: options -> one library call (sqlsynth.api) -> a summary. Every SqlsynthError
becomes one line per problem on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import functools
import sys

import click

from . import __version__, cache
from .errors import ConfigError, SqlsynthError
from .settings import load_settings

ORM = click.option("--orm-file", default="orm.yaml", show_default=True, help="The schema file written by make-tables.")


def _named_only(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The value given on the command line, else None: the library then reads ./config.yaml if it
    exists (every table with its defaults if not), while a file named with --config-file must exist."""
    return None if ctx.get_parameter_source(param.name) is click.core.ParameterSource.DEFAULT else value


CONFIG = click.option("--config-file", default="config.yaml", show_default=True, callback=_named_only,
                      help="The generator config (a file named here must exist).")
PASSES = click.option("--num-passes", "-n", default=None, type=click.IntRange(min=0),
                      help="Rows of a table with num_rows_per_pass = that x this (datafaker's meaning). Default 1.")
SCALE = click.option("--scale", default=None, type=click.FloatRange(min=0),
                     help="Rows of a table with rows_from_source (generate-config writes it when the source is "
                          "reachable) = this x the source's rows, so proportions are kept; 0.5, 2, 100... "
                          "Default 1. Tables with `rows:` keep their count; children_per_parent tables follow "
                          "their parents.")
SEED = click.option("--seed", type=int, default=None,
                    help="Random seed; the same seed gives identical data. Default: config `seed`, else 0.")
YES = click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
APPEND = click.option("--append", is_flag=True,
                      help="Add rows to tables that already hold some (without it a table with rows stops the "
                           "load). New rows are numbered after the existing ones and refer to parents of the "
                           "same run; one transaction (--jobs 1).")
JOBS = click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=1),
                    help="Connections inserting row-range chunks in parallel. 1: one transaction.")
CHUNK_ROWS = click.option("--chunk-rows", default=None, type=click.IntRange(min=1),
                          help="Rows per chunk of a big table (default 100000); smaller tables are one chunk.")
DEFER = click.option("--defer-constraints/--no-defer-constraints", default=None,
                     help="Drop the foreign keys of the generated tables before the load and re-add (validate) "
                          "them after it (inside the one transaction with --jobs 1). Default: yes, except for an --append load of at most 1,000,000 rows.")
FORCE = click.option("--force", "-f", is_flag=True, help="Overwrite an existing output file.")
STATS = click.option("--stats-file", default=None,
                     help="Source statistics written by make-stats (default: src-stats.yaml if it exists); "
                          "read only if the config refers to it.")


def _err(msg: str) -> None:
    click.echo(f"sqlsynth: error: {msg}" if not msg.startswith(("config", "orm")) else msg, err=True)


def handled(f):
    """Turn library errors into one-line messages and exit status 1."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            with cache.unit():  # what the command found worth keeping (./.sqlsynth/cache), once it succeeded
                return f(*args, **kwargs)
        except ConfigError as e:
            for p in e.problems:
                click.echo(str(p), err=True)
            click.echo(f"sqlsynth: {len(e.problems)} problem(s) found; nothing was changed", err=True)
            sys.exit(1)
        except SqlsynthError as e:
            for line in str(e).splitlines() or [type(e).__name__]:
                # Messages raised inside SQL already say "sqlsynth: " (for psql users); say it once.
                click.echo(f"sqlsynth: error: {line.removeprefix('sqlsynth: ')}", err=True)
            sys.exit(1)
        except OSError as e:  # an output file that cannot be written (no such directory, permissions)
            name = str(e.filename).removesuffix(".tmp") if e.filename else ""
            click.echo(f"sqlsynth: error: {name + ': ' if name else ''}{e.strerror or e}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("sqlsynth: interrupted; nothing was changed", err=True)
            sys.exit(130)

    return wrapper


def _confirm(yes: bool, what: str) -> None:
    if yes:
        return
    if not sys.stdin.isatty():
        raise SqlsynthError(f"{what}: confirmation needed; pass --yes to run without a terminal")
    if not click.confirm(f"{what}. Are you sure?", default=False):
        raise SqlsynthError("cancelled")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sqlsynth")
@click.option("--verbose", "-v", is_flag=True, help="Print per-table progress.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """Fill PostgreSQL databases with synthetic data at bulk-load speed.

    Connection settings come from SRC_DSN, SRC_SCHEMA, DST_DSN and DST_SCHEMA in the
    environment or a .env file in the current directory. Without DST_DSN the destination is
    the embedded PostgreSQL of the current directory (see `sqlsynth db`).
    """
    ctx.obj = {"verbose": verbose}


@main.command("make-tables")
@ORM
@FORCE
@click.option("--parquet-dir", default=None, metavar="DIR",
              help="Reflect a directory of Parquet/CSV files (one table per <table>.parquet, .csv or .csv.gz) "
                   "instead of SRC_DSN; orm.yaml records it as parquet:///DIR for make-stats and make-vocab.")
@handled
def make_tables(orm_file: str, force: bool, parquet_dir: str | None) -> None:
    """Reflect the source schema(s) (SRC_DSN, SRC_SCHEMA: a name, a comma-separated list, or all) into orm.yaml.

    SRC_DSN may also be a DuckDB file (duckdb:///file.duckdb) or a Parquet/CSV directory (parquet:///dir)."""
    from . import api

    schema = api.make_tables(load_settings(), orm_file, force, parquet_dir=parquet_dir)
    extra = [f"{len(x)} {name}" for x, name in ((schema.extensions, "extensions"), (schema.collations, "collations"),
                                                 (schema.functions, "functions")) if x]
    where = f" in {len(schema.schemas)} schemas ({', '.join(schema.schemas)})" if schema.multi else ""
    click.echo(f"wrote {orm_file}: {len(schema.tables)} tables{where}, {len(schema.enums)} enums, "
               f"{len(schema.domains)} domains" + "".join(f", {x}" for x in extra))


@main.command("generate-config")
@ORM
@CONFIG
@FORCE
@click.option("--fit/--no-fit", default=None,
              help="Default: shape the config to the source when SRC_DSN is reachable (row counts, vocabulary "
                   "tables, children per parent, generators fitted by make-stats), else from orm.yaml alone. "
                   "--fit: always fit (without SRC_DSN: `stats: auto` guessed from orm.yaml). --no-fit: a starter "
                   "config from orm.yaml, without reading the source.")
@click.option("--rules/--no-rules", default=None,
              help="Measure the source (SRC_DSN) and add the consistency rules it supports (default: when the "
                   "source is reachable).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Profile up to N source tables at once, each on its own connection.")
@handled
def generate_config(orm_file: str, config_file: str | None, force: bool, fit: bool | None, rules: bool | None,
                    jobs: int | None) -> None:
    """Write config.yaml with every table: shaped to the source when SRC_DSN is reachable (aggregates only),
    else a starter config from orm.yaml (or the source's schema if there is no orm.yaml)."""
    from . import api

    proposed: list[str] = []
    data = api.generate_config(load_settings(), orm_file, config_file, force, fit=fit, rules=rules, jobs=jobs,
                               report=lambda m: click.echo(m),
                               warn=lambda m: click.echo(f"sqlsynth: warning: {m}", err=True),
                               rule_report=proposed.append)
    click.echo(f"wrote {config_file or 'config.yaml'}: {len(data['tables'])} tables"
               + (f", {len(proposed)} rule{'' if len(proposed) == 1 else 's'} measured on the source" if proposed else ""))
    for line in proposed:
        click.echo(f"  rule {line}")


@main.command("make-stats")
@ORM
@CONFIG
@click.option("--stats-file", default="src-stats.yaml", show_default=True, help="Where to write the statistics.")
@FORCE
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Run up to N queries at once, each on its own connection (config `use-asyncio: true`: 4).")
@click.option("--for-report/--no-for-report", default=True, show_default=True,
              help="Also store the source's aggregates `sqlsynth report` compares with when the source is not "
                   "reachable (entry sqlsynth__report; needs orm.yaml).")
@handled
def make_stats(orm_file: str, config_file: str | None, stats_file: str, force: bool, jobs: int | None,
               for_report: bool) -> None:
    """Run the config's src-stats queries (and `stats: auto` ones) on the source; write src-stats.yaml."""
    from . import api

    res = api.make_stats(load_settings(), orm_file, config_file, stats_file, force, jobs,
                         report=lambda m: click.echo(m), for_report=for_report)
    for w in res.warnings:
        click.echo(f"sqlsynth: warning: {w}", err=True)
    for r in res.rules:
        click.echo(r.line)
        if r.weak:
            click.echo(f"sqlsynth: warning: {r.line.split(':', 1)[0]} holds in fewer than 99 % of the source rows; "
                       "it is still applied to every generated row (remove it from config.yaml if it should not be)",
                       err=True)
    if res.dp_queries:
        click.echo(f"privacy budget spent: epsilon {res.epsilon:g}, delta {res.delta:g} in total over "
                   f"{res.dp_queries} differentially private quer{'y' if res.dp_queries == 1 else 'ies'}")
    n = len([k for k in res.entries if k != "sqlsynth__report"])
    click.echo(f"wrote {stats_file}: {n} statistics")  # the report's entry has its own line above


@main.command("compile")
@ORM
@CONFIG
@PASSES
@SCALE
@SEED
@click.option("--output", "-o", default="-", show_default=True, help="Output SQL file, or - for stdout.")
@click.option("--dst-schema", default=None, help="Schema to fill (default: DST_SCHEMA, else the orm's schema).")
@STATS
@click.option("--split", "split_dir", default=None, metavar="DIR",
              help="Write separate scripts into DIR for parallel psql runs: a prologue, one script per row-range "
                   "chunk, an epilogue, rollback.sql and run.sh (see the comment at the top of each).")
@JOBS
@CHUNK_ROWS
@FORCE
@APPEND
@handled
def compile_cmd(orm_file: str, config_file: str | None, num_passes: int | None, scale: float | None, seed: int | None,
                output: str, dst_schema: str | None, stats_file: str | None, split_dir: str | None, jobs: int,
                chunk_rows: int | None, force: bool, append: bool) -> None:
    """Compile the config into one SQL script for `psql -v ON_ERROR_STOP=1 -f FILE`, or (--split DIR)
    into scripts that N psql sessions run in parallel."""
    from . import api

    settings = load_settings()
    dst_schema = dst_schema or settings.dst_schema
    if split_dir is None and (jobs > 1 or chunk_rows is not None):
        raise SqlsynthError("--jobs and --chunk-rows need --split DIR (one script is one transaction)")
    if split_dir is None and output != "-":
        api.refuse_overwrite(output, force)
    if split_dir is not None:
        if append:
            raise SqlsynthError("--append writes one script (one transaction): it cannot be used with --split")
        if output != "-":
            raise SqlsynthError("use either --output FILE or --split DIR")
        files = api.compile_split(orm_file, config_file, split_dir, num_passes, seed, dst_schema,
                                  jobs=jobs if jobs > 1 else 2, chunk_rows=chunk_rows, force=force,
                                  stats_file=stats_file, scale=scale)
        click.echo(f"wrote {len(files)} files into {split_dir}; run: DST_DSN=... sh {split_dir}/run.sh", err=True)
        return
    text = api.compile_script(orm_file, config_file, num_passes, seed, dst_schema, dst_dsn=settings.dst_dsn,
                              stats_file=stats_file, append=append, scale=scale,
                              warn=lambda w: click.echo(f"sqlsynth: warning: {w}", err=True))
    if output == "-":
        click.echo(text, nl=False)
    else:
        from .files import write_atomic

        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)


@main.command("explain")
@ORM
@CONFIG
@PASSES
@SCALE
@SEED
@click.option("--dst-schema", default=None, help="Schema to fill (default: DST_SCHEMA, else the orm's schema).")
@STATS
@click.option("--table", default=None, help="Only this table.")
@click.option("--column", default=None, help="Only this column (of --table, or of every table that has it).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Indented text, or JSON (the node trees as {kind, ..., origin} objects).")
@handled
def explain_cmd(orm_file: str, config_file: str | None, num_passes: int | None, scale: float | None, seed: int | None,
                dst_schema: str | None, stats_file: str | None, table: str | None, column: str | None, fmt: str) -> None:
    """Show the plan without running it: per table (in load order) its row count and why; per column
    what it is (the node tree), why (the config path, constraint or type default) and the SQL
    expression it compiles to."""
    import json

    from . import api
    from .compile.explain import text

    settings = load_settings()
    report = api.explain(orm_file, config_file, num_passes, seed, dst_schema or settings.dst_schema, stats_file,
                         scale, table, None)
    if column is not None:
        report = [dict(t, columns=[c for c in t["columns"] if c["column"] == column]) for t in report]
        report = [t for t in report if t["columns"]]
        if not report:
            raise SqlsynthError(f"explain: no generated column {column!r}" + (f" in table {table}" if table else ""))
    click.echo(json.dumps(report, indent=2) if fmt == "json" else text(report), nl=fmt == "json")


@main.command("create-tables")
@ORM
@CONFIG
@handled
def create_tables(orm_file: str, config_file: str | None) -> None:
    """Create the schema's types and tables in the destination (DST_DSN, else the embedded PostgreSQL;
    DST_SCHEMA)."""
    from . import api

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
    from . import api
    from .execute.progress import Progress

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
    from . import api

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
    from . import api

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
    from . import api

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
    from . import api

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
    from . import api

    report = _vocab_line
    progress = None
    if sys.stdout.isatty() and sys.stderr.isatty():  # a live display (elapsed, rows, rows/s); else unchanged
        from .execute.progress import Progress

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
    from . import api

    settings = load_settings()
    if settings.dst_is_src():  # before asking
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to remove data from it")
    _confirm(yes, "This deletes every row of the vocabulary tables in DST_DSN")
    tables = api.remove_vocab(settings, orm_file, config_file)
    click.echo(f"emptied {len(tables)} vocabulary tables")


@main.command("validate-config")
@click.argument("config_file", default="config.yaml")
@ORM
@STATS
@handled
def validate_config(config_file: str, orm_file: str, stats_file: str | None) -> None:
    """Check config.yaml (and, with orm.yaml, its tables, columns and generators)."""
    from . import api

    api.validate_config(config_file, orm_file, stats_file)
    click.echo(f"{config_file} is valid")


@main.command("config-schema")
@click.option("--path", "path_only", is_flag=True, help="Print the path of the installed schema file instead.")
def config_schema(path_only: bool) -> None:
    """Print the JSON Schema (draft 2020-12) of config.yaml, for editors and CI checks."""
    from .config.published import schema_path, schema_text

    click.echo(schema_path() if path_only else schema_text(), nl=path_only)


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
    from . import api

    done = api.dump_data(load_settings(), output, orm_file, config_file, tables, parquet, force)
    if output != "-":
        rows = sum(n for _t, _f, n in done)
        click.echo(f"wrote {output}: {len(done)} tables, {rows:,} rows ({'parquet' if parquet else 'csv'})")


@main.command("list-tables")
@ORM
@CONFIG
@click.option("--tables", "which", type=click.Choice(["all", "vocab", "generated"]), default="generated",
              show_default=True)
@handled
def list_tables(orm_file: str, config_file: str | None, which: str) -> None:
    """Print table names."""
    from . import api

    for t in api.list_tables(orm_file, config_file, which):
        click.echo(t)


# -- the embedded PostgreSQL (sqlsynth/embedded.py) and the example ------------------------------

def _embedded():
    """The embedded server of the working directory, started if need be (one line on stderr)."""
    from .embedded import Embedded, started_message

    server = Embedded()
    started, opened = server.start()
    if started:
        for line in started_message(server, opened):
            click.echo(line, err=True)
    return server


@main.group("db")
def db() -> None:
    """The embedded PostgreSQL of this directory (./.sqlsynth/postgres): the destination when
    DST_DSN is not set. Started on first use, left running; reached through a private Unix socket."""


@db.command("url")
@click.argument("dbname", default="sqlsynth")
@handled
def db_url(dbname: str) -> None:
    """Print the DSN of DBNAME (default sqlsynth) on the embedded server, creating the database if
    missing: DST_DSN=$(sqlsynth db url mydb), SRC_DSN=$(sqlsynth db url pagila)."""
    server = _embedded()
    if server.ensure_database(dbname):
        click.echo(f"created database {dbname} in the embedded PostgreSQL", err=True)
    click.echo(server.dsn(dbname))


@db.command("psql", context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@handled
def db_psql(args: tuple[str, ...]) -> None:
    """Run the bundled psql on the embedded server: sqlsynth db psql [DBNAME] [PSQL OPTIONS...]
    (DBNAME defaults to sqlsynth, made if missing), e.g.
    sqlsynth db psql pagila_synthetic -c 'select count(*) from rental'."""
    import os

    from .embedded import bin_dir, clean_env

    dbname = "sqlsynth"
    if args and not args[0].startswith("-"):
        dbname, args = args[0], args[1:]
    server = _embedded()
    if dbname == "sqlsynth" and server.ensure_database(dbname):  # the default destination: made on first use
        click.echo(f"created database {dbname} in the embedded PostgreSQL", err=True)
    dsn = server.dsn(dbname)
    psql = str(bin_dir() / "psql")
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(psql, [psql, "-d", dsn, *args], clean_env(client=True))


@db.command("stop")
@handled
def db_stop() -> None:
    """Stop the embedded server (its data stays; the next command that needs it starts it again)."""
    from .embedded import Embedded

    server = Embedded()
    server.stop()
    click.echo(f"stopped the embedded PostgreSQL in {server.where()}")


@db.command("status")
@handled
def db_status() -> None:
    """Say where the embedded server is, whether it runs, its version and port. Exit status 0 when
    it runs, 3 when it does not (as pg_ctl status)."""
    from .embedded import Embedded

    server = Embedded()
    st = server.status()
    if not st.exists:
        click.echo(f"no embedded PostgreSQL in {st.where} yet (PostgreSQL {st.version}; made on first use)")
        sys.exit(3)
    if not st.running:
        click.echo(f"embedded PostgreSQL {st.version} in {st.where}: not running (the next command that needs "
                   "it starts it)")
        sys.exit(3)
    click.echo(f"embedded PostgreSQL {st.version} in {st.where}: running, pid {st.pid}, port {st.port}, "
               f"socket {st.socket_dir} (no TCP)")
    click.echo(f"url: {server.dsn()}")
    click.echo(f"log: {server.log}")


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
    from . import api

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
    from . import example as ex

    res = ex.pagila(num_passes, seed, force, _embedded())
    click.echo(ex.summary(res))


if __name__ == "__main__":  # pragma: no cover
    main()
