"""The build core: records and one build context in; pages, open data, URLs and problems out.

Every rule of a build lives here, whichever program drives it: the records are loaded and
checked, no published URL may be lost (url_history.py), the facts are derived once for the
build's context, the pages and the open data are generated (in a second process where that
is safe and pays, generation.py), the list of published URLs is written, and nothing
leaves with a private value in it (safety/privacy.py). The MkDocs adapter calls these steps
from its events; `openforum export` and `openforum stage` call `build` once. No MkDocs here.
"""

from __future__ import annotations

import posixpath
import shutil
from collections.abc import Collection, Iterable, Iterator
from concurrent.futures import BrokenExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .build_context import BuildContext, BuildContextError
from .exports import FOLDERS as EXPORT_FOLDERS
from .exports import URLS_FILE, ExportError, format_url_list
from .facts.forum import ForumFacts, derive
from .fulltext import BUNDLE, Indexing, SearchIndexError
from .generation import Exported, Generation, can_share
from .previous_site import PreviousSite
from .records import ForumRecords, Problem, ReadCache, load_forum
from .report import format_problem, summary
from .safety.fetches import Request
from .safety.privacy import Leak, Part, private_values, redacted, scan_site
from .site import HOME_MARKER, SiteError, home_figures
from .site.generate import GeneratedSite
from .site.urls import HOME, url_of
from .url_history import (
    GitHistory,
    history_note,
    lost_page_urls,
    lost_record_urls,
    read_history,
    read_retired,
)
from .worker import StartMethodError, start_method

OTHERS = "-" + BUNDLE  # every part of a site but the search index (privacy.Part)

__all__ = [
    "Build",
    "BuildContext",
    "BuildError",
    "BuildResult",
    "Loaded",
    "build",
    "context",
    "load",
    "scan",
]

WORKER_LOST = (
    "the process generating part of the site stopped (out of memory?); build again, or set "
    "'parallel: false' under the openforum plugin in mkdocs.yml"
)


class BuildError(Exception):
    """What the user must fix, in words ready to print: never a traceback, never a value
    the records keep private."""


# Loading, and the guard of published URLs -------------------------------------------------


@dataclass(slots=True)
class Loaded:
    """Records without problems, what the URL guard read, and lines worth showing."""

    records: ForumRecords
    warnings: list[Problem] = field(default_factory=list)  # published as recorded
    notes: list[str] = field(default_factory=list)  # what the URL guard could see
    history: GitHistory | None = None  # of the records and pages; None: no guard
    retired: set[str] = field(default_factory=set)

    def guard_pages(self, docs_dir: Path, current: Iterable[str]) -> None:
        """Every hand-written page the Git history shows was published still answers (by
        a page or a generated page of the same address)."""
        if self.history is None:
            return
        lost = lost_page_urls(self.history, docs_dir, current, self.retired)
        if lost:
            raise BuildError(f"{len(lost)} published URL(s) would disappear:\n" + "\n".join(lost))


def load(
    records_dir: Path,
    *,
    cache: ReadCache | None = None,
    history_root: Path | None = None,
    docs_dir: Path | None = None,
    retired_file: Path | None = None,
    outcome: str = "built",
) -> Loaded:
    """The records of `records_dir`, every problem raised together. With `history_root`
    (the folder of the site's config), a record page the Git history shows was published
    must still answer too; `docs_dir`'s pages are read for `Loaded.guard_pages`."""
    records, problems = load_forum(records_dir, cache)
    loaded = Loaded(records)
    # A record that fails to load is not a lost URL: the guard runs on a whole set only.
    if not problems and history_root is not None:
        within = [records_dir, *([docs_dir] if docs_dir else [])]
        loaded.history = read_history(history_root, *within)
        loaded.notes.append(history_note(loaded.history, within))
        loaded.retired = read_retired(retired_file)
        if loaded.history is not None:
            problems.extend(lost_record_urls(loaded.history, records, loaded.retired))
    if problems:
        listing = "\n".join(format_problem(p) for p in problems)
        raise BuildError(f"{listing}\n{summary(records, problems)}\nnothing was {outcome}")
    loaded.warnings = list(problems.warnings)
    return loaded


def context(records: ForumRecords, **settings: Any) -> BuildContext:
    """`BuildContext.create` for these records, its errors in the build's words. Every
    build needs the site's absolute public address: permanent links, feed ids and
    calendar UIDs are built from it."""
    parts = urlsplit(str(settings.get("site_url") or ""))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BuildError(
            "the site's public address is missing (ids, links and calendar UIDs are built "
            "from it): set site_url in mkdocs.yml, e.g. https://forum.example.org/, or give "
            "--site-url to openforum export or stage"
        )
    try:
        return BuildContext.create(records.forum, **settings)
    except BuildContextError as error:
        raise BuildError(str(error)) from None


# One build -----------------------------------------------------------------------------------


def share_work(records: ForumRecords, parallel: bool | None) -> bool:
    """Whether to use a second process: as asked (where one may start, see worker.py), else
    where it pays (generation.can_share)."""
    try:
        if parallel is not None:
            return parallel and start_method() is not None
        return can_share(records)
    except StartMethodError as error:
        raise BuildError(str(error)) from None


class Build:
    """One build of one site, in the steps a generator needs them: `pages` (the worker, if
    any, began when this was made), `finish` (the open data and the list of URLs in the
    site folder), `publish` (`finish`, the search index, the privacy scan of the folder)."""

    def __init__(self, loaded: Loaded, ctx: BuildContext, *, parallel: bool | None = None) -> None:
        self.loaded = loaded
        self.records = records = loaded.records
        self.ctx = ctx
        self.share = share_work(records, parallel)
        self.facts: ForumFacts = derive(records, ctx.today)  # once per build
        self.site_dir = Path()
        self._generation: Generation | None = None
        with self._in_words():
            self._generation = Generation(records, ctx, self.facts, share=self.share)

    def pages(
        self, site_dir: Path, docs_dir: Path | None = None, in_docs: Collection[str] = ()
    ) -> GeneratedSite:
        """Every generated page. The open data will go into `site_dir` (see `finish`),
        which must exist by then and not be cleaned again. `in_docs` are the site paths
        of the files of `docs_dir` (hand-written pages): none may be a generated page's."""
        self.site_dir = site_dir
        with self._in_words():
            site = self._running().pages(site_dir)
        for src in [*site.pages, *site.static]:
            if src in in_docs:
                raise BuildError(
                    f"{Path(docs_dir or '.', src)} is in the way of a generated page with the "
                    "same address; rename or remove it"
                )
        return site

    def with_home_figures(self, markdown: str, src: str) -> str:
        """A hand-written page with the home figures where it asks for them (the home page
        without a marker: after its text)."""
        if HOME_MARKER not in markdown and src != HOME:
            return markdown
        figures = home_figures(self.records, self.ctx, src)
        if HOME_MARKER not in markdown:
            return markdown + figures
        return markdown.replace(HOME_MARKER, figures)

    def link_warnings(
        self, page_url: str, hrefs: Iterable[str], site_urls: set[str], where: str
    ) -> list[str]:
        """A warning for each link of a page's record bodies that leads to no page of the
        site; the build log is public, so no private value is quoted."""
        return [
            f"{where}: the link '{self.redacted(href)}' leads to no page of the site; link to "
            "a record as ../../<kind>/<id>/ from a record's page, or write a full https:// "
            "address"
            for href in broken_links(page_url, hrefs, site_urls)
        ]

    def finish(
        self, taken: Iterable[str] = (), pages: Iterable[str] | None = (), into: Path | None = None
    ) -> Exported:
        """The open data written into the site folder (`into`, when `pages` was not asked
        for); `taken` are the site paths of files already there (none may be an open data
        file's); `pages` every page's address ("/meetings/"), listed with the open data's
        in the list of published URLs (None: no list, as `openforum export` writes)."""
        self.site_dir = into or self.site_dir
        with self._in_words():
            exported = self._running().finish(self.site_dir)
        self._generation = None
        in_the_way = set(taken) & set(exported.paths)
        if in_the_way:
            raise BuildError(
                f"the open data files {', '.join(sorted(in_the_way))} are in the way of "
                "files of the same name in the docs folder; rename them"
            )
        if pages is not None:
            # The site lists what it publishes (pages and data) for reusers; nothing tracked.
            listed = format_url_list(set(pages) | set(exported.urls))
            (self.site_dir / URLS_FILE).write_text(listed, "utf-8")
        return exported

    def publish(
        self,
        site_dir: Path,
        taken: Collection[str],
        pages: Iterable[str],
        previous: PreviousSite | None = None,
    ) -> int:
        """The search index of the pages, made while `finish` writes the open data and the
        privacy scan reads every other file; then the scan of the index (its fragments hold
        the pages' text). A folder that fails is removed. The number of pages indexed.
        `previous`: the last build's open data, written over, its unwritten files removed."""
        records, site_url = self.records, self.ctx.site_url
        try:
            # Every page is written: Pagefind indexes them while the open data is finished
            # and the other files are scanned; its index is scanned after.
            try:
                indexing = Indexing(site_dir, one_thread=not self.share)
                try:
                    exported = self.finish(taken, pages)
                    if previous is not None:
                        previous.remove_unwritten(EXPORT_FOLDERS, {*taken, *exported.paths})
                    found = scanned(site_dir, records, site_url, share=self.share, part=OTHERS)
                    indexed = indexing.wait().pages
                finally:
                    indexing.stop()
            except SearchIndexError as error:
                raise BuildError(str(error)) from None
            leaks, requests = scanned(site_dir, records, site_url, part=BUNDLE)
            refuse_findings((found[0] + leaks, found[1] + requests))
        except BuildError as error:
            shutil.rmtree(site_dir, ignore_errors=True)
            raise BuildError(f"{error}\n{site_dir} was removed; nothing was published.") from None
        return indexed

    def __str__(self) -> str:
        count = len(self.records.all_records())
        return f"{count} records from {self.records.root}; pages are written for {self.ctx.today}"

    def redacted(self, text: str) -> str:
        """`text` fit for a public build log: no private value of the records in it."""
        return redacted(text, private_values(self.records))

    def abandon(self) -> None:
        """The build failed: stop the worker, if any."""
        if self._generation is not None:
            self._generation.abandon()
            self._generation = None

    def _running(self) -> Generation:
        if self._generation is None:
            raise RuntimeError("this build has finished or was abandoned")
        return self._generation

    @contextmanager
    def _in_words(self) -> Iterator[None]:
        """A failed step stops the worker, and its error is told in the build's words."""
        try:
            yield
        except (SiteError, ExportError, StartMethodError) as error:
            self.abandon()
            raise BuildError(str(error)) from None
        except BrokenExecutor as error:
            self.abandon()
            raise BuildError(f"{WORKER_LOST} ({error})") from None
        except BaseException:
            self.abandon()
            raise


def scan(
    folder: Path,
    records: ForumRecords,
    site_url: str,
    *,
    share: bool = False,
    subject: str = "the built site",
) -> None:
    """No private value of the records in any file of `folder`, and nothing loaded from
    another host. The message names the file and the record field, never the value (the
    build log of a Forum's CI is public)."""
    refuse_findings(scanned(folder, records, site_url, share=share), subject)


Findings = tuple[list[Leak], list[Request]]


def scanned(
    folder: Path, records: ForumRecords, site_url: str, *, share: bool = False, part: Part = None
) -> Findings:
    """What `scan` looks for, in `folder` or its `part`."""
    own_host = urlsplit(site_url).hostname
    return scan_site(folder, private_values(records), own_host, share=share, part=part)


def refuse_findings(findings: Findings, subject: str = "the built site") -> None:
    leaks = sorted(findings[0], key=lambda leak: (leak.file, leak.value))
    requests = sorted(findings[1], key=lambda request: (request.file, request.url))
    if not leaks and not requests:
        return
    lines = [leak.message() for leak in leaks[:50]]
    lines += [f"{r.file}: loads {r.url} from another host" for r in requests[:50]]
    raise BuildError(
        f"{subject} would publish what it must not:\n"
        + "\n".join(lines)
        + "\nPrivate values appear only with contact.public or publish_name: true; "
        "pages must not load files from other hosts (self-host them)."
    )


def broken_links(page_url: str, hrefs: Iterable[str], site_urls: set[str]) -> list[str]:
    """Links in a page's record bodies written as paths of the site (`x.md`, `../x/`) that
    lead to nothing it publishes (`site_urls`: "commitments/x", "data/a.json"). Other
    relative links are left alone: they are no mistake a secretariat makes, and the
    sanitizer has already dealt with any that are hostile."""
    here = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    broken = []
    for href in hrefs:
        path = urlsplit(href).path
        target = posixpath.normpath(posixpath.join(here, path)).strip("/")
        if path.endswith(".md") or (path.endswith("/") and target not in site_urls):
            broken.append(href)
    return broken


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build wrote into its folder."""

    site: GeneratedSite  # every generated page and file, for a generator to frame
    data_files: list[str]  # the open data's site paths, the list of URLs not among them
    urls: list[str]  # every URL the site publishes, pages and data ("/api/...")
    facts: ForumFacts
    warnings: list[Problem]  # published as recorded, shown, never failing a build


def build(
    loaded: Loaded,
    ctx: BuildContext,
    folder: Path,
    *,
    pages: bool = True,
    more_pages: Iterable[str] = (),
    parallel: bool | None = False,
) -> BuildResult:
    """The whole build in one call, for programs that frame pages themselves (`stage`) or
    publish only the open data (`export`, `pages=False`): the open data and the list of
    published URLs (the generated pages', and `more_pages`' addresses: "/about/") are
    written into `folder`; the pages are returned. The caller scans what it adds, then
    the folder (`scan`)."""
    run = Build(loaded, ctx, parallel=parallel)
    site = run.pages(folder) if pages else GeneratedSite()
    folder.mkdir(parents=True, exist_ok=True)
    addresses = {"/" + url_of(src) for src in [*site.pages, *more_pages]}
    exported = run.finish(pages=addresses if pages else None, into=folder)
    urls = sorted(addresses | set(exported.urls))
    return BuildResult(site, exported.paths, urls, run.facts, loaded.warnings)
