"""A build's temporary folders outlive a killed build only until the next build: each is
locked while its build runs, and folders no process holds are removed (scratch.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from openforum import fulltext, scratch

PREFIX = "openforum-test-scratch-"


def _age(folder: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(folder, (then, then))


def test_a_killed_builds_folder_is_removed_and_a_running_ones_is_kept(tmp_path: Path) -> None:
    holder = (
        "import sys, time\n"
        "from openforum.scratch import LockedFolder\n"
        f"folder = LockedFolder({PREFIX!r}, {str(tmp_path)!r})\n"
        "print(folder.name, flush=True)\n"
        "time.sleep(120)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        held = Path(process.stdout.readline().strip())
        (held / "pages").mkdir()
        _age(held, 2 * scratch.MIN_AGE)
        assert scratch.remove_abandoned(PREFIX, str(tmp_path)) == []  # its build runs
        assert held.is_dir()
    finally:
        process.send_signal(signal.SIGKILL)  # no clean-up runs
        process.wait()
    assert held.is_dir()
    assert scratch.remove_abandoned(PREFIX, str(tmp_path)) == [held.name]
    assert not held.exists()


def test_a_young_unheld_folder_and_other_names_are_left(tmp_path: Path) -> None:
    young = tmp_path / f"{PREFIX}young"
    young.mkdir()  # another build's, made a moment before it locks it
    other = tmp_path / "openforum-search-bench-x"
    other.mkdir()
    _age(other, 2 * scratch.MIN_AGE)
    assert scratch.remove_abandoned(PREFIX, str(tmp_path)) == []
    assert young.is_dir() and other.is_dir()


def test_a_folder_is_held_until_it_is_cleaned_up(tmp_path: Path) -> None:
    folder = scratch.LockedFolder(PREFIX, str(tmp_path))
    _age(Path(folder.name), 2 * scratch.MIN_AGE)
    assert scratch.remove_abandoned(PREFIX, str(tmp_path)) == []
    folder.cleanup()
    assert not Path(folder.name).exists()
    folder.cleanup()  # a second time: nothing to do


def test_the_index_s_cut_pages_go_where_abandoned_ones_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fulltext, "work_root", lambda: str(tmp_path))
    left = tmp_path / f"{fulltext.CUT_PREFIX}killed"
    (left / "pages").mkdir(parents=True)
    _age(left, 2 * scratch.MIN_AGE)
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(
        "<html><head><title>A</title></head><body><main data-pagefind-body>"
        "<p>Budget</p></main><!--/pagefind-body--></body></html>",
        "utf-8",
    )
    folder, read = fulltext._cut_copy(site)
    try:
        assert not left.exists()
        assert Path(folder.name).parent == tmp_path and (read / "a" / "index.html").is_file()
    finally:
        folder.cleanup()


def test_a_folder_dropped_without_clean_up_is_removed_and_let_go(tmp_path: Path) -> None:
    folder = scratch.LockedFolder(PREFIX, str(tmp_path))
    name = Path(folder.name)
    del folder  # as TemporaryDirectory: removed when collected
    assert not name.exists()
