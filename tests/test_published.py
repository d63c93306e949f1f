"""Indicators the bulletins state in prose (seeds 000, 001, 003, 004), Yongchuan's targets
(seed 002), canonical names through aliases, and each figure's status against each target."""

from __future__ import annotations

import re
import shutil

import pytest

from govstats.errors import InputError
from govstats.measure.targets import status_of, target_status
from govstats.periods import period_bounds, period_label
from govstats.reference.published import load_figures, load_indicator_names, load_targets
from govstats.render.words import target_text, value_text
from tests.conftest import REFERENCE


@pytest.fixture(scope="module")
def figures():
    return load_figures(REFERENCE)


@pytest.fixture(scope="module")
def targets():
    return load_targets(REFERENCE)


def figure(figures, district, period, indicator, scope=None):
    rows = figures[(figures["district"] == district) & (figures["period"] == period)
                   & (figures["indicator"] == indicator)]
    if scope is not None:
        rows = rows[rows["scope"] == scope]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_aliases_name_one_canonical_indicator():
    names = load_indicator_names(REFERENCE)
    assert names.code_for("即办件比例") == names.code_for("即办率") == "immediate_rate"
    assert names.code_for("“马上办”比例") == "immediate_rate"
    assert names.code_for("网上可受理率") == "online_available_rate"
    assert names.code_for("网上受理率") == "online_application_rate"  # by cases, not by items
    assert names.code_for("承诺时限比法定时限减少") == names.code_for("减时限") == "time_limit_reduction"
    assert names.code_for("合计") is None


def test_figures_from_the_seeds(figures):
    immediate = figure(figures, "qijiang", "2022-Q3", "immediate_rate")
    assert (immediate["value"], immediate["unit"], immediate["published_indicator"]) == (62.26, "%", "即办率")
    assert immediate["source"] == "000_8b9de63e5540bb6b.txt" and immediate["quote"] == "即办率达62.26%"
    yubei = figure(figures, "yubei", "2021", "immediate_rate", scope="行政许可事项")
    assert (yubei["value"], yubei["published_indicator"]) == (56.9, "即办件比例")
    assert figure(figures, "qijiang", "2022-01/2022-09", "online_application_rate")["value"] == 99.65
    assert figure(figures, "qijiang", "2022-01/2022-09", "rating_rate")["value"] == 99.86
    assert figure(figures, "qijiang", "2022-01/2022-09", "completion_rate")["value"] == 99.79
    assert figure(figures, "qijiang", "2020-07", "immediate_rate")["value"] == 95.4
    bound = figure(figures, "qijiang", "2022-Q3", "time_limit_reduction")
    assert (bound["value"], bound["qualifier"]) == (86, "at_least")
    assert figure(figures, "qijiang", "2020", "zero_material_items")["value"] == 190
    assert (figures["district_name"].unique().tolist()) == ["綦江区", "渝北区"]


def test_every_figure_and_target_quotes_its_number_and_names_a_seed(figures, targets):
    for frame, column in ((figures, "value"), (targets, "target")):
        for row in frame.itertuples():
            number = f"{getattr(row, column):g}"
            assert number in re.sub(r"\s", "", row.quote), (row.row, number, row.quote)
            assert re.match(r"^00[0-4]_[0-9a-f]{16}\.txt$", row.source), row.row
            assert row.document, row.row
    assert set(figures["source"].str[:3]) == {"000", "001", "003", "004"}
    assert set(targets["source"].str[:3]) == {"002"}


def test_targets_of_yongchuan(targets):
    by = targets.set_index("indicator")
    assert by.loc["immediate_rate", ["target", "direction", "period"]].tolist() == [35, "at_least", "2020-07/2020-12"]
    assert by.loc["average_visits", ["target", "direction"]].tolist() == [0.6, "at_most"]
    assert by.loc["average_steps", ["target", "direction", "unit"]].tolist() == [2.6, "at_most", "个"]
    assert by.loc["online_available_rate", "target"] == 83 and by.loc["full_online_rate", "target"] == 38
    assert by.loc["rating_rate", "target"] == 90 and by.loc["comprehensive_window_share", "target"] == 80
    assert set(targets["district_name"]) == {"永川区"}


def test_status_against_yongchuans_targets(figures, targets):
    status = target_status(figures, targets)
    by = status.set_index(["district", "period", "indicator"])
    immediate = by.loc[("qijiang", "2022-Q3", "immediate_rate")]
    assert (immediate["target"], immediate["status"], round(immediate["margin"], 2)) == (35, "met", 27.26)
    assert not immediate["own_target"]  # Yongchuan's target, read as a benchmark for Qijiang
    visits = by.loc[("qijiang", "2022-Q3", "average_visits")]
    assert (visits["target"], visits["direction"], visits["status"]) == (0.6, "at_most", "met")
    zero_material = by.loc[("qijiang", "2022-Q3", "zero_material_items")]
    assert (zero_material["value"], zero_material["target"], zero_material["status"]) == (124, 129, "not_met")
    bound = by.loc[("qijiang", "2022-Q3", "time_limit_reduction")]
    assert bound["status"] == "met"  # 86%以上 against at least 80%
    one_thing = status[(status["indicator"] == "time_limit_reduction") & (status["value"] == 69.6)].iloc[0]
    assert one_thing["status"] == "not_met"
    assert ("yubei", "2021", "online_application_rate") not in by.index  # no target for it


@pytest.mark.parametrize("value,qualifier,target,direction,expected", [
    (62.26, "exact", 35, "at_least", "met"),
    (30, "exact", 35, "at_least", "not_met"),
    (35, "exact", 35, "at_least", "met"),
    (86, "at_least", 80, "at_least", "met"),
    (70, "at_least", 80, "at_least", "undetermined"),
    (70, "at_most", 80, "at_least", "not_met"),
    (0.05, "exact", 0.6, "at_most", "met"),
    (0.7, "exact", 0.6, "at_most", "not_met"),
    (0.5, "at_least", 0.6, "at_most", "undetermined"),
    (0.7, "at_least", 0.6, "at_most", "not_met"),
])
def test_status_of_exact_and_bounded_figures(value, qualifier, target, direction, expected):
    assert status_of(value, qualifier, target, direction) == expected


@pytest.mark.parametrize("text,bounds,label", [
    ("2020", ("2020-01", "2020-12"), "2020年"),
    ("2020-07", ("2020-07", "2020-07"), "2020年7月"),
    ("2022-Q3", ("2022-07", "2022-09"), "2022年第三季度"),
    ("2022-H1", ("2022-01", "2022-06"), "2022年上半年"),
    ("2022-01/2022-09", ("2022-01", "2022-09"), "2022年1—9月"),
    ("2020-07/2021-06", ("2020-07", "2021-06"), "2020年7月—2021年6月"),
])
def test_periods(text, bounds, label):
    assert period_bounds(text) == bounds and period_label(text) == label


@pytest.mark.parametrize("bad", ["2020-13", "2020-Q5", "20-07", "2020-09/2020-01"])
def test_bad_periods(bad):
    with pytest.raises(ValueError):
        period_bounds(bad)


def test_value_and_target_text():
    assert value_text(62.26, "%") == "62.26%" and value_text(86.0, "%", "at_least") == "86%以上"
    assert target_text(0.6, "次", "at_most") == "≤0.6次" and target_text(1162, "项", "at_least") == "≥1,162项"


@pytest.mark.parametrize("old,new,column,words", [
    ("qijiang,2022-Q3,即办率,62.26,%", "qijiang,2022-Q3,即办率达到,62.26,%", "indicator", "not in indicator_aliases.csv"),
    ("qijiang,2022-Q3,即办率,62.26,%", "qijiang,2022-Q3,即办率,62.26,次", "unit", "differs from the unit"),
    ("qijiang,2022-Q3,即办率,62.26,%", "qijiang,2022-Q3,即办率,六十,%", "value", "must be a number"),
    ("qijiang,2022-Q3,即办率,62.26,%", "qijiang,2022-Q5,即办率,62.26,%", "period", "must read YYYY"),
    ("qijiang,2022-Q3,即办率,62.26,%", "jiangbei,2022-Q3,即办率,62.26,%", "district", "unknown district"),
    ("62.26,%,exact", "62.26,%,about", "qualifier", "must be one of"),
])
def test_bad_figure_rows_name_file_row_and_column(tmp_path, old, new, column, words):
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE, reference)
    path = reference / "indicators.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    row = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_figures(reference)
    assert (err.value.row, err.value.column) == (row, column)
    assert words in str(err.value) and str(path) in str(err.value)


def test_an_alias_claimed_by_two_indicators_is_an_error(tmp_path):
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE, reference)
    path = reference / "indicator_aliases.csv"
    path.write_text(path.read_text(encoding="utf-8") + "other_rate,其他比例,%,即办件比例,\n", encoding="utf-8")
    with pytest.raises(InputError, match="maps to both 'immediate_rate' and 'other_rate'") as err:
        load_indicator_names(reference)
    assert err.value.column == "aliases"


def test_chart_groups_leave_lone_untargeted_figures_to_the_table(figures, targets):
    from govstats.measure.targets import chart_groups

    with_targets, without_targets = chart_groups(figures, target_status(figures, targets))
    assert with_targets[0] == "immediate_rate" and "average_visits" in with_targets
    assert without_targets == ["completion_rate", "satisfaction_rate", "online_application_rate",
                               "one_visit_share", "notification_commitment_rate"]
    assert "item_coverage_rate" not in with_targets + without_targets  # one figure, no target
