"""orm.yaml + config.yaml -> Plan -> Program: loading and checking the inputs, planning, compiling
(compile, explain, validate-config, list-tables), and ``unit``, which makes each public function one
unit of work of the cache (sqlsynth.cache.unit)."""

from __future__ import annotations

import dataclasses
import functools
import os
from typing import TYPE_CHECKING, Callable

import yaml

from .. import cache
from ..config.load import DEFAULT_CONFIG_FILE, Config, children_settings, load_config, table_selection
from ..db import connect, scrub
from ..errors import ConfigError, ExecutionError, SqlsynthError, first_line
from ..schema.io import load_schema
from ..schema.model import Schema
from ..settings import Settings

if TYPE_CHECKING:  # the planner and the compiler are imported where a plan is built: create-tables, remove-data...
    from ..compile.program import Program  # go without them
    from ..plan.model import Plan


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


def _is_file_source(dsn: str | None) -> bool:
    from ..filesource import is_file_source

    return is_file_source(dsn)


def source_settings(settings: Settings, orm_file: str) -> Settings:
    """settings, with SRC_DSN taken from orm.yaml when it is unset and orm.yaml was reflected from a file
    source (make-tables --parquet-dir DIR records parquet:///DIR, as datafaker records parquet-dir)."""
    import dataclasses

    if settings.src_dsn or not os.path.exists(orm_file):
        return settings
    from ..yamlsafe import load_file

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
    from ..plan.build import build_plan

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
    from ..compile.program import compile_plan

    return compile_plan(plan_load(orm_file, config_file, num_passes, seed, dst_schema, stats_file, append, scale,
                                  inputs))


@unit
def explain(orm_file: str, config_file: str | None, num_passes: int | None = None, seed: int | None = None,
            dst_schema: str | None = None, stats_file: str | None = None, scale: float | None = None,
            table: str | None = None, column: str | None = None) -> list[dict]:
    """The plan as data: per table (load order) its rows and why, per column its node tree, origin and SQL."""
    from ..compile.explain import explain as explain_plan

    plan = plan_load(orm_file, config_file, num_passes, seed, dst_schema, stats_file, scale=scale)
    return explain_plan(plan, table, column)


def _precompute_stories(prog: Program, dst_dsn: str | None) -> None:
    """Stories need the database to fill their rows: run the program in DST_DSN inside a
    transaction that is rolled back, and keep the story rows as COPY blocks for the script."""
    import psycopg

    from ..compile.steps import Stories
    from ..execute.postgres import exec_step
    from ..execute.stories import StoryRunner, story_copy_blocks

    if not dst_dsn:  # the embedded PostgreSQL (sqlsynth.embedded), as for the other destination commands
        from ..settings import Settings

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
    from ..execute.script import ScriptWriter

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
    from ..compile.chunks import DEFAULT_CHUNK_ROWS, split_program
    from ..compile.program import compile_plan
    from ..compile.split import write_split

    plan = plan_load(orm_file, config_file, num_passes, seed, dst_schema, stats_file, scale=scale)
    prog = compile_plan(plan)
    return write_split(split_program(prog, plan, chunk_rows or DEFAULT_CHUNK_ROWS), plan, out_dir, jobs,
                       defer_indexes, force)


def _selection(schema: Schema, config: Config) -> tuple[list[str], set[str], set[str]]:
    """(generated, ignored, vocabulary tables), or the config's problems with those of its table names and
    of an empty children_per_parent (what a plan.build.Builder finds on its creation: the same checks,
    without importing the planner)."""
    problems = children_settings(config)[2]
    generated, ignored, vocab, unknown = table_selection(schema, config)
    if config.problems or problems or unknown:
        raise ConfigError(config.problems + problems + unknown)
    return generated, ignored, vocab


@unit
def validate_config(config_file: str, orm_file: str = "orm.yaml", stats_file: str | None = None) -> Config:
    """Check config.yaml; with orm.yaml present also check tables, columns and generators."""
    config = load_config(config_file, required=True, defer=True)
    config.stats_file = stats_file
    from ..config.published import schema_problems  # the published JSON Schema, if jsonschema is installed

    config.problems += schema_problems(config)
    if os.path.exists(orm_file):
        schema = load_schema(orm_file)
        _checked_plan(schema, config, num_passes=1)
    elif config.problems:
        raise ConfigError(config.problems)
    return config


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
