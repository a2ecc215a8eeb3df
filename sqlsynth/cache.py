"""The working directory's cache (``./.sqlsynth/cache/``): results that are slow to make and are
decided entirely by their inputs, kept between runs so that an unchanged config starts faster.

Two users: the Mimesis pools (config/pool_cache.py: the values drawn, the names and calls found
valid) and the orm.yaml check (schema/io.py: a file found valid against orm_schema.json need not be
checked by jsonschema again).

An entry is a file named by a SHA-256 of everything that decides its content (``digest``), written
whole (sqlsynth.files.write_atomic) when the command -- or the call of sqlsynth.api -- has succeeded
(``unit``, ``flush``: failed work writes nothing). The cache is never needed: an entry that cannot be read, is not
JSON or does not name its own digest is ignored (and written again), and a directory that cannot be
written only means the next run does the work again. Clearing it: ``rm -rf .sqlsynth/cache``.
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import contextmanager
from typing import Any, Iterator

from .files import write_atomic

CACHE_DIR = os.path.join(".sqlsynth", "cache")


def _typed(o: Any) -> Any:
    """JSON for what YAML can hold besides JSON (dates...): its type and repr, so that the string
    '2020-01-01' and the date 2020-01-01 give different digests."""
    return [type(o).__name__, repr(o)]


def _string_keys(o: Any) -> None:
    """TypeError if a mapping inside o has a key that is not a string: JSON would write the key 1 and
    the key '1' alike, and two different inputs would share a digest."""
    stack = [o]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            if not all(type(k) is str for k in x):
                raise TypeError("a key that is not a string")
            stack.extend(x.values())
        elif isinstance(x, (list, tuple)):
            stack.extend(x)


def digest(*parts: Any) -> str | None:
    """SHA-256 of the parts as JSON (sorted keys); None (nothing cached) when JSON cannot tell them
    apart from other parts exactly (a key that is not a string)."""
    try:
        _string_keys(parts)
        text = json.dumps(parts, sort_keys=True, default=_typed)
    except (TypeError, ValueError):
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def version_of(dist: str) -> str:
    """The installed version of a distribution ("none" if it is not installed), read without importing it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "none"


def file_digest(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return "unreadable"


def _path(section: str, key: str, suffix: str) -> str:
    """Absolute: an entry made in one working directory is written there even if flushed from another."""
    return os.path.join(os.path.abspath(CACHE_DIR), section, f"{key}.{suffix}")


_PENDING: dict[str, str] = {}  # path -> text: written by flush() once the command has succeeded


def _write(path: str, text: str) -> None:
    _PENDING[path] = text


def flush() -> None:
    """Write the entries made since the last flush (unit() calls it when its work has succeeded)."""
    pending = list(_PENDING.items())
    _PENDING.clear()
    for path, text in pending:
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write_atomic(path, text)
        except OSError:  # a read-only working directory, a file in the way: no cache, the same results
            return


_DEPTH = [0]  # units of work (unit()) open


def discard() -> None:
    """Forget the entries made since the last flush (the work that made them failed)."""
    _PENDING.clear()


@contextmanager
def unit() -> Iterator[None]:
    """One unit of work -- a command of the command line, a call of sqlsynth.api: the entries made
    inside are written when the outermost unit succeeds, forgotten when it fails (an exception), so
    that failed work leaves the working directory as it was, whether the caller is the command line or
    a library user. Units nest: a command calling several API functions writes once, at its end."""
    _DEPTH[0] += 1
    ok = False
    try:
        yield
        ok = True
    finally:
        _DEPTH[0] -= 1
        if _DEPTH[0] == 0:
            if ok:
                flush()
            else:
                discard()


def _read_text(path: str) -> str:
    if path in _PENDING:
        return _PENDING[path]
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def read(section: str, key: str) -> Any:
    """The value stored under key, or None (never stored, or an unreadable entry)."""
    try:
        data = json.loads(_read_text(_path(section, key, "json")))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    return data.get("value")


def write(section: str, key: str, value: Any) -> None:
    _write(_path(section, key, "json"), json.dumps({"key": key, "value": value}, ensure_ascii=False))


def known(section: str, key: str, kind: str) -> bool:
    """Whether a fact of this kind (a name found valid...) was remembered under key."""
    try:
        return _read_text(_path(section, key, kind)) == key
    except (OSError, ValueError):
        return False


def remember(section: str, key: str, kind: str) -> None:
    _write(_path(section, key, kind), key)
