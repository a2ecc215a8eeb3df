"""The Mimesis pool cache (section ``mimesis`` of sqlsynth.cache, ``./.sqlsynth/cache/mimesis/``):
the values a pool drew, and the Mimesis names and calls found valid, kept between runs so that a run
whose pools were all drawn before neither imports Mimesis (0.1-0.2 s) nor draws again.

Every entry is named by a SHA-256 of everything that decides its content:

* a pool (``<hash>.json``): the call (name, arguments, locale), its seed, size and column length;
* a valid name (``<hash>.name``) or call (``<hash>.call``): the name or call and the locale;

each hashed together with the Mimesis version, the Python version and the text of
sqlsynth/config/mimesis.py (the drawing code), so an upgrade or an edit of that code is a miss, never
a stale hit. A corrupt entry is ignored and drawn again (sqlsynth.cache). Clearing it:
``rm -rf .sqlsynth/cache``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from .. import cache

SECTION = "mimesis"
FORMAT = 1
_STAMP: list[str] = []


def _stamp() -> str:
    """What makes drawn values differ besides the call: Mimesis, Python and the drawing code."""
    if not _STAMP:
        code = cache.file_digest(os.path.join(os.path.dirname(os.path.abspath(__file__)), "mimesis.py"))
        _STAMP.append(f"{FORMAT}|{cache.version_of('mimesis')}|{sys.version_info[0]}.{sys.version_info[1]}|{code}")
    return _STAMP[0]


def key(kind: str, *parts: Any) -> str | None:
    """The entry's digest; None (not cached) for arguments that cannot be hashed as JSON."""
    return cache.digest(_stamp(), kind, *parts)


def read_values(digest: str | None) -> list[str] | None:
    """The values of a pool drawn before, or None (never drawn, or an unreadable entry)."""
    values = cache.read(SECTION, digest) if digest else None
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        return None
    return values


def write_values(digest: str | None, values: list[str]) -> None:
    if digest:
        cache.write(SECTION, digest, values)


def known(digest: str | None, kind: str) -> bool:
    """A name or call (kind "name" or "call") found valid before with the same Mimesis."""
    return bool(digest) and cache.known(SECTION, digest, kind)


def remember(digest: str | None, kind: str) -> None:
    if digest:
        cache.remember(SECTION, digest, kind)
