"""Real public tables (tests/corpus/tables) read with their layouts' profiles: the ledger records
their published figures give, and how many of the figures the checks cover."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
import yaml

from govstats.checks.coverage import covered_cells, printed_cells
from govstats.checks.ledger import ledger_frame
from govstats.checks.table import table_checks
from govstats.clean.month import tidy_month
from govstats.ingest.table import read_table
from govstats.reference.profiles import Rate, RatePart, load_profile
from govstats.reference.registry import Registry
from tests.conftest import REFERENCE

CORPUS = Path(__file__).resolve().parent / "corpus" / "tables"
COLUMNS = ["check", "scope", "expected", "actual", "difference", "severity", "status"]


def checked(tid: str, profile_name: str):
    profile = load_profile(REFERENCE, profile_name)
    month = tidy_month(read_table(CORPUS / f"{tid}.tsv", profile), profile, Registry("", (), {}, profile.folds))
    checks = [c for c in table_checks(month, profile) if c.check != "registry"]
    return month, checks, ledger_frame(checks)


def test_t09_total_row_rate_is_truncated_not_rounded():
    # 渭南 2021 Q4, mirrored in traditional characters with romanisation: 973/983 printed 98%
    month, _, ledger = checked("t09", "corpus_weinan_mailbox")
    assert month.headers["completion_rate"] == "辦結率" and month.totals_label == "總計"
    flagged = ledger[ledger["status"] != "pass"]
    assert flagged[COLUMNS].values.tolist() == [
        ["rate:completion_rate = completed / total", "合计", 98.9827, 98.0, -0.9827, "warning", "warn"],
        ["column_total", "辦結率", 0.98, None, None, "info", "unverifiable"],
    ]
    rates = ledger[ledger["check"] == "rate:completion_rate = completed / total"]
    assert len(rates) == 15 and (rates["status"] == "pass").sum() == 14


def test_t04_dissatisfaction_rate_needs_another_denominator(tmp_path):
    # 宁国 12345: 不满意率 is not 不满意数 / 派遣; over 派遣 no whole count gives it in three rows
    profile = load_profile(REFERENCE, "corpus_ningguo_hotline")
    obvious = replace(profile, rates=(*profile.rates[:2], Rate("unhappy_rate", None, RatePart(("dispatched",)))))
    month = tidy_month(read_table(CORPUS / "t04.tsv", profile), obvious, Registry("", ()))
    ledger = ledger_frame(table_checks(month, obvious))
    feasible = ledger[ledger["check"] == "feasible:unhappy_rate = ? / dispatched"]
    assert feasible[["scope", "expected", "actual", "status"]].values.tolist() == [
        ["城管局", None, 8.0, "unverifiable"], ["卫健委", None, 5.0, "unverifiable"],
        ["市场监督管理局", None, 13.0, "unverifiable"], ["住建局", "9/99", 9.0, "pass"],
        ["公安局", "7/77", 9.0, "pass"]]
    assert feasible["message"].iloc[2] == ("市场监督管理局 13%：没有整数 k 使 k/41（总计）在印出精度内等于它"
                                          "（最接近 5/41 = 12.1951%），分母应为别的数")
    # declared over 派遣 with its numerator, every row fails and the column that fits is named
    with_numerator = replace(profile, rates=(Rate("unhappy_rate", RatePart(("unhappy",)), RatePart(("dispatched",))),))
    ledger = ledger_frame(table_checks(month, with_numerator))
    named = ledger[ledger["check"] == "rate_denominator:unhappy_rate"]
    assert named[["scope", "actual", "status"]].values.tolist() == [["派遣案件总数/12345热线/按时办结", 5, "warn"]]
    # the profile declares that denominator: all 70 figures are covered, nothing fails
    month, checks, ledger = checked("t04", "corpus_ningguo_hotline")
    assert not ledger["status"].isin(["fail", "warn"]).any()
    cells = printed_cells(month)
    assert (len(cells), len(covered_cells(month, checks) & cells)) == (70, 70)


@pytest.mark.parametrize("tid,profile,figures,covered", [
    ("t01", "corpus_tongchuan_mailbox", 46, 46), ("t02", "corpus_weinan_mailbox", 52, 52),
    ("t03", "corpus_hanzhong_mailbox", 148, 148), ("t13", "corpus_weinan_mailbox", 52, 52),
    ("t05", "corpus_foi_requests", 70, 70), ("t11", "corpus_foi_requests", 28, 28),
    ("t07", "corpus_foi_review", 15, 15), ("t10", "corpus_foi_proactive", 9, 0),
    ("t06", "corpus_panjin_hotline", 42, 30), ("t08", "corpus_yichun_hotline", 14, 14),
    ("t14", "corpus_gaoan_hotline", 35, 35), ("t19", "corpus_review_matters", 22, 22),
    ("t26", "corpus_review_by_unit", 59, 59),
    # one list folded into column groups: each group's cells and the 合计 at the foot count apart
    ("t24", "corpus_review_by_province", 33, 33), ("t25", "corpus_hubei_review", 24, 24)])
def test_corpus_tables_raise_no_false_failure_and_cover_their_figures(tid, profile, figures, covered):
    month, checks, ledger = checked(tid, profile)
    assert not ledger["status"].isin(["fail", "warn"]).any()
    cells = printed_cells(month)
    assert (len(cells), len(covered_cells(month, checks) & cells)) == (figures, covered)


def test_rates_printed_without_numerators_name_no_other_denominator_when_none_fits():
    # 高安 12345: 提前办结率 fits no whole number of 办件数量 on any of the five rows, and the
    # table's other counts (重新派发次数 3/1/0/0/0, 延期次数 all 0) cannot give it either
    month, checks, ledger = checked("t14", "corpus_gaoan_hotline")
    early = ledger[ledger["check"] == "feasible:early_rate = ? / tickets"]
    assert early[["scope", "actual", "difference", "status"]].values.tolist() == [
        ["市监局", 76.24, 0.153, "unverifiable"], ["城管局", 75.74, -0.0176, "unverifiable"],
        ["交警大队", 83.23, -0.1033, "unverifiable"], ["教体局", 72.96, 0.1339, "unverifiable"],
        ["住建局", 53.46, -0.3862, "unverifiable"]]
    assert early["message"].iloc[0].endswith("分母应为别的数")
    assert not ledger["check"].str.startswith("rate_denominator").any()
    # each infeasible row still compared its rate with its count: both are covered
    cells = covered_cells(month, checks)
    assert {(2, "early_rate"), (2, "tickets"), (3, "satisfaction_rate")} <= cells
    # 盘锦: 有效回访率 99.96% fits no whole number of 兴隆台区's 6530 cases; 知识库更新总数目
    # (16809) fits it, as counts that large fit any rate: luck, so it is not named
    _, _, ledger = checked("t06", "corpus_panjin_hotline")
    revisit = ledger[ledger["check"] == "feasible:revisit_rate = ? / assigned"]
    assert revisit[revisit["status"] == "unverifiable"]["scope"].tolist() == ["興隆臺區"]
    assert not ledger["check"].str.startswith("rate_denominator").any()


def uncovered(tid: str, profile: str) -> dict[str, list[int]]:
    """The rows of each header whose figures no check covers."""
    month, checks, _ = checked(tid, profile)
    rows: dict[str, list[int]] = {}
    for row, measure in sorted(printed_cells(month) - covered_cells(month, checks)):
        rows.setdefault(month.headers[measure], []).append(row)
    return rows


def test_the_figures_no_check_covers_are_the_standalone_ones():
    # the sidecars list them as standalone (a score, knowledge-base updates, amounts, decisions)
    sidecar = {t: yaml.safe_load((CORPUS / f"{t}.yaml").read_text("utf-8")) for t in ("t06", "t10", "t12")}
    assert {t: m["standalone_figures"] for t, m in sidecar.items()} == {"t06": 12, "t10": 9, "t12": 8}
    assert uncovered("t06", "corpus_panjin_hotline") == {"知識庫更新總數目": [2, 3, 4, 5, 6, 7], "評分": [2, 3, 4, 5, 6, 7]}
    assert uncovered("t10", "corpus_foi_proactive") == {
        "本年制发件数": [3, 4], "本年废止件数": [3, 4], "现行有效件数(历史累计)": [4], "本年处理决定数量": [7, 10, 11],
        "本年收费金额(单位:万元)": [14]}
    # t12's 上一年项目数量 and 本年增/减 are not standalone: a fall cannot exceed last year's items
    assert uncovered("t12", "corpus_foi_proactive") == {
        "本年新制作数量": [3, 4], "处理决定数量": [7, 8, 11, 12], "采购总金额": [18], "采购项目数量": [18]}


def test_t27_t28_transposed_shares_of_a_base_printed_in_prose():
    # 方城县 2024: 占新受理数比例 over 151 (printed in the page's first sentence, not the table)
    month, checks, ledger = checked("t27", "corpus_review_new_cases")
    assert month.transposed and month.headers == {"cases": "数量", "share": "占新受理数比例"}
    assert month.departments.loc[0, ["department", "source_row", "cases"]].tolist() == ["举报投诉处理", 2, 75]
    base = ledger[ledger["check"] == "rate_base:share"]
    assert base[["expected", "status"]].values.tolist() == [["151", "pass"]]
    flagged = ledger[ledger["status"].isin(["fail", "warn"])]
    assert flagged[["scope", "expected", "actual", "status"]].values.tolist() == [
        ["举报投诉处理", 49.6689, 49.66, "warn"], ["政府信息公开", 10.596, 10.59, "warn"],
        ["终止调查", 2.649, 2.64, "warn"]]
    month, checks, ledger = checked("t28", "corpus_review_new_cases")
    flagged = ledger[ledger["status"].isin(["fail", "warn"])]
    assert flagged[["scope", "expected", "actual", "status"]].values.tolist() == [["农业农村", 1.9868, 1.98, "warn"]]
    cells = printed_cells(month)
    assert (len(cells), len(covered_cells(month, checks) & cells)) == (18, 18)


def test_t20_shifted_total_column_fails_its_total_and_every_share():
    _, _, ledger = checked("t20", "corpus_review_matters")
    failed = ledger[ledger["status"] == "fail"]
    assert failed[COLUMNS].values.tolist()[0] == ["column_total", "数量", 33191, 221086, 187895, "error", "fail"]
    rates = failed[failed["check"] == "rate:share = cases / 合计.cases"]
    assert len(rates) == 11 and rates["scope"].iloc[-1] == "合计"
    assert rates["message"].iloc[9] == "其他 占比 = 数量 / 合计.数量：110543/33191 = 333.0511%，印为 100%，相差 -233.0511 个百分点"


def test_t08_signed_changes_and_shares_of_the_total_row():
    month, _, ledger = checked("t08", "corpus_yichun_hotline")
    assert month.departments["year_on_year"].tolist()[:2] == [0.1408, -0.0147]
    assert month.departments["department"].tolist()[0] == "县(市、区)及“三区”"
    summed = ledger[ledger["check"] == "share_sum:share"]
    assert summed[COLUMNS].values.tolist() == [["share_sum:share", "占比", 100.0, 100.0, 0, "error", "pass"]]
    # 同比/环比 imply last year's and last month's 转派工单; 流转中 prints “/”, its earlier count
    # is the remainder, which must not be negative (15390/1.1408 + 2013/0.9853 <= 18113/1.1334)
    growth = ledger[ledger["check"].str.startswith("growth:")]
    assert growth[COLUMNS].values.tolist() == [
        ["growth:year_on_year of orders", "合计", 15981.1, 15533.6, 0, "error", "pass"],
        ["growth:month_on_month of orders", "合计", 17227.5, 17032.7, 0, "error", "pass"]]
    assert "流转中 未印增幅，其上期为余数 446.2–449.0" in growth["message"].iloc[0]


T08_PRINTED = (CORPUS / "t08.tsv").read_text("utf-8")


@pytest.mark.parametrize("edit,expected,actual,difference", [
    # 流转中 printed with a change: every earlier count known, their sum must meet the total's
    (("流转中\t710\t3.92%\t/\t/", "流转中\t710\t3.92%\t58.63%\t264.10%"), 15981.1, 15981.1, 0),
    (("流转中\t710\t3.92%\t/\t/", "流转中\t710\t3.92%\t40.00%\t264.10%"), 15981.1, 16040.7, 59.6),
    # the total grew more than its rows allow: 流转中's earlier count would be negative
    (("13.34%", "20.34%"), 15051.5, 15533.6, 482.1),
])
def test_growth_of_the_rows_against_the_total_row(tmp_path, edit, expected, actual, difference):
    path = tmp_path / "t08.tsv"
    path.write_text(T08_PRINTED.replace(*edit), "utf-8")
    profile = load_profile(REFERENCE, "corpus_yichun_hotline")
    month = tidy_month(read_table(path, profile), profile, Registry("", (), {}, profile.folds))
    year = next(c for c in table_checks(month, profile) if c.check == "growth:year_on_year of orders")
    assert (year.expected, year.actual, year.difference) == (expected, actual, difference)
    assert year.status == ("pass" if difference == 0 else "fail")


def test_t05_categories_over_three_label_columns():
    # 龙岗区 FOI requests: 总计 = the six kinds of applicant, on every category row
    month, _, ledger = checked("t05", "corpus_foi_requests")
    assert month.departments["department"].tolist()[:4] == [
        "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果/(一)予以公开",
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"]
    assert month.headers["other_organisations"] == "其他"  # matched as 法人或其他组织/其他
    identity = ledger[ledger["check"].str.startswith("identity")]
    assert identity[["scope", "expected", "actual", "status"]].values.tolist()[0] == [
        "一、本年新收政府信息公开申请数量", 66, 66, "pass"]
    assert len(identity) == 10 and (identity["status"] == "pass").all()


def test_t12_tables_stacked_in_one_file_are_read_each_with_its_own_columns():
    # 文登区住建局: five small tables one under another, each with a title and its own header
    month, checks, ledger = checked("t12", "corpus_foi_proactive")
    rows = month.departments.set_index("department")
    assert rows.loc["规范性文件", ["newly_published", "published_total"]].tolist() == [8, 8]
    assert rows.loc["行政许可", ["last_year_items", "change", "decisions"]].tolist() == [716, -417, 298]
    assert pd.isna(rows.loc["行政许可", "published_total"])  # that table has no such column
    assert "row 5: '第二十条第(五)项' read as the title of the table under it" in month.notes
    # the bound is checked only on the rows of the table that has both columns
    bound = ledger[ledger["check"] == "bound:newly_published <= published_total"]
    assert bound[["scope", "expected", "actual", "status"]].values.tolist() == [
        ["规章", 0, 0, "pass"], ["规范性文件", 8, 8, "pass"]]
    # a fall in 本年增/减 cannot exceed 上一年项目数量 (716 - 417 = 299 items left)
    fall = ledger[ledger["check"] == "bound:-change <= last_year_items"]
    assert fall[["scope", "expected", "actual", "status"]].values.tolist() == [
        ["行政许可", 716, 417, "pass"], ["其他对外管理服务事项", 0, 0, "pass"], ["行政处罚", 3, -6, "pass"],
        ["行政强制", 0, 0, "pass"], ["行政事业性收费", 0, 0, "pass"]]
    cells = printed_cells(month)
    assert (len(cells), len(covered_cells(month, checks) & cells)) == (22, 14)


def test_t07_a_row_of_counts_with_no_column_of_names():
    # 文登区信访局: one row under a three-level header; row_label names it
    month, _, ledger = checked("t07", "corpus_foi_review")
    assert month.departments["department"].tolist() == ["本年度"]
    assert month.headers["direct_total"] == "行政诉讼/未经复议直接起诉/总计"
    identities = ledger[ledger["check"].str.startswith("identity")]
    assert identities[["scope", "expected", "actual", "status"]].values.tolist() == [
        ["本年度", 0, 0, "pass"], ["本年度", 0, 0, "pass"], ["本年度", 0, 0, "pass"]]
