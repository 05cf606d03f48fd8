"""HTML from records is cleaned with an allowlist (nh3, the Rust ammonia sanitizer).

Record bodies are Markdown, and Markdown passes raw HTML, `javascript:` links and (with
attr_list) `{: onclick=...}` straight into the page. Every page's content is cleaned after
rendering: the allowlist keeps what the site's own markup and Material's content features
need (tables, admonitions, footnotes, code, heading anchors) and drops scripts, event
handlers, forms and inputs, frames, styles and dangerous URL schemes.

Public submissions get more: their raw HTML is shown as text, and remote images become
plain links, before Markdown ever sees them.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any
from urllib.parse import unquote

import nh3

TAGS = frozenset(
    {
        *("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "section"),
        *("a", "abbr", "b", "i", "em", "strong", "small", "sub", "sup", "mark", "del", "ins"),
        *("s", "u", "q", "cite", "kbd", "samp", "var", "code", "pre", "blockquote", "time"),
        *("ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "figure", "figcaption"),
        *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
        *("img", "label", "input", "nav", "aside", "article", "header", "footer", "meter"),
    }
)
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex"},
    "a": {"href", "hreflang", "type", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "time": {"datetime"},
    "th": {"scope", "colspan", "rowspan", "abbr"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "label": {"for"},
    "meter": {"value", "min", "max", "low", "high", "optimum"},
    "span": {"style"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "webcal"})  # webcal: subscribe
# The site's own meters and bars set a width; no other style survives.
STYLE_PROPERTIES = frozenset({"width"})
GENERIC_PREFIXES = frozenset({"data-", "aria-"})


def clean_html(html: str) -> str:
    """A page's content, with everything outside the allowlist removed.

    Misnested markup (`<a><table><a>`) is rebuilt by the HTML parser on each pass, so the
    result is cleaned again until it no longer changes: cleaning is then idempotent.
    """
    cleaned = _clean_once(html)
    if cleaned == html:  # already clean: a second pass would only give it back again
        return cleaned
    for _ in range(3):
        again = _clean_once(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


# Ids and names in a record's body are prefixed, as code hosts do with what users write,
# so that a body can neither shadow the page's own anchors (#submission-s01) nor the
# theme's script globals (an element's id is a global name in browsers: `__md_scope`).
USER_CONTENT = "user-content-"
_NAMING = frozenset({"id", "name", "for"})
_ID_REFERENCES = frozenset({"aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"})


def clean_body_html(html: str) -> str:
    """A record body's HTML, cleaned, with its ids and names prefixed by USER_CONTENT and
    its links to them (`#background`) rewritten to match; links to the page's own
    anchors are left as they are."""
    cleaned = clean_html(html)
    # Looked for in the cleaned markup, where every attribute follows a space: in the
    # body as written, `<h2/id=x>` is an id too.
    if not any(name in cleaned for name in (" id=", " name=", " for=", " aria-")):
        return cleaned
    tags = _TAG_TO_RENAME.findall(cleaned)
    own = {
        unescape(value) for tag in tags for name, value in _ATTRIBUTE.findall(tag) if name in _OWN
    }

    # Renamed in the cleaned markup rather than by nh3's attribute filter: that calls back
    # into Python for every attribute of every element, three times the cleaning itself.
    def rename(attribute: re.Match[str]) -> str:
        name, value = attribute[1], attribute[2]
        if name in _NAMING:
            # The prefix has nothing to escape: it is added to the value as written.
            kept = value.startswith(USER_CONTENT)
            return attribute[0] if kept else f' {name}="{USER_CONTENT}{value}"'
        if name == "href":
            target = unescape(value[1:])
            if not value.startswith("#") or unquote(target) not in own:
                return attribute[0]
            return f' href="#{_escaped(_prefixed(target))}"'
        if name in _ID_REFERENCES:
            names = " ".join(_prefixed(part) for part in unescape(value).split())
            return f' {name}="{_escaped(names)}"'
        return attribute[0]

    return _TAG_TO_RENAME.sub(lambda tag: _ATTRIBUTE.sub(rename, tag[0]), cleaned)


# In the cleaner's markup a "<" always opens a tag (text has "&lt;") and a tag ends at
# the first ">" (values have "&gt;"); an attribute is a space, its name and its value in
# double quotes, with no quote inside (`_ATTRIBUTE_ENTITIES`). So the tags where an
# attribute to rename may be are found first (a value ending in " id=" selects one too,
# harmlessly), and their attributes are read one after the other. Looking for attributes
# in the whole text would try text as well (` id="x"` may be text) and look ahead to the
# next tag at each try: quadratic in a paragraph of them.
_TAG_TO_RENAME = re.compile(r'<[a-zA-Z][^<>]*? (?:id|name|for|href|aria-[a-z]+)="[^<>]*>')
_ATTRIBUTE = re.compile(r' ([^\s"\'<>/=]+)="([^"]*)"')
_OWN = frozenset({"id", "name"})


def _prefixed(name: str) -> str:
    return name if name.startswith(USER_CONTENT) else USER_CONTENT + name


def _escaped(value: str) -> str:
    """An attribute's value as the cleaner's serializer writes it."""
    for character, entity in _ATTRIBUTE_ENTITIES:
        value = value.replace(character, entity)
    return value


# What the cleaner writes as an entity in an attribute's value ("&" first).
_ATTRIBUTE_ENTITIES = (
    ("&", "&amp;"),
    ("\u00a0", "&nbsp;"),
    ('"', "&quot;"),
    ("<", "&lt;"),
    (">", "&gt;"),
)


def _allowlist() -> dict[str, Any]:
    """The cleaner's settings, as nh3 takes them."""
    return {
        "tags": set(TAGS),
        "clean_content_tags": {"script", "style", "template", "noscript"},
        "attributes": {tag: set(names) for tag, names in ATTRIBUTES.items()},
        "url_schemes": set(URL_SCHEMES),
        "generic_attribute_prefixes": set(GENERIC_PREFIXES),
        "filter_style_properties": set(STYLE_PROPERTIES),
        "link_rel": None,
        "strip_comments": True,
    }


# Made once: `nh3.clean` converts the allowlist for each text it cleans, which was twice
# the cleaning of a record body (36 against 15 µs), and every body is cleaned.
_CLEANER = nh3.Cleaner(**_allowlist())


def _clean_once(html: str) -> str:
    return _CLEANER.clean(html)


_RAW_HTML = re.compile(r"[<>&]")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<url>[a-zA-Z][a-zA-Z0-9+.-]*:[^)\s]*)")
_ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}")


def public_markdown(text: str) -> str:
    """A submission from the public, made safe to render as Markdown.

    Raw HTML is escaped, so it shows as typed; remote images become links, so no one's
    browser fetches a third party's image; attribute lists are neutralised.
    """
    escaped = _RAW_HTML.sub(lambda m: {"<": "&lt;", ">": "&gt;", "&": "&amp;"}[m[0]], text)
    unimaged = _IMAGE.sub(lambda m: f"[Image: {m['alt'] or 'link'}]({m['url']}", escaped)
    return _ATTR_LIST.sub(lambda m: m[0].replace("{", "&#123;").replace("}", "&#125;"), unimaged)
