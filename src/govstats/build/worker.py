"""What runs where a month is built: a local worker process, this process, or a Dask worker.

``init_worker`` does once per worker what every month would otherwise pay for again: the heavy
imports (pandas, papermill, nbconvert, WeasyPrint, fontTools' subsetter), the HTML exporter with
its compiled templates, the logging levels. Each notebook still gets a fresh kernel.
``build_logged`` builds one month, keeps its log lines, writes them to
``reports/<district>/<month>/run.log`` (atomically, like every output) and returns a
MonthOutcome: it never raises, so one failing month cannot stop the others.
"""

from __future__ import annotations

import functools
import logging
import platform
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone

from govstats import __version__
from govstats.build.tasks import BUILT, BuildTask, MonthOutcome, failed, run_log_path
from govstats.errors import InputError
from govstats.paths import Layout

log = logging.getLogger(__name__)

#: Loggers whose INFO lines belong in a month's run.log (others: warnings and errors only).
LOGGED = ("govstats", "papermill")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


@functools.cache
def init_worker() -> None:
    """Set up this process for builds, once: imports, exporter, logging levels."""
    from govstats.build import block_slow_optional_imports

    started = time.perf_counter()
    block_slow_optional_imports()
    for name in LOGGED:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.INFO)
    from govstats.build import month  # noqa: F401 - pandas, papermill, nbconvert, nbformat
    from govstats.render import export

    export.warm_pdf_engine()
    export.shared_exporter()
    log.info("worker ready in %.1f s", time.perf_counter() - started)


class ThreadLog(logging.Handler):
    """Keeps the formatted records of one build: those of the thread that builds it and of the
    threads it names for the month (its kernel thread), so builds sharing a process keep apart."""

    def __init__(self, thread: str, prefix: str) -> None:
        super().__init__(logging.INFO)
        self.thread, self.prefix = thread, prefix
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter(LOG_FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        if record.threadName == self.thread or record.threadName.startswith(self.prefix):
            self.lines.append(self.format(record))


@contextmanager
def captured_log(district: str, month: str) -> Iterator[list[str]]:
    """The log lines of the month's build in this thread, while the block runs."""
    from govstats.build.notebooks import kernel_thread_prefix

    handler = ThreadLog(threading.current_thread().name, kernel_thread_prefix(district, month))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler.lines
    finally:
        root.removeHandler(handler)


def log_text(district: str, month: str, reasons: Sequence[str], lines: Sequence[str], outcome: MonthOutcome) -> str:
    """run.log: what was built where and why, the build's log lines, and how it ended."""
    head = [
        f"govstats {__version__} build of {district} {month}",
        f"host {platform.node()}, Python {platform.python_version()}, "
        f"finished {datetime.now(timezone.utc).isoformat(timespec='seconds')}",
        f"why: {'; '.join(reasons) or 'asked for'}",
        "",
    ]
    end = f"{outcome.status}" + (f" ({outcome.failure}): {outcome.note}" if outcome.failure else "")
    return "\n".join([*head, *lines, "", f"{end} in {outcome.seconds:.1f} s", ""])


def short_error(exc: BaseException) -> str:
    """One line for a failed build: a notebook cell's error by name and value, else the exception."""
    ename, evalue = getattr(exc, "ename", None), getattr(exc, "evalue", None)
    if ename:  # papermill.PapermillExecutionError
        return f"notebook cell {getattr(exc, 'exec_count', '?')} raised {ename}: {evalue}"
    return f"{type(exc).__name__}: {exc}"


def build_month_outcome(layout: Layout, district: str, month: str, pdf: bool, force: bool = False,
                        building: frozenset[tuple[str, str]] = frozenset()) -> MonthOutcome:
    """Build the month; its outcome, failed with the reason on bad input or a failed step (the
    traceback goes to the month's log)."""
    from govstats.build.month import build_month

    started = time.perf_counter()
    try:
        result = build_month(layout, district, month, pdf=pdf, force=force, building=building)
    except Exception as exc:  # bad input, a failed notebook or export: this month fails, the run goes on
        log.info("traceback:\n%s", "".join(traceback.format_exception(exc)).rstrip())
        kind, note = ("input", str(exc)) if isinstance(exc, InputError) else ("build", short_error(exc))
        return failed(district, month, note, failure=kind, seconds=time.perf_counter() - started)
    return MonthOutcome(district, month, BUILT, ledger=result.ledger, seconds=result.seconds)


def build_logged(task: BuildTask) -> MonthOutcome:
    """Build one district-month and write its run.log; never raises. The task's reasons say
    why it is built (they head the log)."""
    layout, district, month, pdf, reasons = task.layout, task.district, task.month, task.pdf, task.reasons
    if not layout.root.is_dir():
        return failed(district, month, f"project root {layout.root} not found on {platform.node()}: "
                      "workers must see the project folder at the same path")
    init_worker()
    with captured_log(district, month) as lines:
        log.info("building %s %s: %s", district, month, "; ".join(reasons) or "asked for")
        outcome = build_month_outcome(layout, district, month, pdf, task.force, task.building)
    if outcome.status == BUILT:
        outcome = replace(outcome, note="; ".join(reasons))
    log_path = run_log_path(layout, district, month)
    try:
        from govstats.build.store import write_files

        write_files({log_path: log_text(district, month, reasons, lines, outcome).encode("utf-8")})
    except OSError as exc:
        log.warning("could not write %s: %s", log_path, exc)
        return outcome
    return replace(outcome, log=str(log_path.relative_to(layout.root)))
