"""Python-Markdown's inline pass skipped for text in which no inline pattern can match.

Minutes are mostly plain sentences, yet the inline pass tries each of its dozen patterns
on every paragraph, one Python call each: a third of the time of rendering a body. Each
core pattern needs one of a few characters to match (a link its `[`, an entity its `&`,
a line break its two spaces before the line end), so a text without any of them comes
out of the pass as it went in. The shortcut is taken only when every inline pattern of
the converter is a core one whose character is known here; a site's extension that adds
its own pattern turns it off.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown

# The core inline patterns (Python-Markdown 3.x) and what each needs in a text to match.
_NEEDS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",),
    "escape": ("\\",),
    "reference": ("[",),
    "link": ("[",),
    "image_link": ("![",),
    "image_reference": ("![",),
    "short_reference": ("[",),
    "short_image_ref": ("![",),
    "autolink": ("<",),
    "automail": ("<",),
    "html": ("<",),
    "entity": ("&",),
    "linebreak": ("  \n",),
    "em_strong": ("*",),  # with any other delimiter the converter registered (`_`)
    "em_strong2": ("_",),
    "not_strong": ("*", "_"),
}
HANDLER = "_InlineProcessor__handleInline"  # the pass's per-text method, name-mangled


def skip_plain_text(converter: markdown.Markdown) -> bool:
    """Let `converter`'s inline pass return at once a text none of its patterns can match;
    False (and nothing changed) where a pattern is not known here."""
    if "inline" not in converter.treeprocessors:
        return False
    inline = converter.treeprocessors["inline"]
    handler: Callable[..., str] | None = getattr(inline, HANDLER, None)
    names = [name for name in _NEEDS if name in converter.inlinePatterns]
    if handler is None or len(names) != len(converter.inlinePatterns):
        return False  # a pattern of an extension's, whose characters are not known here
    needed = {mark for name in names for mark in _NEEDS[name]}
    needed.update(getattr(getattr(converter, "delimiters", None), "tokens", []))
    might_match = re.compile("|".join(map(re.escape, sorted(needed)))).search

    def handle(data: str, pattern_index: int = 0) -> str:
        if might_match(data) is None:
            return data
        return handler(data, pattern_index)

    setattr(inline, HANDLER, handle)
    return True
