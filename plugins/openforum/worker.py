"""One worker process forked from this one, for work on data already in memory.

Fork lets the worker inherit the loaded records and facts instead of receiving them
pickled. Under `mkdocs serve` the process also runs the live-reload server's threads;
Python 3.12 and later warn that a fork beside threads may deadlock the child if it takes
a lock another thread held. The worker runs only OpenForum's generation and scans, which
take no such lock (Python resets the logging and import locks in the child), so that
warning is silenced for these forks only.
"""

from __future__ import annotations

import multiprocessing
import warnings
from concurrent.futures import ProcessPoolExecutor

warnings.filterwarnings(
    "ignore",
    message=r".*use of fork\(\) may lead to deadlocks",
    category=DeprecationWarning,
    module=r"multiprocessing\.",
)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def forked_worker() -> ProcessPoolExecutor:
    """An executor of one process, forked at its first task: module globals set before
    that task are the worker's to read."""
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
