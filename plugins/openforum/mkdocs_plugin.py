"""The MkDocs adapter: loads and checks the records, hands MkDocs the generated pages.

Everything it publishes comes from the layers below (`records`, `site`); this module only
translates between them and MkDocs' events.
"""

from __future__ import annotations

import gc
import shutil
from concurrent.futures import BrokenExecutor
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .exports import URLS_FILE, ExportError, format_url_list
from .facts.forum import ForumFacts, derive
from .fulltext import SearchIndexError, index_site
from .generation import Generation, can_share
from .identity import (
    add_site_theme,
    apply_identity,
    record_edit_base,
    settle_edit_uri,
    written_settings,
)
from .language_sites import SiteLanguage
from .mkdocs_pages import (
    PrerenderedPage,
    broken_body_links,
    install_theme_overrides,
    published_paths,
    search_entries,
    theme_search_entries,
)
from .records import ForumRecords, ReadCache, load_forum
from .report import format_problem
from .safety.privacy import private_values, redacted, scan_site
from .safety.sanitize import clean_html
from .serve_errors import show_problems_in_browser
from .site import (
    HOME_MARKER,
    SiteError,
    SiteOptions,
    default_today,
    home_figures,
)
from .site.html import MarkdownRenderer
from .site.render import TEMPLATES
from .site.urls import HOME, url_of
from .url_history import (
    RETIRED_FILE,
    GitHistory,
    history_note,
    lost_page_urls,
    lost_record_urls,
    read_history,
    read_retired,
)
from .worker import StartMethodError, start_method

WORKER_LOST = (
    "the process generating part of the site stopped (out of memory?); build again, or set "
    "'parallel: false' under the openforum plugin in mkdocs.yml"
)

log = get_plugin_logger(__name__)


class _Day(base.BaseConfigOption[date | None]):
    """A date written YYYY-MM-DD; YAML gives a date unquoted and a string when quoted."""

    def run_validation(self, value: object) -> date | None:
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise base.ValidationError(f"'{value}' is not a date: write it as YYYY-MM-DD")


class OpenForumConfig(base.Config):
    records = c.Type(str, default="forum_records")
    """The folder holding forum.md and the record folders, relative to mkdocs.yml."""
    today = _Day()
    """The date the site is written for (YYYY-MM-DD): what is upcoming, open or overdue.
    Unset: SOURCE_DATE_EPOCH when set, else today in the Forum's timezone."""
    repo_edit_base = c.Optional(c.URL())
    """URL that, followed by a file's path from the folder of mkdocs.yml, opens the file in
    the repository's editor (e.g. https://github.com/org/repo/edit/main/). Unset: made from
    MkDocs' repo_url and edit_uri, which the header's repository link and the "Edit this
    page" links of hand-written pages use too; no edit links without repo_url."""
    parallel = c.Optional(c.Type(bool))
    """Generate pages and open data in two processes (true) or in one (false). Unset: two
    when the machine has several cores and the forum 300 records or more."""
    retired_urls = c.Type(str, default=RETIRED_FILE)
    """The file (relative to mkdocs.yml) listing URLs withdrawn on purpose, one a line. Any
    other URL the Git history shows was published must still answer, by a file or an
    alias, or the build fails. Written by people, never by a build."""


class OpenForumPlugin(BasePlugin[OpenForumConfig]):
    """Publishes the Forum's records as pages; invalid records stop the build."""

    def __init__(self) -> None:
        self.records: ForumRecords | None = None
        self.records_dir = Path()
        self.options: SiteOptions | None = None
        self.generation: Generation | None = None  # from on_files to on_post_build
        self.files: Files | None = None
        self.search_entries: list[dict[str, Any]] | None = None  # the theme's search index
        self.site_paths: set[str] = set()
        self.facts: ForumFacts | None = None
        self.history: GitHistory | None = None  # of the records and pages, per build
        self.retired: set[str] = set()
        self.read_cache = ReadCache()
        self.build_error: str | None = None  # the last failed build's, for `mkdocs serve`
        self.site_language = SiteLanguage()  # set on other languages' builds by the default's

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this event makes MkDocs keep this instance across the rebuilds of
        # `mkdocs serve`, and with it the records parsed so far: a save re-reads one file.
        return None

    # Runs before other plugins' on_config (priority 50 > default 0) so that a broken record
    # is reported first, not as some later plugin's confusing failure.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError(
                "openforum: record URLs are /<kind>/<id>/, which needs use_directory_urls: "
                "true in mkdocs.yml"
            )
        root = Path(config.config_file_path).parent
        self.records_dir = root / self.config.records
        records, problems = self.site_language.inherit() or load_forum(
            self.records_dir, self.read_cache
        )
        # MkDocs keeps this instance across builds in one process (see on_startup): every
        # per-build value is set afresh here. The URL guard runs on a whole set of records
        # only: a record that fails to load is not a lost URL.
        self.history = None
        if not problems and not self.site_language.nested:
            self.history = read_history(root, self.records_dir, Path(config.docs_dir))
            log.info(history_note(self.history, [self.records_dir, Path(config.docs_dir)]))
            self.retired = read_retired(root / self.config.retired_urls)
            if self.history is not None:
                problems.extend(lost_record_urls(self.history, records, self.retired))
        if problems:
            listing = "\n".join(format_problem(p) for p in problems)
            raise PluginError(
                f"{len(problems)} problem(s) in the records; nothing was built:\n{listing}"
            )
        for warning in problems.warnings:
            # Published as recorded (records.md): shown, but a strict build does not fail.
            log.info(format_problem(warning))
        self.records = records = self.site_language.settle(records, config)
        assert records.forum is not None  # a forum without forum.md is a problem above
        written = written_settings(config)
        for note in apply_identity(config, records.forum, written):
            log.info(note)
        self.site_language.set_theme(config)
        add_site_theme(config)
        settle_edit_uri(config, written, root)
        if not config.site_url:
            raise PluginError(
                "openforum: set site_url in mkdocs.yml (e.g. https://forum.example.org/): "
                "feeds, calendars and data files need the site's absolute address"
            )
        self.options = SiteOptions(
            today=self._today(records),
            edit_base=self.config.repo_edit_base or record_edit_base(config, root),
            repo_root=root,
            site_url=config.site_url,
            # Record bodies render with the extensions of the site's hand-written pages.
            markdown=self.site_language.renderer(
                MarkdownRenderer(config.markdown_extensions, config.mdx_configs)
            ),
        )
        self.facts = derive(records, self.options.today)
        try:
            # Started now, a worker makes pages while MkDocs sets up the rest of the build.
            self.generation = Generation(
                records, self.options, self.facts, config.site_url, share=self._share_work()
            )
        except (SiteError, ExportError, StartMethodError) as error:
            raise PluginError(f"openforum: {error}") from None
        log.info(
            "loaded %d records from %s; pages are written for %s",
            len(records.all_records()),
            self.records_dir,
            self.options.today.isoformat(),
        )
        return config

    def _today(self, records: ForumRecords) -> date:
        if self.config.today is not None:
            return self.config.today
        try:
            return default_today(records.forum)
        except ValueError:
            raise PluginError(
                "openforum: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970"
            ) from None

    # Default priority: plugins running later (search, sitemaps) see the generated pages.
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.records is not None and self.options is not None  # set in on_config
        assert self.facts is not None
        assert self.generation is not None
        try:
            site = self.generation.pages(Path(config.site_dir))
        except (SiteError, ExportError) as error:
            raise PluginError(f"openforum: {error}") from None
        except BrokenExecutor as error:
            raise PluginError(f"openforum: {WORKER_LOST} ({error})") from None
        self.site_language.mark(site)
        sections = set(site.sections)
        for src in [*site.pages, *site.static]:
            if files.get_file_from_path(src) is not None:
                raise PluginError(
                    f"openforum: {config.docs_dir}/{src} is in the way of a generated page "
                    "with the same address; rename or remove it"
                )
        for src, page in site.pages.items():
            # Section pages may be listed in the nav; record pages never are (a nav of a
            # thousand pages makes every page heavy and the build slow).
            inclusion = InclusionLevel.UNDEFINED if src in sections else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, src, content=page.html, inclusion=inclusion)
            PrerenderedPage(page, file, config)  # becomes file.page
            files.append(file)
        for src, text in site.static.items():
            files.append(File.generated(config, src, content=text))
        self._guard_hand_written_pages(files, config)  # a generated page answers too
        files = self.site_language.pages(files, config)
        # The open data is written into the site folder by the generation (a worker, on a
        # multi-core build, while the pages are framed), not handed to MkDocs as files.
        self.files = files
        self.search_entries = theme_search_entries(config)
        self.site_paths = published_paths(files)
        return files

    def _share_work(self) -> bool:
        assert self.records is not None
        if self.config.parallel is not None:
            # Where no worker may start (see worker.py), one process.
            return self.config.parallel and start_method() is not None
        return can_share(self.records)

    def _guard_hand_written_pages(self, files: Files, config: MkDocsConfig) -> None:
        if self.history is None:
            return
        current = {"/" + url_of(f.src_uri) for f in files.documentation_pages()}
        docs_dir = Path(config.docs_dir)
        lost = lost_page_urls(self.history, docs_dir, current, self.retired)
        if lost:
            raise PluginError(
                f"openforum: {len(lost)} published URL(s) would disappear:\n" + "\n".join(lost)
            )

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.records is not None and self.options is not None
        src = page.file.src_uri
        if isinstance(page, PrerenderedPage):
            source = page.generated.source
            page.edit_url = self.options.source_url(source) if source is not None else None
            return markdown
        if HOME_MARKER in markdown or src == HOME:
            figures = home_figures(self.records, self.options, src)
            if HOME_MARKER in markdown:
                return markdown.replace(HOME_MARKER, figures)
            return markdown + figures
        return markdown

    # Last among plugins (priority -100): whatever markup the others added is cleaned too,
    # before the search index and the theme read the content. Generated pages are escaped
    # by their templates and their record bodies cleaned when rendered.
    @event_priority(-100)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if not isinstance(page, PrerenderedPage):
            return self.site_language.mark_page(page, clean_html(html))
        assert self.records is not None
        for href in broken_body_links(page, self.site_paths):
            # A warning: `mkdocs build --strict` (and `openforum build`) fail on it.
            log.warning(
                "%s: the link '%s' leads to no page of the site; link to a record as "
                "../../<kind>/<id>/ from a record's page, or write a full https:// address",
                page.generated.source or page.file.src_uri,
                redacted(href, private_values(self.records)),  # the build log is public
            )
        return html

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        install_theme_overrides(env)
        return env

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext:
        if isinstance(page, PrerenderedPage) and self.search_entries is not None:
            self.search_entries.extend(search_entries(page))
        self.site_language.alternates(config, page)
        return context

    # Last (priority -100): the scans see every file other plugins wrote, sitemap included.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.records is not None and self.generation is not None
        site = Path(config.site_dir)
        try:
            self._finish_exports(site)
            self._index(site)
            self._scan(site, config)
            self.site_language.build_others(config, self)
        except PluginError as error:
            # Nothing of a failed build may be served: the folder MkDocs wrote is removed.
            shutil.rmtree(site, ignore_errors=True)
            raise PluginError(f"{error}\n{site} was removed; nothing was published.") from None
        finally:
            self.generation = None

    def on_shutdown(self) -> None:
        # The process ends now. Freezing what is alive spares the interpreter's last full
        # garbage collection over every record and page (a tenth of a second at 1,000).
        gc.freeze()

    def on_build_error(self, *, error: Exception) -> None:
        self.build_error = str(error)
        if self.generation is not None:
            self.generation.abandon()
            self.generation = None

    def _finish_exports(self, site: Path) -> None:
        assert self.generation is not None and self.files is not None
        try:
            exported = self.generation.finish()
        except ExportError as error:
            raise PluginError(f"openforum: {error}") from None
        except BrokenExecutor as error:
            raise PluginError(f"openforum: {WORKER_LOST} ({error})") from None
        taken = {file.dest_uri for file in self.files} & set(exported.paths)
        if taken:
            raise PluginError(
                "openforum: the open data files "
                + ", ".join(sorted(taken))
                + " are in the way of files of the same name in the docs folder; rename them"
            )
        # The site lists what it publishes (pages and data) for reusers; nothing tracked.
        pages = {"/" + url_of(f.src_uri) for f in self.files.documentation_pages()}
        (site / URLS_FILE).write_text(format_url_list(pages | set(exported.urls)), "utf-8")

    def _index(self, site: Path) -> None:
        # Indexed before the privacy scan, which then reads the index's fragments too.
        try:
            indexed = index_site(site)
        except SearchIndexError as error:
            raise PluginError(f"openforum: {error}") from None
        log.info("search index: %d pages", indexed.pages)

    def _scan(self, site: Path, config: MkDocsConfig) -> None:
        assert self.records is not None
        own_host = urlsplit(config.site_url or "").hostname
        private = private_values(self.records)
        leaks, requests = scan_site(site, private, own_host, share=self._share_work())
        if not leaks and not requests:
            return
        # Never the value itself: the build log of a Forum's CI is public.
        lines = [leak.message() for leak in leaks[:50]]
        lines += [f"{r.file}: loads {r.url} from another host" for r in requests[:50]]
        raise PluginError(
            "openforum: the built site would publish what it must not:\n"
            + "\n".join(lines)
            + "\nPrivate values appear only with contact.public or publish_name: true; "
            "pages must not load files from other hosts (self-host them)."
        )

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        # A changed record rebuilds the site (each rebuild reloads the config and records);
        # so does a changed page template, for whoever works on the site's look.
        server.watch(str(self.records_dir))
        server.watch(str(TEMPLATES))
        show_problems_in_browser(server, self._take_build_error)
        return server

    def _take_build_error(self) -> str | None:
        error, self.build_error = self.build_error, None
        return error
