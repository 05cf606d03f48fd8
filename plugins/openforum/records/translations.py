"""Translated records: `<id>.<lang>.md` beside the original, holding only text for people.

records.md ("Translations"): a translation holds the original's translatable fields at the
same place (`title`, `name` of things, `note`, `text`, `reason`, `summary`, `theme`,
`purpose`, `role`, `location.name`; inside lists too, items matched by `id` where they have
one, else by position) and the body. Any other field is an error, and so is a translation
of a record that does not exist or into a language forum.md does not list.

A translation is read into a patch: (where, text) pairs with every list item resolved to its
index in the original, so applying it to a copy of the record is a walk of attributes.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Collection
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from .files import listing, refused
from .model import Author, Member, PointOfContact, Record
from .problems import START, Mark, Problems, did_you_mean
from .schema import field_specs
from .translation_types import Translation, Translations, Where
from .values import is_id
from .yamlread import Mapping, Node, Scalar, Sequence, read_record

if TYPE_CHECKING:
    from ..kinds import ForumRecords

# The fields holding text for people (records.md); `description` is forum.md's sentence
# about the Forum, text for people too (an addition).
TEXT_FIELDS = frozenset(
    {"title", "name", "note", "text", "reason", "summary", "theme", "purpose", "role"}
    | {"description"}
)
# Names of people are not translated (records.md: "name (of things, not of people)").
PEOPLE: frozenset[tuple[type, str]] = frozenset(
    {(Member, "name"), (PointOfContact, "name"), (Author, "name")}
)
# A language tag as BCP 47 starts: "fr", "pt", "pt-br", "zh-hant".
LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
# `openforum new --lang` writes this in front of each text to translate; left there, it is
# an error, so an unfinished translation is never published.
PLACEHOLDER = "<translate>"


def translation_name(path: Path) -> tuple[str, str] | None:
    """(id, language) when the file is named `<id>.<lang>.md`, else None."""
    if path.suffix != ".md":
        return None
    stem, dot, language = path.stem.rpartition(".")
    if not dot or not is_id(stem) or not LANGUAGE.fullmatch(language):
        return None
    return stem, language


def is_translation_file(path: Path) -> bool:
    return translation_name(path) is not None


_PAGE = re.compile(r"(?P<page>.+)\.(?P<language>[a-z]{2,3}(?:-[a-z0-9]{2,8})*)\.md")


def page_translation(src: str) -> tuple[str, str] | None:
    """(page, language) when a hand-written page's path is `<page>.<lang>.md` and `lang` is
    a language (Babel knows it: `notes.old.md` is a page of its own), else None."""
    found = _PAGE.fullmatch(src)
    if found is None:
        return None
    from babel import Locale, UnknownLocaleError  # here: `validate` reads no pages

    try:
        Locale.parse(found["language"].replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    return found["page"] + ".md", found["language"]


def load_translations(
    records: ForumRecords, problems: Problems, kinds: Collection[str]
) -> Translations:
    """Read and check every translation file under the records folder (`kinds`: the
    record folders)."""
    found = Translations()
    if records.forum is None:
        return found
    languages = records.forum.languages
    for kind, key, language, path in _discover(records, problems, kinds):
        original = _original(records, kind, key)
        if language not in languages[1:]:
            problems.add(path, START, _language_problem(path, language, languages))
            continue
        if original is None:
            problems.add(
                path,
                START,
                f"'{path.name}' translates a record that does not exist "
                f"({_original_name(kind, key)}): rename it after its original's id, or "
                "remove it",
            )
            continue
        translation = _read(path, language, kind, key, original, problems)
        if translation is not None:
            found.by_language.setdefault(language, {})[(kind, key)] = translation
    return found


def _language_problem(path: Path, language: str, languages: list[str]) -> str:
    if language == languages[0]:
        return (
            f"'{path.name}' is in '{language}', the Forum's default language: the original "
            "is already in it; remove this file or write its text in the original"
        )
    listed = ", ".join(languages)
    return (
        f"'{path.name}' is in '{language}', which forum.md's languages ({listed}) do not "
        f"list: add '{language}' to languages in forum.md, or rename the file to one of them"
    )


def _original_name(kind: str, key: str) -> str:
    if kind == "forum":
        return "forum.md"
    return f"consultations/{key}.md" if kind == "submissions" else f"{kind}/{key}.md"


def _discover(
    records: ForumRecords, problems: Problems, kinds: Collection[str]
) -> list[tuple[str, str, str, Path]]:
    """(kind, key, language, path) of every translation file, in a stable order."""
    root = records.root
    found: list[tuple[str, str, str, Path]] = []
    for entry in listing(root, problems):
        named = translation_name(entry)
        if named is not None and named[0] == "forum" and not refused(entry, root, problems):
            found.append(("forum", "", named[1], entry))
        if entry.name in kinds and entry.is_dir() and not entry.is_symlink():
            found.extend(_in_folder(entry, entry.name, "", root, problems))
            if entry.name == "consultations":
                for folder in listing(entry, problems):
                    if folder.is_dir() and not folder.is_symlink() and is_id(folder.name):
                        prefix = f"{folder.name}/"
                        found.extend(_in_folder(folder, "submissions", prefix, root, problems))
    return found


def _in_folder(
    folder: Path, kind: str, prefix: str, root: Path, problems: Problems
) -> list[tuple[str, str, str, Path]]:
    found = []
    for path in listing(folder, problems):
        named = translation_name(path)
        if named is None or path.name.startswith(".") or refused(path, root, problems):
            continue
        if path.is_file():
            found.append((kind, prefix + named[0], named[1], path))
    return found


def _original(records: ForumRecords, kind: str, key: str) -> Record | None:
    if kind == "forum":
        return records.forum
    return records.of_kind(kind).get(key)


def _read(
    path: Path, language: str, kind: str, key: str, original: Record, problems: Problems
) -> Translation | None:
    text = read_record(path, problems)
    if text is None:
        return None
    texts: dict[Where, str] = {}
    before = len(problems)
    _walk(text.front, original, (), texts, path, problems)
    body: str | None = text.body if text.body.strip() else None
    if body is not None and PLACEHOLDER in body:
        line = text.body_line + text.body[: text.body.index(PLACEHOLDER)].count("\n")
        problems.add(path, Mark(line, 1), _placeholder_fix("the text"))
    if len(problems) > before:
        return None
    return Translation(language, kind, key, path, texts, body, text.body_line)


def _placeholder_fix(what: str) -> str:
    return (
        f"{what} still holds the placeholder '{PLACEHOLDER}' of `openforum new --lang`: "
        "replace it by the translation, or remove it to show the original's text"
    )


def _walk(
    node: Mapping, original: Any, where: Where, texts: dict[Where, str], path: Path, p: Problems
) -> None:
    """Check one mapping of a translation against the original object at the same place."""
    specs = {spec.key: spec for spec in field_specs(type(original))}
    for yaml_key, (key_node, value) in node.entries.items():
        spec = specs.get(yaml_key)
        if yaml_key == "id" and where and isinstance(where[-1], int):
            continue  # an item's id matches it to the original's item (see _walk_list)
        if spec is None or not _may_translate(original, spec.name, spec.hint):
            p.add(path, key_node.mark, _not_translatable(yaml_key, where, spec is None, specs))
            continue
        here = (*where, spec.name)
        current = getattr(original, spec.name)
        if _is_text(spec.hint):
            if not isinstance(value, Scalar) or value.is_null or not value.text.strip():
                p.add(path, _mark(value), f"'{yaml_key}' takes the translated text, as words")
            elif value.text.lstrip().startswith(PLACEHOLDER):
                p.add(path, value.mark, _placeholder_fix(f"'{yaml_key}'"))
            elif current is None:
                p.add(
                    path,
                    value.mark,
                    f"'{yaml_key}' has no text in the original to translate: write it in "
                    "the original first, or remove it here",
                )
            else:
                texts[here] = value.text
        elif _list_item(spec.hint) is not None:
            if not isinstance(value, Sequence):
                p.add(path, _mark(value), f"'{yaml_key}' is a list in the original: write a list")
            else:
                _walk_list(value, current, here, yaml_key, texts, path, p)
        elif not isinstance(value, Mapping):
            p.add(path, _mark(value), f"'{yaml_key}' holds fields in the original: write them")
        elif current is None:
            p.add(path, value.mark, f"'{yaml_key}' is not in the original: remove it here")
        else:
            _walk(value, current, here, texts, path, p)


def _walk_list(
    node: Sequence,
    items: list[Any],
    where: Where,
    yaml_key: str,
    texts: dict[Where, str],
    path: Path,
    p: Problems,
) -> None:
    """Items are matched by `id` where the original's have one, else by position."""
    by_id = {str(getattr(item, "id", None)): index for index, item in enumerate(items)}
    has_id = bool(items) and hasattr(items[0], "id")
    for position, item in enumerate(node.items):
        if not isinstance(item, Mapping):
            p.add(path, _mark(item), f"each item of '{yaml_key}' holds fields: write them")
            continue
        index: int | None = position if position < len(items) else None
        if has_id:
            id_node = item.entries.get("id")
            written = id_node[1] if id_node else None
            if not isinstance(written, Scalar) or written.text not in by_id:
                known = ", ".join(by_id)
                p.add(
                    path,
                    item.mark,
                    f"each item of '{yaml_key}' names the original's item by its id "
                    f"({known}): write 'id: <one of them>'",
                )
                continue
            index = by_id[written.text]
        if index is None:
            p.add(
                path,
                item.mark,
                f"'{yaml_key}' has {len(items)} item(s) in the original and this is item "
                f"{position + 1}: items are matched by position; remove the extra ones",
            )
            continue
        _walk(item, items[index], (*where, index), texts, path, p)


def _not_translatable(yaml_key: str, where: Where, unknown: bool, specs: dict[str, Any]) -> str:
    place = ".".join(str(part) for part in (*where, yaml_key))
    if unknown:
        return (
            f"unknown field '{place}' in a translation.{did_you_mean(yaml_key, specs)} "
            "A translation holds the original's text fields only; remove it"
        )
    return (
        f"'{place}' is not translated: a translation holds only text for people (title, "
        "name of things, note, text, reason, summary, theme, purpose, role, location.name, "
        "and the body); every other value comes from the original, so remove this line"
    )


def _mark(node: Node) -> Mark:
    return node.mark


def _may_translate(original: Any, name: str, hint: Any) -> bool:
    """Text fields for people, and the lists and mappings that may hold some."""
    if _is_text(hint):
        if name not in TEXT_FIELDS:
            return False
        if (type(original), name) in PEOPLE:
            # A member that is an organization has the name of a thing.
            return isinstance(original, Member) and original.kind == "organization"
        return True
    model = _list_item(hint) or _model(hint)
    return model is not None and _holds_text(model)


@cache
def _holds_text(model: type) -> bool:
    for spec in field_specs(model):
        if _is_text(spec.hint) and spec.key in TEXT_FIELDS:
            return True
        inner = _list_item(spec.hint) or _model(spec.hint)
        if inner is not None and inner is not model and _holds_text(inner):
            return True
    return False


def _options(hint: Any) -> tuple[Any, ...]:
    if typing.get_origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    if typing.get_origin(hint) in (Union, types.UnionType):
        return tuple(a for a in typing.get_args(hint) if a is not type(None))
    return (hint,)


def _is_text(hint: Any) -> bool:
    return _options(hint) == (str,)


def _model(hint: Any) -> type | None:
    options = _options(hint)
    if len(options) == 1 and dataclasses.is_dataclass(options[0]):
        return typing.cast(type, options[0])
    return None


def _list_item(hint: Any) -> type | None:
    options = _options(hint)
    if len(options) == 1 and typing.get_origin(options[0]) is list:
        (item,) = typing.get_args(options[0])
        return _model(item)
    return None


def text_fields(record: Record) -> dict[Where, str]:
    """Every translatable text of `record` (not its body), by where it sits."""
    found: dict[Where, str] = {}
    _collect(record, (), found)
    return found


def _collect(obj: Any, where: Where, found: dict[Where, str]) -> None:
    for spec in field_specs(type(obj)):
        value = getattr(obj, spec.name)
        if value is None or not _may_translate(obj, spec.name, spec.hint):
            continue
        here = (*where, spec.name)
        if _is_text(spec.hint):
            found[here] = value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                _collect(item, (*here, index), found)
        else:
            _collect(value, here, found)
