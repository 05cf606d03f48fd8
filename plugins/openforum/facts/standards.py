"""The OGP Participation and Co-Creation Standards (in force from 1 January 2022): a verdict
for each minimum requirement, numbered as the OGP numbers them.

Forum-wide here (1.1 space for dialogue, 2.1 website, 2.2 repository); per action plan in
`standards_plans` (3.1 to 3.3 and 4.1 for its co-creation, 5.1 for its implementation).
The thresholds are the OGP's own, never the Forum's rules: six months, two weeks, twice a
year, two meetings a year. Only what lies from 1 January 2022 on is judged.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..records import ForumRecords
from .calendar import add_months
from .dated import Dated, dated_records, undated_records
from .findings import Evidence
from .standards_plans import plan_judgements
from .verdicts import Judgement, Shortfall, judged, listed, not_applicable

IN_FORCE = date(2022, 1, 1)
SIX_MONTHS = 6
FORUM = Evidence("forum", "")
MEMBERS = Evidence("members", "")
# Sides of the space for dialogue: the OGP asks for government and civil society.
GOVERNMENT, CIVIL_SOCIETY = "government", "civil_society"


@dataclass(frozen=True, slots=True)
class Window:
    """The stretch of the Forum's life judged: from its start (or 1 January 2022, when the
    standards came into force) to today (or the day it was wound up)."""

    start: date
    end: date


def ogp_judgements(records: ForumRecords, today: date) -> list[Judgement]:
    window = judged_window(records, today)
    return [
        space_for_dialogue(records, window, today),
        website(records),
        repository(records, window),
        *plan_judgements(records, today, ended_on(records), IN_FORCE),
    ]


def ended_on(records: ForumRecords) -> date | None:
    # `ended` is a version 2 field of forum.md (records.md): read it when the model has it.
    ended = getattr(records.forum, "ended", None)
    return ended if isinstance(ended, date) else None


def judged_window(records: ForumRecords, today: date) -> Window | None:
    """None when nothing of the Forum's life falls under the standards (yet)."""
    forum = records.forum
    if forum is None:
        return None
    starts = [seat.start for m in records.members.values() for seat in m.seats]
    starts += [m.start.date() for m in records.meetings.values() if m.status == "held"]
    begun = forum.established.date if forum.established else min(starts, default=None)
    if begun is None:
        return None
    ended = ended_on(records)
    end = min(today, ended) if ended else today
    start = max(begun, IN_FORCE)
    return Window(start, end) if start <= end else None


def stretches(
    start: date, marks: Sequence[Dated], end: date
) -> list[tuple[Dated | None, Dated | None, date, date]]:
    """From `start` through the marks within it to `end`, each stretch between two points:
    (the mark before or None for `start`, the mark after or None for `end`, from, to)."""
    points: list[tuple[date, Dated | None]] = [(start, None)]
    points += [(m.day, m) for m in marks if start <= m.day <= end]
    points.append((end, None))
    return [
        (before, after, first, second)
        for (first, before), (second, after) in itertools.pairwise(points)
    ]


def gaps(
    start: date, marks: Sequence[Dated], end: date, months: int = SIX_MONTHS
) -> list[tuple[Dated | None, Dated | None, date, date]]:
    """The stretches longer than `months`."""
    return [s for s in stretches(start, marks, end) if s[3] > add_months(s[2], months)]


def longest(start: date, marks: Sequence[Dated], end: date) -> int:
    return max((second - first).days for _, _, first, second in stretches(start, marks, end))


def _gap_values(first: date, second: date) -> dict[str, object]:
    return {"from": first, "to": second, "days": (second - first).days, "months": SIX_MONTHS}


def space_for_dialogue(records: ForumRecords, window: Window | None, today: date) -> Judgement:
    """1.1: a space where government and civil society both sit, which meets at least every
    six months (a meeting of any kind counts), and whose rules on participation are public."""
    if window is None:
        return not_applicable("ogp-1.1", "ogp", "outside-standards", evidence=(FORUM,))
    forum = records.forum
    shortfalls: list[Shortfall] = []
    if forum is not None and not (
        forum.body.strip() or (forum.established and forum.established.url)
    ):
        shortfalls.append(Shortfall("rules-unpublished", "not_verifiable", FORUM, {}, "body"))
    sides = seats_by_side(records, window)
    for side in (GOVERNMENT, CIVIL_SOCIETY):
        if not sides.get(side):
            shortfalls.append(Shortfall("side-missing", "not_met", MEMBERS, {"side": side}))
    held = sorted(
        (
            Dated(m.start.date(), Evidence("meetings", m.stem), "start")
            for m in records.meetings.values()
            if m.status == "held"
        ),
        key=lambda d: d.day,
    )
    # A meeting whose day has passed and still reads "scheduled" may have been held.
    unknown = [
        Dated(m.start.date(), Evidence("meetings", m.stem), "status")
        for m in records.meetings.values()
        if m.status == "scheduled" and m.start.date() < today
    ]
    in_window = [d for d in held if window.start <= d.day <= window.end]
    for before, after, first, second in gaps(window.start, in_window, window.end):
        inside = sorted((u for u in unknown if first < u.day < second), key=lambda u: u.day)
        closes = not gaps(first, inside, second)
        subject = _bound(before, after)
        if inside and closes:
            shortfalls += [
                Shortfall(
                    "meeting-status-unknown",
                    "not_verifiable",
                    u.evidence,
                    _gap_values(first, second),
                    "status",
                )
                for u in inside
            ]
        else:
            shortfalls.append(
                Shortfall("meeting-gap", "not_met", subject, _gap_values(first, second))
            )
    figures = {
        "meetings": len(in_window),
        "longest_gap_days": longest(window.start, in_window, window.end),
        "government": sides.get(GOVERNMENT, 0),
        "civil_society": sides.get(CIVIL_SOCIETY, 0),
        "from": window.start,
        "to": window.end,
    }
    evidence = [FORUM, MEMBERS, *listed("meetings", (d.evidence.id for d in in_window))]
    return judged("ogp-1.1", "ogp", shortfalls, figures, evidence)


def seats_by_side(records: ForumRecords, window: Window) -> dict[str, int]:
    """How many members of each sector held a seat (secretariat staff aside) in the window."""
    counts: dict[str, int] = {}
    for member in records.members.values():
        if any(
            seat.role != "secretariat"
            and seat.start <= window.end
            and (seat.end is None or seat.end >= window.start)
            for seat in member.seats
        ):
            counts[member.sector] = counts.get(member.sector, 0) + 1
    return counts


def website(records: ForumRecords) -> Judgement:
    """2.1: a public website on the Forum's OGP process: this site, built from the records."""
    if records.forum is None:
        return not_applicable("ogp-2.1", "ogp", "no-forum")
    return judged("ogp-2.1", "ogp", (), {}, (FORUM, Evidence("data", "")))


def repository(records: ForumRecords, window: Window | None) -> Judgement:
    """2.2: the repository updated at least twice a year: no six months without a dated
    record. A stretch where only undated records could fall cannot be told."""
    if window is None:
        return not_applicable("ogp-2.2", "ogp", "outside-standards")
    dated = dated_records(records, window.end)
    undated = undated_records(records, window.end)
    shortfalls: list[Shortfall] = []
    evidence: list[Evidence] = []
    for before, after, first, second in gaps(window.start, dated, window.end):
        could_fill = [u for u in undated if u.could_fall(first, second)]
        evidence += [m.evidence for m in (before, after) if m is not None]
        if could_fill:
            shortfalls += [
                Shortfall(
                    "date-unrecorded",
                    "not_verifiable",
                    u.evidence,
                    _gap_values(first, second),
                    u.field,
                )
                for u in could_fill
            ]
        else:
            subject = _bound(before, after)
            shortfalls.append(
                Shortfall("repository-gap", "not_met", subject, _gap_values(first, second))
            )
    in_window = [d for d in dated if d.day >= window.start]
    figures = {
        "dated": len(in_window),
        "last": in_window[-1].day if in_window else None,
        "longest_gap_days": longest(window.start, in_window, window.end),
        "from": window.start,
        "to": window.end,
    }
    if not evidence:
        evidence = _latest(in_window)
    return judged("ogp-2.2", "ogp", shortfalls, figures, evidence)


def _bound(before: Dated | None, after: Dated | None) -> Evidence:
    """The record a stretch is shown by: the one that ends it, else the one that begins it."""
    mark = after or before
    return mark.evidence if mark is not None else FORUM


def _latest(dated: Iterable[Dated], count: int = 4) -> list[Evidence]:
    """The records most recently updated: what shows the repository is kept up to date."""
    recent = list(dict.fromkeys(d.evidence for d in reversed(list(dated))))
    return recent[:count]
