"""Generated pages are written as HTML: only record bodies go through Markdown.

Running whole pages through Markdown meant parsing every generated table and list again
as raw HTML, about half of a large build. Bodies are rendered by one reused converter,
cleaned by the sanitizer, and the page's outline (table of contents) is read back from
the headings of the finished HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypedDict

import markdown

from ..safety.markdown_budget import plain_text_html, too_costly
from ..safety.sanitize import clean_body_html
from .plain_inline import skip_plain_text
from .plain_markdown import NOT_PROSE, plain_markdown

# The extensions MkDocs always enables; a site's own list replaces these.
DEFAULT_EXTENSIONS: tuple[str, ...] = ("toc", "tables", "fenced_code")


class Heading(TypedDict):
    """One entry of a page's outline, in Python-Markdown's `toc_tokens` shape."""

    level: int
    id: str
    name: str
    children: list[Heading]


class MarkdownRenderer:
    """Markdown to clean HTML with one converter, reset between texts (not one per page)."""

    def __init__(
        self,
        extensions: Sequence[Any] = DEFAULT_EXTENSIONS,
        extension_configs: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.__setstate__((list(extensions), dict(extension_configs or {})))

    # A worker started by spawn receives the renderer pickled: its settings travel, and
    # the converter (which does not pickle) is made again from them there.
    def __getstate__(self) -> tuple[list[Any], dict[str, Mapping[str, Any]]]:
        return self._settings

    def __setstate__(self, settings: tuple[list[Any], dict[str, Mapping[str, Any]]]) -> None:
        self._settings = settings
        extensions, configs = settings
        self._converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
        skip_plain_text(self._converter)
        # Only MkDocs' own extensions are known to leave prose as it is (`prose_html`) and
        # to render the plainest forms as `plain_markdown` writes them.
        self._prose_shortcut = list(extensions) == list(DEFAULT_EXTENSIONS) and not configs

    def __call__(self, text: str) -> str:
        if self._prose_shortcut:
            if (html := prose_html(text)) is not None:
                return html
            if (html := plain_markdown(text)) is not None:
                return clean_body_html(html)
        if too_costly(text):  # Markdown would take minutes: shown as written instead
            return plain_text_html(text)  # escaped throughout, so nothing to clean
        self._converter.reset()
        return clean_body_html(self._converter.convert(text))


BodyRenderer = Callable[[str], str]


def prose_html(text: str) -> str | None:
    """What Markdown (with MkDocs' own extensions) and the sanitizer make of `text` when it
    is paragraphs of prose: each paragraph in <p> as written; None for any other text.

    Minutes and submissions are mostly prose, and Markdown's block parsing, tree building
    and serialising cost a tenth of a large forum's build for that. A line may not begin
    with what could open a block (a digit of a numbered list, a space of a code block, a
    mark of a heading, list, quote or raw HTML: only a letter), nor end with a space (two
    make a line break).
    """
    if NOT_PROSE.search(text) or " \n" in text or text.endswith(" "):
        return None
    paragraphs = []
    for block in text.split("\n\n"):
        block = block.strip("\n")
        if not block:
            continue
        if not all(line[:1].isalpha() for line in block.split("\n")):
            return None
        paragraphs.append(f"<p>{block}</p>")
    return "\n".join(paragraphs)


_HEADING = re.compile(r"<h([1-6])([^>]*)>(.*?)</h\1>", re.DOTALL)
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")
_HREF = re.compile(r'\shref="([^"]*)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def unique_heading_ids(page: str) -> str:
    """Headings of the page's own and of a body may share an id: later ones get `_1`, ..."""
    seen: set[str] = set()
    counts: dict[str, int] = {}  # the last suffix given to each id: no count from 1 again

    def rename(match: re.Match[str]) -> str:
        found = _ID.search(match.group(2))
        if found is None:
            return match.group(0)
        wanted = found.group(1)
        chosen, count = wanted, counts.get(wanted, 0)
        while chosen in seen:
            count += 1
            chosen = f"{wanted}_{count}"
        counts[wanted] = count
        seen.add(chosen)
        if chosen == wanted:
            return match.group(0)
        attributes = match.group(2).replace(found.group(0), f' id="{chosen}"', 1)
        return f"<h{match.group(1)}{attributes}>{match.group(3)}</h{match.group(1)}>"

    return _HEADING.sub(rename, page)


def outline(page: str) -> list[Heading]:
    """The nested headings (h2 and below) that carry an id, for the table of contents."""
    roots: list[Heading] = []
    stack: list[Heading] = []
    for match in _HEADING.finditer(page):
        level = int(match.group(1))
        found = _ID.search(match.group(2))
        if level == 1 or found is None:
            continue
        name = html.unescape(_TAG.sub("", match.group(3))).strip()
        heading = Heading(level=level, id=found.group(1), name=html.escape(name), children=[])
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(heading)
        stack.append(heading)
    return roots


def anchor_ids(page: str) -> set[str]:
    """Every id on the page: what links to `page#...` may point at; `_ID.findall`'s.

    Found from each `id="` (a literal, which the string search skips to) with a blank
    before it: the pattern's leading blank made the engine try it at every character.
    """
    found: set[str] = set()
    at = 0
    while (start := page.find('id="', at)) >= 0:
        if start == 0 or not page[start - 1].isspace():  # `\s` is `str.isspace`
            at = start + 1
            continue
        end = page.find('"', start + 4)
        if end < 0:
            break  # no closing quote here, nor after any later `id="`
        if end == start + 4:  # `id=""`: no id
            at = start + 1
            continue
        found.add(page[start + 4 : end])
        at = end + 1
    return found


def relative_hrefs(page: str) -> list[str]:
    """Links that lead within the site by a relative path (not `#x`, `/x`, `https:`)."""
    return [
        html.unescape(href)
        for href in _HREF.findall(page)
        if href and not href.startswith(("#", "/")) and not _SCHEME.match(href)
    ]
