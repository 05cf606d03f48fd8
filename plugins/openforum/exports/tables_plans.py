"""CSV tables of the action plans: plans, commitments, milestones, progress, consultations,
and submissions (public fields only: an author's name only with consent)."""

from __future__ import annotations

import typing
from typing import Any, get_args

from ..facts.commitments import is_overdue
from ..records import model
from . import derived
from .context import ExportContext
from .public import author_name
from .tables import URL, ForeignKey, Table, col, joined, vocab

STATUS = vocab(model.CommitmentStatus, "IRM completion scale: ")

# Records may give these dates to the month or year (records.md, "Version 2 additions").
PARTIAL_DATE = "YYYY-MM-DD, or YYYY-MM or YYYY (due at the end of that month or year)"


def irm_scale(name: str) -> Any:
    """The vocabulary of an IRM field (`Literal[...] | None` in the model)."""
    hint = typing.get_type_hints(model.IrmAssessment)[name]
    return next(arg for arg in get_args(hint) if arg is not type(None))


def plans(ctx: ExportContext) -> Table:
    table = Table(
        "plans",
        "National Action Plans",
        "One row per National Action Plan.",
        (
            col("id", "string", "The plan's id"),
            col("number", "integer", "The plan's number (the fifth plan is 5)"),
            col("title", "string", "Title"),
            col("status", "string", vocab(model.PlanStatus)),
            col("period_start", "date", "First day of the plan's period"),
            col("period_end", "date", "Last day of the plan's period"),
            col("consultation", "string", "The id of the plan's co-creation consultation"),
            col("document", "string", "The official plan document", "uri"),
            col("current_phase", "string", "Derived: the life-cycle phase on the as-of date"),
            col("commitments", "integer", "Derived: number of commitments in the plan"),
            URL,
        ),
        ("id",),
        (ForeignKey("consultation", "consultations"),),
    )
    for key, plan in sorted(ctx.records.plans.items()):
        facts = derived.plan(ctx, plan)
        table.add(
            id=key,
            number=plan.number,
            title=plan.title,
            status=plan.status,
            period_start=plan.period.start,
            period_end=plan.period.end,
            consultation=plan.consultation,
            document=plan.url,
            current_phase=facts["current_phase"],
            commitments=len(facts["commitments"]),
            url=ctx.page("plans", key),
        )
    return table


def commitments(ctx: ExportContext) -> Table:
    table = Table(
        "commitments",
        "Commitments",
        "One row per commitment of a National Action Plan, with its IRM assessment.",
        (
            col("id", "string", "The commitment's id"),
            col("aliases", "string", "Former ids, space-separated"),
            col("plan", "string", "The id of the plan"),
            col("ogp_id", "string", "The OGP's identifier, when assigned"),
            col("title", "string", "Title"),
            col("theme", "string", "Theme"),
            col("lead", "string", "Lead institution: a member or organization id, or a name"),
            col(
                "supporting",
                "string",
                "Supporting institutions: member or organization ids, or names; separated "
                "by '; ' (names contain spaces)",
            ),
            col("period_start", "string", f"Start of implementation: {PARTIAL_DATE}"),
            col("period_end", "string", f"End of implementation: {PARTIAL_DATE}"),
            col("ogp_values", "string", "OGP values, space-separated"),
            col("status", "string", STATUS),
            col("irm_specificity", "string", vocab(irm_scale("specificity"), "IRM: ")),
            col("irm_potential_impact", "string", vocab(irm_scale("potential_impact"), "IRM: ")),
            col("irm_potential", "string", vocab(irm_scale("potential"), "IRM: ")),
            col("irm_completion", "string", vocab(irm_scale("completion"), "IRM: ")),
            col("irm_early_results", "string", vocab(irm_scale("early_results"), "IRM: ")),
            col("irm_starred", "boolean", "IRM: starred commitment"),
            col("milestones_done", "integer", "Derived: milestones complete"),
            col("milestones_total", "integer", "Derived: milestones, not counting cancelled ones"),
            col("progress_percent", "integer", "Derived: milestones complete, in whole percent"),
            col("overdue_milestones", "integer", "Derived: milestones past due, not complete"),
            col("last_update", "date", "Derived: date of the latest progress entry"),
            URL,
        ),
        ("id",),
        (ForeignKey("plan", "plans"),),
    )
    for key, c in sorted(ctx.records.commitments.items()):
        facts = ctx.facts.commitments[key]
        irm = c.irm
        table.add(
            id=key,
            aliases=joined(c.aliases),
            plan=c.plan,
            ogp_id=c.ogp_id,
            title=c.title,
            theme=c.theme,
            lead=c.lead,
            supporting="; ".join(c.supporting) or None,
            period_start=c.period.start if c.period else None,
            period_end=c.period.end if c.period else None,
            ogp_values=joined(c.ogp_values),
            status=c.status,
            irm_specificity=irm.specificity if irm else None,
            irm_potential_impact=irm.potential_impact if irm else None,
            irm_potential=irm.potential if irm else None,
            irm_completion=irm.completion if irm else None,
            irm_early_results=irm.early_results if irm else None,
            irm_starred=irm.starred if irm else None,
            milestones_done=facts.done,
            milestones_total=facts.total,
            progress_percent=derived.percent(facts.done, facts.total),
            overdue_milestones=len(facts.overdue),
            last_update=facts.last_update,
            url=ctx.page("commitments", key),
        )
    return table


def milestones(ctx: ExportContext) -> Table:
    table = Table(
        "milestones",
        "Milestones",
        "One row per milestone of a commitment, in the commitment's order.",
        (
            col("commitment", "string", "The commitment's id"),
            col("id", "string", "The milestone's id within its commitment"),
            col("position", "integer", "Order within the commitment, from 1"),
            col("title", "string", "Title"),
            col("due", "string", f"Due: {PARTIAL_DATE}, or ongoing"),
            col("status", "string", vocab(model.MilestoneStatus)),
            col("done", "string", f"Completed: {PARTIAL_DATE}"),
            col("overdue", "boolean", "Derived: past due on the as-of date and not complete"),
            URL,
        ),
        ("commitment", "id"),
        (ForeignKey("commitment", "commitments"),),
    )
    for key, c in sorted(ctx.records.commitments.items()):
        for position, m in enumerate(c.milestones, start=1):
            table.add(
                commitment=key,
                id=m.id,
                position=position,
                title=m.title,
                due=m.due,
                status=m.status,
                done=m.done,
                overdue=is_overdue(m, ctx.today),
                url=ctx.page("commitments", key, f"milestone-{m.id}"),
            )
    return table


def progress(ctx: ExportContext) -> Table:
    table = Table(
        "progress",
        "Progress entries",
        "The status timeline of each commitment, oldest first.",
        (
            col("commitment", "string", "The commitment's id"),
            col("position", "integer", "Order in the timeline, from 1"),
            col("date", "date", "Date of the entry"),
            col("status", "string", STATUS),
            col("status_changed", "boolean", "Derived: the status differs from the entry before"),
            col("note", "string", "What happened"),
            col("evidence", "string", "Addresses of the evidence, space-separated"),
        ),
        ("commitment", "position"),
        (ForeignKey("commitment", "commitments"),),
    )
    for key, c in sorted(ctx.records.commitments.items()):
        before = None
        for position, entry in enumerate(c.progress, start=1):
            table.add(
                commitment=key,
                position=position,
                date=entry.date,
                status=entry.status,
                status_changed=entry.status != before,
                note=entry.note,
                evidence=joined(entry.evidence),
            )
            before = entry.status
    return table


def consultations(ctx: ExportContext) -> Table:
    table = Table(
        "consultations",
        "Consultations",
        "One row per public consultation.",
        (
            col("id", "string", "The consultation's id"),
            col("title", "string", "Title"),
            col("plan", "string", "The id of the plan consulted on"),
            col("timeline_published", "date", "When the timeline was put online"),
            col("opens", "date", "First day open"),
            col("closes", "date", "Last day open"),
            col("summary_published", "date", "When the summary of the input was published"),
            col("channels", "string", "Channels, space-separated"),
            col("state", "string", "Derived: upcoming | open | closed on the as-of date"),
            col("submissions", "integer", "Derived: number of written submissions"),
            URL,
        ),
        ("id",),
        (ForeignKey("plan", "plans"),),
    )
    for key, c in sorted(ctx.records.consultations.items()):
        table.add(
            id=key,
            title=c.title,
            plan=c.plan,
            timeline_published=c.timeline_published,
            opens=c.opens,
            closes=c.closes,
            summary_published=c.summary_published,
            channels=joined(c.channels),
            state=derived.consultation_state(c, ctx.today),
            submissions=len(ctx.facts.consultations[key].submissions),
            url=ctx.page("consultations", key),
        )
    return table


def submissions(ctx: ExportContext) -> Table:
    table = Table(
        "submissions",
        "Consultation submissions",
        "One row per written submission and the Forum's reasoned response. The author's name "
        "is published only with their consent; organisation and sector always are.",
        (
            col("consultation", "string", "The consultation's id"),
            col("id", "string", "The submission's id within its consultation"),
            col("submitted", "date", "Date received"),
            col("channel", "string", "How it was received"),
            col("author_name", "string", "The author's name, only when they agreed to publish it"),
            col("author_organization", "string", "The author's organisation"),
            col("author_sector", "string", "The author's sector"),
            col("outcome", "string", vocab(model.Outcome)),
            col("reason", "string", "The Forum's reasoned response"),
            col("commitments", "string", "Ids of the commitments it led to, space-separated"),
            URL,
        ),
        ("consultation", "id"),
        (ForeignKey("consultation", "consultations"),),
    )
    for _, s in sorted(ctx.records.submissions.items()):
        author, response = s.author, s.response
        table.add(
            consultation=s.consultation,
            id=s.stem,
            submitted=s.submitted,
            channel=s.channel,
            author_name=author_name(s),
            author_organization=author.organization if author else None,
            author_sector=author.sector if author else None,
            outcome=response.outcome if response else None,
            reason=response.reason if response else None,
            commitments=joined(response.commitments) if response else None,
            url=ctx.page("consultations", s.consultation, f"submission-{s.stem}"),
        )
    return table
