"""The site's name, description and language from forum.md unless mkdocs.yml says otherwise;
edit links from repo_url; the package's theme files without a custom_dir."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from openforum.cli import main
from openforum.identity import SITE_THEME

FLAGS = ["--country", "Testland", "--url", "https://forum.test.example/", "--no-git"]


def _forum(folder: Path, name: str = "Testland Forum", language: str = "en") -> Path:
    assert main(["init", str(folder), "--name", name, "--language", language, *FLAGS]) == 0
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _build(folder: Path) -> str:
    build(load_config(str(folder / "mkdocs.yml"), strict=True))
    return (folder / "site/index.html").read_text(encoding="utf-8")


def test_name_and_description_come_from_forum_md_escaped(tmp_path: Path) -> None:
    name = 'Forum "A" & <script>alert(1)</script>'
    forum = _forum(tmp_path / "f", name=name)
    _edit(forum / "forum_records/forum.md", '# description: ""', 'description: "Says <b>"')
    home = _build(forum)
    assert "<script>alert(1)" not in home
    assert "<title>Forum &#34;A&#34; &amp; &lt;script&gt;alert(1)&lt;/script&gt;</title>" in home
    assert '<meta name="description" content="Says &lt;b&gt;">' in home
    assert 'aria-label="Forum &#34;A&#34; &amp; &lt;script&gt;' in home  # no double escape


def test_mkdocs_yml_wins_over_forum_md(tmp_path: Path) -> None:
    forum = _forum(tmp_path / "f", language="fr")
    config = forum / "mkdocs.yml"
    _edit(config, 'site_name: ""', 'site_name: "Own name"\nsite_description: "Own text"')
    _edit(config, "  name: material\n", "  name: material\n  language: !ENV [NO_SUCH_VAR, de]\n")
    # MkDocs' own YAML tags are read as MkDocs reads them.
    _edit(config, "validation:", "markdown_extensions:\n  - pymdownx.snippets:\n"
          "      base_path: !relative $config_dir\nvalidation:")  # fmt: skip
    home = _build(forum)
    assert "<title>Own name</title>" in home and 'content="Own text"' in home
    assert '<html lang="de"' in home


def test_a_language_the_theme_lacks_keeps_its_menus_in_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    forum = _forum(tmp_path / "f", language="tet")  # Tetum: pages in English, menus too
    with caplog.at_level(logging.INFO):
        home = _build(forum)
    assert '<html lang="en"' in home
    assert any("no translation for 'tet'" in r.getMessage() for r in caplog.records)
    pt = _forum(tmp_path / "pt", language="pt-AO")  # a region Material lacks: its language
    assert '<html lang="pt"' in _build(pt)


def test_edit_links_follow_repo_url_and_edit_uri(tmp_path: Path) -> None:
    forum = _forum(tmp_path / "f")
    _build(forum)  # no repo_url: no edit links
    assert "/edit/" not in (forum / "site/forum/index.html").read_text(encoding="utf-8")
    config = forum / "mkdocs.yml"
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    # Another branch, written once; the records' edit links follow docs_dir's.
    raw.update(repo_url="https://github.com/t/forum", edit_uri="edit/live/content/")
    config.write_text(yaml.safe_dump(raw), encoding="utf-8")
    _build(forum)
    page = (forum / "site/forum/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/t/forum/edit/live/forum_records/forum.md"' in page
    del raw["edit_uri"]  # MkDocs would say edit/master/docs/: a Forum's is main and content
    config.write_text(yaml.safe_dump(raw), encoding="utf-8")
    home = _build(forum)
    assert 'href="https://github.com/t/forum/edit/main/content/index.md"' in home
    page = (forum / "site/forum/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/t/forum/edit/main/forum_records/forum.md"' in page


def test_the_theme_files_come_with_the_package_after_a_custom_dir(tmp_path: Path) -> None:
    forum = _forum(tmp_path / "f")
    own = forum / "overrides"
    (own / "assets").mkdir(parents=True)
    (own / "assets/openforum.css").write_text("/* the Forum's own */", encoding="utf-8")
    _edit(forum / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    _build(forum)
    assert (forum / "site/assets/openforum.css").read_text() == "/* the Forum's own */"
    assert (forum / "site/assets/openforum.js").read_bytes() == (
        SITE_THEME / "assets/openforum.js"
    ).read_bytes()
