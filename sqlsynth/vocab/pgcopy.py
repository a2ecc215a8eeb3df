"""COPY streaming through psycopg, in constant memory, with file I/O on a second thread.

COPY TO reads rows with libpq's PQgetCopyData through psycopg's public ``pq`` layer: psycopg's
own Copy object costs ~2 us of Python per row, which dominates a plain dump; the raw loop is ~1 us
and hands ~1 MiB chunks to a writer thread, so gzip (zlib releases the GIL) overlaps the transfer.
COPY FROM uses psycopg's Copy with 1 MiB writes, fed by a reader thread (file read, gunzip, or
YAML conversion).
"""

from __future__ import annotations

import queue
import threading
from typing import Any, Callable, Iterable, Iterator

from .files import CHUNK, SETTINGS

_END = object()


def apply_settings(conn: Any, settings: dict[str, str] | None = None) -> None:
    """SET LOCAL the settings under which COPY text is exact (inside the current transaction)."""
    for name, value in (settings or SETTINGS).items():
        conn.execute("SELECT set_config(%s, %s, true)", [name, value])


def copy_out(conn: Any, query: str, write: Callable[[bytes], None]) -> int:
    """Run ``COPY (...) TO STDOUT`` and pass its text to ``write`` in ~1 MiB chunks; return the row count.

    ``write`` runs on a second thread. If it fails, the statement is cancelled, the rest of the
    stream discarded, and its exception raised here.
    """
    import psycopg
    from psycopg import pq

    pg = conn.pgconn
    chunks: queue.Queue = queue.Queue(maxsize=4)
    failed: list[BaseException] = []

    def writer() -> None:
        while True:
            item = chunks.get()
            if item is _END:
                return
            if not failed:
                try:
                    write(item)
                except BaseException as e:  # noqa: BLE001 - re-raised on the main thread
                    failed.append(e)

    th = threading.Thread(target=writer, name="sqlsynth-vocab-writer", daemon=True)
    th.start()
    results = []
    try:
        pg.send_query(query.encode("utf-8"))
        res = pg.get_result()
        if res is not None and res.status == pq.ExecStatus.COPY_OUT:
            # The per-row loop is the hot spot: keep it to one call, one append and one length test.
            get = pg.get_copy_data
            buf = bytearray()
            cancelled = False
            while True:
                nbytes, data = get(0)
                if nbytes < 0:  # -1: the end (-2, a broken connection, is raised by psycopg)
                    break
                buf += data
                if len(buf) >= CHUNK:
                    if failed:
                        if not cancelled:  # the writer failed: stop the server, discard the rest
                            conn.cancel_safe()
                            cancelled = True
                    else:
                        chunks.put(buf)
                    buf = bytearray()
            if buf and not failed:
                chunks.put(buf)
            res = pg.get_result()
        while res is not None:  # the command's result (or error), then None
            results.append(res)
            res = pg.get_result()
    finally:
        chunks.put(_END)
        th.join()
    if failed:
        raise failed[0]
    for r in results:
        if r.status != pq.ExecStatus.COMMAND_OK:
            raise psycopg.errors.error_from_result(r, encoding="utf-8")
    if not results:
        raise psycopg.OperationalError("COPY returned no result")
    result = results[-1]
    return int(result.command_tuples or 0)


def prefetch(items: Iterable[bytes], depth: int = 4) -> Iterator[bytes]:
    """Iterate ``items`` on a second thread, ``depth`` items ahead; exceptions are re-raised here."""
    box: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def producer() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        box.put((item, None), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            box.put((_END, None))
        except BaseException as e:  # noqa: BLE001 - re-raised on the consumer's thread
            box.put((_END, e))

    th = threading.Thread(target=producer, name="sqlsynth-vocab-reader", daemon=True)
    th.start()
    try:
        while True:
            item, err = box.get()
            if err is not None:
                raise err
            if item is _END:
                return
            yield item
    finally:
        stop.set()
        while th.is_alive():  # unblock a producer waiting on a full queue
            try:
                box.get_nowait()
            except queue.Empty:
                pass
            th.join(0.05)


def copy_in(conn: Any, statement: str, chunks: Iterable[bytes]) -> int:
    """Run ``COPY ... FROM STDIN`` fed with ``chunks`` (read ahead on a second thread); return the row count."""
    with conn.cursor() as cur:
        with cur.copy(statement) as cp:
            for chunk in prefetch(chunks):
                cp.write(chunk)
        return int(cur.rowcount)
