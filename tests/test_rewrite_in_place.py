"""`mkdocs build` into the last build's site writes its record pages and open data over the
old files (previous_site.py): the same files as a build into an empty folder, byte for
byte, and nothing of a removed record left."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest

from openforum.previous_site import HOLDING
from site_build import one_language, write_config

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="written over on Linux only"
)

PAGE = "meetings/2024-06-25-plenary/index.html"
API_FILE = "api/meetings/2024-06-25-plenary.json"
FEED = "feeds/commitments/nap4-03.atom"


def mkdocs_build(config: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def files(site: Path) -> dict[str, int]:
    """Each file of the site but the search index (its file names vary from build to
    build), by its path, with its inode."""
    return {
        path.relative_to(site).as_posix(): path.stat().st_ino
        for path in site.rglob("*")
        if path.is_file() and path.relative_to(site).parts[0] != "pagefind"
    }


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, int]]:
    """The demo forum built into an empty folder, and built twice into another: the
    first's files, the second twice built (with the inodes of its first build)."""
    fresh, again = tmp_path_factory.mktemp("fresh"), tmp_path_factory.mktemp("again")
    for work in (fresh, again):
        write_config(work)
        one_language(work / "forum_records")
    mkdocs_build(fresh / "mkdocs.yml")
    mkdocs_build(again / "mkdocs.yml")
    first = files(again / "site")
    # Left by a build that stopped, and by hand: both go.
    (again / "site" / HOLDING / "api").mkdir(parents=True)
    (again / "site" / "api" / "meetings" / "stray.json").write_text("{}", encoding="utf-8")
    mkdocs_build(again / "mkdocs.yml")
    return fresh / "site", again / "site", first


def test_a_rebuild_writes_over_the_record_pages_and_the_open_data(
    sites: tuple[Path, Path, dict[str, int]],
) -> None:
    _, site, first = sites
    now = files(site)
    for path in (PAGE, API_FILE, FEED, "data/attendance.csv", "api/meetings.json"):
        assert now[path] == first[path], path  # the same file, written again
    assert not (site / HOLDING).exists()
    assert "api/meetings/stray.json" not in now


def test_a_rebuild_publishes_what_a_build_into_an_empty_folder_does(
    sites: tuple[Path, Path, dict[str, int]],
) -> None:
    fresh, site, _ = sites
    made, rebuilt = files(fresh), files(site)
    assert set(made) == set(rebuilt)
    differing = [p for p in made if not filecmp.cmp(fresh / p, site / p, shallow=False)]
    assert differing == []


def test_a_removed_record_leaves_nothing_behind(tmp_path: Path) -> None:
    write_config(tmp_path)
    forum = tmp_path / "forum_records"
    one_language(forum)
    mkdocs_build(tmp_path / "mkdocs.yml")
    site = tmp_path / "site"
    assessment = "forum-2022-2023"
    made = [f"assessments/{assessment}/index.html", f"api/assessments/{assessment}.json"]
    assert all((site / path).is_file() for path in made)
    (forum / "assessments" / f"{assessment}.md").unlink()
    mkdocs_build(tmp_path / "mkdocs.yml")
    assert not any((site / path).exists() for path in made)
    assert not (site / "assessments" / assessment).exists()  # its folder too
    assert (site / "assessments" / "nap3-end-of-term" / "index.html").is_file()
    listed = (site / "api" / "assessments.json").read_text(encoding="utf-8")
    assert assessment not in listed
