"""In Debian's Chromium, as a citizen would: axe-core finds no WCAG 2.2 AA violation on any
page type of two forums at desktop and phone widths; phones see every commitment's status
without scrolling sideways; pages read with scripts off; the keyboard reaches everything."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from browser_kit import DESKTOP, PHONE, axe_result, describe, start_axe
from browser_sites import Served, page_types, served_demo, served_held_out

FORUMS = {"demo": served_demo, "held-out": served_held_out}


def _open(browser: Browser, width: dict[str, int], **options: object) -> Page:
    return browser.new_context(viewport=width, **options).new_page()  # type: ignore[arg-type]


@pytest.mark.parametrize("forum", FORUMS)
def test_no_axe_violation_on_any_page_type(browser: Browser, forum: str) -> None:
    """Every page type at 1280 and at 390 pixels, the two widths checked side by side."""
    served: Served = FORUMS[forum]()
    pages = [_open(browser, width) for width in (DESKTOP, PHONE)]
    failures = []
    for url in page_types(served.site):
        for page in pages:
            page.goto(served.base + url)
            # Folded parts (tables behind charts, timeline years) are checked open too.
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            start_axe(page)
        for page in pages:
            found = axe_result(page)
            if found:
                width = page.viewport_size["width"] if page.viewport_size else 0
                failures.append(f"/{url} at {width}px:\n{describe(found)}")
    for page in pages:
        page.context.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("forum", FORUMS)
def test_every_commitment_row_shows_its_status_on_a_phone(browser: Browser, forum: str) -> None:
    served = FORUMS[forum]()
    page = _open(browser, PHONE)
    page.goto(served.base + "commitments/")
    boxes = page.eval_on_selector_all(
        "#commitments-table tbody tr",
        """rows => rows.map(row => {
             const cell = row.querySelector('td[data-label="Status"] .of-badge');
             const box = cell.getBoundingClientRect();
             return {text: cell.textContent.trim(), left: box.left, right: box.right,
                     width: box.width};
           })""",
    )
    assert len(boxes) == len(served.site.records.commitments)
    for box in boxes:
        assert box["text"] and box["width"] > 0
        assert box["left"] >= 0 and box["right"] <= PHONE["width"], box
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    page.context.close()


def test_every_page_type_fits_360_pixels(browser: Browser) -> None:
    served = served_demo()
    page = _open(browser, {"width": 360, "height": 800})
    too_wide = []
    for url in page_types(served.site):
        page.goto(served.base + url)
        if page.evaluate("document.scrollingElement.scrollWidth") > 360:
            too_wide.append(url)
    page.context.close()
    assert not too_wide


def test_pages_read_with_scripts_off(browser: Browser) -> None:
    served = served_demo()
    page = _open(browser, DESKTOP, java_script_enabled=False)
    page.goto(served.base + "commitments/")
    rows = page.locator("#commitments-table tbody tr")
    assert rows.count() == len(served.site.records.commitments)
    assert all(rows.nth(i).is_visible() for i in range(rows.count()))
    page.goto(served.base + "accountability/")
    charts = page.locator("svg.of-chart__svg[role=img]")
    assert charts.count() >= 3
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.is_visible()
        labelled = chart.get_attribute("aria-labelledby") or ""
        names = [page.locator(f"[id='{key}']").text_content() or "" for key in labelled.split()]
        assert len(names) == 2 and all(name.strip() for name in names)
    plan = sorted(served.site.records.plans)[0]
    page.goto(served.base + f"plans/{plan}/")
    assert page.locator("figure.of-chart svg[role=img] > title").count() == 1
    page.context.close()


def test_skip_links_lead_to_a_records_key_facts(browser: Browser) -> None:
    served = served_demo()
    page = _open(browser, DESKTOP)
    commitment = sorted(served.site.records.commitments)[0]
    meeting = sorted(served.site.records.meetings)[0]
    for url, first_fact in (
        (f"commitments/{commitment}/", "Plan"),
        (f"meetings/{meeting}/", "Date"),
        ("commitments/", None),
    ):
        page.goto(served.base + url)
        page.keyboard.press("Tab")
        skip = page.locator("a.md-skip")
        assert skip.evaluate("a => a === document.activeElement")
        target = page.locator((skip.get_attribute("href") or "").split("/")[-1])
        page.keyboard.press("Enter")
        if first_fact is not None:  # the status and facts come right after the target
            facts = target.locator("xpath=following-sibling::div[1]//dt").first
            assert facts.text_content() == first_fact
        else:
            assert target.locator("xpath=following::table[1]").get_attribute("id") == (
                "commitments-table"
            )
    page.context.close()
