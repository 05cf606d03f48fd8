"""Bodies of paragraphs, lists, headings, bold words and links are given their HTML without
Markdown's machinery (site/plain_markdown.py): the HTML Markdown makes of them, or None."""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openforum.safety.sanitize import clean_body_html
from openforum.site.html import DEFAULT_EXTENSIONS, MarkdownRenderer
from openforum.site.pasted_text import bullets_to_lists
from openforum.site.plain_markdown import plain_markdown
from openforum.site.render import shift_headings

PROJECT = Path(__file__).resolve().parents[1]
REALDATA = PROJECT.parent.parent / "shared" / "realdata"
sys.path.insert(0, str(PROJECT / "bench"))
from restyle import restyle  # noqa: E402
from shapes import generate  # noqa: E402

CONVERTER = markdown.Markdown(extensions=list(DEFAULT_EXTENSIONS))


def _markdown(text: str) -> str:
    CONVERTER.reset()
    return CONVERTER.convert(text)


def _check(text: str) -> bool:
    """Whether `plain_markdown` took `text`; where it did, its HTML is Markdown's."""
    plain = plain_markdown(text)
    if plain is not None:
        assert plain == _markdown(text), text
    return plain is not None


def _bodies(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.md")):
        text = path.read_text("utf-8", errors="replace")
        if text.startswith("---\n") and (end := text.find("\n---\n", 4)) > 0:
            text = text[end + 5 :]
        for levels in (1, 3):  # as Context.body gives it to the renderer
            found.append(shift_headings(bullets_to_lists(text), levels))
    return found


def test_bodies_of_forums_written_by_others(tmp_path: Path) -> None:
    generate("rotating", 200, tmp_path / "generated")
    restyle(tmp_path / "generated", tmp_path / "restyled")
    taken = {
        root.name: sum(map(_check, _bodies(root)))
        for root in (PROJECT / "forum_records", tmp_path / "restyled", REALDATA)
    }
    # The restyled forum's bodies are lists, headings, bold words and links.
    assert taken["restyled"] > 200 and taken["forum_records"] > 10


WORDS = st.text(
    alphabet=st.sampled_from(
        [*"abcXYZ019 .,;:!?'\"()%/-", *"\u00e9\u00f1\u0416\u4e2d\u00bf\u00ab\u00bb\u2014"]
    ),
    max_size=16,
)
PROSE = st.tuples(st.sampled_from([*"aXz", "\u00e9", "\u0416", "\u4e2d"]), WORDS).map("".join)
URLS = st.sampled_from(
    ["https://www.example.org/a", "http://x.example/b-c_d.e~f/", "https://example.org"] * 8
    + ["/assets/files/2023-07-12-slides.pdf", "/a%20b#part", "/"] * 4
    + ["https://a.b/(c)", "", "https://a.b/c d", "https://a.b?x=1&y=2", "page/", "#top"]
)
# The forms taken (a line begins with prose, bold words or a link)...
TAKEN = st.one_of(
    PROSE,
    PROSE.map(lambda w: f"**{w}**"),
    st.tuples(PROSE, URLS).map(lambda p: f"[{p[0]}]({p[1]})"),
    st.tuples(PROSE, URLS).map(lambda p: f"[**{p[0]}**]({p[1]})"),
)
# ... and what may make a text something else.
OTHER = st.sampled_from(
    [*"*_[]`&#|=\t\\\n", "**", "***", "![x](https://a.b/c)", "<b>", "  ", "\u00a0", "---"]
)
OTHER_LINES = st.sampled_from(["1. ", "[TOC]", "[x]: https://a.b", "\n- ", "\n#", "\n\n- "])
ODD_STARTS = st.sampled_from(["####### ", "1. ", "* ", "> ", " ", "    ", "-", "#", "## "])


@st.composite
def lines(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["paragraph", "paragraph", "item", "item", "heading"]))
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + draw(PROSE)
    glue = draw(st.sampled_from([" "] * 19 + [""]))
    text = glue.join(draw(st.lists(TAKEN, min_size=1, max_size=6)))
    marker = draw(st.sampled_from(["- ", "- ", "* ", "+ ", "1. ", "12. "]))
    return f"{marker}{text}" if kind == "item" else text


@st.composite
def bodies(draw: st.DrawFn) -> str:
    """Lines of the forms taken, one body in three with something else put in somewhere."""
    body = ""
    for _ in range(draw(st.integers(1, 6))):
        ends = ["\n", "\n", "\n\n", "\n\n\n", "\n \n", " \n", " \n\n", "  \n", "\n   \n"]
        body += draw(lines()) + draw(st.sampled_from(ends))
    if draw(st.integers(0, 2)) == 0:
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(st.one_of(OTHER, OTHER_LINES, ODD_STARTS)) + body[at:]
    return body.strip("\n")


@settings(max_examples=1500, deadline=None)
@given(bodies())
def test_any_text_it_takes_is_rendered_as_markdown_would(text: str) -> None:
    _check(text)


def test_the_renderer_gives_the_sanitized_html_of_markdown() -> None:
    full = MarkdownRenderer()
    full._prose_shortcut = False  # the path every body took before
    text = "## Budget\n\n- **Adopted** by [the Forum](https://forum.example/a).\n- Noted.\n"
    assert plain_markdown(text) is not None
    assert MarkdownRenderer()(text) == full(text) == clean_body_html(_markdown(text))


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("The Forum met.\n\n- It agreed.\n- It **voted**.\n\n## Next\n\nIn May.", True),
        ("See [the plan](https://plan.example/nap-3), **now**.", True),
        ("- One\n- Two\n\n- Three", True),  # one list; the items by the blank line loose
        ("1. One\n2. Two", True),
        ("* One\n- Two\n+ Three\n3. Four", True),  # the first item's kind is the list's
        ("1. One\n\n- Two", True),
        ("[Slides (PDF)](/assets/files/2023-07-12-slides.pdf)", True),
        ("A line \nwith a space at its end \n\n## And a heading \n   \nDone ", True),
        ("Two spaces  \nbreak a line", False),
        ("[**Report**](https://r.example/2024): read it.", True),
        ("[**Report](https://r.example/2024)", False),
        ("An *emphasis*", False),
        ("A word**in**word", False),
        ("![A picture](https://p.example/a.png)", False),
        ("Look![A picture](https://p.example/a.png) here", False),
        ("[Relative](../meetings/)", False),
        ("## Heading ##", False),
        ("A line\n- not a list", False),
        ("- Item\ncontinued lazily", False),
        ("[TOC]", False),
    ],
)
def test_what_it_takes(text: str, taken: bool) -> None:
    assert _check(text) is taken
