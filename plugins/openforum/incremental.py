"""Under `mkdocs serve`, a saved record rebuilds the pages it touches, not the forum.

MkDocs rebuilds the whole site on any change: at 3,000 records a saved record showed after
18.8 s. When only record files changed since the last good build (none added or removed,
not forum.md, no hand-written page, template or setting), the records are read again (the
read cache re-parses the changed files only), the facts derived again, and the pages
generated again are only those the changed records touch: their own pages, the pages of
the records they name before and after the change, the pages of the records that name
them, and the section pages. A page whose HTML changed is framed in the theme and written
over the served one; its written file is scanned for private values. Anything else (a
problem in the records, a leak, an error) falls back to MkDocs' whole build, which reports
it as usual.

Left to the next whole build (any change of a hand-written page, a template or mkdocs.yml,
or a restart): the open data, the search indexes and the home page's figures.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast
from weakref import WeakKeyDictionary

from markupsafe import Markup

from .facts.forum import derive
from .records import ForumRecords, ReadCache, load_forum
from .safety.privacy import private_values, text_scanner
from .site.citation import Version, git_versions
from .site.context import Context, GeneratedPage, StaticFile
from .site.generate import JOBS, site_context
from .site.options import SiteOptions
from .site.render import TEMPLATES
from .site.urls import record_src

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.plugins.openforum")

Stamps = dict[str, tuple[int, int]]


class Plugin(Protocol):
    """What an update reads of the MkDocs plugin."""

    read_cache: ReadCache
    files: Files
    records_dir: Path


def stamps(folders: Iterable[Path], files: Iterable[Path] = ()) -> Stamps:
    """Modification time and size of every file under `folders`, and of `files`."""
    found: Stamps = {}
    for folder in folders:
        for parent, _, names in os.walk(folder):
            for name in names:
                path = os.path.join(parent, name)
                with _missing_ok():
                    status = os.stat(path)
                    found[path] = (status.st_mtime_ns, status.st_size)
    for file in files:
        with _missing_ok():
            status = file.stat()
            found[str(file)] = (status.st_mtime_ns, status.st_size)
    return found


class _missing_ok:
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> bool:
        return kind is not None and issubclass(kind, OSError)


@dataclass
class Built:
    """What the last good build left for an update: MkDocs' own objects and the stamps."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment
    records: ForumRecords
    options: SiteOptions
    records_dir: Path
    records_stamps: Stamps
    other_stamps: Stamps  # hand-written pages, mkdocs.yml, the page templates
    versions: dict[Path, Version] | None = None  # the records' last commits, once


class _LazyBody:
    """A record body rendered only when a page that is written shows it."""

    def __init__(self, render: Callable[[], Markup], text: str) -> None:
        self._render = render
        self._empty = not text.strip()
        self._html: Markup | None = None

    def __html__(self) -> str:
        if self._html is None:
            self._html = self._render()
        return str(self._html)

    def __str__(self) -> str:
        return self.__html__()

    def __bool__(self) -> bool:
        return not self._empty


class PartialContext(Context):
    """A context that renders only the pages in `wanted`; the others come back empty."""

    def __init__(self, base: Context, wanted: set[str], versions: dict[Path, Version]) -> None:
        super().__init__(base.records, base.options, base.facts)
        self.wanted = wanted
        # The records' last commits, read once per serve session (a save commits nothing):
        # reading them is a `git log` over the whole repository.
        self.__dict__["versions"] = versions

    def body(self, text: str, levels: int = 1) -> Markup:
        lazy = _LazyBody(lambda: Context.body(self, text, levels), text)
        return cast(Markup, lazy)  # read by templates and Markup.format through __html__

    def page(self, src: str, template: str, title: str, **kwargs: Any) -> GeneratedPage:
        if src not in self.wanted:
            return GeneratedPage(src, title, "")
        return super().page(src, template, title, **kwargs)


def page_of(records_dir: Path, path: Path) -> str | None:
    """The source path of the page that shows the record file `path`."""
    parts = path.relative_to(records_dir).with_suffix("").parts
    if len(parts) == 2:
        return record_src(parts[0], parts[1].split(".")[0])
    if len(parts) == 3 and parts[0] == "consultations":  # a submission: its consultation's
        return record_src("consultations", parts[1])
    return None


def touched_pages(records_dir: Path, changed: set[Path], *versions: ForumRecords) -> set[str]:
    """The pages that show the changed records, name them, or are named by them."""
    pages = {page for path in changed if (page := page_of(records_dir, path))}
    names = {(src.split("/")[0], src.split("/")[1].removesuffix(".md")) for src in pages}
    for records in versions:
        for ref in records.references:
            if ref.path in changed:
                pages.add(record_src(ref.kind, ref.target))
            elif (ref.kind, ref.target) in names and (page := page_of(records_dir, ref.path)):
                pages.add(page)
    return pages


class Incremental:
    """Installed on the serve loop: decides between an update and MkDocs' whole build."""

    def __init__(self) -> None:
        self.built: Built | None = None
        self.updated: list[str] = []  # the pages the last update wrote, for tests and logs

    def remember(
        self, plugin: Plugin, config: MkDocsConfig, records: ForumRecords, options: SiteOptions
    ) -> None:
        """After a good build: what an update starts from. The theme's environment and the
        nav are made again as MkDocs makes them (its own are not handed to plugins)."""
        from mkdocs.structure.nav import get_navigation

        files = plugin.files
        env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        self.built = Built(
            config,
            files,
            nav,
            env,
            records,
            options,
            plugin.records_dir,
            stamps([plugin.records_dir]),
            _other_stamps(config),
        )

    def install(self, server: LiveReloadServer, plugin: Plugin) -> None:
        """Route the server's rebuilds through an update where one will do."""
        whole_build = server.builder

        def build(*args: Any, **kwargs: Any) -> None:
            if args or kwargs or not self._try_update(plugin):
                self.built = None  # until the whole build succeeds and says so
                whole_build(*args, **kwargs)

        server.builder = build

    def _try_update(self, plugin: Plugin) -> bool:
        built = self.built
        if built is None:
            return False
        started = time.perf_counter()
        now = stamps([built.records_dir])
        if now.keys() != built.records_stamps.keys():
            return False  # a record added or removed: addresses change, the whole build
        if _other_stamps(built.config) != built.other_stamps:
            return False
        changed = {Path(p) for p, stamp in now.items() if built.records_stamps[p] != stamp}
        if not changed or built.records_dir / "forum.md" in changed:
            return False
        try:
            written = self._update(built, changed, plugin)
        except Exception as error:  # the whole build reports it properly
            log.debug("openforum: update failed (%s); building the whole site", error)
            self.built = None
            return False
        if written is None:
            self.built = None
            return False
        built.records_stamps = now
        log.info(
            "openforum: %d page(s) rebuilt for %d saved record(s) in %.2f s; the open data "
            "and search are rebuilt with the whole site (a change of a page, template or "
            "setting, or a restart)",
            len(written),
            len(changed),
            time.perf_counter() - started,
        )
        return True

    def _update(self, built: Built, changed: set[Path], plugin: Plugin) -> list[str] | None:
        records, problems = load_forum(built.records_dir, plugin.read_cache)
        if problems or records.forum is None:
            return None
        facts = derive(records, built.options.today)
        wanted = touched_pages(built.records_dir, changed, built.records, records)
        if built.versions is None:
            built.versions = git_versions(records.root)
        ctx = PartialContext(site_context(records, built.options, facts), wanted, built.versions)
        pages = self._generate(ctx, wanted)
        written = self._write(built, pages, records)
        if written is None:
            return None
        built.records = records
        self.updated = written
        return written

    def _generate(self, partial: PartialContext, wanted: set[str]) -> dict[str, GeneratedPage]:
        wanted |= set(self._summaries())
        jobs = {"sections"} | {src.split("/")[0] for src in wanted}
        made: dict[str, GeneratedPage] = {}
        for name in jobs & JOBS.keys():
            for page in JOBS[name](partial):
                if isinstance(page, StaticFile) or page.src not in wanted:
                    continue
                made[page.src] = page
        return made

    def _summaries(self) -> list[str]:
        """The generated pages about many records: section pages and the timeline's."""
        built = self.built
        assert built is not None
        return [
            f.src_uri
            for f in built.files.documentation_pages()
            if getattr(f.page, "generated", None) is not None
            and (f.src_uri.endswith("/index.md") or f.src_uri.startswith("timeline/"))
        ]

    def _write(
        self, built: Built, pages: dict[str, GeneratedPage], records: ForumRecords
    ) -> list[str] | None:
        from mkdocs.commands.build import _build_page
        from mkdocs.structure.files import InclusionLevel

        files, config = built.files, built.config
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        scan = text_scanner(private_values(records))
        written = []
        for src, generated in sorted(pages.items()):
            file = files.get_file_from_path(src)
            page = file.page if file is not None else None
            old = getattr(page, "generated", None)
            if page is None or old is None:
                return None  # a page that was not there: the whole build places it
            if old == generated:
                continue
            page.generated = generated  # type: ignore[attr-defined]
            # The page's own steps, not MkDocs' page events: the plugins' per-build state
            # (search entries, the body-link check) belongs to the whole build.
            page.read_source(config)
            page.render(config, files)
            if generated.source is not None:
                page.edit_url = built.options.source_url(generated.source)
            _build_page(page, config, doc_files, built.nav, built.env)
            output = Path(page.file.abs_dest_path)
            if scan(src, output.suffix, output.read_text(encoding="utf-8")):
                return None  # the whole build names the leak and fails
            written.append(src)
        return written


# One per plugin instance: MkDocs keeps the instance across the rebuilds of `mkdocs serve`.
_SESSIONS: WeakKeyDictionary[object, Incremental] = WeakKeyDictionary()


def session(plugin: object) -> Incremental:
    """The plugin's incremental state, made on first use."""
    found = _SESSIONS.get(plugin)
    if found is None:
        found = _SESSIONS[plugin] = Incremental()
    return found


def remember(
    plugin: Plugin, config: MkDocsConfig, records: ForumRecords, options: SiteOptions
) -> None:
    """Call after every good whole build, with its records and build context."""
    session(plugin).remember(plugin, config, records, options)


def install(server: LiveReloadServer, plugin: Plugin) -> None:
    """Call from `on_serve`."""
    session(plugin).install(server, plugin)


def _other_stamps(config: MkDocsConfig) -> Stamps:
    return stamps([Path(config.docs_dir), TEMPLATES], [Path(config.config_file_path)])
