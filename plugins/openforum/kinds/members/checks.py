"""The checks of one member's record: its seats in order and coherent."""

from __future__ import annotations

import itertools

from ...kinds import ForumRecords
from ...records.coherence import after
from ...records.problems import Problems
from .model import Member


def check(records: ForumRecords, problems: Problems) -> None:
    for member in records.members.values():
        _check_member(member, problems)


def _check_member(member: Member, problems: Problems) -> None:
    for seat in member.seats:
        if after(seat.start, seat.end):
            problems.add(
                member.path,
                seat.at("end"),
                f"seat ends ({seat.end}) before it starts ({seat.start})",
            )
        if (
            seat.role == "substitute"
            and not seat.substitute_for
            and "substitute_for" not in seat.unreadable
        ):
            problems.add(
                member.path,
                seat.mark,
                "a substitute seat names the member it stands in for: add "
                "'substitute_for: <member id>'",
            )
        if seat.substitute_for and seat.role != "substitute":
            problems.add(
                member.path,
                seat.at("substitute_for"),
                f"substitute_for is given on a '{seat.role}' seat: set 'role: substitute' or "
                "remove substitute_for",
            )
        if seat.substitute_for == member.stem:
            problems.add(
                member.path, seat.at("substitute_for"), "a member cannot substitute for itself"
            )
    dated = sorted((s for s in member.seats if s.start), key=lambda s: s.start)
    for earlier, later in itertools.pairwise(dated):
        if earlier.end is None or earlier.end >= later.start:
            until = earlier.end or "open-ended"
            problems.add(
                member.path,
                later.at("start"),
                f"seat from {later.start} overlaps the seat from {earlier.start} to {until} "
                f"(line {earlier.mark.line}): one member holds one seat at a time; end the "
                "earlier one first",
            )
