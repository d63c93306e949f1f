"""A change whose other period is printed as a count of its own: "今年感谢信1160件，去年同期为690件，
增长率68%". The count labelled by the other period (去年同期为, 上月为) right after this period's count
is the base; so is the count right before it whose label is the same but for the year before
("2023年受理案件66件，2024年受理案件151件，同比增长128.79%"), or the count in a bracket after the
percentage ("按年上升12%（2024年16,950宗）"). The percentage, with a verb of change, is the change
from it.
"""

from __future__ import annotations

import re

from govstats.checks.claims.guesses import guarded
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.period_changes import change_between
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import same_kind

#: The label of the other period's count ("去年同期为", "上月是").
THEN_LABEL = re.compile(r"^(?:而|比|较)?(?:去年|上年|前年|上月|上季度?|上周|上期|(?:19|20)\d\d年)(?:同期)?(?:为|是|有|则为|的|共)?$")


#: A label that opens with its period: "2023年", "去年", "今年".
_PERIOD = re.compile(r"^(?:(?P<year>(?:19|20)\d{2})年|(?P<word>去年|上年|今年|本年))(?:度|全年)?")
_YEARS = {"去年": -1, "上年": -1, "今年": 0, "本年": 0}


def year_before(doc: Passage, first: Figure, second: Figure) -> bool:
    """True when ``first`` counts the year before ``second`` and their labels are the same but
    for the year ("2023年受理案件" / "2024年受理案件", "去年受理" / "今年受理"), next to each other."""
    one, two = _PERIOD.match(doc.label(first)), _PERIOD.match(doc.label(second))
    if one is None or two is None or first.unit != second.unit or first.approx or second.approx:
        return False
    if doc.norm[first.end:doc.label_start(second)].strip() != "," or doc.label(first)[one.end():] != doc.label(second)[two.end():]:
        return False
    if one.group("year") and two.group("year"):
        return int(two.group("year")) - int(one.group("year")) == 1
    return bool(one.group("word") and two.group("word")) and _YEARS[two.group("word")] - _YEARS[one.group("word")] == 1


def period_change(doc: Passage, figure: Figure) -> Claim | None:
    """The change from the other period's count to this period's, both printed before ``figure``."""
    sentence = doc.sentence_of(figure)
    before = [f for f in doc.figures_in(Span(sentence.start, figure.start))
              if not f.is_percent and doc.depth(f) == doc.depth(figure)]
    inside = doc.bracket_after(figure)
    held = doc.figures_in(inside) if inside else []
    if before and len(held) == 1 and THEN_LABEL.match(doc.label(held[0])) and not held[0].is_percent:
        before = [*before, held[0]]  # "同比上升25%（去年同期800件）": the other period's count after it
    elif len(before) < 2 or any(f.is_percent for f in doc.figures_in(Span(before[-1].end, figure.start))):
        return None
    now, then = before[-2], before[-1]
    if then.start > figure.start:
        if not same_kind(now.unit, then.unit) or now.approx or then.approx:
            return None
    elif year_before(doc, now, then):
        now, then = then, now
    elif (not THEN_LABEL.match(doc.label(then)) or not same_kind(now.unit, then.unit) or now.approx or then.approx
            or doc.norm[now.end:doc.label_start(then)].strip() != ","):
        return None
    verb = doc.label(figure) if then.start > figure.start else doc.norm[before[-1].end:figure.start]
    if "。" in verb:
        return None
    claim = change_between(doc, figure, then, now, verb, doc.clause_of(figure))
    rivals = [f for f in before[:-2] if f.unit == now.unit]
    if claim is not None and then.start > figure.start and rivals:
        # "接获投诉18,913宗，已处理18,000宗，按年上升12%（2024年16,887宗）": which count changed is a guess
        return guarded(claim, f"变化取 {now.shown} 对比 {then.shown}（前面另有同单位的数，属推测）")
    return claim
