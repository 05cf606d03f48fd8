"""Tables for the CSV files: columns with a Table Schema type and description, and rows.

A table is declared once (`Table` with its `Column`s) and both the CSV file and its entry
in datapackage.json are written from that declaration, so they cannot disagree.

CSV conventions (documented in datapackage.json too): UTF-8, RFC 4180 (comma, double
quotes, CRLF); an empty cell is a missing value; booleans are `true`/`false`; dates are
YYYY-MM-DD; date-times are UTC with a Z; several ids or addresses in one cell are separated
by a single space (neither ids nor addresses contain spaces). A text cell that a
spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return)
is written after a single quote, as the OWASP guidance on CSV injection says: `'=SUM(A1)`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, get_args

from .context import share

Cell = str | int | bool | date | Decimal | Fraction | None


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, number, boolean, date, datetime
    description: str
    format: str | None = None  # Table Schema format, e.g. "uri"


@dataclass(frozen=True, slots=True)
class ForeignKey:
    column: str
    resource: str  # "" refers to the same table
    reference: str = "id"


# Rows are kept as CSV text in pieces of this many rows: one string per row would cost more
# than its text in object headers, one growing buffer twice its text as it grows.
ROWS_PER_PIECE = 4096


@dataclass(slots=True)
class Table:
    name: str  # the resource name; the file is <name>.csv
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    # Each row is written as CSV when it is added: a table may have a row for every
    # attendance of every member (millions on a large forum), and a row's text is a
    # fraction of the memory of its cells as Python objects.
    _pieces: list[str] = field(default_factory=list, init=False, repr=False, compare=False)
    _rows: int = field(default=0, init=False, repr=False, compare=False)
    _buffer: io.StringIO = field(init=False, repr=False, compare=False)
    _writer: Any = field(init=False, repr=False, compare=False)
    _names: frozenset[str] = field(init=False, repr=False, compare=False)
    _order: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._order = tuple(c.name for c in self.columns)
        self._names = frozenset(self._order)
        self._buffer, self._writer = _csv_writer()
        self._writer.writerow(self._order)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def add(self, **row: Cell) -> None:
        if row.keys() != self._names:  # a column typo would silently empty a column
            expected = [c.name for c in self.columns]
            raise ValueError(f"{self.name}: row has {sorted(row)}, columns are {expected}")
        self._write([cell(row[name]) for name in self._order])

    def add_all(self, rows: Iterable[tuple[Cell, ...]]) -> None:
        """Rows given as cells in the columns' order, for the tables of millions of rows
        (every attendance): no mapping made and matched per row, only its length checked."""
        width = len(self._order)
        for row in rows:
            if len(row) != width:
                raise ValueError(
                    f"{self.name}: a row of {len(row)} cells, columns are {self._order}"
                )
            self._write(list(map(cell, row)))

    def add_lines(self, lines: str, rows: int) -> None:
        """`rows` rows given as their CSV lines, each cell one written as it is (`plain`),
        for the largest tables (every attendance): no list of cells made per row."""
        self._pieces.append(self._buffer.getvalue())
        self._buffer, self._writer = _csv_writer()
        self._pieces.append(lines)
        self._rows += rows

    def _write(self, cells: list[str]) -> None:
        self._writer.writerow(cells)
        self._rows += 1
        if self._rows % ROWS_PER_PIECE == 0:
            self._pieces.append(self._buffer.getvalue())
            self._buffer, self._writer = _csv_writer()

    def csv(self) -> str:
        return "".join([*self._pieces, self._buffer.getvalue()])

    def clear(self) -> None:
        """The rows let go, once the CSV is written: only the columns are described after."""
        self._pieces.clear()
        self._buffer, self._writer = _csv_writer()


def _csv_writer() -> tuple[io.StringIO, Any]:
    buffer = io.StringIO()
    return buffer, csv.writer(buffer, lineterminator="\r\n")


def plain(text: str) -> bool:
    """Whether `text` is a cell the CSV holds as it is: not a formula to inert (`cell`), no
    quotes needed (RFC 4180)."""
    return text[:1] not in _FORMULA_OR_SPACE and _QUOTED.search(text) is None


_QUOTED = re.compile('[,"\r\n]')  # what the CSV writer quotes a cell for


def cell(value: Cell) -> str:
    if type(value) is str and value[:1] not in _FORMULA_OR_SPACE:  # most cells: as written
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Fraction):
        return share(value) or ""
    if isinstance(value, str):
        return inert(value)
    return str(value)


# What makes a spreadsheet read a cell as a formula: OWASP's list, the full-width forms
# that some spreadsheets accept too, and the same after leading spaces or line breaks.
_FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
# A text starting otherwise (or empty) is inert as it is.
_FORMULA_OR_SPACE = _FORMULA_START | {" ", "\n"}


def inert(text: str) -> str:
    """Text that no spreadsheet runs as a formula (OWASP: a single quote before it)."""
    if text and (text[0] in _FORMULA_START or text.lstrip(" \n")[:1] in _FORMULA_START):
        return "'" + text
    return text


def joined(values: Iterable[str]) -> str | None:
    """Several ids or addresses in one cell, space-separated; None (empty) when there are none."""
    items = [str(v) for v in values]
    return " ".join(items) if items else None


def col(name: str, type_: str, description: str, format_: str | None = None) -> Column:
    return Column(name, type_, description, format_)


def vocab(literal: Any, prefix: str = "") -> str:
    """A column's allowed values, read from the model's vocabulary so they cannot drift."""
    return prefix + " | ".join(get_args(literal))


URL = col("url", "string", "The record's page on the site", "uri")
