"""Record files split and written with python-frontmatter, the strict reader as its handler.

`RecordHandler` is a python-frontmatter handler that splits at lines of exactly `---`,
reads the front matter with this project's strict reader (values stay the text written;
aliases, tags and duplicate fields are refused, each with its line and column in the
file) and writes it back as YAML that reader reads to the same texts. Commands that write
records (`new`, `import`) write through `write_record`; `read_post` reads a record for
editing. The loader keeps its own splitter (yamlread.py): python-frontmatter's `loads`
strips the text and the body, so line numbers in the body and in a file starting with
blank lines would be wrong, and it turns a failed split into "no front matter" instead
of an error (see the README, "Front matter").
"""

from __future__ import annotations

import re
from collections.abc import Mapping as AnyMapping
from datetime import date
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import BaseHandler

from .problems import START, Problems
from .yamlread import Mapping, Node, Scalar, parse_mapping, split_front_matter

FENCE = "---"
_LINE_BREAK = re.compile(r"\r\n|\r")


class RecordError(Exception):
    """A record file the strict reader refuses; the message lists path:line:col: problem."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__(
            "\n".join(f"{p.path}:{p.mark.line}:{p.mark.column}: {p.message}" for p in problems)
        )


class PlainText(str):
    """A value written without quotes (`1`, `true`, `2024-01-02`), and written back so:
    fields such as numbers and booleans must be written plain."""


class _Writer(yaml.SafeDumper):
    """Safe YAML that writes a PlainText without quotes, as the tag it reads as."""


def _write_plain(dumper: _Writer, value: PlainText) -> yaml.Node:
    read_as = yaml.compose(str(value), Loader=yaml.SafeLoader)  # the tag it reads as, plain
    tag = read_as.tag if isinstance(read_as, yaml.ScalarNode) else "tag:yaml.org,2002:str"
    return dumper.represent_scalar(tag, str(value))


_Writer.add_representer(PlainText, _write_plain)


class RecordHandler(BaseHandler):
    """python-frontmatter's handler API with the project's strict YAML reader."""

    # Exactly three dashes on a line (YAMLHandler's `-{3,}\s*` also swallows blank lines).
    FM_BOUNDARY = re.compile(r"^---[^\S\n]*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = FENCE

    def __init__(self, path: Path = Path("record.md")) -> None:
        super().__init__()
        self.path = path  # named in the problems

    def split(self, text: str) -> tuple[str, str]:
        """Front matter and body; the front matter keeps the fence line's line break, so
        its line N is line N of the file. What the loader refuses (no closing fence, a
        document marker or a control character inside) is an error, never an empty front."""
        problems = Problems()
        if split_front_matter(self.path, text, problems) is None:
            raise RecordError(problems)
        # Line breaks as editors count them, each one line, as the loader counts them.
        _, front, body = self.FM_BOUNDARY.split(_LINE_BREAK.sub("\n", text), 2)
        return front, body.removeprefix("\n")

    def load(self, fm: str) -> dict[str, Any]:
        """The fields as the text written (lists and mappings of texts, PlainText where
        written without quotes); strictly read."""
        problems = Problems()
        front = parse_mapping(self.path, fm, first_line=1, problems=problems)
        if front is None or problems:
            raise RecordError(problems)
        return {key: _plain(value) for key, (_, value) in front.entries.items()}

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        """YAML in the fields' order, non-ASCII text as written, one field per line."""
        text: str = yaml.dump(
            metadata,
            Dumper=_Writer,
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=False,
            width=100,
        )
        return text.rstrip("\n")


def record_text(fields: AnyMapping[str, object], body: str, path: Path = Path("record.md")) -> str:
    """A record file's text; RecordError if the strict reader would not read it back to
    the same values (a value of a type YAML cannot write plainly)."""
    handler = RecordHandler(path)
    post = frontmatter.Post(body.strip("\n"), handler, **fields)
    text = frontmatter.dumps(post, handler) + "\n"
    read_back = handler.load(handler.split(text)[0])
    if read_back != {key: _as_text(value) for key, value in fields.items()}:
        problems = Problems()
        problems.add(path, START, "a field's value does not read back as written")
        raise RecordError(problems)
    return text


def write_record(path: Path, fields: AnyMapping[str, object], body: str) -> None:
    path.write_text(record_text(fields, body, path), encoding="utf-8")


def read_post(path: Path) -> frontmatter.Post:
    """A record as a Post (fields as written, as text), strictly read; RecordError else."""
    handler = RecordHandler(path)
    text = path.read_text(encoding="utf-8-sig")
    fm, body = handler.split(text)
    return frontmatter.Post(body, handler, **handler.load(fm))


def _plain(node: Node) -> Any:
    if isinstance(node, Scalar):
        if node.is_null:
            return None
        return PlainText(node.text) if node.plain else node.text
    if isinstance(node, Mapping):
        return {key: _plain(value) for key, (_, value) in node.entries.items()}
    return [_plain(item) for item in node.items]


def _as_text(value: object) -> Any:
    """A value as the strict reader gives it back: the text YAML writes for it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, AnyMapping):
        return {str(key): _as_text(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_as_text(item) for item in value]
    return str(value)
