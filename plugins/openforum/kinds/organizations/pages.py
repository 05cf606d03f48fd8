"""The `organizations` kind (records.md, "Version 2 additions"): institutions that lead or
support commitments without holding a seat. Its pages: a list and one per organization.

An organization is never shown as a member of the Forum: it has its own section, and what
it leads and supports is listed on its page.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n.labels import label, say
from ...records import ForumRecords
from ...site.context import Context, GeneratedPage, SearchEntry
from ...site.derived import commitments_by_member
from ...site.urls import record_src, section_src
from . import ORGANIZATIONS
from .model import Organization


def by_institution(records: ForumRecords) -> dict[str, tuple[list[str], list[str]]]:
    """For each institution id, the ids of the commitments it leads and supports."""
    return commitments_by_member(records)


def parts_of(records: ForumRecords, key: str) -> list[Organization]:
    return sorted(
        (o for o in records.organizations.values() if o.parent == key),
        key=lambda o: o.name.casefold(),
    )


def organization_pages(ctx: Context) -> Iterator[GeneratedPage]:
    """Its list page first, then a page per organization.

    The list page is not a section: a site whose nav predates this kind does not list
    it, and MkDocs would warn (failing a strict build) about a section left out of it.
    A nav that lists `organizations/index.md` shows it as any other.
    """
    yield organizations_index(ctx)
    records = ctx.records
    commitments = by_institution(records)
    for key, organization in ctx.each(records.organizations):
        leads, supports = commitments.get(key, ([], []))
        members = sorted(
            (m for m in records.members.values() if m.organization == key),
            key=lambda m: m.name.casefold(),
        )
        sector = label(organization.sector) if organization.sector else ""
        sector = say("%(sector)s sector", sector=sector) + " · " if sector else ""
        yield ctx.page(
            record_src(ORGANIZATIONS.name, key),
            "organization.html.j2",
            organization.name,
            source=organization.path,
            search=(
                SearchEntry.of(
                    organization.name,
                    say("Organization")
                    + " · "
                    + sector
                    + say(
                        "leads %(leads)s, supports %(supports)s",
                        leads=len(leads),
                        supports=len(supports),
                    ),
                    tags=(key,),
                ),
            ),
            o=organization,
            leads=leads,
            supports=supports,
            parts=parts_of(records, key),
            members=members,
            body=ctx.body(organization.body, levels=1),
        )


def organizations_index(ctx: Context) -> GeneratedPage:
    records = ctx.records
    commitments = by_institution(records)
    rows = [
        (o, *commitments.get(key, ([], [])))
        for key, o in sorted(records.organizations.items(), key=lambda kv: kv[1].name.casefold())
    ]
    return ctx.page(
        section_src(ORGANIZATIONS.name),
        "organizations_index.html.j2",
        say("Organizations"),
        rows=rows,
    )


# What the site's generator asks of a kind (kinds/kind.py).
record_pages = organization_pages
