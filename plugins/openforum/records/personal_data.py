"""Warnings for personal contact details in fields that are published.

Real exports carry e-mail addresses and phone numbers in fields such as a supporting
institution's name. Only a member's `contact` and a partner's `point_of_contact` have a
publish switch (`public`); anything else in the front matter is published as written. The
warning names the field and its line, never the value (logs are public in CI).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from ..kinds import ForumRecords
from .model import Author, Contact, PointOfContact
from .problems import Mark, Problems
from .schema import Located

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
# What has its own publish switch, so is published only when its owner agreed.
SWITCHED = (Contact, PointOfContact)


def contact_kind(text: str) -> str | None:
    """'an e-mail address' or 'a phone number' when `text` holds one, else None."""
    text = _WEB.sub(" ", text)
    if EMAIL.search(text):
        return "an e-mail address"
    for match in PHONE.finditer(text):
        if sum(c.isdigit() for c in match.group()) >= MIN_PHONE_DIGITS:
            return "a phone number"
    return None


def check_personal_data(records: ForumRecords, problems: Problems) -> None:
    for record in records.all_records():
        for where, mark, text in _published_texts(record, ""):
            found = contact_kind(text)
            if found:
                problems.warn(
                    record.path,
                    mark,
                    f"{where} holds what looks like {found}, and this field is published: "
                    "remove it, or keep a person's contact details under a member's "
                    "'contact' (published only with 'public: true')",
                )


def _published_texts(thing: Located, prefix: str) -> Iterator[tuple[str, Mark, str]]:
    if isinstance(thing, SWITCHED):
        return
    for spec in dataclasses.fields(thing):
        if spec.metadata.get("internal"):
            continue
        if isinstance(thing, Author) and spec.name == "name" and not thing.publish_name:
            continue  # an author's name is published only with publish_name
        name = spec.metadata.get("key", spec.name)
        value = getattr(thing, spec.name)
        where = f"{prefix}{name}"
        if isinstance(value, str):
            yield where, thing.at(spec.name), value
        elif isinstance(value, Located):
            yield from _published_texts(value, f"{where}.")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield f"{where}[{index + 1}]", thing.at(name, index), item
                elif isinstance(item, Located):
                    yield from _published_texts(item, f"{where}[{index + 1}].")
