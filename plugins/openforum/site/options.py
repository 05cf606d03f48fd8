"""What a build of the site needs besides the records: the date and where sources live."""

from __future__ import annotations

import os
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..records.model import Forum


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

    def source_url(self, path: Path) -> str | None:
        """The address that edits the record file at `path`, when editing is configured."""
        if not self.edit_base or self.repo_root is None:
            return None
        try:
            relative = path.resolve().relative_to(self.repo_root.resolve())
        except ValueError:  # records kept outside the repository: no edit link
            return None
        return self.edit_base.rstrip("/") + "/" + relative.as_posix()


def default_today(forum: Forum | None, environ: dict[str, str] | None = None) -> date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today in the Forum's timezone."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC).date()
    try:
        zone = zoneinfo.ZoneInfo(forum.timezone) if forum else UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = UTC
    return datetime.now(zone).date()
