"""Noisy labels (romanisation from mirror sites, traditional characters), unlisted total rows,
and bounds on the total row and on rows with no cases: exact ledger records."""

from __future__ import annotations

from pathlib import Path

import builders

from govstats.cells import fold_label, normalize_label
from govstats.checks.coverage import covered_cells
from govstats.checks.ledger import ledger_frame
from govstats.checks.table import table_checks
from govstats.clean.month import tidy_month
from govstats.ingest.table import read_table
from govstats.reference.characters import load_folds
from govstats.reference.profiles import profile_from_mapping
from govstats.reference.registry import Registry
from tests.conftest import REFERENCE

FOLDS = load_folds(REFERENCE)
COLUMNS = ["check", "scope", "expected", "actual", "difference", "severity", "status"]

#: Written in simplified characters only; the table below is traditional with romanisation.
MAILBOX = {
    "name": "mailbox", "unit_column": ["承办县区"], "total_row_labels": ["总计"],
    "measures": {"total": ["总件数"], "pending": ["处理中"], "completed": ["已办结"], "rate": ["办结率"]},
    "measure_kinds": {"rate": "percent"}, "identities": ["total = pending + completed"],
    "bounds": [{"part": "completed", "whole": "total", "kind": "hard"}],
    "rates": [{"rate": "rate", "numerator": "completed", "denominator": "total"}],
}


def month_of(tmp_path, rows, profile, registry=Registry("", ())):
    path = builders.write_csv(tmp_path / "table.csv", rows, "utf-8")
    return tidy_month(read_table(path), profile, registry)


def test_romanisation_is_stripped_and_traditional_characters_fold():
    assert normalize_label("辦結(jié)率") == "辦結率"
    assert normalize_label("按時(shí) 反饋率") == "按時反饋率"
    assert normalize_label("受理件数(件)") == "受理件数(件)"  # a unit in brackets is not romanisation
    assert fold_label("總計(jì)", FOLDS) == "总计"
    assert fold_label("遼濱沿海經(jīng)濟(jì) 技術(shù)開(kāi)發(fā)區(qū)", FOLDS) == "辽滨沿海经济技术开发区"


def test_a_traditional_table_with_romanisation_reads_with_a_simplified_profile(tmp_path):
    profile = profile_from_mapping(MAILBOX, Path("mailbox.yaml"), FOLDS)
    registry = Registry("weinan", ("临渭区",), {"临渭区": "临渭区"}, FOLDS)
    rows = [["承辦縣區(qū)", "總件數(shù)", "處理中", "已辦結(jié)", "辦結(jié)率"],
            ["臨渭區(qū)", "212", "4", "208", "98%"],
            ["韓城市", "36", "2", "34", "94%"],
            ["總計(jì)", "248", "6", "242", "97%"]]  # 242/248 = 97.58%, cut off to 97%
    month = month_of(tmp_path, rows, profile, registry)
    assert month.departments["department"].tolist() == ["临渭区", "韓城市"]
    assert month.departments["published_name"].tolist() == ["臨渭區", "韓城市"]  # shown clean
    assert month.headers == {"total": "總件數", "pending": "處理中", "completed": "已辦結", "rate": "辦結率"}
    assert month.totals_row == 4 and month.totals_label == "總計"
    ledger = ledger_frame(table_checks(month, profile))
    assert ledger[ledger["status"] != "pass"][COLUMNS].values.tolist() == [
        ["rate:rate = completed / total", "合计", 97.5806, 97.0, -0.5806, "warning", "warn"],
        ["registry", "韓城市", "registered name", "韓城市", None, "warning", "warn"],
        ["column_total", "辦結率", 0.97, None, None, "info", "unverifiable"],  # a rate is not summed
    ]


def test_an_unlisted_total_row_is_reported_not_kept_as_a_department(tmp_path):
    profile = profile_from_mapping({**MAILBOX, "total_row_labels": ["合计"]}, Path("mailbox.yaml"), FOLDS)
    rows = [["承办县区", "总件数", "处理中", "已办结", "办结率"],
            ["临渭区", "52", "0", "52", "100%"], ["富平县", "29", "0", "29", "100%"],
            ["全市共 计", "81", "0", "81", "100%"]]
    month = month_of(tmp_path, rows, profile)
    assert month.departments["department"].tolist() == ["临渭区", "富平县"]
    assert (month.totals_row, month.totals_label, month.totals_listed) == (4, "全市共计", False)
    assert month.published_totals["total"] == 81
    ledger = ledger_frame(table_checks(month, profile))
    warned = ledger[ledger["check"] == "total_row"]
    assert warned[COLUMNS].values.tolist() == [["total_row", "全市共计", "合计", "全市共计", None, "warning", "warn"]]
    assert "请在 total_row_labels 中加入它" in warned["message"].iloc[0]
    totals = ledger[ledger["check"] == "column_total"]
    assert totals[["scope", "expected", "actual", "status"]].values.tolist() == [
        ["办结率", 1.0, None, "unverifiable"], ["总件数", 81, 81, "pass"], ["处理中", 0, 0, "pass"], ["已办结", 81, 81, "pass"]]


def test_bounds_hold_on_the_total_row_and_on_rows_with_no_cases(tmp_path):
    profile = profile_from_mapping({
        "name": "soft", "unit_column": ["单位"],
        "measures": {"received": ["受理"], "completed": ["办结"]},
        "bounds": [{"part": "completed", "whole": "received", "kind": "soft"}]}, Path("soft.yaml"))
    rows = [["单位", "受理", "办结"], ["甲局", "10", "9"], ["乙局", "0", "0"], ["合计", "10", "12"]]
    ledger = ledger_frame(table_checks(month_of(tmp_path, rows, profile), profile))
    bound = ledger[ledger["check"] == "bound:completed <= received"]
    assert bound[COLUMNS].values.tolist() == [
        ["bound:completed <= received", "合计", 10, 12, 2, "warning", "warn"],
        ["bound:completed <= received", "甲局", 10, 9, 0, "warning", "pass"],
        ["bound:completed <= received", "乙局", 0, 0, 0, "warning", "pass"],
    ]
    assert bound["message"].iloc[0] == "合计 办结 <= 受理：12 对 10（超出，可能为上月结转）"


#: A profile whose change column's header holds a '/' of its own.
ITEMS = {"name": "items", "unit_column": ["信息内容"], "signed": ["change"],
         "measures": {"last_year": ["上一年项目数量"], "change": ["本年增/减"], "items": ["本年项目数量"]},
         "identities": ["items = last_year + change"]}


def test_a_header_cell_with_a_slash_keeps_its_whole_text(tmp_path):
    # 本年增/减 is one header cell: its label is not cut at the '/' (as 减), on one header row,
    # under a parent on a two-level header, and in a profile drafted from the table
    from govstats.month import auto_tidy

    profile = profile_from_mapping(ITEMS, Path("items.yaml"))
    rows = [["信息内容", "上一年项目数量", "本年增/减", "本年项目数量"],
            ["行政许可", "716", "-417", "299"], ["行政处罚", "3", "6", "9"]]
    month = month_of(tmp_path, rows, profile)
    assert month.headers == {"last_year": "上一年项目数量", "change": "本年增/减", "items": "本年项目数量"}
    assert month.departments["change"].tolist() == [-417, 6]
    ledger = ledger_frame(table_checks(month, profile))
    identity = ledger[ledger["check"] == "identity:items = last_year + change"]
    assert identity[["scope", "expected", "actual", "status"]].values.tolist() == [
        ["行政许可", 299, 299, "pass"], ["行政处罚", 9, 9, "pass"]]
    assert identity["message"].iloc[0].startswith("行政许可 本年项目数量 = 上一年项目数量 + 本年增/减")
    two_level = [["信息内容", "项目", "", ""], ["", "上一年项目数量", "本年增/减", "本年项目数量"], *rows[1:]]
    month = month_of(tmp_path, two_level, profile_from_mapping({**ITEMS, "header_rows": 2}, Path("items.yaml")))
    assert month.header_rows == 2 and month.headers["change"] == "本年增/减"
    drafted, _ = auto_tidy(read_table(builders.write_csv(tmp_path / "auto.csv", rows, "utf-8")), Registry("", ()), FOLDS)
    assert list(drafted.headers.values()) == ["上一年项目数量", "本年增/减", "本年项目数量"]


def test_a_fall_cannot_exceed_its_base(tmp_path):
    # -本年增/减 <= 上一年项目数量: a count cannot fall below zero (5 - 7 would leave -2 items)
    profile = profile_from_mapping({**ITEMS, "identities": [],
                                    "bounds": [{"part": "-change", "whole": "last_year", "kind": "hard"}]},
                                   Path("items.yaml"))
    rows = [["信息内容", "上一年项目数量", "本年增/减", "本年项目数量"],
            ["行政许可", "716", "-417", "299"], ["行政处罚", "3", "6", "9"], ["行政强制", "5", "-7", "0"]]
    month = month_of(tmp_path, rows, profile)
    bound = ledger_frame(table_checks(month, profile))
    bound = bound[bound["check"] == "bound:-change <= last_year"]
    assert bound[COLUMNS].values.tolist() == [
        ["bound:-change <= last_year", "行政强制", 5, 7, 2, "error", "fail"],
        ["bound:-change <= last_year", "行政许可", 716, 417, 0, "error", "pass"],
        ["bound:-change <= last_year", "行政处罚", 3, -6, 0, "error", "pass"]]
    assert bound["message"].iloc[0] == "行政强制 -本年增/减 <= 上一年项目数量：7 对 5（减少多于其基数）"
    assert covered_cells(month, table_checks(month, profile)) >= {(4, "change"), (4, "last_year")}
