"""What a built page or stylesheet would fetch by itself from another host (privacy.py)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

# What makes a browser fetch something as the page loads (links a reader clicks are fine).
FETCHING_ATTRIBUTES = re.compile(
    r"<(?:script|img|iframe|frame|embed|source|audio|video|track|input|object)\b[^>]*?"
    r"\s(?:src|srcset|data|poster)\s*=\s*[\"']?([^\"'\s>]+)"
    r"|<link\b(?=[^>]*\srel\s*=\s*[\"']?(?:stylesheet|icon|preload|prefetch|modulepreload|"
    r"manifest|apple-touch-icon|preconnect|dns-prefetch))[^>]*?\shref\s*=\s*[\"']?([^\"'\s>]+)",
    re.IGNORECASE,
)
# Found from its "(" (the engine then skips to each by a fast literal search, where a
# case-blind "url(" makes it try every character): a page has few.
CSS_URL = re.compile(r"\((?<=[uU][rR][lL]\()\s*[\"']?([^\"')\s]+)")
CSS_IMPORT = re.compile(r"@import\s+[\"']([^\"']+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Request:
    file: str
    url: str


# The same pattern told the case: a case-blind match compares each letter in both cases,
# twice the time of matching ASCII text lowered, which finds the same (no character of
# ASCII text matches a letter case-blind but its own pair, as "\u017f" matches "s").
_FETCHING_IN_LOWER_CASE = re.compile(FETCHING_ATTRIBUTES.pattern)


def fetched_by_tags(text: str, lowered: str | None = None) -> list[str]:
    """The addresses the tags of `text` fetch as the page loads; `lowered`, if the caller
    has it, is `text.lower()`."""
    if not text.isascii():
        return [a or b for a, b in FETCHING_ATTRIBUTES.findall(text)]
    # Lowering keeps an ASCII text's length: each address is cut from `text` where it
    # was found in the lowered copy, in the case it is written.
    found = _FETCHING_IN_LOWER_CASE.finditer(text.lower() if lowered is None else lowered)
    return [text[slice(*match.span(match.lastindex or 0))] for match in found]


def requests_in(where: str, suffix: str, text: str, own_host: str | None) -> list[Request]:
    if suffix == ".css":
        urls = CSS_URL.findall(text) + CSS_IMPORT.findall(text)
    elif suffix in (".html", ".htm"):
        urls = fetched_by_tags(text) + CSS_URL.findall(text)  # and style attributes, blocks
    else:
        return []
    return third_party(where, urls, own_host)


def third_party(where: str, urls: list[str], own_host: str | None) -> list[Request]:
    """Of the addresses `urls` found in `where`, those on another host than `own_host`."""
    found = []
    for url in urls:
        url = html.unescape(url)
        host = urlsplit(url).hostname if url.startswith(("http:", "https:", "//")) else None
        if host and host != own_host:
            found.append(Request(where, url))
    return found
