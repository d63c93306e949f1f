"""A district with another layout, added by following docs/adding-a-district.md: data, not code.

The test does what the document tells an analyst to do, in a scratch project root: append the
district to districts.csv and its departments to departments.csv, then read its table with the
profile districts.csv names (data/reference/profiles/acceptance.yaml).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from govstats.checks.ledger import ledger_frame, ledger_summary
from govstats.checks.stated_month import stated_month_check
from govstats.checks.table import table_checks
from govstats.clean.month import tidy_month
from govstats.errors import InputError
from govstats.ingest.table import read_table
from govstats.reference.profiles import load_district_profile, load_profile
from govstats.reference.registry import load_registry

HERE = Path(__file__).parent / "data" / "acceptance"
REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"


@pytest.fixture(scope="module")
def reference_dir(tmp_path_factory) -> Path:
    """data/reference with the example district appended (steps 2 and 3 of the document)."""
    target = tmp_path_factory.mktemp("root") / "reference"
    shutil.copytree(REFERENCE, target)
    for name in ("districts.csv", "departments.csv"):
        rows = (HERE / name).read_text(encoding="utf-8").splitlines()[1:]
        with (target / name).open("a", encoding="utf-8") as fh:
            fh.write("".join(f"{row}\n" for row in rows))
    return target


@pytest.fixture(scope="module")
def month(reference_dir):
    profile = load_district_profile(reference_dir, "example")
    raw = read_table(HERE / "table.html", profile)
    return tidy_month(raw, profile, load_registry(reference_dir, "example"))


@pytest.fixture(scope="module")
def ledger(month, reference_dir):
    return ledger_frame(table_checks(month, load_profile(reference_dir, "acceptance")))


def test_districts_csv_names_the_profile(reference_dir):
    assert load_district_profile(reference_dir, "example").name == "acceptance"
    assert load_district_profile(reference_dir, "qijiang").name == "reference"


def test_the_reference_profile_cannot_read_this_layout(reference_dir):
    with pytest.raises(InputError, match=r"row 1, column 4: header '办结情况/办结件数' maps to no measure of profile 'reference'"):
        tidy_month(read_table(HERE / "table.html"), load_profile(reference_dir),
                   load_registry(reference_dir, "example"))


def test_the_example_table_is_read(month):
    d = month.departments
    assert d["department"].tolist() == ["区公安局", "区税务局", "区人力社保局", "区市场监管局", "区民政局",
                                        "区规划自然资源局", "区卫生健康委", "区交通局"]
    assert d["registered"].all()  # 区交通运输委 is an alias of 区交通局
    assert month.headers == {"total": "受理件数(件)", "completed": "办结件数", "immediate_completed": "即办件办结件数",
                             "promised_completed": "承诺件办结件数", "overdue": "超期件数",
                             "average_days": "平均办理天数", "completion_rate": "办结率"}
    assert month.header_rows == 2
    assert month.published_totals["total"] == 17587 == int(d["total"].sum())
    assert str(d["average_days"].dtype) == "Float64" and str(d["total"].dtype) == "Int64"
    assert d.loc[0, "completion_rate"] == pytest.approx(0.9977)
    assert d.loc[5, "immediate_completed"] is pd.NA  # "—": not applicable, not 0
    assert month.footnotes == ("注：办结件数含上月结转件，故个别单位办结件数多于受理件数。",)


def test_identity_holds_on_every_row_and_the_total(ledger):
    identity = ledger[ledger["check"] == "identity:completed = immediate_completed + promised_completed"]
    checked = identity[identity["status"] == "pass"]
    assert set(checked["scope"]) == {"区公安局", "区税务局", "区人力社保局", "区市场监管局", "区民政局",
                                     "区卫生健康委", "合计"}
    # 区规划自然资源局 and 区交通局 print "—" for one part: said, as a check that could not be made
    skipped = identity[identity["status"] != "pass"]
    assert set(skipped["scope"]) == {"区规划自然资源局", "区交通局"}
    assert (skipped["status"] == "unverifiable").all() and (skipped["severity"] == "warning").all()
    assert "办结件数 = 即办件办结件数 + 承诺件办结件数" in skipped["message"].iloc[0]


def test_completed_above_received_is_a_soft_warning(ledger):
    soft = ledger[ledger["check"] == "bound:completed <= total"]
    warned = soft[soft["status"] == "warn"]
    assert warned[["scope", "expected", "actual", "difference", "severity"]].values.tolist() == [
        ["区人力社保局", 2315, 2320, 5, "warning"]]
    assert "上月结转" in warned["message"].iloc[0]


def test_averages_and_rates_are_not_summed(ledger):
    totals = ledger[ledger["check"] == "column_total"].set_index("scope")
    assert totals.loc["平均办理天数", "status"] == "unverifiable"
    assert totals.loc["平均办理天数", "severity"] == "info"
    assert totals.loc["平均办理天数", "expected"] == pytest.approx(0.98)
    assert totals.loc["办结率", "status"] == "unverifiable"
    summed = totals[totals["severity"] == "error"]
    assert set(summed.index) == {"受理件数(件)", "办结件数", "即办件办结件数", "承诺件办结件数", "超期件数"}
    assert (summed["status"] == "pass").all()


def test_ledger_summary_and_profile(ledger):
    # 2 identities not checkable ("—"), 2 bounds likewise, 2 not-summable total cells, 1 soft bound
    assert ledger_summary(ledger) == {"checks": len(ledger), "passed": len(ledger) - 7, "errors": 0,
                                      "warnings": 1, "unverifiable": 6}
    assert (ledger["profile"] == "acceptance").all()


def test_the_title_states_the_month(month):
    check = stated_month_check("2020-07", month.title, source="example/2020-07/table.html")
    assert check.status == "pass"


def test_completion_rate_reproduces_on_every_row_at_its_printed_precision(ledger):
    rates = ledger[ledger["check"] == "rate:completion_rate = completed / total"]
    assert rates[["scope", "expected", "actual", "status"]].values.tolist()[-2:] == [
        ["区交通局", 99.8043, 99.8, "pass"], ["合计", 99.6588, 99.66, "pass"]]
    assert len(rates) == 9 and (rates["status"] == "pass").all()
