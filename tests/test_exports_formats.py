"""Each export read back with the parser of its standard, and checked against the records:
CSV (csv module) with its Data Package (frictionless), iCalendar (icalendar), Atom
(ElementTree, with namespaces) and Popolo (json)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

import frictionless
import pytest
from icalendar import Calendar

from conftest import DEMO
from openforum.build_context import BuildContext
from openforum.exports import build_exports, calendars
from openforum.exports.context import ExportContext
from openforum.facts.forum import ForumFacts, derive
from openforum.records import ForumRecords, load_forum

TODAY = date(2026, 11, 23)
SITE = "https://opengov.veloria.example/"
HOST = "opengov.veloria.example"
ATOM = "{http://www.w3.org/2005/Atom}"


@cache
def demo() -> tuple[ForumRecords, ForumFacts, dict[str, str]]:
    records, problems = load_forum(DEMO)
    assert not problems
    facts = derive(records, TODAY)
    return records, facts, build_exports(records, facts, SITE, TODAY)


def rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(demo()[2][f"data/{name}.csv"], newline="")))


def write_package(target: Path) -> Path:
    for path, text in demo()[2].items():
        if path.startswith("data/"):
            out = target / path
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8", newline="")
    return target / "data" / "datapackage.json"


# CSV and Data Package ------------------------------------------------------------------------


def test_csv_tables_hold_every_record() -> None:
    records, facts, _ = demo()
    meetings = records.meetings.values()
    commitments = records.commitments.values()
    members = records.members.values()
    assert len(rows("meetings")) == len(records.meetings)
    assert len(rows("agenda_items")) == sum(len(m.agenda) for m in meetings)
    assert len(rows("decisions")) == sum(len(m.decisions) for m in meetings)
    assert len(rows("attendance")) == sum(
        len(a.present) + len(a.apologies) + len(a.guests) for m in meetings if (a := m.attendance)
    )
    assert len(rows("commitments")) == len(records.commitments)
    assert len(rows("milestones")) == sum(len(c.milestones) for c in commitments)
    assert len(rows("progress")) == sum(len(c.progress) for c in commitments)
    assert len(rows("members")) == len(records.members)
    assert len(rows("seats")) == sum(len(m.seats) for m in members)
    assert len(rows("submissions")) == len(records.submissions)
    assert len(rows("plans")) == len(records.plans)
    assert len(rows("resources")) == len(records.forum.resources)

    decision = next(r for r in rows("decisions") if r["id"] == "2024-01-23-4")
    assert (decision["votes_for"], decision["votes_against"], decision["votes_abstain"]) == (
        "11",
        "0",
        "1",
    )
    assert decision["rule"] == "qualified_majority" and decision["result_agrees"] == "true"
    computed = {
        c.decision.id: c.computed or "" for f in facts.meetings.values() for c in f.decisions
    }
    assert {r["id"]: r["computed_result"] for r in rows("decisions")} == computed
    meeting = next(r for r in rows("meetings") if r["id"] == "2024-06-25-plenary")
    assert meeting["start"] == "2024-06-25T07:00:00Z"  # 10:00 in Athens, summer time
    assert meeting["local_start"] == "2024-06-25T10:00"
    progress = {r["id"]: r["progress_percent"] for r in rows("commitments")}
    assert progress["nap3-02"] == "50" and progress["nap3-04"] == "67"


def test_csv_publishes_contacts_and_names_only_with_consent() -> None:
    records, _, _ = demo()
    for row in rows("members"):
        contact = records.members[row["id"]].contact
        published = contact is not None and contact.public
        assert row["email"] == ((contact.email or "") if published else "")
    for row in rows("submissions"):
        author = records.submissions[f"{row['consultation']}/{row['id']}"].author
        assert row["author_name"] == (author.name if author.publish_name else "")


def test_the_data_package_describes_every_file_and_column() -> None:
    files = demo()[2]
    package = json.loads(files["data/datapackage.json"])
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    described = {r["path"]: r for r in package["resources"]}
    written = {p.removeprefix("data/") for p in files if p.endswith(".csv")}
    assert set(described) == written
    for path, resource in described.items():
        header = next(csv.reader(io.StringIO(files[f"data/{path}"])))
        fields = resource["schema"]["fields"]
        assert header == [f["name"] for f in fields]
        assert all(f["description"] and f["type"] for f in fields)


def test_the_data_package_is_valid(tmp_path: Path) -> None:
    report = frictionless.validate(str(write_package(tmp_path)))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_checks_the_foreign_keys(tmp_path: Path) -> None:
    # A broken reference must make the package invalid: the keys are really checked.
    descriptor = write_package(tmp_path)
    path = descriptor.parent / "milestones.csv"
    text = path.read_bytes().decode("utf-8")
    broken = text.replace("\r\nnap3-01,", "\r\nnap3-99,", 1)
    assert broken != text
    path.write_bytes(broken.encode("utf-8"))
    report = frictionless.validate(str(descriptor))
    assert not report.valid
    assert [error_type for (error_type,) in report.flatten(["type"])] == ["foreign-key"]


# iCalendar -----------------------------------------------------------------------------------


def events(path: str) -> list:
    return Calendar.from_ical(demo()[2][path]).walk("VEVENT")


def test_the_meeting_calendar_has_every_meeting_with_a_stable_uid() -> None:
    records, _, files = demo()
    found = {str(e["UID"]): e for e in events("calendar.ics")}
    assert set(found) == {
        f"meeting-{m.aliases[0] if m.aliases else k}@{HOST}" for k, m in records.meetings.items()
    }
    winter = found[f"meeting-2024-01-23-plenary@{HOST}"]
    assert winter.decoded("DTSTART") == datetime(2024, 1, 23, 8, 0, tzinfo=UTC)
    assert winter.decoded("DTEND") == datetime(2024, 1, 23, 11, 30, tzinfo=UTC)
    assert str(winter["URL"]) == SITE + "meetings/2024-01-23-plenary/"
    assert "Council Room" in str(winter["LOCATION"])
    assert winter.decoded("DTSTAMP") == datetime(2024, 2, 12, 22, 0, tzinfo=UTC)  # minutes day
    statuses = {str(e["UID"]).split("@")[0]: str(e["STATUS"]) for e in found.values()}
    assert statuses["meeting-2025-11-25-public-session"] == "CANCELLED"
    assert statuses["meeting-2025-02-11-plenary"] == "CANCELLED"  # postponed: not at that time
    assert statuses["meeting-2026-12-08-plenary"] == "CONFIRMED"  # scheduled, announced
    assert "X-WR-TIMEZONE:Europe/Athens" in files["calendar.ics"]


def test_sequence_grows_when_a_meeting_is_moved_or_cancelled() -> None:
    records, facts, _ = demo()
    ctx = ExportContext.create(
        records, facts, BuildContext.create(records.forum, today=TODAY, site_url=SITE)
    )
    meeting = records.meetings["2026-12-08-plenary"]
    moved = dataclasses.replace(
        meeting,
        start=meeting.start + timedelta(days=7),
        announced=meeting.announced + timedelta(days=3),
    )
    cancelled = dataclasses.replace(meeting, status="cancelled")
    sequence = [int(calendars.meeting_event(ctx, m)["SEQUENCE"]) for m in (meeting, moved)]
    assert sequence[0] < sequence[1]
    assert int(calendars.meeting_event(ctx, cancelled)["SEQUENCE"]) > sequence[0]
    assert (
        calendars.meeting_event(ctx, moved)["UID"] == calendars.meeting_event(ctx, meeting)["UID"]
    )


def test_consultation_and_milestone_calendars_are_all_day() -> None:
    records, _, _ = demo()
    windows = {str(e["UID"]): e for e in events("calendars/consultations.ics")}
    assert len(windows) == len(records.consultations)
    nap4 = windows[f"consultation-nap4-cocreation@{HOST}"]
    assert nap4.decoded("DTSTART") == date(2024, 3, 4)
    assert nap4.decoded("DTEND") == date(2024, 6, 1)  # the day after it closes: exclusive
    due = events("calendars/milestones.ics")
    expected = [  # an ongoing milestone has no day to be on
        (c.stem, m)
        for c in records.commitments.values()
        for m in c.milestones
        if m.due and str(m.due) != "ongoing"
    ]
    assert len(due) == len(expected) == len({str(e["UID"]) for e in due})
    for event in due:
        assert isinstance(event.decoded("DTSTART"), date)
        assert not isinstance(event.decoded("DTSTART"), datetime)


# Atom ----------------------------------------------------------------------------------------


def feed(path: str) -> ET.Element:
    root = ET.fromstring(demo()[2][path].encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{ATOM}entry")


def check_feed(root: ET.Element) -> None:
    for tag in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert root.find(ATOM + tag) is not None, tag
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and self_link.get("href", "").startswith(SITE)
    items = entries(root)
    ids = [e.findtext(f"{ATOM}id") for e in items]
    assert len(ids) == len(set(ids)) and all(i.startswith(f"tag:{HOST},") for i in ids)
    times = [datetime.fromisoformat(e.findtext(f"{ATOM}updated") or "") for e in items]
    assert all(t.tzinfo is not None for t in times)
    assert times == sorted(times, reverse=True)
    assert all(t.date() <= TODAY for t in times)
    if items:
        assert datetime.fromisoformat(root.findtext(f"{ATOM}updated") or "") == times[0]
    for item in items:
        assert item.findtext(f"{ATOM}title")
        link = item.find(f"{ATOM}link[@rel='alternate']")
        assert link is not None and link.get("href", "").startswith(SITE)


def test_every_feed_is_valid_atom() -> None:
    files = demo()[2]
    paths = [p for p in files if p.endswith(".atom")]
    records = demo()[0]
    expected = 1 + sum(  # the updates, and each commitment and plan at its id and aliases
        1 + len(r.aliases)
        for kind in ("commitments", "plans")
        for r in records.of_kind(kind).values()
    )
    assert len(paths) == expected
    for path in paths:
        check_feed(feed(path))


def test_the_updates_feed_has_each_kind_of_news() -> None:
    records, _, _ = demo()
    ids = [e.findtext(f"{ATOM}id") for e in entries(feed("feeds/updates.atom"))]
    announced = [m for m in records.meetings.values() if m.announced and m.announced <= TODAY]
    assert sum(i.endswith("/announced") for i in ids) == len(announced)
    decisions = [d for m in records.meetings.values() if m.status == "held" for d in m.decisions]
    assert sum(":decisions/" in i for i in ids) == len(decisions)
    assert f"tag:{HOST},2022:consultations/nap4-cocreation/opened" in ids
    assert f"tag:{HOST},2022:consultations/nap4-cocreation/closed" in ids
    changes = sum(
        1
        for c in records.commitments.values()
        for before, entry in zip([None, *c.progress], c.progress, strict=False)
        if (before is None or before.status != entry.status) and entry.date <= TODAY
    )
    assert sum("/progress/" in i for i in ids) == changes


def test_a_commitment_feed_has_its_progress_and_milestones() -> None:
    records, _, _ = demo()
    c = records.commitments["nap4-03"]
    items = entries(feed("feeds/commitments/nap4-03.atom"))
    done = [m for m in c.milestones if m.status == "complete" and m.done and m.done <= TODAY]
    assert len(items) == len([e for e in c.progress if e.date <= TODAY]) + len(done)
    root = feed("feeds/commitments/nap4-03.atom")
    assert root.findtext(f"{ATOM}id") == f"tag:{HOST},2022:feeds/commitments/nap4-03"


# Popolo --------------------------------------------------------------------------------------


def test_popolo_has_people_organisations_seats_meetings_and_votes() -> None:
    records, _, files = demo()
    data = json.loads(files["api/popolo.json"])
    members = records.members.values()
    people = [m for m in members if m.kind == "person"]
    assert len(data["persons"]) == len(people)
    assert len(data["organizations"]) == (
        1 + len(records.partners) + len(records.organizations) + len(members) - len(people)
    )
    assert len(data["memberships"]) == sum(len(m.seats) for m in members)
    assert {m["organization_id"] for m in data["memberships"]} == {"forum"}
    assert len(data["events"]) == len(records.meetings)
    decisions = [d for m in records.meetings.values() for d in m.decisions]
    assert len(data["motions"]) == len(decisions)
    voted = {d.id: d.votes for d in decisions if d.votes}
    assert len(data["vote_events"]) == len(voted)
    for event in data["vote_events"]:
        votes = voted[event["motion_id"].removeprefix("decisions/")]
        counts = {c["option"]: c["value"] for c in event["counts"]}
        assert counts == {"yes": votes.in_favour, "no": votes.against, "abstain": votes.abstain}
    for event in data["events"]:
        assert event["start_date"].endswith("Z")
    emails = {p.get("email") for p in data["persons"]} - {None}
    public = {m.contact.email for m in people if m.contact and m.contact.public}
    assert emails == public


@pytest.mark.parametrize("path", ["api/popolo.json", "data/datapackage.json", "api/index.json"])
def test_json_files_have_sorted_keys(path: str) -> None:
    text = demo()[2][path]
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@pytest.mark.parametrize("kind", ["meetings", "members", "commitments", "submissions"])
def test_a_collection_is_its_items_as_json_writes_them(kind: str) -> None:
    files = demo()[2]
    text = files[f"api/{kind}.json"]
    data = json.loads(text)
    assert data["count"] == len(data["items"]) > 0
    # Byte for byte what the encoder gives the whole collection, compact, keys sorted.
    whole = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    assert text == whole + "\n"
    # And each item is a record's own file (aliases repeat some).
    own = [json.loads(t) for path, t in files.items() if path.startswith(f"api/{kind}/")]
    assert all(item in own for item in data["items"])
