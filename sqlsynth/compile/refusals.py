"""What a plan asks that an engine other than PostgreSQL does not do: one line per feature, all at once.

PostgreSQL runs every feature of a plan. The other engines (compile/duckdb.py, compile/spark.py)
generate rows with SQL only, so they refuse, before anything runs: --append (it reads the
destination's keys), stories and custom Python row generators (they run Python against a PostgreSQL
connection), and CHECK constraints the planner can only meet by drawing candidates (a PL/pgSQL
measuring block). Each line names the feature, where it comes from and the engine.
"""

from __future__ import annotations

from ..plan.model import Plan


def plan_refusals(plan: Plan, engine: str, append_advice: str) -> list[str]:
    """The features of the plan that `engine` does not support, one line each; append_advice says
    what to do instead of --append on that engine."""
    out = []
    if plan.append:
        out.append(f"--append is not supported on {engine} (PostgreSQL supports it): {append_advice}")
    if plan.stories:
        out.append(f"story_generators are not supported on {engine} (PostgreSQL supports them)")
    for stage in plan.py_stages:
        out.append(f"{stage.path}: custom Python row generators are not supported on {engine} "
                   "(PostgreSQL supports them)")
    for name in plan.order:
        tp = plan.tables[name]
        for fb in tp.fallback if tp.rows > 0 else ():
            names = ", ".join(ck.name for ck in fb.checks)
            out.append(f"table {name} ({tp.path}): {names} is kept by drawing candidates, which is not "
                       f"supported on {engine} (PostgreSQL supports it): configure generators that satisfy it")
    return out
