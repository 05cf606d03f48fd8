"""Publishing: exports in the built site, all-or-nothing builds (lost URLs: test_url_history)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from icalendar import Calendar

from openforum.cli import main
from site_build import demo_site, write_config


def test_exports_are_published_with_the_site() -> None:
    site = demo_site()
    index = json.loads((site.root / "api/index.json").read_text(encoding="utf-8"))
    assert index  # the API index lists the collections
    calendar = Calendar.from_ical((site.root / "calendar.ics").read_bytes())
    meetings = [e for e in calendar.walk("VEVENT")]
    assert len(meetings) == len(site.records.meetings)
    assert (site.root / "feeds/updates.atom").is_file()
    assert (site.root / "data/datapackage.json").is_file()
    listed = (site.root / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert "/commitments/nap4-03/" in listed and "/calendar.ics" in listed
    assert "/about/" in listed  # hand-written pages are kept too


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """The demo beside its config, its site already published (a copy of the session's
    build of the same records and config: the build itself is tested elsewhere)."""
    write_config(tmp_path)
    shutil.copytree(demo_site().root, tmp_path / "site")
    return tmp_path


def test_a_warning_fails_the_build_and_keeps_the_old_site(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stamp = (workdir / "site/index.html").read_bytes()
    page = workdir / "forum_records/commitments/nap4-03.md"
    page.write_text(page.read_text() + "\nSee [the plan](missing-page.md).\n")
    assert main(["build", "--config", str(workdir / "mkdocs.yml")]) == 1
    assert "warning(s) in strict mode" in capsys.readouterr().out
    assert (workdir / "site/index.html").read_bytes() == stamp
    assert not [p for p in workdir.iterdir() if p.name.startswith(".site-")]
