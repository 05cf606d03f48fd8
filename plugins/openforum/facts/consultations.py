"""Consultation facts: timeline notice, channels, answers to submissions, the summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..records import ForumRecords
from ..records.model import Consultation, Submission
from .findings import Evidence, Finding

ONLINE = frozenset({"online_platform", "email", "survey", "social_media"})
IN_PERSON = frozenset({"in_person", "workshop"})
TIMELINE_NOTICE_DAYS = 14  # the OGP's two weeks (minimum requirement 3.1), not the Forum's rule


@dataclass(frozen=True, slots=True)
class ConsultationFacts:
    consultation: Consultation
    submissions: tuple[Submission, ...]
    outcomes: Counter[str]  # "unanswered" for submissions without a response
    timeline_notice: int | None  # days the timeline was online before opening

    @property
    def answered(self) -> int:
        """Submissions with a reasoned response: an outcome and its reason."""
        return sum(1 for s in self.submissions if reasoned(s))


def reasoned(submission: Submission) -> bool:
    """A response counts as given when it has an outcome other than pending and a reason:
    the OGP asks for the reason, including why a suggestion was not taken up."""
    response = submission.response
    return (
        response is not None
        and response.outcome != "pending"
        and bool(response.reason and response.reason.strip())
    )


def consultation_facts(
    consultation: Consultation, records: ForumRecords, today: date
) -> tuple[ConsultationFacts, list[Finding]]:
    submissions = tuple(
        s for s in records.submissions.values() if s.consultation == consultation.stem
    )
    outcomes = Counter(s.response.outcome if s.response else "unanswered" for s in submissions)
    notice = (
        (consultation.opens - consultation.timeline_published).days
        if consultation.timeline_published and consultation.opens
        else None
    )
    facts = ConsultationFacts(consultation, submissions, outcomes, notice)

    subject = Evidence("consultations", consultation.stem)
    findings = []
    if notice is None:
        findings.append(Finding("timeline-late", "concern", subject, "timeline-unpublished"))
    elif notice < TIMELINE_NOTICE_DAYS:
        findings.append(
            Finding(
                "timeline-late",
                "concern",
                subject,
                "timeline-late",
                {"days": notice, "needed": TIMELINE_NOTICE_DAYS},
            )
        )
    channels = set(consultation.channels)
    if not (channels & ONLINE and channels & IN_PERSON):
        missing = "-and-".join(
            kind
            for kind, group in (("online", ONLINE), ("in-person", IN_PERSON))
            if not channels & group
        )
        says = f"no-{missing}-channel"  # no-online-, no-in-person-, no-online-and-in-person-
        findings.append(Finding("channels-lacking", "concern", subject, says))
    closed = consultation.closes is not None and today > consultation.closes
    for submission in submissions:
        if closed and not reasoned(submission):
            findings.append(
                Finding(
                    "submission-unanswered",
                    "concern",
                    Evidence("consultations", consultation.stem, f"submission-{submission.stem}"),
                    "submission-unanswered",
                    {"submission": submission.stem, "consultation": consultation.stem},
                )
            )
    if closed and consultation.summary_published is None:
        findings.append(Finding("summary-missing", "concern", subject, "summary-missing"))
    return facts, findings
