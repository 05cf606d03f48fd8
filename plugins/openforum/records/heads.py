"""Where a record's front matter ends, and whether it hides a control character: found
with str and bytes methods rather than by trying a pattern at every character of a head
(a record's head may hold a list of 1,200 ids). The patterns say what is meant; tests
(tests/test_lazy_marks.py, tests/test_fast_paths.py) compare the two."""

from __future__ import annotations

import re

# The first line after the first that is '---' once stripped of spaces (str.rstrip's, which
# are \s's) and of byte-order marks before it.
CLOSING_FENCE = re.compile(r"(?:\r\n|\r|\n)(\ufeff*---[^\S\r\n]*)(?:\r\n|\r|\n|\Z)")
# Control characters other than tab and line breaks: pasted from PDFs and word processors,
# invisible in most editors, refused by YAML.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufeff]")


def closing_fence(text: str) -> tuple[int, str, int] | None:
    """`CLOSING_FENCE.search(text)` as (start, the fence's line, end): looked for from
    each '---' in the text, not by trying the pattern at every character (a tenth of
    reading a record with a long list). tests/test_lazy_marks.py compares the two."""
    size = len(text)
    at = text.find("---")
    while at >= 0:
        begin = at
        while begin > 0 and text[begin - 1] == "\ufeff":
            begin -= 1
        if begin > 0 and text[begin - 1] in "\r\n":
            after = at + 3
            while after < size and text[after] not in "\r\n" and text[after].isspace():
                after += 1
            if after == size or text[after] in "\r\n":
                start = begin - 1
                if text[start] == "\n" and start > 0 and text[start - 1] == "\r":
                    start -= 1
                end = after + 2 if text.startswith("\r\n", after) else min(after + 1, size)
                return start, text[begin:after], end
        at = text.find("---", at + 1)
    return None


# What may be in ASCII text that holds no character of CONTROL.
_ASCII_NOT_CONTROL = bytes([9, 10, 13, *range(0x20, 0x7F)])


def has_control(text: str) -> bool:
    """Whether `CONTROL` is found in `text`: for ASCII text (most heads), by deleting the
    characters allowed from its bytes, ten times faster than trying the pattern."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _ASCII_NOT_CONTROL))
    return CONTROL.search(text) is not None
