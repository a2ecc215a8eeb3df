"""The `sqlsynth` command: datafaker's commands and options, compiled to server-side SQL.

Thin: options -> one library call (sqlsynth.api) -> a summary. Every SqlsynthError
becomes one line per problem on stderr and exit status 1, never a traceback.

    base     the command group ``main``, the program ``run`` (the entry point ``sqlsynth.cli:run``: main, then
             the process ends without the interpreter's teardown), the shared options,
             ``handled`` (errors -> one line, exit 1) and the embedded server's `db` group
    prepare  make-tables, generate-config, make-stats, validate-config, config-schema, list-tables,
             explain, compile
    load     create-tables, create-data, remove-data, remove-tables, recover, the vocabulary
             commands, dump-data, report, example

Importing it loads click and none of the libraries a command needs (each command imports what it
uses when it runs: tests/test_startup.py).
"""

from __future__ import annotations

from . import load, prepare  # noqa: F401 - registers their commands on main
from .base import main, run

__all__ = ["main", "run"]
