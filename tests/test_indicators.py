"""District and department indicators of the reference month, to two decimals."""

from __future__ import annotations

import math

from govstats.measure.indicators import indicator_value, top_departments


def pct(value: float) -> float:
    return round(value * 100, 2)


def test_district_indicators(sample_analysis):
    ind = sample_analysis.district_indicators
    assert indicator_value(ind, "total") == 67354
    assert pct(indicator_value(ind, "immediate_rate")) == 52.43
    assert pct(indicator_value(ind, "online_rate")) == 81.76
    assert pct(indicator_value(ind, "centre_share")) == 56.24
    assert pct(indicator_value(ind, "department_share")) == 33.22
    assert pct(indicator_value(ind, "grassroots_share")) == 10.54
    assert pct(indicator_value(ind, "top3_share")) == 61.16
    assert pct(indicator_value(ind, "top10_share")) == 98.52
    row = ind.set_index("indicator").loc["immediate_rate"]
    assert (row["numerator"], row["denominator"]) == (35313, 67354)


def test_department_indicators(sample_analysis):
    deps = sample_analysis.department_indicators
    assert top_departments(sample_analysis.table.departments, 3) == ["区公安局", "区税务局", "区残联"]
    police = deps.set_index("department").loc["区公安局"]
    assert police["rank"] == 1
    assert pct(police["immediate_rate"]) == 80.02  # 12376 / 15467
    assert pct(police["volume_share"]) == 22.96  # 15467 / 67354
    assert math.isclose(deps["cumulative_share"].iloc[-1], 1.0)
    assert deps.set_index("department").loc["区商务委", "immediate_rate"] != deps.set_index("department").loc["区商务委", "immediate_rate"]  # NaN: no cases
    shares = deps[["centre_share", "department_share", "grassroots_share"]].dropna().sum(axis=1)
    assert (abs(shares - 1) < 1e-12).all()
