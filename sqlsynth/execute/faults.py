"""``SQLSYNTH_TEST_PAUSE=<moment>``: stop a ``create-data --jobs N`` (or Spark ``--jdbc``) load at a named moment, so that
a test (or a user checking recovery) can ``kill -9`` it exactly there. Nothing else changes; unset,
it costs one dictionary lookup per call.

    dropped     after the transaction that journaled and dropped the constraints committed
    inserting   inside a chunk's transaction, after its INSERT, before its COMMIT (first chunk)
    recreating  once about half of the dropped constraints and indexes are back
    closing     inside the closing transaction, after setval, before the journal is closed
    loaded      create-data --engine spark --jdbc: the rows moved into the tables (committed), the
                staging tables not yet dropped, the foreign keys not yet back

On reaching the moment the process prints ``sqlsynth: paused at <moment> (SQLSYNTH_TEST_PAUSE)``
on stderr and sleeps until it is killed.
"""

from __future__ import annotations

import os
import sys
import threading
import time

MOMENTS = ("dropped", "inserting", "recreating", "closing", "loaded")
_reached: set[str] = set()
_lock = threading.Lock()


def pause_point(moment: str) -> None:
    if os.environ.get("SQLSYNTH_TEST_PAUSE") != moment:
        return
    with _lock:
        first = moment not in _reached
        _reached.add(moment)
    if first:
        print(f"sqlsynth: paused at {moment} (SQLSYNTH_TEST_PAUSE)", file=sys.stderr, flush=True)
    while True:
        time.sleep(60)
