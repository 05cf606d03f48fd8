"""The shape of every record kind, read from the model's annotations.

`openforum new`, the JSON Schemas and the field reference are all made from these shapes,
so a field or kind added to the model (records/model.py, records/loader.py) reaches all
three with no code here. A scalar type the model gains needs one entry in SCALARS.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, TypeAlias, get_args, get_origin

from ..kinds import REGISTRY, SINGULAR
from ..records.loader import FORUM_FILE
from ..records.model import Forum, Record, Submission
from ..records.partial_dates import DueDate, PartialDate
from ..records.schema import field_specs
from ..records.values import PLACEHOLDER_PATTERN, Ref, Url

ID_REGEX = "^[a-z0-9][a-z0-9-]*$"
# What `openforum new` writes where a value is to come: the loader refuses it, so a record
# cannot be published with a placeholder left in it.
PLACEHOLDER_REGEX = f"^{PLACEHOLDER_PATTERN}$"


@dataclass(frozen=True, slots=True)
class ScalarFormat:
    """How one kind of single value is written, described, and checked by a JSON Schema."""

    words: str  # "a date (YYYY-MM-DD)"
    placeholder: str  # "<YYYY-MM-DD>"
    example: str  # "2026-12-01"
    schema: dict[str, Any]


_DATE = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_TIME = "([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?"
_OFFSET = "(Z|[+-][0-9]{2}:?[0-9]{2})?"
_MONTH = "[0-9]{4}-(0[1-9]|1[0-2])"
_YEAR = "[0-9]{4}"


def _coarse_date(words: str, placeholder: str, forms: str) -> ScalarFormat:
    """A date that may be written to the month or the year (a year alone is an integer to
    YAML 1.2)."""
    return ScalarFormat(
        words,
        placeholder,
        "2027-09",
        {
            "anyOf": [
                {"type": "string", "pattern": f"^({forms})$"},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        },
    )


# Types as a YAML 1.2 reader (an editor's YAML language server) sees the text the loader
# reads: `2024-03-12` and `1/2` are strings, `14` an integer, `true` a boolean, so dates are
# strings with a pattern and counts are integers. A text field takes whatever a plain
# value reads as (`NO`, `012`, `true` are texts to the loader), so numbers and booleans too.
TEXT_SCHEMA: dict[str, Any] = {
    "type": ["string", "number", "boolean"],
    "not": {"type": "string", "pattern": PLACEHOLDER_REGEX},
}
SCALARS: dict[object, ScalarFormat] = {
    str: ScalarFormat("text", "<text>", "Plenary session 14", TEXT_SCHEMA),
    int: ScalarFormat("a whole number", "<whole number>", "14", {"type": "integer"}),
    bool: ScalarFormat("true or false", "<true or false>", "true", {"type": "boolean"}),
    Decimal: ScalarFormat(
        "a number",
        "<number>",
        "45000",
        # 45_000 is a number to the loader, a string to YAML 1.2.
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^[-+]?[0-9_]*_[0-9_]*(\.[0-9]+)?$"},
            ]
        },
    ),
    Fraction: ScalarFormat(
        "a share: a fraction such as 1/2 or 2/3",
        "<share like 1/2>",
        "2/3",
        {
            "anyOf": [
                {"type": "string", "pattern": "^ *[0-9]+ */ *[0-9]+ *$"},
                {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
            ]
        },
    ),
    date: ScalarFormat(
        "a date (YYYY-MM-DD)",
        "<YYYY-MM-DD>",
        "2026-12-01",
        {"type": "string", "pattern": f"^{_DATE}$"},
    ),
    PartialDate: _coarse_date(
        "a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY): due at its end",
        "<YYYY-MM-DD | YYYY-MM | YYYY>",
        f"{_DATE}|{_MONTH}|{_YEAR}",
    ),
    DueDate: _coarse_date(
        "a date (YYYY-MM-DD), a month (YYYY-MM), a year (YYYY), or ongoing",
        "<YYYY-MM-DD | YYYY-MM | YYYY | ongoing>",
        f"{_DATE}|{_MONTH}|{_YEAR}|ongoing",
    ),
    datetime: ScalarFormat(
        "a date and time (YYYY-MM-DDTHH:MM, optionally with a UTC offset such as +01:00)",
        "<YYYY-MM-DDTHH:MM>",
        "2026-12-01T10:00",
        {"type": "string", "pattern": f"^{_DATE}T{_TIME}{_OFFSET}$"},
    ),
    Url: ScalarFormat(
        "a web address (https://...)",
        "<https://...>",
        "https://example.org/document.pdf",
        {"type": "string", "pattern": r"^https?://[^\s/$.?#][^\s]*$"},
    ),
}


@dataclass(frozen=True, slots=True)
class Single:
    """One value of a scalar format (text, date, number, web address...)."""

    format: ScalarFormat


@dataclass(frozen=True, slots=True)
class Choice:
    """One value of a vocabulary."""

    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reference:
    """The id of another record; with free_text, also an institution's name in words."""

    kind: str
    free_text: bool
    also: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ListOf:
    item: Shape


@dataclass(frozen=True, slots=True)
class Fields:
    """A set of fields: a record, or a nested mapping such as a meeting's `location`."""

    cls: type
    fields: tuple[FieldShape, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    options: tuple[Shape, ...]


Shape: TypeAlias = Single | Choice | Reference | ListOf | Fields | AnyOf


@dataclass(frozen=True, slots=True)
class FieldShape:
    owner: type  # the model class that declares the field
    key: str  # the YAML key
    shape: Shape
    required: bool
    default: Any  # the model's default (None when none), shown to secretariats

    @property
    def qualified(self) -> str:
        """`Meeting.title`: the key the descriptions are filed under."""
        return f"{self.owner.__name__}.{self.key}"


@dataclass(frozen=True, slots=True)
class Kind:
    """A record kind the loader knows: its folder name, its word, its file and model."""

    name: str  # "meetings"; "forum" for forum.md
    singular: str  # "meeting"
    cls: type[Record]

    @property
    def location(self) -> str:
        if self.cls is Forum:
            return FORUM_FILE
        if self.cls is Submission:
            return "consultations/<consultation id>/<id>.md"
        return f"{self.name}/<id>.md"


def kinds() -> list[Kind]:
    """Every record kind the loader reads, forum.md first, submissions last."""
    found = [Kind("forum", "forum", Forum)]
    found += [Kind(kind.name, kind.singular, kind.model) for kind in REGISTRY]
    found.append(Kind("submissions", SINGULAR["submissions"], Submission))
    return found


def shape_of(hint: Any) -> Shape:
    """The shape of one annotation; optional values (`X | None`) have the shape of X."""
    origin = get_origin(hint)
    if origin is typing.Annotated:
        base, *rules = get_args(hint)
        for rule in rules:
            if isinstance(rule, Ref):
                return Reference(rule.kind, rule.free_text, rule.also)
            if isinstance(rule, Url):
                return Single(SCALARS[Url])
        return shape_of(base)
    if origin in (types.UnionType, typing.Union):
        options = tuple(shape_of(a) for a in get_args(hint) if a is not type(None))
        return options[0] if len(options) == 1 else AnyOf(options)
    if origin is Literal:
        return Choice(tuple(str(a) for a in get_args(hint)))
    if origin is list:
        return ListOf(shape_of(get_args(hint)[0]))
    if dataclasses.is_dataclass(hint):
        return fields_of(typing.cast(type, hint))
    if hint in SCALARS:
        return Single(SCALARS[hint])
    raise TypeError(
        f"no format for the model's type {hint!r}: add it to SCALARS in {__name__} "
        "(how it is written, a placeholder, an example and its JSON Schema)"
    )


_FIELDS: dict[type, Fields] = {}


def fields_of(cls: type) -> Fields:
    """The fields of a model class, with their shapes (made once per class)."""
    if cls not in _FIELDS:
        _FIELDS[cls] = _read_fields(cls)
    return _FIELDS[cls]


def _read_fields(cls: type) -> Fields:
    defaults = {f.name: f for f in dataclasses.fields(cls)}
    shapes = []
    for spec in field_specs(cls):
        declared = defaults[spec.name]
        if declared.default is not dataclasses.MISSING:
            default = declared.default
        elif declared.default_factory is not dataclasses.MISSING:
            default = declared.default_factory()
        else:
            default = None
        owner = next(c for c in cls.__mro__ if spec.name in getattr(c, "__annotations__", {}))
        shapes.append(FieldShape(owner, spec.key, shape_of(spec.hint), spec.required, default))
    return Fields(cls, tuple(shapes))


def default_text(value: Any) -> str | None:
    """A model default as a secretariat would write it, or None when there is none."""
    if value is None or value == []:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if dataclasses.is_dataclass(value):
        return None  # a set of fields whose own fields show their defaults
    return str(value)


def with_article(word: str) -> str:
    """'a member', 'an organization'."""
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"
