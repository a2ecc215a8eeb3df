"""generate-config: a starter config.yaml with every table and its settings."""

from __future__ import annotations

from typing import Any

from ..schema.io import dump_yaml
from .published import modeline
from ..schema.model import Schema
from .infer import infer_table

HEADER = """\
# sqlsynth config: one entry per table of orm.yaml.
#   ignore: true            leave the table out (and foreign keys pointing at it)
#   vocabulary_table: true  copy the table verbatim from the source (make-vocab / create-vocab)
#   num_rows_per_pass: N    rows per pass; create-data --num-passes P makes N x P rows
#   rows: N                 an absolute row count for this table (overrides num_rows_per_pass)
#   row_generators:         per-column generators, datafaker's shape:
#     - name: generic.numeric.integer_number
#       columns_assigned: length
#       kwargs: {start: 45, end: 185}
# The generators below were guessed from column names and types; edit or delete them.
# Columns with no generator get a default that fits their type, length, CHECK bounds,
# foreign keys and unique constraints. Partitions of a partitioned table are not
# listed: rows are generated into the parent and routed by PostgreSQL.
"""
# First line: editors with the YAML language server check the file against the published schema.
HEADER = modeline() + HEADER


def starter_config(schema: Schema) -> tuple[str, dict[str, Any]]:
    tables: dict[str, Any] = {}
    for name, t in sorted(schema.tables.items()):
        if t.is_partition:
            continue
        tables[name] = {
            "ignore": False,
            "vocabulary_table": False,
            "num_rows_per_pass": 1,
            "row_generators": infer_table(schema, t),
        }
    data = {"tables": tables}
    return HEADER + dump_yaml(data), data  # NEL/LS/PS in names survive the round trip
