"""The OGP's minimum requirements on held-out Forums built to miss one requirement at a time.

Each Forum is built from records in a temporary folder; its verdicts are read three ways,
as a reader and a re-user would: the built Accountability page (parsed HTML),
`openforum check --format json`, and the open data (`api/forum.json`). The three must
agree, and against a Forum that meets everything, exactly the planted verdicts change:
to `not_met`, and with the date (or what tells) removed, to `not_verifiable`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from html_tree import parse
from ogp_forum import TODAY, OgpForum
from openforum import verdict_words as words
from openforum.cli import main
from site_build import build_site

Verdicts = dict[str, str]


def verdicts_everywhere(
    workdir: Path, forum: OgpForum, capsys: pytest.CaptureFixture[str]
) -> Verdicts:
    """The OGP verdicts by code, the same on the page, in `check --format json` and in the
    open data (asserted), with what each says to fill."""
    records = forum.write(workdir / "forum_records")
    assert main(["check", str(records), "--format", "json", "--today", TODAY.isoformat()]) == 0
    checked = json.loads(capsys.readouterr().out)["requirements"]
    site = build_site(workdir, records, today=TODAY.isoformat())
    assert site.warnings == []
    page = parse(site.page("accountability/").read_text(encoding="utf-8"))
    shown = {
        tr.attrs["data-code"]: tr.attrs["data-verdict"]
        for tr in page.find_all("tr")
        if "data-code" in tr.attrs
    }
    data = json.loads((site.root / "api/forum.json").read_text(encoding="utf-8"))
    published = data["derived"]["requirements"]
    from_check = {r["code"]: r["verdict"] for r in checked}
    assert from_check == shown == {r["code"]: r["verdict"] for r in published}
    for row in checked:  # every OGP verdict says what the OGP asks and where it says so
        if row["part"] == "ogp":
            assert row["asks"] and row["source"] == words.OGP_STANDARDS_URL
            assert (
                page.by_id("requirement-" + row["code"].replace(":", "-")).attrs["data-verdict"]
                == row["verdict"]
            )
    return {code: verdict for code, verdict in from_check.items() if code.startswith("ogp-")}


@cache
def _control(workdir: Path) -> Verdicts:
    # Built once per session: every test compares its Forum with this one.
    records = OgpForum().write(workdir / "forum_records")
    site = build_site(workdir, records, today=TODAY.isoformat())
    data = json.loads((site.root / "api/forum.json").read_text(encoding="utf-8"))
    return {r["code"]: r["verdict"] for r in data["derived"]["requirements"] if r["part"] == "ogp"}


@pytest.fixture
def control(tmp_path_factory: pytest.TempPathFactory) -> Verdicts:
    return _control(tmp_path_factory.getbasetemp() / "control")


def changed(control: Verdicts, found: Verdicts) -> Verdicts:
    assert found.keys() == control.keys()
    return {code: verdict for code, verdict in found.items() if control[code] != verdict}


def test_the_forum_that_keeps_every_requirement_meets_them_all(control: Verdicts) -> None:
    assert control == {code: "met" for code in control}
    per_plan = {"ogp-3.1", "ogp-3.2", "ogp-3.3", "ogp-4.1", "ogp-5.1"}
    assert set(control) == {"ogp-1.1", "ogp-2.1", "ogp-2.2"} | {
        f"{r}:{plan}" for r in per_plan for plan in ("nap1", "nap2")
    }


def _timeline(days: int | None) -> Callable[[OgpForum], None]:
    def plant(forum: OgpForum) -> None:
        consultation = forum.consultations["nap2-cocreation"]
        if days is None:
            del consultation["timeline_published"]
        else:
            consultation["timeline_published"] = date.fromordinal(
                consultation["opens"].toordinal() - days
            )

    return plant


def _no_reason(forum: OgpForum) -> None:
    del forum.submissions[("nap2-cocreation", "s1")]["response"]["reason"]


def _no_submission_nor_summary_date(forum: OgpForum) -> None:
    del forum.submissions[("nap2-cocreation", "s1")]
    del forum.consultations["nap2-cocreation"]["summary_published"]


def _government_only(forum: OgpForum) -> None:
    for member in forum.members.values():
        member["sector"] = "government"


def _hole(forum: OgpForum) -> None:
    forum.miss_records_between(date(2025, 3, 1), date(2025, 9, 30))


def _hole_with_undated_assessment(forum: OgpForum) -> None:
    _hole(forum)
    forum.undated_assessment(date(2025, 6, 30))


SCENARIOS = {
    # A timeline published ten days before co-creation; then with no date recorded.
    "timeline-ten-days": (_timeline(10), {"ogp-3.1:nap2": "not_met"}),
    "timeline-undated": (_timeline(None), {"ogp-3.1:nap2": "not_verifiable"}),
    # A response without a reason; a consultation with no submission and no summary date.
    "response-without-reason": (_no_reason, {"ogp-4.1:nap2": "not_met"}),
    "summary-undated": (_no_submission_nor_summary_date, {"ogp-4.1:nap2": "not_verifiable"}),
    # A Forum of government members only.
    "government-only": (_government_only, {"ogp-1.1": "not_met"}),
    # No meeting during a plan's implementation (two years: the six-month cadence of 1.1
    # fails with it); then the meetings on record but never marked held or not.
    "no-implementation-meeting": (
        lambda f: f.miss_meetings_during_implementation("nap1"),
        {"ogp-5.1:nap1": "not_met", "ogp-1.1": "not_met"},
    ),
    "implementation-meetings-unknown": (
        lambda f: f.miss_meetings_during_implementation("nap1", status="scheduled"),
        {"ogp-5.1:nap1": "not_verifiable", "ogp-1.1": "not_verifiable"},
    ),
    # A half-year without any dated record (so without a meeting either: 1.1 fails too);
    # then with a self-assessment of that time on record without its publication date.
    "half-year-without-record": (_hole, {"ogp-2.2": "not_met", "ogp-1.1": "not_met"}),
    "half-year-undated-record": (
        _hole_with_undated_assessment,
        {"ogp-2.2": "not_verifiable", "ogp-1.1": "not_met"},
    ),
}


@pytest.mark.parametrize("name", SCENARIOS)
def test_one_miss_turns_exactly_its_verdict(
    name: str, tmp_path: Path, control: Verdicts, capsys: pytest.CaptureFixture[str]
) -> None:
    plant, expected = SCENARIOS[name]
    forum = OgpForum()
    plant(forum)
    assert changed(control, verdicts_everywhere(tmp_path, forum, capsys)) == expected
