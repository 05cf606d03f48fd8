"""A forum's records written again as another team's program might write them.

    .venv/bin/python bench/restyle.py RECORDS OUT

The generated shapes (shapes.py) write front matter by hand, one-line lists and all, with
private values that begin alike ("Citizen 12", "member12@example.org") and bodies of plain
prose. A forum kept by others differs on each count, and each count has its own cost: here
front matter is dumped by PyYAML (a list one item a line), people get names, e-mails and
phone numbers that begin with every letter, and bodies get lists, emphasis, links and
headings. Build it beside the shapes with `shapes_bench.py --forum OUT`.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

FIRST = ["Amina", "Juan", "María", "Li", "Wei", "Fátima", "Olga", "Peter", "Sara", "Tomás"]
FIRST += ["Inés", "Yusuf", "Chen", "Kofi", "Ana", "Luis", "Rosa", "Iván", "Nadia", "Omar"]
FIRST += ["Ruth", "Emma", "Paulo", "Jorge", "Lena", "Noor", "Hana", "David", "Zara", "Ngozi"]
LAST = ["Diallo", "García", "Pérez", "Wang", "Okafor", "Silva", "Novák", "Kim", "Ali", "Mensah"]
LAST += ["Costa", "Haddad", "Nguyen", "Rossi", "Smith", "Jones", "Moreau", "Khan", "Tanaka"]
LAST += ["López", "Santos", "Ferreira", "Mwangi", "Kowalski", "Hansen", "Petrov", "Abebe"]
DOMAINS = ("gob", "ong", "mail", "civic")
PHONE_GROUPS = ((100, 999), (100, 999), (1000, 9999))
# libyaml's, where PyYAML has it: a forum of 10,000 records is read and written in seconds.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Restyler:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def name(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def contact(self, name: str) -> dict[str, Any]:
        first, last = (part.lower().encode("ascii", "ignore").decode() for part in name.split())
        domain = self.rng.choice(DOMAINS)
        return {
            "email": f"{first}.{last}{self.rng.randint(1, 999)}@{domain}.example",
            "phone": " ".join(
                ["+" + str(self.rng.randint(1, 99))]
                + [str(self.rng.randint(low, high)) for low, high in PHONE_GROUPS]
            ),
            "public": self.rng.random() < 0.2,
        }

    def body(self, text: str) -> str:
        """Paragraphs kept, some turned into a list, given emphasis and a link, or headed."""
        out = []
        for paragraph in (p for p in text.split("\n\n") if p.strip()):
            words = paragraph.split()
            roll = self.rng.random()
            if roll < 0.25 and len(words) > 12:
                step = max(1, len(words) // self.rng.randint(3, 5))
                items = [" ".join(words[at : at + step]) for at in range(0, len(words), step)]
                out.append("\n".join(f"- {item.capitalize()}" for item in items))
            elif roll < 0.5:
                at = self.rng.randrange(len(words))
                words[at] = f"**{words[at]}**"
                at = self.rng.randrange(len(words))
                slug = words[at].strip("*.,").lower()
                words[at] = f"[{words[at]}](https://www.example.org/{slug})"
                out.append(" ".join(words))
            elif roll < 0.6:
                out.append("## " + " ".join(words[:4]).capitalize() + "\n\n" + paragraph)
            else:
                out.append(paragraph)
        return "\n\n".join(out) + "\n"

    def record(self, kind: str, data: Any, body: str) -> tuple[Any, str]:
        if isinstance(data, dict):
            if kind == "members" and data.get("kind") == "person":
                data["name"] = self.name()
                data["contact"] = self.contact(data["name"])
            if isinstance(data.get("author"), dict):
                data["author"]["name"] = self.name()
        return data, self.body(body) if body.strip() and kind != "forum.md" else body


def restyle(records: Path, out: Path, seed: int = 7) -> int:
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(records, out)
    restyler = Restyler(seed)
    count = 0
    for path in sorted(out.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        end = text.index("\n---\n", 4)
        data = yaml.load(text[4:end], Loader=LOADER)
        kind = path.relative_to(out).parts[0]
        data, body = restyler.record(kind, data, text[end + 5 :])
        front = yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True)
        path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
        count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(f"{restyle(args.records, args.out)} records written to {args.out}")


if __name__ == "__main__":
    main()
