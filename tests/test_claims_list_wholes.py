"""Shares and rates whose whole a cue fixes across sentences: a paragraph opening "在X中，" over the
count X named above, a qualified rate over its base rate's whole, and rates and changes listed
with 分别 against numbers that share one unit (made-up figures, verdicts worked out by hand)."""

from __future__ import annotations

from tests.test_claims_shapes import readings

from govstats.checks.claims.figures import find_figures


def test_in_noun_heading_opening_a_paragraph_splits_the_count_named_above():
    text = ("本季度收到市民投诉820件，其中转办部门处理700件。\n"
            "在投诉件中，涉及物业服务的300件，占投诉件总量的36.59%；涉及道路交通的200件，占24.39%；"
            "涉及其他事项的320件，占39.02%。")
    found = readings(text)
    assert ("sum", 820, "300 + 200 + 320", "pass") in found
    assert ("share", 36.59, "300 / 820", "pass") in found
    # the bare 占X% items of the same list keep the list's one whole, never a sibling
    assert ("share", 24.39, "200 / 820", "pass") in found
    assert ("share", 39.02, "320 / 820", "pass") in found


def test_in_noun_heading_without_such_a_count_above_gives_no_whole():
    text = "本季度收到市民来电820件。\n在投诉件中，涉及物业服务的300件，占36.59%；涉及道路交通的200件，占24.39%。"
    assert [r for r in readings(text) if r[0] == "sum"] == []


def test_qualified_rate_falls_back_to_its_base_rates_whole():
    text = "本月平台共受理问题5000件，应结案4000件，已结案3800件，结案率95%；按期结案3600件，按期结案率90%。"
    found = readings(text)
    assert ("rate", 95, "3800 / 4000", "pass") in found
    assert ("rate", 90, "3600 / 4000", "pass") in found


def test_qualified_rate_that_fits_no_whole_is_unverifiable_not_failed():
    text = "本月平台共受理问题5000件，应结案4000件，已结案3800件，结案率95%；提前结案3600件，提前结案率80%。"
    rate = next(r for r in readings(text) if r[1] == 80)
    assert rate[0] == "rate" and rate[3] == "unverifiable"


def test_a_qualified_rate_with_a_row_of_its_own_is_checked_over_its_named_parts():
    # rates.csv names 按期结案率 as 按期结案 / 应结案 (digital city management): a cue, so it fails
    text = "本月平台共受理问题5000件，应结案4000件，已结案3800件，结案率95%；按期结案3600件，按期结案率80%。"
    assert ("rate", 80, "3600 / 4000", "fail") in readings(text)


def test_respective_changes_share_the_last_numbers_unit_and_each_its_name():
    text = "本月办结率、满意率分别比上月提升1.25、0.4个百分点。"
    assert readings(text) == [("change", 0.4, "满意率比上月提升 = ?", "unverifiable"),
                              ("change", 1.25, "本月办结率比上月提升 = ?", "unverifiable")]


def test_numbers_joined_into_a_percentage_take_its_unit_and_ordinals_do_not():
    shown = [(f.value, f.unit) for f in find_figures("分别增长3.5、2和1.25个百分点，排第2、3%的区间")]
    assert shown == [(3.5, "个百分点"), (2, "个百分点"), (1.25, "个百分点"), (3, "%")]


def test_respective_rates_pair_the_ith_counts_of_the_runs_before():
    text = "从层级看，甲、乙两级的来信量分别为200件、400件；回复量分别为150件、360件；回复率分别为75%和80%。"
    rates = [r for r in readings(text) if r[0] == "rate"]
    # the denominator's run is named by the rate's own denominator word (来信): a wrong rate fails
    assert rates == [("rate", 75, "150 / 200", "pass"), ("rate", 80, "360 / 400", "fail")]


def test_respective_rates_over_a_parent_measures_run_never_fail():
    text = "从层级看，甲、乙两级的留言量分别为200条、400条；回复量分别为150条、360条；回复率分别为75%和80%。"
    rates = [r for r in readings(text) if r[0] == "rate"]
    # 留言 is only the parent measure of 回复 (a guess): the disagreeing rate is unverifiable
    assert rates == [("rate", 75, "150 / 200", "pass"), ("rate", 80, "360 / ?", "unverifiable")]


def test_a_rate_after_an_adverb_is_still_the_named_rate():
    text = "城建类来信400件、回复量360件，在来信较多的情况下回复率仍达90%。"
    assert ("rate", 90, "360 / 400", "pass") in readings(text)
    assert ("rate", 10, "5 / 50", "pass") in readings("其中某局收到来信50件仅答复5件，回复率只有10%。")


def test_a_share_naming_its_whole_as_a_proportion_is_a_share_of_the_lists_whole():
    text = "本年新受理的200件申请中，从事项看，信息公开90件，占新受理数比例45%；行政处罚60件，占30%；其他50件，占20%。"
    found = readings(text)
    assert ("share", 45, "90 / 200", "pass") in found
    assert ("share", 20, "50 / 200", "fail") in found  # 50 of 200 is 25%: the list's whole is fixed


def test_a_bracket_before_a_count_qualifies_its_noun_and_agreeing_cues_fix_the_whole():
    text = "全年共审结复议申请120件（含上年结转），其中纠错（含撤销、变更）30件，纠错率20%。"
    found = readings(text)
    # 纠错 is the label of 30 across its bracket; 其中 and the parent measure (复议) both give 120
    assert ("rate", 20, "30 / 120", "fail") in found


def test_a_list_runs_on_through_item_sentences_with_shares_of_their_own():
    text = ("本月共受理来电400件，同比减少20件。其中社保类100件，占25%，同比增长5%。"
            "住房类80件，占20%。交通类60件，占25%。其他160件，占40%。各单位共办结工单380件。")
    found = readings(text)
    assert ("sum", 400, "100 + 80 + 60 + 160", "pass") in found
    assert ("share", 20, "80 / 400", "pass") in found
    assert ("share", 25, "60 / 400", "fail") in found  # an item sentence keeps the list's one whole
    assert ("share", 40, "160 / 400", "pass") in found


def test_a_sentence_with_a_cue_of_its_own_ends_the_run():
    text = "本月共受理来电400件。其中社保类100件，占25%。从渠道看，电话300件，占75%；网络100件，占25%。"
    sums = [r for r in readings(text) if r[0] == "sum"]
    assert sums == [("sum", 400, "300 + 100", "pass")]


def test_a_change_against_the_other_periods_count_printed_after_it():
    assert readings("今年前三季度共收到表扬信520件，去年同期为400件，增长率达30%。") == [
        ("change", 30, "(520 - 400) / 400", "pass")]
    assert readings("本月办件量900件，上月为1000件，下降了12%。") == [
        ("change", 12, "(1000 - 900) / 1000", "fail")]


def test_a_growth_rate_without_the_other_period_is_an_unverifiable_change():
    assert readings("今年前三季度共收到表扬信520件，增长率达30%。") == [
        ("change", 30, "增长率 = ?", "unverifiable")]


def test_percentages_printed_without_their_sign_are_claims_of_their_own():
    text = "上半年办件数量比去年同期上升12，平均办理时限缩短约40。即办件占总办件量的90.5，窗口满意率达到98。"
    assert [(r[0], r[1], r[3]) for r in readings(text)] == [
        ("change", 12, "unverifiable"), ("change", 40, "unverifiable"),
        ("rate", 98, "unverifiable"), ("share", 90.5, "unverifiable")]
    shown = [(f.value, f.unit, f.approx) for f in find_figures("时限缩短约40。受理120件，增长20件，排名第3。")]
    assert shown == [(40, "%", True), (120, "件", False), (20, "件", False)]


def test_a_second_respective_run_for_the_same_entities_splits_the_count_its_name_names():
    text = ("本年度平台留言量为900条，回复量为700条。\n"
            "从层级看，甲、乙两级的留言量分别为500条、400条；回复量分别为{}条、300条。")
    # the first run is the list of its own piece, not the first count of each piece
    assert readings(text.format(400)) == [
        ("bound", 700, "700 ≤ 900", "pass"),
        ("sum", 700, "400 + 300", "pass"), ("sum", 900, "500 + 400", "pass")]
    assert ("sum", 900, "500 + 400", "pass") in readings(text.format(350))
    # the second run's whole is found by its name only: a disagreeing sum is unverifiable, not failed
    assert ("sum", 700, "350 + 300", "unverifiable") in readings(text.format(350))


def test_a_closing_total_piece_sums_the_one_count_of_its_unit_in_each_piece_before():
    text = "全年完成工程项目20个，中标价12.5亿元；完成采购项目30个，成交价2500万元；合计完成交易额{}亿元。"
    assert readings(text.format("12.75")) == [("sum", 1275000000, "1250000000 + 25000000", "pass")]
    assert readings(text.format("12.95")) == [("sum", 1295000000, "1250000000 + 25000000", "fail")]
    # a piece with two counts of the unit is no single part: no sum
    assert readings("项目甲预算3亿元，结算2.9亿元；项目乙结算1亿元；合计完成投资3.9亿元。") == []


def test_pieces_each_giving_a_part_and_its_done_count_are_the_items_of_the_list():
    text = "本周平台共受理诉求500件，办结450件。其中行政类300件，办结260件；社会类150件，办结148件；无效诉求{}件。"
    found = readings(text.format(50))
    assert ("sum", 500, "300 + 150 + 50", "pass") in found
    assert ("bound", 260, "260 ≤ 300", "pass") in found and ("bound", 148, "148 ≤ 150", "pass") in found
    # the sentence before also states 办结450件: its first count is the likeliest whole, never failed
    assert ("sum", 500, "300 + 150 + 60", "unverifiable") in readings(text.format(60))


def test_a_noun_ending_in_hao_is_counted_and_a_document_number_is_not():
    assert readings("全年主动公开信息300条，其中微信公众号120条，政务网站180条。") == [("sum", 300, "120 + 180", "pass")]
    assert [f.value for f in find_figures("依据〔2020〕12号文件办理，编号3件")] == []


def test_inline_items_through_semicolons_each_describing_what_it_holds():
    text = ("当日受理转派案件{}宗，其中园林处7件，主要是树木折枝；市政处4件，主要是井盖破损；"
            "环卫处2件，主要是垃圾未清运；供水公司4件，主要是水管破裂。")
    assert readings(text.format(17)) == [("sum", 17, "7 + 4 + 2 + 4", "pass")]
    # counted in 宗 over parts in 件, a mismatch is no error; in one unit the parts over the whole fail
    assert readings(text.format(16)) == [("bound", 7, "7 ≤ 16", "pass")]
    assert ("sum", 16, "7 + 4 + 2 + 4", "fail") in readings(text.replace("宗", "件").format(16))


def test_a_done_count_and_an_other_piece_after_qizhong_are_no_split():
    text = "全年需办理案件151件，其中已办结案件135件；另有协商化解案件17件；移送案件3件。"
    assert [r for r in readings(text) if r[0] == "sum"] == []


def test_inline_parts_in_kindred_units_split_the_whole_only_when_they_add_up():
    text = "本月热线受理市民诉求500件，其中电话{}个，信箱30件，网上50件。"
    assert readings(text.format(420)) == [("sum", 500, "420 + 30 + 50", "pass")]
    # 个 beside 件 may count other things: parts that do not add up are no error and no list
    assert readings(text.format(430)) == []


def test_a_change_after_two_counts_labelled_the_same_but_for_the_year():
    assert readings("2023年共受理复议案件80件，2024年共受理复议案件100件，同比增长25%。") == [
        ("change", 25, "(100 - 80) / 80", "pass")]
    assert readings("去年受理复议案件80件，今年受理复议案件60件，下降了20%。") == [
        ("change", 20, "(80 - 60) / 80", "fail")]
    # two years apart, or two different nouns: no base is printed
    assert readings("2022年共受理复议案件80件，2024年共受理复议案件100件，增长25%。") == [
        ("change", 25, "增长 = ?", "unverifiable")]
    assert readings("2023年共受理复议案件80件，2024年共办结复议案件100件，增长25%。") == [
        ("change", 25, "增长 = ?", "unverifiable")]


def test_a_share_alone_in_its_parts_bracket_is_that_parts_share():
    text = "本月共受理1000件，其中咨询类400件（占40%），投诉类350件（占35%），求助类250件（占26%）。"
    assert readings(text) == [("share", 26, "250 / 1000", "fail"), ("share", 35, "350 / 1000", "pass"),
                              ("share", 40, "400 / 1000", "pass"), ("sum", 1000, "400 + 350 + 250", "pass")]
    assert ("share", 40, "400 / 1000", "pass") in readings("全年受理1000件，咨询400件（占比40%）、投诉350件（占比35%）。")


def test_respective_shares_of_parts_of_no_list_keep_their_part_and_no_sibling_whole():
    text = "本月受理咨询400件、投诉350件、求助250件，占比分别为40%、35%和25%。"
    assert readings(text) == [("share", 25, "250 / ?", "unverifiable"), ("share", 35, "350 / ?", "unverifiable"),
                              ("share", 40, "400 / ?", "unverifiable")]
    # changes printed with 分别 are no shares
    assert [r[0] for r in readings("留言量为500条，回复量为400条，分别增长20%和10%。")] == ["bound", "change", "change"]


def test_a_change_with_the_other_periods_count_in_a_bracket_after_it():
    assert readings("本月受理量1200件，同比上升20%（去年同期1000件）。") == [("change", 20, "(1200 - 1000) / 1000", "pass")]
    assert readings("本月受理量900件，环比下降15%（上月1000件）。") == [("change", 15, "(1000 - 900) / 1000", "fail")]
    # a bracket that is no other period's count leaves the change unverifiable
    assert readings("本月受理量1200件，同比上升20%（其中网上800件）。") == [("change", 20, "同比上升 = ?", "unverifiable")]


def test_items_after_qizhong_that_each_print_a_share_keep_the_one_whole_through_semicolons():
    text = "全年受理申请120件，其中予以公开80件，占66.67%；部分公开20件，占15%。"
    found = readings(text)
    assert ("share", 66.67, "80 / 120", "pass") in found
    assert ("share", 15, "20 / 120", "fail") in found  # 20 of 120 is 16.67%: the list's whole is fixed
    # items whose shares name two other wholes are no items of one list
    text = "注册用户1000万，其中个人用户500万，占全市人口总数的30%；法人用户200万，占企业法人总数的90%。"
    assert [r for r in readings(text) if r[0] == "bound" and r[1] == 2000000] == []


def test_a_named_whole_printing_its_count_in_a_bracket_is_the_shares_whole():
    text = "共有12个部门按时办结全部事项，占全部部门（20个）的{}%。"
    assert readings(text.format(60)) == [("share", 60, "12 / 20", "pass")]
    assert readings(text.format(65)) == [("share", 65, "12 / 20", "fail")]
    # a bracket that is no named whole ("占" missing) gives no such reading
    assert readings("本月受理1000件（上月900件）的10%。") == [("share", 10, "的 = ?", "unverifiable")]


def test_an_inline_an_fen_wei_list_splits_the_count_before_it():
    text = "本月受理诉求1000件，按类型分为咨询500件、投诉300件和求助{}件。"
    assert readings(text.format(200)) == [("sum", 1000, "500 + 300 + 200", "pass")]
    assert readings(text.format(250)) == [("sum", 1000, "500 + 300 + 250", "fail")]


def test_a_share_naming_a_subject_of_its_own_is_not_the_share_of_the_count_before_it():
    assert readings("本月受理1000件，其中，咨询类占50%，投诉类占30%。") == [
        ("share", 30, "投诉类占 = ?", "unverifiable"), ("share", 50, "咨询类占 = ?", "unverifiable")]
    # the subject's own count before it is its part
    assert readings("本月受理1000件，咨询类500件，咨询类占比50%。") == [("share", 50, "500 / 1000", "pass")]


def test_a_bare_share_after_a_sibling_that_named_its_whole_keeps_that_whole():
    # the whole named exactly in the paragraph: the sibling's share is fixed and may fail
    assert readings("诉求1000件，办结950件。物业问题200件，占诉求的20%；交通问题150件，占16%。") == [
        ("share", 16, "150 / 1000", "fail"), ("share", 20, "200 / 1000", "pass")]
    # found only through a longer label: a guess for both, never failed
    found = readings("本月诉求1000件，办结950件。物业问题200件，占诉求的20%；交通问题150件，占16%。")
    assert ("share", 16, "150 / ?", "unverifiable") in found


def test_guards_on_wholes_across_pieces_and_sentences():
    # a 其中 piece is a part of the item before it, not a sibling taking the named whole
    assert ("share", 25, "50 / 200", "pass") in readings("诉求1000件。甲区诉求200件，占诉求的20%；其中网上50件，占25%。")
    # an item sentence whose share names another whole does not run on as an item
    found = readings("本月共受理来电400件。其中社保类100件，占25%。乙镇受理80件，占全区的10%。")
    assert ("share", 10, "80 / 400", "fail") not in found
    # a closing total of another measure than its pieces sums none of them
    assert [r for r in readings("甲区受理100件；乙区受理200件；合计办结250件。") if r[0] == "sum"] == []


def test_a_named_whole_is_the_count_of_that_exact_name_not_a_sibling_ending_with_it():
    text = ("本月受理诉求5000件，其中咨询3000件，投诉2000件。"
            "投诉方面，商品类投诉1200件，占投诉总量的60%；服务类投诉800件，占投诉总量的40%。")
    found = readings(text)
    assert ("share", 40.0, "800 / 2000", "pass") in found
    assert not [r for r in found if r[2].startswith("800 / 1200")]


def test_a_named_whole_of_a_label_and_the_noun_its_sentence_opened_with():
    text = ("本月受理的900件投诉中，商品类600件，服务类300件。"
            "商品类投诉排前两位的是食品类120件、服装类90件，分别占商品类投诉的20%、15%。")
    found = readings(text)
    assert ("share", 20.0, "120 / 600", "pass") in found
    assert ("share", 15.0, "90 / 600", "pass") in found


def test_a_named_whole_under_qizhong_is_matched_without_the_cue():
    text = ("本月受理诉求1000件，其中投诉400件。投诉方面，商品类投诉240件，占投诉总量的60%；"
            "服务类投诉160件，占投诉总量的40%。")
    assert ("share", 40.0, "160 / 400", "pass") in readings(text)
    listed = ("受理投诉500件，其中商品类300件，服务类200件。"
              "商品类投诉排前两位的是食品类90件、服装类60件，分别占商品类投诉的30%、20%。")
    assert ("share", 20.0, "60 / 300", "pass") in readings(listed)


def test_a_share_of_the_noun_is_never_over_a_sibling_that_is_a_kind_of_it():
    # 商品类投诉 is a kind of 投诉: "占投诉总量的" of the second item is the 2000 the list opens with
    text = "全年受理的2000件投诉中，商品类投诉1200件，比上年增加5%，占投诉总量的60%；服务类投诉800件，比上年增加2%，占投诉总量的40%。"
    found = readings(text)
    assert ("share", 60, "1200 / 2000", "pass") in found
    assert ("share", 40, "800 / 2000", "pass") in found
    # a share that names the kind itself is over it
    text = "商品类投诉1200件，其中网购600件、电视购物300件，分别占商品类投诉的50%、25%。"
    assert ("share", 25, "300 / 1200", "pass") in readings(text)


def test_the_other_periods_count_printed_bare_before_xiangbi():
    assert readings("全年共接收诉求6000件，与2023年同期5000件相比增长20%。") == [
        ("change", 20, "(6000 - 5000) / 5000", "pass")]
    assert readings("全年共接收诉求6000件，与2023年同期5000件相比增长21%。") == [
        ("change", 21, "(6000 - 5000) / 5000", "fail")]
    # a bare count after the period words with no 相比 is no other period
    assert ("change", 20, "(6000 - 5000) / 5000", "pass") not in readings("全年共接收诉求6000件，比2023年同期5000件的目标增长20%。")


def test_three_shares_naming_one_whole_that_take_it_all_are_its_split():
    text = ("全年共受理诉求1000件。平台受理500件，占诉求总量的50%；热线受理300件，占诉求总量的30%；"
            "来信受理200件，占诉求总量的20%。")
    assert ("sum", 1000, "500 + 300 + 200", "pass") in readings(text)
    # two such shares only tie each part to the name
    two = "全年共受理诉求1000件。平台受理600件，占诉求总量的60%；热线受理400件，占诉求总量的40%。"
    assert not [r for r in readings(two) if r[0] == "sum"]


def test_a_share_naming_the_unqualified_noun_is_of_that_noun_not_of_its_qualified_list_whole():
    # 网购投诉 is a part of 网购投诉举报 (1500), but "占投诉的" names all 投诉 (2000) stated above
    text = ("本季度共接收投诉举报3000件，其中投诉2000件，举报1000件。\n"
            "本季度网购投诉举报1500件，占投诉举报的50%；其中网购投诉1100件，占投诉的55%；网购举报400件，占举报的40%。")
    found = readings(text)
    assert ("share", 55, "1100 / 2000", "pass") in found
    assert ("share", 40, "400 / 1000", "pass") in found
    assert ("sum", 1500, "1100 + 400", "pass") in found


def test_a_share_naming_its_list_wholes_noun_keeps_the_list_whole():
    # 舉報 above is of another paragraph; the list's whole 受理举报5000件 is named by its noun
    text = ("上半年收到举报800件。\n"
            "全年受理举报5000件。其中无照经营举报1100件，占举报总量的22%；广告违法举报900件，占举报总量的18%。")
    found = readings(text)
    assert ("share", 22, "1100 / 5000", "pass") in found
    assert ("share", 18, "900 / 5000", "pass") in found
