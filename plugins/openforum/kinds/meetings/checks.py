"""The checks of meetings: times, notice, who attended, decisions, votes and minutes.

Meeting times are in the Forum's timezone by now (`records.checks_across`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ...kinds import ForumRecords
from ...records.bodies import decision_rules
from ...records.coherence import after, local, relative_path
from ...records.problems import Mark, Problems
from ...records.votes import check_votes
from .model import Meeting, Votes


def check(records: ForumRecords, problems: Problems) -> None:
    _check_decision_ids(records, problems)
    for meeting in records.meetings.values():
        _check_meeting(meeting, records, problems)


def _check_decision_ids(records: ForumRecords, problems: Problems) -> None:
    seen: dict[str, tuple[Path, Mark]] = {}
    for meeting in records.meetings.values():
        for decision in meeting.decisions:
            if not decision.id:
                continue
            if decision.id in seen:
                path, mark = seen[decision.id]
                where = relative_path(path, records)
                problems.add(
                    meeting.path,
                    decision.at("id"),
                    f"decision id '{decision.id}' is already used in {where} "
                    f"line {mark.line}: decision ids are unique across the Forum",
                )
            else:
                seen[decision.id] = (meeting.path, decision.at("id"))


def _check_meeting(meeting: Meeting, records: ForumRecords, problems: Problems) -> None:
    path = meeting.path
    start = local(meeting.start, None)
    end = local(meeting.end, None)
    if start and end and end < start:
        problems.add(
            path,
            meeting.at("end"),
            f"the meeting ends ({end:%Y-%m-%d %H:%M}) before it starts ({start:%Y-%m-%d %H:%M})",
        )
    day = start.date() if start else None
    if after(meeting.announced, day):
        problems.add(
            path,
            meeting.at("announced"),
            f"announced {meeting.announced}, after the meeting itself ({day})",
        )
    if meeting.status not in (None, "held"):
        held_only = [
            name
            for name, present in (
                ("attendance", meeting.attendance and meeting.attendance.present),
                ("decisions", meeting.decisions),
                ("minutes", meeting.minutes),
            )
            if present
        ]
        for name in held_only:
            problems.add(
                path,
                meeting.at(name),
                f"a {meeting.status} meeting has no {name}: set 'status: held' or remove {name}",
            )
    if meeting.attendance:
        apologies = set(meeting.attendance.apologies)
        present = meeting.attendance.present
        # Looked for one by one only when one is there (an attendance: 1,200 ids).
        for index, member in enumerate(present if not apologies.isdisjoint(present) else ()):
            if member in apologies:
                problems.add(
                    path,
                    meeting.attendance.at("present", index),
                    f"'{member}' is listed both present and in apologies",
                )
    forum_rule = decision_rules(meeting, records.forum)
    for decision in meeting.decisions:
        rule = decision.rule or (forum_rule.decision_rule if forum_rule else "consensus")
        if rule == "consensus" and decision.votes is not None:
            problems.add(
                path,
                decision.at("votes"),
                "votes are recorded for a decision taken by consensus: remove the votes or "
                "give the decision's 'rule' (simple_majority, absolute_majority, "
                "qualified_majority)",
            )
        if (
            rule == "qualified_majority"
            and forum_rule
            and _rules_were_read(records)
            and forum_rule.qualified_threshold is None
        ):
            problems.add(
                path,
                decision.at("rule"),
                "a qualified majority needs the Forum's rules.qualified_threshold (e.g. 2/3) "
                "in forum.md",
            )
        if decision.votes:
            _check_votes(meeting, decision.votes, problems)
    check_votes(meeting, records, problems)
    _check_minutes(meeting, records, day, problems)


def _rules_were_read(records: ForumRecords) -> bool:
    """False when forum.md's rules could not be read (their problem is reported already)."""
    return records.forum is not None and "rules" not in records.forum.unreadable


def _check_votes(meeting: Meeting, votes: Votes, problems: Problems) -> None:
    counts = {"for": votes.in_favour, "against": votes.against, "abstain": votes.abstain}
    for name, count in counts.items():
        if count is not None and count < 0:
            problems.add(
                meeting.path,
                votes.at("in_favour" if name == "for" else name),
                f"{name}: a vote count cannot be negative",
            )


def _check_minutes(
    meeting: Meeting,
    records: ForumRecords,
    day: date | None,
    problems: Problems,
) -> None:
    minutes = meeting.minutes
    if minutes is None:
        return
    if after(day, minutes.published):
        problems.add(
            meeting.path,
            minutes.at("published"),
            f"minutes published {minutes.published}, before the meeting ({day})",
        )
    if minutes.approved_in and minutes.status == "draft":
        problems.add(
            meeting.path,
            minutes.at("status"),
            "the minutes name the meeting that approved them but their status is draft: "
            "set 'status: approved'",
        )
    approving = records.meetings.get(minutes.approved_in or "")
    if approving is not None:
        approved_on = local(approving.start, None)
        held_on = local(meeting.start, None)
        if approved_on and held_on and approved_on <= held_on:
            problems.add(
                meeting.path,
                minutes.at("approved_in"),
                f"minutes approved in '{approving.stem}' ({approving.start}), which is not "
                "after this meeting: name a later meeting",
            )
