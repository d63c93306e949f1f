"""Sentences and tables of the trends report: units of changes, columns left out when there is
nothing to compare with, and escaping."""

from __future__ import annotations

import pandas as pd

from govstats.measure.history import department_turnover
from govstats.measure.trends import department_ranks, district_trends
from govstats.render.trend_charts import month_ticks
from govstats.render.trend_html import (
    change_text,
    district_trend_html,
    month_summary,
    rank_text,
    turnover_html,
)
from tests.test_history import synthetic_history


def test_changes_carry_their_units():
    assert change_text("total", -1467, -0.02178) == "-1,467 件（-2.18%）"
    assert change_text("immediate_rate", -1.0577) == "-1.06 个百分点"
    assert change_text("departments", 1) == "+1 个"
    assert change_text("total", float("nan")) == "—"


def test_month_summary_and_table_of_consecutive_months():
    trends = district_trends(synthetic_history(["2020-01", "2020-02"]))
    # totals 100 -> 101, 即收即办 50 both months: 即办率 50.00% -> 49.50%
    assert month_summary(trends, "2020-02") == ("2020年2月：办理总数 101（比上月 +1 件（+1.00%））；"
                                                "即办率 49.50%（比上月 -0.50 个百分点）；"
                                                "网办率 0.99%（比上月 +0.99 个百分点）。")
    html = district_trend_html(trends)
    assert "办理总数环比" in html and "同比" not in html  # no month has its year-before month


def test_a_single_month_has_no_change_columns_and_says_why():
    trends = district_trends(synthetic_history(["2020-07"]))
    assert "环比" not in district_trend_html(trends)
    assert month_summary(trends, "2020-07").endswith("上月没有数据，无法计算环比。")


def test_rank_text_and_turnover_are_escaped():
    history = pd.DataFrame({"district": "d", "month": ["2020-01", "2020-01", "2020-02", "2020-02"],
                            "department": ["甲", "<b>乙</b>", "甲", "丙"],
                            "published_name": ["甲", "<b>乙</b>", "甲局", "丙"], "total": [5, 9, 7, 3]})
    ranks = department_ranks(history)
    assert rank_text(ranks[ranks["month"] == "2020-02"].set_index("department"), "甲") == "第 1 名（↑1）"
    html = turnover_html(department_turnover(history))
    assert "&lt;b&gt;乙&lt;/b&gt;" in html and "<b>" not in html
    assert "甲 → 甲局" in html and "新出现" in html and "未再出现" in html


def test_month_ticks_name_the_year_at_the_start_and_each_january():
    assert month_ticks(["2020-11", "2020-12", "2021-01", "2021-02"]) == ["2020年11月", "12月", "2021年1月", "2月"]
