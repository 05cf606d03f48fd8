"""Generated pages handed to MkDocs already written, and their entries in its search index."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable
from typing import Any, cast

from material.plugins.search.plugin import SearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ...site.context import GeneratedPage
from ...site.html import anchor_ids


class PrerenderedPage(Page):
    """A page the site layer wrote as HTML: MkDocs frames it in the theme, no Markdown.
    Other plugins' `on_page_markdown` see an empty text; `on_page_content` sees the HTML."""

    def __init__(self, generated: GeneratedPage, file: File, config: MkDocsConfig) -> None:
        super().__init__(None, file, config)
        self.generated = generated

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        # The theme writes the title unescaped; lean entries stand for the full text in search.
        title = html.escape(self.generated.title, quote=False)
        self.meta = {**self.generated.meta, "title": title, "search": {"exclude": True}}
        if self.file.inclusion == InclusionLevel.NOT_IN_NAV:
            # No nav item is active: one folder's pages share a nav (theme/partials/nav.html).
            self.meta["openforum_shared_nav"] = posixpath.dirname(self.url.rstrip("/"))

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.generated.html
        self.toc = get_toc(cast(Any, self.generated.toc))
        self.present_anchor_ids = anchor_ids(self.content)


def search_entries(page: PrerenderedPage) -> list[dict[str, Any]]:
    """The page's entries in the shape of Material's search index."""
    entries: list[dict[str, Any]] = []
    for entry in page.generated.search:
        anchor = f"#{entry.anchor}" if entry.anchor else ""
        found = {"location": page.url + anchor, "title": entry.title, "text": entry.text}
        entries.append({**found, "tags": list(entry.tags)} if entry.tags else found)
    return entries


def theme_search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entry list of Material's search index for this build, when that plugin runs."""
    for plugin in config.plugins.values():
        entries = getattr(getattr(plugin, "search_index", None), "entries", None)
        if isinstance(entries, list):
            return entries
    return None


# What Material's search plugin looks for in a page (and takes out of it).
THEME_SEARCH_ATTRIBUTE = "data-search-"


def spare_theme_search_of_generated_pages(config: MkDocsConfig) -> None:
    """Material's search plugin's page hook, skipped for a generated page it has nothing
    to do on: one excluded from its index (lean entries stand for it) whose HTML holds no
    `data-search-*` attribute for the plugin to remove. That removal is a regex over the
    whole page, which made the hook 2% of a large forum's build."""
    events = config.plugins.events["page_context"]
    for index, hook in enumerate(events):
        plugin = getattr(hook, "__self__", None)
        if isinstance(plugin, SearchPlugin) and not getattr(hook, SPARED, False):
            events[index] = _skipping_generated(hook)


SPARED = "_openforum_spared"  # a hook already wrapped (a rebuild under `mkdocs serve`)


def _skipping_generated(hook: Callable[..., Any]) -> Callable[..., Any]:
    def on_page_context(context: Any, /, *, page: Page, **kwargs: Any) -> Any:
        if isinstance(page, PrerenderedPage) and THEME_SEARCH_ATTRIBUTE not in (page.content or ""):
            return None  # MkDocs keeps the context as it was
        return hook(context, page=page, **kwargs)

    setattr(on_page_context, SPARED, True)
    return on_page_context
