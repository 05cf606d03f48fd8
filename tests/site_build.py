"""Build the site with MkDocs into a temporary folder, as `mkdocs build --strict` would.

The build uses the project's own mkdocs.yml and content/, with a copy of a
forum's records next to a generated config (so edit links are relative to that folder)
and a fixed `today` so that what is upcoming or overdue does not depend on the clock.
"""

from __future__ import annotations

import atexit
import logging
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import DEMO, PROJECT
from openforum.records import ForumRecords, load_forum

TODAY = "2026-11-23"
EDIT_BASE = "https://github.com/openforum/openforum/edit/main/"


@dataclass
class BuiltSite:
    root: Path  # the built site
    records: ForumRecords
    warnings: list[str]

    def page(self, url: str) -> Path:
        """The file serving `url` ("commitments/nap4-03/")."""
        return self.root / url / "index.html" if url.endswith("/") or not url else self.root / url


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(
    workdir: Path, records: Path = DEMO, today: str = TODAY, docs: Path = PROJECT / "content"
) -> BuiltSite:
    """Copy `records` into `workdir` and build the site into `workdir/site`."""
    config_file = write_config(workdir, records, today, docs)
    forum = workdir / "forum_records"

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        build(load_config(str(config_file), strict=True))
    finally:
        logger.removeHandler(collect)
    loaded, problems = load_forum(forum)
    assert not problems
    return BuiltSite(workdir / "site", loaded, collect.messages)


def write_config(
    workdir: Path, records: Path = DEMO, today: str = TODAY, docs: Path = PROJECT / "content"
) -> Path:
    """Copy `records` into `workdir` beside a mkdocs.yml for them; return its path."""
    forum = workdir / "forum_records"
    if records != forum:
        shutil.copytree(records, forum)
    raw = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    raw["docs_dir"] = str(docs)
    raw["site_dir"] = str(workdir / "site")
    for index, plugin in enumerate(raw["plugins"]):
        if isinstance(plugin, dict) and "openforum" in plugin:
            options = plugin["openforum"] or {}
            # A date object is written unquoted, as a person would write it in mkdocs.yml.
            day = date.fromisoformat(today)
            options.update(records="forum_records", today=day, repo_edit_base=EDIT_BASE)
            raw["plugins"][index] = {"openforum": options}
    config_file = workdir / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return config_file


def one_language(records: Path) -> None:
    """Make the forum in `records` publish its default language alone, its translations
    (`<id>.<lang>.md`) gone: for a test about something else than languages, half the
    build of a two-language forum."""
    forum = records / "forum.md"
    text = forum.read_text(encoding="utf-8")
    found = re.search(r"(?m)^languages: \[(\w+)[^\]\n]*\]$", text)
    assert found, f"{forum} names no list of languages"
    forum.write_text(text.replace(found[0], f"languages: [{found[1]}]", 1), encoding="utf-8")
    for translation in records.rglob("*.*.md"):
        translation.unlink()


@cache
def demo_site() -> BuiltSite:
    """The demo forum built once per test session, whichever test module asks first."""
    workdir = Path(tempfile.mkdtemp(prefix="openforum-site-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    return build_site(workdir)
