"""Hostile markup planted in the records never reaches a reader's browser as markup.

A corpus of cross-site scripting vectors is planted into a copy of the demo forum, each
vector twice: in the Markdown body of one record and in a front-matter text field of
another (titles, agenda items, decisions, progress notes, responses, names). The site is
built once for the whole corpus and every page is parsed (html.parser, not regular
expressions) and compared with a clean build of the same forum: the theme's own scripts
are the only scripts, no element carries an event handler or a script URL, and no frame,
plugin, form, base or refresh gets into the content. The sanitizer removes markup, not
the record: the harmless words around every payload are still on the page, and a
submission's raw HTML shows as the text its author typed.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import DEMO
from html_tree import Element, parse
from site_build import BuiltSite, build_site, demo_site


class Vector(NamedTuple):
    name: str
    payload: str  # `{m}` stands for the vector's marker, the words that must stay visible


VECTORS = [
    Vector("script", "<script>alert(1)</script>{m} after a script"),
    Vector("script-upper-src", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>{m} after SCRIPT"),
    Vector("script-split", "<scr<script>ipt>alert(1)</scr</script>ipt>{m} after split"),
    Vector("img-onerror", "<img src=x onerror=alert(1)>{m} after an image"),
    Vector("body-onload", "<body onload=alert(1)>{m} in a body</body>"),
    Vector("div-onmouseover", '<div onmouseover="alert(1)">{m} in a div</div>'),
    Vector("details-ontoggle", "<details open ontoggle=alert(1)><summary>{m}</summary></details>"),
    Vector("anchor-onclick", '<a href="#" onclick="alert(1)">{m} anchor onclick</a>'),
    Vector(
        "table-handlers",
        '<table background="javascript:alert(1)"><tr><td onclick=alert(1)>{m}</td></tr></table>',
    ),
    Vector("video-source", '<video><source onerror="alert(1)"></video>{m} after video'),
    Vector("href-javascript", '<a href="javascript:alert(1)">{m} link</a>'),
    Vector("href-mixed-case", '<a href="JaVaScRiPt:alert(1)">{m} mixed case</a>'),
    Vector(
        "href-decimal-entities",
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">{m}</a>',
    ),
    Vector("href-hex-entities", '<a href="&#x6A;avascript&#x3A;alert(1)">{m} hex</a>'),
    Vector("href-named-colon", '<a href="javascript&colon;alert(1)">{m} named colon</a>'),
    Vector("href-tab-inside", '<a href="jav&#x09;ascript:alert(1)">{m} tab inside</a>'),
    Vector("href-leading-space", '<a href="  javascript:alert(1)">{m} leading space</a>'),
    Vector(
        "href-data", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">{m}</a>'
    ),
    Vector("href-vbscript", '<a href="vbscript:msgbox(1)">{m} vbscript</a>'),
    Vector("img-javascript", '<img src="javascript:alert(1)">{m} after a js image'),
    Vector("img-data", '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">{m}'),
    Vector("svg-onload", "<svg onload=alert(1)><script>alert(2)</script></svg>{m} after svg"),
    Vector(
        "svg-xlink", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>{m} svg link'
    ),
    Vector(
        "svg-animate", "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>{m} animate"
    ),
    Vector(
        "math-mxss",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph>"
        "</table></mtext></math>{m} after math",
    ),
    Vector("iframe", '<iframe src="javascript:alert(1)"></iframe>{m} after an iframe'),
    Vector("iframe-srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>{m} srcdoc'),
    Vector(
        "form-formaction",
        '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">go</button>'
        "</form>{m} after a form",
    ),
    Vector("input-formaction", '<input type="image" formaction="javascript:alert(1)">{m} input'),
    Vector("object", '<object data="javascript:alert(1)"></object>{m} after an object'),
    Vector("embed", '<embed src="javascript:alert(1)">{m} after an embed'),
    Vector("style-attribute", '<p style="background:url(javascript:alert(1))">{m} styled</p>'),
    Vector(
        "style-block", "<style>body{background:url(javascript:alert(1))}</style>{m} after style"
    ),
    Vector("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">{m}'),
    Vector("base-href", '<base href="javascript:alert(1)//">{m} after base'),
    Vector("blockquote-cite", '<blockquote cite="javascript:alert(1)">{m} quoted</blockquote>'),
    Vector("link-stylesheet", '<link rel="stylesheet" href="javascript:alert(1)">{m} after link'),
    Vector("noscript-mxss", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">{m}'),
    Vector("template", "<template><script>alert(1)</script></template>{m} after template"),
    Vector("comment-hiding", "<!-- --><script>alert(1)</script><!-- -->{m} between comments"),
    Vector("comment-wrapped", "<!--<img src=x onerror=alert(1)>-->{m} after a comment"),
    Vector("unclosed-tag", '{m} before an unclosed tag <div onclick="alert(1)"'),
    Vector("attr-list", '{m} with an attribute list\n{: onclick="alert(1)" }'),
    Vector("markdown-link", "[{m} markdown link](javascript:alert(1))"),
    Vector("markdown-image", "![x](javascript:alert(1)) {m} markdown image"),
    Vector("markdown-reference", "[{m} reference link][evil]\n\n[evil]: javascript:alert(1)"),
    Vector("markdown-data-link", "[{m} data link](data:text/html,alert)"),
]


def marker(index: int) -> str:
    return f"Xssmark{index:02d}"


def payload(index: int) -> str:
    return VECTORS[index].payload.replace("{m}", marker(index))


@dataclass(frozen=True)
class Planting:
    vector: int
    file: str  # below forum_records/
    page: str  # the site URL of the page that shows the record
    where: str  # "body" or the front-matter field


# Front-matter text fields of each kind, by the line that holds them.
FIELDS: dict[str, list[tuple[str, str]]] = {
    "meetings": [
        ("title", r"^title: .*$"),
        ("agenda item title", r"^  - title: .*$"),
        ("decision text", r"^    text: .*$"),
        ("guests", r"^  guests: \[.*\]$"),
    ],
    "commitments": [
        ("title", r"^title: .*$"),
        ("progress note", r"^    note: .*$"),
        ("milestone title", r"^    title: .*$"),
        ("theme", r"^theme: .*$"),
    ],
    "submissions": [("response reason", r"^  reason: .*$")],
    "members": [("name", r"^name: .*$")],
    "plans": [("title", r"^title: .*$")],
    "consultations": [("title", r"^title: .*$"), ("awareness", r"^awareness: \[.*\]$")],
    "assessments": [("title", r"^title: .*$")],
    "partners": [("name", r"^name: .*$")],
    "forum": [("name", r"^name: .*$")],
}


def _page_of(file: str) -> str:
    parts = file.removesuffix(".md").split("/")
    if parts == ["forum"]:
        return "forum/"
    if parts[0] == "consultations" and len(parts) == 3:
        return f"consultations/{parts[1]}/"
    return f"{parts[0]}/{parts[1]}/"


def _records(root: Path, kind: str) -> list[str]:
    if kind == "forum":
        return ["forum.md"]
    folder = root / "consultations" if kind == "submissions" else root / kind
    paths = sorted(folder.glob("*/*.md" if kind == "submissions" else "*.md"))
    paths = [p for p in paths if "." not in p.stem]  # `<id>.<lang>.md` is a translation
    return [p.relative_to(root).as_posix() for p in paths]


def _round_robin(*lists: list[str]) -> list[str]:
    return [item for row in itertools.zip_longest(*lists) for item in row if item is not None]


def _quoted(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def _kind_of(file: str) -> str:
    return "submissions" if file.count("/") == 2 else file.split("/")[0].removesuffix(".md")


def plant_corpus(root: Path) -> list[Planting]:
    """Plant every vector into a body and into a front-matter field; return where."""
    records = {kind: _records(root, kind) for kind in FIELDS}
    # Bodies take the first half of each kind's records and fields the second half, so
    # that one vector's broken markup (an unclosed tag swallows what follows it) cannot
    # hide another vector's words on the same page.
    first = {kind: files[: max(1, len(files) // 2)] for kind, files in records.items()}
    second = {kind: files[len(files) // 2 :] for kind, files in records.items()}
    rare = ("forum", "plans", "consultations", "assessments", "partners")
    many = ("meetings", "commitments", "members", "submissions")
    plantings: list[Planting] = []

    bodies = [first[k][0] for k in rare] + _round_robin(*(first[k] for k in many))
    assert len(bodies) >= len(VECTORS), "not enough records for the bodies"
    for index, file in enumerate(bodies[: len(VECTORS)]):
        path = root / file
        text = path.read_text(encoding="utf-8")
        path.write_text(f"{text.rstrip()}\n\n{payload(index)}\n", encoding="utf-8")
        plantings.append(Planting(index, file, _page_of(file), "body"))

    fields = [second[k][-1] for k in rare] + _round_robin(*(second[k] for k in many))
    assert len(fields) >= len(VECTORS), "not enough records for the fields"
    turns: Counter[str] = Counter()
    for index, file in enumerate(fields[: len(VECTORS)]):
        path = root / file
        text = path.read_text(encoding="utf-8")
        # Each record of a kind takes the kind's next field, so that every field is used.
        kind = _kind_of(file)
        options = FIELDS[kind]
        turn = turns[kind] % len(options)
        turns[kind] += 1
        found = (
            (name, re.search(pattern, text, re.MULTILINE))
            for name, pattern in options[turn:] + options[:turn]
        )
        name, match = next(((n, m) for n, m in found if m is not None), ("", None))
        assert match is not None, f"{file} has none of the fields {options}"
        key, value = match[0].split(":")[0], _quoted(payload(index))
        new = f"{key}: [{value}]" if match[0].endswith("]") else f"{key}: {value}"
        path.write_text(text[: match.start()] + new + text[match.end() :], encoding="utf-8")
        plantings.append(Planting(index, file, _page_of(file), name))
    return plantings


@dataclass
class Corpus:
    site: BuiltSite
    plantings: list[Planting]


@pytest.fixture(scope="module")
def corpus() -> Iterator[Corpus]:
    """The demo forum with the whole corpus planted, built once for every test here."""
    workdir = Path(tempfile.mkdtemp(prefix="openforum-xss-"))
    forum = workdir / "forum_records"
    shutil.copytree(DEMO, forum)
    plantings = plant_corpus(forum)
    yield Corpus(build_site(workdir, records=forum), plantings)
    shutil.rmtree(workdir, ignore_errors=True)
    _parsed.cache_clear()


@pytest.fixture(scope="module")
def clean() -> BuiltSite:
    return demo_site()


@cache
def _parsed(path: Path) -> Element:
    return parse(path)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _text(element: Element) -> str:
    return "".join(c for c in element.children if isinstance(c, str))


def scripts(tree: Element) -> list[tuple[tuple[tuple[str, str], ...], str]]:
    return [(tuple(sorted(s.attrs.items())), _text(s).strip()) for s in tree.find_all("script")]


URL_ATTRIBUTES = frozenset(
    {
        *("href", "src", "action", "formaction", "data", "poster", "background", "srcset"),
        *("xlink:href", "cite", "longdesc", "lowsrc", "dynsrc", "ping", "codebase", "srcdoc"),
    }
)
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
# What browsers ignore in a URL: C0 controls and spaces around it, tabs and newlines in it.
_IGNORED = re.compile(r"[\x00-\x20]")


def is_script_url(value: str) -> bool:
    decoded = html.unescape(value)  # the parser decoded once; a second pass costs nothing
    squeezed = _IGNORED.sub("", decoded).lower()
    return squeezed.startswith(BAD_SCHEMES)


def _relative(page: Path, site: Path) -> str:
    return page.relative_to(site).as_posix()


def test_the_corpus_is_planted_in_bodies_and_fields(corpus: Corpus) -> None:
    assert len(VECTORS) >= 30
    bodies = [p for p in corpus.plantings if p.where == "body"]
    fields = [p for p in corpus.plantings if p.where != "body"]
    assert len(bodies) == len(fields) == len(VECTORS)
    assert {p.file.split("/")[0] for p in bodies} >= {"forum.md", "meetings", "consultations"}
    assert {p.where for p in fields} >= {
        "title",
        "agenda item title",
        "decision text",
        "progress note",
        "response reason",
        "name",
    }


def test_the_only_scripts_are_the_themes_own(corpus: Corpus, clean: BuiltSite) -> None:
    site = corpus.site.root
    pages = html_pages(site)
    assert len(pages) > 50
    extra = []
    for page in pages:
        theirs = clean.root / _relative(page, site)
        expected = scripts(_parsed(theirs)) if theirs.exists() else []
        found = scripts(_parsed(page))
        extra += [(_relative(page, site), s) for s in found if s not in expected]
    assert extra == []


def test_no_element_has_an_event_handler(corpus: Corpus) -> None:
    site = corpus.site.root
    handlers = [
        (_relative(page, site), element.tag, name)
        for page in html_pages(site)
        for element in _parsed(page).iter()
        for name in element.attrs
        if name.lower().startswith("on")
    ]
    assert handlers == []


def test_no_url_runs_a_script(corpus: Corpus, clean: BuiltSite) -> None:
    site = corpus.site.root
    theme_own = {
        (_relative(page, clean.root), element.tag, name, value)
        for page in html_pages(clean.root)
        for element in _parsed(page).iter()
        for name, value in element.attrs.items()
        if name.lower() in URL_ATTRIBUTES and is_script_url(value)
    }
    found = [
        (_relative(page, site), element.tag, name, value)
        for page in html_pages(site)
        for element in _parsed(page).iter()
        for name, value in element.attrs.items()
        if name.lower() in URL_ATTRIBUTES and is_script_url(value)
    ]
    assert [f for f in found if f not in theme_own] == []


FORBIDDEN_IN_CONTENT = frozenset(
    {
        *("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet"),
        *("form", "button", "base", "meta", "link", "svg", "math", "template", "noscript"),
        *("video", "audio", "source", "textarea", "select"),
    }
)


def _forbidden(tree: Element) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    return [
        (e.tag, tuple(sorted(e.attrs.items())))
        for article in tree.find_all("article")
        for e in article.iter()
        if e.tag in FORBIDDEN_IN_CONTENT
    ]


def test_no_frame_plugin_form_or_base_in_page_content(corpus: Corpus, clean: BuiltSite) -> None:
    """Inside the content only the theme's own icons (svg) may appear, as in a clean build."""
    site = corpus.site.root
    found = []
    for page in html_pages(site):
        tree = _parsed(page)
        theirs = clean.root / _relative(page, site)
        expected = _forbidden(_parsed(theirs)) if theirs.exists() else []
        found += [(_relative(page, site), e) for e in _forbidden(tree) if e not in expected]
        # Anywhere on the page: nothing new redirects the reader or rebases the links (an
        # old id's page redirects by design, in the clean build too).
        theirs_redirects = _redirects(_parsed(theirs)) if theirs.exists() else []
        found += [(_relative(page, site), e) for e in _redirects(tree) if e not in theirs_redirects]
    assert found == []


def _redirects(tree: Element) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    return [
        (e.tag, tuple(sorted(e.attrs.items())))
        for e in tree.iter()
        if e.tag == "base"
        or (e.tag == "meta" and e.attrs.get("http-equiv", "").strip().lower() == "refresh")
    ]


def _words(text: str) -> str:
    return " ".join(text.split())


def _page_text(site: BuiltSite, url: str) -> str:
    page = site.page(url)
    assert page.is_file(), f"no page {url}"
    return _parsed(page).find("article").text


@pytest.mark.parametrize("index", range(len(VECTORS)), ids=[v.name for v in VECTORS])
def test_the_words_around_a_payload_stay_visible(corpus: Corpus, index: int) -> None:
    for planting in (p for p in corpus.plantings if p.vector == index):
        text = _page_text(corpus.site, planting.page)
        assert marker(index) in text, (planting, text[:2000])


@pytest.mark.parametrize("index", range(len(VECTORS)), ids=[v.name for v in VECTORS])
def test_a_front_matter_payload_shows_as_the_text_written(corpus: Corpus, index: int) -> None:
    """Front-matter values are text, never markup: the reader sees exactly what was written."""
    planting = next(p for p in corpus.plantings if p.vector == index and p.where != "body")
    text = _page_text(corpus.site, planting.page)
    assert _words(payload(index)) in text, (planting, text[:2000])


def test_a_submissions_raw_html_shows_as_text(corpus: Corpus) -> None:
    submissions = [p for p in corpus.plantings if p.where == "body" and p.file.count("/") == 2]
    assert submissions
    for planting in submissions:
        written = payload(planting.vector)
        text = _page_text(corpus.site, planting.page)
        if written.startswith("<"):  # raw HTML, typed by a member of the public
            assert _words(written) in text, (planting, written)
        else:  # Markdown: rendered, its words kept, its script URL dropped
            assert marker(planting.vector) in text, (planting, written)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_the_search_index_carries_no_markup_from_the_payloads(corpus: Corpus) -> None:
    """The search box shows the index's titles and texts as HTML: they are checked as pages."""
    index_file = corpus.site.root / "search" / "search_index.json"
    raw = index_file.read_text(encoding="utf-8")
    assert "<script" not in raw.lower()
    strings = list(_strings(json.loads(raw)))  # JSON escapes (\u003c) decoded
    assert [s for s in strings if "<script" in s.lower()] == []
    unsafe = []
    for string in strings:
        for element in parse(string).iter():
            if element.tag in FORBIDDEN_IN_CONTENT:
                unsafe.append((element.tag, string[:200]))
            unsafe += [
                (f"{element.tag} {name}={value}", string[:200])
                for name, value in element.attrs.items()
                if name.lower().startswith("on")
                or (name.lower() in URL_ATTRIBUTES and is_script_url(value))
            ]
    assert unsafe == []
    # Records are indexed by title and name: payloads planted there can still be found.
    joined = "\n".join(strings)
    named = [p.vector for p in corpus.plantings if p.where in ("title", "name")]
    assert named and [m for m in map(marker, named) if m not in joined] == []
