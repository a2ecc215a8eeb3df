"""User Python: row generator and story modules, their arguments, and seeded random sources.

datafaker writes arguments as Python expressions evaluated in a generated module. sqlsynth
never evaluates config text: an argument is a literal, or one of the names ``generic`` (a
seeded Mimesis Generic), ``SRC_STATS[...]`` (a parsed reference into src-stats.yaml),
``dst_db_conn`` (stories only: the destination connection), or a dotted name of the user's
module (``airbnb_generators.CONSTANT``).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import random
import sys
from dataclasses import dataclass
from typing import Any, Callable

from ..sql.sqlx import stream_seed
from ..config.modules import module_path, module_problem


class UserCodeError(Exception):
    """The user's module, function or argument cannot be used (message for the config path)."""


_LOADED: dict[str, tuple[str, int, Any]] = {}  # name -> (file, mtime, module) of what we loaded


def import_module(name: str) -> Any:
    """The user's module `name`, loaded from its .py file under the working directory and from
    nowhere else (sqlsynth.config.modules says which names qualify: never a standard-library or
    installed module). A module of the same name loaded before from another directory (another
    config) or changed since is loaded again."""
    problem = module_problem(name)
    if problem is not None:
        raise UserCodeError(problem)
    parts = name.split(".")
    module = None
    for i in range(1, len(parts) + 1):
        module = _load(".".join(parts[:i]), module_path(".".join(parts[:i])))
    return module


def _load(name: str, path: str | None) -> Any:
    if path is None:  # checked by module_problem; a race with the file system
        raise UserCodeError(f"{name!r}: the file is gone")
    mtime = os.stat(path).st_mtime_ns
    done = _LOADED.get(name)
    if done is not None and done[0] == path and done[1] == mtime and sys.modules.get(name) is done[2]:
        return done[2]
    here = os.getcwd()
    if here not in sys.path:  # at the end, as datafaker's sys.path.append(""): the module's own imports
        sys.path.append(here)  # of sibling files work, and nothing here shadows an installed module
    package = os.path.basename(path) == "__init__.py"
    spec = importlib.util.spec_from_file_location(
        name, path, submodule_search_locations=[os.path.dirname(path)] if package else None)
    if spec is None or spec.loader is None:
        raise UserCodeError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    previous = sys.modules.get(name)
    sys.modules[name] = module  # as an import would: the module can refer to itself, dataclasses work
    try:
        spec.loader.exec_module(module)
    except Exception as e:  # noqa: BLE001 - the user's module failed while importing
        if previous is not None:
            sys.modules[name] = previous
        else:
            sys.modules.pop(name, None)
        raise UserCodeError(f"importing {name!r} ({path}) failed: {type(e).__name__}: {e}") from None
    _LOADED[name] = (path, mtime, module)
    return module


def resolve_function(name: str, modules: list[str]) -> Callable:
    """module.function for one of the configured user modules."""
    mod_name, _, func = name.rpartition(".")
    if mod_name not in modules:
        raise UserCodeError(f"{name!r} is not in a configured module ({', '.join(modules) or 'none configured'})")
    mod = import_module(mod_name)
    f = getattr(mod, func, None)
    if not callable(f):
        raise UserCodeError(f"module {mod_name!r} has no function {func!r}")
    return f


def is_user_name(name: str, modules: list[str]) -> bool:
    return name.rpartition(".")[0] in modules


class StatEntry(list):
    """One src-stats entry: a list of result rows (SSG's SRC_STATS["x"][0]) that also answers
    datafaker's SRC_STATS["x"]["results"] (and ["queries"], ["comments"])."""

    def __init__(self, entry: Any):
        if isinstance(entry, dict):
            super().__init__(entry.get("results") or [])
            self.meta = entry
        else:
            super().__init__(entry or [])
            self.meta = {"results": list(entry or [])}

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            if key == "results":
                return list(self)
            return self.meta[key]
        return super().__getitem__(key)


def stats_view(stats: dict | None) -> dict:
    return {k: StatEntry(v) for k, v in (stats or {}).items()}


@dataclass
class Env:
    """What argument expressions may refer to."""

    generic: Any
    stats: dict
    modules: list[str]
    dst_db_conn: Any = None


def _ref_value(node: ast.AST, env: Env) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        vals = [_ref_value(e, env) for e in node.elts]
        return vals if isinstance(node, ast.List) else tuple(vals)
    if isinstance(node, ast.Dict):
        return {_ref_value(k, env): _ref_value(v, env) for k, v in zip(node.keys, node.values)}
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_ref_value(node.operand, env)
    if isinstance(node, ast.Name):
        if node.id == "generic":
            return env.generic
        if node.id == "SRC_STATS":
            return env.stats
        if node.id == "dst_db_conn":
            return env.dst_db_conn
        if node.id in ("None", "True", "False"):
            return {"None": None, "True": True, "False": False}[node.id]
        raise UserCodeError(f"unknown name {node.id!r} (allowed: generic, SRC_STATS, dst_db_conn, literals)")
    if isinstance(node, ast.Subscript):
        base = _ref_value(node.value, env)
        key = _ref_value(node.slice, env)
        try:
            return base[key]
        except (KeyError, IndexError, TypeError):
            raise UserCodeError(f"{ast.unparse(node)} does not exist in the statistics") from None
    if isinstance(node, ast.Attribute):
        base = _ref_value(node.value, env)
        if node.attr.startswith("_"):
            raise UserCodeError(f"private attribute {node.attr!r}")
        return getattr(base, node.attr)
    raise UserCodeError(f"unsupported expression {ast.unparse(node)!r}: use literals, generic, SRC_STATS[...]")


def argument(value: Any, env: Env) -> Any:
    """Turn a config argument into a Python value (strings that are expressions are parsed, not evaluated)."""
    if isinstance(value, list):
        return [argument(v, env) for v in value]
    if isinstance(value, dict):
        return {k: argument(v, env) for k, v in value.items()}
    if not isinstance(value, str):
        return value
    text = value.strip()
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError:
        return value  # a plain string
    if isinstance(tree, ast.Name) and tree.id not in ("generic", "SRC_STATS", "dst_db_conn", "None", "True", "False"):
        return value  # a bare word such as gmail.com-less 'show' is a string
    if isinstance(tree, ast.Attribute):
        root = tree
        while isinstance(root, ast.Attribute):
            root = root.value
        if isinstance(root, ast.Name) and root.id in env.modules:
            mod = import_module(root.id)
            obj: Any = mod
            for part in text.split(".")[1:]:
                obj = getattr(obj, part)
            return obj
        if isinstance(root, ast.Name) and root.id != "generic":
            return value  # e.g. 'gmail.com'
    return _ref_value(tree, env)


def seeded_generic(seed: int, locale: str = "en_GB") -> Any:
    from mimesis import Generic, Locale

    return Generic(locale=Locale(locale.lower().replace("_", "-")), seed=seed)


class SeededSource:
    """Reseed Python's `random` and a Mimesis Generic deterministically per block of rows."""

    def __init__(self, seed: int, table: str, stream: str, locale: str = "en_GB"):
        self.seed, self.table, self.stream, self.locale = seed, table, stream, locale
        self.generic = seeded_generic(0, locale)

    def reseed(self, key: int) -> None:
        s = stream_seed(self.seed, self.table, self.stream, str(key)) & 0x7FFFFFFF
        random.seed(s)
        self.generic.reseed(s)
