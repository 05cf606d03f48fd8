"""Under a real `mkdocs serve`, a broken record shows in the browser and the site comes back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from openforum.cli import main
from openforum.serve_errors import problem_page

MEMBER = """---
name: Ana Tester
kind: person
sector: civil_society
seats:
  - role: member
    from: 2024-01-01
---
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _poll(url: str, seconds: float, wanted: Callable[[str], bool]) -> tuple[float, str]:
    """(seconds taken, last body) once `wanted(body)` holds; fails after `seconds`."""
    start = time.monotonic()
    body = ""
    while time.monotonic() - start < seconds:
        _, body = _get(url)
        if wanted(body):
            return time.monotonic() - start, body
        time.sleep(0.1)
    raise AssertionError(f"{url} did not show what was expected in {seconds} s:\n{body[:2000]}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    forum = tmp_path / "forum"
    assert main(
        ["init", str(forum), "--name", "Forum of Testland", "--country", "Testland",
         "--url", "https://forum.example.org/", "--language", "en", "--timezone", "UTC",
         "--no-git"]
    ) == 0  # fmt: skip
    (forum / "forum_records/members").mkdir()
    (forum / "forum_records/members/ana-tester.md").write_text(MEMBER, encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=forum,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield forum, f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_broken_record_shows_in_the_page_and_the_fixed_one_returns(
    served: tuple[Path, str],
) -> None:
    forum, root = served
    page = root + "members/ana-tester/"
    _poll(page, 120, lambda body: "Ana Tester" in body)  # the first build

    record = forum / "forum_records/members/ana-tester.md"
    record.write_text(MEMBER.replace("sector: civil_society", "sector: citizens"), "utf-8")
    taken, body = _poll(page, 5, lambda body: "could not be built" in body)
    assert taken < 5
    assert "forum_records/members/ana-tester.md:4:" in body  # the file and the line
    assert "civil_society" in body  # the fix names the allowed values
    status, other = _get(root + "no/such/page/")
    assert "forum_records/members/ana-tester.md:4:" in other and status == 404

    record.write_text(MEMBER, encoding="utf-8")
    _poll(page, 10, lambda body: "Ana Tester" in body and "could not be built" not in body)


def test_the_problem_page_escapes_what_it_shows() -> None:
    page = problem_page("x.md:1:1: error: '<script>alert(1)</script>' is not allowed")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
