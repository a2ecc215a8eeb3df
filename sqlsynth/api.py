"""The library behind each command. The CLI only parses options and prints."""

from __future__ import annotations

import dataclasses
import functools
import os
from typing import Callable

import yaml

from . import cache
from .compile.program import Program, compile_plan
from .config.load import DEFAULT_CONFIG_FILE, Config, load_config
from .db import connect, mask_dsn, scrub
from .duck import is_duckdb
from .errors import ConfigError, ConnectionFailed, ExecutionError, SqlsynthError, first_line
from .files import write_atomic
from .plan.build import Builder, build_plan
from .plan.model import Plan
from .schema.io import dump_schema, load_schema
from .schema.model import Schema
from .settings import Settings

Report = Callable[[str], None]


def unit(f):
    """A public function of the library as one unit of work of the cache (sqlsynth.cache.unit): what it
    found worth keeping (pools, the orm.yaml check) is written to ./.sqlsynth/cache when it returns, and
    forgotten when it raises -- for library callers as for the command line (whose command is the
    outermost unit, so that a command calling several functions writes once, when it succeeds)."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        with cache.unit():
            return f(*args, **kwargs)
    return wrapper


def refuse_overwrite(path: str, force: bool) -> None:
    """An existing file or directory is not overwritten without --force; a device or a named pipe
    (`-o /dev/null`, `-o /dev/stdout`) is written into, which overwrites nothing."""
    if (os.path.isfile(path) or os.path.isdir(path)) and not force:
        raise SqlsynthError(f"{path} already exists; use --force to overwrite it")


@unit
def reflect_source(settings: Settings, dsn: str | None = None) -> Schema:
    """The source's schema: PostgreSQL's (SRC_SCHEMA), or a file source's (schema.reflect_files)."""
    from .filesource import is_file_source

    dsn = dsn or settings.need_src()
    if is_file_source(dsn):
        from .schema.reflect_files import reflect_files

        return reflect_files(dsn, masked_dsn=dsn.strip())
    from .schema.reflect import reflect

    return reflect(dsn, settings.src_schema or "public", masked_dsn=mask_dsn(dsn))


@unit
def make_tables(settings: Settings, orm_file: str = "orm.yaml", force: bool = False,
                parquet_dir: str | None = None) -> Schema:
    """Reflect the source schema into orm.yaml (parquet_dir: a directory of Parquet/CSV files instead of SRC_DSN)."""
    from .filesource import parquet_dsn

    refuse_overwrite(orm_file, force)
    schema = reflect_source(settings, parquet_dsn(parquet_dir) if parquet_dir else None)
    dump_schema(schema, orm_file)
    return schema


@unit
def generate_config(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None,
                    force: bool = False, fit: bool | None = None, rules: bool | None = None,
                    jobs: int | None = None, report: Report | None = None, warn: Report | None = None,
                    rule_report: Report | None = None) -> dict:
    """Write a config.yaml listing every table with its settings.

    fit None (default): shaped to the source when SRC_DSN is set and reachable (row counts, vocabulary
    tables, children per parent, fitted generators: sqlsynth.stats.propose), else a starter config
    from orm.yaml alone. fit True: shaped to the source, or (no SRC_DSN) `stats: auto` generators
    guessed from orm.yaml. fit False: the starter config, without reading the source.
    rules (default: when the source is reachable): measure the source and add the consistency rules it
    supports (stats/propose_rules.py); rule_report(line) is told each one."""
    config_file = config_file or DEFAULT_CONFIG_FILE
    refuse_overwrite(config_file, force)
    if os.path.exists(orm_file):
        schema = load_schema(orm_file)
    else:
        schema = reflect_source(settings)
    from .config.starter import starter_config

    text = data = None
    reachable = False
    file_source = _is_file_source(settings.src_dsn)  # shaping and rules read PostgreSQL's catalogs
    if file_source:
        if rules:
            raise SqlsynthError("generate-config --rules measures a PostgreSQL source; the source is a DuckDB file "
                                "or a Parquet directory: use --no-rules")
        if fit is None and warn is not None:
            warn("shaping the config to the source needs a PostgreSQL source (this one is a DuckDB file or a "
                 f"Parquet directory): the config is the starter one from {os.path.basename(orm_file)} "
                 "(--fit: `stats: auto` generators guessed from it, fitted by make-stats)")
        rules = False
    if settings.src_dsn and not file_source and (fit is not False or rules is not False):
        from .errors import ConnectionFailed

        try:
            connect(settings.src_dsn, what="source database").close()
            reachable = True
        except ConnectionFailed as e:
            if fit or rules:
                raise
            if warn is not None:
                warn(f"{e}; the config is written from {os.path.basename(orm_file)} alone (not shaped to the source)")
    if fit is not False and reachable:
        from .stats.profile import profile_source
        from .stats.propose import shaped_config

        prof = profile_source(settings.src_dsn, schema, jobs or 1)
        if prof and not any(tp.rows for tp in prof.values()):
            # a schema without data (DDL only): nothing to shape to, and a shaped config would give
            # every table 0 rows; the starter config (sized by --num-passes) is what the user wants
            if warn is not None:
                warn("every table of the source is empty: the config is the starter one from "
                     f"{os.path.basename(orm_file)} (num_rows_per_pass: 1, sized by create-data --num-passes), "
                     "not shaped to the source")
            if rules is None:
                rules = False
        else:
            text, data, summary = shaped_config(schema, prof)
            if report is not None:
                report(f"shaped to the source: {len(summary['vocabulary'])} vocabulary tables "
                       f"({', '.join(summary['vocabulary']) or 'none'}), {summary['children']} foreign keys "
                       f"followed (children per parent), {summary['fitted']} fitted generators; "
                       "run `sqlsynth make-stats` next")
    if text is None:
        text, data = starter_config(schema)
        if fit:  # stats: auto on numeric/categorical/date columns, chosen from orm.yaml only
            from .stats.guess import fit_config

            text, data = fit_config(schema, text, data)
            if report is not None:
                report("run `sqlsynth make-stats` (against the source) to fit the `stats: auto` generators")
    if rules is None:
        rules = reachable
    if rules:
        from .stats.propose_rules import rules_config

        text, data, lines = rules_config(settings.need_src(), settings.src_schema or schema.schema, schema, text, data)
        for line in lines if rule_report else ():
            rule_report(line)
    write_atomic(config_file, text)
    return data


def _is_file_source(dsn: str | None) -> bool:
    from .filesource import is_file_source

    return is_file_source(dsn)


def source_settings(settings: Settings, orm_file: str) -> Settings:
    """settings, with SRC_DSN taken from orm.yaml when it is unset and orm.yaml was reflected from a file
    source (make-tables --parquet-dir DIR records parquet:///DIR, as datafaker records parquet-dir)."""
    import dataclasses

    if settings.src_dsn or not os.path.exists(orm_file):
        return settings
    from .yamlsafe import load_file

    try:
        data = load_file(orm_file)  # the capped reader, as for every YAML file
    except (OSError, SqlsynthError, yaml.YAMLError):
        return settings  # load_inputs reports what is wrong with orm.yaml
    dsn = data.get("dsn") if isinstance(data, dict) else None
    return dataclasses.replace(settings, src_dsn=dsn) if isinstance(dsn, str) and _is_file_source(dsn) else settings


@unit
def load_inputs(orm_file: str, config_file: str | None, config_required: bool = False) -> tuple[Schema, Config]:
    """Load orm.yaml and config.yaml, reporting the problems of both at once.

    config_file None: ./config.yaml, or an empty config (every table with its defaults) if there is
    none; a config file that is named (or config_required) must exist.

    Problems in config entries are not raised here but kept in config.problems: the checks
    against the schema (_selection, _checked_plan) add theirs and raise them all together.
    """
    problems = []
    schema = config = None
    try:
        schema = load_schema(orm_file)
    except ConfigError as e:
        problems += e.problems
    try:
        config = load_config(config_file or DEFAULT_CONFIG_FILE, required=config_required or config_file is not None,
                             defer=True)
    except ConfigError as e:
        problems += e.problems
    if problems:
        raise ConfigError(problems + (config.problems if config is not None else []))
    return schema, config


def _checked_plan(schema: Schema, config: Config, **kwargs) -> Plan:
    """build_plan, raising the config's own problems together with the plan's."""
    try:
        plan = build_plan(schema, config, **kwargs)
    except ConfigError as e:
        raise ConfigError(config.problems + e.problems) from None
    if config.problems:
        raise ConfigError(config.problems)
    return plan


@unit
def plan_load(orm_file: str, config_file: str | None, num_passes: int | None = None, seed: int | None = None,
              dst_schema: str | None = None, stats_file: str | None = None, append: bool = False,
              scale: float | None = None, inputs: tuple[Schema, Config] | None = None) -> Plan:
    """num_passes multiplies num_rows_per_pass, scale the row counts from the source (rows_from_source);
    None: 1, and no warning when the config has no table sized that way. inputs: what load_inputs
    returned for these files (a caller that loaded them already; each is used once)."""
    schema, config = inputs or load_inputs(orm_file, config_file)
    config.stats_file = stats_file  # None: ./src-stats.yaml if it exists (read only when referenced)
    plan = _checked_plan(schema, config, num_passes=num_passes, seed=seed, dst_schema=dst_schema, append=append,
                         scale=scale)
    if append and (plan.stories or plan.py_stages):
        what = "story generators" if plan.stories else "custom Python row generators"
        raise SqlsynthError(f"--append does not support {what} yet (their rows are numbered from 1); "
                            "run remove-data and load again")
    return plan


@unit
def compile_program(orm_file: str, config_file: str | None, num_passes: int | None = None, seed: int | None = None,
                    dst_schema: str | None = None, stats_file: str | None = None, append: bool = False,
                    scale: float | None = None, inputs: tuple[Schema, Config] | None = None) -> Program:
    return compile_plan(plan_load(orm_file, config_file, num_passes, seed, dst_schema, stats_file, append, scale,
                                  inputs))


@unit
def explain(orm_file: str, config_file: str | None, num_passes: int | None = None, seed: int | None = None,
            dst_schema: str | None = None, stats_file: str | None = None, scale: float | None = None,
            table: str | None = None, column: str | None = None) -> list[dict]:
    """The plan as data: per table (load order) its rows and why, per column its node tree, origin and SQL."""
    from .compile.explain import explain as explain_plan

    plan = plan_load(orm_file, config_file, num_passes, seed, dst_schema, stats_file, scale=scale)
    return explain_plan(plan, table, column)


def _precompute_stories(prog: Program, dst_dsn: str | None) -> None:
    """Stories need the database to fill their rows: run the program in DST_DSN inside a
    transaction that is rolled back, and keep the story rows as COPY blocks for the script."""
    import psycopg

    from .compile.steps import Stories
    from .execute.postgres import exec_step
    from .execute.stories import StoryRunner, story_copy_blocks

    if not dst_dsn:  # the embedded PostgreSQL (sqlsynth.embedded), as for the other destination commands
        from .settings import Settings

        dst_dsn = Settings().need_dst()
    conn = connect(dst_dsn, what="destination database")
    try:
        conn.execute("BEGIN")
        for k, step in enumerate(prog.steps):
            if not step.transactional:
                continue
            if isinstance(step, Stories):
                res = StoryRunner(conn, prog.plan, prog.plan.stories, keep_rows=True).run()
                prog.steps[k] = dataclasses.replace(step, blocks=story_copy_blocks(conn, prog.plan, res))
                break
            exec_step(conn, step)
    except psycopg.Error as e:
        first = first_line(e)
        raise ExecutionError(f"running the stories for the script failed: {scrub(first, dst_dsn)}") from None
    finally:
        conn.rollback()
        conn.close()


@unit
def compile_script(orm_file: str, config_file: str | None, num_passes: int | None = None, seed: int | None = None,
                   dst_schema: str | None = None, dst_dsn: str | None = None, stats_file: str | None = None,
                   append: bool = False, scale: float | None = None, warn: Report | None = None) -> str:
    prog = compile_program(orm_file, config_file, num_passes, seed, dst_schema, stats_file, append, scale)
    for w in prog.warnings if warn is not None else ():
        warn(w)
    from .execute.script import ScriptWriter

    if prog.plan is not None and prog.plan.stories:
        _precompute_stories(prog, dst_dsn)
    header = [
        "sqlsynth compiled load program",
        f"from {os.path.basename(orm_file)} and {os.path.basename(config_file or DEFAULT_CONFIG_FILE)}, "
        f"--num-passes {1 if num_passes is None else num_passes}" + ("" if scale is None else f", --scale {scale:g}"),
        "run with: psql -v ON_ERROR_STOP=1 -f FILE (into a database made by `sqlsynth create-tables`)",
    ]
    if append:
        header.append("--append: adds rows after those already in the tables (offsets read when it runs)")
    writer = ScriptWriter(header)
    writer.run(prog)
    return writer.text


@unit
def compile_split(orm_file: str, config_file: str | None, out_dir: str, num_passes: int | None = None,
                  seed: int | None = None, dst_schema: str | None = None, jobs: int = 2, chunk_rows: int | None = None,
                  defer_indexes: bool = True, force: bool = False, stats_file: str | None = None,
                  scale: float | None = None) -> list[str]:
    """Write the load as separate psql scripts for parallel runs (see sqlsynth.compile.split)."""
    from .compile.chunks import DEFAULT_CHUNK_ROWS, split_program
    from .compile.split import write_split

    plan = plan_load(orm_file, config_file, num_passes, seed, dst_schema, stats_file, scale=scale)
    prog = compile_plan(plan)
    return write_split(split_program(prog, plan, chunk_rows or DEFAULT_CHUNK_ROWS), plan, out_dir, jobs,
                       defer_indexes, force)


def _placement(settings: Settings, schema: Schema):
    """Where each schema of orm.yaml goes in the destination (DST_SCHEMA: see schema/placement.py)."""
    from .schema.placement import placement

    return placement(schema, settings.dst_schema)


def _no_unfinished_load(dsn: str) -> None:
    """Every command that writes into the destination first checks its load journal: after a load was
    killed (`kill -9`, power loss) it refuses with one line naming `sqlsynth recover`."""
    from .execute.journal import refuse_unfinished

    refuse_unfinished(dsn)


@unit
def recover(settings: Settings, report: Report | None = None) -> list[str]:
    """Undo every unfinished load of the destination (see sqlsynth.execute.journal): delete the rows
    it wrote (only those), re-create the constraints and indexes it dropped, put the sequences back."""
    from .execute.journal import recover as run

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


def _selection(schema: Schema, config: Config) -> tuple[list[str], set[str], set[str]]:
    b = Builder(schema, config, 1, 0, None)
    generated, ignored, vocab = b.select_tables()
    if config.problems or b.problems:
        raise ConfigError(config.problems + b.problems)
    return generated, ignored, vocab


@unit
def create_tables(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None) -> list[str]:
    from .schema.ddl import create_statements

    schema, config = load_inputs(orm_file, config_file)
    _generated, ignored, _vocab = _selection(schema, config)
    if is_duckdb(settings.dst_dsn):  # DuckDB destination: sqlsynth/execute/duckdb.py
        from .execute import duckdb as duck

        tables, warnings = duck.create_tables(settings.dst_dsn, schema, ignored, settings.dst_schema)
        for w in warnings:
            import sys

            print(f"sqlsynth: warning: {w}", file=sys.stderr)
        return tables
    dsn = settings.need_dst()
    if settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to create tables in it")
    _no_unfinished_load(dsn)
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
    from .execute.base import executor_for

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
    from .compile.chunks import BIG_LOAD_ROWS

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
    from .compile.spark import DEFAULT_PARTITIONS, compile_spark
    from .execute import spark as sx

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
        from .execute.spark_jdbc import create_data_jdbc, jar_conf

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
        from .execute import duckdb as duck

        return duck.empty_tables(settings.dst_dsn, schema, generated, "remove-data", settings.dst_schema)
    embedded = not settings.dst_dsn  # the default destination: known only once started
    dsn = settings.need_dst()
    if embedded and settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to remove data from it")
    _no_unfinished_load(dsn)
    if generated:
        dst = _placement(settings, schema)
        _run_statements(dsn, [f"TRUNCATE {', '.join(dst.qtable(schema.tables[t]) for t in generated)} RESTART IDENTITY"],
                        "remove-data")
    return generated


@unit
def remove_tables(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None) -> list[str]:
    from .schema.ddl import drop_statements

    schema, config = load_inputs(orm_file, config_file)
    if settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to drop its tables")
    _generated, ignored, _vocab = _selection(schema, config)
    if is_duckdb(settings.dst_dsn):
        from .execute import duckdb as duck

        return duck.remove_tables(settings.dst_dsn, schema, ignored, settings.dst_schema)
    embedded = not settings.dst_dsn  # the default destination: known only once started
    dsn = settings.need_dst()
    if embedded and settings.dst_is_src():
        raise SqlsynthError("DST_DSN is the source database (SRC_DSN); refusing to drop its tables")
    _no_unfinished_load(dsn)
    _run_statements(dsn, drop_statements(schema, _placement(settings, schema), skip_tables=ignored), "remove-tables")
    return [t for t in sorted(schema.tables) if t not in ignored and not schema.tables[t].is_partition]


# -- vocabulary tables (sqlsynth/vocab) -----------------------------------------------------------


@unit
def make_vocab(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None,
               force: bool = False, compress: bool = False, only: tuple[str, ...] = (), directory: str = ".",
               report=None) -> list:
    """Dump the source's vocabulary tables into <table>.copy[.gz] files (skipping existing ones unless force)."""
    from .vocab import make_vocab as run

    schema, config = load_inputs(orm_file, config_file)
    _generated, _ignored, vocab = _selection(schema, config)
    settings = source_settings(settings, orm_file)
    return run(settings, schema, vocab, force=force, compress=compress, only=only, directory=directory,
               report=report)


@unit
def create_vocab(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None,
                 directory: str = ".", report=None) -> list:
    """Load every vocabulary table from its file into the destination, in one transaction."""
    from .vocab import create_vocab as run

    schema, config = load_inputs(orm_file, config_file)
    _generated, _ignored, vocab = _selection(schema, config)
    if is_duckdb(settings.dst_dsn):
        from .execute import duckdb as duck

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
    from .vocab import remove_vocab as run

    schema, config = load_inputs(orm_file, config_file)
    _generated, _ignored, vocab = _selection(schema, config)
    if is_duckdb(settings.dst_dsn):
        from .execute import duckdb as duck

        return duck.remove_vocab(settings.dst_dsn, schema, vocab, settings.dst_schema)
    if vocab and settings.dst_dsn and not settings.dst_is_src():
        try:
            _no_unfinished_load(settings.dst_dsn)
        except ConnectionFailed:
            pass  # reported by the command itself, with the other problems it finds
    return run(settings, schema, vocab, _placement(settings, schema))


@unit
def validate_config(config_file: str, orm_file: str = "orm.yaml", stats_file: str | None = None) -> Config:
    """Check config.yaml; with orm.yaml present also check tables, columns and generators."""
    config = load_config(config_file, required=True, defer=True)
    config.stats_file = stats_file
    from .config.published import schema_problems  # the published JSON Schema, if jsonschema is installed

    config.problems += schema_problems(config)
    if os.path.exists(orm_file):
        schema = load_schema(orm_file)
        _checked_plan(schema, config, num_passes=1)
    elif config.problems:
        raise ConfigError(config.problems)
    return config


@unit
def make_stats(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None,
               stats_file: str = "src-stats.yaml", force: bool = False, jobs: int | None = None,
               report: Report | None = None, for_report: bool = True):
    """Run the config's src-stats queries (and the automatic ones) on the source; write stats_file.
    for_report: also store the source's aggregates that `sqlsynth report` compares with (entry
    sqlsynth__report; DP-noised when the config asks for differential privacy)."""
    from .stats.run import make_stats as run

    settings = source_settings(settings, orm_file)
    extra, notes = None, []
    if for_report and _is_file_source(settings.src_dsn):
        for_report = False
        notes.append("the report's aggregates of the source are measured on a PostgreSQL source only (this one is "
                     "a DuckDB file or a Parquet directory); sqlsynth report then needs a PostgreSQL SRC_DSN")
    if for_report:
        import psycopg

        from .report.stored import stored_entry

        def extra(cfg, schema):
            # optional: a schema the report cannot measure must not stop make-stats (a warning instead)
            try:
                return stored_entry(settings, cfg, schema)
            except (psycopg.Error, SqlsynthError, ValueError, TypeError) as e:
                first = (str(e).strip().splitlines() or [type(e).__name__])[0]
                notes.append(f"the report's aggregates of the source were not stored ({scrub(first, settings.src_dsn)}); "
                             "sqlsynth report then needs SRC_DSN")
                return {}
    res = run(settings, orm_file, config_file or DEFAULT_CONFIG_FILE, stats_file, force, jobs, report, extra)
    res.warnings += notes
    return res


@unit
def list_tables(orm_file: str = "orm.yaml", config_file: str | None = None, which: str = "generated") -> list[str]:
    schema, config = load_inputs(orm_file, config_file)
    generated, ignored, vocab = _selection(schema, config)
    if which == "generated":
        return generated
    if which == "vocab":
        return sorted(vocab)
    return sorted(t for t in schema.tables if not schema.tables[t].is_partition and t not in ignored)


def dump_yaml(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@unit
def report(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None,
           stats_file: str | None = None, out: str = "report", fmt: str = "both", reference: str = "auto",
           quasi_identifiers: tuple[str, ...] = (), fail_under: float | None = None, max_tvd: float | None = None,
           min_rule_pass: float | None = None, progress: Report | None = None, jobs: int = 2):
    """Compare the destination with the source (SRC_DSN, or src-stats.yaml's sqlsynth__report entry);
    write out.json and/or out.html. Returns report.run.ReportResult (failures: the thresholds missed)."""
    from .report.run import ReportResult, build, gate, write

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
        from .yamlsafe import load_file

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
    from .execute.dump import dump_data as run

    schema, config = load_inputs(orm_file, config_file)
    generated, _ignored, _vocab = _selection(schema, config)
    unknown = [t for t in tables if t not in schema.tables]
    if unknown:
        raise SqlsynthError(f"dump-data: no table {', '.join(unknown)} in {orm_file}")
    names = list(dict.fromkeys(tables)) or [t for t in generated if not schema.tables[t].is_partition]
    dst = _placement(settings, schema)
    return run(settings.need_dst(), schema, [schema.tables[t] for t in names], dst.where, output,
               "parquet" if parquet else "csv", force, report)
