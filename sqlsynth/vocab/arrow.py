"""Vocabulary rows (PostgreSQL COPY text, as make-vocab writes them) as an Arrow table of text columns,
for destinations that take Arrow (DuckDB): the engine casts each column to its type."""

from __future__ import annotations

import re
from typing import Any, Iterable

_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{1,2})|([0-7]{1,3})|(.))", re.S)
_SIMPLE = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _unescape(field: str) -> str | None:
    if field == "\\N":
        return None
    if "\\" not in field:
        return field

    def one(m: re.Match) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        if m.group(2):
            return chr(int(m.group(2), 8))
        return _SIMPLE.get(m.group(3), m.group(3))

    return _ESCAPE.sub(one, field)


def copy_text_table(columns: list[str], chunks: Iterable[bytes]) -> Any:
    """The rows of COPY text chunks (tab-separated, \\N for NULL, backslash escapes) as a pyarrow table."""
    import pyarrow as pa

    data: list[list[str | None]] = [[] for _ in columns]
    rest = b""
    for chunk in chunks:
        buf = rest + chunk
        lines = buf.split(b"\n")
        rest = lines.pop()
        for line in lines:
            fields = line.decode("utf-8").split("\t")
            if len(fields) != len(columns):
                raise ValueError(f"a row has {len(fields)} fields, not {len(columns)}")
            for col, f in zip(data, fields):
                col.append(_unescape(f))
    if rest:
        raise ValueError("the last row has no line end")
    return pa.table({c: pa.array(v, pa.string()) for c, v in zip(columns, data)})


def read_vocab(schema: Any, tables: list[str], directory: str = ".") -> dict[str, tuple[list[str], Any]]:
    """Every vocabulary table's file (as create-vocab finds it) read into (columns, Arrow table);
    VocabError with every file's problem at once."""
    from .files import VocabData, VocabError
    from .ops import _chunks, _find_source

    problems: list[str] = []
    out: dict[str, tuple[list[str], Any]] = {}
    for t in tables:
        src, found = _find_source(directory, schema.tables[t])
        problems += found
        if src is None or found:
            continue
        cols, chunks = _chunks(src, schema, schema.tables[t])
        try:
            arrow = copy_text_table(cols, chunks)
        except (ValueError, UnicodeDecodeError) as e:
            problems.append(f"{src.path}: {e}")
            continue
        if isinstance(chunks, VocabData) and chunks.rows != arrow.num_rows:
            problems.append(f"{src.path}: {arrow.num_rows} rows read but make-vocab wrote {chunks.rows}; "
                            f"run make-vocab --force --only {t}")
            continue
        out[t] = (cols, arrow)
    if problems:
        raise VocabError(problems + ["create-vocab: nothing was loaded"])
    return out
