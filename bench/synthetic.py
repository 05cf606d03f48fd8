"""Writes a realistic synthetic forum of about N records, for benchmarks.

    .venv/bin/python bench/synthetic.py N OUT_DIR [--seed S]

Proportions follow a long-lived national Forum: many submissions, commitments and meetings;
fewer members, consultations and plans; a handful of assessments and partners. Every
reference resolves and every date coheres, so the forum validates clean.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

WORDS = [
    "forum",
    "commitment",
    "ministry",
    "public",
    "data",
    "access",
    "budget",
    "transparency",
    "citizens",
    "report",
    "consultation",
    "milestone",
    "municipal",
    "register",
    "contract",
    "procurement",
    "openness",
    "review",
    "civil",
    "society",
    "agency",
    "plan",
    "implementation",
    "progress",
    "evidence",
    "decision",
    "meeting",
    "members",
    "council",
    "participation",
    "accountability",
    "standard",
    "portal",
    "training",
    "regional",
    "health",
    "education",
    "water",
    "justice",
    "court",
    "parliament",
    "youth",
    "women",
    "digital",
    "services",
    "information",
    "request",
    "response",
    "monitoring",
    "indicator",
    "baseline",
    "timeline",
    "draft",
    "approved",
    "published",
    "feedback",
    "workshop",
    "survey",
]

SHARES = {  # of N records
    "submissions": 0.40,
    "commitments": 0.20,
    "meetings": 0.20,
    "members": 0.12,
    "consultations": 0.04,
    "plans": 0.02,
    "assessments": 0.015,
    "partners": 0.005,
}
SECTORS = ("government", "civil_society", "academia", "private_sector")


def prose(rng: random.Random, words: int) -> str:
    """Paragraphs of plausible-looking text of about `words` words."""
    paragraphs = []
    while words > 0:
        size = min(words, rng.randint(40, 90))
        sentence_words = [rng.choice(WORDS) for _ in range(size)]
        text = " ".join(sentence_words).capitalize()
        paragraphs.append(text.replace(" public ", ". Public ") + ".")
        words -= size
    return "\n\n".join(paragraphs)


def write(path: Path, front: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}\n", encoding="utf-8")


def generate(total: int, out: Path, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    counts = {kind: max(1, round(total * share)) for kind, share in SHARES.items()}
    if out.exists():
        shutil.rmtree(out)
    start = date(2000, 1, 1)
    write(
        out / "forum.md",
        "name: Synthetic Forum\ncountry: Synthland\ntimezone: Europe/Lisbon\n"
        "established: {date: 2000-01-01, instrument: law}\nmandate: mixed\n"
        "rules:\n  decision_rule: simple_majority\n  quorum: 1/2\n  notice_days: 14\n"
        "  minutes_due_days: 30\n  max_meeting_gap_months: 6\n  assessment_every_months: 12\n",
        prose(rng, 300),
    )
    members = [f"member-{n:05d}" for n in range(counts["members"])]
    for index, member in enumerate(members):
        first = start + timedelta(days=rng.randint(0, 8000))
        write(
            out / "members" / f"{member}.md",
            f"name: Member {index}\nkind: person\nsector: {SECTORS[index % 4]}\n"
            f"organization: Organisation {index % 40}\n"
            f"seats:\n  - role: member\n    from: {first}\n    to: {first + timedelta(days=730)}\n"
            f"contact: {{email: member{index}@example.org, public: false}}",
            prose(rng, 80),
        )
    plans = [f"nap{n:03d}" for n in range(counts["plans"])]
    consultations = [f"consultation-{n:04d}" for n in range(counts["consultations"])]
    for index, plan in enumerate(plans):
        begin = start + timedelta(days=365 * (index % 24))
        write(
            out / "plans" / f"{plan}.md",
            f"title: Action plan {index}\nnumber: {index + 1}\n"
            f"period: {{start: {begin}, end: {begin + timedelta(days=729)}}}\n"
            f"status: {rng.choice(['implementation', 'closed'])}\n"
            f"phases:\n  - {{phase: implementation, start: {begin}, "
            f"end: {begin + timedelta(days=729)}}}",
            "",
        )
    for index, consultation in enumerate(consultations):
        opens = start + timedelta(days=rng.randint(0, 8000))
        write(
            out / "consultations" / f"{consultation}.md",
            f"title: Consultation {index} on {' '.join(rng.sample(WORDS, 3))}\n"
            f"plan: {plans[index % len(plans)]}\ntimeline_published: {opens - timedelta(days=20)}\n"
            f"opens: {opens}\ncloses: {opens + timedelta(days=45)}\n"
            f"channels: [online_platform, in_person]\n"
            f"summary_published: {opens + timedelta(days=80)}",
            prose(rng, 300),
        )
    commitments = [f"c-{n:05d}" for n in range(counts["commitments"])]
    for index, commitment in enumerate(commitments):
        status = rng.choice(["not_started", "limited", "substantial", "complete"])
        milestones = "\n".join(
            f"  - {{id: {m}, title: {rng.choice(WORDS)} {rng.choice(WORDS)}, "
            f"due: 2024-0{m}-15, status: in_progress}}"
            for m in range(1, 5)
        )
        write(
            out / "commitments" / f"{commitment}.md",
            f'title: "Commitment {index}: {" ".join(rng.sample(WORDS, 5))}"\n'
            f"plan: {plans[index % len(plans)]}\ntheme: {rng.choice(WORDS).title()}\n"
            f"lead: {rng.choice(members)}\nstatus: {status}\nmilestones:\n{milestones}\n"
            f"progress:\n  - {{date: 2023-06-30, status: limited, note: Started.}}\n"
            f"  - {{date: 2024-06-30, status: {status}, note: Reported.}}",
            prose(rng, 500),
        )
    for index in range(counts["meetings"]):
        day = start + timedelta(days=index * 3)
        present = ", ".join(rng.sample(members, min(8, len(members))))
        write(
            out / "meetings" / f"{day}-m{index:05d}.md",
            f"title: Meeting {index}\nkind: {rng.choice(['plenary', 'working_group'])}\n"
            f"status: held\nstart: {day}T10:00\nend: {day}T12:00\n"
            f"location: {{name: Room {index % 9}}}\nannounced: {day - timedelta(days=15)}\n"
            f"agenda:\n  - title: {' '.join(rng.sample(WORDS, 4))}\n"
            f"    commitments: [{rng.choice(commitments)}]\n"
            f"attendance:\n  present: [{present}]\n"
            # By consensus: the sampled attendees need not hold voting seats on the day, and
            # votes may not outnumber the voting members present (validate refuses it).
            f"decisions:\n  - {{id: d{index:05d}, text: Adopt the report, rule: consensus, "
            f"result: adopted}}\n"
            f"minutes: {{status: approved, published: {day + timedelta(days=20)}}}",
            prose(rng, 600),
        )
    for index in range(counts["submissions"]):
        consultation = consultations[index % len(consultations)]
        write(
            out / "consultations" / consultation / f"s{index:05d}.md",
            f"submitted: 2020-01-{1 + index % 28:02d}\nchannel: online_platform\n"
            f"author: {{name: Citizen {index}, sector: civil_society, "
            f"publish_name: {rng.choice(['true', 'false'])}}}\n"
            f"response: {{outcome: {rng.choice(['adopted', 'not_adopted', 'partly_adopted'])}, "
            f"reason: Considered by the Forum.}}",
            prose(rng, 150),
        )
    for index in range(counts["assessments"]):
        write(
            out / "assessments" / f"assessment-{index:04d}.md",
            f"title: Self-assessment {index}\nsubject: forum\n"
            f"period: {{start: 2020-01-01, end: 2020-06-30}}\npublished: 2020-07-15",
            prose(rng, 400),
        )
    for index in range(counts["partners"]):
        write(
            out / "partners" / f"partner-{index:03d}.md",
            f"name: Partner {index}\nkind: multilateral\n"
            f"reviews: [{{date: 2020-04-20, outcome: renewed}}]",
            prose(rng, 200),
        )
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("total", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = generate(args.total, args.out, args.seed)
    print(f"wrote {sum(counts.values()) + 1} records to {args.out}: {counts}")


if __name__ == "__main__":
    main()
