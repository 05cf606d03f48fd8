"""The one module of words made in Python: vocabulary values, dates, numbers and counts as a
reader sees them, in the language of the build (`i18n.using`).

Words are marked with `N_` where they are defined (so extraction finds them) and looked up
with `_` when said (so each build says them in its language).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from babel import Locale, UnknownLocaleError

from .translator import active


def N_(message: str) -> str:
    """Mark `message` for the catalogs; it is translated where it is said."""
    return message


def _(message: str) -> str:
    return active().gettext(message)


def say(message: str, **values: object) -> str:
    """`message` in the build's language, `values` filled in: say("Lead: %(lead)s.", lead=x)."""
    return _(message) % values if values else _(message)


def ngettext(singular: str, plural: str, count: int, **values: object) -> str:
    """'%(num)d day' / '%(num)d days' for `count`, with `num` and `values` filled in."""
    text = active().ngettext(singular, plural, count)
    return text % {"num": count, **values}


__all__ = [
    "FRACTION_WORDS",
    "N_",
    "SCRIPT_WORDS",
    "VALUE_LABELS",
    "_",
    "amount",
    "english_label",
    "fraction",
    "label",
    "language_name",
    "listing",
    "long_date",
    "ngettext",
    "number",
    "percent",
    "say",
    "script_words",
    "short_date",
    "time_of",
    "weekday",
]

# Every value of the contract's vocabularies (records/vocabularies.py), and the codes the
# pages show as words (verdicts, kinds of event). A test checks none is missing.
VALUE_LABELS: dict[str, str] = {
    "absolute_majority": N_("Absolute majority"),
    "academia": N_("Academia"),
    "access_to_information": N_("Access to information"),
    "adopted": N_("Adopted"),
    "agenda": N_("Agenda"),
    "approved": N_("Approved"),
    "assessment": N_("Assessment"),
    "bilateral": N_("Bilateral"),
    "cancelled": N_("Cancelled"),
    "chair": N_("Chair"),
    "civic_participation": N_("Civic participation"),
    "civil_society": N_("Civil society"),
    "closed": N_("Closed"),
    "co_chair": N_("Co-chair"),
    "committee": N_("Committee"),
    "complete": N_("Complete"),
    "concern": N_("Concern"),
    "consensus": N_("Consensus"),
    "consultative": N_("Consultative"),
    "decision_making": N_("Decision making"),
    "deferred": N_("Deferred"),
    "development": N_("Development"),
    "did_not_change": N_("Did not change"),
    "draft": N_("Draft"),
    "eligibility": N_("Eligibility"),
    "email": N_("Email"),
    "executive_decree": N_("Executive decree"),
    "extraordinary": N_("Extraordinary"),
    "follow_up": N_("Follow-up"),
    "formal_agreement": N_("Formal agreement"),
    "government": N_("Government"),
    "held": N_("Held"),
    "high": N_("High"),
    "implementation": N_("Implementation"),
    "in_person": N_("In person"),
    "in_progress": N_("In progress"),
    "informal_agreement": N_("Informal agreement"),
    "irm": N_("IRM"),
    "law": N_("Law"),
    "limited": N_("Limited"),
    "low": N_("Low"),
    "major": N_("Major"),
    "marginal": N_("Marginal"),
    "medium": N_("Medium"),
    "member": N_("Member"),
    "met": N_("Met"),
    "minor": N_("Minor"),
    "minutes": N_("Minutes"),
    "mixed": N_("Mixed"),
    "moderate": N_("Moderate"),
    "modest": N_("Modest"),
    "multilateral": N_("Multilateral"),
    "no_evidence": N_("No evidence"),
    "none": N_("None"),
    "not_adopted": N_("Not adopted"),
    "not_applicable": N_("Not applicable"),
    "not_met": N_("Not met"),
    "not_reported": N_("Not reported"),
    "not_started": N_("Not started"),
    "not_verifiable": N_("Not verifiable"),
    "note": N_("Note"),
    "observer": N_("Observer"),
    "ogp": N_("OGP"),
    "online_platform": N_("Online platform"),
    "organization": N_("Organization"),
    "other": N_("Other"),
    "out_of_scope": N_("Out of scope"),
    "outstanding": N_("Outstanding"),
    "panel": N_("Panel"),
    "paper": N_("Paper"),
    "parliament": N_("Parliament"),
    "partly_adopted": N_("Partly adopted"),
    "pending": N_("Pending"),
    "person": N_("Person"),
    "philanthropic": N_("Philanthropic"),
    "phone": N_("Phone"),
    "plenary": N_("Plenary"),
    "postponed": N_("Postponed"),
    "presentation": N_("Presentation"),
    "private_sector": N_("Private sector"),
    "public_accountability": N_("Public accountability"),
    "public_session": N_("Public session"),
    "qualified_majority": N_("Qualified majority"),
    "recording": N_("Recording"),
    "rejected": N_("Rejected"),
    "report": N_("Report"),
    "scheduled": N_("Scheduled"),
    "secretariat": N_("Secretariat"),
    "simple_majority": N_("Simple majority"),
    "social_media": N_("Social media"),
    "substantial": N_("Substantial"),
    "substitute": N_("Substitute"),
    "survey": N_("Survey"),
    "technology_and_innovation": N_("Technology and innovation"),
    "transformative": N_("Transformative"),
    "unclear": N_("Unclear"),
    "withdrawn": N_("Withdrawn"),
    "working_group": N_("Working group"),
    "workshop": N_("Workshop"),
    "worsened": N_("Worsened"),
}

# The words the site's scripts show (site_theme/assets/*.js), by key; the search partial
# writes them into every page as JSON (#of-words), in the page's language.
SCRIPT_WORDS: dict[str, str] = {
    "filter-table": N_("Filter the table"),
    "type-to-filter": N_("Type to filter"),
    "all": N_("All"),
    "show-all": N_("Show all"),
    "showing-rows": N_("Showing {shown} of {total} rows."),
    "show-kinds": N_("Show events of these kinds:"),
    "copy": N_("Copy"),
    "copied": N_("Copied"),
    "column-plan": N_("Plan"),
    "column-status": N_("Status"),
    "column-theme": N_("Theme"),
    "column-lead": N_("Lead"),
    "column-kind": N_("Kind"),
    "column-year": N_("Year"),
    "search-hint": N_(
        "Type a word from any record: minutes, decisions, descriptions, submissions."
    ),
    "searching": N_("Searching…"),
    "no-match": N_("No record matches “{query}”."),
    "one-match": N_("1 matching page."),
    "matches": N_("{count} matching pages."),
    "index-failed": N_("The search index could not be loaded."),
}


def script_words() -> dict[str, str]:
    """`SCRIPT_WORDS` in the build's language."""
    return {key: _(text) for key, text in SCRIPT_WORDS.items()}


FRACTION_WORDS = {
    Fraction(1, 2): N_("half"),
    Fraction(2, 3): N_("two thirds"),
    Fraction(3, 4): N_("three quarters"),
    Fraction(3, 5): N_("three fifths"),
    Fraction(1, 3): N_("one third"),
}


def english_label(value: object) -> str:
    """'civil_society' -> 'Civil society' (the catalogs' source words); None -> ''."""
    if value is None:
        return ""
    text = str(value)
    if text in VALUE_LABELS:
        return VALUE_LABELS[text]
    text = text.replace("_", " ")
    return text[:1].upper() + text[1:]


def label(value: object) -> str:
    """A vocabulary value in words, in the build's language: 'civil_society' -> 'Sociedad
    civil'. A value the catalogs do not know reads as written, underscores as spaces."""
    return _(english_label(value))


def long_date(value: date | datetime | None) -> str:
    """'2024-03-12' -> '12 March 2024' / '12 de marzo de 2024'; a date written to the month
    or year as written ('September 2027', '2027'); 'Ongoing'."""
    return active().format_date(value, "long")


def short_date(value: date | datetime | None) -> str:
    """'2024-03-12' -> '12 Mar 2024', for tables."""
    return active().format_date(value, "short")


def weekday(value: date) -> str:
    return active().weekday(value)


def time_of(value: datetime | None) -> str:
    return active().format_time(value)


def fraction(value: Fraction | None) -> str:
    """2/3 -> '2/3 (two thirds)'."""
    if value is None:
        return ""
    words = FRACTION_WORDS.get(value)
    return f"{value} ({_(words)})" if words else str(value)


def number(value: int | float | Decimal | None) -> str:
    return active().format_number(value)


def amount(value: Decimal | int | None) -> str:
    """45000 -> '45,000' (en), '45.000' (es); keeps cents only when there are any."""
    return active().format_amount(value)


def percent(share: float | None) -> str:
    return active().format_percent(share)


def language_name(code: str) -> str:
    """'fr' -> 'French' in English, 'francés' in Spanish; the code itself when unknown."""
    try:
        found = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code
    return found.get_display_name(active().locale) or code


def listing(items: Iterable[str]) -> str:
    return active().format_list(items)
