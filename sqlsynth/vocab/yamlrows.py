"""datafaker's vocabulary files (``<table>.yaml[.gz]``: a YAML list of row mappings) as COPY text.

The file is streamed: top-level list items start at column 0 with ``-`` (everything inside an
item is indented), so lines are grouped into batches of items and each batch is parsed on its
own with the C safe loader when PyYAML has it. Only plain YAML values are read, plus the few
Python tags datafaker's ``yaml.dump`` writes for database values (Decimal, UUID, timedelta);
anything else is an error naming the file and line, never evaluated.

Values become PostgreSQL input text by their Python type, and json/jsonb columns always get
``json.dumps`` of the value (so a list there is JSON, not an array).
"""

from __future__ import annotations

import datetime as dt
import decimal
import io
import uuid
from typing import Any, Iterator

import yaml

from .. import yamlsafe
from ..errors import ConfigError
from ..schema.model import Schema, Table
from ..sql.copytext import copy_field
from .files import CHUNK, VocabError, open_read

BATCH = 2000  # list items parsed per yaml.load call ...
BATCH_CHARS = 8 * 2**20  # ... or fewer, once they hold this many characters
MAX_BATCH_CHARS = yamlsafe.MAX_BYTES  # one item (or a whole file that is not a block list)

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loading plus the Python tags datafaker's yaml.dump writes for database values."""


def _args(loader: Any, node: Any) -> tuple[list, dict]:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True), {}
    if isinstance(node, yaml.MappingNode):
        m = loader.construct_mapping(node, deep=True)
        return list(m.get("args", [])), dict(m.get("kwds", {}))
    return [loader.construct_scalar(node)], {}


def _apply(loader: Any, suffix: str, node: Any) -> Any:
    allowed = {"decimal.Decimal": decimal.Decimal, "datetime.timedelta": dt.timedelta,
               "datetime.date": dt.date, "datetime.datetime": dt.datetime, "datetime.time": dt.time}
    if suffix not in allowed:
        raise yaml.constructor.ConstructorError(None, None, f"unsupported tag !!python/object/apply:{suffix}",
                                                node.start_mark)
    args, kwds = _args(loader, node)
    return allowed[suffix](*args, **kwds)


def _object(loader: Any, suffix: str, node: Any) -> Any:
    if suffix == "uuid.UUID" and isinstance(node, yaml.MappingNode):
        state = loader.construct_mapping(node, deep=True)
        return uuid.UUID(int=int(state["int"]))
    raise yaml.constructor.ConstructorError(None, None, f"unsupported tag !!python/object:{suffix}", node.start_mark)


_Loader.add_multi_constructor("tag:yaml.org,2002:python/object/apply:", _apply)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/object:", _object)
_Loader.add_constructor("tag:yaml.org,2002:python/tuple", lambda loader, node: loader.construct_sequence(node))
for _t in ("python/str", "python/unicode"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_t}", lambda loader, node: loader.construct_scalar(node))


def _parse(text: str, path: str, first_line: int) -> Any:
    try:
        return yamlsafe.load(text, path, _Loader, first_line)
    except ConfigError as e:
        p = e.problems[0]
        where = path if p.line is None else f"{path}:{p.line}"
        raise VocabError(f"{where}: cannot read vocabulary YAML: {p.message.removeprefix('invalid YAML: ')}") from None


def rows(path: str) -> Iterator[tuple[int, Any]]:
    """(line number, row) for each top-level list item of a datafaker vocabulary file, streamed."""
    try:
        fh = io.TextIOWrapper(open_read(path), encoding="utf-8")
    except OSError as e:
        raise VocabError(f"{path}: cannot read: {e.strerror or e}") from None
    with fh:
        lines: list[str] = []
        starts: list[int] = []  # line numbers of the items in `lines`
        base = 1  # line number of lines[0]
        lineno = 0
        streaming: bool | None = None
        size = item = 0  # characters in `lines`; where the last item starts in them
        try:
            while line := fh.readline(MAX_BATCH_CHARS + 1):
                lineno += 1
                if streaming is None:
                    stripped = line.strip()
                    if not stripped or stripped.startswith("#") or stripped == "---":
                        base = lineno + 1
                        continue
                    streaming = line.startswith("-") and not line.startswith("---")
                if streaming and line.startswith("-") and not line.startswith(("---", "...")):
                    if len(starts) >= BATCH or size >= BATCH_CHARS:
                        yield from _batch(lines, starts, path, base)
                        lines, starts, base, size = [], [], lineno, 0
                    starts.append(lineno)
                    item = size
                lines.append(line)
                size += len(line)
                if size - item > MAX_BATCH_CHARS:
                    what = "a row" if streaming else "a vocabulary file that is not a block list (- ...)"
                    raise VocabError(f"{path}:{starts[-1] if streaming else base}: {what} of more than "
                                     f"{MAX_BATCH_CHARS // 2**20} MiB of YAML: too big to read")
        except (OSError, EOFError, UnicodeDecodeError) as e:
            raise VocabError(f"{path}:{lineno + 1}: cannot read: {e}") from None
        if streaming:
            yield from _batch(lines, starts, path, base)
        elif lines:  # not a block list (a flow list like [...]): parse it whole
            yield from _batch(lines, [], path, base)


def _batch(lines: list[str], starts: list[int], path: str, base: int) -> Iterator[tuple[int, Any]]:
    data = _parse("".join(lines), path, base)
    if data is None:
        return
    if not isinstance(data, list):
        raise VocabError(f"{path}:{base}: a vocabulary file must be a YAML list of rows, got {type(data).__name__}")
    for i, row in enumerate(data):
        line = starts[i] if i < len(starts) else base
        yield line, row


# ---- Python values -> PostgreSQL COPY text --------------------------------------------------------

def _is_json(schema: Schema, type_sql: str) -> bool:
    t = type_sql.strip().lower()
    seen = set()
    while t not in seen:
        seen.add(t)
        if t in ("json", "jsonb"):
            return True
        d = schema.domains.get(type_sql) or next((d for n, d in schema.domains.items() if n.lower() == t), None)
        if d is None:
            return False
        type_sql, t = d.base, d.base.strip().lower()
    return False


def yaml_copy(path: str, schema: Schema, table: Table) -> tuple[list[str], Iterator[bytes]]:
    """The columns (those of the first row, in table order) and the COPY text chunks of a YAML vocabulary file.

    Keys of generated columns are ignored; a key that is no column of the table is an error;
    a column missing from a later row is NULL.
    """
    writable = [c.name for c in table.writable_columns()]
    generated = {c.name for c in table.columns.values() if c.generated is not None}
    it = rows(path)
    first = next(it, None)
    if first is None:
        return writable, iter(())

    def check(line: int, row: Any) -> dict:
        if not isinstance(row, dict):
            raise VocabError(f"{path}:{line}: a row must be a mapping of column names to values, "
                             f"got {type(row).__name__}")
        unknown = [k for k in row if k not in table.columns]
        if unknown:
            raise VocabError(f"{path}:{line}: table {table.name} has no column {unknown[0]!r}")
        return row

    keys = check(*first)
    cols = [c for c in writable if c in keys]
    as_json = [_is_json(schema, table.columns[c].type) for c in cols]
    allowed = set(cols) | generated

    def chunks() -> Iterator[bytes]:
        out: list[str] = []
        size = 0
        for line, row in _chain(first, it):
            row = check(line, row)
            extra = [k for k in row if k not in allowed]
            if extra:
                raise VocabError(f"{path}:{line}: column {extra[0]!r} is not in the first row of the file; "
                                 "every row must have the first row's columns")
            text = "\t".join(copy_field(row.get(c), j) for c, j in zip(cols, as_json)) + "\n"
            out.append(text)
            size += len(text)
            if size >= CHUNK:
                yield "".join(out).encode("utf-8")
                out, size = [], 0
        if out:
            yield "".join(out).encode("utf-8")

    return cols, chunks()


def _chain(first: tuple[int, Any], rest: Iterator[tuple[int, Any]]) -> Iterator[tuple[int, Any]]:
    yield first
    yield from rest
