"""Titles that mkdocs.yml's `nav` gives, said in the language of the build.

A Forum's mkdocs.yml is written once, in one language, yet every language's site shows
its nav. A title the catalogs know ("Action plans", "Members") is said in the site's
language; any other title is the Forum's own words and stays as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .labels import N_, _

# Titles of the demo's nav that name no section of records, and the ones MkDocs gives the
# record folders in a nav made from the folders ("plans/" is "Plans"); the other
# sections' titles ("The Forum", "Members", "Action plans"...) are in the catalogs already.
NAV_TITLES = (
    N_("Home"),
    N_("About the Forum"),
    N_("How to take part"),
    N_("Plans"),
    N_("Data"),
)


def translate_titles(items: Iterable[Any]) -> None:
    """Say each title written in the nav (MkDocs' sections, pages and links) in the active
    language (`i18n.using`). A page's title read from its own text is not in its instance
    attributes (MkDocs works it out later): that one is the page's words, left alone."""
    for item in items:
        if written := vars(item).get("title"):
            item.title = _(written)
        translate_titles(getattr(item, "children", None) or ())
