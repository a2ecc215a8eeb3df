"""Where the user's Python (row_generators_module, story_generators_module) may come from.

A user module is a .py file under the working directory, as in datafaker: ``gen`` is ./gen.py
(or the package ./gen/__init__.py), ``pkg.gen`` is ./pkg/gen.py with ./pkg/__init__.py. It is
loaded from that file and nowhere else. A name Python would find outside the working directory,
a standard-library module (os, subprocess, ...) or an installed one (sqlsynth, yaml, ...), is
refused even when a file of that name is here: the config names the user's own code, never
something that can run commands or that would shadow a module sqlsynth itself imports.
"""

from __future__ import annotations

import importlib.machinery
import keyword
import os
import sys

KEYS = ("row_generators_module", "story_generators_module")


def module_path(name: str, base: str | None = None) -> str | None:
    """The file the module name stands for under base (the working directory), if it exists."""
    root = os.path.realpath(base or os.getcwd())
    parts = name.split(".")
    stem = os.path.join(root, *parts)
    for candidate in (stem + ".py", os.path.join(stem, "__init__.py")):
        if os.path.isfile(candidate):
            real = os.path.realpath(candidate)
            if real.startswith(root + os.sep):  # a symlink out of the working directory is not "here"
                return real
    return None


def _found_elsewhere(root_name: str, base: str) -> str | None:
    """Where Python would import root_name from outside the working directory, if anywhere."""
    if root_name in sys.stdlib_module_names or root_name in sys.builtin_module_names:
        return "a standard-library module"
    here = os.path.realpath(base)
    own = module_path(root_name, base)  # the project's file (a finder looking in the working directory finds it)
    elsewhere = [p for p in sys.path if os.path.realpath(p or ".") != here]
    for finder in sys.meta_path:
        try:
            if finder is importlib.machinery.PathFinder:
                spec = finder.find_spec(root_name, elsewhere)
            elif hasattr(finder, "find_spec"):
                spec = finder.find_spec(root_name, None)
            else:
                continue
        except (ImportError, ValueError, AttributeError, TypeError):
            continue
        if spec is not None:
            origin = spec.origin or ""
            if own is not None and origin and os.path.realpath(origin) == own:
                continue
            return "an installed module" + (f" ({origin})" if origin and origin not in ("built-in", "frozen") else "")
    return None


def module_problem(name: object, base: str | None = None) -> str | None:
    """Why name cannot be a user module (one line), or None."""
    base = base or os.getcwd()
    if not isinstance(name, str) or not name:
        return "must be the name of a .py file in the working directory (without .py)"
    parts = name.split(".")
    if not all(p.isidentifier() and not keyword.iskeyword(p) for p in parts):
        return f"{name!r} is not a module name (a .py file in the working directory, without .py)"
    what = _found_elsewhere(parts[0], base)
    if what is not None:
        return (f"{parts[0]!r} is {what}, not a file of this project; user code must be a .py file in the "
                f"working directory with a name of its own")
    if module_path(name, base) is None:
        return (f"no file {os.path.join(*parts)}.py in the working directory {base} (user modules are loaded "
                "from there only)")
    for i in range(1, len(parts)):
        if module_path(".".join(parts[:i]), base) is None or not module_path(".".join(parts[:i]), base).endswith(
                "__init__.py"):
            return f"{os.path.join(*parts[:i], '__init__.py')} is missing: {'.'.join(parts[:i])} must be a package"
    return None
