"""The cyclic collector during a build (collector.py): rarer passes, none over what stays
to the build's end, and Python's own settings back once it ends."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import DEMO
from openforum import build as build_module
from openforum.collector import YOUNG_OBJECTS, BuildCollector
from site_build import build_site, one_language


@pytest.fixture
def settings() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)
    gc.unfreeze()


def test_a_build_collects_rarely_and_restores_the_settings(
    settings: tuple[int, int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = tmp_path / "forum_records"
    shutil.copytree(DEMO, records)
    one_language(records)
    seen: list[tuple[tuple[int, int, int], int]] = []
    publish = build_module.Build.publish

    def watched(self: build_module.Build, *args: Any, **kwargs: Any) -> Any:
        seen.append((gc.get_threshold(), gc.get_freeze_count()))
        return publish(self, *args, **kwargs)

    monkeypatch.setattr(build_module.Build, "publish", watched)
    built = build_site(tmp_path, records)
    assert (built.root / "index.html").is_file()
    [(during, frozen)] = seen
    assert during == (YOUNG_OBJECTS, *settings[1:])
    assert frozen > 10_000  # the records, pages and MkDocs' pages made before
    assert gc.get_threshold() == settings


def test_a_second_build_under_serve_restores_the_first_settings(
    settings: tuple[int, int, int],
) -> None:
    collector = BuildCollector()
    collector.start()
    kept = [[] for _ in range(100)]
    collector.keep()
    assert gc.get_freeze_count() >= len(kept)
    collector.start()  # a rebuild: what the last build kept may be collected again
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == (YOUNG_OBJECTS, *settings[1:])
    collector.end()
    assert gc.get_threshold() == settings
    collector.end()  # a failed build's end after its own: nothing more to restore
    assert gc.get_threshold() == settings
