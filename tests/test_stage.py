"""`openforum stage DIR` writes a docs tree that generators without plugins build into the
site: Zensical, which runs no MkDocs plugin, and MkDocs with the openforum plugin off."""

from __future__ import annotations

import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import MINIMAL
from html_tree import content
from no_mkdocs import openforum_without_mkdocs
from openforum.exports import page_urls
from openforum.records import KINDS
from site_build import BuiltSite, demo_site


def _files(folder: Path) -> dict[str, bytes]:
    files = (path for path in folder.rglob("*") if path.is_file())
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files}


@cache
def _staged(workdir: Path) -> Path:
    """The demo forum staged, with MkDocs unimportable, from the config its build used."""
    site = demo_site()
    staged = workdir / "staged"
    config = site.root.parent / "mkdocs.yml"
    done = openforum_without_mkdocs("stage", staged, "--config", config, cwd=workdir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("staged ")
    return staged


def _every_record_has_its_page(site: Path, built: BuiltSite) -> None:
    urls = page_urls(built.records)  # every record's page and every alias, as published
    assert len(urls) > len(KINDS) * 3
    missing = [url for url in urls if not (site / url.strip("/") / "index.html").is_file()]
    assert missing == []
    for kind in KINDS:
        for key in built.records.of_kind(kind):
            assert (site / kind / key / "index.html").is_file()


def test_zensical_builds_the_staged_tree_into_every_record_page(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    staged = _staged(tmp_path_factory.getbasetemp())
    zensical = Path(sys.executable).with_name("zensical")
    done = subprocess.run(
        [str(zensical), "build"], cwd=staged, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    built = demo_site()
    _every_record_has_its_page(staged / "site", built)
    page = content(staged / "site" / "commitments" / "nap4-03" / "index.html")
    assert page.find("dl", class_="of-facts")  # the page's HTML, not its escaped text
    links = {a.attrs.get("href") for a in page.find_all("a")}
    assert "../../plans/nap4/" in links  # relative to the page, as the plugin writes them
    home = (staged / "site" / "index.html").read_text(encoding="utf-8")
    assert "nap4-03" in home or "Fourth National Action Plan" in home  # the home figures
    assert (staged / "site" / "assets" / "openforum.css").is_file()  # the site's assets
    assert _files(staged / "site" / "api") == _files(built.root / "api")


def test_mkdocs_without_the_plugin_builds_the_site_s_files(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    staged = _staged(tmp_path_factory.getbasetemp())
    config = yaml.safe_load((staged / "mkdocs.yml").read_text(encoding="utf-8"))
    assert [p for p in config["plugins"] if "openforum" in str(p)] == []
    copy = staged.parent / "staged-for-mkdocs"
    shutil.copytree(staged, copy, ignore=shutil.ignore_patterns("site", ".cache"))
    build(load_config(str(copy / "mkdocs.yml"), strict=True))
    built = demo_site()
    plain, ours = _files(copy / "site"), _files(built.root)
    # Pagefind's full-text index is made by the plugin's build; a plain build has its own.
    ours = {p: data for p, data in ours.items() if not p.startswith("pagefind/")}
    # The default language is staged; the demo's Spanish site is built by the plugin only.
    ours = {p: data for p, data in ours.items() if not p.startswith("es/")}
    assert sorted(plain) == sorted(ours)  # the same pages, redirects, assets and data
    open_data = [
        p
        for p in ours
        if p.startswith(("api/", "feeds/", "calendar"))
        or p.endswith((".csv", "datapackage.json", "published-urls.txt"))
    ]
    assert [p for p in open_data if plain[p] != ours[p]] == []
    _every_record_has_its_page(copy / "site", built)


def test_stage_needs_the_site_s_config_and_a_free_folder(tmp_path: Path) -> None:
    no_config = openforum_without_mkdocs(
        "stage", tmp_path / "out", "--records", MINIMAL, "--site-url", "https://x.example/",
        cwd=tmp_path,
    )  # fmt: skip
    assert no_config.returncode == 1 and "staging needs the site's mkdocs.yml" in no_config.stderr
    assert "Traceback" not in no_config.stderr and not (tmp_path / "out").exists()
