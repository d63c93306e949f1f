"""The papermill engine: run a parameterised notebook in a fresh kernel, retrying a kernel that
failed to start, and take out the chart images it drew.
"""

from __future__ import annotations

import base64
import copy
import logging
import tempfile
import time
from pathlib import Path

import nbformat

log = logging.getLogger(__name__)



CHART_TAG_PREFIX = "chart-"
#: The tag papermill gives the cell it injects, and the id that cell gets here (stable_cell_ids).
INJECTED_TAG = "injected-parameters"


#: How often a kernel is started for one notebook before giving up (see kernel_errors), and the
#: pause before the next attempt (times the attempt's number).
KERNEL_ATTEMPTS = 3


KERNEL_RETRY_PAUSE = 0.5


def kernel_errors() -> tuple[type[BaseException], ...]:
    """Exceptions of a kernel that failed to start or died, as opposed to a failing cell."""
    import zmq

    return RuntimeError, TimeoutError, ConnectionError, zmq.ZMQError


def execute_notebook(path: Path, parameters: dict[str, object]) -> nbformat.NotebookNode:
    """Run a parameterised notebook in a fresh kernel; start another kernel when one fails to
    start or dies (up to KERNEL_ATTEMPTS), never when a cell raises."""
    retryable = kernel_errors()
    for attempt in range(1, KERNEL_ATTEMPTS):
        try:
            return stable_cell_ids(execute_once(path, parameters))
        except retryable as exc:
            log.warning("kernel for %s failed (%s: %s); starting another (attempt %d of %d)",
                        path.name, type(exc).__name__, exc, attempt + 1, KERNEL_ATTEMPTS)
            time.sleep(KERNEL_RETRY_PAUSE * attempt)
    return stable_cell_ids(execute_once(path, parameters))


def stable_cell_ids(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose cells papermill injected get a fixed id instead of a random one, so
    the same inputs give byte-identical notebooks and HTML pages. Other cells keep the ids
    saved in the notebook file."""
    out = copy.deepcopy(nb)
    taken = {c.get("id") for c in out.cells if INJECTED_TAG not in c.get("metadata", {}).get("tags", [])}
    for number, cell in enumerate(c for c in out.cells if INJECTED_TAG in c.get("metadata", {}).get("tags", [])):
        candidate = INJECTED_TAG if number == 0 else f"{INJECTED_TAG}-{number}"
        while candidate in taken:
            candidate += "-x"
        cell["id"] = candidate
        taken.add(candidate)
    return out


def execute_once(path: Path, parameters: dict[str, object]) -> nbformat.NotebookNode:
    """Run a parameterised notebook with papermill in this process; return it executed.

    The kernel talks over IPC sockets in a private temporary folder rather than TCP ports:
    no port race when many kernels start at once, and no unencrypted-TCP warning. It is shut
    down immediately (passed through to nbclient): a graceful shutdown sometimes waits
    seconds for nothing. It starts in the notebook's folder, set through nbclient's resources
    rather than papermill's ``cwd``, which changes this whole process's working directory for
    the run and, with builds in two threads, leaves it in the wrong folder.
    """
    import papermill
    from traitlets.config import Config

    from govstats.build.kernel import kernel_name

    with tempfile.TemporaryDirectory(prefix="govstats-kernel-") as sockets:
        config = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "k")},
                         "NotebookClient": {"kernel_manager_class": "govstats.build.kernel.ReportKernelManager"}})
        return papermill.execute_notebook(
            str(path), None, parameters=parameters, kernel_name=kernel_name(), progress_bar=False,
            request_save_on_cell_execute=False, shutdown_kernel="immediate", config=config,
            resources={"metadata": {"path": str(path.parent)}},
        )


def chart_images(nb: nbformat.NotebookNode) -> dict[str, bytes]:
    """PNG outputs of cells tagged ``chart-<name>``, by name: the images the report shows."""
    images = {}
    for cell in nb.cells:
        tags = [t for t in cell.get("metadata", {}).get("tags", []) if t.startswith(CHART_TAG_PREFIX)]
        if not tags or cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                images[tags[0][len(CHART_TAG_PREFIX):]] = base64.b64decode(png)
                break
    return images


def kernel_thread_prefix(district: str, month: str) -> str:
    """Name of the thread that runs a month's kernel, so its log lines can be told apart."""
    return f"kernel-{district}-{month}"


