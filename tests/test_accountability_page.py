"""The Accountability page: every requirement with its verdict and evidence, every finding
linked to its record; meeting and consultation pages carry their own findings."""

from __future__ import annotations

from datetime import date

from html_tree import parse
from openforum import verdict_words as words
from openforum.facts.forum import derive
from site_build import TODAY, demo_site

VERDICTS = {
    "met": "Met",
    "not_met": "Not met",
    "not_verifiable": "Not verifiable",
    "not_applicable": "Not applicable",
}


def test_requirements_table_has_every_requirement_with_verdict_and_evidence() -> None:
    site = demo_site()
    page = parse(site.page("accountability/").read_text(encoding="utf-8"))
    facts = derive(site.records, date.fromisoformat(TODAY))
    assert facts.requirements
    for judgement in facts.requirements:
        row = page.by_id("requirement-" + judgement.code.replace(":", "-"))
        assert row.attrs["data-code"] == judgement.code
        assert row.attrs["data-verdict"] == judgement.verdict
        assert words.title(judgement) in row.text
        assert VERDICTS[judgement.verdict] in row.text
        assert words.figure(judgement) in row.text
        assert len(row.find_all("a")) >= len(judgement.evidence) + len(judgement.shortfalls)
        sources = [
            a.attrs["href"] for a in row.find_all("a") if "opengovpartnership" in a.attrs["href"]
        ]
        assert sources == ([words.OGP_STANDARDS_URL] if judgement.part == "ogp" else [])


def test_the_ogp_part_comes_first_and_the_forums_rules_apart() -> None:
    page = parse(demo_site().page("accountability/").read_text(encoding="utf-8"))
    codes = [tr.attrs["data-code"] for tr in page.find_all("tr") if "data-code" in tr.attrs]
    ogp = [c for c in codes if c.startswith("ogp-")]
    assert codes[: len(ogp)] == ogp  # every OGP requirement before the Forum's own rules
    assert ogp[:3] == ["ogp-1.1", "ogp-2.1", "ogp-2.2"]
    assert {"ogp-3.1:nap4", "ogp-3.2:nap4", "ogp-3.3:nap4", "ogp-4.1:nap4", "ogp-5.1:nap4"} <= set(
        ogp
    )
    rules = page.by_id("forum-rules-and-good-practice")
    assert "Forum's own rules" in rules.text
    links = [a.attrs["href"] for a in page.find_all("a")]
    assert words.OGP_STANDARDS_URL in links


def test_missed_quorum_and_late_minutes_link_to_their_meetings() -> None:
    page = parse(demo_site().page("accountability/").read_text(encoding="utf-8"))
    quorum = page.by_id("requirement-rules-quorum")
    assert "Not met" in quorum.text
    assert "Quorum not met: 5 of 12 voting members present (6 needed)" in quorum.text
    assert "../meetings/2023-02-14-plenary/" in [a.attrs["href"] for a in quorum.find_all("a")]
    minutes = page.by_id("requirement-rules-minutes")
    assert "Minutes published 55 days after the meeting" in minutes.text
    assert "../meetings/2023-09-26-plenary/" in [a.attrs["href"] for a in minutes.find_all("a")]
    pending = page.by_id("requirement-ogp-4.1-nap4")
    assert pending.attrs["data-verdict"] == "not_met"
    assert "../consultations/nap4-cocreation/#submission-s09" in [
        a.attrs["href"] for a in pending.find_all("a")
    ]
    findings = page.find_all("ul", class_="of-findings")
    items = [li for ul in findings for li in ul.find_all("li")]
    assert items and all(li.find_all("a") for li in items)  # each finding names its evidence


def test_meeting_and_consultation_pages_carry_their_findings() -> None:
    site = demo_site()
    inquorate = parse(site.page("meetings/2023-02-14-plenary/").read_text(encoding="utf-8"))
    assert "Quorum not met: 5 of 12 voting members present (6 needed)" in inquorate.text
    late = parse(site.page("meetings/2023-09-26-plenary/").read_text(encoding="utf-8"))
    assert "Minutes published 55 days after the meeting; the rules allow 30" in late.text
    consultation = parse(site.page("consultations/nap4-cocreation/").read_text(encoding="utf-8"))
    assert "Submission s09 to nap4-cocreation has no reasoned response yet" in consultation.text
