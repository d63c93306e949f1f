"""What a run hands to a worker (a BuildTask) and what comes back (a MonthOutcome).

Plain frozen dataclasses that pickle, so the same task runs in this process, in a local worker
process or on a Dask worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from govstats.paths import Layout

RUN_LOG = "run.log"
BUILT, SKIPPED, FAILED = "built", "skipped", "failed"


@dataclass(frozen=True)
class BuildTask:
    """One district-month to build under ``layout``, and why (``reasons`` head its run.log)."""

    layout: Layout
    district: str
    month: str
    pdf: bool = True
    reasons: tuple[str, ...] = ()
    force: bool = False  # may replace a month with one of fewer department rows (build.month.guard_emptier)
    building: frozenset[tuple[str, str]] = frozenset()  # the run's targets: neighbours the header bar may link

    @property
    def key(self) -> str:
        """A readable name of the task: district and month."""
        return f"{self.district}-{self.month}"


@dataclass(frozen=True)
class MonthOutcome:
    """What a run did with one district-month.

    ``status`` is built, skipped or failed; ``failure`` says why a month failed (``input``: a
    raw or reference file must be fixed; ``build``: the notebook, an export or a worker failed);
    ``note`` is the reason it was built or skipped, or the error.
    """

    district: str
    month: str
    status: str
    ledger: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    log: str = ""  # run.log, relative to the project root, when there is one
    note: str = ""
    failure: str = ""  # "" | input | build


def run_log_path(layout: Layout, district: str, month: str) -> Path:
    """reports/<district>/<month>/run.log: the log of the month's last build."""
    return layout.report_month(district, month) / RUN_LOG


def failed(district: str, month: str, note: str, *, failure: str = "build", seconds: float = 0.0) -> MonthOutcome:
    """The outcome of a month whose build did not happen or did not finish."""
    return MonthOutcome(district, month, FAILED, seconds=seconds, note=note, failure=failure)


def failed_task(task: BuildTask, note: str) -> MonthOutcome:
    """The failed outcome of a task whose worker died or could not be reached."""
    return failed(task.district, task.month, note)
