"""Markdown's HTML for the plainest bodies, written without Markdown's machinery.

Minutes and submissions are paragraphs, lists of points, a few headings, a word in bold
and a link. Python-Markdown makes of each an element tree, runs a dozen processors over it
and serialises it: on a forum of 10,000 records written so (bench/restyle.py), making the
pages took 9.6 s of CPU, 4.7 s without. `plain_markdown` writes the HTML Markdown (with
MkDocs' own extensions: `toc`, `tables`, `fenced_code`) gives for bodies made only of these
forms, and answers None for any other text, which Markdown then renders. The forms are
narrow on purpose: every block and inline rule here is one Markdown applies the same way in
every context it allows.
`tests/test_plain_markdown.py` compares the two on generated bodies.

- A block is one of: a paragraph (every line begins with a letter, `[` or `**`), a list
  (every line `- `, `* `, `+ ` or `1. ` and then what a paragraph line begins with), a
  heading (one line, `#` to `######`, a space, then prose). Blocks are separated by blank
  lines.
- Within paragraphs and items: prose (letters and digits of any script, spaces, sentence
  punctuation), `**bold**`, `[text](address)` (`http(s)://...` or `/...`) and
  `[**text**](address)`; within headings, prose only.
"""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify, unique

# Prose: letters and digits of any script, spaces, line breaks and the punctuation of
# sentences. None of these starts a Markdown construct inside a line (no `*`, `_`, backtick,
# backslash, `<`, `&`, `[`, `]`), needs escaping in HTML text or is changed by the
# sanitizer; what could start one at a line's beginning is checked line by line. Also what
# `html.prose_html` takes.
_SENTENCE_MARKS = ".,;:!?'\"()%/\u00bf\u00a1\u00ab\u00bb\u2018\u2019\u201c\u201d\u2013\u2014\u2026-"
NOT_PROSE = re.compile(f"[^\\w \\n{re.escape(_SENTENCE_MARKS)}]|_")
# `**bold**` and `[text](address)`, each before a space, a line's end or a mark that ends a
# clause; the words inside are checked as prose.
# Each after a space or a line's start too, checked by hand: a pattern that begins with a
# look-behind is tried at every character, one that begins with `*` or `[` only there.
_PART = re.compile(
    r"(?:\*\*(?P<bold>[^*\[\]\n]+)\*\*"
    r"|\[(?:\*\*(?P<strong>[^*\[\]\n]+)\*\*|(?P<label>[^*\[\]\n]+))\]"
    r"\((?P<address>(?:https?://[A-Za-z0-9]|/)[A-Za-z0-9._~/%#-]*)\))"
    r"(?=[ \n.,;:?]|$)"
)
_LINE_START = re.compile(r"[^\W\d_]|\[|\*\*[^\W_]")
# A list item's marker: Markdown reads `-`, `*`, `+` and `1.` alike within a list, whose
# kind its first item decides.
_ITEM = re.compile(r"(?:[-*+]|\d+\.) ")
_HEADING = re.compile(r"(#{1,6}) ([^\W_].*?) *")
_SPACES_LINE = re.compile(r"(?<=\n) +\n")


def plain_markdown(text: str) -> str | None:
    """What Markdown (MkDocs' extensions) renders of `text`, when every block and inline
    form of it is one this module knows; None otherwise."""
    if "\r" in text or "\t" in text:
        return None
    if " \n" in text:
        text = _SPACES_LINE.sub("\n", text)  # as Markdown reads a line of spaces: empty
        if "  \n" in text:  # two spaces end a line with a break
            return None
    if text.endswith("  "):
        return None
    html: list[str] = []
    ids: set[str] = set()
    counters: dict[str, int] = {}
    items: list[tuple[str, bool]] = []  # the list being read: each item, and if loose
    ordered = False
    for block in text.split("\n\n"):
        block = block.strip("\n")
        if not block:
            continue
        lines = block.split("\n")
        if _ITEM.match(block):
            # Markdown joins lists a blank line apart into one, and wraps the item on either
            # side of the blank line in a paragraph.
            loose = bool(items)
            if loose:
                items[-1] = (items[-1][0], True)
            else:
                ordered = block[0] not in "-*+"
            for line in lines:
                marker = _ITEM.match(line)
                item = _inline(line[marker.end() :]) if marker else None
                if item is None:
                    return None
                items.append((item, loose))
                loose = False
            continue
        if items:
            html.append(_list(items, ordered))
            items = []
        if block[0] == "#":
            heading = _HEADING.fullmatch(block)
            if heading is None or not _is_prose(heading[2]):
                return None
            level, words = len(heading[1]), heading[2]
            slug = unique(slugify(words, "-"), ids, counters)
            html.append(f'<h{level} id="{slug}">{words}</h{level}>')
            continue
        if not all(_LINE_START.match(line) for line in lines):
            return None
        inline = _inline(block)
        if inline is None:
            return None
        html.append(f"<p>{inline}</p>")
    if items:
        html.append(_list(items, ordered))
    return "\n".join(html)


def _list(items: list[tuple[str, bool]], ordered: bool) -> str:
    tag = "ol" if ordered else "ul"
    return (
        f"<{tag}>\n"
        + "".join(
            f"<li>\n<p>{item}</p>\n</li>\n" if loose else f"<li>{item}</li>\n"
            for item, loose in items
        )
        + f"</{tag}>"
    )


def _is_prose(words: str) -> bool:
    return NOT_PROSE.search(words) is None and words[0] != " " and words[-1] != " "


def _inline(text: str) -> str | None:
    """`text` with its bold words and links as HTML; None where it holds any other form."""
    if not _LINE_START.match(text):
        return None
    if "*" not in text and "[" not in text:
        return None if NOT_PROSE.search(text) else text
    out: list[str] = []
    at = 0
    for part in _PART.finditer(text):
        start = part.start()
        between = text[at:start]
        bold, strong, label, address = part.group("bold", "strong", "label", "address")
        words = bold or strong or label
        if (start and text[start - 1] not in " \n") or NOT_PROSE.search(between):
            return None
        if not _is_prose(words):
            return None
        out.append(between)
        if bold is not None:
            out.append(f"<strong>{bold}</strong>")
        else:
            shown = label if strong is None else f"<strong>{strong}</strong>"
            out.append(f'<a href="{address}">{shown}</a>')
        at = part.end()
    rest = text[at:]
    if NOT_PROSE.search(rest):
        return None
    out.append(rest)
    return "".join(out)
