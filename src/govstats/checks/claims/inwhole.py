"""Lists under a whole named inside a sentence: "…报送的108个部门中，甲等5个部门…，其余103个部门…".

A count followed by its noun and 中 ("108个部门中，") heads the rest of its sentence: the counts of
its unit after it are its parts. The rules of any list hold (``listing``): parts short of the whole
need a closing 其余/其他 item, a list of the largest items is no split, and so on. A sentence that
opens with such a heading is read by ``sentence_listings`` already.
"""

from __future__ import annotations

import re

from govstats.checks.claims.items import listing
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.splits import Listing, counts, in_whole, is_partial, opening



def in_whole_listings(doc: Passage) -> list[Listing]:
    """Every list headed by "N个X中，" after the first clause of its sentence."""
    found = []
    for sentence in doc.sentences:
        head_end = sentence.end - len(opening(doc, sentence))
        for whole in counts(doc, sentence):
            if whole.approx or not in_whole(doc, whole):
                continue
            after = doc.norm.find(",", whole.end, sentence.end)
            if after < 0 or any(ch in doc.norm[whole.end:after] for ch in "、;:()") or "," not in doc.norm[head_end:whole.start]:
                continue
            body = Span(after + 1, sentence.end)
            got = listing(doc, whole, body, "heading", is_partial(doc, body))
            if got is not None and got.exhaustive:
                found.append(got)
    return found
