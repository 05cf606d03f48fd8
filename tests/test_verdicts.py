"""Verdicts at their edges: the OGP's thresholds on the day, what is not yet due or before
the standards, and the Forum's own rules judged `not_verifiable` where the records lack the
date or the attendance, and `not_applicable` where the Forum set no rule."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import found
from forum_builder import ForumBuilder
from html_tree import parse
from ogp_forum import TODAY, OgpForum
from openforum.cli import main
from openforum.facts.dated import dated_records, undated_records
from openforum.facts.forum import derive
from openforum.facts.verdicts import Judgement
from openforum.records import load_forum
from openforum.site import SiteOptions, generate_site


def judgements(tmp_path: Path, forum: OgpForum, today: date = TODAY) -> dict[str, Judgement]:
    records, problems = load_forum(forum.write(tmp_path / "forum_records"))
    assert not problems, [p.message for p in problems]
    return {j.code: j for j in derive(records, today).requirements}


@pytest.mark.parametrize(("drop", "verdict"), [(1, "met"), (2, "not_met")])
def test_a_space_that_meets_every_six_months_exactly(
    tmp_path: Path, drop: int, verdict: str
) -> None:
    forum = OgpForum()
    # Quarterly meetings: without one, the next comes six months on the day; without two, nine.
    for stem in ["2025-05-15-plenary", "2025-08-15-plenary"][:drop]:
        del forum.meetings[stem]
    found_ = judgements(tmp_path, forum)["ogp-1.1"]
    assert found_.verdict == verdict
    if verdict == "not_met":
        [gap] = found_.shortfalls
        assert (gap.code, gap.values["from"], gap.values["to"]) == (
            "meeting-gap",
            date(2025, 2, 15),
            date(2025, 11, 15),
        )
        assert gap.subject.url == "meetings/2025-11-15-plenary/"


@pytest.mark.parametrize(("days", "verdict"), [(14, "met"), (13, "not_met")])
def test_the_timeline_two_weeks_ahead_on_the_day(tmp_path: Path, days: int, verdict: str) -> None:
    forum = OgpForum()
    consultation = forum.consultations["nap2-cocreation"]
    consultation["timeline_published"] = date.fromordinal(consultation["opens"].toordinal() - days)
    found_ = judgements(tmp_path, forum)["ogp-3.1:nap2"]
    assert (found_.verdict, found_.figures["notice_days"]) == (verdict, days)


def test_a_plan_without_a_consultation_cannot_be_told(tmp_path: Path) -> None:
    forum = OgpForum()
    del forum.plans["nap2"]["consultation"]
    del forum.consultations["nap2-cocreation"]["plan"]
    found_ = judgements(tmp_path, forum)
    for requirement in ("ogp-3.1", "ogp-3.2", "ogp-3.3", "ogp-4.1"):
        judgement = found_[f"{requirement}:nap2"]
        assert judgement.verdict == "not_verifiable"
        assert [(s.subject.url, s.field) for s in judgement.fields_to_fill] == [
            ("plans/nap2/", "consultation")
        ]


def test_plans_before_the_standards_are_not_judged_by_them(tmp_path: Path) -> None:
    forum = OgpForum()
    forum.consultations["nap1-cocreation"].update(
        timeline_published=date(2021, 5, 1), opens=date(2021, 5, 2), closes=date(2021, 6, 14)
    )
    forum.plans["nap1"]["phases"][0].update(start=date(2021, 3, 1), end=date(2021, 8, 31))
    forum.plans["nap1"]["phases"][1]["start"] = date(2021, 9, 1)
    forum.plans["nap1"]["period"]["start"] = date(2021, 9, 1)
    found_ = judgements(tmp_path, forum)
    for requirement in ("ogp-3.1", "ogp-3.2", "ogp-3.3", "ogp-4.1", "ogp-5.1"):
        judgement = found_[f"{requirement}:nap1"]
        assert (judgement.verdict, judgement.why) == ("not_applicable", "before-standards")
        assert found_[f"{requirement}:nap2"].verdict == "met"


def test_implementation_meetings_are_judged_year_by_year(tmp_path: Path) -> None:
    forum = OgpForum()
    forum.miss_meetings_during_implementation("nap2")
    # Six months into the first year with no meeting: the year is not over, nothing to judge.
    early = judgements(tmp_path / "early", forum, date(2025, 3, 1))["ogp-5.1:nap2"]
    assert (early.verdict, early.why) == ("not_applicable", "under-way")
    forum.meetings["2025-06-01-working-group"] = {
        "title": "Working group",
        "kind": "working_group",
        "status": "held",
        "start": "2025-06-01T10:00",
    }
    late = judgements(tmp_path / "late", forum)["ogp-5.1:nap2"]
    assert late.verdict == "not_met"
    assert [
        (s.values["from"], s.values["meetings"], s.values["needed"]) for s in late.shortfalls
    ] == [
        (date(2024, 9, 1), 1, 2),
        (date(2025, 9, 1), 0, 2),
    ]


def test_a_repository_stretch_only_undated_records_could_fill(tmp_path: Path) -> None:
    forum = OgpForum()
    forum.miss_records_between(date(2025, 3, 1), date(2025, 9, 30))
    # Its period ended before the stretch began: published within the year after, it may
    # still have gone online during the stretch.
    forum.undated_assessment(date(2024, 12, 31))
    judgement = judgements(tmp_path, forum)["ogp-2.2"]
    assert judgement.verdict == "not_verifiable"
    assert [(s.subject.url, s.field) for s in judgement.fields_to_fill] == [
        ("assessments/forum-self-assessment/", "published")
    ]


def test_documents_carry_their_publication_date(tmp_path: Path) -> None:
    forum = ForumBuilder(tmp_path)
    forum.members(1)
    forum.write(
        "meetings/m1.md",
        "title: M1\nkind: plenary\nstatus: held\nstart: 2024-03-15T10:00\n"
        "documents:\n"
        "  - {title: Minutes, url: https://example.org/m.pdf, published: 2024-04-02}\n"
        "  - {title: Slides, url: https://example.org/s.pdf}",
    )
    records = forum.load()
    assert [(d.day, d.field) for d in dated_records(records, TODAY)] == [
        (date(2024, 3, 15), "start"),
        (date(2024, 4, 2), "documents[0].published"),
    ]
    [undated] = undated_records(records, TODAY)
    assert (undated.field, undated.earliest, undated.latest) == (
        "documents[1].published",
        date(2024, 2, 15),
        date(2025, 3, 15),
    )
    forum.write(
        "meetings/m2.md",
        "title: M2\nkind: plenary\nstatus: held\nstart: 2024-05-15T10:00\n"
        "documents:\n  - {title: Minutes, url: https://example.org/m.pdf, published: soon}",
    )
    _, problems = found(tmp_path)
    assert [(path, line) for path, line, _, _ in problems] == [("meetings/m2.md", 7)]
    assert "published" in problems[0][3] and "YYYY-MM-DD" in problems[0][3]


def test_forum_rules_without_evidence_are_not_verifiable(tmp_path: Path) -> None:
    forum = ForumBuilder(tmp_path)
    forum.members(2)
    forum.member("cso1", "civil_society")
    forum.member("cso2", "civil_society")
    for month in (2, 5, 8, 11):  # no notice date, no attendance anywhere
        forum.meeting(
            f"m{month}", f"2024-{month:02}-10T10:00", minutes_published=f"2024-{month:02}-20"
        )
    records = forum.load()
    verdicts = {j.code: j for j in derive(records, date(2024, 12, 31)).requirements}
    notice, quorum = verdicts["rules-notice"], verdicts["rules-quorum"]
    assert notice.verdict == quorum.verdict == "not_verifiable"
    assert {s.field for s in notice.shortfalls} == {"announced"}
    assert {s.field for s in quorum.shortfalls} == {"attendance.present"}
    assert len(quorum.shortfalls) == 4
    assert verdicts["rules-minutes"].verdict == "met"


def test_rules_the_forum_did_not_set_are_not_applicable(tmp_path: Path) -> None:
    forum = ForumBuilder(tmp_path, quorum=None, notice_days=None, parity="false")
    forum.rules = {k: v for k, v in forum.rules.items() if v is not None}
    forum.members(1)
    forum.meeting("m1", "2024-03-15T10:00")
    verdicts = {j.code: j for j in derive(forum.load(), date(2024, 12, 31)).requirements}
    for code in ("rules-quorum", "rules-notice", "rules-parity"):
        assert (verdicts[code].verdict, verdicts[code].why) == ("not_applicable", "no-rule")


def test_check_names_the_field_to_fill(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    forum = OgpForum()
    del forum.consultations["nap2-cocreation"]["timeline_published"]
    records = forum.write(tmp_path / "forum_records")
    assert main(["check", str(records), "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "[NOT VERIFIABLE] ogp-3.1:nap2" in out
    assert "fill `timeline_published` in consultations/nap2-cocreation.md" in out


def test_check_fails_on_a_requirement_not_met(tmp_path: Path) -> None:
    forum = OgpForum()
    del forum.submissions[("nap2-cocreation", "s1")]["response"]["reason"]
    records = str(forum.write(tmp_path / "forum_records"))
    today = ["--today", TODAY.isoformat()]
    assert main(["check", records, *today, "--fail-on", "ogp-4.1"]) == 1
    assert main(["check", records, *today, "--fail-on", "ogp-4.1:nap2"]) == 1
    assert main(["check", records, *today, "--fail-on", "ogp-4.1:nap1,ogp-3.1"]) == 0


def test_many_meetings_are_evidenced_by_their_list_page(tmp_path: Path) -> None:
    forum = OgpForum()
    for month in range(1, 13):  # 20 quarterly plenaries and 36 monthly working groups
        for year in (2023, 2024, 2025):
            forum.meetings[f"{year}-{month:02}-01-wg"] = {
                "title": "Working group",
                "kind": "working_group",
                "status": "held",
                "start": f"{year}-{month:02}-01T10:00",
            }
    found_ = judgements(tmp_path, forum)
    urls = [e.url for e in found_["ogp-1.1"].evidence]
    assert urls == ["forum/", "members/", "meetings/"]
    few = [e.url for e in found_["ogp-5.1:nap1"].evidence]
    assert "meetings/2023-01-01-wg/" in few and "meetings/" not in few


def test_a_long_list_of_shortfalls_folds_after_eight(tmp_path: Path) -> None:
    forum = OgpForum()
    for meeting in forum.meetings.values():
        meeting.pop("attendance")
    records, _ = load_forum(forum.write(tmp_path / "forum_records"))
    html = generate_site(records, SiteOptions(today=TODAY)).pages["accountability/index.md"].html
    row = parse(html).by_id("requirement-rules-quorum")
    assert row.attrs["data-verdict"] == "not_verifiable"
    folded = row.find("details")
    assert len(folded.find_all("li")) == len(forum.meetings) - 8
    fills = [li.text for li in row.find_all("li")]
    assert len(fills) == len(forum.meetings)
    assert all("fill attendance.present in meetings/" in text for text in fills)
    # The field to fill is shown as code, not between literal backticks.
    assert all(li.find("code").text == "attendance.present" for li in row.find_all("li"))
