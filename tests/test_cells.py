"""Cell text as published: one meaning for each way a number or a label is written."""

from __future__ import annotations

import pytest

from govstats.cells import is_blank, is_empty, normalize_label, parse_count, parse_decimal, parse_percent


@pytest.mark.parametrize(("text", "value"), [
    ("15467", 15467), ("１５４６７", 15467), ("15,467", 15467), ("１５，４６７", 15467),
    (" 15467 ", 15467), ("15467件", 15467), ("15467.0", 15467), ("1.2万", 12000),
    ("1,123.8万", 11238000), ("１.２万", 12000), ("0", 0), ("-5", -5),
    ("", None), ("—", None), ("-", None), ("/", None), ("——", None), ("－", None),
])
def test_parse_count(text, value):
    assert parse_count(text) == value


@pytest.mark.parametrize("text", ["12.5", "约12000", "1.23456万", "N/A", "15467人"])
def test_parse_count_names_the_text_it_refuses(text):
    with pytest.raises(ValueError, match=f"'{text}' is not a whole number"):
        parse_count(text)


@pytest.mark.parametrize(("text", "value"), [
    ("100%", 1.0), ("99.6%", 0.996), ("99.6％", 0.996), ("95.36 %", 0.9536), ("99.6", 0.996),
    ("—", None), ("", None),
])
def test_parse_percent(text, value):
    assert parse_percent(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("2.35", 2.35), ("2.35天", 2.35), ("３.５个工作日", 3.5), ("0", 0.0), ("/", None)])
def test_parse_decimal(text, value):
    assert parse_decimal(text) == value


def test_zero_is_a_value_and_a_dash_is_not():
    assert parse_count("0") == 0 and not is_blank("0")
    assert is_blank("—") and not is_empty("—") and is_empty(" \u3000")


@pytest.mark.parametrize(("text", "label"), [
    ("合 计", "合计"), ("营商环境 建设局", "营商环境建设局"), ("受理\n件数", "受理件数"),
    ("办理总数（件）", "办理总数(件)"), ("\u200b区公安局\u3000", "区公安局"), ("總計", "總計"),
])
def test_normalize_label(text, label):
    assert normalize_label(text) == label
