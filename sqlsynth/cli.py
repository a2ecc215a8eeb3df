"""The `sqlsynth` command: datafaker's commands and options, compiled to server-side SQL.

Thin: options -> one library call (sqlsynth.api) -> a summary. Every SqlsynthError
becomes one line per problem on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import functools
import sys

import click

from . import __version__, api
from .errors import ConfigError, SqlsynthError
from .settings import load_settings

ORM = click.option("--orm-file", default="orm.yaml", show_default=True, help="The schema file written by make-tables.")
CONFIG = click.option("--config-file", default="config.yaml", show_default=True, help="The generator config.")
PASSES = click.option("--num-passes", "-n", default=1, show_default=True, type=click.IntRange(min=0),
                      help="Rows per table = num_rows_per_pass x this (tables with `rows:` excepted).")
SEED = click.option("--seed", type=int, default=None,
                    help="Random seed; the same seed gives identical data. Default: config `seed`, else 0.")
YES = click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
FORCE = click.option("--force", "-f", is_flag=True, help="Overwrite an existing output file.")


def _err(msg: str) -> None:
    click.echo(f"sqlsynth: error: {msg}" if not msg.startswith(("config", "orm")) else msg, err=True)


def handled(f):
    """Turn library errors into one-line messages and exit status 1."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
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
    environment or a .env file in the current directory.
    """
    ctx.obj = {"verbose": verbose}


@main.command("make-tables")
@ORM
@FORCE
@handled
def make_tables(orm_file: str, force: bool) -> None:
    """Reflect the source schema (SRC_DSN, SRC_SCHEMA) into orm.yaml."""
    schema = api.make_tables(load_settings(), orm_file, force)
    click.echo(f"wrote {orm_file}: {len(schema.tables)} tables, {len(schema.enums)} enums, {len(schema.domains)} domains")


@main.command("generate-config")
@ORM
@CONFIG
@FORCE
@handled
def generate_config(orm_file: str, config_file: str, force: bool) -> None:
    """Write a starter config.yaml with every table (from orm.yaml, or the source if there is none)."""
    data = api.generate_config(load_settings(), orm_file, config_file, force)
    click.echo(f"wrote {config_file}: {len(data['tables'])} tables")


@main.command("compile")
@ORM
@CONFIG
@PASSES
@SEED
@click.option("--output", "-o", default="-", show_default=True, help="Output SQL file, or - for stdout.")
@click.option("--dst-schema", default=None, help="Schema to fill (default: DST_SCHEMA, else the orm's schema).")
@handled
def compile_cmd(orm_file: str, config_file: str, num_passes: int, seed: int | None, output: str,
                dst_schema: str | None) -> None:
    """Compile the config into one SQL script for `psql -v ON_ERROR_STOP=1 -f FILE`."""
    dst_schema = dst_schema or load_settings().dst_schema
    text = api.compile_script(orm_file, config_file, num_passes, seed, dst_schema)
    if output == "-":
        click.echo(text, nl=False)
    else:
        tmp = output + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        import os

        os.replace(tmp, output)
        click.echo(f"wrote {output}", err=True)


@main.command("create-tables")
@ORM
@CONFIG
@handled
def create_tables(orm_file: str, config_file: str) -> None:
    """Create the schema's types and tables in the destination (DST_DSN, DST_SCHEMA)."""
    tables = api.create_tables(load_settings(), orm_file, config_file)
    click.echo(f"created {len(tables)} tables")


@main.command("create-data")
@ORM
@CONFIG
@PASSES
@SEED
@click.option("--verbose", "-v", "verbose_here", is_flag=True, help="Print per-table progress.")
@click.pass_context
@handled
def create_data(ctx: click.Context, orm_file: str, config_file: str, num_passes: int, seed: int | None,
                verbose_here: bool) -> None:
    """Generate rows in the destination, server-side, in one transaction."""
    verbose = verbose_here or (ctx.obj.get("verbose") if ctx.obj else False)
    report = (lambda m: click.echo(m, err=True)) if verbose or sys.stderr.isatty() else None
    prog = api.create_data(load_settings(), orm_file, config_file, num_passes, seed, report)
    for w in prog.warnings:
        click.echo(f"sqlsynth: warning: {w}", err=True)
    click.echo(f"generated {prog.total_rows} rows in {len(prog.tables)} tables (seed {prog.seed})")


@main.command("remove-data")
@ORM
@CONFIG
@YES
@handled
def remove_data(orm_file: str, config_file: str, yes: bool) -> None:
    """Empty the generated tables of the destination (vocabulary tables are kept)."""
    _confirm(yes, "This deletes every row of the generated tables in DST_DSN")
    tables = api.remove_data(load_settings(), orm_file, config_file)
    click.echo(f"emptied {len(tables)} tables")


@main.command("remove-tables")
@ORM
@CONFIG
@YES
@handled
def remove_tables(orm_file: str, config_file: str, yes: bool) -> None:
    """Drop the tables (and types) of orm.yaml from the destination."""
    _confirm(yes, "This drops the tables of orm.yaml in DST_DSN")
    tables = api.remove_tables(load_settings(), orm_file, config_file)
    click.echo(f"dropped {len(tables)} tables")


@main.command("validate-config")
@click.argument("config_file", default="config.yaml")
@ORM
@handled
def validate_config(config_file: str, orm_file: str) -> None:
    """Check config.yaml (and, with orm.yaml, its tables, columns and generators)."""
    api.validate_config(config_file, orm_file)
    click.echo(f"{config_file} is valid")


@main.command("list-tables")
@ORM
@CONFIG
@click.option("--tables", "which", type=click.Choice(["all", "vocab", "generated"]), default="generated",
              show_default=True)
@handled
def list_tables(orm_file: str, config_file: str, which: str) -> None:
    """Print table names."""
    for t in api.list_tables(orm_file, config_file, which):
        click.echo(t)


if __name__ == "__main__":  # pragma: no cover
    main()
