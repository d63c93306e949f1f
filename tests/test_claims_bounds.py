"""Bounds between counts (made-up sentences, verdicts worked out by hand): the stages a case
passes through, a month within its period, a done part within the part it completes."""

from __future__ import annotations

from govstats.checks.claims.extract import extract_claims
from govstats.paths import CODE_ROOT
from govstats.reference.characters import load_folds
from govstats.reference.claim_rules import load_measures, load_rates

REFERENCE = CODE_ROOT / "data" / "reference"
RULES = (load_rates(REFERENCE), load_measures(REFERENCE), load_folds(REFERENCE))


def bounds(text: str) -> list[tuple[str, float, float, str]]:
    """(kind, lesser, greater, verdict) of every bound claim, in reading order."""
    return [(c.kind, c.parts[0], c.whole, c.verdict) for c in extract_claims(text, *RULES) if c.kind == "bound"]


def test_a_closed_count_is_bounded_by_the_cases_passed_on_before_it():
    text = "本月平台接收诉求600件，派单480件，已办结455件，办结率94.8%。"
    assert bounds(text) == [("bound", 455, 480, "pass")]
    rate = next(c for c in extract_claims(text, *RULES) if c.kind == "rate")
    assert (rate.formula, rate.verdict) == ("455 / 480", "pass")


def test_more_closed_than_passed_on_only_warns():
    # cases passed on last week may close this week
    assert bounds("本周街道转办工单300件，办结320件。") == [("bound", 320, 300, "warn")]


def test_cases_dealt_with_are_bounded_by_the_cases_dispatched():
    assert bounds("节日期间共立案派遣案卷80件，已有75件案卷处置完毕。") == [("bound", 75, 80, "pass")]


def test_a_closed_count_is_not_bounded_by_a_count_of_one_kind_of_case():
    # 即办件 is one kind of the cases the centre handled, not the cases the closed ones came from
    assert bounds("中心办理600件（即办件500件；办结560件）。") == []


def test_cases_passed_on_are_not_bounded_by_one_channels_intake():
    # 来信 is one channel of the intake: transfers of all channels are not among its letters
    assert bounds("本月接到来电900件、来信40件，转办工单310件。") == []


def test_a_done_count_after_one_part_under_qizhong_is_bounded_by_that_part():
    # 已及时办理 completes the urgent orders before it, it is no sibling of them under the 2600
    assert bounds("本季度各单位承办工单2600件，其中加急工单420件，已及时办理415件。") == [
        ("bound", 420, 2600, "pass"), ("bound", 415, 420, "pass")]
    assert bounds("本季度各单位承办工单2600件，其中加急工单420件，已按时办理430件。") == [
        ("bound", 420, 2600, "pass"), ("bound", 430, 420, "fail")]


def test_a_months_count_is_bounded_by_the_same_entitys_count_of_the_months_that_hold_it():
    text = ("2023年1—9月，便民热线共受理群众诉求4200件。9月份，便民热线受理群众诉求510件，"
            "区长信箱受理来信30件。")
    # 区长信箱 names another entity: its 30 letters are bounded by nothing printed
    assert bounds(text) == [("bound", 510, 4200, "pass")]


def test_a_months_count_above_its_span_across_sentences_is_not_failed():
    # the entity is matched by name only: a break is reported, never failed
    assert bounds("2023年1—3月，便民热线共受理诉求400件。3月份，全区便民热线受理诉求450件。") == [
        ("bound", 450, 400, "unverifiable")]


def test_a_periods_count_is_bounded_by_the_running_total_of_the_same_entity():
    assert bounds("今年窗口共受理业务12000件。自开业以来，窗口累计受理业务86000件。") == [
        ("bound", 12000, 86000, "pass")]


def test_counts_naming_no_entity_or_another_year_make_no_span_bound():
    assert bounds("1—6月受理诉求300件，办结290件。6月受理诉求60件，办结58件。") == [
        ("bound", 290, 300, "pass"), ("bound", 58, 60, "pass")]
    assert bounds("2022年上半年，市长信箱共收到来信300件。2023年6月，市长信箱收到来信70件。") == []


def test_a_count_after_a_bare_copula_is_of_the_clause_before_it():
    # "东站收到留言最多，为820件": the 820 are messages received, and bound the replies after them
    assert bounds("各站点中，东站收到留言最多，为820件，回复量为790件。") == [("bound", 790, 820, "pass")]
    assert bounds("全市网友留言中，东区收到留言最多，达到900件，回复量为930件。") == [("bound", 930, 900, "warn")]


def test_percentages_listed_under_a_floor_are_each_no_lower_than_it():
    text = ("在受访者中，有3项服务的满意度在90%以上，依次为“网上办事”（96.2%）、“窗口服务”（93.0%）和"
            "“热线咨询”（90.4%）。“预约服务”（88.1%）和“邮寄服务”（86.4%）的满意度也在85%以上。")
    assert bounds(text) == [("bound", 90, 96.2, "pass"), ("bound", 90, 93.0, "pass"), ("bound", 90, 90.4, "pass"),
                            ("bound", 85, 88.1, "pass"), ("bound", 85, 86.4, "pass")]


def test_more_than_half_is_a_floor_of_fifty_for_the_figures_given_each():
    assert bounds("停车与噪声治理也有过半市民满意，分别为58%与53%。") == [
        ("bound", 50, 58, "pass"), ("bound", 50, 53, "pass")]


def test_an_item_below_its_floor_fails():
    assert bounds("有2项服务的满意度在90%以上，依次为“甲”（95.0%）、“乙”（88.0%）。") == [
        ("bound", 90, 95.0, "pass"), ("bound", 90, 88.0, "fail")]


def test_a_share_printed_beside_a_floor_is_no_item_of_it():
    assert bounds("满意度在90%以上的单位有8个（占61.5%），其余5个（占38.5%）。") == []


def test_matters_done_online_are_bounded_by_the_matters_on_the_platform():
    assert bounds("市级900项政务服务事项进驻政务服务网，720项事项实现网上可办。") == [("bound", 720, 900, "pass")]
    # a hall's matters are not all the matters online: more online only warns
    assert bounds("全区800项事项进驻大厅，860项事项实现网上可办。") == [("bound", 860, 800, "warn")]


def test_a_count_said_done_by_a_bare_yi_and_verb_is_part_of_the_count_before_it():
    assert bounds("今年的560件积案诉求已化解410件。") == [("bound", 410, 560, "pass")]
    assert bounds("计划新建30个服务站，目前已建成26个。") == [("bound", 26, 30, "pass")]
    # soft: what was done may include what was left from before
    assert bounds("计划新建30个服务站，目前已建成34个。") == [("bound", 34, 30, "warn")]


def test_a_status_count_before_a_done_count_is_no_whole_of_it():
    # 处理中0件 is a sibling status of the 已办结 count, not the set it completes
    assert bounds("各街道承办的来信依次为：甲街道70件，乙街道50件，合计120件，处理中0件，已办结120件。") == []


def test_bracketed_percentages_after_a_floor_of_the_whole_are_not_said_to_be_above_it():
    # the 99% is the city's; the districts after 其中 are not said to be above it
    assert bounds("全市好评率在99%以上，其中甲区（98.7%）、乙区（99.5%）。") == []
    # items before the floor are what is above it, and 均 says so of each
    assert bounds("窗口（97.1%）、网上（83.2%）的好评率均在90%以上。") == [
        ("bound", 90, 97.1, "pass"), ("bound", 90, 83.2, "fail")]


def test_a_month_of_the_whole_hotline_is_not_bounded_by_the_span_of_one_kind_of_its_cases():
    text = "2023年1—6月，便民热线咨询类共受理诉求900件。6月份，便民热线受理诉求400件。"
    assert bounds(text) == []
    text = "2023年1—6月，便民热线共受理诉求3000件。6月份，便民热线咨询类受理诉求400件。"
    assert bounds(text) == [("bound", 400, 3000, "pass")]


def test_a_count_said_reached_by_a_verb_of_size_is_a_new_total_not_a_done_part():
    assert bounds("年初注册用户12万户，目前已突破15万户。") == []
    assert bounds("年初注册用户12万户，现已增至15万户。") == []


LETTERS = "上半年“区长信箱”收到的240件来信中，反映教育类60件，养老类50件。从办理情况看，"


def test_one_part_under_qizhong_is_bounded_by_the_earlier_count_its_clause_names():
    # the topics under "240件来信中" lie inside the 240 too
    assert bounds(LETTERS + "来信由各街道和部门承办，其中街道承办150件，均已办结。") == [
        ("bound", 60, 240, "pass"), ("bound", 50, 240, "pass"), ("bound", 150, 240, "pass")]
    # across sentences the whole is found by its noun only: a break is reported, not failed
    assert bounds(LETTERS + "来信由各街道和部门承办，其中街道承办260件。")[2:] == [("bound", 260, 240, "unverifiable")]


def test_one_part_under_qizhong_naming_no_earlier_counts_noun_is_bounded_by_nothing():
    assert bounds(LETTERS + "各街道承办工单，其中东街道承办150件。") == [("bound", 60, 240, "pass"), ("bound", 50, 240, "pass")]


def test_cases_accepted_are_bounded_by_the_reports_taken_in():
    text = "本月热线共接报工单500件，与上月（430件）相比有所增加；其中实际受理420件，审核退单80件。"
    assert bounds(text) == [("bound", 420, 500, "pass")]


def test_a_closed_count_after_a_kind_of_cases_is_bounded_by_that_kinds_count():
    assert bounds("本周求助类诉求80件，办结75件；建议类诉求20件，办结22件。") == [
        ("bound", 75, 80, "pass"), ("bound", 22, 20, "warn")]
    # a status is no kind of cases: nothing bounds the closed count after it
    assert bounds("本周处理中0件，办结22件。") == []


def test_a_floor_the_items_may_reach_only_together_is_never_failed():
    # shares of one whole that add up to no more than 100 may be what is over half, or over 60%
    assert bounds("超过半数的诉求集中在三类，分别为住房23%、教育18%、交通12%。") == [
        ("bound", 50, 23, "unverifiable"), ("bound", 50, 18, "unverifiable"), ("bound", 50, 12, "unverifiable")]
    assert bounds("两类诉求占比达60%以上，分别为35%、28%。") == [
        ("bound", 60, 35, "unverifiable"), ("bound", 60, 28, "unverifiable")]


def test_parts_after_a_whole_headed_by_zhong_are_bounded_by_it():
    # "…的300宗个案中，A的有120宗…；B的有40宗…": each part lies inside the 300
    found = bounds("经调查终结的300宗个案中，不成立的有120宗，占4成；成立的有40宗，占13%。")
    assert found == [("bound", 120, 300, "pass"), ("bound", 40, 300, "pass")]
    # a list the text closes with 其余 is a split: a sum, no bounds
    assert bounds("经调查终结的300宗个案中，不成立的有120宗；成立的有40宗；其余140宗。") == []


def test_cases_answered_are_done_but_cases_passed_on_are_no_base_of_the_done_rate():
    # 回复处理 counts as done (data/reference/rates.csv): 58 / 60 received = 96.7%
    rate = next(c for c in extract_claims("全年受理有关事项60件，回复处理58件，办结率97%。", *RULES) if c.kind == "rate")
    assert (rate.formula, rate.verdict) == ("58 / 60", "pass")
    # 转办 often names one channel's cases under 其中 (平台转办190件): it is no base, so nothing fails
    text = "上级转办事项197件。其中，平台转办190件，网站留言4件，政务平台留言3件；已办结197件，办结率100%。"
    assert not [c for c in extract_claims(text, *RULES) if c.verdict == "fail"]


def test_a_channel_passing_cases_on_is_no_base_of_the_done_rate():
    # 交办 names a channel here (平台交办190件), not the cases due: 197 / 190 must not fail
    text = "上级交办事项197件。其中，平台交办190件，网站留言4件，政务平台留言3件；已办结197件，办结率100%。"
    assert not [c for c in extract_claims(text, *RULES) if c.verdict == "fail"]


def test_a_carry_in_beside_the_received_leaves_the_closed_unbounded_by_them():
    # the 606 closed may be of the 633 received or of the 23 carried in: no bound of 633 alone
    text = "全年共接收申请633件，上年结转23件。全年共办结606件，另有50件结转下一年度办理。"
    assert bounds(text) == []
    # a carry-over the received count holds keeps the bound
    assert bounds("全年共受理申请121件（其中本年新收112件，上年结转9件），已办结119件。") == [("bound", 119, 121, "pass")]
    assert bounds("本月受理500件，办结520件。") == [("bound", 520, 500, "warn")]
    # a closed count that says it holds cases carried in is not bounded by the new ones alone
    closed = "全年受理申请176件，全年办结177件（含2022年结转的3件）。"
    assert (177, 176) not in [(b[1], b[2]) for b in bounds(closed)]
    assert ("bound", 177, 176, "warn") in bounds(closed.replace("含2022年结转的", "其中按期办结"))
    # none carried in: the closed are of the received
    assert bounds("全年共接收申请44件，上年度结转0件，本年度办结39件。") == [("bound", 39, 44, "pass")]


def test_a_stem_no_measure_names_is_a_share_of_the_cases_received_as_a_guess():
    text = "全年受理群众诉求3,500件。全年在线解答诉求2,600件，在线解答率74.29%。"
    rate = next(c for c in extract_claims(text, *RULES) if c.kind == "rate")
    assert (rate.formula, rate.verdict) == ("2600 / 3500", "pass")
    wrong = next(c for c in extract_claims(text.replace("74.29%", "76.29%"), *RULES) if c.kind == "rate")
    assert wrong.verdict == "unverifiable"  # a guessed base never fails


def test_a_second_units_count_under_a_sentence_opening_qizhong_is_bounded_by_that_units_count_before():
    text = "中心共进驻30个部门，可办理1200项事项。其中，综合窗口可受理20个部门的700项事项。"
    assert bounds(text) == [("bound", 20, 30, "pass"), ("bound", 700, 1200, "pass")]
    # two counts of the other unit before leave its whole unknown
    assert bounds("中心共进驻30个部门，可办理1200项事项、代办300项事项。其中，综合窗口可受理20个部门的700项事项。") == [
        ("bound", 20, 30, "pass")]


def test_one_unit_closing_more_than_it_received_warns():
    assert bounds("甲街道本月受理420件、办结436件；乙街道受理300件、办结280件。") == [
        ("bound", 436, 420, "warn"), ("bound", 280, 300, "pass")]


def test_units_closing_more_than_they_received_as_a_habit_state_no_bound_of_the_excess():
    # two units over their intake: this office counts cases carried in among the closed ones
    text = "甲局受理478件，办结498件；乙局受理296件，办结296件；丙局受理773件，办结782件。"
    assert bounds(text) == [("bound", 296, 296, "pass")]
