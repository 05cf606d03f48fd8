"""What every export needs: the records, their facts, the site's address, and stable ids.

Nothing here reads a clock: every date in an export comes from the records or from `today`
(the date the build is written for), so the same records give the same bytes.
"""

from __future__ import annotations

import json
import zoneinfo
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, tzinfo
from fractions import Fraction
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from ..build_context import BuildContext
from ..facts.forum import ForumFacts
from ..records import ForumRecords
from ..records.model import Record

# A tag URI's date when the records give none (RFC 4151 only asks for a date the
# authority name was held; any fixed one keeps ids stable).
FALLBACK_TAG_YEAR = 2000


class ExportError(Exception):
    """The exports cannot be built as asked (e.g. no absolute site address)."""


@dataclass(frozen=True)
class ExportContext:
    records: ForumRecords
    facts: ForumFacts  # derived once per build, for `build.today`
    build: BuildContext

    @classmethod
    def create(cls, records: ForumRecords, facts: ForumFacts, build: BuildContext) -> ExportContext:
        parts = urlsplit(build.site_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ExportError(
                f"the exports need the site's public address to build permanent links, "
                f"feed ids and calendar UIDs, and got {build.site_url!r}: set site_url in "
                "mkdocs.yml to an absolute address, e.g. https://forum.example.org/"
            )
        if not build.site_url.endswith("/"):
            build = replace(build, site_url=build.site_url + "/")
        return cls(records, facts, build)

    @property
    def site_url(self) -> str:
        """Absolute, ending with "/"."""
        return self.build.site_url

    @property
    def today(self) -> date:
        return self.build.today

    # Addresses ---------------------------------------------------------------------------

    @property
    def language(self) -> str:
        """The language of the exports' words: the build's."""
        return self.build.language

    @cached_property  # in every feed entry's id and calendar UID: read once
    def host(self) -> str:
        return urlsplit(self.site_url).hostname or ""

    def url(self, path: str) -> str:
        """The absolute address of a site path ("meetings/x/", "api/index.json")."""
        return self.site_url + path.lstrip("/")

    def page(self, kind: str, record_id: str, anchor: str | None = None) -> str:
        return self.url(f"{kind}/{record_id}/") + (f"#{anchor}" if anchor else "")

    @property
    def forum_name(self) -> str:
        forum = self.records.forum
        return forum.name if forum else "The Forum"

    # Stable identities -------------------------------------------------------------------

    @staticmethod
    def identity(record: Record) -> str:
        """The id a record was first published under: its first alias, else its id.

        Feed entry ids and calendar UIDs use it so that renaming a record (which lists the
        old id in `aliases:`) does not make readers and calendars see a new item.
        """
        return record.aliases[0] if record.aliases else record.stem

    @cached_property
    def tag_year(self) -> int:
        forum = self.records.forum
        if forum and forum.established:
            return forum.established.date.year
        return FALLBACK_TAG_YEAR

    def tag(self, path: str) -> str:
        """A permanent Atom id (RFC 4151 tag URI) for a path built from record ids."""
        return f"tag:{self.host},{self.tag_year}:{path}"

    def uid(self, name: str) -> str:
        """A calendar UID (RFC 5545): unique per item, the same in every build."""
        return f"{name}@{self.host}"

    # Times -------------------------------------------------------------------------------

    @cached_property
    def zone(self) -> tzinfo:
        forum = self.records.forum
        try:
            return zoneinfo.ZoneInfo(forum.timezone) if forum else UTC
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return UTC

    @property
    def timezone_name(self) -> str:
        forum = self.records.forum
        return forum.timezone if forum else "UTC"

    def local(self, moment: datetime) -> datetime:
        """A record's time in the Forum's timezone (a time without offset is already local)."""
        if moment.tzinfo is None:
            return moment.replace(tzinfo=self.zone)
        return moment.astimezone(self.zone)

    def utc(self, moment: datetime) -> datetime:
        return self.local(moment).astimezone(UTC)

    def day_start(self, day: date) -> datetime:
        """Midnight at the start of a record's date, in the Forum's timezone."""
        return datetime.combine(day, time(0, 0), tzinfo=self.zone)


# Value formats shared by the exports ---------------------------------------------------------


def share(value: Fraction | None) -> str | None:
    """A fraction as "n/d" ("1/1", not "1"), as the records write it."""
    return None if value is None else f"{value.numerator}/{value.denominator}"


def iso_utc(moment: datetime) -> str:
    """UTC with a Z ("2024-01-23T08:00:00Z"), the form Table Schema and Popolo expect."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def dump_json(data: Any, *, compact: bool = False) -> str:
    """JSON with sorted keys and a final newline: the same data always gives the same bytes.

    `compact` for the many per-record files: with an indent, Python's json leaves its C
    encoder for a pure Python one, five times slower over a large archive.
    """
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
