"""Text pasted from word processors, made into the Markdown it was meant to be.

Minutes copied from a word processor carry their bullets as characters ("•", "◦", "▪")
at the start of a line. Markdown reads such lines as one run-on paragraph; here they
become list items ("◦" and "o"-style sub-bullets one level in), with the blank line that
Markdown needs before a list. Fenced code is left alone.
"""

from __future__ import annotations

import re

EN_DASH = "\u2013"
# Bullet characters word processors paste: black circle, square, white circle, hyphen bullet.
BULLETS = "\u2022\u25cf\u25aa\u25a0\u25e6\u25cb\u2023\u2043"
_BULLET = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<mark>[{BULLETS}{EN_DASH}])[ \t\u00a0]*(?P<text>\S.*)$"
)
_SUB_BULLETS = frozenset("\u25e6\u25cb\u2023\u2043" + EN_DASH)
_LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def bullets_to_lists(text: str) -> str:
    if not any(mark in text for mark in BULLETS):
        return text  # the common case: nothing pasted
    out: list[str] = []
    fence: str | None = None
    made: set[str] = set()  # the list items made here
    for line in text.split("\n"):
        marker = _FENCE.match(line)
        if marker and (fence is None or marker.group(1)[0] == fence[0]):
            fence = None if fence else marker.group(1)
        bullet = None if fence or marker else _BULLET.match(line)
        if bullet is None or (bullet["mark"] == EN_DASH and not _in_list(out)):
            if line.strip() and not line[:1].isspace() and out and out[-1] in made:
                out.append("")  # the list ends: text after it is not part of its last item
            out.append(line)  # a dash starting an ordinary sentence stays as it is
            continue
        nested = bullet["mark"] in _SUB_BULLETS or len(bullet["indent"].expandtabs(4)) >= 2
        if out and out[-1].strip() and not _in_list(out):
            out.append("")  # Markdown starts a list only after a blank line
        item = ("    " if nested and _in_list(out) else "") + "- " + bullet["text"]
        made.add(item)
        out.append(item)
    return "\n".join(out)


def _in_list(lines: list[str]) -> bool:
    return bool(lines) and _LIST_ITEM.match(lines[-1]) is not None
