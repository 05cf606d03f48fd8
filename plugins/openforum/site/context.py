"""What every page generator gets: the records, the options, and facts computed once."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from markupsafe import Markup

from ..build_context import resolved
from ..facts.forum import ForumFacts
from ..records import ForumRecords
from ..records.model import Commitment, Submission
from . import derived, labels
from .citation import Citation, Version, cite, git_versions
from .html import Heading, MarkdownRenderer, outline, relative_hrefs, unique_heading_ids
from .options import SiteOptions
from .pasted_text import bullets_to_lists
from .render import Links, render, shift_headings
from .search_meta import search_meta
from .urls import url_of

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """What the site's search knows of a page (or of a part of it, at `anchor`).

    `title` and `text` are HTML (escaped text), as the search index holds them.
    """

    title: str
    text: str = ""
    anchor: str | None = None
    # The record's id: a search for it then finds the record before the pages that
    # mention it (Material weighs tags far above titles, and shows them as chips).
    tags: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, title: str, text: str = "", anchor: str | None = None, tags: tuple[str, ...] = ()
    ) -> SearchEntry:
        """An entry from plain text."""
        escaped = tuple(html.escape(tag, quote=False) for tag in tags)
        return cls(html.escape(title, quote=False), html.escape(text, quote=False), anchor, escaped)


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A finished page: its content as HTML, ready for the theme to frame."""

    src: str  # the site source path, e.g. "commitments/nap4-03.md"
    title: str  # plain text
    html: str
    meta: dict[str, Any] = field(default_factory=dict)
    toc: list[Heading] = field(default_factory=list)
    source: Path | None = None  # the record file the page shows ("Edit this page")
    search: tuple[SearchEntry, ...] = ()  # lean entries in place of the page's full text
    body_links: tuple[str, ...] = ()  # relative links written in record bodies, to check


@dataclass(frozen=True, slots=True)
class StaticFile:
    """A file published as written (redirect pages), outside the theme."""

    src: str
    text: str


class Context:
    """The records, the build context and the facts derived once per build for it: what
    every page generator reads. Nothing here is derived again."""

    def __init__(self, records: ForumRecords, options: SiteOptions, facts: ForumFacts) -> None:
        self.records = records
        self.options = options  # the build context (build_context.BuildContext)
        self.today = options.today
        self.language = options.language  # the interface's: i18n.using(language)
        self.facts = facts  # shared by every page and by the open data
        self.render_markdown = options.markdown or MarkdownRenderer()
        self._body_links: list[str] = []  # of the bodies rendered for the next page

    def body(self, text: str, levels: int = 1) -> Markup:
        """A record's Markdown body as clean HTML, its headings moved `levels` down."""
        if not text.strip():
            return Markup("")
        rendered = self.render_markdown(shift_headings(bullets_to_lists(text), levels))
        self._body_links += relative_hrefs(rendered)
        return Markup(rendered)

    def each(self, records: Mapping[str, R]) -> list[tuple[str, R]]:
        """The records (of one kind, by id) a job makes pages for: all of them here; an
        update under `mkdocs serve` (incremental.py) asks only for those it rebuilds."""
        return sorted(records.items())

    @cached_property
    def versions(self) -> dict[Path, Version]:
        """Each record file's last Git commit, read once per build."""
        return git_versions(self.records.root)

    def citation(
        self, src: str, title: str, kind_label: str, source: Path, record_day: date | None
    ) -> Citation:
        base = (self.options.site_url or "/").rstrip("/") + "/"
        version = self.versions.get(resolved(source)) if self.versions else None
        at = self.options.source_at(source, version.commit) if version else None
        permalink = base + url_of(src)
        return cite(self.forum_name, title, kind_label, permalink, version, record_day, at)

    @cached_property
    def mentions(self) -> dict[str, derived.Mentions]:
        return derived.mentions(self.records)

    # Grouped once: asked plan by plan and consultation by consultation, a pass over every
    # commitment or submission each time grew as their product.
    def commitments_of(self, plan: str) -> list[Commitment]:
        return self._commitments_by_plan.get(plan, [])

    def submissions_of(self, consultation: str) -> list[Submission]:
        return self._submissions_by_consultation.get(consultation, [])

    @cached_property
    def _commitments_by_plan(self) -> dict[str, list[Commitment]]:
        return derived.commitments_by_plan(self.records)

    @cached_property
    def _submissions_by_consultation(self) -> dict[str, list[Submission]]:
        return derived.submissions_by_consultation(self.records)

    @property
    def forum_name(self) -> str:
        return self.records.forum.name if self.records.forum else labels._("The Forum")

    def page(
        self,
        src: str,
        template: str,
        title: str,
        *,
        source: Path | None = None,
        meta: dict[str, Any] | None = None,
        search: tuple[SearchEntry, ...] | None = None,
        **context: Any,
    ) -> GeneratedPage:
        """Render `template` for the page at `src`, with links relative to that page.

        `search` defaults to one entry: the title, and `meta["description"]` as its text.
        """
        content = render(
            template,
            L=Links(self.records, src),
            records=self.records,
            today=self.today,
            options=self.options,
            forum=self.records.forum,
            **context,
        )
        content = unique_heading_ids(content.strip())
        meta = dict(meta or {})
        meta.setdefault("pagefind", search_meta(self.records, src))
        if search is None:
            search = (SearchEntry(html.escape(title, quote=False), meta.get("description", "")),)
        links, self._body_links = tuple(self._body_links), []
        return GeneratedPage(src, title, content, meta, outline(content), source, search, links)
