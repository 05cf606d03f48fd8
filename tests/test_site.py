"""The public site built from the demo forum: build, links, commitments, plans, home, search."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from html_tree import Element, content, parse
from openforum.facts.forum import derive
from openforum.site import derived, labels
from openforum.site.urls import RECORD_KINDS
from site_build import EDIT_BASE, TODAY, BuiltSite, demo_site

TODAY_DATE = date.fromisoformat(TODAY)


@pytest.fixture(scope="session")
def site() -> BuiltSite:
    return demo_site()


def badge(element: Element) -> tuple[str, str]:
    """(status value, text) of the first badge in `element`."""
    found = element.find("span", class_="of-badge")
    value = next(c for c in found.classes if c.startswith("of-badge--")).removeprefix("of-badge--")
    return value, found.text


# The build -----------------------------------------------------------------------------------


def test_build_is_strict_clean(site: BuiltSite) -> None:
    assert site.warnings == []


def test_every_record_has_its_page(site: BuiltSite) -> None:
    for kind in RECORD_KINDS:
        for key in site.records.of_kind(kind):
            assert site.page(f"{kind}/{key}/").is_file(), f"/{kind}/{key}/"
        assert site.page(f"{kind}/").is_file()
    assert site.page("forum/").is_file() and site.page("timeline/").is_file()


def test_aliases_redirect_to_the_record(site: BuiltSite) -> None:
    aliases = [
        (kind, alias, key)
        for kind in RECORD_KINDS
        for key, record in site.records.of_kind(kind).items()
        for alias in record.aliases
    ]
    assert aliases, "the demo forum renames at least one record"
    for kind, alias, key in aliases:
        page = site.page(f"{kind}/{alias}/")
        tree = parse(page)
        refresh = tree.find("meta", http_equiv="refresh").attrs["content"]
        canonical = tree.find("link", rel="canonical").attrs["href"]
        link = tree.find("a").attrs["href"]
        assert refresh == f"0; url=../{key}/"
        assert link == f"../{key}/"
        # Absolute with a site_url (mkdocs.yml has one), so search engines merge the two.
        assert canonical == f"https://opengov.veloria.example/{kind}/{key}/"
        assert (page.parent / link / "index.html").resolve() == site.page(f"{kind}/{key}/")


def _targets(site: BuiltSite) -> dict[Path, set[str]]:
    return {
        page.resolve(): {e.attrs["id"] for e in parse(page).iter() if "id" in e.attrs}
        for page in site.root.rglob("*.html")
        # 404.html is served at any address, so its links are root-absolute by design.
        if page.name != "404.html"
    }


def test_every_internal_link_and_anchor_resolves(site: BuiltSite) -> None:
    ids = _targets(site)
    broken: list[str] = []
    checked = 0
    for page in ids:
        for element in parse(page).iter():
            ref = element.attrs.get("href") or element.attrs.get("src")
            if not ref or element.tag not in {"a", "link", "script", "img"}:
                continue
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:
                continue  # external: http(s), mailto
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{page}: {ref}")
            elif parts.fragment and parts.fragment not in ids.get(target, {parts.fragment}):
                broken.append(f"{page}: {ref} (no such anchor)")
    assert checked > 1000
    assert broken == []


def test_no_third_party_requests(site: BuiltSite) -> None:
    for page in site.root.rglob("*.html"):
        for element in parse(page).iter():
            if element.tag in {"script", "img", "iframe"} or (
                element.tag == "link" and element.attrs.get("rel") == "stylesheet"
            ):
                ref = element.attrs.get("src") or element.attrs.get("href") or ""
                assert not urlsplit(ref).netloc, f"{page}: {ref}"


def test_record_pages_stay_out_of_the_nav(site: BuiltSite) -> None:
    nav = parse(site.page("")).find("nav", class_="md-nav--primary")
    hrefs = {a.attrs["href"] for a in nav.find_all("a")}
    assert "commitments/" in hrefs and "timeline/" in hrefs and "members/" in hrefs
    assert not [h for h in hrefs if re.fullmatch(r"commitments/.+/", h)]


def test_record_pages_edit_their_source_file(site: BuiltSite) -> None:
    for kind, key in (("commitments", "nap4-03"), ("meetings", "2024-06-25-plenary")):
        edit = parse(site.page(f"{kind}/{key}/")).find("a", rel="edit").attrs["href"]
        assert edit == f"{EDIT_BASE}forum_records/{kind}/{key}.md"
    forum_edit = parse(site.page("forum/")).find("a", rel="edit").attrs["href"]
    assert forum_edit == f"{EDIT_BASE}forum_records/forum.md"


def test_pages_read_without_javascript(site: BuiltSite) -> None:
    """Nothing generated is hidden until a script shows it; filters are added by the script."""
    for url in ("commitments/", "timeline/"):
        html = site.page(url).read_text(encoding="utf-8")
        assert " hidden" not in html.split("<article", 1)[1].split("</article>", 1)[0]
        assert "<select" not in html and "<input" not in html.split("<article", 1)[1]


# Commitments ---------------------------------------------------------------------------------


def test_commitment_pages_show_status_progress_milestones_and_mentions(site: BuiltSite) -> None:
    mentions = derived.mentions(site.records)
    for key, c in site.records.commitments.items():
        page = content(site.page(f"commitments/{key}/"))
        assert page.find("h1").text == f"{key}: {c.title}"
        assert badge(page.find(class_="of-status")) == (c.status, labels.label(c.status))
        progress = derived.progress(derive(site.records, TODAY_DATE), c)
        if c.status == "withdrawn":  # said plainly, with no bar that reads as progress
            assert "Withdrawn: it will not be completed." in page.text
            assert not page.find(class_="of-facts").find_all(class_="of-meter")
        else:
            assert f"({progress.done} of {progress.total} milestone" in page.text
        rows = page.find("table").find("tbody").find_all("tr")
        milestone_rows = [row for row in rows if "of-indicator" not in row.classes]
        assert len(milestone_rows) == len(c.milestones)
        indicators = sum(len(m.indicators) for m in c.milestones)
        assert len(rows) - len(milestone_rows) == indicators  # indicators under milestones
        timeline = page.find("ol", class_="of-timeline").find_all("li")
        assert [li.find("time").attrs["datetime"] for li in timeline] == [
            str(e.date) for e in reversed(c.progress)
        ]
        found = mentions.get(key, derived.Mentions())
        for at in found.decisions:
            assert f"#decision-{at.decision.id}" in str(
                [a.attrs["href"] for a in page.find_all("a")]
            )
        assert len(page.find_all("a", href=None)) == 0
        if found.submissions:
            assert page.by_id("mentions-submissions")


def test_commitment_page_shows_irm_assessment(site: BuiltSite) -> None:
    assessed = [c for c in site.records.commitments.values() if c.irm]
    assert assessed, "the demo forum has IRM assessments"
    for c in assessed:
        page = content(site.page(f"commitments/{c.stem}/")).text
        if c.irm and c.irm.completion:
            assert f"Completion {labels.label(c.irm.completion)}" in page


def test_commitments_table_has_one_row_per_commitment(site: BuiltSite) -> None:
    table = content(site.page("commitments/")).by_id("commitments-table")
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == len(site.records.commitments)
    wrap = table.parent
    assert wrap is not None and wrap.attrs["data-of-filter"] == "plan status theme lead"
    for row in rows:
        key = row.find("a").text
        c = site.records.commitments[key]
        cells = row.find_all("td")
        assert row.attrs["data-status"] == c.status and row.attrs["data-plan"] == c.plan
        assert row.attrs["data-theme"] == (c.theme or "")
        assert badge(cells[5]) == (c.status, labels.label(c.status))
        progress = derived.progress(derive(site.records, TODAY_DATE), c)
        assert cells[7].text == f"{progress.done} of {progress.total}"
        overdue = derived.commitment_overdue(c, TODAY_DATE, derived.plan_closed(site.records, c))
        assert ("Overdue" in cells[9].text) == overdue
    assert any("Overdue" in row.text for row in rows)


# Plans ---------------------------------------------------------------------------------------


def legend(element: Element) -> dict[str, int]:
    items = element.find("ul", class_="of-legend").find_all("li")
    counts = {}
    for item in items:
        name, count = item.text.rsplit(":", 1)
        counts[name.strip()] = int(count)
    return counts


def test_plan_pages_count_commitments_by_status(site: BuiltSite) -> None:
    for key, plan in site.records.plans.items():
        page = content(site.page(f"plans/{key}/"))
        expected = derived.status_counts(derived.commitments_of(site.records, key))
        assert legend(page) == {labels.label(s): n for s, n in expected.items()}
        phases = page.find("ol", class_="of-phases").find_all("li")
        assert [p.find("strong").text for p in phases] == [
            labels.label(p.phase) for p in plan.phases
        ]
        if plan.consultation:
            assert page.find("a", href=f"../../consultations/{plan.consultation}/")


# Home, timeline, search ------------------------------------------------------------------------


def test_home_shows_plan_figures_next_meeting_and_decisions(site: BuiltSite) -> None:
    home = content(site.page(""))
    plan = derived.current_plan(site.records, TODAY_DATE)
    assert plan is not None
    card = home.find("section", aria_labelledby="home-commitments")
    assert plan.title in card.text
    expected = derived.status_counts(derived.commitments_of(site.records, plan.stem))
    assert legend(card) == {labels.label(s): n for s, n in expected.items()}
    upcoming = derived.next_meeting(site.records, TODAY_DATE)
    assert upcoming is not None
    meeting = home.find("section", aria_labelledby="home-next-meeting")
    assert meeting.find("a").attrs["href"] == f"meetings/{upcoming.stem}/"
    decisions = home.find("section", aria_labelledby="home-decisions").find_all("li")
    assert len(decisions) == 5
    latest = derived.latest_decisions(site.records, TODAY_DATE)
    assert latest[0].decision.text in decisions[0].text


def test_timeline_holds_the_whole_history(site: BuiltSite) -> None:
    page = content(site.page("timeline/"))
    events = page.find_all("li", class_="of-event")
    kinds = Counter(e.attrs["data-kind"] for e in events)
    records = site.records
    assert kinds["meeting"] == len(records.meetings)
    assert kinds["decision"] == sum(len(m.decisions) for m in records.meetings.values())
    assert kinds["commitment"] == sum(
        len(derived.status_changes(c)) for c in records.commitments.values()
    )
    assert kinds["plan"] == sum(len(p.phases) for p in records.plans.values())
    assert kinds["membership"] >= sum(len(m.seats) for m in records.members.values())
    days = [e.find("time").attrs["datetime"] for e in events]
    assert days == sorted(days, reverse=True)
    years = [h.text for h in page.find_all("h2")]
    assert years == sorted(set(years), reverse=True)


def test_search_finds_commitments_meetings_and_members(site: BuiltSite) -> None:
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]

    def entries(url: str) -> str:
        return " ".join(d["title"] + " " + d["text"] for d in docs if d["location"].startswith(url))

    c = site.records.commitments["nap4-03"]
    text = entries("commitments/nap4-03/")
    lead = site.records.members.get(c.lead or "") or site.records.organizations.get(c.lead or "")
    lead_name = lead.name if lead else c.lead
    assert "nap4-03" in text and c.title in text and lead_name and lead_name in text
    m = site.records.meetings["2024-06-25-plenary"]
    text = entries("meetings/2024-06-25-plenary/")
    assert m.title in text and "25 June 2024" in text
    for key, member in site.records.members.items():
        assert member.name in entries(f"members/{key}/")
