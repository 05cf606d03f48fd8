"""The Forum's own page (establishment, rules, resources) and the partners."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import groupby

from ..records.model import Resource
from .context import Context, GeneratedPage
from .urls import record_src, section_src


def forum_page(ctx: Context) -> GeneratedPage:
    forum = ctx.records.forum
    resources = sorted(forum.resources, key=lambda r: r.year) if forum else []
    by_year = [
        (year, rows, _totals(rows))
        for year, group in groupby(reversed(resources), key=lambda r: r.year)
        for rows in [list(group)]
    ]
    return ctx.page(
        section_src("forum"),
        "forum.html.j2",
        ctx.forum_name,
        source=forum.path if forum else None,
        by_year=by_year,
        body=ctx.body(forum.body, levels=0) if forum else "",
        assessments=sorted(
            (a for a in ctx.records.assessments.values() if a.subject == "forum"),
            key=lambda a: a.period.start,
            reverse=True,
        ),
    )


def _totals(rows: list[Resource]) -> list[tuple[str, Decimal]]:
    """The year's total per currency (amounts in different currencies are not added)."""
    totals: dict[str, Decimal] = {}
    for row in rows:
        totals[row.currency] = totals.get(row.currency, Decimal(0)) + row.amount
    return sorted(totals.items())


def partner_pages(ctx: Context) -> Iterator[GeneratedPage]:
    for key, partner in sorted(ctx.records.partners.items()):
        contact = partner.point_of_contact
        yield ctx.page(
            record_src("partners", key),
            "partner.html.j2",
            partner.name,
            source=partner.path,
            p=partner,
            # Named only with consent (point_of_contact.public), like members' contacts;
            # the role alone is not personal and is shown either way.
            contact=contact if contact and contact.public else None,
            contact_role=contact.role if contact else None,
            reviews=sorted(partner.reviews, key=lambda r: r.date, reverse=True),
            body=ctx.body(partner.body, levels=1),
        )


def partners_index(ctx: Context) -> GeneratedPage:
    return ctx.page(
        section_src("partners"),
        "partners_index.html.j2",
        "Partners",
        partners=sorted(ctx.records.partners.values(), key=lambda p: p.name.casefold()),
    )
