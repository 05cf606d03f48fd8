from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from openforum.records import ForumRecords, load_forum

if TYPE_CHECKING:
    from playwright.sync_api import Browser

HERE = Path(__file__).parent
MINIMAL = HERE / "fixtures" / "minimal"
PROJECT = HERE.parent
DEMO = PROJECT / "forum_records"


@pytest.fixture
def minimal_copy(tmp_path: Path) -> Path:
    """A writable copy of the small forum that uses every record kind and field."""
    target = tmp_path / "forum_records"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    target = tmp_path / "forum_records"
    shutil.copytree(DEMO, target)
    return target


def found(root: Path) -> tuple[ForumRecords, list[tuple[str, int, int, str]]]:
    """Load a forum; its problems as (path relative to root, line, column, message)."""
    records, problems = load_forum(root)
    rows = [
        (p.path.relative_to(root).as_posix(), p.mark.line, p.mark.column, p.message)
        for p in problems
    ]
    return records, rows


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which `needle` first occurs in `text`."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, one for the whole session (see tests/browser_kit.py)."""
    from browser_kit import chromium

    with chromium() as running:
        yield running
