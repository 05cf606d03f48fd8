"""Each record kind loads into its typed model with the values as written."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import MINIMAL, found
from openforum.records import model


def test_every_kind_loads_into_its_model() -> None:
    records, problems = found(MINIMAL)
    assert problems == []
    assert records.counts() == {
        "forum": 1,
        "members": 5,
        "meetings": 2,
        "plans": 1,
        "commitments": 1,
        "consultations": 1,
        "assessments": 1,
        "partners": 1,
        "organizations": 1,
        "submissions": 1,
    }


def test_forum_fields() -> None:
    forum = found(MINIMAL)[0].forum
    assert isinstance(forum, model.Forum)
    assert forum.languages == ["en", "pt"]
    assert forum.established and forum.established.date == date(2020, 1, 15)
    assert forum.established.instrument == "law"
    assert forum.rules.quorum == Fraction(1, 2)
    assert forum.rules.qualified_threshold == Fraction(2, 3)
    assert forum.rules.notice_days == 14 and forum.rules.parity is True
    assert forum.resources[0].amount == Decimal(12000)
    assert forum.secretariat == ["sec-office"]
    assert forum.body.strip() == "Terms of reference."


def test_member_seats_and_voting_defaults() -> None:
    members = found(MINIMAL)[0].members
    ana = members["ana-ruiz"]
    assert [s.role for s in ana.seats] == ["member", "co_chair"]
    assert ana.seats[0].end == date(2023, 12, 31) and ana.seats[1].end is None
    assert ana.seats[1].covers(date(2030, 1, 1))
    assert ana.contact and ana.contact.public is False
    substitute = members["cleo-dan"].seats[0]
    assert substitute.substitute_for == "ben-tal" and substitute.votes is False
    assert members["ben-tal"].seats[0].votes is True  # a chair votes unless told otherwise
    assert members["sec-office"].seats[0].votes is False


def test_meeting_fields() -> None:
    meeting = found(MINIMAL)[0].meetings["2024-03-12-plenary"]
    # Written without an offset: the Forum's timezone, attached when the forum is loaded.
    assert meeting.start == datetime(2024, 3, 12, 10, 0, tzinfo=ZoneInfo("Europe/Lisbon"))
    assert meeting.location and meeting.location.online == "https://meet.lanmark.example/p4"
    assert meeting.agenda[1].commitments == ["nap1-01"]
    assert meeting.agenda[1].documents[0].kind == "paper"
    assert meeting.attendance and meeting.attendance.guests == ["Observer from the IRM"]
    first, second = meeting.decisions
    assert first.rule is None and first.votes is None
    assert second.votes and (second.votes.in_favour, second.votes.against) == (2, 0)
    assert meeting.minutes and meeting.minutes.approved_in == "2024-05-02-plenary"
    assert meeting.body.strip() == "The minutes."


def test_plan_commitment_consultation_submission() -> None:
    records = found(MINIMAL)[0]
    plan = records.plans["nap1"]
    assert [p.phase for p in plan.phases] == ["development", "implementation"]
    commitment = records.commitments["nap1-01"]
    assert commitment.milestones[0].id == "1" and commitment.milestones[0].done
    assert [e.status for e in commitment.progress] == ["not_started", "limited"]
    assert commitment.irm and commitment.irm.potential == "substantial"
    assert commitment.aliases == ["nap1-1"]
    consultation = records.consultations["c1"]
    assert consultation.events[0].participants == 30
    submission = records.submissions["c1/s01"]
    assert submission.consultation == "c1"
    assert submission.author and submission.author.publish_name is False
    assert submission.response and submission.response.outcome == "partly_adopted"


def test_times_with_offsets(minimal_copy: Path) -> None:
    path = minimal_copy / "meetings/2024-05-02-plenary.md"
    path.write_text(path.read_text().replace("T10:00", "T10:00+01:00"))
    meeting = found(minimal_copy)[0].meetings["2024-05-02-plenary"]
    assert meeting.start.utcoffset() is not None
    assert meeting.start.utcoffset().total_seconds() == 3600  # type: ignore[union-attr]


def test_out_of_order_progress_blames_the_misdated_entry(minimal_copy: Path) -> None:
    path = minimal_copy / "commitments/nap1-01.md"
    text = path.read_text().replace(
        "  - date: 2024-06-30\n",
        "  - date: 2026-05-01\n    status: limited\n"
        "  - date: 2024-06-01\n    status: limited\n"
        "  - date: 2024-06-30\n",
    )
    path.write_text(text)
    problems = found(minimal_copy)[1]
    assert [(p[1], p[3][:34]) for p in problems] == [
        (text.count("\n", 0, text.index("2026-05-01")) + 1, "progress entry dated 2026-05-01 is")
    ]


def test_more_votes_than_members_present(minimal_copy: Path) -> None:
    path = minimal_copy / "meetings/2024-03-12-plenary.md"
    path.write_text(path.read_text().replace("{for: 2, against: 0", "{for: 2, against: 3"))
    problems = found(minimal_copy)[1]
    assert len(problems) == 1 and "5 votes are recorded but only 2 members" in problems[0][3]
