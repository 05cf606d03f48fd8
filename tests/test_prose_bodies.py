"""Bodies of prose are given their HTML without Markdown (html.prose_html): the same HTML
Markdown and the sanitizer make of them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openforum.site.html import MarkdownRenderer, prose_html
from openforum.site.pasted_text import bullets_to_lists
from openforum.site.render import shift_headings

PROJECT = Path(__file__).resolve().parents[1]
REALDATA = PROJECT.parent.parent / "shared" / "realdata"
sys.path.insert(0, str(PROJECT / "bench"))
from shapes import generate  # noqa: E402


def _markdown() -> MarkdownRenderer:
    full = MarkdownRenderer()
    full._prose_shortcut = False  # the path every body took before
    return full


FULL = _markdown()


def _body(path: Path) -> str:
    text = path.read_text("utf-8", errors="replace")
    if text.startswith("---\n") and (end := text.find("\n---\n", 4)) > 0:
        text = text[end + 5 :]
    return shift_headings(bullets_to_lists(text), 1)  # as Context.body gives it


def _check(text: str) -> bool:
    """Whether the shortcut took `text`; where it did, its HTML is Markdown's."""
    fast = prose_html(text)
    if fast is not None:
        assert fast == FULL(text), text
    return fast is not None


def test_bodies_of_every_kind_of_forum(tmp_path: Path) -> None:
    generate("long-bodies", 120, tmp_path / "generated")
    roots = [PROJECT / "forum_records", tmp_path / "generated", REALDATA]
    taken = total = 0
    for root in roots:
        for path in sorted(root.rglob("*.md")):
            total += 1
            taken += _check(_body(path))
    # The generated minutes are prose; the demo forum's and the real records are not all.
    assert total > 200 and taken > 100 and taken < total


SENTENCE = st.text(
    alphabet=st.sampled_from(
        [
            *"abcXYZ019 .,;:!?'\"()%/-",
            *"\u00e9\u00f1\u00fc\u00df\u0416\u4e2d\u0639",  # letters of other scripts
            *"\u00bf\u00a1\u00ab\u00bb\u201c\u201d\u2018\u2019\u2013\u2014\u2026",  # typography
        ]
    ),
    min_size=1,
    max_size=40,
)
# What a line may start with, and marks that may make a text something else than prose.
STARTS = st.sampled_from(["", "A", "é", "1", "1. ", "- ", "* ", "# ", "> ", "    ", " ", "<b>"])
MARKS = st.sampled_from(["", "_", "*", "`", "[x](y)", "&amp;", "<", "\\", "  ", "|", "\t"])


@st.composite
def bodies(draw: st.DrawFn) -> str:
    lines = [
        draw(STARTS) + draw(SENTENCE) + draw(MARKS) + draw(SENTENCE)
        for _ in range(draw(st.integers(1, 6)))
    ]
    breaks = [draw(st.sampled_from(["\n", "\n\n", "\n\n\n", "\n \n"])) for _ in lines]
    return "".join(line + cut for line, cut in zip(lines, breaks, strict=True)).strip()


@settings(max_examples=600, deadline=None)
@given(bodies())
def test_any_text_the_shortcut_takes_is_rendered_as_markdown_would(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("The Forum met.\nIt agreed.\n\nNext time: 5 May.", True),
        ("\u00c9l dijo: \u00abs\u00ed\u00bb, \u00bfno? \u2014 50% (o m\u00e1s).", True),
        ("1. A numbered item", False),
        ("A line\n- a list item", False),
        ("A heading\n=========", False),
        ("Two spaces  \nmake a break", False),
        ("Under_scores and *stars*", False),
        ("    indented code", False),
    ],
)
def test_what_is_prose(text: str, taken: bool) -> None:
    assert _check(text) is taken
