"""Executors: what runs a compiled Program, and the registry that picks one by the destination's DSN.

An executor is anything with ``run(program, report=None, on_step=None) -> RunStats``:

    PostgresExecutor   execute/postgres.py: the program as it stands, in one transaction
    ChunkedExecutor    execute/parallel.py: inserts in row-range chunks, ``--jobs N`` connections,
                       constraints deferred, the load journal (what ``create-data`` uses)
    ScriptWriter       execute/script.py: the program as one psql script (``compile -o``)
    DuckDBExecutor     execute/duckdb.py: a DuckDB destination (its own program, compile/duckdb.py)

A destination's executor also compiles: ``compile(plan)`` gives the program it runs
(compile_plan for PostgreSQL, compile_duckdb for DuckDB).

``executor_for(dsn, **options)`` picks the executor of a destination by the scheme of its DSN:
``duckdb:`` is DuckDB (sqlsynth/duck.py), anything else -- ``postgresql://``, ``postgres://``,
``key=value`` -- PostgreSQL. ENGINES maps an engine name to a factory ``(dsn, **options) ->
Executor``, each importing its engine's module only when asked (DuckDB's: ``executor(dsn,
**options)`` of ``sqlsynth.execute.duckdb``, with a clear error if that module is absent).
``register(engine, factory)`` adds or replaces an engine.
"""

from __future__ import annotations

import importlib
from typing import Callable, Protocol

from ..compile.program import Program
from ..compile.steps import Step
from ..duck import is_duckdb
from ..errors import SqlsynthError

RunStats = dict[str, tuple[int, float]]  # table -> (rows, seconds)
Report = Callable[[str], None]
OnStep = Callable[[Step, float], None]


class Executor(Protocol):
    """An engine's executor; a destination's also has compile(plan) -> its engine's program."""

    def run(self, program: Program, report: Report | None = None, on_step: OnStep | None = None) -> RunStats:
        """Run every step of the program; {table: (rows, seconds)} of what was inserted."""
        ...


Factory = Callable[..., Executor]


def _postgres(dsn: str, **options) -> Executor:
    from .parallel import ChunkedExecutor

    return ChunkedExecutor(dsn, **options)


def _duckdb(dsn: str, **options) -> Executor:
    try:
        module = importlib.import_module("sqlsynth.execute.duckdb")
    except ModuleNotFoundError as e:
        if e.name != "sqlsynth.execute.duckdb":
            raise
        raise SqlsynthError("loading into DuckDB (a duckdb: DST_DSN) is not available yet in this version of "
                            "sqlsynth; use a PostgreSQL destination") from None
    return module.executor(dsn, **options)


ENGINES: dict[str, Factory] = {"postgresql": _postgres, "duckdb": _duckdb}


def engine_of(dsn: str) -> str:
    """The engine a DSN names: "duckdb" for duckdb:..., else "postgresql" (URL or key=value)."""
    return "duckdb" if is_duckdb(dsn) else "postgresql"


def register(engine: str, factory: Factory) -> None:
    """Add or replace the executor factory of an engine."""
    ENGINES[engine] = factory


def executor_for(dsn: str, **options) -> Executor:
    """The executor of the destination `dsn`, made with the options of the command (jobs, chunk_rows,
    defer, defer_indexes, progress for PostgreSQL)."""
    return ENGINES[engine_of(dsn)](dsn, **options)
