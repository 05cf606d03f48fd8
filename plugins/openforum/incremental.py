"""Under `mkdocs serve`, a saved record rebuilds the pages it touches, not the forum.

MkDocs rebuilds the whole site on any change: at 3,000 records a saved record showed after
18.8 s. When only record files changed since the last good build (none added or removed,
not forum.md, no translation, no alias, no hand-written page, template or setting, the
values kept private the same), the records are read and checked
again (the read cache re-parses the changed files only), the facts derived again, and the
pages generated again are only those the changed records touch, in two steps:

1. the saved records' own pages, written, after which the server answers (serve_early.py:
   a request for any other page waits for step 2);
2. the pages of the records they name before and after the change, of the records that
   name them, and the pages about many records (sections, timeline).

A page whose HTML changed is framed in the theme and written over the served one; its
written file is scanned for private values. Anything else (a problem in the records, a
leak, an error) falls back to MkDocs' whole build, which reports it as usual.

Left to the next whole build (any change of a hand-written page, a template or mkdocs.yml,
or a restart): the open data, the search indexes and the home page's figures.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from weakref import WeakKeyDictionary

from . import i18n
from .facts.forum import derive
from .incremental_languages import marked, rebuild_others, site_language, translated
from .incremental_pages import PartialContext, page_of, touched_pages, unsure
from .records import ForumRecords, ReadCache, load_forum
from .safety.privacy import private_values, text_scanner
from .serve_early import Early
from .site.citation import Version, git_versions
from .site.context import GeneratedPage, StaticFile
from .site.generate import JOBS, site_context
from .site.options import SiteOptions
from .site.render import TEMPLATES, compile_templates, forget_templates

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

    from .language_sites import SiteLanguage

log = logging.getLogger("mkdocs.plugins.openforum")

Stamps = dict[str, tuple[int, int]]


class Plugin(Protocol):
    """What an update reads of the MkDocs plugin."""

    read_cache: ReadCache
    files: Files
    records_dir: Path
    theme_env: jinja2.Environment | None  # the one the build framed its pages in


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
    private: dict[str, str]  # the values kept private, which pages not written may show
    language: SiteLanguage | None = None  # the default language's, with several languages
    versions: dict[Path, Version] | None = None  # the records' last commits, once


class Incremental:
    """Installed on the serve loop: decides between an update and MkDocs' whole build."""

    def __init__(self) -> None:
        self.built: Built | None = None
        self.others: dict[str, Built] = {}  # each other language's site, by language
        self.updated: list[str] = []  # the pages the last update wrote, for tests and logs
        self.early = Early(None)

    def remember(
        self, plugin: Plugin, config: MkDocsConfig, records: ForumRecords, options: SiteOptions
    ) -> None:
        """After a good build: what an update starts from. The nav is made again as MkDocs
        makes it (its own is not handed to plugins); the theme's environment is the build's,
        its templates compiled already."""
        from mkdocs.structure.nav import get_navigation

        language = site_language(plugin)
        if language is None or not language.nested:
            self.built, self.others = None, {}
        if records.forum is None:
            return
        files = plugin.files
        env = plugin.theme_env or config.theme.get_env()
        if plugin.theme_env is None:
            env = config.plugins.on_env(env, config=config, files=files)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        built = Built(
            config,
            files,
            nav,
            env,
            records,
            options,
            plugin.records_dir,
            stamps([plugin.records_dir]),
            _other_stamps(config),
            private_values(records),
            language,
        )
        if language is not None and language.nested:  # built by the default language's
            self.others[language.language or ""] = built
            return
        self.built = built
        # The pages may have been made in a second process: this one compiles the page
        # templates now, while nothing is saved yet, not on the first save.
        threading.Thread(target=compile_templates, daemon=True).start()

    def install(self, server: LiveReloadServer, plugin: Plugin) -> None:
        """Route the server's rebuilds through an update where one will do."""
        whole_build = server.builder
        self.early = Early(server)

        def build(*args: Any, **kwargs: Any) -> None:
            try:
                if args or kwargs or not self._try_update(plugin):
                    self.early.hold()  # what step 1 let through waits for the whole build
                    self.built = None  # until the whole build succeeds and says so
                    forget_templates()  # one may have changed: it is read again
                    whole_build(*args, **kwargs)
            finally:
                self.early.done()

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
        if not changed:
            return False
        try:
            written = self._update(built, changed, plugin)
        except Exception as error:  # the whole build reports it properly
            log.debug("openforum: update failed (%s); building the whole site", error)
            return False
        if written is None:
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
        step = _Steps()
        records, problems = load_forum(built.records_dir, plugin.read_cache)
        step("load")
        if (
            problems
            or records.forum is None
            or unsure(built.records_dir, changed, built.records, records)
        ):
            return None
        private = private_values(records)
        if private != built.private:
            return None  # a value newly kept private may be on pages no update writes
        facts = derive(records, built.options.today)
        step("facts")
        own = {page for path in changed if (page := page_of(built.records_dir, path))}
        if built.versions is None:
            built.versions = git_versions(records.root)
        ctx = PartialContext(site_context(records, built.options, facts), own, built.versions)
        scan = text_scanner(private)
        with i18n.using(ctx.language):
            first = self._write(built, self._generate(ctx, {p.split("/")[0] for p in own}), scan)
            step("own pages")
            if first is None:
                return None
            self.early.serve(_urls(built, own))
            ctx.wanted = touched_pages(built.records_dir, changed, built.records, records)
            ctx.wanted |= self._summaries()
            ctx.wanted -= own
            jobs = {"sections", "timeline"} | {p.split("/")[0] for p in ctx.wanted}
            rest = self._write(built, self._generate(ctx, jobs), scan)
            step("pages touched")
        if rest is None:
            return None
        built.records = records
        self.updated = first + rest
        if built.language is not None:
            wanted, jobs = ctx.wanted | own, jobs | {p.split("/")[0] for p in own}
            if not self._update_others(built.language, records, wanted, jobs, scan):
                rebuild_others(built.language, records, built.config, plugin)  # type: ignore[arg-type]
            step("other languages")
        log.debug("openforum: update steps: %s", step)
        return self.updated

    def _update_others(
        self,
        default: SiteLanguage,
        records: ForumRecords,
        wanted: set[str],
        jobs: set[str],
        scan: Callable[[str, str, str], list[Any]],
    ) -> bool:
        """The pages in `wanted` in each other language; False: an other language's site
        must be built again whole."""
        if set(self.others) != set(default.languages[1:]):
            return False  # a site built in a second process: not seen here
        for name, other in sorted(self.others.items()):
            assert other.language is not None and self.built is not None
            published, options = translated(other.language, records, other.options)
            facts = derive(published, options.today)
            versions = self.built.versions or {}
            ctx = PartialContext(site_context(published, options, facts), wanted, versions)
            with i18n.using(name):
                pages = marked(other.language, self._generate(ctx, jobs))
                if self._write(other, pages, scan) is None:
                    return False
            other.records = published
        return True

    def _generate(self, ctx: PartialContext, jobs: set[str]) -> dict[str, GeneratedPage]:
        """The wanted pages the named jobs make (kinds' jobs go through only theirs)."""
        made: dict[str, GeneratedPage] = {}
        for name in sorted(jobs & JOBS.keys()):
            for page in JOBS[name](ctx):
                if not isinstance(page, StaticFile) and page.src in ctx.wanted:
                    made[page.src] = page
        return made

    def _summaries(self) -> set[str]:
        """The generated pages about many records: section pages and the timeline's."""
        built = self.built
        assert built is not None
        return {
            f.src_uri
            for f in built.files.documentation_pages()
            if getattr(f.page, "generated", None) is not None
            and (f.src_uri.endswith("/index.md") or f.src_uri.startswith("timeline/"))
        }

    def _write(
        self,
        built: Built,
        pages: dict[str, GeneratedPage],
        scan: Callable[[str, str, str], list[Any]],
    ) -> list[str] | None:
        from mkdocs.commands.build import _build_page
        from mkdocs.structure.files import InclusionLevel

        files, config = built.files, built.config
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
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


def _urls(built: Built, srcs: set[str]) -> list[str]:
    """The addresses ("commitments/x/") of the pages at `srcs`."""
    found = (built.files.get_file_from_path(src) for src in srcs)
    return [file.url for file in found if file is not None]


class _Steps:
    """Wall and CPU seconds of each step of an update, for the debug log (`mkdocs serve -v`)."""

    def __init__(self) -> None:
        self.times: list[tuple[str, float, float]] = []
        self._last = (time.perf_counter(), time.process_time())

    def __call__(self, name: str) -> None:
        now = (time.perf_counter(), time.process_time())
        self.times.append((name, now[0] - self._last[0], now[1] - self._last[1]))
        self._last = now

    def __str__(self) -> str:
        return ", ".join(f"{name} {wall:.2f} s ({cpu:.2f} s CPU)" for name, wall, cpu in self.times)


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
