"""The same members at meeting after meeting: a one-line list written as the last one is
its texts again (`yamlsimple._plain_collection`), and a list of ids equal to the last one
read into the same field is that list (`references.ids_of`). Each record still gets its
own marks and problems, at its own lines, and a list written otherwise is read as its own."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from openforum.records import load_forum
from openforum.records.problems import Mark
from openforum.records.yamlnodes import Sequence
from openforum.records.yamlsimple import read_simple

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from shapes import generate

PRESENT = re.compile(r"^  present: \[(.*)\]$", re.MULTILINE)


def _meeting_files(root: Path) -> list[Path]:
    return sorted((root / "meetings").glob("*.md"))


def _edit_present(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    path.write_text(PRESENT.sub(lambda m: f"  present: [{change(m[1])}]", text), encoding="utf-8")


def test_equal_lists_are_one_list_and_unequal_ones_their_own(tmp_path: Path) -> None:
    generate("attend-all", 200, tmp_path)
    files = _meeting_files(tmp_path)
    # One meeting in the middle lists them the other way round: its list is its own.
    _edit_present(files[10], lambda ids: ", ".join(reversed(ids.split(", "))))
    records, problems = load_forum(tmp_path)
    assert not problems
    lists = [m.attendance.present for _, m in sorted(records.meetings.items())]
    everyone = sorted(records.members)
    assert lists[0] == everyone
    assert all(present is lists[0] for present in lists[:10])
    assert lists[10] == everyone[::-1]
    # The meeting after it has everyone again: read again, then shared from there on.
    assert lists[11] == everyone and lists[11] is not lists[10]
    assert all(present is lists[11] for present in lists[12:])


def test_an_unknown_id_in_a_repeated_list_is_reported_in_every_record(tmp_path: Path) -> None:
    generate("attend-all", 200, tmp_path)
    files = _meeting_files(tmp_path)
    for path in files:
        _edit_present(path, lambda ids: f"{ids}, member-99999")
    _, problems = load_forum(tmp_path)
    unknown = [p for p in problems if "member-99999" in p.message]
    assert sorted(p.path.name for p in unknown) == sorted(p.name for p in files)
    for problem in unknown:
        # Each at its own file's line and column of the id.
        lines = problem.path.read_text(encoding="utf-8").splitlines()
        line = lines[problem.mark.line - 1]
        assert line.startswith("  present: [")
        assert line[problem.mark.column - 1 :].startswith("member-99999]")


def test_a_long_list_written_as_the_last_is_its_texts_again() -> None:
    ids = [f"member-{n:05d}" for n in range(30)]
    other = [*ids[:-1], "member-99999"]  # as long, written otherwise
    first = read_simple(f"title: A\npresent: [{', '.join(ids)}]\n", 2)
    again = read_simple(f"title: B\nkind: plenary\npresent: [{', '.join(ids)}]\n", 5)
    differs = read_simple(f"title: C\npresent: [{', '.join(other)}]\n", 2)
    assert first is not None and again is not None and differs is not None
    lists = [tree.entries["present"][1] for tree in (first, again, differs)]
    assert all(isinstance(node, Sequence) for node in lists)
    assert lists[1].texts is lists[0].texts
    assert lists[2].texts == other
    # Marks are each record's own: the second list's items are on its own line.
    assert lists[1].items[3].mark == Mark(7, 11 + sum(len(i) + 2 for i in ids[:3]))
    assert lists[1].items[3].text == ids[3]
