"""Layout quirks of real publications, one small table each, read with the reference profile."""

from __future__ import annotations

import builders
import pandas as pd
import pytest

from govstats.checks.ledger import ledger_frame
from govstats.checks.table import table_checks
from govstats.clean.month import tidy_month
from govstats.errors import InputError
from govstats.ingest.table import read_table

HEADER = ["序号", "部门", "办理总数", "即收即办", "中心办理", "部门办理", "基层办理", "网上办理"]
POLICE = ["1", "区公安局", "15467", "12376", "852", "9800", "4815", "15467"]
TAX = ["2", "区税务局", "14743", "6594", "14743", "0", "0", "14743"]
TOTAL = ["合计", "", "30210", "18970", "15595", "9800", "4815", "30210"]


def month_of(tmp_path, rows, profile, registry, name="table.csv"):
    path = builders.write_csv(tmp_path / name, rows, "utf-8")
    return tidy_month(read_table(path), profile, registry)


def checks_of(month, profile) -> pd.DataFrame:
    return ledger_frame(table_checks(month, profile))


def test_spaces_and_line_breaks_inside_cells(tmp_path, profile, registry):
    rows = [["序号", "部 门", "办理\n总数", "即收\n即办", "中心 办理", "部门办理", "基层办理", "网上 办理"],
            ["合 计", "", "30210", "18970", "15595", "9800", "4815", "30210"],
            ["1", "区公安\n局", *POLICE[2:]], ["2", "区 税务局", *TAX[2:]]]
    month = month_of(tmp_path, rows, profile, registry)
    assert month.departments["department"].tolist() == ["区公安局", "区税务局"]
    assert month.departments["published_name"].tolist() == ["区公安局", "区税务局"]
    assert month.headers["total"] == "办理总数" and month.published_totals["total"] == 30210


def test_full_width_digits_thousands_separators_and_wan(tmp_path, profile, registry):
    rows = [HEADER,
            ["1", "区公安局", "1.2万", "１２,０００", "2,000", "9,000", "１０００", "1.2万"],
            ["2", "区税务局", "１，１２３", "0", "1,123", "0", "0", "1123"],
            ["合计", "", "1.3123万", "12000", "3123", "9000", "1000", "13,123"]]
    month = month_of(tmp_path, rows, profile, registry)
    police = month.departments.iloc[0]
    assert (police["total"], police["immediate"], police["by_grassroots"]) == (12000, 12000, 1000)
    assert month.published_totals["total"] == 13123
    assert (checks_of(month, profile)["status"] == "pass").all()


def test_not_applicable_is_not_zero(tmp_path, profile, registry):
    rows = [HEADER, ["1", "区残联", "10983", "—", "0", "10983", "-", "/"],
            ["2", "区税务局", *TAX[2:]], ["合计", "", "25726", "6594", "14743", "10983", "0", "14743"]]
    month = month_of(tmp_path, rows, profile, registry)
    row = month.departments.iloc[0]
    assert row["immediate"] is pd.NA and row["by_grassroots"] is pd.NA and row["online"] is pd.NA
    assert row["by_centre"] == 0
    assert str(month.departments["immediate"].dtype) == "Int64"
    ledger = checks_of(month, profile)
    assert not (ledger["status"] == "fail").any()
    # the identity cannot be checked on a row with a missing part: said so, rather than a guess
    identity = ledger[ledger["check"].str.startswith("identity") & (ledger["scope"] == "区残联")]
    assert identity["status"].tolist() == ["unverifiable"] and identity["expected"].isna().all()


@pytest.mark.parametrize("label", ["合计", "总计", "合 计", "總計", "合計", "全区合计"])
@pytest.mark.parametrize("where", ["first", "last"])
def test_total_row_first_or_last_under_any_name(tmp_path, profile, registry, label, where):
    total = [label, *TOTAL[1:]]
    body = [POLICE, TAX]
    rows = [HEADER, total, *body] if where == "first" else [HEADER, *body, total]
    month = month_of(tmp_path, rows, profile, registry)
    assert len(month.departments) == 2
    assert month.published_totals["total"] == 30210
    assert month.totals_row == (2 if where == "first" else 4)


def test_title_spacer_row_and_footnotes(tmp_path, profile, registry):
    rows = [["2020年7月份行政审批服务办件情况表"], [], ["", "", "单位：件"], HEADER, TOTAL, POLICE, TAX,
            ["注：1.本表数据截至2020年7月31日。"], ["数据来源：区政务服务中心"], ["", "", "", "制表：张三"]]
    month = month_of(tmp_path, rows, profile, registry)
    assert len(month.departments) == 2
    assert month.footnotes == ("注：1.本表数据截至2020年7月31日。", "数据来源：区政务服务中心", "制表：张三")
    assert month.title.startswith("2020年7月份行政审批服务办件情况表")
    assert month.departments["source_row"].tolist() == [6, 7]


def test_numbers_after_footnotes_are_refused(tmp_path, profile, registry):
    rows = [HEADER, TOTAL, POLICE, ["注：本表单位为件"], TAX]
    with pytest.raises(InputError, match=r"row 5: a row with numbers comes after the footnotes"):
        month_of(tmp_path, rows, profile, registry)


def test_two_blocks_side_by_side_read_as_one(tmp_path, profile, registry, reference_month):
    ref = reference_month.departments
    flat = HEADER
    left = [[str(i + 1), *ref.iloc[i][["published_name", *reference_month.measures]].astype(str)]
            for i in range(2)]
    right = [[str(i + 1), *ref.iloc[i][["published_name", *reference_month.measures]].astype(str)]
             for i in range(2, 5)]
    rows = [flat + [""] + flat]
    for i in range(3):
        rows.append((left[i] if i < len(left) else [""] * len(flat)) + [""] + right[i])
    total = ref.iloc[:5][reference_month.measures].sum()
    rows.append(["合计", "", *total.astype(str)] + [""] * (len(flat) + 1))
    month = month_of(tmp_path, rows, profile, registry)
    assert month.departments["department"].tolist() == ref["department"].iloc[:5].tolist()
    assert month.departments["source_row"].tolist() == [2, 3, 2, 3, 4]
    assert month.published_totals["total"] == int(total["total"])
    assert (checks_of(month, profile)["status"] == "pass").all()


def test_subtotals_and_of_which_rows_are_kept_apart_and_checked(tmp_path, profile, registry):
    rows = [HEADER, TOTAL,
            POLICE, ["", "其中：出入境", "3000", "3000", "852", "2148", "0", "3000"],
            ["", "区级部门小计", "15467", "12376", "852", "9800", "4815", "15467"],
            TAX, ["", "小计", "14743", "6594", "14743", "0", "0", "14000"]]
    month = month_of(tmp_path, rows, profile, registry)
    assert month.departments["department"].tolist() == ["区公安局", "区税务局"]
    assert month.subtotals["label"].tolist() == ["区级部门小计", "小计"]
    assert month.subtotals["members"].tolist() == [("区公安局",), ("区税务局",)]
    assert month.parts[["label", "parent", "source_row"]].values.tolist() == [["其中:出入境", "区公安局", 4]]
    ledger = checks_of(month, profile)
    subtotal = ledger[ledger["check"] == "subtotal"]
    failed = subtotal[subtotal["status"] == "fail"]
    assert failed["scope"].tolist() == ["小计：网上办理"] and failed["difference"].tolist() == [743]
    assert (ledger.loc[ledger["check"].str.startswith("part:"), "status"] == "pass").all()
    # column totals are the departments only: subtotals and 其中 rows are never added in
    assert (ledger.loc[ledger["check"] == "column_total", "status"] == "pass").all()


def test_subtotals_heading_their_blocks(tmp_path, profile, registry):
    rows = [HEADER, ["", "审批类小计", *POLICE[2:]], POLICE, ["", "服务类小计", *TAX[2:]], TAX, TOTAL]
    month = month_of(tmp_path, rows, profile, registry)
    assert month.subtotals["members"].tolist() == [("区公安局",), ("区税务局",)]
    assert (checks_of(month, profile)["status"] == "pass").all()


def test_of_which_larger_than_its_parent_fails(tmp_path, profile, registry):
    rows = [HEADER, TOTAL, POLICE, ["", "其中", "16000", "0", "0", "0", "0", "0"], TAX]
    ledger = checks_of(month_of(tmp_path, rows, profile, registry), profile)
    failed = ledger[ledger["status"] == "fail"]
    assert failed["check"].tolist() == ["part:total"]
    assert failed["difference"].tolist() == [533]


def test_merged_section_heading_and_merged_number(tmp_path, profile, registry):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["一、区级部门"] + [None] * 7)
    sheet.merge_cells("A2:H2")
    sheet.append([1, "区公安局", 15467, 12376, 852, 9800, 4815, 15467])
    sheet.append([2, "区税务局", 14743, 6594, 14743, 0, 0, 14743])
    sheet.append([3, "区残联", 10983, 0, 0, 10983, 0, None])
    sheet.merge_cells("H4:H5")  # 网上办理 14743 printed once across two departments
    sheet.append(["合计", None, 41193, 18970, 15595, 20783, 4815, 30210])
    path = tmp_path / "merged.xlsx"
    book.save(path)
    month = tidy_month(read_table(path), profile, registry)
    assert month.departments["department"].tolist() == ["区公安局", "区税务局", "区残联"]
    assert month.departments["online"].tolist() == [15467, 14743, pd.NA]
    assert any("read as a section heading" in n for n in month.notes)
    assert any("merged from row 4; counted once there" in n for n in month.notes)
    ledger = checks_of(month, profile)
    # 区残联's online cell is blank: the one check that needs it is said to be unverifiable
    assert ledger.loc[ledger["status"] != "pass", ["check", "scope", "status"]].values.tolist() == [
        ["bound:online <= total", "区残联", "unverifiable"]]


# --- bad input: each refused naming file, row and column --------------------------------------

def refusal(tmp_path, rows, profile, registry) -> str:
    with pytest.raises(InputError) as info:
        month_of(tmp_path, rows, profile, registry)
    assert "table.csv" in str(info.value)
    return str(info.value)


def test_header_that_maps_to_no_measure(tmp_path, profile, registry):
    message = refusal(tmp_path, [HEADER + ["好评率"], POLICE + ["100%"]], profile, registry)
    assert "row 1, column 9: header '好评率' maps to no measure of profile 'reference'" in message
    assert "total: 办理总数/" in message  # the known synonyms are listed


def test_two_columns_mapping_to_one_measure(tmp_path, profile, registry):
    message = refusal(tmp_path, [HEADER + ["办件量"], POLICE + ["15467"]], profile, registry)
    assert "column 9: headers '办理总数' and '办件量' both map to measure 'total'" in message


def test_text_in_a_number_cell(tmp_path, profile, registry):
    rows = [HEADER, TOTAL, ["1", "区公安局", "15467", "约12000", "852", "9800", "4815", "15467"]]
    message = refusal(tmp_path, rows, profile, registry)
    assert "row 3, column 4 (即收即办): '约12000' is not a whole number" in message


def test_duplicated_unit(tmp_path, profile, registry):
    message = refusal(tmp_path, [HEADER, POLICE, TAX, POLICE], profile, registry)
    assert "row 4, column 2: department '区公安局' appears more than once (rows 2, 4)" in message


def test_negative_count(tmp_path, profile, registry):
    rows = [HEADER, ["1", "区公安局", "15467", "-5", "852", "9800", "4815", "15467"]]
    message = refusal(tmp_path, rows, profile, registry)
    assert "row 2, column 4 (即收即办): negative value -5" in message


def test_missing_required_column(tmp_path, profile, registry):
    message = refusal(tmp_path, [HEADER[:-1], POLICE[:-1]], profile, registry)
    assert "row 1: missing column(s): online (网上办理/网办/网上办理件数)" in message


def test_no_header_row(tmp_path, profile, registry):
    message = refusal(tmp_path, [["单位", "x"], ["a", "b"]][1:] + [["c", "d"]], profile, registry)
    assert "no header row naming the unit column" in message


def test_cell_in_a_column_without_header(tmp_path, profile, registry):
    message = refusal(tmp_path, [HEADER, POLICE + ["99"]], profile, registry)
    assert "row 2, column 9: cell '99' is in a column with no header" in message


def test_row_with_a_name_and_no_numbers(tmp_path, profile, registry):
    message = refusal(tmp_path, [HEADER, POLICE, ["2", "区税务局"]], profile, registry)
    assert "row 3: row for '区税务局' has no numbers" in message


def test_total_that_is_not_the_sum_fails_in_the_ledger(tmp_path, profile, registry):
    rows = [HEADER, ["合计", "", "30200", *TOTAL[3:]], POLICE, TAX]
    ledger = checks_of(month_of(tmp_path, rows, profile, registry), profile)
    failed = ledger[ledger["status"] == "fail"]
    assert failed[["check", "scope", "expected", "actual", "difference"]].values.tolist() == [
        ["column_total", "办理总数", 30200, 30210, 10],
        ["identity:total = by_centre + by_department + by_grassroots", "合计", 30200, 30210, 10],
        ["bound:online <= total", "合计", 30200, 30210, 10],  # bounds hold on the total row too
    ]
    assert (ledger["profile"] == "reference").all()


def test_workbook_with_title_spacer_two_level_header_and_merged_footnote(
        tmp_path, sample_rows, profile, registry, reference_month):
    import openpyxl

    flat, body = sample_rows[0], sample_rows[1:]
    path = builders.write_xlsx(tmp_path / "book.xlsx", builders.two_level(flat), body,
                               title="綦江区2020年7月份行政审批服务办件情况表")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet.append(["注：数据来源于区政务服务中心。"])
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=9)
    book.save(path)
    month = tidy_month(read_table(path), profile, registry)
    expected = reference_month.departments.assign(source_row=reference_month.departments["source_row"] + 3)
    pd.testing.assert_frame_equal(month.departments, expected)
    assert month.title == "綦江区2020年7月份行政审批服务办件情况表"
    assert month.footnotes == ("注：数据来源于区政务服务中心。",)
    assert month.header_rows == 2 and month.totals_row == 5
