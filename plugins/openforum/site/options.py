"""What a build of the site needs besides the records: the date and where sources live."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..facts.calendar import default_today

__all__ = ["SiteOptions", "default_today"]

# A GitHub or GitLab edit address: ".../edit/<branch>/<path>" or ".../-/edit/<branch>/<path>".
_EDIT_ADDRESS = re.compile(r"(?P<repo>https?://[^?#]+?/(?:-/)?)edit/[^/]+/(?P<path>[^?#]+)")


@dataclass(frozen=True, slots=True)
class SiteOptions:
    today: date
    """The date pages are written for: what is upcoming, overdue, open, current."""
    edit_base: str | None = None
    """URL prefix that, followed by a file's path in the repository, edits that file."""
    repo_root: Path | None = None
    """The folder record paths are made relative to for `edit_base` (the repository root)."""
    site_url: str | None = None
    """The site's public address, for absolute canonical links; relative ones without it."""
    language: str | None = None  # BuildContext: moves there with core's build context
    """The language of the site's interface; unset, the first of forum.md's `languages`."""
    markdown: Callable[[str], str] | None = field(default=None, compare=False)
    """Renders a record's Markdown body to clean HTML; unset, MkDocs' default extensions.
    The adapter passes one configured like the site's hand-written pages."""

    def source_url(self, path: Path) -> str | None:
        """The address that edits the record file at `path`, when editing is configured."""
        if not self.edit_base or self.repo_root is None:
            return None
        try:
            relative = path.resolve().relative_to(self.repo_root.resolve())
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
