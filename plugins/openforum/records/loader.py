"""Finds every record file under a forum folder, reads it into the model, and runs the checks."""

from __future__ import annotations

import gc
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..kinds import KINDS, SINGULAR, ForumRecords
from ..kinds.consultations.model import Submission
from ..kinds.forum.model import Forum
from .checks_across import check_forum
from .fields import Record
from .files import listing, refused
from .limits import check_body, id_problem
from .problems import START, Mark, Problem, Problems, did_you_mean
from .references import ids_read_once
from .schema import Reading, Reference, ReferenceList, build
from .translations import load_translations, translation_name
from .values import is_id
from .yamlread import read_record

FORUM_FILE = "forum.md"


class ReadCache:
    """Files parsed once and kept across the rebuilds of one session (`mkdocs serve`).

    A file is read again when its modification time or size changed. Checks adjust
    records in place only with what forum.md says (the timezone of meeting times), so a
    changed forum.md makes every file be read again.
    """

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int], _Loaded]] = {}
        self.hits = 0  # files reused by the last load, for tests and benchmarks

    def read(self, jobs: list[_Job]) -> list[_Loaded]:
        stamps = {job.path: _stamp(job.path) for job in jobs}
        forum = next((job.path for job in jobs if job.kind == "forum"), None)
        if forum is None or self._stale(forum, stamps[forum]):
            self._entries.clear()
        kept: dict[Path, tuple[tuple[int, int], _Loaded]] = {}
        results = []
        self.hits = 0
        for job in jobs:
            entry = self._entries.get(job.path)
            if entry is not None and entry[0] == stamps[job.path] and entry[1].job == job:
                self.hits += 1
                loaded = entry[1]
            else:
                loaded = _read_one(job)
            kept[job.path] = (stamps[job.path], loaded)
            results.append(loaded)
        self._entries = kept  # files gone since the last load are forgotten
        return results

    def _stale(self, path: Path, stamp: tuple[int, int]) -> bool:
        entry = self._entries.get(path)
        return entry is None or entry[0] != stamp


def _stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except OSError:
        return (-1, -1)  # reading it reports the problem
    return (status.st_mtime_ns, status.st_size)


def load_forum(root: Path, cache: ReadCache | None = None) -> tuple[ForumRecords, Problems]:
    """Load and check every record under `root`; all problems are returned, none raised.

    With a `cache`, files unchanged since its last load are not parsed again.
    """
    problems = Problems()
    records = ForumRecords(root=root)
    if not root.is_dir():
        problems.add(root, START, "no such folder: give the folder that holds forum.md")
        return records, problems
    with _no_cyclic_gc(), ids_read_once():
        _load_tree(records, problems, cache)
        check_forum(records, problems)
        records.translations = load_translations(records, problems, KINDS)
    return records, problems


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Loading makes hundreds of thousands of objects that all live on, so the cyclic
    collector's passes find nothing to free; pausing it cuts a quarter of the time.

    They are left out of its later passes too (frozen): its first pass after the pause
    would walk every one of them (0.2 s at 10,000 records). Records hold no reference
    cycles, so once let go they are freed all the same."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


@dataclass(frozen=True, slots=True)
class _Job:
    """One record file to read: its kind folder, and its consultation for a submission."""

    kind: str
    path: Path
    consultation: str = ""


@dataclass(slots=True)
class _Loaded:
    job: _Job
    record: Record | None
    references: list[Reference]
    reference_lists: list[ReferenceList]
    problems: list[Problem]


def _load_tree(records: ForumRecords, problems: Problems, cache: ReadCache | None) -> None:
    jobs = _discover(records.root, problems)
    for loaded in cache.read(jobs) if cache is not None else _read_all(jobs):
        problems.extend(loaded.problems)
        records.references.extend(loaded.references)
        records.reference_lists.extend(loaded.reference_lists)
        job, record = loaded.job, loaded.record
        if record is None:
            records.unreadable.add((job.kind, job.path.stem))
        elif isinstance(record, Forum):
            records.forum = record
        elif isinstance(record, Submission):
            record.consultation = job.consultation
            records.submissions[record.key] = record
        else:
            records.of_kind(job.kind)[record.stem] = record


def _discover(root: Path, problems: Problems) -> list[_Job]:
    """Every record file under `root`, in a stable order; misplaced files are problems."""
    jobs: list[_Job] = []
    forum_path = root / FORUM_FILE
    if forum_path.is_symlink() or forum_path.exists():
        if not refused(forum_path, root, problems):
            jobs.append(_Job("forum", forum_path))
    else:
        problems.add(
            forum_path,
            START,
            "missing forum.md: every forum folder has one forum.md with the Forum's name, "
            "country, timezone and rules",
        )
    for entry in listing(root, problems):
        if entry.name.startswith(".") or entry.name == FORUM_FILE:
            continue
        if refused(entry, root, problems):
            continue
        if entry.is_dir() and entry.name in KINDS:
            jobs.extend(_discover_kind(root, entry, entry.name, problems))
        elif entry.is_dir():
            problems.add(
                entry,
                START,
                f"unknown folder '{entry.name}'.{did_you_mean(entry.name, KINDS)} "
                f"Record folders are: {', '.join(KINDS)}",
            )
        elif entry.suffix == ".md" and _translated(entry) != "forum":
            problems.add(
                entry,
                START,
                f"'{entry.name}' is not a record: only forum.md sits at the top; other records "
                "go in their kind's folder (members/, meetings/, ...)",
            )
    return jobs


def _scan(folder: Path, problems: Problems) -> list[tuple[Path, bool]]:
    """The entries of `folder`, sorted, each with whether it is a plain file (a regular
    file, not a link), as the folder's listing says: such a file needs no more look."""
    try:
        with os.scandir(folder) as entries:
            found = [(e.name, e.is_file(follow_symlinks=False)) for e in entries]
    except OSError:
        return [(path, False) for path in listing(folder, problems)]  # its problem said there
    return [(folder / name, plain) for name, plain in sorted(found)]


def _discover_kind(root: Path, folder: Path, kind: str, problems: Problems) -> list[_Job]:
    jobs = []
    for path, plain in _scan(folder, problems):
        if path.name.startswith(".") or (not plain and refused(path, root, problems)):
            continue
        if not plain and path.is_dir() and kind == "consultations":
            jobs.extend(_discover_submissions(root, path, problems))
        elif _is_record_file(path, kind, problems, plain):
            jobs.append(_Job(kind, path))
    return jobs


def _discover_submissions(root: Path, folder: Path, problems: Problems) -> list[_Job]:
    consultation = folder.name
    if not (folder.parent / f"{consultation}.md").is_file():
        problems.add(
            folder,
            START,
            f"submissions folder '{consultation}/' has no consultation "
            f"consultations/{consultation}.md: name the folder after its consultation's id",
        )
    return [
        _Job("submissions", path, consultation)
        for path, plain in _scan(folder, problems)
        if not path.name.startswith(".")
        and (plain or not refused(path, root, problems))
        and _is_record_file(path, "submissions", problems, plain)
    ]


def _is_record_file(path: Path, kind: str, problems: Problems, plain: bool = False) -> bool:
    if not plain and path.is_dir():
        problems.add(path, START, f"unexpected folder in {kind}/: records are files named <id>.md")
        return False
    if path.suffix != ".md":
        problems.add(path, START, f"'{path.name}' is not a record: records are named <id>.md")
        return False
    if _translated(path):  # `<id>.<lang>.md`: a translation, read by load_translations
        return False
    if not is_id(path.stem):
        ascii_stem = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
        suggestion = "-".join("".join(c if c.isalnum() else " " for c in ascii_stem).split())
        problems.add(
            path,
            START,
            f"the file name '{path.name}' is not a valid id: ids are lowercase letters, "
            f"digits and '-'; rename it to '{suggestion.lower() or 'record'}.md'",
        )
        return False
    reason = id_problem(path.stem)
    if reason is not None:  # still read: references to it resolve, no second message
        problems.add(path, START, f"the file name '{path.name}' {reason}")
    return True


def _translated(path: Path) -> str | None:
    """The id a translation file translates, None for any other file."""
    named = translation_name(path)
    return named[0] if named else None


def _read_all(jobs: list[_Job]) -> list[_Loaded]:
    # Reading in worker processes was measured and rejected: sending the records back
    # (pickling ~20 objects per record) cost as much as parsing them.
    return [_read_one(job) for job in jobs]


def _read_one(job: _Job) -> _Loaded:
    problems = Problems()
    cls: type[Record] = (
        Forum
        if job.kind == "forum"
        else (Submission if job.kind == "submissions" else KINDS[job.kind].model)
    )
    what = "forum.md" if job.kind == "forum" else SINGULAR[job.kind]
    path = job.path
    text = read_record(path, problems)
    if text is None:
        return _Loaded(job, None, [], [], problems.items)
    reading = Reading(path=path, problems=problems)
    record = build(cls, text.front, reading, what)
    record.stem = path.stem
    record.path = path
    record.body = text.body
    record.body_line = text.body_line
    if record.id is not None and record.id != record.stem and cls is not Forum:
        problems.add(
            path,
            record.at("id"),
            f"id '{record.id}' differs from the file name '{path.name}': the id is the file "
            f"name; write 'id: {record.stem}' or rename the file",
        )
    _check_aliases(record, path, problems)
    _check_body(record, path, problems)
    check_body(record.body, record.body_line, path, problems)
    return _Loaded(job, record, reading.references, reading.reference_lists, problems.items)


MAX_BRACKET_DEPTH = 32
_BRACKET = re.compile(r"[\[\]]")


def _check_body(record: Record, path: Path, problems: Problems) -> None:
    """Refuse text that would stall the Markdown renderer.

    Python-Markdown's link parser takes quadratic time in nested or unclosed '[' (20,000
    of them: minutes); no real text nests links more than a few deep.
    """
    if record.body.count("[") <= MAX_BRACKET_DEPTH:
        return
    depth = 0
    for match in _BRACKET.finditer(record.body):
        position, char = match.start(), match[0]
        if char == "[":
            depth += 1
            if depth > MAX_BRACKET_DEPTH:
                line = record.body_line + record.body.count("\n", 0, position)
                problems.add(
                    path,
                    Mark(line, 1),
                    f"the text opens more than {MAX_BRACKET_DEPTH} '[' without closing them; "
                    "Markdown would take minutes to read it: close or remove the brackets",
                )
                return
        elif char == "]" and depth:
            depth -= 1


def _check_aliases(record: Record, path: Path, problems: Problems) -> None:
    for index, alias in enumerate(record.aliases):
        if not is_id(alias):
            problems.add(path, record.at("aliases", index), f"alias '{alias}' is not a valid id")
        elif (reason := id_problem(alias)) is not None:
            problems.add(path, record.at("aliases", index), f"alias '{alias}' {reason}")
    for alias, count in Counter(record.aliases).items():
        if count > 1 or alias == record.stem:
            problems.add(
                path, record.at("aliases"), f"alias '{alias}' is listed twice or is the id itself"
            )
