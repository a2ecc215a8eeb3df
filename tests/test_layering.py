"""Imports flow one way through sqlsynth's layers; read from the source with ``ast``, nothing imported.

A *unit* is a subpackage (``sqlsynth/plan/``, ``sqlsynth/api/``) or a top-level module (``sqlsynth/db.py``). Each unit
has a rank; a unit may import units of a lower rank and units of its own rank listed in SAME_RANK,
never a higher one:

====  ==========================================================================================
rank  units
====  ==========================================================================================
0     errors, files (whole-or-nothing writes), cache (./.sqlsynth/cache), duck (DuckDB DSNs), filesource (DuckDB/Parquet sources), yamlsafe, sql (sqlglot expression builders and the dialect primitives), db,
      readonly, embedded, settings: foundations (within rank 0: errors, yamlsafe and sql import
      no other unit; the rest may import each other without circles)
1     schema: the source/destination schema model, reflection, DDL, keys
2     config: config.yaml, its validation, inference and Mimesis names
3     stats, story, vocab: services beside the pipeline. stats reads the source and writes
      src-stats.yaml (it may read the config); story reads story_generators and the user's
      modules; vocab loads vocabulary tables. They import neither each other's internals nor
      anything later; plan, compile, execute, api and cli may use them.
4     plan: config + schema -> Plan (a Value per column)
5     compile: Plan -> Program (steps, the psql script, chunks, the split directory)
6     execute: running a Program (PostgreSQL direct, parallel chunks, stories, journal), dump-data;
      report: measuring source and destination (it reads the plan's keys and the stats queries)
7     api: the commands as functions (inputs -> plan -> program, source, destination)
8     example: the bundled Pagila example (calls api)
9     cli: click commands (base: the group, shared options, errors; prepare; load)
10    __main__: ``python -m sqlsynth`` (calls cli)
====  ==========================================================================================

Also failing: any import cycle between units (even within a rank), and a private name (``_x``,
not dunder) imported from another unit with ``from m import _x`` (only import statements are
read: an attribute ``m._x`` of an imported module is not seen). Imports inside functions count
the same as top-level ones: moving an import into a function does not hide it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "sqlsynth"

RANK = {
    "__init__": 0, "errors": 0, "files": 0, "cache": 0, "yamlsafe": 0, "sql": 0, "db": 0, "readonly": 0, "embedded": 0, "settings": 0, "duck": 0, "filesource": 0,
    "schema": 1,
    "config": 2,
    "stats": 3, "story": 3, "vocab": 3,
    "plan": 4,
    "compile": 5,
    "execute": 6, "report": 6,
    "api": 7,
    "example": 8,
    "cli": 9,
    "__main__": 10,
}
# imports allowed between different units of one rank (importer -> imported)
SAME_RANK = {
    ("db", "errors"), ("embedded", "errors"), ("readonly", "errors"), ("readonly", "db"),
    ("settings", "errors"), ("duck", "errors"), ("cache", "files"), ("settings", "duck"), ("db", "duck"), ("settings", "db"), ("settings", "embedded"), ("yamlsafe", "errors"), ("filesource", "duck"), ("filesource", "errors"), ("readonly", "filesource"),
    ("schema", "schema"),
    ("stats", "stats"), ("story", "story"), ("vocab", "vocab"),
}
# the version string: every unit may read sqlsynth.__version__
VERSION = "__init__"


def _unit(path: Path) -> str:
    rel = path.relative_to(PKG)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _module(path: Path) -> list[str]:
    rel = path.relative_to(PKG).with_suffix("")
    parts = ["sqlsynth", *rel.parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path, text: str | None = None):
    """(line, imported module, imported names) of every import of a sqlsynth module in the file
    (its text read from disk unless given)."""
    mod = _module(path)
    package = mod if path.name == "__init__.py" else mod[:-1]
    source = path.read_text(encoding="utf-8") if text is None else text
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "sqlsynth":
                    yield node.lineno, a.name, []
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "sqlsynth":
                continue
            names = [a.name for a in node.names]
            if node.module is None or target == "sqlsynth":
                # `from . import x` / `from sqlsynth import x`: x may be a submodule
                for n in names:
                    sub = PKG.joinpath(*target.split(".")[1:], n)
                    if sub.with_suffix(".py").exists() or sub.is_dir():
                        yield node.lineno, f"{target}.{n}", []
                    else:
                        yield node.lineno, target, [n]
            else:
                yield node.lineno, target, names


def _target_unit(target: str) -> str:
    parts = target.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _edges():
    out = []
    for path in sorted(PKG.rglob("*.py")):
        src = _unit(path)
        for line, target, names in _imports(path):
            out.append((path.relative_to(PKG.parent), line, src, _target_unit(target), target, names))
    return out


EDGES = _edges()


def test_every_unit_has_a_rank():
    units = {_unit(p) for p in PKG.rglob("*.py")}
    assert units - set(RANK) == set(), "give the new unit a rank in RANK (and say why in the docstring)"


def test_imports_flow_one_way():
    bad = []
    for where, line, src, dst, target, _names in EDGES:
        if src == dst or dst not in RANK or src not in RANK:
            continue
        if dst == VERSION:
            continue
        if RANK[dst] > RANK[src] or (RANK[dst] == RANK[src] and (src, dst) not in SAME_RANK):
            bad.append(f"{where}:{line}: {src} (rank {RANK[src]}) imports {target} (rank {RANK[dst]})")
    assert bad == [], "imports against the layer order:\n" + "\n".join(bad)


def test_no_cycles_between_units():
    graph: dict[str, set[str]] = {}
    for _where, _line, src, dst, _t, _n in EDGES:
        if src != dst and dst != VERSION:
            graph.setdefault(src, set()).add(dst)
    cycles = []
    state: dict[str, int] = {}

    def visit(u: str, stack: list[str]) -> None:
        state[u] = 1
        for v in sorted(graph.get(u, ())):
            if state.get(v) == 1:
                cycles.append(" -> ".join(stack[stack.index(v):] + [v]))
            elif v not in state:
                visit(v, stack + [v])
        state[u] = 2

    for u in sorted(graph):
        if u not in state:
            visit(u, [u])
    assert cycles == []


def test_no_private_names_across_units():
    bad = [f"{where}:{line}: {src} imports {n} from {target}"
           for where, line, src, dst, target, names in EDGES if src != dst
           for n in names if n.startswith("_") and not n.startswith("__")]
    assert bad == [], "private names used across units (make them public where they belong):\n" + "\n".join(bad)


@pytest.mark.parametrize("source, rank_ok", [
    ("from ..compile import sqlx\n", False),     # plan importing compile: later stage
    ("from ..schema.model import Table\n", True),
])
def test_the_checker_sees_a_backward_import(source, rank_ok):
    """The reading itself: a module of plan/ importing compile is reported, one importing schema is not."""
    (_line, target, _names), = _imports(PKG / "plan" / "probe.py", source)
    dst = _target_unit(target)
    assert (RANK[dst] <= RANK["plan"]) is rank_ok
