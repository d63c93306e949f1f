"""Does the period a document states match the folder it was filed under?
"""

from __future__ import annotations

from govstats.checks.ledger import Check
from govstats.ingest.metadata import stated_period
from govstats.periods import period_words


def stated_month_check(folder_period: str, text: str, *, source: str = "",
                       profile: str = "") -> Check | None:
    """Does the period a bulletin or table title states agree with the folder it was filed in?

    Returns a failing error when they differ (a 三季度 bulletin in a 2022-07 folder), a pass when
    they agree, and None when the text names no period. ``folder_period`` is a period folder
    name; its year completes a title like "7月份...".
    """
    stated = stated_period(text, default_year=int(folder_period[:4]))
    if stated is None:
        return None
    where = source or "文件"
    ok = stated == folder_period
    message = (f"{where} 所述期间为 {period_words(stated)}，文件夹为 {period_words(folder_period)}"
               + ("" if ok else "：文件可能放错了文件夹"))
    return Check("stated_month", where, folder_period, stated, None, "error",
                 "pass" if ok else "fail", message, profile)
