"""The commands that read the source: make-tables (reflection), generate-config, make-stats, make-vocab."""

from __future__ import annotations

import os

from ..config.load import DEFAULT_CONFIG_FILE
from ..db import connect, mask_dsn, scrub
from ..errors import SqlsynthError
from ..files import write_atomic
from ..schema.io import dump_schema, load_schema
from ..schema.model import Schema
from ..settings import Settings
from .inputs import Report, _is_file_source, _selection, load_inputs, refuse_overwrite, source_settings, unit


@unit
def reflect_source(settings: Settings, dsn: str | None = None) -> Schema:
    """The source's schema: PostgreSQL's (SRC_SCHEMA), or a file source's (schema.reflect_files)."""
    from ..filesource import is_file_source

    dsn = dsn or settings.need_src()
    if is_file_source(dsn):
        from ..schema.reflect_files import reflect_files

        return reflect_files(dsn, masked_dsn=dsn.strip())
    from ..schema.reflect import reflect

    return reflect(dsn, settings.src_schema or "public", masked_dsn=mask_dsn(dsn))


@unit
def make_tables(settings: Settings, orm_file: str = "orm.yaml", force: bool = False,
                parquet_dir: str | None = None) -> Schema:
    """Reflect the source schema into orm.yaml (parquet_dir: a directory of Parquet/CSV files instead of SRC_DSN)."""
    from ..filesource import parquet_dsn

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
    from ..config.starter import starter_config

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
        from ..errors import ConnectionFailed

        try:
            connect(settings.src_dsn, what="source database").close()
            reachable = True
        except ConnectionFailed as e:
            if fit or rules:
                raise
            if warn is not None:
                warn(f"{e}; the config is written from {os.path.basename(orm_file)} alone (not shaped to the source)")
    if fit is not False and reachable:
        from ..stats.profile import profile_source
        from ..stats.propose import shaped_config

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
            from ..stats.guess import fit_config

            text, data = fit_config(schema, text, data)
            if report is not None:
                report("run `sqlsynth make-stats` (against the source) to fit the `stats: auto` generators")
    if rules is None:
        rules = reachable
    if rules:
        from ..stats.propose_rules import rules_config

        text, data, lines = rules_config(settings.need_src(), settings.src_schema or schema.schema, schema, text, data)
        for line in lines if rule_report else ():
            rule_report(line)
    write_atomic(config_file, text)
    return data


# -- vocabulary tables (sqlsynth/vocab) -----------------------------------------------------------


@unit
def make_vocab(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None,
               force: bool = False, compress: bool = False, only: tuple[str, ...] = (), directory: str = ".",
               report=None) -> list:
    """Dump the source's vocabulary tables into <table>.copy[.gz] files (skipping existing ones unless force)."""
    from ..vocab import make_vocab as run

    schema, config = load_inputs(orm_file, config_file)
    _generated, _ignored, vocab = _selection(schema, config)
    settings = source_settings(settings, orm_file)
    return run(settings, schema, vocab, force=force, compress=compress, only=only, directory=directory,
               report=report)


@unit
def make_stats(settings: Settings, orm_file: str = "orm.yaml", config_file: str | None = None,
               stats_file: str = "src-stats.yaml", force: bool = False, jobs: int | None = None,
               report: Report | None = None, for_report: bool = True):
    """Run the config's src-stats queries (and the automatic ones) on the source; write stats_file.
    for_report: also store the source's aggregates that `sqlsynth report` compares with (entry
    sqlsynth__report; DP-noised when the config asks for differential privacy)."""
    from ..stats.run import make_stats as run

    settings = source_settings(settings, orm_file)
    extra, notes = None, []
    if for_report and _is_file_source(settings.src_dsn):
        for_report = False
        notes.append("the report's aggregates of the source are measured on a PostgreSQL source only (this one is "
                     "a DuckDB file or a Parquet directory); sqlsynth report then needs a PostgreSQL SRC_DSN")
    if for_report:
        import psycopg

        from ..report.stored import stored_entry

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
