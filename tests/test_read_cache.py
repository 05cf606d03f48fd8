"""Under `mkdocs serve`, records are parsed once and re-read only when their file changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import MINIMAL
from openforum.records import ReadCache, load_forum
from site_build import write_config


def _files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.md"))


def test_unchanged_files_are_reused_and_changed_ones_read_again(tmp_path: Path) -> None:
    forum = tmp_path / "forum"
    shutil.copytree(MINIMAL, forum)
    cache = ReadCache()
    first, problems = load_forum(forum, cache)
    assert not problems and cache.hits == 0
    count = len(_files(forum))

    again, _ = load_forum(forum, cache)
    assert cache.hits == count
    assert again.commitments["nap1-01"] is first.commitments["nap1-01"]

    commitment = forum / "commitments/nap1-01.md"
    commitment.write_text(
        commitment.read_text(encoding="utf-8").replace("Open the budget", "Open all budgets"),
        encoding="utf-8",
    )
    changed, problems = load_forum(forum, cache)
    assert not problems and cache.hits == count - 1
    assert changed.commitments["nap1-01"].title == "Open all budgets"

    (forum / "members/cleo-dan.md").unlink()
    fewer, _ = load_forum(forum, cache)
    assert cache.hits == count - 1  # one fewer file, all of them unchanged
    assert "cleo-dan" not in fewer.members


def test_a_changed_forum_file_makes_every_file_be_read_again(tmp_path: Path) -> None:
    forum = tmp_path / "forum"
    shutil.copytree(MINIMAL, forum)
    cache = ReadCache()
    load_forum(forum, cache)
    forum_file = forum / "forum.md"
    stat = forum_file.stat()
    os.utime(forum_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    _, problems = load_forum(forum, cache)
    assert not problems and cache.hits == 0


def test_a_rebuild_reuses_the_parsed_records(tmp_path: Path) -> None:
    config_file = write_config(tmp_path, MINIMAL)  # every record kind, small: two quick builds
    build(load_config(str(config_file), strict=True))
    record = tmp_path / "forum_records/commitments/nap1-01.md"
    record.write_text(
        record.read_text(encoding="utf-8").replace("title: ", "title: Renamed ", 1),
        encoding="utf-8",
    )
    # `mkdocs serve` loads the config again for each rebuild; the plugin instance stays.
    config = load_config(str(config_file), strict=True)
    build(config)
    plugin = config.plugins["openforum"]
    records, _ = load_forum(tmp_path / "forum_records")
    assert plugin.read_cache.hits == len(records.all_records()) - 1
    page = (tmp_path / "site/commitments/nap1-01/index.html").read_text(encoding="utf-8")
    assert "<title>nap1-01: Renamed Open the budget" in page
