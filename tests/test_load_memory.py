"""Records loaded hold little per list item: where every member attends every meeting, the
items of attendance lists are millions at 10,000 records (issue 16: peak memory 1 GB)."""

from __future__ import annotations

import gc
import re
import sys
import tracemalloc
from pathlib import Path

from openforum.kinds.meetings.model import Meeting
from openforum.records import ForumRecords, load_forum

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from shapes import generate

# Bytes held per attendance item once loaded: its mark (line, column), its reference (checked
# across records), its slots in the list and in the record's marks. A string, a marks key or
# a field path of its own per item adds 60 to 120 bytes each.
BYTES_PER_ITEM = 260
_PRESENT = re.compile(r"^(  present: \[)([^,\]]+)[^\]]*\]", re.MULTILINE)


def _loaded(root: Path) -> tuple[ForumRecords, int]:
    """The records and the bytes they hold (with their problems: a vote now counts more
    members than are present, a few messages beside a thousand items)."""
    gc.collect()
    tracemalloc.start()
    try:
        records, _ = load_forum(root)
        gc.collect()
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return records, held


def _items(records: ForumRecords) -> int:
    return sum(len(m.attendance.present) for m in records.meetings.values() if m.attendance)


def test_an_attendance_item_holds_its_mark_and_reference_and_no_copies(tmp_path: Path) -> None:
    generate("attend-all", 400, tmp_path)
    assert not load_forum(tmp_path)[1]  # and every module the loading needs is imported
    full, held_full = _loaded(tmp_path)
    for meeting in (tmp_path / "meetings").glob("*.md"):  # one member present at each
        text = meeting.read_text("utf-8")
        meeting.write_text(_PRESENT.sub(r"\1\2]", text), "utf-8")
    few, held_few = _loaded(tmp_path)
    items = _items(full) - _items(few)
    assert items > 3000
    assert (held_full - held_few) / items < BYTES_PER_ITEM


def test_records_are_left_out_of_the_collectors_passes_and_hold_no_cycle(
    tmp_path: Path,
) -> None:
    generate("rotating", 300, tmp_path / "generated")
    for root in (Path(__file__).resolve().parents[1] / "forum_records", tmp_path / "generated"):
        gc.unfreeze()
        gc.collect()
        records, problems = load_forum(root)
        assert not problems and gc.get_freeze_count() > 1000  # frozen as loaded
        assert _alive(Meeting) == 0  # out of the collector's sight
        gc.unfreeze()
        assert _alive(Meeting) >= len(records.meetings) > 10
        del records, problems
        # Nothing loaded is garbage in a cycle: frozen, nothing was kept that its count
        # of references would not have freed.
        assert gc.collect() == 0


def _alive(kind: type) -> int:
    return sum(isinstance(thing, kind) for thing in gc.get_objects())
