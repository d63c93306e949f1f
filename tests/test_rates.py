"""Rate and share columns checked at their printed precision; feasibility when they cannot be
reproduced. Small tables of our own, each asserting the exact ledger records."""

from __future__ import annotations

from pathlib import Path

import builders
import pytest

from govstats.checks.ledger import ledger_frame
from govstats.checks.rates import rate_checks
from govstats.clean.month import tidy_month
from govstats.errors import InputError
from govstats.ingest.table import read_table
from govstats.reference.profiles import profile_from_mapping
from govstats.reference.registry import Registry

COLUMNS = ["check", "scope", "expected", "actual", "difference", "severity", "status"]


def profile_of(**extra):
    data = {"name": "rates", "unit_column": ["单位"], "measure_kinds": {}, **extra}
    data["measure_kinds"] = {**{r["rate"]: "percent" for r in data.get("rates", [])}, **data["measure_kinds"]}
    return profile_from_mapping(data, Path("rates.yaml"))


def records(tmp_path, rows, profile):
    path = builders.write_csv(tmp_path / "table.csv", rows, "utf-8")
    month = tidy_month(read_table(path), profile, Registry("", ()))
    return ledger_frame(rate_checks(month, profile)), month


COMPLETION = profile_of(measures={"received": ["受理"], "completed": ["办结"], "rate": ["办结率"]},
                        rates=[{"rate": "rate", "numerator": "completed", "denominator": "received"}])


def test_rate_column_with_a_truncated_and_a_wrong_row(tmp_path):
    rows = [["单位", "受理", "办结", "办结率"],
            ["甲局", "1000", "969", "96%"],      # 96.9% cut off to 96%: truncation
            ["乙局", "200", "150", "80%"],       # 75%: wrong by 5 points
            ["丙局", "40", "39", "97.5%"],
            ["合计", "1240", "1158", "93.39%"]]  # 93.3871%
    ledger, _ = records(tmp_path, rows, COMPLETION)
    name = "rate:rate = completed / received"
    assert ledger[COLUMNS].values.tolist() == [
        [name, "乙局", 75.0, 80.0, 5.0, "error", "fail"],
        [name, "甲局", 96.9, 96.0, -0.9, "warning", "warn"],
        [name, "丙局", 97.5, 97.5, 0, "error", "pass"],
        [name, "合计", 93.3871, 93.39, 0, "error", "pass"],
        # the wrong row: whole numerators over its 200 cases that would print 80%
        ["feasible:rate = completed / received", "乙局", "159..161/200", 80.0, 0, "info", "pass"],
    ]
    messages = ledger.set_index("scope")["message"]
    assert "截断值（四舍五入应为 97%）" in messages["甲局"]
    assert messages["乙局"].iloc[0] == "乙局 办结率 = 办结 / 受理：150/200 = 75.0000%，印为 80%，相差 +5.0000 个百分点"


def test_rate_that_only_reproduces_with_another_denominator(tmp_path):
    profile = profile_of(
        measures={"dispatched": ["派遣"], "visited": ["回访"], "unhappy": ["不满意"], "rate": ["不满意率"]},
        rates=[{"rate": "rate", "numerator": "unhappy", "denominator": "dispatched"}])
    rows = [["单位", "派遣", "回访", "不满意", "不满意率"],
            ["甲局", "99", "89", "8", "9%"],    # 8/99 = 8.08%, 8/89 = 8.99%
            ["乙局", "77", "70", "6", "9%"],    # 6/77 = 7.79%, 6/70 = 8.57%
            ["丙局", "41", "38", "5", "13%"]]   # 5/41 = 12.20%, 5/38 = 13.16%
    ledger, _ = records(tmp_path, rows, profile)
    got = ledger[COLUMNS].values.tolist()
    rate, feasible = "rate:rate = unhappy / dispatched", "feasible:rate = unhappy / dispatched"
    assert got == [
        [rate, "甲局", 8.0808, 9.0, 0.9192, "error", "fail"],
        [rate, "乙局", 7.7922, 9.0, 1.2078, "error", "fail"],
        [rate, "丙局", 12.1951, 13.0, 0.8049, "error", "fail"],
        ["rate_denominator:rate", "回访", "回访", 3, None, "warning", "warn"],
        # no whole number of the 41 cases gives 13% (5/41 = 12.20%, 6/41 = 14.63%)
        [feasible, "丙局", None, 13.0, 0.8049, "warning", "unverifiable"],
        [feasible, "甲局", "9/99", 9.0, 0, "info", "pass"],
        [feasible, "乙局", "7/77", 9.0, 0, "info", "pass"],
    ]
    messages = ledger.set_index("scope")["message"]
    assert messages["丙局"].iloc[1].endswith("分母应为别的数")
    assert messages["回访"] == "“不满意率”在全部 3 行都等于 不满意 / 回访，分母应是这一列"


def test_rate_without_a_printed_numerator_is_checked_for_feasibility(tmp_path):
    profile = profile_of(measures={"dispatched": ["派遣"], "rate": ["满意率"]},
                         rates=[{"rate": "rate", "denominator": "dispatched"}])
    rows = [["单位", "派遣", "满意率"], ["甲局", "322", "76.24%"], ["乙局", "7", "50.00%"]]
    ledger, _ = records(tmp_path, rows, profile)
    assert ledger[COLUMNS].values.tolist() == [
        # 245/322 = 76.09%, 246/322 = 76.40%: no whole count prints 76.24%
        ["feasible:rate = ? / dispatched", "甲局", None, 76.24, 0.153, "warning", "unverifiable"],
        ["feasible:rate = ? / dispatched", "乙局", None, 50.0, 7.1429, "warning", "unverifiable"],
    ]
    rows = [["单位", "派遣", "满意率"], ["甲局", "4226", "98.06%"]]  # 4144/4226 = 98.0596%
    ledger, _ = records(tmp_path, rows, profile)
    assert ledger[COLUMNS].values.tolist() == [
        ["feasible:rate = ? / dispatched", "甲局", "4144/4226", 98.06, 0, "info", "pass"]]


def test_rate_without_a_numerator_names_the_count_column_it_fits(tmp_path):
    # 满意率 is printed over 办结, declared over 受理: no row is feasible over 受理, every row is
    # over 办结 (6/7, 11/13, 27/29, 38/41), and 咨询量 fits any rate (counts in the thousands)
    profile = profile_of(measures={"received": ["受理"], "completed": ["办结"], "asked": ["咨询量"], "rate": ["满意率"]},
                         rates=[{"rate": "rate", "denominator": "received"}])
    rows = [["单位", "受理", "办结", "咨询量", "满意率"],
            ["甲局", "9", "7", "12000", "85.7%"], ["乙局", "15", "13", "15000", "84.6%"],
            ["丙局", "33", "29", "21000", "93.1%"], ["丁局", "47", "41", "18000", "92.7%"]]
    ledger, _ = records(tmp_path, rows, profile)
    feasible = "feasible:rate = ? / received"
    assert ledger[COLUMNS].values.tolist() == [
        ["rate_denominator:rate", "办结", "办结", 4, None, "warning", "warn"],
        [feasible, "甲局", None, 85.7, -3.1889, "warning", "unverifiable"],   # 8/9 = 88.89%
        [feasible, "乙局", None, 84.6, -2.0667, "warning", "unverifiable"],   # 13/15 = 86.67%
        [feasible, "丙局", None, 93.1, -0.8394, "warning", "unverifiable"],   # 31/33 = 93.94%
        [feasible, "丁局", None, 92.7, -0.9170, "warning", "unverifiable"],   # 44/47 = 93.62%
    ]
    assert ledger["message"].iloc[0] == ("“满意率”在全部 4 行都可由整数分子除以 办结 得到（偶然如此的机会约 1e-07），"
                                        "分母应是这一列")
    # one row that fits no column of the table: none is named
    rows[4] = ["丁局", "47", "41", "18000", "92.8%"]
    ledger, _ = records(tmp_path, rows, profile)
    assert "rate_denominator:rate" not in ledger["check"].tolist()
    # a column of large counts alone fits every row by chance: it is not named
    rows = [["单位", "受理", "咨询量", "满意率"], ["甲局", "9", "12000", "85.7%"], ["乙局", "15", "15000", "84.6%"]]
    ledger, _ = records(tmp_path, rows, profile_of(
        measures={"received": ["受理"], "asked": ["咨询量"], "rate": ["满意率"]}, rates=[{"rate": "rate", "denominator": "received"}]))
    assert ledger["status"].tolist() == ["unverifiable", "unverifiable"]


@pytest.mark.parametrize("cells,precision", [
    (["98%", "75%", "87%"], "%"),                 # integer percents with the sign
    (["98", "75", "87"], "points"),               # integer percents under a 办结率(%) header
    (["98.0", "75.0", "86.7"], "points"),         # one decimal
    (["0.98", "0.75", "0.87"], "fraction"),       # fractions, read as 98%
])
def test_printed_forms_of_a_rate_are_read(tmp_path, cells, precision):
    rows = [["单位", "受理", "办结", "办结率"], ["甲局", "50", "49", cells[0]], ["乙局", "4", "3", cells[1]],
            ["合计", "54", "52", cells[2]]]  # 52/54 = 96.30%: every form of 87 is wrong
    ledger, month = records(tmp_path, rows, COMPLETION)
    assert month.departments["rate"].tolist() == [0.98, 0.75]
    assert month.fraction_rates == (("rate",) if precision == "fraction" else ())
    rates = ledger[ledger["check"].str.startswith("rate:")]
    assert rates.set_index("scope")["status"].to_dict() == {"甲局": "pass", "乙局": "pass", "合计": "fail"}
    total = rates[rates["scope"] == "合计"].iloc[0]
    assert total["expected"] == 96.2963 and total["actual"] == pytest.approx(float(cells[2].rstrip("%")) * (100 if precision == "fraction" else 1))


def test_share_of_the_total_row(tmp_path):
    profile = profile_of(measures={"orders": ["转派工单"], "share": ["占比"], "yoy": ["同比"]},
                         measure_kinds={"yoy": "percent"}, signed=["yoy"],
                         rates=[{"rate": "share", "numerator": "orders", "denominator": {"total_row": "orders"}}])
    rows = [["单位", "转派工单", "占比", "同比"],
            ["县区", "15390", "84.97%", "14.08%"], ["市直单位", "2013", "11.11%", "-1.47%"],
            ["流转中", "710", "3.92%", "/"], ["总计", "18113", "100%", "13.34%"]]
    ledger, month = records(tmp_path, rows, profile)
    assert month.departments["yoy"].tolist()[:2] == [0.1408, -0.0147]  # signed: a fall, not an error
    assert ledger[["scope", "expected", "actual", "status"]].values.tolist()[:4] == [
        ["县区", 84.9666, 84.97, "pass"], ["市直单位", 11.1136, 11.11, "pass"],
        ["流转中", 3.9198, 3.92, "pass"], ["合计", 100.0, 100.0, "pass"]]
    assert set(ledger["check"]) == {"rate:share = orders / 合计.orders", "share_sum:share"}
    (summed,) = ledger[ledger["check"] == "share_sum:share"][COLUMNS].values.tolist()
    assert summed == ["share_sum:share", "占比", 100.0, 100.0, 0, "error", "pass"]


def test_negative_value_outside_a_signed_column_is_refused(tmp_path):
    rows = [["单位", "受理", "办结", "办结率"], ["甲局", "-5", "3", "60%"]]
    with pytest.raises(InputError, match=r"row 2, column 2 \(受理\): negative value -5"):
        records(tmp_path, rows, COMPLETION)


@pytest.mark.parametrize("rate,problem", [
    ({"rate": "rate", "numerator": "completed"}, "needs a denominator"),
    ({"rate": "rate", "numerator": "completed", "denominator": "nope"}, "does not define: nope"),
    ({"rate": "rate", "denominator": {"row": "received"}}, "a rate part must be"),
    ({"rate": "completed", "numerator": "completed", "denominator": "received"}, "must be a percent measure"),
])
def test_malformed_rates_are_refused_naming_the_profile(rate, problem):
    with pytest.raises(InputError, match=problem):
        profile_from_mapping({"unit_column": ["单位"], "measure_kinds": {"rate": "percent"},
                              "measures": {"received": ["受理"], "completed": ["办结"], "rate": ["办结率"]},
                              "rates": [rate]}, Path("rates.yaml"))


def test_shares_that_do_not_add_up_to_the_total_share_fail(tmp_path):
    profile = profile_of(measures={"orders": ["转派工单"], "share": ["占比"]},
                         rates=[{"rate": "share", "numerator": "orders", "denominator": {"total_row": "orders"}}])
    rows = [["单位", "转派工单", "占比"], ["县区", "300", "75.0%"], ["市直", "100", "35.0%"], ["总计", "400", "100%"]]
    ledger, _ = records(tmp_path, rows, profile)
    assert ledger[COLUMNS].values.tolist()[:2] == [
        ["rate:share = orders / 合计.orders", "市直", 25.0, 35.0, 10.0, "error", "fail"],
        ["share_sum:share", "占比", 100.0, 110.0, 10.0, "error", "fail"]]


def test_a_whole_one_in_a_column_of_fractions_is_read_at_the_column_precision(tmp_path):
    rows = [["单位", "受理", "办结", "办结率"], ["甲局", "50", "49", "0.98"], ["乙局", "40", "39", "1"]]
    ledger, month = records(tmp_path, rows, COMPLETION)
    assert month.departments["rate"].tolist() == [0.98, 1.0]
    # 39/40 = 97.5%: "1" means 100% at whole percents, so it is wrong, not within +-50 points
    assert ledger[COLUMNS].values.tolist()[0] == ["rate:rate = completed / received", "乙局", 97.5, 100.0, 2.5,
                                                   "error", "fail"]


SHARE_OF_INTAKE = profile_of(measures={"cases": ["件数"], "share": ["占受理数比例"]},
                             rates=[{"rate": "share", "numerator": "cases", "denominator": {"base": "受理数"}}])


def test_a_share_of_a_base_the_table_does_not_print_finds_the_base(tmp_path):
    rows = [["单位", "件数", "占受理数比例"],
            ["甲所", "41", "13.66%"],   # 41/300 = 13.6667%, cut off
            ["乙所", "33", "11.00%"],   # only 300 gives 11.00% for 33 and 13.6x% for 41
            ["丙所", "50", "16.67%"],
            ["丁所", "0", "0"]]
    ledger, _ = records(tmp_path, rows, SHARE_OF_INTAKE)
    name = "rate:share = cases / [受理数]"
    assert ledger[COLUMNS].values.tolist() == [
        [name, "甲所", 13.6667, 13.66, -0.0067, "warning", "warn"],
        [name, "乙所", 11.0, 11.0, 0, "error", "pass"],
        [name, "丙所", 16.6667, 16.67, 0, "error", "pass"],
        [name, "丁所", 0.0, 0.0, 0, "error", "pass"],
        ["rate_base:share", "占受理数比例", "300", None, None, "info", "pass"],
    ]
    messages = ledger.set_index("scope")["message"]
    assert messages["占受理数比例"] == "“占受理数比例”的分母（受理数）表中未印出：由各行推得为 300（有的行须为截断值）"
    assert messages["甲所"] == ("甲所 占受理数比例 = 件数 / 受理数：41/300 = 13.6667%，印为 13.66%，"
                              "是截断值（四舍五入应为 13.67%）")


def test_shares_no_single_base_gives_fail_once(tmp_path):
    rows = [["单位", "件数", "占受理数比例"], ["甲所", "10", "50.00%"], ["乙所", "10", "25.00%"]]
    ledger, _ = records(tmp_path, rows, SHARE_OF_INTAKE)
    assert ledger[COLUMNS].values.tolist() == [
        ["rate_base:share", "占受理数比例", None, None, None, "error", "fail"]]


def test_shares_that_round_for_a_range_of_bases_all_pass(tmp_path):
    rows = [["单位", "件数", "占受理数比例"], ["甲所", "1", "5%"]]  # 1/19 .. 1/22 all print 5%
    ledger, _ = records(tmp_path, rows, SHARE_OF_INTAKE)
    assert ledger[COLUMNS].values.tolist() == [
        ["rate:share = cases / [受理数]", "甲所", 5.2632, 5.0, 0, "error", "pass"],
        ["rate_base:share", "占受理数比例", "19..22", None, None, "info", "pass"]]


def test_a_base_rate_needs_a_numerator_on_the_row():
    with pytest.raises(InputError, match="over a base the table does not print needs a numerator"):
        profile_of(measures={"share": ["比例"]}, rates=[{"rate": "share", "denominator": {"base": "受理数"}}])


def test_one_row_that_breaks_the_base_of_all_others_fails_by_name(tmp_path):
    rows = [["单位", "件数", "占受理数比例"],
            ["甲所", "41", "13.67%"], ["乙所", "33", "11.00%"], ["丙所", "50", "16.67%"],
            ["丁所", "60", "25.00%"]]  # 60/300 is 20.00%: no base gives all four, 300 gives the rest
    ledger, _ = records(tmp_path, rows, SHARE_OF_INTAKE)
    name = "rate:share = cases / [受理数]"
    assert ledger[COLUMNS].values.tolist() == [  # failures first
        [name, "丁所", 20.0, 25.0, 5.0, "error", "fail"],
        [name, "甲所", 13.6667, 13.67, 0, "error", "pass"],
        [name, "乙所", 11.0, 11.0, 0, "error", "pass"],
        [name, "丙所", 16.6667, 16.67, 0, "error", "pass"],
        ["rate_base:share", "占受理数比例", "300", None, None, "info", "pass"]]
    assert ledger.set_index("scope")["message"]["占受理数比例"] == (
        "“占受理数比例”的分母（受理数）表中未印出：由各行推得为 300（丁所一行除外，它与其余各行都不相符）")


def test_two_rows_that_each_fit_alone_name_both_suspects(tmp_path):
    rows = [["单位", "件数", "占受理数比例"], ["甲所", "10", "50.00%"], ["乙所", "10", "25.00%"]]
    ledger, _ = records(tmp_path, rows, SHARE_OF_INTAKE)
    assert ledger.set_index("scope")["message"]["占受理数比例"].endswith("；去掉其中任一行（甲所、乙所）其余各行即可成立")
