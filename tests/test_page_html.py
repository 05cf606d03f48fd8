"""Generated pages are HTML: bodies rendered apart and cleaned, the outline read back."""

from __future__ import annotations

import re
import resource
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from openforum.site.html import MarkdownRenderer, anchor_ids, outline, unique_heading_ids


def test_bodies_render_with_the_given_extensions_and_are_cleaned() -> None:
    render = MarkdownRenderer()
    out = render("## Background\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>")
    assert '<h2 id="user-content-background">Background</h2>' in out
    assert "<table>" in out and "<td>1</td>" in out
    assert "<script" not in out and "alert(1)" not in out
    # The converter is reused: ids from one text do not leak into the next one.
    assert '<h2 id="user-content-background">' in render("## Background")
    admonition = MarkdownRenderer(["admonition"])("!!! note\n    Read this.")
    assert 'class="admonition note"' in admonition


def test_ids_written_after_a_slash_are_prefixed_too() -> None:
    # Browsers read "/" between attributes as a space: `<h2/id=x>` has the id x.
    out = MarkdownRenderer()('<div/id="__md_scope"><a/name="submission-s01">x</a></div>')
    assert 'id="user-content-__md_scope"' in out and 'id="__md_scope"' not in out
    assert 'name="user-content-submission-s01"' in out


# Rendered in a process that the system stops after this much CPU time: a renaming that
# went back over the text for each `id="x"` in it took minutes on this body.
CPU_SECONDS = 30


def test_a_paragraph_of_ids_written_as_text_is_rendered_in_linear_time() -> None:
    script = (
        "import sys\n"
        "from openforum.site.html import MarkdownRenderer\n"
        "out = MarkdownRenderer()('## Notes\\n\\n' + ' id=\"x\"' * 100_000)\n"
        "sys.stdout.write(out)\n"
    )
    limit = (CPU_SECONDS, CPU_SECONDS)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CPU, limit),
        check=False,
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert '<h2 id="user-content-notes">Notes</h2>' in done.stdout
    assert done.stdout.count('id="x"') == 100_000  # the text as typed, nothing renamed


def test_heading_ids_are_unique_across_template_and_body() -> None:
    page = '<h2 id="milestones">Milestones</h2><h3 id="milestones">Milestones</h3><h2 id="x">X</h2>'
    out = unique_heading_ids(page)
    assert out.count('id="milestones"') == 1 and 'id="milestones_1"' in out
    assert unique_heading_ids(out) == out


def test_outline_nests_headings_and_keeps_their_text() -> None:
    page = (
        "<h1>Title</h1><h2 id='ignored'>no double quotes</h2>"
        '<h2 id="a">A &amp; <em>b</em></h2><h3 id="a1">A1</h3><h4 id="a1x">deep</h4>'
        '<h2 id="b">B</h2><h3>no id</h3>'
    )
    tree = outline(page)
    assert [h["id"] for h in tree] == ["a", "b"]
    assert tree[0]["name"] == "A &amp; b"
    assert tree[0]["children"][0]["id"] == "a1"
    assert tree[0]["children"][0]["children"][0]["level"] == 4
    assert tree[1]["children"] == []
    assert anchor_ids(page) == {"a", "a1", "a1x", "b"}


ANCHOR_PIECES = st.sampled_from(
    [' id="', 'id="', "\tid=", '"', "x", " ", "\n", "\u00a0", "=", 'id=""', ' id="a"', "<", ">"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(ANCHOR_PIECES, max_size=30).map("".join))
def test_anchor_ids_are_what_the_pattern_finds(page: str) -> None:
    # As read before by a pattern: a blank, then id="..." (not empty), none overlapping.
    assert anchor_ids(page) == set(re.findall(r'\sid="([^"]+)"', page))
