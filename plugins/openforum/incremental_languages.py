"""Under `mkdocs serve`, a save in a Forum of several languages (incremental.py).

Each language's site is updated as a Forum of one language's is, the default language's
first: the saved record's pages, served as soon as they are written, then the pages it
touches; then the same pages in each other language, from the records just read and
translated again, marked as that language's whole build marks them (text left in the
default language, notes on record pages). The plugin's page event sets their language
selector, as in the whole build. Where an other language's last build was not seen (it ran
in a second process), its site is built again whole.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .records.translated import in_language
from .site.context import GeneratedPage
from .site.generate import GeneratedSite
from .site.language_marks import MarkedBodies

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import BasePlugin

    from .language_sites import SiteLanguage
    from .records import ForumRecords
    from .site.options import SiteOptions


def site_language(plugin: object) -> SiteLanguage | None:
    """The language of the build just done, for a Forum of several languages."""
    found: SiteLanguage | None = getattr(plugin, "site_language", None)
    return found if found is not None and len(found.languages) > 1 else None


def translated(
    language: SiteLanguage, records: ForumRecords, options: SiteOptions
) -> tuple[ForumRecords, SiteOptions]:
    """The records as `language`'s site publishes them, and its options with the bodies
    left untranslated marked (as SiteLanguage.context makes them)."""
    assert language.language is not None
    published, language.untranslated = in_language(records, language.language)
    render = options.markdown
    if isinstance(render, MarkedBodies):  # marks the bodies untranslated at the last build
        render = render.render
    if render is not None:
        render = language.renderer(render)
    return published, replace(options, markdown=render)


def marked(language: SiteLanguage, pages: dict[str, GeneratedPage]) -> dict[str, GeneratedPage]:
    """`pages` as `language`'s whole build marks them."""
    return language.mark(GeneratedSite(pages=dict(pages))).pages


def rebuild_others(
    language: SiteLanguage | None,
    records: ForumRecords,
    config: MkDocsConfig,
    plugin: BasePlugin[Any],
) -> None:
    """Every other language's site built again from `records` (as read, before translation)."""
    if language is None:
        return
    language.loaded = records
    language.start_others(config, plugin, parallel=False)  # threads run: no second process
    language.build_others()
