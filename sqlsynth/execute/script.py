"""The psql script as an Executor (execute/base.py): `compile -o` runs the program into text."""

from __future__ import annotations

from typing import Callable

from ..compile.program import Program, render_script
from ..compile.steps import Step


class ScriptWriter:
    """Runs a program into one psql script (program.render_script): `text` holds it afterwards.
    Nothing is executed; the stats are the rows each insert will write (0 seconds)."""

    def __init__(self, header: list[str] | None = None):
        self.header = header
        self.text = ""

    def run(self, program: Program, report: Callable[[str], None] | None = None,
            on_step: Callable[[Step, float], None] | None = None) -> dict[str, tuple[int, float]]:
        self.text = render_script(program, self.header)
        stats: dict[str, tuple[int, float]] = {}
        for s in program.steps:
            if s.kind == "insert" and s.table:
                n, _ = stats.get(s.table, (0, 0.0))
                stats[s.table] = (n + s.rows, 0.0)
        return stats
