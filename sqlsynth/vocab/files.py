r"""Vocabulary files: names, the header line, atomic output and streamed input.

A sqlsynth vocabulary file is one header line, the rows exactly as PostgreSQL's
``COPY ... TO STDOUT`` (text format) printed them, and a trailer with the row count::

    SQLSYNTH-VOCAB 2 {"format": "pg-copy-text", "table": "city", "columns": [["city_id", "integer"], ...],
                      "settings": {"DateStyle": "ISO, YMD", ...}}
    1<TAB>A Corua (La Corua)<TAB>87<TAB>2022-02-15 09:45:25
    ...
    \.
    SQLSYNTH-VOCAB-END {"rows": 600}

The header names the columns (with their orm.yaml types) so that a changed schema is detected
before anything is loaded, and the session settings the text was printed under, which the load
uses again. Files are written to ``<name>.partial`` and renamed when complete; gzip adds its own
CRC check on top. The trailer catches a file cut short or spliced by anything else (a copy, a
transfer): ``\.`` is COPY's end-of-data line, which COPY text never prints for a row (a backslash
in a value is always doubled), so it cannot be mistaken for data, and create-vocab compares the
rows the server loaded with the count make-vocab recorded (a mismatch rolls the load back).
"""

from __future__ import annotations

import gzip
import io
import json
import os
from dataclasses import dataclass, field
from typing import BinaryIO, Iterator

from ..errors import SqlsynthError
from ..schema.model import Table

MAGIC = b"SQLSYNTH-VOCAB"
VERSION = 2  # 2: the row-count trailer
END = b"\\.\n"  # COPY's end-of-data line
TRAILER = MAGIC + b"-END "
FORMAT = "pg-copy-text"
CHUNK = 1 << 20
GZIP_LEVEL = 3  # level 3 is ~2x faster than 6 and within a few percent of its size on vocabulary text

# Session settings under which COPY text is unambiguous and reads back to the same values.
SETTINGS: dict[str, str] = {
    "client_encoding": "UTF8",
    "DateStyle": "ISO, YMD",
    "IntervalStyle": "postgres",
    "TimeZone": "UTC",
    "extra_float_digits": "3",
    "bytea_output": "hex",
    "lc_monetary": "C",
}
_SETTABLE = {k.lower() for k in SETTINGS}


class VocabError(SqlsynthError):
    """A vocabulary file or table cannot be dumped, loaded or emptied (one problem per line)."""

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


def safe_name(table: str) -> str:
    """A file name for a table name (path separators and NUL escaped)."""
    return table.replace("%", "%25").replace("/", "%2F").replace("\\", "%5C").replace("\0", "%00")


def copy_path(directory: str, table: str, compress: bool) -> str:
    return os.path.join(directory, safe_name(table) + (".copy.gz" if compress else ".copy"))


def candidates(directory: str, table: str) -> list[str]:
    """Files create-vocab looks for, sqlsynth's first, then datafaker's."""
    base = os.path.join(directory, safe_name(table))
    return [base + s for s in (".copy", ".copy.gz", ".yaml", ".yaml.gz")]


def columns_of(table: Table) -> list[list[str]]:
    """[name, type] of the columns a vocabulary file holds: every column except generated ones."""
    return [[c.name, c.type] for c in table.writable_columns()]


def header_line(table: Table) -> bytes:
    meta = {"format": FORMAT, "table": table.name, "columns": columns_of(table), "settings": SETTINGS}
    return MAGIC + b" %d " % VERSION + json.dumps(meta, ensure_ascii=True).encode("ascii") + b"\n"


@dataclass
class Header:
    table: str
    columns: list[list[str]]
    settings: dict[str, str] = field(default_factory=dict)


def parse_header(line: bytes, path: str) -> Header:
    if not line.startswith(MAGIC + b" "):
        raise VocabError(f"{path}: not a sqlsynth vocabulary file (no {MAGIC.decode()} header)")
    try:
        version, meta_text = line[len(MAGIC) + 1:].split(b" ", 1)
        if int(version) != VERSION:
            raise VocabError(f"{path}: vocabulary file format version {int(version)} is not supported "
                             f"(this sqlsynth reads version {VERSION}, which records the row count); "
                             "run make-vocab --force")
        meta = json.loads(meta_text)
        if meta.get("format") != FORMAT:
            raise VocabError(f"{path}: unknown vocabulary format {meta.get('format')!r}")
        cols = [[str(n), str(t)] for n, t in meta["columns"]]
        settings = {str(k): str(v) for k, v in (meta.get("settings") or {}).items() if str(k).lower() in _SETTABLE}
        return Header(table=str(meta["table"]), columns=cols, settings=settings)
    except VocabError:
        raise
    except (ValueError, KeyError, TypeError) as e:
        raise VocabError(f"{path}: damaged vocabulary file header ({e})") from None


def check_header(h: Header, table: Table, path: str) -> list[str]:
    """Problems when the file was written for another table or another version of its columns."""
    want = columns_of(table)
    if h.columns == want:
        return []
    show = lambda cols: ", ".join(f"{n} {t}" for n, t in cols)  # noqa: E731
    return [f"{path}: table {table.name}: the file holds columns ({show(h.columns)}) but orm.yaml has "
            f"({show(want)}); run make-vocab --force --only {table.name}"]


def open_read(path: str) -> BinaryIO:
    raw = open(path, "rb")
    if path.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def read_header(path: str) -> Header:
    with open_read(path) as fh:
        try:
            line = fh.readline(1 << 20)
        except (OSError, EOFError) as e:  # a damaged gzip file
            raise VocabError(f"{path}: cannot read: {e}") from None
    return parse_header(line, path)


def trailer(rows: int) -> bytes:
    """What make-vocab writes after the rows."""
    return END + TRAILER + json.dumps({"rows": rows}).encode("ascii") + b"\n"


def _parse_trailer(text: bytes, path: str, table: str) -> int:
    if text.startswith(TRAILER) and text.endswith(b"\n") and text.count(b"\n") == 1:
        try:
            rows = json.loads(text[len(TRAILER):])["rows"]
            if isinstance(rows, int) and rows >= 0:
                return rows
        except (ValueError, KeyError, TypeError):
            pass
    raise VocabError(f"{path}: damaged file: unreadable row-count trailer; run make-vocab --force --only {table}")


def _cut_short(path: str, table: str) -> VocabError:
    return VocabError(f"{path}: the file is cut short (it ends without the row count make-vocab writes after the "
                      f"last row); run make-vocab --force --only {table}")


def check_trailer(path: str, table: str) -> None:
    """An uncompressed file is checked before anything is loaded: it must end with its trailer."""
    if path.endswith(".gz"):
        return  # read whole during the load (VocabData checks it there)
    with open(path, "rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        fh.seek(max(0, size - 4096))
        tail = fh.read()
    at = tail.rfind(b"\n" + END + TRAILER)  # the header line ends with a newline: always preceded by one
    if at < 0:
        raise _cut_short(path, table)
    _parse_trailer(tail[at + 1 + len(END):], path, table)


class VocabData:
    """The COPY rows of a sqlsynth vocabulary file (after its header, up to its end line) in large chunks;
    after the last chunk, ``rows`` is the count the trailer recorded. A file without its end line and
    trailer raises VocabError (so the COPY fails and nothing is loaded)."""

    def __init__(self, path: str, table: str):
        self.path, self.table = path, table
        self.rows: int | None = None

    def __iter__(self) -> Iterator[bytes]:
        with open_read(self.path) as fh:
            fh.readline(1 << 20)
            buf = b"\n"  # a line starts here: the end line may be the first one (no rows)
            virtual = True
            while True:
                try:
                    chunk = fh.read(CHUNK)
                except (OSError, EOFError) as e:  # truncated or corrupt gzip
                    raise VocabError(f"{self.path}: damaged file: {e}") from None
                buf += chunk
                at = buf.find(b"\n" + END)
                if at >= 0:
                    data = buf[1 if virtual else 0:at + 1]
                    if data:
                        yield data
                    rest = buf[at + 1 + len(END):]
                    try:
                        rest += fh.read(1 << 16)
                    except (OSError, EOFError) as e:
                        raise VocabError(f"{self.path}: damaged file: {e}") from None
                    self.rows = _parse_trailer(rest, self.path, self.table)
                    return
                if not chunk:
                    raise _cut_short(self.path, self.table)
                keep = len(END)  # a "\n" + END split between two reads is found in the next round
                if len(buf) > keep:
                    data = buf[1 if virtual else 0:len(buf) - keep]
                    virtual = False
                    buf = buf[len(buf) - keep:]
                    if data:
                        yield data


class AtomicWriter:
    """Writes ``path`` through ``path.partial`` (gzip-compressed for ``.gz``); commit() renames it.

    Leaving the ``with`` block without commit() (an error, Ctrl-C) removes the partial file.
    """

    def __init__(self, path: str):
        self.path = path
        self.partial = path + ".partial"
        self._raw: io.BufferedWriter | None = None
        self._out: BinaryIO | None = None
        self.done = False

    def __enter__(self) -> "AtomicWriter":
        self._raw = open(self.partial, "wb")
        if self.path.endswith(".gz"):
            inner = os.path.basename(self.path)[:-3]
            self._out = gzip.GzipFile(filename=inner, mode="wb", compresslevel=GZIP_LEVEL, fileobj=self._raw,
                                      mtime=0)  # type: ignore[assignment]
        else:
            self._out = self._raw
        return self

    def write(self, data: bytes) -> None:
        assert self._out is not None
        self._out.write(data)

    def commit(self) -> None:
        assert self._out is not None and self._raw is not None
        if self._out is not self._raw:
            self._out.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        os.replace(self.partial, self.path)
        self.done = True

    def __exit__(self, *exc: object) -> None:
        if self.done:
            return
        for f in (self._out, self._raw):
            try:
                if f is not None:
                    f.close()
            except Exception:  # noqa: BLE001 - the original error matters, not this one
                pass
        try:
            os.unlink(self.partial)
        except OSError:
            pass
