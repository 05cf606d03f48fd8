"""The model of assessments/<id>.md: a self-assessment of the Forum or of a plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from ...records.fields import Period, Record
from ...records.values import Ref


@dataclass(kw_only=True, slots=True)
class Assessment(Record):
    title: str
    subject: Annotated[str, Ref("plans", also=("forum",))]
    period: Period
    published: date | None = None
