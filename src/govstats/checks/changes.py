"""A change printed beside the two counts it compares (2019受理量 | 2020受理量 | 同比2019年):
100 * (current - previous) / previous on each row and on the total row, at the precision printed.

Profile: ``changes: [{rate: yoy, current: this_year, previous: last_year}]``. A printed change
within half a unit of its last digit of the exact one passes; one that is the exact change cut
off towards zero (not rounded) warns, naming truncation; any other fails with the difference
in percent points. A previous count of 0 has no change to compare (unverifiable, with the
reason, whether the row prints "-" or a figure); any other row printing no change is left alone.
"""

from __future__ import annotations

import pandas as pd

from govstats.checks.ledger import Check, in_words
from govstats.checks.rates import fmt_points, judged, printed_points, rate_rows, verdict
from govstats.clean.month import MonthTable
from govstats.reference.profiles import Change, Profile


def change_verdict(exact: float, printed: float, decimals: int) -> str:
    """pass, truncated (cut off towards zero) or fail; a change of the wrong sign fails."""
    if exact * printed < 0 and verdict(exact, printed, decimals) != "pass":
        return "fail"
    return verdict(abs(exact), abs(printed), decimals)


def change_check(month: MonthTable, change: Change, scope: str, line: int | None,
                 row: dict[str, object], profile: Profile) -> Check | None:
    """One row's printed change against its two counts (None when the row prints no change and
    has an earlier count: its cell is no figure)."""
    name = f"change:{change.text}"
    words = in_words(f"{change.rate} = ( {change.current} - {change.previous} ) / {change.previous}", month.headers)
    value, current, previous = (row.get(m) for m in (change.rate, change.current, change.previous))
    printed = value is not None and not pd.isna(value)
    points, decimals = printed_points(month, change.rate, line, value) if printed else (None, 0)
    if previous is not None and not pd.isna(previous) and previous == 0:
        shown = f"印为 {fmt_points(points, decimals)}" if printed else "未印出变化率"
        return Check(name, scope, None, points, None, "warning", "unverifiable",
                     f"{scope} {month.headers[change.previous]} 为 0，“{words}”无从计算（{shown}）", profile.name)
    if not printed:
        return None
    if current is None or pd.isna(current) or previous is None or pd.isna(previous):
        return Check(name, scope, None, points, None, "warning", "unverifiable",
                     f"{scope}：所需单元格为空或“—”，未能核对“{words}”", profile.name)
    exact = 100 * (float(current) - float(previous)) / float(previous)
    return judged(name, scope, f"{scope} {words}：({current} - {previous})/{previous}", exact, points, decimals,
                  change_verdict(exact, points, decimals), profile)


def change_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """Every declared change on every row and the total row, when the table prints its columns."""
    checks = []
    for change in profile.changes:
        if not {change.rate, change.current, change.previous} <= set(month.headers):
            continue
        for scope, line, row in rate_rows(month):
            check = change_check(month, change, scope, line, row, profile)
            if check is not None:
                checks.append(check)
    return checks
