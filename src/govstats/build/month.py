"""Build one district-month: analyse, execute the report notebook, export, store.

Nothing is written until every step has succeeded; then the processed files, chart images,
report files and manifest are renamed into place together (store.write_files), so a failed
run leaves the last good report as it was.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from govstats.build.freshness import MONTHLY_NOTEBOOK, month_fingerprint
from govstats.build.manifest import manifest_path, manifest_record, reference_digests
from govstats.build.nav import month_nav
from govstats.build.notebooks import chart_images, execute_notebook, kernel_thread_prefix
from govstats.build.store import json_bytes, processed_files, write_files
from govstats.checks.ledger import ledger_summary
from govstats.errors import InputError
from govstats.month import MonthAnalysis, analyse_month
from govstats.paths import Layout

log = logging.getLogger(__name__)


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


def processed_rows(path: Path) -> int | None:
    """Department rows of an earlier build's departments.parquet, None when there is none."""
    if not path.is_file():
        return None
    import pyarrow.parquet as pq

    try:
        return pq.read_metadata(path).num_rows
    except (OSError, ValueError):  # unreadable: nothing good to keep
        return None


def guard_emptier(previous: int | None, analysis: MonthAnalysis, *, force: bool) -> None:
    """Refuse (InputError, exit 2) to replace a month built with more department rows than the
    new table holds, unless ``force``; then say so in the log."""
    rows = len(analysis.table.departments)
    if previous is None or rows >= previous:
        return
    what = (f"{analysis.table.source} has {rows} department rows, fewer than the {previous} of the "
            f"month's last build")
    if not force:
        raise InputError(analysis.table.source, f"has {rows} department rows, fewer than the {previous} "
                         "of the month's last build; the last build is kept (pass --force to replace it)")
    log.warning("%s: replacing it (--force)", what)


def build_month(layout: Layout, district: str, month: str, *, pdf: bool = True,
                force: bool = False, building: Collection[tuple[str, str]] = ()) -> BuildResult:
    """Analyse, render and store one district-month; raise on bad input or a failed step, and
    on a table with fewer department rows than the last build unless ``force`` (guard_emptier).

    The kernel runs the notebook in a worker thread while this thread analyses the month,
    prepares the processed files and imports the exporters: the kernel's start-up and imports
    are most of a month's cost, and this work hides under them. The inputs are fingerprinted
    first, so a file changed during the build makes the next run build again.
    """
    started = time.perf_counter()
    notebook = layout.notebooks / MONTHLY_NOTEBOOK
    parameters = {"district": district, "month": month, "root": str(layout.root)}
    layout.raw_month(district, month)  # a malformed month fails here, before a kernel starts
    fingerprint = month_fingerprint(layout, district, month, building=building)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix=kernel_thread_prefix(district, month)) as pool:
        running = pool.submit(execute_notebook, notebook, parameters)
        try:
            analysis = analyse_month(district, month, layout)
            processed_dir = layout.processed_month(district, month)
            guard_emptier(processed_rows(processed_dir / "departments.parquet"), analysis, force=force)
            files = {processed_dir / n: b for n, b in processed_files(analysis).items()}
            from govstats.render.export import html_report, pdf_report, warm_pdf_engine

            if pdf:
                warm_pdf_engine()
        finally:
            wait([running])  # on bad input the notebook fails too; never leave a kernel behind
        executed = running.result()
    html = html_report(executed, analysis.title, month_nav(layout, district, month, building))
    report_dir = layout.report_month(district, month)
    files.update({processed_dir / "charts" / f"{n}.png": b for n, b in chart_images(executed).items()})
    files[report_dir / "report.html"] = html.encode("utf-8")
    if pdf:
        files[report_dir / "report.pdf"] = pdf_report(html)
    files[report_dir / "report.ipynb"] = nbformat.writes(executed).encode("utf-8")
    seconds = time.perf_counter() - started
    record = manifest_record(
        {"district": district, "month": month}, parameters=parameters,
        read={"raw_inputs": analysis.inputs, "reference": reference_digests(layout)}, notebook=notebook,
        results={"ledger": ledger_summary(analysis.ledger)}, outputs=files, root=layout.root,
        seconds=seconds, fingerprint=fingerprint)
    files[manifest_path(layout, district, month)] = json_bytes(record)
    write_files(files, stale=[report_dir / "report.pdf"])
    log.info("built %s %s in %.1f s", district, month, seconds)
    return BuildResult(district, month, "built", record["ledger"], seconds,
                       outputs=[str(p) for p in files])
