"""Theme files with their words baked in, for a build that runs no OpenForum plugin.

`openforum stage` hands the site's theme files to a generator that installs no gettext in
its templates: each `_("...")` of a theme file is replaced by the string in the build's
language before it is written there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .translator import translator

_CALL = re.compile(r"""\b_\(\s*(?P<q>["'])(?P<text>(?:(?!(?P=q)).)*)(?P=q)\s*\)""")


def bake(source: str, language: str) -> str:
    """`source` with every `_("literal")` replaced by the quoted literal in `language`."""
    words = translator(language)
    return _CALL.sub(lambda m: json.dumps(words.gettext(m["text"]), ensure_ascii=False), source)


def bake_folder(folder: Path, language: str) -> None:
    """Every template (`*.html`) under `folder` baked in `language`."""
    for path in sorted(folder.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        baked = bake(text, language)
        if baked != text:
            path.write_text(baked, encoding="utf-8")
