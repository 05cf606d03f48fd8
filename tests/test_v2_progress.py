"""not_reported, dates to the month or year, ongoing, and indicators (records.md, version 2)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from html_tree import parse
from openforum.site import derived
from v2_forum import clean, exports, facts, forum, load, site, write

COMMITMENT = """
title: Publish spending data
plan: nap1
status: not_reported
period: {start: 2024, end: 2027-09}
milestones:
  - id: 1
    title: Portal online
    due: 2027-09
    status: in_progress
    indicators:
      - {title: Datasets published, due: 2027, status: in_progress, note: Twelve of twenty}
      - {title: Users trained, due: ongoing, status: not_reported}
  - id: 2
    title: Yearly review
    due: ongoing
    status: in_progress
  - id: 3
    title: Law adopted
    due: 2026
    status: not_reported
  - id: 4
    title: Pilot
    due: 2025-03-31
    status: complete
    done: 2025-03
"""


def test_month_and_year_dates_fall_due_at_their_end_and_ongoing_never(tmp_path: Path) -> None:
    forum(tmp_path)
    write(tmp_path, "commitments/nap1-01.md", COMMITMENT)
    records = clean(tmp_path)
    milestones = records.commitments["nap1-01"].milestones

    def overdue(day: date) -> list[str]:
        return [m.id for m in milestones if derived.milestone_overdue(m, day)]

    assert overdue(date(2027, 9, 30)) == []
    assert overdue(date(2027, 10, 1)) == ["1"]  # due 2027-09: at the end of September
    assert overdue(date(2099, 1, 1)) == ["1"]  # ongoing never; not_reported is not late
    found = facts(records, date(2027, 10, 1)).commitments["nap1-01"]
    # not_reported milestones count as not done; indicators do not count at all
    assert (found.done, found.total) == (1, 4)


def test_not_reported_is_shown_and_counted_as_such(tmp_path: Path) -> None:
    forum(tmp_path)
    write(tmp_path, "commitments/nap1-01.md", COMMITMENT)
    write(
        tmp_path,
        "commitments/nap1-02.md",
        "title: Other\nplan: nap1\nstatus: not_started",
    )
    records = clean(tmp_path)
    counts = derived.status_counts(list(records.commitments.values()))
    assert counts["not_reported"] == 1 and counts["not_started"] == 1
    pages = site(records, date(2025, 1, 1)).pages
    page = parse(pages["commitments/nap1-01.md"].html)
    badges = [b.text for b in page.find_all("span", class_="of-badge--not_reported")]
    assert badges[0] == "Not reported" and "Not started" not in page.find("p", "of-status").text
    table = parse(pages["commitments/index.md"].html)
    assert "Not reported: 1" in table.find("figcaption").text


def test_partial_dates_and_indicators_are_shown_and_exported(tmp_path: Path) -> None:
    forum(tmp_path)
    write(tmp_path, "commitments/nap1-01.md", COMMITMENT)
    records = clean(tmp_path)
    page = parse(site(records, date(2025, 1, 1)).pages["commitments/nap1-01.md"].html)
    text = page.text
    assert "2024 to September 2027" in text  # the period, as written
    rows = page.find("table").find_all("tr")
    cells = [[td.text for td in row.find_all("td")] for row in rows[1:]]
    assert cells[0][2] == "September 2027"
    assert cells[1][1] == "Indicator: Datasets published Twelve of twenty" and cells[1][2] == "2027"
    assert cells[2][2] == "Ongoing" and cells[2][3] == "Not reported"
    assert cells[3][2] == "Ongoing"  # milestone 2
    assert cells[5][4] == "March 2025"  # done to the month

    files = exports(records, date(2025, 1, 1))
    milestones = list(csv.DictReader(io.StringIO(files["data/milestones.csv"])))
    assert [m["due"] for m in milestones] == ["2027-09", "ongoing", "2026", "2025-03-31"]
    indicators = list(csv.DictReader(io.StringIO(files["data/indicators.csv"])))
    assert [(i["milestone"], i["title"], i["due"]) for i in indicators] == [
        ("1", "Datasets published", "2027"),
        ("1", "Users trained", "ongoing"),
    ]
    data = json.loads(files["api/commitments/nap1-01.json"])
    assert data["period"] == {"start": "2024", "end": "2027-09"}
    assert data["milestones"][0]["indicators"][1]["due"] == "ongoing"
    ics = files["calendars/milestones.ics"]
    assert "DTSTART;VALUE=DATE:20270930" in ics and "Yearly review" not in ics


def test_a_bad_partial_date_is_an_error_at_its_line(tmp_path: Path) -> None:
    forum(tmp_path)
    write(
        tmp_path,
        "commitments/nap1-01.md",
        "title: T\nplan: nap1\nstatus: limited\nperiod: {start: 2024-13, end: 2025}\n"
        "milestones:\n  - {id: 1, title: M, status: in_progress, due: soon}",
    )
    _, problems = load(tmp_path)
    messages = sorted((p.mark.line, p.message) for p in problems)
    assert messages[0][0] == 5 and "no month 13" in messages[0][1]
    assert messages[1][0] == 7 and "or 'ongoing'" in messages[1][1]


def test_a_period_starting_with_a_year_starts_on_its_first_day(tmp_path: Path) -> None:
    forum(tmp_path)
    write(
        tmp_path,
        "commitments/nap1-01.md",
        "title: T\nplan: nap1\nstatus: limited\nperiod: {start: 2024, end: 2024-06}",
    )
    clean(tmp_path)
    write(
        tmp_path,
        "commitments/nap1-01.md",
        "title: T\nplan: nap1\nstatus: limited\nperiod: {start: 2024-07, end: 2024-06}",
    )
    _, problems = load(tmp_path)
    assert [p.message for p in problems] == ["period ends (2024-06) before it starts (2024-07)"]
