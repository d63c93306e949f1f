"""A share whose whole no cue names ("1.甲类问题，共受理1099件，占比29.07%" under a heading of its own):
the whole is one of the counts stated before it, and when exactly one of them gives the printed
share (to its rounding, or truncated) that one is taken, with a note. Arithmetic here chooses among
stated counts, it never makes a whole; a share of whole percent is too coarse to choose by.
A …比例 naming the noun two counts of its sentence count (网办事项比例 after 836项…事项 and 659项事项)
is read as the later over the earlier by that cue alone, with no arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from govstats.checks.claims.numbers import Figure, truncate
from govstats.checks.claims.percentages import has_own_share
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.splits import is_done
from govstats.checks.claims.verdicts import half_unit
from govstats.checks.claims.words import SHARE_LOOKBACK, core_label

#: "较上期增加369件": a difference against another period, never a whole.
CHANGE_COUNT = re.compile(r"(?:同比|环比|较|比|与)[^,;。]{0,8}?(?:增加|减少|增长|下降|上升|多|少)了?$|(?:减少|增加|下降|上升)了?$")


def is_change_count(doc: Passage, figure: Figure) -> bool:
    return bool(CHANGE_COUNT.search(core_label(doc.label(figure))))


def agrees(part: float, whole: float, share: Figure) -> bool:
    """True when ``part / whole`` prints as ``share`` (rounded or truncated)."""
    computed = part / whole * 100
    return (abs(computed - share.value) <= half_unit(share.decimals) + 1e-9
            or truncate(computed, share.decimals) == share.value)


def agreeing_whole(doc: Passage, share: Figure, part: Figure, wholes: Mapping[Figure, Figure]) -> Figure | None:
    """The one earlier count (same unit, outside brackets, no listed part but a done count (a measure, which may be
    the whole of a later list), no sibling with a share
    of its own, no change against another period) that ``part`` is the printed share of, or None."""
    if share.decimals < 1 or part.approx:
        return None
    floor = max(doc.clause_of(share).start - SHARE_LOOKBACK, 0)
    found = [f for f in doc.figures_in(Span(floor, part.start))
             if not f.is_percent and f.unit == part.unit and doc.depth(f) == 0 and not f.approx and f.value
             and (f not in wholes or is_done(doc, f)) and f.value > part.value and not has_own_share(doc, f)
             and not is_change_count(doc, f) and agrees(part.value, f.value, share)]
    return found[0] if len(found) == 1 else None


def share_noun(label: str) -> str:
    """The noun a …比例 names ("网办事项的比例" -> 事项): what both its counts count."""
    return label.removesuffix("比例").removesuffix("的")[-2:]


def noun_share(doc: Passage, share: Figure, label: str) -> tuple[Figure, Figure] | None:
    """"836项服务事项进驻平台，659项事项实现网上可办，网办事项比例达88.52%": a …比例 naming the noun
    both counts count (事项) is the later count over the earlier, larger one of the sentence: (part,
    whole), or None when the noun names no such pair or several wholes."""
    stem = label.removesuffix("比例").removesuffix("的")
    if len(stem) < 3:
        return None
    noun = share_noun(label)
    before = [f for f in doc.figures_in(Span(doc.sentence_of(share).start, share.start))
              if not f.is_percent and not f.approx and doc.depth(f) == doc.depth(share)]
    if not before or not doc.words_after(before[-1]).startswith(noun):
        return None
    part = before[-1]
    wholes = [f for f in before[:-1] if f.unit == part.unit and f.value > part.value and noun in doc.words_after(f)]
    return (part, wholes[0]) if len(wholes) == 1 else None

