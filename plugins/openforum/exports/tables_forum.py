"""CSV tables of the Forum's life: meetings, agenda items, decisions, attendance, members,
seats (public fields only: contact details only with consent) and resources."""

from __future__ import annotations

from collections.abc import Iterable

from ..facts.roster import seat_on
from ..records import model
from .context import ExportContext, iso_utc
from .public import public_contact
from .tables import URL, ForeignKey, Table, col, joined, plain, vocab

TZ_NOTE = "in the Forum's timezone, without offset (YYYY-MM-DDTHH:MM)"


def meetings(ctx: ExportContext) -> Table:
    table = Table(
        "meetings",
        "Meetings",
        "One row per meeting, with notice, minutes and quorum.",
        (
            col("id", "string", "The meeting's id"),
            col("title", "string", "Title"),
            col("kind", "string", vocab(model.MeetingKind)),
            col("status", "string", vocab(model.MeetingStatus)),
            col("start", "datetime", "Start, in UTC"),
            col("end", "datetime", "End, in UTC"),
            col("local_start", "string", f"Start {TZ_NOTE}"),
            col("local_end", "string", f"End {TZ_NOTE}"),
            col("location_name", "string", "Venue"),
            col("location_address", "string", "Venue address"),
            col("location_online", "string", "Address to join online", "uri"),
            col("announced", "date", "When the notice (agenda, date, venue) was published"),
            col("notice_days", "integer", "Derived: days between notice and meeting"),
            col("minutes_status", "string", vocab(model.MinutesStatus)),
            col("minutes_published", "date", "When the minutes were published"),
            col("minutes_approved_in", "string", "The meeting that approved the minutes"),
            col("minutes_lag_days", "integer", "Derived: days between meeting and minutes"),
            col("voting_seats", "integer", "Derived: voting seats on the meeting's date"),
            col("present", "integer", "Derived: voting members counted present"),
            col("quorum_needed", "integer", "Derived: voting members needed for the quorum"),
            col("quorum_met", "boolean", "Derived: the quorum was met"),
            URL,
        ),
        ("id",),
        (ForeignKey("minutes_approved_in", ""),),
    )
    for key, m in sorted(ctx.records.meetings.items()):
        facts = ctx.facts.meetings[key]
        where, minutes, quorum = m.location, m.minutes, facts.quorum
        table.add(
            id=key,
            title=m.title,
            kind=m.kind,
            status=m.status,
            start=iso_utc(ctx.utc(m.start)),
            end=iso_utc(ctx.utc(m.end)) if m.end else None,
            local_start=ctx.local(m.start).strftime("%Y-%m-%dT%H:%M"),
            local_end=ctx.local(m.end).strftime("%Y-%m-%dT%H:%M") if m.end else None,
            location_name=where.name if where else None,
            location_address=where.address if where else None,
            location_online=where.online if where else None,
            announced=m.announced,
            notice_days=facts.notice_days,
            minutes_status=minutes.status if minutes else None,
            minutes_published=minutes.published if minutes else None,
            minutes_approved_in=minutes.approved_in if minutes else None,
            minutes_lag_days=facts.minutes_lag,
            voting_seats=facts.attendance.voting_seats if facts.attendance else None,
            present=facts.attendance.present if facts.attendance else None,
            quorum_needed=quorum.needed if quorum else None,
            quorum_met=quorum.met if quorum else None,
            url=ctx.page("meetings", key),
        )
    return table


def agenda_items(ctx: ExportContext) -> Table:
    table = Table(
        "agenda_items",
        "Agenda items",
        "One row per item on a meeting's agenda, in order.",
        (
            col("meeting", "string", "The meeting's id"),
            col("position", "integer", "Order on the agenda, from 1"),
            col("title", "string", "Title"),
            col("commitments", "string", "Ids of the commitments discussed, space-separated"),
            col("documents", "string", "Addresses of the item's documents, space-separated"),
            URL,
        ),
        ("meeting", "position"),
        (ForeignKey("meeting", "meetings"),),
    )
    for key, m in sorted(ctx.records.meetings.items()):
        for position, item in enumerate(m.agenda, start=1):
            table.add(
                meeting=key,
                position=position,
                title=item.title,
                commitments=joined(item.commitments),
                documents=joined(d.url for d in item.documents),
                url=ctx.page("meetings", key, f"item-{position}"),
            )
    return table


def decisions(ctx: ExportContext) -> Table:
    table = Table(
        "decisions",
        "Decisions",
        "One row per decision, with the votes and what the decision rule gives from them.",
        (
            col("id", "string", "The decision's id, unique across the Forum"),
            col("meeting", "string", "The meeting's id"),
            col("text", "string", "What was decided"),
            col("rule", "string", "The decision rule applied (the Forum's rule when not given)"),
            col("votes_for", "integer", "Votes for"),
            col("votes_against", "integer", "Votes against"),
            col("votes_abstain", "integer", "Abstentions"),
            col("result", "string", vocab(model.DecisionResult, "As recorded: ")),
            col("computed_result", "string", "Derived: what the rule gives from the votes"),
            col("result_agrees", "boolean", "Derived: the recorded result is what the rule gives"),
            col("commitments", "string", "Ids of the commitments concerned, space-separated"),
            URL,
        ),
        ("id",),
        (ForeignKey("meeting", "meetings"),),
    )
    rows = []
    for key in sorted(ctx.records.meetings):
        for check in ctx.facts.meetings[key].decisions:
            d, votes = check.decision, check.decision.votes
            rows.append(
                dict(
                    id=d.id,
                    meeting=key,
                    text=d.text,
                    rule=check.rule,
                    votes_for=votes.in_favour if votes else None,
                    votes_against=votes.against if votes else None,
                    votes_abstain=votes.abstain if votes else None,
                    result=d.result,
                    computed_result=check.computed,
                    result_agrees=None if check.computed is None else not check.disagrees,
                    commitments=joined(d.commitments),
                    url=ctx.page("meetings", key, f"decision-{d.id}"),
                )
            )
    for row in sorted(rows, key=lambda r: str(r["id"])):
        table.add(**row)
    return table


def attendance(ctx: ExportContext) -> Table:
    table = Table(
        "attendance",
        "Attendance",
        "Who was present, who sent apologies, and guests, per meeting.",
        (
            col("meeting", "string", "The meeting's id"),
            col("attendance", "string", "present | apologies | guest"),
            col("member", "string", "The member's id (empty for guests)"),
            col("guest", "string", "The guest, as recorded"),
            col("counted", "boolean", "Derived: counted towards the quorum (held meetings)"),
            col("stands_in_for", "string", "Derived: the absent member a substitute counted for"),
        ),
        (),
        (ForeignKey("meeting", "meetings"), ForeignKey("member", "members")),
    )
    # Ids the CSV holds as they are: the rows of a meeting with only such ids are written
    # as lines, a tenth of the time of a list of cells each (millions where every member
    # attends every meeting).
    plain_ids = {member for member in ctx.records.members if plain(member)}
    # Each line of a present member, less its meeting's id, by whether they were counted:
    # a meeting's lines are then its id joined with them (one C call for hundreds).
    tails = {
        flag: {member: f",present,{member},,{flag},\r\n" for member in plain_ids}
        for flag in ("true", "false")
    }
    for key, m in sorted(ctx.records.meetings.items()):
        if m.attendance is None:
            continue
        count = ctx.facts.meetings[key].attendance
        # In the columns' order: meeting, attendance, member, guest, counted, stands_in_for.
        present = m.attendance.present
        if count is None:  # not held: nobody counted
            table.add_all((key, "present", member, None, None, None) for member in present)
        else:
            stood_in = dict(count.stood_in)
            # Counted towards the quorum: a voter, or a substitute for an absent member.
            counted = set(count.counted) | stood_in.keys()  # a set: hundreds present
            if (
                plain(key)
                and plain_ids.issuperset(present)
                and plain_ids.issuperset(stood_in.values())
            ):
                lines: Iterable[str] = (
                    map(tails["true"].__getitem__, present)
                    if not stood_in and counted.issuperset(present)
                    else (
                        f",present,{p},,{'true' if p in counted else 'false'},{stood_in[p]}\r\n"
                        if p in stood_in
                        else tails["true" if p in counted else "false"][p]
                        for p in present
                    )
                )
                table.add_lines(key + key.join(lines) if present else "", len(present))
            else:
                table.add_all(
                    (key, "present", member, None, member in counted, stood_in.get(member))
                    for member in present
                )
        not_counted = None if count is None else False
        table.add_all(
            (key, "apologies", member, None, not_counted, None) for member in m.attendance.apologies
        )
        table.add_all(
            (key, "guest", None, guest, not_counted, None) for guest in m.attendance.guests
        )
    return table


def members(ctx: ExportContext) -> Table:
    table = Table(
        "members",
        "Members",
        "People and organisations holding seats. Contact details only with their consent.",
        (
            col("id", "string", "The member's id"),
            col("name", "string", "Name"),
            col("kind", "string", vocab(model.MemberKind)),
            col("sector", "string", vocab(model.Sector)),
            col("organization", "string", "The person's organisation: a member id or a name"),
            col("email", "string", "Email, only when the member agreed to publish it"),
            col("phone", "string", "Phone, only when the member agreed to publish it"),
            col("current_role", "string", "Derived: the seat held on the as-of date"),
            col("current_voting", "boolean", "Derived: that seat votes"),
            URL,
        ),
        ("id",),
    )
    for key, member in sorted(ctx.records.members.items()):
        contact = public_contact(member) or {}
        seat = seat_on(member, ctx.today)
        table.add(
            id=key,
            name=member.name,
            kind=member.kind,
            sector=member.sector,
            organization=member.organization,
            email=contact.get("email"),
            phone=contact.get("phone"),
            current_role=seat.role if seat else None,
            current_voting=seat.votes if seat else None,
            url=ctx.page("members", key),
        )
    return table


def seats(ctx: ExportContext) -> Table:
    table = Table(
        "seats",
        "Seats",
        "Every term held by a member, oldest first.",
        (
            col("member", "string", "The member's id"),
            col("position", "integer", "Order among the member's terms, from 1"),
            col(
                "role", "string", "chair | co_chair | member | substitute | observer | secretariat"
            ),
            col("from", "date", "First day of the term"),
            col("to", "date", "Last day of the term; empty when open-ended"),
            col("voting", "boolean", "The seat votes (by default chair, co_chair and member)"),
            col("substitute_for", "string", "The member a substitute stands in for"),
        ),
        ("member", "position"),
        (ForeignKey("member", "members"), ForeignKey("substitute_for", "members")),
    )
    for key, member in sorted(ctx.records.members.items()):
        for position, seat in enumerate(member.seats, start=1):
            table.add(
                member=key,
                position=position,
                role=seat.role,
                voting=seat.votes,
                substitute_for=seat.substitute_for,
                **{"from": seat.start, "to": seat.end},
            )
    return table


def resources(ctx: ExportContext) -> Table:
    table = Table(
        "resources",
        "Resources",
        "Resources allocated to the Forum, by year and source.",
        (
            col("year", "integer", "Year"),
            col("source", "string", "Who provided them"),
            col("amount", "number", "Amount, as recorded"),
            col("currency", "string", "Currency (ISO 4217 code)"),
            col("purpose", "string", "What they were for"),
        ),
    )
    forum = ctx.records.forum
    for r in forum.resources if forum else []:
        table.add(
            year=r.year, source=r.source, amount=r.amount, currency=r.currency, purpose=r.purpose
        )
    return table
