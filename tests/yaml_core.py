"""Front matter as an editor's YAML language server sees it: YAML 1.2's core schema.

PyYAML resolves YAML 1.1 (`NO` is false, `2024-03-12` a date object), which is neither
what the loader nor what an editor does; the JSON Schemas are written for YAML 1.2, so
the tests read the loader's own tree of texts and resolve plain values the 1.2 way.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openforum.records.problems import Mark, Problems
from openforum.records.yamlread import Mapping, Node, Scalar, read_record

_NULL = re.compile(r"null|Null|NULL|~|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_OCTAL = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def core_value(node: Node) -> Any:
    if isinstance(node, Mapping):
        return {key: core_value(value) for key, (_, value) in node.entries.items()}
    if not isinstance(node, Scalar):
        return [core_value(item) for item in node.items]
    text = node.text
    if not node.plain:
        return text
    if _NULL.fullmatch(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.fullmatch(text):
        return int(text)
    if _OCTAL.fullmatch(text):
        return int(text[2:], 8)
    if _HEX.fullmatch(text):
        return int(text[2:], 16)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def front_matter(path: Path) -> Any:
    """A record's front matter as YAML 1.2 values; fails the test when it cannot be read."""
    problems = Problems()
    record = read_record(path, problems)
    assert record is not None, list(problems)
    return core_value(record.front)


_FLOW_PLAIN = re.compile(r"[A-Za-z0-9_.(/<][^,\[\]{}#:\"']*")


def dump(value: Any) -> str:
    """`value` as flow YAML that reads back, under YAML 1.2's core schema, as `value`."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {dump(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(dump(item) for item in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    plain = _FLOW_PLAIN.fullmatch(text) and text == text.strip()
    if plain and core_value(Scalar(text, _START, plain=True)) == text:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def record_file(front: dict[str, Any], body: str = "") -> str:
    """A record file whose front matter is `front`, one top-level field per line."""
    lines = [f"{key}: {dump(value)}" for key, value in front.items()]
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body


_START = Mark(1, 1)
