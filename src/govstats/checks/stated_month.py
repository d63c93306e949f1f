"""Does the month a document states match the folder it was filed under?
"""

from __future__ import annotations

from govstats.checks.ledger import Check
from govstats.ingest.metadata import stated_month


def stated_month_check(folder_month: str, text: str, *, source: str = "",
                       profile: str = "") -> Check | None:
    """Does the month a bulletin or table title states agree with the folder it was filed in?

    Returns a failing error when they differ, a pass when they agree, and None when the text
    names no month. ``folder_month`` is YYYY-MM; its year completes a title like "7月份...".
    """
    stated = stated_month(text, default_year=int(folder_month[:4]))
    if stated is None:
        return None
    where = source or "文件"
    ok = stated == folder_month
    message = (f"{where} 所述月份为 {stated}，文件夹为 {folder_month}"
               + ("" if ok else "：文件可能放错了月份文件夹"))
    return Check("stated_month", where, folder_month, stated, None, "error",
                 "pass" if ok else "fail", message, profile)
