"""Atom feeds (RFC 4287) of what happened, built from the dates in the records.

    feeds/updates.atom               meetings announced, minutes published, decisions,
                                     commitment status changes, consultations opened/closed
    feeds/commitments/<id>.atom      one commitment: every progress entry, milestones done
    feeds/plans/<id>.atom            one plan: phases, its consultation, its commitments

Entry ids are tag URIs (RFC 4151) built from record ids, e.g.
`tag:forum.example.org,2016:meetings/2024-03-12-plenary/minutes`: the same in every build,
and unchanged when a record is renamed (the id it was first published under is used).
An entry's <updated> is the record's date (midnight, Forum time; a decision takes its
meeting's start). Only what happened by `today` is listed; entries are newest first and
the feed's <updated> is its newest entry's.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from ..records.model import Commitment, Consultation, Meeting, Plan
from ..safety.characters import xml_text
from .context import ExportContext

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Month names of our own: strftime's %B follows the process locale.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    title: str
    updated: datetime  # timezone-aware
    link: str
    category: str
    summary: str = ""


# How a commitment's status reads in a title (the IRM completion scale).
STATUS_WORDS = {
    "not_started": "not started",
    "limited": "at limited completion",
    "substantial": "at substantial completion",
    "complete": "complete",
    "withdrawn": "withdrawn",
}


def long_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def label(value: str) -> str:
    return value.replace("_", " ")


def meeting_entries(ctx: ExportContext, meeting: Meeting) -> Iterator[Entry]:
    ident, page = ctx.identity(meeting), ctx.page("meetings", meeting.stem)
    start = ctx.local(meeting.start)
    when = f"{long_date(start.date())}, {start:%H:%M}"
    if meeting.announced and meeting.announced <= ctx.today:
        yield Entry(
            ctx.tag(f"meetings/{ident}/announced"),
            f"Meeting announced: {meeting.title}, {when}",
            ctx.day_start(meeting.announced),
            page,
            "meeting",
            f"{label(meeting.kind).capitalize()} on {when}; now {meeting.status}.",
        )
    minutes = meeting.minutes
    if minutes and minutes.published and minutes.published <= ctx.today:
        yield Entry(
            ctx.tag(f"meetings/{ident}/minutes"),
            f"Minutes published: {meeting.title}",
            ctx.day_start(minutes.published),
            page,
            "minutes",
            f"Minutes of {when}, {minutes.status}.",
        )
    if meeting.status == "held" and start.date() <= ctx.today:
        for check in ctx.facts.meetings[meeting.stem].decisions:
            d = check.decision
            votes = d.votes
            tally = (
                f" ({votes.in_favour} for, {votes.against} against, {votes.abstain} abstaining)"
                if votes
                else ""
            )
            yield Entry(
                ctx.tag(f"decisions/{d.id}"),
                f"Decision {d.result}: {d.text}",
                start,
                ctx.page("meetings", meeting.stem, f"decision-{d.id}"),
                "decision",
                f"{meeting.title}, {when}. Rule: {label(check.rule)}{tally}.",
            )


def commitment_entries(
    ctx: ExportContext, commitment: Commitment, changes_only: bool
) -> Iterator[Entry]:
    """Progress entries (only status changes when `changes_only`), and milestones done."""
    ident, page = ctx.identity(commitment), ctx.page("commitments", commitment.stem)
    before: str | None = None
    seen: dict[date, int] = {}
    for entry in commitment.progress:
        changed, before = entry.status != before, entry.status
        seen[entry.date] = seen.get(entry.date, 0) + 1
        if entry.date > ctx.today or (changes_only and not changed):
            continue
        suffix = f"-{seen[entry.date]}" if seen[entry.date] > 1 else ""  # two on one day
        status = STATUS_WORDS.get(entry.status, label(entry.status))
        what = f"now {status}" if changed else "progress reported"
        yield Entry(
            ctx.tag(f"commitments/{ident}/progress/{entry.date.isoformat()}{suffix}"),
            f"Commitment {commitment.stem} {what}: {commitment.title}",
            ctx.day_start(entry.date),
            page,
            "progress",
            entry.note or f"Status: {label(entry.status)}.",
        )
    if changes_only:
        return
    for m in commitment.milestones:
        if m.status == "complete" and m.done and m.done <= ctx.today:
            yield Entry(
                ctx.tag(f"commitments/{ident}/milestones/{m.id}/done"),
                f"Milestone complete: {commitment.stem} milestone {m.id}: {m.title}",
                ctx.day_start(m.done),
                ctx.page("commitments", commitment.stem, f"milestone-{m.id}"),
                "milestone",
                f"Due {m.due.isoformat() if m.due else 'without a date'}; done {m.done}.",
            )


def consultation_entries(ctx: ExportContext, c: Consultation) -> Iterator[Entry]:
    ident, page = ctx.identity(c), ctx.page("consultations", c.stem)
    span = f"Open from {long_date(c.opens)} to {long_date(c.closes)}."
    steps = [
        ("opened", c.opens, c.opens <= ctx.today, f"Consultation opened: {c.title}"),
        ("closed", c.closes, c.closes < ctx.today, f"Consultation closed: {c.title}"),
    ]
    if c.summary_published:
        summary = c.summary_published
        steps.append(("summary", summary, summary <= ctx.today, f"Summary published: {c.title}"))
    for step, day, happened, title in steps:
        if happened:
            yield Entry(
                ctx.tag(f"consultations/{ident}/{step}"),
                title,
                ctx.day_start(day),
                page,
                "consultation",
                span,
            )


def plan_entries(ctx: ExportContext, plan: Plan) -> Iterator[Entry]:
    ident, page = ctx.identity(plan), ctx.page("plans", plan.stem)
    for phase in plan.phases:
        if phase.start <= ctx.today:
            yield Entry(
                ctx.tag(f"plans/{ident}/phases/{phase.phase}"),
                f"{plan.title}: {label(phase.phase)} phase began",
                ctx.day_start(phase.start),
                page,
                "plan",
                f"Phase {label(phase.phase)} from {long_date(phase.start)}.",
            )
    consultation = ctx.records.consultations.get(plan.consultation or "")
    if consultation:
        yield from consultation_entries(ctx, consultation)
    for _, commitment in sorted(ctx.records.commitments.items()):
        if commitment.plan == plan.stem:
            yield from commitment_entries(ctx, commitment, changes_only=False)


def updates(ctx: ExportContext) -> list[Entry]:
    records = ctx.records
    entries: list[Entry] = []
    for _, meeting in sorted(records.meetings.items()):
        entries.extend(meeting_entries(ctx, meeting))
    for _, commitment in sorted(records.commitments.items()):
        entries.extend(commitment_entries(ctx, commitment, changes_only=True))
    for _, consultation in sorted(records.consultations.items()):
        entries.extend(consultation_entries(ctx, consultation))
    return entries


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    # ElementTree writes any character; XML forbids some (validate refuses them already).
    child = ET.SubElement(parent, tag, {key: xml_text(value) for key, value in attrs.items()})
    child.text = None if text is None else xml_text(text)
    return child


def atom(
    ctx: ExportContext,
    ident: str,
    path: str,
    title: str,
    entries: list[Entry],
    page: str,
    since: date,
) -> str:
    """A feed: `ident` names it in its tag id, `path` is its address (rel=self) and `since`
    dates it when it has no entry yet."""
    ordered = sorted(entries, key=lambda e: e.id)
    ordered.sort(key=lambda e: e.updated, reverse=True)  # stable: ties keep id order
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: ctx.build.language})
    _add(feed, "id", ctx.tag(ident))
    _add(feed, "title", title)
    newest = ordered[0].updated if ordered else ctx.day_start(since)
    _add(feed, "updated", newest.isoformat())
    author = _add(feed, "author")
    _add(author, "name", ctx.forum_name)
    _add(author, "uri", ctx.site_url)
    _add(feed, "link", rel="self", type="application/atom+xml", href=ctx.url(path))
    _add(feed, "link", rel="alternate", type="text/html", href=page)
    _add(feed, "generator", "OpenForum")
    for e in ordered:
        item = _add(feed, "entry")
        _add(item, "id", e.id)
        _add(item, "title", e.title)
        _add(item, "updated", e.updated.isoformat())
        _add(item, "link", rel="alternate", type="text/html", href=e.link)
        _add(item, "category", term=e.category)
        if e.summary:
            _add(item, "summary", e.summary, type="text")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def feed_files(ctx: ExportContext) -> Iterator[tuple[str, str]]:
    """Every feed; a renamed record's feed also answers at its old ids, with the same bytes
    (rel=self names the current address, so readers move their subscription)."""
    records, name = ctx.records, ctx.forum_name
    forum = records.forum
    first = forum.established.date if forum and forum.established else date(2000, 1, 1)
    path = "feeds/updates.atom"
    yield (
        path,
        atom(ctx, "feeds/updates", path, f"{name}: updates", updates(ctx), ctx.site_url, first),
    )
    for key, c in sorted(records.commitments.items()):
        text = atom(
            ctx,
            f"feeds/commitments/{ctx.identity(c)}",
            f"feeds/commitments/{key}.atom",
            f"{name}: commitment {key}, {c.title}",
            list(commitment_entries(ctx, c, changes_only=False)),
            ctx.page("commitments", key),
            c.period.start if c.period else first,
        )
        for alias in [key, *c.aliases]:
            yield f"feeds/commitments/{alias}.atom", text
    for key, plan in sorted(records.plans.items()):
        text = atom(
            ctx,
            f"feeds/plans/{ctx.identity(plan)}",
            f"feeds/plans/{key}.atom",
            f"{name}: {plan.title}",
            list(plan_entries(ctx, plan)),
            ctx.page("plans", key),
            plan.period.start,
        )
        for alias in [key, *plan.aliases]:
            yield f"feeds/plans/{alias}.atom", text
