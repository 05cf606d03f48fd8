"""Characters that XML may not carry, found in records before they reach a feed.

XML 1.0 forbids the C0 control characters but tab and line breaks, lone surrogates and
U+FFFE/U+FFFF; it discourages C1 controls and the noncharacters. A record can hold them
through a YAML escape (`"\\x0b"`, `"\\uFFFE"`) or pasted into its text; `validate` refuses
them at their line, and the feeds drop any that got past it.
"""

from __future__ import annotations

import re

_NONCHARACTERS = "".join(
    f"{chr(plane + 0xFFFE)}-{chr(plane + 0xFFFF)}" for plane in range(0x10000, 0x110000, 0x10000)
)
NOT_FOR_XML = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + _NONCHARACTERS
    + "]"
)


# The same for ASCII text, which most bodies are: a small class the regex engine checks by
# a table, ten times faster than the class above with its ranges beyond the first plane.
_ASCII_NOT_FOR_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# What XML allows of ASCII: deleting these from a text's bytes leaves only what it forbids,
# ten times faster again than the small class (a pattern is tried at every character).
_ASCII_FOR_XML = bytes([9, 10, 13, *range(0x20, 0x7F)])


def not_for_xml(text: str) -> re.Match[str] | None:
    """The first character an XML document may not hold, if any."""
    if not text.isascii():
        return NOT_FOR_XML.search(text)
    if not text.encode("ascii").translate(None, _ASCII_FOR_XML):
        return None
    return _ASCII_NOT_FOR_XML.search(text)


def describe(char: str) -> str:
    return f"the character U+{ord(char):04X}"


def xml_text(text: str) -> str:
    """`text` without the characters an XML document may not hold."""
    return NOT_FOR_XML.sub("", text) if not_for_xml(text) else text
