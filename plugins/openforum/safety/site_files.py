"""The text files of a built site, listed and read for the privacy scan (privacy.py).

A large forum's site has tens of thousands of files, and the scan's own work on most is a
few microseconds: a `Path` made, parsed, sorted and made relative per file, and a text-mode
file object per read, were a tenth of the scan. Files are named here by plain strings, their
paths relative to the site with "/" (as `Path.relative_to(site).as_posix()` gives them), in
the order their `Path`s sort in, and read as bytes decoded as a text-mode read decodes them.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator

TEXT_SUFFIXES = frozenset(
    {".html", ".htm", ".json", ".xml", ".txt", ".csv", ".ics", ".atom", ".js", ".css", ".md"}
    | {".svg", ".xhtml", ".rss", ".tsv", ".yml", ".yaml", ".webmanifest", ".pf_fragment"}
)
# Pagefind's copy of each page's text (its search results' excerpts): gzip, then JSON
# behind a signature. Scanned as the JSON it is.
PAGEFIND_FRAGMENT = ".pf_fragment"
PAGEFIND_SIGNATURE = b"pagefind_dcd"

# Which part of a site to scan: all of it (None), one top folder ("pagefind"), or all but
# it ("-pagefind"): the search index is scanned once Pagefind, running meanwhile, is done.
Part = str | None


def text_files(site: str, part: Part = None) -> list[str]:
    """The text files under `site` (or its `part`), relative to it, in `Path` order."""
    found: list[str] = []
    folders = [(site, "")]  # each to list, and its path relative to the site with a "/"
    while folders:
        folder, prefix = folders.pop()
        listed = _listed(folder)
        if listed is None:
            continue
        subfolders, names = listed
        if part is not None and folder == site:
            subfolders, names = _in_part(subfolders, names, part)
        found += [
            prefix + name for name in names if os.path.splitext(name)[1].lower() in TEXT_SUFFIXES
        ]
        folders += [(sub.path, prefix + sub.name + "/") for sub in subfolders]
    found.sort(key=path_order)
    return found


def _listed(folder: str) -> tuple[list[os.DirEntry[str]], list[str]] | None:
    """The folders in `folder` that are not links, and the names of what else it holds
    but folders, as os.walk lists them; None where it lists nothing (a folder that cannot
    be read). Each entry tells whether it is a link, where os.walk asks with an lstat of
    each folder (a sixth of listing a large forum's site)."""
    subfolders: list[os.DirEntry[str]] = []
    names: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    is_folder = entry.is_dir()
                except OSError:
                    is_folder = False
                if not is_folder:
                    names.append(entry.name)
                elif not _is_link(entry):  # os.walk lists it, but does not go in
                    subfolders.append(entry)
    except OSError:
        return None
    return subfolders, names


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:  # as os.path.islink answers
        return False


def _in_part(
    subfolders: list[os.DirEntry[str]], names: list[str], part: str
) -> tuple[list[os.DirEntry[str]], list[str]]:
    """The top folder's folders and files in the `part` of a site."""
    if part.startswith("-"):
        return [sub for sub in subfolders if sub.name != part[1:]], names
    return [sub for sub in subfolders if sub.name == part], []


def path_order(where: str) -> list[str]:
    """What `Path`s under one folder sort by: their parts, case folded where the system
    folds it (`PurePath.__lt__`). Not the plain string: "a-b/c" is before "a/c" as text,
    after it as a path ("a" < "a-b")."""
    return [os.path.normcase(name) for name in where.split("/")]


def suffix_of(where: str) -> str:
    """`Path(where).suffix`, for a name `text_files` lists: the extension it was listed
    by begins at the last dot of its name, after some other character."""
    return where[where.rfind(".") :]


def read_text(path: str, suffix: str, *, whole_up_to: int | None = None) -> tuple[str | None, str]:
    """A file's text as a reader gets it, and the suffix that says how to read it: as
    `Path.read_text(encoding="utf-8", errors="replace")` gives it, a Pagefind fragment
    unpacked and read as JSON. None for the text of a file of more than `whole_up_to`
    bytes: it is to be read a piece at a time (`text_chunks`)."""
    with open(path, "rb", buffering=0) as file:
        if whole_up_to is not None and os.fstat(file.fileno()).st_size > whole_up_to:
            return None, suffix
        data = file.read()
    if suffix == PAGEFIND_FRAGMENT:
        return unpacked(data).decode("utf-8", errors="replace"), ".json"
    text = data.decode("utf-8", errors="replace")
    if "\r" in text:  # a text-mode read's universal newlines
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, suffix


def text_chunks(path: str, size: int) -> Iterator[str]:
    """The text `read_text` gives of a file, `size` characters at a time, each read from
    the file when asked for: a data table of a large forum is a hundred megabytes, read
    whole twice over (its bytes, then its text)."""
    # Text mode decodes and turns line breaks into "\n" as read_text does, a "\r\n" or
    # a character cut between two reads included.
    with open(path, encoding="utf-8", errors="replace") as file:
        while chunk := file.read(size):
            yield chunk


def unpacked(data: bytes) -> bytes:
    """A fragment's JSON: gunzipped, without its signature; as it is if not gzip."""
    # One gzip member, read whole by zlib, is what gzip.decompress gives, without its
    # header parsed in Python and a second pass for the checksum. Anything else (several
    # members, trailing bytes, a header zlib refuses) is left to gzip.decompress.
    inflate = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        inflated = inflate.decompress(data)
    except zlib.error:
        inflated = None
    if inflated is None or not inflate.eof or inflate.unused_data:
        try:
            inflated = gzip.decompress(data)
        except (OSError, EOFError):  # not gzip after all: scanned as it is
            return data
    return inflated.removeprefix(PAGEFIND_SIGNATURE)
