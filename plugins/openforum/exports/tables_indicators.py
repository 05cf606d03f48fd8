"""The indicators reported under milestones, as a CSV table (they do not count in progress)."""

from __future__ import annotations

from ..records import model
from .context import ExportContext
from .tables import URL, ForeignKey, Table, col, vocab
from .tables_plans import PARTIAL_DATE


def indicators(ctx: ExportContext) -> Table:
    table = Table(
        "indicators",
        "Milestone indicators",
        "One row per indicator reported under a milestone. Indicators are shown and "
        "published; a commitment's progress counts its milestones only.",
        (
            col("commitment", "string", "The commitment's id"),
            col("milestone", "string", "The milestone's id within its commitment"),
            col("position", "integer", "Order under the milestone, from 1"),
            col("title", "string", "Title"),
            col("due", "string", f"Due: {PARTIAL_DATE}, or ongoing"),
            col("status", "string", vocab(model.MilestoneStatus)),
            col("note", "string", "Note"),
            URL,
        ),
        ("commitment", "milestone", "position"),
        (ForeignKey("commitment", "commitments"),),
    )
    for key, commitment in sorted(ctx.records.commitments.items()):
        for milestone in commitment.milestones:
            for position, indicator in enumerate(milestone.indicators, start=1):
                table.add(
                    commitment=key,
                    milestone=milestone.id,
                    position=position,
                    title=indicator.title,
                    due=indicator.due,
                    status=indicator.status,
                    note=indicator.note,
                    url=ctx.page("commitments", key, f"milestone-{milestone.id}"),
                )
    return table
