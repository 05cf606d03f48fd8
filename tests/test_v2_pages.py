"""Pages that read well with what real records hold: long titles, HTML minutes, pasted
bullets, attendance kept in the minutes, and a plan of 400 commitments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from html_tree import parse
from openforum.site.pasted_text import bullets_to_lists
from v2_forum import clean, forum, site, write

TODAY = date(2025, 1, 15)
MINUTES = """
<table border="1" style="width:100%">
<tr><td><p><b>Item</b></p></td><td><p>Outcome</p></td></tr>
<tr><td>Budget portal</td><td>Agreed</td></tr>
</table>

Present: Ana, Ben and two observers. Apologies: Cai.

The Forum agreed:
• to publish the draft
• to meet again in March
◦ the secretariat sends the invitation
The meeting closed at noon.
"""


def test_minutes_with_html_tables_and_pasted_bullets(tmp_path: Path) -> None:
    forum(tmp_path)
    title = "Joint session " + "on the co-creation of the national action plan " * 6
    write(
        tmp_path,
        "meetings/m1.md",
        f"title: {title.strip()}\nkind: plenary\nstatus: held\nstart: 2024-03-01T10:00",
        MINUTES,
    )
    page = parse(site(clean(tmp_path), TODAY).pages["meetings/m1.md"].html)
    cells = [td.text for td in page.find_all("td")]
    assert "Budget portal" in cells and "Agreed" in cells  # the table survives cleaning
    items = [li.text for li in page.find_all("li")]
    assert "to publish the draft" in items
    assert any(item.startswith("to meet again in March") for item in items)
    assert "the secretariat sends the invitation" in items  # one level in
    closing = [p.text for p in page.find_all("p") if "closed at noon" in p.text]
    assert closing == ["The meeting closed at noon."]  # not glued to the last item
    attendance = page.by_id("attendance")
    following = attendance.parent.children[attendance.parent.children.index(attendance) + 2]
    assert "Attendance is given in the minutes" in str(following)
    assert "Attendance by sector" not in page.text


def test_bullets_in_code_and_dashes_in_sentences_are_left_alone() -> None:
    text = "```\n• not a list\n```\n\u2013 a dash opening a sentence"
    assert bullets_to_lists(text) == text


def test_a_plan_of_400_commitments(tmp_path: Path) -> None:
    forum(tmp_path)
    for number in range(1, 401):
        lead = f"Agency number {number % 150}"
        milestones = "" if number % 2 else "milestones:\n  - {id: 1, title: M, status: complete}\n"
        write(
            tmp_path,
            f"commitments/nap1-{number}.md",
            f"title: Commitment {number}\nplan: nap1\nlead: {lead}\nstatus: limited\n{milestones}",
        )
    pages = site(clean(tmp_path), TODAY).pages
    table = parse(pages["commitments/index.md"].html).by_id("commitments-table")
    rows = table.find("tbody").find_all("tr")
    assert [row.find("a").text for row in rows[:11]] == [f"nap1-{n}" for n in range(1, 12)]
    assert rows[-1].find("a").text == "nap1-400"
    assert "0 of 0" not in table.text
    leads = {row.attrs["data-lead"] for row in rows}
    assert len(leads) == 150  # the filter offers text search beyond 30 names (openforum.js)
    plan = parse(pages["plans/nap1.md"].html)
    assert "(0 of 0)" not in plan.text
    first = parse(pages["commitments/nap1-1.md"].html)
    assert "No milestones are recorded" in first.find("dl").text
