"""The reference month reconciles; a changed 合计 fails with expected, actual and difference."""

from __future__ import annotations

from govstats.checks.ledger import ledger_summary
from govstats.ingest.table import read_table
from govstats.month import analyse
from govstats.reference.claim_rules import load_rates
from govstats.reference.profiles import load_profile
from govstats.reference.registry import load_registry
from tests.conftest import REFERENCE
from tests.test_clean import write_variant


def test_sample_ledger_all_pass(sample_analysis):
    ledger = sample_analysis.ledger
    # the sample month is one document: its prose and its 附件 table each state 2020年7月
    # 158 since the two counts inside "在区政务服务中心办理的55306件中" are bounded by it
    assert ledger_summary(ledger) == {"checks": 158, "passed": 157, "errors": 0, "warnings": 0, "unverifiable": 1}
    kinds = ledger["check"].value_counts().to_dict()
    assert {k: v for k, v in kinds.items() if not k.startswith(("identity", "bound"))} == {
        "size_band": 34, "column_total": 6, "claim:share": 2, "claim:sum": 1, "claim:table": 4, "claim:rate": 1,
        "claim:bound": 3, "stated_month": 2}
    assert kinds["identity:total = by_centre + by_department + by_grassroots"] == 35  # 34 rows (7 with no cases) + 合计
    # bounds on all 34 department rows (the 7 with no cases too) and the 合计 row
    assert kinds["bound:immediate <= total"] == kinds["bound:online <= total"] == 35
    totals = ledger[ledger["check"] == "column_total"].set_index("scope")["expected"].to_dict()
    assert totals == {"办理总数": 67354, "即收即办": 35313, "中心办理": 37879, "部门办理": 22375,
                      "基层办理": 7100, "网上办理": 55070}
    table_claim = ledger[ledger["check"] == "claim:table"].iloc[0]
    assert (table_claim["expected"], table_claim["actual"], table_claim["status"]) == (67354, 67354, "pass")
    shares = ledger[ledger["check"] == "claim:share"].set_index("expected")["actual"].to_dict()
    assert shares == {95.4: 95.3604, 99.6: 99.6438}  # 52740 / 55306 and 55109 / 55306
    unverifiable = ledger[ledger["status"] == "unverifiable"].iloc[0]
    assert unverifiable["check"] == "claim:rate" and "满意率" in unverifiable["message"]
    identity = ledger[(ledger["check"].str.startswith("identity")) & (ledger["scope"] == "区公安局")].iloc[0]
    assert (identity["expected"], identity["actual"]) == (15467, 15467)


def analyse_file(path, bulletin=None):
    return analyse(read_table(path), load_profile(REFERENCE), load_registry(REFERENCE, "qijiang"),
                   district="qijiang", district_name="綦江区", month="2020-07", bulletin=bulletin,
                   rates=load_rates(REFERENCE),
                   count_patterns=[{"label": "审批服务事项", "pattern": r"审批服务事项(\d+)件", "measure": "total"}])


def test_changed_grand_total_fails_the_total_column_check(tmp_path):
    path = write_variant(tmp_path, "合计\t\t\t67354", "合计\t\t\t67355")
    ledger = analyse_file(path).ledger
    first = ledger.iloc[0]  # failures sort first
    assert (first["check"], first["scope"], first["status"], first["severity"]) == ("column_total", "办理总数", "fail", "error")
    assert (first["expected"], first["actual"], first["difference"]) == (67355, 67354, -1)
    assert "相差 -1" in first["message"]
    assert ledger_summary(ledger)["errors"] == 2  # the column total, and the 合计 row's own identity


def test_broken_identity_bound_and_band_fail(tmp_path):
    # 区教委 12 -> 120: identity and band both break, and 即收即办 stays under the total
    path = write_variant(tmp_path, "区教委\t12\t12\t12", "区教委\t120\t121\t12")
    ledger = analyse_file(path).ledger
    failed = ledger[ledger["status"] == "fail"]
    assert set(failed["check"].str.split(":").str[0]) == {"column_total", "identity", "bound", "size_band"}
    band = failed[failed["check"] == "size_band"].iloc[0]
    assert (band["expected"], band["actual"]) == ("1-100件", "101-1000件")
    bound = failed[failed["check"].str.startswith("bound")].iloc[0]
    assert (bound["expected"], bound["actual"], bound["difference"]) == (120, 121, 1)


def test_bulletin_count_that_disagrees_fails(tmp_path):
    path = write_variant(tmp_path, "区财政局", "区财政局")
    ledger = analyse_file(path, bulletin="（审批服务事项67350件，便民服务事项17427件）").ledger
    row = ledger[ledger["check"] == "claim:table"].iloc[0]
    assert (row["expected"], row["actual"], row["difference"], row["status"], row["severity"]) == (
        67350, 67354, 4, "fail", "error")
    assert ledger.iloc[0]["check"] == "claim:table"  # the failure sorts first


def test_a_bulletin_filed_under_another_month_fails(tmp_path):
    path = write_variant(tmp_path, "区财政局", "区财政局")
    ledger = analyse_file(path, bulletin="重庆市綦江区政务服务管理办公室 2020年8月部门政务服务绩效考核通报\n\n正文").ledger
    row = ledger[ledger["check"] == "stated_month"].iloc[0]
    assert (row["expected"], row["actual"], row["status"], row["severity"]) == ("2020-07", "2020-08", "fail", "error")
