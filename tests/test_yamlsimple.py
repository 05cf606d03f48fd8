"""The simple front-matter reader against the full one (libyaml's events), which it stands in for.

Wherever `read_simple` returns a tree it must be the full reader's tree, marks and quoting
included, with no problem reported; wherever the full reader reports a problem it must
decline. Compared on every record of the demo forum, the real US records, forums of every
benchmark shape, hand-written edge cases, and mutated copies of real lines.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import yaml

from openforum.records import yamlread
from openforum.records.problems import Problems
from openforum.records.yamlnodes import Mapping, Sequence
from openforum.records.yamlread import parse_mapping_fully, read_record
from openforum.records.yamlsimple import read_simple

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "bench"))
from shapes import SHAPES, generate  # noqa: E402

FIRST_LINE = 2  # front matter starts on a file's second line


def agrees(yaml_text: str) -> bool:
    """The simple reader declines or builds the full reader's tree; True when it read it."""
    simple = read_simple(yaml_text, FIRST_LINE)
    if simple is None:
        return False
    problems = Problems()
    full = parse_mapping_fully(Path("r.md"), yaml_text, FIRST_LINE, problems)
    assert not list(problems) and not problems.warnings, (yaml_text, list(problems))
    assert simple == full, yaml_text
    return True


def front_matters(root: Path) -> list[str]:
    """The YAML text of every record under `root`, as the reader hands it to a parser."""
    texts: list[str] = []

    def capture(path: Path, yaml_text: str, first_line: int, problems: Problems) -> None:
        texts.append(yaml_text)

    original = yamlread.parse_mapping
    yamlread.parse_mapping = capture
    try:
        for path in sorted(root.rglob("*.md")):
            read_record(path, Problems())
    finally:
        yamlread.parse_mapping = original
    return texts


def test_every_demo_and_real_record_agrees() -> None:
    texts = front_matters(PROJECT / "forum_records")
    read = sum(agrees(text) for text in texts)
    # The demo forum is mostly simple: the speed of `validate` rests on that.
    assert read >= 0.8 * len(texts)
    real = front_matters(PROJECT.parent.parent / "shared" / "realdata")
    for text in real:
        agrees(text)


@pytest.mark.parametrize("shape", SHAPES)
def test_every_generated_record_is_read_simply(shape: str, tmp_path: Path) -> None:
    generate(shape, 300, tmp_path)
    texts = front_matters(tmp_path)
    assert len(texts) > 250
    assert all(agrees(text) for text in texts)


def test_records_written_by_a_yaml_library_are_read_simply(tmp_path: Path) -> None:
    # Front matter written by PyYAML's dumper (a list one item a line) is read simply,
    # each list of plain words kept as its texts, as a one-line list is.
    generate("rotating", 300, tmp_path)
    dumped = [
        yaml.safe_dump(yaml.safe_load(text), sort_keys=False, allow_unicode=True)
        for text in front_matters(tmp_path)
    ]
    assert all(agrees(text) for text in dumped)
    meetings = [read_simple(text, FIRST_LINE) for text in dumped if "\nattendance:\n" in text]
    lists = [tree.entries["attendance"][1] for tree in meetings if tree is not None]
    present = [a.entries["present"][1] for a in lists if isinstance(a, Mapping)]
    written = [p for p in present if isinstance(p, Sequence) and len(p)]  # not `[]`
    assert len(written) > 20
    assert all(p.texts and p._items is None for p in written)


SIMPLE = [
    "title: A b\n",
    "  title: indented root\n  kind: x\n",
    "title: 'it''s'\nother: \"a: b # c\"  # comment\n",
    "a: -5\nb: a:b\nc: a#b\nd: x  # note\ne: é ü 中文 😀 x\nf: [é, 😀a, b]\n",
    "list:\n- a\n- b\nnext: 1\n",
    "list:\n  - a\n  - [b, c]\n  - {x: 1, y: two words}\n",
    "agenda:\n  - title: t\n    items: [a]\n  -   title: u\nafter: v\n",
    "deep:\n  a:\n    b:\n      c: [1, [2, {d: e}]]\n",
    "empty: []\nnone: {}\nspaced: [ a ,b,   c ]\npairs: {a: 1,b: 2 }\n",
    "# comment\n\nkey: value\n   # indented comment\n\nother: v\n",
    "q: ['a, b', \"c]\"]\nm: {k: 'v', l: \"w\"}\n",
    "x:   # below\n  y: 1\n",
    "t: a\xa0b\xa0\nc: x #\n",
    "u: [10:00, https://x.example/a, x::y]\nv: {u: http://x, w: a:b}\n",
    "w: [ https://x.example , a:b ]\nx: {k:  v, l: w}\n",
    # Lists one word a line, as YAML libraries write them, and what may follow them.
    "at:\n  present:\n  - m-1\n  - m-2\n  apologies:\n    - x\nnext: 1\n",
    "l:\n  - 2024-01-02\n  - a.b@c.org\n  - null\n  - 1+2\n  - _x\n",
    "l:\n- a\n- b  # c\n- 'q'\n",
    "l:\n- a\n\n- b\n# c\n- c\n",
    "l:\n  - a\n  - b: 1\n",
]

NOT_SIMPLE = [
    "",
    "# only a comment\n",
    "- a\n- b\n",
    "just text\n",
    "a: 1\na: 2\n",
    "m: {a: 1, a: 2}\n",
    "m:\n  a: 1\n  a: 2\n",
    "a: b: c\n",
    "a:\n",
    "a:\nb: 1\n",
    "a: long\n  continued\n",
    "a:\n  text below\n",
    "a: |\n  block\n",
    "a: >\n  folded\n",
    "a: &x 1\nb: *x\n",
    "a: !tag 1\n",
    'a: "esc\\n"\n',
    'a: "open\n  close"\n',
    "a: [1,\n  2]\n",
    "a: [1, 2,]\n",
    "a: [1, , 2]\n",
    "a: [a: b]\n",
    "a: [x:]\n",
    "a: [x:, y]\n",
    "a: {k: x:, l: y}\n",
    "a: [x:?]\n",
    "a: {x: y:}\n",
    "a: {b}\n",
    'a: "x"y\n',
    'a: "x"#y\n',
    "a:\tb\n",
    "\ta: b\n",
    "- - a\n",
    "a:\n  - - b\n",
    "a:\n  -\n    b: 1\n",
    "a: 1\n  b: 2\n",
    "a:\n    b: 1\n  c: 2\n",
    "a:\n  - x\n  b: 1\n",
    "a:\n  - x\n  - y\n   z\n",
    "a:\n  - x\n    - y\n",
    "a: %x\n",
    "a: @x\n",
    "a: `x`\n",
    "a: ?x\n",
    "'quoted key': 1\n",
    "a: \ufdd0\n",
    "a: x\uffff\n",
    "a: " + "[" * 13 + "]" * 13 + "\n",
]


@pytest.mark.parametrize("text", SIMPLE)
def test_simple_forms_are_read_as_libyaml_reads_them(text: str) -> None:
    assert agrees(text)


@pytest.mark.parametrize("text", NOT_SIMPLE)
def test_other_forms_are_left_to_the_full_reader(text: str) -> None:
    assert read_simple(text, FIRST_LINE) is None


def test_mutated_records_agree(tmp_path: Path) -> None:
    """Real lines with one to three characters changed: every tree read is the full
    reader's. (Found: a ':' before ',' in a list, a ']' inside `{...}`, spaces after ':'.)"""
    generate("rotating", 120, tmp_path / "rotating")
    generate("long-bodies", 120, tmp_path / "long")
    texts = [
        *front_matters(tmp_path / "rotating"),
        *front_matters(tmp_path / "long"),
        *front_matters(PROJECT / "forum_records"),
    ]
    alphabet = [*" -:,#[]{}'\"&*!|>%@`?\\\té0a", "\n", "\n  ", "- ", ": ", "  ", "\n- ", ", "]
    rng = random.Random(16)
    read = 0
    for _ in range(12000):
        text = rng.choice(texts)
        for _ in range(rng.choice((1, 1, 2, 3))):
            at = rng.randrange(len(text) + 1)
            cut = at + rng.choice((0, 0, 1, 2))
            text = text[:at] + rng.choice(alphabet) + text[cut:]
        read += agrees(text)
    assert read > 2000  # many changes keep a record simple
