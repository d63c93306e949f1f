"""The month a bulletin or a table title states, and the ledger record when the folder disagrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from govstats.checks.ledger import ledger_frame
from govstats.checks.stated_month import stated_month_check
from govstats.ingest.metadata import stated_month

ROOT = Path(__file__).resolve().parents[1]
BULLETIN = Path(__file__).parent / "data" / "split_month" / "2020-07" / "bulletin.txt"


@pytest.mark.parametrize(("text", "month"), [
    ("重庆市綦江区政务服务管理办公室 2020年7月部门政务服务绩效考核通报", "2020-07"),
    ("现将2020年7月份政务服务绩效考核情况通报如下：", "2020-07"),
    ("2020 年 12 月份行政审批服务办件情况表", "2020-12"),
    ("２０２０年１０月", "2020-10"),
    ("二〇二〇年七月份办件情况", "2020-07"),
    ("2020年8月6日", None),  # a date is when it was issued, not what it reports
    ("2021年1—9月政务服务工作情况", None),  # a range is not a month
    ("关于綦江区 2022 年三季度政务服务工作情况通报", None),
    ("7 月份行政审批服务办件情况表", None),  # no year
])
def test_stated_month(text, month):
    assert stated_month(text) == month


def test_a_title_with_only_the_month_takes_a_default_year():
    assert stated_month("7 月份行政审批服务办件情况表", default_year=2020) == "2020-07"


def test_a_date_in_the_body_is_not_the_reported_month():
    text = "关于綦江区 2022 年三季度政务服务工作情况通报\n" + "正文。" * 40 + "\n改革自2021年9月实施以来成效明显。"
    assert stated_month(text) is None


def test_the_sample_bulletin_states_july_2020():
    assert stated_month(BULLETIN.read_text(encoding="utf-8")) == "2020-07"


def test_a_file_in_the_wrong_month_folder_fails_in_the_ledger():
    text = BULLETIN.read_text(encoding="utf-8")
    check = stated_month_check("2020-08", text, source="qijiang/2020-08/bulletin.txt", profile="reference")
    assert (check.status, check.severity, check.expected, check.actual) == ("fail", "error", "2020-08", "2020-07")
    assert "放错了文件夹" in check.message and "所述期间为 2020年7月" in check.message
    agree = stated_month_check("2020-07", text, source="bulletin.txt")
    assert agree.status == "pass"
    assert stated_month_check("2020-07", "本月无通报标题") is None
    assert ledger_frame([check, agree])["status"].tolist() == ["fail", "pass"]


def test_a_table_title_is_read_with_the_folder_year():
    check = stated_month_check("2020-06", "7 月份行政审批服务办件情况表", source="table.xlsx")
    assert (check.status, check.actual) == ("fail", "2020-07")
