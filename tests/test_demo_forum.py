"""The embedded default forum: valid, and rich enough to show every part of the contract."""

from __future__ import annotations

from collections import Counter
from typing import get_args

from conftest import DEMO, found
from openforum.records import load_forum, model


def test_demo_forum_validates_clean() -> None:
    _, problems = found(DEMO)
    assert problems == []


def test_demo_forum_covers_the_contract() -> None:
    records, _ = load_forum(DEMO)
    forum = records.forum
    assert forum is not None
    meetings = list(records.meetings.values())
    commitments = list(records.commitments.values())
    years = {m.start.year for m in meetings if m.status == "held"}
    assert max(years) - min(years) >= 2, "three years of history"
    assert {p.status for p in records.plans.values()} >= {"closed", "implementation"}
    assert all(p.consultation in records.consultations for p in records.plans.values())
    assert len(commitments) >= 25
    assert all(c.milestones and c.progress for c in commitments)
    assert {c.status for c in commitments} == set(get_args(model.CommitmentStatus))
    assert len(meetings) >= 15
    assert {m.kind for m in meetings} == set(get_args(model.MeetingKind))
    assert {m.status for m in meetings} == set(get_args(model.MeetingStatus))
    decisions = [d for m in meetings for d in m.decisions]
    assert any(d.votes is None for d in decisions) and any(d.votes for d in decisions)
    assert len(records.members) >= 20
    roles = Counter(s.role for m in records.members.values() for s in m.seats)
    assert roles["substitute"] >= 2 and roles["co_chair"] >= 2
    assert any(len(m.seats) >= 2 for m in records.members.values()), "rotations"
    per_consultation = Counter(s.consultation for s in records.submissions.values())
    assert max(per_consultation.values()) >= 15
    outcomes = {s.response.outcome for s in records.submissions.values() if s.response}
    assert outcomes == set(get_args(model.Outcome))
    authors = [s.author for s in records.submissions.values() if s.author]
    assert any(not a.publish_name for a in authors) and any(a.publish_name for a in authors)
    assert len(records.assessments) >= 2
    partners = list(records.partners.values())
    assert len(partners) >= 2 and all(p.reviews for p in partners)
    resource_years = {r.year for r in forum.resources}
    assert resource_years >= set(range(min(years), max(years) + 1))


def test_demo_forum_has_a_missed_quorum_and_late_minutes() -> None:
    records, _ = load_forum(DEMO)
    forum = records.forum
    assert forum and forum.rules.quorum and forum.rules.minutes_due_days
    missed = late = 0
    for meeting in records.meetings.values():
        if meeting.status != "held" or not meeting.attendance:
            continue
        day = meeting.start.date()
        voting = [
            member
            for member in records.members.values()
            if any(seat.votes and seat.covers(day) for seat in member.seats)
        ]
        present = set(meeting.attendance.present)
        voting_present = sum(1 for member in voting if member.stem in present)
        if voting_present < forum.rules.quorum * len(voting):
            missed += 1
        if meeting.minutes and meeting.minutes.published:
            lag = (meeting.minutes.published - day).days
            late += lag > forum.rules.minutes_due_days
    assert missed >= 1 and late >= 1


def test_content_pages_exist() -> None:
    content = DEMO.parent / "content"
    for name in ("index.md", "about.md", "take-part.md"):
        assert (content / name).read_text(encoding="utf-8").strip()
