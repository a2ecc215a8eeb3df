"""The `sqlsynth` command group, the options its commands share, the error handling that turns every
SqlsynthError into one line (``handled``), and the embedded server's `db` group."""

from __future__ import annotations

import atexit
import functools
import os
import sys
import threading

import click

from .. import __version__, cache
from ..errors import ConfigError, SqlsynthError


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


def run() -> None:
    """The `sqlsynth` program (the console script and ``python -m sqlsynth``): ``main``, then the process
    ends at once with the command's exit status, without the interpreter's teardown -- freeing every
    module and object of psycopg, sqlglot and sqlsynth takes longer than some commands' work (about
    60 ms after create-data). What a normal exit does that matters is done first: the atexit functions
    run and stdout and stderr are flushed. Left to the normal exit: a status that is not a number (a
    message), a thread still running, output that cannot be flushed, a profiler or tracer (`python -m
    cProfile -m sqlsynth` prints its report after the program). Code embedding the CLI calls
    ``main``, which raises SystemExit as usual."""
    try:
        main(prog_name="sqlsynth")
    except SystemExit as e:
        code = e.code
        if (code is None or isinstance(code, int)) and threading.active_count() == 1 \
                and sys.getprofile() is None and sys.gettrace() is None:  # a profiler reports after main
            atexit._run_exitfuncs()  # what interpreter shutdown would run first (it then has none left)
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except (OSError, ValueError):  # a closed pipe, a closed stream: the normal exit reports it
                raise e from None
            os._exit((code or 0) & 0xFF)
        raise


# -- the embedded PostgreSQL (sqlsynth/embedded.py) and the example ------------------------------

def _embedded():
    """The embedded server of the working directory, started if need be (one line on stderr)."""
    from ..embedded import Embedded, started_message

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

    from ..embedded import bin_dir, clean_env

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
    from ..embedded import Embedded

    server = Embedded()
    server.stop()
    click.echo(f"stopped the embedded PostgreSQL in {server.where()}")


@db.command("status")
@handled
def db_status() -> None:
    """Say where the embedded server is, whether it runs, its version and port. Exit status 0 when
    it runs, 3 when it does not (as pg_ctl status)."""
    from ..embedded import Embedded

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
