"""The attendance table's rows written as lines where every id is plain (tables.add_lines):
the same CSV as its rows written cell by cell, with the ids that need quoting or inerting."""

from __future__ import annotations

import csv
import io
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import DEMO
from openforum.build_context import BuildContext
from openforum.exports import tables, tables_forum
from openforum.exports.context import ExportContext
from openforum.facts.forum import derive
from openforum.records import load_forum

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from shapes import generate

TODAY = date(2026, 11, 23)


def _attendance(records_dir: Path, monkeypatch: pytest.MonkeyPatch, lines: bool) -> str:
    records, problems = load_forum(records_dir)
    assert not problems
    build = BuildContext.create(records.forum, today=TODAY, site_url="https://forum.example/")
    ctx = ExportContext.create(records, derive(records, TODAY), build)
    with monkeypatch.context() as patched:
        if not lines:  # every row cell by cell, as before
            patched.setattr(tables_forum, "plain", lambda text: False)
        return tables_forum.attendance(ctx).csv()


@pytest.mark.parametrize("shape", ["demo", "attend-all", "rotating"])
def test_lines_are_the_rows_written_cell_by_cell(
    shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = tmp_path / "forum"
    if shape == "demo":
        shutil.copytree(DEMO, records)
    else:
        generate(shape, 300, records)
    fast, slow = (_attendance(records, monkeypatch, lines) for lines in (True, False))
    assert fast == slow
    rows = list(csv.reader(io.StringIO(fast)))
    assert len(rows) > 50 and "true" in {row[4] for row in rows}


def test_an_id_the_csv_must_quote_or_inert_is_not_written_as_a_line() -> None:
    for text in ("a,b", 'say "x"', "line\nbreak", "=SUM(A1)", "-1", " x", "@x"):
        assert not tables.plain(text)
    assert tables.plain("member-007") and tables.plain("2024-03-12-plenary")
    table = tables.Table("t", "T", "", (tables.col("a", "string", ""),))
    table.add_all([("=x",)])
    table.add_lines("plain\r\n", 1)
    table.add_all([("a,b",)])
    assert table.csv() == 'a\r\n\'=x\r\nplain\r\n"a,b"\r\n'
    assert re.fullmatch(r"(?:[^\r\n]*\r\n){4}", table.csv())
