"""Error types. The library raises these; only the CLI turns them into exit codes."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any


class SqlsynthError(Exception):
    """Base class for every error sqlsynth reports to a user."""


@dataclass(frozen=True)
class Problem:
    """One located problem in an input file."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return one_line(text)


_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def one_line(text: str) -> str:
    """text with its line breaks escaped (\\n, \\u2028, ...): one problem stays one line of output
    even when a table, column or key name holds a line break."""
    if not any(ch in text for ch in _BREAKS):
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii") if ch in _BREAKS else ch for ch in text)


def first_line(e: BaseException | str, empty: str | None = None) -> str:
    """The first line of an error's text (a driver error's message, without its DETAIL, HINT and
    context lines); when there is no text, `empty` or else the error's type name."""
    text = str(e).strip()
    if text:
        return text.splitlines()[0]
    return empty if empty is not None else type(e).__name__


class ConfigError(SqlsynthError):
    """One or more problems in config.yaml / orm.yaml; all are reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class SchemaError(SqlsynthError):
    """The schema (orm.yaml or a live database) cannot be handled."""


class ConnectionFailed(SqlsynthError):
    """A database could not be reached."""


class ExecutionError(SqlsynthError):
    """A statement failed while loading data; the transaction was rolled back."""


def suggest(word: str, options: Any) -> str:
    """' (did you mean X?)' for the closest of options, or ''."""
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
