"""Lists under a heading that states no total: the total stated before that the list adds up to.

"（二）来源渠道。电话受理2176宗，来函受理73宗，…" and a heading opening a paragraph ("从渠道看，…")
with no total of its own split a total stated above; the heading says so, the exact sum only picks
which total (a list that fits none is no list of one).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from govstats.checks.claims.items import listing
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.splits import counts, is_partial, previous_sentence


#: A heading standing alone ("（二）来源渠道。", "二、案件来源情况"): a short name of what a split is by.
BARE_HEADING = re.compile(r"\s*(?:[(]?[一二三四五六七八九十\d]{1,2}[)、.]\s*)?[\u4e00-\u9fff]{0,8}?"
                          r"(?:来源|渠道|分类|类型|类别|构成|分布)(?:情况|分析)?\s*[。:]?\s*")


def heading_before(doc: Passage, sentence: Span) -> Span | None:
    """The sentence right before ``sentence`` (in its paragraph or closing the one above) when it is
    a bare heading with no figure, else None."""
    count = bisect_right(doc.sentences, sentence.start, key=lambda s: s.end)  # sentences ending before it
    before = doc.sentences[count - 1] if count else None
    if before is None or doc.figures_in(before) or doc.norm[before.end:sentence.start].strip(" \n。"):
        return None
    return before if BARE_HEADING.fullmatch(doc.norm[before.start:before.end]) else None


def adding_total(doc: Passage, body: Span, end: int, partial: bool) -> Figure | None:
    """The latest count before ``end`` that the list in ``body`` adds up to exactly: a heading says
    the list splits a total stated before; the sum only picks which (none fits: no list)."""
    first = next(iter(counts(doc, body)), None)
    if first is None:
        return None
    for figure in reversed(counts(doc, Span(0, end), first.unit)):
        found = None if figure.approx else listing(doc, figure, body, "heading", partial)
        if found and found.exhaustive and sum(p.value for p in found.parts) == figure.value:
            return figure
    return None


def exact_total_before(doc: Passage, heading: Span, body: Span) -> Figure | None:
    """The whole of the list under a bare heading: the count before the heading it adds up to."""
    return adding_total(doc, body, heading.start, is_partial(doc, body))


def total_above(doc: Passage, sentence: Span, body: Span) -> Figure | None:
    """The whole of a heading list opening a paragraph that states no total: the count of the
    paragraphs above that the list's parts add up to exactly."""
    if previous_sentence(doc, sentence) is not None:
        return None
    return adding_total(doc, body, doc.enclosing(doc.paragraphs, sentence.start).start, is_partial(doc, sentence))
