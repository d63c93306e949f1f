"""Months followed over time: built from the sample with known changes, written as processed
files (no notebook), then loaded back as one history.

2020-06 is the sample as published. 2020-07: 区公安局 falls from 15467 to 14000 cases (all of
the fall at the department's own office, 即收即办 and 网上办理 fall with it) and the 合计 row
follows, so 区税务局 (14743) moves to rank 1. 2020-08: 区发改委 is published as 区发展改革委.
2020-09: 区残联 is no longer listed and a new, unregistered 区大数据局 reports 10 cases.
2021-06: the 2020-09 table again, a year after 2020-06.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from govstats.build.demo import TableRow, reference_rows, table_tsv
from govstats.build.store import processed_files, write_files
from govstats.checks.ledger import ledger_summary
from govstats.ingest.table import read_table
from govstats.measure.history import department_turnover, load_history
from govstats.measure.trends import (
    department_month_table,
    department_ranks,
    department_trends,
    district_trends,
    rolling_year,
)
from govstats.month import analyse
from govstats.paths import Layout
from govstats.periods import month_range, shift_month
from govstats.reference.profiles import load_profile
from govstats.reference.registry import load_registry
from tests.conftest import REFERENCE, SAMPLE_TABLE

POLICE = {"total": 14000, "immediate": 10909, "by_centre": 852, "by_department": 8333,
          "by_grassroots": 4815, "online": 14000}


def changed(rows: list[TableRow], name: str, **counts: int) -> list[TableRow]:
    return [replace(r, counts={**r.counts, **counts}) if r.name == name else r for r in rows]


def month_tables() -> dict[str, list[TableRow]]:
    june = reference_rows(read_table(SAMPLE_TABLE))
    july = changed(june, "区公安局", **POLICE)
    august = [replace(r, name="区发展改革委") if r.name == "区发改委" else r for r in july]
    september = [r for r in august if r.name != "区残联"] + [
        TableRow("区大数据局", {"total": 10, "immediate": 4, "by_centre": 10, "by_department": 0,
                               "by_grassroots": 0, "online": 10})]
    return {"2020-06": june, "2020-07": july, "2020-08": august, "2020-09": september, "2021-06": september}


def write_processed_month(layout: Layout, district: str, month: str, rows: list[TableRow]) -> dict:
    """Analyse a table as the pipeline does and write its processed files (no notebook)."""
    raw_dir = layout.raw_month(district, month)
    raw_dir.mkdir(parents=True, exist_ok=True)
    path = raw_dir / "table.tsv"
    path.write_text(table_tsv(rows, load_profile(REFERENCE)), encoding="utf-8")
    analysis = analyse(read_table(path), load_profile(REFERENCE), load_registry(REFERENCE, "qijiang"),
                       district=district, district_name="綦江区", month=month)
    write_files({layout.processed_month(district, month) / n: b for n, b in processed_files(analysis).items()})
    return ledger_summary(analysis.ledger)


@pytest.fixture(scope="module")
def history_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("history") / "root"
    layout = Layout(root)
    (root / "data").mkdir(parents=True)
    for month, rows in month_tables().items():
        summary = write_processed_month(layout, "qijiang", month, rows)
        assert summary["errors"] == 0, (month, summary)
    return root


@pytest.fixture(scope="module")
def history(history_root: Path) -> pd.DataFrame:
    return load_history(root=history_root)


def test_history_holds_every_month_and_department(history):
    assert sorted(history["month"].unique()) == ["2020-06", "2020-07", "2020-08", "2020-09", "2021-06"]
    assert history.groupby("month").size().to_dict() == {
        "2020-06": 34, "2020-07": 34, "2020-08": 34, "2020-09": 34, "2021-06": 34}
    assert history.groupby("month")["total"].sum().to_dict() == {
        "2020-06": 67354, "2020-07": 65887, "2020-08": 65887, "2020-09": 54914, "2021-06": 54914}


def test_history_can_be_narrowed_and_is_empty_without_processed_months(history_root, tmp_path):
    narrowed = load_history("qijiang", ["2020-07", "2020-09"], root=history_root)
    assert sorted(narrowed["month"].unique()) == ["2020-07", "2020-09"]
    assert load_history("yubei", root=history_root).empty
    (tmp_path / "data").mkdir()
    assert load_history(root=tmp_path).empty


def test_a_processed_file_in_the_wrong_folder_is_named(history_root, tmp_path):
    from govstats.errors import InputError

    wrong = tmp_path / "data" / "processed" / "qijiang" / "2020-10"
    wrong.mkdir(parents=True)
    source = history_root / "data" / "processed" / "qijiang" / "2020-07" / "departments.parquet"
    (wrong / "departments.parquet").write_bytes(source.read_bytes())
    with pytest.raises(InputError) as err:
        load_history(root=tmp_path)
    assert err.value.column == "month" and err.value.row == 1
    assert "2020-07" in str(err.value) and str(wrong / "departments.parquet") in str(err.value)


def test_district_month_on_month_changes_in_cases_and_percentage_points(history):
    trends = district_trends(history).set_index(["month", "indicator"])
    july = trends.loc[("2020-07", "total")]
    assert (july["value"], july["previous"], july["mom"], july["change_unit"]) == (65887, 67354, -1467, "件")
    assert round(july["mom_relative"] * 100, 2) == -2.18
    immediate = trends.loc[("2020-07", "immediate_rate")]
    # 33846 / 65887 = 51.37% against 35313 / 67354 = 52.43%
    assert round(immediate["value"] * 100, 2) == 51.37
    assert round(immediate["mom"], 2) == -1.06 and immediate["change_unit"] == "个百分点"
    assert pd.isna(immediate["mom_relative"])
    online = trends.loc[("2020-07", "online_rate")]
    assert round(online["mom"], 2) == -0.41  # 53603 / 65887 = 81.36% against 81.76%
    assert pd.isna(trends.loc[("2020-06", "total"), "mom"])  # nothing a month before


def test_year_on_year_needs_the_same_month_a_year_before(history):
    trends = district_trends(history).set_index(["month", "indicator"])
    june = trends.loc[("2021-06", "total")]
    assert (june["year_ago"], june["yoy"]) == (67354, 54914 - 67354)
    assert pd.isna(june["mom"])  # 2021-05 was not built: no month-on-month change, not one from 2020-09
    assert pd.isna(trends.loc[("2020-09", "total"), "yoy"])


def test_department_changes_and_continuity_through_an_alias(history):
    trends = department_trends(history).set_index(["month", "department", "indicator"])
    police = trends.loc[("2020-07", "区公安局", "immediate_rate")]
    # 10909 / 14000 = 77.92% against 12376 / 15467 = 80.02%
    assert round(police["mom"], 2) == -2.09
    assert trends.loc[("2020-07", "区公安局", "total"), "mom"] == -1467
    reform = trends.loc[("2020-08", "区发展改革委", "total")]
    assert (reform["previous"], reform["value"], reform["mom"]) == (68, 68, 0)
    published = history.set_index(["month", "department"])["published_name"]
    assert (published[("2020-07", "区发展改革委")], published[("2020-08", "区发展改革委")]) == ("区发改委", "区发展改革委")


def test_ranks_and_rank_changes(history):
    ranks = department_ranks(history).set_index(["month", "department"])
    assert ranks.loc[("2020-06", "区公安局"), "rank"] == 1
    assert ranks.loc[("2020-07", "区公安局"), ["rank", "previous_rank", "rank_change"]].tolist() == [2, 1, -1]
    assert ranks.loc[("2020-07", "区税务局"), ["rank", "rank_change"]].tolist() == [1, 1]
    # 区规划自然资源局 moves up one place in September when 区残联 (rank 3) is no longer listed
    assert ranks.loc[("2020-09", "区规划自然资源局"), ["rank", "rank_change"]].tolist() == [3, 1]
    idle = ranks.loc["2020-06"].query("total == 0")
    assert set(idle["rank"]) == {28}  # the seven departments with no cases share one rank


def test_appearing_vanishing_and_renamed_departments_are_reported(history):
    events = department_turnover(history)
    assert events[["month", "event", "department"]].values.tolist() == [
        ["2020-08", "renamed", "区发展改革委"],
        ["2020-09", "appeared", "区大数据局"],
        ["2020-09", "vanished", "区残联"],
    ]
    vanished = events.set_index("event").loc["vanished"]
    assert (vanished["previous_month"], vanished["previous_total"]) == ("2020-08", 10983)
    renamed = events.set_index("event").loc["renamed"]
    assert (renamed["previous_published_name"], renamed["published_name"]) == ("区发改委", "区发展改革委")


def test_heatmap_table_orders_departments_and_keeps_absence_missing(history):
    table = department_month_table(history, "total", district="qijiang")
    assert table.index[:2].tolist() == ["区税务局", "区公安局"]
    assert list(table.columns) == ["2020-06", "2020-07", "2020-08", "2020-09", "2021-06"]
    assert pd.isna(table.at["区残联", "2020-09"]) and table.at["区残联", "2020-08"] == 10983
    rates = department_month_table(history, "immediate_rate", district="qijiang")
    assert round(rates.at["区公安局", "2020-07"] * 100, 2) == 77.92


def synthetic_history(months: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"district": "demo", "month": months, "department": "甲",
                         "total": [100 + i for i in range(len(months))],
                         "immediate": [50] * len(months), "online": [i for i in range(len(months))]})


def test_rolling_year_sums_twelve_consecutive_months():
    months = month_range("2020-01", "2021-01")
    rolled = rolling_year(synthetic_history(months))
    assert rolled["month"].tolist() == ["2020-12", "2021-01"]
    first = rolled.iloc[0]
    assert (first["first_month"], first["total"], first["immediate"]) == ("2020-01", sum(range(100, 112)), 600)
    assert first["immediate_rate"] == 600 / sum(range(100, 112))
    assert rolled.iloc[1]["total"] == sum(range(101, 113))


def test_rolling_year_is_empty_with_a_gap_in_the_twelve_months():
    months = [m for m in month_range("2020-01", "2020-12") if m != "2020-05"]
    assert rolling_year(synthetic_history(months)).empty
    assert rolling_year(synthetic_history(month_range("2020-01", "2020-11"))).empty


def test_month_arithmetic():
    assert shift_month("2020-01", -1) == "2019-12" and shift_month("2020-06", 12) == "2021-06"
    assert month_range("2020-11", "2021-02") == ["2020-11", "2020-12", "2021-01", "2021-02"]
    with pytest.raises(ValueError, match="comes after"):
        month_range("2020-03", "2020-01")


def test_a_measure_one_layout_lacks_stays_missing(history_root, tmp_path):
    import shutil

    from govstats.build.store import parquet_bytes
    from govstats.measure.trends import district_series

    root = tmp_path / "root"
    shutil.copytree(history_root / "data" / "processed" / "qijiang" / "2020-06", root / "data/processed/qijiang/2020-06")
    july = root / "data" / "processed" / "qijiang" / "2020-07"
    july.mkdir(parents=True)
    frame = pd.read_parquet(history_root / "data/processed/qijiang/2020-07/departments.parquet")
    (july / "departments.parquet").write_bytes(parquet_bytes(frame.drop(columns=["online"])))
    history = load_history(root=root)
    assert history.loc[history["month"] == "2020-07", "online"].isna().all()
    assert int(history.loc[history["month"] == "2020-06", "online"].sum()) == 55070
    series = district_series(history)
    assert set(series.loc[series["month"] == "2020-07", "indicator"]) >= {"total", "immediate_rate"}
    assert "online_rate" not in set(series.loc[series["month"] == "2020-07", "indicator"])  # not a 0% rate


def test_an_all_district_history_leaves_demo_districts_out(tmp_path):
    """Real and demo rows never mix unless asked: the demo district is marked in districts.csv."""
    import dataclasses

    from govstats.build.store import processed_files, write_files
    from govstats.measure.history import load_history
    from govstats.month import analyse_month
    from govstats.paths import Layout
    from tests.conftest import make_root

    root = make_root(tmp_path / "root")
    with (root / "data/reference/districts.csv").open("a", encoding="utf-8") as fh:
        fh.write("demo-copy,示例区（演示数据）,重庆市,reference,true\n")
    with (root / "data/reference/departments.csv").open("a", encoding="utf-8") as fh:
        fh.write("demo-copy,区公安局,\n")
    layout = Layout(root)
    analysis = analyse_month("qijiang", "2020-07", root)
    for district in ("qijiang", "demo-copy"):
        folder = layout.processed_month(district, "2020-07")
        shown = dataclasses.replace(analysis, district=district)
        write_files({folder / n: b for n, b in processed_files(shown).items()})
    assert set(load_history(root=root)["district"]) == {"qijiang"}
    assert set(load_history(root=root, include_demo=True)["district"]) == {"qijiang", "demo-copy"}
    assert set(load_history("demo-copy", root=root)["district"]) == {"demo-copy"}
