"""Figures found around the ones printed with a unit, and ``find_figures``, which gathers them all.

A whole number printed without its unit between counts of one noun borrows their unit; a figure in
two scales (3万9542件) is joined; a count printed only with its scale (2.39亿) is read in 万 or 亿;
numbers joined by 、 into a percentage take its unit; percentages printed without their sign after
a rate's name take it; counts written in words (一千八百四十宗) are read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal

from govstats.checks.claims.numbers import (
    APPROX_AFTER,
    COUNT_UNITS,
    DURATION_AFTER_GE,
    Figure,
    MULTIPLIERS,
    NOT_COUNT_BEFORE,
    PERCENT_UNITS,
    WORKING_DAYS,
    FIGURE,
    NUMBER,
    PERCENT_WORDS,
    decimals_of,
    figure_from_match,
    followed_by,
    percent_in_words,
    estimated_before,
    normalize_chars,
)
from govstats.checks.claims.worded import WORD_CHARS, count_in_words


_BARE = re.compile(r"(?<=[\u4e00-\u9fff])(?P<num>\d+)(?=\s*[,、;])")


def _tail(norm: str, end: int) -> str:
    """The last two letters of the label ending at ``end`` ("公开信息13691" -> 信息)."""
    start = end
    while start > 0 and "\u4e00" <= norm[start - 1] <= "\u9fff":
        start -= 1
    return norm[start:end][-2:] if end - start >= 2 else ""


def borrowed_units(text: str, norm: str, figures: list[Figure]) -> list[Figure]:
    """"…公开信息7908条；乡街公开信息13691，企事业单位公开信息436条": a whole number printed without its
    unit between two counts of one unit and one noun (the labels' last two letters) is a count in
    that unit."""
    out, starts = [], [f.start for f in figures]
    for m in _BARE.finditer(norm):
        index = bisect_right(starts, m.end())
        after = figures[index] if index < len(figures) else None
        if after is None or after.unit in PERCENT_UNITS or after.start - m.end() > 30:
            continue
        if "。" in norm[m.end():after.start] or (index and figures[index - 1].end > m.start()):
            continue
        before = figures[index - 1] if index else None
        tail = _tail(norm, m.start())
        if len(after.unit) == 1 and tail.endswith(after.unit) and tail != after.unit * 2:
            # "受理案件51571，立案51229件": the noun (案件) names the unit the next count is printed in
            out.append(Figure(float(m.group("num")), after.unit, m.start(), m.end(), text[m.start():m.end()], 0))
            continue
        if before is None or before.unit != after.unit or "。" in norm[before.end:m.start()]:
            continue
        if tail and tail == _tail(norm, after.start) == _tail(norm, before.start):
            out.append(Figure(float(m.group("num")), after.unit, m.start(), m.end(),
                              text[m.start():m.end()], 0))
    return out


#: The leading 万 or 亿 of a figure printed in two scales ("3万9542件", "1亿2000万人次").
_LEAD = re.compile(r"(?<![\d.,])(?P<num>\d+)(?P<mult>万|亿|萬|億)$")


def joined_scales(norm: str, figure: Figure, source: str) -> Figure:
    """"3万9542件" is 39542 and "1亿2000万人次" 120000000: a figure smaller than the scale of a bare
    count printed right before it joins that count."""
    lead = _LEAD.search(norm[max(0, figure.start - 12):figure.start])
    if lead is None or figure.is_percent or figure.value >= MULTIPLIERS[lead.group("mult")]:
        return figure
    start = figure.start - len(lead.group())
    return Figure(int(lead.group("num")) * MULTIPLIERS[lead.group("mult")] + figure.value, figure.unit, start,
                  figure.end, source[start:figure.end], figure.decimals, figure.resolution, figure.approx)


#: A count printed in 万 or 亿 with no unit after it ("注册用户达2.39亿，"): its scale is its unit.
_SCALED = re.compile(rf"(?<![\d.])(?<!\d,)(?P<num>{NUMBER})(?P<mult>万|亿|萬|億)(?![\u4e00-\u9fff\d%.])")


def scaled_counts(norm: str, source: str) -> list[Figure]:
    """Counts printed only with their scale ("2.39亿", "7300万"): value in units, unit 万 or 亿."""
    out = []
    for m in _SCALED.finditer(norm):
        if norm[max(m.start() - 2, 0):m.start()].endswith(NOT_COUNT_BEFORE):
            continue
        scale, decimals = MULTIPLIERS[m.group("mult")], decimals_of(m.group("num"))
        value = float(Decimal(m.group("num").replace(",", "").replace(" ", "")) * scale)
        unit = "亿" if m.group("mult") in "亿億" else "万"
        out.append(Figure(value, unit, m.start(), m.end(), source[m.start():m.end()], decimals, 0.5 * 10 ** -decimals
                          * scale, estimated_before(norm, m.start()) or followed_by(norm, m.end(), APPROX_AFTER)))
    return out


#: A bare number joined by 、/和/及 to the next number ("分别提升3.67、3.56、1.02个百分点").
_JOINED = re.compile(r"(?<![\d.,])(?P<num>\d+(?:\.\d+)?)(?:、|和|及)(?=\d)")


def shared_units(text: str, norm: str, figures: list[Figure]) -> list[Figure]:
    """"比上月提升3.67、3.56、1.02个百分点": numbers joined by 、 or 和 straight into a percentage
    take its unit (each is a percentage of its own); an ordinal (第1、2) is none."""
    by_start = {f.start: f for f in figures if f.unit in PERCENT_UNITS}
    out: list[Figure] = []
    for m in reversed(list(_JOINED.finditer(norm))):
        after = by_start.get(m.end())
        if after is None or norm[max(m.start() - 2, 0):m.start()].endswith(NOT_COUNT_BEFORE):
            continue
        shared = Figure(float(m.group("num")), after.unit, m.start(), m.end("num"), text[m.start():m.end("num")],
                        decimals_of(m.group("num")))
        by_start[m.start()] = shared
        out.append(shared)
    return out


#: A number whose percent sign was lost, after a rate, share or change ("满意率达到97，", "同比上升13，").
_SIGNLESS = re.compile(r"(?:率|占[^,;。\d]{1,10}的|(?<![\u4e00-\u9fff])占比?|上升|下降|增长|提高|降低|减少|缩短|压缩)(?:达到|达|为|是|了)?"
                       r"(?P<approx>约)?(?P<num>\d{1,3}(?:\.\d+)?)(?=[,;。]|$)")


def signless_percentages(text: str, norm: str, figures: list[Figure]) -> list[Figure]:
    """Percentages printed without their sign (see ``_SIGNLESS``): a figure in %, kept apart from
    any number a figure already reads."""
    taken = [(f.start, f.end) for f in figures]
    out = []
    for m in _SIGNLESS.finditer(norm):
        start, end = m.span("num")
        if any(a < end and start < b for a, b in taken):
            continue
        out.append(Figure(float(m.group("num")), "%", start, end, text[start:end], decimals_of(m.group("num")),
                          approx=bool(m.group("approx"))))
    return out


_WORDED = re.compile(rf"(?<![{WORD_CHARS}])(?P<num>[{WORD_CHARS}]+)(?P<approx>余|餘|多)?"
                     rf"(?P<unit>{'|'.join(sorted((u for u in COUNT_UNITS if u not in PERCENT_UNITS), key=len, reverse=True))})")
#: A worded number right after these ranks or dates things (前三名, 初五, 周一) or is a rate's base
#: (每十万人), it counts none.
NOT_WORDED_COUNT_BEFORE = (*NOT_COUNT_BEFORE, "前", "初", "周", "週", "星期", "礼拜", "之", "每")


def worded_counts(text: str, norm: str, figures: Sequence[Figure] = ()) -> list[Figure]:
    """Counts written in words before a counting unit ("一千八百四十宗", "八百七十五宗", "卅四萬一千餘通").

    A number of one character (六宗, 两个, 十件) is often a word of its own (两个维护, 十件实事), so it is
    read only in a sentence that writes another count in words of two characters or more, or as an
    item of a list of counts in digits of its unit ("咨询类2795件、求助类两件、表扬类9件"); 一 alone
    (一次性, 一件事, 就有一通) is never read. Ordinals (第一), ranks (前三名) and dates (二〇二〇年,
    十二月: no counting unit) are no counts."""
    found: list[tuple[re.Match[str], int]] = []
    if norm.isascii():
        return []
    for m in _WORDED.finditer(norm):
        number, unit = m.group("num"), m.group("unit")
        if norm[max(m.start() - 2, 0):m.start()].endswith(NOT_WORDED_COUNT_BEFORE):
            continue
        if unit == "个" and followed_by(norm, m.end(), DURATION_AFTER_GE):
            continue
        if (value := count_in_words(number)) is None or number == "一":
            continue
        found.append((m, value))
    wide = [m.start() for m, _ in found if len(m.group("num")) >= 2]
    out = []
    for m, value in found:
        if len(m.group("num")) < 2:
            begin = max(norm.rfind(stop, 0, m.start()) for stop in "。!?\n")
            end = min((at for stop in "。!?\n" if (at := norm.find(stop, m.start())) >= 0), default=len(norm))
            item_break = max(norm.rfind(stop, begin + 1, m.start()) for stop in ",、;:")
            listed = (item_break > begin and "、" in (norm[item_break], norm[m.end():m.end() + 1])
                      and len([f for f in figures if f.unit == m.group("unit") and begin < f.start < end]) >= 2)
            if not any(begin < start < end for start in wide) and not listed:
                continue
        unit, end, scale = m.group("unit"), m.end(), 1
        if unit == "个" and (days := next((w for w in WORKING_DAYS if norm.startswith(w, end)), None)):
            unit, end = WORKING_DAYS[days], end + len(days)
        if unit in ("万元", "亿元"):
            scale, unit = MULTIPLIERS[unit[0]], "元"
        approx = (bool(m.group("approx")) or followed_by(norm, end, APPROX_AFTER)
                  or estimated_before(norm, m.start()))
        out.append(Figure(float(value * scale), unit, m.start(), end, text[m.start():end], 0, 0.0, approx))
    return out


def find_figures(text: str, norm: str | None = None) -> list[Figure]:
    """Every count with a unit and every percentage in ``text``, in reading order. ``norm`` is
    the text already folded one character to one (``normalize_chars`` when not given)."""
    norm = normalize_chars(text) if norm is None else norm
    figures = [joined_scales(norm, f, text) for m in FIGURE.finditer(norm) if (f := figure_from_match(norm, m, text))]
    figures += [f for m in PERCENT_WORDS.finditer(norm) if (f := percent_in_words(norm, m, text))]
    figures += scaled_counts(norm, text)
    if worded := worded_counts(text, norm, figures):
        figures += [f for f in worded if not any(o.start < f.end and f.start < o.end for o in figures)]
    figures.sort(key=lambda f: f.start)
    figures += shared_units(text, norm, figures) + signless_percentages(text, norm, figures)
    return sorted(figures + borrowed_units(text, norm, figures), key=lambda f: f.start)
