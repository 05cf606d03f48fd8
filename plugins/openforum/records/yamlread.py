"""Strict reading of a record file: front matter fences, then YAML as a tree of marked nodes.

PyYAML's loaders guess types (`NO` becomes False, `012` becomes 10) and forget where a
value was written. Here every scalar stays the text it was written as, with its line and
column, and the model decides what a field's text means. Aliases, tags and duplicate keys
are refused rather than resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import yaml

from ..safety.characters import describe, not_for_xml
from .files import read_regular
from .heads import CONTROL, closing_fence, has_control
from .problems import START, Mark, Problems
from .yamlnodes import Mapping as Mapping
from .yamlnodes import Node as Node
from .yamlnodes import Scalar as Scalar
from .yamlnodes import Sequence as Sequence
from .yamlsimple import read_simple

MAX_RECORD_BYTES = 1_000_000
MAX_DEPTH = 12
FENCE = "---"

try:  # libyaml's parser is several times faster; events and marks are the same.
    _Parser: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader


class YAMLMark(Protocol):
    """A position as PyYAML's parser (yaml.Mark) or libyaml's (yaml._yaml.Mark) gives it."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


@dataclass(slots=True)
class RecordText:
    """A record file split into its front matter tree and its Markdown body."""

    front: Mapping
    body: str
    body_line: int


def read_record(path: Path, problems: Problems) -> RecordText | None:
    """Read one record; on failure add the problems and return None."""
    try:
        data = read_regular(path, MAX_RECORD_BYTES)
    except OSError as error:
        problems.add(path, START, f"cannot read the file: {error.strerror or error}")
        return None
    except ValueError as error:  # replaced by a FIFO or a device since it was listed
        problems.add(path, START, f"the file is {error}, not a regular file: remove it")
        return None
    if len(data) > MAX_RECORD_BYTES:
        size = path.stat().st_size
        problems.add(
            path,
            START,
            f"the file is {size:,} bytes; a record may be at most {MAX_RECORD_BYTES:,}: "
            "move long material to a linked document",
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        problems.add(
            path,
            Mark(line, column),
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}): "
            "save it with UTF-8 encoding",
        )
        return None
    if "\x00" in text:
        line = len(_LINE_BREAK.findall(text, 0, text.index("\x00"))) + 1
        problems.add(
            path,
            Mark(line, 1),
            "the file contains NUL bytes: it is binary, or UTF-16 or UTF-32 text; records "
            "are text saved as UTF-8",
        )
        return None
    return split_front_matter(path, text, problems)


_NO_KEY = "\x00no key"
_DOCUMENT_MARKER = re.compile(r"(---|\.\.\.)(\s.*)?")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# libyaml also breaks lines at NEL, LS and PS, which editors do not: they would shift every
# later line number, so in front matter they are read as spaces.
_YAML_ONLY_BREAKS = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})


def split_front_matter(path: Path, text: str, problems: Problems) -> RecordText | None:
    # Lines as editors count them: str.splitlines() would also break at form feeds and
    # other separators, and the line numbers in messages would drift.
    lines, rest = _head_lines(text)
    if lines and lines[0].startswith("\ufeff"):  # a second BOM: the first was tolerated
        problems.add(
            path, START, "a second byte-order mark (U+FEFF) starts the file: save it as UTF-8"
        )
        return None
    if not lines or lines[0].rstrip() != FENCE:
        problems.add(
            path,
            START,
            "missing front matter: a record starts with a line '---', its fields, "
            "then a closing line '---'",
        )
        return None
    close = len(lines) - 1 if len(lines) > 1 and rest is not None else None
    if close is None:
        problems.add(
            path,
            START,
            "the front matter opened on line 1 is never closed: add a line '---' after the "
            "last field",
        )
        return None
    yaml_text = "\n".join(lines[1:close])
    # Most heads hold neither a marker nor a control character: looked for in one pass,
    # and line by line only to say where.
    suspect = (
        has_control(lines[0])
        or has_control(lines[close])
        or has_control(yaml_text)
        or yaml_text.startswith(("---", "..."))
        or "\n---" in yaml_text
        or "\n..." in yaml_text
    )
    for number, line in enumerate(lines[: close + 1] if suspect else (), start=1):
        if 1 < number < close + 1 and _DOCUMENT_MARKER.fullmatch(line):
            problems.add(
                path,
                Mark(number, 1),
                f"the line '{line.strip()}' is a YAML document marker inside the front matter: "
                "the fields after it would be lost; remove it",
            )
            return None
        odd = CONTROL.search(line)
        if odd:
            what = (
                "a byte-order mark (U+FEFF)"
                if odd[0] == "\ufeff"
                else f"the control character U+{ord(odd[0]):04X}"
            )
            problems.add(
                path,
                Mark(number, odd.start() + 1),
                f"{what} is hidden in this line: delete it (editors often do not show it)",
            )
            return None
    yaml_text = yaml_text.translate(_YAML_ONLY_BREAKS)
    front = parse_mapping(path, yaml_text, first_line=2, problems=problems)
    if front is None:
        return None
    assert rest is not None
    body = _LINE_BREAK.sub("\n", rest) if "\r" in rest else rest
    return RecordText(front=front, body=body, body_line=close + 2)


def _head_lines(text: str) -> tuple[list[str], str | None]:
    """The lines up to the closing fence (included), and the text after that line; with
    no closing fence, every line and None. Only the head is split into lines: a long
    body is handed on as it is (its line breaks made "\n")."""
    fence = closing_fence(text)
    if fence is None:
        return _split_lines(text), None
    start, line, end = fence
    lines = _split_lines(text[:start])
    lines.append(line)
    return lines, text[end:]


def _split_lines(text: str) -> list[str]:
    return text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)


def parse_mapping(
    path: Path, yaml_text: str, first_line: int, problems: Problems
) -> Mapping | None:
    """Parse YAML text whose first line is `first_line` of the file into a Mapping."""
    # Most front matter is simple (yamlsimple.py) and read faster without libyaml's events.
    simple = read_simple(yaml_text, first_line)
    if simple is not None:
        return simple
    return parse_mapping_fully(path, yaml_text, first_line, problems)


def parse_mapping_fully(
    path: Path, yaml_text: str, first_line: int, problems: Problems
) -> Mapping | None:
    """`parse_mapping` by libyaml's parser, for any YAML: the one that reports problems."""
    builder = _TreeBuilder(path, first_line, problems)
    try:
        builder.read(yaml_text)
    except yaml.MarkedYAMLError as error:
        # An unclosed quote or bracket is found where the text ends; where it was opened
        # (the context mark) is the line to fix.
        mark = error.problem_mark
        context = error.context_mark
        opened = (error.context or "").startswith(
            ("while scanning a quoted", "while scanning a simple key", "while parsing a flow")
        )
        if opened and context is not None and (mark is None or context.line < mark.line):
            mark = context
        problems.add(path, builder.mark_of(mark), _syntax_message(error, yaml_text))
        return None
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        problems.add(path, Mark(first_line, 1), f"the front matter is not valid YAML: {error}")
        return None
    root = builder.root
    if root is None or (isinstance(root, Scalar) and root.is_null):
        return Mapping({}, Mark(first_line, 1))
    if not isinstance(root, Mapping):
        problems.add(
            path,
            root.mark,
            "the front matter must be a set of 'field: value' lines, not "
            + ("a list" if isinstance(root, Sequence) else "a single value"),
        )
        return None
    return root


def _syntax_message(error: yaml.MarkedYAMLError, yaml_text: str) -> str:
    problem = error.problem or "invalid YAML"
    if "maximum nesting depth" in problem:  # PyYAML >= 6.0.3 stops deep nesting itself
        return f"values are nested more than {MAX_DEPTH} levels deep; flatten them"
    message = f"YAML syntax error: {problem}"
    if error.context:
        message += f" ({error.context})"
    lines = _LINE_BREAK.split(yaml_text)
    mark = error.problem_mark
    before = lines[mark.line][: mark.column + 1] if mark and mark.line < len(lines) else ""
    if "\t" in before:
        message += ": indent with spaces, not tabs"
    elif "mapping values are not allowed" in problem:
        message += ": put quotes around a value that contains ': '"
    elif "could not find expected ':'" in problem:
        message += ": every field is written 'name: value'"
    return message


class _TreeBuilder:
    """Builds marked nodes from parser events, refusing what a record must not use."""

    def __init__(self, path: Path, first_line: int, problems: Problems) -> None:
        self.path = path
        self.offset = first_line - 1
        self.problems = problems
        self.stack: list[Sequence | Mapping] = []
        self.pending_keys: list[Scalar | None] = []
        self.root: Node | None = None

    def mark_of(self, yaml_mark: YAMLMark | None) -> Mark:
        if yaml_mark is None:
            return Mark(self.offset + 1, 1)
        return Mark(yaml_mark.line + 1 + self.offset, yaml_mark.column + 1)

    def report(self, mark: Mark, message: str) -> None:
        # Reported, not fatal: the rest of the record is still checked in the same run.
        self.problems.add(self.path, mark, message)

    def read(self, yaml_text: str) -> None:
        parser = _Parser(yaml_text)
        try:
            while True:
                event = parser.get_event()
                if event is None or type(event) is yaml.StreamEndEvent:
                    break
                self.feed(event)
        finally:
            parser.dispose()

    def feed(self, event: yaml.Event) -> None:
        # Ordered by frequency: this runs once per event of every record. `type(event) is`
        # is the fastest test, and mypy narrows the event's type by it.
        if type(event) is yaml.ScalarEvent:
            mark = self.mark_of(event.start_mark)
            if event.tag is not None and event.tag != "!":
                self._report_tag(event.tag, mark)
            plain = not event.style and event.implicit[0]
            odd = not_for_xml(event.value)
            if odd:  # only an escape in quotes can write it: raw ones are refused earlier
                self.report(
                    mark,
                    f"{describe(odd[0])} is written here (as an escape in quotes); feeds and "
                    "other XML cannot carry it: remove it",
                )
            self._add(Scalar(event.value, mark, plain))
        elif type(event) is yaml.MappingEndEvent or type(event) is yaml.SequenceEndEvent:
            self.stack.pop()
            self.pending_keys.pop()
        elif type(event) is yaml.MappingStartEvent or type(event) is yaml.SequenceStartEvent:
            mark = self.mark_of(event.start_mark)
            if event.tag is not None and event.tag != "!":
                self._report_tag(event.tag, mark)
            if len(self.stack) >= MAX_DEPTH:
                raise yaml.MarkedYAMLError(
                    problem=f"values are nested more than {MAX_DEPTH} levels deep",
                    problem_mark=_python_mark(event.start_mark),
                )
            node: Sequence | Mapping = (
                Mapping({}, mark) if type(event) is yaml.MappingStartEvent else Sequence([], mark)
            )
            self._add(node)
            self.stack.append(node)
            self.pending_keys.append(None)
        elif type(event) is yaml.AliasEvent:
            mark = self.mark_of(event.start_mark)
            self.report(
                mark,
                f"YAML aliases are not allowed (*{event.anchor}): write the value out in full",
            )
            self._add(Scalar("", mark, plain=True))

    def _report_tag(self, tag: str, mark: Mark) -> None:
        self.report(mark, f"YAML tags are not allowed ({tag}): write a plain value")

    def _add(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = self.pending_keys[-1]
        if key is None:
            if not isinstance(node, Scalar):
                self.report(node.mark, "a field name must be a plain word, not a list or mapping")
                key = Scalar(_NO_KEY, node.mark, plain=True)
            self.pending_keys[-1] = node if isinstance(node, Scalar) else key
            return
        self.pending_keys[-1] = None
        if key.text == _NO_KEY:  # its problem is reported; its value has nowhere to go
            return
        if key.text in parent.entries:
            first = parent.entries[key.text][0].mark
            self.report(
                key.mark,
                f"duplicate field '{key.text}' (first written on line {first.line}): keep only one",
            )
            return
        parent.entries[key.text] = (key, node)


def _python_mark(mark: YAMLMark | None) -> yaml.Mark | None:
    """libyaml's position as PyYAML's, which its errors are declared to carry."""
    return None if mark is None else yaml.Mark("", 0, mark.line, mark.column, None, 0)
