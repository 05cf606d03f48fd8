"""Debian's Chromium driven by Playwright, a local server for a built site, and axe-core.

No browser is downloaded: Playwright launches /usr/bin/chromium (`make test` installs it
with apt-get when it is missing). axe-core comes from npm (tests/browser/package.json,
installed by `make test` with `npm ci`): Deque's own build, the version pinned in the lock.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve `root` on a free port of 127.0.0.1 from a process of its own (a thread here
    would keep the test process from forking build workers); yields the base URL."""
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert server.stdout is not None
        found = re.search(r"port (\d+)", server.stdout.readline())
        assert found, "the local web server did not start"
        yield f"http://127.0.0.1:{found.group(1)}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def chromium() -> Iterator[Browser]:
    assert CHROMIUM.exists(), (
        "Chromium is missing: `make test` installs it (apt-get install chromium)"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def start_axe(page: Page) -> None:
    """Start axe-core on the loaded page (WCAG 2.0, 2.1 and 2.2 A and AA) without waiting:
    pages of two browser contexts run in two renderer processes, so on two cores two
    checks take the time of one. `axe_result` waits for it."""
    assert AXE.exists(), "axe-core is missing: run `npm ci --prefix tests/browser`"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    page.evaluate(
        """tags => {
             window.__axe = null;
             axe.run(document, {runOnly: {type: 'tag', values: tags},
                                resultTypes: ['violations']})
                .then(found => { window.__axe = found.violations; });
           }""",
        WCAG_TAGS,
    )


def axe_result(page: Page) -> list[dict[str, Any]]:
    page.wait_for_function("window.__axe !== null", timeout=120_000)
    return list(page.evaluate("window.__axe"))


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations of WCAG 2.0, 2.1 and 2.2 A and AA on the loaded page."""
    start_axe(page)
    return axe_result(page)


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = [str(node["target"]) for node in v["nodes"][:3]]
        summary = v["nodes"][0].get("failureSummary", "").replace("\n", " ")[:200]
        lines.append(f"{v['id']} ({len(v['nodes'])}): {', '.join(targets)} {summary}")
    return "\n".join(lines)
