"""Periods as folders name them (YYYY-MM) and as bulletins speak of them (2020年7月).

One place for month arithmetic and period wording, so every stage says a month the same way.
Standard library only: the skip check of a scheduled run imports it.
"""

from __future__ import annotations

import re

MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def check_month(month: str) -> str:
    """Return ``month`` if it reads YYYY-MM, else raise ValueError naming it."""
    if not MONTH_RE.match(month):
        raise ValueError(f"month must read YYYY-MM (for example 2020-07), got {month!r}")
    return month


#: A published indicator's period: YYYY, YYYY-MM, YYYY-Qn or YYYY-MM/YYYY-MM.
_PERIOD = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:/(\d{4})-(0[1-9]|1[0-2]))?|-Q([1-4]))?$")
_QUARTERS = "一二三四"


def period_bounds(text: str) -> tuple[str, str]:
    """First and last month of a period written YYYY, YYYY-MM, YYYY-Qn or YYYY-MM/YYYY-MM."""
    match = _PERIOD.match(text.strip())
    if not match:
        raise ValueError(f"period {text!r} must read YYYY, YYYY-MM, YYYY-Qn or YYYY-MM/YYYY-MM")
    year, month, end_year, end_month, quarter = match.groups()
    if quarter:
        first = (int(quarter) - 1) * 3 + 1
        return f"{year}-{first:02d}", f"{year}-{first + 2:02d}"
    if month and end_year:
        start, end = f"{year}-{month}", f"{end_year}-{end_month}"
        if end < start:
            raise ValueError(f"period {text!r} ends before it starts")
        return start, end
    if month:
        return f"{year}-{month}", f"{year}-{month}"
    return f"{year}-01", f"{year}-12"


def period_label(text: str) -> str:
    """A period in Chinese: 2020年, 2020年7月, 2022年三季度, 2022年1—9月, 2020年7月—2021年6月."""
    match = _PERIOD.match(text.strip())
    if not match:
        return text
    year, month, end_year, end_month, quarter = match.groups()
    if quarter:
        return f"{year}年{_QUARTERS[int(quarter) - 1]}季度"
    if month and end_year:
        if end_year == year:
            return f"{year}年{int(month)}—{int(end_month)}月"
        return f"{year}年{int(month)}月—{end_year}年{int(end_month)}月"
    if month:
        return month_words(f"{year}-{month}")
    return f"{year}年"


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` inclusive, as YYYY-MM."""
    start, end = month_index(check_month(first)), month_index(check_month(last))
    if end < start:
        raise ValueError(f"the first month {first} comes after the last month {last}")
    return [month_at(i) for i in range(start, end + 1)]


def shift_month(month: str, months: int) -> str:
    """``month`` moved by ``months`` calendar months (2020-01 shifted by -1 is 2019-12)."""
    return month_at(month_index(check_month(month)) + months)


def month_index(month: str) -> int:
    """Months since year 0 of a YYYY-MM month, for arithmetic."""
    year, mon = month.split("-")
    return int(year) * 12 + int(mon) - 1


def month_at(index: int) -> str:
    """The YYYY-MM month of a month_index."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_words(month: str) -> str:
    """2020-07 -> 2020年7月."""
    year, mon = month.split("-")
    return f"{year}年{int(mon)}月"
