"""A count of the names listed right before it: "大厅分为市场准入、项目审批、社会事务、公共服务4个功能区".

The names joined by 、 (和, 及) in the count's own words are what it counts, one each: the count
is the sum of as many ones. The names only may be what is counted, so a count that differs is
reported as unverifiable, never failed, and one far from the names' number is of something else.
A list left open (等), a count of people or of money, or a name list of fewer than two is no such
claim.
"""

from __future__ import annotations

import re

from govstats.checks.claims.prose import Passage
from govstats.checks.claims.records import Claim, claim_from
from govstats.checks.claims.words import NAME_JOIN, split_names

#: Units of a count of named things ("4个功能区", "3项改革", "两类事项").
NAMED_UNITS = ("个", "项", "类", "种", "家", "所", "座")
#: A list of names ending right before the count: "A、B、C和D".
_NAMES = re.compile(rf"(?:[\u4e00-\u9fff“”\"]{{2,12}}(?:{NAME_JOIN}))+[\u4e00-\u9fff“”\"]{{2,12}}$")


def name_count_claims(doc: Passage) -> list[Claim]:
    """A sum of ones for each count whose own words list the names it counts."""
    out = []
    for figure in doc.figures:
        if figure.unit not in NAMED_UNITS or figure.approx or figure.value < 2 or figure.value != int(figure.value):
            continue
        words = doc.norm[doc.floor_of(figure):figure.start]
        words = words[max(words.rfind(c) for c in ",;:。()") + 1:]
        if "等" in words[-3:] or not (names := _NAMES.search(words)):
            continue
        count = len(split_names(names.group()))
        if not re.match(r"[\u4e00-\u9fff]", doc.norm[figure.end:figure.end + 1]):
            continue  # "…4个。" with no noun after it counts nothing named
        if abs(figure.value - count) > 2:
            continue  # "窗口、网上23个": the count is of something else than the names
        ones = (1.0,) * count
        # the names only may be what is counted: a count that differs is reported, never failed
        verdict = "pass" if count == figure.value else "unverifiable"
        message = (f"所列名称{count}个，与所称{figure.text}相符" if verdict == "pass"
                   else f"所列名称{count}个，所称{figure.text}：所计的可能不只是这些名称，不作为错误")
        out.append(claim_from(doc, doc.clause_of(figure), kind="sum", stated=figure.value, decimals=None,
                              unit=figure.unit, formula=" + ".join("1" for _ in ones), computed=float(count),
                              verdict=verdict, difference=float(count) - figure.value, message=message,
                              parts=ones, whole=figure.value))
    return out
