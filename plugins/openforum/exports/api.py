"""The JSON API: every record, every collection, and an index, as static files.

    api/index.json                       what there is, with counts and addresses
    api/forum.json                       the Forum
    api/<kind>.json                      every record of a kind: {"collection", "count", "items"}
    api/<kind>/<id>.json                 one record (also at api/<kind>/<alias>.json)
    api/submissions/<consultation>/<sid>.json   one submission to a consultation

A record's file holds its own fields as the records name them (public ones only, see
`public.py`), plus "url" (its page), "source" (its file under forum_records/), "collection",
and "derived": facts the site computed, as of a date (see `derived.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..records import KINDS as RECORD_KINDS
from ..records import ForumRecords
from ..records.model import Record, Submission
from . import derived
from .context import ExportContext, dump_json
from .public import public_fields

# Every record kind with an id; the order of the contract (members first).
KINDS = (*RECORD_KINDS, "submissions")

NOTES = {
    "dates": "Dates are ISO 8601 (YYYY-MM-DD); times carry the Forum's UTC offset.",
    "shares": "Shares (quorum, thresholds, progress) are fractions written as 'n/d' strings.",
    "amounts": "Amounts are JSON numbers, as written in the records.",
    "derived": "Fields under 'derived' are computed by the site as of 'derived.as_of'; every "
    "other field is as the Forum recorded it.",
    "privacy": "Contact details are published only with the member's consent; a submission's "
    "author is named only with consent (organisation and sector are published); a partner's "
    "point of contact is named only when public.",
    "aliases": "A renamed record keeps answering at its old ids: api/<kind>/<alias>.json "
    "holds the same record.",
    "verdicts": "api/forum.json's derived.requirements holds every requirement's verdict (met, "
    "not_met, not_verifiable, not_applicable) under a stable code: ogp-* are the OGP's minimum "
    "requirements (per action plan: ogp-3.1:<plan>), the others the Forum's own rules.",
}


def record_path(kind: str, key: str) -> str:
    """The API file of a record; `key` is `consultation/sid` for submissions."""
    return f"api/{kind}/{key}.json"


def _page(ctx: ExportContext, kind: str, record: Record) -> str:
    if isinstance(record, Submission):
        return ctx.page("consultations", record.consultation, f"submission-{record.stem}")
    return ctx.page(kind, record.stem)


Deriver = Callable[[ExportContext, Any], dict[str, Any]]

DERIVED: dict[str, Deriver] = {
    "meetings": lambda ctx, r: derived.meeting(ctx, ctx.facts.meetings[r.stem]),
    "commitments": lambda ctx, r: derived.commitment(ctx, ctx.facts.commitments[r.stem]),
    "consultations": derived.consultation,
    "plans": derived.plan,
    "members": derived.member,
}


def record_data(ctx: ExportContext, kind: str, record: Record) -> dict[str, Any]:
    data = public_fields(record, ctx)
    data["collection"] = kind
    data["url"] = _page(ctx, kind, record)
    data["source"] = _source(ctx, record)
    if kind in DERIVED:
        data["derived"] = DERIVED[kind](ctx, record)
    return data


def _source(ctx: ExportContext, record: Record) -> str:
    try:
        return record.path.relative_to(ctx.records.root).as_posix()
    except ValueError:
        return record.path.name


def alias_keys(records: ForumRecords, record: Record) -> list[str]:
    """Every old key a record still answers at (a submission's, under old consultation ids)."""
    if not isinstance(record, Submission):
        return list(record.aliases)
    parent = records.consultations.get(record.consultation)
    folders = [record.consultation, *(parent.aliases if parent else [])]
    names = [record.stem, *record.aliases]
    return [f"{c}/{s}" for c in folders for s in names if f"{c}/{s}" != record.key]


def api_files(ctx: ExportContext) -> Iterator[tuple[str, str]]:
    forum = ctx.records.forum
    if forum is not None:
        data = public_forum(ctx)
        yield "api/forum.json", dump_json(data)
    for kind in KINDS:
        items = []
        for key, record in sorted(ctx.records.of_kind(kind).items()):
            text = dump_json(record_data(ctx, kind, record), compact=True)
            items.append(text[:-1])  # less its final newline
            yield record_path(kind, key), text
            for old in alias_keys(ctx.records, record):
                yield record_path(kind, old), text
        # The collection is its items' texts joined, as `dump_json` would write them
        # ("collection" < "count" < "items"): each item is encoded once, not twice.
        head = dump_json({"collection": kind, "count": len(items)}, compact=True)[:-2]
        # Joined once, its head and end with the first and last items: a kind's
        # collection may be a hundred megabytes, and each copy of it is held at once.
        items = items or [""]
        items[0] = f'{head},"items":[{items[0]}'
        items[-1] += "]}\n"
        yield f"api/{kind}.json", ",".join(items)


def public_forum(ctx: ExportContext) -> dict[str, Any]:
    forum = ctx.records.forum
    assert forum is not None
    data = public_fields(forum, ctx)
    data.pop("aliases", None)
    data.update(
        collection="forum",
        url=ctx.url("forum/"),
        source=_source(ctx, forum),
        derived=derived.forum(ctx),
    )
    return data


def index(ctx: ExportContext, files: list[str]) -> str:
    """api/index.json: the collections with counts, every other export, and how to read them."""
    collections = {
        kind: {
            "count": len(ctx.records.of_kind(kind)),
            "url": ctx.url(f"api/{kind}.json"),
            "item_url": ctx.url(record_path(kind, "{consultation}/{id}"))
            if kind == "submissions"
            else ctx.url(record_path(kind, "{id}")),
        }
        for kind in KINDS
    }
    data = {
        "forum": {"name": ctx.forum_name, "url": ctx.url("api/forum.json")},
        "site": ctx.site_url,
        "as_of": ctx.today.isoformat(),
        "collections": collections,
        "files": sorted(ctx.url(path) for path in files),
        "feeds": {
            "updates": ctx.url("feeds/updates.atom"),
            "commitment": ctx.url("feeds/commitments/{id}.atom"),
            "plan": ctx.url("feeds/plans/{id}.atom"),
        },
        "notes": NOTES,
    }
    return dump_json(data)
