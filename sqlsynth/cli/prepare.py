"""The commands that prepare a load: make-tables, generate-config, make-stats, validate-config,
config-schema, list-tables, explain, compile."""

from __future__ import annotations

import click

from ..errors import SqlsynthError
from ..settings import load_settings
from .base import APPEND, CHUNK_ROWS, CONFIG, FORCE, JOBS, ORM, PASSES, SCALE, SEED, STATS, handled, main


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
    from .. import api

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
    from .. import api

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
    from .. import api

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
    from .. import api

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
        from ..files import write_atomic

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

    from .. import api
    from ..compile.explain import text

    settings = load_settings()
    report = api.explain(orm_file, config_file, num_passes, seed, dst_schema or settings.dst_schema, stats_file,
                         scale, table, None)
    if column is not None:
        report = [dict(t, columns=[c for c in t["columns"] if c["column"] == column]) for t in report]
        report = [t for t in report if t["columns"]]
        if not report:
            raise SqlsynthError(f"explain: no generated column {column!r}" + (f" in table {table}" if table else ""))
    click.echo(json.dumps(report, indent=2) if fmt == "json" else text(report), nl=fmt == "json")


@main.command("validate-config")
@click.argument("config_file", default="config.yaml")
@ORM
@STATS
@handled
def validate_config(config_file: str, orm_file: str, stats_file: str | None) -> None:
    """Check config.yaml (and, with orm.yaml, its tables, columns and generators)."""
    from .. import api

    api.validate_config(config_file, orm_file, stats_file)
    click.echo(f"{config_file} is valid")


@main.command("config-schema")
@click.option("--path", "path_only", is_flag=True, help="Print the path of the installed schema file instead.")
def config_schema(path_only: bool) -> None:
    """Print the JSON Schema (draft 2020-12) of config.yaml, for editors and CI checks."""
    from ..config.published import schema_path, schema_text

    click.echo(schema_path() if path_only else schema_text(), nl=path_only)


@main.command("list-tables")
@ORM
@CONFIG
@click.option("--tables", "which", type=click.Choice(["all", "vocab", "generated"]), default="generated",
              show_default=True)
@handled
def list_tables(orm_file: str, config_file: str | None, which: str) -> None:
    """Print table names."""
    from .. import api

    for t in api.list_tables(orm_file, config_file, which):
        click.echo(t)
