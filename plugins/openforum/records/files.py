"""What may be read as a record: regular files and folders inside the records folder.

A symbolic link leading out of the folder would publish whatever it points at (another
checkout, a home folder); a FIFO would make `validate` wait forever for a writer; a device
would be read without end. Each is refused with a message, and a folder that cannot be
listed is a problem, not a traceback.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import START, Problems


def listing(folder: Path, problems: Problems) -> list[Path]:
    """The entries of `folder`, sorted; none (and a problem) when it cannot be listed."""
    try:
        return sorted(folder.iterdir())
    except OSError as error:
        problems.add(
            folder,
            START,
            f"cannot list the folder: {error.strerror or error}; check that it exists and "
            "that you may read it",
        )
        return []


def refused(entry: Path, root: Path, problems: Problems) -> bool:
    """Whether `entry` must not be read: a link leading out of `root`, or neither a
    regular file nor a folder. The problem is added."""
    try:
        if entry.is_symlink():
            target = entry.resolve(strict=True)
            if not target.is_relative_to(root.resolve(strict=True)):
                problems.add(
                    entry,
                    START,
                    f"'{entry.name}' is a link to {target}, outside the records folder: "
                    "records are read only from inside it; copy the file in instead",
                )
                return True
        mode = entry.stat().st_mode
    except (OSError, RuntimeError) as error:  # a link to nothing, or a loop of links
        problems.add(
            entry,
            START,
            f"'{entry.name}' cannot be read ({_reason(error)}): if it is a link, it leads "
            "nowhere; remove it or replace it by the file",
        )
        return True
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        problems.add(
            entry,
            START,
            f"'{entry.name}' is {_kind(mode)}, not a regular file: records are plain text "
            "files; remove it",
        )
        return True
    return False


def read_regular(path: Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of `path`, which must be a regular file. Opened without
    blocking, so a FIFO put in its place since it was listed cannot make the read wait.
    Raises OSError, or ValueError when it is not a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ValueError(_kind(status.st_mode))
        # Read by the descriptor, not a file object (a tenth of reading a small record).
        # The size it has, one more byte to see it grew, and the rest up to the limit only
        # if it did: asking for the limit (megabytes) for every file sets that much aside.
        data = _read_up_to(descriptor, min(limit, status.st_size) + 1)
        if len(data) > status.st_size and len(data) <= limit:
            data += _read_up_to(descriptor, limit + 1 - len(data))
        return data
    finally:
        os.close(descriptor)


def _read_up_to(descriptor: int, size: int) -> bytes:
    """`size` bytes, or fewer at the end of the file (a read may return less than asked)."""
    data = os.read(descriptor, size)
    if len(data) == size or not data:
        return data
    parts, got = [data], len(data)
    while got < size:
        part = os.read(descriptor, size - got)
        if not part:
            break
        parts.append(part)
        got += len(part)
    return b"".join(parts)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return "a loop of links" if isinstance(error, RuntimeError) else str(error)
