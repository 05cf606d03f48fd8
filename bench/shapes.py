"""Synthetic forums of several shapes, written to the data contract, for the benchmarks.

    .venv/bin/python bench/shapes.py SHAPE N OUT_DIR [--seed S]

A build that is linear on one shape of forum can grow faster than the records on another:
what grows is not the number of files but the lists inside them (attendance, seats,
submissions) and the text of bodies. Each shape stresses one of them; the proportions of
kinds are those of bench/synthetic.py (a long-lived national Forum).

  rotating     members rotate through four-year terms, 20 to 100 seats held at a time;
               each meeting is attended by most of the members seated on its day, and
               some decisions are voted (the counts fit the voting members present)
  attend-all   every member holds an open seat and attends every meeting: attendance
               grows as members x meetings
  long-bodies  minutes, descriptions and submissions ten times longer than usual
  one-consultation  every submission answers the same consultation
  rich         records that use most of the contract's lists (shape_rich.py): ten
               milestones a commitment, eight agenda items and four decisions a meeting,
               organizations, bodies; members rotate as in "rotating"

Every reference resolves and every date coheres: each shape validates clean.
"""

from __future__ import annotations

import argparse
import random
import shutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from synthetic import SECTORS, SHARES, WORDS, prose, write

SHAPES = ("rotating", "attend-all", "long-bodies", "one-consultation", "rich")
START = date(1990, 1, 1)
TERM_DAYS = 4 * 365


def _counts(total: int) -> dict[str, int]:
    return {kind: max(1, round(total * share)) for kind, share in SHARES.items()}


def _seated(members: int) -> int:
    """Seats held at a time: 20 to 100 (records.md's Forums range from a dozen to ~100)."""
    return max(min(20, members), min(100, members // 6))


class Forum:
    """One shape's forum, written kind by kind into `out`."""

    def __init__(self, shape: str, total: int, out: Path, seed: int) -> None:
        self.shape = shape
        self.rng = random.Random(seed)
        self.counts = _counts(total)
        self.out = out
        self.long = 10 if shape == "long-bodies" else 1
        self.members = [f"member-{n:05d}" for n in range(self.counts["members"])]
        seats = _seated(len(self.members))
        # Rotating: members take seats in waves of `seats`, each for one four-year term, so
        # the forum's history spans as many terms as there are waves.
        waves = max(1, -(-len(self.members) // seats))
        rotates = shape in ("rotating", "rich")
        self.span = max(TERM_DAYS * waves if rotates else 0, 8000)
        self.terms: dict[str, tuple[date, date | None]] = {}
        for index, member in enumerate(self.members):
            if rotates:
                first = START + timedelta(days=(index // seats) * TERM_DAYS)
                self.terms[member] = (first, first + timedelta(days=TERM_DAYS - 1))
            elif shape == "attend-all":
                self.terms[member] = (START, None)
            else:
                first = START + timedelta(days=self.rng.randint(0, 8000))
                self.terms[member] = (first, first + timedelta(days=730))

    def text(self, words: int) -> str:
        return prose(self.rng, words * self.long)

    def write_all(self) -> dict[str, int]:
        if self.out.exists():
            shutil.rmtree(self.out)
        self.forum()
        self.member_files()
        self.plans_and_consultations()
        self.commitment_files()
        self.meeting_files()
        self.submission_files()
        self.other_files()
        return self.counts

    def forum(self) -> None:
        rule = "simple_majority"
        write(
            self.out / "forum.md",
            f"name: Forum of shape {self.shape}\ncountry: Synthland\ntimezone: Europe/Lisbon\n"
            f"established: {{date: {START}, instrument: law}}\nmandate: mixed\n"
            f"rules:\n  decision_rule: {rule}\n  quorum: 1/2\n  notice_days: 14\n"
            "  minutes_due_days: 30\n  max_meeting_gap_months: 6\n  assessment_every_months: 12\n",
            self.text(300),
        )

    def member_files(self) -> None:
        for index, member in enumerate(self.members):
            first, last = self.terms[member]
            until = f"\n    to: {last}" if last else ""
            write(
                self.out / "members" / f"{member}.md",
                f"name: Member {index}\nkind: person\nsector: {SECTORS[index % 4]}\n"
                f"organization: Organisation {index % 40}\n"
                f"seats:\n  - role: member\n    from: {first}{until}\n"
                f"contact: {{email: member{index}@example.org, public: false}}",
                self.text(80),
            )

    def plans_and_consultations(self) -> None:
        self.plans = [f"nap{n:03d}" for n in range(self.counts["plans"])]
        self.consultations = [f"consultation-{n:04d}" for n in range(self.counts["consultations"])]
        for index, plan in enumerate(self.plans):
            begin = START + timedelta(days=365 * (index % 30))
            end = begin + timedelta(days=729)
            front, body = self.plan(index, plan, begin, end)
            write(
                self.out / "plans" / f"{plan}.md",
                f"title: Action plan {index}\nnumber: {index + 1}\n"
                f"period: {{start: {begin}, end: {end}}}\n{front}",
                body,
            )
        for index, consultation in enumerate(self.consultations):
            opens = START + timedelta(days=self.rng.randint(30, 8000))
            write(
                self.out / "consultations" / f"{consultation}.md",
                f"title: Consultation {index} on {' '.join(self.rng.sample(WORDS, 3))}\n"
                f"plan: {self.plans[index % len(self.plans)]}\n"
                f"timeline_published: {opens - timedelta(days=20)}\n"
                f"opens: {opens}\ncloses: {opens + timedelta(days=45)}\n"
                f"{self.consultation_means(opens)}"
                f"summary_published: {opens + timedelta(days=80)}",
                self.text(300),
            )

    def plan(self, index: int, plan: str, begin: date, end: date) -> tuple[str, str]:
        """A plan's fields after its period, and its body."""
        status = self.rng.choice(["implementation", "closed"])
        return (
            f"status: {status}\nphases:\n  - {{phase: implementation, start: {begin}, end: {end}}}",
            "",
        )

    def consultation_means(self, opens: date) -> str:
        """A consultation's channels (and events, awareness), a line each."""
        return "channels: [online_platform, in_person]\n"

    def commitment_files(self) -> None:
        self.commitments = [f"c-{n:05d}" for n in range(self.counts["commitments"])]
        rng = self.rng
        for index, commitment in enumerate(self.commitments):
            status = rng.choice(["not_started", "limited", "substantial", "complete"])
            milestones = "\n".join(
                f"  - {{id: {m}, title: {rng.choice(WORDS)} {rng.choice(WORDS)}, "
                f"due: 2024-0{m}-15, status: in_progress}}"
                for m in range(1, 5)
            )
            write(
                self.out / "commitments" / f"{commitment}.md",
                f'title: "Commitment {index}: {" ".join(rng.sample(WORDS, 5))}"\n'
                f"plan: {self.plans[index % len(self.plans)]}\n"
                f"theme: {rng.choice(WORDS).title()}\n"
                f"lead: {rng.choice(self.members)}\nstatus: {status}\nmilestones:\n{milestones}\n"
                f"progress:\n  - {{date: 2023-06-30, status: limited, note: Started.}}\n"
                f"  - {{date: 2024-06-30, status: {status}, note: Reported.}}",
                self.text(500),
            )

    def seated_on(self, day: date) -> list[str]:
        return [m for m, (a, b) in self.terms.items() if a <= day and (b is None or day <= b)]

    def meeting_days(self) -> Iterator[tuple[int, date, list[str]]]:
        """Each meeting's number, day and the members seated that day, spread over the span."""
        count = self.counts["meetings"]
        step = max(1, self.span // max(1, count))
        for index in range(count):
            day = START + timedelta(days=30 + index * step)
            yield index, day, self.seated_on(day)

    def meeting_files(self) -> None:
        rng = self.rng
        for index, day, seated in self.meeting_days():
            if self.shape == "attend-all":
                present = list(self.members)
            elif self.shape == "rotating":
                present = [m for m in seated if rng.random() < 0.8] or seated[:1]
            else:
                present = rng.sample(self.members, min(8, len(self.members)))
            decision = f"  - {{id: d{index:05d}, text: Adopt the report, rule: consensus, "
            decision += "result: adopted}"
            if self.shape != "one-consultation" and seated and set(present) <= set(seated):
                # A vote the rule (simple majority) agrees with, within the members present.
                against = len(present) // 4
                decision += (
                    f"\n  - {{id: v{index:05d}, text: Approve the budget, "
                    f"votes: {{for: {len(present) - against}, against: {against}, abstain: 0}}, "
                    "result: adopted}"
                )
            write(
                self.out / "meetings" / f"{day}-m{index:05d}.md",
                f"title: Meeting {index}\nkind: {rng.choice(['plenary', 'working_group'])}\n"
                f"status: held\nstart: {day}T10:00\nend: {day}T12:00\n"
                f"location: {{name: Room {index % 9}}}\nannounced: {day - timedelta(days=15)}\n"
                f"agenda:\n  - title: {' '.join(rng.sample(WORDS, 4))}\n"
                f"    commitments: [{rng.choice(self.commitments)}]\n"
                f"attendance:\n  present: [{', '.join(present)}]\n"
                f"decisions:\n{decision}\n"
                f"minutes: {{status: approved, published: {day + timedelta(days=20)}}}",
                self.text(600),
            )

    def submission_files(self) -> None:
        rng = self.rng
        for index in range(self.counts["submissions"]):
            one = self.shape == "one-consultation"
            consultation = self.consultations[0 if one else index % len(self.consultations)]
            write(
                self.out / "consultations" / consultation / f"s{index:05d}.md",
                f"submitted: 2020-01-{1 + index % 28:02d}\nchannel: online_platform\n"
                f"author: {{name: Citizen {index}, sector: civil_society, "
                f"publish_name: {rng.choice(['true', 'false'])}}}\n"
                "response: {outcome: "
                f"{rng.choice(['adopted', 'not_adopted', 'partly_adopted'])}, "
                "reason: Considered by the Forum.}",
                self.text(150),
            )

    def other_files(self) -> None:
        for index in range(self.counts["assessments"]):
            write(
                self.out / "assessments" / f"assessment-{index:04d}.md",
                f"title: Self-assessment {index}\nsubject: forum\n"
                "period: {start: 2020-01-01, end: 2020-06-30}\npublished: 2020-07-15",
                self.text(400),
            )
        for index in range(self.counts["partners"]):
            write(
                self.out / "partners" / f"partner-{index:03d}.md",
                f"name: Partner {index}\nkind: multilateral\n"
                "reviews: [{date: 2020-04-20, outcome: renewed}]",
                self.text(200),
            )


def generate(shape: str, total: int, out: Path, seed: int = 1) -> dict[str, int]:
    """Write a forum of `shape` with about `total` records into `out` (replaced)."""
    if shape not in SHAPES:
        raise SystemExit(f"unknown shape '{shape}': one of {', '.join(SHAPES)}")
    if shape == "rich":
        from shape_rich import RichForum  # a subclass of Forum: imported once Forum is

        return RichForum(shape, total, out, seed).write_all()
    return Forum(shape, total, out, seed).write_all()


Generator = Callable[[int, Path], dict[str, int]]


def generator(shape: str) -> Generator:
    return lambda total, out: generate(shape, total, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("shape", choices=SHAPES)
    parser.add_argument("total", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = generate(args.shape, args.total, args.out, args.seed)
    print(f"wrote {sum(counts.values()) + 1} records ({args.shape}) to {args.out}: {counts}")


if __name__ == "__main__":
    main()
