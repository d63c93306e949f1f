"""Figures in Chinese prose: values, units, offsets, and numbers that are not figures."""

from __future__ import annotations

import pytest

from govstats.checks.claims.figures import find_figures
from govstats.checks.claims.numbers import (
    chinese_numeral,
    normalize_chars,
    parse_number,
    round_half_up,
    truncate,
)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("共受理84781件", 84781, "件"),
        ("共受理84,781件", 84781, "件"),
        ("共受理８４７８１件", 84781, "件"),
        ("办件8.48万件", 84800, "件"),
        ("资金1,123.8万元", 11_238_000, "元"),
        ("总评价量 136.2 万件", 1_362_000, "件"),
        ("占95.4%", 95.4, "%"),
        ("占９５．４％", 95.4, "%"),
        ("占百分之九十五点四", 95.4, "%"),
        ("满意率百分之百", 100, "%"),
        ("回访群众230名", 230, "名"),
        ("助力4498家市场主体", 4498, "家"),
        ("参训2600人次", 2600, "人次"),
    ],
)
def test_figure_value_and_unit(text: str, value: float, unit: str) -> None:
    (figure,) = find_figures(text)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert text[figure.start:figure.end] == figure.text


@pytest.mark.parametrize(
    "text",
    [
        "7月6日，我办举办培训",
        "2020年8月6日印发",
        "綦政服〔2020〕12号",
        "重庆市人民政府第335号令",
        "一是加强领导；1.加大数据汇聚",
        "咨询电话：023-48661234，12345热线",
        "年满60周岁的老人，35岁以下",
        "1—9 月",
        "用时3个月",
    ],
)
def test_numbers_without_a_counting_unit_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_offsets_point_into_the_original_text_with_full_width_characters() -> None:
    text = "（其中，互联网申请４３８４０件，窗口申请155件）"
    figures = find_figures(text)
    assert [text[f.start:f.end] for f in figures] == ["４３８４０件", "155件"]
    assert len(normalize_chars(text)) == len(text)


def test_printed_precision_and_approximate_figures() -> None:
    wan, exact, approx, bound = find_figures("8.48万件，84781件，85万余件，满意率达99.9%以上")
    assert (wan.decimals, wan.resolution) == (2, 50)
    assert (exact.decimals, exact.resolution, exact.approx) == (0, 0, False)
    assert approx.value == 850_000 and approx.approx
    assert bound.decimals == 1 and bound.approx


def test_parse_number_and_rounding() -> None:
    assert parse_number("1,123.8万") == 11_238_000
    assert parse_number("６７３５４") == 67354
    assert chinese_numeral("九十五点四") == 95.4
    assert round_half_up(81.96078, 1) == 82.0
    assert round_half_up(0.125, 2) == 0.13
    assert truncate(81.96078, 1) == 81.9
    with pytest.raises(ValueError, match="not a number"):
        parse_number("八千")


def test_thousands_set_apart_by_spaces_are_one_number() -> None:
    # Hong Kong reports print 1 382 685; the groups after the first are of three digits
    figures = find_figures("電話859 836宗，總數1 382 685宗，另有2020 年的12件。")
    assert [(f.value, f.text) for f in figures] == [(859836, "859 836宗"), (1382685, "1 382 685宗"), (12, "12件")]
    # a day or an ordinal before the space is no head of the number
    assert [f.value for f in find_figures("截至12月31 200件，第1 234件。")] == [200, 234]


def test_estimates_before_a_count_and_counts_in_words_of_custom() -> None:
    assert [(f.value, f.approx) for f in find_figures("由约 570人运作，续约12家，逾两万宗。")] == [
        (570, True), (12, False), (20000, True)]
    # 一万五 says 15000 only by custom: not read (一万零五 is 10005)
    assert [f.value for f in find_figures("收到来信一万五件，另有一万零五件。")] == [10005]


def test_a_share_printed_without_its_sign_right_after_zhan() -> None:
    figures = find_figures("咨询47327件，占31.7；表扬65件，占0.04。")
    assert [(f.value, f.unit) for f in figures] == [(47327, "件"), (31.7, "%"), (65, "件"), (0.04, "%")]
    # 占 inside a word, or before a count, is no share
    assert [f.unit for f in find_figures("侵占3件，占地12亩，占用5。")] == ["件", "亩"]
