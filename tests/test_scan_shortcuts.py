"""The privacy scan's shortcuts read every page as the plain, slow reading does.

The scan folds each published file (`safety/normalise.py`) piece by piece and finds a few
patterns by cheaper routes; each shortcut is compared here with the direct definition it
replaces, on generated text full of what makes Unicode folding hard, and on real files.
"""

from __future__ import annotations

import re
import tracemalloc
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from openforum.safety import fetches, normalise, privacy, site_files
from openforum.safety.normalise import fold, reader_views, undo_escapes
from openforum.safety.privacy import find_leaks, third_party_requests

# Characters NFKC composes, decomposes or reorders, that case folding changes in length or
# maps oddly, that are invisible or white space, beside plain ASCII.
TRICKY = (
    "aeEIiKks AZ\n\t.<>@-"  # ASCII, which pieces are cut before
    "\u0301\u0307\u0323\u031b\u0345"  # combining marks (composing, reordering)
    "\u00e9\u00c9\u0130\u0131\u017f\u00df\u1e9e\u212a\u2126\u03a3\u03c2"  # case oddities
    "\u13a0\uab70\u0587\ufb01\ufb03\u2026\u00bd\u2460\uff21\uff41\u3000"  # Cherokee, compat
    "\u1100\u1161\u11a8\uac00"  # Hangul jamo that compose into a syllable
    "\u00a0\u202f\u2009\u200b\u00ad\ufeff\u2060\ufe0f\U000e0041"  # spaces, invisibles
    "\u0644\u0627\ufefb\u0915\u094d\u0937"  # Arabic ligature, Devanagari conjunct
)


def plain_fold(text: str) -> str:
    """`fold` as defined: the whole text at once."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(normalise._INVISIBLE.sub("", text).split())


@pytest.mark.parametrize("piece", [1, 2, 5, 64])
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(TRICKY), max_size=300))
def test_folding_piece_by_piece_is_folding_the_whole(piece: int, text: str) -> None:
    saved = normalise._PIECE
    normalise._PIECE = piece  # small pieces: cuts fall everywhere a cut may fall
    try:
        assert fold(text) == plain_fold(text)
    finally:
        normalise._PIECE = saved


def test_a_long_page_is_folded_as_a_whole() -> None:
    # Non-ASCII text on both sides of the cuts of default-sized pieces, and a run of
    # characters beyond ASCII longer than a piece (no cut can fall inside it).
    words = ["Ilse", "MAR\u0301VON", "\u2026", "\ufb01n", "e\u0301", "\uac00" * 3000, "K"]
    page = "<p>" + " ".join(words[i % len(words)] for i in range(5000)) + "</p>"
    assert fold(page) == plain_fold(page)


def test_an_escaped_surrogate_pair_on_a_page_beyond_ascii_is_one_character() -> None:
    escaped = '{"t": "\u201cok\u201d \\ud83d\\ude00"}'
    assert undo_escapes(escaped) == '{"t": "\u201cok\u201d \U0001f600"}'


def test_a_private_value_across_a_piece_cut_is_found(tmp_path: Path) -> None:
    # The value's letters decomposed and wrapped around where a piece ends, on a page that
    # is not ASCII: found in each position relative to the cut.
    name = "Ilse Marv\u00f3n"
    for shift in range(-12, 12, 3):
        filler = "x" * (normalise._PIECE - 6 + shift)
        page = f"<p>\u2026{filler} ILSE\n MARVO\u0301N \u201cend\u201d</p>"
        (tmp_path / "page.html").write_text(page, encoding="utf-8")
        assert len(find_leaks(tmp_path, {name: "x"})) == 1, shift
        views = reader_views(".html", page)
        assert any("ilse marv\u00f3n" in " ".join(view.split()) for view in views)


@pytest.mark.parametrize("written", ["url(", "URL(", "Url( '", 'uRl("'])
def test_a_stylesheet_address_is_found_in_any_case(tmp_path: Path, written: str) -> None:
    (tmp_path / "page.html").write_text(
        f'<p>\u00e9</p><div style="background: {written}https://cdn.example/x.png"></div>',
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text(f"a {{ b: {written}//cdn.example/y.png }}", "utf-8")
    found = sorted((r.file, r.url) for r in third_party_requests(tmp_path, "forum.example"))
    assert found == [
        ("page.html", "https://cdn.example/x.png"),
        ("style.css", "//cdn.example/y.png"),
    ]


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("uUrRlL(  '\")x/.\n")), max_size=60))
def test_stylesheet_addresses_are_the_case_blind_pattern_s(text: str) -> None:
    case_blind = re.compile(r"url\(\s*[\"']?([^\"')\s]+)", re.IGNORECASE)
    assert fetches.CSS_URL.findall(text) == case_blind.findall(text)


def test_every_piece_cut_falls_before_an_ascii_character() -> None:
    text = ("\u00e9" * 3000 + "a") * 3
    pieces = list(normalise._pieces(text))
    assert "".join(pieces) == text
    assert all(re.match("[\\x00-\\x7f]", piece) for piece in pieces[1:])


WORDS = ["budget", "Ilse", "Marv\u00f3n", "<b>", "</b>", "&amp;", "x@y.example", "\u2026"]


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.sampled_from([*WORDS, "ILSE\n MARVO\u0301N", "ilse <i>marv\u00f3n</i>"]), max_size=400
    ),
    glue=st.sampled_from([" ", "\n", "  ", "\t"]),
)
def test_a_large_file_read_in_pieces_finds_what_the_whole_reading_finds(
    words: list[str], glue: str
) -> None:
    text = glue.join(words)
    private = {"ilsemarv\u00f3n": "Ilse Marv\u00f3n", "x@y.example": "x@y.example"}
    pattern = privacy.leak_pattern({"ilse marv\u00f3n", "x@y.example"})
    whole = privacy.leaks_in("t.html", ".html", text, pattern, private)
    saved = privacy.LARGE_FILE, privacy.OVERLAP
    privacy.LARGE_FILE, privacy.OVERLAP = 40, 30  # a cut every few words
    try:
        assert len(list(privacy._pieces(text))) > len(text) // 60
        assert privacy.leaks_in("t.html", ".html", text, pattern, private) == whole
    finally:
        privacy.LARGE_FILE, privacy.OVERLAP = saved


def whole_text_pieces(raw: str) -> list[str]:
    """The pieces as first cut, from the whole text at once."""
    pieces, start = [], 0
    while len(raw) - start > privacy.LARGE_FILE:
        space = re.compile(r"\s").search(raw, start + privacy.LARGE_FILE)
        cut = space.end() if space else len(raw)
        if cut >= len(raw):
            break
        after = re.compile(r"\s").search(raw, cut + privacy.OVERLAP)
        pieces.append(raw[start : after.end() if after else len(raw)])
        start = cut
    return [*pieces, raw[start:]]


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab \n")), max_size=300),
    sizes=st.lists(st.integers(1, 40), min_size=1, max_size=8),
)
@example(text="a" * 25 + " ", sizes=[7])  # the last white space ends the text
def test_a_text_read_chunk_by_chunk_is_cut_where_the_whole_text_is(
    text: str, sizes: list[int]
) -> None:
    chunks, at = [], 0
    while at < len(text):
        size = sizes[len(chunks) % len(sizes)]
        chunks.append(text[at : at + size])
        at += size
    saved = privacy.LARGE_FILE, privacy.OVERLAP
    privacy.LARGE_FILE, privacy.OVERLAP = 20, 12
    try:
        expected = whole_text_pieces(text)
        assert list(privacy._pieces_read(iter(chunks))) == expected
        assert list(privacy._pieces(text)) == expected
    finally:
        privacy.LARGE_FILE, privacy.OVERLAP = saved


def test_a_large_data_file_is_scanned_from_disk_a_piece_at_a_time(tmp_path: Path) -> None:
    # Windows line breaks (read as "\n", as a text-mode read gives them), and the value in
    # every row, so that some fall where the pieces are cut.
    row = "m-00012,2026-01-31-m00001,present,Ilse Marv\u00f3n\r\n"
    table = row * (6 * privacy.LARGE_FILE // len(row))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.csv").write_bytes(table.encode("utf-8"))
    private = {"Ilse Marv\u00f3n": "members/x.md"}
    tracemalloc.start()
    try:
        leaks = find_leaks(tmp_path, private)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [(leak.file, leak.value) for leak in leaks] == [("data/a.csv", "Ilse Marv\u00f3n")]
    # Read whole, the file's bytes and text and their pieces' readings peaked at 18 times
    # LARGE_FILE here, and grow with the file; a piece at a time, at 6 whatever its size.
    assert peak < 8 * privacy.LARGE_FILE


def test_a_large_file_read_whole_and_from_disk_gives_the_same_text(tmp_path: Path) -> None:
    text = ("caf\u00e9 \r\n\r x\xff" * 500_000).encode("utf-8") + b"\xe9\xff\r"
    path = tmp_path / "t.json"
    path.write_bytes(text)
    whole, _ = site_files.read_text(str(path), ".json")
    assert whole is not None
    assert "".join(site_files.text_chunks(str(path), 4097)) == whole
    assert site_files.read_text(str(path), ".json", whole_up_to=len(text) - 1)[0] is None


def test_a_large_files_readings_are_not_all_held_at_once() -> None:
    row = "m-00012,2026-01-31-m00001,present,Ilse Marvon &amp; partners\n"
    table = row * (4 * privacy.LARGE_FILE // len(row) + 1)
    pattern = privacy.leak_pattern({"jane citizen"})
    tracemalloc.start()
    try:
        found = privacy.leaks_in("data/a.csv", ".csv", table, pattern, {"janecitizen": "J"})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == []
    # Read whole, the text and its views were five copies of the table (84 MB); in pieces,
    # five of a piece.
    assert peak < 6 * privacy.LARGE_FILE


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>/=\"'\n")), max_size=200))
def test_tags_are_taken_out_as_the_tag_pattern_takes_them(text: str) -> None:
    assert normalise.without_tags(text) == normalise._TAG.sub("", text)
    assert normalise.without_tags("a<b>c<d>e</d>f<g") == "acef<g"


# Tags and attributes that fetch, in every case, beside letters that match an ASCII letter
# case-blind ("\u017f" is "s", "\u212a" is "k", "\u0130" is "i") and other text.
FETCH_PIECES = [
    "<script", "<SCRIPT", "<\u017fcript", "<img", "<IMG", "<iMg", "<link", "<LINK", "<lin\u212a",
    "<source", "<a", " rel=stylesheet", " REL='Icon'", " rel=\"preload\"", " href=", " HREF=",
    " src=", " SrC=", " \u017frc=", " data=", " poster=", "https://X.example/A.png", "//cdn.EX",
    '"', "'", ">", "<", " ", "\n", "\u00e9", "\u0130", "=", "x",
]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(FETCH_PIECES), max_size=30))
def test_fetching_tags_are_found_as_the_case_blind_pattern_finds_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    case_blind = [a or b for a, b in fetches.FETCHING_ATTRIBUTES.findall(text)]
    assert fetches.fetched_by_tags(text) == case_blind
    if text.isascii():  # and from the lowered text a caller has
        assert fetches.fetched_by_tags(text, text.lower()) == case_blind


def test_a_fetching_tag_is_found_in_an_ascii_page_written_in_capitals() -> None:
    page = '<P><IMG SRC="HTTPS://CDN.Example/A.png"><LINK REL=ICON HREF=//X.example/I.ico>'
    expected = ["HTTPS://CDN.Example/A.png", "//X.example/I.ico"]
    assert fetches.fetched_by_tags(page) == expected
    assert fetches.fetched_by_tags(page, page.lower()) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "\\", "\u00e9", "\ud83d", "\ude00", "\U0001f600"])))
def test_surrogates_are_found_as_a_pattern_finds_them(text: str) -> None:
    assert normalise._has_surrogates(text) == bool(re.search("[\ud800-\udfff]", text))


def test_an_escaped_surrogate_pair_in_an_ascii_file_is_one_character() -> None:
    assert undo_escapes('{"t": "\\ud83d\\ude00 \\u00e9"}') == '{"t": "\U0001f600 \u00e9"}'
