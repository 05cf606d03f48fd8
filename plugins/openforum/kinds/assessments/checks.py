"""The checks of a self-assessment: its period."""

from __future__ import annotations

from ...kinds import ForumRecords
from ...records.coherence import check_period
from ...records.problems import Problems


def check(records: ForumRecords, problems: Problems) -> None:
    for assessment in records.assessments.values():
        check_period(assessment.path, assessment.period, problems)
