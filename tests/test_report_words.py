"""The report speaks the table's words: title, headline card, intro and check names come from
the profile and the table's own headers; rates show as percentages."""

from __future__ import annotations

from pathlib import Path

import builders

from govstats.ingest.table import read_table
from govstats.month import analyse
from govstats.reference.profiles import profile_from_mapping
from govstats.reference.registry import Registry
from govstats.render import month_html

HOTLINE = {
    "name": "hotline", "title": "12345热线诉求办理情况报告", "unit_column": ["受理单位"],
    "measures": {"total": ["交办总量"], "done": ["已办结"], "open": ["办理中"], "done_rate": ["办结率"]},
    "measure_kinds": {"done_rate": "percent"},
    "identities": ["total = done + open"],
    "rates": [{"rate": "done_rate", "numerator": "done", "denominator": "total"}],
}
ROWS = [["受理单位", "交办总量", "已办结", "办理中", "办结率"],
        ["市监局", "120", "100", "20", "83.33%"], ["城管局", "80", "60", "21", "75.00%"],
        ["合计", "200", "160", "41", "80.00%"]]


def hotline_analysis(tmp_path: Path, data: dict = HOTLINE):
    profile = profile_from_mapping(data, tmp_path / "hotline.yaml")
    raw = read_table(builders.write_csv(tmp_path / "table.csv", ROWS, "utf-8"))
    return analyse(raw, profile, Registry("", ()), district="hotline", district_name="示例市", month="2024-05")


def test_the_reference_report_keeps_its_words(sample_analysis):
    assert sample_analysis.title == "綦江区 2020年7月 政务服务办件统计报告"
    assert month_html.intro_html(sample_analysis) == (
        "<p>办理总数为各部门办件之和；即办率 = 即收即办 / 办理总数，网办率 = 网上办理 / 办理总数；\n"
        "中心、部门、基层办理占比之和为 100%；集中度为办件量最多的 3 个、10 个部门所占份额。</p>")
    assert "参考表格式为“办理总数 = 中心办理 + 部门办理 + 基层办理”" in month_html.checks_intro_html(sample_analysis)
    assert "<div class='k'>办理总数</div>" in month_html.headline_html(sample_analysis)


def test_a_hotline_report_is_titled_and_named_in_its_own_words(tmp_path):
    analysis = hotline_analysis(tmp_path)
    assert analysis.title == "示例市 2024年5月 12345热线诉求办理情况报告"
    cards = month_html.headline_html(analysis)
    assert "<div class='k'>交办总量</div>" in cards and "办理总数" not in cards
    assert "<div class='v'>200</div>" in cards


def test_rates_show_as_printed_percentages(tmp_path):
    table = month_html.departments_html(hotline_analysis(tmp_path))
    assert "<td>83.33%</td>" in table and "<td>75.00%</td>" in table
    assert "83.33<" not in table.replace("83.33%<", "")


def test_rates_printed_as_fractions_show_as_percentages(tmp_path):
    rows = [[c.replace("83.33%", "0.8333").replace("75.00%", "0.75").replace("80.00%", "0.8") for c in r] for r in ROWS]
    profile = profile_from_mapping(HOTLINE, tmp_path / "hotline.yaml")
    raw = read_table(builders.write_csv(tmp_path / "fractions.csv", rows, "utf-8"))
    analysis = analyse(raw, profile, Registry("", ()), district="hotline", district_name="示例市", month="2024-05")
    table = month_html.departments_html(analysis)
    assert "<td>83.33%</td>" in table and "<td>75%</td>" in table and "0.8333" not in table


def test_checks_are_named_in_the_tables_words(tmp_path):
    analysis = hotline_analysis(tmp_path)
    ledger = month_html.ledger_html(analysis.ledger, analysis.table.headers)
    # 城管局 80 ≠ 60 + 21 and the 合计 row 200 ≠ 160 + 41 fail; 市监局's pass is counted below them
    assert ledger.count("<td>行内恒等式：交办总量 = 已办结 + 办理中</td>") == 3
    assert "<td>比率按所印位数核对：办结率 = 已办结 / 交办总量</td>" in ledger  # a passing rate, counted
    assert "total = done + open" not in ledger


def test_words_said_from_the_profile_when_it_gives_none(tmp_path):
    analysis = hotline_analysis(tmp_path, {k: v for k, v in HOTLINE.items() if k != "title"})
    assert analysis.title == "示例市 2024年5月 政务服务办件统计报告"
    assert month_html.intro_html(analysis) == (
        "<p>交办总量为表中各行之和；表中所印比率：办结率 = 已办结 / 交办总量；比率均按表中所印位数核对。</p>")
    assert "表格式规定的“交办总量 = 已办结 + 办理中”" in month_html.checks_intro_html(analysis)
