"""Moving imported records into a records folder: all made first, then moved in.

Every file is written in full into a staging folder beside the target, then renamed into
place, so no record is ever half written. A file that is already there with the same
bytes is left alone (an import run twice changes nothing); one that differs (edited since
the last import) is kept unless `replace` is given, and reported.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class Written:
    created: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # differing files left as they were


def move_in(files: Mapping[str, str], root: Path, replace: bool) -> Written:
    root.mkdir(parents=True, exist_ok=True)
    written = Written()
    staging = Path(tempfile.mkdtemp(prefix=".openforum-import-", dir=root))
    try:
        staged: list[tuple[str, Path]] = []
        for relative, text in sorted(files.items()):
            target = root / relative
            data = text.encode("utf-8")
            if target.is_file():
                if target.read_bytes() == data:
                    written.unchanged.append(relative)
                    continue
                if not replace:
                    written.kept.append(relative)
                    continue
            temporary = staging / relative.replace("/", "__")
            temporary.write_bytes(data)
            staged.append((relative, temporary))
        for relative, temporary in staged:
            target = root / relative
            existed = target.exists()
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, target)  # atomic on one file system
            (written.replaced if existed else written.created).append(relative)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written
