"""A small Forum that meets every OGP minimum requirement as of `TODAY`, written as records
in a folder; each `miss_*` method plants one miss, in the way a secretariat would record it.

Two plans: nap1 (co-created in 2022, carried out from September 2022 to August 2024) and
nap2 (co-created in 2024, carried out from September 2024 to August 2026). The Forum has
two government and two civil society members and meets every three months; every meeting
is announced, attended by both sides and has its minutes published. Each plan's commitment
reports progress every three months while the plan is carried out.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from openforum.facts.calendar import add_months

TODAY = date(2026, 11, 23)
ESTABLISHED = date(2022, 1, 10)
MEMBERS = {
    "gov-a": "government",
    "gov-b": "government",
    "cs-a": "civil_society",
    "cs-b": "civil_society",
}
IMPLEMENTATION = {
    "nap1": (date(2022, 9, 1), date(2024, 8, 31)),
    "nap2": (date(2024, 9, 1), date(2026, 8, 31)),
}


class OgpForum:
    def __init__(self) -> None:
        self.forum: dict[str, Any] = {
            "name": "Held-out Forum",
            "country": "Testland",
            "timezone": "UTC",
            "established": {"date": ESTABLISHED, "instrument": "executive_decree"},
            "rules": {"quorum": "1/2", "notice_days": 14, "minutes_due_days": 30},
        }
        self.members = {
            stem: {
                "name": stem.title(),
                "kind": "organization",
                "sector": sector,
                "seats": [{"role": "member", "from": ESTABLISHED}],
            }
            for stem, sector in MEMBERS.items()
        }
        self.meetings: dict[str, dict[str, Any]] = {}
        day = date(2022, 2, 15)
        while day <= TODAY:
            self.meetings[f"{day}-plenary"] = {
                "title": f"Plenary of {day}",
                "kind": "plenary",
                "status": "held",
                "start": f"{day}T10:00",
                "announced": day - timedelta(days=21),
                "attendance": {"present": list(MEMBERS)},
                "minutes": {"status": "approved", "published": day + timedelta(days=10)},
            }
            day = add_months(day, 3)
        self.plans: dict[str, dict[str, Any]] = {}
        self.consultations: dict[str, dict[str, Any]] = {}
        self.submissions: dict[tuple[str, str], dict[str, Any]] = {}
        for number, year in ((1, 2022), (2, 2024)):
            plan, consultation = f"nap{number}", f"nap{number}-cocreation"
            start, end = IMPLEMENTATION[plan]
            self.plans[plan] = {
                "title": f"Action plan {number}",
                "number": number,
                "period": {"start": start, "end": end},
                "status": "implementation" if number == 2 else "closed",
                "phases": [
                    {"phase": "development", "start": date(year, 3, 1), "end": date(year, 8, 31)},
                    {"phase": "implementation", "start": start, "end": end},
                ],
                "consultation": consultation,
            }
            self.consultations[consultation] = {
                "title": f"Co-creation of action plan {number}",
                "plan": plan,
                "timeline_published": date(year, 4, 1),
                "opens": date(year, 5, 2),
                "closes": date(year, 6, 14),
                "channels": ["online_platform", "in_person"],
                "awareness": ["Announced on national radio"],
                "summary_published": date(year, 7, 15),
            }
            self.submissions[(consultation, "s1")] = {
                "submitted": date(year, 5, 20),
                "author": {"organization": "Residents' Association", "sector": "civil_society"},
                "response": {"outcome": "not_adopted", "reason": "Outside the plan's two years."},
            }

        # Each plan's commitment reports progress every three months of its implementation.
        self.commitments: dict[str, dict[str, Any]] = {}
        for plan, (start, end) in IMPLEMENTATION.items():
            days = []
            day = add_months(start, 1)
            while day <= min(end, TODAY):
                days.append(day)
                day = add_months(day, 3)
            self.commitments[f"{plan}-01"] = {
                "title": f"Open contracting ({plan})",
                "plan": plan,
                "status": "limited",
                "progress": [{"date": day, "status": "limited"} for day in days],
            }

    # One miss at a time ----------------------------------------------------------------

    def miss_meetings_during_implementation(self, plan: str, status: str | None = None) -> None:
        """No meeting held while `plan` is carried out; with `status`, the meetings stay on
        record with that status (a past meeting still "scheduled": held or not, unknown)."""
        start, end = IMPLEMENTATION[plan]
        for stem, meeting in list(self.meetings.items()):
            if start <= date.fromisoformat(meeting["start"][:10]) <= end:
                if status is None:
                    del self.meetings[stem]
                else:
                    meeting["status"] = status
                    for key in ("attendance", "minutes"):
                        meeting.pop(key)

    def miss_records_between(self, first: date, last: date) -> None:
        """Nothing dated from `first` to `last`: no meeting, notice or minutes then."""
        for stem, meeting in list(self.meetings.items()):
            dates = [date.fromisoformat(meeting["start"][:10]), meeting["announced"]]
            dates.append(meeting["minutes"]["published"])
            if any(first <= day <= last for day in dates):
                del self.meetings[stem]
        for commitment in self.commitments.values():
            commitment["progress"] = [
                entry for entry in commitment["progress"] if not first <= entry["date"] <= last
            ]

    def undated_assessment(self, period_end: date) -> None:
        """A self-assessment published without its publication date."""
        self.assessments = {
            "forum-self-assessment": {
                "title": "Forum self-assessment",
                "subject": "forum",
                "period": {"start": add_months(period_end, -6), "end": period_end},
            }
        }

    def write(self, root: Path) -> Path:
        root.mkdir(parents=True, exist_ok=True)
        _write(root / "forum.md", self.forum, "## Terms of reference\n\nWho sits and how.")
        for kind, records in (
            ("members", self.members),
            ("meetings", self.meetings),
            ("plans", self.plans),
            ("consultations", self.consultations),
            ("commitments", self.commitments),
            ("assessments", getattr(self, "assessments", {})),
        ):
            for stem, fields in records.items():
                _write(root / kind / f"{stem}.md", fields)
        for (consultation, stem), fields in self.submissions.items():
            _write(root / "consultations" / consultation / f"{stem}.md", fields, "A proposal.")
        return root


class _Dumper(yaml.SafeDumper):
    """Writes a value used twice out in full: the records refuse YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _write(path: Path, fields: dict[str, Any], body: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.dump(fields, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    path.write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
