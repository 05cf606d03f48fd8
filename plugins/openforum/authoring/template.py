"""The text of a new record: every field of its kind, commented, with placeholders.

Required fields are written with a placeholder `<...>` where the value goes; optional ones
are commented out (`# ` at the start of the line), so that a secretariat uncomments what it
has. Each line's comment says whether the field is required, what it may hold and what it
means. A placeholder left in place is refused by `openforum validate`.
"""

from __future__ import annotations

import re

from ..records.descriptions import KINDS, field_text
from .shape import (
    SCALARS,
    AnyOf,
    Choice,
    Fields,
    FieldShape,
    Kind,
    ListOf,
    Reference,
    Shape,
    Single,
    default_text,
    fields_of,
    with_article,
)

INDENT = "  "
COMMENTED = "# "  # the prefix of an optional field's lines: remove it to use the field
TIME_PLACEHOLDER = "<HH:MM>"
# Every placeholder of a single format, and a value that fits it (for tools and tests).
PLACEHOLDER_EXAMPLES: dict[str, str] = {
    **{fmt.placeholder: fmt.example for fmt in SCALARS.values()},
    TIME_PLACEHOLDER: "10:00",
}
_PLAIN = re.compile(r"[^\s\"'\[\]{}#&*!|>%@`,?:-][^\"#\[\]{}]*")


def record_text(
    kind: Kind, record_id: str, preset: dict[str, str], singular: dict[str, str]
) -> str:
    """A new record of `kind`; `preset` gives top-level values already known (as written)."""
    about = KINDS.get(kind.name)
    lines = [
        "---",
        f"## A new {kind.singular}. " + (about.meaning if about else ""),
        "## Write each value in place of its <...>. Optional fields are commented out: remove",
        f"## the '{COMMENTED.strip()} ' at the start of their lines to use them. Then run: "
        "openforum validate",
    ]
    for field in fields_of(kind.cls).fields:
        if field.key == "id":
            if kind.name == "forum":
                continue  # forum.md is one of a kind: its id is never used
            lines.append(f"{COMMENTED}id: {record_id}  # optional; {_meaning(field)}")
            continue
        value = preset.get(field.key)
        lines += _field(field, "", not field.required, singular, value)
    lines.append("---")
    body = about.body if about else "The record's text."
    lines.append(f"<!-- The text below the front matter, in Markdown: {body} -->")
    return "\n".join(lines) + "\n"


def scalar_text(text: str) -> str:
    """`text` as a YAML value that reads back as the same text."""
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and ": " not in text:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _field(
    field: FieldShape,
    pad: str,
    commented: bool,
    singular: dict[str, str],
    value: str | None = None,
    dash: bool = False,
) -> list[str]:
    """The lines of one field; `dash` starts a list item with it."""
    prefix = COMMENTED if commented else ""
    lead = f"{prefix}{pad}{'- ' if dash else ''}{field.key}:"
    inner = pad + INDENT
    comment = _comment(field, singular)
    shape = field.shape
    if isinstance(shape, Fields):
        lines = [f"{lead}  # {comment}"]
        for child in shape.fields:
            lines += _field(child, inner, commented or not child.required, singular)
        return lines
    if isinstance(shape, ListOf) and isinstance(shape.item, Fields):
        lines = [f"{lead}  # {comment}"]
        item = shape.item.fields
        # Required fields first, so that the item's first line (with its '- ') is always there.
        ordered = [f for f in item if f.required] + [f for f in item if not f.required]
        for index, child in enumerate(ordered):
            child_pad = inner if index == 0 else inner + INDENT
            optional = commented or not child.required
            lines += _field(child, child_pad, optional, singular, dash=index == 0)
        return lines
    if value is not None:
        written = scalar_text(value)
    elif isinstance(shape, ListOf):
        default = default_text(field.default)
        written = default or f"[{placeholder(shape.item, None, singular)}]"
    else:
        default = default_text(field.default)
        text = field_text(field.qualified)
        written = default or placeholder(shape, text.example if text else None, singular)
    return [f"{lead} {written}  # {comment}"]


def placeholder(shape: Shape, example: str | None, singular: dict[str, str]) -> str:
    """The `<...>` a secretariat replaces: the format, the values or the record it names."""
    if isinstance(shape, Single):
        if example and shape.format is SCALARS[str]:
            return f"<e.g. {example}>"
        return shape.format.placeholder
    if isinstance(shape, Choice):
        return "<" + " | ".join(shape.values) + ">"
    if isinstance(shape, Reference):
        word = singular.get(shape.kind, shape.kind)
        also = "".join(f" or {value}" for value in shape.also)
        words = " or a name in words" if shape.free_text else ""
        return f"<id of {with_article(word)}{also}{words}>"
    if isinstance(shape, AnyOf):
        return "<" + " | ".join(placeholder(o, None, singular)[1:-1] for o in shape.options) + ">"
    return "<...>"  # a list of lists: no such field in the model


def _comment(field: FieldShape, singular: dict[str, str]) -> str:
    parts = ["required" if field.required else "optional"]
    parts.append(_format(field.shape, singular))
    default = default_text(field.default)
    if default and not field.required:
        parts.append(f"default {default}")
    return "; ".join(parts) + ". " + _meaning(field)


def _format(shape: Shape, singular: dict[str, str]) -> str:
    if isinstance(shape, Single):
        return shape.format.words
    if isinstance(shape, Choice):
        return "one of: " + ", ".join(shape.values)
    if isinstance(shape, Reference):
        word = with_article(singular.get(shape.kind, shape.kind))
        what = f"the id of {word} ({shape.kind}/<id>.md)"
        what += "".join(f", or {value}" for value in shape.also)
        return what + (", or a name in words" if shape.free_text else "")
    if isinstance(shape, ListOf):
        return "a list, each item " + _format(shape.item, singular)
    if isinstance(shape, Fields):
        return "these fields"
    return " or ".join(_format(option, singular) for option in shape.options)


def _meaning(field: FieldShape) -> str:
    text = field_text(field.qualified)
    return text.meaning if text else ""
