"""The `organizations` kind (records.md, "Version 2 additions"): institutions that lead or
support commitments without holding a seat. Its model is `records.model.Organization`;
here are its pages, its CSV table and its Popolo organizations.

An organization is never shown as a member of the Forum: it has its own section, and what
it leads and supports is listed on its page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ...exports.context import ExportContext
from ...exports.tables import URL, Table, col, vocab
from ...records import ForumRecords, model
from ...records.model import Organization

if TYPE_CHECKING:  # the site package builds its job list from this module: no cycle
    from ...site.context import Context, GeneratedPage

KIND = "organizations"


def by_institution(records: ForumRecords) -> dict[str, tuple[list[str], list[str]]]:
    """For each institution id, the ids of the commitments it leads and supports."""
    from ...site.derived import commitments_by_member

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
    from ...site.context import SearchEntry
    from ...site.urls import record_src

    yield organizations_index(ctx)
    records = ctx.records
    commitments = by_institution(records)
    for key, organization in sorted(records.organizations.items()):
        leads, supports = commitments.get(key, ([], []))
        members = sorted(
            (m for m in records.members.values() if m.organization == key),
            key=lambda m: m.name.casefold(),
        )
        sector = f"{organization.sector.replace('_', ' ')} sector · " if organization.sector else ""
        yield ctx.page(
            record_src(KIND, key),
            "organization.html.j2",
            organization.name,
            source=organization.path,
            search=(
                SearchEntry.of(
                    organization.name,
                    f"Organization · {sector}leads {len(leads)}, supports {len(supports)}",
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
    from ...site.urls import section_src

    records = ctx.records
    commitments = by_institution(records)
    rows = [
        (o, *commitments.get(key, ([], [])))
        for key, o in sorted(records.organizations.items(), key=lambda kv: kv[1].name.casefold())
    ]
    return ctx.page(section_src(KIND), "organizations_index.html.j2", "Organizations", rows=rows)


def organizations_table(ctx: ExportContext) -> Table:
    table = Table(
        KIND,
        "Organizations",
        "Institutions that lead or support commitments without holding a seat on the Forum.",
        (
            col("id", "string", "The organization's id"),
            col("name", "string", "Name"),
            col("sector", "string", vocab(model.Sector)),
            col("parent", "string", "The id of the organization it belongs to"),
            col("website", "string", "Its own website", "uri"),
            col("leads", "integer", "Derived: commitments it leads"),
            col("supports", "integer", "Derived: commitments it supports"),
            URL,
        ),
        ("id",),
    )
    commitments = by_institution(ctx.records)
    for key, organization in sorted(ctx.records.organizations.items()):
        leads, supports = commitments.get(key, ([], []))
        table.add(
            id=key,
            name=organization.name,
            sector=organization.sector,
            parent=organization.parent,
            website=organization.url,
            leads=len(leads),
            supports=len(supports),
            url=ctx.page(KIND, key),
        )
    return table


def popolo_organizations(ctx: ExportContext) -> list[dict[str, Any]]:
    """Popolo Organizations, with `parent_id` for an organization's parent."""
    found = []
    for key, organization in sorted(ctx.records.organizations.items()):
        entry: dict[str, Any] = {
            "id": f"{KIND}/{key}",
            "name": organization.name,
            "classification": organization.sector,
            "parent_id": f"{KIND}/{organization.parent}" if organization.parent else None,
            "other_names": [{"name": alias, "note": "old id"} for alias in organization.aliases],
            "links": [{"url": ctx.page(KIND, key), "note": "Page on the Forum's site"}],
        }
        if organization.url:
            entry["links"].append({"url": organization.url, "note": "Website"})
        found.append(entry)
    return found


# What the site's generator asks of a kind (kinds/kind.py).
record_pages = organization_pages
