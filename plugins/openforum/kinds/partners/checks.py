"""The checks of a partner: its letter of intent is sent before it is accepted."""

from __future__ import annotations

from ...kinds import ForumRecords
from ...records.coherence import after
from ...records.problems import Problems


def check(records: ForumRecords, problems: Problems) -> None:
    for partner in records.partners.values():
        letter = partner.letter_of_intent
        if letter and after(letter.sent, letter.accepted):
            problems.add(
                partner.path,
                letter.at("accepted"),
                f"the letter of intent is accepted ({letter.accepted}) before it was sent "
                f"({letter.sent})",
            )
