"""Breakdowns printed side by side in one table (按渠道 | 按类型): each block is its own list of
rows with its own checks, and the table's total is counted once, never the blocks' sum."""

from __future__ import annotations

from pathlib import Path

import builders
import pytest

from govstats.checks.coverage import covered_cells, printed_cells
from govstats.checks.ledger import ledger_frame
from govstats.checks.table import table_checks, table_totals
from govstats.clean.month import tidy_month
from govstats.errors import InputError
from govstats.ingest.table import read_table
from govstats.reference.profiles import profile_from_mapping
from govstats.reference.registry import Registry

PROFILE = {
    "name": "hotline_breakdowns",
    "unit_column": ["渠道"],
    "blocks": [{"name": "按渠道", "unit_column": ["渠道"]}, {"name": "按类型", "unit_column": ["类型"]}],
    "measures": {"total": ["件数"], "share": ["占比"]},
    "measure_kinds": {"share": "percent"},
    "rates": [{"rate": "share", "numerator": "total", "denominator": {"total_row": "total"}}],
    "total_row_labels": ["合计"],
}

#: 按渠道 adds up; 按类型's 投诉 row is 10 short of its total row (and its share is 50.00%).
OWN_TOTALS = [
    ["渠道", "件数", "占比", "类型", "件数", "占比"],
    ["电话", "600", "60.00%", "咨询", "400", "40.00%"],
    ["网络", "300", "30.00%", "投诉", "490", "50.00%"],
    ["其他", "100", "10.00%", "求助", "100", "10.00%"],
    ["合计", "1000", "100.00%", "合计", "1000", "100.00%"],
]


def month_of(tmp_path: Path, rows: list[list[str]], data: dict):
    profile = profile_from_mapping(data, tmp_path / "p.yaml")
    path = builders.write_csv(tmp_path / "table.csv", rows, "utf-8")
    return tidy_month(read_table(path), profile, Registry("", ())), profile


def records(ledger, check: str) -> list[tuple]:
    rows = ledger[ledger["check"] == check]
    return [tuple(r) for r in rows[["scope", "expected", "actual", "difference", "status"]].itertuples(index=False)]


def test_each_block_is_its_own_list_with_its_own_total_row(tmp_path):
    month, profile = month_of(tmp_path, OWN_TOTALS, PROFILE)
    assert [b.block for b in month.blocks] == ["按渠道", "按类型"]
    assert month.departments["department"].tolist() == ["电话", "网络", "其他"]
    assert month.blocks[1].departments["department"].tolist() == ["咨询", "投诉", "求助"]
    assert [b.published_totals["total"] for b in month.blocks] == [1000, 1000]
    assert table_totals(month, profile) == {"total": 1000}  # the table's total, not 2000
    ledger = ledger_frame(table_checks(month, profile))
    counted = ledger[(ledger["check"] == "column_total") & (ledger["status"] != "unverifiable")]
    assert records(counted, "column_total") == [
        ("按类型：件数", 1000, 990, -10, "fail"), ("按渠道：件数", 1000, 1000, 0, "pass")]
    assert ledger.loc[ledger["check"] == "share_sum:share", "scope"].tolist() == ["按渠道：占比", "按类型：占比"]
    shares = ledger[ledger["check"] == "rate:share = total / 合计.total"]
    assert shares[["scope", "status"]].values.tolist()[:1] == [["按类型：投诉", "fail"]]
    assert (shares.loc[shares["scope"] != "按类型：投诉", "status"] == "pass").all()
    assert len(shares) == 8  # three rows and the total row, in each block
    assert "registry" not in set(ledger["check"])
    cells = printed_cells(month)  # 件数 and 占比 of three rows and the total row, in each block
    assert len(cells) == 16 and ("按类型：total", 3) not in cells and (3, "按类型：total") in cells
    assert covered_cells(month, table_checks(month, profile)) == cells


#: The total printed once, in a leading column merged down over the rows, serves each block.
LEADING = [
    ["受理总量", "渠道", "件数", "类型", "件数"],
    ["1000", "电话", "600", "咨询", "400"],
    ["", "网络", "300", "投诉", "500"],
    ["", "其他", "110", "求助", "100"],
]


def test_a_leading_total_printed_once_serves_each_block(tmp_path):
    data = {**PROFILE, "measures": {"grand": ["受理总量"], "total": ["件数"]}, "measure_kinds": {},
            "rates": [], "block_totals": {"total": "grand"}}
    month, profile = month_of(tmp_path, LEADING, data)
    assert [b.totals_row for b in month.blocks] == [2, 2]
    assert [b.totals_label for b in month.blocks] == ["受理总量", "受理总量"]
    assert "grand" not in month.departments.columns  # the total is not a row's figure
    assert table_totals(month, profile) == {"total": 1000}
    ledger = ledger_frame(table_checks(month, profile))
    assert records(ledger, "column_total") == [
        ("按渠道：件数", 1000, 1010, 10, "fail"), ("按类型：件数", 1000, 1000, 0, "pass")]


def test_a_second_figure_in_the_leading_total_column_is_refused(tmp_path):
    data = {**PROFILE, "measures": {"grand": ["受理总量"], "total": ["件数"]}, "measure_kinds": {},
            "rates": [], "block_totals": {"total": "grand"}}
    rows = [list(r) for r in LEADING]
    rows[2][0] = "20"
    with pytest.raises(InputError, match=r"row 3.*'受理总量' holds a second figure \(the first is in row 2\)"):
        month_of(tmp_path, rows, data)


def test_a_block_the_profile_does_not_declare_is_refused(tmp_path):
    rows = [[("区域" if c == "类型" else c) for c in r] for r in OWN_TOTALS]
    data = {**PROFILE, "unit_column": ["渠道", "区域"]}
    with pytest.raises(InputError, match=r"column '区域' heads no block the profile declares"):
        month_of(tmp_path, rows, data)


def auto_month(tmp_path: Path, rows: list[list[str]]):
    from govstats.month import auto_tidy

    path = builders.write_csv(tmp_path / "table.csv", rows, "utf-8")
    return auto_tidy(read_table(path), Registry("", ()), {})


def test_auto_finds_the_blocks_and_the_leading_total(tmp_path):
    month, profile = auto_month(tmp_path, LEADING)
    assert [(b.name, b.unit_column) for b in profile.blocks] == [("渠道", ("渠道",)), ("类型", ("类型",))]
    assert profile.block_totals == {"total": "c1"}  # 件数 (the headline count), read in each block, totals to 受理总量
    assert table_totals(month, profile) == {"total": 1000}
    ledger = ledger_frame(table_checks(month, profile))
    assert records(ledger, "column_total") == [("渠道：件数", 1000, 1010, 10, "fail"), ("类型：件数", 1000, 1000, 0, "pass")]


def test_auto_checks_each_block_with_the_share_it_finds(tmp_path):
    month, profile = auto_month(tmp_path, OWN_TOTALS)
    assert [b.name for b in profile.blocks] == ["渠道", "类型"] and profile.block_totals == {}
    assert [r.text for r in profile.rates] == ["c3 = total / 合计.total"]
    ledger = ledger_frame(table_checks(month, profile))
    failed = ledger[ledger["status"] == "fail"]
    assert records(failed, "rate:c3 = total / 合计.total") == [("类型：投诉", 49.0, 50.0, 1.0, "fail")]  # computed, printed
    # one block of two does not add up, so the total rows are not taken as sums (two thirds)
    assert set(ledger.loc[ledger["check"] == "column_total", "status"]) == {"unverifiable"}


def test_auto_leaves_one_list_with_a_band_column_as_one_list(tmp_path):
    rows = [["办件量分类", "部门", "办理总数", "即收即办"], ["101-1000件", "区公安局", "500", "20"],
            ["", "区税务局", "300", "30"], ["1-100件", "区林业局", "69", "9"], ["", "区档案馆", "1", "1"], ["合计", "", "870", "60"]]
    month, profile = auto_month(tmp_path, rows)
    assert profile.blocks == () and month.blocks == ()
    assert table_totals(month, profile) == {"total": 870, "c4": 60}


def test_every_breakdown_keeps_its_figures_for_checks_across_periods(tmp_path):
    """figures.json holds each breakdown's rows and its own total, the later ones named by their
    breakdown, so a quarter of side-by-side breakdowns is reconciled block by block."""
    from govstats.checks.figures import table_figures

    month, profile = month_of(tmp_path, OWN_TOTALS, PROFILE)
    counts = {(f.entity, f.measure): (f.value, f.cell) for f in table_figures(month, profile, "table.csv")
              if f.kind == "count"}
    assert counts[("电话", "total")] == (600, "第2行“件数”")
    assert counts[("合计", "total")][0] == 1000
    assert counts[("按类型：投诉", "total")] == (490, "按类型：第3行“件数”")
    assert counts[("按类型：合计", "total")][0] == 1000
    assert len(counts) == 8  # three rows and a total in each breakdown, no key shared


UNHEADED = [
    ["", "受理", "办结", "", "受理", "办结"],
    ["甲局", "40", "38", "丁局", "12", "12"],
    ["乙局", "25", "27", "戊局", "9", "8"],
    ["丙局", "18", "18", "合计", "104", "103"],
]


def test_a_column_of_names_with_no_header_is_read_when_the_profile_says_so(tmp_path):
    """One list in two column groups whose name columns print no header (unheaded_unit): both
    groups are read, the note says how, the 合计 covers both groups and 乙局's bound fails."""
    data = {"name": "unheaded", "unit_column": ["单位"], "unheaded_unit": True,
            "measures": {"received": ["受理"], "done": ["办结"]},
            "bounds": [{"part": "done", "whole": "received", "kind": "hard"}]}
    month, profile = month_of(tmp_path, UNHEADED, data)
    assert month.departments["department"].tolist() == ["甲局", "乙局", "丙局", "丁局", "戊局"]
    assert any("prints no header" in n and "'单位'" in n for n in month.notes)
    ledger = ledger_frame(table_checks(month, profile))
    assert records(ledger, "column_total") == [("受理", 104, 104, 0, "pass"), ("办结", 103, 103, 0, "pass")]
    failed = ledger[ledger["status"] == "fail"]
    assert failed[["check", "scope", "status"]].values.tolist() == [["bound:done <= received", "乙局", "fail"]]
    data.pop("unheaded_unit")
    with pytest.raises(InputError, match="no header row naming the unit column"):
        month_of(tmp_path, UNHEADED, data)


FOLDED_RATES = [
    ["", "受理", "办结", "办结率", "", "受理", "办结", "办结率"],
    ["甲局", "3", "2", "66.5%", "乙局", "6", "4", "67%"],
    ["丙局", "8", "8", "100.00%", "合计", "17", "14", "82.4%"],
]


def test_each_group_of_a_folded_list_keeps_its_own_printed_precision(tmp_path):
    """甲局 and 乙局 are printed on one row in two column groups: 甲局's 66.5% is checked at one
    decimal (2/3 = 66.67%: fails), not at 乙局's whole percent; 丙局 at its two decimals, and the
    合计 beside it at its own one decimal (14/17 = 82.35%: passes)."""
    data = {"name": "folded_rates", "unit_column": ["单位"], "unheaded_unit": True,
            "measures": {"received": ["受理"], "done": ["办结"], "rate": ["办结率"]},
            "measure_kinds": {"rate": "percent"},
            "rates": [{"rate": "rate", "numerator": "done", "denominator": "received"}]}
    month, profile = month_of(tmp_path, FOLDED_RATES, data)
    ledger = ledger_frame(table_checks(month, profile))
    assert records(ledger, "rate:rate = done / received") == [
        ("甲局", 66.6667, 66.5, -0.1667, "fail"), ("丙局", 100.0, 100.0, 0.0, "pass"),
        ("乙局", 66.6667, 67.0, 0.0, "pass"), ("合计", 82.3529, 82.4, 0.0, "pass")]
    cells = printed_cells(month)
    assert len(cells) == 12 and len(covered_cells(month, table_checks(month, profile)) & cells) == 12
