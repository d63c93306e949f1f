"""What ``govstats run`` shows: a line per month built or failed as it finishes, a progress bar
on stderr (months done, built, skipped, failed), and a summary table at the end.

Results go to stdout and errors to stderr, as before, so a scheduler's log keeps both. The bar
is drawn only on a terminal, or when asked for (``--progress``); on a terminal it prints the
month lines above itself.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from govstats.build.tasks import BUILT, FAILED, SKIPPED, MonthOutcome
from govstats.paths import Layout

#: Width of the summary when stdout is not a terminal (a log file), and the least it takes on a
#: terminal: a narrower one wraps the lines rather than losing a month, a status or a log path.
LOG_WIDTH = 160
MIN_WIDTH = 140


def ledger_text(ledger: dict[str, int]) -> str:
    """'127/128 passed, 1 errors' (and warnings when there are any), or '-' without a ledger."""
    if not ledger:
        return "-"
    text = f"{ledger.get('passed', 0)}/{ledger.get('checks', 0)} passed, {ledger.get('errors', 0)} errors"
    return text + (f", {ledger['warnings']} warnings" if ledger.get("warnings") else "")


def outcome_line(outcome: MonthOutcome, layout: Layout) -> str:
    """The line a finished month prints: on stdout when built, on stderr (``error: ...``) when failed."""
    where = f"{outcome.district} {outcome.month}"
    if outcome.status == BUILT:
        report = (layout.report_month(outcome.district, outcome.month) / "report.html").relative_to(layout.root)
        return f"{where}: built in {outcome.seconds:.1f} s; ledger {ledger_text(outcome.ledger)} -> {report}"
    if outcome.status == FAILED and outcome.failure == "input":
        return f"error: {outcome.note}"
    if outcome.status == FAILED:
        log = f" (log: {outcome.log})" if outcome.log else ""
        return f"error: {where}: build failed: {outcome.note}{log}"
    return f"{where}: skipped, {outcome.note}"


class RunDisplay:
    """Hears of each month as it finishes (call it with the MonthOutcome); a context manager
    that draws the progress bar while the run lasts."""

    def __init__(self, layout: Layout, total: int, *, progress: bool | None = None,
                 out: TextIO | None = None, err: TextIO | None = None) -> None:
        self.layout, self.total = layout, total
        self.out, self.err = out or sys.stdout, err or sys.stderr
        self.show_progress = self.err.isatty() if progress is None else progress
        self.counts: Counter[str] = Counter()
        self.started = time.perf_counter()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> "RunDisplay":
        self.started = time.perf_counter()
        if self.show_progress:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("months"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[built]} built · {task.fields[skipped]} skipped · "
                           "{task.fields[failed]} failed"),
                TimeElapsedColumn(),
                console=Console(file=self.err), redirect_stdout=False, redirect_stderr=False,
            )
            self._progress.start()
            self._task = self._progress.add_task("months", total=self.total, built=0, skipped=0, failed=0)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __call__(self, outcome: MonthOutcome) -> None:
        self.counts[outcome.status] += 1
        if outcome.status != SKIPPED:
            self.say(outcome_line(outcome, self.layout), err=outcome.status == FAILED)
        if self._progress is not None:
            self._progress.update(self._task, advance=1, **{s: self.counts[s] for s in (BUILT, SKIPPED, FAILED)})

    def say(self, line: str, *, err: bool = False) -> None:
        """Print a line; above the bar when the bar and the line share a terminal."""
        stream = self.err if err else self.out
        if self._progress is not None and stream.isatty():
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, file=stream, flush=True)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


def page_line(result: Any, root: Path) -> str:
    """The line an overview page (a pages.PageResult) prints as it finishes."""
    if result.status == "failed":
        return f"error: {result.page}: build failed in {result.seconds:.1f} s: {result.error}"
    where = f" -> {result.path.relative_to(root)}" if result.path is not None else ""
    timing = f" in {result.seconds:.1f} s" if result.status == "built" else ""
    return f"{result.page}: {result.status}{timing}{where}"


def summary_tally(outcomes: Sequence[MonthOutcome], seconds: float, pages: Sequence[Any] = (),
                  month_seconds: float | None = None) -> str:
    """'3 months in 17.2 s (months 6.9 s, 3 overview pages 10.3 s): 1 built, ...': the time is
    the whole run's, overview pages included."""
    counts = Counter(o.status for o in outcomes)
    split = ""
    if pages:
        months = seconds if month_seconds is None else month_seconds
        split = f" (months {months:.1f} s, {len(pages)} overview pages {seconds - months:.1f} s)"
    tally = f"{len(outcomes)} months in {seconds:.1f} s{split}: {counts[BUILT]} built, {counts[SKIPPED]} skipped"
    if counts[SKIPPED]:
        tally += " (unchanged since their last build; --force rebuilds them)"
    tally += f", {counts[FAILED]} failed"
    if pages:
        states = Counter(p.status for p in pages)
        tally += "; pages: " + ", ".join(f"{n} {s}" for s, n in states.items())
    return tally


def print_summary(outcomes: Sequence[MonthOutcome], seconds: float, out: TextIO | None = None, *,
                  pages: Sequence[Any] = (), month_seconds: float | None = None) -> None:
    """A table of every month (status, ledger, time, log, why), then the counts and the time of
    the whole run (overview ``pages`` included)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    out = out or sys.stdout
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for name in ("district", "month", "status", "ledger", "time", "log"):
        table.add_column(name, justify="right" if name == "time" else "left", no_wrap=True)
    table.add_column("why", overflow="fold")
    for o in outcomes:
        time_text = f"{o.seconds:.1f} s" if o.status != SKIPPED else "-"
        status = f"{o.status} ({o.failure})" if o.failure else o.status
        table.add_row(o.district, o.month, status, ledger_text(o.ledger), time_text, o.log or "-", o.note)
    width = max(Console(file=out).width, MIN_WIDTH) if out.isatty() else LOG_WIDTH
    console = Console(file=out, width=width, highlight=False)
    console.print(table)
    console.print(summary_tally(outcomes, seconds, pages, month_seconds), soft_wrap=True)
