"""A table printed with its categories across the columns (profile ``orientation: columns``),
read transposed: small tables of our own, each asserting the exact ledger records and that every
message names the printed row and column."""

from __future__ import annotations

from pathlib import Path

import builders
import pytest

from govstats.checks.coverage import covered_cells, printed_cells
from govstats.checks.ledger import ledger_frame
from govstats.checks.table import table_checks
from govstats.clean.draft import draft_profile, looks_transposed
from govstats.clean.month import tidy_month
from govstats.clean.orient import TRANSPOSED_NOTE
from govstats.errors import InputError
from govstats.ingest.readers.grid import Grid
from govstats.ingest.table import chosen_grid, read_table
from govstats.month import tidy_file
from govstats.reference.profiles import profile_from_mapping, profile_mapping
from govstats.reference.registry import Registry

COLUMNS = ["check", "scope", "expected", "actual", "difference", "severity", "status"]

CHANNELS = profile_from_mapping({
    "name": "channels", "orientation": "columns", "unit_column": ["渠道"],
    "measures": {"calls": ["件数"], "share": ["比例"]}, "measure_kinds": {"share": "percent"},
    "rates": [{"rate": "share", "numerator": "calls", "denominator": {"total_row": "calls"}}],
}, Path("channels.yaml"))

PRINTED = [["渠道", "电话", "网站", "微信", "合计"],
           ["件数", "120件", "45件", "35", "200"],
           ["比例", "60.0%", "22.5%", "17.5%", "100%"]]


def month_of(tmp_path, rows, profile=CHANNELS):
    path = builders.write_csv(tmp_path / "channels.csv", rows, "utf-8")
    return tidy_month(read_table(path, profile), profile, Registry("", ()))


def test_columns_are_read_as_rows_and_the_total_column_as_the_total_row(tmp_path):
    month = month_of(tmp_path, PRINTED)
    assert month.transposed
    assert month.departments[["department", "source_row", "calls", "share"]].values.tolist() == [
        ["电话", 2, 120, 0.6], ["网站", 3, 45, 0.225], ["微信", 4, 35, 0.175]]
    assert (month.totals_row, month.totals_label, month.published_totals) == (5, "合计", {"calls": 200, "share": 1.0})
    assert month.headers == {"calls": "件数", "share": "比例"}
    assert month.notes[0] == TRANSPOSED_NOTE
    ledger = ledger_frame(table_checks(month, CHANNELS))
    rate = "rate:share = calls / 合计.calls"
    assert ledger[COLUMNS].values.tolist() == [
        *[["registry", name, "registered name", name, None, "warning", "warn"] for name in ("电话", "网站", "微信")],
        ["column_total", "比例", 1.0, None, None, "info", "unverifiable"],
        ["column_total", "件数", 200, 200, 0, "error", "pass"],
        [rate, "电话", 60.0, 60.0, 0, "error", "pass"],
        [rate, "网站", 22.5, 22.5, 0, "error", "pass"],
        [rate, "微信", 17.5, 17.5, 0, "error", "pass"],
        [rate, "合计", 100.0, 100.0, 0, "error", "pass"],
        ["share_sum:share", "比例", 100.0, 100.0, 0, "error", "pass"],
    ]
    assert covered_cells(month, table_checks(month, CHANNELS)) == printed_cells(month)


def test_a_wrong_share_and_a_wrong_total_column_are_named_by_printed_labels(tmp_path):
    rows = [PRINTED[0], ["件数", "120件", "45件", "35", "210"], ["比例", "60.0%", "25.0%", "17.5%", "100%"]]
    month = month_of(tmp_path, rows)
    ledger = ledger_frame(table_checks(month, CHANNELS))
    failed = ledger[ledger["status"] == "fail"]
    rate = "rate:share = calls / 合计.calls"
    assert failed[COLUMNS].values.tolist() == [
        ["column_total", "件数", 210, 200, -10, "error", "fail"],
        [rate, "电话", 57.1429, 60.0, 2.8571, "error", "fail"],
        [rate, "网站", 21.4286, 25.0, 3.5714, "error", "fail"],
        [rate, "微信", 16.6667, 17.5, 0.8333, "error", "fail"],
        ["share_sum:share", "比例", 100.0, 102.5, 2.5, "error", "fail"],
    ]
    assert failed["message"].iloc[2] == "网站 比例 = 件数 / 合计.件数：45/210 = 21.4286%，印为 25.0%，相差 +3.5714 个百分点"


def test_an_unlisted_total_column_is_named_as_a_column(tmp_path):
    rows = [["渠道", "电话", "网站", "总计"], ["件数", "5", "3", "8"], ["比例", "62.5%", "37.5%", "100%"]]
    ledger = ledger_frame(table_checks(month_of(tmp_path, rows), CHANNELS))
    message = ledger.loc[ledger["check"] == "total_row", "message"].iloc[0]
    assert message.startswith("第 4 列“总计”看来是合计行")


def test_a_bad_cell_names_its_printed_row_and_column(tmp_path):
    rows = [PRINTED[0], ["件数", "120件", "四十五", "35", "200"], PRINTED[2]]
    with pytest.raises(InputError) as caught:
        month_of(tmp_path, rows)
    assert (caught.value.row, caught.value.column) == (2, 3)  # printed row 件数, printed column 网站
    assert "read transposed" in caught.value.reason and "四十五" in caught.value.reason


def test_a_missing_header_column_says_where_it_looked(tmp_path):
    rows = [["类型", "电话", "网站"], ["件数", "5", "3"], ["比例", "62.5%", "37.5%"]]
    with pytest.raises(InputError, match="no header row naming the unit column .渠道.*read transposed"):
        month_of(tmp_path, rows)


def test_the_grid_with_a_header_column_is_chosen():
    other = Grid((("渠道", "件数"), ("电话", "5")))
    printed = Grid(tuple(tuple(r) for r in PRINTED))
    assert chosen_grid([other, printed], Path("two.html"), CHANNELS)[0] is printed


def test_an_unknown_orientation_is_refused():
    with pytest.raises(InputError, match="orientation must be one of rows, columns"):
        profile_from_mapping({"name": "x", "orientation": "diagonal", "unit_column": ["渠道"],
                              "measures": {"calls": ["件数"]}}, Path("x.yaml"))


def test_auto_recognises_a_transposed_table_and_finds_its_relations(tmp_path):
    path = builders.write_csv(tmp_path / "channels.csv", PRINTED, "utf-8")
    draft = draft_profile(read_table(path))
    assert draft.transposed and draft.unit_column == ("渠道",)
    assert draft.measures == {"c2": ("件数",), "c3": ("比例",)} and draft.measure_kinds == {"c3": "percent"}
    table, found = tidy_file(path, profile="auto")
    assert table.transposed and profile_mapping(found)["orientation"] == "columns"
    assert [r.text for r in found.rates] == ["c3 = total / 合计.total"]  # the headline count is renamed total


@pytest.mark.parametrize("rows", [
    [["渠道", "件数", "比例"], ["电话", "120", "60.0%"], ["网站", "80", "40.0%"]],  # a count and a share column
    [["渠道", "件数", "办结", "比例"], ["电话", "120", "100", "-"], ["网站", "80", "70", "40.0%"]],  # a row of counts
    [["渠道", "一月", "二月"], ["电话", "120", "110"], ["网站", "80", "90"]],        # rows of counts only
])
def test_auto_keeps_a_table_of_columns_as_it_is(tmp_path, rows):
    path = builders.write_csv(tmp_path / "channels.csv", rows, "utf-8")
    assert not looks_transposed(read_table(path))


def test_a_transposed_table_read_without_the_option_says_to_set_it(tmp_path):
    rows_profile = profile_from_mapping({**profile_mapping(CHANNELS), "orientation": "rows"}, Path("rows.yaml"))
    with pytest.raises(InputError, match="header '电话' maps to no measure.*set orientation: columns") as caught:
        month_of(tmp_path, PRINTED, rows_profile)
    assert (caught.value.row, caught.value.column) == (1, 2)
