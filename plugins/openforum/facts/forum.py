"""Every derived fact of a Forum, computed once per build and shared by pages and commands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..records import ForumRecords
from .cadence import Balance, assessment_gaps, balance_findings, meeting_gaps, seat_balance
from .commitments import CommitmentFacts, commitment_facts
from .consultations import ConsultationFacts, consultation_facts
from .findings import Finding
from .meetings import MeetingFacts, meeting_facts
from .requirements import Requirement, requirements


@dataclass(frozen=True, slots=True)
class ForumFacts:
    today: date
    meetings: dict[str, MeetingFacts]
    commitments: dict[str, CommitmentFacts]
    consultations: dict[str, ConsultationFacts]
    balance: list[Balance]
    findings: list[Finding]
    requirements: list[Requirement]

    def findings_about(self, kind: str, record_id: str) -> list[Finding]:
        return [f for f in self.findings if (f.subject.kind, f.subject.id) == (kind, record_id)]


def derive(records: ForumRecords, today: date) -> ForumFacts:
    findings: list[Finding] = []
    meetings = {}
    for meeting in sorted(records.meetings.values(), key=lambda m: m.start):
        facts = meeting_facts(meeting, records, today)
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
    findings.extend(balance_findings(records, today))
    held = [m for m, f in meetings.items() if f.meeting.status == "held"]
    return ForumFacts(
        today,
        meetings,
        commitments,
        consultations,
        seat_balance(records, today),
        findings,
        requirements(records, findings, held),
    )
