"""The Forum's bodies (records.md, "Version 2 additions"): which rules a meeting is held to.

A meeting may name one of forum.md's `bodies`. The quorum and cadence rules apply to
plenary bodies unless a body sets its own `rules`; a meeting that names no body is held
to the Forum's rules, as before bodies existed.
"""

from __future__ import annotations

from collections import Counter

from ..kinds import ForumRecords
from .model import Body, Forum, Meeting, Rules
from .problems import Problems, did_you_mean
from .values import is_id


def body_of(meeting: Meeting, forum: Forum | None) -> Body | None:
    if forum is None or not meeting.body_id:
        return None
    return next((body for body in forum.bodies if body.id == meeting.body_id), None)


def counting_rules(meeting: Meeting, forum: Forum | None) -> Rules | None:
    """The rules quorum and cadence are counted by for this meeting; None: not counted."""
    if forum is None:
        return None
    body = body_of(meeting, forum)
    if body is None:
        return forum.rules
    if body.rules is not None:
        return body.rules
    return forum.rules if body.kind == "plenary" else None


def decision_rules(meeting: Meeting, forum: Forum | None) -> Rules | None:
    """The rules a meeting's decisions default to: its body's own, else the Forum's."""
    body = body_of(meeting, forum)
    if body is not None and body.rules is not None:
        return body.rules
    return forum.rules if forum else None


def check_bodies(records: ForumRecords, problems: Problems) -> None:
    forum = records.forum
    if forum is None or "bodies" in forum.unreadable:
        return  # forum.md's own problem is reported; every meeting's would only repeat it
    bodies = forum.bodies
    counts = Counter(body.id for body in bodies)
    for body in bodies:
        if body.id and not is_id(body.id):
            problems.add(
                forum.path,
                body.at("id"),
                f"body id '{body.id}' is not an id: lowercase letters, digits and '-'",
            )
        if counts[body.id] > 1:
            problems.add(
                forum.path,
                body.at("id"),
                f"body id '{body.id}' is listed twice in bodies",
            )
    ids = [body.id for body in bodies]
    for meeting in records.meetings.values():
        if meeting.body_id and meeting.body_id not in counts:
            known = f"forum.md lists: {', '.join(ids)}" if ids else "forum.md lists no bodies"
            problems.add(
                meeting.path,
                meeting.at("body_id"),
                f"body: no body '{meeting.body_id}' ({known}).{did_you_mean(meeting.body_id, ids)}"
                " Add it to forum.md's bodies or remove 'body'",
            )
