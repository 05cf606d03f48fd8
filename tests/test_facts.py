"""Derived facts, each rule planted with its edge cases: quorum, substitutes, decision rules,
notice, minutes, cadence, balance, commitments and consultations."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from forum_builder import ForumBuilder
from openforum.facts.calendar import add_months
from openforum.facts.forum import derive
from openforum.facts.meetings import needed_for
from openforum.facts.roster import count_present
from openforum.i18n.findings import finding_message, quorum_text

TODAY = date(2024, 12, 31)


def codes(records, code: str, today: date = TODAY) -> list[str]:  # type: ignore[no-untyped-def]
    return [finding_message(f) for f in derive(records, today).findings if f.code == code]


@pytest.mark.parametrize(
    ("share", "seats", "needed"),
    [
        (Fraction(1, 2), 16, 8),
        (Fraction(1, 2), 15, 8),
        (Fraction(2, 3), 10, 7),
        (Fraction(1), 3, 3),
    ],
)
def test_quorum_rounds_up(share: Fraction, seats: int, needed: int) -> None:
    assert needed_for(share, seats) == needed


@pytest.mark.parametrize(("present", "met"), [(2, True), (1, False)])
def test_exactly_at_the_quorum(tmp_path: Path, present: int, met: bool) -> None:
    forum = ForumBuilder(tmp_path)
    ids = forum.members(2, "government") + forum.members(2, "civil_society")
    forum.meeting("m1", "2024-03-12T10:00", present=ids[:present], announced="2024-02-20")
    facts = derive(forum.load(), TODAY).meetings["m1"]
    assert facts.quorum is not None
    assert (facts.quorum.present, facts.quorum.seats, facts.quorum.needed) == (present, 4, 2)
    assert facts.quorum.met is met
    verdict = "Quorum met" if met else "Quorum not met"
    assert (
        quorum_text(facts.quorum) == f"{verdict}: {present} of 4 voting members present (2 needed)"
    )
    assert bool([f for f in facts.findings if f.code == "quorum-missed"]) is not met


def test_substitute_counts_only_when_its_member_is_absent(tmp_path: Path) -> None:
    forum = ForumBuilder(tmp_path)
    forum.members(2, "government")
    forum.member("sub1", "government", role="substitute", substitute_for="gov1")
    forum.meeting("with-member", "2024-03-12T10:00", present=["gov1", "sub1"])
    forum.meeting("without-member", "2024-05-12T10:00", present=["gov2", "sub1"])
    records = forum.load()
    beside = count_present(records.meetings["with-member"], records)
    assert (beside.present, beside.ignored_substitutes) == (1, ("sub1",))
    instead = count_present(records.meetings["without-member"], records)
    assert (instead.present, instead.stood_in) == (2, (("sub1", "gov1"),))


def test_seat_outside_its_term_does_not_count(tmp_path: Path) -> None:
    forum = ForumBuilder(tmp_path)
    forum.member("old", "government", start="2020-01-01", end="2024-03-11")
    forum.member("new", "government", start="2024-03-12")
    forum.meeting("m1", "2024-03-12T10:00", present=["old", "new"])
    facts = derive(forum.load(), TODAY).meetings["m1"]
    assert facts.quorum and (facts.quorum.present, facts.quorum.seats) == (1, 1)


DECISION = """\
  - id: d1
    text: A motion
    rule: {rule}
    votes: {{for: {yes}, against: {no}, abstain: {abstain}}}
    result: {result}
"""


@pytest.mark.parametrize(
    ("rule", "yes", "no", "abstain", "computed"),
    [
        ("qualified_majority", 8, 4, 5, "adopted"),  # 8 >= 2/3 of 12 cast; abstentions aside
        ("qualified_majority", 7, 4, 1, "rejected"),  # 7 < 2/3 of 11
        ("simple_majority", 3, 3, 0, "rejected"),  # a tie is not a majority
        ("simple_majority", 4, 3, 3, "adopted"),
        ("absolute_majority", 5, 0, 0, "rejected"),  # 10 seats: more than 5 needed
        ("absolute_majority", 6, 4, 0, "adopted"),
    ],
)
def test_decision_rules(
    tmp_path: Path, rule: str, yes: int, no: int, abstain: int, computed: str
) -> None:
    forum = ForumBuilder(tmp_path)
    half = max(5, (yes + no + abstain + 1) // 2)  # enough members present to cast the votes
    ids = forum.members(half, "government") + forum.members(half, "civil_society")
    recorded = "adopted"
    decision = DECISION.format(rule=rule, yes=yes, no=no, abstain=abstain, result=recorded)
    forum.meeting("m1", "2024-03-12T10:00", present=ids, decisions=decision)
    records = forum.load()
    check = derive(records, TODAY).meetings["m1"].decisions[0]
    assert check.computed == computed
    assert check.disagrees is (computed != recorded)
    flagged = codes(records, "result-disagrees")
    assert bool(flagged) is (computed != recorded)


def test_decision_without_quorum_is_flagged(tmp_path: Path) -> None:
    forum = ForumBuilder(tmp_path)
    ids = forum.members(3, "government") + forum.members(3, "civil_society")
    decision = DECISION.format(rule="simple_majority", yes=2, no=0, abstain=0, result="adopted")
    forum.meeting("m1", "2024-03-12T10:00", present=ids[:2], decisions=decision)
    assert codes(forum.load(), "decision-without-quorum") == [
        "Decision d1 was adopted at a meeting without quorum (2 of 3 needed)"
    ]


@pytest.mark.parametrize(("announced", "late"), [("2024-03-01", False), ("2024-03-02", True)])
def test_notice_on_the_last_allowed_day(tmp_path: Path, announced: str, late: bool) -> None:
    forum = ForumBuilder(tmp_path)
    forum.members(1)
    forum.meeting("m1", "2024-03-15T10:00", present=["gov1"], announced=announced)
    assert bool(codes(forum.load(), "late-notice")) is late


@pytest.mark.parametrize(("published", "late"), [("2024-04-14", False), ("2024-04-15", True)])
def test_minutes_due_days(tmp_path: Path, published: str, late: bool) -> None:
    forum = ForumBuilder(tmp_path)
    forum.members(1)
    forum.meeting("m1", "2024-03-15T10:00", present=["gov1"], minutes_published=published)
    assert bool(codes(forum.load(), "late-minutes")) is late


def test_minutes_overdue_and_unpublished(tmp_path: Path) -> None:
    forum = ForumBuilder(tmp_path)
    forum.members(1)
    forum.meeting("m1", "2024-03-15T10:00", present=["gov1"])
    records = forum.load()
    assert codes(records, "minutes-overdue", today=date(2024, 4, 14)) == []
    assert codes(records, "minutes-overdue", today=date(2024, 4, 15)) == [
        "Minutes not published 31 days after the meeting; the rules allow 30"
    ]


@pytest.mark.parametrize(("second", "gap"), [("2024-07-15", False), ("2024-07-16", True)])
def test_meeting_gap_of_exactly_the_limit(tmp_path: Path, second: str, gap: bool) -> None:
    forum = ForumBuilder(tmp_path)
    forum.members(1)
    forum.meeting("m1", "2024-01-15T10:00", present=["gov1"])
    forum.meeting("m2", f"{second}T10:00", present=["gov1"])
    forum.meeting("wg", "2024-04-01T10:00", present=["gov1"], kind="working_group")
    found = codes(forum.load(), "meeting-gap", today=date(2024, 8, 1))
    assert bool(found) is gap


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2023, 11, 30), 3) == date(2024, 2, 29)


def test_parity_and_terms_without_successor(tmp_path: Path) -> None:
    forum = ForumBuilder(tmp_path)
    forum.members(2, "government")
    forum.member("cso1", "civil_society")
    forum.member("cso2", "civil_society", end="2024-06-30")
    forum.member("cso3", "civil_society", start="2024-09-01")
    records = forum.load()
    parity = codes(records, "parity-broken")
    assert parity == [
        "From 2024-07-01 to 2024-08-31: 2 government and 1 non-government voting seats"
    ]
    assert len(codes(records, "no-successor")) == 1


def test_self_assessment_cadence(tmp_path: Path) -> None:
    forum = ForumBuilder(tmp_path)
    forum.members(1)
    forum.write(
        "assessments/a1.md",
        "title: A1\nsubject: forum\nperiod: {start: 2020-01-01, end: 2020-12-31}\n"
        "published: 2021-01-01",
    )
    records = forum.load()
    assert codes(records, "assessment-gap", today=date(2022, 1, 1)) == []
    late = codes(records, "assessment-gap", today=date(2022, 1, 2))
    assert late == [
        "366 days from 2021-01-01 to today (2022-01-02); the rules ask for a self-assessment "
        "every 12 months"
    ]


def test_commitment_progress_overdue_and_stale(tmp_path: Path) -> None:
    forum = ForumBuilder(tmp_path)
    forum.members(1)
    forum.write(
        "plans/p1.md",
        "title: P1\nperiod: {start: 2024-01-01, end: 2025-12-31}\nstatus: implementation",
    )
    forum.write(
        "commitments/p1-01.md",
        """\
        title: C
        plan: p1
        status: limited
        milestones:
          - {id: 1, title: a, due: 2024-03-01, status: complete, done: 2024-02-01}
          - {id: 2, title: b, due: 2024-06-30, status: in_progress}
          - {id: 3, title: c, due: 2025-06-30, status: not_started}
          - {id: 4, title: d, due: 2024-01-30, status: cancelled}
        progress:
          - {date: 2024-05-01, status: limited}
        """,
    )
    records = forum.load()
    facts = derive(records, date(2024, 11, 1))
    commitment = facts.commitments["p1-01"]
    assert (commitment.done, commitment.total) == (1, 3)
    assert [m.id for m in commitment.overdue] == ["2"]
    assert codes(records, "progress-stale", today=date(2024, 11, 1)) == []
    assert len(codes(records, "progress-stale", today=date(2024, 11, 2))) == 1


def test_consultation_findings(tmp_path: Path) -> None:
    forum = ForumBuilder(tmp_path)
    forum.members(1)
    forum.write(
        "consultations/c1.md",
        "title: C1\ntimeline_published: 2024-02-20\nopens: 2024-03-01\ncloses: 2024-03-31\n"
        "channels: [online_platform, email]",
    )
    forum.write(
        "consultations/c1/s1.md",
        "submitted: 2024-03-05\nresponse: {outcome: adopted, reason: Taken up.}",
    )
    forum.write("consultations/c1/s2.md", "submitted: 2024-03-06")
    records = forum.load()
    facts = derive(records, TODAY)
    assert facts.consultations["c1"].outcomes == {"adopted": 1, "unanswered": 1}
    assert codes(records, "timeline-late") == [
        "Timeline published 10 days before opening; the OGP standards ask for at least 14"
    ]
    assert codes(records, "channels-lacking") == ["No in-person channel"]
    assert codes(records, "submission-unanswered") == [
        "Submission s2 to c1 has no reasoned response yet"
    ]
    assert codes(records, "summary-missing") == ["No summary of the input published"]
    # while the consultation is open, an unanswered submission is not yet a failing
    assert codes(records, "submission-unanswered", today=date(2024, 3, 20)) == []


def test_voting_seat_counts_agree_with_the_roster_on_every_day() -> None:
    """The binary-search count against the plain pass over members, across the demo's years."""
    from conftest import DEMO
    from openforum.facts.roster import VotingSeats, voting_roster
    from openforum.records import load_forum

    records, problems = load_forum(DEMO)
    assert not problems
    seats = VotingSeats.of(records)
    day, changes = date(2021, 6, 1), set()
    while day <= date(2027, 6, 1):
        holders = voting_roster(records, day)
        government = sum(1 for h in holders if h.member.sector == "government")
        assert seats.count(day) == len(holders), day
        assert seats.count(day, government=True) == government, day
        changes.add(len(holders))
        day += timedelta(days=10)
    assert len(changes) >= 2  # from no seats to a full Forum
