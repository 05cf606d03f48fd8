"""Text as a reader sees it, for comparing private values with what is published.

A withheld name is as visible in capitals, with a non-breaking space, wrapped across two
lines of the minutes, with a zero-width space inside, as an entity (`&#74;ane`), as a JSON
or calendar escape (`J\\u0061ne`, `Jane\\nCitizen`) or percent-encoded in a link. Both
the private values and every published text are brought to one form: escapes, entities
and percent-encoding undone, Unicode compatibility forms folded (NFKC), case folded,
invisible characters removed, any run of white space made one space.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import unquote

# Format characters and fillers that show nothing: soft hyphen, zero-width space and
# joiners, direction marks, word joiner, variation selectors, BOM, tag characters.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e0fff]"
)
_TAG = re.compile(r"<[^<>]*>")  # what `without_tags` takes out
# Backslash escapes of JSON, JavaScript, Python and iCalendar (`\,` `\;` `\n`).
_ESCAPE = re.compile(
    r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)", re.DOTALL
)
_SIMPLE_ESCAPES = {"n": "\n", "N": "\n", "r": "\r", "t": "\t", "f": "\f", "b": "\b", "v": "\v"}


def _unescape_one(match: re.Match[str]) -> str:
    code = match[1]
    if len(code) == 1:
        return _SIMPLE_ESCAPES.get(code, code)
    digits = code[1:].strip("{}")
    value = int(digits, 16)
    return chr(value) if value < 0x110000 else match[0]


def undo_escapes(text: str) -> str:
    """Backslash escapes, entities and percent-encoding undone (each where it occurs)."""
    if "\\" in text:
        text = _ESCAPE.sub(_unescape_one, text)
        if _has_surrogates(text):  # \ud83d\ude00: a pair makes one character
            text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if "&" in text:
        text = html.unescape(text)
    if "%" in text:
        text = unquote(text, errors="replace")
    return text


def _has_surrogates(text: str) -> bool:
    if text.isascii():  # known without a look at the text: most files with escapes
        return False
    # UTF-8 cannot carry a surrogate: the encoder finds one four times faster than a regex.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# Pieces of this many characters or a little more are folded on their own (see `fold`).
_PIECE = 2048
_ASCII_CHAR = re.compile("[\x00-\x7f]")


def _pieces(text: str) -> Iterator[str]:
    """`text` cut into pieces, each cut just before an ASCII character: no ASCII character
    combines with what precedes it nor is reordered with it, so NFKC of the whole is the
    pieces' NFKC joined (a normalisation boundary, UAX #15), as are case folding and the
    removal of invisible characters, which go character by character."""
    start, end = 0, len(text)
    while end - start > _PIECE:
        ascii_char = _ASCII_CHAR.search(text, start + _PIECE)
        cut = ascii_char.start() if ascii_char else end
        yield text[start:cut]
        start = cut
    if start < end:
        yield text[start:]


# Compatibility characters common on pages (no-break spaces of dates and numbers, the
# ellipsis) with their NFKC decomposition. One of them makes NFKC rebuild a whole piece,
# where a piece without any passes its quick check untouched (a Spanish page: 1.1 ms ->
# 0.1 ms). Replacing one by its decomposition first changes nothing NFKC gives: it
# decomposes it so in any case.
_COMMON_COMPATIBLE = tuple(
    (char, unicodedata.normalize("NFKD", char)) for char in "\u00a0\u202f\u2009\u2026"
)


def _fold_piece(piece: str) -> str:
    if piece.isascii():  # O(1): slicing marked it
        return piece.lower()
    for char, decomposed in _COMMON_COMPATIBLE:
        if char in piece:
            piece = piece.replace(char, decomposed)
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", piece).casefold())


def fold_characters(text: str) -> str:
    """Compatibility forms and case folded, invisible characters out; white space kept."""
    # A page is mostly ASCII (markup, the theme's frame) with a letter beyond it here and
    # there: piece by piece, only the pieces that hold one pay for the Unicode folding,
    # which costs five times the ASCII lowering over a whole page.
    return text.lower() if text.isascii() else "".join(map(_fold_piece, _pieces(text)))


def fold(text: str) -> str:
    """`fold_characters`, and one space for each run of white space."""
    # str.split's white space is the regex's `\s`; a tenth of the time of a substitution.
    return " ".join(fold_characters(text).split())


def normalise(text: str) -> str:
    """A private value in the form it is looked for."""
    return fold(undo_escapes(text)).strip()


def reader_views(suffix: str, raw: str) -> list[str]:
    """The folded ways a reader may see a file: the text with escapes undone (attributes
    and links included) and, for markup, the same without its tags (`Jane <b>Citizen</b>`).
    White space is left as it is: a value's space is looked for as any run of it
    (privacy.leak_pattern), which spares making each run one space on every page."""
    if suffix == ".ics":
        raw = re.sub(r"\r?\n[ \t]", "", raw)  # unfold calendar lines first
    folded = fold_characters(undo_escapes(raw))
    views = [folded]
    if "<" in raw:
        # Tags taken out of the folded text rather than folding the file a second time:
        # decoding first can only make more of the text look like a tag, so this view
        # holds at least the joins the raw text's tags make.
        views.append(without_tags(folded))
    return views


def without_tags(text: str) -> str:
    """`text` less every `<...>` holding no other `<` or `>`, as `_TAG.sub("", text)` gives.

    Each `<` opens a tag when a `>` comes before the next `<`; splitting at `<` finds each
    in one C pass, where the substitution's work per match made it a fifth of the scan.
    """
    pieces = text.split("<")
    kept = [pieces[0]]
    for piece in pieces[1:]:
        _, closed, after = piece.partition(">")
        kept.append(after if closed else "<" + piece)
    return "".join(kept)
