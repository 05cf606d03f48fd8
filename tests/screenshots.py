"""Take headless-Chromium screenshots of the built site's main pages (not a test).

    .venv/bin/mkdocs build -d site && .venv/bin/python tests/screenshots.py site shots/

Needs a `chromium` (or `chromium-browser`, `google-chrome`) on PATH. Serves the site on a
free local port with the standard library; nothing is fetched from elsewhere.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

PAGES = {
    "home": "",
    "commitments": "commitments/",
    "commitment": "commitments/nap4-03/",
    "meeting": "meetings/2024-06-25-plenary/",
    "timeline": "timeline/",
    "accountability": "accountability/",
    "plan": "plans/nap4/",
    "members": "members/",
    "meetings": "meetings/",
    "member": "members/danel-okoro/",
    "consultation": "consultations/nap4-cocreation/",
    "forum": "forum/",
    "partner": "partners/meridian-development-bank/",
}
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # one line per file is noise
        pass


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    site, out = Path(argv[0]), Path(argv[1])
    browser = next((b for b in map(shutil.which, BROWSERS) if b), None)
    if browser is None:
        print("no chromium found on PATH: install it (apt-get install chromium)", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        for name, path in PAGES.items():
            target = out / f"{name}.png"
            subprocess.run(
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--hide-scrollbars",
                    f"--screenshot={target}",
                    "--window-size=1280,1600",
                    base + path,
                ],
                check=True,
                capture_output=True,
                timeout=60,
            )
            print(target)
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
