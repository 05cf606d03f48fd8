"""The public site built from the demo forum: meetings, members, consultations, the Forum.

Privacy is checked across every built file: non-public contacts and withheld names never
appear anywhere, the search index included.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from html_tree import Element, content
from openforum.facts.meetings import meeting_facts
from openforum.facts.roster import voting_roster
from openforum.kinds.consultations.pages import OUTCOMES, WITHHELD
from openforum.site import derived, labels
from site_build import TODAY, BuiltSite, demo_site

TODAY_DATE = date.fromisoformat(TODAY)


@pytest.fixture(scope="session")
def site() -> BuiltSite:
    return demo_site()


def badge(element: Element) -> tuple[str, str]:
    found = element.find("span", class_="of-badge")
    value = next(c for c in found.classes if c.startswith("of-badge--"))
    return value.removeprefix("of-badge--"), found.text


# Meetings ------------------------------------------------------------------------------------


def test_meeting_pages_show_notice_attendance_and_votes(site: BuiltSite) -> None:
    for key, m in site.records.meetings.items():
        page = content(site.page(f"meetings/{key}/"))
        assert page.find("h1").text.startswith(m.title)
        assert labels.long_date(m.start) in page.find("h1").text
        assert badge(page.find(class_="of-status"))[0] == m.status
        notice = meeting_facts(m, site.records, TODAY_DATE).notice_days
        if notice is not None:
            assert f"{notice} day{'' if notice == 1 else 's'} before the meeting" in page.text
        items = [
            li.attrs.get("id")
            for li in page.find_all("li")
            if li.parent and "of-agenda" in li.parent.classes
        ]
        assert items == [f"item-{n}" for n in range(1, len(m.agenda) + 1)]
        if m.attendance and m.attendance.present:
            foot = page.find("tfoot").find_all("td")
            assert [int(td.text) for td in foot] == [
                len(m.attendance.present),
                len(m.attendance.apologies),
            ]
        for decision in m.decisions:
            row = page.by_id(f"decision-{decision.id}")
            cells = [td.text for td in row.find_all("td")]
            assert cells[0] == decision.id and cells[-1] == labels.label(decision.result)
            if decision.votes:
                votes = decision.votes
                assert cells[3:6] == [str(votes.in_favour), str(votes.against), str(votes.abstain)]
            else:
                assert "no vote" in cells


def test_quorum_counts_substitutes_only_for_absent_members(site: BuiltSite) -> None:
    held = [m for m in site.records.meetings.values() if m.status == "held" and m.attendance]
    for m in held:
        q = meeting_facts(m, site.records, TODAY_DATE).quorum
        assert q is not None
        text = content(site.page(f"meetings/{m.stem}/")).find("p", class_="of-quorum").text
        assert text.startswith(f"{q.present} of {q.seats} voting seat{'' if q.seats == 1 else 's'}")
        assert ("Quorum met" in text) == q.met


def test_a_member_page_names_the_substitutes_who_stood_for_the_member(site: BuiltSite) -> None:
    expected: dict[str, set[str]] = {}
    for member in site.records.members.values():
        for seat in member.seats:
            if seat.substitute_for:
                expected.setdefault(seat.substitute_for, set()).add(member.stem)
    assert len(expected) >= 2  # the demo forum has substitutes for more than one member
    for key in site.records.members:
        page = content(site.page(f"members/{key}/"))
        line = next((p for p in page.find_all("p") if p.text.startswith("Substitutes:")), None)
        if key not in expected:
            assert line is None
            continue
        assert line is not None
        linked = {a.attrs["href"].strip("/").split("/")[-1] for a in line.find_all("a")}
        assert linked == expected[key]


def test_meetings_list_upcoming_and_past_by_year(site: BuiltSite) -> None:
    page = content(site.page("meetings/"))
    headings = [h.text for h in page.find_all("h2")]
    years = sorted({m.start.year for m in site.records.meetings.values()}, reverse=True)
    assert headings[0] == "Upcoming"
    assert [int(h) for h in headings[1:]] == [
        y for y in years if any(derived.meeting_day(m) < TODAY_DATE for m in _in(site, y))
    ]
    links = {a.attrs["href"] for a in page.find_all("a")}
    assert all(f"{key}/" in links for key in site.records.meetings)


def _in(site: BuiltSite, year: int) -> list:
    return [m for m in site.records.meetings.values() if m.start.year == year]


# Members and privacy -------------------------------------------------------------------------


def test_members_page_counts_current_seats_by_sector(site: BuiltSite) -> None:
    page = content(site.page("members/"))
    sitting = derived.sitting(site.records, TODAY_DATE)
    table = page.find("table")
    total = table.find("tfoot").find_all("td")[-2].text
    assert int(total) == len(sitting)
    voting = table.find("tfoot").find_all("td")[-1].text
    assert int(voting) == len(voting_roster(site.records, TODAY_DATE))
    by_sector = Counter(m.sector for m, _ in sitting)
    for row in table.find("tbody").find_all("tr"):
        sector = row.find("th").text
        assert int(row.find_all("td")[-2].text) == by_sector[_value(sector)]
    past = [
        m for m in site.records.members.values() if m.seats and not derived.seat_on(m, TODAY_DATE)
    ]
    for member in past:
        assert member.name in page.text


def _value(text: str) -> str:
    return next(s for s in derived.SECTORS if labels.label(s) == text)


def test_member_pages_list_seats_and_meetings(site: BuiltSite) -> None:
    for key, member in site.records.members.items():
        page = content(site.page(f"members/{key}/"))
        assert page.find("h1").text == member.name
        present = [
            m
            for m in site.records.meetings.values()
            if m.attendance and key in m.attendance.present
        ]
        assert f"Present at {len(present)} meeting{'' if len(present) == 1 else 's'}" in page.text
        if member.seats:
            rows = page.find("table").find("tbody").find_all("tr")
            assert len(rows) == len(member.seats)


def _all_text(site: BuiltSite) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8")
        for p in site.root.rglob("*")
        if p.suffix in {".html", ".json"}
    )


def test_private_contacts_and_withheld_names_never_appear(site: BuiltSite) -> None:
    everything = _all_text(site)
    members = site.records.members.values()
    private = [
        m.contact.email for m in members if m.contact and m.contact.email and not m.contact.public
    ]
    public = [m for m in members if m.contact and m.contact.email and m.contact.public]
    assert private and public
    for email in private:
        assert email not in everything
    for member in public:
        assert member.contact and member.contact.email
        page = site.page(f"members/{member.stem}/").read_text(encoding="utf-8")
        assert f'href="mailto:{member.contact.email}"' in page
    withheld = [
        s for s in site.records.submissions.values() if s.author and not s.author.publish_name
    ]
    published = [s for s in site.records.submissions.values() if s.author and s.author.publish_name]
    assert withheld and published
    for s in withheld:
        assert s.author and s.author.name
        assert s.author.name not in everything, s.key
    for s in published:
        assert s.author and s.author.name
        page = content(site.page(f"consultations/{s.consultation}/"))
        heading = page.by_id(f"submission-{s.stem}").find("h3").text
        assert heading == f"Submission {s.stem}: {s.author.name}"
    for partner in site.records.partners.values():
        contact = partner.point_of_contact
        if contact and not contact.public:
            assert contact.name not in everything


# Consultations -------------------------------------------------------------------------------


def test_consultation_pages_answer_every_submission(site: BuiltSite) -> None:
    for key in site.records.consultations:
        page = content(site.page(f"consultations/{key}/"))
        submissions = derived.submissions_of(site.records, key)
        outcomes = Counter(s.response.outcome for s in submissions if s.response)
        table = page.find("table", id=None)
        for section in page.find_all("div", class_="of-submission"):
            assert section.find("h3").attrs["id"].startswith("submission-")  # search anchors
        assert len(page.find_all("div", class_="of-submission")) == len(submissions)
        assert len(page.find_all("div", class_="of-response")) == len(submissions)
        rows = {r.find_all("td")[0].text: int(r.find_all("td")[1].text) for r in _outcomes(page)}
        assert rows == {labels.label(o): outcomes[o] for o in OUTCOMES}
        withheld = sum(1 for s in submissions if not (s.author and s.author.publish_name))
        assert page.text.count(f": {WITHHELD}") == withheld
        assert table is not None


def _outcomes(page: Element) -> list[Element]:
    heading = next(h for h in page.find_all("h2") if h.text == "Outcomes")
    assert heading.parent is not None
    siblings = [c for c in heading.parent.children if isinstance(c, Element)]
    table = siblings[siblings.index(heading) + 1]
    return table.find("tbody").find_all("tr")


# The Forum, assessments, partners --------------------------------------------------------------


def test_forum_page_shows_rules_and_resources_by_year(site: BuiltSite) -> None:
    forum = site.records.forum
    assert forum is not None
    page = content(site.page("forum/"))
    assert page.find("h1").text == forum.name
    years = [th.text for th in page.find_all("th", scope="rowgroup")]
    assert years == [str(y) for y in sorted({r.year for r in forum.resources}, reverse=True)]
    for resource in forum.resources:
        assert f"{labels.amount(resource.amount)} {resource.currency}" in page.text
    assert labels.label(forum.rules.decision_rule) in page.text


def test_assessment_and_partner_pages(site: BuiltSite) -> None:
    for key, a in site.records.assessments.items():
        page = content(site.page(f"assessments/{key}/"))
        assert page.find("h1").text == a.title
    for key, p in site.records.partners.items():
        page = content(site.page(f"partners/{key}/"))
        assert page.find("h1").text == p.name
        rows = page.find("table").find("tbody").find_all("tr") if p.reviews else []
        assert len(rows) == len(p.reviews)
        for phase in p.phases:
            assert labels.label(phase) in page.text
