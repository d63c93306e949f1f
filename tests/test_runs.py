"""Scheduled runs and backfills: months skipped when nothing they read changed, rebuilt when
something did, built in parallel, a failing month among good ones, the summary, and Dask."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govstats.build import freshness, manifest
from govstats.build.runs import plan, run_months
from govstats.build.tasks import MonthOutcome
from govstats.cli.main import run_exit_code
from govstats.paths import Layout
from tests.conftest import make_root
from tests.test_cli import govstats

MONTHS = ("2020-07", "2020-08", "2020-09")
HEAVY = ("pandas", "papermill", "nbconvert", "nbformat", "matplotlib", "weasyprint")


def output_times(root: Path) -> dict[Path, int]:
    """mtime of every output file (processed files, reports, logs)."""
    return {p: p.stat().st_mtime_ns for folder in ("data/processed", "reports")
            for p in (root / folder).rglob("*") if p.is_file()}


def copy_root(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def reasons(root: Path, **options: bool) -> dict[str, tuple[str, ...]]:
    return {p.month: p.reasons for p in plan(Layout(root), Layout(root).raw_months(), **options)}


@pytest.fixture(scope="module")
def backfilled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three months built from scratch by `govstats run --jobs 2` (two worker processes)."""
    root = make_root(tmp_path_factory.mktemp("backfill") / "root", months=MONTHS)
    result = govstats("run", "--root", str(root), "--jobs", "2", "--no-pdf")
    assert result.returncode == 0, result.stderr
    for month in MONTHS:
        assert f"qijiang {month}: built in" in result.stdout
    return root


def test_a_parallel_backfill_builds_every_month_with_its_log(backfilled):
    for month in MONTHS:
        record = manifest.read_manifest(backfilled / f"data/processed/qijiang/{month}/manifest.json")
        assert set(record["fingerprint"]) == {"raw", "reference", "notebook", "package_version", "neighbours"}
        assert list(record["fingerprint"]["raw"]) == [f"data/raw/qijiang/{month}/bulletin.txt",
                                                        f"data/raw/qijiang/{month}/table.tsv"]
        log = (backfilled / f"reports/qijiang/{month}/run.log").read_text(encoding="utf-8")
        assert f"build of qijiang {month}" in log and "why: never built" in log
        assert "INFO papermill: Executing notebook" in log and re.search(r"\nbuilt in \d+\.\d s\n$", log)
    assert "data/raw/qijiang/2020-08/table.tsv" not in \
        (backfilled / "reports/qijiang/2020-07/run.log").read_text(encoding="utf-8")  # logs kept apart


def test_nothing_changed_skips_fast_touches_nothing_and_imports_no_pandas(backfilled, tmp_path):
    root = copy_root(backfilled, tmp_path / "root")  # a moved project is not rebuilt either
    before = output_times(root)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "govstats", "run", "--root", str(root),
                             "--no-pdf"],
                            capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert output_times(root) == before
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert not imported & set(HEAVY), imported & set(HEAVY)
    assert "3 months in" in result.stdout and "0 built, 3 skipped" in result.stdout
    assert re.search(r"qijiang\s+2020-07\s+skipped\s+156/157 passed, 0 errors\s+-\s+reports/qijiang/2020-07/run.log"
                     r"\s+unchanged since", result.stdout)
    assert elapsed < 3.0  # about 0.3 s alone; the benchmark holds it to under 1 s


def test_strict_counts_the_ledger_of_a_skipped_month(backfilled, tmp_path):
    root = copy_root(backfilled, tmp_path / "root")
    # 2020-08 holds the July sample: its stated month disagrees with the folder, an error
    assert govstats("run", "--root", str(root), "--month", "2020-07", "--strict", "--no-pdf").returncode == 0
    assert govstats("run", "--root", str(root), "--month", "2020-08", "--strict", "--no-pdf").returncode == 1


def test_a_raw_file_counts_as_changed_by_its_bytes(backfilled, tmp_path):
    root = copy_root(backfilled, tmp_path / "root")
    table = root / "data/raw/qijiang/2020-08/table.tsv"
    table.touch()  # the same bytes again (a file copied in twice): not a change
    assert set(reasons(root, pdf=False).values()) == {()}
    edit(table, "区教委\t12", "区教委\t13")
    assert reasons(root, pdf=False)["2020-08"] == ("raw files changed: table.tsv",)
    (table.parent / "notes.txt").write_text("a file dropped in by mistake", encoding="utf-8")
    assert reasons(root, pdf=False)["2020-08"] == ("raw files changed: notes.txt, table.tsv",)
    assert reasons(root, pdf=False)["2020-07"] == ()


def test_reference_changes_rebuild_only_the_months_they_affect(backfilled, tmp_path):
    root = copy_root(backfilled, tmp_path / "root")
    reference = root / "data/reference"
    edit(reference / "departments.csv", "\n", "\nchengkou,区公安局,公安局\n")  # another district's row
    edit(reference / "profiles/acceptance.yaml", "\n", "\n# a profile qijiang does not use\n")
    assert set(reasons(root, pdf=False).values()) == {()}
    edit(reference / "departments.csv", "区委办;区委办公室（区档案馆）", "区委办;区委办公室（区档案馆）;区委")
    expected = ("reference data changed: departments.csv[qijiang]",)
    assert set(reasons(root, pdf=False).values()) == {expected}
    edit(reference / "rates.csv", "\n", "\n\n")
    assert reasons(root, pdf=False)["2020-07"] == (
        "reference data changed: departments.csv[qijiang], rates.csv",)


def test_published_figures_and_targets_rebuild_the_overview_not_the_months(backfilled, tmp_path):
    from govstats.reference import published

    assert set(freshness.OVERVIEW_ONLY) == {published.FIGURES_FILE, published.TARGETS_FILE, published.ALIASES_FILE}
    root = copy_root(backfilled, tmp_path / "root")
    assert manifest.overview_is_current(Layout(root), pdf=False)
    edit(root / "data/reference/targets.csv", "\n", "\n\n")
    assert set(reasons(root, pdf=False).values()) == {()}
    assert not manifest.overview_is_current(Layout(root), pdf=False)  # the indicators page reads it


def test_notebook_version_outputs_pdf_and_force_are_reasons_to_build(backfilled, tmp_path, monkeypatch):
    root = copy_root(backfilled, tmp_path / "root")
    assert reasons(root, pdf=True)["2020-07"] == ("no PDF yet",)
    assert reasons(root, pdf=False, force=True)["2020-07"] == ("--force",)
    (root / "reports/qijiang/2020-07/report.html").unlink()
    assert reasons(root, pdf=False)["2020-07"] == ("output missing: reports/qijiang/2020-07/report.html",)
    edit(root / "notebooks/monthly_report.ipynb", '"## 一、核心指标', '"## 一、主要指标')
    monkeypatch.setattr(freshness, "__version__", "9.9.9")
    assert reasons(root, pdf=False)["2020-08"] == ("report notebook changed", "govstats 0.1.0 -> 9.9.9")


def test_a_broken_month_among_good_ones(backfilled, tmp_path):
    """2020-07 unchanged (skipped, untouched), 2020-08 broken (fails, keeps its report), 2020-09
    changed (built again)."""
    root = copy_root(backfilled, tmp_path / "root")
    edit(root / "data/raw/qijiang/2020-08/table.tsv", "区教委\t12", "区教委\t十二")
    edit(root / "data/raw/qijiang/2020-09/table.tsv", "区教委\t12", "区教委\t13")
    july = {p: t for p, t in output_times(root).items() if "2020-07" in p.parts}
    report = root / "reports/qijiang/2020-08/report.html"
    good = report.read_bytes()
    result = govstats("run", "--root", str(root), "--no-pdf", "--jobs", "2", "--progress")
    assert result.returncode == 2, result.stderr
    assert "table.tsv, row 23, column 4 (办理总数): '十二' is not a whole number" in result.stderr
    assert report.read_bytes() == good
    assert {p: t for p, t in output_times(root).items() if "2020-07" in p.parts} == july
    assert "qijiang 2020-09: built" in result.stdout and "qijiang 2020-07: built" not in result.stdout
    assert re.search(r"2020-07\s+skipped\s+156/157 passed", result.stdout)
    assert re.search(r"2020-08\s+failed \(input\)\s+-\s+[\d.]+ s\s+reports/qijiang/2020-08/run.log", result.stdout)
    assert re.search(r"2020-09\s+built\s+\d+/157 passed, \d+ errors.*raw files changed: table.tsv", result.stdout)
    assert "3 months in" in result.stdout and "1 built, 1 skipped" in result.stdout and "1 failed" in result.stdout
    assert re.search(r"months .* 3/3 .*1 built · 1 skipped · 1 failed", result.stderr)  # the progress bar
    log = (root / "reports/qijiang/2020-08/run.log").read_text(encoding="utf-8")
    assert "failed (input)" in log and "'十二' is not a whole number" in log and "Traceback" in log
    assert "why: raw files changed: table.tsv" in (root / "reports/qijiang/2020-09/run.log").read_text(encoding="utf-8")


def test_exit_code_the_worst_month_wins():
    def outcome(status: str, failure: str = "", errors: int = 0) -> MonthOutcome:
        return MonthOutcome("qijiang", "2020-07", status, ledger={"errors": errors}, failure=failure)

    assert run_exit_code([outcome("built"), outcome("skipped")], strict=True) == 0
    assert run_exit_code([outcome("skipped", errors=1)], strict=False) == 0
    assert run_exit_code([outcome("skipped", errors=1)], strict=True) == 1
    assert run_exit_code([outcome("failed", "input"), outcome("built", errors=1)], strict=True) == 2
    assert run_exit_code([outcome("failed", "build"), outcome("failed", "input")], strict=False) == 3


def test_without_dask_the_scheduler_option_names_the_extra(sample_root, monkeypatch):
    from govstats.build.cluster import DaskMissing

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(DaskMissing, match=r"pip install 'govstats\[dask\]'"):
        run_months(Layout(sample_root), [("qijiang", "2020-07")], scheduler="tcp://127.0.0.1:1", pdf=False)


def test_builds_on_a_dask_cluster(tmp_path):
    distributed = pytest.importorskip("distributed")
    root = make_root(tmp_path / "root", months=MONTHS[:2])
    layout = Layout(root)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        outcomes = run_months(layout, layout.raw_months(), pdf=False, scheduler=cluster.scheduler_address)
        assert [(o.month, o.status) for o in outcomes] == [("2020-07", "built"), ("2020-08", "built")]
        assert outcomes[0].ledger["passed"] == 156 and outcomes[0].log == "reports/qijiang/2020-07/run.log"
        for month in MONTHS[:2]:
            log = (root / f"reports/qijiang/{month}/run.log").read_text(encoding="utf-8")
            assert "INFO papermill: Executing notebook" in log and log.count("INFO govstats.build.month: built") == 1
        again = run_months(layout, layout.raw_months(), pdf=False, scheduler=cluster.scheduler_address)
        assert [o.status for o in again] == ["skipped", "skipped"]
