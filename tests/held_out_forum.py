"""A second forum for the browser tests, with words planted where a citizen would search.

bench/synthetic.py writes a forum whose every reference resolves; each meeting's minutes
and decision, each commitment's description and each submission then get words of their
own, made up at random, so that a search for one has exactly one right answer.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import PROJECT

sys.path.insert(0, str(PROJECT / "bench"))
from synthetic import generate

SYLLABLES = (
    "bra",
    "cor",
    "dex",
    "fen",
    "gal",
    "hov",
    "jin",
    "kel",
    "lum",
    "mav",
    "nor",
    "pex",
    "quo",
    "ros",
    "sul",
    "tav",
    "urn",
    "vel",
    "wix",
    "zan",
)


@dataclass(frozen=True, slots=True)
class Planted:
    word: str
    url: str  # the page that should be found: "/meetings/<id>/" or with "#submission-<sid>"
    where: str  # "minutes", "decision", "description" or "submission"


def made_up_word(rng: random.Random, taken: set[str]) -> str:
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(3))
        if word not in taken:
            taken.add(word)
            return word


def write_held_out_forum(out: Path, total: int = 100, seed: int = 15) -> list[Planted]:
    generate(total, out, seed)
    for path in (out / "meetings").glob("*.md"):
        # The synthetic attendance lists members whatever their seats' dates: a vote
        # count would not add up, so the decisions here are taken by consensus.
        text = path.read_text(encoding="utf-8")
        text = text.replace(
            "rule: simple_majority, votes: {for: 5, against: 2, abstain: 1}", "rule: consensus"
        )
        path.write_text(text, encoding="utf-8")
    rng = random.Random(seed)
    taken: set[str] = set()
    planted: list[Planted] = []

    def plant(path: Path, url: str, where: str, field: str | None = None) -> None:
        word = made_up_word(rng, taken)
        text = path.read_text(encoding="utf-8")
        if field is None:  # the body: minutes, description, submission
            text = text.rstrip("\n") + f"\n\nThe {word} question was raised again.\n"
        else:
            text = re.sub(rf"({field}: )([^,}}\n]+)", rf"\1\2 on the {word} matter", text, count=1)
        path.write_text(text, encoding="utf-8")
        planted.append(Planted(word, url, where))

    for path in sorted((out / "meetings").glob("*.md")):
        plant(path, f"/meetings/{path.stem}/", "minutes")
        plant(path, f"/meetings/{path.stem}/", "decision", field="text")
    for path in sorted((out / "commitments").glob("*.md")):
        plant(path, f"/commitments/{path.stem}/", "description")
    for path in sorted((out / "consultations").glob("*/*.md")):
        url = f"/consultations/{path.parent.name}/#submission-{path.stem}"
        plant(path, url, "submission")
    return planted
