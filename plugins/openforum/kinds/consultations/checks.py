"""The checks of a consultation: it opens before it closes and before its summary."""

from __future__ import annotations

from ...kinds import ForumRecords
from ...records.coherence import after
from ...records.problems import Problems
from .model import Consultation


def check(records: ForumRecords, problems: Problems) -> None:
    for consultation in records.consultations.values():
        _check_consultation(consultation, problems)


def _check_consultation(consultation: Consultation, problems: Problems) -> None:
    path = consultation.path
    if after(consultation.opens, consultation.closes):
        problems.add(
            path,
            consultation.at("closes"),
            f"the consultation closes ({consultation.closes}) before it opens "
            f"({consultation.opens})",
        )
    if after(consultation.opens, consultation.summary_published):
        problems.add(
            path,
            consultation.at("summary_published"),
            f"the summary is published ({consultation.summary_published}) before the "
            f"consultation opens ({consultation.opens})",
        )
