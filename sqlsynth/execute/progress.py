"""Progress of a load: rows done, rows/s and ETA per table, on stderr.

On a terminal the display is redrawn in place by rich's Live (a total line plus one line per
table in progress; a table that completes leaves one permanent line above). When the stream is not a
terminal nothing is printed until ``close()``, which writes a one-line summary (and, with
``verbose``, one line per table as it completes). Thread-safe: parallel workers call
``advance()`` as their chunks commit.

Usable by any command that loads rows in steps (create-data, create-vocab)::

    with Progress("create-data", [("actor", 1000), ("film", 5000)]) as p:
        ...
        p.advance("film", 2500)
        p.phase("re-adding 22 foreign keys")
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any, TextIO

from ..errors import first_line


def _fmt_secs(s: float) -> str:
    s = max(0, int(round(s)))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def _rate(rows: int, secs: float) -> str:
    return f"{rows / secs:,.0f} rows/s" if secs > 0 else "-"


@dataclass
class _Table:
    name: str
    total: int
    done: int = 0
    started: float | None = None
    finished: float | None = None
    busy: float = 0.0  # summed chunk seconds (parallel chunks overlap)
    known: bool = True  # total planned in advance (else: reported as it completes, no ETA)


class Progress:
    def __init__(self, title: str, tables: list[tuple[str, int]], stream: TextIO | None = None,
                 tty: bool | None = None, verbose: bool = False, refresh: float = 0.5):
        self.title = title
        self.stream = stream if stream is not None else sys.stderr
        if tty is None:
            isatty = getattr(self.stream, "isatty", None)
            tty = bool(isatty and isatty())
        self.tty = tty
        self.verbose = verbose
        self.tables: dict[str, _Table] = {}
        for name, n in tables:
            if name in self.tables:
                self.tables[name].total += n
            else:
                self.tables[name] = _Table(name, n)
        self.total = sum(t.total for t in self.tables.values())
        self.t0 = time.perf_counter()
        self._phase: str | None = None
        self._lock = threading.RLock()
        self._closed = False
        self._live: Any = None  # rich.live.Live on a terminal
        if self.tty:
            from rich.console import Console
            from rich.live import Live

            console = Console(file=self.stream, force_terminal=True, highlight=False,
                              width=shutil.get_terminal_size((100, 24)).columns)
            # stdout and stderr are not redirected through rich: what others print goes where it went
            self._live = Live(get_renderable=self._render, console=console, transient=True,
                              auto_refresh=refresh > 0, refresh_per_second=1 / refresh if refresh > 0 else 4,
                              redirect_stdout=False, redirect_stderr=False)
            self._live.start()

    # -- events ------------------------------------------------------------------------------
    def expect(self, tables: list[tuple[str, int]]) -> None:
        """Set the planned rows per table (when they are known only after compiling)."""
        with self._lock:
            for name, n in tables:
                t = self.tables.setdefault(name, _Table(name, 0))
                t.total += n
            self.total = sum(t.total for t in self.tables.values())
            self._draw()

    @contextlib.contextmanager
    def paused(self):
        """Clear the live display while the caller prints (to stdout or stderr), then redraw it."""
        with self._lock:
            live = self._live is not None and not self._closed
            if live:
                self._live.stop()
            try:
                yield
            finally:
                if live:
                    self._live.start()

    def log(self, message: str) -> None:
        """A message line, printed above the live display."""
        with self._lock:
            if self._live is not None and not self._closed:
                self._live.console.print(message, markup=False, highlight=False, crop=False, soft_wrap=True)
            else:
                self.stream.write(message + "\n")
                self.stream.flush()

    def start(self, table: str) -> None:
        with self._lock:
            t = self.tables.setdefault(table, _Table(table, 0))
            if t.started is None:
                t.started = time.perf_counter()
            self._draw()

    def advance(self, table: str, rows: int, seconds: float | None = None) -> None:
        """`rows` more rows of `table` are committed (one chunk); `seconds` the chunk took."""
        with self._lock:
            now = time.perf_counter()
            if table not in self.tables:  # not planned (create-vocab): counted as it completes
                self.tables[table] = _Table(table, rows, known=False)
                self.total += rows
            t = self.tables[table]
            if t.started is None:
                t.started = now - (seconds or 0.0)
            t.done += rows
            t.busy += seconds or 0.0
            if t.done >= t.total and t.finished is None:
                t.finished = now
                if t.known:
                    self._finished_line(t)
            self._draw()

    def phase(self, text: str | None, log: bool = True) -> None:
        """A step that is not rows of a table (re-adding constraints, ANALYZE, cleanup); log=False for
        counters that only update the live display."""
        with self._lock:
            self._phase = text
            if text and log and not self.tty and self.verbose:
                self.stream.write(f"{self.title}: {text}\n")
                self.stream.flush()
            self._draw()

    def close(self, ok: bool = True, message: str | None = None) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._live is not None:
                self._live.stop()  # transient: the live block is erased
            elapsed = time.perf_counter() - self.t0
            done = sum(t.done for t in self.tables.values())
            if ok:
                n = sum(1 for t in self.tables.values() if t.total > 0)
                line = (f"{self.title}: {done:,} rows in {n} table{'s' if n != 1 else ''} in {elapsed:.1f}s "
                        f"({_rate(done, elapsed)})")
            elif self.tty:  # not a terminal: the caller's error message says it all
                line = f"{self.title}: stopped after {elapsed:.1f}s" + (f": {message}" if message else "")
            else:
                line = ""
            if line:
                self.stream.write(line + "\n")
                self.stream.flush()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(ok=exc_type is None, message=None if exc is None else first_line(exc, empty="") or None)

    # -- rendering ---------------------------------------------------------------------------
    def _table_line(self, t: _Table, now: float) -> str:
        secs = ((t.finished or now) - t.started) if t.started is not None else 0.0
        pct = 100.0 * t.done / t.total if t.total else 100.0
        line = f"  {t.name:<24} {t.done:>13,}/{t.total:<13,} {pct:5.1f}%  {_rate(t.done, secs):>16}"
        if t.finished is None and t.done and secs > 0:
            line += f"  ETA {_fmt_secs((t.total - t.done) * secs / t.done)}"
        elif t.finished is not None:
            line += f"  {secs:.1f}s"
        return line

    def _finished_line(self, t: _Table) -> None:
        """A completed table leaves one permanent line (on a terminal, or with verbose)."""
        if self._live is not None:
            self._live.console.print(self._line("✓ " + self._table_line(t, time.perf_counter())[2:]))
            return
        if self.verbose:
            self.stream.write(f"{self.title}: " + " ".join(self._table_line(t, time.perf_counter()).split()) + "\n")
        self.stream.flush()

    @staticmethod
    def _line(text: str) -> Any:
        """One display line, cut with an ellipsis at the terminal's width (never wrapped)."""
        from rich.text import Text

        return Text(text, no_wrap=True, overflow="ellipsis")

    def _total_line(self, now: float) -> str:
        done = sum(t.done for t in self.tables.values())
        elapsed = now - self.t0
        if not self.total:
            return f"{self.title}: {self._phase or 'starting'}  {_fmt_secs(elapsed)}"
        pct = 100.0 * done / self.total if self.total else 100.0
        line = f"{self.title}: {done:,}/{self.total:,} rows ({pct:.1f}%)  {_rate(done, elapsed)}  {_fmt_secs(elapsed)}"
        if 0 < done < self.total and elapsed > 0:
            line += f"  ETA {_fmt_secs((self.total - done) * elapsed / done)}"
        if self._phase:
            line += f"  | {self._phase}"
        return line

    def _render(self) -> Any:
        """The live block (rich calls this at each refresh)."""
        from rich.console import Group

        with self._lock:
            now = time.perf_counter()
            lines = [self._total_line(now)]
            lines += [self._table_line(t, now) for t in self.tables.values() if t.started is not None and t.finished is None]
            return Group(*(self._line(x) for x in lines))

    def _draw(self) -> None:
        if self._live is not None and not self._closed:
            self._live.refresh()
