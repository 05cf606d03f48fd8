"""The privacy scan reads pages part by part (safety/frames.py): it finds what reading each
page whole finds, the same values and the same third-party addresses in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openforum.safety import frames, privacy
from openforum.safety.fetches import requests_in
from openforum.safety.normalise import normalise
from site_build import demo_site

PRIVATE = {
    "Jane Citizen": "members/jane.md, field contact.email",
    "jane.citizen@mail.example": "members/jane.md, field contact.email",
    "+1 555 0100 200": "members/jane.md, field contact.phone",
    "Ana Núñez": "consultations/c/s.md, field author.name",
}


def _scan(private: dict[str, str], by_parts: bool) -> privacy._Scan:
    folded = privacy._folded(private)
    pattern = privacy.leak_pattern({normalise(v) for v in folded.values()})
    return privacy._Scan(Path("."), folded, pattern, "forum.example", True, by_parts)


def _whole(scan: privacy._Scan, raw: str) -> tuple[list[privacy.Leak], list[object]]:
    assert scan.pattern is not None
    leaks = privacy.leaks_in("p.html", ".html", raw, scan.pattern, scan.private)
    return leaks, list(requests_in("p.html", ".html", raw, scan.own_host))


# Pieces of pages: frame elements where a page is cut, the values and their disguises
# (entities, escapes, tags inside, line breaks), things that fetch from elsewhere.
PIECES = [
    *(start + ">" for start in frames.FRAME_STARTS), "\n  <footer class=x>", "</script>",
    "</nav>", "</header>", "<p>", "</p>", "<b>", "</b>",
    "<span>", "</span>", ">", "<", " ", "\n", "\\", "&", ";", "%", "x", ".", "@", "-",
    "Jane", "Citizen", "Jane Citizen", "Jane</b> <b>Citizen", "J&#97;ne", "Jane\\nCitizen",
    "jane.citizen@mail.example", "jane.citizen@mail.example.org", "jane.citizen%40mail",
    ".example", "+1 555 0100 200", "555", "Ana Núñez", "Ana Nu\u0301n\u0303ez", "&amp;",
    "&lt;footer", '<img src="https://cdn.example/a.png">',
    '<link rel="stylesheet" href="//x.example/s.css">',
    '<div style="background:url(https://t.example/p.gif)">',
    "<script src='https://t.example/t.js'>",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_a_page_read_by_parts_gives_what_it_gives_whole(pieces: list[str]) -> None:
    raw = "".join(pieces)
    by_parts, whole = _scan(PRIVATE, True), _scan(PRIVATE, False)
    parts = frames.PageParts(by_parts._part)
    for _ in range(2):  # and again from the parts kept the first time
        assert by_parts._page("p.html", raw, parts(raw)) == _whole(whole, raw)


def test_a_value_across_a_cut_is_found() -> None:
    raw = '<p>Jane</p>\n<footer><img src="https://cdn.example/a.png">Citizen</footer>'
    assert frames.frame_cuts(raw) == [raw.index("<footer>")]
    by_parts = _scan(PRIVATE, True)
    leaks, requests = by_parts._page("p.html", raw, frames.PageParts(by_parts._part)(raw))
    assert [leak.value for leak in leaks] == ["Jane Citizen"]
    assert [request.url for request in requests] == ["https://cdn.example/a.png"]


def test_a_tag_decoded_in_a_first_part_without_tags_is_taken_out_as_in_the_whole() -> None:
    raw = "Jan&lt;i&gt;e Citizen>\n<footer>x</footer>"
    assert frames.frame_cuts(raw) == [raw.index("<footer>")]
    by_parts, whole = _scan(PRIVATE, True), _scan(PRIVATE, False)
    expected = _whole(whole, raw)
    assert [leak.value for leak in expected[0]] == ["Jane Citizen"]
    assert by_parts._page("p.html", raw, frames.PageParts(by_parts._part)(raw)) == expected


def test_the_demo_sites_pages_give_what_they_give_whole() -> None:
    site = demo_site()
    private = privacy.private_values(site.records)
    assert private  # the demo forum withholds contact details and authors' names
    by_parts, whole = _scan(private, True), _scan(private, False)
    parts = frames.PageParts(by_parts._part)
    pages = sorted(site.root.rglob("*.html"))
    cut = 0
    for page in pages * 2:
        raw = page.read_text("utf-8")
        cut += len(frames.frame_cuts(raw)) > 3
        assert by_parts._page("p.html", raw, parts(raw)) == _whole(whole, raw)
    assert cut > len(pages)  # the theme's frame is cut out of most pages


def test_a_value_holding_a_tag_start_has_pages_read_whole(tmp_path: Path) -> None:
    private = {"Sam> <footer>Doe": "members/m.md, field name"}
    raw = "<p>Sam>\n<footer>Doe</footer>"
    # Read by parts, the value would be missed: it runs over the cut before <footer>.
    by_parts = _scan(private, True)
    assert by_parts._page("p.html", raw, frames.PageParts(by_parts._part)(raw))[0] == []
    (tmp_path / "p.html").write_text(raw, "utf-8")
    assert [leak.file for leak in privacy.find_leaks(tmp_path, private)] == ["p.html"]


def test_parts_met_once_are_not_kept() -> None:
    read: list[str] = []

    def part(text: str) -> frames.PagePart:
        read.append(text)
        return frames.PagePart(frozenset(), text, ())

    parts = frames.PageParts(part)
    page = "<main>one</main>\n<footer>menu</footer>"
    parts(page)
    parts(page)
    parts(page)
    # Each part is read when first met and again when met twice; then it is kept.
    assert read == ["<main>one</main>\n", "<footer>menu</footer>"] * 2


def test_a_value_across_joins_and_long_blank_runs_is_found() -> None:
    # Parts whose text without tags is only blanks, and runs of blanks far longer than any
    # value, between the value's two words: found across three joins.
    blanks = " \n" * 300
    raw = (
        f"<p>Jane{blanks}</p>\n<footer>{blanks}</footer>\n<footer>\n</footer>"
        f"\n<footer>{blanks}Citizen</footer>"
    )
    assert len(frames.frame_cuts(raw)) == 3
    by_parts, whole = _scan(PRIVATE, True), _scan(PRIVATE, False)
    parts = frames.PageParts(by_parts._part)(raw)
    expected = _whole(whole, raw)
    assert [leak.value for leak in expected[0]] == ["Jane Citizen"]
    assert by_parts._page("p.html", raw, parts) == expected


def test_the_longest_value_cut_by_a_join_near_its_end_is_found() -> None:
    # All but its last two characters before the join, after a long text.
    raw = (
        "<p>" + "Minutes of the meeting. " * 20 + "jane.citizen@mail.examp</p>"
        "<footer>le wrote" + " and more" * 20 + "</footer>"
    )
    by_parts, whole = _scan(PRIVATE, True), _scan(PRIVATE, False)
    expected = _whole(whole, raw)
    assert [leak.value for leak in expected[0]] == ["jane.citizen@mail.example"]
    assert by_parts._page("p.html", raw, frames.PageParts(by_parts._part)(raw)) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["&amp;", "&#73;", "%41", "\\n", "\u00e9", "x", " "]), max_size=6))
def test_a_part_s_fetching_tags_in_capitals_are_found_beside_escapes(pieces: list[str]) -> None:
    # An ASCII part is lowered once for its values and its tags alike, unless an escape
    # undone makes its folded text another length than the part.
    text = "".join(pieces)
    raw = f'<P>{text}<IMG SRC="https://CDN.example/A{text}.png">\n<footer>{text}</footer>'
    by_parts, whole = _scan(PRIVATE, True), _scan(PRIVATE, False)
    expected = _whole(whole, raw)
    assert len(expected[1]) == 1
    assert by_parts._page("p.html", raw, frames.PageParts(by_parts._part)(raw)) == expected


def plain_frame_cuts(page: str) -> list[int]:
    """`frame_cuts` as defined: back from each frame element over blanks, to a ">"."""
    cuts = []
    for found in frames._FRAME_START.finditer(page, 1):
        before = found.start() - 1
        while before >= 0 and page[before] in " \t\n\r\f\v":
            before -= 1
        if before >= 0 and page[before] == ">":
            cuts.append(found.start())
    return cuts


# Blanks and what only looks blank (a no-break space, separators str.split takes as space).
CUT_PIECES = [*frames.FRAME_STARTS, ">", "<", "x", " ", "\n", "\t", "\r", "\f", "\v"]
CUT_PIECES += ["\u00a0", "\x1c", "\u2028", " " * 9, "\n" * 9]


@pytest.mark.parametrize("window", [1, 3, 64])
@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(CUT_PIECES), max_size=30))
def test_a_page_is_cut_where_stepping_back_over_blanks_cuts_it(
    window: int, pieces: list[str]
) -> None:
    page = "".join(pieces)
    saved = frames._WINDOW
    frames._WINDOW = window  # small windows: blank runs across several of them
    try:
        assert frames.frame_cuts(page) == plain_frame_cuts(page)
    finally:
        frames._WINDOW = saved


def test_a_section_met_on_many_pages_is_read_once_kept() -> None:
    attendance = '<h2 id="attendance">Attendance</h2>\n<p>Jane Citizen, Ana</p>'
    pages = [
        f"<main><h1>Meeting {n}</h1>\n{attendance}\n<h2>Minutes {n}</h2></main>" for n in "123"
    ]
    read: list[str] = []
    by_parts, whole = _scan(PRIVATE, True), _scan(PRIVATE, False)

    def part(text: str) -> frames.PagePart:
        read.append(text)
        return by_parts._part(text)

    parts = frames.PageParts(part)
    for page in pages:
        assert page.index(attendance) in frames.frame_cuts(page)
        expected = _whole(whole, page)
        assert [leak.value for leak in expected[0]] == ["Jane Citizen"]
        assert by_parts._page("p.html", page, parts(page)) == expected
    # Read when first met and again when met twice; the third page's is the one kept.
    assert sum(text.startswith(attendance) for text in read) == 2
