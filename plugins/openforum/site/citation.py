"""What a journalist needs to cite a record: its permanent address and the record's version.

The version is the last Git commit that changed the record's file, read with one `git log`
for the whole records folder; without Git history, the record's own latest date stands in.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markupsafe import Markup, escape

from ..build_context import resolved
from ..i18n.labels import say

_SEPARATOR = "\x1e"  # starts each commit in `git log` output; never in a file name


@dataclass(frozen=True, slots=True)
class Version:
    commit: str  # abbreviated hash, "" without Git
    day: date
    rank: int = 0  # how many commits of the log are newer: orders commits of the same day


def git_versions(folder: Path) -> dict[Path, Version]:
    """The last commit of every file under `folder` that Git knows; {} without Git."""
    try:
        top = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        log = subprocess.run(
            [
                "git",
                "-C",
                str(folder),
                "log",
                f"--format={_SEPARATOR}%h %cs",
                "--name-only",
                "--no-renames",
                "--",
                ".",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    versions: dict[Path, Version] = {}
    for rank, block in enumerate(log.split(_SEPARATOR)[1:]):
        header, *names = block.strip().splitlines()
        commit, day = header.split()
        for name in names:
            path = resolved(Path(top) / name)
            versions.setdefault(path, Version(commit, date.fromisoformat(day), rank))
    return versions


@dataclass(frozen=True, slots=True)
class Citation:
    permalink: str
    text: str  # the suggested citation, plain text
    version: str
    source: str | None = None  # the record's file at that version, in the repository

    @property
    def html(self) -> Markup:
        """The text for a page, its quotation marks written as entities: a page whose
        characters are all Latin-1 is held at one byte a character, not two, and a large
        forum's meeting pages are held together until the theme frames them."""
        quoted = str(escape(self.text)).replace("\u201c", "&ldquo;")
        return Markup(quoted.replace("\u201d", "&rdquo;"))


def cite(
    forum_name: str,
    title: str,
    kind_label: str,
    permalink: str,
    version: Version | None,
    record_day: date | None,
    source: str | None = None,
) -> Citation:
    if version is not None:
        day = version.day.isoformat()
        stated = say("record version %(commit)s of %(date)s", commit=version.commit, date=day)
    elif record_day is not None:
        stated = say("record as of %(date)s", date=record_day.isoformat())
    else:
        stated = say("record")
    text = f"{forum_name}. \u201c{title}\u201d. {kind_label}, {stated}. {permalink}"
    return Citation(permalink, text, stated, source)
