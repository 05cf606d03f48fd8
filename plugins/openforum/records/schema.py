"""Turns a front-matter tree into the typed model, led by the model's own annotations.

One generic reader serves every record kind: a field's annotation says what its text may
be (`date`, `Literal[...]`, `list[Seat]`, `Annotated[str, Ref("members")]`), so adding a
field to the model is the whole job of supporting it. Every problem is reported with the
line of the key or value that causes it, and reading goes on to find the next one.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args, get_origin

from .hint_words import describe, odd_characters, placeholder
from .partial_dates import DueDate, PartialDate, read_due_date, read_partial_date
from .problems import FieldPath, Mark, Problems, did_you_mean, field_phrase, one_of
from .references import Reference as Reference
from .references import ReferenceList as ReferenceList
from .references import ids_of, item_path, one_string
from .values import (
    PLACEHOLDER,
    BadValue,
    Ref,
    Url,
    is_id,
    read_bool,
    read_date,
    read_datetime,
    read_decimal,
    read_fraction,
    read_int,
    read_url,
)
from .yamlread import Mapping, Node, Scalar, Sequence

# Where a model object's fields were written: see Located.marks.
Marks = dict[str, Mark | list[Mark] | Sequence]

_SCALAR_READERS: dict[type, Callable[[str], Any]] = {
    int: read_int,
    bool: read_bool,
    date: read_date,
    datetime: read_datetime,
    Fraction: read_fraction,
    Decimal: read_decimal,
    PartialDate: read_partial_date,
    DueDate: read_due_date,
}


def key(name: str) -> dict[str, str]:
    """Field metadata for a YAML key that is a Python keyword (`for`, `from`)."""
    return {"key": name}


INTERNAL = {"internal": "true"}


@dataclass(kw_only=True, slots=True)
class Located:
    """A model object that remembers where each of its fields was written."""

    mark: Mark = field(default=Mark(1, 1), compare=False, repr=False, metadata=INTERNAL)
    # Each field's mark by name; a list's items' marks under "name[]", or the list's node,
    # when it is a list of ids, its items' marks made from it when a message needs one.
    marks: Marks = field(default_factory=dict, compare=False, repr=False, metadata=INTERNAL)
    # Fields written but not readable: their problem is reported, so checks that would
    # only repeat it in other words look here first.
    unreadable: set[str] = field(default_factory=set, compare=False, repr=False, metadata=INTERNAL)

    def at(self, name: str, index: int | None = None) -> Mark:
        """Where field `name` (or its item `index`) was written; the object's own line else."""
        if index is not None:
            items = self.marks.get(f"{name}[]")
            if isinstance(items, list) and 0 <= index < len(items):
                return items[index]
            if isinstance(items, Sequence) and 0 <= index < len(items):
                return items.item_mark(index)
        mark = self.marks.get(name)
        return mark if isinstance(mark, Mark) else self.mark


@dataclass(slots=True)
class Reading:
    """State of reading one file: where problems go and which references it makes."""

    path: Path
    problems: Problems
    references: list[Reference] = field(default_factory=list)
    reference_lists: list[ReferenceList] = field(default_factory=list)

    def problem(self, mark: Mark, message: str) -> None:
        self.problems.add(self.path, mark, message)


T = TypeVar("T", bound=Located)


@dataclass(frozen=True, slots=True)
class _FieldSpec:
    name: str
    key: str
    hint: Any
    required: bool

    @property
    def read(self) -> Reader:
        return _reader_for(self.hint)


@cache
def _fields_of(cls: type) -> dict[str, _FieldSpec]:
    hints = typing.get_type_hints(cls, include_extras=True)
    specs: dict[str, _FieldSpec] = {}
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal"):
            continue
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        yaml_key = f.metadata.get("key", f.name)
        specs[yaml_key] = _FieldSpec(f.name, yaml_key, hints[f.name], required)
    return specs


@cache
def _plan_of(cls: type) -> tuple[dict[str, tuple[_FieldSpec, Reader]], list[_FieldSpec]]:
    """Each field's spec with its reader, and the required fields, made once per class:
    looking a reader up by its annotation hashes typing's objects, slowly, every time."""
    specs = _fields_of(cls)
    return (
        {yaml_key: (spec, spec.read) for yaml_key, spec in specs.items()},
        [spec for spec in specs.values() if spec.required],
    )


def field_names(cls: type) -> list[str]:
    """The YAML keys a model class accepts, in declaration order."""
    return list(_fields_of(cls))


def field_specs(cls: type) -> list[_FieldSpec]:
    """Every YAML field of a model class (key, annotation, required), in declaration order."""
    return list(_fields_of(cls).values())


def build(cls: type[T], node: Mapping, reading: Reading, what: str, path: FieldPath = ()) -> T:
    """Read a mapping node into `cls`; problems go to `reading`, missing values get defaults.

    `what` names the mapping in messages ("meeting"); `path` is where it sits in the record
    (and names it when `what` is empty: phrased only for a message).
    """
    model: type = cls  # type[T] is hashable, but mypy does not see it for a TypeVar
    readers, required = _plan_of(model)
    values: dict[str, Any] = {}
    marks: Marks = {}
    misspelt: set[str] = set()  # required fields an unknown key was probably meant to be
    unreadable: set[str] = set()
    for yaml_key, (key_node, value_node) in node.entries.items():
        planned = readers.get(yaml_key)
        if planned is None:
            specs = _fields_of(model)
            if not what:
                what = field_phrase(path)
            suggestion = did_you_mean(yaml_key, specs)
            misspelt.update(k for k in specs if suggestion.endswith(f"'{k}'?"))
            suggestion += odd_characters(yaml_key)
            reading.problem(
                key_node.mark,
                f"unknown field '{yaml_key}' in {what}."
                + (suggestion or f" Known fields: {', '.join(specs)}"),
            )
            continue
        spec, read = planned
        marks[spec.name] = value_node.mark
        where = (*path, spec.key)
        try:
            value = read(value_node, reading, where, marks)
        except BadValue as error:
            reading.problem(value_node.mark, f"{field_phrase(where)}: {error}")
            unreadable.add(spec.name)
            continue
        if spec.required and (value is None or (isinstance(value, str) and not value.strip())):
            reading.problem(value_node.mark, f"{field_phrase(where)}: a value is required here")
            continue
        if value is not None:
            values[spec.name] = value
    for spec in required:
        if spec.name not in values and spec.key not in node.entries and spec.key not in misspelt:
            reading.problem(
                node.mark,
                f"missing field '{spec.key}' in {what or field_phrase(path)}: "
                f"add '{spec.key}: <{describe(spec.hint)}>'",
            )
    for spec in required:
        if spec.name not in values:
            values[spec.name] = placeholder(spec.hint)
    return cls(**values, mark=node.mark, marks=marks, unreadable=unreadable)


# A reader gets the node, the reading, the value's path in the record and the marks of the
# object being built (a list's items' marks go there under "key[]").
Reader = Callable[[Node, "Reading", FieldPath, Marks], Any]


@cache
def _reader_for(hint: Any) -> Reader:
    """A reader for one annotation, built once: records are many, annotations are few."""
    origin = get_origin(hint)
    if origin is typing.Annotated:
        base, *rules = get_args(hint)
        read_base = _reader_for(base)
        checks = [_rule_check(rule) for rule in rules if isinstance(rule, Url | Ref)]
        if not checks:  # other metadata says nothing about reading
            return read_base

        def read_annotated(node: Node, reading: Reading, path: FieldPath, marks: Marks) -> Any:
            value = read_base(node, reading, path, marks)
            for check in checks:
                if value is None:
                    return None
                value = check(value, node, reading, path)
            return value

        return read_annotated
    if origin in (types.UnionType, typing.Union):
        read_option = _reader_for(next(a for a in get_args(hint) if a is not type(None)))

        def read_optional(node: Node, reading: Reading, path: FieldPath, marks: Marks) -> Any:
            if isinstance(node, Scalar) and node.is_null:
                return None
            return read_option(node, reading, path, marks)

        return read_optional
    if origin is list:
        item = get_args(hint)[0]
        return _list_reader(_reader_for(item), _noun_of(item), _plain_ref(item))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _mapping_reader(hint)
    return _scalar_reader(hint)


def _noun_of(item: Any) -> str:
    """What a list's items are called in messages: "the 13th name under `present`"."""
    if dataclasses.is_dataclass(item):
        return "item"
    refers = get_origin(item) is typing.Annotated and any(
        isinstance(rule, Ref) for rule in get_args(item)[1:]
    )
    return "name" if refers else "value"


def _plain_ref(item: Any) -> Ref | None:
    """The rule of an item annotated `Annotated[str, Ref(...)]` and nothing else."""
    if get_origin(item) is not typing.Annotated:
        return None
    base, *rules = get_args(item)
    checks = [rule for rule in rules if isinstance(rule, Url | Ref)]
    if base is not str or len(checks) != 1 or not isinstance(checks[0], Ref):
        return None
    return checks[0]


def _list_reader(read_item: Reader, noun: str, ref: Ref | None) -> Reader:
    def read_list(node: Node, reading: Reading, path: FieldPath, marks: Marks) -> Any:
        if isinstance(node, Scalar) and node.is_null:
            return []
        if not isinstance(node, Sequence):
            raise BadValue(f"expected a list: write it as [{_text_of(node)}] or one '- ' per line")
        key = f"{path[-1]}[]"
        texts = node.texts
        values = None if ref is None or texts is None else ids_of(texts, ref, key)
        if values is not None:
            assert ref is not None
            node.texts = values  # the same texts, each kept once (the node is kept for marks)
            marks[key] = node  # its items' marks made from it when asked for
            reading.reference_lists.append(
                ReferenceList(ref.kind, values, reading.path, node, path, noun, ref)
            )
            return values
        # The marks alone are kept, not the nodes: a list of mappings holds their trees.
        marks[key] = [item.mark for item in node.items]
        items = []
        for index, item in enumerate(node.items):
            where = item_path(path, index, noun)
            try:
                value = read_item(item, reading, where, marks)
            except BadValue as error:
                reading.problem(item.mark, f"{field_phrase(where)}: {error}")
                continue
            if value is not None:
                items.append(value)
        return items

    return read_list


def _mapping_reader(cls: type) -> Reader:
    def read_mapping(node: Node, reading: Reading, path: FieldPath, marks: Marks) -> Any:
        if isinstance(node, Scalar) and node.is_null:
            return None
        if not isinstance(node, Mapping):
            fields = ", ".join(f"{k}: ..." for k in list(_fields_of(cls))[:3])
            raise BadValue(f"expected fields, e.g. {{{fields}}}")
        return build(cls, node, reading, "", path)

    return read_mapping


def _scalar_reader(hint: Any) -> Reader:
    description = describe(hint)
    wanted = (
        f"one of {', '.join(map(str, get_args(hint)))}"
        if get_origin(hint) is Literal
        else description
    )
    convert: Callable[[str], Any]
    if get_origin(hint) is Literal:
        choices = [str(a) for a in get_args(hint)]
        allowed = frozenset(choices)

        def one_of_choices(text: str) -> Any:
            if text not in allowed:
                raise BadValue(
                    f"'{text}' is not one of: {one_of(choices)}.{did_you_mean(text, choices)}"
                )
            return text

        convert = one_of_choices
    elif hint is str:
        convert = str
    elif hint in _SCALAR_READERS:
        convert = _SCALAR_READERS[hint]
    else:  # pragma: no cover - a model annotation this reader does not know
        raise TypeError(f"no reader for {hint!r}")
    must_be_plain = hint in (int, bool, Fraction, Decimal)

    def read_scalar(node: Node, reading: Reading, path: FieldPath, marks: Marks) -> Any:
        if not isinstance(node, Scalar):
            raise BadValue(f"expected {description}, not a {_shape(node)}")
        if node.is_null:
            return None
        if node.text[:1] == "<" and PLACEHOLDER.fullmatch(node.text):
            raise BadValue(
                f"'{node.text}' is a placeholder: write {wanted} in its place, or "
                "delete the line when the field is optional"
            )
        if must_be_plain and not node.plain:
            raise BadValue(f"expected {description}, found the quoted text '{node.text}'")
        return convert(node.text)

    return read_scalar


RuleCheck = Callable[[Any, Node, "Reading", FieldPath], Any]


def _rule_check(rule: Url | Ref) -> RuleCheck:
    """What a rule does to a value read (not None), made once per annotation."""
    if isinstance(rule, Url):
        return lambda value, node, reading, path: read_url(value)
    kind, also, free_text = rule.kind, rule.also, rule.free_text

    def check_reference(value: Any, node: Node, reading: Reading, path: FieldPath) -> Any:
        if value in also:
            return value
        if not is_id(value):
            if free_text:
                return value
            raise BadValue(f"'{value}' is not a record id: ids are lowercase, like 'maria-lopez'")
        value = one_string(value, value)  # an id is written in many records
        reading.references.append(Reference(kind, value, reading.path, node.mark, path, rule))
        return value

    return check_reference


def _shape(node: Node) -> str:
    return "list" if isinstance(node, Sequence) else "set of fields"


def _text_of(node: Node) -> str:
    return node.text if isinstance(node, Scalar) else "..."
