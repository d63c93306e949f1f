"""The words of claims: fillers, target and change verbs, total and subset markers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import TOTAL_MARKERS, Passage

#: Verbs between a label and its percentage that carry no meaning ("满意率达99.9%").
FILLERS = ("达到", "已达", "高达", "达", "为", "是", "约", "了", "保持在", "均为", "仅有", "仅为", "则为", "都在",
           "均", "也", "亦", "分别", "在", "仍", "仍然", "依然", "只有", "仅")


#: A percentage after these words is a target or a bound, not a stated result.
TARGET_WORDS = ("提高到", "提升到", "不低于", "不得低于", "低于", "不超过", "超过", "未达到", "力争", "目标")


GROWTH_WORDS = ("同比", "环比")


#: Grades before an answer (非常满意, 基本满意): counts of two grades of one answer are both of it.
GRADES = ("非常", "比较", "基本", "很")


#: Words of time that qualify a measure (按时办结, 提前办结, 限时办结): the qualified count is part
#: of the plain one, so a qualified rate is never the plain rate, and never passes 100%.
TIME_QUALIFIERS = ("承诺期限内", "期限内", "按时", "按期", "提前", "限时", "当场", "即时", "及时", "限期", "超期", "逾期")


SHARE_WORDS = ("所占比例", "占比例", "占比重", "占比", "比重", "占")


CHANGE_DOWN = ("减少", "压缩", "压减", "下降", "降低", "缩短", "精简", "减", "回落", "下滑", "跌")


CHANGE_UP = ("增加", "增长", "成长", "提高", "上升", "提升", "扩大", "上涨", "升", "增")


#: The words before a count of another period ("较2023年的3,000宗", "比上月的"): no part of a list.
OTHER_PERIOD = re.compile(r"(?:与|比|较)(?:去年|上年|上月|前年|同期|(?:19|20)\d\d年|[^,;。\d]{0,8}?(?:年|月|季度?|周|期))"
                          r"(?:同期)?的?\s*$")
_CHANGE_GAP = re.compile(rf"({'|'.join(CHANGE_DOWN + CHANGE_UP)})(到|至|为)$")


TOTAL_WORDS = ("共计", "合计", "总计", "累计", "一共", "共", "计", "总数", "总量")


SUBSET_WORDS = ("其中", "含", "包括")


SHARE_LOOKBACK = 400  # characters before a clause searched for a whole stated earlier


@lru_cache(maxsize=4096)
def core_label(label: str) -> str:
    """A label without trailing filler verbs ("占比达" -> "占比")."""
    changed = True
    while changed:
        changed = False
        for word in FILLERS:
            if label.endswith(word) and len(label) > len(word):
                label, changed = label[: -len(word)], True
    return label


#: 共 as a total word, not inside 公共 ("公共服务类218件" is a part).
_TOTAL_GONG = re.compile(r"(?<!公)共")


def has_total_marker(label: str) -> bool:
    return label.startswith(TOTAL_MARKERS) or bool(_TOTAL_GONG.search(label)) or "合计" in label


def clean_part_label(label: str) -> str:
    """A label without leading 其中/全区/区级 scope words, for exact label matches."""
    for prefix in ("其中", "全区", "区级", "全市", "全县", "共"):
        if label.startswith(prefix) and len(label) > len(prefix):
            label = label[len(prefix):]
    return label


def figure_list(figures: Iterable[Figure]) -> str:
    return " + ".join(f.shown for f in figures)


def own_subject(doc: Passage, figure: Figure, count: Figure) -> bool:
    """True when the share names a subject of its own that ``count`` is not ("受理1000件，其中咨询类占50%")."""
    subject = core_label(re.sub(r"^(?:其中|而)", "", doc.label(figure).partition("占")[0]).removesuffix("的"))
    subject = "" if subject in FILLERS else subject
    return bool(subject) and "," in doc.norm[count.end:doc.label_start(figure)] and subject not in doc.label(count)


def abbreviates(short: str, label: str) -> bool:
    """True when ``short`` is a contraction of words in ``label``: its characters stand in
    ``label`` in order, the first opening the run and at most one character between two of them
    (采发 of 采纳发布, 直办 of 直接办理), as rates are named after the counts they divide."""
    return len(short) >= 2 and re.search(".?".join(re.escape(ch) for ch in short), label) is not None


#: An item holding one of these closes a list with the rest of its whole ("其他类", "其余").
CATCH_ALL = ("其他", "其它", "其余", "另有", "剩余")

#: What joins the names of a list of things named in one phrase ("咨询、投诉和举报").
NAME_JOIN = "、|和|及"


def split_names(text: str) -> list[str]:
    """The names a phrase lists, in order ("咨询、投诉和举报" -> 咨询, 投诉, 举报)."""
    return re.split(NAME_JOIN, text)
