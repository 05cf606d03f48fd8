"""What of a record may leave the records: one place for every privacy rule of the exports.

The rules are the site's (records.md):
- a member's contact details only when `contact.public` is true;
- a submission author's name only when `author.publish_name` is true; the organisation and
  sector are published, as on the consultation page (an organisation is not a private person);
- a partner's point of contact (name and email) only when `point_of_contact.public` is true;
  the role alone is published otherwise.
Every export reads these fields through the functions below, never from the records.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..records.model import Meeting, Member, Partner, Record, Submission
from .context import ExportContext, share


def public_contact(member: Member) -> dict[str, str] | None:
    contact = member.contact
    if contact is None or not contact.public:
        return None
    found = {"email": contact.email, "phone": contact.phone}
    return {k: v for k, v in found.items() if v}


def author_name(submission: Submission) -> str | None:
    author = submission.author
    return author.name if author and author.publish_name and author.name else None


def public_author(submission: Submission) -> dict[str, Any] | None:
    author = submission.author
    if author is None:
        return None
    return {
        "name": author_name(submission),
        "name_published": bool(author.publish_name and author.name),
        "organization": author.organization,
        "sector": author.sector,
    }


def public_point_of_contact(partner: Partner) -> dict[str, Any] | None:
    contact = partner.point_of_contact
    if contact is None:
        return None
    if not contact.public:
        return {"role": contact.role, "public": False}
    return {"name": contact.name, "role": contact.role, "email": contact.email, "public": True}


def plain(value: Any, ctx: ExportContext) -> Any:
    """A model value as JSON data, fields named as in the records (`for`, `from`, `to`).

    Dates are ISO 8601; times carry the Forum's UTC offset; shares are "n/d" strings;
    amounts (Decimal) are JSON numbers. Fields the loader adds (path, marks) are left out.
    """
    if type(value) in _AS_THEY_ARE:  # most values (a subclass takes the longer way there)
        return value
    kind = type(value)
    if kind in _FIELDS or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
        return {key: plain(getattr(value, name), ctx) for key, name in _published(kind)}
    if isinstance(value, list | tuple):
        return [plain(item, ctx) for item in value]
    if isinstance(value, datetime):
        return ctx.local(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Fraction):
        return share(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


_AS_THEY_ARE = frozenset({str, int, float, bool, type(None)})
# Each model class's published fields (key as in the records, attribute), read once.
_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def _published(kind: type) -> tuple[tuple[str, str], ...]:
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple(
            (spec.metadata.get("key", spec.name), spec.name)
            for spec in dataclasses.fields(kind)
            if not spec.metadata.get("internal")
        )
    return found


def public_fields(record: Record, ctx: ExportContext) -> dict[str, Any]:
    """A record's own fields as JSON data, with what is not public taken out."""
    data: dict[str, Any] = plain(record, ctx)
    data["id"] = record.stem
    data["body"] = record.body.strip("\n")
    if isinstance(record, Meeting):
        # The record's `body:` (one of forum.md's bodies) would take the text's key.
        data["forum_body"] = record.body_id
    if isinstance(record, Member):
        data["contact"] = public_contact(record)
    elif isinstance(record, Submission):
        data["author"] = public_author(record)
        data["consultation"] = record.consultation
    elif isinstance(record, Partner):
        data["point_of_contact"] = public_point_of_contact(record)
    return data
