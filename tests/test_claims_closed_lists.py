"""Lists that name every member of a closed classification split their whole (made-up figures,
verdicts worked out by hand); the classifications are rows of data/reference/closed_lists.csv."""

from __future__ import annotations

from pathlib import Path

import pytest

from govstats.checks.claims.extract import extract_claims
from govstats.errors import InputError
from govstats.paths import CODE_ROOT
from govstats.reference.characters import load_folds
from govstats.reference.claim_rules import load_measures, load_rates
from govstats.reference.closed_lists import load_closed_lists

REFERENCE = CODE_ROOT / "data" / "reference"
RULES = (load_rates(REFERENCE), load_measures(REFERENCE), load_folds(REFERENCE))
FAMILIES = load_closed_lists(REFERENCE)


def sums(text: str, families=FAMILIES) -> list[tuple[float, str, str]]:
    return [(c.stated, c.formula, c.verdict) for c in extract_claims(text, *RULES, families) if c.kind == "sum"]


MESSAGES = "在上半年收到的1000件留言中，表示感谢的20件，建言的180件，求助的400件，投诉的250件，咨询的148件。"


def test_a_list_naming_every_kind_of_message_splits_its_whole():
    # the five kinds add to 998: two messages short is an error, not a kind left unnamed
    assert sums(MESSAGES) == [(1000, "20 + 180 + 400 + 250 + 148", "fail")]
    # without the classification the shortfall reads as a list of some kinds only: no sum
    assert sums(MESSAGES, ()) == []
    assert sums(MESSAGES.replace("148件", "150件")) == [(1000, "20 + 180 + 400 + 250 + 150", "pass")]


def test_a_list_naming_some_members_only_stays_open():
    # four of the five kinds: the fifth may hold the rest
    assert sums("在收到的1000件留言中，建言的180件，求助的400件，投诉的250件，咨询的148件。") == []


def test_a_family_applies_only_to_a_whole_of_its_kind():
    # a hotline's cases have more kinds than a message board's five (举报 among them): no sum
    assert sums("本月受理群众诉求1000件，其中投诉400件、咨询300件、求助100件、建言50件、感谢20件。") == []
    # the applicants of the 政府信息公开 table are people or organisations
    assert sums("全年共收到政府信息公开申请30件，其中自然人申请18件，法人或其他组织申请10件。") == [
        (30, "18 + 10", "fail")]


def test_a_new_classification_is_a_row_of_reference_data(tmp_path: Path):
    text = "本月共受理诉求900件，其中城镇居民500件，农村居民380件。"
    assert sums(text) == []
    (tmp_path / "closed_lists.csv").write_text(
        (REFERENCE / "closed_lists.csv").read_text("utf-8") + "居住地,城镇;农村,诉求,people live in towns or the country\n",
        "utf-8")
    assert sums(text, load_closed_lists(tmp_path)) == [(900, "500 + 380", "fail")]


def test_a_family_of_one_member_names_file_row_and_column(tmp_path: Path):
    (tmp_path / "closed_lists.csv").write_text("family,members,whole,note\n性别,男,人,people by sex\n", "utf-8")
    with pytest.raises(InputError, match=r"closed_lists.csv, row 2, column members: members are two or more"):
        load_closed_lists(tmp_path)


def test_the_three_kinds_of_a_service_centres_cases_split_its_closed_count():
    # 即办件, 承诺件 and 上报件 are every case a centre files: 5800 + 3100 + 90 = 8990, ten short of 9000
    # (前三季度 is a period, not the top three items)
    text = "前三季度中心共受理办件9000件，办结9000件，其中即办件5800件，承诺件3100件，上报件90件。"
    assert sums(text) == [(9000, "5800 + 3100 + 90", "fail")]
    assert sums(text.replace("90件。", "100件。")) == [(9000, "5800 + 3100 + 100", "pass")]
    # two of the three: the third may hold the rest
    assert sums("中心共办结9000件，其中即办件5800件，承诺件3100件。") == []


def test_goods_and_services_complaints_with_shares_of_the_named_whole_split_it():
    # each share names its whole (占投诉总量的): alone that ties a part to a name, not a split; the
    # two members of the 12315 classification make it one, so 302 + 199 = 501 against 500 fails
    text = "本月共受理投诉500件。投诉方面，商品类投诉302件，占投诉总量的60%；服务类投诉199件，占投诉总量的40%。"
    assert sums(text) == [(500, "302 + 199", "fail")]
    assert sums(text.replace("302件", "301件")) == [(500, "301 + 199", "pass")]
    # without the classification the named whole keeps them apart
    assert sums(text, ()) == []


def test_the_five_grades_of_an_evaluation_split_the_evaluations():
    # 非常满意 … 非常不满意 are every grade a 好差评 evaluation takes: 1999 against 2000 is an error
    text = "全区参与评价2000条，其中非常满意1900条、满意80条、基本满意10条、不满意6条、非常不满意3条。"
    assert sums(text) == [(2000, "1900 + 80 + 10 + 6 + 3", "fail")]
    assert sums(text.replace("3条。", "4条。")) == [(2000, "1900 + 80 + 10 + 6 + 4", "pass")]
    # without the classification four grades short of a fifth's count read as some of them only
    assert sums(text, ()) == []


def test_consultations_complaints_and_reports_split_a_whole_of_consumers_messages():
    # 12315 files a consumer's message as one of the three: one short is an error (晋城's 3423 of 3422)
    text = "本月共受理消费者各类信息3423件。其中咨询2157件，占63%；投诉920件，占26.9%；举报345件，占10.1%。"
    assert sums(text) == [(3423, "2157 + 920 + 345", "fail")]
    # a hotline's cases are of more kinds (求助, 建议): the three may be some of them
    assert sums("本月热线受理群众诉求3423件。其中咨询2157件，投诉920件，举报345件。") == []


def test_counts_right_after_a_whole_naming_all_five_grades_split_it_without_a_cue_word():
    text = "全旗参与评价人次25173人，非常满意24989条、满意147条、基本满意3条、不满意1条、非常不满意33条。"
    assert sums(text) == [(25173, "24989 + 147 + 3 + 1 + 33", "pass")]
    assert sums(text.replace("33条", "30条")) == [(25173, "24989 + 147 + 3 + 1 + 30", "fail")]
    # four of the five grades name no split; nor does a whole of another kind
    assert sums(text.replace("、非常不满意33条", "")) == []
    assert sums(text.replace("参与评价人次", "办件量")) == []
