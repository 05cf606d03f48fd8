"""Permanent URLs from the Git history: every address the site ever had, and the lost ones.

records.md: public URLs never change. A record file that existed at any commit gave the site
its page `/<kind>/<id>/`; a hand-written page in docs_dir gave its own. Such a URL is lost
only when no file and no alias answers for it today and it is not retired on purpose (one
URL a line in `retired-urls.txt`, written by people, never by a build). A build therefore
changes no tracked file, a pull request made in a web editor is guarded like any other, and
a new Forum carries no other Forum's URLs.

The history is read with one `git log` of the first-parent line of HEAD: what a branch's
own commits renamed before it was merged never reached the site. No Git: no guard.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .records import KINDS, SINGULAR, ForumRecords, Mark, Problem
from .records.translations import page_translation
from .site.urls import url_of

RETIRED_FILE = "retired-urls.txt"
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_MARKDOWN = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class GitHistory:
    top: Path  # the repository's top folder
    paths: frozenset[str]  # every file path (from `top`) that existed at some commit
    shallow: bool  # a shallow clone sees only part of the history

    def under(self, folder: Path) -> list[PurePosixPath]:
        """The paths that were ever under `folder`, relative to it."""
        try:
            prefix = folder.resolve().relative_to(self.top)
        except ValueError:  # outside this repository
            return []
        found = []
        for name in self.paths:
            path = PurePosixPath(name)
            if path.is_relative_to(prefix.as_posix()):
                found.append(path.relative_to(prefix.as_posix()))
        return found


def read_history(folder: Path, *within: Path) -> GitHistory | None:
    """The history of the files under `within` in the repository holding `folder`;
    None when there is no repository (or no Git, or no commit yet)."""
    try:
        head = _git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD")
        top_name, shallow, _ = head.splitlines()
        top = Path(top_name).resolve()
        specs = [_pathspec(top, path) for path in within]
        # Every path a commit added, changed or deleted existed at that commit. With
        # --first-parent a merge counts as one change against the main line.
        log = _git(
            top,
            "log",
            "--first-parent",
            "--name-status",
            "--no-renames",
            "--format=",
            "-z",
            "--",
            *[spec for spec in specs if spec is not None],
        )
    except (OSError, ValueError, subprocess.CalledProcessError):
        return None
    # -z: status and path alternate ("M", "a.md", "D", "b.md"), with no renames to pair.
    fields = [field for field in log.split("\0") if field.strip()]
    paths = set(fields[1::2])
    return GitHistory(top, frozenset(paths), shallow == "true")


def _git(folder: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *arguments],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    ).stdout


def _pathspec(top: Path, folder: Path) -> str | None:
    try:
        relative = folder.resolve().relative_to(top).as_posix()
    except ValueError:
        return None
    return f":(top,literal){relative}"


def record_page_urls(history: GitHistory, records_dir: Path) -> dict[str, PurePosixPath]:
    """URL -> the record file (relative to the records folder) that once gave it."""
    urls = {}
    for path in history.under(records_dir):
        parts = path.parts
        # `<id>.<lang>.md` translations have no page of their own: the stem is no id.
        is_record = len(parts) == 2 and parts[0] in KINDS and path.suffix == ".md"
        if is_record and _ID.fullmatch(path.stem):
            urls[f"/{parts[0]}/{path.stem}/"] = path
    return urls


def hand_written_urls(history: GitHistory, docs_dir: Path) -> dict[str, PurePosixPath]:
    """URL -> the page in docs_dir that once gave it; `<page>.<lang>.md` gave none (it is
    `<page>.md` in that language's site)."""
    return {
        page_url(path): path
        for path in history.under(docs_dir)
        if path.suffix in _MARKDOWN and page_translation(path.as_posix()) is None
    }


def page_url(path: PurePosixPath) -> str:
    """The URL of a hand-written page from its path in docs_dir."""
    stem = path.with_suffix("")
    if stem.name.upper() == "README":  # MkDocs serves a README as its folder's index
        stem = stem.with_name("index")
    return "/" + url_of(stem.as_posix() + ".md")


def read_retired(file: Path | None) -> set[str]:
    """The URLs withdrawn on purpose: one a line, `#` starts a comment."""
    if file is None or not file.is_file():
        return set()
    text = file.read_text("utf-8", errors="replace")  # a binary file: no traceback
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return {line for line in lines if line}


def lost_record_urls(
    history: GitHistory, records: ForumRecords, retired: Iterable[str] = ()
) -> list[Problem]:
    """A problem, at the file that is gone, for each record page lost without an alias."""
    current = {"/forum/", *_current_record_urls(records)}
    gone = sorted(set(record_page_urls(history, records.root)) - current - set(retired))
    problems = []
    for url in gone:
        kind, key = url.strip("/").split("/")
        problems.append(
            Problem(
                records.root / kind / f"{key}.md",
                Mark(1, 1),
                f"{url} was published (this file is in the Git history) and is gone: "
                f"published URLs never change. If the {SINGULAR[kind]} '{key}' was renamed, "
                f"add 'aliases: [{key}]' to its new file; if it was deleted on purpose, add "
                f"the line {url} to {RETIRED_FILE} beside mkdocs.yml",
            )
        )
    return problems


def lost_page_urls(
    history: GitHistory, docs_dir: Path, current: Iterable[str], retired: Iterable[str] = ()
) -> list[str]:
    """A message for each hand-written page's URL that no page answers any more."""
    once = hand_written_urls(history, docs_dir)
    gone = sorted(set(once) - set(current) - set(retired))
    return [
        f"{url} was published (from {docs_dir.name}/{once[url]} in the Git history) and is "
        f"gone: published URLs never change. Restore the page, or, if it was withdrawn on "
        f"purpose, add the line {url} to {RETIRED_FILE} beside mkdocs.yml"
        for url in gone
    ]


def _current_record_urls(records: ForumRecords) -> set[str]:
    urls: set[str] = set()
    for kind in KINDS:
        for key, record in records.of_kind(kind).items():
            urls.update(f"/{kind}/{name}/" for name in (key, *record.aliases))
    return urls


def history_note(history: GitHistory | None, within: Sequence[Path]) -> str:
    """One info line on what the URL guard could see."""
    if history is None:
        return (
            "not in a Git repository (or no commit yet): lost URLs are not checked; "
            "the guard reads the Git history of the records and pages"
        )
    counted = sum(len(history.under(folder)) for folder in within)
    note = f"checked the URLs of {counted} files in the Git history"
    if history.shallow:
        note += " (a shallow clone: fetch the whole history, e.g. fetch-depth: 0, to check all)"
    return note
