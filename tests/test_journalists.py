"""What journalists and reusers follow: link previews, permalinks, citations, feeds,
the calendar subscription and the open data page."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DEMO, PROJECT
from html_tree import parse
from openforum.site.citation import cite, git_versions
from site_build import demo_site


def _head(url: str) -> dict[str, str]:
    tree = parse(demo_site().page(url).read_text(encoding="utf-8"))
    return {
        e.attrs.get("property") or e.attrs["name"]: e.attrs["content"]
        for e in tree.find_all("meta")
        if "content" in e.attrs and (e.attrs.get("property") or e.attrs.get("name"))
    }


def test_commitment_link_preview_states_the_status() -> None:
    site = demo_site()
    commitment = site.records.commitments["nap4-03"]
    meta = _head("commitments/nap4-03/")
    assert meta["og:title"] == f"nap4-03: {commitment.title}"
    assert meta["og:description"].startswith("Status: Substantial.")
    assert meta["og:url"] == "https://opengov.veloria.example/commitments/nap4-03/"
    assert meta["twitter:card"] == "summary"
    assert meta["twitter:description"] == meta["og:description"]


def test_meeting_link_preview_states_quorum() -> None:
    meta = _head("meetings/2023-02-14-plenary/")
    assert "Quorum not met: 5 of 12 voting members present (6 needed)" in meta["og:description"]
    assert meta["og:url"].endswith("/meetings/2023-02-14-plenary/")


def test_cite_this_gives_the_permalink_and_a_record_version() -> None:
    site = demo_site()
    page = parse(site.page("commitments/nap4-03/").read_text(encoding="utf-8"))
    cite = page.find("div", class_="of-cite")
    permalink = cite.find("code", class_="of-permalink").text
    assert permalink == "https://opengov.veloria.example/commitments/nap4-03/"
    # The test site's records are a copy outside Git: the record's latest date stands in.
    last = site.records.commitments["nap4-03"].progress[-1].date
    assert f"record as of {last.isoformat()}" in cite.text
    citation = cite.find("p", class_="of-citation").text
    assert permalink in citation
    title = site.records.commitments["nap4-03"].title
    assert f"\u201cnap4-03: {title}\u201d" in citation


def test_a_citation_adds_no_character_beyond_latin_1_to_a_page() -> None:
    # Below U+0100 throughout, Python holds a page at one byte a character: the citation's
    # curly quotes made every meeting page of a large forum, held at once, take two.
    citation = cite(
        "Forum of Veloria", "Budget <2025>", "Commitment", "https://x.example/", None, None
    )
    assert "\u201cBudget <2025>\u201d" in citation.text
    assert max(map(ord, citation.html)) < 0x100
    assert parse(f"<p>{citation.html}</p>").text == citation.text


def test_record_version_is_the_last_commit_of_its_file() -> None:
    versions = git_versions(DEMO)
    if not (PROJECT / ".git").exists():  # a source tarball: nothing to read, nothing claimed
        assert versions == {}
        return
    version = versions[(DEMO / "forum.md").resolve()]
    assert len(version.commit) >= 7 and version.day.year >= 2026


def test_feeds_are_linked_from_the_pages_they_follow() -> None:
    site = demo_site()
    page = parse(site.page("commitments/nap4-03/").read_text(encoding="utf-8"))
    follow = page.find("a", class_="of-follow").attrs["href"]
    feed = (site.page("commitments/nap4-03/").parent / follow).resolve()
    assert feed == (site.root / "feeds/commitments/nap4-03.atom").resolve() and feed.is_file()
    alternates = [e.attrs["href"] for e in page.find_all("link", rel="alternate")]
    assert follow in alternates


def test_meetings_page_offers_a_calendar_subscription() -> None:
    site = demo_site()
    page = parse(site.page("meetings/").read_text(encoding="utf-8"))
    links = {a.text: a.attrs["href"] for a in page.find("p", class_="of-subscribe").find_all("a")}
    assert (site.page("meetings/").parent / links["calendar.ics"]).resolve().is_file()
    assert links["open in your calendar app"] == "webcal://opengov.veloria.example/calendar.ics"


def test_data_page_documents_every_table_with_its_fields() -> None:
    site = demo_site()
    page_file = site.page("data/")
    page = parse(page_file.read_text(encoding="utf-8"))
    package = json.loads((site.root / "data/datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] in page.text or package["licenses"][0]["title"] in (
        page.text
    )
    for resource in package["resources"]:
        heading = page.by_id(f"table-{resource['name']}")
        assert heading is not None
        for field in resource["schema"]["fields"]:
            assert field["name"] in page.text
    for anchor in page.find_all("a"):
        href = anchor.attrs.get("href", "")
        if href.endswith((".csv", ".json", ".ics", ".atom", ".txt")):
            assert (page_file.parent / href).resolve().is_file(), href


def test_no_versions_outside_a_git_repository(tmp_path: Path) -> None:
    assert git_versions(tmp_path) == {}


def test_materials_script_settings_are_each_pages_own() -> None:
    # main.html makes them once per depth and language: each page still has its own (a
    # language's site has its root at /<language>/).
    site = demo_site()
    seen = {}
    for url, depth, language in [
        ("commitments/nap4-03/", 2, "en"),
        ("commitments/", 1, "en"),
        ("es/commitments/nap4-03/", 2, "es"),
        ("es/", 0, "es"),
    ]:
        page = parse(site.page(url).read_text(encoding="utf-8"))
        config = json.loads(page.find("script", id="__config").text)
        assert config["base"] == ("/".join([".."] * depth) or ".")
        up = "../" * depth
        assert config["search"].startswith(up + "assets/javascripts/workers/search.")
        seen.setdefault(language, set()).add(config["translations"]["clipboard.copy"])
    assert seen["en"] == {"Copy to clipboard"} and len(seen["es"]) == 1
    assert seen["es"] != seen["en"]
