"""The "rich" shape of bench/shapes.py: records that use most of the contract's lists.

Real plans write commitments of several kilobytes (milestones with indicators, progress
reports with evidence, supporting institutions, the IRM's assessment) and meetings with
long agendas, documents and several decisions. Here each record holds them, as a
national Forum's records do after a few plans:

  commitments   ten milestones of two indicators each, five progress reports with
                evidence, a lead and supporters among the organizations (records.md,
                version 2), an IRM assessment, month and year dates, an old id
  meetings      one of three bodies, eight agenda items (commitments, a document each),
                four decisions (two voted, within the members present), apologies,
                guests and documents; members rotate as in "rotating"
  consultations four events, awareness, four channels; each plan links its own
  submissions   from organisations, each response naming a commitment

The rest of the file's shapes vary one list; this one grows what every page shows, where
plain Material's pages (title and body) do not grow at all.
"""

from __future__ import annotations

from datetime import date, timedelta

from shapes import START, Forum
from synthetic import SECTORS, WORDS, write

BODIES = ("plenary", "wg-data", "wg-justice")
MILESTONES = 10
INDICATORS = 2
REPORTS = 5
AGENDA_ITEMS = 8
DECISIONS = 4


class RichForum(Forum):
    def forum(self) -> None:
        write(
            self.out / "forum.md",
            "name: Forum of shape rich\ncountry: Synthland\ntimezone: Europe/Lisbon\n"
            f"established: {{date: {START}, instrument: executive_decree}}\nmandate: mixed\n"
            "rules:\n  decision_rule: simple_majority\n  quorum: 1/3\n  notice_days: 7\n"
            "  minutes_due_days: 30\n  max_meeting_gap_months: 6\n  assessment_every_months: 12\n"
            "bodies:\n  - {id: plenary, name: Plenary, kind: plenary}\n"
            "  - {id: wg-data, name: Working group on data, kind: working_group}\n"
            "  - {id: wg-justice, name: Working group on justice, kind: working_group}",
            self.text(300),
        )
        self.organizations = [f"org-{n:04d}" for n in range(max(5, len(self.members) // 12))]
        self.counts["organizations"] = len(self.organizations)
        for index, organization in enumerate(self.organizations):
            parent = f"\nparent: {self.organizations[index // 10]}" if index >= 10 else ""
            write(
                self.out / "organizations" / f"{organization}.md",
                f"name: Agency {index} for {self.rng.choice(WORDS)}\n"
                f"sector: {SECTORS[index % 4]}{parent}\nurl: https://agency{index}.example.org/",
                self.text(60),
            )

    def plan(self, index: int, plan: str, begin: date, end: date) -> tuple[str, str]:
        front = (
            f"status: closed\nconsultation: {self.consultations[index % len(self.consultations)]}\n"
            f"phases:\n  - {{phase: development, start: {begin - timedelta(days=200)}, "
            f"end: {begin - timedelta(days=1)}}}\n"
            f"  - {{phase: implementation, start: {begin}, end: {end}}}\n"
            f"  - {{phase: assessment, start: {end + timedelta(days=1)}, "
            f"end: {end + timedelta(days=180)}}}\n"
            f"url: https://ogp.example.org/plans/{plan}.pdf"
        )
        return front, self.text(200)

    def consultation_means(self, opens: date) -> str:
        events = "\n".join(
            f"  - {{date: {opens + timedelta(days=5 * n)}, place: Town {n}, kind: workshop, "
            f"participants: {20 + self.rng.randint(0, 60)}}}"
            for n in range(4)
        )
        return (
            "channels: [online_platform, in_person, email, workshop]\n"
            f"events:\n{events}\n"
            "awareness: [Radio spots in three regions, Posters in town halls]\n"
        )

    def commitment_files(self) -> None:
        self.commitments = [f"c-{n:05d}" for n in range(self.counts["commitments"])]
        rng = self.rng
        for index, commitment in enumerate(self.commitments):
            status = rng.choice(["not_started", "limited", "substantial", "complete"])
            milestones = "\n".join(self._milestone(n) for n in range(1, MILESTONES + 1))
            reports = "\n".join(
                f"  - date: 2023-{n + 1:02d}-28\n    status: limited\n"
                f"    note: {self.text(20).strip()}\n"
                f"    evidence: [https://evidence.example.org/{commitment}/{n}]"
                for n in range(REPORTS)
            )
            supporting = [*rng.sample(self.organizations, 2), rng.choice(self.members)]
            write(
                self.out / "commitments" / f"{commitment}.md",
                f'title: "Commitment {index}: {" ".join(rng.sample(WORDS, 6))}"\n'
                f"plan: {self.plans[index % len(self.plans)]}\nogp_id: SY{index:04d}\n"
                f"theme: {rng.choice(WORDS).title()}\nlead: {rng.choice(self.organizations)}\n"
                f"supporting: [{', '.join(supporting)}, Media Council]\n"
                "period: {start: 2023-03, end: 2024}\n"
                "ogp_values: [access_to_information, civic_participation]\n"
                f"status: {status}\nmilestones:\n{milestones}\n"
                f"progress:\n{reports}\n"
                f"  - {{date: 2024-06-30, status: {status}, note: Reported.}}\n"
                "irm: {potential: substantial, completion: limited, early_results: marginal, "
                f"starred: false}}\naliases: [old-{index}]",
                self.text(500),
            )

    def _milestone(self, number: int) -> str:
        rng = self.rng
        status = rng.choice(["not_started", "in_progress", "complete"])
        done = "\n    done: 2024-01-10" if status == "complete" else ""
        indicators = "\n".join(
            f"      - {{title: Indicator {number}.{n} {rng.choice(WORDS)}, due: 2024-{number:02d}, "
            f"status: in_progress, note: {rng.choice(WORDS)}}}"
            for n in range(INDICATORS)
        )
        return (
            f"  - id: {number}\n    title: {' '.join(rng.sample(WORDS, 5))}\n"
            f"    due: 2024-{number:02d}-15\n    status: {status}{done}\n"
            f"    indicators:\n{indicators}"
        )

    def meeting_files(self) -> None:
        rng = self.rng
        for index, day, seated in self.meeting_days():
            key = f"{day}-s{index:05d}"
            present = [m for m in seated if rng.random() < 0.8] or seated[:1]
            apologies = [m for m in seated if m not in present][:5]
            agenda = "\n".join(
                f"  - title: {' '.join(rng.sample(WORDS, 4))}\n"
                f"    commitments: [{', '.join(rng.sample(self.commitments, 2))}]\n"
                f"    documents: [{{title: Paper {n}, "
                f"url: 'https://docs.example.org/{key}/{n}.pdf', "
                f"kind: paper, published: {day - timedelta(days=3)}}}]"
                for n in range(AGENDA_ITEMS)
            )
            decisions = "\n".join(self._decision(key, n, present) for n in range(DECISIONS))
            write(
                self.out / "meetings" / f"{key}.md",
                f"title: Session {index}\nkind: plenary\nbody: {BODIES[index % 3]}\n"
                f"status: held\nstart: {day}T10:00\nend: {day}T13:00\n"
                f"location: {{name: Room {index % 7}, address: 1 Main Street, "
                f"online: https://meet.example.org/{index}}}\n"
                f"announced: {day - timedelta(days=10)}\nagenda:\n{agenda}\n"
                f"attendance:\n  present: [{', '.join(present)}]\n"
                f"  apologies: [{', '.join(apologies)}]\n"
                "  guests: [Observer from the IRM, Journalist]\n"
                f"decisions:\n{decisions}\n"
                f"minutes: {{status: approved, published: {day + timedelta(days=20)}}}\n"
                f"documents: [{{title: Minutes, url: 'https://docs.example.org/{key}/minutes.pdf', "
                f"kind: minutes}}, {{title: Recording, url: 'https://video.example.org/{index}', "
                "kind: recording}]",
                self.text(600),
            )

    def _decision(self, meeting: str, number: int, present: list[str]) -> str:
        text = " ".join(self.rng.sample(WORDS, 6))
        if number % 2 and present:
            against = len(present) // 4
            return (
                f"  - {{id: {meeting}-{number}, text: {text}, votes: {{for: "
                f"{len(present) - against}, against: {against}, abstain: 0}}, result: adopted, "
                f"commitments: [{self.rng.choice(self.commitments)}]}}"
            )
        return f"  - {{id: {meeting}-{number}, text: {text}, rule: consensus, result: adopted}}"

    def submission_files(self) -> None:
        rng = self.rng
        for index in range(self.counts["submissions"]):
            consultation = self.consultations[index % len(self.consultations)]
            write(
                self.out / "consultations" / consultation / f"s{index:05d}.md",
                f"submitted: 2020-01-{1 + index % 28:02d}\nchannel: email\n"
                f"author: {{name: Citizen {index} Surname, organization: Group {index % 50}, "
                f"sector: civil_society, publish_name: {rng.choice(['true', 'false'])}}}\n"
                f"response: {{outcome: partly_adopted, reason: Merged into the plan, "
                f"commitments: [{rng.choice(self.commitments)}]}}",
                self.text(150),
            )
