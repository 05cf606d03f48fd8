"""Replacing a published folder (a site, an export) so that readers see the old or the new,
and locking a folder for as long as a process uses it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def replace_folder(staging: Path, target: Path) -> None:
    """Replace `target` by `staging` with renames: never a half-written folder in between."""
    staging.chmod(0o755)  # mkdtemp makes it private; a published folder is for everyone
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def lock_folder(path: str | Path, *, wait: bool = True) -> int | None:
    """A descriptor of the folder `path` holding its lock (an OS lock: it ends when the
    descriptor is closed or the process ends, however it ends); None where another holds it
    and `wait` is false, or where the system has no such lock (Windows)."""
    if sys.platform == "win32":  # pragma: no cover
        return None
    import fcntl

    descriptor = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(descriptor)
        return None
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor
