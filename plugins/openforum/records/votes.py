"""Votes that cannot be (records.md, "Votes that cannot be").

`for + against + abstain` may not exceed the voting members present (when attendance is
recorded) nor the voting seats on the day: an error. A recorded `result` that the decision
rule contradicts is what happened, so it is published, with a warning giving the arithmetic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..kinds import ForumRecords
from .bodies import decision_rules
from .last_records import per_records
from .model import Meeting
from .problems import Problems

if TYPE_CHECKING:
    from ..facts.roster import VotingSeats


# The voting seats of the records checked, and the members counted present at each meeting:
# made once per load, not once per meeting (that was members x meetings).
@per_records
def _seats_of(records: ForumRecords) -> VotingSeats:
    from ..facts.roster import VotingSeats

    return VotingSeats.of(records)


@per_records
def _present_of(records: ForumRecords) -> dict[int, int]:
    from ..facts.roster import present_counts

    return present_counts(records)


def check_votes(meeting: Meeting, records: ForumRecords, problems: Problems) -> None:
    # The counting rules live in layer 2 (facts) and read nothing but records; imported
    # here, at call time, so that validate and the pages count voters the same way.
    from ..facts.meetings import VOTE_RESULTS, rule_result
    from ..facts.roster import count_present

    if not meeting.decisions or meeting.start is None:
        return
    seats = _seats_of(records)
    day = meeting.start.date()
    # A member file that could not be read is reported already; its seats are unknown.
    if any(kind == "members" for kind, _ in records.unreadable):
        return
    voting_seats = seats.count(day)
    listed = meeting.attendance.present if meeting.attendance else []
    # An unknown member in the attendance is reported already; counting without it would
    # only repeat that problem as a vote problem.
    attended = bool(listed) and not set(listed).difference(records.members)
    present: int | None = None
    if attended:
        present = _present_of(records).get(id(meeting))
        if present is None:  # a meeting not in `records` (the counts are made for those)
            present = count_present(meeting, records, seats).present
    rules = decision_rules(meeting, records.forum)
    for decision in meeting.decisions:
        votes = decision.votes
        if votes is None:
            continue
        counts = (votes.in_favour or 0, votes.against or 0, votes.abstain or 0)
        cast = sum(counts)
        arithmetic = f"{counts[0]} for + {counts[1]} against + {counts[2]} abstain = {cast}"
        if present is not None and cast > present:
            problems.add(
                meeting.path,
                votes.mark,
                f"{cast} votes are recorded but only {present} members holding a vote are "
                f"listed present ({arithmetic}): check the counts or the attendance",
            )
        elif voting_seats and cast > voting_seats:
            problems.add(
                meeting.path,
                votes.mark,
                f"{cast} votes are recorded but the Forum has only {voting_seats} voting seats "
                f"on {day} ({arithmetic}): check the counts or the members' seats",
            )
        rule = decision.rule or (rules.decision_rule if rules else "consensus")
        if rule == "consensus" or decision.result not in VOTE_RESULTS:
            continue
        threshold = rules.qualified_threshold if rules else None
        computed, reached, figures = rule_result(rule, decision, voting_seats, threshold)
        if computed is not None and computed != decision.result:
            # Worded only for a warning: the words come with Babel, which `validate` need
            # not import otherwise.
            from ..i18n.findings import how

            why = how(reached, figures)
            problems.warn(
                meeting.path,
                decision.at("result"),
                f"decision {decision.id} is recorded as {decision.result}, but the "
                f"{rule.replace('_', ' ')} rule gives {computed} ({why}); it is published "
                "as recorded: check the votes or the result",
            )
