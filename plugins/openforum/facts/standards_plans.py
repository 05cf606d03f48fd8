"""The OGP minimum requirements that belong to one action plan's cycle, judged per plan.

Co-creation: 3.1 the timeline and ways to take part published at least two weeks before
co-creation starts; 3.2 outreach; 3.3 a way to give input over a fair period; 4.1 a
reasoned response to every contribution. Implementation: 5.1 at least two meetings a year
with civil society. A plan's co-creation is its consultations (`plan:` or the plan's
`consultation:`); it starts when the first opens, or else with the development phase.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..records import ForumRecords
from ..records.model import Consultation, Plan, Submission
from .calendar import add_months
from .consultations import TIMELINE_NOTICE_DAYS, reasoned
from .findings import Evidence
from .verdicts import Judgement, Shortfall, judged, listed, not_applicable

TWO_WEEKS = TIMELINE_NOTICE_DAYS
# The standards ask for input "over a reasonable period" without a number of days; the
# project reads it as at least the two weeks they ask for the timeline's notice.
FAIR_PERIOD_DAYS = 14
MEETINGS_A_YEAR = 2


@dataclass(frozen=True, slots=True)
class Cycles:
    """What every plan's verdicts read, gathered once: submissions by consultation, and
    the meetings held or whose outcome is unknown (past, still `scheduled`), by date."""

    today: date
    consultations: dict[str, list[Consultation]]  # by the plan they name
    submissions: dict[str, list[Submission]]
    held: list[tuple[date, str]]
    unknown: list[tuple[date, str]]

    @classmethod
    def of(cls, records: ForumRecords, today: date) -> Cycles:
        consultations: dict[str, list[Consultation]] = {}
        for consultation in records.consultations.values():
            if consultation.plan:
                consultations.setdefault(consultation.plan, []).append(consultation)
        submissions: dict[str, list[Submission]] = {}
        for submission in sorted(records.submissions.values(), key=lambda s: s.stem):
            submissions.setdefault(submission.consultation, []).append(submission)
        meetings = records.meetings.values()
        held = sorted((m.start.date(), m.stem) for m in meetings if m.status == "held")
        unknown = sorted(
            (m.start.date(), m.stem)
            for m in meetings
            if m.status == "scheduled" and m.start.date() < today
        )
        return cls(today, consultations, submissions, held, unknown)


# A check returns its shortfalls, or None when nothing it looks at is due yet.
CoCreationCheck = Callable[[Plan, list[Consultation], Cycles], list[Shortfall] | None]


def plan_judgements(
    records: ForumRecords, today: date, ended: date | None, in_force: date
) -> list[Judgement]:
    judgements: list[Judgement] = []
    checks: tuple[tuple[str, CoCreationCheck], ...] = (
        ("ogp-3.1", _timeline),
        ("ogp-3.2", _outreach),
        ("ogp-3.3", _input),
        ("ogp-4.1", _responses),
    )
    plans = sorted(records.plans.values(), key=lambda p: (p.period.start, p.stem))
    cycles = Cycles.of(records, today)
    for requirement, check in checks:
        for plan in plans:
            judgements.append(_co_creation(requirement, check, plan, records, cycles, in_force))
    for plan in plans:
        judgements.append(open_implementation(plan, cycles, ended, in_force))
    return judgements


def consultations_of(plan: Plan, records: ForumRecords, cycles: Cycles) -> list[Consultation]:
    found = list(cycles.consultations.get(plan.stem, []))
    linked = records.consultations.get(plan.consultation or "")
    if linked is not None and linked not in found:
        found.append(linked)
    return sorted(found, key=lambda c: (c.opens, c.stem))


def co_creation_start(plan: Plan, consultations: list[Consultation]) -> date | None:
    if consultations:
        return consultations[0].opens
    return next((p.start for p in plan.phases if p.phase == "development"), None)


def _phase(plan: Plan, name: str) -> tuple[date, date] | None:
    found = next((p for p in plan.phases if p.phase == name), None)
    if found is None:
        return None
    return found.start, found.end or plan.period.end


def _co_creation(
    requirement: str,
    check: CoCreationCheck,
    plan: Plan,
    records: ForumRecords,
    cycles: Cycles,
    in_force: date,
) -> Judgement:
    today = cycles.today
    consultations = consultations_of(plan, records, cycles)
    start = co_creation_start(plan, consultations)
    evidence = [
        Evidence("plans", plan.stem),
        *(Evidence("consultations", c.stem) for c in consultations),
    ]
    figures: dict[str, object] = {"co_creation_start": start, "consultations": len(consultations)}
    if (start or plan.period.start) < in_force:
        return not_applicable(requirement, "ogp", "before-standards", figures, evidence, plan.stem)
    if start is not None and start - timedelta(days=TWO_WEEKS) > today:
        return not_applicable(requirement, "ogp", "not-due", figures, evidence, plan.stem)
    if not consultations:
        missing = Shortfall(
            "co-creation-unrecorded",
            "not_verifiable",
            Evidence("plans", plan.stem),
            {},
            "consultation",
        )
        return judged(requirement, "ogp", [missing], figures, evidence, plan.stem)
    shortfalls = check(plan, consultations, cycles)
    if shortfalls is None:
        return not_applicable(requirement, "ogp", "not-due", figures, evidence, plan.stem)
    figures.update(_figures(requirement, consultations, cycles))
    evidence += [s.subject for s in shortfalls]
    return judged(requirement, "ogp", shortfalls, figures, evidence, plan.stem)


def _figures(
    requirement: str, consultations: list[Consultation], cycles: Cycles
) -> dict[str, object]:
    if requirement == "ogp-3.1":
        notices = [
            (c.opens - c.timeline_published).days for c in consultations if c.timeline_published
        ]
        return {"notice_days": min(notices, default=None), "needed_days": TWO_WEEKS}
    if requirement == "ogp-3.2":
        return {"awareness": sum(len(c.awareness) for c in consultations)}
    if requirement == "ogp-3.3":
        return {
            "channels": len({ch for c in consultations for ch in c.channels}),
            "open_days": max((c.closes - c.opens).days for c in consultations),
            "needed_days": FAIR_PERIOD_DAYS,
        }
    submissions = [s for c in consultations for s in cycles.submissions.get(c.stem, [])]
    return {
        "submissions": len(submissions),
        "answered": sum(1 for s in submissions if reasoned(s)),
    }


def _timeline(
    plan: Plan, consultations: list[Consultation], cycles: Cycles
) -> list[Shortfall] | None:
    """3.1: the timeline online at least two weeks before each consultation opens."""
    found = []
    for c in consultations:
        subject = Evidence("consultations", c.stem)
        if c.timeline_published is None:
            if c.opens - timedelta(days=TWO_WEEKS) <= cycles.today:
                found.append(
                    Shortfall(
                        "timeline-undated", "not_verifiable", subject, {}, "timeline_published"
                    )
                )
            continue
        notice = (c.opens - c.timeline_published).days
        if notice < TWO_WEEKS:
            values = {
                "days": notice,
                "needed": TWO_WEEKS,
                "published": c.timeline_published,
                "opens": c.opens,
            }
            found.append(Shortfall("timeline-late", "not_met", subject, values))
    return found


def _outreach(
    plan: Plan, consultations: list[Consultation], cycles: Cycles
) -> list[Shortfall] | None:
    """3.2: outreach and awareness raising, as the consultation's `awareness` records it."""
    opened = [c for c in consultations if c.opens <= cycles.today]
    if not opened:
        return None
    return [
        Shortfall(
            "outreach-unrecorded",
            "not_verifiable",
            Evidence("consultations", c.stem),
            {},
            "awareness",
        )
        for c in opened
        if not c.awareness
    ]


def _input(plan: Plan, consultations: list[Consultation], cycles: Cycles) -> list[Shortfall] | None:
    """3.3: a way to give input (channels, or submissions received) open a fair period."""
    opened = [c for c in consultations if c.opens <= cycles.today]
    if not opened:
        return None
    found = []
    received = cycles.submissions
    for c in opened:
        subject = Evidence("consultations", c.stem)
        if not c.channels and c.stem not in received:
            found.append(
                Shortfall("channels-unrecorded", "not_verifiable", subject, {}, "channels")
            )
        days = (c.closes - c.opens).days
        if days < FAIR_PERIOD_DAYS:
            found.append(
                Shortfall(
                    "input-period-short",
                    "not_met",
                    subject,
                    {"days": days, "needed": FAIR_PERIOD_DAYS},
                )
            )
    return found


def _responses(
    plan: Plan, consultations: list[Consultation], cycles: Cycles
) -> list[Shortfall] | None:
    """4.1: after a consultation closes, a response with its reason to every submission
    (a response without `reason`, or `pending`, is not one); with no submission, the
    published summary of how input was used."""
    closed = [c for c in consultations if c.closes < cycles.today]
    if not closed:
        return None
    found = []
    for c in closed:
        submissions = cycles.submissions.get(c.stem, [])
        for s in submissions:
            if reasoned(s):
                continue
            code = (
                "response-missing"
                if s.response is None
                else "response-pending"
                if s.response.outcome == "pending"
                else "response-unreasoned"
            )
            where = Evidence("consultations", c.stem, f"submission-{s.stem}")
            found.append(
                Shortfall(
                    code,
                    "not_met",
                    where,
                    {"submission": s.stem},
                    "response" if s.response is None else "response.reason",
                )
            )
        if not submissions and c.summary_published is None:
            found.append(
                Shortfall(
                    "summary-unrecorded",
                    "not_verifiable",
                    Evidence("consultations", c.stem),
                    {},
                    "summary_published",
                )
            )
    return found


def open_implementation(
    plan: Plan, cycles: Cycles, ended: date | None, in_force: date
) -> Judgement:
    """5.1: in each year of the plan's implementation, at least two meetings of the Forum
    (any kind: the space where government and civil society sit together). A year still
    running is judged only once it has them; a past meeting still `scheduled` may have
    been held, so a year that needs it cannot be told."""
    start, end = _phase(plan, "implementation") or (plan.period.start, plan.period.end)
    plan_ev = Evidence("plans", plan.stem)
    figures: dict[str, object] = {"from": start, "to": end, "needed_per_year": MEETINGS_A_YEAR}
    if start < in_force:
        return not_applicable("ogp-5.1", "ogp", "before-standards", figures, (plan_ev,), plan.stem)
    today = cycles.today
    if start > today:
        return not_applicable("ogp-5.1", "ogp", "not-started", figures, (plan_ev,), plan.stem)
    until = min(end, today, ended or today)
    held, unknown = cycles.held, cycles.unknown
    shortfalls: list[Shortfall] = []
    meetings: list[str] = []
    judged_years = 0
    year_start = start
    while year_start <= until:
        year_end = min(add_months(year_start, 12) - timedelta(days=1), end)
        # A part-year shorter than six months (a plan of 18 months' last part) needs one.
        needed = MEETINGS_A_YEAR if year_end >= add_months(year_start, 6) - timedelta(days=1) else 1
        count = [stem for day, stem in held if year_start <= day <= year_end]
        maybe = [stem for day, stem in unknown if year_start <= day <= year_end]
        meetings += count
        values = {"from": year_start, "to": year_end, "meetings": len(count), "needed": needed}
        if len(count) >= needed:
            judged_years += 1
        elif year_end > until:
            pass  # the year is still running (or the Forum ended in it): not judged
        elif len(count) + len(maybe) >= needed:
            judged_years += 1
            shortfalls += [
                Shortfall(
                    "meeting-status-unknown",
                    "not_verifiable",
                    Evidence("meetings", stem),
                    values,
                    "status",
                )
                for stem in maybe
            ]
        else:
            judged_years += 1
            shortfalls.append(Shortfall("implementation-meetings", "not_met", plan_ev, values))
        year_start = add_months(year_start, 12)
    figures["meetings"] = len(meetings)
    evidence = [plan_ev, *listed("meetings", meetings), *(s.subject for s in shortfalls)]
    if not judged_years:
        return not_applicable("ogp-5.1", "ogp", "under-way", figures, evidence, plan.stem)
    return judged("ogp-5.1", "ogp", shortfalls, figures, evidence, plan.stem)
