"""What the pages need beyond layer 2's facts: what comes next, what is current, who
mentions what. Counting rules (quorum, progress, overdue milestones) come from
`openforum.facts`, so that pages and `openforum check` always agree.

Everything here is a pure function of the records and a given `today`, so that a build
is reproducible and tests can fix the date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import get_args

from ..facts.commitments import is_overdue
from ..facts.forum import ForumFacts
from ..facts.roster import seat_on
from ..records import ForumRecords
from ..records.model import (
    AgendaItem,
    Commitment,
    CommitmentStatus,
    Consultation,
    Decision,
    Meeting,
    Member,
    Milestone,
    Plan,
    ProgressEntry,
    Seat,
    Sector,
    Submission,
)

COMMITMENT_STATUSES: tuple[str, ...] = get_args(CommitmentStatus)
SECTORS: tuple[str, ...] = get_args(Sector)
FINISHED = frozenset({"complete", "withdrawn"})


# Commitments -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int  # cancelled milestones are left out: they will never be done

    @property
    def share(self) -> float | None:
        return self.done / self.total if self.total else None


def progress(facts: ForumFacts, commitment: Commitment) -> Progress:
    """From the facts derived once per build (layer 2), not counted again per page."""
    found = facts.commitments[commitment.stem]
    return Progress(found.done, found.total)


def milestone_overdue(milestone: Milestone, today: date) -> bool:
    return is_overdue(milestone, today)


def plan_closed(records: ForumRecords, commitment: Commitment) -> bool:
    plan = records.plans.get(commitment.plan)
    return plan is not None and plan.status == "closed"


def commitment_overdue(commitment: Commitment, today: date, closed: bool = False) -> bool:
    """Unfinished, and a milestone or the commitment's own period is past its end.

    A commitment of a closed plan is never overdue: its final status says how far it got.
    """
    if commitment.status in FINISHED or closed:
        return False
    if commitment.period and commitment.period.end < today:
        return True
    return any(is_overdue(m, today) for m in commitment.milestones)


def status_counts(commitments: list[Commitment]) -> dict[str, int]:
    """Count per IRM status, every status present (zero included), in scale order; and
    `not_reported` when some commitment has no status reported yet."""
    counts = dict.fromkeys(COMMITMENT_STATUSES, 0)
    for commitment in commitments:
        counts[commitment.status] += 1
    if not counts["not_reported"]:
        del counts["not_reported"]  # not on the IRM's scale: shown only where it occurs
    return counts


def status_changes(commitment: Commitment) -> list[ProgressEntry]:
    """Progress entries that change the status (the first always does)."""
    changes: list[ProgressEntry] = []
    previous: str | None = None
    for entry in commitment.progress:
        if entry.status != previous:
            changes.append(entry)
        previous = entry.status
    return changes


def commitments_of(records: ForumRecords, plan: str) -> list[Commitment]:
    return sorted((c for c in records.commitments.values() if c.plan == plan), key=by_number)


def commitments_by_plan(records: ForumRecords) -> dict[str, list[Commitment]]:
    """`commitments_of` every plan, in one pass."""
    found: dict[str, list[Commitment]] = defaultdict(list)
    for commitment in sorted(records.commitments.values(), key=by_number):
        if commitment.plan:
            found[commitment.plan].append(commitment)
    return dict(found)


def by_number(commitment: Commitment) -> tuple[tuple[int, str], ...]:
    """Numbers in the id compared as numbers: nap5-2 before nap5-10, US0113 before US0114."""
    return natural_key(commitment.stem)


def natural_key(text: str) -> tuple[tuple[int, str], ...]:
    return tuple(
        (int(part), "") if part.isdigit() else (-1, part)
        for part in re.split(r"([0-9]+)", text)
        if part
    )


# Plans ---------------------------------------------------------------------------------------


def plans_in_order(records: ForumRecords) -> list[Plan]:
    """Oldest first, by the start of the plan's period."""
    return sorted(records.plans.values(), key=lambda p: (p.period.start, p.stem))


def current_plan(records: ForumRecords, today: date) -> Plan | None:
    """The latest plan with commitments that has started; else the latest with commitments.

    A plan still in development has no commitments yet, so the home page keeps showing the
    plan being implemented.
    """
    by_plan = commitments_by_plan(records)  # one pass over the commitments, not one per plan
    with_commitments = [p for p in plans_in_order(records) if p.stem in by_plan]
    started = [p for p in with_commitments if p.period.start <= today]
    chosen = started or with_commitments
    return chosen[-1] if chosen else None


def current_phase(plan: Plan, today: date) -> str | None:
    for phase in plan.phases:
        if phase.start <= today and (phase.end is None or today <= phase.end):
            return phase.phase
    return None


# Meetings ------------------------------------------------------------------------------------


def meeting_day(meeting: Meeting) -> date:
    """The meeting's date as written in its record (the Forum's local date)."""
    return meeting.start.date()


def meetings_in_order(records: ForumRecords) -> list[Meeting]:
    return sorted(records.meetings.values(), key=lambda m: (m.start.replace(tzinfo=None), m.stem))


def upcoming_meetings(records: ForumRecords, today: date) -> list[Meeting]:
    if records.forum and records.forum.ended and records.forum.ended <= today:
        return []  # a Forum that was wound up has nothing upcoming
    return [m for m in meetings_in_order(records) if meeting_day(m) >= today]


def past_meetings(records: ForumRecords, today: date) -> list[Meeting]:
    """Newest first."""
    return [m for m in reversed(meetings_in_order(records)) if meeting_day(m) < today]


def next_meeting(records: ForumRecords, today: date) -> Meeting | None:
    return next((m for m in upcoming_meetings(records, today) if m.status == "scheduled"), None)


@dataclass(frozen=True, slots=True)
class DecisionAt:
    meeting: Meeting
    decision: Decision


def latest_decisions(records: ForumRecords, today: date, count: int = 5) -> list[DecisionAt]:
    """Newest meeting first; a meeting's decisions in the order it took them."""
    found = [
        DecisionAt(meeting, decision)
        for meeting in past_meetings(records, today + timedelta(days=1))
        for decision in meeting.decisions
    ]
    return found[:count]


# Consultations -------------------------------------------------------------------------------


def open_consultation(records: ForumRecords, today: date) -> Consultation | None:
    return next(
        (c for c in _consultations(records) if c.opens <= today <= c.closes),
        None,
    )


def coming_consultation(records: ForumRecords, today: date) -> Consultation | None:
    return next((c for c in _consultations(records) if c.opens > today), None)


def latest_consultation(records: ForumRecords, today: date) -> Consultation | None:
    closed = [c for c in _consultations(records) if c.closes < today]
    return closed[-1] if closed else None


def _consultations(records: ForumRecords) -> list[Consultation]:
    return sorted(records.consultations.values(), key=lambda c: (c.opens, c.stem))


def submissions_of(records: ForumRecords, consultation: str) -> list[Submission]:
    return sorted(
        (s for s in records.submissions.values() if s.consultation == consultation),
        key=lambda s: s.stem,
    )


def submissions_by_consultation(records: ForumRecords) -> dict[str, list[Submission]]:
    """`submissions_of` every consultation, in one pass."""
    found: dict[str, list[Submission]] = defaultdict(list)
    for submission in sorted(records.submissions.values(), key=lambda s: s.stem):
        found[submission.consultation].append(submission)
    return dict(found)


# Membership ---------------------------------------------------------------------------------


def sitting(records: ForumRecords, day: date) -> list[tuple[Member, Seat]]:
    """Members holding a seat on `day`, by name."""
    found = [(m, s) for m in records.members.values() if (s := seat_on(m, day))]
    return sorted(found, key=lambda pair: pair[0].name.casefold())


@dataclass(slots=True)
class SectorAttendance:
    sector: str
    present: list[Member] = field(default_factory=list)
    apologies: list[Member] = field(default_factory=list)


def attendance_by_sector(records: ForumRecords, meeting: Meeting) -> list[SectorAttendance]:
    rows = {sector: SectorAttendance(sector) for sector in SECTORS}
    if meeting.attendance:
        for member_id in meeting.attendance.present:
            if member := records.members.get(member_id):
                rows[member.sector].present.append(member)
        for member_id in meeting.attendance.apologies:
            if member := records.members.get(member_id):
                rows[member.sector].apologies.append(member)
    return [row for row in rows.values() if row.present or row.apologies]


def sector_attendance(records: ForumRecords) -> Callable[[Meeting], list[SectorAttendance]]:
    """`attendance_by_sector` of meeting after meeting, the last rows given again to a
    meeting whose lists are the last one's: where the same members attend meeting after
    meeting, each list is hundreds of names, and comparing them is a C loop."""
    last: tuple[object, object, list[SectorAttendance]] = (None, None, [])

    def rows(meeting: Meeting) -> list[SectorAttendance]:
        nonlocal last
        attended = meeting.attendance
        lists = (attended.present, attended.apologies) if attended else ((), ())
        if lists[0] == last[0] and lists[1] == last[1]:
            return last[2]
        found = attendance_by_sector(records, meeting)
        last = (*lists, found)
        return found

    return rows


@dataclass(slots=True)
class Attendance:
    present: list[Meeting] = field(default_factory=list)
    apologies: list[Meeting] = field(default_factory=list)


def attendance(records: ForumRecords) -> dict[str, Attendance]:
    """For each member, the meetings it was present at and sent apologies to, newest first."""
    found: dict[str, Attendance] = defaultdict(Attendance)
    # Meetings in a row with equal lists of those present (the same members at meeting after
    # meeting; as in `sector_attendance`, a C comparison, at once where the reader gave them
    # one list object) are given to each member at once.
    run: list[Meeting] = []
    listed: list[str] | None = None
    for meeting in reversed(meetings_in_order(records)):
        if meeting.attendance is None:
            continue
        if meeting.attendance.present != listed:
            _add_present(found, listed, run)
            run, listed = [], meeting.attendance.present
        run.append(meeting)
        if meeting.attendance.apologies:
            present = set(meeting.attendance.present)
            for member in dict.fromkeys(meeting.attendance.apologies):
                if member not in present:
                    found[member].apologies.append(meeting)
    _add_present(found, listed, run)
    return dict(found)


def _add_present(
    found: dict[str, Attendance], present: list[str] | None, run: list[Meeting]
) -> None:
    for member in dict.fromkeys(present or ()):  # a set, in order
        found[member].present.extend(run)


def commitments_by_member(records: ForumRecords) -> dict[str, tuple[list[str], list[str]]]:
    """For each member, the ids of the commitments it leads and supports, in id order."""
    found: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for key in sorted(records.commitments):
        commitment = records.commitments[key]
        if commitment.lead:
            found[commitment.lead][0].append(key)
        for member in dict.fromkeys(commitment.supporting):
            found[member][1].append(key)
    return dict(found)


# Who mentions a commitment ------------------------------------------------------------------


@dataclass(slots=True)
class Mentions:
    decisions: list[DecisionAt] = field(default_factory=list)
    agenda: list[tuple[Meeting, int, AgendaItem]] = field(default_factory=list)
    submissions: list[Submission] = field(default_factory=list)


def mentions(records: ForumRecords) -> dict[str, Mentions]:
    """Decisions, agenda items and submissions that reference each commitment, oldest first."""
    found: dict[str, Mentions] = defaultdict(Mentions)
    for meeting in meetings_in_order(records):
        for number, item in enumerate(meeting.agenda, start=1):
            for commitment in dict.fromkeys(item.commitments):
                found[commitment].agenda.append((meeting, number, item))
        for decision in meeting.decisions:
            for commitment in dict.fromkeys(decision.commitments):
                found[commitment].decisions.append(DecisionAt(meeting, decision))
    for submission in sorted(records.submissions.values(), key=lambda s: (s.submitted, s.key)):
        if submission.response:
            for commitment in dict.fromkeys(submission.response.commitments):
                found[commitment].submissions.append(submission)
    return dict(found)
