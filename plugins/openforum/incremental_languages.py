"""Under `mkdocs serve`, a save in a Forum of several languages (incremental.py).

The default language's site is updated as a Forum of one language's is: the saved
record's pages first, served as soon as they are written, then the pages it touches (the
plugin's page event sets their language selector, as in the whole build). Each other
language's site is then built again whole, from the records just read, most bodies
rendered already by the builds before: a record's pages in every language follow each
save, and a request for another page waits until they are written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import BasePlugin

    from .language_sites import SiteLanguage
    from .records import ForumRecords


def default_language(plugin: object) -> tuple[bool, SiteLanguage | None]:
    """Whether this build may be remembered, and, for a Forum of several languages, the
    default language's (the other languages' builds, made by it, are not remembered)."""
    found: SiteLanguage | None = getattr(plugin, "site_language", None)
    if found is None or len(found.languages) < 2:
        return True, None
    return not found.nested, found


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
