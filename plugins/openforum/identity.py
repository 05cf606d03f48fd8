"""The site's identity and look, settled once per build from forum.md and mkdocs.yml.

A Forum's mkdocs.yml holds only what is its own. The site's name, description and language
come from forum.md unless mkdocs.yml sets them; the theme files (main.html, the stylesheet and
the script) come with this package; the repository's address is MkDocs' `repo_url`, which the
header shows and from which, with `edit_uri`, "Edit this page" links are made for hand-written
pages and records alike.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from .records.model import Forum

SITE_THEME = Path(__file__).parent / "site_theme"
"""main.html and assets/: what a Material custom_dir would hold, added by the plugin."""

DEFAULT_BRANCH = "main"


def written_settings(config: MkDocsConfig) -> Mapping[str, Any]:
    """What mkdocs.yml itself says (with INHERIT), before MkDocs fills in its defaults: the
    only way to tell `theme.language: en` written by a person from Material's default."""
    if not config.config_file_path or not os.path.isfile(config.config_file_path):
        return {}
    with open(config.config_file_path, "rb") as file:
        # MkDocs' own loader, with its tags (!ENV, !relative), as it read the file itself.
        return yaml_load(file, get_yaml_loader(config=config))


def add_site_theme(config: MkDocsConfig) -> None:
    """Serve the package's theme files as if they were the site's custom_dir.

    They go after a custom_dir of the Forum's own (whose files then win) and before the
    theme's, so Material's templates and MkDocs' copying of assets both find them."""
    dirs = config.theme.dirs
    theme_dir = str(SITE_THEME)
    if theme_dir in dirs:  # `mkdocs serve` may hand the same config in twice
        return
    dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)


def apply_identity(config: MkDocsConfig, forum: Forum, written: Mapping[str, Any]) -> list[str]:
    """Take name, description and language from forum.md where mkdocs.yml is silent; return
    what could not be applied, for an info line."""
    notes: list[str] = []
    # The theme writes both unescaped, in text and in attributes: mkdocs.yml is trusted, a
    # record is not. Markup is text already escaped, which `| e` leaves as it is.
    if not config.site_name:
        config.site_name = Markup.escape(forum.name)
    if not config.site_description and forum.description:
        config.site_description = Markup.escape(forum.description)
    theme = written.get("theme")
    if not (isinstance(theme, Mapping) and "language" in theme) and forum.languages:
        wanted = forum.languages[0]
        language = _theme_language(config, wanted)
        if language is None:
            notes.append(
                f"the theme has no translation for '{wanted}' (forum.md languages); its "
                f"menus stay in '{config.theme.get('language')}'"
            )
        else:
            config.theme["language"] = language
    return notes


def _theme_language(config: MkDocsConfig, language: str) -> str | None:
    """`language`, or its main part ("pt" for "pt-AO"), when Material has a translation."""
    for candidate in dict.fromkeys((language, language.split("-")[0])):
        for folder in config.theme.dirs:
            if Path(folder, "partials", "languages", f"{candidate}.html").is_file():
                return candidate
    return None


def default_edit_uri(repo_url: str, docs_folder: str) -> str | None:
    """The edit path of `docs_folder` in a GitHub or GitLab repository's default branch."""
    host = (urlsplit(repo_url).hostname or "").lower()
    if host == "github.com":
        return f"edit/{DEFAULT_BRANCH}/{docs_folder}/"
    if host == "gitlab.com" or host.startswith("gitlab."):
        return f"-/edit/{DEFAULT_BRANCH}/{docs_folder}/"
    return None


def settle_edit_uri(config: MkDocsConfig, written: Mapping[str, Any], root: Path) -> None:
    """MkDocs defaults edit_uri to edit/master/docs/ on GitHub: wrong for a Forum, whose
    pages are in its docs_dir on `main`. Unless mkdocs.yml sets it, derive it."""
    if not config.repo_url or "edit_uri" in written or "edit_uri_template" in written:
        return
    docs = Path(os.path.relpath(config.docs_dir, root)).as_posix()
    config.edit_uri = default_edit_uri(config.repo_url, docs)


def record_edit_base(config: MkDocsConfig, root: Path) -> str | None:
    """The address that, followed by a file's path from `root` (the folder of mkdocs.yml),
    edits that file: the edit address of docs_dir, moved from docs_dir to `root`."""
    edit_uri = config.edit_uri
    if not config.repo_url or not edit_uri or "?" in edit_uri or "#" in edit_uri:
        return None  # an edit_uri_template or a query-style edit_uri: no path to join
    docs_edit = urljoin(config.repo_url.rstrip("/") + "/", edit_uri)
    up = Path(os.path.relpath(root, config.docs_dir)).as_posix()
    return urljoin(docs_edit.rstrip("/") + "/", up.rstrip("/") + "/")


def settle_site(config: MkDocsConfig, forum: Forum | None, root: Path) -> list[str]:
    """Name, description and language from forum.md (where mkdocs.yml is silent), the
    package's theme files, and the edit path; what could not be applied, for info lines."""
    written = written_settings(config)
    notes = apply_identity(config, forum, written) if forum is not None else []
    add_site_theme(config)
    settle_edit_uri(config, written, root)
    return notes
