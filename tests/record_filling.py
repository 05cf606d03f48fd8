"""Fill a record written by `openforum new` the way a secretariat would, for any kind.

Generic over kinds: every `<...>` placeholder is replaced by what its own words ask for
(an example, the first allowed value, the id of a record of the kind it names).
"""

from __future__ import annotations

import re

from openforum.authoring.shape import kinds
from openforum.authoring.template import COMMENTED, PLACEHOLDER_EXAMPLES
from openforum.records import ForumRecords

_PLACEHOLDER = re.compile(r"<[^<>\n]*>")


def fill(text: str, records: ForumRecords | None = None) -> str:
    """Replace every placeholder; references get ids of `records` (else a made-up id)."""
    singular_to_kind = {kind.singular: kind.name for kind in kinds()}

    def value(token: str) -> str:
        if token in PLACEHOLDER_EXAMPLES:
            return PLACEHOLDER_EXAMPLES[token]
        inner = token[1:-1]
        if inner.startswith("e.g. "):
            return inner.removeprefix("e.g. ")
        named = re.match(r"id of an? (\w+)", inner)
        if named:
            word = named[1]
            kind = singular_to_kind.get(word, word + "s")
            ids = sorted(records.of_kind(kind)) if records is not None else []
            return ids[0] if ids else f"some-{word}"
        first = inner.split(" | ")[0]
        return value(f"<{first}>") if f"<{first}>" in PLACEHOLDER_EXAMPLES else first

    _, front, body = text.split("---\n", 2)  # the body's <!-- comment --> is no placeholder
    front = _PLACEHOLDER.sub(lambda match: value(match[0]), front)
    return f"---\n{front}---\n{body}"


def uncomment_all(text: str) -> str:
    """Every optional field in use: the '# ' that comments each of their lines removed."""
    return "\n".join(
        line.removeprefix(COMMENTED) if line.startswith(COMMENTED) else line
        for line in text.split("\n")
    )
