"""Indicators of a month: rates, channel shares and concentration, for the district and
each department. Rates are fractions in 0..1; presentation turns them into percentages."""

from __future__ import annotations

import numpy as np
import pandas as pd

from govstats.reference.labels import labels

CHANNELS = {"by_centre": "centre_share", "by_department": "department_share",
            "by_grassroots": "grassroots_share"}


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, NaN when the denominator is 0."""
    return float(numerator) / float(denominator) if denominator else float("nan")


def department_indicators(departments: pd.DataFrame) -> pd.DataFrame:
    """Per department: rates, channel shares, share of the district total, rank and
    cumulative share (sorted by volume, largest first; ties keep published order)."""
    frame = departments.copy()
    total = frame["total"].astype("float64")
    district_total = total.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        if "immediate" in frame:
            frame["immediate_rate"] = frame["immediate"].astype("float64") / total.where(total > 0)
        if "online" in frame:
            frame["online_rate"] = frame["online"].astype("float64") / total.where(total > 0)
        for column, share in CHANNELS.items():
            if column in frame:
                frame[share] = frame[column].astype("float64") / total.where(total > 0)
        frame["volume_share"] = total / district_total if district_total else np.nan
    frame = frame.sort_values("total", ascending=False, kind="stable").reset_index(drop=True)
    frame["rank"] = np.arange(1, len(frame) + 1)
    frame["cumulative_share"] = frame["volume_share"].cumsum()
    return frame


def known_totals(departments: pd.DataFrame) -> pd.Series:
    """Department totals as int64, largest first, leaving out cells published as not applicable."""
    return departments["total"].dropna().astype("int64").sort_values(ascending=False, kind="stable")


def top_share(departments: pd.DataFrame, n: int) -> float:
    """Share of the district total held by the n largest departments."""
    totals = known_totals(departments)
    return ratio(totals.head(n).sum(), totals.sum())


def district_indicators(departments: pd.DataFrame) -> pd.DataFrame:
    """District figures with their numerators and denominators, one row per indicator."""
    total = int(departments["total"].sum())
    rows = [
        ("total", total, None, None),
        ("departments", len(departments), None, None),
        ("active_departments", int((departments["total"] > 0).sum()), None, None),
    ]
    for measure, code in (("immediate", "immediate_rate"), ("online", "online_rate"),
                          *((c, s) for c, s in CHANNELS.items())):
        if measure in departments:
            part = int(departments[measure].sum())
            rows.append((code, ratio(part, total), part, total))
    top = known_totals(departments)
    for n in (3, 10):
        rows.append((f"top{n}_share", top_share(departments, n), int(top.head(n).sum()), total))
    frame = pd.DataFrame(rows, columns=["indicator", "value", "numerator", "denominator"])
    frame.insert(1, "label", frame["indicator"].map(labels("indicator")))
    return frame


def indicator_value(indicators: pd.DataFrame, code: str) -> float:
    """The value of one district indicator by code."""
    return float(indicators.set_index("indicator").at[code, "value"])


def top_departments(departments: pd.DataFrame, n: int) -> list[str]:
    """Names of the n largest departments, largest first."""
    return departments.sort_values("total", ascending=False, kind="stable")["department"].head(n).tolist()
