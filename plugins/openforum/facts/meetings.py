"""Per-meeting facts: quorum, what each decision's rule gives, notice, and minutes."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from ..records import ForumRecords
from ..records.bodies import counting_rules, decision_rules
from ..records.model import Decision, Meeting
from .findings import Evidence, Finding
from .roster import PresentCount, VotingSeats, count_present

VOTE_RESULTS = ("adopted", "rejected")


@dataclass(frozen=True, slots=True)
class Quorum:
    present: int
    seats: int
    needed: int
    share: Fraction

    @property
    def met(self) -> bool:
        return self.present >= self.needed

    @property
    def figures(self) -> dict[str, object]:
        return {"present": self.present, "seats": self.seats, "needed": self.needed}


@dataclass(frozen=True, slots=True)
class DecisionCheck:
    decision: Decision
    rule: str
    computed: str | None  # what the rule gives from the votes; None when it cannot say
    how: str  # how it was reached: a key of i18n.findings.HOW ("simple-majority")
    figures: Mapping[str, object]  # the figures `how` names

    @property
    def disagrees(self) -> bool:
        return (
            self.computed is not None
            and self.decision.result in VOTE_RESULTS
            and self.computed != self.decision.result
        )


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    meeting: Meeting
    attendance: PresentCount | None
    quorum: Quorum | None
    decisions: tuple[DecisionCheck, ...]
    notice_days: int | None  # days between notice and meeting
    minutes_lag: int | None  # days between meeting and published minutes
    findings: tuple[Finding, ...]


def needed_for(share: Fraction, seats: int) -> int:
    """Members needed for a quorum: the share of seats, rounded up (16 at 1/2 need 8)."""
    return math.ceil(share * seats)


Reached = tuple[str | None, str, dict[str, object]]


def rule_result(
    rule: str, decision: Decision, voting_seats: int, threshold: Fraction | None
) -> Reached:
    """The result a decision rule gives from the recorded votes (None when it cannot say),
    how it was reached (a key of i18n.findings.HOW) and the figures that says."""
    votes = decision.votes
    if rule == "consensus":
        if votes is None:
            return "adopted", "consensus-no-vote", {}
        return None, "consensus-with-votes", {}
    if votes is None:
        return None, "no-votes", {"rule": rule}
    yes, no = votes.in_favour or 0, votes.against or 0
    if rule == "simple_majority":
        return ("adopted" if yes > no else "rejected"), "simple-majority", {"yes": yes, "no": no}
    if rule == "absolute_majority":
        half = Fraction(voting_seats, 2)
        return (
            "adopted" if yes > half else "rejected",
            "absolute-majority",
            {"yes": yes, "seats": voting_seats},
        )
    if threshold is None:
        return None, "no-threshold", {}
    needed = threshold * (yes + no)
    figures = {"yes": yes, "cast": yes + no, "abstain": votes.abstain or 0, "threshold": threshold}
    return ("adopted" if yes >= needed else "rejected"), "qualified-majority", figures


def meeting_facts(
    meeting: Meeting,
    records: ForumRecords,
    today: date,
    seats: VotingSeats | None = None,
    present: PresentCount | None = None,
) -> MeetingFacts:
    """`present`: `count_present` of the meeting, where it was counted with the others
    (`roster.presence`)."""
    forum = records.forum
    rules = decision_rules(meeting, forum)  # decisions, notice and minutes
    quorum_rules = counting_rules(meeting, forum)  # None: a body the quorum rule skips
    day = meeting.start.date()
    subject = Evidence("meetings", meeting.stem)
    findings: list[Finding] = []
    held = meeting.status == "held"

    seats = seats or VotingSeats.of(records)
    attendance = None
    if held and meeting.attendance:
        attendance = present if present is not None else count_present(meeting, records, seats)
    quorum = None
    if attendance and quorum_rules and quorum_rules.quorum is not None:
        quorum = Quorum(
            attendance.present,
            attendance.voting_seats,
            needed_for(quorum_rules.quorum, attendance.voting_seats),
            quorum_rules.quorum,
        )
        if not quorum.met:
            findings.append(Finding("quorum-missed", "concern", subject, "quorum", quorum.figures))

    checks = []
    voting_seats = seats.count(day)
    for decision in meeting.decisions:
        rule = decision.rule or (rules.decision_rule if rules else "consensus")
        computed, how, figures = rule_result(
            rule, decision, voting_seats, rules.qualified_threshold if rules else None
        )
        check = DecisionCheck(decision, rule, computed, how, figures)
        said = {"decision": decision.id, "result": decision.result, "how": how, **figures}
        checks.append(check)
        where = Evidence("meetings", meeting.stem, f"decision-{decision.id}")
        if check.disagrees:
            findings.append(
                Finding(
                    "result-disagrees",
                    "concern",
                    where,
                    "result-disagrees",
                    {**said, "computed": computed},
                )
            )
        if rule != "consensus" and decision.votes is None and decision.result in VOTE_RESULTS:
            findings.append(Finding("votes-missing", "note", where, "votes-missing", said))
        if quorum and not quorum.met and decision.result in VOTE_RESULTS:
            findings.append(
                Finding(
                    "decision-without-quorum",
                    "concern",
                    where,
                    "decision-without-quorum",
                    {**said, "present": quorum.present, "needed": quorum.needed},
                )
            )

    notice = (day - meeting.announced).days if meeting.announced else None
    if rules and rules.notice_days is not None and meeting.status in ("held", "scheduled"):
        if notice is not None and notice < rules.notice_days:
            findings.append(
                Finding(
                    "late-notice",
                    "concern",
                    subject,
                    "late-notice",
                    {"days": notice, "needed": rules.notice_days},
                )
            )
        elif notice is None and held:
            findings.append(Finding("notice-unrecorded", "note", subject, "notice-unrecorded"))

    lag, minutes_findings = _minutes(
        meeting, day, rules.minutes_due_days if rules else None, today, subject
    )
    findings.extend(minutes_findings)
    return MeetingFacts(meeting, attendance, quorum, tuple(checks), notice, lag, tuple(findings))


def _minutes(
    meeting: Meeting, day: date, due_days: int | None, today: date, subject: Evidence
) -> tuple[int | None, list[Finding]]:
    if meeting.status != "held":
        return None, []
    minutes = meeting.minutes
    published = minutes.published if minutes else None
    lag = (published - day).days if published else None
    findings = []
    if due_days is not None and lag is not None and lag > due_days:
        findings.append(
            Finding(
                "late-minutes",
                "concern",
                subject,
                "late-minutes",
                {"days": lag, "due": due_days},
            )
        )
    elif due_days is not None and published is None and (today - day).days > due_days:
        findings.append(
            Finding(
                "minutes-overdue",
                "concern",
                subject,
                "minutes-overdue",
                {"days": (today - day).days, "due": due_days},
            )
        )
    if minutes and minutes.status == "draft":
        findings.append(Finding("minutes-draft", "note", subject, "minutes-draft"))
    return lag, findings
