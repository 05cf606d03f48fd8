"""A rebuild writes over the last build's record pages and open data, not anew.

`mkdocs build` empties the site folder, then makes every file again. On ext4 without a
journal (this project's machines, and many CI runners) a file made within minutes of many
removed costs up to a millisecond of system time: the kernel passes over each recently
freed inode of the group before it takes one. A forum of 10,000 records is some 30,000
files and folders, and a rebuild spent 3 to 17 s of system time on them, against 1 to 9 s
for plain Material's 20,000 (measured with bench/shapes_bench.py).

So the folders of record pages and of open data are set aside before MkDocs empties the
site folder (into a hidden folder: MkDocs leaves names that begin with a dot) and put back
once it has. Each file the build writes again keeps its inode; the rest are removed once
the build has written everything (a removed record's page, API file and feed). A file is
removed only when the build did not name it among its files and the file system's clock
says it was not written since the folders were put back (as `find -newer` tells): a file
another plugin wrote there is kept. Folders of files that a writer leaves in place when
found (Pagefind names its files by their content) are not set aside.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Collection, Iterable
from contextlib import suppress
from pathlib import Path

HOLDING = ".openforum-previous"  # in the site folder; hidden, so MkDocs leaves it
_MARK = "written-after"


def set_aside(site: Path, folders: Iterable[str]) -> None:
    """Move the site's `folders` (top-level names) into the holding folder. What a build
    left there (it stopped before putting them back) is removed first."""
    holding = site / HOLDING
    shutil.rmtree(holding, ignore_errors=True)
    present = [name for name in folders if (site / name).is_dir() and not name.startswith(".")]
    if not present:
        return
    try:
        holding.mkdir()
        for name in present:
            os.rename(site / name, holding / name)
    except OSError:  # those not moved are left for MkDocs to remove, as without this module
        return


class PreviousSite:
    """The last build's folders, back in the site folder to be written over."""

    def __init__(self, site: Path, since_ns: int, folders: list[str]) -> None:
        self.site = site
        self.since_ns = since_ns  # the file system's time as they were put back
        self.folders = folders

    @classmethod
    def put_back(cls, site: Path) -> PreviousSite | None:
        """The folders `set_aside` moved, moved back where the site folder has no entry of
        their name; None where there were none (or the time could not be marked: they are
        then left for `set_aside` to remove, and the build makes them again)."""
        holding = site / HOLDING
        try:
            names = sorted(os.listdir(holding))
            # Marked before they move: their files keep the times they had, and every
            # file the build writes from now on is as new as the mark, or newer.
            mark = holding / _MARK
            mark.touch()
            since = mark.stat().st_ctime_ns
        except OSError:
            return None
        back = []
        for name in names:
            if name != _MARK and not os.path.lexists(site / name):
                with suppress(OSError):
                    os.rename(holding / name, site / name)
                    back.append(name)
        return cls(site, since, back)

    def remove_unwritten(self, folders: Collection[str], written: Collection[str]) -> None:
        """Remove from `folders` (of those put back) each file neither in `written` (site
        paths with "/") nor changed since the folders were put back; then the folders
        that leaves empty."""
        emptied: set[str] = set()  # folders something was removed from
        for top in self.folders:
            if top not in folders:
                continue
            for folder, _, names in os.walk(self.site / top, topdown=False):
                prefix = os.path.relpath(folder, self.site).replace(os.sep, "/") + "/"
                for name in names:
                    path = os.path.join(folder, name)
                    if prefix + name in written or self._changed(path):
                        continue
                    if _removed(os.unlink, path):
                        emptied.add(folder)
                if folder in emptied and _removed(os.rmdir, folder):  # nothing left in it
                    emptied.add(os.path.dirname(folder))

    def done(self) -> None:
        shutil.rmtree(self.site / HOLDING, ignore_errors=True)

    def _changed(self, path: str) -> bool:
        try:
            return os.lstat(path).st_ctime_ns >= self.since_ns
        except OSError:
            return True  # gone already, or not ours to judge


def _removed(remove: Callable[[str], None], path: str) -> bool:
    try:
        remove(path)
    except OSError:  # a folder not empty, a file gone: what is left stays
        return False
    return True
