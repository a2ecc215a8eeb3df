"""Writing the files sqlsynth makes (orm.yaml, config.yaml, src-stats.yaml, compiled scripts, reports)
so that nobody ever reads half of one.

The text goes to a temporary file beside the target, which then replaces it (``os.replace``): a
failure or Ctrl-C leaves the old file as it was. Two kinds of target are not replaced:

* a path that is not a regular file (``-o /dev/null``, ``/dev/stdout``, a named pipe): replacing it
  would replace the device or the pipe itself (as root, ``/dev/null`` would become a plain file), so
  the text is written into it;
* a symbolic link: the file it points at is replaced, and the link stays.
"""

from __future__ import annotations

import os
import stat


def write_atomic(path: str, text: str) -> None:
    """Write `text` (UTF-8) to `path`, whole or not at all (see the module docstring)."""
    target = os.path.realpath(path) if os.path.islink(path) else path
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(text)
        return
    tmp = f"{target}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
