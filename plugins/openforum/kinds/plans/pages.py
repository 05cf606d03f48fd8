"""Plan pages (life cycle, commitments by status, consultation) and assessments."""

from __future__ import annotations

from collections.abc import Iterator

from ...site import derived, labels
from ...site.charts import status_over_time
from ...site.context import Context, GeneratedPage, SearchEntry
from ...site.render import card
from ...site.urls import record_src, relative_file, section_src
from ..commitments import pages as commitments


def plan_pages(ctx: Context) -> Iterator[GeneratedPage]:
    records = ctx.records
    for key, plan in ctx.each(records.plans):
        own = ctx.commitments_of(key)
        consultation = records.consultations.get(plan.consultation or "")
        src = record_src("plans", key)
        yield ctx.page(
            src,
            "plan.html.j2",
            plan.title,
            source=plan.path,
            search=(SearchEntry.of(plan.title, labels._("National Action Plan"), tags=(key,)),),
            meta=card(
                plan.title,
                labels.say(
                    "%(status)s: %(count)s commitments.",
                    status=labels.label(plan.status),
                    count=len(own),
                ),
                relative_file(src, f"feeds/plans/{key}.atom"),
            ),
            feed=relative_file(src, f"feeds/plans/{key}.atom"),
            plan=plan,
            counts=derived.status_counts(own),
            status_chart=status_over_time(key, own, ctx.today),
            rows=commitments.rows(ctx, own),
            current_phase=derived.current_phase(plan, ctx.today),
            consultation=consultation,
            submissions=len(ctx.submissions_of(consultation.stem)) if consultation else 0,
            assessments=sorted(
                (a for a in records.assessments.values() if a.subject == key),
                key=lambda a: a.period.start,
            ),
            body=ctx.body(plan.body, levels=0),
        )


def plans_index(ctx: Context) -> GeneratedPage:
    plans = list(reversed(derived.plans_in_order(ctx.records)))
    return ctx.page(
        section_src("plans"),
        "plans_index.html.j2",
        labels._("Action plans"),
        plans=[(p, derived.status_counts(ctx.commitments_of(p.stem))) for p in plans],
    )


# What the site's generator asks of a kind (kinds/kind.py).
record_pages = plan_pages
section_page = plans_index
