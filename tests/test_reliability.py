"""Nothing lost: bad or empty tables are input errors, and no build replaces a good month with
an emptier one unless --force says so."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from govstats.build.month import guard_emptier
from govstats.clean.month import tidy_month
from govstats.errors import InputError
from govstats.ingest.table import read_table
from tests.conftest import SAMPLE_TABLE
from tests.test_cli import govstats

MONTH_DIR = Path("data") / "raw" / "qijiang" / "2020-07"
PROCESSED = Path("data") / "processed" / "qijiang" / "2020-07"
REPORT = Path("reports") / "qijiang" / "2020-07" / "report.html"


def sample_lines() -> list[str]:
    return SAMPLE_TABLE.read_text(encoding="utf-8").splitlines()


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("keep", [1, 2], ids=["header-only", "header-and-total"])
def test_a_table_without_department_rows_is_bad_input(tmp_path, profile, registry, keep):
    path = write_lines(tmp_path / "table.tsv", sample_lines()[:keep])
    with pytest.raises(InputError, match="no department rows") as caught:
        tidy_month(read_table(path, profile), profile, registry)
    assert caught.value.path == str(path)
    result = govstats("check", str(path), "--district", "qijiang")
    assert result.returncode == 2
    assert f"error: {path}" in result.stderr and "no department rows" in result.stderr


def test_a_table_without_a_unit_column_exits_2_naming_the_file(tmp_path):
    lines = ["\t".join(c for i, c in enumerate(line.split("\t")) if i != 2) for line in sample_lines()]
    path = write_lines(tmp_path / "table.tsv", lines)
    result = govstats("check", str(path), "--district", "qijiang")
    assert result.returncode == 2
    assert f"error: {path}" in result.stderr and "unit column" in result.stderr


def test_a_profile_may_ask_for_more_rows(tmp_path, profile, registry):
    from dataclasses import replace

    path = write_lines(tmp_path / "table.tsv", sample_lines()[:5])
    with pytest.raises(InputError, match="only 3 department rows.*at least 10"):
        tidy_month(read_table(path, profile), replace(profile, min_rows=10), registry)


def outputs(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes()
            for folder in (root / PROCESSED, root / REPORT.parent) for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "run.log"}


def test_run_on_a_header_only_table_exits_2_and_keeps_the_last_good_month(built_root, tmp_path):
    root = shutil.copytree(built_root, tmp_path / "root")
    before = outputs(root)
    table = write_lines(root / MONTH_DIR / "table.tsv", sample_lines()[:2])
    result = govstats("run", "--district", "qijiang", "--month", "2020-07", "--root", str(root))
    assert result.returncode == 2, result.stderr
    assert str(table.relative_to(root)) in result.stdout + result.stderr
    assert "no department rows" in result.stdout + result.stderr
    assert outputs(root) == before


def test_a_table_with_fewer_rows_replaces_a_month_only_with_force(built_root, tmp_path):
    root = shutil.copytree(built_root, tmp_path / "root")
    before = outputs(root)
    write_lines(root / MONTH_DIR / "table.tsv", sample_lines()[:12])  # 10 of the 34 departments
    result = govstats("run", "--district", "qijiang", "--month", "2020-07", "--root", str(root))
    assert result.returncode == 2, result.stderr
    said = result.stdout + result.stderr
    assert "fewer than the 34" in said and "--force" in said
    assert outputs(root) == before
    result = govstats("run", "--district", "qijiang", "--month", "2020-07", "--root", str(root), "--force",
                      "--no-pdf")
    assert result.returncode == 0, result.stderr
    log = (root / REPORT.parent / "run.log").read_text(encoding="utf-8")
    assert "replacing it (--force)" in log


def test_guard_emptier_lets_equal_or_more_rows_through(sample_analysis, caplog):
    rows = len(sample_analysis.table.departments)
    for previous in (None, rows, rows - 1):
        guard_emptier(previous, sample_analysis, force=False)
    with pytest.raises(InputError, match="--force"):
        guard_emptier(rows + 1, sample_analysis, force=False)
    with caplog.at_level(logging.WARNING):
        guard_emptier(rows + 1, sample_analysis, force=True)
    assert "replacing it (--force)" in caplog.text


def tiny_notebook(path: Path) -> Path:
    """A parameterised notebook that prints its parameter (papermill injects a cell)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    parameters = new_code_cell("name = 'x'", metadata={"tags": ["parameters"]})
    nb = new_notebook(cells=[parameters, new_code_cell("print(name)")],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(nb, path)
    return path


def test_an_executed_notebook_and_its_html_are_byte_identical_on_rebuild(tmp_path):
    import nbformat

    from govstats.build.notebooks import execute_notebook
    from govstats.render.export import html_report

    notebook = tiny_notebook(tmp_path / "tiny.ipynb")
    first, second = (execute_notebook(notebook, {"name": "区局"}) for _ in range(2))
    assert [c["id"] for c in first.cells] == [c["id"] for c in second.cells]
    assert html_report(first, "t") == html_report(second, "t")
    assert "injected-parameters" in [c["id"] for c in first.cells]
    nbformat.validate(first)


def test_a_full_disk_names_the_path_and_leaves_no_file(tmp_path, monkeypatch):
    import errno
    import os

    from govstats.build import store
    from govstats.errors import OutputError

    good = tmp_path / "reports" / "report.html"
    store.write_files({good: b"old"})
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd: int, mode: str) -> None:
            self.fh = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            if len(data) > 3:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.fh.write(data)

    monkeypatch.setattr(store.os, "fdopen", Full)
    big = tmp_path / "data" / "processed" / "ledger.csv"
    with pytest.raises(OutputError) as caught:
        store.write_files({tmp_path / "reports" / "small.txt": b"ok", big: b"x" * 10, good: b"new"})
    assert caught.value.errno == errno.ENOSPC and caught.value.path == str(big)
    assert str(caught.value) == f"could not write processed file ledger.csv (10 bytes) to {big}: No space left on device"
    assert good.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["report.html"]


def test_a_file_where_a_folder_should_be_names_the_path(tmp_path):
    from govstats.build.store import write_files
    from govstats.errors import OutputError

    (tmp_path / "reports").write_text("not a folder")
    target = tmp_path / "reports" / "q" / "report.html"
    with pytest.raises(OutputError, match=f"could not write report file report.html .* to {target}"):
        write_files({target: b"<html>"})


def test_run_that_cannot_write_its_outputs_exits_3_naming_the_path(sample_root):
    (sample_root / "reports").mkdir()
    (sample_root / "reports" / "qijiang").write_text("a file where the district's folder should be")
    result = govstats("run", "--root", str(sample_root), "--no-pdf")
    assert result.returncode == 3, result.stderr
    assert "could not write" in result.stderr and str(sample_root / "reports" / "qijiang") in result.stderr
    assert not [p for p in (sample_root / "data" / "processed" / "qijiang").rglob("*") if p.is_file()]


def long_table(path: Path, departments: int) -> Path:
    """The sample's header and 合计 row over ``departments`` made-up department rows whose
    columns add up (办理总数 = 中心 + 部门 + 基层), and a 合计 that is their sum."""
    header = sample_lines()[0]
    rows, sums = [], [0] * 6
    for i in range(departments):
        total = 10 + i % 97
        values = [total, total // 2, total - 3, 2, 1, total // 3]  # total, 即办, 中心, 部门, 基层, 网办
        sums = [a + b for a, b in zip(sums, values)]
        rows.append("\t".join([str(i + 1), "", f"测试部门{i + 1}", *map(str, values)]))
    return write_lines(path, [header, "\t".join(["合计", "", "", *map(str, sums)]), *rows])


def test_a_table_over_the_row_limit_is_bad_input_naming_file_and_limit(tmp_path, monkeypatch):
    from govstats.ingest.table import MAX_ROWS

    path = long_table(tmp_path / "table.tsv", MAX_ROWS - 1)  # header + 合计 + rows = limit + 1
    result = govstats("check", str(path), "--district", "qijiang")
    assert result.returncode == 2, result.stderr
    assert f"error: {path}, row {MAX_ROWS + 1}: the table has 5,001 rows, more than the limit of 5,000" \
        in result.stderr and "GOVSTATS_MAX_ROWS" in result.stderr
    monkeypatch.setenv("GOVSTATS_MAX_ROWS", "10")
    with pytest.raises(InputError, match="limit of 10 rows"):
        read_table(SAMPLE_TABLE)
    monkeypatch.setenv("GOVSTATS_MAX_ROWS", "lots")
    with pytest.raises(InputError, match="GOVSTATS_MAX_ROWS must be a whole number"):
        read_table(SAMPLE_TABLE)


def test_a_table_at_the_limit_is_read_and_its_charts_fold_the_tail_into_others(tmp_path, profile, registry):
    from govstats.ingest.table import MAX_ROWS
    from govstats.measure.indicators import department_indicators
    from govstats.render import charts

    path = long_table(tmp_path / "table.tsv", MAX_ROWS - 2)
    table = tidy_month(read_table(path, profile), profile, registry)
    assert len(table.departments) == MAX_ROWS - 2
    frame = department_indicators(table.departments)
    for chart in (charts.volume_chart, charts.channel_mix_chart, charts.rates_chart, charts.pareto_chart):
        fig = chart(frame)
        assert fig.get_figheight() <= 20, chart.__name__
        ax = fig.axes[0]
        labels = [t.get_text() for t in (ax.get_xticklabels() if chart is charts.pareto_chart
                                           else ax.get_yticklabels())]
        assert len(labels) == charts.CHART_TOP, chart.__name__
        assert labels[-1] == f"其他（{MAX_ROWS - 2 - charts.CHART_TOP + 1} 个部门）", chart.__name__
    folded = charts.fold_tail(charts.by_volume(frame))
    assert folded["total"].sum() == frame["total"].sum()
    others = folded.iloc[-1]
    assert others["immediate_rate"] == pytest.approx(others["immediate"] / others["total"])
    assert others["cumulative_share"] == pytest.approx(1.0)


def test_a_heatmap_of_many_departments_shows_the_top_ones():
    import pandas as pd

    from govstats.measure.trends import department_month_table
    from govstats.render.charts import CHART_TOP
    from govstats.render.trend_charts import department_heatmap

    history = pd.DataFrame({"district": "demo", "month": "2020-01", "department": [f"部门{i}" for i in range(500)],
                            "total": list(range(500, 0, -1))})
    fig = department_heatmap(department_month_table(history), title="办件量")
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == CHART_TOP and ax.get_yticklabels()[0].get_text() == "部门0"
    assert "共 500 个" in ax.get_title(loc="left") and fig.get_figheight() < 20


def test_an_xlsx_formula_without_a_saved_result_is_unverifiable_naming_file_sheet_cell_and_formula(
        tmp_path, profile, registry, caplog):
    import openpyxl

    from govstats.checks.ledger import ledger_frame
    from govstats.checks.table import table_checks

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "7月份"
    sheet.append(["部门", "办理总数", "即收即办", "中心办理", "部门办理", "基层办理", "网上办理"])
    sheet.append(["区公安局", 15467, 12376, 852, 9800, 4815, 15467])
    sheet.append(["合计", "=SUM(B2:B2)", 12376, 852, 9800, 4815, 15467])
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    with caplog.at_level(logging.WARNING):
        month = tidy_month(read_table(path, profile), profile, registry)
    assert f"{path}: sheet '7月份', cell B3" in caplog.text
    ledger = ledger_frame(table_checks(month, profile))
    total = ledger[(ledger["check"] == "column_total") & (ledger["scope"] == "办理总数")]
    assert total["status"].tolist() == ["unverifiable"]
    formula = ledger[ledger["check"] == "formula"].iloc[0]
    assert (formula["scope"], formula["status"], formula["expected"]) == ("7月份!B3", "unverifiable", "=SUM(B2:B2)")
    for text in (str(path), "7月份", "B3", "=SUM(B2:B2)"):
        assert text in formula["message"] and text in total["message"].iloc[0]


def test_the_report_lists_the_first_failures_and_counts_the_rest():
    from govstats.checks.ledger import Check, ledger_frame
    from govstats.render.month_html import LISTED_FAILURES, ledger_html

    checks = [Check("registry", f"部门{i}", None, None, None, "warning", "warn", f"部门{i} 未登记") for i in range(250)]
    page = ledger_html(ledger_frame(checks))
    assert "部门0 未登记" in page and f"部门{LISTED_FAILURES - 1} 未登记" in page
    assert f"部门{LISTED_FAILURES} 未登记" not in page and "另有 50 项未通过的核对未列出" in page
    assert "另有" not in ledger_html(ledger_frame(checks[:3]))
