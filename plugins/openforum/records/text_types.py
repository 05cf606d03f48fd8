"""The shapes of the words that say what a kind and a field mean (records/descriptions.py)."""

from __future__ import annotations

from typing import NamedTuple


class Text(NamedTuple):
    meaning: str
    example: str | None = None  # as written in a record; None: made from the field's format


class KindText(NamedTuple):
    meaning: str
    body: str  # what the Markdown below the front matter holds
