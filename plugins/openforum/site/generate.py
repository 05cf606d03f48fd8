"""The whole site as generated files: site source path -> text, nothing MkDocs-specific."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from .. import i18n
from ..facts.forum import ForumFacts, derive
from ..kinds import SECTIONS
from ..kinds.forum import pages as forum
from ..records import ForumRecords
from . import accountability, data_page, redirects, timeline
from .context import Context, GeneratedPage, StaticFile
from .options import SiteOptions


class SiteError(Exception):
    """The records are valid but cannot be published as they are (e.g. a reserved id)."""


@dataclass(slots=True)
class GeneratedSite:
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    """Site source path ("commitments/nap4-03.md") -> the page, as HTML for the theme."""
    static: dict[str, str] = field(default_factory=dict)
    """Site source path (".../index.html") -> a file published as written (redirects)."""
    sections: list[str] = field(default_factory=list)
    """The section index pages ("commitments/index.md"): the ones the nav may list."""

    def add(self, page: GeneratedPage | StaticFile) -> None:
        if page.src in self.pages or page.src in self.static:
            raise SiteError(f"two generated pages at {page.src}")
        if isinstance(page, StaticFile):
            self.static[page.src] = page.text
        else:
            self.pages[page.src] = page


Generator = Callable[[Context], Iterable[GeneratedPage | StaticFile]]


Made = list[GeneratedPage | StaticFile]


def generate_site(
    records: ForumRecords,
    options: SiteOptions,
    facts: ForumFacts | None = None,
    exports: Mapping[str, str] | None = None,
) -> GeneratedSite:
    """Every page; with `exports` (site path -> text), also the open data page about them.
    The facts are derived here when not given (build.py gives the ones it derived)."""
    ctx = site_context(records, options, facts or derive(records, options.today))
    return assemble(ctx, run_jobs(ctx, JOBS), exports)


def site_context(records: ForumRecords, options: SiteOptions, facts: ForumFacts) -> Context:
    """The context every job reads; the ids are checked first."""
    _check_ids(records)
    return Context(records, options, facts)


def run_jobs(ctx: Context, names: Iterable[str]) -> dict[str, Made]:
    """The pages of the named jobs (see `JOBS`), by job; jobs are independent of each other."""
    with i18n.using(ctx.language):
        return {name: list(JOBS[name](ctx)) for name in names}


def assemble(
    ctx: Context, made: Mapping[str, Made], exports: Mapping[str, str] | None
) -> GeneratedSite:
    """The site from every job's pages, in a fixed order whichever process made them."""
    site = GeneratedSite()
    sections = [page for page in made["sections"] if isinstance(page, GeneratedPage)]
    if exports is not None:
        with i18n.using(ctx.language):
            sections.append(data_page.data_page(ctx, exports))
    for section in sections:
        site.add(section)
        site.sections.append(section.src)
    for name in JOBS:
        if name != "sections":
            for page in made[name]:
                site.add(page)
    return site


def _sections(ctx: Context) -> Iterator[GeneratedPage]:
    yield forum.forum_page(ctx)
    for kind in SECTIONS:
        section_page: Callable[[Context], GeneratedPage] | None = kind.hook("pages", "section_page")
        if section_page is not None:  # a kind without one lists its records among its pages
            yield section_page(ctx)
    yield timeline.timeline_page(ctx)
    yield accountability.accountability_page(ctx)


# Every page of the site but the open data page, in independent jobs (by kind), so that
# they can be shared out between processes. The order is the order pages are added in.
JOBS: dict[str, Generator] = {
    "sections": _sections,
    **{kind.name: kind.hook("pages", "record_pages") for kind in SECTIONS},
    "redirects": redirects.redirect_pages,
}


def _check_ids(records: ForumRecords) -> None:
    # "index" would land on the section's own page (<kind>/index.md is the section).
    for kind in SECTIONS:
        for record in records.of_kind(kind.name).values():
            for key in (record.stem, *record.aliases):
                if key == "index":
                    raise SiteError(
                        f"{record.path}: the id or alias 'index' is reserved for the list of "
                        f"{kind.name}; rename the record or drop the alias"
                    )
