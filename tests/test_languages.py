"""One site per language: a Forum with `languages: [fr, en]`, built for real in a temp dir.

The default language (French here) is at the contract's URLs, English under /en/; every
page names its counterparts with hreflang and offers them in the language selector; what
is not translated shows in the default language, marked with it.
"""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import MINIMAL, PROJECT
from git_repo import git
from html_tree import content, parse
from openforum.cli import main
from openforum.i18n import translator
from openforum.site.language_marks import language_name
from site_build import BuiltSite, build_site, demo_site, write_config

SITE_URL = "https://opengov.veloria.example/"


def french_forum(root: Path) -> Path:
    """The minimal forum, in French with an English translation of a few records."""
    records = root / "forum_records"
    shutil.copytree(MINIMAL, records)
    forum = records / "forum.md"
    forum.write_text(forum.read_text().replace("languages: [en, pt]", "languages: [fr, en]"))
    commitment = records / "commitments" / "nap1-01.md"
    commitment.write_text(
        commitment.read_text()
        .replace("title: Open the budget", "title: Ouvrir le budget")
        .replace("title: Publish the budget data", "title: Publier les données budgétaires")
        .replace("title: Train journalists", "title: Former les journalistes")
        .replace("note: Work planned.", "note: Travail prévu.")
        .replace("Description.", "Une description en français.")
    )
    (records / "commitments" / "nap1-01.en.md").write_text(
        "---\ntitle: Open the budget\nmilestones:\n  - id: 2\n    title: Train journalists\n"
        "progress:\n  - note: Work planned.\n---\nA description in English.\n",
        encoding="utf-8",
    )
    docs = root / "content"
    shutil.copytree(PROJECT / "content", docs)
    (docs / "about.en.md").write_text("# About us\n\nThe English page about the Forum.\n")
    return records


@cache
def _built(workdir: Path) -> BuiltSite:
    records = french_forum(workdir)
    return build_site(workdir, records, docs=workdir / "content")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return _built(tmp_path_factory.mktemp("languages"))


def pages(root: Path, skip: str | None = None) -> set[str]:
    """The site's HTML pages (paths from root), without another language's folder."""
    found = set()
    for page in root.rglob("*.html"):
        relative = page.relative_to(root).as_posix()
        if skip and relative.startswith(skip + "/"):
            continue
        if relative.startswith(("assets/", "pagefind/")) or relative == "404.html":
            continue
        found.add(relative)
    return found


def test_each_language_has_every_page_in_its_language(site: BuiltSite) -> None:
    french = pages(site.root, skip="en")
    english = pages(site.root / "en")
    assert "commitments/nap1-01/index.html" in french
    assert french == english
    for page in french:
        text = (site.root / page).read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue  # a renamed record's redirect page
        assert parse(text).find("html").attrs["lang"] == "fr", page
        english_page = parse(site.root / "en" / page)
        assert english_page.find("html").attrs["lang"] == "en", page


def test_every_page_links_its_counterparts_with_hreflang(site: BuiltSite) -> None:
    checked = 0
    for page in pages(site.root, skip="en"):
        if page.endswith("/index.html") or page == "index.html":
            url = page.removesuffix("index.html")
        else:
            continue
        for root, prefix in ((site.root, ""), (site.root / "en", "en/")):
            tree = parse(root / page)
            if not tree.find_all("link", rel="alternate", hreflang="fr"):
                assert "refresh" in (root / page).read_text(), page  # redirect pages only
                continue
            links = {
                e.attrs["hreflang"]: e.attrs["href"]
                for e in tree.find_all("link", rel="alternate")
                if "hreflang" in e.attrs
            }
            assert links == {"fr": SITE_URL + url, "en": SITE_URL + "en/" + url}, (prefix, page)
            selector = {
                e.attrs["hreflang"]: e.attrs["href"] for e in tree.find_all("a", "md-select__link")
            }
            assert selector == links
            checked += 1
    assert checked > 20


def test_translated_text_in_its_language_and_the_rest_marked(site: BuiltSite) -> None:
    french = content(site.page("commitments/nap1-01/"))
    english = content(site.root / "en" / "commitments" / "nap1-01" / "index.html")
    assert "Ouvrir le budget" in french.find("h1").text
    assert "Open the budget" in english.find("h1").text
    assert "A description in English." in english.text
    assert "Une description" not in english.text
    # Milestone 1 has no English text: shown in French, marked as French.
    marked = [e.text for e in english.find_all(lang="fr")]
    assert "Publier les données budgétaires" in marked
    assert "Train journalists" in english.text and "Former les journalistes" not in english.text
    assert "Travail prévu." not in english.text and "Work planned." in english.text
    # Nothing on the default language's pages is marked as another language.
    assert not [e for e in french.find_all(class_="of-untranslated")]


def test_untranslated_record_says_so_and_its_body_is_marked(site: BuiltSite) -> None:
    page = content(site.root / "en" / "plans" / "nap1" / "index.html")
    notes = page.find_all("p", "of-translation-note")
    assert notes and "not translated" in notes[0].text
    member = content(site.root / "en" / "members" / "ana-ruiz" / "index.html")
    bodies = member.find_all("div", "of-untranslated", lang="fr")
    assert [b for b in bodies if "Ana works on budget transparency." in b.text]


def test_hand_written_page_in_each_language(site: BuiltSite) -> None:
    english = content(site.root / "en" / "about" / "index.html")
    assert "The English page about the Forum." in english.text
    french = content(site.page("about/"))
    assert "The English page about the Forum." not in french.text
    assert not (site.root / "about.en").exists() and not (site.root / "en" / "about.en").exists()


def test_nav_titles_written_in_mkdocs_yml_are_said_in_each_language(site: BuiltSite) -> None:
    # The project's mkdocs.yml titles its nav in English ("Home", "The Forum", "Action
    # plans"); the French site says the ones the catalogs know in French.
    def nav_titles(page: Path) -> list[str]:
        nav = parse(page).find("nav", "md-nav--primary")
        return [span.text for span in nav.find_all("span", "md-ellipsis")]

    french, english = nav_titles(site.page("")), nav_titles(site.root / "en" / "index.html")
    french_words = translator("fr")
    for title in ("Home", "The Forum", "Action plans", "Members", "How to take part"):
        assert title in english
        assert title not in french and french_words.gettext(title) in french


def test_search_feeds_and_data_per_language(site: BuiltSite) -> None:
    for root in (site.root, site.root / "en"):
        assert (root / "pagefind" / "pagefind.js").is_file()
        assert (root / "api" / "forum.json").is_file()
    english_fragments = (site.root / "en" / "pagefind" / "fragment").glob("*.pf_fragment")
    french_fragments = (site.root / "pagefind" / "fragment").glob("*.pf_fragment")
    # Each index holds its own site's pages only: as many fragments as pages indexed.
    assert len(list(english_fragments)) == len(list(french_fragments))
    feed = (site.root / "en" / "feeds" / "updates.atom").read_text(encoding="utf-8")
    assert urlsplit(SITE_URL + "en/").path in feed and 'xml:lang="en"' in feed
    assert 'xml:lang="fr"' in (site.root / "feeds" / "updates.atom").read_text(encoding="utf-8")


def test_data_page_shows_each_languages_state(site: BuiltSite) -> None:
    page = content(site.page("data/"))
    heading = page.find("h2", id="translations")
    assert heading is not None
    rows = [row for row in page.find_all("tr") if row.find_all("th", scope="row")]
    english = next(row for row in rows if row.find("th").attrs.get("lang") == "en")
    cells = [cell.text for cell in english.find_all("td")]
    assert cells[0] == "1" and cells[1] == "0" and int(cells[2]) > 5
    # Each record not translated is named by its file, as code (the same in every language).
    listed = [li for details in page.find_all("details") for li in details.find_all("li")]
    assert len(listed) == int(cells[2])
    assert all(re.fullmatch(r"forum|[a-z]+/[\w./-]+", li.find("code").text) for li in listed)


def test_a_stale_translation_says_so_on_its_page(tmp_path: Path) -> None:
    """A real Git repository: the translation, then a later commit to its original."""
    records = tmp_path / "forum_records"
    shutil.copytree(MINIMAL, records)  # languages: [en, pt]
    (records / "plans" / "nap1.pt.md").write_text("---\ntitle: Primeiro plano\n---\n")
    config = write_config(tmp_path, records, docs=PROJECT / "content")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Records")
    plan = records / "plans" / "nap1.md"
    plan.write_text(plan.read_text().replace("nap1.pdf", "nap1-final.pdf"))
    git(tmp_path, "commit", "-q", "-am", "The plan's document")
    build(load_config(str(config), strict=True))
    site = tmp_path / "site"
    page = content(site / "pt" / "plans" / "nap1" / "index.html")
    assert "Primeiro plano" in page.find("h1").text
    notes = [note.text for note in page.find_all("p", "of-translation-note")]
    stale_note = (
        translator("pt")
        .gettext(
            "This translation was made from an earlier version of the record: "
            "the {language} original has changed since."
        )
        .format(language=language_name("en", "pt"))
    )
    assert notes == [stale_note] and "earlier version" not in stale_note  # said in Portuguese
    assert not content(site / "plans" / "nap1" / "index.html").find_all("p", "of-translation-note")
    data = content(site / "data" / "index.html")
    stale = [d for d in data.find_all("details") if "Out of date" in d.find("summary").text]
    assert [a.text for a in stale[0].find_all("a")] == ["plans/nap1"]


def test_demo_forum_publishes_in_english_and_spanish() -> None:
    site = demo_site()
    page = parse(site.root / "es" / "commitments" / "nap4-03" / "index.html")
    assert page.find("html").attrs["lang"] == "es"
    assert "Contratación abierta" in page.find("h1").text
    selector = {a.attrs["hreflang"]: a.attrs["href"] for a in page.find_all("a", "md-select__link")}
    assert selector == {
        "en": "https://opengov.veloria.example/commitments/nap4-03/",
        "es": "https://opengov.veloria.example/es/commitments/nap4-03/",
    }
    about = content(site.root / "es" / "about" / "index.html")
    assert "Sobre el Foro" in about.find("h1").text
    listed = (site.root / "es" / "published-urls.txt").read_text(encoding="utf-8").split()
    assert "/es/commitments/nap4-03/" in listed and all(u.startswith("/es/") for u in listed)


def test_a_private_value_in_a_translation_fails_the_whole_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "forum_records"
    shutil.copytree(MINIMAL, records)  # languages: [en, pt]; ana-ruiz's e-mail is private
    (records / "plans" / "nap1.pt.md").write_text(
        "---\ntitle: Primeiro plano\n---\nEscreva a ana@example.org.\n", encoding="utf-8"
    )
    config = write_config(tmp_path, records, docs=PROJECT / "content")
    assert main(["build", "--config", str(config)]) == 1
    out = capsys.readouterr().out
    assert "the 'pt' site" in out and "would publish what it must not" in out
    assert "ana@example.org" not in out
    assert not (tmp_path / "site").exists()
