"""The sentence shapes of real bulletins (made-up figures, verdicts worked out by hand): open units,
lists under 其中/headings/分别为/status splits, one whole per list, named wholes, qualified rates,
bounds between measures, changes listed, traditional characters, and no sum from coincidence."""

from __future__ import annotations

import pytest

from govstats.checks.claims.extract import extract_claims
from govstats.checks.claims.figures import find_figures
from govstats.checks.claims.records import Claim
from govstats.paths import CODE_ROOT
from govstats.reference.characters import load_folds
from govstats.reference.claim_rules import load_measures, load_rates

REFERENCE = CODE_ROOT / "data" / "reference"
RULES = (load_rates(REFERENCE), load_measures(REFERENCE), load_folds(REFERENCE))


def claims(text: str) -> list[Claim]:
    return extract_claims(text, *RULES)


def readings(text: str) -> list[tuple[str, float, str, str]]:
    """(kind, stated, formula, verdict) of every claim, sorted."""
    return sorted((c.kind, c.stated, c.formula, c.verdict) for c in claims(text))


def test_counts_in_tiao_and_bi_are_read_and_codes_are_not():
    figures = find_figures("收到评价1,250条，缴费30笔，派单12单，第3名，〔2020〕12号，热线12345，2024年3月。")
    assert [(f.value, f.unit) for f in figures] == [(1250, "条"), (30, "笔"), (12, "单")]


def test_bracket_list_in_tiao_is_a_sum():
    assert readings("本季度共收到办事评价1,250条（窗口评价800条、网上评价450条）。") == [
        ("sum", 1250, "800 + 450", "pass")]


def test_inline_qizhong_list_is_a_sum():
    assert readings("本月共登记事项4200件，其中即时办理1500件，承诺办理2700件。") == [
        ("sum", 4200, "1500 + 2700", "pass")]


def test_heading_list_in_the_next_sentence_belongs_to_the_total_before():
    assert readings("一季度共办理事项900件。分窗口看，综合窗口600件，专业窗口200件，自助终端100件。") == [
        ("sum", 900, "600 + 200 + 100", "pass")]


def test_status_split_is_a_sum_and_a_bound():
    assert readings("本月收到上级交办件350件，已办结290件，尚在办理60件。") == [
        ("bound", 290, "290 ≤ 350", "pass"), ("sum", 350, "290 + 60", "pass")]


def test_fenbiewei_list_is_a_sum():
    assert readings("本月逾期未办结37件，分别为：甲局9件、乙局23件、丙街道5件。") == [
        ("sum", 37, "9 + 23 + 5", "pass")]


def test_shares_in_a_heading_list_use_the_list_whole():
    found = readings("本年度共收到意见建议180件。按主题分，教育45件（25.0%），养老63件（36.0%），其他72件（40.0%）。")
    assert found == [("share", 25.0, "45 / 180", "pass"), ("share", 36.0, "63 / 180", "fail"),
                     ("share", 40.0, "72 / 180", "pass"), ("sum", 180, "45 + 63 + 72", "pass")]
    (wrong,) = [c for c in claims("本年度共收到意见建议180件。按主题分，养老63件（36.0%）。") if c.unit == "%"]
    assert wrong.difference == -1.0  # 63/180 = 35.0%


def test_every_share_of_a_list_has_the_one_whole_not_a_sibling():
    text = "本月共登记群众反映5000件。按反映渠道分，电话3000件，占60%；网络1500件，占30%；信件500件，占10%。"
    shares = [(c.formula, c.verdict) for c in claims(text) if c.kind == "share"]
    assert shares == [("3000 / 5000", "pass"), ("1500 / 5000", "pass"), ("500 / 5000", "pass")]


def test_a_share_that_names_its_whole_is_taken_against_it():
    text = "本年度窗口收件1000件，办结990件。其中即时办结件860件，占全部办结量的86.9%。"
    (share,) = [c for c in claims(text) if c.kind == "share"]
    assert (share.formula, share.verdict) == ("860 / 990", "pass")


def test_a_rate_named_by_its_stem_and_one_without_parts():
    (rate,) = [c for c in claims("本月到期工单800件，按期答复776件，答复率97%。") if c.unit == "%"]
    assert (rate.formula, rate.verdict) == ("776 / 800", "pass")
    (alone,) = claims("本月来电接通率98.5%。")
    assert (alone.kind, alone.verdict) == ("rate", "unverifiable") and "接通率" in alone.message


def test_evaluation_rate_fails_against_cases_handled():
    found = [c for c in claims("当月线上办件2,000件，获主动评价1,900件，主动评价率92.5%。") if c.unit == "%"]
    assert [(c.formula, c.verdict, c.difference) for c in found] == [("1900 / 2000", "fail", 2.5)]


def test_a_qualified_rate_is_not_computed_with_the_generic_parts():
    (rate,) = [c for c in claims("上半年窗口受理3000件，办结2900件，限时办结率为100%。") if c.unit == "%"]
    assert rate.verdict == "unverifiable" and "限时办结率" in rate.message


def test_bounds_between_one_entitys_measures():
    found = readings("某街道本月受理420件、办结436件；当月线上办件1000件，主动评价1050件。")
    assert found == [("bound", 436, "436 ≤ 420", "warn"), ("bound", 1050, "1050 ≤ 1000", "fail")]


def test_changes_against_other_periods_are_listed_as_unverifiable():
    found = claims("本月办件量同比下降12.5%，环比增长3.1%；满意率比上月提高0.4个百分点。")
    assert [(c.kind, c.stated, c.unit, c.verdict) for c in found] == [
        ("change", 12.5, "%", "unverifiable"), ("change", 3.1, "%", "unverifiable"),
        ("change", 0.4, "个百分点", "unverifiable")]


def test_traditional_characters_are_folded_for_matching():
    found = [c for c in claims("本季度受理辦件500件，辦結480件，辦結率96%。") if c.unit == "%"]
    assert [(c.formula, c.verdict) for c in found] == [("480 / 500", "pass")]
    assert claims("本季度受理辦件500件，辦結480件，辦結率96%。")[0].text.startswith("本季度受理辦件")


def test_rates_of_sub_units_are_unverifiable_with_their_entity():
    found = claims("分站点看，东站好评率仅有61.2%，西站则为70.5%。")
    assert [(c.stated, c.verdict) for c in found] == [(61.2, "unverifiable"), (70.5, "unverifiable")]
    assert "东站" in found[0].message and "西站" in found[1].message
    (rate,) = [c for c in claims("本月平台办件量600件，主动评价540件，甲站点主动评价率61.2%。") if c.unit == "%"]
    assert rate.verdict == "unverifiable" and "甲站点" in rate.message


@pytest.mark.parametrize("text", [
    "窗口受理17件、网上26件，接待群众43人次。",
    "本季度窗口受理17件、网上受理26件，另办理咨询43件。",
    "电话占60%，网络占30%，信件占10%。",
])
def test_no_sum_from_arithmetic_coincidence(text):
    assert [c for c in claims(text) if c.kind == "sum"] == []


def test_a_guessed_reading_never_fails():
    """The item's first count is only a guess at the whole of its 办结率: a mismatch is unverifiable."""
    text = "本月共收到来信90件。其中，留言50件，办结45件，办结率80%；投诉40件，办结40件，办结率100%。"
    rates = [(c.stated, c.verdict) for c in claims(text) if c.unit == "%"]
    assert rates == [(80, "unverifiable"), (100, "pass")]


def test_a_denominator_holding_the_numerator_word_is_kept():
    """应结案 contains 结案: it is still the whole of the 结案率."""
    (rate,) = [c for c in claims("本月应结案120件，已结案110件，结案率95%。") if c.unit == "%"]
    assert (rate.formula, rate.verdict, rate.difference) == ("110 / 120", "fail", -3.0)


def test_figures_in_wan_written_traditionally_are_read():
    found = [c for c in claims("全年共受理訴求9.67萬件，直接答復7.25萬件，直接答復率74.97%。") if c.unit == "%"]
    assert [(c.formula, c.verdict) for c in found] == [("72500 / 96700", "pass")]


def test_the_last_items_of_a_list_joined_by_he_are_parts():
    assert readings("本月共办件100件，其中窗口60件、网上30件和自助终端10件。") == [
        ("sum", 100, "60 + 30 + 10", "pass")]


def test_a_results_heading_lists_parts_of_the_total_before():
    text = "全年共受理依申请公开120件。办理结果：予以公开70件，部分公开30件，不予公开20件。"
    assert readings(text) == [("sum", 120, "70 + 30 + 20", "pass")]


def test_a_whole_split_two_ways_gives_two_sums():
    text = "本月共受理诉求600件（电话400件、网络200件）。其中，即时办结350件，转办250件。"
    assert readings(text) == [("bound", 350, "350 ≤ 600", "pass"), ("sum", 600, "350 + 250", "pass"),
                              ("sum", 600, "400 + 200", "pass")]


def test_a_named_whole_is_not_a_bracketed_part_ending_in_the_same_word():
    text = "本月共收到诉求800件（电话诉求500件、网络诉求300件）。其中，当场办结480件，占诉求总量的60%；转办320件，占诉求总量的40%。"
    shares = [(c.formula, c.verdict) for c in claims(text) if c.kind == "share"]
    assert shares == [("480 / 800", "pass"), ("320 / 800", "pass")]


def test_parts_of_one_sub_measure_are_not_a_split_of_the_whole_and_make_its_rate():
    text = "本月接听来电1000个，其中电话办结600个，转办单位办结300个，办结率90%。"
    assert readings(text) == [("rate", 90, "(600 + 300) / 1000", "pass")]


@pytest.mark.parametrize("text, found", [
    ("全年收到申请20件，其中予以公开8件，部分公开3件，不予公开2件。", []),
    ("全年收到申请20件，其中予以公开8件，部分公开3件，其他4件。", [("sum", 20, "8 + 3 + 4", "fail")]),
    ("全年收到申请20件，其中予以公开8件，部分公开3件，不予公开12件。", [("sum", 20, "8 + 3 + 12", "fail")]),
])
def test_a_list_short_of_its_whole_fails_only_when_it_closes_with_the_rest(text, found):
    assert [r for r in readings(text) if r[0] == "sum"] == found


def test_a_heading_list_stops_where_an_item_opens_its_own_subset():
    text = "本年收到申请30件。对申请的办理：已答复30件，其中予以公开10件，部分公开5件，不予公开4件。"
    assert [r for r in readings(text) if r[0] == "sum"] == []


def test_items_counted_in_letters_are_parts_of_a_whole_in_cases():
    text = "本季度受理来信来件300件。分渠道看，市长信箱信件120封，网站留言150件，来访30件。"
    assert readings(text) == [("sum", 300, "120 + 150 + 30", "pass")]


def test_an_item_of_an_enumeration_is_no_whole_for_the_heading_after_it():
    text = "本月办理甲信箱来信40件、乙信箱来信43件。从热点看：交通类500件，教育类300件。"
    assert [r for r in readings(text) if r[0] == "sum"] == []


def test_a_heading_whose_sentence_names_its_whole_with_zhong():
    text = "从诉求类型看，5000件诉求中咨询类3000件（60.00%），投诉类2000件（40.00%）。"
    assert readings(text) == [("share", 40.0, "2000 / 5000", "pass"), ("share", 60.0, "3000 / 5000", "pass"),
                              ("sum", 5000, "3000 + 2000", "pass")]


def test_one_part_under_qizhong_is_bounded_even_when_it_says_gong():
    text = "全年举办培训活动80场。其中，线上培训共举行50场，覆盖各镇街。"
    assert readings(text) == [("bound", 50, "50 ≤ 80", "pass")]


def test_a_cumulative_count_bounds_the_count_of_the_year():
    text = "本年度主动公开信息300条，历年累计4200条；受理申请45件，历年累计受理600件。"
    assert readings(text) == [("bound", 45, "45 ≤ 600", "pass"), ("bound", 300, "300 ≤ 4200", "pass")]


def test_qizhong_opening_a_clause_takes_the_one_count_of_the_clause_before():
    text = "本季度共登记咨询工单320件，主要是政策咨询增多；其中转办200件，直接答复120件。"
    assert [r for r in readings(text) if r[0] == "sum"] == [("sum", 320, "200 + 120", "pass")]
    two = "区级事项900项，进驻大厅880项，占97.8%；其中许可事项400项，进驻大厅390项，占97.5%。"
    assert [r for r in readings(two) if r[0] == "sum"] == []


def test_cases_still_in_hand_split_a_total_with_those_closed():
    assert readings("本季度受理事项500宗，办结420宗，在办80宗。") == [
        ("bound", 420, "420 ≤ 500", "pass"), ("sum", 500, "420 + 80", "pass")]


def test_results_of_requests_are_bounded_by_those_handled_and_their_rate_by_them():
    found = readings("全年受理公开申请9件，已办理9件，部分公开9件。")
    assert found == [("bound", 9, "9 ≤ 9", "pass"), ("bound", 9, "9 ≤ 9", "pass")]
    text = "全年受理公开申请50件，答复48件。其中同意公开的共12件，公开率为25.00%。"
    (rate,) = [c for c in claims(text) if c.unit == "%"]
    assert (rate.formula, rate.verdict) == ("12 / 48", "pass")


def test_a_heading_after_a_sub_whole_and_an_enumeration_finds_no_whole():
    text = "本月受理甲信箱来信30件、乙信箱来信25件。交办的紧急来电8件中，满意6件、不满意2件。从热点看：交通类500件，教育类300件。"
    assert [r for r in readings(text) if r[0] == "sum"] == [("sum", 8, "6 + 2", "pass")]


def test_a_list_of_the_top_items_is_not_the_total_of_what_follows():
    text = "本月共受理诉求4000件。办件量居前三的部门为甲局300件、乙局200件、丙局100件。群众反映的热点中，供暖类来电400件，占比10%；物业类来电95件，占比2.3%。"
    shares = [(c.formula, c.verdict) for c in claims(text) if c.kind == "share"]
    assert shares == [("400 / 4000", "pass"), ("95 / 4000", "warn")]


def test_cases_dealt_with_and_the_rest_still_in_hand_split_the_total():
    assert readings("本月承接交办工单1200件，已处理完毕1100件，另有100件仍在办理时限内。") == [
        ("bound", 1100, "1100 ≤ 1200", "pass"), ("sum", 1200, "1100 + 100", "pass")]


def test_a_change_against_a_bracketed_figure_of_the_other_period():
    found = [c for c in claims("今年共接报工单300件，与去年同期（240件）相比上升25%；上月（400件）相比下降25%。") if c.unit == "%"]
    assert [(c.kind, c.formula, c.verdict) for c in found] == [
        ("change", "(300 - 240) / 240", "pass"), ("change", "相比下降 = ?", "unverifiable")]


def test_the_rest_carried_over_is_not_a_done_count():
    text = "全年受理申请150件。对申请的办理情况：146件已按期答复，其余4件结转下年度答复。"
    assert [r for r in readings(text) if r[0] == "sum"] == [("sum", 150, "146 + 4", "pass")]


def test_a_part_beyond_an_estimated_whole_warns():
    found = readings("全年报送重要建议200余条。其中各区共摘报重要建议260件，采纳率达到95%。")
    assert ("bound", 260, "260 ≤ 200", "warn") in found


def test_an_estimate_or_a_daily_average_is_not_the_whole_of_qizhong():
    found = readings("全年办理事项60万件，日均办理2400余件，其中即办件45万件，占75%。")
    assert found == [("bound", 450000, "450000 ≤ 600000", "pass"), ("share", 75, "450000 / 600000", "pass")]


def test_a_rate_printed_before_its_numerator_takes_it_from_later_in_the_paragraph_as_a_guess():
    text = "本季度共收到网民来信80件，回复率100%。从来信类型看，咨询类50件，投诉类30件。据统计，各单位按期回复80件。"
    (rate,) = [c for c in claims(text) if c.unit == "%"]
    assert (rate.formula, rate.verdict) == ("80 / 80", "pass") and "推测" in rate.note
    wrong = text.replace("按期回复80件", "按期回复60件")
    (rate,) = [c for c in claims(wrong) if c.unit == "%"]
    assert rate.verdict == "unverifiable"


def test_a_count_printed_without_its_unit_among_parallel_items_takes_their_unit():
    text = "全年共发布信息9000条。其中甲单位发布信息2000条；乙单位发布信息3000条；丙单位发布信息2500，丁单位发布信息1500条。"
    assert readings(text) == [("sum", 9000, "2000 + 3000 + 2500 + 1500", "pass")]
    assert [f.unit for f in find_figures("拨打热线12345，来电咨询300件。")] == ["件"]


def test_a_list_mixing_units_that_does_not_add_up_claims_no_error():
    text = "本季度受理来信来件300件。分渠道看，市长信箱信件120封，网站留言150件，来访20件。"
    assert [r for r in readings(text) if r[0] == "sum"] == []
    # unless the parts in the whole's own unit alone are more than the whole: 160 + 150 件 of 300 件
    over = text.replace("网站留言150件，来访20件", "网站留言160件，来访150件")
    assert [r for r in readings(over) if r[0] == "sum"] == [("sum", 300, "120 + 160 + 150", "fail")]


def test_a_count_followed_by_han_lists_what_it_includes():
    # "，含…" names parts of the count before it as 其中 does: more than the whole fails
    text = "全年在网站公开信息121条，含政务动态51条、执法动态50条、公示公告28条。"
    assert [r for r in readings(text) if r[0] == "sum"] == [("sum", 121, "51 + 50 + 28", "fail")]
    assert ("bound", 28, "28 ≤ 121", "pass") in readings(text.replace("51条", "31条").replace("50条", "40条"))


def test_a_bare_number_outside_a_list_of_one_noun_is_no_count():
    assert [f.unit for f in find_figures("服务热线电话12345，咨询电话500个，投诉电话200个。")] == ["个", "个"]


def test_a_list_whose_whole_is_one_of_several_counts_before_never_fails():
    text = "全市共收到申请1500件，已答复1450件。其中予以公开800件，部分公开300件，不予公开200件，其他140件。"
    (total,) = [c for c in claims(text) if c.kind == "sum"]
    assert (total.formula, total.verdict) == ("800 + 300 + 200 + 140", "unverifiable") and "推测" in total.note
    # parts adding up exactly to the other count (1450) split that one
    added = text.replace("其他140件", "其他150件")
    assert [r for r in readings(added) if r[0] == "sum"] == [("sum", 1450, "800 + 300 + 200 + 150", "pass")]
    one = "全市共收到申请1500件。其中予以公开800件，部分公开300件，不予公开200件，其他150件。"
    assert [r for r in readings(one) if r[0] == "sum"] == [("sum", 1500, "800 + 300 + 200 + 150", "fail")]


def test_shares_after_a_list_name_their_part():
    text = "本月受理诉求800件，其中咨询400件，求助200件，投诉160件，其他40件，咨询类占比50%，投诉类占21%。"
    shares = [(c.formula, c.verdict) for c in claims(text) if c.kind == "share"]
    assert shares == [("400 / 800", "pass"), ("160 / 800", "fail")]


def test_a_change_against_the_other_periods_figure_after_de():
    found = [c for c in claims("今年1-6月受理诉求7200件，较去年同期的6000件增长20%。") if c.unit == "%"]
    assert [(c.kind, c.formula, c.verdict) for c in found] == [("change", "(7200 - 6000) / 6000", "pass")]


def test_a_rate_on_time_is_over_the_cases_closed():
    (rate,) = [c for c in claims("全市共受理来信800件，办结750件，其中按期办结720件，按期办结率96%。") if c.unit == "%"]
    assert (rate.formula, rate.verdict) == ("720 / 750", "pass")


def test_a_list_with_a_rate_among_its_items_lists_measures_not_a_split():
    text = "全区共有服务事项1500项，其中可网办事项1400项，网办率93.3%，全程网办事项1200项。"
    assert [r for r in readings(text) if r[0] == "sum"] == []


@pytest.mark.parametrize("text", ["本月受理600件，限时办结550件，限时办结率95%。", "本月受理600件，按期办结550件，按期办结率95%。"])
def test_a_qualified_rate_over_the_parent_measure_is_only_a_guess(text):
    (rate,) = [c for c in claims(text) if c.unit == "%"]
    assert rate.verdict == "unverifiable" and "推测" in rate.note


def test_a_sentence_opening_with_yishang_totals_the_counts_listed_before():
    text = "分镇街看，交办量和办结率分别为：甲镇3120件、98.1%，乙镇2260件、97.5%，丙街道1590件、99.0%。以上镇街合计受理诉求0.70万件。"
    assert [r for r in readings(text) if r[0] == "sum"] == [("sum", 7000, "3120 + 2260 + 1590", "pass")]
    wrong = text.replace("0.70万件", "0.72万件")
    assert [r[3] for r in readings(wrong) if r[0] == "sum"] == ["fail"]


def test_the_done_count_of_a_set_named_again_in_a_parallel_bracket_is_bounded_by_that_set():
    text = "全年督办事项共210件（其中省级督办事项40件），已完成190件（其中省级督办事项完成36件）。"
    assert ("bound", 36, "36 ≤ 40", "pass") in readings(text)


def test_a_running_total_is_not_bounded_by_the_count_of_one_period():
    assert readings("本月受理诉求3000件，累计办结27500件。") == []


def test_a_carry_in_between_the_total_and_the_done_count_leaves_the_split_unknown():
    found = readings("全年收到公开申请200件，上年结转8件，已答复204件，结转下年度4件。")
    assert [r for r in found if r[0] == "sum"] == []


def test_shares_given_respectively_follow_the_order_of_the_parts():
    text = "书记信箱收到来信200件，其中咨询类100件、投诉类60件、建议类40件，分别占50%、30%和25%。"
    shares = [(c.formula, c.verdict) for c in claims(text) if c.kind == "share"]
    assert shares == [("100 / 200", "pass"), ("60 / 200", "pass"), ("40 / 200", "fail")]


def test_a_qizhong_list_larger_than_the_count_before_it_splits_the_sentence_total():
    # 1200 exceeds the 900 before 其中, so the 、 list splits the 2400 received; the list ends with
    # its 、 items, and the done count and the rest split the total (which also bounds the done count),
    # not the smaller sibling counts
    assert readings("本季度热线共收到来电2400个，市级部门承办1500个，各乡镇承办900个，其中求助类来电1000个、"
                    "投诉类来电1200个、表扬类来电200个，各单位已办结2390个，还有10个正在办理，办结率99.58%。") == [
        ("bound", 2390, "2390 ≤ 2400", "pass"), ("rate", 99.58, "2390 / 2400", "pass"),
        ("sum", 2400, "1000 + 1200 + 200", "pass"),
        ("sum", 2400, "2390 + 10", "pass")]


def test_a_later_heading_takes_the_whole_named_in_an_earlier_headings_sentence():
    assert readings("从受理渠道看，本月受理的5000件诉求中，电话3000件，占60.00%；网络2000件，占40.00%。"
                    "从诉求内容看，交通类1250件，占比25.00%；教育类500件，占比10.00%；医疗类250件，占比5.00%。") == [
        # the topics are some of the 5000 only: each lies inside it
        ("bound", 250, "250 ≤ 5000", "pass"), ("bound", 500, "500 ≤ 5000", "pass"), ("bound", 1250, "1250 ≤ 5000", "pass"),
        ("share", 5.0, "250 / 5000", "pass"), ("share", 10.0, "500 / 5000", "pass"),
        ("share", 25.0, "1250 / 5000", "pass"), ("share", 40.0, "2000 / 5000", "pass"),
        ("share", 60.0, "3000 / 5000", "pass"), ("sum", 5000, "3000 + 2000", "pass")]


def test_a_sub_whole_opening_the_paragraph_is_the_whole_of_the_headings_after_it():
    assert readings("本年度新受理的300件申请中，从事项看，投诉处理150件，占新受理数比例50.00%；信息公开60件，占20.00%。"
                    "从涉及的部门看，市场监管90件，占30.00%；公安45件，占15.00%。") == [
        ("bound", 45, "45 ≤ 300", "pass"), ("bound", 60, "60 ≤ 300", "pass"), ("bound", 90, "90 ≤ 300", "pass"),
        ("bound", 150, "150 ≤ 300", "pass"),
        ("share", 15.0, "45 / 300", "pass"), ("share", 20.0, "60 / 300", "pass"),
        ("share", 30.0, "90 / 300", "pass"), ("share", 50.0, "150 / 300", "pass")]


def test_gong_inside_gonggong_is_no_total_word():
    # 公共设施类200件 is one more part, not the whole of the shares after it
    found = readings("本月共受理诉求1000件。其中甲类400件，占40.00%。乙类300件，占30.00%。公共设施类200件，占20.00%。"
                     "丙类80件，占8.00%。丁类20件，占2.00%。")
    assert [r for r in found if r[0] == "share"] == [
        ("share", 2.0, "20 / 1000", "pass"), ("share", 8.0, "80 / 1000", "pass"),
        ("share", 20.0, "200 / 1000", "pass"), ("share", 30.0, "300 / 1000", "pass"),
        ("share", 40.0, "400 / 1000", "pass")]


@pytest.mark.parametrize(("text", "expected"), [
    ("本月共受理来电5200件，比上月减少260件，降幅4.76%。", ("change", 4.76, "260 / (5200 + 260)", "pass")),
    ("全年办件量8400件，同比增加1400件，增幅20%。", ("change", 20.0, "1400 / (8400 - 1400)", "pass")),
    ("本月受理诉求900件，较上月减少100件，环比下降10%。", ("change", 10.0, "100 / (900 + 100)", "pass")),
    # 11.11% is the difference over this period's count: the other period's 1000 is the base
    ("本月受理诉求900件，同比减少100件，减幅11.11%。", ("change", 11.11, "100 / (900 + 100)", "fail")),
])
def test_a_change_stated_as_a_count_and_a_percentage_takes_the_other_period_from_both(text, expected):
    assert readings(text) == [expected]


def test_a_share_spelled_zhanbilv_leaves_the_list_a_split():
    found = readings("本月共受理诉求2000件。其中：甲类1500件，占比率达75.00%；乙类400件，占比率达20.00%；丙类100件，占比率达5.00%。")
    assert found == [("share", 5.0, "100 / 2000", "pass"), ("share", 20.0, "400 / 2000", "pass"),
                     ("share", 75.0, "1500 / 2000", "pass"), ("sum", 2000, "1500 + 400 + 100", "pass")]


def test_resolved_and_unresolved_split_the_cases_closed():
    # 解决率 is over the closed cases, and 未解决 (holding 解决) is not its numerator
    assert readings("本月办结诉求共1800件，已解决1620件，未解决180件，解决率90.00%。") == [
        ("bound", 1620, "1620 ≤ 1800", "pass"), ("rate", 90.0, "1620 / 1800", "pass"),
        ("sum", 1800, "1620 + 180", "pass")]


def test_banjie_zhuanpai_is_no_carry_over():
    # 办结转派 is 办结 + 转派 (closed transferred cases), not 结转 (carried over)
    assert readings("本月各单位办结转派工单共900件（另有50件在办），已解决810件，未解决90件，解决率90.00%。") == [
        ("bound", 810, "810 ≤ 900", "pass"), ("rate", 90.0, "810 / 900", "pass"), ("sum", 900, "810 + 90", "pass")]


def test_a_whole_named_by_an_earlier_heading_is_no_guess_and_a_wrong_share_fails():
    # the 500 and 300 are the earlier heading's breakdown of the 800, not rival wholes
    found = readings("从渠道看，本月受理的800件诉求中，电话500件，占62.50%；网络300件，占37.50%。"
                     "从内容看，交通类120件，占比16.00%；教育类80件，占比10.00%。")
    assert ("share", 16.0, "120 / 800", "fail") in found and ("share", 10.0, "80 / 800", "pass") in found


def test_a_count_equal_to_the_whole_is_no_rival_whole():
    assert readings("本月共收到来信300件，已办结300件。从类型看，投诉类120件，占比40.00%；咨询类90件，占比31.00%。") == [
        ("bound", 300, "300 ≤ 300", "pass"), ("share", 31.0, "90 / 300", "fail"), ("share", 40.0, "120 / 300", "pass")]


def test_a_part_under_qizhong_stays_a_rival_whole_of_a_later_heading():
    # the shares may be of the 250 valid letters, so against 300 they never fail
    assert readings("本月共收到来信300件，其中有效来信250件，无效来信50件。从类型看，投诉类150件，占比60.00%；"
                    "咨询类100件，占比40.00%。") == [
        ("share", 40.0, "100 / ?", "unverifiable"), ("share", 60.0, "150 / ?", "unverifiable"),
        ("sum", 300, "250 + 50", "pass")]


def test_a_qizhong_list_of_items_with_shares_runs_on_through_its_semicolons():
    found = claims("本年度评价总量为5000条，其中窗口终端2000条，占比40.00%；移动端1500条，占比30.00%；"
                   "网页端1000条，占比20.00%；短信500条，占比10.00%，整体好评率达99.90%。")
    assert [(c.formula, c.verdict) for c in found if c.kind == "sum"] == [("2000 + 1500 + 1000 + 500", "pass")]
    # the rate after the last item is a remark on the whole: it leaves the list a split
    assert {c.verdict for c in found if c.kind == "share"} == {"pass"} and len(found) == 6


def test_a_remark_after_a_semicolon_is_no_item_of_the_qizhong_list():
    # 另有…17件 is beside the 151, not a part of it: no sum 151 = 135 + 17
    assert readings("全年需办理案件151件，其中已办结案件135件；另有协商化解案件17件。") == [
        ("bound", 135, "135 ≤ 151", "pass")]


def test_overlapping_measures_after_qizhong_do_not_run_on_as_a_split():
    # 500 + 600 exceed the 800: measures of the whole, not its parts, so no sum
    assert readings("区中心受理800件，其中即办件500件，占62.50%；网上办理件600件，占75.00%。") == [
        ("bound", 500, "500 ≤ 800", "pass"), ("share", 62.5, "500 / 800", "pass"), ("share", 75.0, "600 / 800", "pass")]


def test_a_heading_list_adding_up_to_a_part_before_takes_that_part_as_its_whole():
    # the three types add up to the 600 valid letters (not the 640 received); the later list of the
    # top two (its items say 共) shares that whole
    assert readings("本季度共收到来信640件，其中有效来信600件，无效来信40件。从类型看，投诉类300件，占比50.00%；"
                    "咨询类180件，占比30.00%；求助类120件，占比20.00%。从类别看，排名前二的类别是：交通类信件共90件，"
                    "占总量的15.00%；教育类信件共60件，占总量的11.00%。") == [
        ("share", 11.0, "60 / ?", "unverifiable"), ("share", 15.0, "90 / 600", "pass"),
        ("share", 20.0, "120 / 600", "pass"), ("share", 30.0, "180 / 600", "pass"),
        ("share", 50.0, "300 / 600", "pass"), ("sum", 600, "300 + 180 + 120", "pass"),
        ("sum", 640, "600 + 40", "pass")]


def test_a_count_with_its_own_share_is_a_sibling_not_the_whole_of_the_next():
    assert readings("本月热点中，交通类116件，占23.34%；教育类76件，占15.29%。") == [
        ("share", 15.29, "76 / ?", "unverifiable"), ("share", 23.34, "116 / ?", "unverifiable")]


def test_a_qizhong_list_in_jian_under_a_whole_in_tiao_is_a_sum_when_it_adds_up():
    assert readings("本年度主动公开信息60条，其中规范性文件25件，通知公告20条，人事信息15条。") == [
        ("sum", 60, "25 + 20 + 15", "pass")]
    # mixed units that do not add up claim no error (件 may not count what 条 counts)
    assert readings("本年度主动公开信息60条，其中规范性文件25件，通知公告20条，人事信息10条。") == []


def test_a_channel_listed_under_qizhong_is_not_the_total_a_later_reply_count_is_bounded_by():
    # 网上受理1000件 is one channel of the 5000 received: the 4900 replies are bounded by the 5000
    assert readings("本月受理市民诉求5000件，其中电话来电4000件，网上受理1000件。受理事项已回复4900件，回复率98.00%。") == [
        ("bound", 4900, "4900 ≤ 5000", "pass"), ("rate", 98.0, "4900 / 5000", "pass"),
        ("sum", 5000, "4000 + 1000", "pass")]


def test_counts_after_qizhong_in_mixed_units_are_parts_not_the_total_of_later_measures():
    # the parts in kindred units (个 beside 件) add up, so they split the 6000; 网上受理70件 is a
    # channel of the 6000, not the total of the later measures
    assert readings("本月受理市民诉求6000件，其中电话5900个，信箱30件，网上受理70件。直接答复4200件，交由各单位办理1800件。"
                    "受理事项回复5950件，按期回复率99.00%。") == [
        ("bound", 4200, "4200 ≤ 6000", "pass"), ("bound", 5950, "5950 ≤ 6000", "pass"),
        ("rate", 99.0, "按期回复率 = ?", "unverifiable"), ("sum", 6000, "5900 + 30 + 70", "pass")]


@pytest.mark.parametrize(("text", "expected"), [
    # percentage points and an estimate are not checked against the derived count
    ("本月受理诉求1000件，同比减少100件，下降10个百分点。", ("change", 10.0, "下降 = ?", "unverifiable")),
    ("本月受理诉求1000件，同比减少100件，降幅约9%。", ("change", 9.0, "降幅 = ?", "unverifiable")),
    # 增幅 alone is a change against another period, not a share
    ("本季度办件增幅12.5%。", ("change", 12.5, "本季度办件增幅 = ?", "unverifiable")),
])
def test_points_estimates_and_a_bare_zengfu_are_changes_left_unverifiable(text, expected):
    assert readings(text) == [expected]


# Round three: shapes read from the fresh split's misses (made-up sentences, other words and figures).

def test_share_printed_as_its_own_comma_item_belongs_to_the_count_before():
    text = "本月热线共接听来电1000件。在接听的来电中，现场解答640件，占64%，派发部门360件，占{}%。"
    assert readings(text.format(36)) == [
        ("share", 36.0, "360 / 1000", "pass"), ("share", 64.0, "640 / 1000", "pass"),
        ("sum", 1000.0, "640 + 360", "pass")]
    # the sibling 640 (with a share of its own) is never the whole of 360: the list's whole fails it
    assert ("share", 38.0, "360 / 1000", "fail") in readings(text.format(38))


def test_heading_items_saying_gong_with_their_own_share_are_items_not_a_total():
    assert readings("本季度共收到留言800条。从留言类型看，咨询类共400条，占50.0%；投诉类共300条，占37.5%；"
                    "其他100条，占12.5%。") == [
        ("share", 12.5, "100 / 800", "pass"), ("share", 37.5, "300 / 800", "pass"),
        ("share", 50.0, "400 / 800", "pass"), ("sum", 800.0, "400 + 300 + 100", "pass")]


def test_nested_qizhong_inside_a_colon_list_is_no_sibling():
    assert readings("本月共接到信件500件，其中有效信件300件：200件已转交办理，其中已办结150件；"
                    "100件已告知其他渠道。") == [
        ("bound", 150.0, "150 ≤ 200", "pass"), ("bound", 300.0, "300 ≤ 500", "pass"),
        ("sum", 300.0, "200 + 100", "pass")]


def test_done_count_of_one_part_is_bounded_by_the_part_and_joins_the_parts_done_at_once():
    text = "本月共受理诉求600件，其中即时答复400件，转交200件；转交诉求办结180件，办结率{}%。"
    assert readings(text.format("96.7")) == [
        ("bound", 180.0, "180 ≤ 200", "pass"), ("bound", 400.0, "400 ≤ 600", "pass"),
        ("rate", 96.7, "(400 + 180) / 600", "pass"), ("sum", 600.0, "400 + 200", "pass")]
    # 180 / 600 is a part's done count over the whole: a rate agreeing with no reading is not failed
    assert ("rate", 90.0, "办结率 = ?", "unverifiable") in readings(text.format("90.0"))


def test_qizhong_after_a_closing_total_splits_that_total():
    # 63 / 80 (the new requests alone) is the wrong whole: the list splits the 84 closed by 共
    assert readings("本年共收到咨询件80件，上年结转4件，共84件；其中电话咨询63件，占比75%；来访咨询21件，占比25%。"
                    "全年办结78件，结转下一年度6件。") == [
        ("bound", 78.0, "78 ≤ 84", "pass"), ("share", 25.0, "21 / 84", "pass"),
        ("share", 75.0, "63 / 84", "pass"), ("sum", 84.0, "63 + 21", "pass"),
        ("sum", 84.0, "78 + 6", "pass"), ("sum", 84.0, "80 + 4", "pass")]


HOTSPOTS = ("本月共接收工单2700件，较上月增加120件。其中：咨询类1500件，占比55.55%；投诉类800件，占比29.63%；"
            "求助类400件，占比14.81%。当月办结2500件（另有200件转至下月办理）。\n"
            "热点问题。1.物业类问题，共受理500件，占比{}。2.交通类问题，共受理250件，占比10.00%。")


def test_change_count_is_no_rival_whole_and_a_bracketed_carry_over_splits_the_total():
    found = readings(HOTSPOTS.format("20.00%"))
    # the 其中 list's whole is fixed (较上月增加120件 is a difference, no rival): a truncated share warns
    assert ("share", 55.55, "1500 / 2700", "warn") in found
    assert [r for r in found if r[0] in ("sum", "bound")] == [
        ("bound", 2500.0, "2500 ≤ 2700", "pass"), ("sum", 2700.0, "1500 + 800 + 400", "pass"),
        ("sum", 2700.0, "2500 + 200", "pass")]


def test_share_with_no_cued_whole_takes_the_one_earlier_count_it_agrees_with():
    found = readings(HOTSPOTS.format("20.00%"))
    assert ("share", 20.0, "500 / 2500", "pass") in found and ("share", 10.0, "250 / 2500", "pass") in found
    # a whole percent is too coarse to choose a whole by: the guess stays a guess, never a fail
    coarse = [r for r in readings(HOTSPOTS.format("20%")) if r[1] == 20.0]
    assert coarse == [("share", 20.0, "500 / ?", "unverifiable")]


def test_share_or_named_rate_above_100_fails_its_bound_but_a_growth_rate_does_not():
    assert readings("上半年共受理事项800件，其中即办件300件，承诺件500件；按期办结率为15000%，业务量增长率150%，"
                    "群众满意率达12000%。") == [
        ("bound", 12000.0, "12000% ≤ 100%", "fail"), ("bound", 15000.0, "15000% ≤ 100%", "fail"),
        ("change", 150.0, "业务量增长率 = ?", "unverifiable"), ("sum", 800.0, "300 + 500", "pass")]


def test_shoujian_is_the_received_count_of_a_completion_rate():
    text = "截至6月底，窗口共收件2450件，办结2431件，办结率{}%。"
    assert ("rate", 99.22, "2431 / 2450", "pass") in readings(text.format("99.22"))
    assert ("rate", 98.5, "2431 / 2450", "fail") in readings(text.format("98.5"))


def test_bracket_after_the_counted_noun_lists_its_parts():
    text = "大厅设有18个窗口（含4个综合窗口），入驻95个事项（审批事项70个，服务事项{}个）。"
    assert readings(text.format(25)) == [("bound", 4.0, "4 ≤ 18", "pass"), ("sum", 95.0, "70 + 25", "pass")]
    assert ("sum", 95.0, "70 + 24", "fail") in readings(text.format(24))


def test_dunhao_between_words_of_a_label_does_not_end_a_qizhong_list():
    assert readings("本区梳理公布事项清单共120项，其中承接国家、省、市设定事项104项，本级设定事项16项。") == [
        ("sum", 120.0, "104 + 16", "pass")]


def test_growth_bili_is_a_change_not_a_share():
    assert readings("全年新增注册企业1200户，增长比例达8.5%，下降比例为3.1%。") == [
        ("change", 3.1, "下降比例 = ?", "unverifiable"), ("change", 8.5, "增长比例 = ?", "unverifiable")]


def test_the_verb_of_receiving_outranks_the_noun_of_a_call_and_lian_is_a_received_count():
    # 受理…来电求助 is a received count (the bound of its closed cases), 收到来电 still the calls made
    assert readings("本月热线受理市民来电求助3200件，已办结3150件。") == [("bound", 3150.0, "3150 ≤ 3200", "pass")]
    assert readings("本月收到来电1000个，接通980个。") == [("bound", 980.0, "980 ≤ 1000", "pass")]
    assert readings("本月受理来电1000个，接通980个。") == [("bound", 980.0, "980 ≤ 1000", "pass")]
    assert readings("对无法当场解决的问题，后台立案860件，目前已办结900件。") == [("bound", 900.0, "900 ≤ 860", "warn")]


def test_change_whose_subject_names_an_earlier_count_is_checked_against_it():
    text = "本季度测评的200个站点中，“优秀”站点150个，“合格”站点50个。“优秀”站点数量比上季度（120个）增长{}%。"
    assert readings(text.format(25)) == [("change", 25.0, "(150 - 120) / 120", "pass"),
                                         ("sum", 200.0, "150 + 50", "pass")]
    assert ("change", 30.0, "(150 - 120) / 120", "fail") in readings(text.format(30))


def test_heading_opening_a_later_piece_of_the_sentence_splits_its_total_and_partial_parts_are_bounded():
    text = "国庆期间热线共接听群众来电2400件，其中甲区900件，乙区610件；按诉求类型分，包括咨询1500件、投诉600件、求助{}件{}。"
    assert readings(text.format(300, "，较去年同期增长8.2%")) == [
        ("bound", 610.0, "610 ≤ 2400", "pass"), ("bound", 900.0, "900 ≤ 2400", "pass"),
        ("change", 8.2, "较去年同期增长 = ?", "unverifiable"), ("sum", 2400.0, "1500 + 600 + 300", "pass")]
    # a list short of the total with no 其他 item may name some parts only: no sum is claimed
    assert readings(text.format(200, "")) == [
        ("bound", 610.0, "610 ≤ 2400", "pass"), ("bound", 900.0, "900 ≤ 2400", "pass")]


def test_closing_piece_that_totals_the_rows_before_it_sums_each_column():
    text = "一季度「书记信箱」共收到来信30件，已回复30件；「区长信箱」共收到来信12件，已回复11件；{}个信箱共收到来信42件，回复{}件。"
    sums = lambda found: [r for r in found if r[0] == "sum"]  # noqa: E731
    assert sums(readings(text.format("两", 41))) == [("sum", 41.0, "30 + 11", "pass"), ("sum", 42.0, "30 + 12", "pass")]
    assert sums(readings(text.format("两", 40))) == [("sum", 40.0, "30 + 11", "fail"), ("sum", 42.0, "30 + 12", "pass")]
    # a count of rows that is not the number of rows before it totals something else
    assert sums(readings(text.format("三", 41))) == []


def test_rate_printed_once_for_several_pieces_is_checked_for_each():
    text = "本月热线共受理诉求500件，办结480件，办结率96%；甲信箱受理来信40件，办结{}件；乙信箱受理来信25件，办结25件，办结率均为100%。"
    rates = lambda found: [r for r in found if r[0] == "rate"]  # noqa: E731
    # each piece is one entity: 乙's rate is 25 / 25, not 25 over the hotline's 500
    assert rates(readings(text.format(40))) == [
        ("rate", 96.0, "480 / 500", "pass"), ("rate", 100.0, "25 / 25", "pass"), ("rate", 100.0, "40 / 40", "pass")]
    assert ("rate", 100.0, "38 / 40", "fail") in readings(text.format(38))


def test_bili_naming_the_noun_both_counts_count_is_the_later_over_the_earlier():
    text = "全区政务服务网进驻1200项服务事项，1140项事项可全程网办，网办事项比例{}%。"
    # the matters done online are among those on the platform: a bound beside the share
    bound = ("bound", 1140.0, "1140 ≤ 1200", "pass")
    assert readings(text.format(95)) == [bound, ("share", 95.0, "1140 / 1200", "pass")]
    assert readings(text.format(96)) == [bound, ("share", 96.0, "1140 / 1200", "fail")]
    # no noun named: a 比例 without its parts stays unverifiable
    assert ("share", 95.0, "网办比例 = ?", "unverifiable") in readings("本月受理1200件，办结1140件，网办比例95%。")


def test_share_naming_its_whole_finds_the_total_stated_in_an_earlier_paragraph():
    # the breakdowns open paragraphs of their own; the first share names the whole (全部来电,
    # 总量), the later ones inherit it, and parts counted in 个 or 条 are kindred to a whole in 件
    text = ("本年度市便民热线共受理市民来电8000件。\n"
            "从来电渠道看，电话咨询6000个，占全部来电的75.00%；网站留言1500条，占18.70%；短信500条，占6.25%。\n"
            "从来电类型看，咨询类5000个，占总量的62.50%；投诉类3000个，占37.50%。")
    assert readings(text) == sorted([
        ("sum", 8000, "6000 + 1500 + 500", "pass"),
        ("sum", 8000, "5000 + 3000", "pass"),
        ("share", 75.0, "6000 / 8000", "pass"),
        ("share", 18.7, "1500 / 8000", "fail"),
        ("share", 6.25, "500 / 8000", "pass"),
        ("share", 62.5, "5000 / 8000", "pass"),
        ("share", 37.5, "3000 / 8000", "pass"),
    ])


def test_total_word_share_keeps_its_lists_whole_over_the_papers_grand_total():
    # "占总量的" inside a list under a sub-whole (有效信件) is of that sub-whole, not of 共收到
    text = "本季度共收到来信300件，其中有效信件250件，无效信件50件。从类型看：投诉类150件，占总量的60.0%；咨询类60件，占总量的24.0%；建议类40件，占总量的16.0%。"
    found = [r for r in readings(text) if r[0] == "share"]
    assert found == [("share", 16.0, "40 / 250", "pass"), ("share", 24.0, "60 / 250", "pass"),
                     ("share", 60.0, "150 / 250", "pass")]


def test_cases_needing_handling_are_the_base_of_the_completion_rate_and_sit_between_the_measures():
    # 需办理 (cases due to be closed) is a measure of its own between 受理 and 办结 (measures.csv)
    text = "全年共受理市民诉求6400件，除即时解答的以外，需办理的5000件，已办结4600件，办结率为95%。"
    assert readings(text) == sorted([
        ("rate", 95.0, "4600 / 5000", "fail"),
        ("bound", 5000, "5000 ≤ 6400", "pass"),
        ("bound", 4600, "4600 ≤ 5000", "pass"),
    ])


def test_count_handled_named_over_kinds_joined_by_dun_is_the_base_of_a_truncated_rate():
    # the label runs back over 、-joined kinds (咨询、求助、投诉等诉求) to 办理, the only base given
    text = "今年以来，便民热线共办理群众的咨询、求助、投诉等诉求80000件，办结79990件，办结率99.9%。"
    assert readings(text) == sorted([
        ("rate", 99.9, "79990 / 80000", "warn"),
        ("bound", 79990, "79990 ≤ 80000", "pass"),
    ])


def test_rate_whose_numerator_is_printed_as_its_complement_is_the_whole_less_it():
    # "其中未办结4件": the done count is the whole less the cases not done, a reading the text fixes
    assert [r for r in readings("本季度收到群众来信80件，其中未办结4件，办结率98%。") if r[0] == "rate"] == [
        ("rate", 98.0, "(80 − 4) / 80", "fail")]
    assert [r for r in readings("本月受理市民投诉120件，其中未解决3件，解决率97.5%。") if r[0] == "rate"] == [
        ("rate", 97.5, "(120 − 3) / 120", "pass")]


def test_bare_done_count_after_a_part_measures_that_part_and_is_no_sibling():
    # "已处理820件" after "有效来信820件" is the done count of the valid letters, not a second part
    assert readings("本月共收到群众来信900件，其中有效来信820件，已处理820件。") == sorted([
        ("bound", 820, "820 ≤ 900", "pass"),
        ("bound", 820, "820 ≤ 820", "pass"),
    ])


def test_negated_count_is_the_rest_of_a_status_split_and_never_a_rates_numerator():
    assert readings("本周平台共收到网民留言500条，已回复470条，未回复30条，回复率94.0%。") == sorted([
        ("sum", 500, "470 + 30", "pass"),
        ("rate", 94.0, "470 / 500", "pass"),
        ("bound", 470, "470 ≤ 500", "pass"),
    ])


def test_guessed_whole_that_disagrees_is_dropped_from_the_record():
    # the shares' base is not printed: the paragraph's total (8000) is only a guess, and one that
    # disagrees is not recorded as the whole (the claim stays unverifiable, with no operands' whole)
    text = "本周热线共服务市民8000件。\n从诉求内容看，反映较多的是道路交通300件，约占6.00%；噪声扰民200件，约占4.00%。"
    shares = [c for c in claims(text) if c.kind == "share"]
    assert [(c.stated, c.verdict, c.whole, c.formula) for c in shares] == [
        (6.0, "unverifiable", None, "300 / ?"), (4.0, "unverifiable", None, "200 / ?")]


def test_count_printed_in_two_scales_is_one_figure():
    figures = find_figures("全年合计2万0417件，服务1亿3500万人次，受理3万件，办结9542件。")
    assert [(f.value, f.unit) for f in figures] == [(20417, "件"), (135000000, "人次"), (30000, "件"), (9542, "件")]


def test_two_parts_of_one_list_bound_nothing_and_one_split_by_two_cues_is_one_sum():
    # 申请 and 收件 are measures with a bound between them, but here they name two parts of 40项
    text = "下月起推出的40项便民服务中，包括开具证明、申请补贴等15项网上申请，以及25项代为收件服务。"
    assert readings(text) == [("sum", 40, "15 + 25", "pass")]


def test_heading_list_opening_a_paragraph_splits_the_total_above_it_adds_up_to():
    # the heading says the items split a total stated before; the paragraph above states two
    # counts, and the one the items add up to exactly is the whole (its shares then may fail)
    text = ("本年度区长热线共收到来电1200件，已办结1150件。\n一、来电构成\n"
            "从来电类别看，求助类600件，占比50.00%；咨询类400件，占比30.00%；投诉类200件，占比16.67%。")
    assert readings(text) == sorted([
        ("sum", 1200, "600 + 400 + 200", "pass"),
        ("share", 50.0, "600 / 1200", "pass"),
        ("share", 30.0, "400 / 1200", "fail"),
        ("share", 16.67, "200 / 1200", "pass"),
    ])


def test_comma_list_after_a_colon_closed_by_its_total_is_a_sum_and_the_total_is_the_rates_base():
    text = "各街道转办的工单依次为：东街31件，西街22件，南街9件，北街5件，合计67件，办理中0件，已办结66件，办结率98.5%。"
    assert readings(text) == sorted([
        ("sum", 67, "31 + 22 + 9 + 5", "pass"),
        ("rate", 98.5, "66 / 67", "pass"),
        ("bound", 66, "66 ≤ 67", "pass"),  # the rate's numerator within its denominator
    ])
    # a sum that does not add up fails: the closing 合计 says the items make it
    assert readings("各站点受理的件数依次为：甲站12件，乙站8件，丙站5件，合计26件。") == [
        ("sum", 26, "12 + 8 + 5", "fail")]


def test_list_heading_naming_an_earlier_count_splits_that_count():
    # "各区县来件量分别为：" names the 区县来件 count of the sentence before (not the grand total)
    text = "本周平台共收到来件900件，其中市直来件120件，区县来件780件。各区县来件量分别为：甲区400件、乙区300件、丙县{}件。"
    assert [r for r in readings(text.format(80)) if r[0] == "sum"] == [
        ("sum", 780, "400 + 300 + 80", "pass"), ("sum", 900, "120 + 780", "pass")]
    # parts short of the named whole with no closing 其他 may name only some: no sum is claimed
    assert [r for r in readings(text.format(70)) if r[0] == "sum"] == [("sum", 900, "120 + 780", "pass")]


def test_messages_left_are_a_received_count_that_bounds_the_replies():
    assert readings("上半年网民留言量为2600件，各级部门回复网民留言2100件。") == [
        ("bound", 2100, "2100 ≤ 2600", "pass")]


def test_part_split_in_a_bracket_of_its_own_stays_a_part_of_the_list_under_qizhong():
    text = "本周热线共服务市民5.20万件。其中受理3.10万件（直接办理1.90万件，转办1.20万件），回访2.10万件。"
    assert [r for r in readings(text) if r[0] == "sum"] == [
        ("sum", 31000, "19000 + 12000", "pass"), ("sum", 52000, "31000 + 21000", "pass")]


def test_count_printed_only_in_its_scale_is_a_count_and_a_difference_is_no_whole():
    figures = find_figures("注册用户达3.60亿，较上年增加5200万；累计访问12万，2.5万元。")
    assert [(f.value, f.unit) for f in figures] == [(360000000, "亿"), (52000000, "万"), (120000, "万"), (25000, "元")]
    # "；其中…" after a clause whose other count is a difference: the one count of the items' unit
    text = "全省平台注册用户达3.60亿，较上年增加5200万；其中实名用户3.24亿，占比90.0%。"
    assert readings(text) == sorted([
        ("bound", 324000000, "324000000 ≤ 360000000", "pass"),
        ("share", 90.0, "324000000 / 360000000", "pass"),
    ])


def test_whole_named_with_zhong_after_the_first_clause_heads_the_rest_of_the_sentence():
    text = "在窗口建设方面，全区年初申报的60个站点中，东片等8个站点因场地原因暂缓建设，其余{}个站点均已建成。"
    assert readings(text.format(52)) == [("sum", 60, "8 + 52", "pass")]
    # closed by 其余, the list claims to be the whole split: a shortfall fails
    assert readings(text.format(51)) == [("sum", 60, "8 + 51", "fail")]


def test_list_heading_naming_an_earlier_count_never_fails_its_sum():
    # the name only guesses the whole: parts that overshoot it are unverifiable, not failed
    text = "本周平台共收到来件900件，其中市直来件120件，区县来件780件。各区县来件量分别为：甲区400件、乙区300件、丙县90件。"
    assert [r for r in readings(text) if r[0] == "sum"] == [
        ("sum", 780, "400 + 300 + 90", "unverifiable"), ("sum", 900, "120 + 780", "pass")]


def test_share_of_the_total_outside_a_list_takes_the_latest_total_as_a_guess_only():
    text = "全年共受理来电5000件。\n其中夜间来电1200件，占总量的24.0%。"
    assert [r for r in readings(text) if r[0] == "share"] == [("share", 24.0, "1200 / 5000", "pass")]
    # the latest total may be of another measure: a share that disagrees is unverifiable, not failed
    assert [r[3] for r in readings(text.replace("24.0%", "26.0%")) if r[0] == "share"] == ["unverifiable"]


def test_a_whole_found_only_by_its_name_is_a_guess_that_never_fails():
    # "诉求" names 8000 only through a longer label (全年受理群众诉求): 70.0% is then a guess, but the
    # heading's list fixes the same 8000 as its whole, so the list's cue makes it fail
    assert readings("全年受理群众诉求8000件。\n从渠道看，热线来电6000件，占诉求的70.0%；网络2000件，占25.0%。") == sorted([
        ("sum", 8000, "6000 + 2000", "pass"), ("share", 70.0, "6000 / 8000", "fail"),
        ("share", 25.0, "2000 / 8000", "pass")])
    # outside any list the same name is only the likeliest whole: unverifiable, never failed
    assert [(c.kind, c.verdict) for c in claims("全年受理群众诉求8000件。\n其中热线来电占诉求的70.0%。")] == [
        ("share", "unverifiable")]


def test_a_change_count_is_never_the_named_whole_of_a_share():
    # "比上月减少30件" is a change: the shares of 问题总数 are of the 120 received
    assert readings("本月受理问题120件，比上月减少30件。\n按来源分：电话80件，占问题总数的66.7%；网络40件，占33.3%。") == sorted([
        ("sum", 120, "80 + 40", "pass"), ("share", 66.7, "80 / 120", "pass"), ("share", 33.3, "40 / 120", "pass")])


def test_a_share_naming_a_whole_that_is_not_printed_does_not_take_its_list_whole():
    # 常住人口 is not stated: the 500万 the 其中 list splits is not it, so the share is not failed
    shares = [c for c in claims("注册用户共500万，其中本地用户200万，占全市常住人口的25.0%。") if c.kind == "share"]
    assert [(c.stated, c.verdict) for c in shares] == [(25.0, "unverifiable")]


def test_a_soft_rate_above_100_percent_warns_and_a_hard_one_fails():
    # 办结率 may pass 100% with cases carried over (its bound is soft in rates.csv); 按时办结率 may not
    assert readings("本月办结率为103.5%。") == [("bound", 103.5, "103.5% ≤ 100%", "warn")]
    assert readings("本月按时办结率为103.5%。") == [("bound", 103.5, "103.5% ≤ 100%", "fail")]
    # a qualified form of the soft rate counts within its own cases: it fails above 100% too
    assert readings("本月提前办结率为103.5%。") == [("bound", 103.5, "103.5% ≤ 100%", "fail")]


def test_a_noun_share_names_its_noun_whether_or_not_de_comes_before_bili():
    for text in ("共有500项服务事项进驻大厅，420项事项可网上办理，网办事项的比例达84.0%。",
                 "共有500项服务事项进驻大厅，420项事项可网上办理，网办事项比例达84.0%。"):
        (share,) = [c for c in claims(text) if c.kind == "share"]
        assert (share.formula, share.verdict) == ("420 / 500", "pass") and "皆为“事项”" in share.note


def test_two_parts_each_above_half_of_the_whole_are_features_not_a_split():
    # 700 + 650 > 1000: both can be true of one matter, so no sum is claimed (and none fails)
    assert [c for c in readings("平台共上线服务事项1000项，其中700项可在手机端办理，650项支持证照免提交。")
            if c[0] == "sum"] == []
    # one misprinted part above the whole still leaves the split to fail
    assert readings("本月共登记事项4200件，其中即时办理1500件，承诺办理3700件。") == [
        ("sum", 4200, "1500 + 3700", "fail")]


def test_a_rate_qualified_by_time_is_never_read_with_the_plain_rates_parts():
    # 提前办结 is not printed: neither 办结 nor a duration (3个工作日) is its numerator
    assert [c for c in readings("合计受理2191件，办结2221件；承诺件平均办结用时3个工作日，承诺件提前办结率为100%。")
            if c[0] == "rate"] == [("rate", 100, "承诺件提前办结率 = ?", "unverifiable")]
    # 均 after two rate names covers the two names, not the counts of the pieces before
    assert [c[3] for c in readings("受理2191件，办结2221件；提前办结率和按时办结率均为100%。") if c[0] == "rate"] == [
        "unverifiable", "unverifiable"]


def test_days_counted_with_ge_are_a_duration_not_a_count():
    assert [(f.value, f.unit) for f in find_figures("由34977个法定工作日压缩至6298个工作日，承诺件3个工作日办结")] == [
        (34977, "个工作日"), (6298, "个工作日"), (3, "个工作日")]


def test_a_done_count_of_one_part_bounds_it_softly():
    # some of the 498 closed may have been received the month before: a warning, not an error
    text = "7月份共受理办件494件。分单位看：甲局受理478件，办结498件（即办件344件，承诺件154件）；乙局受理16件，办结16件。"
    bounds = [c for c in readings(text) if c[0] == "bound"]
    assert bounds == [("bound", 16, "16 ≤ 16", "pass"), ("bound", 498, "498 ≤ 478", "warn")]


def test_qizhong_after_a_rate_splits_the_count_its_items_add_up_to():
    text = "全州共受理办件197999件，办结197818件，办结率99.9%，其中行政权力事项83034件，公共服务事项{}件。"
    sums = [c for c in readings(text.format(114965)) if c[0] == "sum"]
    assert sums == [("sum", 197999, "83034 + 114965", "pass")]
    # adding up to neither count, the list is a guess: never failed
    assert [c[3] for c in readings(text.format(114960)) if c[0] == "sum"] == ["unverifiable"]


def test_shares_that_all_miss_their_whole_the_same_way_are_over_another_base():
    # 300/5000 is 6.0%, but 300/4000 is 7.5%: every share fits about 4000, a base the text never prints
    text = ("本周受理诉求5000件，数量居前三位的分别是供水300件（占7.5%）、供暖200件（占5.0%）、物业120件（占3.0%）。")
    shares = [c for c in claims(text) if c.kind == "share"]
    assert [(c.formula, c.verdict) for c in shares] == [
        ("300 / ?", "unverifiable"), ("200 / ?", "unverifiable"), ("120 / ?", "unverifiable")]
    assert "都与约 3974–4026 的基数相符" in shares[0].message  # 300/7.55% .. 300/7.45%, and so on
    # one share off alone is a misprint
    assert [c.verdict for c in claims(text.replace("7.5%", "6.0%").replace("5.0%", "4.0%")) if c.kind == "share"] == [
        "pass", "pass", "fail"]
    # shares right over the parts' own sum (620) fail with the whole they do not add up to
    listed = "本周受理诉求5000件，其中供水300件，占48.4%；供暖200件，占32.3%；物业120件，占19.4%。"
    assert [c.verdict for c in claims(listed) if c.kind == "share"] == ["fail", "fail", "fail"]


def test_a_rate_over_graded_answers_does_not_say_which_grades_it_counts():
    # 非常满意 and 满意 are both satisfied: 235 alone is no reading to fail 100% on
    text = "本季度共收到评价5000条，其中“非常满意”4900条，“满意”60条，满意率100%。"
    assert [c for c in readings(text) if c[0] == "rate"] == [("rate", 100, "60 / 5000", "unverifiable")]
    # with one grade only, the rate is checked
    assert [c for c in readings("本月评价1000条，其中满意980条，不满意20条，满意率98%。") if c[0] == "rate"] == [
        ("rate", 98, "980 / 1000", "pass")]
