"""SRC_STATS references: parsed with ``ast`` (never evaluated) and resolved against src-stats.yaml.

Accepted forms, anywhere in a row generator's args/kwargs:

* datafaker's ``SRC_STATS["age_stats"]["results"][0]["mean"]``;
* SqlSynthGen's list form ``SRC_STATS["age_stats"][0]["mean"]`` (the rows, without "results");
* whole sub-trees, e.g. ``SRC_STATS["auto__film__rating"]["results"]``;
* the structured form ``{src_stats: age_stats, path: [results, 0, mean]}``.

src-stats.yaml may be datafaker's (``{name: {queries, comments, results: [rows]}}``) or
SqlSynthGen's (``{name: [rows]}``); both forms of reference work with both files.
"""

from __future__ import annotations

import ast
import json
import os
from typing import Any

from .. import yamlsafe
from ..errors import ConfigError

DEFAULT_STATS_FILE = "src-stats.yaml"


class StatsRefError(Exception):
    """A reference that cannot be parsed or resolved; the message names the reference."""


class SourceStats(dict):
    """The loaded src-stats.yaml (a plain dict of entries) plus where it came from.

    ``file`` is the path that was (or would have been) read; ``error`` says why there are no
    statistics (file missing or unreadable). A missing file is only a problem for a config
    that refers to it, so loading never raises.
    """

    def __init__(self, data: dict | None = None, file: str = DEFAULT_STATS_FILE, error: str | None = None):
        super().__init__(data or {})
        self.file = file
        self.error = error


def load_stats(path: str | None) -> SourceStats:
    """Read src-stats.yaml (default: ./src-stats.yaml); problems are kept in .error, not raised."""
    file = path or DEFAULT_STATS_FILE
    if not os.path.exists(file):
        return SourceStats(file=file, error=f"no statistics file {file} (run `sqlsynth make-stats`"
                                             f"{'' if path else ', or pass --stats-file'})")
    try:
        data = yamlsafe.load_file(file)
    except ConfigError as e:
        return SourceStats(file=file, error=f"cannot read {e.problems[0]}")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return SourceStats(file=file, error=f"{file} is not a mapping of statistic names")
    return SourceStats(data, file=file)


# ---- parsing ---------------------------------------------------------------------------------


def _key(node: ast.expr, text: str) -> str | int:
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int)) and not isinstance(node.value, bool):
        return node.value
    if (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant)
            and isinstance(node.operand.value, int) and not isinstance(node.operand.value, bool)):
        return -node.operand.value
    raise StatsRefError(f"{text}: only plain SRC_STATS[\"name\"][...] subscripts with string or integer keys "
                        "are supported (nothing is evaluated)")


def parse_ref(text: str) -> tuple[str, list[str | int]]:
    """``SRC_STATS["a"]["results"][0]["mean"]`` -> ("a", ["results", 0, "mean"])."""
    s = text.strip()
    try:
        tree = ast.parse(s, mode="eval")
    except SyntaxError:
        raise StatsRefError(f"{s}: not a valid SRC_STATS reference") from None
    keys: list[str | int] = []
    node = tree.body
    while isinstance(node, ast.Subscript):
        keys.append(_key(node.slice, s))
        node = node.value
    if not (isinstance(node, ast.Name) and node.id == "SRC_STATS") or not keys:
        raise StatsRefError(f"{s}: only plain SRC_STATS[\"name\"][...] subscripts are supported "
                            "(expressions are not evaluated)")
    keys.reverse()
    name = keys[0]
    if not isinstance(name, str):
        raise StatsRefError(f"{s}: the statistic name must be a string")
    return name, keys[1:]


def is_structured_ref(v: Any) -> bool:
    return isinstance(v, dict) and "src_stats" in v and set(v) <= {"src_stats", "path"}


def structured_ref(v: dict) -> tuple[str, list[str | int]]:
    name, path = v.get("src_stats"), v.get("path", [])
    if not isinstance(name, str) or not name:
        raise StatsRefError("src_stats must be the name of a statistic")
    if isinstance(path, (str, int)) and not isinstance(path, bool):
        path = [path]
    if not isinstance(path, list) or not all(isinstance(p, (str, int)) and not isinstance(p, bool) for p in path):
        raise StatsRefError(f"src_stats {name}: path must be a list of keys and row numbers")
    return name, list(path)


def ref_text(name: str, path: list[str | int]) -> str:
    return "SRC_STATS" + "".join(f"[{json.dumps(k)}]" for k in [name, *path])


# ---- resolving -------------------------------------------------------------------------------


def _names(d: dict, limit: int = 8) -> str:
    ks = [str(k) for k in d]
    return ", ".join(ks[:limit]) + (", ..." if len(ks) > limit else "") if ks else "nothing"


def resolve(stats: Any, name: str, path: list[str | int]) -> Any:
    """The value at SRC_STATS[name][path...]; StatsRefError says what is missing."""
    if stats is None:
        stats = SourceStats(error="no statistics were loaded (run `sqlsynth make-stats`, or pass --stats-file)")
    where = ref_text(name, [])
    if name not in stats:
        error = getattr(stats, "error", None)
        if error:
            raise StatsRefError(f"{where}: {error}")
        file = getattr(stats, "file", DEFAULT_STATS_FILE)
        raise StatsRefError(f"{where} is not in {file} (it has: {_names(stats)}); add it to src-stats in the "
                            "config and run `sqlsynth make-stats`")
    cur = stats[name]
    path = list(path)
    if isinstance(cur, dict) and "results" in cur:
        if not path:  # the whole entry: its rows (what SqlSynthGen's SRC_STATS["x"] meant)
            return cur["results"]
        if isinstance(path[0], int):  # SqlSynthGen's list form against a datafaker file
            path = ["results", *path]
    elif isinstance(cur, list) and path and path[0] == "results":  # datafaker form against an SSG file
        path = path[1:]
    done: list[str | int] = []
    for k in path:
        if isinstance(cur, list):
            if not isinstance(k, int):
                raise StatsRefError(f"{ref_text(name, done)} is a list of {len(cur)} rows; use a row number, "
                                    f"not {k!r}")
            if not -len(cur) <= k < len(cur):
                raise StatsRefError(f"{ref_text(name, done)} has no row {k} (it has {len(cur)} row"
                                    f"{'' if len(cur) == 1 else 's'})")
        elif isinstance(cur, dict):
            if k not in cur:
                raise StatsRefError(f"{ref_text(name, done)} has no {json.dumps(k)} (it has: {_names(cur)})")
        else:
            raise StatsRefError(f"{ref_text(name, done)} is the value {cur!r}, which has no {k!r}")
        cur = cur[k]
        done.append(k)
    return cur


def resolve_text(text: str, stats: Any) -> Any:
    name, path = parse_ref(text)
    return resolve(stats, name, path)


def resolve_structured(v: dict, stats: Any) -> Any:
    name, path = structured_ref(v)
    return resolve(stats, name, path)


def find_refs(v: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every SRC_STATS reference inside a config value: (sub-path, the reference)."""
    out: list[tuple[str, Any]] = []
    if isinstance(v, str) and "SRC_STATS" in v:
        out.append((path, v))
    elif is_structured_ref(v):
        out.append((path, v))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            out += find_refs(x, f"{path}[{i}]")
    elif isinstance(v, dict):
        for k, x in v.items():
            out += find_refs(x, f"{path}.{k}" if path else str(k))
    return out


def children_histogram(stats: Any, child: str, fk_name: str) -> list[tuple[int, int]]:
    """The source's (k children, number of parents with k) rows for a child table's foreign key,
    from the ``auto__children__<child>__<fk>`` statistic written by make-stats; sorted by k."""
    rows = resolve(stats, f"auto__children__{child}__{fk_name}", ["results"])
    try:
        return sorted((int(r["k"]), int(r["parents"])) for r in rows)
    except (TypeError, KeyError, ValueError):
        raise StatsRefError(f"auto__children__{child}__{fk_name} must hold rows of {{k, parents}}") from None
