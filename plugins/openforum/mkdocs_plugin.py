"""The MkDocs adapter: loads and checks the records, hands MkDocs the generated pages.

Everything it publishes comes from the layers below (`records`, `site`); this module only
translates between them and MkDocs' events.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .records import ForumRecords, load_forum
from .report import format_problem
from .site import (
    HOME_MARKER,
    GeneratedSite,
    SiteError,
    SiteOptions,
    default_today,
    generate_site,
    home_figures,
)
from .site.render import TEMPLATES
from .site.urls import HOME

log = get_plugin_logger(__name__)


class _Day(c.BaseConfigOption[date | None]):
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
    the repository's editor (e.g. https://github.com/org/repo/edit/main/). "Edit this page"
    on a record's page then opens the record's file. Unset: no edit link on record pages."""


class OpenForumPlugin(BasePlugin[OpenForumConfig]):
    """Publishes the Forum's records as pages; invalid records stop the build."""

    def __init__(self) -> None:
        self.records: ForumRecords | None = None
        self.records_dir = Path()
        self.options: SiteOptions | None = None
        self.site: GeneratedSite | None = None

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
        records, problems = load_forum(self.records_dir)
        if problems:
            listing = "\n".join(format_problem(p) for p in problems)
            raise PluginError(
                f"{len(problems)} problem(s) in the records; nothing was built:\n{listing}"
            )
        self.records = records
        self.options = SiteOptions(
            today=self._today(records),
            edit_base=self.config.repo_edit_base,
            repo_root=root,
            site_url=config.site_url,
        )
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
        try:
            self.site = generate_site(self.records, self.options)
        except SiteError as error:
            raise PluginError(f"openforum: {error}") from None
        sections = set(self.site.sections)
        for src, text in self.site.files.items():
            if files.get_file_from_path(src) is not None:
                raise PluginError(
                    f"openforum: {config.docs_dir}/{src} is in the way of a generated page "
                    "with the same address; rename or remove it"
                )
            # Section pages may be listed in the nav; record pages never are (a nav of a
            # thousand pages makes every page heavy and the build slow).
            inclusion = InclusionLevel.UNDEFINED if src in sections else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src, content=text, inclusion=inclusion))
        log.debug("added %d generated files", len(self.site.files))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.records is not None and self.options is not None and self.site is not None
        src = page.file.src_uri
        source = self.site.sources.get(src)
        if source is not None:
            page.edit_url = self.options.source_url(source)
        if HOME_MARKER in markdown or src == HOME:
            figures = home_figures(self.records, self.options, src)
            if HOME_MARKER in markdown:
                return markdown.replace(HOME_MARKER, figures)
            return markdown + figures
        return markdown

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        # A changed record rebuilds the site (each rebuild reloads the config and records);
        # so does a changed page template, for whoever works on the site's look.
        server.watch(str(self.records_dir))
        server.watch(str(TEMPLATES))
        return server
