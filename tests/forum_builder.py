"""Writes small forums for tests of derived facts: a few lines per case, the rest defaulted."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from openforum.records import ForumRecords, load_forum

RULES = dict(
    decision_rule="consensus",
    qualified_threshold="2/3",
    quorum="1/2",
    notice_days=14,
    minutes_due_days=30,
    max_meeting_gap_months=6,
    assessment_every_months=12,
    parity="true",
)


class ForumBuilder:
    def __init__(self, root: Path, **rules: object) -> None:
        self.root = root
        self.rules = {**RULES, **rules}
        root.mkdir(parents=True, exist_ok=True)

    def write(self, relative: str, front: str, body: str = "") -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{dedent(front).strip()}\n---\n{body}\n", encoding="utf-8")

    def member(
        self,
        member_id: str,
        sector: str = "government",
        role: str = "member",
        start: str = "2020-01-01",
        end: str | None = None,
        substitute_for: str | None = None,
    ) -> ForumBuilder:
        seat = f"  - role: {role}\n    from: {start}\n"
        if end:
            seat += f"    to: {end}\n"
        if substitute_for:
            seat += f"    substitute_for: {substitute_for}\n"
        self.write(
            f"members/{member_id}.md",
            f"name: {member_id.title()}\nkind: person\nsector: {sector}\nseats:\n{seat}",
        )
        return self

    def members(self, count: int, sector: str = "government", prefix: str = "") -> list[str]:
        ids = [f"{prefix or sector[:3]}{n}" for n in range(1, count + 1)]
        for member_id in ids:
            self.member(member_id.replace("_", "-"), sector)
        return ids

    def meeting(
        self,
        meeting_id: str,
        start: str,
        present: list[str] | None = None,
        status: str = "held",
        kind: str = "plenary",
        announced: str | None = None,
        minutes_published: str | None = None,
        decisions: str = "",
    ) -> ForumBuilder:
        lines = [f"title: {meeting_id}", f"kind: {kind}", f"status: {status}", f"start: {start}"]
        if announced:
            lines.append(f"announced: {announced}")
        if present is not None:
            lines.append(f"attendance:\n  present: [{', '.join(present)}]")
        if minutes_published:
            lines.append(f"minutes:\n  status: approved\n  published: {minutes_published}")
        if decisions:
            lines.append("decisions:\n" + dedent(decisions).strip("\n"))
        self.write(f"meetings/{meeting_id}.md", "\n".join(lines))
        return self

    def load(self) -> ForumRecords:
        rules = "\n".join(f"  {k}: {v}" for k, v in self.rules.items())
        self.write(
            "forum.md",
            "name: Test Forum\ncountry: Testland\ntimezone: UTC\n"
            f"established:\n  date: 2020-01-01\nrules:\n{rules}",
            body="Terms of reference.",
        )
        records, problems = load_forum(self.root)
        assert not problems, [f"{p.path}:{p.mark.line}: {p.message}" for p in problems]
        return records
