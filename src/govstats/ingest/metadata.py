"""What a document says of itself: the period it reports ("2020年7月", "2022年三季度", "1—9月",
"2021年度"), its title, issuing office, number (綦政服〔2020〕12号) and date.

A file filed under data/raw/<district>/2020-07/ whose title names June is a filing mistake the
ledger should show; this module only reads what the document states,
checks.stated_month.stated_period_check compares it with the folder.
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


_QUARTER = re.compile(rf"{_YEAR}\s*(?:第)?\s*([一二三四1-4])\s*季度")
_HALF = re.compile(rf"{_YEAR}\s*(上|下)半年")
_RANGE = re.compile(rf"{_YEAR}\s*({_DIGIT}{{1,2}})\s*(?:月份?)?\s*[-—–~至到]+\s*({_DIGIT}{{1,2}})\s*月(?!\s*{_DIGIT}+\s*[日号])")
_YEAR_ONLY = re.compile(rf"{_YEAR}(?:度)?(?!\s*{_DIGIT}{{1,2}}\s*月)(?!\s*[上下]半年)(?!\s*(?:第)?\s*[一二三四1-4]\s*季度)")
_NUMBER = re.compile(r"[\u4e00-\u9fa5]{1,8}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")
#: A full date; one followed by 印发 is the printing date, not the dateline.
_DATE = re.compile(rf"{_YEAR}\s*({_DIGIT}{{1,3}})\s*月\s*({_DIGIT}{{1,3}})\s*日(?!\s*印发)")
_TITLE_WORDS = ("通报", "报告", "情况", "统计", "公报", "简报", "分析", "总结")
_OFFICE_ENDS = ("办公室", "管理局", "服务局", "服务中心", "中心", "政府", "委员会", "局", "办")


def stated_period(text: str, default_year: int | None = None) -> str | None:
    """The period ``text`` says it reports, as a period folder name (2022-Q3, 2022-H1,
    2022-01_2022-09, 2020-07, 2021), or None. Reads the title block and the lines that say what
    is reported, like stated_month; a quarter, a half or a range wins over a month, a month over
    a bare year."""
    lines = "\n".join(stating_lines(normalize_text(text)))
    if match := _QUARTER.search(lines):
        year, quarter = chinese_number(match.group(1)), "一二三四".find(match.group(2)) + 1 or int(match.group(2))
        if year and 1900 <= year <= 2200:
            return f"{year:04d}-Q{quarter}"
    if match := _HALF.search(lines):
        year = chinese_number(match.group(1))
        if year and 1900 <= year <= 2200:
            return f"{year:04d}-H{1 if match.group(2) == '上' else 2}"
    if match := _RANGE.search(lines):
        year, first, last = (chinese_number(g) for g in match.groups())
        if year and first and last and 1 <= first < last <= 12:
            return f"{year:04d}-{first:02d}_{year:04d}-{last:02d}"
    month = stated_month(text, default_year)
    if month:
        return month
    if match := _YEAR_ONLY.search(lines):
        year = chinese_number(match.group(1))
        if year and 1900 <= year <= 2200:
            return f"{year:04d}"
    return None


def document_number(text: str) -> str:
    """The document's own number as printed on a line of its title block (綦政服〔2020〕12号),
    or '' (a number cited in a sentence is another document's)."""
    lines = [line.strip() for line in normalize_text(text).splitlines() if line.strip()][:TITLE_LINES + 2]
    for line in lines:
        match = _NUMBER.search(line)
        if match and len(line) <= len(match.group(0)) + 4:
            return re.sub(r"\s+", "", match.group(0))
    return ""


def issue_date(text: str) -> str:
    """The dateline: the last full date (YYYY-MM-DD) of the text, or ''."""
    dates = [(chinese_number(y), chinese_number(m), chinese_number(d)) for y, m, d in _DATE.findall(normalize_text(text))]
    dates = [(y, m, d) for y, m, d in dates if y and m and d and 1 <= m <= 12 and 1 <= d <= 31]
    return f"{dates[-1][0]:04d}-{dates[-1][1]:02d}-{dates[-1][2]:02d}" if dates else ""


def document_title(text: str) -> str:
    """The title: the first line of the title block that reads as one (通报, 报告, 情况 ...)."""
    lines = [line.strip() for line in normalize_text(text).splitlines() if line.strip()][:TITLE_LINES + 2]
    return next((line for line in lines if len(line) <= TITLE_WIDTH and any(w in line for w in _TITLE_WORDS)), "")


def issuing_office(text: str) -> str:
    """The issuing office: the first short line of the title block that names an office."""
    lines = [line.strip() for line in normalize_text(text).splitlines() if line.strip()][:TITLE_LINES]
    return next((line for line in lines if len(line) <= 30 and " " not in line and line.endswith(_OFFICE_ENDS)), "")
