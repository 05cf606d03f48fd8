"""The common shape of front matter, read without a YAML parser: a tree or "not simple".

Records are written in a small part of YAML: `field: value` lines, lists of `- ` items,
one-line `[a, b]` and `{k: v}` collections, plain or one-line quoted values. Reading that
part line by line in Python is several times faster than building libyaml's events one
by one. Whatever falls outside it (block scalars, escapes, values over several lines,
anchors, tags, duplicate fields, anything libyaml would refuse, anything a record is
checked for) makes `read_simple` return None, and the full reader (yamlread.py) reads the
record and says what is wrong. So a tree from here is exactly the tree the full reader
builds, marks included (tests/test_yamlsimple.py compares them), and no message comes
from here. A one-line list of plain values is handed on as its texts, its items' nodes
and marks made when asked for (yamlnodes.Sequence; tests/test_lazy_marks.py).
"""

from __future__ import annotations

import re
from functools import partial
from itertools import accumulate
from typing import ClassVar

from ..safety.characters import not_for_xml
from .problems import Mark
from .yamlnodes import Mapping, Node, Scalar, Sequence


class NotSimple(Exception):
    """The text leaves the simple part of YAML: the full reader takes it."""


# Deeper than records go; the full reader enforces its own limit (MAX_DEPTH).
_MAX_DEPTH = 8
# A field name: a word, then ':' and a space or the line's end.
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
_KEY = re.compile(rf"({_NAME.pattern}):(?: +|$)")
# Characters that cannot start a plain value, or start something else (YAML's indicators);
# '-' is let through when a non-space follows it (`-5`), checked where it matters.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# A run of plain characters in a one-line collection, up to the next flow indicator.
_FLOW_RUN = re.compile(r"[^,\[\]{}]*")
# What may follow a complete value on its line: spaces, then a comment or nothing.
_LINE_END = re.compile(r"(?: +#.*| *)$")
# `[a, b]` and `{k: v, l: w}` written the usual way (plain values, one space after each ','
# and ':') are read by splitting, with each value's column counted rather than searched.
# A value that starts with an indicator sends a collection the longer way (a pattern
# with a literal start: a pattern for this and the characters below took 20 µs a list).
_ODD_START = re.compile(r", [-?:,&*!|>%@`]")
# A ':' that ends a plain value in a collection, or that libyaml refuses there.
_COLON_ENDING = re.compile(r":(?:[ ?,]|$)")
# Mark(line, column) without the Python-level __new__ of a named tuple: the same value.
_mark = partial(tuple.__new__, Mark)


def read_simple(yaml_text: str, first_line: int) -> Mapping | None:
    """The front matter as the full reader's tree, or None when it is not simple."""
    # Text libyaml reads otherwise than as written here, or refuses: tabs, and the
    # characters YAML calls non-printable (the rest of them are refused before reading).
    # Each looked for alone: a pattern of the three is tried at every character.
    if (
        "\t" in yaml_text
        or "\ufffe" in yaml_text
        or "\uffff" in yaml_text
        or not_for_xml(yaml_text)
    ):
        return None
    try:
        return _Reader(first_line).read(yaml_text)
    except NotSimple:
        return None


class _Open:
    """A block collection being read: its indentation and its node."""

    __slots__ = ("indent", "is_mapping", "node")

    def __init__(self, indent: int, node: Mapping | Sequence) -> None:
        self.indent = indent
        self.node = node
        self.is_mapping = isinstance(node, Mapping)


class _Reader:
    def __init__(self, first_line: int) -> None:
        self.first_line = first_line

    def read(self, yaml_text: str) -> Mapping:
        stack: list[_Open] = []
        root: Mapping | None = None
        # A field or item written with no value on its line: its value is the block below.
        pending: tuple[Mapping, Scalar] | None = None
        lines = yaml_text.split("\n")
        number = 0
        while number < len(lines):
            text = lines[number]
            line = self.first_line + number
            number += 1
            content = text.lstrip(" ")
            if not content or content[0] == "#":
                continue
            indent = len(text) - len(content)
            is_item = content[0] == "-" and (len(content) == 1 or content[1] == " ")
            if pending is not None:
                parent, key = pending
                pending = None
                top = stack[-1]
                if indent > top.indent or (is_item and indent == top.indent):
                    mark = _mark((line, indent + 1))
                    node: Mapping | Sequence = Sequence([], mark) if is_item else Mapping({}, mark)
                    parent.entries[key.text] = (key, node)
                    if len(stack) >= _MAX_DEPTH:
                        raise NotSimple
                    stack.append(_Open(indent, node))
                    texts = _plain_items(lines, number - 1, indent) if is_item else None
                    if isinstance(node, Sequence) and texts is not None:
                        node.keep_block_texts(texts)  # the whole list: its lines are read
                        number += len(texts) - 1
                        continue
                else:
                    raise NotSimple  # an empty value: its mark is libyaml's to place
            elif root is None:
                if is_item:
                    raise NotSimple  # a list, not fields: the full reader says so
                root = Mapping({}, _mark((line, indent + 1)))
                stack.append(_Open(indent, root))
            else:
                while stack and (
                    indent < stack[-1].indent
                    or (indent == stack[-1].indent and not is_item and not stack[-1].is_mapping)
                ):
                    stack.pop()
                if not stack or stack[-1].indent != indent:
                    raise NotSimple
            top = stack[-1]
            if is_item:
                if top.is_mapping:
                    raise NotSimple
                pending = self.item(top.node, text, indent, line, stack)  # type: ignore[arg-type]
            else:
                if not top.is_mapping:
                    raise NotSimple
                pending = self.field(top.node, text, indent, line)  # type: ignore[arg-type]
        if root is None or pending is not None:
            raise NotSimple
        return root

    def field(
        self, mapping: Mapping, text: str, column: int, line: int
    ) -> tuple[Mapping, Scalar] | None:
        """Reads `name: value` at `column`; returns the field when its value is below."""
        found = _KEY.match(text, column)
        if found is None:
            raise NotSimple
        name = found[1]
        if name in mapping.entries:
            raise NotSimple  # a duplicate field: the full reader reports it
        key = Scalar(name, _mark((line, column + 1)), True)
        start = found.end()
        if start == len(text) or text[start] == "#":
            return mapping, key
        mapping.entries[name] = (key, self.value(text, start, line))
        return None

    def item(
        self, sequence: Sequence, text: str, column: int, line: int, stack: list[_Open]
    ) -> tuple[Mapping, Scalar] | None:
        """Reads `- value` or `- name: value` with its dash at `column`."""
        start = column + 1
        while start < len(text) and text[start] == " ":
            start += 1
        if start == len(text) or text[start] == "#" or text[start] == "-":
            raise NotSimple  # a value on the lines below, or a list in a list
        if _KEY.match(text, start):
            mapping = Mapping({}, _mark((line, start + 1)))
            sequence.items.append(mapping)
            if len(stack) >= _MAX_DEPTH:
                raise NotSimple
            stack.append(_Open(start, mapping))
            return self.field(mapping, text, start, line)
        sequence.items.append(self.value(text, start, line))
        return None

    def value(self, text: str, start: int, line: int) -> Node:
        """The value that starts at `start` and must end on this line."""
        first = text[start]
        if first == "[" or first == "{":
            plain = _plain_collection(text, start, line)
            if plain is not None:
                return plain
            node, end = self.flow(text, start, line, 0)
        elif first == '"' or first == "'":
            node, end = self.quoted(text, start, line)
        else:
            if first in _INDICATORS and not (
                first == "-" and start + 1 < len(text) and text[start + 1] not in " ,[]{}"
            ):
                raise NotSimple
            comment = text.find(" #", start)
            value = (text[start:comment] if comment >= 0 else text[start:]).rstrip(" ")
            if ": " in value or value[-1] == ":":
                raise NotSimple
            return Scalar(value, _mark((line, start + 1)), True)
        if not _LINE_END.match(text, end):
            raise NotSimple
        return node

    def quoted(self, text: str, start: int, line: int) -> tuple[Scalar, int]:
        """A quoted value closed on its line, without escapes; and where it ends."""
        quote = text[start]
        if quote == '"':
            end = text.find('"', start + 1)
            if end < 0 or "\\" in text[start + 1 : end]:
                raise NotSimple
            value = text[start + 1 : end]
        else:
            end = text.find("'", start + 1)
            while end >= 0 and text.startswith("''", end):
                end = text.find("'", end + 2)
            if end < 0:
                raise NotSimple
            value = text[start + 1 : end].replace("''", "'")
        return Scalar(value, _mark((line, start + 1)), False), end + 1

    def flow(self, text: str, start: int, line: int, depth: int) -> tuple[Node, int]:
        """A `[...]` or `{...}` collection closed on its line; and where it ends."""
        if depth >= _MAX_DEPTH:
            raise NotSimple
        is_mapping = text[start] == "{"
        close = "}" if is_mapping else "]"
        mark = _mark((line, start + 1))
        entries: dict[str, tuple[Scalar, Node]] = {}
        items: list[Node] = []
        at = _skip_spaces(text, start + 1)
        if text.startswith(close, at):
            return (Mapping(entries, mark) if is_mapping else Sequence(items, mark)), at + 1
        while True:
            if is_mapping:
                run = _FLOW_RUN.match(text, at)[0]  # type: ignore[index]
                colon = run.find(": ")
                name = run[:colon]
                if colon <= 0 or not _KEY.fullmatch(name + ": ") or name in entries:
                    raise NotSimple
                key = Scalar(name, _mark((line, at + 1)), True)
                at = _skip_spaces(text, at + colon + 1)
                node, at = self.flow_value(text, at, line, depth)
                entries[name] = (key, node)
            else:
                node, at = self.flow_value(text, at, line, depth)
                items.append(node)
            at = _skip_spaces(text, at)
            if at >= len(text):
                raise NotSimple  # continues on the next line
            if text[at] == close:
                return (Mapping(entries, mark) if is_mapping else Sequence(items, mark)), at + 1
            if text[at] != ",":
                raise NotSimple
            at = _skip_spaces(text, at + 1)
            if at >= len(text) or text[at] in ",]}":
                raise NotSimple  # an empty item or a trailing comma

    def flow_value(self, text: str, at: int, line: int, depth: int) -> tuple[Node, int]:
        if at >= len(text):
            raise NotSimple
        first = text[at]
        if first == "[" or first == "{":
            return self.flow(text, at, line, depth + 1)
        if first == '"' or first == "'":
            return self.quoted(text, at, line)
        if first in _INDICATORS and not (
            first == "-" and at + 1 < len(text) and text[at + 1] not in " ,[]{}"
        ):
            raise NotSimple
        run = _FLOW_RUN.match(text, at)[0]  # type: ignore[index]
        value = run.rstrip(" ")
        if " #" in value or (":" in value and _COLON_ENDING.search(value)):
            raise NotSimple  # a comment, a pair in a list, or a ':' libyaml refuses
        return Scalar(value, _mark((line, at + 1)), True), at + len(value)


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at


# List items that are each one plain word (an id, a date, a number, an address), one a line.
_PLAIN_ITEMS = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.@+-]*(?:\n[A-Za-z0-9_][A-Za-z0-9_.@+-]*)*")


def _plain_items(lines: list[str], first: int, indent: int) -> list[str] | None:
    """The words of a block list whose every item, from line `first` on, is `- word` at
    `indent`, one per line, and that ends there (the next line is less indented, or a
    field beside the dashes); else None to read it line by line. As `[a, b]` is kept
    (`_plain_collection`), the items' nodes are made when asked for: an attendance
    written by a YAML library is a thousand lines of `- member-id`."""
    dash = " " * indent + "- "
    end = first
    while end < len(lines) and lines[end].startswith(dash):
        end += 1
    start = indent + 2
    texts = [text[start:] for text in lines[first:end]]
    # Checked at once: a pattern per line was a fifth of reading such a forum.
    if not _PLAIN_ITEMS.fullmatch("\n".join(texts)):
        return None
    if end < len(lines):
        after = lines[end]
        content = after.lstrip(" ")
        if not content or content[0] in "#-":
            return None  # a blank or comment line, or an item of another form: line by line
        if len(after) - len(content) > indent:
            return None
    return texts


class _LastList:
    """The text and items of the last long one-line list read (`_plain_collection`)."""

    text: ClassVar[str] = ""
    items: ClassVar[list[str]] = []  # never changed in place: shared by the nodes made of it


_LONG_LIST = 20  # items; a shorter list costs less to read again than to keep


def _plain_collection(text: str, start: int, line: int) -> Sequence | Mapping | None:
    """The `[...]` or `{...}` at `start` when it is written the usual way and ends its line;
    None to read it the longer way (`_Reader.flow`)."""
    is_mapping = text[start] == "{"
    end = text.find("}" if is_mapping else "]", start)
    if end < 0 or end == start + 1 or not _LINE_END.match(text, end + 1):
        return None
    inside = text[start + 1 : end]
    mark = _mark((line, start + 1))
    if not is_mapping and inside == _LastList.text:
        # The list of the last record read, written alike (an attendance where the same
        # members attend meeting after meeting): its texts again, not split and checked.
        return Sequence.of_plain_texts(_LastList.items, mark)
    parts = inside.split(", ")
    if (
        inside[0] in _INDICATORS
        or inside[0] == " "
        or inside[-1] == " "
        or inside.count(",") != len(parts) - 1  # a ',' without its one space
        or ",  " in inside
        or " ," in inside
        # nesting, a comment or a quoted value
        or "[" in inside
        or "]" in inside
        or "{" in inside
        or "}" in inside
        or "#" in inside
        or "'" in inside
        or '"' in inside
        or _ODD_START.search(inside)
        or (
            ":" in inside  # a ':' libyaml refuses, ends a value with, or reads as a pair
            and (":," in inside or ":?" in inside or inside[-1] == ":" or not is_mapping)
            and (is_mapping or _COLON_ENDING.search(inside))
        )
    ):
        return None
    if not is_mapping:  # its items' nodes and marks are made when asked for
        if len(parts) >= _LONG_LIST:
            _LastList.text, _LastList.items = inside, parts
        return Sequence.of_plain_texts(parts, mark)
    columns = accumulate([len(part) + 2 for part in parts], initial=start + 2)
    entries: dict[str, tuple[Scalar, Node]] = {}
    for part, column in zip(parts, columns, strict=False):
        pair = part.split(": ")
        if len(pair) != 2 or not _NAME.fullmatch(pair[0]):
            return None
        name, value = pair
        if not value or value[0] in _INDICATORS or value[0] == " ":
            return None
        entries[name] = (
            Scalar(name, _mark((line, column)), True),
            Scalar(value, _mark((line, column + len(name) + 2)), True),
        )
    if len(entries) != len(parts):
        raise NotSimple  # a duplicate field: the full reader reports it
    return Mapping(entries, mark)
