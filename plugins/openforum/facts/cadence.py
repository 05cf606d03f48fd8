"""Facts across time: gaps between plenaries, self-assessment cadence, and seat balance."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta

from ..records import ForumRecords
from ..records.bodies import counting_rules
from ..records.model import Meeting
from .calendar import add_months
from .findings import Evidence, Finding
from .roster import VotingSeats

SUCCESSOR_WINDOW = timedelta(days=31)


def meeting_gaps(records: ForumRecords, today: date) -> list[Finding]:
    """Held plenaries further apart than `max_meeting_gap_months` (exactly the limit is fine).

    Each body the cadence rule applies to is counted apart (see `cadence_groups`); nothing
    is counted after the day the Forum ended.
    """
    end = counted_until(records, today)
    findings = []
    for limit, held in cadence_groups(records):
        findings.extend(_gaps(held, limit, end))
    return findings


def counted_until(records: ForumRecords, today: date) -> date:
    """Today, or the day the Forum was wound up (`ended`) when that came first."""
    ended = records.forum.ended if records.forum else None
    return min(today, ended) if ended else today


def _gaps(held: list[Meeting], limit: int, today: date) -> list[Finding]:
    held = sorted(held, key=lambda m: m.start)
    findings = []
    for earlier, later in itertools.pairwise(held):
        first, second = earlier.start.date(), later.start.date()
        if second > add_months(first, limit):
            findings.append(
                Finding(
                    "meeting-gap",
                    "concern",
                    Evidence("meetings", later.stem),
                    "plenary-gap",
                    {"days": (second - first).days, "from": first, "to": second, "months": limit},
                    (Evidence("meetings", earlier.stem),),
                )
            )
    if held and today > add_months(held[-1].start.date(), limit):
        last = held[-1].start.date()
        findings.append(
            Finding(
                "meeting-gap",
                "concern",
                Evidence("meetings", held[-1].stem),
                "no-meeting-since" if held[-1].body_id else "no-plenary-since",
                {"since": last, "days": (today - last).days, "today": today, "months": limit},
            )
        )
    return findings


def cadence_groups(records: ForumRecords) -> list[tuple[int, list[Meeting]]]:
    """Held meetings counted together for cadence, each with its gap limit in months.

    Meetings that name no body: the plenaries (`kind: plenary`) under the Forum's rules.
    Meetings of a body: together, under its own rules, or the Forum's for a plenary body.
    """
    forum = records.forum
    if forum is None:
        return []
    groups: dict[str, list[Meeting]] = {}
    limits: dict[str, int] = {}
    for meeting in records.meetings.values():
        if meeting.status != "held" or (not meeting.body_id and meeting.kind != "plenary"):
            continue
        rules = counting_rules(meeting, forum)
        if rules is None or rules.max_meeting_gap_months is None:
            continue
        key = meeting.body_id or ""
        groups.setdefault(key, []).append(meeting)
        limits[key] = rules.max_meeting_gap_months
    return [(limits[key], groups[key]) for key in sorted(groups)]


def assessment_gaps(records: ForumRecords, today: date) -> list[Finding]:
    """Forum self-assessments later than `assessment_every_months` after the previous one.

    The clock starts when the Forum was established and runs to today.
    """
    forum = records.forum
    if forum is None or forum.rules.assessment_every_months is None:
        return []
    every = forum.rules.assessment_every_months
    today = counted_until(records, today)
    published = sorted(
        (a.published, a.stem)
        for a in records.assessments.values()
        if a.subject == "forum" and a.published
    )
    start = forum.established.date if forum.established else None
    marks: list[tuple[date | None, str | None]] = [(start, None), *published, (today, None)]
    findings = []
    for (since, since_id), (until, until_id) in itertools.pairwise(marks):
        if since is None or until is None or until <= add_months(since, every):
            continue
        evidence = Evidence("assessments", until_id) if until_id else Evidence("forum", "")
        findings.append(
            Finding(
                "assessment-gap",
                "concern",
                evidence,
                "assessment-gap" if until_id else "assessment-gap-today",
                {"days": (until - since).days, "since": since, "until": until, "months": every},
                (Evidence("assessments", since_id),) if since_id else (),
            )
        )
    return findings


@dataclass(frozen=True, slots=True)
class Balance:
    start: date
    end: date | None  # None: to this day
    government: int
    other: int

    @property
    def balanced(self) -> bool:
        return self.government == self.other


def seat_balance(
    records: ForumRecords, today: date, seats: VotingSeats | None = None
) -> list[Balance]:
    """Government against non-government voting seats over time, one row per change."""
    changes = sorted(
        {
            day
            for member in records.members.values()
            for seat in member.seats
            if seat.votes and seat.start
            for day in (seat.start, seat.end + timedelta(days=1) if seat.end else None)
            if day is not None and day <= today
        }
    )
    seats = seats or VotingSeats.of(records)
    rows: list[Balance] = []
    for index, day in enumerate(changes):
        government = seats.count(day, government=True)
        end = changes[index + 1] - timedelta(days=1) if index + 1 < len(changes) else None
        row = Balance(day, end, government, seats.count(day, government=False))
        if rows and (rows[-1].government, rows[-1].other) == (row.government, row.other):
            rows[-1] = Balance(rows[-1].start, end, row.government, row.other)
        else:
            rows.append(row)
    return rows


def balance_findings(
    records: ForumRecords, today: date, balance: list[Balance] | None = None
) -> list[Finding]:
    forum = records.forum
    findings = []
    if forum and forum.rules.parity:
        for row in balance if balance is not None else seat_balance(records, today):
            if not row.balanced and row.government + row.other:
                findings.append(
                    Finding(
                        "parity-broken",
                        "concern",
                        Evidence("members", ""),
                        "parity-broken" if row.end else "parity-broken-open",
                        {
                            "from": row.start,
                            "to": row.end,
                            "government": row.government,
                            "other": row.other,
                        },
                    )
                )
    findings.extend(_terms_without_successor(records))
    return findings


def _terms_without_successor(records: ForumRecords) -> list[Finding]:
    """Voting terms that end with no voting seat of the same sector starting soon after."""
    starts = [
        (member.sector, seat.start)
        for member in records.members.values()
        for seat in member.seats
        if seat.votes and seat.start
    ]
    findings = []
    for member in records.members.values():
        for seat in member.seats:
            if not seat.votes or seat.end is None:
                continue
            window_end = seat.end + SUCCESSOR_WINDOW
            if not any(
                sector == member.sector and seat.end < start <= window_end
                for sector, start in starts
            ):
                findings.append(
                    Finding(
                        "no-successor",
                        "note",
                        Evidence("members", member.stem),
                        "no-successor",
                        {
                            "name": member.name,
                            "role": seat.role,
                            "end": seat.end,
                            "sector": member.sector,
                            "days": SUCCESSOR_WINDOW.days,
                        },
                    )
                )
    return findings
