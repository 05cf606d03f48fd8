"""The scan's two engines find what Python's engine alone finds (safety/canaries.py).

RE2 only says where the first candidate begins; if it missed one that Python's engine
would match, a private value would be published unseen. So the pair is compared with the
plain definition on generated values and texts full of white space, punctuation, letters
beyond ASCII and near misses, and RE2's white space with Python's on every code point.
"""

from __future__ import annotations

import pickle
import re
import sys
from collections.abc import Iterator

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from openforum.safety import canaries
from openforum.safety.canaries import LeakPattern, trie_pattern

# What values and text are made of: letters with and without accents, digits, the
# punctuation of e-mails and phone numbers, white space of several kinds, regex syntax.
ALPHABET = "ab\u00e9\u0131\u4e2d1 @.-+_(*[\\\n\t\u00a0\u2003\u3000"


def plain_whole_words(values: set[str], text: str) -> Iterator[str]:
    """Whole words as defined: Python's engine alone, from the start of the text."""
    pattern = re.compile(rf"(?:{trie_pattern(values)})(?![\w@-]|\.\w)")
    position = 0
    while match := pattern.search(text, position):
        start = match.start()
        if start and re.match(r"[\w.+-]", text[start - 1]):
            position = start + 1
            continue
        yield match[0]
        position = match.end()


values_st = st.sets(
    st.text(alphabet=ALPHABET, min_size=1, max_size=6).map(lambda v: " ".join(v.split())),
    min_size=1,
    max_size=6,
).filter(lambda values: all(values))


@settings(max_examples=400, deadline=None)
@given(values=values_st, text=st.text(alphabet=ALPHABET, max_size=60), data=st.data())
def test_both_engines_find_what_python_alone_finds(
    values: set[str], text: str, data: st.DataObject
) -> None:
    # Values planted in the text, whole, cut short or spaced otherwise, so matches and
    # near misses abound.
    for value in sorted(values):
        cut = data.draw(st.integers(0, len(value)))
        spaced = value.replace(" ", data.draw(st.sampled_from(["", "\u3000", " \n\u00a0"])))
        text = data.draw(
            st.sampled_from([text + value, value + text, text + value[:cut], spaced + text])
        )
    assert list(LeakPattern(values).whole_words(text)) == list(plain_whole_words(values, text))


def test_a_value_after_many_near_misses_is_found() -> None:
    values = {"citizen 4", "ana silva", "+1 555 0100"}
    text = "citizen 40, citizen 41; ana silvas " * 1000 + "and citizen\n\u00a04 and +1 555 0100."
    assert list(LeakPattern(values).whole_words(text)) == ["citizen\n\u00a04", "+1 555 0100"]
    assert list(LeakPattern(values).whole_words(text[:-40])) == []


def test_re2_white_space_is_pythons() -> None:
    gate = LeakPattern({"a b"}).gate
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue  # surrogates: not in any text read from UTF-8
        char = chr(code)
        python = bool(re.fullmatch(r"a\s*b", f"a{char}b"))
        assert bool(gate.fullmatch(f"a{char}b")) == python, hex(code)


def test_the_pattern_travels_to_a_worker_process() -> None:
    values = {"jane citizen", "x@y.example"}
    copy = pickle.loads(pickle.dumps(LeakPattern(values)))
    text = "to x@y.example from Jane  Citizen".lower()
    assert list(copy.whole_words(text)) == ["x@y.example", "jane  citizen"]


def test_every_punctuation_is_a_literal_to_re2() -> None:
    # Values holding what either engine reads as syntax match only themselves.
    odd = {"a.b*c", "(x)[y]{z}", "p|q^r$", "back\\slash", "h#~&e"}
    pattern = LeakPattern(odd)
    for value in odd:
        assert list(pattern.whole_words(f"see {value} here")) == [value]
        assert list(pattern.whole_words(f"see {value.replace(value[1], 'Z')} here")) == []
    assert canaries._re2_escape("*") == "\\x{2a}"


def test_values_too_many_for_re2_are_found_by_python_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise re2.error("pattern too large - compile failed")

    monkeypatch.setattr(re2, "compile", refuse)
    pattern = LeakPattern({"citizen 4", "x@y.example"})
    assert pattern.gate is None
    assert list(pattern.whole_words("citizen 40 and citizen 4, x@y.example")) == [
        "citizen 4",
        "x@y.example",
    ]


def test_a_pattern_too_large_for_re2_is_not_quoted_in_any_log(
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # RE2 logs a pattern it cannot compile, from C++: the values would be in the build log.
    monkeypatch.setattr(canaries, "_RE2_MEMORY", 1 << 16)  # too little for these values
    pattern = LeakPattern({f"zq{n:05d}secret" for n in range(3000)})
    assert pattern.gate is None
    out, err = capfd.readouterr()
    assert "secret" not in out + err
    assert list(pattern.whole_words("x zq00123secret y")) == ["zq00123secret"]


def test_without_re2_installed_python_finds_the_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(canaries, "re2", None)
    pattern = LeakPattern({"ana silva", "x@y.example"})
    assert pattern.gate is None
    assert list(pattern.whole_words("ana silvas; ana  silva; x@y.example.org")) == ["ana  silva"]
