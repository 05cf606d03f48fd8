"""Per-meeting facts: quorum, what each decision's rule gives, notice, and minutes."""

from __future__ import annotations

import math
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

    def describe(self) -> str:
        verdict = "Quorum met" if self.met else "Quorum not met"
        return (
            f"{verdict}: {self.present} of {self.seats} voting members present "
            f"({self.needed} needed)"
        )


@dataclass(frozen=True, slots=True)
class DecisionCheck:
    decision: Decision
    rule: str
    computed: str | None  # what the rule gives from the votes; None when it cannot say
    explanation: str

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


def rule_result(
    rule: str, decision: Decision, voting_seats: int, threshold: Fraction | None
) -> tuple[str | None, str]:
    """The result a decision rule gives from the recorded votes, and how it was reached."""
    votes = decision.votes
    if rule == "consensus":
        if votes is None:
            return "adopted", "consensus: no vote recorded"
        return None, "consensus, yet votes are recorded"
    if votes is None:
        return None, f"{rule.replace('_', ' ')}: no votes recorded"
    yes, no = votes.in_favour or 0, votes.against or 0
    if rule == "simple_majority":
        return ("adopted" if yes > no else "rejected"), f"{yes} for against {no}: more for needed"
    if rule == "absolute_majority":
        half = Fraction(voting_seats, 2)
        return (
            "adopted" if yes > half else "rejected",
            f"{yes} for; more than half of {voting_seats} voting seats needed",
        )
    if threshold is None:
        return None, "qualified majority without a threshold in the Forum's rules"
    needed = threshold * (yes + no)
    return (
        "adopted" if yes >= needed else "rejected",
        f"{yes} for of {yes + no} votes cast ({votes.abstain or 0} abstentions not counted); "
        f"{threshold} of votes cast needed",
    )


def meeting_facts(
    meeting: Meeting, records: ForumRecords, today: date, seats: VotingSeats | None = None
) -> MeetingFacts:
    forum = records.forum
    rules = decision_rules(meeting, forum)  # decisions, notice and minutes
    quorum_rules = counting_rules(meeting, forum)  # None: a body the quorum rule skips
    day = meeting.start.date()
    subject = Evidence("meetings", meeting.stem)
    findings: list[Finding] = []
    held = meeting.status == "held"

    seats = seats or VotingSeats.of(records)
    attendance = count_present(meeting, records, seats) if held and meeting.attendance else None
    quorum = None
    if attendance and quorum_rules and quorum_rules.quorum is not None:
        quorum = Quorum(
            attendance.present,
            attendance.voting_seats,
            needed_for(quorum_rules.quorum, attendance.voting_seats),
            quorum_rules.quorum,
        )
        if not quorum.met:
            findings.append(Finding("quorum-missed", "concern", subject, quorum.describe(), ()))

    checks = []
    voting_seats = seats.count(day)
    for decision in meeting.decisions:
        rule = decision.rule or (rules.decision_rule if rules else "consensus")
        computed, why = rule_result(
            rule, decision, voting_seats, rules.qualified_threshold if rules else None
        )
        check = DecisionCheck(decision, rule, computed, why)
        checks.append(check)
        where = Evidence("meetings", meeting.stem, f"decision-{decision.id}")
        if check.disagrees:
            findings.append(
                Finding(
                    "result-disagrees",
                    "concern",
                    where,
                    f"Decision {decision.id} is recorded as {decision.result}, but "
                    f"{why} gives {computed}",
                )
            )
        if rule != "consensus" and decision.votes is None and decision.result in VOTE_RESULTS:
            findings.append(
                Finding("votes-missing", "note", where, f"Decision {decision.id}: {why}")
            )
        if quorum and not quorum.met and decision.result in VOTE_RESULTS:
            findings.append(
                Finding(
                    "decision-without-quorum",
                    "concern",
                    where,
                    f"Decision {decision.id} was {decision.result} at a meeting without "
                    f"quorum ({quorum.present} of {quorum.needed} needed)",
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
                    f"Announced {notice} days before the meeting; the rules ask for "
                    f"{rules.notice_days}",
                )
            )
        elif notice is None and held:
            findings.append(
                Finding("notice-unrecorded", "note", subject, "No announcement date recorded")
            )

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
                f"Minutes published {lag} days after the meeting; the rules allow {due_days}",
            )
        )
    elif due_days is not None and published is None and (today - day).days > due_days:
        findings.append(
            Finding(
                "minutes-overdue",
                "concern",
                subject,
                f"Minutes not published {(today - day).days} days after the meeting; the "
                f"rules allow {due_days}",
            )
        )
    if minutes and minutes.status == "draft":
        findings.append(Finding("minutes-draft", "note", subject, "Minutes are still in draft"))
    return lag, findings
