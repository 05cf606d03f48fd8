"""The figures on the home page: a block the adapter puts into the hand-written home page."""

from __future__ import annotations

from .. import i18n
from ..records import ForumRecords
from . import derived
from .options import SiteOptions
from .render import Links, render
from .urls import HOME

# Where content/index.md wants the figures; without it they follow the page's text.
HOME_MARKER = "<!-- openforum:home -->"


def home_figures(records: ForumRecords, options: SiteOptions, src: str = HOME) -> str:
    """HTML for the page at `src` (links are relative to it), framed by blank lines, in
    the build's language."""
    with i18n.using(options.language):
        html = _render(records, options, src)
    return f"\n\n{html.strip()}\n\n"


def _render(records: ForumRecords, options: SiteOptions, src: str) -> str:
    today = options.today
    plan = derived.current_plan(records, today)
    consultation = derived.open_consultation(records, today)
    return render(
        "home.html.j2",
        L=Links(records, src),
        today=today,
        plan=plan,
        counts=derived.status_counts(derived.commitments_of(records, plan.stem)) if plan else {},
        next_meeting=derived.next_meeting(records, today),
        decisions=derived.latest_decisions(records, today),
        consultation=consultation,
        consultation_state="open" if consultation else None,
        coming=derived.coming_consultation(records, today),
        latest=derived.latest_consultation(records, today),
        sections={
            "commitments": "commitments/index.md",
            "meetings": "meetings/index.md",
            "consultations": "consultations/index.md",
            "timeline": "timeline/index.md",
        },
    )
