"""Permanent links: every URL the site publishes for records, and a check that none is lost.

records.md: public URLs are `/<kind>/<id>/` and never change; a renamed record lists its
old ids in `aliases:` and keeps answering at them. A build writes `published-urls.txt`
(one site-relative URL path per line, sorted, e.g. `/meetings/2024-03-12-plenary/` or
`/api/index.json`; blank lines and lines starting with `#` are ignored when read). Keeping
the previous build's list, `missing_urls` names every URL that is gone without an alias.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..records import KINDS, SINGULAR, ForumRecords
from .api import alias_keys, record_path

# Record kinds with a page of their own at /<kind>/<id>/ (submissions live on their
# consultation's page; the Forum is /forum/).
PAGE_KINDS = tuple(KINDS)
FEED_KINDS = ("commitments", "plans")
URLS_FILE = "published-urls.txt"


def page_urls(records: ForumRecords) -> list[str]:
    """The page of every record, and every alias that redirects to one."""
    urls = ["/forum/"] if records.forum else []
    for kind in PAGE_KINDS:
        for key, record in records.of_kind(kind).items():
            urls.extend(f"/{kind}/{name}/" for name in (key, *record.aliases))
    return sorted(urls)


def alias_urls(records: ForumRecords) -> dict[str, str]:
    """Old URL -> the URL it now answers for: pages, API files and feeds of renamed records."""
    moved: dict[str, str] = {}
    for kind in PAGE_KINDS:
        for key, record in records.of_kind(kind).items():
            for alias in record.aliases:
                moved[f"/{kind}/{alias}/"] = f"/{kind}/{key}/"
                if kind in FEED_KINDS:
                    moved[f"/feeds/{kind}/{alias}.atom"] = f"/feeds/{kind}/{key}.atom"
    for kind in (*PAGE_KINDS, "submissions"):
        for key, record in records.of_kind(kind).items():
            for old in alias_keys(records, record):
                moved["/" + record_path(kind, old)] = "/" + record_path(kind, key)
    return dict(sorted(moved.items()))


def published_urls(
    records: ForumRecords, files: Iterable[str], extra: Iterable[str] = ()
) -> list[str]:
    """Every URL published for the records: pages, aliases, export files (site paths), and
    `extra` ones the caller adds (section pages, hand-written pages)."""
    urls = set(page_urls(records))
    urls.update("/" + path.lstrip("/") for path in files)
    urls.update(extra)
    return sorted(urls)


def format_url_list(urls: Iterable[str]) -> str:
    return "".join(f"{url}\n" for url in sorted(set(urls)))


def parse_url_list(text: str) -> list[str]:
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


_RECORD_URL = re.compile(
    r"/(?:api/|feeds/)?(?P<kind>[a-z]+)/(?P<id>[a-z0-9][a-z0-9-]*)(?:/(?P<sid>[a-z0-9-]+))?"
    r"(?:/|\.json|\.atom)"
)


def missing_urls(
    previous: Iterable[str], current: set[str], aliases: Mapping[str, str]
) -> list[str]:
    """A message for each previously published URL that is gone without an alias."""
    messages = []
    for url in sorted(set(previous)):
        if url in current or aliases.get(url) in current:
            continue
        match = _RECORD_URL.fullmatch(url)
        kind = match["kind"] if match else ""
        if match and kind in SINGULAR and kind != "submissions":
            old = match["id"]
            messages.append(
                f"{url} was published before and is gone; published URLs never change. If "
                f"the {SINGULAR[kind]} '{old}' was renamed, add 'aliases: [{old}]' to its "
                f"new file in forum_records/{kind}/; if it was deleted, restore "
                f"forum_records/{kind}/{old}.md"
            )
        elif match and kind == "submissions" and match["sid"]:
            old = f"{match['id']}/{match['sid']}"
            messages.append(
                f"{url} was published before and is gone; published URLs never change. If "
                f"submission '{old}' was renamed, add 'aliases: [{match['sid']}]' to its new "
                f"file; if it was deleted, restore forum_records/consultations/{old}.md"
            )
        else:
            messages.append(
                f"{url} was published before and is gone; published URLs never change. The "
                "site no longer writes this file: keep publishing it at this address"
            )
    return messages


def lost_record_pages(urls_text: str, records: ForumRecords) -> list[tuple[int, str]]:
    """(line in the URL list, message) for each record page that is gone without an alias.

    Needs only the records, not a build, so `openforum validate` and a build that stops on
    invalid records can both name a deleted record's URL.
    """
    current = set(page_urls(records))
    moved = alias_urls(records)
    lost: list[tuple[int, str]] = []
    for number, line in enumerate(urls_text.splitlines(), start=1):
        url = line.strip()
        match = _RECORD_URL.fullmatch(url)
        if not match or not url.startswith(tuple(f"/{kind}/" for kind in PAGE_KINDS)):
            continue
        if match["sid"] is None and url.endswith("/"):
            lost.extend((number, message) for message in missing_urls([url], current, moved))
    return lost
