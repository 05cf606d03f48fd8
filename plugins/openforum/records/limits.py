"""Limits the build relies on, checked where the records are read so that `validate`
refuses what the build could not publish: with the file, the line and the fix.

- An id (a file name, an alias) becomes a folder and file names of the site: at most
  MAX_ID_LENGTH characters, and not a name Windows reserves for a device (`con`, `nul`,
  `com1`...: a checkout of the records would fail there) nor one the site uses itself.
- A body must not nest lists or quotes deeper than Markdown can render, nor hold
  characters that XML forbids.
"""

from __future__ import annotations

from pathlib import Path

from ..safety.characters import describe, not_for_xml
from ..safety.markdown_budget import MAX_NESTING, nesting_too_deep
from .problems import Mark, Problems

MAX_ID_LENGTH = 150  # real imported minutes reach 107 (US NAP5); NAME_MAX is 255
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)
# `index` is the list page of a kind (<kind>/index.md).
SITE_NAMES = frozenset({"index"})


def id_problem(text: str) -> str | None:
    """Why `text`, shaped like an id, cannot be one; None when it can."""
    if len(text) > MAX_ID_LENGTH:
        return (
            f"is {len(text)} characters long; an id is at most {MAX_ID_LENGTH} (it becomes a "
            "file and folder name of the site): shorten it"
        )
    if text in WINDOWS_DEVICES:
        return f"is a name Windows reserves for a device ({text}): choose another, e.g. '{text}-1'"
    if text in SITE_NAMES:
        return f"is reserved for the site's own list page ('{text}'): choose another"
    return None


def check_body(body: str, first_line: int, path: Path, problems: Problems) -> None:
    """Characters XML forbids, and lists or quotes nested too deep, at their line."""
    odd = not_for_xml(body)
    if odd:
        line = first_line + body.count("\n", 0, odd.start())
        column = odd.start() - (body.rfind("\n", 0, odd.start()) + 1) + 1
        problems.add(
            path,
            Mark(line, column),
            f"{describe(odd[0])} is hidden in this line; feeds and other XML cannot carry "
            "it: delete it (editors often do not show it)",
        )
    deep = nesting_too_deep(body)
    if deep is not None:
        problems.add(
            path,
            Mark(first_line + deep, 1),
            f"lists or quotes are nested more than {MAX_NESTING} levels deep here; Markdown "
            "cannot render that: flatten them",
        )
