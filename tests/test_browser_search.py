"""Full-text search (Pagefind) in Chromium, and the keyboard paths of the site's scripts.

Pagefind's own search runs in the page against the built index, as the header box runs it.
"""

from __future__ import annotations

import bisect
import gzip
import json
import random
import re
from pathlib import Path

from playwright.sync_api import Browser, Page

from browser_kit import DESKTOP
from browser_sites import served_demo, served_held_out

TOP_THREE = """async ([query, filters]) => {
  const pagefind = await import('/pagefind/pagefind.js');
  const found = await pagefind.search(query, {filters});
  const top = await Promise.all(found.results.slice(0, 3).map(r => r.data()));
  return top.map(d => ({url: d.url, kind: d.filters.kind, parts: d.sub_results.map(s => s.url)}));
}"""
SAMPLE = 25


def _page(browser: Browser, base: str) -> Page:
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(base)
    return page


def test_planted_words_find_their_record_first_three(browser: Browser) -> None:
    served = served_held_out()
    picked = random.Random().sample(served.planted, SAMPLE)  # a new draw every run
    assert {p.where for p in served.planted} == {"minutes", "decision", "description", "submission"}
    page = _page(browser, served.base)
    missed = []
    for planted in picked:
        top = page.evaluate(TOP_THREE, [planted.word, {}])
        record, _, anchor = planted.url.partition("#")
        hits = [hit for hit in top if hit["url"] == record]
        if not hits or (anchor and planted.url not in hits[0]["parts"]):
            missed.append((planted, top))
    page.context.close()
    assert not missed


def _rare_words(records: Path, site: Path) -> dict[str, str]:
    """Words of six letters or more from the demo's meetings, commitments and submissions
    that begin no word of any other indexed page (as Pagefind matches them), by record."""
    indexed: set[tuple[str, str]] = set()  # (word, url) of every indexed page
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        indexed |= {(w, data["url"]) for w in re.findall(r"[a-z]+", data["content"].lower())}
    ordered = sorted(indexed)
    found: dict[str, str] = {}
    for path in sorted(records.rglob("*.md")):
        kind = path.relative_to(records).parts[0]
        if kind in ("meetings", "commitments"):
            url = f"/{kind}/{path.stem}/"
        elif kind == "consultations" and path.parent.name != "consultations":
            url = f"/consultations/{path.parent.name}/"
        else:
            continue
        for word in set(re.findall(r"[a-z]{6,}", path.read_text(encoding="utf-8").lower())):
            at = bisect.bisect_left(ordered, (word, ""))
            holders = set()
            while at < len(ordered) and ordered[at][0].startswith(word):
                holders.add(ordered[at][1])
                at += 1
            if holders == {url}:
                found[word] = url
    return found


def test_words_from_the_demos_records_find_them(browser: Browser) -> None:
    served = served_demo()
    rare = _rare_words(served.site.records.root, served.site.root)
    assert len(rare) > SAMPLE
    picked = random.Random().sample(sorted(rare), SAMPLE)
    page = _page(browser, served.base)
    missed = [
        w for w in picked if rare[w] not in [h["url"] for h in page.evaluate(TOP_THREE, [w, {}])]
    ]
    page.context.close()
    assert not missed


def test_filters_narrow_by_kind_and_ids_rank_first(browser: Browser) -> None:
    served = served_demo()
    page = _page(browser, served.base)
    for key in sorted(served.site.records.commitments)[:3]:
        top = page.evaluate(TOP_THREE, [key, {}])
        assert top[0]["url"] == f"/commitments/{key}/"
    meetings = page.evaluate(TOP_THREE, ["plenary", {"kind": "Meeting"}])
    assert meetings and all(hit["kind"] == ["Meeting"] for hit in meetings)
    page.context.close()


def test_the_header_search_box_works_from_the_keyboard(browser: Browser) -> None:
    served = served_held_out()
    planted = served.planted[0]
    page = _page(browser, served.base + "about/")
    page.keyboard.press("/")
    box = page.locator("#of-search-query")
    assert box.evaluate("el => el === document.activeElement")
    # A word of every kind of record; the filters, opened from the keyboard, narrow it.
    page.keyboard.type("budget")
    kinds = page.locator(".md-search-result__list .of-search-kind")
    kinds.first.wait_for()
    assert len(set(kinds.all_text_contents())) > 1
    page.locator(".of-search-narrow summary").focus()
    page.keyboard.press("Enter")
    kind = page.locator(".of-search-filters select[name=kind]")
    kind.wait_for()
    assert kind.evaluate("el => el === document.activeElement")
    options = kind.locator("option").all_text_contents()
    for _ in range(options.index("Meeting")):
        page.keyboard.press("ArrowDown")
    assert kind.input_value() == "Meeting"
    page.wait_for_function(
        """() => {
          const kinds = [...document.querySelectorAll('.md-search-result__list .of-search-kind')];
          return kinds.length > 0 && kinds.every(k => k.textContent === 'Meeting');
        }"""
    )
    # A planted word, then Down to its record and Enter to go there.
    box.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(planted.word)
    record = planted.url.split("#")[0]
    page.wait_for_function(  # the whole word typed, its record comes first
        "record => document.querySelector('.md-search-result__list a')"
        "?.getAttribute('href') === record",
        arg=record,
    )
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + record + "*")
    page.keyboard.press("/")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    page.context.close()


def test_table_filters_sorting_and_timeline_kinds_by_keyboard(browser: Browser) -> None:
    served = served_demo()
    page = _page(browser, served.base + "commitments/")
    rows = page.locator("#commitments-table tbody tr:not([hidden])")
    total = rows.count()
    status = page.locator("select[data-key=status]")
    status.focus()
    page.keyboard.press("ArrowDown")  # the first status after "All"
    chosen = status.input_value()
    assert chosen and 0 < rows.count() < total
    assert all(rows.nth(i).get_attribute("data-status") == chosen for i in range(rows.count()))
    sort = page.locator("#commitments-table th .of-sort").first
    sort.focus()
    page.keyboard.press("Enter")
    assert page.locator("#commitments-table th").first.get_attribute("aria-sort") == "ascending"
    page.keyboard.press("Enter")
    assert page.locator("#commitments-table th").first.get_attribute("aria-sort") == "descending"
    page.goto(served.base + "timeline/")
    meetings = page.locator("li[data-kind=meeting]")
    assert meetings.count() > 0 and not meetings.first.evaluate("li => li.hidden")
    page.locator(".of-kinds input[value=meeting]").focus()
    page.keyboard.press("Space")
    assert all(meetings.nth(i).evaluate("li => li.hidden") for i in range(meetings.count()))
    page.context.close()
