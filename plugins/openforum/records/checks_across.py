"""Checks across records: references resolve, ids are unique, dates and rules cohere.

Each check reads the loaded model and adds problems at the line of the value at fault. A
value missing from a broken record is None and skipped: its absence is reported once.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from datetime import tzinfo
from functools import cache

from ..kinds import REGISTRY, SINGULAR, ForumRecords
from ..kinds.forum.model import Forum
from .bodies import check_bodies
from .coherence import local
from .fields import Record
from .institutions import unknown_institution
from .personal_data import check_personal_data
from .problems import Problems, did_you_mean
from .schema import Reference
from .values import Ref

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
    _check_aliases_unique(records, problems)
    check_bodies(records, problems)
    check_personal_data(records, problems)
    for kind in REGISTRY:  # each kind's own checks, in kinds/<kind>/checks.py
        check: Callable[[ForumRecords, Problems], None] | None = kind.hook("checks", "check")
        if check is not None:
            check(records, problems)


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
        meeting.start = local(meeting.start, zone)  # type: ignore[assignment]
        meeting.end = local(meeting.end, zone)


def _check_references(records: ForumRecords, problems: Problems) -> None:
    # The records each rule may name, looked up once per rule: there is one reference for
    # every id written in the forum (attendance lists: hundreds per meeting).
    # Rules are the models' annotations: a few objects, told apart by identity (their own
    # hash is computed field by field at every call).
    tables: dict[int, list[dict[str, Record]]] = {}

    def named_by(rule: Ref) -> list[dict[str, Record]]:
        named = tables.get(id(rule))
        if named is None:
            named = tables[id(rule)] = [records.of_kind(kind) for kind in rule.kinds]
        return named

    for ref in records.references:
        if any(ref.target in table for table in named_by(ref.rule)):
            continue
        _unresolved(ref, records, problems)
    resolved: set[tuple[int, int]] = set()  # (rule, list) of lists whose every id resolves
    for group in records.reference_lists:
        # One list object may be read into many records (`references.ids_of`): the same
        # members at meeting after meeting. Its ids resolve in each or in none.
        seen = (id(group.rule), id(group.targets))
        if seen in resolved:
            continue
        # A list's ids that resolve, found by set differences: most lists have none left.
        missing = set(group.targets).difference(*named_by(group.rule))
        if not missing:
            resolved.add(seen)
            continue
        for index, target in enumerate(group.targets):
            if target in missing:
                _unresolved(group.reference(index), records, problems)


def _unresolved(ref: Reference, records: ForumRecords, problems: Problems) -> None:
    """The problem of a reference to no record (or to an old id of one)."""
    kinds = ref.rule.kinds
    if any((kind, ref.target) in records.unreadable for kind in kinds):
        return  # an unreadable file's own problem is reported; don't repeat it here
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
        return
    hint = did_you_mean(ref.target, targets)
    if ref.rule.free_text:
        message = unknown_institution(ref.field_name, ref.target, kinds) + hint
    else:
        message = (
            f"{ref.field_name}: no {SINGULAR[ref.kind]} '{ref.target}' (there is no "
            f"{ref.kind}/{ref.target}.md).{hint}"
        )
    problems.add(ref.path, ref.mark, message)


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
