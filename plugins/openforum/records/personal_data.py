"""Warnings for personal contact details in fields that are published.

Real exports carry e-mail addresses and phone numbers in fields such as a supporting
institution's name. Only a member's `contact` and a partner's `point_of_contact` have a
publish switch (`public`); anything else in the front matter is published as written. The
warning names the field and its line, never the value (logs are public in CI).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

from ..kinds import ForumRecords
from .model import Author, Contact, PointOfContact
from .problems import Mark, Problems
from .schema import Located, field_specs

# Every repetition is bounded: a field may be 200,000 characters long, and an unbounded
# run tried from each position would take minutes (quadratic backtracking).
EMAIL = re.compile(
    r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}"
)
PHONE = re.compile(
    r"(?:\+|\b00)[1-9][\d\s().-]{6,20}\d"  # international: +34 91 123 45 67
    r"|\(\d{2,4}\)\s?\d{3,4}[\s.-]?\d{3,4}"  # (202) 555-0143
    r"|\b\d{3}[.-]\d{3}[.-]\d{4}\b"  # 202-555-0143
    r"|\b(?:tel|phone|telephone|mobile|cell|fax)\b\.?\s{0,3}:?\s{0,3}\+?\d[\d\s().-]{5,20}\d",
    re.IGNORECASE,
)
_WEB = re.compile(r"https?://\S{1,2000}")
MIN_PHONE_DIGITS = 7
# Seven digits anywhere (linear: \D* and \d never compete for a character).
_SEVEN_DIGITS = re.compile(r"\d(?:\D*\d){" + str(MIN_PHONE_DIGITS - 1) + "}")
# What has its own publish switch, so is published only when its owner agreed.
SWITCHED = (Contact, PointOfContact)


def contact_kind(text: str) -> str | None:
    """'an e-mail address' or 'a phone number' when `text` holds one, else None."""
    # Most published texts are names, titles and ids: without an @ and seven digits they
    # hold neither (a third of validate's time went to the patterns below).
    if "@" not in text and not _SEVEN_DIGITS.search(text):
        return None
    if "http" in text:
        text = _WEB.sub(" ", text)
    if EMAIL.search(text):
        return "an e-mail address"
    for match in PHONE.finditer(text):
        if sum(c.isdigit() for c in match.group()) >= MIN_PHONE_DIGITS:
            return "a phone number"
    return None


# For telling seven digits in a row apart in ASCII text: every digit made '1', every
# character but the digits and the NUL between texts dropped.
_DIGITS_AS_ONES = bytes.maketrans(b"0123456789", b"1111111111")
_NOT_DIGITS = bytes(c for c in range(128) if not (0x30 <= c <= 0x39 or c == 0))


def none_holds_contact(texts: list[str]) -> bool:
    """True when `contact_kind` is None for every text, told in a few passes over them all
    joined (an attendance's 1,200 ids: a tenth of a millisecond, not two): without an '@'
    or seven digits in one text, none holds a contact. False says nothing: look at each.
    Only ASCII texts are told apart so (`\\d` is any script's digit)."""
    joined = "\x00".join(texts)
    if "@" in joined or not joined.isascii() or joined.count("\x00") != len(texts) - 1:
        return False
    digits = joined.encode("ascii").translate(_DIGITS_AS_ONES, _NOT_DIGITS)
    return b"1" * MIN_PHONE_DIGITS not in digits


def check_personal_data(records: ForumRecords, problems: Problems) -> None:
    global _found
    found: dict[int, tuple[object, list[tuple[Mark, str]]]] = {}
    for record in records.all_records():
        # A record read again from the cache (`mkdocs serve`) is the same object: its
        # findings are reused, and only saved files are walked again.
        kept = _found.get(id(record))
        if kept is not None and kept[0] is record:
            warnings = kept[1]
        else:
            warnings = []
            _find_contacts(record, "", warnings)
        found[id(record)] = (record, warnings)
        for mark, what in warnings:
            problems.warn(
                record.path,
                mark,
                f"{what}, and this field is published: remove it, or keep a person's "
                "contact details under a member's 'contact' (published only with "
                "'public: true')",
            )
    _found = found


# The findings of the records last checked, by record object (see check_personal_data).
_found: dict[int, tuple[object, list[tuple[Mark, str]]]] = {}


def _fields(kind: type) -> list[tuple[str, str]]:
    """(attribute, field name) of a record class's published fields that may hold text,
    made once per class: numbers, dates and true/false cannot hold a contact."""
    known = _FIELDS.get(kind)
    if known is None:
        known = [(spec.name, spec.key) for spec in field_specs(kind) if _may_hold_text(spec.hint)]
        _FIELDS[kind] = known
    return known


def _may_hold_text(hint: object) -> bool:
    """False for an annotation whose values are never text: int, bool, Fraction, Decimal,
    date (and its partial dates), datetime; optional or in a list."""
    while get_origin(hint) in (Annotated, list, Union, UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if get_origin(hint) is Annotated:
            args = args[:1]
        if len(args) != 1:
            return True
        hint = args[0]
    return not (isinstance(hint, type) and issubclass(hint, int | Fraction | Decimal | date))


_FIELDS: dict[type, list[tuple[str, str]]] = {}


def _find_contacts(thing: Located, prefix: str, found: list[tuple[Mark, str]]) -> None:
    """Add (mark, "<field> holds what looks like <kind>") for every published text of
    `thing` that holds a contact detail. Field names are spelled only for those: every
    text of every record passes here."""
    if isinstance(thing, SWITCHED):
        return
    for attribute, name in _fields(type(thing)):
        if isinstance(thing, Author) and attribute == "name" and not thing.publish_name:
            continue  # an author's name is published only with publish_name
        value = getattr(thing, attribute)
        if isinstance(value, str):
            if kind := contact_kind(value):
                found.append((thing.at(attribute), f"{prefix}{name} holds what looks like {kind}"))
        elif isinstance(value, Located):
            _find_contacts(value, f"{prefix}{name}.", found)
        elif isinstance(value, list):
            if value and type(value[0]) is str and none_holds_contact(value):
                continue  # a list of texts (an attendance: 1,200 ids) none of which holds one
            for index, item in enumerate(value):
                if isinstance(item, str):
                    if kind := contact_kind(item):
                        where = f"{prefix}{name}[{index + 1}]"
                        found.append(
                            (thing.at(name, index), f"{where} holds what looks like {kind}")
                        )
                elif isinstance(item, Located):
                    _find_contacts(item, f"{prefix}{name}[{index + 1}].", found)
