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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from ..i18n import labels
from ..i18n.labels import N_, long_date, say
from ..records.model import Commitment, Consultation, Meeting, Plan
from .context import ExportContext
from .xmltext import attribute, escape_attribute, text

ATOM = "http://www.w3.org/2005/Atom"


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
    "not_started": N_("now not started"),
    "limited": N_("now at limited completion"),
    "substantial": N_("now at substantial completion"),
    "complete": N_("now complete"),
    "withdrawn": N_("now withdrawn"),
}


def label(value: str) -> str:
    """A vocabulary value in words, in lower case, as it reads inside a sentence."""
    return labels.label(value).lower()


def meeting_entries(ctx: ExportContext, meeting: Meeting) -> Iterator[Entry]:
    ident, page = ctx.identity(meeting), ctx.page("meetings", meeting.stem)
    start = ctx.local(meeting.start)
    when = f"{long_date(start.date())}, {labels.time_of(start)}"
    if meeting.announced and meeting.announced <= ctx.today:
        yield Entry(
            ctx.tag(f"meetings/{ident}/announced"),
            say("Meeting announced: %(title)s, %(when)s", title=meeting.title, when=when),
            ctx.day_start(meeting.announced),
            page,
            "meeting",
            say(
                "%(kind)s on %(when)s; now %(status)s.",
                kind=labels.label(meeting.kind),
                when=when,
                status=label(meeting.status),
            ),
        )
    minutes = meeting.minutes
    if minutes and minutes.published and minutes.published <= ctx.today:
        yield Entry(
            ctx.tag(f"meetings/{ident}/minutes"),
            say("Minutes published: %(title)s", title=meeting.title),
            ctx.day_start(minutes.published),
            page,
            "minutes",
            say("Minutes of %(when)s, %(status)s.", when=when, status=label(minutes.status)),
        )
    if meeting.status == "held" and start.date() <= ctx.today:
        for check in ctx.facts.meetings[meeting.stem].decisions:
            d = check.decision
            votes = d.votes
            tally = (
                " "
                + say(
                    "(%(for)s for, %(against)s against, %(abstain)s abstaining)",
                    **{"for": votes.in_favour, "against": votes.against, "abstain": votes.abstain},
                )
                if votes
                else ""
            )
            yield Entry(
                ctx.tag(f"decisions/{d.id}"),
                say("Decision %(result)s: %(text)s", result=label(d.result), text=d.text),
                start,
                ctx.page("meetings", meeting.stem, f"decision-{d.id}"),
                "decision",
                say(
                    "%(meeting)s, %(when)s. Rule: %(rule)s%(tally)s.",
                    meeting=meeting.title,
                    when=when,
                    rule=label(check.rule),
                    tally=tally,
                ),
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
        status = STATUS_WORDS.get(entry.status)
        now = say(status) if status else say("now %(status)s", status=label(entry.status))
        what = now if changed else say("progress reported")
        yield Entry(
            ctx.tag(f"commitments/{ident}/progress/{entry.date.isoformat()}{suffix}"),
            say(
                "Commitment %(id)s %(what)s: %(title)s",
                id=commitment.stem,
                what=what,
                title=commitment.title,
            ),
            ctx.day_start(entry.date),
            page,
            "progress",
            entry.note or say("Status: %(status)s.", status=label(entry.status)),
        )
    if changes_only:
        return
    for m in commitment.milestones:
        if m.status == "complete" and m.done and m.done <= ctx.today:
            yield Entry(
                ctx.tag(f"commitments/{ident}/milestones/{m.id}/done"),
                say(
                    "Milestone complete: %(commitment)s milestone %(id)s: %(title)s",
                    commitment=commitment.stem,
                    id=m.id,
                    title=m.title,
                ),
                ctx.day_start(m.done),
                ctx.page("commitments", commitment.stem, f"milestone-{m.id}"),
                "milestone",
                say("Due %(due)s; done %(done)s.", due=m.due.isoformat(), done=m.done)
                if m.due
                else say("Due without a date; done %(done)s.", done=m.done),
            )


def consultation_entries(ctx: ExportContext, c: Consultation) -> Iterator[Entry]:
    ident, page = ctx.identity(c), ctx.page("consultations", c.stem)
    span = say(
        "Open from %(opens)s to %(closes)s.", opens=long_date(c.opens), closes=long_date(c.closes)
    )
    opened = say("Consultation opened: %(title)s", title=c.title)
    closed = say("Consultation closed: %(title)s", title=c.title)
    steps = [
        ("opened", c.opens, c.opens <= ctx.today, opened),
        ("closed", c.closes, c.closes < ctx.today, closed),
    ]
    if c.summary_published:
        summary = c.summary_published
        published = say("Summary published: %(title)s", title=c.title)
        steps.append(("summary", summary, summary <= ctx.today, published))
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


def plan_entries(
    ctx: ExportContext, plan: Plan, commitments: Iterable[list[Entry]]
) -> Iterator[Entry]:
    """The plan's phases and consultation, and `commitments`: its commitments' entries."""
    ident, page = ctx.identity(plan), ctx.page("plans", plan.stem)
    for phase in plan.phases:
        if phase.start <= ctx.today:
            yield Entry(
                ctx.tag(f"plans/{ident}/phases/{phase.phase}"),
                say("%(plan)s: %(phase)s phase began", plan=plan.title, phase=label(phase.phase)),
                ctx.day_start(phase.start),
                page,
                "plan",
                say(
                    "Phase %(phase)s from %(date)s.",
                    phase=label(phase.phase),
                    date=long_date(phase.start),
                ),
            )
    consultation = ctx.records.consultations.get(plan.consultation or "")
    if consultation:
        yield from consultation_entries(ctx, consultation)
    for entries in commitments:
        yield from entries


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


def _element(pad: str, tag: str, content: str, attributes: str = "") -> str:
    """One line of a feed, `content` already escaped: without it the element closes itself,
    `<tag />`, as ElementTree writes an element whose text is empty."""
    if content:
        return f"{pad}<{tag}{attributes}>{content}</{tag}>"
    return f"{pad}<{tag}{attributes} />"


def _entry(e: Entry) -> str:
    """An <entry> and its lines, two spaces deeper per level (ElementTree's indent)."""
    summary = ""
    if e.summary:
        summary = "\n" + _element("    ", "summary", text(e.summary), ' type="text"')
    # An isoformat() holds nothing to escape or drop.
    return (
        f"  <entry>\n{_element('    ', 'id', text(e.id))}\n"
        f"{_element('    ', 'title', text(e.title))}\n"
        f"    <updated>{e.updated.isoformat()}</updated>\n"
        f'    <link rel="alternate" type="text/html" href="{attribute(e.link)}" />\n'
        f'    <category term="{attribute(e.category)}" />{summary}\n  </entry>'
    )


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
    dates it when it has no entry yet.

    Written as text, byte for byte what ElementTree wrote (tests/test_feed_writer.py keeps
    that tree and compares): attributes in this order, `ET.indent`'s two spaces, the
    declaration and a final line feed. Text and attributes lose the characters XML forbids
    (validate refuses them; one that got past it must not make the feed unreadable).
    """
    ordered = sorted(entries, key=lambda e: e.id)
    ordered.sort(key=lambda e: e.updated, reverse=True)  # stable: ties keep id order
    newest = ordered[0].updated if ordered else ctx.day_start(since)
    # The language is not filtered: ElementTree was handed it as it is (validated).
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM}" xml:lang="{escape_attribute(ctx.language)}">',
        _element("  ", "id", text(ctx.tag(ident))),
        _element("  ", "title", text(title)),
        f"  <updated>{newest.isoformat()}</updated>",
        "  <author>",
        _element("    ", "name", text(ctx.forum_name)),
        _element("    ", "uri", text(ctx.site_url)),
        "  </author>",
        f'  <link rel="self" type="application/atom+xml" href="{attribute(ctx.url(path))}" />',
        f'  <link rel="alternate" type="text/html" href="{attribute(page)}" />',
        "  <generator>OpenForum</generator>",
        *map(_entry, ordered),
        "</feed>\n",
    ]
    return "\n".join(lines)


def feed_files(ctx: ExportContext) -> Iterator[tuple[str, str]]:
    """Every feed; a renamed record's feed also answers at its old ids, with the same bytes
    (rel=self names the current address, so readers move their subscription)."""
    records, name = ctx.records, ctx.forum_name
    forum = records.forum
    first = forum.established.date if forum and forum.established else date(2000, 1, 1)
    path = "feeds/updates.atom"
    yield (
        path,
        atom(
            ctx,
            "feeds/updates",
            path,
            f"{name}: {say('updates')}",
            updates(ctx),
            ctx.site_url,
            first,
        ),
    )
    # Each commitment's entries are made once, for its feed and its plan's: a plan's feed
    # looked its commitments up among all of them, plans times commitments.
    by_plan: dict[str, list[list[Entry]]] = {}
    for key, c in sorted(records.commitments.items()):
        entries = list(commitment_entries(ctx, c, changes_only=False))
        by_plan.setdefault(c.plan, []).append(entries)
        text = atom(
            ctx,
            f"feeds/commitments/{ctx.identity(c)}",
            f"feeds/commitments/{key}.atom",
            say("%(forum)s: commitment %(id)s, %(title)s", forum=name, id=key, title=c.title),
            entries,
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
            list(plan_entries(ctx, plan, by_plan.get(plan.stem, []))),
            ctx.page("plans", key),
            plan.period.start,
        )
        for alias in [key, *plan.aliases]:
            yield f"feeds/plans/{alias}.atom", text
