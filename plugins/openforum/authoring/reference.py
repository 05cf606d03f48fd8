"""The field reference for secretariats (docs/field-reference.md), made from the model.

Every field of every kind, whether it is required, what it may hold, what each allowed
value means, and an example; the words come from records/descriptions.py.
"""

from __future__ import annotations

from pathlib import Path

from ..records.descriptions import KINDS, field_text, value_meanings
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
    kinds,
    with_article,
)

TITLE = "# Field reference"


def write_reference(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(reference_text(), encoding="utf-8")
    return path


def reference_text() -> str:
    known = kinds()
    singular = {kind.name: kind.singular for kind in known}
    lines = [
        TITLE,
        "",
        "Every field of every record, as `openforum validate` reads it. Made from the model "
        "by `openforum reference docs/field-reference.md`: do not edit it by hand (a test "
        "fails when it is out of date). `openforum new KIND` writes a record with all these "
        "fields, and `openforum schema DIR` their JSON Schemas for editors.",
        "",
        "## How values are written",
        "",
        'Values are read as written: `NO` is the text "NO", `012` the text "012". A field '
        "that is not required may be left out, or left empty. Shapes of values:",
        "",
        "| value | written as | example |",
        "|---|---|---|",
    ]
    for fmt in SCALARS.values():
        lines.append(f"| {_cell(fmt.words)} | `{fmt.placeholder}` | `{fmt.example}` |")
    lines += [
        "| an id | lowercase letters, digits and `-`: the other record's file name "
        "without .md | `maria-lopez` |",
        "| a list | `[a, b]` on one line, or one `- ` item per line | `[nap5-01, nap5-02]` |",
        "",
        "Records: " + ", ".join(f"[{kind.singular}](#{_anchor(kind)})" for kind in known) + ".",
    ]
    for kind in known:
        lines += _kind_section(kind, singular)
    return "\n".join(lines) + "\n"


def _anchor(kind: Kind) -> str:
    return f"kind-{kind.name}"


def _kind_section(kind: Kind, singular: dict[str, str]) -> list[str]:
    about = KINDS.get(kind.name)
    lines = [
        "",
        f'<a id="{_anchor(kind)}"></a>',
        "",
        f"## {kind.singular.capitalize()}: `{kind.location}`",
        "",
    ]
    if about:
        lines += [about.meaning, "", f"Text below the front matter: {about.body}", ""]
    lines += ["| field | required | value | meaning | example |", "|---|---|---|---|---|"]
    vocabularies: list[tuple[str, Choice]] = []
    for path, field, within in _walk(fields_of(kind.cls), "", None):
        lines.append(_row(path, field, within, singular))
        shape = field.shape.item if isinstance(field.shape, ListOf) else field.shape
        if isinstance(shape, Choice):
            vocabularies.append((path, shape))
    for path, choice in vocabularies:
        meanings = value_meanings(choice.values)
        lines += ["", f"Values of `{path}`:", ""]
        for value in choice.values:
            meaning = meanings.get(value)
            lines.append(f"- `{value}`" + (f": {meaning}" if meaning else ""))
    return lines


def _walk(
    fields: Fields, prefix: str, within: str | None
) -> list[tuple[str, FieldShape, str | None]]:
    """Every field with its dotted path and, when nested, what it is required within;
    nested fields follow the field that holds them."""
    rows = []
    for field in fields.fields:
        path = f"{prefix}{field.key}"
        rows.append((path, field, within))
        shape = field.shape
        if isinstance(shape, ListOf) and isinstance(shape.item, Fields):
            rows += _walk(shape.item, f"{path}.", f"in each item of `{path}`")
        elif isinstance(shape, Fields):
            inner = within if field.required else f"when `{path}` is given"
            rows += _walk(shape, f"{path}.", inner)
    return rows


def _row(path: str, field: FieldShape, within: str | None, singular: dict[str, str]) -> str:
    text = field_text(field.qualified)
    default = default_text(field.default)
    if field.required:
        required = f"yes, {within}" if within else "yes"
    else:
        required = f"no (default {default})" if default else "no"
    example = text.example if text and text.example else _example(field.shape)
    cells = [
        f"`{path}`",
        required,
        _value_words(field.shape, singular),
        text.meaning if text else "",
        f"`{example}`" if example else "",
    ]
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _value_words(shape: Shape, singular: dict[str, str]) -> str:
    if isinstance(shape, Single):
        return shape.format.words
    if isinstance(shape, Choice):
        return "one of the values below"
    if isinstance(shape, Reference):
        words = f"the id of {with_article(singular.get(shape.kind, shape.kind))}"
        words += "".join(f", or `{value}`" for value in shape.also)
        return words + (", or a name in words" if shape.free_text else "")
    if isinstance(shape, ListOf):
        item = shape.item
        if isinstance(item, Fields):
            return "a list; each item has the fields below"
        return "a list; each item " + _value_words(item, singular)
    if isinstance(shape, Fields):
        return "the fields below"
    return " or ".join(_value_words(option, singular) for option in shape.options)


def _example(shape: Shape) -> str:
    if isinstance(shape, Single):
        return shape.format.example
    if isinstance(shape, Choice):
        return shape.values[0]
    if isinstance(shape, Reference):
        return shape.also[0] if shape.also else ""
    if isinstance(shape, ListOf):
        item = _example(shape.item)
        return f"[{item}]" if item else ""
    if isinstance(shape, AnyOf):
        return _example(shape.options[0])
    return ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
