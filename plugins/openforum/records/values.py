"""What a field's text may be: the readers of scalar values and the markers used in the model.

A model field is annotated with a plain type (`str`, `int`, `date`, a `Literal` vocabulary)
and optionally with markers: `Ref("members")` for a reference to another record, `URL` for a
web address. The schema reads the marker; nothing here knows about records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
_INTEGER = re.compile(r"[-+]?[0-9]+")
_DECIMAL = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})T(?P<time>[0-9]{2}:[0-9]{2})"
    r"(?P<seconds>:[0-9]{2})?(?P<offset>Z|[+-][0-9]{2}:?[0-9]{2})?"
)
_FRACTION = re.compile(r"(?P<num>[0-9]+)/(?P<den>[0-9]+)|(?P<dec>0?\.[0-9]+|1(\.0+)?)")


# What `openforum new` writes where a value is to come (authoring/template.py): an example
# (`<e.g. Plenary session 14>`), a record named (`<id of a member>`), allowed values
# (`<held | cancelled>`) or a format (`<YYYY-MM-DD>`). Left in a record it is refused; a
# value in angle brackets that is none of these (`<b>`, `<img src=x>`) is text as any other.
PLACEHOLDER_PATTERN = (
    r"<(?:e\.g\. [^<>]*|id of an? [^<>]*|[^<>|]+(?: \| [^<>|]+)+|text|whole number|number"
    r"|true or false|share like 1/2|YYYY-MM-DD|YYYY-MM-DDTHH:MM|HH:MM|https://\.\.\.)>"
)
PLACEHOLDER = re.compile(PLACEHOLDER_PATTERN)


class BadValue(Exception):
    """A scalar that does not fit its field; the message says what would."""


@dataclass(frozen=True, slots=True)
class Ref:
    """The field holds the id of a record of `kind` (a folder name: members, plans...).

    With `free_text`, a value written in words (an institution's name) is accepted as is;
    a value shaped like an id must resolve, to a record of `kind` or of one of `or_kinds`.
    `also` lists literal values accepted besides ids (an assessment's subject may be `forum`).
    """

    kind: str
    free_text: bool = False
    also: tuple[str, ...] = ()
    or_kinds: tuple[str, ...] = ()  # further kinds the id may name

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.kind, *self.or_kinds)


@dataclass(frozen=True, slots=True)
class Url:
    """The field holds an absolute http(s) address."""


URL = Url()


# Numbers are counts, days and amounts: 15 digits hold any of them exactly in a float (and
# in JavaScript), far below Python's limit for reading an int (4,300 digits).
MAX_DIGITS = 15
MAX_DECIMALS = 6


def _shown(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}...({len(text):,} characters)"


def read_int(text: str) -> int:
    if not _INTEGER.fullmatch(text):
        raise BadValue(f"'{_shown(text)}' is not a whole number: write digits only, e.g. 14")
    if len(text.lstrip("+-").lstrip("0")) > MAX_DIGITS:
        raise BadValue(
            f"'{_shown(text)}' is too large: a number here has at most {MAX_DIGITS} digits"
        )
    return int(text)


def read_decimal(text: str) -> Decimal:
    plain = text.replace("_", "")
    if not _DECIMAL.fullmatch(plain):
        raise BadValue(f"'{_shown(text)}' is not a number: write digits, e.g. 45000 or 1250.50")
    whole, _, decimals = plain.lstrip("+-").partition(".")
    if len(whole.lstrip("0")) > MAX_DIGITS or len(decimals) > MAX_DECIMALS:
        raise BadValue(
            f"'{_shown(text)}' is too large or too precise: write at most {MAX_DIGITS} digits "
            f"before the decimal point and {MAX_DECIMALS} after it"
        )
    try:
        return Decimal(plain)
    except InvalidOperation as error:  # pragma: no cover - the pattern already rules it out
        raise BadValue(f"'{text}' is not a number") from error


def read_bool(text: str) -> bool:
    if text == "true":
        return True
    if text == "false":
        return False
    raise BadValue(f"'{text}' is not true or false: write true or false")


def read_date(text: str) -> date:
    if not _DATE.fullmatch(text):
        raise BadValue(f"'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2024-03-12")
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise BadValue(f"'{text}' is not a date in the calendar ({error})") from error


def read_datetime(text: str) -> datetime:
    """`YYYY-MM-DDTHH:MM`, optional seconds and UTC offset; naive means the Forum's timezone."""
    match = _DATETIME.fullmatch(text)
    if not match:
        raise BadValue(
            f"'{text}' is not a date and time: write YYYY-MM-DDTHH:MM, e.g. 2024-03-12T10:00"
        )
    offset = match["offset"] or ""
    if offset and offset != "Z" and ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    iso = f"{match['date']}T{match['time']}{match['seconds'] or ''}{offset.replace('Z', '+00:00')}"
    if offset and offset != "Z" and not (int(offset[1:3]) < 24 and int(offset[-2:]) < 60):
        raise BadValue(
            f"'{text}' has the UTC offset {offset}: an offset is between -23:59 and +23:59"
        )
    try:
        return datetime.fromisoformat(iso)
    except ValueError as error:
        raise BadValue(
            f"'{text}' is not a date and time in the calendar: check the day and the hour"
        ) from error


def read_fraction(text: str) -> Fraction:
    """A share such as `1/2`, `2/3` or `0.5`, above 0 and at most 1."""
    match = _FRACTION.fullmatch(text.replace(" ", ""))
    if not match or len(text) > 2 * MAX_DIGITS:
        raise BadValue(f"'{_shown(text)}' is not a share: write a fraction such as 1/2 or 2/3")
    if match["num"] is not None:
        if int(match["den"]) == 0:
            raise BadValue(f"'{text}' divides by zero: write a fraction such as 1/2")
        share = Fraction(int(match["num"]), int(match["den"]))
    else:
        share = Fraction(match["dec"])
    if not 0 < share <= 1:
        raise BadValue(f"'{text}' is not a share between 0 and 1: write e.g. 1/2 or 2/3")
    return share


def read_url(text: str) -> str:
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", text):
        raise BadValue(f"'{text}' is not a web address: write it in full, e.g. https://...")
    return text


def is_id(text: str) -> bool:
    return ID_PATTERN.fullmatch(text) is not None


# What the texts of a list of ids are made of, with the ', ' put between them.
_ID_LIST_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789-, "


def all_ids(texts: list[str]) -> bool:
    """`all(map(is_id, texts))`, in a few passes over the texts joined (a list of 1,200
    ids is read in a tenth of the time): only id characters, and every ' ' and ',' one of
    the separators put between them, no text empty or starting with '-'."""
    if not texts:
        return True
    joined = ", ".join(texts)
    return (
        joined.isascii()
        and not joined.encode("ascii").translate(None, _ID_LIST_BYTES)
        and joined.count(" ") == len(texts) - 1
        and joined.count(",") == len(texts) - 1
        and "" not in texts
        and not joined.startswith("-")
        and ", -" not in joined
    )
