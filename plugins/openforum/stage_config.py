"""The config of a staged site: what the plugin settles during a build, written out.

During a build the plugin takes the site's name, description and language from forum.md
where mkdocs.yml is silent, adds the package's theme files, and derives the edit links
(identity.py). A staged tree is built without the plugin, so the same is written into its
mkdocs.yml and overrides/ here, without importing MkDocs.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from markupsafe import escape

from .records.model import Forum
from .site_config import PLUGIN, SiteConfig, plugin_options

# The theme files the plugin adds to every build (identity.SITE_THEME).
SITE_THEME = Path(__file__).parent / "site_theme"
OVERRIDES = "overrides"
KEPT_PLUGINS = ("search",)  # MkDocs' own; Zensical has its own search built in
DEFAULT_BRANCH = "main"


def copy_theme(config: SiteConfig, target: Path) -> None:
    """The package's theme files, then the site's own custom_dir over them (its files win,
    as in a build)."""
    shutil.copytree(SITE_THEME, target)
    theme = config.raw.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom:
        found = config.root / str(custom)
        if not found.is_dir():
            raise NotADirectoryError(f"{found}: the theme's custom_dir of mkdocs.yml")
        shutil.copytree(found, target, dirs_exist_ok=True)


def edit_uri(config: SiteConfig) -> str | None:
    """The edit path of the hand-written pages: as written, else GitHub's or GitLab's."""
    raw = config.raw
    if "edit_uri" in raw or "edit_uri_template" in raw:
        written = raw.get("edit_uri")
        return str(written) if written else None
    repo = str(raw.get("repo_url") or "")
    host = (urlsplit(repo).hostname or "").lower()
    docs = Path(os.path.relpath(config.docs_dir, config.root)).as_posix()
    if host == "github.com":
        return f"edit/{DEFAULT_BRANCH}/{docs}/"
    if host == "gitlab.com" or host.startswith("gitlab."):
        return f"-/edit/{DEFAULT_BRANCH}/{docs}/"
    return None


def record_edit_base(config: SiteConfig) -> str | None:
    """The address that, followed by a record's path from the folder of mkdocs.yml, edits
    it: the plugin's repo_edit_base, else the docs folder's edit address moved up."""
    written = plugin_options(config.raw).get("repo_edit_base")
    if written:
        return str(written)
    repo, path = str(config.raw.get("repo_url") or ""), edit_uri(config)
    if not repo or not path or "?" in path or "#" in path:
        return None
    docs_edit = urljoin(repo.rstrip("/") + "/", path)
    up = Path(os.path.relpath(config.root, config.docs_dir)).as_posix()
    return urljoin(docs_edit.rstrip("/") + "/", up.rstrip("/") + "/")


def plain_config(config: SiteConfig, forum: Forum, docs: str, kinds: list[str]) -> dict[str, Any]:
    """mkdocs.yml for a build without plugins of the staged `docs` folder."""
    raw = config.raw
    plain = dict(raw)
    plain["docs_dir"] = docs
    plain.pop("site_dir", None)  # the default, DIR/site
    # The theme writes both unescaped; forum.md is a record, not trusted markup.
    if not raw.get("site_name"):
        plain["site_name"] = str(escape(forum.name))
    if not raw.get("site_description") and forum.description:
        plain["site_description"] = str(escape(forum.description))
    found_edit_uri = edit_uri(config)
    if found_edit_uri is not None and "edit_uri_template" not in raw:
        plain["edit_uri"] = found_edit_uri
    plain["plugins"] = [
        plugin
        for plugin in raw.get("plugins") or []
        if (next(iter(plugin)) if isinstance(plugin, dict) else plugin) in KEPT_PLUGINS
        and plugin != PLUGIN
    ]
    theme = dict(raw["theme"]) if isinstance(raw.get("theme"), dict) else {"name": "material"}
    theme["custom_dir"] = OVERRIDES
    if "language" not in theme and forum.languages:
        theme["language"] = forum.languages[0]
    plain["theme"] = theme
    # Record pages are reached from their section pages, never listed in the nav.
    plain["not_in_nav"] = "\n".join(f"/{kind}/*/index.md" for kind in kinds)
    return plain
