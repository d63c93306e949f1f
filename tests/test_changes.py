"""A change printed beside the two counts it compares (profile ``changes``), checked on every row
and the total row at the printed precision: small tables of our own with exact ledger records."""

from __future__ import annotations

from pathlib import Path

import builders
import pytest

from govstats.checks.changes import change_checks
from govstats.checks.coverage import check_cells
from govstats.checks.ledger import in_words, ledger_frame
from govstats.clean.month import tidy_month
from govstats.errors import InputError
from govstats.ingest.table import read_table
from govstats.month import check_file, tidy_file
from govstats.reference.profiles import profile_from_mapping
from govstats.reference.registry import Registry

COLUMNS = ["check", "scope", "expected", "actual", "difference", "severity", "status"]

OFFICES = profile_from_mapping({
    "name": "offices", "unit_column": ["科室"],
    "measures": {"before": ["上年"], "now": ["本年"], "delta": ["增减"]},
    "measure_kinds": {"delta": "percent"}, "signed": ["delta"],
    "changes": [{"rate": "delta", "current": "now", "previous": "before"}],
}, Path("offices.yaml"))

ROWS = [["科室", "上年", "本年", "增减"],
        ["一科", "40", "50", "25.0%"],     # exactly 25%
        ["二科", "3", "5", "66.6%"],       # 66.667% cut off
        ["三科", "3", "1", "-66.6%"],      # -66.667% cut off towards zero
        ["四科", "0", "7", "-"],           # no earlier count: no change to print
        ["五科", "20", "18", "10.0%"],     # -10%: the sign is lost
        ["六科", "8", "9", ""],            # no change printed: not a figure
        ["合计", "74", "90", "21.6%"]]     # 21.6216%


def ledger_of(tmp_path, rows, profile=OFFICES):
    path = builders.write_csv(tmp_path / "offices.csv", rows, "utf-8")
    month = tidy_month(read_table(path), profile, Registry("", ()))
    return ledger_frame(change_checks(month, profile)), month


def test_each_row_and_the_total_row_at_the_printed_precision(tmp_path):
    ledger, _ = ledger_of(tmp_path, ROWS)
    name = "change:delta = now / before - 1"
    assert ledger[COLUMNS].values.tolist() == [
        [name, "五科", -10.0, 10.0, 20.0, "error", "fail"],
        [name, "二科", 66.6667, 66.6, -0.0667, "warning", "warn"],
        [name, "三科", -66.6667, -66.6, 0.0667, "warning", "warn"],
        [name, "四科", None, None, None, "warning", "unverifiable"],
        [name, "一科", 25.0, 25.0, 0, "error", "pass"],
        [name, "合计", 21.6216, 21.6, 0, "error", "pass"],
    ]
    messages = ledger.set_index("scope")["message"]
    assert messages["五科"] == ("五科 增减 = ( 本年 - 上年 ) / 上年：(18 - 20)/20 = -10.0000%，印为 10.0%，"
                              "相差 +20.0000 个百分点")
    assert messages["三科"].endswith("是截断值（四舍五入应为 -66.7%）")
    assert messages["四科"] == "四科 上年 为 0，“增减 = ( 本年 - 上年 ) / 上年”无从计算（未印出变化率）"


def test_a_change_check_covers_its_three_cells(tmp_path):
    _, month = ledger_of(tmp_path, ROWS)
    records = {c.scope: c for c in change_checks(month, OFFICES)}
    assert check_cells(month, records["一科"]) == {(2, "delta"), (2, "now"), (2, "before")}
    assert check_cells(month, records["合计"]) == {(8, "delta"), (8, "now"), (8, "before")}
    assert check_cells(month, records["四科"]) == set()  # unverifiable: compared nothing


def test_a_change_needs_a_percent_measure():
    with pytest.raises(InputError, match="change 'delta' must be a percent measure"):
        profile_from_mapping({"name": "x", "unit_column": ["科室"],
                              "measures": {"before": ["上年"], "now": ["本年"], "delta": ["增减"]},
                              "changes": [{"rate": "delta", "current": "now", "previous": "before"}]},
                             Path("x.yaml"))
    with pytest.raises(InputError, match="a change reads"):
        profile_from_mapping({"name": "x", "unit_column": ["科室"], "measures": {"now": ["本年"]},
                              "changes": [{"rate": "delta", "of": "now"}]}, Path("x.yaml"))


DRAFTED = [["站点", "去年", "今年", "变化"],
           ["东站", "40", "50", "25.0%"], ["西站", "64", "48", "-25.0%"], ["南站", "12", "15", "25.0%"],
           ["北站", "30", "33", "10.0%"], ["中站", "7", "0", "-100.0%"], ["合计", "153", "146", "-4.6%"]]


def test_auto_finds_a_change_column_and_checks_it(tmp_path):
    path = builders.write_csv(tmp_path / "stations.csv", DRAFTED, "utf-8")
    month, profile = tidy_file(path, profile="auto")
    assert [in_words(c.text, month.headers) for c in profile.changes] == ["变化 = 今年 / 去年 - 1"]
    ledger = check_file(path, profile="auto")
    changes = ledger[ledger["check"].str.startswith("change:")]
    assert changes[["scope", "expected", "actual", "status"]].values.tolist() == [
        ["东站", 25.0, 25.0, "pass"], ["西站", -25.0, -25.0, "pass"], ["南站", 25.0, 25.0, "pass"],
        ["北站", 10.0, 10.0, "pass"], ["中站", -100.0, -100.0, "pass"], ["合计", -4.5752, -4.6, "pass"]]


def test_auto_finds_no_change_the_rows_do_not_hold(tmp_path):
    rows = [r[:3] + [v] for r, v in zip(DRAFTED, ["变化", "25.0%", "-12.5%", "40.0%", "10.0%", "-100.0%", "-4.6%"])]
    _, profile = tidy_file(builders.write_csv(tmp_path / "stations.csv", rows, "utf-8"), profile="auto")
    assert profile.changes == ()  # holds on three rows of five, two of them informative (中站 -100% says nothing)
