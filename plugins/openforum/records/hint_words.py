"""What a model annotation asks for, in words, and what a missing required value becomes."""

from __future__ import annotations

import dataclasses
import types
import typing
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, get_args, get_origin

from .partial_dates import DueDate, PartialDate
from .values import Ref, Url

EXAMPLES: dict[type, str] = {
    int: "a whole number",
    bool: "true or false",
    date: "a date (YYYY-MM-DD)",
    datetime: "a date and time (YYYY-MM-DDTHH:MM)",
    Fraction: "a share such as 1/2",
    Decimal: "a number",
    PartialDate: "a date (YYYY-MM-DD), month (YYYY-MM) or year (YYYY)",
    DueDate: "a date (YYYY-MM-DD), month (YYYY-MM), year (YYYY) or ongoing",
    str: "a text",
}


def describe(hint: Any) -> str:
    origin = get_origin(hint)
    if origin is typing.Annotated:
        base, *rules = get_args(hint)
        for rule in rules:
            if isinstance(rule, Ref):
                return f"id of a record in {rule.kind}/"
            if isinstance(rule, Url):
                return "a web address"
        return describe(base)
    if origin in (types.UnionType, typing.Union):
        return describe(next(a for a in get_args(hint) if a is not type(None)))
    if origin is Literal:
        return " | ".join(str(a) for a in get_args(hint))
    if origin is list:
        return f"a list of {describe(get_args(hint)[0])}"
    if dataclasses.is_dataclass(hint):
        return "fields"
    return EXAMPLES.get(hint, str(hint))


def odd_characters(text: str) -> str:
    """Name characters that look like ASCII but are not (a Cyrillic a, a zero-width space)."""
    odd = [c for c in text if not c.isascii() or not c.isprintable()]
    if not odd:
        return ""
    names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in odd[:3])
    return f" (it contains {names}: retype the name)"


def placeholder(hint: Any) -> Any:
    """A missing required value: an empty list, else None (its problem is already reported).

    The record stays in the forum so that references to it resolve; checks skip None values
    instead of reporting the same gap again in other words.
    """
    origin = get_origin(hint)
    if origin is typing.Annotated:
        return placeholder(get_args(hint)[0])
    return [] if origin is list else None
