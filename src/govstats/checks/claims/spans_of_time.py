"""Bounds between one entity's counts of one measure over nested spans of time.

"2022年1—6月，市民热线共受理诉求2580件…6月份，全区市民热线共受理各类诉求665件": a month's count
is within the count of the months that hold it (665 ≤ 2580); "全年共受理业务1054029件…大厅累计受理
业务9497986件": a period's count is within the running total (累计). Both counts must name the
same entity before their measure word ("市民热线", "大厅"; the lesser may name a part of it),
once scope, period and totalling words are set aside: counts that name none (办结2580件 after a
受理 count) are left alone, so a guess never makes a pair.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.splits import same_kind
from govstats.reference.claim_rules import Measure

#: Months in a span: "1—6月", "1月至6月", "1-6月份" (the year, when printed, before them).
_RANGE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月?\s*[—–\-~至到]\s*(\d{1,2})月")
#: One month, not a day's date ("7月4日") nor the start of a range.
_MONTH = re.compile(r"(?:(\d{4})年)?(?<![\d—–\-~至到])(\d{1,2})月(?!\d{1,2}[日号])(?!\s*[—–\-~至到]\s*\d)")
_NAMED = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "一季度": (1, 3), "二季度": (4, 6),
          "三季度": (7, 9), "四季度": (10, 12)}
_NAMED_RE = re.compile(r"(?:(\d{4})年)?(?:第)?(" + "|".join(sorted(_NAMED, key=len, reverse=True)) + ")")
#: Words of scope, period and totalling that do not name who counts ("全区…共", "大厅累计").
_NOT_ENTITY = re.compile(r"\d+年|\d+月份?|[\d\s]|全区|全市|全县|全省|全年|今年|本年|本月|当月|本期|本季度|"
                         r"上半年|下半年|[前第]?[一二三四]季度|共计|合计|累计|总计|其中|实际|共|总|已|均|各类|,")
#: A running total: 累计 before the measure word.
_RUNNING = re.compile(r"累计")

Span_of_time = tuple[int | None, int, int]  # (year or None, first month, last month)


def periods_in(doc: Passage, paragraph: Span) -> list[tuple[int, Span_of_time]]:
    """Every span of time a paragraph names, as (where it ends, span), in reading order (once
    per paragraph)."""
    key = ("periods", paragraph.start)
    if key not in doc.memo:
        text = doc.norm[paragraph.start:paragraph.end]
        found: list[tuple[int, Span_of_time]] = []
        for m in _RANGE.finditer(text):
            found.append((m.end(), (int(m[1]) if m[1] else None, int(m[2]), int(m[3]))))
        for m in _MONTH.finditer(text):
            found.append((m.end(), (int(m[1]) if m[1] else None, int(m[2]), int(m[2]))))
        for m in _NAMED_RE.finditer(text):
            first, last = _NAMED[m[2]]
            found.append((m.end(), (int(m[1]) if m[1] else None, first, last)))
        doc.memo[key] = sorted((paragraph.start + end, span) for end, span in found)
    return doc.memo[key]  # type: ignore[return-value]


def period_at(doc: Passage, figure: Figure) -> Span_of_time | None:
    """The span of time last named in the figure's paragraph before it, or None."""
    found = [span for end, span in periods_in(doc, doc.paragraph_of(figure)) if end <= figure.start]
    if not found:
        return None
    span = found[-1]
    return span if 1 <= span[1] <= span[2] <= 12 else None


def entity_of(doc: Passage, figure: Figure, measure: Measure) -> tuple[str, bool]:
    """Who the count is of (the label before its measure word, scope and totalling words set
    aside), and whether it is a running total; ("", False) when the label names no measure word."""
    label = doc.label(figure)
    at = [label.find(w) for w in measure.words if w in label]
    if not at:
        return "", False
    head = label[:min(at)]
    return _NOT_ENTITY.sub("", head), bool(_RUNNING.search(head))


def within_entity(inner: str, outer: str) -> bool:
    """The lesser count's entity is the greater's or a part of it: its name holds the greater's
    ("东区市民热线" holds "市民热线"), of two characters at least. The other way round
    ("市民热线" within "市民热线咨询类") would bound a whole by its part."""
    return len(outer) >= 2 and outer in inner


def within(inner: Span_of_time, outer: Span_of_time) -> bool:
    """A single month inside a longer span of the same year (a year printed on one side only is
    taken as the same)."""
    years_agree = inner[0] is None or outer[0] is None or inner[0] == outer[0]
    return (years_agree and inner[1] == inner[2] and outer[1] < outer[2]
            and outer[1] <= inner[1] <= outer[2])


def nested_pairs(doc: Passage, measured: Sequence[tuple[Figure, Measure]]) -> list[tuple[Figure, Figure, str]]:
    """(lesser, greater, why) for each count (of ``measured``: counts and their measures) within a
    longer span's count, or within a running total, of the same entity and measure; the nearest
    such greater count in the text."""
    counts = []
    for figure, measure in measured:
        if figure.is_percent or figure.approx or doc.depth(figure) != 0:
            continue
        name, running = entity_of(doc, figure, measure)
        if name:
            counts.append((figure, measure, name, running))
    if len(counts) < 2:
        return []
    periods = {figure: period_at(doc, figure) for figure, *_ in counts}
    pairs = []
    for figure, measure, name, running in counts:
        fits = []
        for other, other_measure, other_name, other_running in counts:
            if (other is figure or other_measure is not measure or not same_kind(figure.unit, other.unit)
                    or not within_entity(name, other_name)):
                continue
            if other_running and not running:
                fits.append((other, "本期数不应多于累计数"))
            elif (not running and not other_running and (period := periods[figure]) is not None
                  and (other_period := periods[other]) is not None and within(period, other_period)):
                fits.append((other, "一个月的数不应多于包含该月的时段的数"))
        if fits:
            other, why = min(fits, key=lambda item: abs(item[0].start - figure.start))
            pairs.append((figure, other, why))
    return pairs
