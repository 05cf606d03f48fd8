"""How much a second language costs a build: the same forum in one language and in two.

    .venv/bin/python bench/languages.py [--records N] [--shape S] [--runs R]

Builds with `mkdocs build` (a fresh process each time, as CI does), the demo forum or a
synthetic forum of N records (of a shape of bench/shapes.py with --shape), four ways:
`languages: [en]`; `languages: [en, es]` with no translation (every page of /es/ in
English, marked); `[en, es]` with a Spanish title for every record that has one; and the
same with each such record's body translated too (a body of its own to render). Prints the
median wall and CPU times of R runs of each, run in turn, and their ratio to one language
(issue 14: at most 2).
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "bench"))
from scale import openforum_config  # noqa: E402
from shapes import generate as generate_shape  # noqa: E402
from synthetic import generate  # noqa: E402

TITLED = ("commitments", "meetings", "plans", "consultations", "assessments")
_LANGUAGES = re.compile(r"^languages: .*$", re.MULTILINE)


def forum(out: Path, records: int, shape: str | None = None) -> Path:
    """The records: the demo forum without its translations, or a synthetic one."""
    target = out / "forum_records"
    if records and shape:
        generate_shape(shape, records, target, seed=14)
    elif records:
        generate(records, target, seed=14)
    else:
        shutil.copytree(PROJECT / "forum_records", target)
        for translation in target.rglob("*.*.md"):
            translation.unlink()
    return target


def set_languages(records: Path, languages: str, translated: bool, bodies: bool = False) -> None:
    forum_md = records / "forum.md"
    text = forum_md.read_text(encoding="utf-8")
    line = f"languages: {languages}"
    text = (
        _LANGUAGES.sub(line, text)
        if _LANGUAGES.search(text)
        else text.replace("---\n", f"---\n{line}\n", 1)
    )
    forum_md.write_text(text, encoding="utf-8")
    for old in records.rglob("*.es.md"):
        old.unlink()
    if not translated:
        return
    for kind in TITLED:
        for path in (records / kind).glob("*.md"):
            if path.stem.count(".") == 0:
                body = _body(path) if bodies else ""
                path.with_name(f"{path.stem}.es.md").write_text(
                    f"---\ntitle: Título en español de {path.stem}\n---\n{body}",
                    encoding="utf-8",
                )


def _body(path: Path) -> str:
    """The original's body, made another text: each paragraph said again in "Spanish"."""
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if "\n---\n" in text else ""
    return "\n\n".join(f"En español: {part}" for part in body.split("\n\n") if part.strip())


def timed(config_file: Path, runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (the build and its children: Pagefind, the
    worker) of `runs` builds; CPU time is what a busy machine does not distort."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [str(mkdocs), "build", "-q", "-f", str(config_file)],
            check=True,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=0, help="synthetic records (0: demo)")
    parser.add_argument("--shape", help="a shape of bench/shapes.py (with --records)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="openforum-languages-") as folder:
        out = Path(folder)
        records = forum(out, args.records, args.shape)
        config_file = openforum_config(out)  # as bench/scale.py builds it
        variants = (
            ("one language [en]", "[en]", False, False),
            ("two [en, es], nothing translated", "[en, es]", False, False),
            ("two [en, es], every title translated", "[en, es]", True, False),
            ("two [en, es], titles and bodies", "[en, es]", True, True),
        )
        # Run by run, each variant in turn: a machine whose speed drifts over minutes (a
        # shared VM) then slows all of them alike, not the ones measured last.
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name, *_ in variants}
        for _ in range(args.runs):
            for name, languages, translated, bodies in variants:
                set_languages(records, languages, translated, bodies)
                runs[name].append(timed(config_file, 1))
        results = {
            name: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
            for name, got in runs.items()
        }
        wall, cpu = results["one language [en]"]
        count = len(list(records.rglob("*.md")))
        print(
            f"{'demo' if not args.records else args.shape or 'synthetic'} forum, {count} files, "
            f"median of {args.runs} runs of `mkdocs build` (wall time, CPU time):"
        )
        for name, (seconds, used) in results.items():
            print(
                f"  {name:<40} {seconds:6.2f} s x{seconds / wall:.2f}   "
                f"CPU {used:6.2f} s x{used / cpu:.2f}"
            )


if __name__ == "__main__":
    main()
