"""Every word a reader sees, in the language of the build.

The words live in gettext catalogs, one per language
(`locales/<lang>/LC_MESSAGES/openforum.po`, template `openforum.pot`), read with Babel
when first used (no compiled `.mo` file, no step for a user). Words made in Python are in
`labels`; templates say `{{ _("...") }}`; dates and numbers are formatted by Babel in
`formats`. The API other modules use:

    from openforum import i18n
    t = i18n.translator("es")             # one Translator per language, cached
    t.gettext("Attendance")               # "Asistencia"
    t.ngettext("%(num)d day", "%(num)d days", 3) % {"num": 3}
    t.format_date(day)                    # "24 de noviembre de 2026" (Babel, long form)
    t.format_number(45000)                # "45.000"
    with i18n.using("es"):                # the language of everything run inside:
        ...                               # labels, templates, feeds, calendars
    i18n.active()                         # the Translator in force (English outside `using`)
    i18n._("Attendance")                  # gettext of the active Translator
    i18n.interface_language(forum_languages, theme_language)  # which language a build uses
    i18n.LANGUAGES                        # the languages with a complete catalog
    i18n.is_rtl("ar")                     # True: the page reads right to left

A language without a catalog falls back to English words with its own dates and numbers
(Babel knows every CLDR locale); `catalog_languages()` lists what is shipped.
"""

from __future__ import annotations

from .translator import (
    LANGUAGES,
    Translator,
    _,
    active,
    catalog_languages,
    interface_language,
    is_rtl,
    translator,
    using,
)

__all__ = [
    "LANGUAGES",
    "Translator",
    "_",
    "active",
    "catalog_languages",
    "interface_language",
    "is_rtl",
    "translator",
    "using",
]
