"""Temporary folders a build locks while it uses them, so that the next build removes those
a killed build left.

A build removes its temporary folders when it ends, but a process killed outright (out of
memory, `kill -9`, a CI job's timeout, a container stopped) runs no clean-up. The search
index's cut pages are as large as the site's pages, in a memory-backed folder (fulltext.py):
left there, they hold memory until the machine restarts. So each such folder is locked
while its build runs (an OS lock on the folder itself: it ends with the process, however
the process ends), and a build first removes every folder of the same prefix that no
process holds.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import weakref
from contextlib import suppress

from .folders import lock_folder

# A folder is locked the moment after it is made; one seen unlocked younger than this may
# be another build's, caught in between.
MIN_AGE = 60.0  # seconds


class LockedFolder:
    """`tempfile.TemporaryDirectory`, locked by this process until `cleanup` (or, as that
    one, until the object is collected or the interpreter exits)."""

    def __init__(self, prefix: str, root: str | None) -> None:
        self.name = tempfile.mkdtemp(prefix=prefix, dir=root)
        try:
            lock = lock_folder(self.name)
        except BaseException:
            shutil.rmtree(self.name, ignore_errors=True)
            raise
        self._finalizer = weakref.finalize(self, _remove, self.name, lock)

    def cleanup(self) -> None:
        self._finalizer()  # once: a second call does nothing


def _remove(name: str, lock: int | None) -> None:
    try:
        shutil.rmtree(name, ignore_errors=True)
    finally:
        if lock is not None:
            os.close(lock)  # releases the lock


def remove_abandoned(prefix: str, root: str | None) -> list[str]:
    """Remove the folders in `root` (or the temporary folder) whose names begin with
    `prefix`, that no process holds and that are older than MIN_AGE; their names."""
    if sys.platform == "win32":  # pragma: no cover - no flock: left to the system
        return []
    folder = root if root is not None else tempfile.gettempdir()
    removed = []
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(prefix) and e.is_dir()]
    except OSError:
        return []
    for entry in entries:
        with suppress(OSError):
            if time.time() - entry.stat().st_mtime < MIN_AGE:
                continue
            held = lock_folder(entry.path, wait=False)
            if held is None:
                continue  # a running build's
            try:
                shutil.rmtree(entry.path)
                removed.append(entry.name)
            finally:
                os.close(held)
    return removed
