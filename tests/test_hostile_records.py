"""Hostile and malformed records: each is reported at its exact line, in words, never as a crash.

The corpus is written independently of test_broken_records.py: other hazards, or other
spellings of the same ones (encodings, invisible characters, YAML features a record must not
use, wrong shapes and types, absurd sizes and depths, impossible dates, bad file names,
references that lead nowhere). Every case is run through the loader in-process and through
the `openforum validate` command; one also through `openforum build`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import MINIMAL, found
from site_build import write_config


class Case(NamedTuple):
    name: str
    file: str  # below the forum folder
    content: bytes | tuple[str, str]  # the whole file, or (old, new) in the fixture's file
    at: int | str  # the line the problem must be reported on, or text on that line
    message: str  # a fragment of the problem's message
    alone: bool = True  # the only problem of the whole run


PERIOD = b"period: {start: 2024-01-01, end: 2024-02-01}\n"
PLAN = b"title: A plan\nstatus: closed\n" + PERIOD  # a valid plan's fields
N = "plans/nap2.md"  # a new plan, next to the fixture's nap1
M = "meetings/2024-03-12-plenary.md"
C = "commitments/nap1-01.md"
F = "forum.md"
A = "members/ana-ruiz.md"
S = "consultations/c1/s01.md"


def fm(*lines: bytes, body: bytes = b"") -> bytes:
    """A record file: its front matter lines between fences, then its body."""
    return b"---\n" + b"".join(lines) + b"---\n" + body


def crlf(data: bytes) -> bytes:
    return data.replace(b"\n", b"\r\n")


def nested_block_mappings(depth: int) -> bytes:
    return b"".join(b" " * level + b"k:\n" for level in range(1, depth))


CASES = [
    # -- byte order marks, line endings, encodings, control characters ---------------------
    Case(
        "bom-at-the-start-of-a-key-line",
        N,
        fm(b"title: A plan\n", b"\xef\xbb\xbfstatus: closed\n"),
        3,
        "U+FEFF",
    ),
    Case("two-boms-at-the-start", N, b"\xef\xbb\xbf\xef\xbb\xbf" + fm(PLAN), 1, "U+FEFF"),
    Case(
        "bom-before-the-closing-fence",
        N,
        b"---\n" + PLAN + b"\xef\xbb\xbf---\n",
        5,
        "U+FEFF",
    ),
    Case(
        "bom-then-crlf",
        N,
        b"\xef\xbb\xbf" + crlf(fm(b"title: A plan\n", b"status: clossed\n", PERIOD)),
        "status",
        "Did you mean 'closed'?",
    ),
    Case(
        "crlf-line-endings",
        N,
        crlf(fm(b"title: A plan\n", b"status: closed\n", b"period: {start: 2024-01-01}\n")),
        "period",
        "missing field 'end' in `period`",
    ),
    Case(
        "mixed-line-endings",
        N,
        b"---\r\ntitle: A plan\nstatus: closed\r\n"
        b"period: {start: 2024-01-01, end: 2024-13-01}\r\n---\r\n",
        4,
        "not a date in the calendar",
    ),
    Case(
        "old-mac-line-endings",
        N,
        b"---\rtitle: A plan\rstatus: closedd\rperiod: {start: 2024-01-01, end: 2024-02-01}\r---\r",
        3,
        "Did you mean 'closed'?",
    ),
    Case(
        "crlf-body-with-unclosed-brackets",
        N,
        crlf(fm(PLAN, body=b"Intro\n" + b"[" * 40 + b"\n")),
        7,
        "more than 32 '['",
    ),
    Case("nul-byte-in-the-body", N, fm(PLAN, body=b"Body\x00text\n"), 6, "NUL"),
    Case(
        "nul-byte-with-old-mac-line-endings",
        N,
        b"---\r" + PLAN.replace(b"\n", b"\r") + b"---\rBody\x00\r",
        6,
        "NUL",
    ),
    Case("zip-archive", N, b"PK\x03\x04\x14\x00\x00\x00\x08\x00", 1, "NUL"),
    Case("png-image", N, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, "not UTF-8"),
    Case(
        "latin-1-in-the-body",
        N,
        fm(PLAN, body=b"Plan de acci\xf3n\n"),
        6,
        "not UTF-8 text (byte 0xf3)",
    ),
    Case("windows-1252-quotes", N, fm(b"title: \x93A plan\x94\n"), 2, "byte 0x93"),
    Case("utf-8-encoded-surrogate", N, fm(PLAN, b"number: \xed\xa0\x80\n"), 5, "not UTF-8"),
    Case("utf-16-with-bom", N, fm(PLAN).decode().encode("utf-16"), 1, "UTF-8"),
    # Notepad's "Unicode" without a BOM: text, not binary; the fix is to save it as UTF-8.
    Case("utf-16-without-bom", N, fm(PLAN).decode().encode("utf-16-le"), 1, "UTF-8"),
    Case("utf-32", N, fm(PLAN).decode().encode("utf-32"), 1, "UTF-8"),
    Case(
        "bell-character-on-line-4",
        N,
        fm(b"title: A plan\n", b"status: closed\n", b"number: 5\x07\n"),
        4,
        "control character",
    ),
    # A form feed pasted from a PDF: Python's splitlines() breaks the line there, editors don't.
    Case(
        "form-feed-in-a-title",
        N,
        fm(b"title: Plan\x0cOne\n", b"status: closedd\n", PERIOD),
        2,
        "control character",
    ),
    # -- sizes and depths --------------------------------------------------------------------
    Case("body-over-1-mb", N, fm(PLAN, body=b"word " * 210_000), 1, "at most 1,000,000"),
    Case(
        "one-byte-over-1-mb",
        N,
        fm(PLAN) + b"x" * (1_000_001 - len(fm(PLAN))),
        1,
        "the file is 1,000,001 bytes",
    ),
    Case(
        "200000-character-title-line",
        N,
        fm(b"title: " + b"A" * 200_000 + b"\n", b"status: closedd\n", PERIOD),
        3,
        "Did you mean 'closed'?",
    ),
    Case(
        "flow-sequences-5000-deep",
        N,
        fm(PLAN, b"number: " + b"[" * 5000 + b"]" * 5000 + b"\n"),
        5,
        "nested more than",
    ),
    Case(
        "unclosed-flow-mappings-5000-deep",
        N,
        fm(PLAN, b"number: " + b"{a: " * 5000 + b"\n"),
        5,
        "nested more than",
    ),
    Case(
        "mixed-flow-3000-deep",
        N,
        fm(b"title: x\n", b"period: " + b"{a: [" * 3000 + b"\n"),
        3,
        "nested more than",
    ),
    Case(
        "block-sequences-5000-deep",
        N,
        fm(b"title: x\n", b"period:\n", b"- " * 5000 + b"x\n"),
        4,
        "nested more than",
    ),
    # 1,300 levels of one-space indentation; the root is level 1, so level 13 is refused.
    Case(
        "block-mappings-1300-deep",
        N,
        fm(b"title: x\n", b"a:\n", nested_block_mappings(1300)),
        15,
        "nested more than",
    ),
    # -- YAML features a record must not use -------------------------------------------------
    Case(
        "merge-key-with-alias",
        N,
        fm(
            b"title: A plan\nstatus: closed\n",
            b"base: &b {start: 2024-01-01, end: 2024-02-01}\n",
            b"period:\n  <<: *b\n",
        ),
        "*b",
        "aliases are not allowed",
        alone=False,  # 'base' and '<<' are unknown fields too
    ),
    Case(
        "merge-key-without-alias",
        N,
        fm(b"title: A plan\nstatus: closed\n", b"period:\n  <<: {start: 2024-01-01}\n"),
        "<<",
        "unknown field '<<'",
        alone=False,
    ),
    Case(
        "alias-as-a-key",
        N,
        fm(b"title: &k A plan\n", PLAN.splitlines(True)[1], PERIOD, b"*k : 5\n"),
        5,
        "aliases are not allowed",
        alone=False,
    ),
    Case(
        "python-object-apply-tag",
        N,
        fm(b'title: !!python/object/apply:os.system ["echo pwned"]\n', b"status: closed\n", PERIOD),
        2,
        "tags are not allowed (tag:yaml.org,2002:python/object/apply:os.system)",
        alone=False,  # the tagged value is a list where a text is expected
    ),
    Case(
        "python-object-new-tag-on-a-mapping",
        N,
        fm(
            b"title: A plan\nstatus: closed\n",
            b"period: !!python/object/new:dict {start: 2024-01-01, end: 2024-02-01}\n",
        ),
        4,
        "tags are not allowed",
    ),
    Case(
        "local-tag",
        N,
        fm(b"title: A plan\n", b"status: !custom closed\n", PERIOD),
        3,
        "tags are not",
    ),
    Case(
        "binary-tag", N, fm(b"title: !!binary aGVsbG8=\n", b"status: closed\n", PERIOD), 2, "tags"
    ),
    Case("tag-on-a-key", N, fm(PLAN, b"!!str number: 5\n"), 5, "tags are not allowed"),
    Case(
        "document-end-marker-inside",
        N,
        fm(b"title: A plan\n", b"...\n", b"status: closed\n", PERIOD),
        3,
        "'...'",
    ),
    # A second YAML document silently replaced the first: its fields were lost.
    Case(
        "second-document-inside",
        N,
        fm(b"title: A plan\nstatus: closed\n", b"--- # more\n", PERIOD),
        4,
        "document",
    ),
    Case("document-end-marker-as-fence", N, b"---\n" + PLAN + b"...\n", 1, "never closed"),
    # -- duplicates and unknown fields, nested -----------------------------------------------
    Case(
        "duplicate-in-a-nested-block-mapping",
        N,
        fm(
            b"title: A plan\nstatus: closed\n",
            b"period:\n  start: 2024-01-01\n  end: 2024-02-01\n  start: 2024-01-02\n",
        ),
        7,
        "duplicate field 'start' (first written on line 5)",
    ),
    Case(
        "duplicate-in-a-flow-mapping",
        N,
        fm(
            b"title: A plan\nstatus: closed\n",
            b"period: {start: 2024-01-01, end: 2024-02-01, end: 2024-03-01}\n",
        ),
        4,
        "duplicate field 'end'",
    ),
    Case(
        "duplicate-in-a-list-item",
        A,
        ("seats:\n  - role: member", "seats:\n  - role: member\n    role: chair"),
        "role: chair",
        "duplicate field 'role'",
    ),
    Case(
        "duplicate-in-votes",
        M,
        ("votes: {for: 2, against: 0, abstain: 0}", "votes: {for: 2, against: 0, for: 3}"),
        "votes:",
        "duplicate field 'for'",
    ),
    Case(
        "duplicate-differently-quoted",
        N,
        fm(PLAN, b'"title": Again\n'),
        5,
        "duplicate field 'title' (first written on line 2)",
    ),
    Case(
        "unknown-field-in-a-flow-mapping",
        N,
        fm(
            b"title: A plan\nstatus: closed\n",
            b"period: {start: 2024-01-01, end: 2024-02-01, middle: 2024-01-15}\n",
        ),
        4,
        "unknown field 'middle' in `period`",
    ),
    Case(
        "unknown-field-in-a-list-item",
        N,
        fm(PLAN, b"phases:\n  - phase: development\n    start: 2023-01-01\n    owner: x\n"),
        8,
        "unknown field 'owner' in the 1st item of `phases`",
    ),
    Case(
        "unknown-field-in-votes",
        M,
        ("abstain: 0}", "abstain: 0, blank: 1}"),
        "blank",
        "unknown field 'blank' in `votes` in the 2nd item of `decisions`",
    ),
    Case(
        "unknown-field-in-contact",
        A,
        ("  public: false", "  public: false\n  twitter: '@ana'"),
        "twitter",
        "unknown field 'twitter' in `contact`",
    ),
    # -- the shape of the file ---------------------------------------------------------------
    Case("blank-lines-only", N, b"\n\n  \n", 1, "missing front matter"),
    Case("only-an-opening-fence", N, b"---\n", 1, "never closed"),
    Case("empty-front-matter", N, b"---\n---\n", 2, "missing field 'title'", alone=False),
    Case(
        "front-matter-after-a-blank-line",
        N,
        b"\n" + fm(PLAN),
        1,
        "a record starts with a line '---'",
    ),
    Case("front-matter-after-text", N, b"Intro\n\n" + fm(PLAN), 1, "missing front matter"),
    Case("flow-list-as-front-matter", N, fm(b"[title, status]\n"), 2, "not a list"),
    Case("quoted-text-as-front-matter", N, fm(b'"title: A plan"\n'), 2, "not a single value"),
    Case(
        "list-as-a-field-name",
        N,
        fm(PLAN, b"[a, b]: x\n"),
        5,
        "a field name must be a plain word",
    ),
    Case(
        "complex-key",
        N,
        fm(PLAN, b"? {a: 1}\n: x\n"),
        5,
        "a field name must be a plain word",
        alone=False,
    ),
    Case(
        "unterminated-double-quote",
        N,
        fm(b'title: "A plan\n', b"status: closed\n"),
        2,
        "quoted",
    ),
    Case("apostrophe-in-single-quotes", N, fm(b"title: 'it's a plan'\n"), 2, "YAML syntax error"),
    Case(
        "no-space-after-the-colon",
        N,
        fm(b"title: A plan\n", b"status:closed\n", PERIOD),
        3,
        "'name: value'",
    ),
    Case(
        "tab-indenting-a-nested-mapping",
        N,
        fm(b"title: A plan\nstatus: closed\n", b"period:\n\tstart: 2024-01-01\n"),
        5,
        "not tabs",
    ),
    Case(
        "tab-after-spaces",
        N,
        fm(
            b"title: A plan\nstatus: closed\n",
            b"period:\n  start: 2024-01-01\n \tend: 2024-02-01\n",
        ),
        6,
        "not tabs",
    ),
    Case("tab-before-a-top-level-key", N, fm(b"title: A plan\n", b"\tstatus: closed\n"), 3, "tabs"),
    Case(
        "tab-after-a-list-dash",
        N,
        fm(PLAN, b"phases:\n-\tphase: development\n"),
        6,
        "not tabs",
    ),
    # -- wrong shapes and types --------------------------------------------------------------
    Case(
        "list-where-fields-are-expected",
        N,
        fm(b"title: A plan\nstatus: closed\n", b"period:\n  - 2024-01-01\n  - 2024-02-01\n"),
        5,
        "`period`: expected fields",
    ),
    Case(
        "list-where-a-location-is-expected",
        M,
        (
            'location: {name: "Ministry of Reform, Room 3", address: "1 Main St", online: https://meet.lanmark.example/p4}',
            "location: [Room 3, 1 Main St]",
        ),
        "location",
        "`location`: expected fields",
    ),
    Case(
        "rules-as-a-list",
        F,
        (
            "rules:\n  decision_rule: consensus\n  qualified_threshold: 2/3\n  quorum: 1/2\n"
            "  notice_days: 14\n  minutes_due_days: 30\n  max_meeting_gap_months: 6\n"
            "  assessment_every_months: 12\n  parity: true\n",
            "rules: [consensus, 2/3]\n",
        ),
        "rules",
        "`rules`: expected fields",
    ),
    Case(
        "mapping-where-a-date-is-expected",
        F,
        ("date: 2020-01-15", "date: {year: 2020, month: 1, day: 15}"),
        "date:",
        "expected a date (YYYY-MM-DD), not a set of fields",
    ),
    Case(
        "list-where-a-date-is-expected",
        M,
        ("  published: 2024-03-20", "  published: [2024, 3, 20]"),
        "published",
        "expected a date (YYYY-MM-DD), not a list",
    ),
    Case(
        "mapping-where-a-list-is-expected",
        F,
        ("secretariat: [sec-office]", "secretariat: {chief: sec-office}"),
        "secretariat",
        "`secretariat`: expected a list",
    ),
    Case(
        "mapping-where-a-text-is-expected",
        M,
        ("title: Plenary session 4", "title: {en: Plenary session 4}"),
        "title",
        "expected a text, not a set of fields",
    ),
    Case(
        "empty-quoted-required-text",
        F,
        ("name: Test Forum of Lanmark", 'name: ""'),
        "name:",
        "`name`: a value is required",
    ),
    Case("null-required-text", F, ("name: Test Forum of Lanmark", "name: ~"), "name:", "required"),
    Case("amount-with-currency", F, ("amount: 12000", "amount: 45000 EUR"), "amount", "45000 EUR"),
    Case("amount-with-comma", F, ("amount: 12000", "amount: 12,000"), "amount", "not a number"),
    Case("amount-in-exponent", F, ("amount: 12000", "amount: 1.2e4"), "amount", "not a number"),
    Case("amount-infinite", F, ("amount: 12000", "amount: .inf"), "amount", "not a number"),
    Case("days-with-unit", F, ("notice_days: 14", "notice_days: 14 days"), "notice", "14 days"),
    Case("days-in-hex", F, ("notice_days: 14", "notice_days: 0x0E"), "notice", "whole number"),
    Case("quorum-in-percent", F, ("quorum: 1/2", "quorum: 50%"), "quorum", "not a share"),
    Case("quorum-zero", F, ("quorum: 1/2", "quorum: 0"), "quorum", "not a share"),
    Case("boolean-True", F, ("parity: true", "parity: True"), "parity", "'True' is not true"),
    Case("boolean-Yes", F, ("parity: true", "parity: Yes"), "parity", "'Yes' is not true"),
    Case("boolean-on", F, ("parity: true", "parity: on"), "parity", "'on' is not true"),
    Case("boolean-off", A, ("public: false", "public: off"), "public", "'off' is not true"),
    Case("boolean-1", A, ("voting: true", "voting: 1"), "voting", "'1' is not true or false"),
    Case("boolean-quoted", A, ("voting: true", 'voting: "true"'), "voting", "quoted text"),
    # -- look-alike and invisible characters -------------------------------------------------
    Case(
        "cyrillic-a-in-a-field-name",
        N,
        fm(b"title: A plan\n", "st\u0430tus: closed\n".encode(), PERIOD),
        3,
        "U+0430",
    ),
    Case(
        "zero-width-space-before-a-field-name",
        N,
        fm(PLAN, "\u200bnumber: 5\n".encode()),
        5,
        "U+200B",
    ),
    Case(
        "fullwidth-digit-in-a-date",
        M,
        ("announced: 2024-02-26", "announced: 2024-02-2\uff16"),
        "announced",
        "is not a date",
    ),
    # -- dates and times ---------------------------------------------------------------------
    Case(
        "date-29-feb-non-leap",
        M,
        ("announced: 2024-02-26", "announced: 2023-02-29"),
        "announced",
        "not a date in the calendar",
    ),
    Case(
        "date-31-april",
        M,
        ("announced: 2024-02-26", "announced: 2024-04-31"),
        "announced",
        "not a date in the calendar",
    ),
    Case(
        "date-month-13",
        M,
        ("announced: 2024-02-26", "announced: 2024-13-01"),
        "announced",
        "not a date in the calendar",
    ),
    Case(
        "date-two-digit-year",
        M,
        ("announced: 2024-02-26", "announced: 24-03-12"),
        "announced",
        "write it as YYYY-MM-DD",
    ),
    Case(
        "date-single-digits",
        M,
        ("  published: 2024-03-20", "  published: 2024-3-20"),
        "published",
        "YYYY-MM-DD",
    ),
    Case(
        "date-with-a-time",
        M,
        ("announced: 2024-02-26", "announced: 2024-02-26T09:00"),
        "announced",
        "is not a date",
    ),
    Case(
        "date-as-iso-week",
        M,
        ("announced: 2024-02-26", "announced: 2024-W09"),
        "announced",
        "is not a date",
    ),
    Case(
        "time-without-t-with-seconds",
        M,
        ("start: 2024-03-12T10:00", "start: 2024-03-12 10:00:00"),
        "start:",
        "YYYY-MM-DDTHH:MM",
    ),
    Case(
        "time-with-lowercase-t",
        M,
        ("start: 2024-03-12T10:00", "start: 2024-03-12t10:00"),
        "start:",
        "YYYY-MM-DDTHH:MM",
    ),
    Case(
        "time-without-date",
        M,
        ("start: 2024-03-12T10:00", "start: 10:00"),
        "start:",
        "YYYY-MM-DDTHH:MM",
    ),
    Case(
        "time-date-only",
        M,
        ("start: 2024-03-12T10:00", "start: 2024-03-12"),
        "start:",
        "YYYY-MM-DDTHH:MM",
    ),
    Case(
        "time-hour-25",
        M,
        ("start: 2024-03-12T10:00", "start: 2024-03-12T25:00"),
        "start:",
        "not a date and time in the calendar",
    ),
    Case(
        "time-hour-24",
        M,
        ("end: 2024-03-12T13:00", "end: 2024-03-12T24:00"),
        "end:",
        "not a date and time in the calendar",
    ),
    Case(
        "time-minute-60",
        M,
        ("start: 2024-03-12T10:00", "start: 2024-03-12T10:60"),
        "start:",
        "not a date and time in the calendar",
    ),
    Case(
        "time-hour-only",
        M,
        ("start: 2024-03-12T10:00", "start: 2024-03-12T10"),
        "start:",
        "YYYY-MM-DDTHH:MM",
    ),
    Case(
        "time-zone-abbreviation",
        M,
        ("start: 2024-03-12T10:00", "start: 2024-03-12T10:00 CET"),
        "start:",
        "YYYY-MM-DDTHH:MM",
    ),
    Case(
        "time-epoch-seconds",
        M,
        ("start: 2024-03-12T10:00", "start: 1710237600"),
        "start:",
        "YYYY-MM-DDTHH:MM",
    ),
    Case(
        "time-fraction-of-second",
        M,
        ("start: 2024-03-12T10:00", "start: 2024-03-12T10:00:00.5"),
        "start:",
        "YYYY-MM-DDTHH:MM",
    ),
    Case(
        "time-offset-25-hours",
        M,
        ("start: 2024-03-12T10:00", "start: 2024-03-12T10:00+25:00"),
        "start:",
        "offset",
    ),
    # -- the forum's timezone ----------------------------------------------------------------
    Case(
        "timezone-path-traversal",
        F,
        ("timezone: Europe/Lisbon", "timezone: ../../../etc/passwd"),
        "timezone",
        "not a timezone name",
    ),
    Case(
        "timezone-300-characters",
        F,
        ("timezone: Europe/Lisbon", "timezone: " + "Europe" * 50),
        "timezone",
        "not a timezone name",
    ),
    # -- file names ------------------------------------------------------------------------
    Case(
        "uppercase-file-name",
        "members/ANA-RUIZ2.md",
        fm(b"name: X\n"),
        1,
        "rename it to 'ana-ruiz2.md'",
    ),
    Case(
        "underscore-file-name",
        "members/ana_ruiz2.md",
        fm(b"name: X\n"),
        1,
        "rename it to 'ana-ruiz2.md'",
    ),
    Case(
        "space-in-a-meeting-file-name",
        "meetings/2024-07-01 Plenary.md",
        fm(b"title: x\n"),
        1,
        "rename it to '2024-07-01-plenary.md'",
    ),
    Case("leading-dash-file-name", "members/-ana.md", fm(b"name: X\n"), 1, "rename it to 'ana.md'"),
    # The suggestion must itself be a valid id.
    Case(
        "accented-file-name",
        "members/mar\u00eda.md",
        fm(b"name: X\n"),
        1,
        "rename it to 'maria.md'",
    ),
    Case("uppercase-extension", "members/ana.MD", fm(b"name: X\n"), 1, "records are named <id>.md"),
    Case(
        "space-in-a-submission-file-name",
        "consultations/c1/S 02.md",
        fm(b"submitted: 2023-03-14\n"),
        1,
        "rename it to 's-02.md'",
    ),
    Case(
        "id-in-front-matter-uppercase",
        A,
        ("name: Ana Ruiz", "id: Ana-Ruiz\nname: Ana Ruiz"),
        "id:",
        "differs from the file name",
    ),
    Case(
        "alias-with-a-space",
        C,
        ("aliases: [nap1-1]", "aliases: [nap1-1, Old Id]"),
        "aliases",
        "alias 'Old Id' is not a valid id",
    ),
    # -- references to missing records, one per reference field -----------------------------
    Case(
        "ref-secretariat",
        F,
        ("secretariat: [sec-office]", "secretariat:\n  - sec-office\n  - ghost-office"),
        "ghost-office",
        "no member 'ghost-office'",
    ),
    Case(
        "ref-organization",
        A,
        ("organization: Lanmark Budget Watch", "organization: lanmark-budget-watch"),
        "organization",
        "no such record 'lanmark-budget-watch'",
    ),
    # One mistake, one problem: the seat names its member, the name is not an id.
    Case(
        "ref-substitute-for",
        "members/cleo-dan.md",
        ("substitute_for: ben-tal", "substitute_for: Ben Tal"),
        "substitute_for",
        "'Ben Tal' is not a record id",
    ),
    Case(
        "ref-agenda-commitments",
        M,
        (
            "    commitments: [nap1-01]\n    documents",
            "    commitments:\n      - nap1-01\n      - nap1-02\n    documents",
        ),
        "nap1-02",
        "no commitment 'nap1-02'",
    ),
    Case(
        "ref-present-of-another-kind",
        M,
        ("present: [ana-ruiz, ben-tal]", "present: [ana-ruiz, nap1-01]"),
        "present",
        "no member 'nap1-01'",
    ),
    Case(
        "ref-apologies",
        M,
        ("apologies: []", "apologies: [cleo-dann]"),
        "apologies",
        "no member 'cleo-dann'",
    ),
    Case(
        "ref-decision-commitments",
        M,
        (
            "    result: adopted\n    commitments: [nap1-01]",
            "    result: adopted\n    commitments: [nap9-01]",
        ),
        "nap9-01",
        "no commitment 'nap9-01'",
    ),
    Case(
        "ref-approved-in-a-plan",
        M,
        ("approved_in: 2024-05-02-plenary", "approved_in: nap1"),
        "approved_in",
        "no meeting 'nap1'",
    ),
    Case(
        "ref-consultation-a-submission",
        "plans/nap1.md",
        ("consultation: c1", "consultation: c1/s01"),
        "consultation",
        "'c1/s01' is not a record id",
    ),
    Case(
        "ref-plan-uppercase", C, ("plan: nap1", "plan: NAP1"), "plan:", "'NAP1' is not a record id"
    ),
    Case(
        "ref-lead",
        C,
        ("lead: ministry-of-reform", "lead: ministry-of-finance"),
        "lead",
        "no such record 'ministry-of-finance'",
    ),
    Case(
        "ref-supporting-third-item",
        C,
        ("supporting: [ana-ruiz]", "supporting:\n  - ana-ruiz\n  - cleo-dan\n  - dora-fen"),
        "dora-fen",
        "no such record 'dora-fen'",
    ),
    Case(
        "ref-consultation-plan-file-name",
        "consultations/c1.md",
        ("plan: nap1", "plan: nap1.md"),
        "plan:",
        "'nap1.md' is not a record id",
    ),
    Case(
        "ref-response-commitments",
        S,
        ("commitments: [nap1-01]", "commitments: [nap1-01, nap1-01x]"),
        "commitments",
        "no commitment 'nap1-01x'",
    ),
    Case(
        "ref-subject-capitalised",
        "assessments/2024-h1.md",
        ("subject: forum", "subject: Forum"),
        "subject",
        "'Forum' is not a record id",
    ),
    Case(
        "ref-subject-a-consultation",
        "assessments/2024-h1.md",
        ("subject: forum", "subject: c1"),
        "subject",
        "no plan 'c1'",
    ),
    Case(
        "ref-empty-quoted-id",
        M,
        ("present: [ana-ruiz, ben-tal]", 'present: [ana-ruiz, ben-tal, ""]'),
        "present",
        "'' is not a record id",
    ),
]

# What a message must never show: Python's internals, or a line break that splits the
# one-problem-per-line output.
INTERNALS = ("<unicode string>", "Traceback", "timedelta", "Error:", "\n", "\r")


def plant(root: Path, case: Case, file: str | None = None) -> bytes:
    """Write the case into the forum at `root` (at `file` instead of its own, when given);
    return the bytes of the file as written."""
    target = root / (file or case.file)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(case.content, bytes):
        data = case.content
    else:
        old, new = case.content
        text = target.read_text(encoding="utf-8")
        assert old in text, f"the fixture no longer contains {old!r}"
        data = text.replace(old, new, 1).encode("utf-8")
    target.write_bytes(data)
    return data


def expected_line(case: Case, data: bytes) -> int:
    if isinstance(case.at, int):
        return case.at
    return data[: data.index(case.at.encode("utf-8"))].count(b"\n") + 1


def line_count(data: bytes) -> int:
    """Lines as an editor counts them: LF, CRLF and lone CR end a line."""
    return max(1, len(data.splitlines()))


def test_the_corpus_is_large_and_names_are_unique() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_record_is_reported_at_its_line(minimal_copy: Path, case: Case) -> None:
    data = plant(minimal_copy, case)
    line = expected_line(case, data)

    _, problems = found(minimal_copy)  # never raises: a traceback fails the test here

    assert any(p[1] == line and case.message in p[3] for p in problems), (line, problems)
    assert {p[0] for p in problems} == {case.file}, problems
    if case.alone:
        assert [(p[0], p[1]) for p in problems] == [(case.file, line)], problems
    lines = line_count(data)
    assert all(1 <= p[1] <= lines for p in problems), (lines, problems)
    assert [p[3] for p in problems if any(bad in p[3] for bad in INTERNALS)] == []


def _openforum() -> list[str]:
    script = Path(sys.executable).with_name("openforum")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "openforum"]


def _validate(workdir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*_openforum(), "validate", "forum_records"],
        cwd=workdir,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=120,
        check=False,
    )


def _rounds() -> list[list[tuple[Case, str]]]:
    """The corpus in few forums of a few cases each, one case per file in each.

    A new plan goes to a file of its own; cases that edit the same fixture file go to
    different rounds.
    """
    rounds: list[list[tuple[Case, str]]] = []
    for index, case in enumerate(CASES):
        file = f"plans/hostile-{index:03d}.md" if case.file == N else case.file
        free = next((r for r in rounds if len(r) < 6 and file not in {f for _, f in r}), None)
        if free is None:
            rounds.append(free := [])
        free.append((case, file))
    return rounds


def _check_with_validate(workdir: Path, cases: list[tuple[Case, str]]) -> list[tuple]:
    """Run `openforum validate` over the cases planted together; the failing ones."""
    shutil.copytree(MINIMAL, workdir / "forum_records")
    expected = []
    for case, file in cases:
        data = plant(workdir / "forum_records", case, file)
        expected.append((case, f"forum_records/{file}:{expected_line(case, data)}:"))
    result = _validate(workdir)
    output = result.stdout + result.stderr
    crashed = result.returncode != 1 or "Traceback" in output
    return [
        (case.name, result.returncode, where, output[-1500:])
        for case, where in expected
        if crashed or where not in result.stdout
    ]


def test_validate_command_reports_every_case_without_a_traceback(tmp_path: Path) -> None:
    """The whole corpus through `openforum validate`: exit status 1, each case at its line.

    Cases are planted together (one case per file) to spare process start-ups; a round
    that fails is run again case by case, so that each failure names its own case.
    """
    rounds = _rounds()
    workers = max(2, os.cpu_count() or 2)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        checked = list(
            pool.map(
                lambda i: _check_with_validate(tmp_path / f"round-{i}", rounds[i]),
                range(len(rounds)),
            )
        )
        again = [
            (f"{i}-{j}", [pair])
            for i, failures in enumerate(checked)
            if failures
            for j, pair in enumerate(rounds[i])
        ]
        single = pool.map(
            lambda job: _check_with_validate(tmp_path / f"case-{job[0]}", job[1]), again
        )
        failures = [failure for found_failures in single for failure in found_failures]
    assert failures == []


BUILD_CASES = [
    case
    for case in CASES
    if case.name in ("python-object-apply-tag", "nul-byte-in-the-body", "flow-sequences-5000-deep")
]


def _build(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_openforum(), "build", "--config", str(config)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize("case", BUILD_CASES, ids=[case.name for case in BUILD_CASES])
def test_build_with_a_hostile_record_fails_and_writes_nothing(tmp_path: Path, case: Case) -> None:
    config = write_config(tmp_path)  # the demo forum, in tmp_path/forum_records
    data = plant(tmp_path / "forum_records", case)

    result = _build(config)

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    assert "nothing was built" in output, output
    assert f"{case.file}:{expected_line(case, data)}:" in output, output
    assert not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir() if "building" in p.name] == []


# Values the loader accepts (the contract allows a UTC offset; it sets no upper bound on a
# date or a count) must not crash what comes after it: the build either refuses the record
# in words or publishes it.
class Accepted(NamedTuple):
    name: str
    file: str  # in the demo forum
    old: str
    new: str
    must_build: bool  # the contract allows it: the build must succeed


ACCEPTED = [
    Accepted(
        "meeting-time-with-utc-offset",
        "meetings/2024-06-25-plenary.md",
        "start: 2024-06-25T10:00",
        "start: 2024-06-25T10:00+03:00",
        must_build=True,
    ),
    Accepted(
        "assessment-published-on-9999-12-31",
        "assessments/forum-2024-2025.md",
        "published: 2026-02-10",
        "published: 9999-12-31",
        must_build=False,
    ),
    Accepted(
        "meeting-gap-of-10-to-the-14-months",
        "forum.md",
        "max_meeting_gap_months: 6",
        "max_meeting_gap_months: 99999999999999",
        must_build=False,
    ),
]


@pytest.mark.parametrize("accepted", ACCEPTED, ids=[a.name for a in ACCEPTED])
def test_a_value_the_loader_accepts_never_crashes_the_build(
    tmp_path: Path, accepted: Accepted
) -> None:
    config = write_config(tmp_path)
    target = tmp_path / "forum_records" / accepted.file
    text = target.read_text(encoding="utf-8")
    assert accepted.old in text, f"the demo forum no longer contains {accepted.old!r}"
    target.write_text(text.replace(accepted.old, accepted.new, 1), encoding="utf-8")

    result = _build(config)

    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-3000:]
    if accepted.must_build:
        assert result.returncode == 0, output[-3000:]
    else:
        assert result.returncode in (0, 1), output[-3000:]
    if result.returncode == 1:
        assert accepted.file in output, output[-3000:]
        assert not (tmp_path / "site").exists()
