"""Generated pages handed to MkDocs already written, their search entries, the theme's parts."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import jinja2
import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ...site.context import GeneratedPage
from ...site.html import anchor_ids

THEME_OVERRIDES = Path(__file__).parents[2] / "theme"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


class PrerenderedPage(Page):
    """A page the site layer wrote as HTML: MkDocs frames it in the theme, no Markdown.
    Other plugins' `on_page_markdown` see an empty text; `on_page_content` sees the HTML."""

    def __init__(self, generated: GeneratedPage, file: File, config: MkDocsConfig) -> None:
        super().__init__(None, file, config)
        self.generated = generated

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        # The theme writes the title into HTML unescaped. The full text stays out of the
        # theme's search index; lean entries stand for it (`search_entries`).
        title = html.escape(self.generated.title, quote=False)
        self.meta = {**self.generated.meta, "title": title, "search": {"exclude": True}}
        if self.file.inclusion == InclusionLevel.NOT_IN_NAV:
            # Outside the nav, no item is active: pages in the same folder have the same
            # nav, relative links included, rendered once (theme/partials/nav.html).
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


def install_theme_overrides(env: jinja2.Environment) -> None:
    """Put the plugin's partials in front of the theme's, which stay reachable as
    "theme/<name>", and give them `openforum_once`. A partial is overridden only where the
    theme's is Material's own: the reuse rests on what Material's reads of the page."""
    theme = env.loader
    assert theme is not None
    overrides = {}
    for path in sorted(THEME_OVERRIDES.rglob("*.html")):
        name = path.relative_to(THEME_OVERRIDES).as_posix()
        try:
            _, filename, _ = theme.get_source(env, name)
        except jinja2.TemplateNotFound:  # another theme: nothing to stand in front of
            continue
        if filename and Path(filename).is_relative_to(MATERIAL_TEMPLATES):
            overrides[name] = path.read_text(encoding="utf-8")
    env.loader = jinja2.ChoiceLoader(
        [jinja2.DictLoader(overrides), jinja2.PrefixLoader({"theme": theme}), theme]
    )
    env.globals["openforum_once"] = Once()


class Once:
    """`{% call openforum_once(key) %}...{% endcall %}`: the block's HTML, made once per key."""

    def __init__(self) -> None:
        self._made: dict[str, str] = {}

    def __call__(self, key: str, caller: Callable[[], str]) -> str:
        if key not in self._made:
            self._made[key] = caller()
        return self._made[key]
