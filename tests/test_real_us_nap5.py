"""The real records of the fifth U.S. National Action Plan, converted to the contract by
tests/us_nap5.py, validate, check and build as they are."""

from __future__ import annotations

import json
from pathlib import Path

from html_tree import content
from openforum.cli import main
from openforum.records import load_forum
from site_build import build_site
from us_nap5 import commitment_status, convert, meeting_day, milestone_status


def test_statuses_and_dates_are_mapped() -> None:
    assert milestone_status('"Complete"'.strip('"')) == "complete"
    assert milestone_status("On Track") == "in_progress"
    assert milestone_status(None) == "not_reported"
    assert commitment_status(["complete", "in_progress"]) == "substantial"
    assert commitment_status(["not_reported"]) == "not_reported"
    assert str(meeting_day("November 29th 2022 Virtual Public Engagement", "x")) == "2022-11-29"


def test_the_real_records_validate_check_and_build(tmp_path: Path, capsys) -> None:
    records_dir = tmp_path / "forum_records"
    convert(records_dir)
    records, problems = load_forum(records_dir)
    assert not problems, [p.message for p in problems]
    assert len(records.commitments) == 36 and len(records.meetings) == 19
    assert sum(len(c.milestones) for c in records.commitments.values()) == 70

    assert main(["check", str(records_dir), "--today", "2024-10-25", "--format", "json"]) == 0
    checked = json.loads(capsys.readouterr().out)
    assert checked["today"] == "2024-10-25"

    site = build_site(tmp_path / "build", records=records_dir, today="2024-10-25")
    assert site.warnings == []
    page = content(site.page("commitments/us0114/"))
    facts = page.find("dl").text
    assert "Executive Office of the President" in facts  # the lead, in words
    assert not [a for a in page.find_all("a") if a.text == "Executive Office of the President"]
    members = site.page("members/").read_text(encoding="utf-8")
    assert "Executive Office of the President" not in members
    meeting = content(site.page("meetings/2022-04-12-april-2022-public-meeting/"))
    assert "Welcome and introductions (White House and GSA)" in [
        li.text for li in meeting.find_all("li")
    ]
