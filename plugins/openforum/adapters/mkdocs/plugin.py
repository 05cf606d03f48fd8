"""The MkDocs plugin: MkDocs' events translated into the steps of the build core (build.py)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ... import identity, previous_site
from ...build import Build, BuildError, context, load
from ...collector import BuildCollector
from ...exports import FOLDERS as EXPORT_FOLDERS
from ...i18n import using
from ...i18n.nav import translate_titles
from ...language_sites import SiteLanguage
from ...records import KINDS, ReadCache
from ...report import format_problem
from ...safety.sanitize import clean_html
from ...site.html import MarkdownRenderer
from ...site.render import TEMPLATES
from ...site.urls import url_of
from ...theme_overrides import install_theme_overrides
from ...url_history import RETIRED_FILE
from .pages import (
    PrerenderedPage,
    search_entries,
    spare_theme_search_of_generated_pages,
    theme_search_entries,
)

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)

# The folders a rebuild writes over (previous_site.py): each record kind's pages
# (/<kind>/<id>/), written first, and the open data, written last.
RECORD_FOLDERS = tuple(KINDS)
REWRITTEN_FOLDERS = (*RECORD_FOLDERS, *EXPORT_FOLDERS)


class _Day(base.BaseConfigOption[date | None]):
    def run_validation(self, value: object) -> date | None:
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise base.ValidationError(f"'{value}' is not a date: write it as YYYY-MM-DD") from None


class OpenForumConfig(base.Config):
    records = c.Type(str, default="forum_records")
    """The folder holding forum.md and the record folders, relative to mkdocs.yml."""
    today = _Day()
    """The date pages are written for (YYYY-MM-DD); unset: SOURCE_DATE_EPOCH, else today."""
    repo_edit_base = c.Optional(c.URL())
    """URL that, followed by a file's path from mkdocs.yml's folder, edits it (else repo_url)."""
    parallel = c.Optional(c.Type(bool))
    """Two processes (true) or one (false); unset: two with 2+ cores and 300+ records."""
    retired_urls = c.Type(str, default=RETIRED_FILE)
    """The file (relative to mkdocs.yml) listing URLs withdrawn on purpose, one a line."""


@contextmanager
def _told() -> Iterator[None]:
    try:
        yield
    except BuildError as error:
        raise PluginError(f"openforum: {error}") from None


class OpenForumPlugin(BasePlugin[OpenForumConfig]):
    """Publishes the Forum's records as pages; invalid records stop the build."""

    def __init__(self) -> None:
        self.run: Build | None = None  # this build's core, from on_config to on_post_build
        self.records_dir = Path()
        self.files = Files([])
        self.search_entries: list[dict[str, Any]] | None = None  # the theme's search index
        self.site_paths: set[str] = set()  # every address, for the links of record bodies
        self.read_cache = ReadCache()  # across the rebuilds of `mkdocs serve`
        self.build_error: str | None = None  # the last failed build's, for `mkdocs serve`
        self.language = "en"  # the language of the site being built, from on_config
        self.site_language = SiteLanguage()  # other languages' builds: set by the default's
        self.serving = False  # under `mkdocs serve`, each build is remembered for a save
        self.rewrite = False  # the last build's record pages and open data written over
        self.previous: previous_site.PreviousSite | None = None  # them, put back
        self.theme_env: jinja2.Environment | None = None  # the theme's, as the build framed
        self.collector = BuildCollector()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defined, it keeps this instance (and the records read) across `mkdocs serve` rebuilds.
        self.serving = command == "serve"
        # Only `mkdocs build` of the whole site; on Linux, whose ext4 needs it (see the module).
        self.rewrite = command == "build" and not dirty and sys.platform.startswith("linux")

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.rewrite:  # before MkDocs empties the site folder
            previous_site.set_aside(Path(config.site_dir), REWRITTEN_FOLDERS)

    # Priority 50, before other plugins' on_config (default 0): a broken record is reported
    # first, not as some later plugin's confusing failure.
    @event_priority(50)
    @_told()
    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise BuildError("record URLs are /<kind>/<id>/: set use_directory_urls: true")
        root = Path(config.config_file_path).parent
        self.records_dir, docs = root / self.config.records, Path(config.docs_dir)
        self.collector.start()
        loaded = self.site_language.settle(config, self.site_language.inherit() or load(
            self.records_dir, cache=self.read_cache, history_root=root, docs_dir=docs,
            retired_file=root / self.config.retired_urls))  # fmt: skip
        settled = identity.settle_site(config, loaded.records.forum, root)
        for line in [*loaded.notes, *map(format_problem, loaded.warnings), *settled]:
            log.info(line)  # warnings are published as recorded: a strict build goes on
        edit_base = self.config.repo_edit_base or identity.record_edit_base(config, root)
        # Record bodies render with the extensions of the site's hand-written pages.
        markdown = MarkdownRenderer(config.markdown_extensions, config.mdx_configs)
        ctx = self.site_language.context(context(loaded.records, today=self.config.today,
            site_url=config.site_url, edit_base=edit_base, repo_root=root, markdown=markdown),
            config)  # fmt: skip
        # The records live to the build's end: the cyclic collector's
        # passes over them found nothing and were a tenth of generating a large forum's
        # pages. Frozen before a worker starts, its passes also leave those pages unshared.
        self.collector.keep()
        # Started now, a worker makes pages while MkDocs sets up the rest of the build.
        self.run = Build(loaded, ctx, parallel=self.config.parallel)
        self.language = ctx.language
        log.info(f"loaded {self.run}")
        return config

    # Default priority: plugins running later (search, sitemaps) see the generated pages.
    @_told()
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.run is not None  # set in on_config
        if self.rewrite:  # before any page or data table is written
            self.previous = previous_site.PreviousSite.put_back(Path(config.site_dir))
        site = self.site_language.mark(self.run.pages(
            Path(config.site_dir), Path(config.docs_dir), {f.src_uri for f in files}))  # fmt: skip
        # The other languages' sites: under `mkdocs serve`, built in this process, where
        # a save then updates them (incremental_languages.py).
        parallel = False if self.serving else self.config.parallel
        self.site_language.start_others(config, self, parallel)
        for src, page in site.pages.items():
            # Record pages are never in the nav, which every page carries (heavy, slow).
            nav = InclusionLevel.UNDEFINED if src in site.sections else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, src, content=page.html, inclusion=nav)
            PrerenderedPage(page, file, config)  # becomes file.page
            files.append(file)
        for src, text in site.static.items():
            files.append(File.generated(config, src, content=text))
        self.files = files = self.site_language.pages(files, config)
        # A hand-written page's old address may be answered by a generated page too.
        self.run.loaded.guard_pages(Path(config.docs_dir), self._page_urls())
        self.search_entries = theme_search_entries(config)
        spare_theme_search_of_generated_pages(config)
        self.site_paths = {file.url.strip("/") for file in files}
        # The generated pages and MkDocs' files and pages for them live to the build's end,
        # as the records do (see on_config): left out of the collector's passes too
        # (collecting at 10,000 records: 1.25 s -> 0.84 s, before collector.py's threshold).
        self.collector.keep()
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, **_: Any) -> Navigation:
        with using(self.language):
            translate_titles(nav.items)  # mkdocs.yml is written in one language, shown in all
        return nav

    def _page_urls(self) -> set[str]:
        return {"/" + url_of(file.src_uri) for file in self.files.documentation_pages()}

    def on_page_markdown(self, markdown: str, /, *, page: Page, **kwargs: Any) -> str:
        assert self.run is not None
        if not isinstance(page, PrerenderedPage):
            return self.run.with_home_figures(markdown, page.file.src_uri)
        page.edit_url = self.run.ctx.source_url(page.generated.source)
        return markdown

    # Priority -100, last: the markup other plugins added is cleaned too, before the search
    # index and theme read it (generated pages are escaped and cleaned when rendered).
    @event_priority(-100)
    def on_page_content(self, html: str, /, *, page: Page, **kwargs: Any) -> str:
        if not isinstance(page, PrerenderedPage):
            return self.site_language.mark_page(page, clean_html(html))
        assert self.run is not None
        where, links = page.generated.source or page.file.src_uri, page.generated.body_links
        for warning in self.run.link_warnings(page.url, links, self.site_paths, str(where)):
            log.warning(warning)  # `mkdocs build --strict` and `openforum build` fail on it
        return html

    def on_env(self, env: jinja2.Environment, /, **kwargs: Any) -> jinja2.Environment:
        install_theme_overrides(env, self.run.ctx.language if self.run else None)
        self.theme_env = env
        self.site_language.share_templates(env)
        return env

    def on_page_context(self, ctx: TemplateContext, /, *, page: Page, **_: Any) -> TemplateContext:
        if isinstance(page, PrerenderedPage) and self.search_entries is not None:
            self.search_entries.extend(search_entries(page))
        self.site_language.alternates(ctx["config"], page)
        return ctx

    # Priority -100, last: the open data goes in after every other plugin wrote its files
    # (none may be in its way), and the scans see them all, sitemap included.
    @event_priority(-100)
    @_told()
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.run is not None
        run, self.run, taken = self.run, None, {file.dest_uri for file in self.files}
        site, urls = Path(config.site_dir), self._page_urls()
        previous, self.previous = self.previous, None
        if previous is not None:  # every page is written: before the search index reads them
            previous.remove_unwritten(RECORD_FOLDERS, taken)
        log.info("search index: %d pages", run.publish(site, taken, urls, previous))
        if previous is not None:
            previous.done()
        if self.serving:  # a save rebuilds the pages it touches from this build
            from ... import incremental  # see on_serve

            incremental.remember(self, config, run.records, run.ctx)
        self.site_language.build_others()
        self.collector.end()

    def on_build_error(self, *, error: Exception) -> None:
        self.collector.end()
        self.previous = None  # its holding folder goes at the next build's start
        self.build_error = str(error)
        self.site_language.abandon()
        if self.run is not None:
            self.run.abandon()
        self.run = None

    def on_shutdown(self) -> None:
        # Spares the interpreter's last full collection over every record (0.1 s at 1,000).
        gc.freeze()

    def on_serve(self, server: LiveReloadServer, /, **kwargs: Any) -> LiveReloadServer:
        # A saved record rebuilds its pages (incremental.py); a template, the whole site.
        # Imported here: a build that serves nothing does not load the server's modules
        # (MkDocs' live reload, watchdog, the HTTP server: some 60 ms of every build).
        from ... import incremental
        from ...serve_errors import show_problems_in_browser

        server.watch(str(self.records_dir))
        server.watch(str(TEMPLATES))
        show_problems_in_browser(server, self._take_build_error)
        incremental.install(server, self)
        return server

    def _take_build_error(self) -> str | None:
        error, self.build_error = self.build_error, None
        return error
