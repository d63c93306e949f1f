"""Shares whose part is printed after them: "今年度约14%的投诉个案与疫情有关，涉及766宗",
"37,590宗投诉里有14%与服务质素有关，达5,431宗".

The percentage comes first and the count it stands for follows in the next clause, after 涉及, 达 or
共; the whole is the count the share's own clause opens with ("37,590宗投诉里有"), else the nearest
earlier count of the noun the share is of ("…的投诉个案" names 5357宗投诉). Both are readings no cue
fixes, so they pass or are unverifiable, never fail; an estimated share ("约14%") is not read.
"""

from __future__ import annotations

import re

from govstats.checks.claims.guesses import guarded, share_of
from govstats.checks.claims.numbers import Figure, estimated_before
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import same_kind

#: The words between the share and its count: one clause, ending in the verb that brings the count.
_TO_COUNT = re.compile(r"^[^,;。\d%]{1,24},\s*(?:涉及|达到|达|共计|共|计|合计|为|有)了?\s*$")
#: The share's clause opening with its whole: "37,590宗投诉里有14%".
_WHOLE_HAS = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:里|裡|中|当中)(?:有|约有)?\s*(?:约|近|逾)?$")


def later_part_share(doc: Passage, figure: Figure) -> Claim | None:
    """The share read as the count after it over its whole, as a guess; None without that shape."""
    if estimated_before(doc.norm, figure.start) or doc.norm[max(figure.start - 1, 0):figure.start] == "近":
        return None  # "约14%" is an estimate: not checked against the counts
    sentence = doc.sentence_of(figure)
    after = [f for f in doc.figures_in(Span(figure.end, sentence.end)) if doc.depth(f) == doc.depth(figure)]
    if not after or after[0].is_percent or not _TO_COUNT.match(doc.norm[figure.end:after[0].start]):
        return None
    part = after[0]
    whole = clause_whole(doc, figure, part) or noun_whole(doc, figure, part)
    if whole is None:
        return None
    note = f"分子取其后的 {part.shown}，整体取前文的 {whole.shown}（{doc.label(whole)}）（推测）"
    return guarded(share_of(doc, figure, [part], whole), note)


def clause_whole(doc: Passage, figure: Figure, part: Figure) -> Figure | None:
    """The count right before the share in its clause, when the words between say the share is of it."""
    start = doc.label_start(figure)
    before = [f for f in doc.figures_in(Span(doc.sentence_of(figure).start, figure.start)) if not f.is_percent]
    if not before or before[-1].end < start - 1:
        return None
    whole = before[-1]
    words = doc.norm[whole.end:figure.start]
    return whole if _WHOLE_HAS.match(words) and same_kind(whole.unit, part.unit) and whole.value > part.value else None


def noun_whole(doc: Passage, figure: Figure, part: Figure) -> Figure | None:
    """The nearest earlier count (this sentence or the one before) whose noun the share's words name."""
    named = doc.norm[figure.end:figure.end + 12].lstrip("的 ")
    sentence = doc.sentence_of(figure)
    earlier = [s for s in doc.sentences if s.end <= sentence.start]
    start = earlier[-1].start if earlier else sentence.start
    for f in reversed([f for f in doc.figures_in(Span(start, figure.start)) if not f.is_percent]):
        noun = doc.words_after(f)[:2]
        if len(noun) == 2 and named.startswith(noun) and same_kind(f.unit, part.unit) and f.value > part.value:
            return f
    return None
