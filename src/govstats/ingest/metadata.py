"""Which month a bulletin or a table title says it reports ("2020年7月", "7月份" with a year).

A file filed under data/raw/<district>/2020-07/ whose title names June is a filing mistake the
ledger should show; this module only reads the month, checks.stated_month.stated_month_check compares it.
"""

from __future__ import annotations

import re

from govstats.cells import normalize_text

_NUMERALS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "十": 10}
_DIGIT = r"[0-9〇零一二三四五六七八九十]"
_YEAR = rf"({_DIGIT}{{4}})\s*年"
_MONTH = rf"({_DIGIT}{{1,3}})\s*月"
#: "2020年7月" not followed by a day (a date such as 2020年8月6日 is an issue date), nor by a
#: range ("1—9月", "1-9月" read the range's end, so they are skipped too).
_YEAR_MONTH = re.compile(rf"{_YEAR}\s*{_MONTH}(?!\s*{_DIGIT}+\s*[日号])(?!\s*[-—–~至到])")
_MONTH_ONLY = re.compile(rf"(?<![0-9〇零一二三四五六七八九十\-—–~至到]){_MONTH}份")
_ANY_YEAR = re.compile(_YEAR)
_RANGE_BEFORE = re.compile(rf"{_DIGIT}\s*[-—–~至到]\s*$")
#: Lines that state what a document reports, beyond its first short lines (its title block).
_STATING = ("通报如下", "情况表", "统计表", "月报", "情况通报")
TITLE_LINES = 6
TITLE_WIDTH = 80


def stating_lines(text: str) -> list[str]:
    """The title block (the short lines before the first paragraph, at most six) and any
    line that says what is reported."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head: list[str] = []
    for line in lines[:TITLE_LINES]:
        if len(line) > TITLE_WIDTH:
            break
        head.append(line)
    return head + [line for line in lines[len(head):] if any(w in line for w in _STATING)]


def chinese_number(text: str) -> int | None:
    """An integer written in digits or Chinese numerals (七, 十二, 二〇二〇), or None."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_NUMERALS.get(tens, 0) if tens else 1) * 10 + (_NUMERALS.get(ones, 0) if ones else 0)
    digits = [_NUMERALS.get(ch) for ch in text]
    if None in digits:
        return None
    return int("".join(str(d) for d in digits))


def _month(year: int | None, month: int | None) -> str | None:
    if year is None or month is None or not (1 <= month <= 12) or not (1900 <= year <= 2200):
        return None
    return f"{year:04d}-{month:02d}"


def stated_month(text: str, default_year: int | None = None) -> str | None:
    """The month ``text`` says it reports, as YYYY-MM, or None when it names none.

    Reads only the title block and the lines that say what is reported ("现将2020年7月份...
    通报如下", "7 月份...情况表"), so a date in the body ("自2021年9月实施以来") is not taken.
    Looks first for a year and month together, skipping dates with a day and ranges ("1—9月");
    then for "7月份" with the first year the text names, or ``default_year`` (a table title
    often names only the month).
    """
    text = normalize_text(text)
    lines = "\n".join(stating_lines(text))
    for match in _YEAR_MONTH.finditer(lines):
        if _RANGE_BEFORE.search(lines[: match.start(2)]):
            continue
        found = _month(chinese_number(match.group(1)), chinese_number(match.group(2)))
        if found:
            return found
    only = _MONTH_ONLY.search(lines)
    if only:
        year_match = _ANY_YEAR.search(lines) or _ANY_YEAR.search(text)
        year = chinese_number(year_match.group(1)) if year_match else default_year
        return _month(year, chinese_number(only.group(1)))
    return None
