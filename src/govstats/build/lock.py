"""One ``govstats run`` per project root at a time.

A run holds an OS file lock (``filelock``) on ``<root>/.govstats-run.lock`` from before it plans
until after its summary. A second run on the same root either gives up at once (the default) or
waits up to ``wait`` seconds, then gives up; the CLI turns giving up into exit 4. The lock is the
operating system's (flock on Linux and macOS), so a run that is killed, even with kill -9, leaves
no stale lock: the file may stay behind but holds nothing, and the next run takes it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from govstats.paths import Layout

log = logging.getLogger(__name__)

LOCK_FILE = ".govstats-run.lock"


class RunLocked(Exception):
    """Another run holds the root's lock (and did not let go within the wait)."""

    def __init__(self, path: Path, wait: float) -> None:
        self.path = path
        waited = f"after waiting {wait:g} s" if wait > 0 else "(pass --wait SECONDS to wait for it)"
        super().__init__(f"another govstats run is building under this root: {path} is locked {waited}")


def lock_path(layout: Layout) -> Path:
    """The lock file of a project root."""
    return layout.root / LOCK_FILE


@contextmanager
def run_lock(layout: Layout, *, wait: float = 0.0,
             on_wait: Callable[[str], None] = lambda message: None) -> Iterator[Path]:
    """Hold the root's run lock while the block runs; raise RunLocked when another run holds it
    for longer than ``wait`` seconds (0: do not wait). ``on_wait`` hears once that this run waits."""
    from filelock import FileLock, Timeout

    path = lock_path(layout)
    lock = FileLock(path, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if wait <= 0:
            raise RunLocked(path, wait) from None
        on_wait(f"another govstats run is building under this root ({path}); waiting up to {wait:g} s")
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise RunLocked(path, wait) from None
    try:
        log.debug("holding %s", path)
        yield path
    finally:
        lock.release()
