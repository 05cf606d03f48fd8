"""`openforum import ogp`: records from the OGP's commitments export, then validated and built."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import HERE
from openforum.cli import main
from openforum.importers.cells import CellError, read_date, read_institutions, read_status
from openforum.records import load_forum
from site_build import build_site

EXPORT = HERE / "fixtures" / "ogp" / "commitments_export.csv"


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_dates_in_the_exports_forms() -> None:
    assert read_date("2019-08-31") == "2019-08-31"
    assert read_date("31/08/2019") == "2019-08-31"
    assert read_date("08/31/2019") == "2019-08-31"  # a day above 12 shows month/day/year
    assert read_date("01/03/2012") == "2012-03-01"  # else day/month/year
    assert read_date("March 2014") == "2014-03"
    assert read_date("Dec 2016") == "2016-12"
    assert read_date("31 August 2019") == "2019-08-31"
    assert read_date("August 31, 2019") == "2019-08-31"
    assert read_date("2016") == "2016"
    assert read_date("2016-09") == "2016-09"
    assert read_date("Q3 2020") == "2020-09"
    assert read_date("NA") is None and read_date("") is None and read_date("N/A") is None
    with pytest.raises(CellError):
        read_date("31/02/2019")
    with pytest.raises(CellError):
        read_date("sometime soon")


def test_statuses_and_institutions() -> None:
    assert read_status("Substantial") == "substantial"
    assert read_status("Not Started") == "not_started"
    assert read_status("") is None and read_status("Not assessed") is None
    names, removed = read_institutions(
        "Ministry of Finance<br>Ministry of Economy; j.doe@x.example; Tel: +1 202 555 0143"
    )
    assert names == ["Ministry of Finance", "Ministry of Economy"]
    assert removed == ["an e-mail address", "a phone number"]
    assert read_institutions("media") == (["Media"], [])  # a name, never an id


def test_an_import_writes_records_that_validate_and_build_and_a_second_run_changes_nothing(
    tmp_path: Path, capsys
) -> None:
    out = tmp_path / "forum_records"
    assert main(["import", "ogp", str(EXPORT), "--country", "Examplia", "--out", str(out)]) == 1
    printed = capsys.readouterr().out.splitlines()
    skipped = [line for line in printed if line.endswith("the row is skipped")]
    assert [line.split(":")[1] for line in skipped] == ["10", "12"]  # where the rows start
    assert any(
        "removed an e-mail address from 'Supporting Institution(s)'" in line for line in printed
    )
    assert "6 commitments and 2 plans of Examplia: 9 files created" in printed[-1]

    records, problems = load_forum(out)
    assert not problems and not problems.warnings
    assert sorted(records.commitments) == [
        "ex0001",
        "ex0002",
        "ex0003",
        "ex0004",
        "ex0005",
        "ex0007",
    ]
    ex2 = records.commitments["ex0002"]
    assert ex2.lead == "Ministry of Finance"
    assert ex2.supporting == ["Ministry of Economy", "Budget Monitoring Network"]
    assert ex2.period is not None and str(ex2.period.start) == "2012-03-01"
    assert records.commitments["ex0004"].status == "not_reported"
    assert str(records.commitments["ex0003"].period.start) == "2014-03"  # type: ignore[union-attr]
    assert records.commitments["ex0005"].supporting == ["Media"]
    assert records.commitments["ex0001"].irm.completion == "complete"  # type: ignore[union-attr]
    assert records.plans["exa-ap2"].number == 2

    before = tree(out)
    assert main(["import", "ogp", str(EXPORT), "--country", "Examplia", "--out", str(out)]) == 1
    assert "0 files created, 0 replaced, 8 unchanged" in capsys.readouterr().out
    assert tree(out) == before  # byte-identical

    built = build_site(tmp_path / "build", records=out, today="2024-06-01")
    assert built.warnings == []
    page = (built.page("commitments/ex0001/")).read_text(encoding="utf-8")
    assert "drafts are published for comment</li>" in page  # the pasted bullets, as a list


def test_an_edited_record_is_kept_unless_replaced_and_plan_selects(tmp_path: Path, capsys) -> None:
    out = tmp_path / "forum_records"
    args = ["import", "ogp", str(EXPORT), "--country", "examplia", "--out", str(out)]
    main([*args, "--plan", "exa-ap1"])
    assert sorted(p.name for p in (out / "commitments").iterdir()) == ["ex0001.md", "ex0002.md"]
    edited = out / "commitments" / "ex0001.md"
    edited.write_text(edited.read_text() + "\nA note of the secretariat.\n")
    capsys.readouterr()
    main([*args, "--plan", "EXA-AP1"])
    assert "differs from the import and is kept" in capsys.readouterr().out
    assert "A note of the secretariat." in edited.read_text()
    main([*args, "--plan", "exa-ap1", "--replace"])
    assert "A note of the secretariat." not in edited.read_text()
    assert not [p for p in out.iterdir() if p.name.startswith(".openforum-import")]


def test_an_unknown_country_or_file_says_what_to_do(tmp_path: Path, capsys) -> None:
    out = tmp_path / "forum_records"
    assert main(["import", "ogp", str(EXPORT), "--country", "Exampl", "--out", str(out)]) == 1
    message = capsys.readouterr().out
    assert "no row has the country 'Exampl'" in message and "Did you mean 'Examplia'" in message
    assert not out.exists()
    other = tmp_path / "other.csv"
    shutil.copy(EXPORT, other)
    other.write_text("Name,Value\nx,1\n", encoding="utf-8")
    assert main(["import", "ogp", str(other), "--country", "Examplia", "--out", str(out)]) == 1
    assert "needs 'Commitment Unique Identifier'" in capsys.readouterr().out
