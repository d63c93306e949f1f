"""Indicators over time: month-on-month and year-on-year changes, ranks, a rolling year.

Everything here takes the frame ``history.load_history`` returns and gives plain frames back.
A change compares a month with the calendar month before (or the same month a year before),
never with "the last month there is": when that month is missing the change is missing, so a
gap in the data never poses as a one-month move. Changes of counts are in cases (件), changes of
rates in percentage points (个百分点); rates themselves stay fractions in 0..1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from govstats.errors import InputError
from govstats.measure.history import KEY_COLUMNS, department_turnover, history_months, load_history
from govstats.measure.indicators import department_indicators, district_indicators
from govstats.paths import Layout
from govstats.periods import compared_later, month_range, month_words, shift_month
from govstats.reference.districts import district_name, district_row, is_demo

#: Columns of a history frame that are not measures.
ID_COLUMNS = {"district", "month", "department", "published_name", "size_band", "registered", "source_row"}
RATE_INDICATORS = {"immediate_rate", "online_rate", "centre_share", "department_share", "grassroots_share",
                   "top3_share", "top10_share", "volume_share"}
COUNT_UNITS = {"departments": "个", "active_departments": "个"}
PERCENTAGE_POINTS = "个百分点"
DEPARTMENT_INDICATORS = ["total", "immediate", "online", "immediate_rate", "online_rate", "volume_share"]
ROLLING_MONTHS = 12


def measure_columns(history: pd.DataFrame) -> list[str]:
    """The measure columns of a history frame (total, immediate, ...), in their order."""
    return [c for c in history.columns if c not in ID_COLUMNS]


def month_groups(history: pd.DataFrame):  # noqa: ANN201 - a groupby iterator
    """(district, month) groups, each without the measures its layout does not have."""
    for (district, month), frame in history.groupby(KEY_COLUMNS, sort=True):
        absent = [c for c in measure_columns(frame) if frame[c].isna().all()]
        yield str(district), str(month), frame.drop(columns=absent)


def district_series(history: pd.DataFrame) -> pd.DataFrame:
    """District indicators of every month, long: district, month, indicator, label, value,
    numerator, denominator (the same figures the monthly report shows)."""
    frames = [district_indicators(frame).assign(district=d, month=m) for d, m, frame in month_groups(history)]
    if not frames:
        return pd.DataFrame(columns=[*KEY_COLUMNS, "indicator", "label", "value", "numerator", "denominator"])
    series = pd.concat(frames, ignore_index=True)
    return series[[*KEY_COLUMNS, "indicator", "label", "value", "numerator", "denominator"]]


def department_series(history: pd.DataFrame) -> pd.DataFrame:
    """Per department and month, long: district, month, department, indicator, value."""
    frames = []
    for d, m, frame in month_groups(history):
        measured = department_indicators(frame.drop(columns=["district", "month"]))
        wanted = [c for c in DEPARTMENT_INDICATORS if c in measured.columns]
        long = measured.melt(id_vars=["department"], value_vars=wanted, var_name="indicator", value_name="value")
        frames.append(long.assign(district=d, month=m))
    if not frames:
        return pd.DataFrame(columns=[*KEY_COLUMNS, "department", "indicator", "value"])
    series = pd.concat(frames, ignore_index=True)
    series["value"] = series["value"].astype("float64")
    return series[[*KEY_COLUMNS, "department", "indicator", "value"]]


def change_unit(indicator: str) -> str:
    """The unit a change of ``indicator`` is stated in."""
    if indicator in RATE_INDICATORS:
        return PERCENTAGE_POINTS
    return COUNT_UNITS.get(indicator, "件")


def with_changes(series: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """``series`` (keys, month, indicator, value) with the value of the period before (a calendar
    month, or the quarter, half or year before; none for a cumulative range) and a year before,
    and the changes: ``mom``/``yoy`` in cases or percentage points, ``mom_relative``/
    ``yoy_relative`` as a fraction of the earlier count (rates have none)."""
    on = [*keys, "indicator", "month"]
    base = series[on + ["value"]].astype({"month": str})
    out = series.astype({"month": str})
    for name in ("previous", "year_ago"):
        shifted = base.assign(month=base["month"].map(lambda m, name=name: compared_later(m, name)))
        shifted = shifted[shifted["month"].notna()]
        out = out.merge(shifted.rename(columns={"value": name}), on=on, how="left", validate="one_to_one")
    is_rate = out["indicator"].isin(RATE_INDICATORS).to_numpy()
    value = out["value"].astype("float64")
    for name, before in (("mom", "previous"), ("yoy", "year_ago")):
        earlier = out[before].astype("float64")
        out[name] = (value - earlier) * np.where(is_rate, 100.0, 1.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            relative = (value - earlier) / earlier.where(earlier != 0)
        out[f"{name}_relative"] = relative.where(~is_rate)
    out["change_unit"] = out["indicator"].map(change_unit)
    return out


def district_trends(history: pd.DataFrame) -> pd.DataFrame:
    """District indicators of every month with their month-on-month and year-on-year changes."""
    return with_changes(district_series(history), ["district"])


def department_trends(history: pd.DataFrame) -> pd.DataFrame:
    """Each department's cases and rates of every month with their changes."""
    return with_changes(department_series(history), ["district", "department"])


def department_ranks(history: pd.DataFrame) -> pd.DataFrame:
    """Each department's rank by cases in its district's month, the rank a calendar month
    before, and the change (positive: moved up). Tied departments share the better rank, so
    the published order of tied rows (the 无办件 row lists several) never moves a rank."""
    frame = history[[*KEY_COLUMNS, "department", "total"]].astype({"month": str})
    ranked = frame.assign(rank=frame.groupby(KEY_COLUMNS)["total"].rank(method="min", ascending=False))
    earlier = ranked.assign(month=ranked["month"].map(lambda m: shift_month(m, 1)))
    out = ranked.merge(earlier[[*KEY_COLUMNS, "department", "rank"]].rename(columns={"rank": "previous_rank"}),
                       on=[*KEY_COLUMNS, "department"], how="left", validate="one_to_one")
    out["rank"] = out["rank"].astype("Int64")
    out["previous_rank"] = out["previous_rank"].astype("Int64")
    out["rank_change"] = out["previous_rank"] - out["rank"]
    return out.sort_values([*KEY_COLUMNS, "rank", "department"], kind="stable").reset_index(drop=True)


def rolling_year(history: pd.DataFrame, by: Sequence[str] = ("district",)) -> pd.DataFrame:
    """Twelve-month sums ending at each month that has all twelve months before it, and the
    rates of those sums (即办率 = 12-month 即收即办 / 12-month 办理总数, not a mean of rates).
    Empty when no group has twelve consecutive months."""
    keys = list(by)
    wanted = [m for m in ("total", "immediate", "online") if m in history.columns]
    columns = [*keys, "month", "first_month", *wanted, "immediate_rate", "online_rate"]
    sums = history.astype({"month": str}).groupby([*keys, "month"], sort=True)[wanted].sum(min_count=1)
    frames = []
    for key, group in sums.groupby(level=keys, sort=True):
        by_month = group.droplevel(keys)
        by_month.index = pd.PeriodIndex(by_month.index, freq="M")
        calendar = pd.period_range(by_month.index.min(), by_month.index.max(), freq="M")
        window = by_month.reindex(calendar).astype("float64").rolling(ROLLING_MONTHS, min_periods=ROLLING_MONTHS).sum()
        window = window.dropna(how="all")
        if window.empty:
            continue
        values = dict(zip(keys, key if isinstance(key, tuple) else (key,)))
        frames.append(window.assign(**values, month=window.index.astype(str),
                                    first_month=(window.index - (ROLLING_MONTHS - 1)).astype(str)))
    if not frames:
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        for measure, rate in (("immediate", "immediate_rate"), ("online", "online_rate")):
            out[rate] = out[measure] / out["total"].where(out["total"] > 0) if measure in out else np.nan
    return out[columns]


def department_month_table(history: pd.DataFrame, value: str = "total", district: str | None = None) -> pd.DataFrame:
    """Departments (rows, most cases over the whole span first) by month (columns): the data
    of a heatmap. ``value`` is a measure (total, ...) or a department rate (immediate_rate, ...)."""
    frame = history if district is None else history[history["district"] == district]
    if value in frame.columns:
        long = frame[["month", "department", value]].rename(columns={value: "value"})
    else:
        series = department_series(frame)
        long = series.loc[series["indicator"] == value, ["month", "department", "value"]]
    table = long.pivot(index="department", columns="month", values="value").astype("float64")
    order = frame.groupby("department")["total"].sum().sort_values(ascending=False, kind="stable").index
    return table.reindex([d for d in order if d in table.index])



@dataclass(frozen=True)
class DistrictTrends:
    """Everything the trends report shows about one district's months."""

    district: str
    district_name: str
    demo: bool
    months: list[str]
    history: pd.DataFrame
    district_trends: pd.DataFrame
    department_trends: pd.DataFrame
    ranks: pd.DataFrame
    turnover: pd.DataFrame
    rolling: pd.DataFrame
    periods: pd.DataFrame = field(default_factory=pd.DataFrame)  # quarters, halves, years, ranges

    @property
    def title(self) -> str:
        first, last = (month_words(m) for m in (self.months[0], self.months[-1]))
        span = first if first == last else f"{first}至{last}"
        return f"{self.district_name} {span} 政务服务办件趋势报告"



def district_trends_of(district: str, first_month: str | None = None, last_month: str | None = None,
                       root: str | Path | None = None) -> DistrictTrends:
    """Load a district's processed months (all, or first..last) and compute its trends; the
    district's other periods (quarters, halves, years, ranges) get trends of their own, each
    compared with the period of its kind before it and with the same period a year before."""
    layout = Layout.at(root)
    row = district_row(layout.reference, district)
    months = None
    if first_month or last_month:
        built = history_months(load_history(district, root=layout.root), district)
        months = month_range(first_month or (built[0] if built else last_month),
                             last_month or (built[-1] if built else first_month))
    history = load_history(district, months, root=layout.root)
    if history.empty:
        raise InputError(layout.processed / district,
                         f"no processed months for {district}{'' if months is None else f' in {months[0]}..{months[-1]}'}; "
                         f"build them first: govstats run --district {district}")
    others = load_history(district, root=layout.root, periods=True)
    return DistrictTrends(
        district=district, district_name=district_name(row, district), demo=is_demo(row),
        months=history_months(history, district), history=history,
        district_trends=district_trends(history), department_trends=department_trends(history),
        ranks=department_ranks(history), turnover=department_turnover(history), rolling=rolling_year(history),
        periods=district_trends(others),
    )
