"""Growth rates (同比, 环比) against the counts they grow: the earlier period each row implies.

A row printing a count c and its change g (in percent, against an earlier period) implies the
earlier count c / (1 + g), within the printed precision of g (half a unit of its last digit).
The rows' earlier counts add up to the total row's: the check compares the two ranges. When a
row prints no change (“/”: new, or not comparable) its earlier count is unknown but not
negative, so the rows' earlier counts may only fall short of the total's (the remainder is
that row's). Profile: ``growth: [{rate: year_on_year, of: orders}]``.
"""

from __future__ import annotations

import pandas as pd

from govstats.checks.ledger import Check, in_words
from govstats.checks.rates import printed_points, tolerance
from govstats.clean.month import MonthTable
from govstats.reference.profiles import Growth, Profile


def earlier(count: int, points: float, decimals: int) -> tuple[float, float]:
    """The range of the earlier count that ``count`` and a printed change imply."""
    half = tolerance(decimals)
    return count / (1 + (points + half) / 100), count / (1 + (points - half) / 100)


def growth_check(month: MonthTable, growth: Growth, profile: Profile) -> Check:
    """The rows' earlier counts against the total row's, for one growth column."""
    words = in_words(f"{growth.rate} of {growth.of}", month.headers).replace(" of ", " 对 ")
    name = f"growth:{growth.rate} of {growth.of}"
    total_rate, total_count = (month.published_totals.get(m) for m in (growth.rate, growth.of))
    if month.totals_row is None or any(v is None or pd.isna(v) for v in (total_rate, total_count)):
        return Check(name, "合计", None, None, None, "warning", "unverifiable",
                     f"{words}：合计行没有印出，无法由各行推算上期", profile.name)
    low = high = 0.0
    unknown = []
    for record in month.departments.to_dict("records"):
        rate, count = record.get(growth.rate), record.get(growth.of)
        if count is None or pd.isna(count):
            continue
        if rate is None or pd.isna(rate):
            unknown.append(str(record["department"]))
            continue
        a, b = earlier(int(count), *printed_points(month, growth.rate, month.cell_line(str(record["department"]), int(record["source_row"])), rate))
        low, high = low + a, high + b
    t_low, t_high = earlier(int(total_count), *printed_points(month, growth.rate, month.cell_line("合计", month.totals_row), total_rate))
    ok = low <= t_high and (bool(unknown) or high >= t_low)
    expected, actual = round((t_low + t_high) / 2, 1), round((low + high) / 2, 1)
    message = (f"{words}：各行推算的上期之和 {low:.1f}–{high:.1f}，合计行推算的上期 {t_low:.1f}–{t_high:.1f}")
    if unknown:
        message += f"（{'、'.join(unknown)} 未印增幅，其上期为余数 {max(t_low - high, 0):.1f}–{t_high - low:.1f}，不能为负）"
    message += "，相符" if ok else "，不符"
    return Check(name, "合计", expected, actual, 0 if ok else round(actual - expected, 1), "error",
                 "pass" if ok else "fail", message, profile.name)


def growth_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """One record per declared growth column whose columns the table prints."""
    return [growth_check(month, g, profile) for g in profile.growth
            if {g.rate, g.of} <= set(month.headers)]
