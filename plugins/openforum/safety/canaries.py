"""Private values found in text as whole words, fast where none is there.

The values are one regex, a trie (`trie_pattern`). Python's engine tries that trie at every
letter a value can begin with: 60 MB/s when thousands of names begin with every letter, and
a large forum's site is gigabytes of text. RE2 (Google's linear-time engine) runs the same
trie as a DFA at some 600 MB/s, but has no lookaround, which whole words need. So RE2 only
finds where the first candidate begins; a text without one (nearly every text) holds no
value, and from a candidate on Python's engine finds exactly what it finds in the whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from typing import Any

try:
    import re2
except ImportError:  # a platform google-re2 has no wheel for: Python's engine alone
    re2 = None

# Python's `\s` in a str pattern (str.isspace), spelled for RE2, whose `\s` is ASCII only.
# A test compares the two over every code point.
RE2_SPACE = (
    r"[\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}"
    r"\x{202f}\x{205f}\x{3000}]"
)
# After a value: no letter, digit, "@" or "-", nor a "." that goes on into a word. Whole
# words: a withheld "Citizen 4" is not leaked by a published "Citizen 40", nor
# ana@x.example by ana@x.example.org.
_AFTER = r"(?![\w@-]|\.\w)"
# Before a value, checked by hand (`whole_words`): a leading lookbehind would stop the
# engine from skipping ahead to the characters a value can start with (six times slower).
_WORD_BEFORE = re.compile(r"[\w.+-]")
# The DFA's memory; a trie of many thousand values fits. Beyond it RE2 still answers, on
# its slower automaton.
_RE2_MEMORY = 64 << 20


def trie_pattern(
    words: Iterable[str], *, space: str = r"\s", escape: Callable[[str], str] = re.escape
) -> str:
    """One regex for many literal strings, shared prefixes factored out.

    A flat alternation makes the engine try every string at every position; a trie tries
    only the strings that can still match, so a scan stays fast with thousands of canaries.
    A space matches any run of white space, or none ("Jane\n  Citizen", "JaneCitizen").
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [
            (space + "*" if char == " " else escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def _re2_escape(char: str) -> str:
    # Every character but a letter or digit by its code point: RE2 and Python disagree on
    # which punctuation may be escaped.
    return char if char.isalnum() else f"\\x{{{ord(char):x}}}"


class LeakPattern:
    """Private values, folded (`normalise`), found in folded text as whole words."""

    __slots__ = ("exact", "gate")

    def __init__(self, values: Iterable[str]) -> None:
        words = sorted(set(values))
        self.exact = re.compile(rf"(?:{trie_pattern(words)}){_AFTER}")
        self.gate: Any = None  # where RE2 cannot hold the values, Python's engine alone
        if re2 is not None:
            options = re2.Options()
            options.max_mem = _RE2_MEMORY
            options.log_errors = False  # its message would quote the pattern: private values
            with suppress(re2.error):
                self.gate = re2.compile(
                    trie_pattern(words, space=RE2_SPACE, escape=_re2_escape), options
                )

    def __getstate__(self) -> tuple[str, Any]:
        # For a worker process: both engines compile again there.
        return self.exact.pattern, self.gate

    def __setstate__(self, state: tuple[str, Any]) -> None:
        self.exact = re.compile(state[0])
        self.gate = state[1]

    def whole_words(self, text: str) -> Iterator[str]:
        """Each value `text` holds, as written there, with no word running on before it."""
        position = 0
        if self.gate is not None:
            candidate = self.gate.search(text)
            if candidate is None:
                return
            # Python's engine finds nothing before the first place the trie matches at all.
            position = candidate.start()
        while match := self.exact.search(text, position):
            start = match.start()
            if start and _WORD_BEFORE.match(text, start - 1):
                position = start + 1  # a value may still start inside this match
                continue
            yield match[0]
            position = match.end()
