"""Permanent links: every URL the site publishes for its records, listed for reusers.

records.md: public URLs are `/<kind>/<id>/` and never change; a renamed record lists its
old ids in `aliases:` and keeps answering at them. The site publishes `published-urls.txt`
(one site-relative URL path per line, sorted, e.g. `/meetings/2024-03-12-plenary/` or
`/api/index.json`; blank lines and lines starting with `#` are ignored when read). Which
URLs were ever published, and which are lost, follows from the Git history
(`url_history.py`); no list is kept in the repository.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..records import KINDS, ForumRecords

# Record kinds with a page of their own at /<kind>/<id>/ (submissions live on their
# consultation's page; the Forum is /forum/).
PAGE_KINDS = tuple(KINDS)
URLS_FILE = "published-urls.txt"


def page_urls(records: ForumRecords) -> list[str]:
    """The page of every record, and every alias that redirects to one."""
    urls = ["/forum/"] if records.forum else []
    for kind in PAGE_KINDS:
        for key, record in records.of_kind(kind).items():
            urls.extend(f"/{kind}/{name}/" for name in (key, *record.aliases))
    return sorted(urls)


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
