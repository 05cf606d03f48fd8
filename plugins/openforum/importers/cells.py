"""Reading the cells of an export: dates in their several forms, statuses, institutions.

Each reader returns the value in the records' own form (a date as `YYYY-MM-DD`, `YYYY-MM`
or `YYYY`; a status of the contract's vocabulary) or None for "not given", and raises
`CellError` for a value it cannot read.
"""

from __future__ import annotations

import re
from datetime import date

from ..records.personal_data import EMAIL, PHONE, contact_kind
from ..records.values import is_id

MISSING = frozenset({"", "na", "n/a", "n.a.", "-", "--", "none", "null", "not applicable", "tbd"})
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "enero", "janvier"),
            ("february", "feb", "febrero", "février", "fevrier"),
            ("march", "mar", "marzo", "mars"),
            ("april", "apr", "abril", "avril"),
            ("may", "mayo", "mai"),
            ("june", "jun", "junio", "juin"),
            ("july", "jul", "julio", "juillet"),
            ("august", "aug", "agosto", "août", "aout"),
            ("september", "sep", "sept", "septiembre", "septembre"),
            ("october", "oct", "octubre", "octobre"),
            ("november", "nov", "noviembre", "novembre"),
            ("december", "dec", "diciembre", "décembre", "decembre"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_ISO_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})")
_MONTH_YEAR = re.compile(r"([^\W\d_]+)\.?,?\s+(\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_YEAR = re.compile(r"(\d{4})(?:\.0)?")
_QUARTER = re.compile(r"q([1-4])\s*(\d{4})|(\d{4})\s*q([1-4])")

STATUS_WORDS = {
    "not started": "not_started",
    "not_started": "not_started",
    "limited": "limited",
    "substantial": "substantial",
    "substantially completed": "substantial",
    "complete": "complete",
    "completed": "complete",
    "withdrawn": "withdrawn",
}
IRM_COMPLETION_WORDS = {
    **{k: v for k, v in STATUS_WORDS.items() if v != "withdrawn"},
    "no evidence": "no_evidence",
    "no evidence available": "no_evidence",
    "unclear": "no_evidence",
}
_SEPARATORS = re.compile(r"\s*(?:<br\s*/?>|\r?\n|;|\|| • |•)\s*", re.IGNORECASE)


class CellError(ValueError):
    """A cell this importer cannot read; the message says what was expected."""


def missing(text: str) -> bool:
    return text.strip().casefold() in MISSING


def read_date(text: str) -> str | None:
    """A date as the records write it: YYYY-MM-DD, YYYY-MM or YYYY; None when not given."""
    value = " ".join(text.split())
    if missing(value) or value.casefold() in ("ongoing", "continuous", "permanent"):
        return None
    lowered = value.casefold()
    if m := _ISO.fullmatch(value):
        return _day(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _NUMERIC.fullmatch(value):
        first, second, year = int(m[1]), int(m[2]), _full_year(m[3])
        # The export writes day/month/year; month/day/year shows itself by a day above 12.
        day, month = (second, first) if second > 12 >= first else (first, second)
        return _day(year, month, day, text)
    if m := _ISO_MONTH.fullmatch(value):
        return _month(int(m[1]), int(m[2]), text)
    if m := _YEAR.fullmatch(value):
        return m[1]
    if m := _DAY_MONTH_YEAR.fullmatch(lowered):
        return _day(int(m[3]), _month_number(m[2], text), int(m[1]), text)
    if m := _MONTH_DAY_YEAR.fullmatch(lowered):
        return _day(int(m[3]), _month_number(m[1], text), int(m[2]), text)
    if m := _MONTH_YEAR.fullmatch(lowered):
        return _month(int(m[2]), _month_number(m[1], text), text)
    if m := _QUARTER.fullmatch(lowered.replace("-", " ")):
        quarter, year = (m[1], m[2]) if m[1] else (m[4], m[3])
        return _month(int(year), int(quarter) * 3, text)  # due at the end of the quarter
    raise CellError(
        f"'{text}' is not a date this importer reads (e.g. 2024-06-30, 30/06/2024, June 2024, 2024)"
    )


def read_year(text: str) -> int | None:
    value = text.strip()
    if missing(value):
        return None
    if m := _YEAR.fullmatch(value):
        return int(m[1])
    raise CellError(f"'{text}' is not a year (e.g. 2024)")


def read_status(text: str) -> str | None:
    """A commitment's status from an IRM completion level; None when not assessed."""
    return _level(text, STATUS_WORDS, ("unclear", "no evidence"), "a completion level")


def read_irm_completion(text: str) -> str | None:
    """The IRM's completion scale (with no_evidence); None when not assessed."""
    return _level(text, IRM_COMPLETION_WORDS, ("withdrawn",), "an IRM completion level")


def _level(text: str, words: dict[str, str], unassessed: tuple[str, ...], what: str) -> str | None:
    value = " ".join(text.replace("_", " ").split()).casefold()
    if missing(value) or value in ("not assessed", "not reported", *unassessed):
        return None
    found = words.get(value)
    if found is None:
        raise CellError(f"'{text}' is not {what} ({', '.join(sorted(words))})")
    return found


def read_flag(text: str) -> bool | None:
    value = text.strip().casefold()
    if missing(value):
        return None
    if value in ("1", "yes", "true", "y", "starred"):
        return True
    if value in ("0", "no", "false", "n"):
        return False
    raise CellError(f"'{text}' is not yes or no")


def read_institutions(text: str) -> tuple[list[str], list[str]]:
    """Institution names from one cell, and what was taken out of it (personal contacts).

    Names are split at line breaks, `<br>`, ';', '|' and bullets, not at commas (names
    hold commas: "Ministry of Finance, Planning and Development"). E-mail addresses and
    phone numbers are removed: they are people's, and the field is published.
    """
    names: list[str] = []
    removed: list[str] = []
    for part in _SEPARATORS.split(text):
        found = contact_kind(part)
        if found:
            removed.append(found)
            part = PHONE.sub(" ", EMAIL.sub(" ", part))
        name = " ".join(part.strip(" ,.:-\u2013()[]").split())
        if is_id(name):  # "media": a name, not an id (records.md, "References in words")
            name = name[:1].upper() + name[1:]
        if name and not missing(name) and contact_kind(name) is None and name not in names:
            names.append(name)
    return names, removed


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _month_number(word: str, text: str) -> int:
    number = MONTHS.get(word.strip(".").casefold())
    if number is None:
        raise CellError(f"'{text}' names no month this importer knows")
    return number


def _month(year: int, month: int, text: str) -> str:
    if not 1 <= month <= 12:
        raise CellError(f"'{text}' has no month {month}")
    return f"{year:04d}-{month:02d}"


def _day(year: int, month: int, day: int, text: str) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise CellError(f"'{text}' is not a day in the calendar") from None
