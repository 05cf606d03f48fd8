"""The one build context: made once at the top of a build and handed down to every layer.

The date a site is written for, its public address, its languages and where its sources
are edited are settled here once, by whichever command or adapter starts the build; the
facts, the pages and the open data read them from this one object, never rebuilt below.
Imports nothing of MkDocs, nor of the layers it is handed to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from .facts.calendar import default_today
from .records.model import Forum

# A GitHub or GitLab edit address: ".../edit/<branch>/<path>" or ".../-/edit/<branch>/<path>".
_EDIT_ADDRESS = re.compile(r"(?P<repo>https?://[^?#]+?/(?:-/)?)edit/[^/]+/(?P<path>[^?#]+)")
DEFAULT_LANGUAGE = "en"


class BuildContextError(ValueError):
    """The build's settings cannot be settled (e.g. SOURCE_DATE_EPOCH is not a number)."""


@dataclass(frozen=True, slots=True)
class BuildContext:
    today: date
    """The date pages and data are written for: what is upcoming, overdue, open, current."""
    site_url: str = ""
    """The site's public address, ending with "/"; empty: relative links only (the open
    data, which needs absolute ones, refuses it)."""
    language: str = DEFAULT_LANGUAGE
    """The language of the site being built."""
    languages: tuple[str, ...] = (DEFAULT_LANGUAGE,)
    """All the Forum's languages, its default first."""
    timezone: str = "UTC"
    """The Forum's timezone (IANA name): times without an offset are local to it."""
    edit_base: str | None = None
    """URL prefix that, followed by a file's path in the repository, edits that file."""
    repo_root: Path | None = None
    """The folder record paths are made relative to for `edit_base` (the repository root)."""
    markdown: Callable[[str], str] | None = field(default=None, compare=False)
    """Renders a record's Markdown body to clean HTML; unset, MkDocs' default extensions.
    The adapter passes one configured like the site's hand-written pages."""

    @classmethod
    def create(
        cls,
        forum: Forum | None,
        *,
        today: date | None = None,
        site_url: str | None = None,
        edit_base: str | None = None,
        repo_root: Path | None = None,
        markdown: Callable[[str], str] | None = None,
    ) -> BuildContext:
        """The context of a build of `forum`: `today` unset is SOURCE_DATE_EPOCH when set,
        else today in the Forum's timezone; languages and timezone come from forum.md."""
        if today is None:
            try:
                today = default_today(forum)
            except ValueError:
                raise BuildContextError(
                    "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970: fix it "
                    "or unset it"
                ) from None
        languages = tuple(forum.languages) if forum and forum.languages else (DEFAULT_LANGUAGE,)
        return cls(
            today=today,
            site_url=site_url.rstrip("/") + "/" if site_url else "",
            language=languages[0],
            languages=languages,
            timezone=forum.timezone if forum else "UTC",
            edit_base=edit_base,
            repo_root=repo_root,
            markdown=markdown,
        )

    def source_url(self, path: Path | None) -> str | None:
        """The address that edits the record file at `path`, when editing is configured."""
        if path is None or not self.edit_base or self.repo_root is None:
            return None
        try:
            relative = resolved(path).relative_to(_real_folder(self.repo_root))
        except ValueError:  # records kept outside the repository: no edit link
            return None
        return self.edit_base.rstrip("/") + "/" + relative.as_posix()

    def source_at(self, path: Path, commit: str) -> str | None:
        """The address showing the record file at `path` as of `commit`, in the repository
        its edit links open (GitHub and GitLab shapes); None when that cannot be told."""
        edit = self.source_url(path) if commit else None
        found = _EDIT_ADDRESS.fullmatch(edit) if edit else None
        if found is None:
            return None
        return f"{found['repo']}blob/{commit}/{found['path']}"


def resolved(path: Path) -> Path:
    """`path.resolve()`, from its folder's resolution once made: resolving walks every
    folder of the path, which for each record file of a large forum was a tenth of a
    second a thousand files. A record file that is itself a link is resolved whole."""
    if path.is_symlink():
        return path.resolve()
    return _real_folder(path.parent.absolute()) / path.name


@lru_cache(maxsize=1024)
def _real_folder(folder: Path) -> Path:
    return folder.resolve()
