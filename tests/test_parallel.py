"""Generating in two processes gives the same site, byte for byte, as in one."""

from __future__ import annotations

import multiprocessing
from datetime import date
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import MINIMAL
from openforum import generation, mkdocs_pages
from openforum.exports import ExportError
from openforum.facts.forum import derive
from openforum.records import load_forum
from openforum.site import SiteOptions
from site_build import write_config

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork (POSIX)"
)


def _build(workdir: Path, parallel: bool) -> dict[str, bytes]:
    config_file = write_config(workdir)
    raw = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    for plugin in raw["plugins"]:
        if isinstance(plugin, dict) and "openforum" in plugin:
            plugin["openforum"]["parallel"] = parallel
    config_file.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    build(load_config(str(config_file), strict=True))
    site = workdir / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_processes_build_the_same_site_as_one(tmp_path: Path) -> None:
    one = _build(tmp_path / "one", parallel=False)
    two = _build(tmp_path / "two", parallel=True)
    assert one.keys() == two.keys()
    differ = [path for path in one if one[path] != two[path]]
    assert differ == []
    assert "commitments/nap4-03/index.html" in two and "api/commitments/nap4-03.json" in two


def test_a_failure_in_the_worker_is_reported_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records, problems = load_forum(MINIMAL)
    assert not problems
    options = SiteOptions(today=date(2024, 4, 1))

    def fails(*args: object) -> dict[str, str]:
        raise ExportError("two exports would be written at api/x.json")

    monkeypatch.setattr(generation, "other_exports", fails)  # the fork inherits it
    facts = derive(records, options.today)
    pending = generation.Generation(records, options, facts, "https://x.example/", share=True)
    assert "commitments/nap1-01.md" in pending.pages(tmp_path).pages  # the pages came through
    with pytest.raises(ExportError, match=r"api/x\.json"):
        pending.finish()


def test_the_open_data_is_the_same_from_the_worker(tmp_path: Path) -> None:
    records, _ = load_forum(MINIMAL)
    options = SiteOptions(today=date(2024, 4, 1))
    facts = derive(records, options.today)
    written = {}
    for share in (False, True):
        folder = tmp_path / str(share)
        folder.mkdir()
        pending = generation.Generation(records, options, facts, "https://x.example/", share=share)
        pending.pages(folder)
        exported = pending.finish()
        written[share] = (exported, {p: (folder / p).read_bytes() for p in exported.paths})
    assert written[False] == written[True]
    assert "api/index.json" in written[True][1] and "published-urls.txt" not in written[True][1]


def test_the_shared_nav_of_record_pages_is_the_nav_the_theme_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendered once and reused, or rendered for each page: the same site."""
    once = _build(tmp_path / "once", parallel=False)
    monkeypatch.setattr(mkdocs_pages.Once, "__call__", lambda self, key, caller: caller())
    every = _build(tmp_path / "every", parallel=False)
    assert [path for path in once if once[path] != every[path]] == []
    page = once["commitments/nap4-03/index.html"].decode()
    assert page.count('class="md-nav md-nav--primary"') == 1
    assert 'href="../../meetings/"' in page  # the nav's links, relative to this page


def test_a_site_s_own_nav_partial_is_rendered_for_each_page(tmp_path: Path) -> None:
    """The nav is reused only where it is Material's: a custom one may read the page."""
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "partials").mkdir(exist_ok=True)
    (theme / "partials" / "nav.html").write_text(
        '<nav class="md-nav md-nav--primary">{{ page.title }}</nav>', encoding="utf-8"
    )
    config_file = write_config(tmp_path / "site")
    raw = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    raw["theme"]["custom_dir"] = str(theme)
    config_file.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    build(load_config(str(config_file), strict=True))
    site = tmp_path / "site" / "site"
    for key in ("nap4-03", "nap4-04"):
        page = (site / "commitments" / key / "index.html").read_text(encoding="utf-8")
        assert f'<nav class="md-nav md-nav--primary">{key}: ' in page
