"""The Forum in Popolo (popoloproject.com), JSON serialization: api/popolo.json.

    organizations   the Forum ("forum"), members that are organisations, partners,
                    organizations (organizations/<id>, with parent_id)
    persons         members that are people
    memberships     one per seat: role, start_date, end_date, organization_id "forum"
    events          one per meeting
    motions         one per decision, with its result
    vote_events     one per decision with recorded votes: counts for yes, no, abstain

Ids are the site's paths ("members/<id>", "meetings/<id>", "decisions/<id>"), so they are
unique across classes and never change. Date-times are UTC with a Z, as Popolo's schemas ask.
Contact details follow the same consent rules as every export (see `public.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..kinds import REGISTRY
from ..records.model import Meeting, Member
from .context import ExportContext, dump_json, iso_utc, share
from .public import public_contact, public_point_of_contact

FORUM_ID = "forum"
COUNT_OPTIONS = (("yes", "in_favour"), ("no", "against"), ("abstain", "abstain"))
REQUIREMENTS = {  # records.md, "How the rules count"
    "consensus": "consensus: no objection recorded",
    "simple_majority": "simple majority: more votes for than against",
    "absolute_majority": "absolute majority: votes for above half of the voting seats",
    "qualified_majority": "qualified majority: at least {threshold} of the votes cast for",
}


def _requirement(ctx: ExportContext, rule: str) -> str:
    forum = ctx.records.forum
    threshold = share(forum.rules.qualified_threshold) if forum else None
    return REQUIREMENTS.get(rule, rule).format(threshold=threshold or "the threshold")


def _contact_details(contact: dict[str, Any] | None) -> list[dict[str, str]]:
    kinds = {"email": "email", "phone": "voice"}
    return [
        {"type": kinds[key], "value": value}
        for key, value in sorted((contact or {}).items())
        if key in kinds and value
    ]


def _member(ctx: ExportContext, member: Member) -> dict[str, Any]:
    contact = public_contact(member)
    data: dict[str, Any] = {
        "id": f"members/{member.stem}",
        "name": member.name,
        "contact_details": _contact_details(contact),
        "links": [{"url": ctx.page("members", member.stem), "note": "Page on the Forum's site"}],
    }
    if member.kind == "person":
        if contact and contact.get("email"):
            data["email"] = contact["email"]
        if member.body.strip():
            data["biography"] = member.body.strip()
    else:
        data["classification"] = member.sector
    return data


def _memberships(ctx: ExportContext, member: Member) -> list[dict[str, Any]]:
    person = member.kind == "person"
    member_id = f"members/{member.stem}"
    organisation = member.organization
    on_behalf = organisation if organisation in ctx.records.members else None
    if organisation in ctx.records.of_kind("organizations"):
        on_behalf = f"organizations/{organisation}"
    elif on_behalf:
        on_behalf = f"members/{on_behalf}"
    rows = []
    for position, seat in enumerate(member.seats, start=1):
        row: dict[str, Any] = {
            "id": f"{member_id}/seats/{position}",
            "label": f"{seat.role.replace('_', '-')} of {ctx.forum_name}",
            "role": seat.role,
            "member": {"@type": "Person" if person else "Organization", "id": member_id},
            "organization_id": FORUM_ID,
            "start_date": seat.start.isoformat(),
            "end_date": seat.end.isoformat() if seat.end else None,
            "voting": seat.votes,  # not Popolo: whether the seat votes (records.md rules)
        }
        if person:
            row["person_id"] = member_id
            if on_behalf:
                row["on_behalf_of_id"] = on_behalf
        if seat.substitute_for:
            row["substitute_for"] = f"members/{seat.substitute_for}"
        rows.append(row)
    return rows


def _location(meeting: Meeting) -> str | None:
    where = meeting.location
    if where is None:
        return None
    parts = [p for p in (where.name, where.address, where.online) if p]
    return ", ".join(parts) or None


def _event(ctx: ExportContext, meeting: Meeting) -> dict[str, Any]:
    return {
        "id": f"meetings/{meeting.stem}",
        "name": meeting.title,
        "classification": meeting.kind,
        "status": meeting.status,
        "start_date": iso_utc(ctx.utc(meeting.start)),
        "end_date": iso_utc(ctx.utc(meeting.end)) if meeting.end else None,
        "location": _location(meeting),
        "organization_id": FORUM_ID,
        "sources": [{"url": ctx.page("meetings", meeting.stem)}],
    }


def _motions(ctx: ExportContext, meeting: Meeting) -> tuple[list[dict[str, Any]], list[Any]]:
    motions, votes = [], []
    for check in ctx.facts.meetings[meeting.stem].decisions:
        d = check.decision
        common = {
            "organization_id": FORUM_ID,
            "legislative_session_id": f"meetings/{meeting.stem}",
            "result": d.result,
        }
        source = [{"url": ctx.page("meetings", meeting.stem, f"decision-{d.id}")}]
        motions.append(
            {
                "id": f"decisions/{d.id}",
                "text": d.text,
                "date": iso_utc(ctx.utc(meeting.start)),
                "requirement": _requirement(ctx, check.rule),
                "sources": source,
                **common,
            }
        )
        if d.votes is not None:
            votes.append(
                {
                    "id": f"decisions/{d.id}/vote",
                    "motion_id": f"decisions/{d.id}",
                    "start_date": iso_utc(ctx.utc(meeting.start)),
                    "counts": [
                        {"option": option, "value": getattr(d.votes, name) or 0}
                        for option, name in COUNT_OPTIONS
                    ],
                    "sources": source,
                    **common,
                }
            )
    return motions, votes


PopoloPart = Callable[[ExportContext], list[dict[str, Any]]]


def popolo(ctx: ExportContext) -> str:
    records = ctx.records
    forum = records.forum
    organizations: list[dict[str, Any]] = [
        {
            "id": FORUM_ID,
            "name": ctx.forum_name,
            "classification": "multistakeholder forum",
            "founding_date": forum.established.date.isoformat()
            if forum and forum.established
            else None,
            "links": [{"url": ctx.url("forum/"), "note": "Page on the Forum's site"}],
        }
    ]
    persons: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    for _, member in sorted(records.members.items()):
        (persons if member.kind == "person" else organizations).append(_member(ctx, member))
        memberships.extend(_memberships(ctx, member))
    for key, partner in sorted(records.partners.items()):
        contact = public_point_of_contact(partner) or {}
        organizations.append(
            {
                "id": f"partners/{key}",
                "name": partner.name,
                "classification": f"{partner.kind} partner",
                "contact_details": _contact_details({"email": contact.get("email")}),
                "links": [{"url": ctx.page("partners", key), "note": "Page on the Forum's site"}],
            }
        )
    for kind in REGISTRY:  # the Popolo organizations a kind adds (kinds/<kind>/popolo.py)
        kind_organizations: PopoloPart | None = kind.hook("popolo", "organizations")
        if kind_organizations is not None:
            organizations.extend(kind_organizations(ctx))
    events, motions, vote_events = [], [], []
    for _, meeting in sorted(records.meetings.items()):
        events.append(_event(ctx, meeting))
        found, votes = _motions(ctx, meeting)
        motions.extend(found)
        vote_events.extend(votes)
    data = {
        "organizations": sorted(organizations, key=lambda o: o["id"]),
        "persons": persons,
        "memberships": memberships,
        "events": events,
        "motions": sorted(motions, key=lambda m: m["id"]),
        "vote_events": sorted(vote_events, key=lambda v: v["id"]),
    }
    return dump_json(data)
