"""Builds on a Dask distributed cluster, for when one machine is not enough.

The same task as a local worker runs (govstats.build.worker.build_logged) is sent to the scheduler at
``address``; every worker must have govstats installed and see the project folder at the same
path (a shared or network file system), since each build reads raw files and writes reports
there. Dask is an optional extra: ``pip install 'govstats[dask]'``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator, Sequence

from govstats.build.tasks import BuildTask, MonthOutcome, failed_task

log = logging.getLogger(__name__)

INSTALL_HINT = "the Dask scheduler needs the dask extra: pip install 'govstats[dask]'"
CONNECT_TIMEOUT = "20s"


class DaskMissing(RuntimeError):
    """--scheduler was given but dask.distributed is not installed."""


def task_key(task: BuildTask) -> str:
    """A readable, unique key for one build on the Dask dashboard."""
    return f"govstats-build-{task.key}-{uuid.uuid4().hex[:8]}"


def dask_builds(address: str, tasks: Sequence[BuildTask]) -> Iterator[MonthOutcome]:
    """Outcomes of the builds as the cluster at ``address`` finishes them. A month whose worker
    was lost more often than Dask allows, or a scheduler that cannot be reached, gives failed
    outcomes rather than an exception, like any other failed build."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise DaskMissing(INSTALL_HINT) from exc
    from govstats.build.worker import build_logged

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        for task in tasks:
            yield failed_task(task, f"cannot reach the Dask scheduler at {address}: {exc}")
        return
    with client:
        log.info("sending %d builds to %s (%d workers)", len(tasks), address,
                 len(client.scheduler_info().get("workers", {})))
        futures = {client.submit(build_logged, task, key=task_key(task), pure=False): task for task in tasks}
        for future in as_completed(futures, loop=client.loop):
            try:
                yield future.result()
            except Exception as exc:  # the task's workers died; build_logged itself never raises
                yield failed_task(futures[future], f"Dask task failed: {type(exc).__name__}: {exc}")
