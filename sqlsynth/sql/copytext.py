"""PostgreSQL's COPY text format: a Python value as its input text, escaped for one COPY field.

The one encoder for every COPY sqlsynth sends (vocabulary files, Mimesis pools, custom Python
row generators): NULL is ``\\N``; backslash, tab, newline and carriage return are escaped;
values become the text PostgreSQL's input functions read for their type (``t``/``f``, ISO
dates, ``NaN``/``Infinity``, ``\\x`` hex bytes, ``{...}`` arrays, JSON for mappings).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import math
from typing import Any

_COPY_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def input_text(v: Any, as_json: bool = False) -> str:
    """The PostgreSQL input text of a value (not yet COPY-escaped)."""
    if as_json:
        return json.dumps(v, ensure_ascii=False, default=str)
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return repr(v)
    if isinstance(v, decimal.Decimal):
        if v.is_nan():
            return "NaN"
        if v.is_infinite():
            return "Infinity" if v > 0 else "-Infinity"
        return str(v)
    if isinstance(v, dt.datetime):
        return v.isoformat(" ")
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, dt.timedelta):
        return f"{v.days} days {v.seconds} seconds {v.microseconds} microseconds"
    if isinstance(v, (bytes, bytearray, memoryview)):
        return "\\x" + bytes(v).hex()
    if isinstance(v, (list, tuple)):
        return array_text(v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)  # uuid.UUID and anything else printing as its input form


def array_text(v: list | tuple) -> str:
    """An array literal ``{"a","b",NULL,{...}}`` (elements quoted, nested lists as sub-arrays)."""
    parts = []
    for e in v:
        if e is None:
            parts.append("NULL")
        elif isinstance(e, (list, tuple)):
            parts.append(array_text(e))
        else:
            parts.append('"' + input_text(e).replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "{" + ",".join(parts) + "}"


def copy_field(v: Any, as_json: bool = False) -> str:
    """One COPY text field: ``\\N`` for NULL, else the escaped input text."""
    if v is None:
        return "\\N"
    return input_text(v, as_json).translate(_COPY_ESCAPE)


def copy_rows(values: list[str]) -> str:
    """Numbered one-column rows ``1\tv`` as COPY text (a pool's (k, v) table)."""
    return "\n".join(f"{i}\t{copy_field(v)}" for i, v in enumerate(values, start=1))
