"""The processed files for people: CSVs with Chinese headers, readable numbers and 是/否, and the
datapackage.json beside them, all from the one declaration data/reference/fields.yaml, which
also validates the frames before they are written."""

from __future__ import annotations

import io
import json

import frictionless
import pandas as pd
import pytest

from govstats.build.readable import measure_fields, readable_frame, readable_value
from govstats.build.store import processed_files, write_files
from govstats.checks.schema import SchemaError, validate_frame
from govstats.errors import InputError
from govstats.reference.fields import default_fields, load_fields
from govstats.reference.labels import labels
from tests.conftest import REFERENCE


@pytest.fixture(scope="module")
def files(sample_analysis) -> dict[str, bytes]:
    return processed_files(sample_analysis)


def csv_of(files: dict[str, bytes], name: str) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(files[name]), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_departments_csv_has_chinese_headers_integers_and_yes_no(files):
    text = files["departments.csv"].decode("utf-8-sig")
    assert text.splitlines()[0] == "区县代码,期间,部门,表中名称,办件量分类,已登记,原表行号,办理总数,即收即办,中心办理,部门办理,基层办理,网上办理"
    assert "qijiang,2020-07,区公安局,区公安局,1000件以上,是,35,15467,12376,852,9800,4815,15467" in text
    frame = csv_of(files, "departments.csv")
    assert frame["办理总数"].astype(int).sum() == 67354 and set(frame["已登记"]) <= {"是", "否"}
    assert "True" not in text and ".0," not in text


def test_rates_are_rounded_to_the_declared_precision_and_counts_stay_whole(files):
    indicators = csv_of(files, "indicators.csv").set_index("指标代码")
    assert indicators.loc["total", "数值"] == "67354"  # not 67354.0
    assert indicators.loc["immediate_rate", ["数值", "分子", "分母"]].tolist() == ["0.5243", "35313", "67354"]
    departments = csv_of(files, "department_indicators.csv").set_index("部门")
    assert departments.loc["区公安局", ["即办率", "网办率", "占全区", "排名"]].tolist() == ["0.8002", "1", "0.2296", "1"]
    assert default_fields()["department_indicators"].declared["immediate_rate"].precision == 4  # as the package says


def test_machine_names_and_full_precision_stay_in_parquet_and_json(files):
    parquet = pd.read_parquet(io.BytesIO(files["departments.parquet"]))
    assert list(parquet.columns[:3]) == ["district", "month", "department"]
    assert parquet.set_index("department").loc["区公安局", "total"] == 15467
    indicators = {r["indicator"]: r["value"] for r in json.loads(files["indicators.json"])}
    assert indicators["immediate_rate"] == pytest.approx(35313 / 67354, abs=1e-15)
    ledger = json.loads(files["ledger.json"])
    assert len(ledger) == 158 and {"check", "status", "expected"} <= set(ledger[0])


def test_titles_agree_with_the_report_labels():
    """A column the reports label (labels.csv) has the same Chinese name in the CSV."""
    named = labels("column") | labels("measure")
    for table in default_fields().values():
        for f in table.fields:
            if f.name in named:
                assert f.title == named[f.name], (table.name, f.name)


def test_the_processed_folder_validates_with_frictionless(files, tmp_path):
    write_files({tmp_path / name: data for name, data in files.items()})
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == [
        "departments.csv", "published_totals.csv", "ledger.csv", "indicators.csv", "department_indicators.csv"]
    total = next(f for f in package["resources"][0]["schema"]["fields"] if f["machine_name"] == "total")
    assert (total["name"], total["type"], total["unit"], total["constraints"]) == ("办理总数", "integer", "件",
                                                                                 {"minimum": 0})
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [task.stats["rows"] for task in report.tasks] == [34, 6, 158, 10, 34]


def test_frictionless_finds_a_broken_csv(files, tmp_path):
    write_files({tmp_path / name: data for name, data in files.items()})
    path = tmp_path / "departments.csv"
    path.write_bytes(path.read_bytes().replace(",是,35,15467,".encode(), b",True,35,-1,"))
    report = frictionless.validate(tmp_path / "datapackage.json")
    errors = report.flatten(["fieldName", "type"])
    assert ["已登记", "type-error"] in errors and ["办理总数", "constraint-error"] in errors


def test_a_frame_off_the_declaration_is_refused_before_writing(sample_analysis):
    good = sample_analysis.table.departments.assign(district="qijiang", month="2020-07")
    good = good[["district", "month", *sample_analysis.table.departments.columns]]
    measures = measure_fields(sample_analysis.table.departments, sample_analysis.table.headers)
    schema = default_fields()["departments"].for_columns(list(good.columns), measures)
    assert schema.names[-6:] == ["total", "immediate", "by_centre", "by_department", "by_grassroots", "online"]
    assert validate_frame(good, schema) is good
    with pytest.raises(SchemaError, match=r"columns are .*declared"):
        validate_frame(good.drop(columns="online"), schema)
    with pytest.raises(SchemaError, match=r"columns are .*declared"):
        validate_frame(good[[*good.columns[1:], "district"]], schema)  # the declared order
    bad = good.copy()
    bad["total"] = bad["total"].astype(object)
    bad.loc[0, "total"] = -5
    bad.loc[1, "month"] = "2020-7"
    with pytest.raises(SchemaError) as info:
        validate_frame(bad, schema)
    assert info.value.problems == ["month: '2020-7' is not matching [0-9]{4}(-[0-9]{2}(_[0-9]{4}-[0-9]{2})?|-Q[1-4]|-H[12])? (row 2 of its values)",
                                   "total: -5 is below 0 (row 1 of its values)"]


def test_readable_values():
    value = default_fields()["indicators"].declared["value"]
    assert [readable_value(v, value) for v in (67354.0, 0.52428957, 1.0, None, float("nan"))] == [
        67354, 0.5243, 1, None, None]
    registered = default_fields()["departments"].declared["registered"]
    assert [readable_value(v, registered) for v in (True, False)] == ["是", "否"]
    frame = readable_frame(pd.DataFrame({"measure": ["total"], "header": ["办理总数"], "published_total": [67354.0]}),
                           default_fields()["published_totals"])
    assert frame.to_dict(orient="records") == [{"指标代码": "total", "表头": "办理总数", "合计行数值": 67354}]


def test_a_bad_declaration_is_bad_input(tmp_path):
    (tmp_path / "fields.yaml").write_text((REFERENCE / "fields.yaml").read_text(encoding="utf-8")
                                          .replace("fields: [measure, header, published_total]",
                                                   "fields: [measure, header, published_sum]"), encoding="utf-8")
    with pytest.raises(InputError, match="table 'published_totals' lists undeclared fields: published_sum"):
        load_fields(tmp_path)


def test_a_share_past_its_bound_by_rounding_alone_is_accepted(sample_analysis):
    frame = sample_analysis.department_indicators.copy()
    frame.loc[frame.index[-1], "cumulative_share"] = 1.0000000000000002  # a float sum of shares
    measures = measure_fields(sample_analysis.table.departments, sample_analysis.table.headers)
    schema = default_fields()["department_indicators"].for_columns(list(frame.columns), measures)
    assert readable_frame(frame, schema)["累计占全区"].iloc[-1] == 1
    frame.loc[frame.index[-1], "cumulative_share"] = 1.01
    with pytest.raises(SchemaError, match=r"cumulative_share: 1.01 is above 1"):
        validate_frame(frame, schema)


def test_another_layout_keeps_its_own_measures_and_validates(tmp_path):
    """The acceptance layout (受理/办结 columns, no channels): its undeclared measures are
    described from their published headers, the channel rates are left out, and frictionless
    accepts the folder."""
    from govstats.month import analyse_month
    from tests.test_pipeline import acceptance_root

    analysis = analyse_month("example", "2020-07", acceptance_root(tmp_path / "root"))
    files = processed_files(analysis)
    header = files["department_indicators.csv"].decode("utf-8-sig").splitlines()[0]
    assert header == ("部门,表中名称,办件量分类,已登记,原表行号,办理总数,办结件数,即办件办结件数,承诺件办结件数,"
                      "超期件数,平均办理天数,办结率,占全区,排名,累计占全区")
    assert "区公安局,区公安局,,是,3,5210,5198,4630,568,0,0.62,0.9977\n" in files["departments.csv"].decode("utf-8-sig")
    write_files({tmp_path / "out" / name: data for name, data in files.items()})
    report = frictionless.validate(tmp_path / "out" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    fields = json.loads(files["datapackage.json"])["resources"][0]["schema"]["fields"]
    rate = next(f for f in fields if f["machine_name"] == "completion_rate")
    assert (rate["name"], rate["type"], rate["precision"]) == ("办结率", "number", 4)
