"""Extract the words of the sources into the catalogs' template, and bring every catalog
up to date with it.

    python -m openforum.i18n.extract            # rewrite openforum.pot, update every .po
    python -m openforum.i18n.extract --check    # exit 1 when the .pot is out of date

Words are found in the Python sources (`_`, `N_`, `say`, `ngettext`) and in the templates (Jinja's
`_`, `gettext`, `ngettext`, `{% trans %}`), the same way `pybabel extract` would with the
method map below. English is the source language: its catalog says each word as written.
"""

from __future__ import annotations

import argparse
import ast
import copy
import io
import sys
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_python
from babel.messages.pofile import read_po, write_po

from .translator import DEFAULT, DOMAIN, LOCALES, catalog_languages, catalog_path

PACKAGE = Path(__file__).parent.parent
TEMPLATE = LOCALES / f"{DOMAIN}.pot"
_JINJA = "jinja2.ext:babel_extract"
METHODS = [
    ("**/i18n/locales/**", "ignore"),
    ("**.py", "openforum.i18n.extract:extract_python_and_tables"),
    ("site/templates/**.j2", _JINJA),
    ("theme/**.html", _JINJA),
    ("site_theme/**.html", _JINJA),
]
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "say": None}
_JINJA_OPTIONS = {"extensions": "jinja2.ext.do", "trim_blocks": "true", "lstrip_blocks": "true"}


# The open data's tables describe themselves (exports/tables*.py, kinds/): their titles
# and the descriptions of their columns are shown on the open data page, so they are
# words of the catalogs too, found where they are written: `Table(name, title, text)`
# and `col(name, type, text)` with literal text.
_TABLE_WORDS = {"Table": (1, 2), "col": (2,)}


def extract_python_and_tables(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Any
) -> Iterator[tuple[Any, ...]]:
    """Babel's Python extraction, and the literal words of the tables' definitions."""
    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    tree = ast.parse(source)
    constants = {  # NAME = "text" at the top of the module, for f"Due: {NAME}"
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value.value, str)
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        for index in _TABLE_WORDS.get(str(name), ()):
            text = _literal(node.args[index], constants) if index < len(node.args) else None
            if text:
                yield node.args[index].lineno, "", text, []


def _literal(node: ast.expr, constants: Mapping[str, str]) -> str | None:
    """The text of a literal, or of an f-string made of literals and module constants."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if not isinstance(node, ast.JoinedStr):
        return None
    parts = []
    for part in node.values:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            parts.append(part.value)
        elif isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name):
            if part.value.id not in constants:
                return None
            parts.append(constants[part.value.id])
        else:
            return None
    return "".join(parts)


def extract() -> Catalog:
    """Every message of the sources, with where it is used."""
    catalog = Catalog(project="OpenForum", domain=DOMAIN, fuzzy=False)
    options = {pattern: _JINJA_OPTIONS for pattern, method in METHODS if method == _JINJA}
    found = extract_from_dir(
        PACKAGE, METHODS, options_map=options, keywords=KEYWORDS, strip_comment_tags=True
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True)
    return buffer.getvalue()


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale, domain=DOMAIN)


def update(template: Catalog) -> None:
    """Every catalog gets the template's messages; English says each as written."""
    for language in catalog_languages():
        catalog = read(catalog_path(language), language)
        # A copy each: Babel's update shares the template's new messages with the catalog.
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
        catalog.obsolete.clear()
        if language == DEFAULT:
            for message in catalog:
                if message.id:
                    message.string = message.id
        catalog_path(language).write_bytes(_po_bytes(catalog))


def stale() -> set[object]:
    """Messages that the sources and the template do not share (empty when up to date)."""
    wanted = {m.id for m in extract() if m.id}
    written = {m.id for m in read(TEMPLATE) if m.id}
    return wanted ^ written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m openforum.i18n.extract")
    parser.add_argument("--check", action="store_true", help="only tell whether it is stale")
    args = parser.parse_args(argv)
    if args.check:
        differ = stale()
        for message in sorted(map(str, differ)):
            print(f"{TEMPLATE.name}: out of date: {message!r}")
        return 1 if differ else 0
    template = extract()
    TEMPLATE.write_bytes(_po_bytes(template))
    update(template)
    print(f"wrote {TEMPLATE} ({len(template)} messages) and updated {catalog_languages()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
