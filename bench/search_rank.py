"""Does the site's own search find a record first when asked for its id, title or name?

    .venv/bin/python bench/search_rank.py SITE FORUM_RECORDS [--sample 100]

Runs Material's search worker on the built index in Node (bench/search_rank.js), asks it
for a sample of commitment ids and titles and of member names, and counts how often the
record's own page is the first result, and among the first three. Needs `node` on PATH.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
_FIELD = re.compile(r"^(title|name): *(.+)$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Ranking:
    what: str
    asked: int
    first: int  # the record's page is the first result
    top3: int  # ... among the first three
    misses: list[str]  # a few queries whose first result was another page


def _field(path: Path, name: str) -> str | None:
    for key, value in _FIELD.findall(path.read_text(encoding="utf-8")[:4000]):
        if key == name:
            return value.strip().strip("\"'")
    return None


def queries(records: Path, sample: int, seed: int = 7) -> dict[str, dict[str, str]]:
    """What to ask, by kind of question: query -> the location expected first."""
    rng = random.Random(seed)
    commitments = sorted(records.glob("commitments/*.md"))
    members = sorted(records.glob("members/*.md"))
    picked = rng.sample(commitments, min(sample, len(commitments)))
    people = rng.sample(members, min(sample, len(members)))
    asked: dict[str, dict[str, str]] = {"commitment id": {}, "commitment title": {}}
    asked["member name"] = {}
    for path in picked:
        location = f"commitments/{path.stem}/"
        asked["commitment id"][path.stem] = location
        if title := _field(path, "title"):
            asked["commitment title"][title] = location
    for path in people:
        if name := _field(path, "name"):
            asked["member name"][name] = f"members/{path.stem}/"
    return asked


def rank(site: Path, records: Path, sample: int = 100) -> tuple[float, list[Ranking]] | None:
    """(seconds the worker took to build its index, rankings); None without Node."""
    node = shutil.which("node")
    if node is None:
        return None
    asked = queries(records, sample)
    every = [query for group in asked.values() for query in group]
    out = subprocess.run(
        [node, str(HERE / "search_rank.js"), str(site)],
        input=json.dumps(every),
        capture_output=True,
        text=True,
        check=True,
    )
    answer = json.loads(out.stdout)
    rankings = []
    for what, group in asked.items():
        found = answer["results"]
        misses = [q for q, where in group.items() if found[q][:1] != [where]]
        top3 = sum(1 for q, where in group.items() if where in found[q][:3])
        rankings.append(Ranking(what, len(group), len(group) - len(misses), top3, misses[:3]))
    return answer["setup_ms"] / 1000, rankings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("records", type=Path)
    parser.add_argument("--sample", type=int, default=100)
    args = parser.parse_args()
    result = rank(args.site, args.records, args.sample)
    if result is None:
        raise SystemExit("node is not on PATH: the search ranking needs it")
    setup, rankings = result
    print(f"search worker built its index in {setup:.1f} s")
    for r in rankings:
        print(
            f"  {r.what}: first for {r.first} of {r.asked}"
            + (f"; e.g. {r.misses}" if r.misses else "")
        )


if __name__ == "__main__":
    main()
