"""Under `mkdocs serve`, a failed rebuild shows its problems in the browser.

MkDocs' live-reload server answers a page request only once the site has been rebuilt
(`_visible_epoch == _wanted_epoch`); when a rebuild raises, it logs "the server will appear
stuck" and every request waits until a rebuild succeeds. Wrapping the server's builder, a
failed rebuild instead replaces every page of the served folder by one page listing the
problems (file, line, fix), and counts as a rebuild: requests are answered, open pages reload
by themselves, and the next good rebuild writes the site back.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


def show_problems_in_browser(
    server: LiveReloadServer, take_error: Callable[[], str | None]
) -> None:
    """`take_error` returns (and forgets) the last build error the plugin was told of."""
    build = server.builder
    if getattr(build, "shows_problems", False):  # wrapped already
        return

    def build_or_show_problems() -> None:
        take_error()  # forget an error of an earlier build
        try:
            build()
        except Exception as error:  # any failure: the page says what the terminal says
            message = take_error() or str(error) or type(error).__name__
            write_problem_pages(Path(server.root), message)
            log.error("the site shows these problems until the files are fixed")

    build_or_show_problems.shows_problems = True  # type: ignore[attr-defined]
    server.builder = build_or_show_problems


def write_problem_pages(site: Path, message: str) -> None:
    page = problem_page(message).encode("utf-8")
    site.mkdir(parents=True, exist_ok=True)
    for folder, _, names in os.walk(site):
        for name in names:
            if name.endswith(".html"):
                Path(folder, name).write_bytes(page)
    for name in ("index.html", "404.html"):  # the home page, and any address at all
        (site / name).write_bytes(page)


def problem_page(message: str) -> str:
    lines = "\n".join(
        f"<li><code>{html.escape(line)}</code></li>" for line in message.splitlines() if line
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The site could not be built</title>
<style>
body {{ font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
       padding: 0 1rem; color: #1a1a1a; }}
h1 {{ color: #a40000; font-size: 1.5rem; }}
li {{ margin: .4rem 0; }}
code {{ white-space: pre-wrap; word-break: break-word; }}
</style>
</head>
<body>
<main>
<h1>The site could not be built</h1>
<p>Fix what is listed below and save the file: this page reloads by itself when the site
builds again.</p>
<ul class="openforum-problems">
{lines}
</ul>
</main>
</body>
</html>
"""
