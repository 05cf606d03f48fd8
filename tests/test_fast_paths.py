"""Shortcuts taken for speed give what the plain way gives: calendar lines folded by
slices, dates in words made once per day, record fields exported from a per-class list."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import jinja2
import pytest
from babel import dates
from hypothesis import given, settings
from hypothesis import strategies as st

from openforum import i18n
from openforum.exports.calendars import _ascii_lines, _lines, fold, text
from openforum.i18n import labels
from openforum.records.partial_dates import read_partial_date
from openforum.safety import sanitize
from openforum.site.render import install_words

ASCII_VALUES = st.text(alphabet=st.sampled_from(list("ab \\^;,:\n")), max_size=400)


@settings(max_examples=400, deadline=None)
@given(ASCII_VALUES, st.integers(min_value=0, max_value=80))
def test_an_ascii_line_is_folded_as_character_by_character(value: str, shift: int) -> None:
    line = "x" * shift + "DESCRIPTION:" + text(value)
    assert _ascii_lines(line) == _lines(line)
    folded = fold(line)
    assert all(len(part) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "").removesuffix("\r\n") == line


def test_an_escape_at_a_cut_stays_whole() -> None:
    line = "DESCRIPTION:" + "a" * 61 + "\\,b" + "c" * 100
    parts = _ascii_lines(line)
    assert parts == _lines(line)
    assert parts[0].endswith("a") and parts[1].startswith("\\,")


def test_days_in_words_are_babels_in_every_language() -> None:
    days = [date(2024, 2, 29), datetime(2024, 3, 12, 23, 30, tzinfo=timezone(timedelta(hours=-5)))]
    for language in ("en", "es", "fr", "pt", "ar"):
        with i18n.using(language):
            locale = i18n.active().locale
            for day in days:
                plain = day.date() if isinstance(day, datetime) else day
                for _ in range(2):  # the second time from what the first made
                    assert labels.long_date(day) == dates.format_date(plain, "long", locale=locale)
                    assert labels.short_date(day) == dates.format_date(
                        plain, "medium", locale=locale
                    )
                    assert labels.weekday(day) == dates.format_date(plain, "EEEE", locale=locale)
    with i18n.using("en"):
        assert labels.long_date(date(2024, 2, 29)) == "29 February 2024"
        assert labels.long_date(read_partial_date("2027-09")) == "September 2027"
    with i18n.using("es"):
        assert labels.long_date(date(2024, 2, 29)) == "29 de febrero de 2024"


def test_words_in_templates_are_what_jinjas_newstyle_gettext_makes() -> None:
    source = (
        '{{ _("Votes") }}|{{ _("50%% met") }}|{{ _("a <b>") }}'
        '|{{ _("%(n)s of %(m)s", n="<1>", m=2) }}'
        '|{% trans %}Plain{% endtrans %}|{% trans who="<x>" %}By {{ who }}{% endtrans %}'
        '|{{ gettext("Votes") }}|{{ ngettext("%(num)d vote", "%(num)d votes", 3) }}'
    )
    for autoescape in (True, False):
        for language in ("en", "es"):
            ours = jinja2.Environment(autoescape=autoescape, extensions=["jinja2.ext.i18n"])
            install_words(ours, language)
            theirs = jinja2.Environment(autoescape=autoescape, extensions=["jinja2.ext.i18n"])
            words = i18n.translator(language)
            theirs.install_gettext_callables(  # type: ignore[attr-defined]
                words.gettext, words.ngettext, newstyle=True
            )
            made = ours.from_string(source).render()
            assert made == theirs.from_string(source).render()
            assert ("&lt;1&gt; of 2" in made) is autoescape
    with pytest.raises(ValueError):  # a lone % is a mistake in a message, as in Jinja's
        ours.from_string('{{ _("50% met") }}').render()


@pytest.mark.parametrize(
    "html",
    [
        '<p>Clean <em>text</em> and <a href="https://x.example/">a link</a></p>',
        "<a><table><a>misnested</a></table></a>",
        "<p onclick=alert(1)>x<script>alert(2)</script></p>",
        "<b><p>x</b></p>",
    ],
)
def test_cleaning_stops_once_nothing_changes(html: str, monkeypatch: pytest.MonkeyPatch) -> None:
    passes: list[str] = []
    once = sanitize._clean_once

    def counted(text: str, attribute_filter: sanitize.AttributeFilter | None = None) -> str:
        passes.append(text)
        return once(text, attribute_filter)

    monkeypatch.setattr(sanitize, "_clean_once", counted)
    cleaned = sanitize.clean_html(html)
    assert once(cleaned) == cleaned  # idempotent, whatever the number of passes
    clean_already = once(html) == html
    assert (len(passes) == 1) is clean_already
