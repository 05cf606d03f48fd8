"""Shortcuts taken for speed give what the plain way gives: calendar lines folded by
slices, dates in words made once per day, record fields exported from a per-class list, a
record's closing fence found by one search, files read by their descriptor, deep nesting
looked for in one pass."""

from __future__ import annotations

import csv
import io
import os
import random
import re
import sys
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import jinja2
import nh3
import pytest
from babel import dates
from hypothesis import example, given, settings
from hypothesis import strategies as st

from openforum import i18n
from openforum.exports import tables
from openforum.exports.calendars import _ascii_lines, _lines, fold, text
from openforum.generation import LARGE_TEXT, _Folder
from openforum.i18n import labels
from openforum.kinds.members.model import Member
from openforum.records import ForumRecords, load_forum, yamlread
from openforum.records.files import read_regular
from openforum.records.partial_dates import read_partial_date
from openforum.safety import sanitize
from openforum.safety.characters import NOT_FOR_XML, not_for_xml
from openforum.safety.markdown_budget import _first_deep_line, nesting_too_deep
from openforum.site import derived
from openforum.site.render import Links, install_words

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from shapes import generate

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

    def counted(text: str) -> str:
        passes.append(text)
        return once(text)

    monkeypatch.setattr(sanitize, "_clean_once", counted)
    cleaned = sanitize.clean_html(html)
    assert once(cleaned) == cleaned  # idempotent, whatever the number of passes
    clean_already = once(html) == html
    assert (len(passes) == 1) is clean_already


HOSTILE_PIECES = ["<", ">", "/", "=", '"', "a", "p", "b", " ", "x", "script", "img", "href"]
HOSTILE_PIECES += ["src", "onclick", "javascript:", "style", "id", "table", "<!--", "-->", "&amp;"]
HOSTILE_HTML = st.lists(st.sampled_from([*HOSTILE_PIECES, "\u00e9"]), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(HOSTILE_HTML)
def test_the_cleaner_made_once_cleans_as_nh3_clean_with_the_allowlist(html: str) -> None:
    assert sanitize._clean_once(html) == nh3.clean(html, **sanitize._allowlist())


def _ids_and_names(html: str) -> set[str]:
    """The ids and names of the elements of `html`, read by Python's HTML parser."""
    found: set[str] = set()

    class Reader(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.update(value or "" for name, value in attrs if name in ("id", "name"))

    Reader().feed(html)
    return found


def _renamed_by_nh3_filter(html: str) -> str:
    """What clean_body_html gave when nh3 renamed through its attribute filter, called
    back for every attribute on every pass: the reference for the renaming done after."""
    prefix = sanitize.USER_CONTENT
    own = _ids_and_names(nh3.clean(html, **sanitize._allowlist()))

    def prefixed(name: str) -> str:
        return name if name.startswith(prefix) else prefix + name

    def rename(tag: str, attribute: str, value: str) -> str:
        if attribute in ("id", "name", "for"):
            return prefixed(value)
        if attribute == "href" and value.startswith("#") and unquote(value[1:]) in own:
            return "#" + prefixed(value[1:])
        if attribute in sanitize._ID_REFERENCES:
            return " ".join(prefixed(name) for name in value.split())
        return value

    def once(text: str) -> str:
        return nh3.clean(text, attribute_filter=rename, **sanitize._allowlist())

    cleaned = once(html)
    for _ in range(3):
        again = once(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


NAMES = ["top", "a b", "x&amp;y", "q&quot;", "\u00e9t\u00e9", "user-content-k", "z\u00a0w", "#h"]
TAG_PIECES = ["<h2 ", "<a ", "<label ", "<span ", "<p>", "</p>", "<table><a>", "</a>", ">", " "]
ATTRIBUTE_PIECES = ["id=", "name=", "for=", "href=", "aria-labelledby=", "aria-controls="]
ATTRIBUTE_PIECES += ["title=", "class=", 'id="', 'href="#', 'href="https://x.example/#']
TEXT_PIECES = ["text", '"', "&nbsp;", "&amp;", "%20", "<script>", "\n", "<!-- c -->"]
BODY_PIECES = st.sampled_from([*NAMES, *TAG_PIECES, *ATTRIBUTE_PIECES, *TEXT_PIECES])


@settings(max_examples=700, deadline=None)
@given(st.lists(BODY_PIECES, max_size=30).map("".join))
@example('<h2 id="background">B</h2><p><a href="#background">see</a> <a href="#top">up</a></p>')
@example('<p id="a&amp;b" aria-labelledby="a&amp;b c\u00a0d"><a href="#a%26b">x</a></p>')
@example('<label for="n">N</label><a name="user-content-n" title="id=&quot;x&quot;">y</a>')
@example('<p>He wrote id="x" and <a href=#x id=x>here</a></p>')
@example('<h2/id="__md_scope">x</h2><a/name="submission-s01" href="#__md_scope">y</a>')
def test_bodies_are_renamed_as_nh3s_attribute_filter_renamed_them(html: str) -> None:
    assert sanitize.clean_body_html(html) == _renamed_by_nh3_filter(html)


def _head_lines_by_lines(text: str) -> tuple[list[str], str | None]:
    """What `_head_lines` means, line by line: lines up to the first fence after line 1."""
    lines = re.split(r"\r\n|\r|\n", text)
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip().lstrip("\ufeff") == "---":
            rest = re.split(r"(?:\r\n|\r|\n)", text, maxsplit=index + 1)
            return lines[: index + 1], rest[index + 1] if len(rest) > index + 1 else ""
    return lines, None


def test_the_closing_fence_is_found_as_lines_find_it() -> None:
    pieces = ["---", "\n", "\r", "\r\n", "\ufeff", " ", "\t", "\x0c", "\x85", "\u2028", "\xa0"]
    pieces += ["a: b", "...", "--", "-", "\x1c"]
    rng = random.Random(17)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))
        assert yamlread._head_lines(text) == _head_lines_by_lines(text), repr(text)


def test_a_record_file_is_read_whole_up_to_the_limit_and_one_byte(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    for size in (0, 1, 99, 100, 101, 5000):
        data = bytes(range(256)) * (size // 256) + bytes(size % 256)
        path.write_bytes(data)
        assert read_regular(path, 100) == data[:101]
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(ValueError, match="FIFO"):
        read_regular(fifo, 100)


def test_the_quick_look_for_deep_nesting_misses_no_line() -> None:
    pieces = ["> ", ">", "- ", "* ", "+\t", "1. ", "22) ", "    ", "\t", "   ", "x", "\n", "```\n"]
    weights = [9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 1, 2, 1]
    rng = random.Random(18)
    deep = 0
    for _ in range(3000):
        text = "".join(rng.choices(pieces, weights, k=rng.randrange(80)))
        deep += _first_deep_line(text) is not None
        assert nesting_too_deep(text) == _first_deep_line(text), repr(text)
    assert deep > 300
    assert nesting_too_deep("x\n" + "> " * 21 + "deep") == 1


def test_ascii_text_is_screened_for_xml_as_the_pattern_screens_it() -> None:
    rng = random.Random(19)
    for _ in range(5000):
        text = "".join(chr(rng.choice((rng.randrange(128), 97, 32, 10))) for _ in range(20))
        found, expected = not_for_xml(text), NOT_FOR_XML.search(text)
        assert (found and found.start()) == (expected and expected.start()), repr(text)
    assert not_for_xml("a\tb\r\nc~") is None
    found = not_for_xml("ok\x7f")
    assert found is not None and found.start() == 2


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab =+-@\t\r\n\uff1d'")), max_size=8))
def test_a_text_cell_is_made_inert_as_the_owasp_rule_says(value: str) -> None:
    assert tables.cell(value) == tables.inert(value)
    stripped = value.lstrip(" \n")
    runs = bool(stripped) and stripped[0] in "=+-@\t\r\uff1d"
    assert tables.cell(value) == ("'" + value if runs else value)


def test_a_tables_rows_are_written_in_its_columns_order_whatever_order_they_are_given() -> None:
    table = tables.Table(
        "t", "T", "", (tables.col("a", "string", ""), tables.col("b", "integer", ""))
    )
    table.add(b=1, a="=x")
    table.add(a=None, b=2)
    assert table.csv() == "a,b\r\n'=x,1\r\n,2\r\n"
    with pytest.raises(ValueError, match="columns are"):
        table.add(a="x", c=3)


def test_a_long_tables_csv_is_the_csv_modules_of_all_its_rows() -> None:
    table = tables.Table("t", "T", "", (tables.col("a", "string", ""), tables.col("b", "date", "")))
    pick = random.Random(5)
    rows = [
        (pick.choice(["plain", "with, comma", 'a "quote"', "two\nlines", "é", "=1+1", ""]), day)
        for n in range(tables.ROWS_PER_PIECE * 2 + 7)
        for day in [date(2020, 1, 1) + timedelta(days=n)]
    ]
    for a, b in rows:
        table.add(a=a, b=b)
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\r\n")
    writer.writerow(["a", "b"])
    writer.writerows([tables.cell(a), b.isoformat()] for a, b in rows)
    assert table.csv() == expected.getvalue()
    table.clear()
    assert table.csv() == ""


def test_a_long_file_is_written_as_its_text_encodes(tmp_path: Path) -> None:
    text = ("ré,unión\r\n" * (LARGE_TEXT // 5))[: LARGE_TEXT * 2 + 3]
    _Folder(tmp_path).write("data/t.csv", text)
    assert (tmp_path / "data" / "t.csv").read_bytes() == text.encode("utf-8")


def test_rows_given_in_column_order_are_the_rows_given_by_name() -> None:
    columns = (tables.col("a", "string", ""), tables.col("b", "boolean", ""))
    by_name, in_order = tables.Table("t", "T", "", columns), tables.Table("t", "T", "", columns)
    rows = [("=x", True), (None, False), ("y, z", None)]
    for a, b in rows:
        by_name.add(a=a, b=b)
    in_order.add_all(rows)
    assert in_order.csv() == by_name.csv() == 'a,b\r\n\'=x,true\r\n,false\r\n"y, z",\r\n'
    with pytest.raises(ValueError, match="a row of 1 cells"):
        in_order.add_all([("x",)])


def test_a_list_of_names_kept_for_the_next_page_is_what_that_page_would_make() -> None:
    # An attendance list is made once and kept for pages listing the same members: kept
    # by the page's depth, and by the page itself in the members' own section.
    records = ForumRecords(root=Path("."))
    for stem in ("ana", "ben", "cy"):
        member = Member(name=stem.title(), kind="person", sector="government", stem=stem)
        records.members[stem] = member
    listed = list(records.members.values())

    def fresh(src: str) -> str:
        return ", ".join(Links(records, src)._member_html(m.stem) for m in listed)

    pages = ["meetings/m1.md", "meetings/m2.md", "index.md", "members/ana.md", "members/ben.md"]
    for src in pages * 2:
        assert str(Links(records, src).members(listed)) == fresh(src)
    assert str(Links(records, "members/ana.md").members(listed[:1])) == '<a href="./">Ana</a>'
    assert 'href="../ana/"' in fresh("members/ben.md")
    assert 'href="../../members/ana/"' in str(Links(records, "meetings/m1.md").members(listed))


def test_commitments_and_submissions_grouped_once_are_those_asked_one_by_one(
    tmp_path: Path,
) -> None:
    generate("rotating", 400, tmp_path / "generated")
    for root in (Path(__file__).resolve().parents[1] / "forum_records", tmp_path / "generated"):
        records, _ = load_forum(root)
        by_plan = derived.commitments_by_plan(records)
        by_consultation = derived.submissions_by_consultation(records)
        assert any(by_plan.values()) and any(by_consultation.values())
        for plan in [*records.plans, "none"]:
            assert by_plan.get(plan, []) == derived.commitments_of(records, plan)
        for key in [*records.consultations, "none"]:
            assert by_consultation.get(key, []) == derived.submissions_of(records, key)
