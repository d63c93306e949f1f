"""Build one district-month: analyse, execute the report notebook, export, store.

Nothing is written until every step has succeeded; then the processed files, chart images,
report files and manifest are renamed into place together (store.write_files), so a failed
run leaves the last good report as it was.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import nbformat

from govstats import __version__
from govstats.analysis import MonthAnalysis, analyse_month
from govstats.freshness import MONTHLY_NOTEBOOK, file_digest, month_fingerprint
from govstats.paths import Layout
from govstats.reconcile import ledger_summary
from govstats.store import json_bytes, processed_files, write_files

log = logging.getLogger(__name__)

CHART_TAG_PREFIX = "chart-"
#: How often a kernel is started for one notebook before giving up (see kernel_errors), and the
#: pause before the next attempt (times the attempt's number).
KERNEL_ATTEMPTS = 3
KERNEL_RETRY_PAUSE = 0.5


@dataclass
class BuildResult:
    """What happened to one district-month."""

    district: str
    month: str
    status: str  # built | failed
    ledger: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    error: str = ""
    outputs: list[str] = field(default_factory=list)


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
            return execute_once(path, parameters)
        except retryable as exc:
            log.warning("kernel for %s failed (%s: %s); starting another (attempt %d of %d)",
                        path.name, type(exc).__name__, exc, attempt + 1, KERNEL_ATTEMPTS)
            time.sleep(KERNEL_RETRY_PAUSE * attempt)
    return execute_once(path, parameters)


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

    with tempfile.TemporaryDirectory(prefix="govstats-kernel-") as sockets:
        config = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "k")}})
        return papermill.execute_notebook(
            str(path), None, parameters=parameters, kernel_name="python3", progress_bar=False,
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


def reference_digests(layout: Layout) -> dict[str, str]:
    """sha256 of every reference file, so a changed alias or profile is visible in the manifest."""
    ref = layout.reference
    return {str(p.relative_to(ref)): file_digest(p) for p in sorted(ref.rglob("*")) if p.is_file()}


def manifest(analysis: MonthAnalysis, layout: Layout, notebook: Path, outputs: dict[Path, bytes],
             parameters: dict[str, object], seconds: float, fingerprint: dict) -> dict:
    """The build's record: inputs, reference data, notebook, version, outputs; times only here.
    ``fingerprint`` is what the next run compares to decide whether to build again."""
    return {
        "district": analysis.district,
        "month": analysis.month,
        "package_version": __version__,
        "parameters": parameters,
        "raw_inputs": analysis.inputs,
        "reference": reference_digests(layout),
        "notebook": {"path": notebook.name, "sha256": file_digest(notebook)},
        "ledger": ledger_summary(analysis.ledger),
        "outputs": {str(p.relative_to(layout.root)): hashlib.sha256(b).hexdigest()
                    for p, b in sorted(outputs.items())},
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(seconds, 3),
        "fingerprint": fingerprint,
    }


def kernel_thread_prefix(district: str, month: str) -> str:
    """Name of the thread that runs a month's kernel, so its log lines can be told apart."""
    return f"kernel-{district}-{month}"


def build_month(layout: Layout, district: str, month: str, *, pdf: bool = True) -> BuildResult:
    """Analyse, render and store one district-month; raise on bad input or a failed step.

    The kernel runs the notebook in a worker thread while this thread analyses the month,
    prepares the processed files and imports the exporters: the kernel's start-up and imports
    are most of a month's cost, and this work hides under them. The inputs are fingerprinted
    first, so a file changed during the build makes the next run build again.
    """
    started = time.perf_counter()
    notebook = layout.notebooks / MONTHLY_NOTEBOOK
    parameters = {"district": district, "month": month, "root": str(layout.root)}
    layout.raw_month(district, month)  # a malformed month fails here, before a kernel starts
    fingerprint = month_fingerprint(layout, district, month)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix=kernel_thread_prefix(district, month)) as pool:
        running = pool.submit(execute_notebook, notebook, parameters)
        try:
            analysis = analyse_month(district, month, layout.root)
            processed_dir = layout.processed_month(district, month)
            files = {processed_dir / n: b for n, b in processed_files(analysis).items()}
            from govstats.report import html_report, pdf_report, warm_pdf_engine

            if pdf:
                warm_pdf_engine()
        finally:
            wait([running])  # on bad input the notebook fails too; never leave a kernel behind
        executed = running.result()
    html = html_report(executed, analysis.title)
    report_dir = layout.report_month(district, month)
    files.update({processed_dir / "charts" / f"{n}.png": b for n, b in chart_images(executed).items()})
    files[report_dir / "report.html"] = html.encode("utf-8")
    if pdf:
        files[report_dir / "report.pdf"] = pdf_report(html)
    files[report_dir / "report.ipynb"] = nbformat.writes(executed).encode("utf-8")
    seconds = time.perf_counter() - started
    record = manifest(analysis, layout, notebook, files, parameters, seconds, fingerprint)
    files[processed_dir / "manifest.json"] = json_bytes(record)
    write_files(files, stale=[report_dir / "report.pdf"])
    log.info("built %s %s in %.1f s", district, month, seconds)
    return BuildResult(district, month, "built", record["ledger"], seconds,
                       outputs=[str(p) for p in files])
