"""What keeps the search indexer's peak memory down (issue 16) without losing what citizens find.

Attendance lists (names on every meeting page, meetings on every member's page) are left out
of the index: each name and meeting is found on its own page. Pagefind's allocator is told
to return freed memory at once.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path

from playwright.sync_api import Browser

from browser_kit import DESKTOP
from browser_sites import served_demo
from html_tree import parse
from openforum.fulltext import ALLOCATOR, GLOB, NO_STEMMING, pagefind_program
from site_build import demo_site
from test_browser_search import TOP_THREE


def _fragments(site: Path) -> dict[str, str]:
    """Indexed text by page URL, as Pagefind stored it."""
    found = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data["content"]
    return found


def test_attendance_lists_are_not_indexed_and_names_find_their_member() -> None:
    site = demo_site()
    indexed = _fragments(site.root)
    meetings_checked = members_checked = 0
    for key, meeting in site.records.meetings.items():
        page = parse(site.page(f"meetings/{key}/"))
        tables = [
            t
            for t in page.find_all("table")
            if any("Attendance by sector" in c.text for c in t.find_all("caption"))
        ]
        if not tables:
            continue
        text = indexed[f"/meetings/{key}/"]
        assert "Attendance by sector" not in text
        assert "data-pagefind-ignore" in tables[0].attrs
        # The record itself is still indexed: its title and its minutes' words.
        assert meeting.title in text
        for link in tables[0].find_all("a"):
            member = link.attrs["href"].rstrip("/").rsplit("/", 1)[-1]
            assert link.text in indexed[f"/members/{member}/"]
            members_checked += 1
        meetings_checked += 1
    assert meetings_checked and members_checked
    listed = 0
    for key in site.records.members:
        page = parse(site.page(f"members/{key}/"))
        for listing in page.find_all("ul", class_="of-columns"):
            assert "data-pagefind-ignore" in listing.attrs
            for link in listing.find_all("a"):
                assert link.text not in indexed[f"/members/{key}/"]
                listed += 1
    assert listed


def test_pagefinds_allocator_takes_the_setting(tmp_path: Path) -> None:
    # The setting only lowers the peak if Pagefind's program reads it: jemalloc reports the
    # options it runs with when asked to print its statistics.
    (tmp_path / "index.html").write_text(
        "<html lang='en'><body><div data-pagefind-body><p>budget minutes</p></div></body></html>",
        encoding="utf-8",
    )
    ((name, value),) = ALLOCATOR.items()
    done = subprocess.run(
        [
            str(pagefind_program()),
            "--site",
            str(tmp_path),
            "--glob",
            GLOB,
            "--force-language",
            NO_STEMMING,
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, name: value + ",stats_print:true"},
    )
    report = done.stdout + done.stderr
    for setting in value.split(
        ","
    ):  # "dirty_decay_ms:200" is reported as "opt.dirty_decay_ms: 200"
        assert "opt.{}: {}".format(*setting.split(":")) in report


def test_a_members_name_finds_their_page_first_three(browser: Browser) -> None:
    # With attendance out of the index, a name searched for still leads to its member.
    served = served_demo()
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(served.base)
    names = {}
    for key in sorted(served.site.records.members):
        heading = parse(served.site.page(f"members/{key}/")).find("h1").text
        names[heading] = f"/members/{key}/"
    assert names
    missed = [
        name
        for name, url in names.items()
        if url not in [hit["url"] for hit in page.evaluate(TOP_THREE, [name, {}])]
    ]
    page.context.close()
    assert not missed
