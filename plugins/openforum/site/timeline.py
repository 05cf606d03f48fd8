"""The whole history on one page: every dated event of every record kind, by year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from ..records import ForumRecords
from ..records.model import Member
from . import derived, labels
from .context import Context, GeneratedPage
from .render import decision_anchor
from .urls import record_src, section_src

# Event kinds in the order the filter lists them, with their names for readers.
KINDS = {
    "meeting": (labels.N_("Meetings"), labels.N_("Meeting")),
    "decision": (labels.N_("Decisions"), labels.N_("Decision")),
    "commitment": (labels.N_("Commitment progress"), labels.N_("Commitment")),
    "consultation": (labels.N_("Consultations"), labels.N_("Consultation")),
    "plan": (labels.N_("Plan phases"), labels.N_("Plan")),
    "membership": (labels.N_("Membership"), labels.N_("Membership")),
    "assessment": (labels.N_("Assessments"), labels.N_("Assessment")),
}


@dataclass(frozen=True, slots=True)
class Event:
    day: date
    kind: str
    text: str  # plain text; the template escapes it
    target: str  # the site source path of the page the event links to
    anchor: str | None = None
    status: str | None = None  # a vocabulary value shown as a badge
    order: int = 0  # keeps same-day events of one record in record order


def events(records: ForumRecords) -> list[Event]:
    found: list[Event] = []
    for meeting in records.meetings.values():
        day = derived.meeting_day(meeting)
        src = record_src("meetings", meeting.stem)
        found.append(Event(day, "meeting", meeting.title, src, status=meeting.status))
        for index, decision in enumerate(meeting.decisions, start=1):
            anchor = decision_anchor(decision.id)
            found.append(Event(day, "decision", decision.text, src, anchor, decision.result, index))
    for commitment in records.commitments.values():
        src = record_src("commitments", commitment.stem)
        for entry in derived.status_changes(commitment):
            text = f"{commitment.stem}: {commitment.title}"
            found.append(Event(entry.date, "commitment", text, src, status=entry.status))
    for consultation in records.consultations.values():
        src = record_src("consultations", consultation.stem)
        title = consultation.title
        opens = labels.say("Opens: %(title)s", title=title)
        found.append(Event(consultation.opens, "consultation", opens, src))
        closes = labels.say("Closes: %(title)s", title=title)
        found.append(Event(consultation.closes, "consultation", closes, src))
        if consultation.summary_published:
            text = labels.say("Summary published: %(title)s", title=title)
            found.append(Event(consultation.summary_published, "consultation", text, src))
    for plan in records.plans.values():
        src = record_src("plans", plan.stem)
        for phase in plan.phases:
            phase_name = labels.label(phase.phase).lower()
            text = labels.say("%(plan)s: %(phase)s phase begins", plan=plan.title, phase=phase_name)
            found.append(Event(phase.start, "plan", text, src))
    for member in records.members.values():
        found.extend(_membership(member))
    for assessment in records.assessments.values():
        if assessment.published:
            src = record_src("assessments", assessment.stem)
            found.append(Event(assessment.published, "assessment", assessment.title, src))
    kinds = list(KINDS)
    return sorted(found, key=lambda e: (-e.day.toordinal(), kinds.index(e.kind), e.order))


def _membership(member: Member) -> list[Event]:
    src = record_src("members", member.stem)
    seats = sorted(member.seats, key=lambda s: s.start)
    found: list[Event] = []
    for index, seat in enumerate(seats):
        role = labels.label(seat.role).lower()
        says = "%(name)s joins the Forum as %(role)s" if index == 0 else "%(name)s becomes %(role)s"
        text = labels.say(says, name=member.name, role=role)
        found.append(Event(seat.start, "membership", text, src))
        follows = seats[index + 1] if index + 1 < len(seats) else None
        continued = follows is not None and seat.end and follows.start <= seat.end + _DAY
        if seat.end and not continued:
            text = labels.say("%(name)s leaves the Forum", name=member.name)
            found.append(Event(seat.end, "membership", text, src))
    return found


_DAY = timedelta(days=1)


def timeline_page(ctx: Context) -> GeneratedPage:
    found = events(ctx.records)
    by_year = [(year, list(group)) for year, group in groupby(found, key=lambda e: e.day.year)]
    counts = Counter(e.kind for e in found)
    return ctx.page(
        section_src("timeline"),
        "timeline.html.j2",
        labels._("Timeline"),
        by_year=by_year,
        kinds=[
            (kind, labels._(names[0]), counts[kind])
            for kind, names in KINDS.items()
            if counts[kind]
        ],
        kind_names={kind: labels._(names[1]) for kind, names in KINDS.items()},
    )
