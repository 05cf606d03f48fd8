"""Checks across records: references resolve, ids are unique, dates and rules cohere.

Each check reads the loaded model and adds problems at the line of the value at fault. A
value missing from a broken record is None and skipped: its absence is reported once.
"""

from __future__ import annotations

import itertools
import zoneinfo
from datetime import date, datetime, tzinfo
from functools import cache
from pathlib import Path

from ..kinds import SINGULAR, ForumRecords
from .bodies import check_bodies, decision_rules
from .institutions import unknown_institution
from .model import (
    Commitment,
    CommitmentPeriod,
    Consultation,
    Forum,
    Meeting,
    Member,
    Period,
    Plan,
    Record,
    Votes,
)
from .partial_dates import PartialDate
from .personal_data import check_personal_data
from .problems import Mark, Problems, did_you_mean
from .votes import check_votes

RULE_RANGES = (
    ("notice_days", 0, 365),
    ("minutes_due_days", 0, 365),
    ("max_meeting_gap_months", 1, 120),
    ("assessment_every_months", 1, 120),
)


def check_forum(records: ForumRecords, problems: Problems) -> None:
    zone = _check_forum_file(records.forum, problems)
    _localize_meeting_times(records, zone)
    _check_references(records, problems)
    _check_decision_ids(records, problems)
    _check_aliases_unique(records, problems)
    check_bodies(records, problems)
    check_personal_data(records, problems)
    for member in records.members.values():
        _check_member(member, problems)
    for meeting in records.meetings.values():
        _check_meeting(meeting, records, zone, problems)
    for plan in records.plans.values():
        _check_plan(plan, records, problems)
    for commitment in records.commitments.values():
        _check_commitment(commitment, problems)
    for consultation in records.consultations.values():
        _check_consultation(consultation, problems)
    for assessment in records.assessments.values():
        _check_period(assessment.path, assessment.period, problems)
    for partner in records.partners.values():
        letter = partner.letter_of_intent
        if letter and _after(letter.sent, letter.accepted):
            problems.add(
                partner.path,
                letter.at("accepted"),
                f"the letter of intent is accepted ({letter.accepted}) before it was sent "
                f"({letter.sent})",
            )


@cache
def _timezone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _check_forum_file(forum: Forum | None, problems: Problems) -> tzinfo | None:
    if forum is None:
        return None
    zone: tzinfo | None = None
    if forum.timezone:
        try:
            zone = zoneinfo.ZoneInfo(forum.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: name too long
            problems.add(
                forum.path,
                forum.at("timezone"),
                f"timezone: '{forum.timezone}' is not a timezone name."
                f"{did_you_mean(forum.timezone, _timezone_names())} Use an IANA name such "
                "as Europe/Lisbon or America/Bogota",
            )
    rules = forum.rules
    for name, low, high in RULE_RANGES:
        value = getattr(rules, name)
        if value is not None and not low <= value <= high:
            problems.add(
                forum.path,
                rules.at(name),
                f"{name}: {value} is outside {low}..{high}: write a number of "
                f"{'days' if name.endswith('days') else 'months'} a Forum could keep to",
            )
    if rules.decision_rule == "qualified_majority" and rules.qualified_threshold is None:
        problems.add(
            forum.path,
            rules.at("decision_rule"),
            "the decision rule is qualified_majority but rules.qualified_threshold is not set: "
            "add e.g. 'qualified_threshold: 2/3'",
        )
    return zone


def _localize_meeting_times(records: ForumRecords, zone: tzinfo | None) -> None:
    """A time without an offset is in the Forum's timezone: say so once, here, so that
    every later comparison and sort works on times that know their offset."""
    for meeting in records.meetings.values():
        meeting.start = _local(meeting.start, zone)  # type: ignore[assignment]
        meeting.end = _local(meeting.end, zone)


def _check_references(records: ForumRecords, problems: Problems) -> None:
    for ref in records.references:
        kinds = ref.rule.kinds
        if any(
            ref.target in records.of_kind(kind) or (kind, ref.target) in records.unreadable
            for kind in kinds
        ):
            continue  # an unreadable file's own problem is reported; don't repeat it here
        targets = {key: r for kind in kinds for key, r in records.of_kind(kind).items()}
        renamed = next(
            (
                (kind, r)
                for kind in kinds
                for r in records.of_kind(kind).values()
                if ref.target in r.aliases
            ),
            None,
        )
        if renamed is not None:
            kind, record = renamed
            problems.add(
                ref.path,
                ref.mark,
                f"{ref.field_name}: '{ref.target}' is an old id of {kind}/{record.stem}.md: "
                f"write '{record.stem}'",
            )
            continue
        hint = did_you_mean(ref.target, targets)
        if ref.rule.free_text:
            message = unknown_institution(ref.field_name, ref.target, kinds) + hint
        else:
            message = (
                f"{ref.field_name}: no {SINGULAR[ref.kind]} '{ref.target}' (there is no "
                f"{ref.kind}/{ref.target}.md).{hint}"
            )
        problems.add(ref.path, ref.mark, message)


def _check_decision_ids(records: ForumRecords, problems: Problems) -> None:
    seen: dict[str, tuple[Path, Mark]] = {}
    for meeting in records.meetings.values():
        for decision in meeting.decisions:
            if not decision.id:
                continue
            if decision.id in seen:
                path, mark = seen[decision.id]
                problems.add(
                    meeting.path,
                    decision.at("id"),
                    f"decision id '{decision.id}' is already used in {_relative(path, records)} "
                    f"line {mark.line}: decision ids are unique across the Forum",
                )
            else:
                seen[decision.id] = (meeting.path, decision.at("id"))


def _check_aliases_unique(records: ForumRecords, problems: Problems) -> None:
    for kind in (*SINGULAR,):
        if kind == "submissions":
            continue
        owners: dict[str, Record] = {}
        targets = records.of_kind(kind)
        for record in targets.values():
            for index, alias in enumerate(record.aliases):
                where = record.at("aliases", index)
                if alias in targets and alias != record.stem:
                    problems.add(
                        record.path,
                        where,
                        f"alias '{alias}' is the id of another {SINGULAR[kind]}: ids are never "
                        "reused",
                    )
                elif alias in owners and owners[alias] is not record:
                    problems.add(
                        record.path,
                        where,
                        f"alias '{alias}' is also an alias of {kind}/{owners[alias].stem}.md",
                    )
                owners.setdefault(alias, record)


def _check_member(member: Member, problems: Problems) -> None:
    for seat in member.seats:
        if _after(seat.start, seat.end):
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


def _check_meeting(
    meeting: Meeting, records: ForumRecords, zone: tzinfo | None, problems: Problems
) -> None:
    path = meeting.path
    start = _local(meeting.start, zone)
    end = _local(meeting.end, zone)
    if start and end and end < start:
        problems.add(
            path,
            meeting.at("end"),
            f"the meeting ends ({end:%Y-%m-%d %H:%M}) before it starts ({start:%Y-%m-%d %H:%M})",
        )
    day = start.date() if start else None
    if _after(meeting.announced, day):
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
        for index, member in enumerate(meeting.attendance.present):
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
    _check_minutes(meeting, records, zone, day, problems)


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
    zone: tzinfo | None,
    day: date | None,
    problems: Problems,
) -> None:
    minutes = meeting.minutes
    if minutes is None:
        return
    if _after(day, minutes.published):
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
        approved_on = _local(approving.start, zone)
        held_on = _local(meeting.start, zone)
        if approved_on and held_on and approved_on <= held_on:
            problems.add(
                meeting.path,
                minutes.at("approved_in"),
                f"minutes approved in '{approving.stem}' ({approving.start}), which is not "
                "after this meeting: name a later meeting",
            )


def _check_plan(plan: Plan, records: ForumRecords, problems: Problems) -> None:
    _check_period(plan.path, plan.period, problems)
    for phase in plan.phases:
        if _after(phase.start, phase.end):
            problems.add(
                plan.path,
                phase.at("end"),
                f"the {phase.phase} phase ends ({phase.end}) before it starts ({phase.start})",
            )
    consultation = records.consultations.get(plan.consultation or "")
    if consultation and consultation.plan in records.plans and consultation.plan != plan.stem:
        problems.add(
            plan.path,
            plan.at("consultation"),
            f"consultation '{consultation.stem}' belongs to plan '{consultation.plan}', not "
            f"to '{plan.stem}'",
        )


def _check_commitment(commitment: Commitment, problems: Problems) -> None:
    path = commitment.path
    if commitment.period:
        _check_period(path, commitment.period, problems)
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
    for index in _out_of_order([entry.date for entry in entries]):
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


def _check_consultation(consultation: Consultation, problems: Problems) -> None:
    path = consultation.path
    if _after(consultation.opens, consultation.closes):
        problems.add(
            path,
            consultation.at("closes"),
            f"the consultation closes ({consultation.closes}) before it opens "
            f"({consultation.opens})",
        )
    if _after(consultation.opens, consultation.summary_published):
        problems.add(
            path,
            consultation.at("summary_published"),
            f"the summary is published ({consultation.summary_published}) before the "
            f"consultation opens ({consultation.opens})",
        )


def _check_period(path: Path, period: Period | CommitmentPeriod | None, problems: Problems) -> None:
    if period is None:
        return
    # A period that starts with a month or a year starts on its first day.
    start = period.start.first_day if isinstance(period.start, PartialDate) else period.start
    if _after(start, period.end):
        problems.add(
            path, period.at("end"), f"period ends ({period.end}) before it starts ({period.start})"
        )


def _out_of_order(days: list[date | None]) -> list[int]:
    """Indexes of the entries that break date order, one per break.

    Of two neighbours out of order, the one blamed is the one whose removal restores the
    order around it: a later date typed into the middle is blamed, not the entry after it.
    """
    blamed: list[int] = []
    for i in range(len(days) - 1):
        if not _after(days[i], days[i + 1]):
            continue
        after_next = days[i + 2] if i + 2 < len(days) else None
        before = days[i - 1] if i > 0 else None
        if _after(days[i], after_next) and not _after(before, days[i + 1]):
            blamed.append(i)
        else:
            blamed.append(i + 1)
    return blamed


def _after(first: date | None, second: date | None) -> bool:
    """True when both are known and `first` is later than `second`."""
    return first is not None and second is not None and first > second


def _local(moment: datetime | None, zone: tzinfo | None) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=zone or zoneinfo.ZoneInfo("UTC"))


def _relative(path: Path, records: ForumRecords) -> str:
    try:
        return str(path.relative_to(records.root))
    except ValueError:
        return str(path)
