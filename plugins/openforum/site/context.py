"""What every page generator gets: the records, the options, and facts computed once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from ..facts.forum import ForumFacts, derive
from ..records import ForumRecords
from . import derived
from .citation import Citation, Version, cite, git_versions
from .options import SiteOptions
from .render import Links, page, render
from .urls import url_of


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    src: str  # the site source path, e.g. "commitments/nap4-03.md"
    text: str
    source: Path | None = None  # the record file the page shows ("Edit this page")


class Context:
    def __init__(
        self, records: ForumRecords, options: SiteOptions, facts: ForumFacts | None = None
    ) -> None:
        self.records = records
        self.options = options
        self.today = options.today
        # Every derived fact, computed once per build and shared by all pages (and by the
        # exports, when the caller passes the facts it derived for them).
        self.facts = facts if facts is not None else derive(records, options.today)

    @cached_property
    def versions(self) -> dict[Path, Version]:
        """Each record file's last Git commit, read once per build."""
        return git_versions(self.records.root)

    def citation(
        self, src: str, title: str, kind_label: str, source: Path, record_day: date | None
    ) -> Citation:
        base = (self.options.site_url or "/").rstrip("/") + "/"
        version = self.versions.get(source.resolve())
        return cite(self.forum_name, title, kind_label, base + url_of(src), version, record_day)

    @cached_property
    def mentions(self) -> dict[str, derived.Mentions]:
        return derived.mentions(self.records)

    @property
    def forum_name(self) -> str:
        return self.records.forum.name if self.records.forum else "The Forum"

    def page(
        self,
        src: str,
        template: str,
        title: str,
        *,
        source: Path | None = None,
        meta: dict[str, Any] | None = None,
        **context: Any,
    ) -> GeneratedPage:
        """Render `template` for the page at `src`, with links relative to that page."""
        body = render(
            template,
            L=Links(self.records, src),
            records=self.records,
            today=self.today,
            options=self.options,
            forum=self.records.forum,
            **context,
        )
        return GeneratedPage(src, page(title, body, **(meta or {})), source)
