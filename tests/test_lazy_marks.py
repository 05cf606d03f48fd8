"""The fast paths of `validate` against the plain ones they stand in for.

A one-line list of plain values keeps its texts and makes its items' marks only when a
message needs one; a list of ids is read, checked and resolved as one; a list of texts
is looked over for contact details in one pass; the members present are counted for
every meeting by one sweep; a record's head is split without trying a pattern at every
character. Each must give what the plain way gives on the same input: the same values,
marks, references and problems, on well-formed and on malformed records, and never
accept what the full reader refuses.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openforum.facts.roster import count_present, presence, present_counts
from openforum.incremental_pages import page_of, touched_pages
from openforum.kinds import ForumRecords
from openforum.kinds.meetings.model import Attendance, Meeting
from openforum.kinds.members.model import Member, Seat
from openforum.records import load_forum, personal_data, references, votes, yamlread
from openforum.records.heads import CLOSING_FENCE, CONTROL, closing_fence, has_control
from openforum.records.personal_data import contact_kind, none_holds_contact
from openforum.records.problems import Problem, Problems
from openforum.records.schema import Reading, Reference, build
from openforum.records.values import all_ids, is_id
from openforum.records.yamlnodes import Mapping, Node, Scalar, Sequence
from openforum.records.yamlread import parse_mapping_fully
from openforum.records.yamlsimple import read_simple
from openforum.site.urls import record_src

PROJECT = Path(__file__).resolve().parents[1]
REALDATA = PROJECT.parent.parent / "shared" / "realdata"
sys.path.insert(0, str(PROJECT / "bench"))
from shapes import SHAPES, generate  # noqa: E402

FIRST_LINE = 2
PATH = Path("meetings/m.md")


# --- marks made when asked for are the full reader's ---------------------------------


def lazy_lists(node: Node) -> Iterator[Sequence]:
    """The lists in a tree whose items are not made yet."""
    if isinstance(node, Sequence):
        if node.texts is not None and node._items is None:
            yield node
            return
        for item in node.items:
            yield from lazy_lists(item)
    elif isinstance(node, Mapping):
        for _, value in node.entries.values():
            yield from lazy_lists(value)


def full_node_at(full: Node, mark: tuple[int, int]) -> Sequence:
    """The list the full reader made at `mark`."""
    if isinstance(full, Sequence):
        if full.mark == mark:
            return full
        for item in full.items:
            if not isinstance(item, Scalar):
                try:
                    return full_node_at(item, mark)
                except LookupError:
                    pass
    elif isinstance(full, Mapping):
        for _, value in full.entries.values():
            if not isinstance(value, Scalar):
                try:
                    return full_node_at(value, mark)
                except LookupError:
                    pass
    raise LookupError(mark)


def lazy_marks_agree(yaml_text: str) -> int:
    """Every item mark of every lazy list, made alone from its texts, is the full reader's;
    the number of lists compared."""
    simple = read_simple(yaml_text, FIRST_LINE)
    if simple is None:
        return 0
    problems = Problems()
    full = parse_mapping_fully(PATH, yaml_text, FIRST_LINE, problems)
    assert full is not None and not problems, yaml_text
    compared = 0
    for lazy in lazy_lists(simple):
        assert lazy.texts is not None
        marks = [lazy.item_mark(index) for index in range(len(lazy))]
        assert lazy._items is None  # asking one mark makes no node
        other = full_node_at(full, lazy.mark)
        assert marks == [item.mark for item in other.items], yaml_text
        assert lazy.texts == [item.text for item in other.items if isinstance(item, Scalar)]
        assert all(isinstance(item, Scalar) and item.plain for item in other.items)
        assert lazy == other  # the items, once made, are the full reader's
        compared += 1
    assert simple == full
    return compared


def front_matters(root: Path) -> list[str]:
    texts: list[str] = []
    original = yamlread.parse_mapping

    def capture(path: Path, yaml_text: str, first_line: int, problems: Problems) -> None:
        texts.append(yaml_text)

    yamlread.parse_mapping = capture  # type: ignore[assignment]
    try:
        for path in sorted(root.rglob("*.md")):
            yamlread.read_record(path, Problems())
    finally:
        yamlread.parse_mapping = original
    return texts


def test_lazy_marks_of_demo_real_and_generated_records(tmp_path: Path) -> None:
    texts = front_matters(PROJECT / "forum_records")
    if REALDATA.is_dir():
        texts += front_matters(REALDATA)
    for shape in SHAPES:
        generate(shape, 150, tmp_path / shape)
        texts += front_matters(tmp_path / shape)
    assert sum(lazy_marks_agree(text) for text in texts) > 400


# Values of one-line lists: ids, words with the odd characters YAML treats apart.
TOKENS = st.sampled_from(
    [
        "member-00001",
        "m",
        "a-b",
        "x1",
        "é",
        "中文",
        "😀a",
        "a b",
        "-x",
        "-",
        "~",
        "null",
        "<id of a member>",
        "a:b",
        "a#b",
        "10:00",
        "https://x.example/a",
        "'q'",
        '"d"',
        "&a x",
        "*a",
        "!t x",
        "a\tb",
        "",
        " ",
        "x ",
    ]
)


@st.composite
def list_lines(draw: st.DrawFn) -> str:
    items = draw(st.lists(TOKENS, min_size=0, max_size=8))
    separator = draw(st.sampled_from([", ", ", ", ", ", ",", " , ", ",  "]))
    inside = separator.join(items)
    indent = draw(st.sampled_from(["", "  "]))
    ending = draw(st.sampled_from(["", "  # note", " ", "#x"]))
    opening, closing = draw(st.sampled_from([("[", "]"), ("[", ""), ("[", "]]"), ("[ ", " ]")]))
    return f"{indent}present: {opening}{inside}{closing}{ending}"


@st.composite
def block_list_lines(draw: st.DrawFn) -> str:
    """`present:` and its items one a line, as YAML libraries write a list; with odd items,
    comments, blank lines and continuations among them."""
    items = draw(st.lists(TOKENS, min_size=1, max_size=6))
    indent = draw(st.sampled_from(["", "  ", "    "]))
    odd = ["  # note", "", " ", "#x", "\n# c", "\n", "\n   more", "\n  - nested"]
    lines = [f"  {indent}- {item}{draw(st.sampled_from(['', '', '', *odd]))}" for item in items]
    return "  present:\n" + "\n".join(lines)


@st.composite
def front_matter_texts(draw: st.DrawFn) -> str:
    lines = ["title: Meeting", "kind: plenary", "start: 2024-01-02T10:00", "attendance:"]
    lines.append(draw(st.one_of(list_lines(), block_list_lines())))
    lines.append("  apologies: [" + ", ".join(draw(st.lists(TOKENS, max_size=3))) + "]")
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["# c", "", "  "])))
    return "\n".join(lines) + "\n"


@settings(max_examples=600, deadline=None)
@given(front_matter_texts())
def test_lazy_marks_of_generated_lists(yaml_text: str) -> None:
    lazy_marks_agree(yaml_text)
    fast_and_full_build_agree(yaml_text)


# --- a list of ids read as one gives what reading each gives ---------------------------


def built(tree: Mapping) -> tuple[Meeting, list[Problem], list[Reference], Reading]:
    reading = Reading(path=PATH, problems=Problems())
    meeting = build(Meeting, tree, reading, "meeting")
    every = [*reading.references]
    for group in reading.reference_lists:
        every.extend(group.references())
    return meeting, reading.problems.items, sorted(every, key=repr), reading


def fast_and_full_build_agree(yaml_text: str) -> None:
    """The model, its marks, problems and references from the simple reader's tree (lists
    of ids read as one) are those from the full reader's tree (each item alone)."""
    problems = Problems()
    full_tree = parse_mapping_fully(PATH, yaml_text, FIRST_LINE, problems)
    simple_tree = read_simple(yaml_text, FIRST_LINE)
    if simple_tree is None or full_tree is None:
        return
    fast, fast_problems, fast_references, _ = built(simple_tree)
    full, full_problems, full_references, reading = built(full_tree)
    assert not reading.reference_lists  # the full reader's lists are read item by item
    assert fast == full
    assert sorted(fast_problems, key=Problem.sort_key) == sorted(
        full_problems, key=Problem.sort_key
    )
    assert fast_references == full_references
    for name in ("present", "apologies"):
        fast_attendance, full_attendance = fast.attendance, full.attendance
        if fast_attendance is None or full_attendance is None:
            assert fast_attendance is full_attendance
            continue
        for index in range(-1, len(getattr(full_attendance, name)) + 2):
            assert fast_attendance.at(name, index) == full_attendance.at(name, index)


def test_lists_of_ids_in_a_meeting() -> None:
    head = "title: M\nkind: plenary\nstart: 2024-01-02T10:00\nattendance:\n"
    cases = [
        "  present: [a, b, c]\n",
        "  present: [member-1, member-2, member-1]\n",
        "  present: [a, null, b]\n",
        "  present: [a, Bad, b]\n",
        "  present: [a, -b]\n",
        "  present: [a, <id of a member>]\n",
        "  present: [a, ~]\n",
        "  present: [é, a]\n",
        "  present: [a, b]  # comment\n  apologies: [b, c]\n",
    ]
    used = 0
    for case in cases:
        fast_and_full_build_agree(head + case)
        tree = read_simple(head + case, FIRST_LINE)
        assert tree is not None
        _, _, _, reading = built(tree)
        used += bool(reading.reference_lists)
    assert used >= 3  # the lists of ids only are read as one


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["a", "z", "0", "9", "-", ",", " ", "A", "é", "٣", "_", "."])))
def test_all_ids_is_is_id_of_each(characters: list[str]) -> None:
    rng = random.Random(len(characters))
    texts = "".join(characters).split(rng.choice([", ", ",", " "]))
    assert all_ids(texts) == all(map(is_id, texts))


# --- contact details looked for in one pass ------------------------------------------


CONTACT_PIECES = st.sampled_from(
    ["member-", "0", "1", "12", "123", "-", " ", "@", ".org", "tel", ":", "+", "(", ")", "٣", "a"]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(CONTACT_PIECES, max_size=14).map("".join), min_size=1, max_size=6))
def test_no_contact_said_only_when_no_text_holds_one(texts: list[str]) -> None:
    if none_holds_contact(texts):
        assert all(contact_kind(text) is None for text in texts)


def test_a_list_with_a_contact_is_looked_at_item_by_item() -> None:
    ids = [f"member-{n:05d}" for n in range(50)]
    assert none_holds_contact(ids)
    for odd in ("x@example.org", "202-555-0143", "member-1234567", "member-٣٣٣٣٣٣٣"):
        assert not none_holds_contact([*ids, odd])


# --- the members present, counted for every meeting at once ----------------------------


ROLES = st.sampled_from(["member", "chair", "substitute", "observer"])
DAYS = st.integers(0, 40).map(lambda n: date(2024, 1, 1) + timedelta(days=n))


@st.composite
def forums_with_seats(draw: st.DrawFn) -> ForumRecords:
    records = ForumRecords(root=Path("."))
    names = [f"m{n}" for n in range(draw(st.integers(1, 6)))]
    for name in names:
        seats = []
        for _ in range(draw(st.integers(0, 3))):
            start = draw(DAYS)
            end = draw(st.one_of(st.none(), DAYS, st.just(date.max)))
            seats.append(
                Seat(
                    role=draw(ROLES),
                    start=start,
                    end=end,
                    voting=draw(st.sampled_from([None, True, False])),
                    substitute_for=draw(st.sampled_from([None, "", *names, "ghost"])),
                )
            )
        records.members[name] = Member(name=name, kind="person", sector="government", seats=seats)
    for number in range(draw(st.integers(1, 6))):
        day = draw(DAYS)
        present = draw(st.lists(st.sampled_from([*names, "ghost"]), max_size=8))
        records.meetings[f"x{number}"] = Meeting(
            title="M",
            kind="plenary",
            status="held",
            start=datetime(day.year, day.month, day.day, 10),
            attendance=Attendance(present=present),
        )
    return records


@settings(max_examples=800, deadline=None)
@given(forums_with_seats())
def test_present_counts_are_count_present(records: ForumRecords) -> None:
    counts = present_counts(records)
    found = presence(records)
    for meeting in records.meetings.values():
        assert counts[id(meeting)] == count_present(meeting, records).present
        assert found[id(meeting)] == count_present(meeting, records)


# --- a record's closing fence found from each '---' ------------------------------------


FENCE_PIECES = st.sampled_from(
    ["---", "-", "\n", "\r", "\r\n", "\ufeff", " ", "\t", "\x0b", "\x85", "\u2028", "a", "..."]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(FENCE_PIECES, max_size=14).map("".join))
def test_closing_fence_is_the_patterns(text: str) -> None:
    match = CLOSING_FENCE.search(text)
    expected = None if match is None else (match.start(), match[1], match.end())
    assert closing_fence(text) == expected


@settings(max_examples=3000, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            [
                "a",
                " ",
                "\t",
                "\n",
                "\r",
                "\x00",
                "\x0b",
                "\x1f",
                "\x7f",
                "~",
                "\x85",
                "\x9f",
                "é",
                "\ufeff",
            ]
        ),
        max_size=12,
    )
)
def test_control_characters_are_found_as_the_pattern_finds_them(text: str) -> None:
    assert has_control(text) == (CONTROL.search(text) is not None)


# --- whole forums, fast and plain, malformed records included --------------------------


@contextmanager
def plain_paths(monkeypatch: pytest.MonkeyPatch, simple_reader: bool) -> Iterator[None]:
    """Every fast path of this module turned off (the simple reader too, or not)."""
    with monkeypatch.context() as patch:
        if not simple_reader:
            patch.setattr(yamlread, "read_simple", lambda text, first: None)
        patch.setattr(references, "all_ids", lambda texts: False)
        patch.setattr(personal_data, "none_holds_contact", lambda texts: False)
        patch.setattr(votes, "_present_of", lambda records: {})

        def fence(text: str) -> tuple[int, str, int] | None:
            match = CLOSING_FENCE.search(text)
            return None if match is None else (match.start(), match[1], match.end())

        patch.setattr(yamlread, "closing_fence", fence)
        patch.setattr(yamlread, "has_control", lambda text: bool(CONTROL.search(text)))
        yield


SPOILS = [
    # (pattern in a meeting's attendance line, replacement): unknown, repeated, odd ids
    (r"present: \[member-(\d+)", r"present: [member-99999, member-\1, member-\1"),
    (r"present: \[", "present: [Member-00001, "),
    (r"present: \[", "present: [null, ~, "),
    (r"present: \[", "present: [<id of a member>, "),
    (r"present: \[", "present: ['member-00001', "),
    (r"present: \[", "present: [member-00001 x, "),
    (r"present: \[", "present: [mémber-1, "),
    (r"present: \[", "present: [member-1234567, "),
    (r"present: \[", "present: [&a member-00002, *a, "),
    (r"present: \[", "present: [!t member-00002, "),
    (r"present: \[", "present: [\tmember-00002, "),
    (r"present: \[(.*)\]", r"present: [\1"),  # unclosed
    (r"present: \[(.*)\]", r"present: [\1]]"),
    (r"present: \[(.*)\]", r"present: [\1] # seen"),
    (r"present: \[(.*)\]", r"present: [\1, 'open]"),
    (
        r"present: \[(member-\d+)(.*)\]",
        r"present: [\1\2]\n  apologies: [\1]\n  guests: [a@b.org, +34 91 123 45 67]",
    ),
    (r"present: \[", "present: [member-00003, member-00003,member-00004,  member-00005 ,"),
    (r"present: \[(.*)\]", "present: []"),
    (r"present: \[", "present: [\x0b"),  # a control character
    (r"(?s)^", "\ufeff"),  # a byte-order mark
    (r"(?s)\n", "\r\n"),  # CRLF line endings, every line
]


def spoil(root: Path, rng: random.Random) -> int:
    """Each spoil applied to a meeting of its own; the number applied."""
    meetings = [
        path
        for path in sorted((root / "meetings").glob("*.md"))
        if "present: [member-" in path.read_text(encoding="utf-8")
    ]
    rng.shuffle(meetings)
    applied = 0
    for path, (pattern, replacement) in zip(meetings, SPOILS, strict=False):
        text = path.read_text(encoding="utf-8")
        spoilt = re.sub(pattern, replacement, text, count=0 if pattern == r"(?s)\n" else 1)
        if spoilt != text:
            path.write_bytes(spoilt.encode("utf-8"))
            applied += 1
    # A member renamed (its old id still named in attendance) and one unreadable.
    members = sorted((root / "members").glob("*.md"))
    old = members[0]
    text = old.read_text(encoding="utf-8")
    old.rename(old.with_name("renamed.md"))
    (old.with_name("renamed.md")).write_text(
        text.replace("---\n", f"---\naliases: [{old.stem}]\n", 1), encoding="utf-8"
    )
    members[1].write_bytes(b"---\nname: [\n---\n")
    return applied


def outcome(root: Path) -> tuple[list[Problem], list[Problem], dict[str, list[object]]]:
    records, problems = load_forum(root)
    values: dict[str, list[object]] = {}
    for key, meeting in records.meetings.items():
        attendance = meeting.attendance
        if attendance is not None:
            values[key] = [
                attendance.present,
                attendance.apologies,
                [attendance.at("present", index) for index in range(len(attendance.present))],
            ]
    return list(problems), problems.warnings, values


@pytest.mark.parametrize("shape", ["rotating", "attend-all"])
def test_fast_and_plain_paths_report_the_same(
    shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / shape
    generate(shape, 500, root)
    assert spoil(root, random.Random(16)) == len(SPOILS)
    fast = outcome(root)
    messages = "\n".join(problem.message for problem in fast[0])
    for expected in (
        "no member 'member-99999'",
        "is an old id of members/renamed.md",
        "is listed both present and in apologies",
        "the control character U+000B",
        "is not a record id",
        "YAML aliases are not allowed",
    ):
        assert expected in messages  # the spoils are reported
    warned = "\n".join(problem.message for problem in fast[1])
    assert "looks like an e-mail address" in warned and "looks like a phone number" in warned
    with plain_paths(monkeypatch, simple_reader=True):
        assert outcome(root) == fast
    with plain_paths(monkeypatch, simple_reader=False):
        assert outcome(root) == fast


def test_clean_forums_read_the_same_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roots = [PROJECT / "forum_records"]
    for shape in SHAPES:
        generate(shape, 150, tmp_path / shape)
        roots.append(tmp_path / shape)
    for root in roots:
        fast = outcome(root)
        with plain_paths(monkeypatch, simple_reader=False):
            assert outcome(root) == fast, root


def test_pages_touched_by_a_save_are_found_from_lists_of_ids_too(tmp_path: Path) -> None:
    root = tmp_path / "forum"
    generate("rotating", 300, root)
    records, _ = load_forum(root)
    assert records.reference_lists

    def one_by_one(changed: set[Path]) -> set[str]:
        """touched_pages as it was, every reference alone."""
        pages = {page for path in changed if (page := page_of(root, path))}
        names = {(src.split("/")[0], src.split("/")[1].removesuffix(".md")) for src in pages}
        every = [*records.references]
        for group in records.reference_lists:
            every.extend(group.references())
        for ref in every:
            if ref.path in changed:
                pages.add(record_src(ref.kind, ref.target))
            elif (ref.kind, ref.target) in names and (page := page_of(root, ref.path)):
                pages.add(page)
        return pages

    files = sorted(root.rglob("*.md"))
    for changed in ({files[0]}, {files[len(files) // 2]}, set(files[10:13]), {files[-1]}):
        for folder in ("meetings", "members", "commitments"):
            changed |= {next((root / folder).glob("*.md"))}
            assert touched_pages(root, changed, records) == one_by_one(changed)


def test_an_id_named_by_many_records_is_one_string(tmp_path: Path) -> None:
    generate("attend-all", 80, tmp_path / "forum")
    records, _ = load_forum(tmp_path / "forum")
    lists = [m.attendance.present for m in records.meetings.values() if m.attendance]
    assert len(lists) > 3 and all(lists)
    first = {member: member for member in lists[0]}
    shared = [member for present in lists[1:] for member in present if member in first]
    assert shared and all(member is first[member] for member in shared)
    assert not references._ONE_STRING  # nothing kept once the load is over
