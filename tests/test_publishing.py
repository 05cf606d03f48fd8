"""Publishing: exports in the built site, permanent links kept, all-or-nothing builds."""

from __future__ import annotations

import json
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
    config = write_config(tmp_path)
    assert main(["build", "--config", str(config)]) == 0  # writes published-urls.txt
    assert (tmp_path / "published-urls.txt").is_file()
    return tmp_path


def test_removed_commitment_fails_the_build_naming_its_url(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "forum_records/commitments/nap4-14.md").unlink()
    before = sorted(p.name for p in (workdir / "site").iterdir())
    assert main(["build", "--config", str(workdir / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert "/commitments/nap4-14/ was published before and is gone" in out
    assert sorted(p.name for p in (workdir / "site").iterdir()) == before  # old site kept
    assert (workdir / "site/commitments/nap4-14/index.html").is_file()


def test_validate_names_the_lost_url_at_its_line(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "forum_records/partners/meridian-development-bank.md").unlink()
    capsys.readouterr()
    assert main(["validate", str(workdir / "forum_records")]) == 1
    listed = (workdir / "published-urls.txt").read_text().splitlines()
    line = listed.index("/partners/meridian-development-bank/") + 1
    assert f"published-urls.txt:{line}:1: error: /partners/meridian-development-bank/" in (
        capsys.readouterr().out
    )


def test_a_renamed_record_with_its_alias_keeps_its_url(workdir: Path) -> None:
    old = workdir / "forum_records/partners/meridian-development-bank.md"
    text = old.read_text(encoding="utf-8").replace(
        "---\n", "---\naliases: [meridian-development-bank]\n", 1
    )
    (old.parent / "meridian-bank.md").write_text(text, encoding="utf-8")
    old.unlink()
    assert main(["build", "--config", str(workdir / "mkdocs.yml")]) == 0
    redirect = (workdir / "site/partners/meridian-development-bank/index.html").read_text()
    assert "../meridian-bank/" in redirect


def test_urls_update_accepts_a_removal_on_purpose(workdir: Path) -> None:
    (workdir / "forum_records/partners/meridian-development-bank.md").unlink()
    config = str(workdir / "mkdocs.yml")
    assert main(["build", "--config", config]) == 1
    assert main(["urls", "--update", "--config", config]) == 0
    assert (
        "/partners/meridian-development-bank/" not in (workdir / "published-urls.txt").read_text()
    )
    assert main(["build", "--config", config]) == 0


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
