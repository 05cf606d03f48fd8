"""No page grows faster than the records, whatever the shape of the forum.

Forums of bench/shapes.py's shapes (the benchmark's), generated without MkDocs: a member
at every meeting for decades, a timeline of decades, every submission on one consultation.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest

from openforum.kinds.members.pages import LATEST_MEETINGS
from openforum.records import load_forum
from openforum.site import SiteOptions, generate_site, timeline
from openforum.site.timeline import LATEST_YEARS, events

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from shapes import generate

TODAY = date(2026, 11, 23)


def site_of(shape: str, size: int, root: Path):  # type: ignore[no-untyped-def]
    generate(shape, size, root)
    records, problems = load_forum(root)
    assert not problems, [str(p) for p in problems]
    return records, generate_site(records, SiteOptions(today=TODAY))


def largest(site) -> int:  # type: ignore[no-untyped-def]
    return max(len(page.html) for page in site.pages.values())


@pytest.mark.parametrize("shape", ["attend-all", "rotating", "rich"])
def test_the_largest_page_grows_no_faster_than_the_records(shape: str, tmp_path: Path) -> None:
    _, small = site_of(shape, 100, tmp_path / "small")
    _, large = site_of(shape, 400, tmp_path / "large")
    # Four times the records (and sixteen times the attendance, for attend-all): the
    # largest page may grow about four times, never as members x meetings.
    assert largest(large) <= 4.5 * largest(small)


def test_member_pages_count_every_meeting_and_list_the_latest(tmp_path: Path) -> None:
    records, site = site_of("attend-all", 200, tmp_path)
    meetings = len(records.meetings)
    assert meetings > LATEST_MEETINGS
    for key in list(records.members)[:5]:
        page = site.pages[f"members/{key}.md"].html
        assert f"Present at {meetings} meetings" in page
        listed = re.findall(r'<li><a href="\.\./\.\./meetings/', page)
        assert len(listed) == LATEST_MEETINGS
        by_year = re.findall(r"<tr><td>\d{4}</td><td>(\d+)</td>", page)
        assert sum(map(int, by_year)) == meetings
        assert "../../data/#table-attendance" in page


def test_the_timeline_pages_earlier_years_and_loses_no_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline, "TIMELINE_EVENTS", 60)  # as many years as 600 would, at 10x
    records, site = site_of("rotating", 200, tmp_path)
    every = events(records)
    index = site.pages["timeline/index.md"].html
    years = [p for p in site.pages if re.fullmatch(r"timeline/\d{4}\.md", p)]
    assert years, "a forum of decades has pages for its earlier years"
    on_index = index.count('<li class="of-event')
    assert on_index <= 60 or index.count('<details class="of-year"') == LATEST_YEARS
    on_years = sum(site.pages[p].html.count('<li class="of-event') for p in years)
    assert on_index + on_years == len(every)
    for src in years:
        year = src.removeprefix("timeline/").removesuffix(".md")
        assert f'href="{year}/"' in index
        days = re.findall(r'<time datetime="(\d{4})-', site.pages[src].html)
        assert set(days) == {year}
