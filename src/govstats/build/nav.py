"""The header bar of each page: links to the index, the district's trends, the indicators page
and the previous and next month, as relative paths that work from a file share or a USB stick.

Previous and next are the district's neighbouring periods of the same kind (months with months,
quarters with quarters) that have raw folders: a run builds them too. A period added later is
linked from its neighbours once they are built again.
"""

from __future__ import annotations

from govstats.build.index import INDEX_FILE, INDICATORS_PAGE, TRENDS_PAGE
from govstats.paths import Layout
from govstats.periods import parse_period, period_words

Nav = list[tuple[str, str]]


def month_nav(layout: Layout, district: str, month: str) -> Nav:
    """Links from reports/<district>/<month>/report.html."""
    kind = parse_period(month).kind
    months = sorted(m for d, m in layout.raw_months() if d == district and parse_period(m).kind == kind)
    nav = [("报告目录", f"../../{INDEX_FILE}"), ("本区趋势", f"../{TRENDS_PAGE}.html"),
           ("指标与目标", f"../../{INDICATORS_PAGE}.html")]
    if month in months:
        at = months.index(month)
        if at > 0:
            nav.append((f"← 上一期 {period_words(months[at - 1])}", f"../{months[at - 1]}/report.html"))
        if at + 1 < len(months):
            nav.append((f"下一期 {period_words(months[at + 1])} →", f"../{months[at + 1]}/report.html"))
    return nav


def trends_nav() -> Nav:
    """Links from reports/<district>/trends.html."""
    return [("报告目录", f"../{INDEX_FILE}"), ("指标与目标", f"../{INDICATORS_PAGE}.html")]


def indicators_nav() -> Nav:
    """Links from reports/indicators.html."""
    return [("报告目录", INDEX_FILE)]
