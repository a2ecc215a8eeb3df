"""The Mimesis pool cache: the values a pool drew, and the Mimesis names and calls found valid, kept
between runs under ``./.sqlsynth/cache/mimesis/`` so that a run whose pools were all drawn before
neither imports Mimesis (0.1-0.2 s) nor draws again.

Every entry is a file named by a SHA-256 of everything that decides its content:

* a pool (``<hash>.json``): the call (name, arguments, locale), its seed, size and column length;
* a valid name (``<hash>.name``) or call (``<hash>.call``): the name or call and the locale;

each hashed together with the Mimesis version, the Python version and the text of
sqlsynth/config/mimesis.py (the drawing code), so an upgrade or an edit of that code is a miss,
never a stale hit. Files are written whole (sqlsynth.files.write_atomic); a file that cannot be read,
is not JSON or does not hold what its name says is ignored and written again. The cache is never
needed: a directory that cannot be written only means the next run draws again. Clearing it:
``rm -rf .sqlsynth/cache``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from typing import Any

from ..files import write_atomic

CACHE_DIR = os.path.join(".sqlsynth", "cache", "mimesis")
FORMAT = 1
_STAMP: list[str] = []


def _stamp() -> str:
    """What makes drawn values differ besides the call: Mimesis, Python and the drawing code."""
    if not _STAMP:
        from importlib.metadata import PackageNotFoundError, version

        try:
            mimesis = version("mimesis")
        except PackageNotFoundError:
            mimesis = "none"
        here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mimesis.py")
        try:
            with open(here, "rb") as fh:
                code = hashlib.sha256(fh.read()).hexdigest()
        except OSError:
            code = "unknown"
        _STAMP.append(f"{FORMAT}|{mimesis}|{sys.version_info[0]}.{sys.version_info[1]}|{code}")
    return _STAMP[0]


def _typed(o: Any) -> Any:
    """JSON for what YAML can hold besides JSON (dates...): its type and repr, so that the string
    '2020-01-01' and the date 2020-01-01 are different keys."""
    return [type(o).__name__, repr(o)]


def key(kind: str, *parts: Any) -> str:
    text = json.dumps([_stamp(), kind, *parts], sort_keys=True, default=_typed)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _path(digest: str, suffix: str) -> str:
    return os.path.join(CACHE_DIR, f"{digest}.{suffix}")


def _write(path: str, text: str) -> None:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, text)
    except OSError:  # a read-only working directory: no cache, the same values
        pass


def read_values(digest: str) -> list[str] | None:
    """The values of a pool drawn before, or None (never drawn, or an unreadable entry)."""
    try:
        with open(_path(digest, "json"), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != digest:
        return None
    values = data.get("values")
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        return None
    return values


def write_values(digest: str, values: list[str]) -> None:
    _write(_path(digest, "json"), json.dumps({"key": digest, "values": values}, ensure_ascii=False))


def known(digest: str, kind: str) -> bool:
    """A name or call (kind "name" or "call") found valid before with the same Mimesis."""
    try:
        with open(_path(digest, kind), encoding="utf-8") as fh:
            return fh.read() == digest
    except (OSError, ValueError):
        return False


def remember(digest: str, kind: str) -> None:
    _write(_path(digest, kind), digest)
