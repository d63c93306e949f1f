"""Periods as folders name them and as bulletins speak of them.

A folder under data/raw/<district>/ names the period its documents report: a month ``2020-07``
(2020年7月), a quarter ``2022-Q3`` (2022年第三季度), a half year ``2022-H1`` (2022年上半年), a
year ``2021`` (2021年), or a cumulative range ``2022-01_2022-09`` (2022年1—9月). ``parse_period``
is the one parser of those names; a Period knows its months, its words, and the periods it is
compared with (the one before, the same one a year before), so trends compare like with like.
One place for month arithmetic and period wording. Standard library only: the skip check of a
scheduled run imports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def check_month(month: str) -> str:
    """Return ``month`` if it reads YYYY-MM, else raise ValueError naming it."""
    if not MONTH_RE.match(month):
        raise ValueError(f"month must read YYYY-MM (for example 2020-07), got {month!r}")
    return month


_QUARTERS = "一二三四"


def published_period(text: str) -> "Period":
    """The Period of a published indicator's period, written as a folder names it or with a
    slash for a range (2022-01/2022-09): one parser for both (parse_period)."""
    try:
        return parse_period(text.strip().replace("/", "_"))
    except ValueError:
        raise ValueError(f"period {text!r} must read YYYY, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY-MM/YYYY-MM") from None


def period_bounds(text: str) -> tuple[str, str]:
    """First and last month of a period written YYYY, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY-MM/YYYY-MM."""
    period = published_period(text)
    return period.first, period.last


def period_label(text: str) -> str:
    """A period in Chinese (2020年, 2020年7月, 2022年第三季度, 2022年1—9月, 2020年7月—2021年6月);
    the text itself when it names no period."""
    try:
        return published_period(text).words
    except ValueError:
        return text


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


#: Folder names of periods: YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY, YYYY-MM_YYYY-MM.
PERIOD_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2])(?:_(?P<end_year>\d{4})-(?P<end_month>0[1-9]|1[0-2]))?"
                       r"|-Q(?P<quarter>[1-4])|-H(?P<half>[12]))?$")
PERIOD_FORMS = "YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM_YYYY-MM (for example 2020-07, 2022-Q3, 2022-01_2022-09)"
_HALVES = ("上半年", "下半年")


@dataclass(frozen=True)
class Period:
    """A reporting period: its kind (month, quarter, half, year, range) and its first and last
    month (YYYY-MM, inclusive)."""

    kind: str
    first: str
    last: str

    @property
    def name(self) -> str:
        """The folder name: 2020-07, 2022-Q3, 2022-H1, 2021 or 2022-01_2022-09."""
        year, month = self.first.split("-")
        if self.kind == "month":
            return self.first
        if self.kind == "quarter":
            return f"{year}-Q{(int(month) - 1) // 3 + 1}"
        if self.kind == "half":
            return f"{year}-H{1 if int(month) == 1 else 2}"
        if self.kind == "year":
            return year
        return f"{self.first}_{self.last}"

    @property
    def words(self) -> str:
        """The period as bulletins write it: 2020年7月, 2022年第三季度, 2022年上半年, 2021年,
        2022年1—9月, 2021年7月—2022年6月."""
        year, month = self.first.split("-")
        end_year, end_month = self.last.split("-")
        if self.kind == "month":
            return month_words(self.first)
        if self.kind == "quarter":
            return f"{year}年第{_QUARTERS[(int(month) - 1) // 3]}季度"
        if self.kind == "half":
            return f"{year}年{_HALVES[0 if int(month) == 1 else 1]}"
        if self.kind == "year":
            return f"{year}年"
        if year == end_year:
            return f"{year}年{int(month)}—{int(end_month)}月"
        return f"{month_words(self.first)}—{month_words(self.last)}"

    @property
    def months(self) -> list[str]:
        """Every month the period covers, in order."""
        return month_range(self.first, self.last)

    def shifted(self, months: int) -> "Period":
        """The same kind of period ``months`` calendar months later (earlier when negative)."""
        return Period(self.kind, shift_month(self.first, months), shift_month(self.last, months))

    def previous(self) -> "Period | None":
        """The period just before, of the same kind (the month, quarter, half or year before);
        None for a cumulative range, which is compared with the same range a year before only."""
        return None if self.kind == "range" else self.shifted(-len(self.months))

    def year_ago(self) -> "Period":
        """The same period a year before."""
        return self.shifted(-12)

    def contains(self, other: "Period") -> bool:
        """True when every month of ``other`` lies within this period."""
        return self.first <= other.first and other.last <= self.last


def parse_period(text: str) -> Period:
    """The Period a folder name stands for; ValueError naming the name and the accepted forms."""
    match = PERIOD_RE.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a period: a period folder reads {PERIOD_FORMS}")
    year, month = match["year"], match["month"]
    if match["quarter"]:
        first = (int(match["quarter"]) - 1) * 3 + 1
        return Period("quarter", f"{year}-{first:02d}", f"{year}-{first + 2:02d}")
    if match["half"]:
        first = 1 if match["half"] == "1" else 7
        return Period("half", f"{year}-{first:02d}", f"{year}-{first + 5:02d}")
    if month and match["end_year"]:
        first, last = f"{year}-{month}", f"{match['end_year']}-{match['end_month']}"
        if last <= first:
            raise ValueError(f"{text!r} is not a period: the range ends before it starts")
        return Period("range", first, last)
    if month:
        return Period("month", f"{year}-{month}", f"{year}-{month}")
    return Period("year", f"{year}-01", f"{year}-12")


def check_period(text: str) -> str:
    """Return ``text`` if it names a period (see parse_period), else raise ValueError."""
    parse_period(text)
    return text


def period_words(text: str) -> str:
    """The words of a period folder name (2022-Q3 -> 2022年第三季度); the text itself when it
    names no period."""
    try:
        return parse_period(text).words
    except ValueError:
        return text


def compared_later(name: str, which: str) -> str | None:
    """The period that ``name`` is the ``previous`` (or ``year_ago``) of: the month, quarter,
    half or year after it (a year after it); None for a range's ``previous`` (a cumulative range
    is compared with the same range a year before only)."""
    period = parse_period(name)
    if which == "year_ago":
        return period.shifted(12).name
    return None if period.kind == "range" else period.shifted(len(period.months)).name
