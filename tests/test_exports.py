"""Exports of the demo forum: the JSON API, reproducibility, privacy and permanent links.

The formats with their own parsers (CSV and Data Package, iCalendar, Atom, Popolo) are
tested in test_exports_formats.py.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

import pytest

from conftest import DEMO, MINIMAL
from openforum.build_context import BuildContext
from openforum.exports import (
    URLS_FILE,
    ExportError,
    build_exports,
    parse_url_list,
)
from openforum.exports.context import ExportContext, dump_json
from openforum.facts.forum import derive
from openforum.records import ForumRecords, load_forum

TODAY = date(2026, 11, 23)
SITE = "https://opengov.veloria.example/"


def export(root: Path, today: date = TODAY, site: str = SITE) -> dict[str, str]:
    records, problems = load_forum(root)
    assert not problems, problems
    return build_exports(records, derive(records, today), site, today)


@cache
def demo() -> tuple[ForumRecords, dict[str, str]]:
    records, _ = load_forum(DEMO)
    return records, export(DEMO)


def api(path: str) -> dict:
    return json.loads(demo()[1][path])


# Reproducibility -----------------------------------------------------------------------------


def test_the_same_records_give_byte_identical_exports(tmp_path: Path) -> None:
    # A second load, from another folder: nothing may depend on where the records sit.
    copy = tmp_path / "elsewhere"
    shutil.copytree(DEMO, copy)
    again = export(copy)
    first = demo()[1]
    assert list(again) == list(first)
    assert [p for p in first if again[p] != first[p]] == []


def test_no_export_carries_a_build_time() -> None:
    # Every timestamp in a feed or calendar is a record's date, never "now".
    files = demo()[1]
    stamps = re.findall(r"DTSTAMP:(\d{8})", files["calendar.ics"])
    assert stamps and max(stamps) <= TODAY.strftime("%Y%m%d")
    updated = re.findall(r"<updated>(\d{4}-\d\d-\d\d)", files["feeds/updates.atom"])
    assert max(updated) <= TODAY.isoformat()


def test_exports_build_for_the_minimal_forum() -> None:
    files = export(MINIMAL, date(2024, 6, 1))
    assert "api/commitments/nap1-1.json" in files  # the alias answers
    assert files == export(MINIMAL, date(2024, 6, 1))


def test_site_url_must_be_absolute() -> None:
    records, _ = load_forum(MINIMAL)
    facts = derive(records, TODAY)
    with pytest.raises(ExportError, match="site_url"):
        build_exports(records, facts, "", TODAY)
    with pytest.raises(ExportError, match="derive the facts for the same date"):
        build_exports(records, facts, SITE, date(2020, 1, 1))


# Privacy -------------------------------------------------------------------------------------


def _unfolded(text: str) -> str:
    # iCalendar folds long lines (CRLF + space); a name may straddle a fold.
    return text.replace("\r\n ", "").replace("\n ", "")


def test_no_private_email_or_withheld_name_leaves_the_records() -> None:
    records, files = demo()
    private = {
        m.contact.email
        for m in records.members.values()
        if m.contact and m.contact.email and not m.contact.public
    }
    public = {
        m.contact.email
        for m in records.members.values()
        if m.contact and m.contact.email and m.contact.public
    }
    withheld = {
        s.author.name
        for s in records.submissions.values()
        if s.author and s.author.name and not s.author.publish_name
    }
    for partner in records.partners.values():
        contact = partner.point_of_contact
        if contact and not contact.public:
            withheld.add(contact.name)
            if contact.email:
                private.add(contact.email)
    assert len(private) >= 10 and len(withheld) >= 5  # the demo has plenty to leak
    text = "\n".join(_unfolded(t) for t in files.values())
    assert [secret for secret in private | withheld if secret in text] == []
    # The scan does find what is public, so an empty result above means something.
    assert all(email in text for email in public)


def test_submission_authors_keep_organisation_and_sector() -> None:
    records, _ = demo()
    s = next(s for s in records.submissions.values() if s.author and not s.author.publish_name)
    data = api(f"api/submissions/{s.consultation}/{s.stem}.json")
    assert data["author"]["name"] is None and data["author"]["name_published"] is False
    assert data["author"]["sector"] == s.author.sector
    assert data["author"]["organization"] == s.author.organization


# JSON API ------------------------------------------------------------------------------------


KINDS = (
    "members",
    "meetings",
    "plans",
    "commitments",
    "consultations",
    "submissions",
    "assessments",
    "partners",
    "organizations",
)


def test_every_record_has_its_json_file_and_its_collection() -> None:
    records, files = demo()
    for kind in KINDS:
        collection = api(f"api/{kind}.json")
        # Its items' texts joined: the bytes `dump_json` writes of the whole.
        assert files[f"api/{kind}.json"] == dump_json(collection, compact=True)
        expected = sorted(records.of_kind(kind))
        assert collection["count"] == len(expected) == len(collection["items"])
        keys = [
            f"{i['consultation']}/{i['id']}" if kind == "submissions" else i["id"]
            for i in collection["items"]
        ]
        assert keys == expected
        for key, item in zip(keys, collection["items"], strict=True):
            assert json.loads(files[f"api/{kind}/{key}.json"]) == item
            assert item["collection"] == kind and item["url"].startswith(SITE)
    assert api("api/forum.json")["name"] == records.forum.name


def test_a_collection_of_no_record_is_written_as_dump_json_writes_it(tmp_path: Path) -> None:
    forum = shutil.copytree(MINIMAL, tmp_path / "forum")
    for folder in ("partners", "assessments"):
        shutil.rmtree(forum / folder)
    files = export(forum, date(2024, 6, 1))
    for kind in ("partners", "assessments"):
        text = files[f"api/{kind}.json"]
        assert text == dump_json({"collection": kind, "count": 0, "items": []}, compact=True)


def test_the_index_lists_collections_and_files_that_exist() -> None:
    records, files = demo()
    index = api("api/index.json")
    assert {k: v["count"] for k, v in index["collections"].items()} == {
        kind: len(records.of_kind(kind)) for kind in KINDS
    }
    for url in index["files"]:
        assert url.removeprefix(SITE) in files, url
    assert SITE + "data/datapackage.json" in index["files"]


def test_record_fields_and_values_are_as_recorded() -> None:
    records, _ = demo()
    meeting = api("api/meetings/2024-01-23-plenary.json")
    assert meeting["start"] == "2024-01-23T10:00:00+02:00"  # Europe/Athens in winter
    assert meeting["announced"] == "2024-01-05"
    vote = next(d for d in meeting["decisions"] if d["votes"])
    assert vote["votes"] == {"for": 11, "against": 0, "abstain": 1}
    forum = api("api/forum.json")
    assert forum["rules"]["quorum"] == "1/2" and forum["rules"]["qualified_threshold"] == "2/3"
    assert [r["amount"] for r in forum["resources"]] == [
        int(r.amount) for r in records.forum.resources
    ]
    member = api("api/members/lidia-kerr.json")
    assert (
        member["contact"] is None and member["body"] == records.members["lidia-kerr"].body.strip()
    )
    seat = api("api/members/ben-okafor.json")["seats"][0]
    assert seat["from"] == "2022-03-01" and seat["to"] is None


def test_derived_facts_are_labelled_and_match_the_facts() -> None:
    records, _ = demo()
    facts = derive(records, TODAY)
    for key, found in facts.commitments.items():
        d = api(f"api/commitments/{key}.json")["derived"]
        assert d["as_of"] == TODAY.isoformat()
        assert (d["milestones_done"], d["milestones_total"]) == (found.done, found.total)
        assert d["overdue_milestones"] == [m.id for m in found.overdue]
        if found.total:
            n, m = map(int, d["progress_share"].split("/"))
            assert n * found.total == m * found.done
    meeting = api("api/meetings/2024-01-23-plenary.json")["derived"]
    assert meeting["quorum"] == {
        "share": "1/2",
        "seats": 12,
        "needed": 6,
        "present": 12,
        "met": True,
    }
    for key, found in facts.meetings.items():
        d = api(f"api/meetings/{key}.json")["derived"]
        assert [x["computed_result"] for x in d["decisions"]] == [
            c.computed for c in found.decisions
        ]
    assert "derived" not in api("api/meetings/2024-01-23-plenary.json")["decisions"][0]
    consultation = api("api/consultations/nap4-cocreation.json")["derived"]
    assert consultation["state"] == "closed" and consultation["submissions"] == 16


def test_a_renamed_record_answers_at_its_old_id() -> None:
    _, files = demo()
    assert files["api/commitments/nap3-9.json"] == files["api/commitments/nap3-09.json"]
    assert files["feeds/commitments/nap3-9.atom"] == files["feeds/commitments/nap3-09.atom"]


# Permanent links -----------------------------------------------------------------------------


def test_published_urls_lists_pages_aliases_and_every_export() -> None:
    records, files = demo()
    text = files[URLS_FILE]
    urls = parse_url_list(text)
    assert urls == sorted(set(urls)) and text.endswith("\n")
    assert {"/commitments/nap3-09/", "/commitments/nap3-9/", "/forum/"} <= set(urls)
    assert {"/" + path for path in files} <= set(urls)
    pages = [u for u in urls if not re.search(r"\.\w+$", u)]
    expected = 1 + sum(
        len(r.aliases) + 1
        for kind in KINDS
        if kind != "submissions"
        for r in records.of_kind(kind).values()
    )
    assert len(pages) == expected


def test_ids_uids_and_entry_ids_are_unique_and_stable(tmp_path: Path) -> None:
    copy = tmp_path / "again"
    shutil.copytree(DEMO, copy)
    runs = [demo()[1], export(copy)]

    def ids(files: dict[str, str]) -> tuple[list[str], list[str]]:
        uids = re.findall(r"^UID:(.*)\r$", files["calendar.ics"], flags=re.M)
        entries = re.findall(r"<id>(.*)</id>", files["feeds/updates.atom"])[1:]
        return uids, entries

    (uids, entries), again = ids(runs[0]), ids(runs[1])
    assert (uids, entries) == again
    assert len(uids) == len(set(uids)) == len(demo()[0].meetings)
    assert len(entries) == len(set(entries)) and all(e.startswith("tag:") for e in entries)


def test_times_with_an_offset_are_converted_to_the_forum_timezone() -> None:
    records, _ = demo()
    ctx = ExportContext.create(
        records,
        derive(records, TODAY),
        BuildContext.create(records.forum, today=TODAY, site_url=SITE),
    )
    written = datetime(2024, 3, 12, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert ctx.local(written).isoformat() == "2024-03-12T11:00:00+02:00"
    assert ctx.utc(datetime(2024, 7, 1, 10, 0)) == datetime(2024, 7, 1, 7, 0, tzinfo=UTC)
    assert ctx.host == "opengov.veloria.example"
    assert ctx.tag("x") == "tag:opengov.veloria.example,2022:x"
