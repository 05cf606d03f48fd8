"""Commitment pages and the status table across plans."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...records.model import Commitment, IrmAssessment, Milestone
from ...site import derived, labels
from ...site.context import Context, GeneratedPage, SearchEntry
from ...site.render import Links, card
from ...site.urls import record_src, relative_file, section_src

IRM_FIELDS = (
    ("specificity", labels.N_("Specificity")),
    ("potential_impact", labels.N_("Potential impact")),
    ("potential", labels.N_("Potential for results")),
    ("completion", labels.N_("Completion")),
    ("early_results", labels.N_("Early results")),
)


@dataclass(frozen=True, slots=True)
class MilestoneRow:
    milestone: Milestone
    overdue: bool


@dataclass(frozen=True, slots=True)
class CommitmentRow:
    """One line of the status table; `lead` is the lead's display name."""

    commitment: Commitment
    lead: str
    progress: derived.Progress
    overdue: bool
    status_rank: int


def commitment_title(commitment: Commitment) -> str:
    # The id leads the title so that search and browser tabs show it.
    return f"{commitment.stem}: {commitment.title}"


def irm_rows(irm: IrmAssessment) -> list[tuple[str, str]]:
    rows = [(labels._(name), labels.label(getattr(irm, attr))) for attr, name in IRM_FIELDS]
    rows = [(name, value) for name, value in rows if value]
    if irm.starred is not None:
        rows.append((labels._("Starred"), labels._("Yes") if irm.starred else labels._("No")))
    return rows


def rows(ctx: Context, commitments: list[Commitment]) -> list[CommitmentRow]:
    members = ctx.records.members
    return [
        CommitmentRow(
            commitment=c,
            lead=members[c.lead].name if c.lead in members else (c.lead or ""),
            progress=derived.progress(ctx.facts, c),
            overdue=derived.commitment_overdue(c, ctx.today, derived.plan_closed(ctx.records, c)),
            status_rank=derived.COMMITMENT_STATUSES.index(c.status),
        )
        for c in commitments
    ]


def commitment_pages(ctx: Context) -> Iterator[GeneratedPage]:
    for key, c in ctx.each(ctx.records.commitments):
        closed = derived.plan_closed(ctx.records, c)
        src = record_src("commitments", key)
        title = commitment_title(c)
        done = derived.progress(ctx.facts, c)
        plan = ctx.records.plans.get(c.plan)
        summary = labels.say(
            "Status: %(status)s. %(done)s of %(total)s milestones complete. A commitment of "
            "the %(plan)s.",
            status=labels.label(c.status),
            done=done.done,
            total=done.total,
            plan=plan.title if plan else c.plan,
        )
        latest = c.progress[-1].date if c.progress else None
        lead = Links(ctx.records, src).member_name(c.lead)
        status = labels.label(c.status)
        found_by = labels.say("Lead: %(lead)s. Status: %(status)s.", lead=lead, status=status)
        found_by = found_by if lead else summary
        yield ctx.page(
            src,
            "commitment.html.j2",
            title,
            source=c.path,
            search=(SearchEntry.of(title, found_by, tags=(key,)),),
            meta=card(title, summary, relative_file(src, f"feeds/commitments/{key}.atom")),
            citation=ctx.citation(
                src, title, labels.say("Commitment %(id)s", id=key), c.path, latest
            ),
            feed=relative_file(src, f"feeds/commitments/{key}.atom"),
            c=c,
            body=ctx.body(c.body, levels=0),
            overdue=derived.commitment_overdue(c, ctx.today, closed),
            progress=done,
            milestones=[
                MilestoneRow(m, not closed and derived.milestone_overdue(m, ctx.today))
                for m in c.milestones
            ],
            irm=irm_rows(c.irm) if c.irm else [],
            mentions=ctx.mentions.get(key, derived.Mentions()),
        )


def commitments_index(ctx: Context) -> GeneratedPage:
    plans = list(reversed(derived.plans_in_order(ctx.records)))
    ordered = [c for plan in plans for c in ctx.commitments_of(plan.stem)]
    listed = {c.stem for c in ordered}
    # Commitments of a plan that failed to load still belong in the table.
    ordered += [c for k, c in sorted(ctx.records.commitments.items()) if k not in listed]
    table = rows(ctx, ordered)
    return ctx.page(
        section_src("commitments"),
        "commitments_index.html.j2",
        labels._("Commitments"),
        meta={"hide": ["navigation", "toc"]},  # the table needs the width
        rows=table,
        counts=derived.status_counts(ordered),
        overdue=sum(row.overdue for row in table),
        plans={p.stem: p for p in plans},
    )


# What the site's generator asks of a kind (kinds/kind.py).
record_pages = commitment_pages
section_page = commitments_index
