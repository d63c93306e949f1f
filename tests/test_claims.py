"""The claims engine: the known figures of the seeds, false alarms it must not raise, verdicts,
record and ledger shapes, reference data, and precision/recall on hand-labelled bulletins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claim_scoring import BULLETINS, load_labels, overall, score_claims, score_texts

from govstats.checks.claims.extract import extract_claims, table_count_claims
from govstats.checks.claims.records import (
    CLAIM_COLUMNS,
    Claim,
    claims_frame,
    claims_ledger,
    claims_to_records,
)
from govstats.checks.ledger import LEDGER_COLUMNS, has_errors
from govstats.errors import InputError
from govstats.ingest.table import read_table
from govstats.paths import CODE_ROOT
from govstats.reference.claim_rules import (
    load_count_patterns,
    load_measures,
    load_rates,
)

REFERENCE = CODE_ROOT / "data" / "reference"
SEEDS = CODE_ROOT.parent / "shared" / "seeds"
SAMPLE = Path(__file__).parent / "data" / "split_month" / "2020-07"
RATES = load_rates(REFERENCE)

# The known figures of the seed documents: (seed, test text, kind, stated, formula, computed,
# verdict, difference). Computed percentages to 4 decimals; differences in points or units.
KNOWN = [
    ("001", "monthly_bulletin.txt", "sum", 84781, "67354 + 17427", 84781, "pass", 0),
    ("001", "monthly_bulletin.txt", "share", 95.4, "52740 / 55306", 95.3604, "pass", 0),
    ("001", "monthly_bulletin.txt", "share", 99.6, "55109 / 55306", 99.6438, "pass", 0),
    ("000", "platform_quarter.txt", "sum", 43995, "43840 + 155", 43995, "pass", 0),
    ("000", "platform_quarter.txt", "rate", 99.79, "43628 / 43720", 99.7896, "pass", 0),
    ("000", "platform_quarter.txt", "rate", 99.65, "43840 / 43995", 99.6477, "pass", 0),
    ("003", "annual_report.txt", "share", 98.2, "1423 / 1449", 98.2057, "pass", 0),
    ("003", "annual_report.txt", "share", 97.2, "723 / 744", 97.1774, "pass", 0),
    ("003", "annual_report.txt", "rate", 85.89, "(203 + 436) / 744", 85.8871, "pass", 0),
    ("003", "annual_report.txt", "rate", 58.6, "436 / 744", 58.6022, "pass", 0),
    ("003", "annual_report.txt", "share", 81.9, "1881 / 2295", 81.9608, "warn", 0.1),
    ("003", "annual_report.txt", "share", 10.6, "4059 / 38195", 10.627, "pass", 0),
    ("004", "reform_article.txt", "change", 27.52, "(5567 - 4034) / 5567", 27.5373, "fail", 0.02),
    ("004", "reform_article.txt", "change", 82, "(34977 - 6298) / 34977", 81.9939, "pass", 0),
    ("004", "reform_article.txt", "share", 14.51, "190 / 1309", 14.5149, "pass", 0),
    ("004", "reform_article.txt", "change", 87, "(15589 - 2027) / 15589", 86.9972, "pass", 0),
]


def claims_of(name: str) -> list[Claim]:
    return extract_claims((BULLETINS / name).read_text("utf-8"), RATES)


def seed_text(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text("utf-8")


def the_claim(claims: list[Claim], formula: str) -> Claim:
    found = [c for c in claims if c.formula == formula]
    assert len(found) == 1, f"{formula}: {[c.formula for c in claims]}"
    return found[0]


def assert_known(claim: Claim, kind: str, stated: float, computed: float, verdict: str,
                 difference: float) -> None:
    assert (claim.kind, claim.verdict) == (kind, verdict)
    assert claim.stated == pytest.approx(stated)
    assert claim.computed == pytest.approx(computed, abs=1e-4)
    assert claim.difference == pytest.approx(difference)


# ------------------------------------------------------------ the known figures


@pytest.mark.parametrize(("seed", "name", "kind", "stated", "formula", "computed", "verdict", "difference"),
                         KNOWN, ids=[f"{k[0]}:{k[4]}" for k in KNOWN])
def test_known_figure_in_test_bulletin(seed, name, kind, stated, formula, computed, verdict, difference):
    assert_known(the_claim(claims_of(name), formula), kind, stated, computed, verdict, difference)


@pytest.mark.parametrize(("seed", "name", "kind", "stated", "formula", "computed", "verdict", "difference"),
                         KNOWN, ids=[f"{k[0]}:{k[4]}" for k in KNOWN])
def test_known_figure_in_seed(seed, name, kind, stated, formula, computed, verdict, difference):
    assert_known(the_claim(extract_claims(seed_text(seed), RATES), formula),
                 kind, stated, computed, verdict, difference)


def test_seeds_fail_only_the_misprinted_reduction():
    failed = [c for p in ("000", "001", "002", "003", "004")
              for c in extract_claims(seed_text(p), RATES) if c.verdict == "fail"]
    assert [(c.formula, c.stated, c.difference) for c in failed] == [("(5567 - 4034) / 5567", 27.52, 0.02)]


def test_seed_without_checkable_statements_gives_no_checked_claim():
    """Seed 002 is a plan: its percentages are printed without parts, so each is listed as
    unverifiable with its label (none dropped, none passed or failed); 不得低于 is a target, no claim."""
    claims = extract_claims(seed_text("002"), RATES)
    assert claims and {c.verdict for c in claims} == {"unverifiable"}
    assert all(c.message.startswith("“") for c in claims)
    assert not any("入驻率" in c.formula for c in claims)


def test_truncated_percentage_is_a_warning_that_names_truncation():
    claim = the_claim(claims_of("annual_report.txt"), "1881 / 2295")
    assert "截断" in claim.message and "truncated" in claim.message
    assert "82.0%" in claim.message


def test_reduction_fails_by_two_hundredths_of_a_point():
    claim = the_claim(claims_of("reform_article.txt"), "(5567 - 4034) / 5567")
    assert claim.message.endswith("相差 0.02 个百分点")


def sample_table() -> tuple[dict[str, int], dict[str, int]]:
    """(合计 row, sums of the department rows) of the sample month's table, by header."""
    table = read_table(SAMPLE / "table.tsv")
    header = table.rows[0]
    measures = [i for i, h in enumerate(header) if h not in ("序号", "办件量分类", "部门")]
    total_row = next(r for r in table.rows if "合计" in r)
    departments = [r for r in table.rows[1:] if r[0].isdigit() and len(r) > max(measures)]
    published = {header[i]: int(total_row[i]) for i in measures}
    summed = {header[i]: sum(int(r[i]) for r in departments) for i in measures}
    return published, summed


def test_table_total_67354_is_the_sum_of_27_department_rows_in_every_column():
    published, summed = sample_table()
    assert published["办理总数"] == 67354
    assert summed == published


def test_bulletin_count_agrees_with_the_table_total():
    _, summed = sample_table()
    text = (SAMPLE / "bulletin.txt").read_text("utf-8")
    (claim,) = table_count_claims(text, {"total": summed["办理总数"]}, load_count_patterns(REFERENCE))
    assert (claim.kind, claim.stated, claim.computed, claim.verdict) == ("table", 67354, 67354, "pass")
    assert claim.unit == "件" and "67354" in claim.text


def test_bulletin_count_against_a_different_table_fails_with_the_difference():
    text = (SAMPLE / "bulletin.txt").read_text("utf-8")
    patterns = load_count_patterns(REFERENCE)
    (claim,) = table_count_claims(text, {"total": 67300}, patterns)
    assert (claim.verdict, claim.difference) == ("fail", -54)
    (missing,) = table_count_claims(text, {"online": 55070}, patterns)
    assert missing.verdict == "unverifiable" and missing.computed is None


# ------------------------------------------------------------ verdicts and readings


def test_wrong_sum_fails_with_the_difference_in_units():
    claim = the_claim(claims_of("mixed_checks.txt"), "5200 + 3268")
    assert (claim.kind, claim.stated, claim.computed, claim.verdict) == ("sum", 8478, 8468, "fail")
    assert claim.difference == -10 and "少 10件" in claim.message


def test_list_closed_by_a_total_is_a_sum():
    claim = the_claim(claims_of("mixed_checks.txt"), "3 + 5")
    assert (claim.stated, claim.verdict, claim.difference) == (9, "fail", -1)


def test_colon_list_is_a_sum():
    claim = the_claim(claims_of("monthly_bulletin.txt"), "5 + 4 + 6 + 3")
    assert (claim.stated, claim.verdict) == (18, "pass")


def test_figures_in_wan_and_full_width_digits_add_up():
    claims = claims_of("mixed_checks.txt")
    assert the_claim(claims, "67400 + 17400").verdict == "pass"
    assert the_claim(claims, "9000 + 3000").stated == 12000


def test_completed_above_received_is_a_soft_warning():
    claim = the_claim(claims_of("mixed_checks.txt"), "1236 / 1200")
    assert (claim.kind, claim.verdict, claim.computed) == ("rate", "warn", 103.0)
    assert "结转" in claim.message


def test_rate_off_by_a_point_fails():
    claim = the_claim(claims_of("mixed_checks.txt"), "1900 / 2000")
    assert (claim.verdict, claim.computed, claim.difference) == ("fail", 95.0, -1.0)


def test_percentage_written_in_words():
    claim = the_claim(claims_of("mixed_checks.txt"), "5000 / 10000")
    assert (claim.stated, claim.decimals, claim.verdict) == (50, 0, "pass")


def test_rate_without_its_denominator_is_unverifiable_not_failed():
    claims = extract_claims(seed_text("000"), RATES)
    (claim,) = [c for c in claims if c.stated == 99.86]
    assert (claim.kind, claim.verdict, claim.computed, claim.difference) == ("rate", "unverifiable", None, None)
    assert claim.formula == "772077 / ?" and "分母" in claim.message


def test_ambiguous_denominator_says_which_reading_was_used():
    claim = the_claim(claims_of("platform_quarter.txt"), "43840 / 43995")
    assert "43995" in claim.note and "155" in claim.note


def test_whole_stated_in_an_earlier_sentence_is_noted():
    claim = the_claim(claims_of("reform_article.txt"), "190 / 1309")
    assert "1309" in claim.note
    claim = the_claim(claims_of("annual_report.txt"), "(203 + 436) / 744")
    assert "744" in claim.note


def test_share_in_a_sentence_opening_with_qizhong_uses_the_total_before():
    claim = the_claim(claims_of("heldout_halfyear.txt"), "82766 / 215306")
    assert claim.verdict == "pass" and "其中" in claim.note


@pytest.mark.parametrize(
    "text",
    [
        "7月6日至10日，我办举办培训。2020年8月6日印发。",
        "綦政服〔2020〕12号；渝府办发〔2022〕34号；重庆市人民政府第335号令。",
        "一是提高认识；二是压实责任。1.加大推广力度。2.优化营商环境。",
        "咨询电话：023-48661234，手机13800138000，热线12345。",
        "面向35岁以下人员，年满60周岁的老人，建党99周年。",
        "区公安局办件300件，区税务局办件200件，区民政局办件500件。",
        "进驻实体大厅723项（21项不宜进驻）。区发展改革委、区城市管理局各超时1件。",
    ],
)
def test_text_that_states_no_relation_gives_no_claim(text):
    assert extract_claims(text, RATES) == []


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("网上可受理率达到83%，事项入驻率不得低于80%，群众主动评价率90%以上。",
         [("rate", 83, "unverifiable"), ("rate", 90, "unverifiable")]),
        ("新增市场主体30722户，同比增长17.3%，其中新增公司8617户，增长8.9%。",
         [("change", 17.3, "unverifiable"), ("bound", 8617, "pass"), ("change", 8.9, "unverifiable")]),
        ("区残联办件400件（其中网上办理300件）。", [("bound", 300, "pass")]),
        ("共收到投诉16件，其中查实4件。", [("bound", 4, "pass")]),
    ],
)
def test_rates_changes_and_single_parts_are_listed_never_summed(text, listed):
    """A rate or change printed without parts is unverifiable, a single part under 其中 is a bound."""
    assert sorted((c.kind, c.stated, c.verdict) for c in extract_claims(text, RATES)) == sorted(listed)


def test_the_no_claims_bulletin_passes_or_fails_nothing_but_a_part_under_its_whole():
    """Dates, document numbers, ordinals, phones, ages and unrelated counts give nothing; its
    rates and changes are listed as unverifiable; 其中8617户 is a bound of the 30722."""
    claims = claims_of("no_claims.txt")
    assert sorted((c.kind, c.stated, c.verdict) for c in claims) == [
        ("bound", 8617, "pass"), ("change", 8.9, "unverifiable"), ("change", 17.3, "unverifiable"),
        ("rate", 83, "unverifiable"), ("rate", 90, "unverifiable")]


def test_offsets_point_at_the_clause_in_the_full_text():
    text = (BULLETINS / "annual_report.txt").read_text("utf-8")
    for claim in extract_claims(text, RATES):
        assert text[claim.start:claim.end] == claim.text
    claim = the_claim(extract_claims(text, RATES), "723 / 744")
    assert claim.text.startswith("其中行政许可事项 744 项") and claim.text.endswith("占 97.2%。")


# ------------------------------------------------------------ records, frame, ledger


def test_records_are_json_with_a_stable_schema():
    records = claims_to_records(claims_of("monthly_bulletin.txt"))
    assert [list(r) for r in records] == [CLAIM_COLUMNS] * len(records)
    first = json.loads(json.dumps(records, ensure_ascii=False))[0]
    assert first["kind"] == "sum" and first["stated"] == 84781 and first["decimals"] is None


def test_frame_has_one_row_per_claim_in_column_order():
    claims = claims_of("reform_article.txt")
    frame = claims_frame(claims)
    assert list(frame.columns) == CLAIM_COLUMNS and len(frame) == len(claims) == 6
    assert sorted(frame["verdict"]) == ["fail", "pass", "pass", "pass", "unverifiable", "unverifiable"]
    assert list(claims_frame([]).columns) == CLAIM_COLUMNS


def test_ledger_keeps_pass_and_fail_for_error_severity():
    claims = [c for n in ("mixed_checks.txt", "monthly_bulletin.txt", "annual_report.txt") for c in claims_of(n)]
    ledger = claims_ledger(claims)
    assert list(ledger.columns) == LEDGER_COLUMNS
    assert LEDGER_COLUMNS[:8] == ["check", "scope", "expected", "actual", "difference", "severity", "status",
                                  "message"]
    assert has_errors(ledger) and not has_errors(claims_ledger(claims_of("platform_quarter.txt")))
    assert list(ledger["status"][:4]) == ["fail", "fail", "fail", "warn"]
    assert set(ledger.loc[ledger["severity"] == "error", "status"]) == {"pass", "fail"}
    assert set(ledger.loc[ledger["severity"] == "warning", "status"]) == {"warn", "unverifiable"}
    wrong = ledger[ledger["message"].str.startswith("5200 + 3268")].iloc[0]
    assert (wrong["check"], wrong["expected"], wrong["actual"], wrong["difference"]) == ("claim:sum", 8478, 8468, -10)


# ------------------------------------------------------------ reference data


def test_a_new_rate_is_a_row_of_reference_data(tmp_path: Path):
    text = "本季度办结1000件，其中按期办结990件，及时率99%。"
    (rate,) = [c for c in extract_claims(text, RATES) if c.unit == "%"]
    assert rate.verdict == "unverifiable"
    (tmp_path / "rates.csv").write_text(
        (REFERENCE / "rates.csv").read_text("utf-8") + "及时率,,按期办结,办结,,hard,sentence,on time\n", "utf-8")
    (rate,) = [c for c in extract_claims(text, load_rates(tmp_path)) if c.unit == "%"]
    assert (rate.formula, rate.verdict) == ("990 / 1000", "pass")


def test_a_new_measure_is_a_row_of_reference_data(tmp_path: Path):
    text = "本月受理咨询500件，解答520件。"
    measures = load_measures(REFERENCE)
    assert extract_claims(text, RATES, measures) == []
    (tmp_path / "measures.csv").write_text(
        (REFERENCE / "measures.csv").read_text("utf-8") + "解答,解答,受理:hard,answers to questions received\n",
        "utf-8")
    (claim,) = extract_claims(text, RATES, load_measures(tmp_path))
    assert (claim.kind, claim.formula, claim.verdict, claim.difference) == ("bound", "520 ≤ 500", "fail", 20)


def test_extract_claims_does_not_change_the_rates_it_is_given():
    rates = list(RATES)
    extract_claims((BULLETINS / "platform_quarter.txt").read_text("utf-8"), rates)
    assert rates == list(RATES)


def test_bad_rate_row_names_file_row_and_column(tmp_path: Path):
    (tmp_path / "rates.csv").write_text(
        "rate,aliases,numerator,denominator,exclude,bound,scope,note\n办结率,,办结,受理,,firm,sentence,\n", "utf-8")
    with pytest.raises(InputError, match=r"rates.csv, row 2, column bound: bound must be hard, soft or none"):
        load_rates(tmp_path)


def test_a_measure_row_with_an_unquoted_comma_names_file_and_row(tmp_path: Path):
    (tmp_path / "measures.csv").write_text(
        "measure,words,parents,note\n好评,好评,评价:hard,ratings, or call-backs\n", "utf-8")
    with pytest.raises(InputError, match=r"measures.csv, row 2, column 5: .*quote a cell that holds a comma"):
        load_measures(tmp_path)


# ------------------------------------------------------------ precision and recall


def test_precision_and_recall_on_the_labelled_bulletins():
    per_text = score_texts(load_labels())
    total = overall(per_text.values())
    assert total.true_pos == 71
    assert (total.precision, total.recall) == (1.0, 1.0), per_text


def test_scoring_counts_false_alarms_and_misses():
    claims = claims_of("mixed_checks.txt")
    labels = [{"kind": "sum", "stated": 8478, "verdict": "fail"}, {"kind": "sum", "stated": 1, "verdict": "pass"}]
    score = score_claims(claims, labels)
    assert (score.true_pos, score.false_pos, score.false_neg) == (1, len(claims) - 1, 1)


def test_bracket_of_qizhong_parts_that_fall_short_is_no_sum():
    # 其中 names some parts: a shortfall is no error unless the list closes with the rest (其他)
    assert not [c for c in extract_claims("共申请1000件（其中，互联网申请800件，窗口申请150件）。", RATES)
                if c.kind == "sum"]


def test_bracket_of_qizhong_parts_closed_by_the_rest_that_fall_short_fails():
    (claim,) = extract_claims("共申请1000件（其中，互联网申请800件，其他申请150件）。", RATES)
    assert (claim.verdict, claim.difference) == ("fail", -50)


# ------------------------------------------------------------ the command


def test_claims_command_prints_verdicts_and_exits_1_on_a_failure():
    from tests.test_cli import govstats

    result = govstats("claims", str(BULLETINS / "reform_article.txt"))
    assert result.returncode == 1, result.stderr
    assert "FAIL         change     27.52%  (5567 - 4034) / 5567" in result.stdout
    assert result.stdout.rstrip().endswith("6 claims: 3 passed, 1 failed, 0 warnings, 2 unverifiable")


def test_claims_command_with_the_table_checks_the_shared_count_and_exits_0():
    from tests.test_cli import govstats

    result = govstats("claims", str(SAMPLE / "bulletin.txt"), "--table", str(SAMPLE / "table.tsv"), "--json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    table = next(r for r in records if r["kind"] == "table")
    assert (table["stated"], table["computed"], table["verdict"]) == (67354, 67354, "pass")
    # sum, 2 shares, 3 bounds (55109 ≤ 84781, and both counts inside "办理的55306件中"), the 合计, 3 department rows
    assert [r["verdict"] for r in records].count("pass") == 10
    bound = next(r for r in records if r["kind"] == "bound")
    assert (bound["formula"], bound["verdict"]) == ("55109 ≤ 84781", "pass")  # completed at the centre ≤ received


def test_claims_command_on_a_missing_file_exits_2():
    from tests.test_cli import govstats

    result = govstats("claims", "no-such-bulletin.txt")
    assert result.returncode == 2
    assert "no-such-bulletin.txt: file not found" in result.stderr


@pytest.mark.parametrize("text,verdict,words", [
    ("本月共受理1.2万件，办结1.2万件，办结率99.2%。", "pass", "92.00% 至 108.70%"),
    ("全年共办件8.5万件，其中网上办理6.2万件，占73.5%。", "pass", "71.93% 至 73.96%"),
    ("全年共办件85000件，其中网上办理62000件，占73.5%。", "fail", "相差 0.6 个百分点"),
    ("全年共办件8.5万件，其中网上办理6.2万件，占75.5%。", "fail", "相差"),
])
def test_percentages_of_figures_printed_in_wan_allow_their_rounding(text, verdict, words):
    (claim,) = [c for c in extract_claims(text, RATES) if c.unit == "%"]
    assert claim.verdict == verdict and words in claim.message


@pytest.mark.parametrize("total,verdict,difference", [
    (23650, "pass", 0.0), (23749, "pass", 0.0), (23712, "pass", 0.0),
    (23750, "fail", 50.0), (23649, "fail", -51.0)])
def test_a_count_printed_in_wan_is_compared_at_its_printed_precision(total, verdict, difference):
    text = "本月受理审批服务事项2.37万件，同比增长。"
    (claim,) = table_count_claims(text, {"total": total}, load_count_patterns(REFERENCE))
    assert (claim.stated, claim.computed, claim.verdict, claim.difference) == (23700, total, verdict, difference)
    if verdict == "pass":
        assert claim.message == f"通报所称“审批服务事项”23700（2.37万，即 23650–23749），表中合计 {total}，在印出精度内相符"


def test_a_list_counted_in_another_unit_than_its_whole_does_not_crash():
    """Items counted in 件 after a whole in 宗 (a kindred unit, not the same one) leave the
    whole as stated instead of crashing on an empty comparison."""
    claims = extract_claims("当日共受理转派案件23宗，其中供水公司9件，主要是管道漏水；燃气公司14件。", RATES)
    assert all(c.verdict != "fail" for c in claims)
    assert not [c for c in claims if c.kind == "sum"]  # 9 + 14 in 件 is no sum of 23 in 宗 that a cue states
    assert [(c.kind, c.formula, c.verdict) for c in claims if c.kind == "bound"] == [("bound", "9 ≤ 23", "pass")]
