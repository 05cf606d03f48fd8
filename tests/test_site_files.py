"""The privacy scan lists and reads a site's files without `Path` objects (safety/site_files.py):
the same files, in the same order, with the same text as the `Path` reading gives."""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openforum.safety import site_files
from openforum.safety.site_files import TEXT_SUFFIXES, read_text, suffix_of, text_files


def path_listing(site: Path, part: site_files.Part = None) -> list[str]:
    """The listing as os.walk and `Path`s give it: each file's Path, sorted, made relative."""
    found = []
    for folder, subfolders, names in os.walk(site):
        if part is not None and folder == str(site) and part.startswith("-"):
            subfolders[:] = [name for name in subfolders if name != part[1:]]
        elif part is not None and folder == str(site):
            subfolders[:] = [name for name in subfolders if name == part]
            names.clear()
        found += [
            Path(folder, name)
            for name in names
            if os.path.splitext(name)[1].lower() in TEXT_SUFFIXES
        ]
    return [path.relative_to(site).as_posix() for path in sorted(found)]


def path_reading(path: Path) -> tuple[str, str]:
    """A file read through `Path`, a fragment gunzipped by `gzip` alone."""
    if path.suffix != site_files.PAGEFIND_FRAGMENT:
        return path.read_text(encoding="utf-8", errors="replace"), path.suffix
    data = path.read_bytes()
    with contextlib.suppress(OSError, EOFError):
        data = gzip.decompress(data).removeprefix(b"pagefind_dcd")
    return data.decode("utf-8", errors="replace"), ".json"


# Names whose order as text and as paths differ ("a-b" < "a/" as text, "a" < "a-b" as a
# path part), dot files, suffixes in capitals, names a suffix is not found in.
NAMES = ["a", "a-b", "a.b", "A", "b", "-", "_x", ".html", "..html", "a.", "é", "a b", "z0"]
SUFFIXES = ["", ".html", ".HTML", ".json", ".pf_fragment", ".png", ".css", ".ics", ".Md"]
ENTRIES = st.lists(
    st.tuples(
        st.lists(st.sampled_from(["a", "a-b", "a.html", "pagefind", "B", "é"]), max_size=3),
        st.sampled_from(NAMES),
        st.sampled_from(SUFFIXES),
    ),
    max_size=25,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=ENTRIES, part=st.sampled_from([None, "pagefind", "-pagefind", "a", "-a-b"]))
def test_the_files_are_listed_in_the_order_of_their_paths(
    tmp_path: Path, entries: list[tuple[list[str], str, str]], part: site_files.Part
) -> None:
    site = tmp_path / "site"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir()
    for folders, name, suffix in entries:
        folder = site.joinpath(*folders)
        with contextlib.suppress(OSError):  # a folder where a file is, or the reverse
            folder.mkdir(parents=True, exist_ok=True)
            (folder / (name + suffix)).write_bytes(b"")
    expected = path_listing(site, part)
    assert text_files(str(site), part) == expected
    for where in expected:
        assert suffix_of(where) == Path(where).suffix


def test_links_are_listed_as_os_walk_lists_them(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "page.html").write_text("x", "utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "other.html").write_text("x", "utf-8")
    (site / "to-folder").symlink_to(tmp_path / "outside")  # listed, not gone into
    (site / "to-folder.html").symlink_to(tmp_path / "outside")  # a folder, not a file
    (site / "to-page.html").symlink_to(site / "a" / "page.html")  # a file
    (site / "broken.html").symlink_to(site / "nowhere.html")  # a file, to fail on read
    (site / "a" / "loop").symlink_to(site)
    expected = ["a/page.html", "broken.html", "to-page.html"]
    assert path_listing(site) == expected
    assert text_files(str(site)) == expected


def test_a_site_named_with_dots_and_a_trailing_slash_is_listed_relative_to_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a-b").mkdir()
    (tmp_path / "a-b" / "index.html").write_text("x", "utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("x", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert text_files(os.fspath(Path("."))) == ["a/index.html", "a-b/index.html"]
    assert text_files(str(tmp_path) + "/") == ["a/index.html", "a-b/index.html"]


# Line ends of every kind, on their own and split across others, bytes that are not UTF-8
# (a lone continuation byte, a truncated sequence, an encoded surrogate), a BOM.
PIECES = [b"a", b"\r", b"\n", b"\r\n", b"\x80", b"\xe2\x82", b"\xed\xa0\x80", b"\xef\xbb\xbf"]
PIECES += ["é€😀 ".encode(), b"\xff", b"\x00", b"\t"]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=40), suffix=st.sampled_from(SUFFIXES))
def test_a_file_is_read_as_a_text_mode_read_gives_it(
    tmp_path: Path, pieces: list[bytes], suffix: str
) -> None:
    path = tmp_path / f"f{suffix or '.txt'}"
    path.write_bytes(b"".join(pieces))
    assert read_text(str(path), path.suffix) == path_reading(path)


def _gzip_member(data: bytes, flags: int = 0, header_extra: bytes = b"") -> bytes:
    deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = deflate.compress(data) + deflate.flush()
    trailer = struct.pack("<II", zlib.crc32(data), len(data))
    return b"\x1f\x8b\x08" + bytes([flags]) + b"\0" * 6 + header_extra + body + trailer


JSON = b'pagefind_dcd{"url":"/a/","content":"Jane Citizen \xc3\xa9"}'
FRAGMENTS = {
    "one member": gzip.compress(JSON),
    "no signature": gzip.compress(b'{"content":"x"}'),
    "two members": gzip.compress(JSON) + gzip.compress(b" more"),
    "zeros after": gzip.compress(JSON) + b"\0\0\0",
    "bytes after": gzip.compress(JSON) + b"junk",
    "truncated": gzip.compress(JSON)[:-5],
    "not gzip": JSON,
    "empty": b"",
    "a name and a comment": _gzip_member(JSON, 0x08 | 0x10, b"name\0comment\0"),
    "an extra field": _gzip_member(JSON, 0x04, b"\x03\x00abc"),
    "a header checksum gzip skips": _gzip_member(JSON, 0x02, b"\0\0"),
    "reserved flags": _gzip_member(JSON, 0x20),
    "a wrong checksum": gzip.compress(JSON)[:-8] + b"\0" * 8,
    "a wrong length": gzip.compress(JSON)[:-4] + b"\1\0\0\0",
    "another method": b"\x1f\x8b\x07" + gzip.compress(JSON)[3:],
}


@pytest.mark.parametrize("name", FRAGMENTS)
def test_a_pagefind_fragment_is_unpacked_as_gzip_unpacks_it(tmp_path: Path, name: str) -> None:
    path = tmp_path / "f.pf_fragment"
    path.write_bytes(FRAGMENTS[name])
    assert read_text(str(path), path.suffix) == path_reading(path)


def test_a_fragment_that_is_not_whole_deflate_fails_as_gzip_fails(tmp_path: Path) -> None:
    path = tmp_path / "f.pf_fragment"
    packed = bytearray(gzip.compress(JSON * 20))
    packed[10] = 0x07  # the deflate stream's first block of a type there is not
    path.write_bytes(bytes(packed))
    with pytest.raises(zlib.error):
        path_reading(path)
    with pytest.raises(zlib.error):
        read_text(str(path), path.suffix)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=200), cut=st.integers(0, 200), junk=st.binary(max_size=4))
def test_any_fragment_bytes_unpack_as_gzip_unpacks_them(data: bytes, cut: int, junk: bytes) -> None:
    for packed in (gzip.compress(data), gzip.compress(data)[:cut], gzip.compress(data) + junk):
        try:
            expected: bytes | type[BaseException] = gzip.decompress(packed)
            expected = expected.removeprefix(b"pagefind_dcd")
        except (OSError, EOFError):
            expected = packed
        except zlib.error:
            expected = zlib.error
        try:
            got: bytes | type[BaseException] = site_files.unpacked(packed)
        except zlib.error:
            got = zlib.error
        assert got == expected
