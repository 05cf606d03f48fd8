"""Pages read part by part for the privacy scan, each part met again not read again.

The theme's frame (menus, header, footer, scripts) is half of a page and the same on
thousands of pages, and some sections of the content recur too (a meeting's attendance,
where the same members attend). A page is cut before each frame element and section
heading (`FRAME_STARTS`) whose previous non-blank character is ">": between two elements.
The scan finds the same there as in the whole page (tests compare), when no private value
holds "<" (the caller checks):

- escapes, entities and percent-encoding are undone, and case and compatibility forms
  folded, the same in each part as in the whole: none of them runs over a "<";
- a value in the text with its tags cannot run over the "<" that begins each part after
  the first, and a part ends with ">" or blanks, which end no value either;
- a tag that fetches something holds no ">", so it lies within one part.

Only the text without tags joins the parts (`Jane</span> <span>Citizen`): it is searched
whole, made of the parts' own texts without tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Material's frame: its header, menus, footer and scripts; then each section heading.
# Found in one pass: a search per element was a fifth of the scan.
FRAME_STARTS = (
    "<header",
    '<nav class="md-nav md-nav--primary"',
    '<nav class="md-nav md-nav--secondary"',
    '<div class="md-content"',
    '<label class="md-header__button',
    "<footer",
    "<script",
    "<h2",
)
_FRAME_START = re.compile("|".join(map(re.escape, FRAME_STARTS)))
_BLANKS = " \t\n\r\f\v"
# Parts met once are remembered by hash only; a part met twice is kept with what was found
# in it, up to these bounds (a part of a record's own text is rarely met twice).
MAX_SEEN = 200_000
MAX_KEPT_CHARACTERS = 8_000_000


@dataclass(frozen=True, slots=True)
class PagePart:
    values: frozenset[str]  # the private values found in its text with tags
    untagged: str  # its text as a reader sees it, without tags (normalise.without_tags)
    fetched: tuple[str, ...]  # the addresses its tags fetch as the page loads


def frame_cuts(page: str) -> list[int]:
    """Where `page` is cut: before each frame element that follows a tag's ">"."""
    starts = [found.start() for found in _FRAME_START.finditer(page, 1)]
    return [start for start in starts if _after_tag(page, start)]


# Blanks before a frame element are its indentation, seldom longer than this.
_WINDOW = 64


def _after_tag(page: str, position: int) -> bool:
    """Whether the last character before `position` but blanks is a ">"."""
    # The blanks stripped from a window in one C call: stepping back over them one
    # character at a time was half the time of finding the cuts.
    while position > 0:
        before = page[max(0, position - _WINDOW) : position].rstrip(_BLANKS)
        if before:
            return before[-1] == ">"
        position -= _WINDOW
    return False


class PageParts:
    """`read` of each part of a page, from memory for a part met before."""

    def __init__(self, read: Callable[[str], PagePart]) -> None:
        self._read = read
        self._seen: set[int] = set()
        self._kept: dict[str, PagePart] = {}
        self._kept_characters = 0

    def __call__(self, page: str) -> list[PagePart]:
        cuts = frame_cuts(page)
        return [self._part(page[a:b]) for a, b in zip([0, *cuts], [*cuts, len(page)], strict=True)]

    def _part(self, text: str) -> PagePart:
        kept = self._kept.get(text)
        if kept is not None:
            return kept
        part = self._read(text)
        key = hash(text)
        if key not in self._seen:
            if len(self._seen) >= MAX_SEEN:
                self._seen.clear()
            self._seen.add(key)
        elif self._kept_characters + len(text) <= MAX_KEPT_CHARACTERS:
            self._kept[text] = part
            self._kept_characters += len(text)
        return part
