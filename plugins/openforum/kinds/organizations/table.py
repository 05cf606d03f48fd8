"""The `organizations` kind's CSV table (data/organizations.csv) in the data package."""

from __future__ import annotations

from ...exports.context import ExportContext
from ...exports.tables import URL, Table, col, vocab
from ...records.fields import Sector
from . import ORGANIZATIONS
from .pages import by_institution


def organizations_table(ctx: ExportContext) -> Table:
    table = Table(
        ORGANIZATIONS.name,
        "Organizations",
        "Institutions that lead or support commitments without holding a seat on the Forum.",
        (
            col("id", "string", "The organization's id"),
            col("name", "string", "Name"),
            col("sector", "string", vocab(Sector)),
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
            url=ctx.page(ORGANIZATIONS.name, key),
        )
    return table


# What the data package asks of a kind: its tables, in order (exports/datapackage.py).
TABLES = (organizations_table,)
