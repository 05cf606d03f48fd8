"""Layer 3: the public site as generated files (site path -> Markdown or HTML text).

Imports no MkDocs: an adapter hands the files to whichever static site generator builds them.
The names below are imported on first use (PEP 562): a module that needs only `site.urls`
(`openforum validate`, through the URL history) does not load Jinja and Markdown.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .generate import GeneratedSite, SiteError, generate_site
    from .home import HOME_MARKER, home_figures
    from .options import SiteOptions, default_today

_WHERE = {
    "GeneratedSite": "generate",
    "SiteError": "generate",
    "generate_site": "generate",
    "HOME_MARKER": "home",
    "home_figures": "home",
    "SiteOptions": "options",
    "default_today": "options",
}

__all__ = [
    "HOME_MARKER",
    "GeneratedSite",
    "SiteError",
    "SiteOptions",
    "default_today",
    "generate_site",
    "home_figures",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
