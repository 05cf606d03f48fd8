"""What the records show was put online, and when: the dates that tell how often the
Forum's repository is updated (OGP minimum requirement 2.2).

A dated record is a date on which something was published or happened in public: a
meeting held or announced, minutes or a document published, a consultation's dates, an
assessment published, a progress entry. An undated record is something published whose
date is not recorded (minutes, a document, an assessment without `published`), with the
field that would date it and the stretch it was most likely published in: from what it
belongs to (the meeting, the assessed period's end, the consultation's close) to a year
after it; a consultation's timeline in the year before it opens.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from ..records import ForumRecords
from ..records.model import Document, Meeting
from .calendar import add_months
from .findings import Evidence


@dataclass(frozen=True, slots=True)
class Dated:
    day: date
    evidence: Evidence
    field: str  # the field the date is in


@dataclass(frozen=True, slots=True)
class Undated:
    earliest: date
    latest: date
    evidence: Evidence
    field: str  # the field to fill

    def could_fall(self, first: date, last: date) -> bool:
        """Whether it may have been published between `first` and `last`."""
        return self.earliest < last and self.latest > first


def _after(day: date, evidence: Evidence, field: str) -> Undated:
    return Undated(day, add_months(day, 12), evidence, field)


def dated_records(records: ForumRecords, until: date) -> list[Dated]:
    """Every dated publication up to `until`, oldest first."""
    found = [d for d in _dated(records) if d.day <= until]
    return sorted(found, key=lambda d: (d.day, d.evidence.url))


def undated_records(records: ForumRecords, until: date) -> list[Undated]:
    """Published records whose publication date is not recorded."""
    found = [d for d in _undated(records) if d.earliest <= until]
    return sorted(found, key=lambda d: (d.earliest, d.evidence.url))


def _dated(records: ForumRecords) -> Iterator[Dated]:
    for meeting in records.meetings.values():
        where = Evidence("meetings", meeting.stem)
        if meeting.status == "held":
            yield Dated(meeting.start.date(), where, "start")
        if meeting.announced:
            yield Dated(meeting.announced, where, "announced")
        if meeting.minutes and meeting.minutes.published:
            yield Dated(meeting.minutes.published, where, "minutes.published")
        for path, document in _documents(meeting):
            if document.published:
                yield Dated(document.published, where, f"{path}.published")
    for consultation in records.consultations.values():
        where = Evidence("consultations", consultation.stem)
        for name in ("timeline_published", "opens", "closes", "summary_published"):
            day = getattr(consultation, name)
            if day is not None:
                yield Dated(day, where, name)
        for index, event in enumerate(consultation.events):
            yield Dated(event.date, where, f"events[{index}].date")
    for assessment in records.assessments.values():
        if assessment.published:
            yield Dated(assessment.published, Evidence("assessments", assessment.stem), "published")
    for commitment in records.commitments.values():
        for index, entry in enumerate(commitment.progress):
            where = Evidence("commitments", commitment.stem)
            yield Dated(entry.date, where, f"progress[{index}].date")


def _undated(records: ForumRecords) -> Iterator[Undated]:
    for meeting in records.meetings.values():
        if meeting.status != "held":
            continue
        day, where = meeting.start.date(), Evidence("meetings", meeting.stem)
        minutes = meeting.minutes
        has_minutes = (minutes is not None and minutes.status == "approved") or bool(
            meeting.body.strip()
        )
        if has_minutes and (minutes is None or minutes.published is None):
            yield _after(day, where, "minutes.published")
        for path, document in _documents(meeting):
            if document.published is None:
                # papers often go online before the meeting they are for
                yield Undated(add_months(day, -1), add_months(day, 12), where, f"{path}.published")
    for assessment in records.assessments.values():
        if assessment.published is None:
            where = Evidence("assessments", assessment.stem)
            yield _after(assessment.period.end, where, "published")
    for consultation in records.consultations.values():
        where = Evidence("consultations", consultation.stem)
        if consultation.summary_published is None and consultation.body.strip():
            yield _after(consultation.closes, where, "summary_published")
        if consultation.timeline_published is None:
            opens = consultation.opens
            yield Undated(add_months(opens, -12), opens, where, "timeline_published")


def _documents(meeting: Meeting) -> Iterator[tuple[str, Document]]:
    """A meeting's documents with where each sits in the record (`agenda[0].documents[1]`)."""
    for index, document in enumerate(meeting.documents):
        yield f"documents[{index}]", document
    for item_index, item in enumerate(meeting.agenda):
        for index, document in enumerate(item.documents):
            yield f"agenda[{item_index}].documents[{index}]", document
