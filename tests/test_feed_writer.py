"""The feeds are written as text (issue 16: an ElementTree per feed cost 0.4 to 0.7 s of CPU at
10,000 records) and must stay byte for byte what ElementTree wrote: the ElementTree writer is
kept here as the reference, and compared on the demo forum and on hostile text.
"""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DEMO
from openforum.build_context import BuildContext
from openforum.exports import feeds
from openforum.exports.context import ExportContext
from openforum.exports.feeds import ATOM, Entry
from openforum.facts.forum import derive
from openforum.i18n import using
from openforum.records import ForumRecords, load_forum
from openforum.safety.characters import NOT_FOR_XML, xml_text
from site_build import demo_site

TODAY = date(2026, 11, 23)
SITE = "https://opengov.veloria.example/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# The reference: feeds.atom as it was written until issue 16 ------------------------------


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, tag, {key: xml_text(value) for key, value in attrs.items()})
    child.text = None if text is None else xml_text(text)
    return child


def reference_atom(
    ctx: ExportContext,
    ident: str,
    path: str,
    title: str,
    entries: list[Entry],
    page: str,
    since: date,
) -> str:
    ordered = sorted(entries, key=lambda e: e.id)
    ordered.sort(key=lambda e: e.updated, reverse=True)
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: ctx.language})
    _add(feed, "id", ctx.tag(ident))
    _add(feed, "title", title)
    newest = ordered[0].updated if ordered else ctx.day_start(since)
    _add(feed, "updated", newest.isoformat())
    author = _add(feed, "author")
    _add(author, "name", ctx.forum_name)
    _add(author, "uri", ctx.site_url)
    _add(feed, "link", rel="self", type="application/atom+xml", href=ctx.url(path))
    _add(feed, "link", rel="alternate", type="text/html", href=page)
    _add(feed, "generator", "OpenForum")
    for e in ordered:
        item = _add(feed, "entry")
        _add(item, "id", e.id)
        _add(item, "title", e.title)
        _add(item, "updated", e.updated.isoformat())
        _add(item, "link", rel="alternate", type="text/html", href=e.link)
        _add(item, "category", term=e.category)
        if e.summary:
            _add(item, "summary", e.summary, type="text")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


# The demo forum -----------------------------------------------------------------------------


@cache
def demo() -> ForumRecords:
    records, problems = load_forum(DEMO)
    assert not problems
    return records


def context(records: ForumRecords, language: str | None = None) -> ExportContext:
    build = BuildContext.create(records.forum, today=TODAY, site_url=SITE)
    if language:
        build = dataclasses.replace(build, language=language)
    return ExportContext.create(records, derive(records, TODAY), build)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_demo_feed_is_what_elementtree_wrote(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = context(demo(), language)
    with using(language):
        written = list(feeds.feed_files(ctx))
        monkeypatch.setattr(feeds, "atom", reference_atom)
        reference = list(feeds.feed_files(ctx))
    assert [path for path, _ in written] == [path for path, _ in reference]
    assert len(written) > 30  # updates, every commitment (and alias) and plan
    assert [
        path for (path, text), (_, ref) in zip(written, reference, strict=True) if text != ref
    ] == []
    assert sum(text.count("<entry>") for _, text in written) > 100


def _as_elementtree_writes(element: ET.Element) -> ET.Element:
    """A tree as `reference_atom` builds it from a parsed feed: tags without the Atom
    namespace, the root's namespace and language as attributes, leaves' text as read."""
    tag = element.tag.removeprefix("{" + ATOM + "}")
    attributes = {"xmlns": ATOM, **element.attrib} if tag == "feed" else dict(element.attrib)
    copy = ET.Element(tag, attributes)
    copy.text = None if len(element) else element.text
    copy.extend(_as_elementtree_writes(child) for child in element)
    return copy


def test_every_feed_the_demo_site_publishes_is_elementtree_writing() -> None:
    # Whatever context the site's two language builds gave the feeds, each file is what
    # ElementTree writes for what the file holds: its layout, escapes and empty elements.
    site = demo_site().root
    published = sorted(site.glob("feeds/**/*.atom")) + sorted(site.glob("es/feeds/**/*.atom"))
    assert len(published) > 60 and any("/es/" in str(p) for p in published)
    for path in published:
        text = path.read_text(encoding="utf-8")
        tree = _as_elementtree_writes(ET.fromstring(text))
        ET.indent(tree)
        again = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(tree, "unicode") + "\n"
        assert text == again, Path(path).relative_to(site)


# Hostile text ---------------------------------------------------------------------------------

# What XML escapes (& < > " in attributes, tab, line feed and carriage return references in
# attributes), what it forbids (C0 and C1 controls, surrogates, noncharacters) and what it
# passes through (non-ASCII, the apostrophe); \r\n comes of \r beside \n.
SPECIAL = [
    *"&<>\"' \n\t\r;#x",
    *"é€\u00a0\u2028😀",
    *"\x00\x01\x0b\x0c\x1f\x7f\x85\x9f\ud800\udfff\ufdd0\ufffe\uffff\U0001fffe",
]
TEXT = st.text(st.sampled_from(SPECIAL) | st.characters(codec="utf-8"), max_size=30)
MOMENTS = st.sampled_from(
    [
        datetime(2024, 3, 12, 0, 0, tzinfo=UTC),
        datetime(2024, 3, 12, 0, 0, tzinfo=timezone(timedelta(hours=2))),
        datetime(2025, 1, 1, 9, 30, 15, 250, tzinfo=timezone(timedelta(hours=-5))),
    ]
)  # few, so that entries tie on their date and keep their ids' order
ENTRIES = st.lists(
    st.builds(Entry, TEXT, TEXT, MOMENTS, TEXT, TEXT, st.just("") | TEXT), max_size=4
)
HOSTILE = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def hostile_context(name: str, language: str) -> ExportContext:
    records = demo()
    assert records.forum is not None
    forum = dataclasses.replace(records.forum, name=name)
    return context(dataclasses.replace(records, forum=forum), language)


@HOSTILE
@given(
    name=TEXT,
    language=st.sampled_from(["en", "es", 'e"s', "e&n\t"]),
    ident=TEXT,
    path=TEXT,
    title=TEXT,
    page=TEXT,
    entries=ENTRIES,
)
def test_hostile_text_is_written_as_elementtree_wrote_it(
    name: str, language: str, ident: str, path: str, title: str, page: str, entries: list[Entry]
) -> None:
    ctx = hostile_context(name, language)
    since = date(2020, 5, 1)
    written = feeds.atom(ctx, ident, path, title, entries, page, since)
    assert written == reference_atom(ctx, ident, path, title, entries, page, since)
    # The characters XML forbids are dropped: the feed parses, and holds none of them.
    assert not NOT_FOR_XML.search(written)
    parsed = ET.fromstring(written.encode("utf-8"))
    entry_links = [e.attrib["href"] for e in parsed.iter("{" + ATOM + "}link")][2:]
    assert sorted(entry_links) == sorted(xml_text(e.link) for e in entries)  # \r \n \t kept
    summaries = [e for e in entries if e.summary]
    assert len(list(parsed.iter("{" + ATOM + "}summary"))) == len(summaries)
