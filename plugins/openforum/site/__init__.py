"""Layer 3: the public site as generated files (site path -> Markdown or HTML text).

Imports no MkDocs: an adapter hands the files to whichever static site generator builds them.
"""

from .generate import GeneratedSite, SiteError, generate_site
from .home import HOME_MARKER, home_figures
from .options import SiteOptions, default_today

__all__ = [
    "HOME_MARKER",
    "GeneratedSite",
    "SiteError",
    "SiteOptions",
    "default_today",
    "generate_site",
    "home_figures",
]
