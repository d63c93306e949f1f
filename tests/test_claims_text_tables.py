"""Tables kept as lines of text and changes whose other period is printed a step away (made-up
figures, verdicts worked out by hand): columns summed against the 合计 row, a series of periods in
one cell with a dash for none, shares of a table whose total row holds 100% and of a top-N table
that holds less, and changes named only by their verb or with the other period in a bracket or in
the clause before."""

from __future__ import annotations

from tests.test_claims_shapes import readings

BAR_TABLE = """各类诉求统计表
类型 | 数量（件） | 占比
咨询 | 600 | 30.0%
求助 | 900 | 45.0%
投诉 | 500 | 25.0%
合计 | 2000 | 100%
"""


def test_columns_of_a_bar_table_are_summed_and_its_shares_checked():
    found = readings(BAR_TABLE)
    assert ("sum", 2000, "600 + 900 + 500", "pass") in found
    assert ("sum", 100, "30 + 45 + 25", "pass") in found
    assert ("share", 45.0, "900 / 2000", "pass") in found
    # a wrong share in a row fails against the table's own total
    wrong = readings(BAR_TABLE.replace("求助 | 900 | 45.0%", "求助 | 900 | 46.0%"))
    assert ("share", 46.0, "900 / 2000", "fail") in wrong
    # a wrong 合计 fails its column
    assert ("sum", 2100, "600 + 900 + 500", "fail") in readings(BAR_TABLE.replace("2000 |", "2100 |"))


def test_top_rows_table_takes_the_whole_of_the_complete_table_before_it():
    text = BAR_TABLE + "热点问题统计表\n类别 | 数量（件） | 占比\n停车 | 300 | 15.0%\n噪音 | 100 | 5.0%\n合计 | 400 | 21.0%\n"
    found = readings(text)
    assert ("sum", 400, "300 + 100", "pass") in found
    assert ("share", 15.0, "300 / 2000", "pass") in found
    # 400 / 2000 is 20.0%: the whole of an earlier table is only a guess, so 21.0% is unverifiable
    assert ("share", 21.0, "400 / ?", "unverifiable") in found
    # alone, a table short of 100% has no whole of its own: no share of its 合计 is computed
    alone = readings(text[len(BAR_TABLE):])
    assert not [r for r in alone if r[0] == "share" and r[3] != "unverifiable"]


def test_series_cells_sum_period_by_period_and_a_dash_is_none():
    text = ("各项依次为2023、2024年\n窗口服务　意见2、－　投诉4、6\n网上服务　意见－、3　投诉1、2\n"
            "其他　意见1、1　投诉－、1\n合计　意见3、4　投诉5、9　异议0、0\n")
    found = readings(text)
    assert ("sum", 3, "2 + 0 + 1", "pass") in found
    assert ("sum", 4, "0 + 3 + 1", "pass") in found
    assert ("sum", 9, "6 + 2 + 1", "pass") in found
    # a column the rows do not hold, and an all-zero column, give no sum
    assert not [r for r in found if r[0] == "sum" and r[1] == 0]
    assert ("sum", 10, "6 + 2 + 1", "fail") in readings(text.replace("投诉5、9", "投诉5、10"))


def test_a_prose_line_is_no_table_row():
    # lines with a comma or colon are prose, however their numbers stand
    found = readings("全年受理 1200 件，办结 1100 件\n其他受理 500 件，办结 400 件\n合计 2300\n")
    assert not [r for r in found if r[0] == "sum"]
    assert [r for r in readings("全年受理 1200\n其他受理 500\n合计 2300\n") if r[0] == "sum"] == [
        ("sum", 2300, "1200 + 500", "fail")]


def test_percentage_after_a_change_verb_alone_is_a_change():
    found = readings("全年网购投诉13,000宗，涉及金额大升34%，至逾5,800万元。")
    assert [(kind, verdict) for kind, stated, _, verdict in found if stated == 34] == [("change", "unverifiable")]


def test_change_against_a_count_in_a_bracket_after_it():
    # (1100 - 1000) / 1000 = 10.0%
    found = readings("全年网购投诉共1,100宗，按年上升10%（2024年1,000宗）。")
    assert ("change", 10, "(1100 - 1000) / 1000", "pass") in found
    assert ("change", 12, "(1100 - 1000) / 1000", "fail") in readings("全年网购投诉共1,100宗，按年上升12%（2024年1,000宗）。")


def test_change_against_the_other_period_after_the_count_of_the_clause_before():
    found = readings("本会2024年共接获3,600宗投诉，较2023年的3,000宗增加20%。")
    assert ("change", 20, "(3600 - 3000) / 3000", "pass") in found


def test_a_total_row_heading_its_rows_totals_the_rows_below_it():
    text = "各类诉求\n类型 | 数量（件） | 占比\n合计 | 2000 | 100%\n咨询 | 600 | 30.0%\n求助 | 900 | 45.0%\n投诉 | 500 | 25.0%\n"
    found = readings(text)
    assert ("sum", 2000, "600 + 900 + 500", "pass") in found
    assert ("share", 30.0, "600 / 2000", "pass") in found


def test_a_title_line_after_a_table_starts_another_table():
    found = readings(BAR_TABLE + "各类渠道\n电话 | 300 | 60.0%\n网络 | 200 | 40.0%\n合计 | 500 | 100%\n")
    assert ("sum", 500, "300 + 200", "pass") in found
    assert not [r for r in found if r[0] == "sum" and r[1] == 500 and r[2] != "300 + 200"]


def test_a_total_column_sums_each_row():
    text = ("收到申请情况\n项目 | 自然人 | 商业企业 | 其他组织 | 总计\n本年新收申请 | 20 | 3 | 1 | 24\n"
            "上年结转 | 1 | 0 | 0 | 1\n予以公开 | 12 | 2 | 1 | 16\n")
    found = readings(text)
    assert ("sum", 24, "20 + 3 + 1", "pass") in found
    assert ("sum", 16, "12 + 2 + 1", "fail") in found
    # without a total in the header the last column is one more count
    assert not [r for r in readings(text.replace("| 总计", "| 其他")) if r[0] == "sum"]


def test_a_row_number_before_the_label_is_no_cell():
    text = ("各部门办件情况\n序号 | 部门 | 办件量（件） | 占比\n1 | 区人社局 | 600 | 30.0%\n2 | 区住建局 | 900 | 45.0%\n"
            "3 | 区民政局 | 500 | 25.0%\n合计 | | 2000 | 100%\n")
    found = readings(text)
    assert ("sum", 2000, "600 + 900 + 500", "pass") in found
    assert ("share", 45.0, "900 / 2000", "pass") in found
    assert not [r for r in found if r[0] == "sum" and r[1] in (6, 1)]
    # the header's unit (件) goes to the count column, past the row-number column
    from tests.test_claims_shapes import claims
    assert [c.unit for c in claims(text) if c.kind == "sum" and c.stated == 2000] == ["件"]


def test_a_total_column_holds_over_a_second_header_line_and_section_lines():
    text = ("收到和处理政府信息公开申请情况\n申请人情况 | 自然人 | 法人或其他组织 | 总计\n"
            "商业企业 科研机构 其他\n一、本年新收申请数量 | 20 | 2 | 0 | 1 | 23\n三、本年度办理结果\n"
            "（一）予以公开 | 12 | 1 | 0 | 1 | 14\n（二）部分公开 | 3 | 0 | 0 | 0 | 4\n")
    found = readings(text)
    assert ("sum", 23, "20 + 2 + 0 + 1", "pass") in found
    assert ("sum", 4, "3 + 0 + 0 + 0", "fail") in found
    # a header after those rows heads a table of its own, with no total column
    assert not [r for r in readings(text + "类别 | 数量 | 办结\n甲 | 10 | 8\n乙 | 5 | 4\n") if r[1] in (8, 4) and r[0] == "sum"
                and r[2] != "3 + 0 + 0 + 0"]


def test_sub_rows_are_left_out_of_the_column_sums():
    indented = "类别 | 数量\n甲类 | 100\n  A | 60\n  B | 40\n乙类 | 50\n合计 | 150\n"
    assert [r for r in readings(indented) if r[0] == "sum"] == [("sum", 150, "100 + 50", "pass")]
    labelled = "类别 | 数量\n甲类 | 100\n其中A | 60\n乙类 | 50\n合计 | 150\n"
    assert [r for r in readings(labelled) if r[0] == "sum"] == [("sum", 150, "100 + 50", "pass")]


def test_a_row_short_of_a_cell_is_not_summed_across():
    text = "项目 | 自然人 | 法人 | 其他 | 总计\n新收 | 20 | 2 | 1 | 23\n结转 | 1 | 1\n办结 | 12 | 1 | 0 | 13\n"
    assert [r for r in readings(text) if r[0] == "sum"] == [("sum", 13, "12 + 1 + 0", "pass"),
                                                            ("sum", 23, "20 + 2 + 1", "pass")]


def test_a_column_of_a_named_rate_is_checked_against_the_columns_its_header_names():
    text = "部门 | 受理（件） | 办结（件） | 办结率\n甲 | 100 | 98 | 98%\n乙 | 50 | 45 | 92%\n合计 | 150 | 143 | 95.3%\n"
    found = readings(text)
    assert ("rate", 98, "98 / 100", "pass") in found
    assert ("rate", 92, "45 / 50", "fail") in found
    assert ("rate", 95.3, "143 / 150", "pass") in found
    # a column of rates is no share column and no sum, even when its total row holds 100%
    full = readings("部门 | 受理 | 办结 | 办结率\n甲 | 100 | 100 | 100%\n乙 | 50 | 50 | 100%\n合计 | 150 | 150 | 100%\n")
    assert not [r for r in full if r[0] in ("share", "sum") and r[3] == "fail"]
    assert not [r for r in full if r[0] == "sum" and r[1] == 100]


def test_a_change_column_is_checked_against_its_two_years_columns():
    text = ("排名 | 类别 | 2025年 | 2024年 | 按年变动\n1 | 食肆 | 6,922宗 | 5,810宗 | +19%\n"
            "2 | 电讯 | 2,646宗 | 3,071宗 | -14%\n3 | 美容 | 1,443宗 | 2,929宗 | -49%\n")
    found = readings(text)
    assert ("change", 19, "(6922 - 5810) / 5810", "pass") in found
    assert ("change", -14, "(2646 - 3071) / 3071", "pass") in found
    assert ("change", -49, "(1443 - 2929) / 2929", "fail") in found  # -50.7%
    # one year only: each change is listed, unverifiable
    alone = readings("类别 | 投诉宗数 | 按年变动\n食肆 | 4,964 | +29%\n旅游 | 2,475 | +13%\n")
    assert [(r[0], r[3]) for r in alone] == [("change", "unverifiable"), ("change", "unverifiable")]


NOTED_TABLE = """各类问题处理情况
问题类别 | 9月（件） | 8月（件） | 结案数（件） | 结案率（%） | 主要问题
占道经营 | 400 | 380 | 396 | 99.00% | 早市摊点、流动摊贩，多在学校周边
乱堆乱放 | 250 | 260 | 250 | 100.00% | 建筑垃圾、废弃家具等
"""


def test_a_rate_column_whose_words_name_no_column_is_taken_over_the_latest_month_as_a_guess():
    found = readings(NOTED_TABLE)
    # a closing column of notes, commas and all, leaves the rows readable; 结案率（%） is a rate column
    assert ("rate", 99.0, "396 / 400", "pass") in found
    assert ("rate", 100.0, "250 / 250", "pass") in found
    # the whole is a guess (the latest month's column), so a rate that disagrees is unverifiable, never failed
    wrong = readings(NOTED_TABLE.replace("99.00%", "98.00%"))
    assert ("rate", 98.0, "396 / ?", "unverifiable") in wrong
    assert not [r for r in wrong if r[-1] == "fail"]


COMPLEMENT = """派遣的案件各部门完成情况如下：
部门　派遣数　完成数　未完成数　结案率
一中队　160　150　10　93.8%
二中队　200　185　15　92.5%
"""


def test_a_done_and_not_done_column_split_the_column_before_and_give_the_rate_its_parts():
    found = readings(COMPLEMENT)
    assert ("sum", 160, "150 + 10", "pass") in found and ("sum", 200, "185 + 15", "pass") in found
    # 结案率 names neither column: done over the whole is the likeliest reading, a guess
    assert ("rate", 93.8, "150 / 160", "pass") in found
    off = readings(COMPLEMENT.replace("92.5%", "90.5%"))
    assert ("rate", 90.5, "185 / ?", "unverifiable") in off
    # the header fixes the split, so a row that does not add up fails
    assert ("sum", 200, "185 + 16", "fail") in readings(COMPLEMENT.replace("185　15", "185　16"))


def test_a_table_laid_across_under_its_announcing_sentence_splits_the_count_stated_there():
    text = "受理的47件诉求，分类如下：\n施工噪音　占道经营　门头装修　咨询解释\n2　6　1　38\n"
    assert ("sum", 47, "2 + 6 + 1 + 38", "pass") in readings(text)
    assert ("sum", 47, "2 + 6 + 1 + 48", "fail") in readings(text.replace("1　38", "1　48"))
    # without the announcing words the lines are no split of the count
    assert not [r for r in readings(text.replace("分类如下：", "其中：")) if r[0] == "sum" and r[1] == 47]


def test_a_table_laid_across_with_a_total_cell_checks_the_cells_against_both_totals():
    text = "受理的47件诉求，分类如下：\n施工噪音　占道经营　咨询解释　合计\n2　7　38　47\n"
    found = readings(text)
    assert [r for r in found if r[:3] == ("sum", 47, "2 + 7 + 38")] and all(r[-1] == "pass" for r in found if r[0] == "sum")
    wrong = readings(text.replace("2　7　38　47", "2　7　38　48"))
    assert ("sum", 48, "2 + 7 + 38", "fail") in wrong and ("sum", 47, "2 + 7 + 38", "pass") in wrong


NAMED_SHARES = """全年共收到投诉举报5000件。按来源分：平台共收到投诉举报2000件；热线共收到各类投诉举报3000件。
平台受理商品类投诉五大热点
项目 | 数量（件） | 占平台投诉举报总数比例
食品 | 500 | 25.00%
服装 | 120 | 6.00%
"""


def test_a_share_column_naming_its_whole_takes_the_count_its_header_names():
    found = readings(NAMED_SHARES)
    # no total row: the header's 平台投诉举报总数 is the 2000 the platform received
    assert ("share", 25.0, "500 / 2000", "pass") in found and ("share", 6.0, "120 / 2000", "pass") in found
    # a guess, so a row that disagrees is unverifiable, never failed
    off = readings(NAMED_SHARES.replace("6.00%", "7.00%"))
    assert not [r for r in off if r[-1] in ("fail", "warn")]


def test_a_change_printed_right_after_its_count_is_fixed_by_the_words_even_after_other_counts():
    # the comparison follows 10171件 at once: which count changed is no guess, so a wrong change fails
    found = readings("共接收投诉举报37894件。其中投诉27723件，比上年同期（25805件）上升7.43%；"
                     "举报10171件，比上年同期（10553件）下降3.71%。")
    assert ("change", 7.43, "(27723 - 25805) / 25805", "pass") in found
    assert ("change", 3.71, "(10553 - 10171) / 10553", "fail") in found


CHANGES = ("类型 | 8月（件） | 7月（件） | 环比（%） | 2021年8月（件） | 同比（%） |\n"
           "发现问题数 | 19117 | 24575 | ↓22.21% | 16788 | ↑13.87% |\n"
           "事件高发前五 | 暴露垃圾 | 4654 | 7800 | ↓40.33% | 4034 | ↑15.37% |\n"
           "机动车乱停放 | 4000 | 4084 | ↓2.06% | 2284 | ↑75.13% |\n")


def test_a_change_column_among_three_periods_compares_the_first_with_the_one_its_word_names():
    found = readings(CHANGES)
    assert ("change", -22.21, "(19117 - 24575) / 24575", "pass") in found  # 环比: 8月 against 7月
    assert ("change", 13.87, "(19117 - 16788) / 16788", "pass") in found  # 同比: against 2021年8月
    assert ("change", 75.13, "(4000 - 2284) / 2284", "pass") in found
    assert ("change", 12.87, "(19117 - 16788) / 16788", "fail") in readings(CHANGES.replace("↑13.87%", "↑12.87%"))


def test_a_group_name_before_a_rows_label_leaves_the_row_in_line_with_the_header():
    found = readings(CHANGES)
    assert ("change", -40.33, "(4654 - 7800) / 7800", "pass") in found
    assert ("change", 15.37, "(4654 - 4034) / 4034", "pass") in found
