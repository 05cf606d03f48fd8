"""Pages in a language other than the default: what is not translated says which language it is.

records.md: whatever is not translated shows in the default language, marked with that
language. Texts (titles, notes, names of things) are marked where they stand as a whole
text in the page, bodies where they are rendered; a record page says in words when its
record is not translated, partly translated, or translated from an older version.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from functools import cache

from babel import Locale, UnknownLocaleError
from markupsafe import escape

from .. import i18n
from ..i18n.labels import N_
from ..records.translated import STATES, RecordState, State, Untranslated
from ..safety.sanitize import public_markdown
from .generate import GeneratedSite
from .html import outline
from .pasted_text import bullets_to_lists
from .urls import record_src, relative

_TEXT_NODE = re.compile(r">([^<>]+)<")
_HEADING_END = "</h1>"
# A body as `Context.body` hands it to the renderer, whatever levels its headings were moved
# down by (`shift_headings`): its lines without their heading marks.
_HEADING_MARKS = re.compile(r"^#+", re.MULTILINE)


def _form(text: str) -> str:
    return _HEADING_MARKS.sub("", "\n".join(text.strip().splitlines()))


@cache
def language_name(language: str, in_language: str) -> str:
    """The language's name in another, as Babel knows it ("anglais"); the tag else."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
        return locale.get_display_name(in_language.replace("-", "_")) or language
    except (UnknownLocaleError, ValueError):
        return language


class MarkedBodies:
    """A Markdown renderer that wraps the bodies left untranslated in the default language.

    It stands in for the site's renderer (`SiteOptions.markdown`): it is handed the text
    `Context.body` renders, so it knows a body by the forms that text takes."""

    def __init__(self, render: Callable[[str], str], bodies: Iterable[str], language: str):
        self.render = render
        self.language = language
        texts = (text for body in bodies for text in (body, public_markdown(body)))
        self.forms = frozenset(_form(bullets_to_lists(text)) for text in texts)

    def __call__(self, text: str) -> str:
        rendered = self.render(text)
        if _form(text) not in self.forms:
            return rendered
        return f'<div lang="{self.language}" class="of-untranslated">\n{rendered}\n</div>'


def mark_site(
    site: GeneratedSite,
    untranslated: Untranslated,
    language: str,
    states: Mapping[tuple[str, str], RecordState],
) -> None:
    """Mark every untranslated text of the pages in `language`, and note on record pages
    what is not translated or stale."""
    # As the templates write them (Jinja escapes quotes as &#39; and &#34;) and as the
    # standard library does: a text node is looked up without unescaping each one.
    texts = {form for text in untranslated.texts for form in (str(escape(text)), html.escape(text))}
    marker = f'<span lang="{untranslated.language}" class="of-untranslated">'

    def mark(found: re.Match[str]) -> str:
        text = found[1]
        core = text.strip()
        if core not in texts:
            return found[0]
        start = text.index(core)
        end = start + len(core)
        return f">{text[:start]}{marker}{core}</span>{text[end:]}<"

    notes = _notes(untranslated, language, states)
    for src, page in site.pages.items():
        content = _TEXT_NODE.sub(mark, page.html) if texts else page.html
        note = notes.get(src)
        if note is not None:
            content = _after_heading(content, note)
        if content is not page.html:
            site.pages[src] = replace(page, html=content)


def _notes(
    untranslated: Untranslated, language: str, states: Mapping[tuple[str, str], RecordState]
) -> dict[str, str]:
    default = language_name(untranslated.language, language)
    _ = i18n.translator(language).gettext
    notes: dict[str, list[str]] = {}
    for kind, key in sorted(untranslated.records):
        if kind == "submissions":
            continue  # shown on its consultation's page, whose own state is noted
        notes.setdefault(_src(kind, key), []).append(
            _("This record is not translated yet: it is shown in {language}.").format(
                language=default
            )
        )
    for (kind, key), state in states.items():
        if state.state == "stale" and kind != "submissions":
            notes.setdefault(_src(kind, key), []).append(
                _(
                    "This translation was made from an earlier version of the record: "
                    "the {language} original has changed since."
                ).format(language=default)
            )
    return {
        src: "".join(
            f'<p class="of-translation-note" role="note">{html.escape(line)}</p>' for line in lines
        )
        for src, lines in notes.items()
    }


def untranslated_page(content: str, default: str, language: str) -> str:
    """A hand-written page shown in the default language, marked and noted."""
    _ = i18n.translator(language).gettext
    note = _("This page is not translated yet: it is shown in {language}.").format(
        language=language_name(default, language)
    )
    return (
        f'<p class="of-translation-note" role="note">{html.escape(note)}</p>\n'
        f'<div lang="{default}" class="of-untranslated">\n{content}\n</div>'
    )


def _src(kind: str, key: str) -> str:
    return "forum/index.md" if kind == "forum" else record_src(kind, key)


def _after_heading(content: str, note: str) -> str:
    at = content.find(_HEADING_END)
    if at < 0:
        return note + content
    at += len(_HEADING_END)
    return content[:at] + note + content[at:]


DATA_PAGE = "data/index.md"


def add_status(site: GeneratedSite, status: Mapping[str, list[RecordState]], language: str) -> None:
    """The translations' state per language, at the end of the open data page."""
    page = site.pages.get(DATA_PAGE)
    if page is None or not status:
        return
    _ = i18n.translator(language).gettext
    rows = []
    lists = []
    for other, states in status.items():
        name = html.escape(language_name(other, language))
        figures = {state: [s for s in states if s.state == state] for state in STATES}
        cells = "".join(f"<td>{len(figures[state])}</td>" for state in STATES)
        rows.append(f'<tr><th scope="row" lang="{other}">{name}</th>{cells}</tr>')
        listed: tuple[tuple[State, str], ...] = (
            ("stale", _("Out of date")),
            ("missing", _("Not translated")),
        )
        for state, heading in listed:
            if figures[state]:
                items = "".join(f"<li>{_link(s)}</li>" for s in figures[state])
                summary = f"{html.escape(heading)}: {name} ({len(figures[state])})"
                lists.append(f"<details><summary>{summary}</summary><ul>{items}</ul></details>")
    heads = "".join(
        f'<th scope="col">{html.escape(h)}</th>'
        for h in (
            _("Language"),
            _("Translated"),
            _("Out of date"),
            _("Not translated"),
        )
    )
    section = (
        f'<h2 id="translations">{html.escape(_("Translations"))}</h2>\n'
        f"<p>{html.escape(_(_STATUS_INTRO))}</p>\n"
        f"<table><thead><tr>{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table>\n"
        + "\n".join(lists)
    )
    content = page.html + "\n" + section
    site.pages[DATA_PAGE] = replace(page, html=content, toc=outline(content))


_STATUS_INTRO = N_(
    "Records with text for people, by language: translated, translated from an earlier "
    "version of the record (out of date), and not translated (shown in the default language)."
)


def _link(state: RecordState) -> str:
    # The record's file, as code: the same words in every language.
    name = "<code>{}</code>".format(
        html.escape("forum" if state.kind == "forum" else f"{state.kind}/{state.key}")
    )
    if state.kind == "submissions":
        return name
    href = relative(DATA_PAGE, _src(state.kind, state.key))
    return f'<a href="{html.escape(href)}">{name}</a>'
