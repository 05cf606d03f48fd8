"""The checks of a commitment: its period, milestones and progress timeline."""

from __future__ import annotations

from ...kinds import ForumRecords
from ...records.coherence import check_period, out_of_order
from ...records.problems import Problems
from .model import Commitment


def check(records: ForumRecords, problems: Problems) -> None:
    for commitment in records.commitments.values():
        _check_commitment(commitment, problems)


def _check_commitment(commitment: Commitment, problems: Problems) -> None:
    path = commitment.path
    if commitment.period:
        check_period(path, commitment.period, problems)
    seen: set[str] = set()
    for milestone in commitment.milestones:
        if milestone.id in seen:
            problems.add(path, milestone.at("id"), f"milestone id '{milestone.id}' is used twice")
        seen.add(milestone.id)
        if milestone.done and milestone.status != "complete":
            problems.add(
                path,
                milestone.at("done"),
                f"milestone {milestone.id} has a 'done' date but its status is "
                f"{milestone.status}: set 'status: complete' or remove 'done'",
            )
    entries = commitment.progress
    for index in out_of_order([entry.date for entry in entries]):
        entry = entries[index]
        problems.add(
            path,
            entry.at("date"),
            f"progress entry dated {entry.date} is out of date order: the timeline is oldest "
            "first; check the date or move the entry",
        )
    if (
        entries
        and commitment.status
        and entries[-1].status
        and entries[-1].status != commitment.status
    ):
        problems.add(
            path,
            commitment.at("status"),
            f"status is {commitment.status} but the last progress entry "
            f"({entries[-1].date}, line {entries[-1].mark.line}) says {entries[-1].status}: "
            "they must agree",
        )
