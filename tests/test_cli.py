"""The govstats command as a scheduler and an analyst use it: output and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import SAMPLE_TABLE
from tests.test_clean import write_variant


def govstats(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govstats", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_check_prints_the_ledger_and_exits_0():
    result = govstats("check", str(SAMPLE_TABLE), "--district", "qijiang")
    assert result.returncode == 0, result.stderr
    assert "145 checks: 145 passed, 0 errors, 0 warnings, 0 unverifiable" in result.stdout
    assert "PASS    35 x identity" in result.stdout  # 34 departments (7 with no cases) and the 合计 row


def test_check_json_is_the_ledger():
    result = govstats("check", str(SAMPLE_TABLE), "--json", "--district", "qijiang")
    records = json.loads(result.stdout)
    assert len(records) == 145
    police = next(r for r in records if r["scope"] == "区公安局" and r["check"].startswith("identity"))
    assert (police["expected"], police["actual"], police["difference"], police["status"]) == (15467, 15467, 0, "pass")


def test_check_exits_1_on_a_failing_total(tmp_path):
    path = write_variant(tmp_path, "合计\t\t\t67354", "合计\t\t\t67355")
    result = govstats("check", str(path), "--district", "qijiang")
    assert result.returncode == 1
    assert "FAIL  error   column_total [办理总数]" in result.stdout
    assert "应为 67355，实为 67354，相差 -1" in result.stdout


def test_check_bad_input_exits_2_naming_file_row_and_column(tmp_path):
    path = write_variant(tmp_path, "15467\t12376", "15467\t12,37x")
    result = govstats("check", str(path))
    assert result.returncode == 2
    assert f"error: {path}, row 3, column 5 (即收即办): '12,37x' is not a whole number" in result.stderr


def test_run_on_bad_input_exits_2_and_keeps_the_last_good_report(built_root, tmp_path):
    root = tmp_path / "root"
    shutil.copytree(built_root, root)
    report = root / "reports" / "qijiang" / "2020-07" / "report.html"
    before = report.read_bytes()
    processed_before = (root / "data" / "processed" / "qijiang" / "2020-07" / "departments.csv").read_bytes()
    table = root / "data" / "raw" / "qijiang" / "2020-07" / "table.tsv"
    table.write_text(table.read_text(encoding="utf-8").replace("区教委\t12", "区教委\t十二"), encoding="utf-8")
    result = govstats("run", "--district", "qijiang", "--month", "2020-07", "--root", str(root))
    assert result.returncode == 2
    assert "table.tsv, row 23, column 4 (办理总数): '十二' is not a whole number" in result.stderr
    assert report.read_bytes() == before
    assert (root / "data" / "processed" / "qijiang" / "2020-07" / "departments.csv").read_bytes() == processed_before


def test_run_unknown_month_folder_exits_2(sample_root):
    result = govstats("run", "--district", "qijiang", "--month", "2020-08", "--root", str(sample_root))
    assert result.returncode == 2
    assert "no raw folder" in result.stderr


def test_version():
    from govstats import __version__

    result = govstats("--version")
    assert (result.returncode, result.stdout) == (0, f"govstats {__version__}\n")


def test_run_mistyped_district_lists_the_known_ones(sample_root):
    result = govstats("run", "--district", "qijaing", "--root", str(sample_root))
    assert result.returncode == 2
    assert result.stdout == f"root: {sample_root.resolve()}\n"  # the root used is said first
    assert ("error: unknown district 'qijaing' (did you mean 'qijiang'?); "
            "known: demo-qijiang, qijiang, yongchuan, yubei") in result.stderr


def test_without_a_data_folder_the_command_says_how_to_set_the_root(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k != "GOVSTATS_ROOT"}
    for args in (["run"], ["check", str(tmp_path / "table.tsv")]):
        result = subprocess.run([sys.executable, "-m", "govstats", *args], capture_output=True, text=True,
                                cwd=tmp_path, env=env, timeout=60)
        assert result.returncode == 2, result.stderr
        assert f"no data/ directory at or above {tmp_path.resolve()}" in result.stderr
        assert "pass --root DIR (the folder that holds data/) or set GOVSTATS_ROOT=DIR" in result.stderr
        assert "/work" not in result.stdout  # nothing was done on the code checkout


def test_check_finds_the_root_from_the_file_when_the_folder_has_none(sample_root, tmp_path):
    table = sample_root / "data" / "raw" / "qijiang" / "2020-07" / "table.tsv"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = govstats("check", str(table), cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert "145 checks: 145 passed" in result.stdout


def test_summary_time_includes_the_overview_pages():
    from govstats.build.pages import PageResult
    from govstats.build.tasks import MonthOutcome
    from govstats.cli.display import page_line, summary_tally

    outcome = MonthOutcome("qijiang", "2020-07", "built", seconds=6.9)
    pages = [PageResult("qijiang/trends", "built", Path("/r/reports/qijiang/trends.html"), 4.2),
             PageResult("indicators", "unchanged", Path("/r/reports/indicators.html")),
             PageResult("index", "failed", seconds=0.1, error="OSError: disk full")]
    tally = summary_tally([outcome], 17.0, pages, month_seconds=6.9)
    assert tally.startswith("1 months in 17.0 s (months 6.9 s, 3 overview pages 10.1 s): 1 built, 0 skipped")
    assert tally.endswith("; pages: 1 built, 1 unchanged, 1 failed")
    assert page_line(pages[0], Path("/r")) == "qijiang/trends: built in 4.2 s -> reports/qijiang/trends.html"
    assert page_line(pages[1], Path("/r")) == "indicators: unchanged -> reports/indicators.html"
    assert page_line(pages[2], Path("/r")) == "error: index: build failed in 0.1 s: OSError: disk full"
def test_check_with_profile_auto_writes_the_discovered_profile(tmp_path):
    draft = tmp_path / "auto.yaml"
    result = govstats("check", str(SAMPLE_TABLE), "--profile", "auto", "--write-profile", str(draft))
    assert result.returncode == 0, result.stderr
    assert "PASS    35 x identity" in result.stdout and "PASS     6 x column_total" in result.stdout
    written = yaml.safe_load(draft.read_text("utf-8"))
    assert written["identities"] == ["total = c6 + c7 + c8"]  # the headline count is total
    assert written["measures"]["total"] == ["办理总数"] and written["bands"] == [{"label": "无办件", "min": 0, "max": 0}]
