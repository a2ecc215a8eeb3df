"""The library behind each command. The CLI only parses options and prints.

One module per stage of the work, every public function importable from here
(``sqlsynth.api.create_data``), as before the split:

    inputs       orm.yaml + config.yaml -> Plan -> Program: load_inputs, plan_load, compile_program,
                 compile_script, compile_split, explain, validate_config, list_tables; ``unit``
    source       what reads the source: reflect_source, make_tables, generate_config, make_stats,
                 make_vocab
    destination  what writes or reads the destination: create_tables, create_data, create_data_spark,
                 remove_data, remove_tables, recover, create_vocab, remove_vocab, report, dump_data

Each public function is one unit of work of the cache (sqlsynth.cache.unit): what it found worth
keeping is written to ./.sqlsynth/cache when it returns, and forgotten when it raises.
"""

from __future__ import annotations

from .destination import (
    create_data, create_data_spark, create_tables, create_vocab, dump_data, recover, remove_data, remove_tables,
    remove_vocab, report, small_load_defer,
)
from .inputs import (
    Report, _checked_plan, _precompute_stories, compile_program, compile_script, compile_split, dump_yaml, explain,
    list_tables, load_inputs, plan_load, refuse_overwrite, source_settings, unit, validate_config,
)
from .source import generate_config, make_stats, make_tables, make_vocab, reflect_source

__all__ = [
    "Report", "compile_program", "compile_script", "compile_split", "create_data", "create_data_spark",
    "create_tables", "create_vocab", "dump_data", "dump_yaml", "explain", "generate_config", "list_tables",
    "load_inputs", "make_stats", "make_tables", "make_vocab", "plan_load", "recover", "reflect_source",
    "refuse_overwrite", "remove_data", "remove_tables", "remove_vocab", "report", "small_load_defer",
    "source_settings", "unit", "validate_config",
]
