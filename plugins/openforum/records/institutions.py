"""Institutions named in words or by id (records.md, "References in words").

A value shaped like an id (`[a-z0-9][a-z0-9-]*`) must name a member or an organization;
any other value is an institution's name as it is spelled. The message for an id that
resolves to nothing shows both ways out.
"""

from __future__ import annotations

_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "de", "la", "el", "y"})


def in_words(record_id: str) -> str:
    """'ministry-of-finance' -> 'Ministry of Finance': how the name might be spelled."""
    words = record_id.split("-")
    return " ".join(
        word if index and word in _SMALL_WORDS else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


def unknown_institution(field_name: str, target: str, kinds: tuple[str, ...]) -> str:
    files = " or ".join(f"{kind}/{target}.md" for kind in kinds)
    return (
        f"{field_name}: no such record '{target}' (there is no {files}): write the "
        f"institution's name as it is spelled, e.g. '{in_words(target)}', or add "
        f"organizations/{target}.md."
    )
