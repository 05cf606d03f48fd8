"""Writes a record file: front matter that reads back as written, then the Markdown body.

Tools that make records (importers) go through here, so that what they write is what the
loader reads: PyYAML quotes every string another YAML reader could take for a number, a
date or a boolean, keys keep the order given, and the result is read back with the
project's own strict reader before it is returned.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import Problems
from .yamlread import FENCE, split_front_matter


class RecordWriteError(ValueError):
    """The data would not read back as a record (a bug of the caller, not of the user)."""


def record_text(front: dict[str, Any], body: str = "", path: Path = Path("record.md")) -> str:
    """The text of a record file: `---`, `front` as YAML, `---`, then `body`."""
    yaml_text = yaml.safe_dump(
        _clean(front), sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False
    )
    body = body.strip("\n")
    text = f"{FENCE}\n{yaml_text}{FENCE}\n" + (f"{body}\n" if body else "")
    problems = Problems()
    if split_front_matter(path, text, problems) is None or problems:
        raise RecordWriteError("; ".join(p.message for p in problems))
    return text


def _clean(value: Any) -> Any:
    """Drops empty values (a field not given is left out) and normalises text."""
    if isinstance(value, dict):
        cleaned = {k: _clean(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_clean(item) for item in value if item not in (None, "")]
    if isinstance(value, str):
        return " ".join(value.split())  # one line: a field's text has no line breaks
    return value
