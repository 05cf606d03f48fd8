"""What the meeting and member pages show of attendance, made by shortcuts for forums where
the same hundreds attend every meeting: the same as made meeting by meeting, member by
member, on forums of several shapes."""

from __future__ import annotations

import copy
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import DEMO
from openforum.kinds.members.pages import _by_year
from openforum.records import ForumRecords, load_forum
from openforum.records.model import Meeting
from openforum.site import derived

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from shapes import generate


def _forum(shape: str, folder: Path) -> ForumRecords:
    if shape == "demo":
        shutil.copytree(DEMO, folder)
    else:
        generate(shape, 300, folder)
    records, problems = load_forum(folder)
    assert not problems
    return records


def _shown(rows: list[derived.SectorAttendance]) -> list[tuple[str, list[str], list[str]]]:
    return [(r.sector, [m.stem for m in r.present], [m.stem for m in r.apologies]) for r in rows]


@pytest.mark.parametrize("shape", ["demo", "attend-all", "rotating"])
def test_sector_rows_are_each_meetings_own(shape: str, tmp_path: Path) -> None:
    records = _forum(shape, tmp_path / "forum")
    rows = derived.sector_attendance(records)
    meetings = [records.meetings[key] for key in sorted(records.meetings)]
    # A meeting with the last one's present but apologies of its own comes after it.
    first = next(m for m in meetings if m.attendance and m.attendance.present)
    twin = copy.copy(first)
    twin.attendance = copy.copy(first.attendance)
    assert twin.attendance is not None
    twin.attendance.apologies = [*twin.attendance.apologies, twin.attendance.present[0]]
    reused, last, last_rows = 0, None, None
    for meeting in [*meetings, first, twin, first]:
        found = rows(meeting)
        assert _shown(found) == _shown(derived.attendance_by_sector(records, meeting))
        reused += found is last_rows
        if found is last_rows:  # given again only to a meeting with the last one's lists
            assert last is not None and _lists(meeting) == _lists(last)
        last, last_rows = meeting, found
    if shape == "attend-all":
        assert reused >= len(meetings) - 1  # every meeting after the first had the same lists


def _lists(meeting: Meeting) -> tuple[list[str], list[str]]:
    attended = meeting.attendance
    return (attended.present, attended.apologies) if attended else ([], [])


@pytest.mark.parametrize("shape", ["demo", "attend-all", "rotating"])
def test_attendance_by_year_counts_each_members_meetings(shape: str, tmp_path: Path) -> None:
    records = _forum(shape, tmp_path / "forum")
    year_of = {key: derived.meeting_day(m).year for key, m in records.meetings.items()}
    attendance = derived.attendance(records)
    assert attendance
    for attended in attendance.values():
        present = Counter(derived.meeting_day(m).year for m in attended.present)
        apologies = Counter(derived.meeting_day(m).year for m in attended.apologies)
        expected = [
            (year, (present[year], apologies[year]))
            for year in sorted(set(present) | set(apologies), reverse=True)
        ]
        assert _by_year(attended, year_of) == expected


def _attendance_meeting_by_meeting(records: ForumRecords) -> dict[str, derived.Attendance]:
    found: dict[str, derived.Attendance] = {}
    for meeting in reversed(derived.meetings_in_order(records)):
        if meeting.attendance is None:
            continue
        present = dict.fromkeys(meeting.attendance.present)
        for member in present:
            found.setdefault(member, derived.Attendance()).present.append(meeting)
        for member in dict.fromkeys(meeting.attendance.apologies):
            if member not in present:
                found.setdefault(member, derived.Attendance()).apologies.append(meeting)
    return found


@pytest.mark.parametrize("shape", ["demo", "attend-all", "rotating", "rich"])
def test_each_members_meetings_are_found_meeting_by_meeting(shape: str, tmp_path: Path) -> None:
    records = _forum(shape, tmp_path / "forum")
    meetings = derived.meetings_in_order(records)
    if shape == "attend-all":
        # A run of meetings with one list of those present, with a meeting with apologies in
        # it (one present member among them, who stays counted present) and one whose list
        # is another object with the same ids.
        middle, later = meetings[len(meetings) // 2], meetings[len(meetings) // 3]
        assert middle.attendance is not None and later.attendance is not None
        middle.attendance.apologies = [middle.attendance.present[0], "member-99999"]
        later.attendance.present = list(later.attendance.present)
    expected = _attendance_meeting_by_meeting(records)
    found = derived.attendance(records)
    assert found.keys() == expected.keys()
    for member, attended in expected.items():
        assert found[member].present == attended.present, member
        assert found[member].apologies == attended.apologies, member
    if shape == "attend-all":
        assert found["member-99999"].apologies == [middle]
