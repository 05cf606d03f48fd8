"""The pages of the `partners` kind: one per multilateral partner, and their list."""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import labels
from ...site.context import Context, GeneratedPage
from ...site.urls import record_src, section_src


def partner_pages(ctx: Context) -> Iterator[GeneratedPage]:
    for key, partner in ctx.each(ctx.records.partners):
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
        labels._("Partners"),
        partners=sorted(ctx.records.partners.values(), key=lambda p: p.name.casefold()),
    )


# What the site's generator asks of a kind (kinds/kind.py).
record_pages = partner_pages
section_page = partners_index
