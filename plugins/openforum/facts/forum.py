"""Every derived fact of a Forum, computed once per build and shared by pages and commands."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..records import ForumRecords
from .cadence import Balance, assessment_gaps, balance_findings, meeting_gaps, seat_balance
from .commitments import CommitmentFacts, commitment_facts
from .consultations import ConsultationFacts, consultation_facts
from .findings import Finding
from .meetings import MeetingFacts, meeting_facts
from .requirements import requirements
from .roster import VotingSeats, presence
from .verdicts import Judgement


@dataclass(frozen=True, slots=True)
class ForumFacts:
    today: date
    meetings: dict[str, MeetingFacts]
    commitments: dict[str, CommitmentFacts]
    consultations: dict[str, ConsultationFacts]
    balance: list[Balance]
    findings: list[Finding]
    requirements: list[Judgement]  # the OGP's minimum requirements, then the Forum's rules
    by_subject: dict[tuple[str, str], list[Finding]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Pages and exports ask for each record's findings: an index, not a pass each time.
        index: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        for finding in self.findings:
            index[(finding.subject.kind, finding.subject.id)].append(finding)
        self.by_subject.update(index)

    def findings_about(self, kind: str, record_id: str) -> list[Finding]:
        return list(self.by_subject.get((kind, record_id), ()))


def derive(records: ForumRecords, today: date) -> ForumFacts:
    findings: list[Finding] = []
    seats = VotingSeats.of(records)
    present = presence(records)
    meetings = {}
    for meeting in sorted(records.meetings.values(), key=lambda m: m.start):
        facts = meeting_facts(meeting, records, today, seats, present.get(id(meeting)))
        meetings[meeting.stem] = facts
        findings.extend(facts.findings)
    findings.extend(meeting_gaps(records, today))
    commitments = {}
    for commitment in records.commitments.values():
        commitments[commitment.stem], found = commitment_facts(commitment, records, today)
        findings.extend(found)
    consultations = {}
    for consultation in records.consultations.values():
        consultations[consultation.stem], found = consultation_facts(consultation, records, today)
        findings.extend(found)
    findings.extend(assessment_gaps(records, today))
    balance = seat_balance(records, today, seats)
    findings.extend(balance_findings(records, today, balance))
    held = [m for m, f in meetings.items() if f.meeting.status == "held"]
    return ForumFacts(
        today,
        meetings,
        commitments,
        consultations,
        balance,
        findings,
        requirements(records, findings, held, today),
    )
