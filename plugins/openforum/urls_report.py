"""`openforum urls` and the URL check of `openforum validate`: what the Git history says
was published, and what of it is lost. Builds run the same check (build.py)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .records import ForumRecords, Problem, load_forum
from .report import format_problem
from .url_history import (
    RETIRED_FILE,
    hand_written_urls,
    history_note,
    lost_page_urls,
    lost_record_urls,
    page_url,
    read_history,
    read_retired,
    record_page_urls,
)

RETIRED_LIST_FILE = (
    "published-urls.txt is no longer kept: the URLs ever published come from the Git "
    "history of the records and pages, and a build changes no file. To withdraw a URL on "
    f"purpose, add it to {RETIRED_FILE} beside mkdocs.yml; `openforum urls` lists them all."
)


def validate_urls(records_dir: Path, records: ForumRecords) -> list[Problem]:
    """Record pages lost since they were published; the records must have loaded whole.
    The repository's retired-urls.txt sits beside the records folder, with mkdocs.yml."""
    history = read_history(records_dir, records_dir)
    if history is None:
        return []
    retired = read_retired(records_dir.parent / RETIRED_FILE)
    return lost_record_urls(history, records, retired)


def urls_report(config_file: Path) -> tuple[bool, str]:
    """Every URL the history shows was published, how it answers now, and the lost ones."""
    from mkdocs.config import load_config  # only this command needs MkDocs' config

    config = load_config(str(config_file))
    root = config_file.resolve().parent
    plugin = config.plugins.get("openforum")
    records_dir = root / str(getattr(plugin, "config", {}).get("records", "forum_records"))
    retired_name = str(getattr(plugin, "config", {}).get("retired_urls", RETIRED_FILE))
    docs_dir = Path(config.docs_dir)
    records, problems = load_forum(records_dir)
    if problems:
        listing = "\n".join(format_problem(p) for p in problems)
        return False, f"{listing}\nthe records have problems: fix them, then list the URLs"
    history = read_history(root, records_dir, docs_dir)
    if history is None:
        return False, history_note(None, [])
    retired = read_retired(root / retired_name)
    once = [*record_page_urls(history, records_dir), *hand_written_urls(history, docs_dir)]
    lost = [format_problem(p) for p in lost_record_urls(history, records, retired)]
    pages = [path.relative_to(docs_dir) for path in docs_dir.rglob("*.md")]
    current = {page_url(PurePosixPath(page.as_posix())) for page in pages}
    lost += lost_page_urls(history, docs_dir, current, retired)
    lines = [
        history_note(history, [records_dir, docs_dir]),
        f"{len(set(once))} URLs were published from these files; {len(retired)} retired on "
        f"purpose ({retired_name}); {len(lost)} lost",
        *lost,
    ]
    return not lost, "\n".join(lines)
