"""Each language's site searches its own Pagefind index, from its own pages (Chromium)."""

from __future__ import annotations

from playwright.sync_api import Browser

from browser_kit import DESKTOP
from browser_sites import served_demo

# As the header's box does (site_theme/assets/openforum-search.js): the index of the site
# the page belongs to, its results addressed from that site's root.
SEARCH = """async (query) => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const root = new URL(config.base.replace(/\\/?$/, '/'), window.location.href);
  const pagefind = await import(new URL('pagefind/pagefind.js', root).href);
  await pagefind.options({baseUrl: root.pathname});
  const found = await pagefind.search(query);
  const pages = await Promise.all(found.results.slice(0, 5).map(r => r.data()));
  return pages.map(d => d.url);
}"""


def test_each_language_searches_its_own_pages(browser: Browser) -> None:
    served = served_demo()
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(served.base + "es/commitments/nap4-03/")
    spanish = page.evaluate(SEARCH, "licitación")
    assert spanish and spanish[0] == "/es/commitments/nap4-03/"
    assert all(url.startswith("/es/") for url in page.evaluate(SEARCH, "contracting"))
    page.goto(served.base + "commitments/nap4-03/")
    assert page.evaluate(SEARCH, "licitación") == []  # the Spanish words are not in English
    english = page.evaluate(SEARCH, "contracting")
    assert "/commitments/nap4-03/" in english and not any(u.startswith("/es/") for u in english)
    page.context.close()
