"""Hostile input, round two: the file system, the limits the build relies on, the machine's
state, killed and concurrent builds, and text whose rendering must stay linear.

Every case is checked where a user meets it: `validate` names the file and line in words,
never hangs and never prints a traceback; the build refuses the same or publishes safely.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import MINIMAL, found
from openforum.cli import main
from openforum.records import load_forum
from openforum.safety.sanitize import public_markdown
from openforum.site.html import MarkdownRenderer
from openforum.staging import exclusive_build
from openforum.url_history import read_retired
from site_build import write_config
from test_hostile_round2 import run

PLAN = "---\ntitle: A plan\nstatus: closed\nperiod: {start: 2024-01-01, end: 2024-02-01}\n---\n"


def plan(**fields: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return PLAN.replace("---\n", "---\n" + extra, 1) if extra else PLAN


class Case(NamedTuple):
    name: str
    file: str  # below the forum folder
    make: Callable[[Path], None]  # plants the case at that path
    line: int
    message: str


def write(text: str) -> Callable[[Path], None]:
    def plant(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return plant


def link(target: str) -> Callable[[Path], None]:
    def plant(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)

    return plant


def fifo(path: Path) -> None:
    os.mkfifo(path)


def _fifo_instead(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


OUTSIDE = Path(__file__).parent / "fixtures" / "minimal" / "plans" / "nap1.md"  # a valid plan
CASES = [
    Case("escape-vertical-tab", "plans/p1.md", write(plan(note='"a\\x0bb"')), 2, "U+000B"),
    Case("escape-noncharacter", "plans/p2.md", write(plan(note='"a\\uFFFEb"')), 2, "U+FFFE"),
    Case("escape-escape", "plans/p3.md", write(plan(note='"\\e[31mred"')), 2, "U+001B"),
    Case("control-in-body", "plans/p4.md", write(PLAN + "Text\nmore\x08text\n"), 7, "U+0008"),
    Case("form-feed-in-body", "plans/p5.md", write(PLAN + "\x0c\n"), 6, "U+000C"),
    Case("id-252-characters", f"plans/{'a' * 252}.md", write(PLAN), 1, "at most 150"),
    Case("id-con", "plans/con.md", write(PLAN), 1, "Windows reserves"),
    Case("id-nul", "members/nul.md", write("---\nname: N\n---\n"), 1, "Windows reserves"),
    Case("id-com1", "plans/com1.md", write(PLAN), 1, "Windows reserves"),
    Case("id-lpt9", "plans/lpt9.md", write(PLAN), 1, "Windows reserves"),
    Case("id-index", "plans/index.md", write(PLAN), 1, "reserved for the site"),
    Case("alias-aux", "plans/p6.md", write(plan(aliases="[aux]")), 2, "Windows reserves"),
    Case("alias-index", "plans/p7.md", write(plan(aliases="[index]")), 2, "reserved"),
    Case("number-5000-digits", "plans/p8.md", write(plan(number="9" * 5000)), 2, "too large"),
    Case(
        "amount-900000-digits",
        "forum.md",
        lambda p: _replace(p, "amount: 12000", "amount: " + "4" * 900_000),
        0,
        "too large",
    ),
    Case(
        "share-huge",
        "forum.md",
        lambda p: _replace(p, "quorum: 1/2", "quorum: 1/" + "2" * 5000),
        0,
        "not a share",
    ),
    Case("list-1000-deep", "plans/p9.md", write(PLAN + "- " * 1000 + "x\n"), 6, "nested"),
    Case(
        "list-indented-deep",
        "plans/p10.md",
        write(PLAN + "".join("    " * i + "- x\n" for i in range(60))),
        26,  # the 21st level: 20 indents and a marker
        "nested",
    ),
    Case("quotes-1000-deep", "plans/p11.md", write(PLAN + ">" * 1000 + " x\n"), 6, "nested"),
    Case("link-to-a-file-outside", "plans/p12.md", link(str(OUTSIDE)), 1, "outside the records"),
    Case(
        "link-to-a-folder-outside",
        "consultations/c1",
        lambda p: _relink(p, MINIMAL),
        1,
        "outside the records",
    ),
    Case("link-to-a-device", "plans/p13.md", link("/dev/zero"), 1, "outside the records"),
    Case("link-to-nothing", "plans/p14.md", link("missing.md"), 1, "leads nowhere"),
    Case("link-loop", "plans/p15.md", link("p15.md"), 1, "leads nowhere"),
    Case("fifo", "plans/p16.md", fifo, 1, "FIFO"),
    Case("fifo-forum-md", "forum.md", lambda p: _fifo_instead(p), 1, "FIFO"),
]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _relink(path: Path, target: Path) -> None:
    shutil.rmtree(path)
    os.symlink(target / "consultations" / "c1", path)


def _forum_with(root: Path, case: Case) -> None:
    shutil.copytree(MINIMAL, root)
    case.make(root / case.file)


def test_the_fixture_holds_what_the_cases_change() -> None:
    forum = (MINIMAL / "forum.md").read_text(encoding="utf-8")
    assert "quorum: 1/2" in forum and "amount: 12000" in forum
    assert OUTSIDE.is_file() and (MINIMAL / "consultations/c1").is_dir()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_validate_refuses_at_the_line(tmp_path: Path, case: Case) -> None:
    root = tmp_path / "forum_records"
    _forum_with(root, case)
    _, problems = found(root)  # a FIFO would hang here: records are opened without blocking
    mine = [p for p in problems if case.file in p[0] or p[0] == case.file]
    assert any(case.message in p[3] for p in mine), problems
    if case.line:
        assert any(p[1] == case.line and case.message in p[3] for p in mine), problems
    assert all("Traceback" not in p[3] and "\n" not in p[3] for p in problems)


def test_a_link_inside_the_records_folder_is_followed(tmp_path: Path) -> None:
    root = tmp_path / "forum_records"
    shutil.copytree(MINIMAL, root)
    (root / "plans/nap1.md").rename(root / "nap1.txt")
    os.symlink(root / "nap1.txt", root / "plans/nap1.md")
    records, problems = found(root)
    assert [p for p in problems if "nap1.txt" not in p[0]] == [] and "nap1" in records.plans


def test_the_commands_report_every_case_without_a_traceback_or_a_hang(tmp_path: Path) -> None:
    root = tmp_path / "forum_records"
    shutil.copytree(MINIMAL, root)
    for case in CASES:
        planted = case.file == "consultations/c1" or not (root / case.file).exists()
        if case.file != "forum.md" and planted:
            case.make(root / case.file)
    for command in ("validate", "check"):
        result = run(command, "forum_records", cwd=tmp_path, timeout=120)
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output, output[-3000:]
        for case in CASES:
            if case.file != "forum.md":
                assert f"forum_records/{case.file}:" in result.stdout, (case.name, output[-3000:])


def test_an_unreadable_folder_is_a_problem_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "forum_records"
    shutil.copytree(MINIMAL, root)
    original = Path.iterdir

    def denied(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "meetings":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "iterdir", denied)
    _, problems = found(root)
    assert any(p[0] == "meetings" and "Permission denied" in p[3] for p in problems), problems


# -- the machine's state: messages that say what to do ----------------------------------


def test_disk_full_during_a_build_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path, MINIMAL)
    (tmp_path / "site").mkdir()
    (tmp_path / "site/old.html").write_text("the published site", encoding="utf-8")
    from mkdocs import utils

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "site/x/index.html")

    monkeypatch.setattr(utils, "write_file", full)
    assert main(["build", "--config", str(config)]) == 1
    out = capsys.readouterr()
    assert "No space left on device" in out.out + out.err and "free some space" in out.out
    assert "Traceback" not in out.out + out.err
    assert (tmp_path / "site/old.html").read_text(encoding="utf-8") == "the published site"
    assert [p.name for p in tmp_path.iterdir() if "-building-" in p.name] == []


def test_a_site_folder_name_too_long_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path, MINIMAL)
    assert main(["build", "--config", str(config), "--site-dir", str(tmp_path / ("s" * 300))]) == 1
    out = capsys.readouterr().out
    assert "too long" in out and "Traceback" not in out


def test_a_broken_mkdocs_yml_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    assert main(["build", "--config", str(tmp_path / "mkdocs.yml")]) == 1
    assert "mkdocs.yml" in capsys.readouterr().out


# -- killed and concurrent builds ------------------------------------------------------


def test_a_build_cleans_what_killed_builds_left_and_puts_back_a_lost_site(
    tmp_path: Path,
) -> None:
    target = tmp_path / "site"
    (tmp_path / ".site-building-x1").mkdir()
    (tmp_path / ".site-building-x1/page.html").write_text("half", encoding="utf-8")
    (tmp_path / ".site-old").mkdir()  # killed between the two renames of a swap
    (tmp_path / ".site-old/index.html").write_text("published", encoding="utf-8")
    with exclusive_build(target):
        assert (target / "index.html").read_text(encoding="utf-8") == "published"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_two_builds_never_hold_the_site_at_once(tmp_path: Path) -> None:
    target = tmp_path / "site"
    inside: list[int] = []
    overlap: list[bool] = []

    def hold(number: int) -> None:
        with exclusive_build(target):
            inside.append(number)
            overlap.append(len(inside) > 1)
            time.sleep(0.3)
            inside.remove(number)

    threads = [threading.Thread(target=hold, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert overlap == [False, False, False]


def test_a_killed_build_leaves_nothing_the_next_one_does_not_clear(tmp_path: Path) -> None:
    config = write_config(tmp_path, MINIMAL)
    script = Path(sys.executable).with_name("openforum")
    process = subprocess.Popen(
        [str(script), "build", "--config", str(config)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        staging = [p for p in tmp_path.iterdir() if "-building-" in p.name]
        if staging and any(staging[0].rglob("*.html")):
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    with exclusive_build(tmp_path / "site"):  # what the next build does first
        pass
    assert [p.name for p in tmp_path.iterdir() if "-building-" in p.name] == []


def test_two_builds_at_once_both_publish_a_whole_site(tmp_path: Path) -> None:
    config = write_config(tmp_path, MINIMAL)
    script = Path(sys.executable).with_name("openforum")
    builds = [
        subprocess.Popen(
            [str(script), "build", "--config", str(config)],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [build.communicate(timeout=600)[0] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], outputs
    assert (tmp_path / "site/index.html").is_file()
    assert (tmp_path / "site/data/datapackage.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


# -- rendering public text is linear in its length --------------------------------------

HOSTILE_UNITS = [
    "<",
    "&",
    "\\*",
    "*a*",
    "`a` ",
    "[a](b) ",
    "- a\n",
    "# a\n",
    "a\n===\n",
    "a\n\n",
    "> ",
    "<div>\n",
    "_a_ ",
    "a  \n",
]


def _render_seconds(render: MarkdownRenderer, text: str) -> float:
    # CPU time of this process: on a busy machine (CI, a shared runner) wall time also
    # counts the other processes' turns, which has nothing to do with the text's length.
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        render(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("unit", HOSTILE_UNITS)
def test_rendering_a_hostile_submission_grows_linearly(unit: str) -> None:
    """Four times the text may take about four times as long (eight allowed for noise);
    the quadratic steps this replaces took sixteen times as long."""
    render = MarkdownRenderer()
    small = public_markdown(unit * (50_000 // len(unit)))
    large = public_markdown(unit * (200_000 // len(unit)))
    # A floor of 10 ms: below it, timer noise is all a ratio would measure.
    ratio = _render_seconds(render, large) / max(_render_seconds(render, small), 0.01)
    assert ratio < 8, ratio


def test_a_hostile_text_keeps_its_words() -> None:
    out = MarkdownRenderer()(public_markdown("<" * 200_000 + "\n\nend of text"))
    assert "&lt;" * 100 in out and "end of text" in out and "<<" not in out


def test_ordinary_text_still_renders_as_markdown() -> None:
    out = MarkdownRenderer()("## Heading\n\n" + "A *word* and `code`. " * 500)
    assert "<em>word</em>" in out and "<code>code</code>" in out


def test_the_loader_reads_a_valid_forum_unchanged() -> None:
    _, problems = load_forum(MINIMAL)
    assert not problems


def test_a_binary_list_of_retired_urls_is_read_without_a_traceback(tmp_path: Path) -> None:
    listed = tmp_path / "retired-urls.txt"
    listed.write_bytes(b"\xff\xfe/x/\n/commitments/old/ # withdrawn\n")
    assert "/commitments/old/" in read_retired(listed)
