"""Markdown's inline pass skipped for plain text gives the HTML the full pass gives."""

from __future__ import annotations

from pathlib import Path

import markdown
from hypothesis import example, given, settings
from hypothesis import strategies as st

from openforum.site.html import DEFAULT_EXTENSIONS
from openforum.site.plain_inline import HANDLER, skip_plain_text

# The demo forum's records (in the repository) and, where the machine has them, real ones.
SOURCES = (Path(__file__).resolve().parents[1] / "forum_records", Path("/work/shared/realdata"))
# Letters, spaces and line ends, with every character some inline pattern starts from.
MARKDOWN_TEXT = st.text(
    alphabet=st.sampled_from(list("ab é\n\n  `\\[]()!<>&;#*_-:/@.{}|~^=\"'")), max_size=300
)


def _pair() -> tuple[markdown.Markdown, markdown.Markdown]:
    full = markdown.Markdown(extensions=list(DEFAULT_EXTENSIONS))
    quick = markdown.Markdown(extensions=list(DEFAULT_EXTENSIONS))
    assert skip_plain_text(quick)
    return full, quick


def _html(converter: markdown.Markdown, text: str) -> str:
    converter.reset()
    return converter.convert(text)


@settings(max_examples=600, deadline=None)
@given(MARKDOWN_TEXT)
@example("a  \nb")  # a line break: two spaces, no other mark
@example("see <https://x.example/a> and x@y.example")
@example("a ** b * c _d_ __e__ a*b*c snake_case_name")
@example("\\`not code\\` and `code` and &amp; &#38; &x")
@example("[a](b) ![c](d) [e][f]\n\n[f]: https://x.example/")
@example("fish &amp; chips")
@example("a <b>bold</b> word")
@example("a _stressed_ word")
def test_a_text_renders_alike_with_and_without_the_shortcut(text: str) -> None:
    full, quick = _pair()
    assert _html(quick, text) == _html(full, text)


def test_real_minutes_render_alike() -> None:
    bodies = [p.read_text("utf-8") for source in SOURCES for p in sorted(source.rglob("*.md"))]
    assert len(bodies) > 20
    full, quick = _pair()
    assert [_html(quick, body) for body in bodies] == [_html(full, body) for body in bodies]


def test_only_text_with_a_pattern_s_character_goes_through_the_pass() -> None:
    converter = markdown.Markdown(extensions=list(DEFAULT_EXTENSIONS))
    inline = converter.treeprocessors["inline"]
    handle = getattr(inline, HANDLER)
    passed: list[str] = []

    def counted(data: str, pattern_index: int = 0) -> str:
        passed.append(data)
        return handle(data, pattern_index)

    setattr(inline, HANDLER, counted)
    assert skip_plain_text(converter)
    html = _html(converter, "A plain sentence.\n\nAnother, with *emphasis*.")
    assert html == "<p>A plain sentence.</p>\n<p>Another, with <em>emphasis</em>.</p>"
    assert passed[0] == "Another, with *emphasis*."
    assert "A plain sentence." not in passed


def test_an_extension_with_its_own_inline_pattern_turns_the_shortcut_off() -> None:
    converter = markdown.Markdown(extensions=["footnotes"])
    handler = getattr(converter.treeprocessors["inline"], HANDLER)
    assert not skip_plain_text(converter)
    assert getattr(converter.treeprocessors["inline"], HANDLER) == handler
    assert "<sup" in _html(converter, "Said[^1].\n\n[^1]: In the minutes.")
