"""The OGP's minimum requirements for a Forum, judged from the findings and the records.

Drawn from the OGP multistakeholder forum handbook and the participation and co-creation
standards: each requirement is met, not met or not applicable, with the figure behind it
and the records that are its evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..records import ForumRecords
from .findings import Evidence, Finding

Verdict = Literal["met", "not_met", "not_applicable"]


@dataclass(frozen=True, slots=True)
class Requirement:
    key: str
    title: str
    verdict: Verdict
    figure: str
    evidence: tuple[Evidence, ...]
    findings: tuple[Finding, ...]


def _judge(
    key: str,
    title: str,
    findings: list[Finding],
    codes: set[str],
    applicable: bool,
    figure: Callable[[], str],
    evidence: tuple[Evidence, ...],
) -> Requirement:
    relevant = tuple(f for f in findings if f.code in codes and f.level == "concern")
    if not applicable:
        return Requirement(key, title, "not_applicable", figure(), evidence, ())
    verdict: Verdict = "not_met" if relevant else "met"
    return Requirement(key, title, verdict, figure(), evidence, relevant)


def requirements(
    records: ForumRecords, findings: list[Finding], held_meetings: list[str]
) -> list[Requirement]:
    forum = records.forum
    meetings = tuple(Evidence("meetings", m) for m in held_meetings)
    consultations = tuple(Evidence("consultations", c) for c in sorted(records.consultations))
    forum_assessments = sorted(a.stem for a in records.assessments.values() if a.subject == "forum")

    def count(codes: set[str]) -> int:
        return sum(1 for f in findings if f.code in codes)

    rules_public = bool(forum and forum.established and forum.body.strip())
    voting = [m for m in records.members.values() if any(s.votes for s in m.seats)]
    answered = sum(
        1
        for s in records.submissions.values()
        if s.response is not None and s.response.outcome != "pending"
    )
    return [
        Requirement(
            "forum-exists",
            "A Forum exists and its rules are public",
            "met" if rules_public else "not_met",
            (
                f"Established {forum.established.date} by "
                f"{(forum.established.instrument or 'act').replace('_', ' ')}"
                if forum and forum.established
                else "No establishment recorded"
            ),
            (Evidence("forum", ""),),
            (),
        ),
        _judge(
            "meets-regularly",
            "It meets regularly",
            findings,
            {"meeting-gap"},
            bool(held_meetings),
            lambda: f"{len(held_meetings)} meetings held; {count({'meeting-gap'})} gaps too long",
            meetings,
        ),
        _judge(
            "agendas-in-advance",
            "Agendas are announced in advance",
            findings,
            {"late-notice", "notice-unrecorded"},
            bool(held_meetings),
            lambda: (
                f"{count({'late-notice', 'notice-unrecorded'})} of {len(held_meetings)} "
                "held meetings announced late or without a recorded date"
            ),
            meetings,
        ),
        _judge(
            "decides-by-rules",
            "It decides by rules set in advance, with a quorum",
            findings,
            {"quorum-missed", "decision-without-quorum", "result-disagrees"},
            bool(held_meetings),
            lambda: (
                f"{count({'quorum-missed'})} of {len(held_meetings)} held meetings without "
                f"quorum; {count({'result-disagrees'})} decisions whose result disagrees with "
                "their rule"
            ),
            meetings,
        ),
        _judge(
            "minutes-published",
            "Minutes are published",
            findings,
            {"late-minutes", "minutes-overdue"},
            bool(held_meetings),
            lambda: (
                f"{count({'late-minutes', 'minutes-overdue'})} of {len(held_meetings)} "
                "held meetings with minutes late or missing"
            ),
            meetings,
        ),
        _judge(
            "membership-public",
            "Membership is public and balanced",
            findings,
            {"parity-broken"},
            bool(voting),
            lambda: (
                f"{len(records.members)} members listed; "
                f"{count({'parity-broken'})} periods out of balance"
            ),
            (Evidence("members", ""),),
        ),
        _judge(
            "consultations-documented",
            "Consultations are documented, with feedback to every submission",
            findings,
            {"timeline-late", "channels-lacking", "submission-unanswered", "summary-missing"},
            bool(records.consultations),
            lambda: (
                f"{len(records.consultations)} consultations; {answered} of "
                f"{len(records.submissions)} submissions answered"
            ),
            consultations,
        ),
        _judge(
            "self-assessment",
            "The Forum assesses itself",
            findings,
            {"assessment-gap"},
            bool(forum and forum.rules.assessment_every_months),
            lambda: f"{len(forum_assessments)} self-assessments of the Forum published",
            tuple(Evidence("assessments", a) for a in forum_assessments),
        ),
    ]
