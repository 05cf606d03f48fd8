"""The catalogs: complete in every shipped language, in step with the sources, and said with
Babel's dates and numbers."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from openforum import i18n
from openforum.cli import main
from openforum.i18n import extract, labels
from openforum.i18n.templates import bake
from openforum.records.partial_dates import read_due_date, read_partial_date
from openforum.records.vocabularies import VALUES

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def names(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_catalog_says_every_message_with_its_placeholders(language: str) -> None:
    template = extract.read(extract.TEMPLATE)
    found = extract.read(extract.catalog_path(language), language)
    wanted = [m.id for m in template if m.id]
    assert len(wanted) > 500  # the whole interface, not a sample
    for msgid in wanted:
        message = found.get(msgid)
        assert message is not None, f"{language}: missing {msgid!r}"
        assert not message.fuzzy, f"{language}: fuzzy {msgid!r}"
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), f"{language}: empty translation of {msgid!r}"
        if isinstance(msgid, tuple):
            assert len(strings) == found.num_plurals, f"{language}: plural forms of {msgid!r}"
        allowed = set().union(*(names(text) for text in ids))
        for text in strings:
            # A translation may drop the count (Arabic says "two days" in one word), never
            # add a name the code does not fill in, nor drop any other.
            assert names(text) <= allowed, f"{language}: {text!r} names what {msgid!r} does not"
            assert allowed - {"num"} <= names(text), f"{language}: {text!r} drops a value"


def test_the_template_holds_exactly_the_messages_of_the_sources() -> None:
    # Extraction from the Python modules and the templates, as `python -m
    # openforum.i18n.extract` writes it: a word added without updating the catalogs fails.
    assert extract.stale() == set()


def test_every_vocabulary_value_has_a_label_in_the_catalogs() -> None:
    values = {value for described in VALUES.values() for value in described}
    assert values <= set(labels.VALUE_LABELS), values - set(labels.VALUE_LABELS)
    template = {m.id for m in extract.read(extract.TEMPLATE)}
    assert set(labels.VALUE_LABELS.values()) <= template


def test_translators_differ_by_language_and_fall_back_to_english() -> None:
    assert i18n.translator("es").gettext("Attendance") == "Asistencia"
    assert i18n.translator("fr").gettext("Attendance") == "Présence"
    assert i18n.translator("pt-BR").catalog == "pt"
    assert i18n.translator("de").gettext("Attendance") == "Attendance"  # no catalog yet
    with i18n.using("es"):
        assert labels.label("civil_society") == "Sociedad civil"
        assert labels.ngettext("%(num)d day", "%(num)d days", 3) == "3 días"
        with i18n.using("fr"):
            assert labels.label("civil_society") == "Société civile"
        assert i18n.active().language == "es"
    assert labels.label("civil_society") == "Civil society"


def test_dates_and_numbers_are_written_by_babel_for_each_language() -> None:
    day = date(2026, 11, 24)
    expected = {
        "en": "24 November 2026",
        "es": "24 de noviembre de 2026",
        "fr": "24 novembre 2026",
        "pt": "24 de novembro de 2026",
    }
    for language, text in expected.items():
        with i18n.using(language):
            assert labels.long_date(day) == text
            assert labels.long_date(datetime(2026, 11, 24, 18, 30)) == text
    with i18n.using("es"):
        assert labels.long_date(read_partial_date("2027-09")) == "septiembre de 2027"
        assert labels.long_date(read_partial_date("2027")) == "2027"
        assert labels.long_date(read_due_date("ongoing")) == "Permanente"
        assert labels.amount(45000) == "45.000"
        assert labels.weekday(day) == "martes"
    with i18n.using("fr"):
        assert labels.amount(1234.5) == "1\u202f234,50"
        assert labels.percent(0.456) == "46\xa0%"
    assert labels.amount(45000) == "45,000"


@pytest.mark.parametrize(
    ("forum", "theme", "expected"),
    [(["fr", "en"], "es", "fr"), ([], "pt", "pt"), (None, None, "en"), (["  "], "", "en")],
)
def test_the_interface_language_is_forum_md_first_then_the_theme(
    forum: list[str] | None, theme: str | None, expected: str
) -> None:
    assert i18n.interface_language(forum, theme) == expected


def test_arabic_reads_right_to_left() -> None:
    assert i18n.is_rtl("ar") and not i18n.is_rtl("fr")


def test_theme_files_are_baked_for_a_build_without_the_plugin() -> None:
    source = '<a title="{{ _("updates") }}">{% set k = {"kind": _(\'Page\')} %}</a>'
    assert bake(source, "es") == '<a title="{{ "novedades" }}">{% set k = {"kind": "Página"} %}</a>'


def test_a_new_arabic_forum_gets_its_home_and_about_pages_in_arabic(tmp_path: Path) -> None:
    flags = ["--name", "منتدى", "--country", "تستلاند", "--url", "https://f.example/"]
    flags += ["--repo", "https://github.com/t/f", "--language", "ar", "--timezone", "Asia/Amman"]
    assert main(["init", str(tmp_path / "f"), *flags, "--no-git"]) == 0
    about = (tmp_path / "f" / "content" / "about.md").read_text(encoding="utf-8")
    assert about.startswith("# عن المنتدى") and "تستلاند" in about
    forum = (tmp_path / "f" / "forum_records" / "forum.md").read_text("utf-8")
    assert re.search(r"(?m)^languages:\n  - \"ar\"$", forum), forum
