"""The site's URL scheme. Public URLs are `/<kind>/<id>/` (records.md) and never change.

Generated pages are addressed by their source path ("commitments/nap4-03.md"), as MkDocs
does with `use_directory_urls`; links between pages are relative, so the site works under
any base path and from a folder of files.
"""

from __future__ import annotations

from ..kinds import SECTIONS

# Record kinds that get a page each, in the order sections appear in the site.
RECORD_KINDS = tuple(kind.name for kind in SECTIONS)
# Section pages that are not a record kind.
EXTRA_SECTIONS = ("forum", "timeline", "accountability", "data")
HOME = "index.md"


def record_src(kind: str, key: str) -> str:
    return f"{kind}/{key}.md"


def section_src(section: str) -> str:
    return f"{section}/index.md"


def redirect_src(kind: str, alias: str) -> str:
    # A static page: with directory URLs, /<kind>/<alias>/ serves this file.
    return f"{kind}/{alias}/index.html"


def url_of(src: str) -> str:
    """The directory URL (relative to the site root) a source path is served at."""
    if src.endswith("/index.html"):
        return src[: -len("index.html")]
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_file(from_src: str, path: str) -> str:
    """The relative href from the page built from `from_src` to a plain file of the site."""
    return relpath(path, url_of(from_src))


def relative(from_src: str, to_src: str, anchor: str | None = None) -> str:
    """The relative href from the page built from `from_src` to the page of `to_src`."""
    here = url_of(from_src)
    there = url_of(to_src)
    fragment = f"#{anchor}" if anchor else ""
    if here == there:
        return fragment or "./"
    path = relpath(there, here)
    return ("./" if path == "." else path + "/") + fragment


def relpath(path: str, start: str) -> str:
    """posixpath.relpath for the site's own paths ("a/b/", "" for the root), which have no
    "." or ".." in them: a page links to dozens of others, and relpath's own work (making
    both paths absolute first) was a tenth of generating a large site."""
    there = [part for part in path.split("/") if part]
    here = [part for part in start.split("/") if part]
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."
