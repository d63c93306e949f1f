"""The header bar of each page: links to the index, the district's trends, the indicators page
and the previous and next month, as relative paths that work from a file share or a USB stick.

Previous and next are the district's neighbouring periods of the same kind (months with months,
quarters with quarters) that have raw folders, linked when their report exists or is built in the
same run. They are part of a period's fingerprint (govstats.build.freshness), so a period added
or built later rebuilds its neighbours, whose bars then link it. A neighbour whose build fails
in the run and leaves no report is not linked: the months beside it are built again without the
link (govstats.build.runs.relinked).
"""

from __future__ import annotations

from collections.abc import Collection

from govstats.build.freshness import linked_neighbours
from govstats.build.index import INDEX_FILE, INDICATORS_PAGE, TRENDS_PAGE
from govstats.paths import Layout
from govstats.periods import period_words

Nav = list[tuple[str, str]]


def month_nav(layout: Layout, district: str, month: str, building: Collection[tuple[str, str]] = ()) -> Nav:
    """Links from reports/<district>/<month>/report.html (``building``: the run's targets)."""
    before, after = linked_neighbours(layout, district, month, building)
    nav = [("报告目录", f"../../{INDEX_FILE}"), ("本区趋势", f"../{TRENDS_PAGE}.html"),
           ("指标与目标", f"../../{INDICATORS_PAGE}.html")]
    if before:
        nav.append((f"← 上一期 {period_words(before)}", f"../{before}/report.html"))
    if after:
        nav.append((f"下一期 {period_words(after)} →", f"../{after}/report.html"))
    return nav


def trends_nav() -> Nav:
    """Links from reports/<district>/trends.html."""
    return [("报告目录", f"../{INDEX_FILE}"), ("指标与目标", f"../{INDICATORS_PAGE}.html")]


def indicators_nav() -> Nav:
    """Links from reports/indicators.html."""
    return [("报告目录", INDEX_FILE)]
