"""The Accountability page: first the OGP's minimum requirements (Participation and
Co-Creation Standards, 2022) numbered as the OGP numbers them, then, apart, the Forum's own
rules and the handbook's good practice; each verdict with its figure, what falls short,
the field to fill when the records cannot tell, and links to the records it rests on."""

from __future__ import annotations

from dataclasses import dataclass

from .. import verdict_words as words
from ..facts.findings import Evidence, Finding
from ..facts.verdicts import Judgement
from ..i18n.findings import code_meaning, finding_message
from . import labels
from .charts import forum_charts
from .context import Context, GeneratedPage
from .urls import record_src, relative, section_src

SRC = section_src("accountability")


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True, slots=True)
class Shortfall:
    link: Link
    text: str
    verdict: str
    fill: str  # "fill `announced` in meetings/x.md", or ""


@dataclass(frozen=True, slots=True)
class Row:
    """One verdict as the page shows it."""

    code: str
    anchor: str
    title: str
    asks: str
    source: str  # the OGP's page on the standards, for an OGP requirement
    plan: Link | None
    verdict: str
    figure: str
    shortfalls: list[Shortfall]
    links: list[Link]


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
        if evidence.anchor.startswith("submission-"):
            number = evidence.anchor.removeprefix("submission-")
            name = labels.say("%(name)s, submission %(id)s", name=name, id=number)
    else:
        target = section_src(evidence.kind)
        name = ctx.forum_name if evidence.kind == "forum" else labels.label(evidence.kind)
    return Link(relative(SRC, target, evidence.anchor or None), str(name))


def row_anchor(code: str) -> str:
    """`ogp-3.1:nap5` -> `requirement-ogp-3.1-nap5`: an id without a colon."""
    return "requirement-" + code.replace(":", "-")


def _row(ctx: Context, judgement: Judgement) -> Row:
    short = len(judgement.evidence) > 3
    plan = None
    if judgement.plan:
        record = ctx.records.plans.get(judgement.plan)
        text = record.title if record else judgement.plan
        plan = Link(relative(SRC, record_src("plans", judgement.plan)), text)
    return Row(
        judgement.code,
        row_anchor(judgement.code),
        words.title(judgement),
        words.asks(judgement),
        words.OGP_STANDARDS_URL if judgement.part == "ogp" else "",
        plan,
        judgement.verdict,
        words.figure(judgement),
        [
            Shortfall(evidence_link(ctx, s.subject), words.shortfall(s), s.verdict, words.fill(s))
            for s in judgement.shortfalls
        ],
        [evidence_link(ctx, e, short) for e in judgement.evidence],
    )


def accountability_page(ctx: Context) -> GeneratedPage:
    facts = ctx.facts
    groups: dict[str, list[tuple[Finding, Link, str]]] = {}
    for finding in facts.findings:
        link = evidence_link(ctx, finding.subject)
        groups.setdefault(finding.code, []).append((finding, link, finding_message(finding)))
    standards: dict[str, list[Row]] = {number: [] for number in words.STANDARDS}
    rules: list[Row] = []
    for judgement in facts.requirements:
        number = words.standard(judgement)
        (standards[number] if number else rules).append(_row(ctx, judgement))
    return ctx.page(
        SRC,
        "accountability.html.j2",
        labels._("Accountability"),
        standards=[
            (number, words.standard_heading(number), rows) for number, rows in standards.items()
        ],
        rules=rules,
        standards_url=words.OGP_STANDARDS_URL,
        verdict_words=words.verdict_words(),
        groups=[(code, code_meaning(code), items) for code, items in groups.items()],
        balance=facts.balance,
        charts=forum_charts(ctx.records, facts),
    )
