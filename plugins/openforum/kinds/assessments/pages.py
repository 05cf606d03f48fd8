"""The pages of the `assessments` kind: one per self-assessment, and their list."""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import labels
from ...site.context import Context, GeneratedPage
from ...site.urls import record_src, section_src


def assessment_pages(ctx: Context) -> Iterator[GeneratedPage]:
    for key, assessment in ctx.each(ctx.records.assessments):
        yield ctx.page(
            record_src("assessments", key),
            "assessment.html.j2",
            assessment.title,
            source=assessment.path,
            a=assessment,
            body=ctx.body(assessment.body, levels=1),
        )


def assessments_index(ctx: Context) -> GeneratedPage:
    return ctx.page(
        section_src("assessments"),
        "assessments_index.html.j2",
        labels._("Self-assessments"),
        assessments=sorted(
            ctx.records.assessments.values(), key=lambda a: (a.period.start, a.stem), reverse=True
        ),
    )


# What the site's generator asks of a kind (kinds/kind.py).
record_pages = assessment_pages
section_page = assessments_index
