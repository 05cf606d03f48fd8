"""`openforum validate`: output format, exit status, summary, and no traceback on any input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DEMO, MINIMAL
from openforum.cli import main


def test_clean_forum_exits_zero_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MINIMAL)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [
        "15 records (forum 1, members 5, meetings 2, plans 1, commitments 1, consultations 1, "
        "assessments 1, partners 1, organizations 1, submissions 1): no problems"
    ]


def test_problems_are_listed_as_path_line_col(
    minimal_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = minimal_copy / "plans/nap1.md"
    plan.write_text(plan.read_text().replace("status: implementation", "stauts: implementation"))
    monkeypatch.chdir(minimal_copy.parent)
    assert main(["validate", "forum_records"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "forum_records/plans/nap1.md:5:1: error: unknown field 'stauts' in plan. "
        "Did you mean 'status'?"
    )
    assert lines[-1].endswith(": 1 problem")


def test_github_annotations(
    minimal_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = minimal_copy / "plans/nap1.md"
    plan.write_text(plan.read_text().replace("number: 1", "number: one"))
    monkeypatch.chdir(minimal_copy.parent)
    assert main(["validate", "--format", "github", "forum_records"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first == (
        "::error file=forum_records/plans/nap1.md,line=3,col=9::"
        "`number`: 'one' is not a whole number: write digits only, e.g. 14"
    )


def test_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path / "nowhere")]) == 1


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00\x00" * 50, b"---\n" + b"[" * 5000 + b"\n---\n", b"---\n{a: 1\n---\n", b"---"],
)
def test_no_traceback_for_garbage(minimal_copy: Path, content: bytes) -> None:
    (minimal_copy / "members/garbage.md").write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "openforum", "validate", str(minimal_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "members/garbage.md:" in result.stdout


def test_check_reports_the_demo_forums_missed_quorum_and_late_minutes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(DEMO), "--today", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert (
        "quorum-missed            /meetings/2023-02-14-plenary/  Quorum not met: 5 of 12 "
        "voting members present (6 needed)"
    ) in out
    assert (
        "late-minutes             /meetings/2023-09-26-plenary/  Minutes published 55 days" in out
    )
    assert "[       NOT MET] rules-quorum           It decides with a quorum" in out
    assert "[           met] ogp-1.1                1.1 Space for dialogue" in out
    # the OGP's minimum requirements come first, the Forum's own rules after them
    assert out.index("ogp-5.1:nap4") < out.index("The Forum's own rules") < out.index("rules-")


def test_check_json_and_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DEMO), "--format", "json", "--fail-on", "late-minutes"]) == 1
    document = json.loads(capsys.readouterr().out)
    late = [f for f in document["findings"] if f["code"] == "late-minutes"]
    assert late[0]["evidence"] == ["meetings/2023-09-26-plenary/"]
    assert main(["check", str(DEMO), "--fail-on", "parity-broken"]) == 0


def test_check_rejects_unknown_codes() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(DEMO), "--fail-on", "quorum"])
    assert exit_info.value.code == 2
