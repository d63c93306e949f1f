"""List shapes and counts written in words (made-up figures, verdicts worked out by hand): counts
in Chinese numerals, numbered items after a colon, one count spread over several names with 各,
a ranking under a heading of distribution, and lists whose every item prints its share."""

from __future__ import annotations

from tests.test_claims_shapes import readings

from govstats.checks.claims.figures import find_figures
from govstats.checks.claims.worded import count_in_words


def worded(text: str) -> list[tuple[float, str, str, bool]]:
    return [(f.value, f.unit, f.text, f.approx) for f in find_figures(text) if not f.text[0].isdigit()]


def test_counts_in_words_are_read_with_their_printed_form():
    text = "全年共收到個案一千二百零五宗，當中投訴個案七百宗，建議個案十六宗，另有四百八十九宗。"
    assert worded(text) == [(1205, "宗", "一千二百零五宗", False), (700, "宗", "七百宗", False),
                            (16, "宗", "十六宗", False), (489, "宗", "四百八十九宗", False)]
    # 当中 opening a clause is 其中: the parts add up to the total
    assert readings(text) == [("sum", 1205, "700 + 16 + 489", "pass")]


def test_counts_in_words_with_scales_and_estimates():
    assert worded("去年共接獲廿九萬兩千多通電話，前年卅四萬一千餘通，另有三万元。") == [
        (292000, "通", "廿九萬兩千多通", True), (341000, "通", "卅四萬一千餘通", True), (30000, "元", "三万元", False)]
    assert [count_in_words(t) for t in ("一亿二千万", "十一万三千四百五十六", "三千零二十", "一十五")] == [
        120000000, 113456, 3020, 15]


def test_words_that_are_no_counts_are_not_read():
    # digits in a row (a year, a range), a place with no digit, an abbreviated place
    assert [count_in_words(t) for t in ("二〇二〇", "七九四", "三五", "百", "千", "两千五", "零")] == [None] * 7
    text = ("二〇二〇年十二月，第一件，前三名，一次性告知，一站式服务，一网通办，十大举措，三类问题，"
            "千家万户，办好一件事，每天七九四通，三五个人，每十万人座席数5个。")
    assert worded(text) == []
    # a span of working days is a time, no count of things
    assert [(f.value, f.unit) for f in find_figures("承诺最迟十五个工作天内回复，或15个工作天内")] == [
        (15, "个工作日"), (15, "个工作日")]


def test_one_character_counts_need_a_sentence_that_writes_counts_in_words():
    # 两个维护, 十件实事: one character alone is read only beside a longer worded count
    assert worded("做到两个维护，办好十件实事。") == []
    assert worded("收到二十五件，其中退回两件，就有一件。") == [(25, "件", "二十五件", False), (2, "件", "两件", False)]


def test_a_worded_sum_that_does_not_add_up_fails():
    text = "本年共接獲個案一百二十宗，當中投訴個案七十宗，建議個案四十宗，其他個案五宗。"
    assert readings(text) == [("sum", 120, "70 + 40 + 5", "fail")]


def test_a_count_after_ge_stands_once_for_each_name_before_it():
    text = "本月有12件超期，其中甲区政府5件，乙区政府、市城管局、市税务局及市医保局各1件，丙街道3件。"
    assert ("sum", 12, "5 + 1 + 1 + 1 + 1 + 3", "pass") in readings(text)
    # names joined by 、 alone: 及 inside a name (海事及水务局) is one name when that adds up
    text = "本月有8件超期，其中甲区政府4件，海事及水务局、市税务局各2件。"
    assert ("sum", 8, "4 + 2 + 2", "pass") in readings(text)


def test_ge_over_names_that_fit_neither_count_never_fails():
    # 4 + 2×2 = 8 or 4 + 2×3 = 10: neither is 9, and which 及 joins names is unsure
    text = "本月有9件超期，其中甲区政府4件，海事及水务局、市税务局各2件。"
    found = [r for r in readings(text) if r[0] == "sum"]
    assert found and all(r[3] == "unverifiable" for r in found)
    # names joined by 、 only are sure: a list that misses its whole fails
    text = "本月有9件超期，其中甲区政府4件，市城管局、市税务局各2件，其他2件。"
    assert ("sum", 9, "4 + 2 + 2 + 2", "fail") in readings(text)


def test_ge_with_no_list_cue_makes_no_sum():
    assert [r for r in readings("本月有10件超期。市城管局、市税务局各1件。") if r[0] == "sum"] == []


def test_a_ranking_under_a_heading_of_distribution_splits_the_whole():
    text = ("全年受理案件80件。在受理的80件中，已解决50件、未结案30件。"
            "在受理案件分布地区方面，以甲市40件居第1，其次为乙乡25件、丙乡10件、外县市5件。")
    assert ("sum", 80, "40 + 25 + 10 + 5", "pass") in readings(text)
    # a heading of an aspect that is no split ("在服务质量方面") and a list of the largest items are none
    text = "全年受理案件80件。在服务质量方面，以甲市40件居第1，其次为乙乡25件、丙乡10件、外县市5件。"
    assert [r for r in readings(text) if r[0] == "sum"] == []
    text = "全年受理案件80件。在受理案件分布地区方面，排名前三的是甲市40件、乙乡25件、丙乡10件。"
    assert [r for r in readings(text) if r[0] == "sum"] == []


def test_numbered_items_after_a_colon_split_the_count_before_it():
    text = ("本周热线共接获50宗查询，已转交相关部门跟进，情况如下：\n1. 卫生局30宗（查询检测安排）；\n"
            "2. 教育局12宗；\n3. 旅游局0宗；\n4. 劳工局8宗。")
    assert readings(text) == [("sum", 50, "30 + 12 + 0 + 8", "pass")]
    # item numbers are never counts
    assert [(f.value, f.unit) for f in find_figures(text)] == [(50, "宗"), (30, "宗"), (12, "宗"), (0, "宗"), (8, "宗")]


def test_numbered_items_in_one_run_and_a_wrong_total_fails():
    text = "本周共接获50宗查询，情况如下：（一）卫生局30宗；（二）教育局12宗；（三）劳工局9宗。"
    assert readings(text) == [("sum", 50, "30 + 12 + 9", "fail")]
    text = "本周共接获50宗查询，情况如下：①卫生局30宗；②教育局12宗；③劳工局8宗。"
    assert readings(text) == [("sum", 50, "30 + 12 + 8", "pass")]
    text = "本周共接获50宗查询，情况如下：\n1）卫生局30宗；\n2）教育局12宗；\n3）劳工局8宗。"
    assert readings(text) == [("sum", 50, "30 + 12 + 8", "pass")]
    # a circled item number is no digit of the count right after it
    assert [(f.value, f.text) for f in find_figures("①63宗；②2宗")] == [(63, "63宗"), (2, "2宗")]


def test_numbered_items_that_are_no_plain_list_make_no_sum():
    # numbers out of order, an item with two counts, no colon, or a "2." far below item 1: no parts
    texts = ("本周共接获50宗查询，情况如下：\n1. 卫生局30宗；\n3. 教育局20宗。",
             "本周共接获50宗查询，情况如下：\n1. 卫生局30宗，已回复28宗；\n2. 教育局20宗。",
             "本周共接获50宗查询。\n1. 卫生局30宗；\n2. 教育局20宗。",
             "本周共接获50宗查询，情况如下：\n1. 卫生局30宗。\n其余查询另行通报。\n下周安排如下。\n2. 教育局20宗。")
    for text in texts:
        assert [r for r in readings(text) if r[0] == "sum" and r[1] == 50] == [], text


def test_bare_shares_that_add_to_100_make_the_list_the_split_of_its_whole():
    text = "全市共受理群众反映500万件，诉求200万件、占比40%，咨询300万件、占比60%。"
    found = readings(text)
    assert ("sum", 5000000, "2000000 + 3000000", "pass") in found
    assert ("share", 40, "2000000 / 5000000", "pass") in found
    text = "全市共受理群众反映500件，诉求200件（占40%），咨询300件（占60%）。"
    assert ("sum", 500, "200 + 300", "pass") in readings(text)
    text = "本月共转派工单400件，按期办结率100%。\n（一）诉求分类情况\n投诉300件，占比75.00%；求助60件，占比15.00%；建议40件，占比10.00%。"
    assert ("sum", 400, "300 + 60 + 40", "pass") in readings(text)


def test_shares_short_of_100_or_naming_their_whole_make_no_sum():
    # 40% + 30%: the list may name only some parts
    text = "全市共受理群众反映500万件，诉求200万件、占比40%，咨询150万件、占比30%。"
    assert [r for r in readings(text) if r[0] == "sum"] == []
    # shares naming their whole ("占全市转办量的") tie each part to that name alone
    text = "转办2.40万件，办结率97%。各县区共受理转办诉求1.50万件，占全市转办量的62.50%；市直部门共受理0.90万件，占全市转办量的37.50%。"
    assert [r for r in readings(text) if r[0] == "sum"] == []


def test_shares_with_no_whole_printed_are_read_over_the_lists_sum():
    text = "一级分类共3项，各项来电数量和占比为：甲类300个，占30.00%；乙类500个，占50.00%；其他类200个，占20.00%。"
    found = readings(text)
    assert [r for r in found if r[0] == "share"] == [("share", 20, "200 / 1000", "pass"), ("share", 30, "300 / 1000", "pass"),
                                                      ("share", 50, "500 / 1000", "pass")]
    assert [r for r in found if r[0] == "sum"] == []  # the list's own sum is no claim


def test_shares_with_no_whole_that_miss_the_lists_sum_stay_unverifiable():
    # 30.50 + 49.50 + 20.00 = 100, but 300 of 1000 is 30.00%: no base fits them all, and none fails
    text = "各项来电数量和占比为：甲类300个，占30.50%；乙类500个，占49.50%；其他类200个，占20.00%。"
    shares = [r for r in readings(text) if r[0] == "share"]
    assert len(shares) == 3 and all(r[3] == "unverifiable" for r in shares)


def test_shares_printed_after_all_the_counts_are_in_no_item_and_get_no_sum_as_whole():
    text = "本月受理咨询400件、投诉350件、求助250件，占比分别为40%、35%和25%。"
    assert all(r[3] == "unverifiable" for r in readings(text))


def test_a_qizhong_part_takes_the_earlier_count_its_label_ends_with():
    # 两万余件 is read now, and stands first; the part names the later count (报送重要建议)
    text = "全年共收到市民建议两万余件，向市政府报送重要建议100余条。其中各区摘报报送重要建议171件。"
    assert ("bound", 171, "171 ≤ 100", "warn") in readings(text)


def test_a_malformed_item_number_in_words_is_no_number_and_no_crash():
    # （十十） and （十一二） are no item numbers; before, reading them raised ValueError
    assert readings("共接获5宗，情况如下：（十十）甲局3宗；（十一二）乙局2宗。") is not None
    assert ("sum", 5, "3 + 2", "pass") in readings("共接获5宗，情况如下：（一）甲局3宗；（二）乙局2宗。")


def test_a_heading_after_a_comma_splits_the_count_before_it():
    assert readings("本月共受理诉求1000件，按渠道分，电话600件、网络300件、信件100件。") == [
        ("sum", 1000, "600 + 300 + 100", "pass")]
    # closed by 其他, a list short of its whole is an error (unclosed it may name the main channels only)
    assert ("sum", 1000, "600 + 300 + 90", "fail") in readings("本月共受理诉求1000件，按渠道分，电话600件、网络300件、其他90件。")
    assert readings("本月共受理诉求1000件，按渠道分，电话600件、网络300件、信件90件。") == []


def test_a_second_split_headed_by_ruo_an_splits_the_same_total():
    found = readings("全年共完成查处800件，其中大气类500件最多，其余是噪音200件及其他100件；"
                     "若按查处方式统计，陈情案件600件、主动巡查150件、夜间稽查50件。")
    assert ("sum", 800, "500 + 200 + 100", "pass") in found
    assert ("sum", 800, "600 + 150 + 50", "pass") in found


def test_a_share_with_its_count_in_a_bracket_after_it():
    # "其中咨询类占30%（600件）": the bracket's count is the part, the sentence's total the whole
    assert readings("本月受理2000件，其中咨询类占30%（600件），投诉类占25%（500件）。") == [
        ("share", 25, "500 / 2000", "pass"), ("share", 30, "600 / 2000", "pass")]
    assert ("share", 31, "600 / 2000", "fail") in readings("本月受理2000件，其中咨询类占31%（600件）。")


def test_respective_shares_of_counts_in_no_list_take_the_sentences_total_as_a_guess():
    assert readings("本月受理2000件，咨询类600件、投诉类500件，分别占30%和25%。") == [
        ("share", 25, "500 / 2000", "pass"), ("share", 30, "600 / 2000", "pass")]
    # a guess never fails: a share that does not agree is only unverifiable
    found = readings("本月受理2000件，咨询类600件、投诉类500件，分别占35%和25%。")
    assert ("share", 35, "600 / ?", "unverifiable") in found
    # the first of the listed counts is no whole of the others
    assert [r[3] for r in readings("咨询400件、投诉350件，占比分别为40%、35%。")] == ["unverifiable", "unverifiable"]


def test_respective_shares_of_a_named_whole_take_the_whole_it_names():
    text = "本月共受理2000件。受理量前三位的是：甲局300件、乙局200件、丙局100件，分别占总量的15%、10%、5%。"
    # 前三位 also says the three run from the largest down: each bounds the next
    assert readings(text) == [("bound", 100, "100 ≤ 200", "pass"), ("bound", 200, "200 ≤ 300", "pass"),
                              ("share", 5, "100 / 2000", "pass"), ("share", 10, "200 / 2000", "pass"),
                              ("share", 15, "300 / 2000", "pass")]
    # "总量" names no count exactly: the reading is a guess, so a disagreeing share is unverifiable
    assert ("share", 12, "200 / ?", "unverifiable") in readings(text.replace("10%", "12%"))


def test_done_and_remaining_split_a_whole_headed_by_zhong_past_a_rate():
    found = readings("受理的5678件中，已办结5600件，办结率98.6%，正在办理78件。")
    assert ("sum", 5678, "5600 + 78", "pass") in found
    assert ("sum", 5678, "5600 + 70", "fail") in readings("受理的5678件中，已办结5600件，办结率98.6%，正在办理70件。")
    # under 其中, a count 另有 adds is no rest of the done count: no sum
    assert not [r for r in readings("全年需办理案件151件，其中已办结135件；另有协商化解案件17件。") if r[0] == "sum"]


def test_a_share_whose_count_follows_it_is_read_as_a_guess():
    found = readings("全年36,000宗投诉里有15%与服务质素有关，达5,400宗。")
    assert ("share", 15, "5400 / 36000", "pass") in found
    assert ("share", 17, "5400 / ?", "unverifiable") in readings("全年36,000宗投诉里有17%与服务质素有关，达5,400宗。")
    # the whole named by the share's noun in the sentence before
    assert ("share", 15, "750 / 5000", "pass") in readings("本年度接获5000宗投诉。其中15%的投诉个案与疫情有关，涉及750宗。")
    # an estimated share is not read against the counts
    assert ("share", 15, "750 / 5000", "pass") not in readings("本年度接获5000宗投诉。约15%的投诉个案与疫情有关，涉及750宗。")


def test_items_joined_by_dun_go_on_past_a_comma_while_each_is_one_plain_count():
    found = readings("共主动公开政府信息500条，其中动态信息94条、会议信息107条，政策文件24条，政策解读39条。")
    assert [r[1] for r in found if r[0] == "bound"] == [24, 39, 94, 107]
    assert readings("共主动公开政府信息264条，其中动态信息94条、会议信息107条，政策文件24条，政策解读39条。") == [
        ("sum", 264, "94 + 107 + 24 + 39", "pass")]
    # a done count after the comma ends the list
    assert not [r for r in readings("共收到来信3059条，其中A类1160条、B类1859条、C类40条，已办结3000条。")
                if r[0] == "sum" and "3000" in r[2]]


def test_one_count_after_ling_that_makes_up_a_qizhong_list_joins_it():
    text = "全年总立案300宗，其中反贪立案110宗、行政申诉立案150宗，另应请求开立协查个案40宗。"
    assert ("sum", 300, "110 + 150 + 40", "pass") in readings(text)
    # when it does not make the list up, the list stays open: bounds, no sum
    found = readings(text.replace("40宗", "30宗"))
    assert not [r for r in found if r[0] == "sum"] and ("bound", 110, "110 ≤ 300", "pass") in found


def test_a_colon_list_of_published_items_may_count_them_in_kindred_units():
    text = "主动公开政府信息合计597条：门户网站公开6条，公众号发布315篇，抖音号发布95条，视频号发布73期，专栏公开108条。"
    assert ("sum", 597, "6 + 315 + 95 + 73 + 108", "pass") in readings(text)
    assert ("sum", 598, "6 + 315 + 95 + 73 + 108", "fail") in readings(text.replace("597条", "598条"))


def test_a_sum_of_money_beside_one_item_is_no_second_column_of_the_list():
    text = ("全市共受理投诉举报9000件。其中投诉6000件，同比上升1.2%，为消费者挽回经济损失101.5万元；"
            "举报3000件，同比上升2.1%。")
    assert ("sum", 9000, "6000 + 3000", "pass") in readings(text)
    assert ("sum", 9000, "6000 + 2900", "fail") in readings(text.replace("举报3000件", "举报2900件"))
    # the whole's label names 投诉 and 举报 only: short of it is an error; a third name before them
    # ("咨询投诉举报") leaves the two open
    assert [r for r in readings("本月共受理咨询投诉举报9000件。其中投诉6000件；举报2900件。") if r[0] == "sum"] == []


CROSSED = ("全年共收到投诉举报1000件，其中投诉件800件，举报件200件。按来源分：热线共收到600件，其中投诉件500件，"
           "举报件100件；平台共收到300件，其中投诉件220件，举报件80件；其他渠道共收到100件，其中投诉件80件，举报件20件。")


def test_a_heading_of_subtotals_splits_the_whole_and_each_name_adds_across_them():
    found = readings(CROSSED)
    assert ("sum", 1000, "600 + 300 + 100", "pass") in found  # each item opens with its own 共
    assert ("sum", 800, "500 + 220 + 80", "pass") in found and ("sum", 200, "100 + 80 + 20", "pass") in found
    off = readings(CROSSED.replace("投诉件220件，举报件80件", "投诉件230件，举报件70件"))
    assert ("sum", 800, "500 + 230 + 80", "fail") in off and ("sum", 200, "100 + 70 + 20", "fail") in off
    # items split under other names than the whole's give no column sums
    other = readings(CROSSED.replace("其中投诉件80件，举报件20件", "其中电话80件，来信20件"))
    assert not [r for r in other if r[1] in (800, 200) and r[0] == "sum"]


def test_the_one_item_without_the_share_every_other_item_prints_is_no_part():
    text = ("本月共受理案件1000件。其中，上报案件800件，占案件总量的80%；返工50件；受理舆情100件，占案件总量的10%；"
            "视频发现60件，占案件总量的6%；其他来源40件，占案件总量的4%。")
    found = readings(text)
    assert ("sum", 1000, "800 + 100 + 60 + 40", "pass") in found
    assert not [r for r in found if r[0] == "sum" and "50" in r[2]]


def test_an_other_item_closes_a_short_list_only_as_its_last_item():
    # "其他重点信息" inside the list is one more kind, not the rest: the list may name some kinds only
    inside = readings("本委在网站累计发布信息313条，其中政策文件14条、行政许可93条、其他重点信息5条、工作动态63条。")
    assert [r[0] for r in inside] == ["bound"] * 4
    last = readings("本委在网站累计发布信息313条，其中政策文件14条、行政许可93条、工作动态63条、其他信息5条。")
    assert ("sum", 313, "14 + 93 + 63 + 5", "fail") in last


def test_names_joined_by_a_dunhao_inside_an_item_are_one_label_of_a_colon_or_closed_list():
    colon = readings("主动公开政府信息60条：机构职能类16条，政策、规范性文件类24条，安全生产、应急管理类11条，其他类9条。")
    assert ("sum", 60, "16 + 24 + 11 + 9", "pass") in colon
    closed = readings("机构职能类16条，政策、规范性文件类24条，规划计划类10条，合计51条。")
    assert ("sum", 51, "16 + 24 + 10", "fail") in closed


def test_a_list_under_a_heading_of_its_own_splits_the_total_before_it_that_it_adds_up_to():
    text = ("本季度共受理有效热线事项2595宗，办结2194宗。\n（二）来源渠道。电话受理2176宗，来函受理73宗，"
            "微信受理61宗，粤省事受理8宗，电脑网站受理25宗，手机网站受理6宗，粤省心受理246宗。")
    assert ("sum", 2595, "2176 + 73 + 61 + 8 + 25 + 6 + 246", "pass") in readings(text)
    # the sum only picks the whole: parts that fit no total before are no list of one
    assert not [r for r in readings(text.replace("246宗。", "247宗。")) if r[0] == "sum"]
    # nor is a heading that names no split
    assert not [r for r in readings(text.replace("来源渠道", "工作成效")) if r[0] == "sum"]


def test_a_bracket_after_the_words_naming_what_a_count_counts_splits_it():
    found = readings("全年报送信息294篇，其中274篇被四类媒体采用（县委、县政府用稿264篇，市局采用10篇），"
                     "10篇被三类媒体采用（省人社厅用稿2篇、搜狐网1篇、南昌日报4篇、江西工人报2篇）。")
    assert ("sum", 274, "264 + 10", "pass") in found
    assert ("sum", 10, "2 + 1 + 4 + 2", "fail") in found
