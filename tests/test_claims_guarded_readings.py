"""Correct sentences, each shaped a little off the cues a reading rests on, that must not be failed:
a reading no cue fixes passes or is unverifiable (made-up figures, verdicts worked out by hand)."""

from __future__ import annotations

import pytest

from tests.test_claims_shapes import readings

CORRECT = [
    # text tables: some rows only, a bracketed or 其中: sub-row, a hierarchy without indentation
    "类型 | 数量 | 占比\n咨询 | 600 | 30%\n投诉 | 400 | 20%\n合计 | 2000 | 100%\n",
    "类型 | 数量 | 占比\n咨询 | 600 | 60%\n（其中政策咨询） | 200 | 20%\n投诉 | 400 | 40%\n合计 | 1000 | 100%\n",
    "类型 | 数量\n咨询 | 600\n其中：政策咨询 | 200\n投诉 | 400\n合计 | 1000\n",
    "渠道 | 数量\n线上渠道 | 700\n网站 | 400\nAPP | 300\n线下渠道 | 300\n合计 | 1000\n",
    # columns that do not add: a change, a satisfaction rate, an average, a row of averages
    "类型 | 件数 | 占比 | 同比增长\n咨询 | 600 | 60% | 10%\n投诉 | 400 | 40% | 5%\n合计 | 1000 | 100% | 8%\n",
    "类型 | 数量 | 占比 | 满意度\n咨询 | 600 | 60% | 98%\n投诉 | 400 | 40% | 95%\n合计 | 1000 | 100% | 96.8%\n",
    "类型 | 数量 | 平均办理天数\n咨询 | 600 | 3\n投诉 | 400 | 5\n合计 | 1000 | 4\n",
    "项目 | 一季度 | 二季度 | 合计\n受理 | 100 | 90 | 190\n平均办理天数 | 3 | 5 | 4\n",
    # a top-N table after a table of another base
    "渠道 | 数量 | 占比\n电话 | 1200 | 60%\n网络 | 800 | 40%\n合计 | 2000 | 100%\n网络诉求热点问题\n"
    "停车 | 200 | 25.0%\n噪音 | 100 | 12.5%\n合计 | 300 | 37.5%\n",
    # changes whose counts before are several
    "全年接获投诉18,913宗，已处理18,000宗，按年上升12%（2024年16,887宗）。",
    "全年接获投诉18,913宗，涉及网购的有9,000宗，按年上升12%（2024年16,887宗）。",
    "本会2024年共接获3,600宗投诉，其中1,200宗涉及网购，较2023年的3,000宗增加20%。",
    # counts after a whole headed by 中 that are not its parts
    "经调查终结的218宗个案中，成立的有40宗，不成立的有120宗，另有300宗仍在调查中。",
    "在本年度处理的218宗个案中，成立的有40宗，不成立的有120宗，而去年则为250宗。",
    "办理的500件中，咨询200件，投诉150件，涉及1200人次，累计办理6000件。",
    "大厅共进驻36个部门，可办事项1406项。其中，22个部门开通网办，办理业务3000项。",
    # a hotline's kinds are more than a message board's five
    "本月受理群众诉求1000件，其中投诉400件、咨询300件、求助100件、建言50件、感谢20件。",
    "本月共办理业务1000件，其中线上办理600件，线下办理300件。",
    # split headings after a comma
    "本月共受理诉求1000件，按渠道分，电话600件、网络300件、其他100件，按类型分，咨询500件、投诉300件、其他200件。",
    "本月共受理诉求1000件，办结950件，按渠道分，电话600件、网络300件、其他50件。",
    "本月共受理诉求1000件，其中网上受理600件，按类型分，咨询300件、投诉200件、其他100件。",
    # shares and rates whose whole or numerator is not fixed
    "本月共受理2000件，其中网上受理1000件，咨询类占30%（300件）。",
    "本月受理诉求2000件，其中网上1000件，网上诉求中咨询300件、投诉200件，分别占30%、20%。",
    "回访满意率98%（回访500件，满意490件，基本满意10件）。",
    "回访满意率98%（回访500件，非常满意300件，满意190件）。",
    # a 其中 sentence larger than the count before it is of a total further back
    "本月发现问题9000件，应结案8000件。交办应结案1101件，交办按期结案1101件。其中，经应用上报3013件，有效积分1533件。",
    # a piece of its own counts never takes a sibling piece's counts for its rate
    "视频发现案件22件，应结案数22件，结案数5件，结案率22.73%；受理其他来源案件5件，按期办结5件，结案率100%。",
    # differences between periods bound nothing
    "与上月相比，应结案数减少154件，减少7.85%；责任单位结案数减少171件。",
    # a table with two columns the denominator may be: the one every row agrees with
    "单位 | 接收量 | 受理量 | 办结量 | 办结率\n甲局 | 64 | 39 | 58 | 90.63%\n乙局 | 20 | 10 | 18 | 90.00%\n",
]


@pytest.mark.parametrize("text", CORRECT)
def test_a_correct_sentence_is_not_failed(text):
    assert not [r for r in readings(text) if r[3] in ("fail", "warn")]


def test_the_two_headings_after_commas_are_two_splits():
    found = readings("本月共受理诉求1000件，按渠道分，电话600件、网络300件、其他100件，按类型分，咨询500件、投诉300件、其他200件。")
    assert ("sum", 1000, "600 + 300 + 100", "pass") in found
    assert ("sum", 1000, "500 + 300 + 200", "pass") in found


def test_a_number_too_long_for_a_float_is_noise_not_a_figure():
    # no crash, and no claim computed from infinity
    assert readings("类型 | 数量\n甲 | " + "9" * 400 + "\n乙 | 1\n合计 | 2\n") == []
    assert readings("本月受理" + "9" * 400 + "件，办结5件，办结率50%。") == [("rate", 50, "5 / ?", "unverifiable")]


def test_a_second_change_of_a_sentence_does_not_take_the_first_ones_pair():
    found = readings("网购投诉全年共18,913宗，较2024年的16,950宗上升12%，涉款增加45%至近9,300万元。")
    assert ("change", 12, "(18913 - 16950) / 16950", "pass") in found
    assert [r[3] for r in found if r[1] == 45] == ["unverifiable"]


def test_a_named_whole_in_another_unit_than_the_part_is_only_a_guess():
    text = "第一类10个部门立案140件，占总数的3.07%：城乡建设局（68件）受理量居首，占第一类的48.57%，公安局（11件）占7.86%。"
    assert not [r for r in readings(text) if r[3] == "fail"]


def test_rows_under_qizhong_that_repeat_the_counts_before_but_fall_short_are_no_split():
    text = ("本月网格员上报事件9000件，已办8990件。其中上报镇级中心100件，占1.11%，办结100件；"
            "上报市级中心1800件，占20.00%，办结1790件。")
    found = readings(text)
    assert not [r for r in found if r[3] == "fail"] and not [r for r in found if r[0] == "sum"]
    # rows that make the counts up are their split
    full = readings("共收到77件，已办结77件。其中，留言45件，办结45件；咨询投诉32件，办结32件。")
    assert ("sum", 77, "45 + 32", "pass") in full


def test_a_threshold_under_no_name_of_a_rate_is_no_claim():
    # "13个在90%以上", "苏州市接近90%": what other figures reach, not a ratio of its own
    assert not [r for r in readings("就回复率而言，全省18个地市中有13个在90%以上。") if r[1] == 90]
    assert not [r for r in readings("满意度方面，甲市接近90%，乙、丙两市均超过80%。") if r[1] == 90]
    # a rate's own name keeps it a claim, unverifiable
    assert ("rate", 80.0, "各旗区热线的办结率 = ?", "unverifiable") in readings("各旗区热线的办结率都在80%以上。")


def test_a_share_whose_named_whole_is_not_printed_never_fails_over_a_count_before_it():
    text = "已有58个事项实现不见面办理，涵盖人社、医保等12个部门，占社区事务办理总量的95%。"
    assert not [r for r in readings(text) if r[-1] == "fail"]
    # a heading count the sentence opens with fixes the whole, whatever the share calls it
    fixed = ("从被申请人构成看，本年新受理的复议151件中，被申请人为县政府部门的140件，占受理案件数比例最高，"
             "达92.00%；乡镇政府11件，占受理总数的7.28%。")
    assert ("share", 92.0, "140 / 151", "fail") in readings(fixed)


def test_a_stem_rate_behind_two_counts_takes_the_one_that_gives_it():
    text = "本月受理诉求1,549,926件，办结1,314,789件；其中直接解答诉求884,601件，直接解答率57.07%。"
    assert ("rate", 57.07, "884601 / 1549926", "pass") in readings(text)
    # when neither gives it, the guess stays unverifiable, never failed
    off = readings(text.replace("57.07%", "50.07%"))
    assert not [r for r in off if r[-1] == "fail"] and [r for r in off if r[1] == 50.07 and r[-1] == "unverifiable"]


def test_a_share_after_its_items_changes_is_the_items_share_of_the_list():
    text = ("本月共收到咨询、投诉和举报1000件。分开来看，投诉300件，同比降低20.5%，环比降低10.2%，占比30%；"
            "举报100件，同比降低5.1%，占比10%；咨询600件，环比增长3.3%，占比60%。")
    found = readings(text)
    assert ("share", 30.0, "300 / 1000", "pass") in found and ("share", 60.0, "600 / 1000", "pass") in found
    assert ("share", 31.0, "300 / 1000", "fail") in readings(text.replace("占比30%", "占比31%"))


def test_a_share_of_figures_rounded_too_far_to_tell_is_unverifiable():
    # 0.03万 of 0.04万 may be anything from 56% to 100%: no check at all, and no operands on record
    found = readings("本季度共接收诉求0.04万件，其中投诉0.03万件，占比62.97%。")
    assert ("share", 62.97, "300 / 400", "unverifiable") in found
    assert not [r for r in found if r[1] == 62.97 and r[-1] != "unverifiable"]


JOINT = ("6月份平台接收投诉1572件，受理1305件。（一）从投诉问题看，受理量较大的依次是售后服务（377件）、"
         "食品安全（307件）、质量（302件）和价格投诉（70件），合计占比80.92%。")


def test_a_joint_share_of_a_listed_few_is_their_sum_over_the_whole_the_lead_names():
    assert ("share", 80.92, "(377 + 307 + 302 + 70) / 1305", "pass") in readings(JOINT)
    # the whole is fixed by the exact label in the share's own paragraph, so a wrong one fails
    assert ("share", 82.92, "(377 + 307 + 302 + 70) / 1305", "fail") in readings(JOINT.replace("80.92%", "82.92%"))
    # 四家 with five counts listed is not this list
    assert not [r for r in readings(JOINT.replace("合计占比", "四家合计占比").replace("和价格投诉（70件）", "、价格投诉（70件）和其他（5件）"))
                if r[1] == 80.92 and r[-1] == "pass"]


def test_a_joint_share_of_a_list_of_the_larger_ones_with_you_reads_the_lead_too():
    # "投诉量较大的主要有：…" leads its list as "较大的依次是" does
    text = JOINT.replace("受理量较大的依次是", "受理量较大的主要有：")
    assert ("share", 80.92, "(377 + 307 + 302 + 70) / 1305", "pass") in readings(text)


def test_a_guessed_whole_keeps_a_truncation_warning_and_never_fails():
    apart = JOINT.replace("。（一）", "。\n（一）")  # the whole in the paragraph before: a guess
    assert ("share", 80.91, "(377 + 307 + 302 + 70) / 1305", "warn") in readings(apart.replace("80.92%", "80.91%"))
    off = readings(apart.replace("80.92%", "82.92%"))
    assert not [r for r in off if r[-1] in ("fail", "warn")]


def test_a_rate_printed_before_its_denominator_takes_the_later_count_of_its_own_word_as_a_guess():
    text = "全年受理投诉932件；调解成功490件，调解成功率30.23%；“诉转案”21件；办结1621件。"
    assert ("rate", 30.23, "490 / 1621", "pass") in readings(text)
    assert not [r for r in readings(text.replace("30.23%", "35.23%")) if r[-1] == "fail"]


def test_a_whole_percent_over_a_guessed_whole_is_never_read_as_truncated():
    # 3618 of the closed 13043 is 27.74%: against a printed 27% a near rival whole (the 13499
    # received) is as likely as a truncation, so the guess stays unverifiable, no warning
    text = "本季度共受理案件13499件，办结13043件。\n消费者举报共受理3618件，占26%。"
    assert not [r for r in readings(text) if r[-1] in ("fail", "warn")]


def test_a_count_and_share_printed_again_keep_the_whole_of_their_list():
    text = ("本季度共受理案件13499件，其中投诉9880件，占73%；举报3618件，占27%；咨询1件。全季办结13043件。\n"
            "消费者举报共受理3618件，占27%，比去年同期增加433件。")
    assert readings(text).count(("share", 27, "3618 / 13499", "pass")) == 2
