"""One Translator per language: its catalog's words and Babel's dates and numbers.

Catalogs are the `.po` files themselves, compiled in memory when first used (Babel's
`read_po`, then `write_mo` into a buffer): a Forum's build needs no compile step, and a
catalog edited by a translator shows on the next build.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from . import formats

LOCALES = Path(__file__).parent / "locales"  # shipped as package data
DOMAIN = "openforum"
DEFAULT = "en"

LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "pt", "ar")
"""The languages whose catalogs are complete (a test holds them to it)."""


def catalog_languages() -> tuple[str, ...]:
    """Every language with a catalog in the package, complete or not."""
    return tuple(sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


def catalog_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@dataclass(frozen=True)
class Translator:
    """The words, dates and numbers of one language."""

    language: str  # as the Forum wrote it: "es", "pt-BR"
    catalog: str  # the catalog it reads: "es", "pt"; DEFAULT when none matches
    locale: Locale = field(repr=False)
    translations: NullTranslations = field(repr=False)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message) if message else ""

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    @property
    def rtl(self) -> bool:
        return self.locale.character_order == "right-to-left"

    def format_date(self, value: date | None, form: formats.DateForm = "long") -> str:
        return formats.format_date(self, value, form)

    def format_time(self, value: datetime | None) -> str:
        return formats.format_time(self, value)

    def weekday(self, value: date) -> str:
        return formats.weekday(self, value)

    def format_number(self, value: int | float | Decimal | None) -> str:
        return formats.format_number(self, value)

    def format_amount(self, value: int | Decimal | None) -> str:
        return formats.format_amount(self, value)

    def format_percent(self, share: float | None) -> str:
        return formats.format_percent(self, share)

    def format_list(self, items: Iterable[str]) -> str:
        return formats.format_list(self, items)


def _candidates(language: str) -> list[str]:
    """'pt-BR' -> ['pt_BR', 'pt']: the catalogs that may serve it, closest first."""
    parts = language.replace("-", "_").split("_")
    full = "_".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])
    return list(dict.fromkeys([full, parts[0].lower()]))


def _locale(language: str) -> Locale:
    """Babel's locale for `language`. Bare English is British here: the site has always
    written '12 March 2024', which is what en_GB formats; 'en-US' gets American forms."""
    if language.lower() == DEFAULT:
        return Locale.parse("en_GB")
    for candidate in _candidates(language):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en_GB")


def _load(language: str) -> NullTranslations:
    with catalog_path(language).open("rb") as file:
        catalog = read_po(file, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@cache
def translator(language: str = DEFAULT) -> Translator:
    """The Translator for `language` ('es', 'pt-BR'); English words where it has no catalog."""
    for candidate in _candidates(language):
        if catalog_path(candidate).is_file():
            return Translator(language, candidate, _locale(language), _load(candidate))
    return Translator(language, DEFAULT, _locale(language), _load(DEFAULT))


def is_rtl(language: str) -> bool:
    return translator(language).rtl


def interface_language(forum_languages: Iterable[str] | None, theme_language: str | None) -> str:
    """The language of a build's interface: the first of forum.md's `languages` (its
    default), else the theme's `language`, else English."""
    for language in forum_languages or ():
        if language and language.strip():
            return language.strip()
    return (theme_language or "").strip() or DEFAULT


_ACTIVE: ContextVar[Translator | None] = ContextVar("openforum_translator", default=None)


def active() -> Translator:
    """The Translator of the code running now: set by `using`, English otherwise."""
    return _ACTIVE.get() or translator(DEFAULT)


@contextmanager
def using(language: str | Translator) -> Iterator[Translator]:
    """Run the block in `language`: every label, template and date inside speaks it."""
    chosen = language if isinstance(language, Translator) else translator(language)
    token = _ACTIVE.set(chosen)
    try:
        yield chosen
    finally:
        _ACTIVE.reset(token)


def _(message: str) -> str:
    """The active language's word for `message` (marked for extraction)."""
    return active().gettext(message)
