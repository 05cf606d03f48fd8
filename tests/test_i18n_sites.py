"""Whole sites built in the Forum's language: no English interface word on any page.

The demo forum's records (English record text) are built with `languages: [es]` (and fr,
ar) and hand-written pages of the Forum's own. Every page's visible text (and the
attributes a reader meets: titles, labels, placeholders, table headers on phones) is cut
into words; the words of the records' own text are set aside; what is left must hold no
word of the English catalog that the language's catalog does not also use.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from babel.dates import format_date
from mkdocs.commands.build import build
from mkdocs.config import load_config

from browser_kit import serve
from conftest import DEMO, PROJECT
from held_out_forum import write_held_out_forum
from openforum.i18n import extract
from openforum.i18n.labels import VALUE_LABELS
from openforum.records import ForumRecords, load_forum

if TYPE_CHECKING:
    from playwright.sync_api import Browser

TODAY = date(2026, 11, 23)
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# Read by a reader, though not text: tooltips, labels, placeholders, phone table headers.
SEEN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-label")
# Not words of any language: names of formats, standards and products.
NAMES = {"json", "csv", "atom", "icalendar", "popolo", "api", "pagefind", "mkdocs", "material"}
HOME = {
    "es": "# Foro de Gobierno Abierto\n\nBienvenida al registro público del Foro.\n",
    "fr": "# Forum pour un gouvernement ouvert\n\nBienvenue dans le registre public.\n",
    "ar": "# منتدى الحكومة المنفتحة\n\nمرحبًا بكم في السجل العام للمنتدى.\n",  # noqa: RUF001
}


class VisibleText(HTMLParser):
    """The words a reader meets: text outside scripts, styles and code, and the attributes
    a screen reader or a mouse shows."""

    HIDDEN = frozenset(["script", "style", "code", "pre", "template"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1
        for name, value in attrs:
            if name in SEEN_ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


# Shown as written in every language: addresses and file names ("calendar.ics"), and the
# theme's name in the footer.
AS_WRITTEN = re.compile(r"\S*(?:://|\.(?:ics|csv|json|xml|atom|md)\b)\S*|Material for MkDocs")


def visible_words(html: str) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    text = AS_WRITTEN.sub(" ", " ".join(parser.parts))
    return {w.casefold() for w in WORD.findall(text)}


def record_words(records: ForumRecords) -> set[str]:
    """The words of the records' own text (titles, names, bodies, places, ids): shown as
    written, in whatever language the secretariat wrote them. Vocabulary values are codes
    the site says in words, so they are not record text."""
    found: set[str] = set()

    def walk(value: object) -> Iterator[str]:
        if isinstance(value, str):
            if value not in VALUE_LABELS:
                yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                yield from walk(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for item in dataclasses.fields(value):
                yield from walk(getattr(value, item.name))

    for record in [records.forum, *records.all_records()]:
        for text in walk(record):
            found |= {w.casefold() for w in WORD.findall(text)}
    return found


@cache
def english_words(language: str) -> frozenset[str]:
    """Words of the English catalog that the language's own catalog never uses."""

    def words(catalog_path: Path, strings: bool) -> set[str]:
        found: set[str] = set()
        for message in extract.read(catalog_path):
            texts = message.string if strings else message.id
            for text in texts if isinstance(texts, tuple) else (texts,):
                text = re.sub(r"%\(\w+\)[sd]|\{\w+\}|<[^>]+>", " ", text or "")
                found |= {w.casefold() for w in WORD.findall(text) if len(w) > 2}
        return found

    english = words(extract.TEMPLATE, strings=False)
    own = words(extract.catalog_path(language), strings=True)
    return frozenset(english - own - NAMES)


@dataclasses.dataclass(frozen=True)
class Built:
    site: Path
    records: ForumRecords


def built(language: str, tmp: Path, held_out: bool = False) -> Built:
    """The demo forum (or, `held_out`, a forum whose records' words are made up) built with
    `languages: [<language>]`, its theme language unset."""
    return _built(language, tmp, held_out)


@cache
def _built(language: str, tmp: Path, held_out: bool) -> Built:
    work = tmp / (f"held-out-{language}" if held_out else language)
    records = work / "forum_records"
    if held_out:
        write_held_out_forum(records)
    else:
        shutil.copytree(DEMO, records)
    for translation in records.rglob("*.*.md"):  # the demo's Spanish: one language here
        translation.unlink()
    forum = records / "forum.md"
    text = re.sub(r"(?m)^languages: .*\n", "", forum.read_text("utf-8"))
    forum.write_text(text.replace("---\n", f"---\nlanguages: [{language}]\n", 1), "utf-8")
    docs = work / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(HOME[language], encoding="utf-8")
    raw = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    raw["docs_dir"], raw["site_dir"] = str(docs), str(work / "site")
    raw["theme"].pop("language")  # the Forum's language decides
    raw.pop("nav")  # the nav of the Forum's own pages, titled by them
    raw["plugins"] = ["search", {"openforum": {"records": "forum_records", "today": TODAY}}]
    config = work / "mkdocs.yml"
    config.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    build(load_config(str(config), strict=False))
    loaded, problems = load_forum(records)
    assert not problems
    return Built(work / "site", loaded)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("languages")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


# The demo's records are English, so their words (set aside as record text) hide the same
# words in the interface ("Made with"); the held-out forum's records hide nothing.
@pytest.mark.parametrize(("language", "held_out"), [("es", False), ("fr", False), ("fr", True)])
def test_no_english_interface_word_on_any_page(language: str, held_out: bool, tmp: Path) -> None:
    site = built(language, tmp, held_out)
    english = english_words(language)
    own = record_words(site.records)
    checked = 0
    for page in pages(site.site):
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in html, page
        left = (visible_words(html) - own) & english
        assert not left, f"{page.relative_to(site.site)}: English words {sorted(left)}"
        checked += 1
    assert checked > (70 if held_out else 100)  # every record page, section and redirect


def test_the_check_finds_an_english_word_left_on_a_page(tmp: Path) -> None:
    # The detector itself: an interface word left in English on a built page is caught.
    site = built("es", tmp)
    own = record_words(site.records)
    left_in_english = sorted(english_words("es") - own)[:50]
    html = (site.site / "meetings" / "index.html").read_text(encoding="utf-8")
    assert "Próximas" in html
    for word in left_in_english:
        spoiled = html.replace("Próximas", word.capitalize(), 1)
        assert word in (visible_words(spoiled) - own) & english_words("es"), word


def test_dates_are_written_as_babel_writes_them_in_the_language(tmp: Path) -> None:
    site = built("es", tmp)
    held = [m for m in site.records.meetings.values() if m.status == "held"]
    for meeting in held[:5]:
        html = (site.site / "meetings" / meeting.stem / "index.html").read_text("utf-8")
        day = format_date(meeting.start.date(), "long", locale="es")
        assert day in html and re.search(r"\d+ de [a-z]+ de \d{4}", day)
        assert format_date(meeting.start.date(), "EEEE", locale="es") in html  # weekday
    feed = (site.site / "feeds" / "updates.atom").read_text("utf-8")
    assert 'xml:lang="es"' in feed and "Reunión convocada" in feed
    assert " de noviembre de " in (site.site / "members" / "index.html").read_text("utf-8")


def test_an_arabic_forum_renders_right_to_left(tmp: Path) -> None:
    site = built("ar", tmp)
    for page in pages(site.site):
        html = page.read_text(encoding="utf-8")
        assert '<html lang="ar"' in html, page
        # Material sets the direction on <body> from theme.language; redirect stubs on <html>.
        assert re.search(r'<(body|html lang="ar")[^>]* dir="rtl"', html), page
    meeting = next(iter(site.records.meetings))
    html = (site.site / "meetings" / meeting / "index.html").read_text("utf-8")
    assert "جدول الأعمال" in html  # "Agenda", from the Arabic catalog
    home = (site.site / "index.html").read_text("utf-8")
    found = re.search(r'<script type="application/json" id="of-words">(.*?)</script>', home)
    assert found and json.loads(found[1])["search-hint"].startswith("اكتب كلمة")  # scripts' words


def test_an_arabic_page_lays_out_right_to_left_in_a_browser(tmp: Path, browser: Browser) -> None:
    site = built("ar", tmp)
    held = next(m for m in site.records.meetings.values() if m.attendance and m.decisions)
    with serve(site.site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}meetings/{held.stem}/")
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        # A table's first column is on the right, its last on the left.
        first, last = (
            page.locator("table").first.locator("thead th").nth(i).bounding_box() for i in (0, -1)
        )
        assert first and last and first["x"] > last["x"]
        # The summary's facts start from the right edge of the content.
        facts = page.locator(".of-facts dt").first.bounding_box()
        content = page.locator(".md-content").bounding_box()
        assert facts and content and facts["x"] > content["x"] + content["width"] / 2
        page.close()
