"""One build at a time per site folder, and nothing left behind by one that was killed.

`openforum build` writes into a staging folder (`.site-building-*`) beside the site and
swaps it in with two renames. Two builds at once could interleave those renames and lose
the site; a build killed mid-way leaves its staging folder, or (between the renames) the
old site under `.site-old` and no site at all. So each build holds a lock on the folder
that contains the site for its whole run (an OS lock: it ends with the process, however
the process ends), and, holding it, first puts back a site a killed swap took away and
removes what killed builds left.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .folders import lock_folder, replace_folder


def staging_prefix(target: Path) -> str:
    return f".{target.name}-building-"


def old_site(target: Path) -> Path:
    return target.with_name(f".{target.name}-old")


@contextmanager
def exclusive_build(target: Path) -> Iterator[None]:
    """Hold the build lock of `target`'s folder; leftovers of killed builds are cleared."""
    with _locked(target):
        _recover(target)
        yield


@contextmanager
def staged_site(target: Path) -> Iterator[Path]:
    """A fresh folder beside `target` to build into, holding the lock: it replaces `target`
    when the block ends without error, and is removed when it raises."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with exclusive_build(target):
        staging = Path(tempfile.mkdtemp(prefix=staging_prefix(target), dir=target.parent))
        try:
            yield staging
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        swap_in(staging, target)


def swap_in(staging: Path, target: Path) -> None:
    """Replace `target` by `staging` (see folders.replace_folder). Called with the lock held:
    no other build renames in between."""
    replace_folder(staging, target)


def _recover(target: Path) -> None:
    old = old_site(target)
    if old.is_dir() and not target.exists():  # killed between the two renames of a swap
        old.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    for leftover in target.parent.glob(staging_prefix(target) + "*"):
        shutil.rmtree(leftover, ignore_errors=True)


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    if sys.platform == "win32":  # pragma: no cover - no flock: a lock file, kept
        import msvcrt

        with open(target.parent / f".{target.name}.lock", "a+b") as handle:
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    # The folder itself is locked: no lock file to leave behind.
    descriptor = lock_folder(target.parent, wait=False)
    if descriptor is None:
        print(f"another build of {target} is running: waiting for it to finish")
        descriptor = lock_folder(target.parent)
    assert descriptor is not None  # not Windows
    try:
        yield
    finally:
        os.close(descriptor)  # releases the lock


ADVICE = {
    errno.ENOSPC: "the disk is full: free some space and build again",
    errno.EDQUOT: "the disk quota is used up: free some space and build again",
    errno.EACCES: "permission denied: check that you may write there, or build elsewhere "
    "with --site-dir",
    errno.EPERM: "the operation is not permitted: check the folder's permissions",
    errno.EROFS: "the file system is read-only: build into a writable folder with --site-dir",
    errno.ENAMETOOLONG: "a file name is too long for this file system: use shorter ids or "
    "a shorter path for the site",
    errno.EMFILE: "too many files are open: close other programs and build again",
    errno.ENOENT: "a file or folder disappeared while it was being used: build again",
}


def explain(error: OSError) -> str:
    """What happened to the machine, where, and what to do: a message, not a traceback."""
    where = f" ({error.filename})" if error.filename else ""
    what = error.strerror or str(error)
    advice = ADVICE.get(error.errno or 0, "check the folder and build again")
    return f"could not complete: {what}{where}; {advice}"
