"""The Forum's own page (establishment, rules, resources) and the partners."""

from __future__ import annotations

from decimal import Decimal
from itertools import groupby

from ...records.model import Resource
from ...site.context import Context, GeneratedPage
from ...site.urls import section_src


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
