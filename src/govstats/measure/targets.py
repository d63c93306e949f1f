"""Published indicators against their targets: met, not met, or undetermined (a range).
"""

from __future__ import annotations

import pandas as pd


def status_of(value: float, qualifier: str, target: float, direction: str) -> str:
    """met, not_met or undetermined: a figure printed as a bound ("86%以上") meets an
    at-least target only when the bound does, and fails it only when an upper bound is below."""
    if direction == "at_least":
        if value >= target and qualifier in ("exact", "at_least"):
            return "met"
        if value < target and qualifier in ("exact", "at_most"):
            return "not_met"
        return "undetermined"
    if value <= target and qualifier in ("exact", "at_most"):
        return "met"
    if value > target and qualifier in ("exact", "at_least"):
        return "not_met"
    return "undetermined"


def target_status(figures: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Each figure against each target of the same indicator: status, margin (figure minus
    target, in the indicator's unit: percentage points for %), and whether the target is the
    district's own for that period or another district's, read as a benchmark."""
    columns = ["row", "district", "district_name", "period", "period_label", "indicator", "label", "value", "unit",
               "qualifier", "scope", "target_district", "target_district_name", "target_period",
               "target_period_label", "target", "direction", "own_target", "status", "margin"]
    if figures.empty or targets.empty:
        return pd.DataFrame(columns=columns)
    wanted = targets[["indicator", "district", "district_name", "period", "period_label", "target", "direction",
                      "first_month", "last_month"]].rename(columns={
                          "district": "target_district", "district_name": "target_district_name",
                          "period": "target_period", "period_label": "target_period_label",
                          "first_month": "target_first", "last_month": "target_last"})
    pairs = figures.merge(wanted, on="indicator", how="inner")
    pairs["status"] = [status_of(v, q, t, d) for v, q, t, d in
                       zip(pairs["value"], pairs["qualifier"], pairs["target"], pairs["direction"])]
    pairs["margin"] = pairs["value"] - pairs["target"]
    pairs["own_target"] = ((pairs["district"] == pairs["target_district"])
                           & (pairs["last_month"] >= pairs["target_first"])
                           & (pairs["first_month"] <= pairs["target_last"]))
    return pairs[columns].reset_index(drop=True)


def chart_groups(figures: pd.DataFrame, status: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Indicators to chart, in the order the figures list them: those with a target, and
    those without one that have at least two figures to compare (a lone figure without a
    target says nothing a table row does not)."""
    order = list(dict.fromkeys(figures["indicator"]))
    targeted = set(status["indicator"])
    counts = figures["indicator"].value_counts()
    return ([c for c in order if c in targeted],
            [c for c in order if c not in targeted and counts[c] >= 2])
