"""Templates, links and escaping shared by every generated page.

Pages are HTML: every record value is escaped by Jinja's autoescape; record bodies, which
are Markdown by contract, are rendered and cleaned apart (`Context.body`).
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, pass_context
from jinja2.runtime import Context as JinjaContext
from markupsafe import Markup, escape

from .. import i18n
from ..i18n import labels
from ..i18n.findings import explanation
from ..records import ForumRecords
from ..records.fields import INSTITUTIONS, Record
from ..records.last_records import per_records
from .derived import DecisionAt
from .template_cache import keep_compiled
from .urls import record_src, relative, url_of

TEMPLATES = Path(__file__).parent / "templates"  # shipped as package data


def badge(value: str | None, text: str | None = None) -> Markup:
    """A status badge: colour for a glance, and always the status in words."""
    if not value:
        return Markup("")
    words = text if text is not None else labels.label(value)
    # Built by hand: Markup.format goes through string.Formatter, ten times slower.
    return Markup(f'<span class="of-badge of-badge--{escape(value)}">{escape(words)}</span>')


_CODE_SPAN = re.compile(r"`([^`]+)`")


def code_spans(text: str) -> Markup:
    """A sentence naming a field in backticks ("fill `attendance.present` in ..."), escaped,
    the field shown as code."""
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", str(escape(text))))


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        # Compiled once per process and never checked against the files again: a build
        # asks for templates thousands of times. `mkdocs serve` starts afresh on a change
        # of template (see `forget_templates`).
        auto_reload=False,
        cache_size=-1,
    )
    install_words(env)
    keep_compiled(env)
    env.filters.update(
        label=labels.label,
        longdate=labels.long_date,
        shortdate=labels.short_date,
        time=labels.time_of,
        weekday=labels.weekday,
        number=labels.number,
        language_name=labels.language_name,
        explanation=explanation,
        fraction=labels.fraction,
        amount=labels.amount,
        pct=labels.percent,
        badge=badge,
        code_spans=code_spans,
    )
    return env


def install_words(env: Environment, language: str | None = None) -> None:
    """Jinja's `_`, `gettext` and `ngettext` in `env`: in `language`, or (None) in the
    language of the build running (`i18n.using`), so that one environment serves all."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    fixed = i18n.translator(language) if language is not None else None

    def gettext(message: str) -> str:
        return (fixed or i18n.active()).gettext(message)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return (fixed or i18n.active()).ngettext(singular, plural, count)

    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]

    # Jinja's `_` reaches the newstyle gettext through two context calls, and formats every
    # message even with no value to put in (Markup % {}): a page asks for tens of words.
    # The same in one step; a message without `%` is what formatting would leave it.
    @pass_context
    def translated(context: JinjaContext, message: str, **values: Any) -> str:
        text = gettext(message)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % values if values or "%" in text else text

    env.globals.update(_=translated, gettext=translated)
    env.globals["openforum_script_words"] = lambda: {
        key: gettext(text) for key, text in labels.SCRIPT_WORDS.items()
    }


@cache
def _template(name: str) -> Template:
    return environment().get_template(name)


def render(template: str, **context: Any) -> str:
    """`template` in the language of the build running (`i18n.using`)."""
    words = i18n.active()
    context.setdefault("language", words.language)
    context.setdefault("rtl", words.rtl)
    return _template(template).render(**context)


_COMPILING = threading.Lock()  # compile_templates runs beside the serve loop


def compile_templates() -> None:
    """Compile every page template now, not on first use (`mkdocs serve`, incremental.py)."""
    with _COMPILING:
        for path in sorted(TEMPLATES.glob("*.j2")):
            _template(path.name)


def forget_templates() -> None:
    """Compile the templates again on next use (they changed under `mkdocs serve`)."""
    with _COMPILING:
        _template.cache_clear()
        environment.cache_clear()


def card(title: str, description: str, feed: str | None = None) -> dict[str, Any]:
    """Page metadata for link previews (OpenGraph, Twitter) and the page's own feed.

    The theme writes `description` into an attribute unescaped, so it is escaped here.
    """
    meta: dict[str, Any] = {
        "description": html.escape(description, quote=True),
        "card_title": html.escape(title, quote=True),
    }
    if feed:
        meta["feed"] = feed
    return meta


_HEADING = re.compile(r"^(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def shift_headings(text: str, levels: int = 1) -> str:
    """Markdown with its ATX headings moved `levels` down (h2 -> h3).

    A record's body then sits under the page's own section heading. Fenced code is left
    alone.
    """
    out: list[str] = []
    fence: str | None = None
    for line in text.strip().splitlines():
        marker = _FENCE.match(line)
        if marker and (fence is None or marker.group(1)[0] == fence[0]):
            fence = None if fence else marker.group(1)
        elif fence is None and (heading := _HEADING.match(line)):
            depth = min(len(heading.group(1)) + levels, 6)
            line = "#" * depth + line[heading.end() :]
        out.append(line)
    return "\n".join(out)


class Links:
    """Relative links from one generated page to records and sections."""

    def __init__(self, records: ForumRecords, src: str) -> None:
        self.records = records
        self.src = src
        here = url_of(src)
        self._section = here.partition("/")[0]
        self._up = "../" * here.count("/")  # to the root, as links to other sections go

    def to(self, target_src: str, anchor: str | None = None) -> str:
        return relative(self.src, target_src, anchor)

    def record(self, kind: str, key: str, anchor: str | None = None) -> str:
        return relative(self.src, record_src(kind, key), anchor)

    def _a(self, href: str, text: object, title: str | None = None) -> Markup:
        # f-strings with escape(): Markup.format goes through string.Formatter and was a
        # seventh of a build's page generation.
        if title:
            return Markup(f'<a href="{escape(href)}" title="{escape(title)}">{escape(text)}</a>')
        return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')

    def member(self, ref: str | None) -> Markup:
        """A member's or organization's name linked to its page; an institution named in
        words as written, linked to nothing (it holds no seat and has no page)."""
        return Markup(self._member_html(ref)) if ref else Markup("")

    def members(self, found: Iterable[Record]) -> Markup:
        """Each record's name linked, comma separated: an attendance list, which on a
        large forum's meeting names hundreds, often the same hundreds as the last."""
        listed = tuple(found)
        lists = _attendance_lists(self.records)
        # Links into the page's own section depend on the page itself, others on its depth.
        # Records live as long as the records they belong to: their ids name them.
        key = (
            self.src if self._section in _INSTITUTION_SECTIONS else self._up,
            tuple(map(id, listed)),
        )
        html = lists.get(key)
        if html is None:
            if len(lists) >= MAX_LISTS_KEPT:
                lists.clear()
            html = lists[key] = ", ".join([self._member_html(r.stem) for r in listed])
        return Markup(html)

    def _member_html(self, ref: str) -> str:
        found = _institution_links(self.records).get(ref)
        if found is None:
            return str(escape(ref))
        section, src, url, name = found
        if section == self._section:
            return f'<a href="{escape(relative(self.src, src))}">{name}</a>'
        return f'<a href="{self._up}{url}">{name}</a>'

    def member_name(self, ref: str | None) -> str:
        for kind in INSTITUTIONS.kinds:
            found = self.records.of_kind(kind).get(ref or "")
            if found is not None:
                return str(getattr(found, "name", ref))
        return ref or ""

    def commitment(self, key: str, with_title: bool = False) -> Markup:
        commitment = self.records.commitments.get(key)
        title = commitment.title if commitment else None
        if with_title and title:
            return self._a(self.record("commitments", key), f"{key}: {title}")
        return self._a(self.record("commitments", key), key, title)

    def meeting(self, key: str, anchor: str | None = None) -> Markup:
        return self._a(self.record("meetings", key, anchor), _meeting_text(self.records, key))

    def plan(self, key: str | None) -> Markup:
        if not key:
            return Markup("")
        plan = self.records.plans.get(key)
        return self._a(self.record("plans", key), plan.title if plan else key)

    def consultation(self, key: str | None) -> Markup:
        if not key:
            return Markup("")
        consultation = self.records.consultations.get(key)
        return self._a(
            self.record("consultations", key), consultation.title if consultation else key
        )

    def decision(self, found: DecisionAt) -> Markup:
        anchor = decision_anchor(found.decision.id)
        return self._a(self.record("meetings", found.meeting.stem, anchor), found.decision.id)

    def submission(self, consultation: str, sid: str) -> Markup:
        href = self.record("consultations", consultation, submission_anchor(sid))
        return self._a(href, f"{consultation} / {sid}")


def _meeting_text(records: ForumRecords, key: str) -> str:
    """A meeting's title and date, as links name it: formatted once per build."""
    return _meeting_texts(records).get(key, key)


@per_records
def _meeting_texts(records: ForumRecords) -> dict[str, str]:
    return {k: f"{m.title}, {labels.long_date(m.start)}" for k, m in records.meetings.items()}


# Lists of linked names made for pages of one build's records, by the folder depth or page
# (`Links.members`) and the records listed; at most this many.
MAX_LISTS_KEPT = 64
_INSTITUTION_SECTIONS = frozenset(INSTITUTIONS.kinds)  # a record kind is its section


@per_records
def _attendance_lists(records: ForumRecords) -> dict[tuple[str, tuple[int, ...]], str]:
    return {}


@per_records
def _institution_links(records: ForumRecords) -> dict[str, tuple[str, str, str, str]]:
    """Member and organization ids -> their section, page source, escaped URL and name, made
    once per build: an attendance list links each of hundreds of names on a meeting page."""
    links: dict[str, tuple[str, str, str, str]] = {}
    for kind in reversed(INSTITUTIONS.kinds):  # the first kind's record wins an id
        for key, record in records.of_kind(kind).items():
            src = record_src(kind, key)
            name = str(escape(getattr(record, "name", key)))
            url = url_of(src)
            links[key] = (url.partition("/")[0], src, str(escape(url)), name)
    return links


def decision_anchor(decision_id: str) -> str:
    return f"decision-{decision_id}"


def submission_anchor(sid: str) -> str:
    return f"submission-{sid}"
