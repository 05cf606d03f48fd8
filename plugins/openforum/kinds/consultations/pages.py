"""Consultation pages: timeline, channels, events, summary, and every submission answered."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import get_args

from markupsafe import Markup

from ...i18n.findings import finding_message
from ...records.model import Consultation, Outcome, Submission
from ...safety.sanitize import public_markdown
from ...site import labels
from ...site.context import Context, GeneratedPage, SearchEntry
from ...site.render import submission_anchor
from ...site.urls import record_src, section_src

OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
WITHHELD = labels.N_("Name withheld")


@dataclass(frozen=True, slots=True)
class Step:
    day: date
    text: str


@dataclass(frozen=True, slots=True)
class Answered:
    submission: Submission
    author: str  # the published name, or WITHHELD: never the name without consent
    text: Markup  # the submission's text, quoted
    edit_url: str | None


def author_name(submission: Submission) -> str:
    author = submission.author
    if author and author.publish_name and author.name:
        return author.name
    return labels._(WITHHELD)


def state(consultation: Consultation, today: date) -> str:
    if today < consultation.opens:
        return "upcoming"
    return "open" if today <= consultation.closes else "closed"


def _steps(consultation: Consultation) -> list[Step]:
    steps = [
        Step(consultation.timeline_published, labels._("Timeline published"))
        if consultation.timeline_published
        else None,
        Step(consultation.opens, labels._("Consultation opens")),
        Step(consultation.closes, labels._("Consultation closes")),
        Step(consultation.summary_published, labels._("Summary of the input published"))
        if consultation.summary_published
        else None,
    ]
    for event in consultation.events:
        what = labels.label(event.kind) if event.kind else labels._("Event")
        where = f": {event.place}" if event.place else ""
        steps.append(Step(event.date, f"{what}{where}"))
    return sorted((s for s in steps if s), key=lambda s: s.day)


def _quote(ctx: Context, body: str) -> Markup:
    # A blockquote keeps the author's Markdown rendered and clearly theirs.
    text = ctx.body(public_markdown(body), levels=3)
    return Markup("<blockquote>\n{}\n</blockquote>").format(text) if text else Markup("")


def consultation_pages(ctx: Context) -> Iterator[GeneratedPage]:
    for key, consultation in ctx.each(ctx.records.consultations):
        submissions = ctx.submissions_of(key)
        outcomes = Counter(s.response.outcome if s.response else None for s in submissions)
        yield ctx.page(
            record_src("consultations", key),
            "consultation.html.j2",
            consultation.title,
            source=consultation.path,
            search=(
                SearchEntry.of(consultation.title, labels._("Public consultation"), tags=(key,)),
                *(_submission_entry(consultation, s) for s in submissions),
            ),
            c=consultation,
            state=state(consultation, ctx.today),
            steps=_steps(consultation),
            participants=sum(e.participants or 0 for e in consultation.events),
            outcomes=[(o, outcomes[o]) for o in OUTCOMES],
            unanswered=outcomes[None],
            answered=[
                Answered(s, author_name(s), _quote(ctx, s.body), ctx.options.source_url(s.path))
                for s in submissions
            ],
            concerns=[
                finding_message(f)
                for f in ctx.facts.findings_about("consultations", key)
                if f.level == "concern"
            ],
            body=ctx.body(consultation.body, levels=1),
        )


def _submission_entry(consultation: Consultation, submission: Submission) -> SearchEntry:
    """Submissions are found by id, author (when named) and organisation."""
    author = submission.author
    parts = [
        author.organization if author else None,
        labels.say("%(sector)s sector", sector=labels.label(author.sector))
        if author and author.sector
        else None,
        labels.say("to %(consultation)s", consultation=consultation.title),
    ]
    return SearchEntry.of(
        labels.say(
            "Submission %(id)s: %(author)s", id=submission.stem, author=author_name(submission)
        ),
        " · ".join(part for part in parts if part),
        submission_anchor(submission.stem),
    )


def consultations_index(ctx: Context) -> GeneratedPage:
    items = sorted(ctx.records.consultations.values(), key=lambda c: c.opens, reverse=True)
    return ctx.page(
        section_src("consultations"),
        "consultations_index.html.j2",
        labels._("Consultations"),
        items=[(c, state(c, ctx.today), len(ctx.submissions_of(c.stem))) for c in items],
    )


# What the site's generator asks of a kind (kinds/kind.py).
record_pages = consultation_pages
section_page = consultations_index
