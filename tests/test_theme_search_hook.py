"""Material's search plugin skips generated pages it has nothing to do on (pages.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from openforum.adapters.mkdocs.pages import (
    PrerenderedPage,
    spare_theme_search_of_generated_pages,
)
from openforum.site.context import GeneratedPage


class _Recorder:
    """Stands for the plugin's index: which pages it was given."""

    def __init__(self) -> None:
        self.pages: list[str] = []

    def add_entry_from_context(self, page: Page) -> None:
        self.pages.append(page.file.src_uri)


def _material_config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Forum\ntheme: {name: material}\nplugins: [search]\n", "utf-8"
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    return config.plugins.on_config(config)


def _generated(config: MkDocsConfig, src: str, html: str) -> PrerenderedPage:
    file = File.generated(config, src, content=html)
    page = PrerenderedPage(GeneratedPage(src, "A meeting", html), file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    return page


def _run(config: MkDocsConfig, page: Page) -> None:
    context: dict[str, Any] = {}
    config.plugins.run_event("page_context", context, page=page, config=config, nav=None)


def test_the_theme_search_hook_runs_only_where_it_has_work(tmp_path: Path) -> None:
    config = _material_config(tmp_path)
    spare_theme_search_of_generated_pages(config)
    spare_theme_search_of_generated_pages(config)  # a rebuild under `mkdocs serve`
    hooks = config.plugins.events["page_context"]
    assert len(hooks) == 1 and hooks[0].__name__ == "on_page_context"
    index = _Recorder()
    plugin = next(p for p in config.plugins.values() if hasattr(p, "search_index"))
    plugin.search_index = index

    plain = _generated(config, "meetings/m1.md", '<h2 id="agenda">Agenda</h2><p>Budget</p>')
    _run(config, plain)
    assert index.pages == [] and plain.content == '<h2 id="agenda">Agenda</h2><p>Budget</p>'

    # A body may carry the plugin's attributes: the plugin still takes them out.
    marked = _generated(config, "meetings/m2.md", '<p data-search-exclude="x">Budget</p>')
    _run(config, marked)
    assert index.pages == ["meetings/m2.md"] and marked.content == "<p>Budget</p>"

    written = Page("About", File.generated(config, "about.md", content="# About"), config)
    written.content = "<p>About</p>"
    _run(config, written)
    assert index.pages == ["meetings/m2.md", "about.md"]
