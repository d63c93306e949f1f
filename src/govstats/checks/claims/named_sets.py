"""One part under 其中 whose whole the sentence names but does not count.

"二季度“市长信箱”276件来信中，…。从办理情况看，来信由各县市区和市直部门分别承办，其中县市区承办
189件": the words before 其中 hold no count, only the noun of a count stated earlier in the
paragraph (276件来信): the one part after 其中 is bounded by that count (hard; across sentences a
break is only reported). The noun is the words right after the earlier count ("来信中" → 来信), of
two characters at least; the nearest such count of the part's unit is taken.
"""

from __future__ import annotations

import re

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span

_QIZHONG = "其中"
_NOUN = re.compile(r"^([\u4e00-\u9fff]{2,6}?)(?:中|里|当中)?$")


def counts_in(doc: Passage, span: Span) -> list[Figure]:
    return [f for f in doc.figures_in(span) if not f.is_percent]


def named_set_pairs(doc: Passage) -> list[tuple[Figure, Figure]]:
    """(part, whole) for each single part under a 其中 whose clause names an earlier count's noun."""
    pairs = []
    for sentence in doc.sentences:
        at = doc.norm.find(_QIZHONG, sentence.start, sentence.end)
        if at < 0 or counts_in(doc, Span(sentence.start, at)):
            continue
        stop = min((p for p in (doc.norm.find(ch, at, sentence.end) for ch in ";。") if p >= 0), default=sentence.end)
        parts = counts_in(doc, Span(at, stop))
        if len(parts) != 1 or parts[0].approx or doc.depth(parts[0]) != 0:
            continue
        part, before = parts[0], doc.norm[sentence.start:at]
        paragraph = doc.paragraph_of(part)
        for whole in reversed(counts_in(doc, Span(paragraph.start, sentence.start))):
            noun = _NOUN.match(doc.words_after(whole))
            if (whole.unit == part.unit and not whole.approx and doc.depth(whole) == 0
                    and noun is not None and noun.group(1) in before):
                pairs.append((part, whole))
                break
    return pairs
