"""The full-text search index: Pagefind, run over the built site at the end of each build.

Pages mark what is indexed (`data-pagefind-body` on record and hand-written pages, filters
and weights as attributes), so this step only runs Pagefind's own program, shipped by the
`pagefind[bin]` package. It writes `pagefind/` beside the pages: the browser then loads
only the index chunks and page fragments a query needs.

Pagefind is given each page cut to what it reads: the `<html>` tag, the title and the
indexed element. The theme's frame (header, menus, footer, the head's links and scripts)
is most of a page's markup; parsing it was 40% of Pagefind's CPU time, for an index that is
the same without it.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .scratch import LockedFolder, remove_abandoned

BUNDLE = "pagefind"  # the folder, under the site, that Pagefind writes
CUT_PREFIX = "openforum-cut-pages-"  # the temporary folders of the cut pages
TIMEOUT = 1800  # seconds: a forum of 10,000 records is indexed in under a minute
# Pages are written as HTML by the generator and the theme; redirect pages carry no body
# marker and are skipped by Pagefind on their own.
GLOB = "**/*.html"
# One index for the whole site, in a language Pagefind has no stemmer for: a word then finds
# its own form (and the longer words it begins), not every word of its root. A rare word
# from a record's minutes finds that record, not every page with a common relative of it
# ("checked" is not buried under every "check"). Measured on the demo forum: 7 of 443 words
# found in one record only missed their record in the first three with no stemming, 80
# with English stemming.
NO_STEMMING = "zz"
# Pagefind's program allocates through jemalloc (prefixed `_RJEM_`), which by default keeps
# freed pages for ten seconds: indexing frees large structures phase after phase, so the
# kept pages piled up to a fifth of its peak. Returned after a fifth of a second, they no
# longer pile up, and are not returned page by page as they would be at once (measured on
# the pages of 10,000 records: 1,030 MB peak kept ten seconds, 794 MB and 2.1 s of system
# time returned at once, 805 MB and 1.4 s so). Without jemalloc the variable is inert.
ALLOCATOR = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:200,muzzy_decay_ms:0"}
# A build in one process (`parallel: false`, or a forum too small to share its work) runs
# Pagefind on one thread too. Its threads share out the work, but creating files and
# returning memory on several threads costs system time: on the pages of 1,000 records,
# 0.62-0.66 s of CPU in all on one thread, 0.65-0.83 s on its own choice of threads.
ONE_THREAD = {"TOKIO_WORKER_THREADS": "1", "RAYON_NUM_THREADS": "1"}


# The attribute that marks a page's indexed element, as the opening tag of an element holds
# it; main.html writes BODY_END after that element closes.
BODY_MARK = "data-pagefind-body"
BODY_TAG = re.compile(r"<[a-zA-Z][^<>]*\sdata-pagefind-body[\s>=/]")
BODY_END = "<!--/pagefind-body-->"
# Templates write these around an element Pagefind ignores (`data-pagefind-ignore`) when
# it is long and holds nothing else Pagefind reads (filters, metadata, ids for sub-results):
# a meeting's attendance, hundreds of names on a large forum's every meeting. Pagefind is
# given the page without it and makes the same index, without parsing the names.
SKIP_START = "<!--pagefind-skip-->"
SKIP_END = "<!--/pagefind-skip-->"
_IGNORED_ELEMENT = re.compile(r"<[a-zA-Z][^<>]*\sdata-pagefind-ignore(?:=\"index\")?[\s>]")
# Of a page's head Pagefind reads its language (the `<html>` tag; the build forces one
# anyway) and its `<title>`; the theme's links, scripts and meta tags, a fifth of what it
# was given of each page, only cost it parsing.
_HTML_TAG = re.compile(r"<html(?:\s[^<>]*)?>", re.IGNORECASE)
_TITLE = re.compile(r"<title(?:\s[^<>]*)?>[^<]*</title>", re.IGNORECASE)


class SearchIndexError(Exception):
    """Indexing failed; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Indexed:
    pages: int  # pages Pagefind indexed


def pagefind_program() -> Path:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        raise SearchIndexError(
            "the search index needs Pagefind: install the project again "
            "(pip install -e .), which brings the 'pagefind[bin]' package"
        ) from None
    try:
        return Path(get_executable())
    except FileNotFoundError as error:
        raise SearchIndexError(
            f"Pagefind's program is missing ({error}); reinstall pagefind[bin]"
        ) from None


def index_site(site: Path, *, one_thread: bool = False) -> Indexed:
    """Index the built site in `site`, writing `site/pagefind/`."""
    return Indexing(site, one_thread=one_thread).wait()


class Indexing:
    """Pagefind running over the built site in `site`, writing `site/pagefind/`, while the
    build goes on (the privacy scan of the other files); `wait` for it, or `stop` it."""

    def __init__(self, site: Path, *, one_thread: bool = False) -> None:
        self.site = site
        self._folder, read = _cut_copy(site)
        try:
            work = Path(self._folder.name)
            # Its progress lines go to a file: a pipe nobody reads while it runs could fill.
            self._output = (work / "output.txt").open("w+", encoding="utf-8", errors="replace")
            self._process = subprocess.Popen(
                _command(read, site / BUNDLE),
                stdout=self._output,
                stderr=subprocess.STDOUT,
                env={**os.environ, **ALLOCATOR, **(ONE_THREAD if one_thread else {})},
            )
        except OSError as error:
            self._folder.cleanup()
            raise SearchIndexError(f"Pagefind could not index {site}: {error}") from None
        except BaseException:
            self._folder.cleanup()
            raise

    def wait(self) -> Indexed:
        try:
            try:
                code = self._process.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                raise SearchIndexError(
                    f"Pagefind could not index {self.site}: it took over {TIMEOUT} s"
                ) from None
            self._output.seek(0)
            output = self._output.read()
            if code != 0:
                tail = "\n".join(output.strip().splitlines()[-10:])
                raise SearchIndexError(f"Pagefind could not index {self.site}:\n{tail}")
            return Indexed(_indexed_pages(output))
        finally:
            self.stop()

    def stop(self) -> None:
        """Pagefind stopped if it still runs, its temporary files removed."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._output.close()
        self._folder.cleanup()


# The cut pages are as many files and folders as the site has pages, made and removed each
# build. On this project's machines (ext4 without a journal) making a file costs up to a
# millisecond of system time once many were removed, in a memory-backed folder a fiftieth
# of that: the cut pages go there, where it is large enough, unless TMPDIR (or TEMP, TMP)
# names a folder.
MEMORY_FOLDER = Path("/dev/shm")
MEMORY_FOLDER_FREE = 2 << 30  # bytes free in it, at least: a large site's pages fit


# The variables by which a user names the temporary folder (as `tempfile` reads them).
TEMPORARY_FOLDER_VARIABLES = ("TMPDIR", "TEMP", "TMP")


def work_root() -> str | None:
    """Where the cut pages' folder goes: the memory-backed folder, or None (the temporary
    folder `tempfile` chooses, where the user named one)."""
    # Not `tempfile.tempdir`: any library's first `gettempdir()` sets it (Jinja's bytecode
    # cache does, before every build's index), so it tells nothing of the user's choice.
    if any(os.environ.get(name) for name in TEMPORARY_FOLDER_VARIABLES):
        return None
    try:
        free = os.statvfs(MEMORY_FOLDER)
    except OSError:
        return None
    roomy = free.f_bavail * free.f_frsize >= MEMORY_FOLDER_FREE
    return str(MEMORY_FOLDER) if roomy and os.access(MEMORY_FOLDER, os.W_OK) else None


def _cut_copy(site: Path) -> tuple[LockedFolder, Path]:
    """A temporary folder holding the site's pages cut (`_cut_pages`), and the folder
    Pagefind reads: those pages, or the site itself where no page marks an indexed element.
    Such folders that killed builds left are removed first."""
    root = work_root()
    remove_abandoned(CUT_PREFIX, root)
    if root is not None:
        try:
            return _cut_into(site, root)
        except OSError:  # the memory-backed folder filled up: the usual one instead
            pass
    try:
        return _cut_into(site, None)
    except OSError as error:
        raise SearchIndexError(f"Pagefind could not index {site}: {error}") from None


def _cut_into(site: Path, root: str | None) -> tuple[LockedFolder, Path]:
    folder = LockedFolder(CUT_PREFIX, root)
    try:
        pages = Path(folder.name) / "pages"
        return folder, pages if _cut_pages(site, pages) else site
    except BaseException:
        folder.cleanup()
        raise


def _cut_pages(site: Path, into: Path) -> bool:
    """Each indexed page of `site` cut to what Pagefind reads of it (`indexed_part`), at its
    own path under `into` (its address to Pagefind). False where no page marks an indexed
    element: Pagefind then indexes every page whole, and reads the site itself."""
    cut_any = False
    for folder, _, names in os.walk(site):
        for name in names:
            if not name.endswith(".html"):
                continue
            page = Path(folder, name)
            kept = indexed_part(page.read_text("utf-8", errors="replace"))
            if kept is None:
                continue
            target = into / page.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(kept, "utf-8")
            cut_any = True
    return cut_any


def indexed_part(html: str) -> str | None:
    """What Pagefind reads of a page: its head (`_head`) and indexed element (None: a page with
    none, which Pagefind skips once any page has one). A page whose element cannot be told
    for sure (no end marker, several elements) is kept whole."""
    mark = html.find(BODY_MARK)
    if mark < 0:
        return None
    start = html.rfind("<", 0, mark)
    if not BODY_TAG.match(html, start):
        return html  # the words in a text, not an element's attribute: Pagefind decides
    end = html.find(BODY_END, mark)
    body = html.find("<body")
    if end < 0 or html.find(BODY_MARK, mark + 1) >= 0 or not 0 <= body < start:
        return html
    return f"{_head(html[:body])}<body>{_without_skipped(html, start, end)}</body></html>"


def _head(head: str) -> str:
    """What Pagefind reads of a page's head: its `<html>` tag and title; the head as it is
    where it says something to Pagefind, or its tags cannot be told for sure."""
    if "data-pagefind" in head or head.count("<html") != 1 or head.count("<title") > 1:
        return head
    html_tag, title = _HTML_TAG.search(head), _TITLE.search(head)
    if html_tag is None or (title is None and "<title" in head):
        return head
    return f"<!doctype html>{html_tag[0]}<head>{title[0] if title else ''}</head>"


def _without_skipped(html: str, start: int, end: int) -> str:
    """`html[start:end]` less each marked element that Pagefind would ignore whole: one
    element that says so, with no other Pagefind attribute and no id inside."""
    kept: list[str] = []
    at = start
    while (skip := html.find(SKIP_START, at, end)) >= 0:
        stop = html.find(SKIP_END, skip, end)
        if stop < 0:
            break
        inner = html[skip + len(SKIP_START) : stop].strip()
        kept.append(html[at:skip])
        if not (
            _IGNORED_ELEMENT.match(inner)
            and inner.count("data-pagefind-") == 1
            and " id=" not in inner
        ):
            kept.append(inner)
        at = stop + len(SKIP_END)
    kept.append(html[at:end])
    return "".join(kept)


def _command(pages: Path, bundle: Path) -> list[str]:
    return [
        str(pagefind_program()),
        "--site",
        str(pages),
        "--glob",
        GLOB,
        "--output-path",
        str(bundle),
        "--force-language",
        NO_STEMMING,
    ]


def _indexed_pages(output: str) -> int:
    # Pagefind reports "Indexed N pages" among its progress lines.
    for line in output.splitlines():
        words = line.split()
        if len(words) >= 3 and words[0] == "Indexed" and words[2].startswith("page"):
            return int(words[1]) if words[1].isdigit() else 0
    return 0
