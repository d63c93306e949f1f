"""Rates whose parts a cue fixes beyond their clause, and rows of several figures under 其中: a rate
opening a sentence after its counts, a rate named by a contraction of its count's name, a done
count after a 其中 list that only its host can hold, a 其中 list after a rate that names its whole
by its verb, and rows of counts and sums of money split column by column (made-up figures,
verdicts worked out by hand)."""

from __future__ import annotations

from tests.test_claims_shapes import readings


def test_rate_opening_a_sentence_reads_the_counts_of_the_sentence_before():
    # 1140 / 1200 = 95.0%: the rate's parts stand in the sentence before it
    assert ("rate", 95, "1140 / 1200", "pass") in readings("本季度热线受理投诉电话1200件，其中办结1140件。办结率为95%，满意率为90%。")
    # printed 97% for 95.0%: a cue fixes the reading, so it fails
    assert ("rate", 97, "1140 / 1200", "fail") in readings("本季度热线受理投诉电话1200件，其中办结1140件。办结率为97%。")
    # a rate after other words of its own ("乙局方面，") may be another entity's: not read over them
    found = readings("甲局受理投诉1200件，办结1140件。乙局方面，办结率为97%。")
    assert [r for r in found if r[0] == "rate"] == [("rate", 97, "? / ?", "unverifiable")]


def test_rate_named_by_a_contraction_of_its_counts_name():
    # 采发 contracts 采纳发布: 210 / 500 = 42.0%
    assert ("rate", 42, "210 / 500", "pass") in readings("本月各单位共报送信息500条，采纳发布210条，采发率42%。")
    # a contraction that agrees with nothing is only a guess: never a failure
    found = readings("本月各单位共报送信息500条，采纳发布210条，采发率47%。")
    assert ("rate", 47, "210 / ?", "unverifiable") in found


def test_done_count_after_a_qizhong_list_is_of_the_lists_host():
    # every item is smaller than 4990, so the done count can only be of the 5000 events: 99.8% printed as 99%
    found = readings("全县共解决网格事件5000件，其中网格员上报4000件，热线转入600件，其他400件；办结4990件，办结率99%。")
    assert ("rate", 99, "4990 / 5000", "warn") in found
    assert ("sum", 5000, "4000 + 600 + 400", "pass") in found


def test_qizhong_after_a_rate_splits_the_count_its_items_verb_names():
    found = readings("中心受理4000件，办结3900件，办结率97.5%，其中窗口受理1500件、办结1480件，办结率98.7%，"
                     "网上受理1200件、办结1150件，办结率95.8%。")
    bounds = [r for r in found if r[0] == "bound"]
    assert ("bound", 1500, "1500 ≤ 4000", "pass") in bounds
    assert ("bound", 1200, "1200 ≤ 4000", "pass") in bounds
    assert not [r for r in bounds if r[2].endswith("≤ 3900") and r[1] in (1500, 1200)]


def test_rows_of_counts_and_money_under_qizhong_are_split_column_by_column():
    found = readings("平台完成交易200项，交易金额5.5亿元，其中：工程项目120项，交易额4.2亿元；采购项目80项，交易额1.3亿元。")
    assert ("sum", 200, "120 + 80", "pass") in found
    assert ("sum", 550000000, "420000000 + 130000000", "pass") in found


def test_rows_short_of_the_wholes_count_give_bounds_not_sums():
    # 120 + 80 is short of 201: the rows are some kinds of trading only, so the money adding up
    # is no split either; an amount above its whole still fails
    found = readings("平台完成交易201项，交易金额5.5亿元，节约金额0.2195亿元，其中：工程项目120项，交易额4.2亿元，节约金额0.3773亿元；"
                     "采购项目80项，交易额1.3亿元，节约金额0.0404亿元。")
    assert [r for r in found if r[0] == "sum"] == []
    assert ("bound", 120, "120 ≤ 201", "pass") in found
    assert ("bound", 37730000, "37730000 ≤ 21950000", "fail") in found


def test_a_sum_of_money_is_matched_by_name_not_by_its_unit():
    # 招标控制价 names no figure of the whole's row; 中标金额 shares 金额 with 成交金额
    found = readings("全年完成交易项目300个，成交金额50亿元。其中工程项目200个，招标控制价45亿元，中标金额40亿元；"
                     "采购项目100个，预算金额12亿元，成交金额10亿元。")
    assert ("sum", 300, "200 + 100", "pass") in found
    assert ("sum", 5000000000, "4000000000 + 1000000000", "pass") in found


def test_calls_in_ren_ci_are_no_base_of_closed_cases():
    # 受理 names 28000 calls (人次); the closed cases are over the 9000 registered, never over the calls
    found = readings("热线电话受理28000人次，登记交办9000件，已办结9000件，办结率100%。")
    assert ("rate", 100, "9000 / 9000", "pass") in found
    assert [r for r in found if r[0] == "rate" and r[3] == "fail"] == []


def test_a_rate_in_a_semicolon_piece_is_over_its_own_pieces_count():
    found = readings("本月登记事项4000件。其中，协调办理3000件，办结率100%；交办处理1000件，已办结950件，办结率95%。")
    assert ("rate", 95, "950 / 3000", "fail") not in found
    assert ("rate", 95, "950 / 1000", "pass") in found


def test_on_time_closed_and_carried_over_are_no_split_of_the_intake():
    # 按期办结 + 结转 leaves out the cases closed late: no sum, and 按期办结率 has no base printed
    found = readings("本月受理群众反映问题共5000件，按期办结4500件，结转下月900件，按期办结率98.5%。")
    assert [r for r in found if r[0] == "sum"] == []
    assert [r for r in found if r[3] == "fail"] == []
    # on time and overdue do split it
    found = readings("本月共办理工单2000件，按期回复1950件，逾期回复50件。")
    assert ("sum", 2000, "1950 + 50", "pass") in found


def test_a_share_of_the_total_word_inside_a_sub_list_may_be_over_the_grand_total():
    text = ("本局全年受理信息公开申请共20件。在已经答复的18件申请中，同意公开的12件，占总数的60%；"
            "不予公开的2件，占总数的10%。")
    found = readings(text)
    assert ("share", 60, "12 / 20", "pass") in found
    assert ("share", 10, "2 / 20", "pass") in found
    # a share fitting neither the list's 18 nor the 20 before it is not failed
    assert [r for r in readings(text.replace("60%", "65%")) if r[3] == "fail"] == []


def test_change_against_a_period_named_at_length():
    found = readings("日均通话量3313.4个，比今年上半年日均的2135.36个增长55.17%。")
    assert ("change", 55.17, "(3313.4 - 2135.36) / 2135.36", "pass") in found


def test_share_of_the_whole_named_as_its_proportion():
    # "占总体的比例为2.8 %" names the list's whole (734), so the share is checked, and fails (16/734 = 2.2%)
    text = ("本局全年主动公开政府信息共734条。\n主动公开的信息中，机构职能类信息16条，主要为领导信息，"
            "占总体的比例为2.8 %；\n法规文件类信息25条，占总体的比例为3.4%。")
    found = readings(text)
    assert ("share", 2.8, "16 / 734", "fail") in found
    assert ("share", 3.4, "25 / 734", "pass") in found


def test_share_linked_to_the_piece_before_it():
    # "占受理案件数比例最高，达92.7%": the words of the share stand in the piece before its figure
    found = readings("全年新受理复议案件151件中，被申请人为县政府部门的案件数量为140件，占受理案件数比例最高，达92.7%。")
    assert ("share", 92.7, "140 / 151", "pass") in found


def test_a_rate_of_reduction_is_a_change_with_no_earlier_value():
    assert readings("全州依申请办理的行政权力事项调整为4596项，精减率达38.13%。") == [
        ("change", 38.13, "精减率 = ?", "unverifiable")]


def test_a_plain_list_before_rows_under_qizhong_is_still_a_sum():
    found = readings("全市共受理办件5000件，办结4990件，办结率99.8%，其中甲类事项2000件，乙类事项3000件；"
                     "市级中心受理1200件，办结1190件，办结率99.2%；网上平台受理800件，办结790件，办结率98.8%。")
    assert ("sum", 5000, "2000 + 3000", "pass") in found
    assert ("bound", 1200, "1200 ≤ 5000", "pass") in found


def test_a_rates_numerator_is_bounded_by_its_denominator_where_no_measure_names_the_pair():
    found = readings("活动共接听群众来电615件，已办结565件，办结率91.87%。")
    assert ("bound", 565, "565 ≤ 615", "pass") in found
    # more closed than answered is told once, by the rate above 100% (closed cases may be carried over)
    found = readings("活动共接听群众来电615件，已办结630件，办结率102.44%。")
    assert [r for r in found if r[0] == "bound"] == [("bound", 102.44, "102.44% ≤ 100%", "warn")]
    # a rate that no count agrees with gives no pair
    assert not [r for r in readings("本月报送信息500条，采纳发布210条，采发率47%。") if r[0] == "bound"]
    # the whole may stand in an earlier paragraph
    found = readings("全年受理群众诉求3,500件。\n全年在线解答诉求2,600件，在线解答率74.29%。")
    assert ("bound", 2600, "2600 ≤ 3500", "pass") in found


def test_a_heading_piece_in_a_qizhong_sentence_splits_the_total_before():
    text = ("本周共受理各类诉求2000件。其中，公众来电1800件，网络诉求200件；按诉求类型分：咨询类1200件、"
            "求助类500件、投诉类300件。")
    found = readings(text)
    assert ("sum", 2000, "1200 + 500 + 300", "pass") in found
    assert not [r for r in found if r[0] == "sum" and r[1] == 1800]


def test_a_count_after_yue_is_an_estimate_and_no_operand():
    # 9 + 430 + 132 = 571 against "约570人": no error can be claimed
    found = readings("中心去年由约570人运作，其中公务员9人，全职雇员430人，兼职雇员132人。")
    assert [r for r in found if r[3] == "fail"] == []
    assert readings("中心去年共有570人，其中公务员9人，全职雇员430人，兼职雇员131人。") == [
        ("sum", 570, "9 + 430 + 131", "pass")]  # the same list over an exact count is read
    # 节约 is a verb: the amount after it is exact
    assert ("sum", 300000000, "200000000 + 100000000", "pass") in readings(
        "全年节约资金3亿元，其中工程节约2亿元，采购节约1亿元。")


def test_a_list_closed_by_its_zongshu_is_a_sum():
    assert ("sum", 1382685, "290771 + 859836 + 232078", "pass") in readings(
        "2020年書面查詢290 771宗，電話859 836宗，親身232 078宗，總數1 382 685宗。")


def test_a_share_of_the_total_word_may_be_over_the_count_in_the_parts_own_unit():
    text = ("假期热线共接听市民来电3000个，登记受理有效工单2800件。\n"
            "较集中的两类事项依次为：甲类700件，占全市总量25.00%；乙类560件，占全市总量20.00%。")
    found = readings(text)
    assert ("share", 25.0, "700 / 2800", "pass") in found
    assert ("share", 20.0, "560 / 2800", "pass") in found


def test_a_dun_inside_a_label_in_a_bracket_list_joins_words_not_items():
    assert readings("共受理诉求1000件（其中县平台700件，省、市交办250件，县长信箱50件）。") == [
        ("sum", 1000, "700 + 250 + 50", "pass")]


def test_rate_with_its_parts_in_a_bracket_after_it():
    assert ("rate", 97.3, "973 / 1000", "pass") in readings("回访满意率97.3%（回访1000件，满意973件）。")
    assert ("rate", 98.3, "973 / 1000", "fail") in readings("回访满意率98.3%（回访1000件，满意973件）。")
    # one part only: the other is not guessed
    assert [r[3] for r in readings("办结率95%（办结1900件）。") if r[0] == "rate"] == ["unverifiable"]
    # with grades beside the count, which of them the rate counts is not said
    found = readings("本月共受理2000件，回访满意率98%（回访500件，满意490件，基本满意10件）。")
    assert [r[3] for r in found if r[0] == "rate"] == ["unverifiable"]


def test_a_rates_own_denominator_in_an_earlier_sentence_of_its_paragraph_is_taken_as_a_guess():
    text = "应结案数15308件，结案数15300件，结案率99.95%。按期结案数15289件，按期结案率99.88%。"
    assert ("rate", 99.88, "15289 / 15308", "pass") in readings(text)
    # only a guess: a rate that disagrees is unverifiable, never failed
    assert not [r for r in readings(text.replace("99.88%", "98.88%")) if r[-1] == "fail"]
