"""Bounds on what Markdown is asked to render, so that publishing stays linear in the text.

Python-Markdown rebuilds a paragraph's whole text for every inline match (an entity, an
emphasis, an escape), re-reads a block's remaining lines after each heading or list item
it takes off the top, and numbers equal headings one by one: 200,000 `<` in one
submission took minutes. A body whose shape would cost that (the figures below are far
beyond any minutes or submission written by a person) is published as plain text instead:
escaped, split into paragraphs at blank lines, in time linear in its length.

Nesting is another matter: lists or quotes nested a few hundred deep exhaust Python's
recursion, so `validate` refuses them at their line (`nesting_too_deep`).
"""

from __future__ import annotations

import re

MAX_NESTING = 20
# Inline matches times the length of the text they sit in: the copying Markdown does.
MAX_INLINE_WORK = 200_000_000
# Lines of each block (no blank line between them) squared, summed: Markdown re-reads a
# block's rest after each list item or heading it takes (1,000 items: 0.15 s).
MAX_BLOCK_WORK = 4_000_000
MAX_LINES = 30_000
MAX_BLOCKS = 5_000
MAX_HEADINGS = 300

# What starts an inline match: entities, escapes, code, links, emphasis, raw HTML, and a
# hard line break (two spaces before a line end).
_INLINE = re.compile(r"[&\\`\[<*_]|  \n")
_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")
_HEADING = re.compile(r"^ {0,3}(#{1,6}(\s|$)|[=-]{2,}\s*$)", re.MULTILINE)


def too_costly(text: str) -> bool:
    """Whether rendering `text` as Markdown could take more than linear time."""
    if len(text) < 2_000:  # small texts cannot be costly: skip the counting
        return False
    if len(_HEADING.findall(text)) > MAX_HEADINGS:
        return True
    if text.count("\n") > MAX_LINES:
        return True
    blocks = _BLOCK_SPLIT.split(text)
    if len(blocks) > MAX_BLOCKS:
        return True
    inline_work = block_work = 0
    for block in blocks:
        block_work += block.count("\n") ** 2
        inline_work += len(_INLINE.findall(block)) * len(block)
        if block_work > MAX_BLOCK_WORK or inline_work > MAX_INLINE_WORK:
            return True
    return False


def plain_text_html(text: str) -> str:
    """The text as written, one paragraph per block. As in Markdown, an entity stands for
    its character (`&lt;`, which public text is given for `<`); every other `&`, `<` and
    `>` is escaped, so no tag can come out of it."""
    paragraphs = (block.strip("\n") for block in _BLOCK_SPLIT.split(text))
    return "\n".join(f"<p>{_escaped(p)}</p>" for p in paragraphs if p.strip())


_LONE_AMPERSAND = re.compile(r"&(?!#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")


def _escaped(text: str) -> str:
    return _LONE_AMPERSAND.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# One level of nesting at the start of a line: a quote marker, a list marker, or four
# spaces (or a tab) of indentation.
_LEVEL = re.compile(r" {0,3}>[ \t]?| {0,3}(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)|    |\t")


# Every level is written with these characters, at least one each: a line nested too deep
# starts with more of them than MAX_NESTING. Most texts have no such line, found in one pass
# (looked for after each "\n": a pattern starting with `^` is tried at every character).
_LEVELS = rf"[ \t>*+\-0-9.)]{{{MAX_NESTING + 1}}}"
_DEEP_FIRST_LINE = re.compile(_LEVELS)
_DEEP_LATER_LINE = re.compile("\n" + _LEVELS)


def nesting_too_deep(text: str) -> int | None:
    """The 0-based index of the first line nesting lists or quotes more than MAX_NESTING
    deep (fenced code aside), or None."""
    if _DEEP_FIRST_LINE.match(text) or _DEEP_LATER_LINE.search(text):
        return _first_deep_line(text)
    return None


def _first_deep_line(text: str) -> int | None:
    fence: str | None = None
    for index, line in enumerate(text.split("\n")):
        marker = _FENCE.match(line)
        if marker:
            if fence is None:
                fence = marker[1][0]
            elif marker[1][0] == fence:
                fence = None
            continue
        if fence is not None or len(line) <= MAX_NESTING:
            continue
        depth, position = 0, 0
        while depth <= MAX_NESTING and (level := _LEVEL.match(line, position)):
            if level.end() == position:
                break
            depth, position = depth + 1, level.end()
        if depth > MAX_NESTING:
            return index
    return None
