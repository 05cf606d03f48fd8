"""The Accountability page: each OGP requirement met or not, its figure, and its evidence."""

from __future__ import annotations

from dataclasses import dataclass

from ..facts.findings import CODES, Evidence, Finding
from ..facts.requirements import Requirement
from . import labels
from .charts import forum_charts
from .context import Context, GeneratedPage
from .urls import record_src, relative, section_src

SRC = section_src("accountability")


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    text: str


def evidence_link(ctx: Context, evidence: Evidence, short: bool = False) -> Link:
    """A relative link to the page (and anchor) a finding rests on, named for a reader.

    `short` names meetings by their date, for lists of many.
    """
    meeting = ctx.records.meetings.get(evidence.id) if evidence.kind == "meetings" else None
    if short and meeting is not None:
        target = record_src("meetings", evidence.id)
        return Link(relative(SRC, target), labels.short_date(meeting.start))
    if evidence.id:
        target = record_src(evidence.kind, evidence.id)
        record = ctx.records.of_kind(evidence.kind).get(evidence.id)
        name = getattr(record, "title", None) or getattr(record, "name", None) or evidence.id
    else:
        target = section_src(evidence.kind)
        name = ctx.forum_name if evidence.kind == "forum" else evidence.kind.capitalize()
    return Link(relative(SRC, target, evidence.anchor or None), str(name))


def accountability_page(ctx: Context) -> GeneratedPage:
    facts = ctx.facts
    groups: dict[str, list[tuple[Finding, Link]]] = {}
    for finding in facts.findings:
        groups.setdefault(finding.code, []).append((finding, evidence_link(ctx, finding.subject)))
    return ctx.page(
        SRC,
        "accountability.html.j2",
        "Accountability",
        requirements=[
            (r, _links(ctx, r), [(f, evidence_link(ctx, f.subject)) for f in r.findings])
            for r in facts.requirements
        ],
        groups=[(code, CODES[code], items) for code, items in groups.items()],
        balance=facts.balance,
        charts=forum_charts(ctx.records, facts),
    )


def _links(ctx: Context, requirement: Requirement) -> list[Link]:
    short = len(requirement.evidence) > 3
    return [evidence_link(ctx, e, short) for e in requirement.evidence]
