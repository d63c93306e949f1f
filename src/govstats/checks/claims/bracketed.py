"""A share whose named whole prints its count in a bracket: "12个部门…，占全部部门（20个）的60%". The
bracket's one count is the whole the share names; the part is the nearest count of a kindred unit
before 占 in the sentence, outside brackets.
"""

from __future__ import annotations

import re

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.verdicts import percent_claim
from govstats.checks.claims.wholes import kindred

#: "占全部部门（" right before the bracket that holds the whole's count.
_NAMED = re.compile(r"占[^,;:。()\d]{1,12}\($")


def bracketed_whole_share(doc: Passage, figure: Figure) -> Claim | None:
    """The share "占X（N）的p%" of the count before it over N, or None for another shape."""
    sentence = doc.sentence_of(figure)
    earlier = doc.figures_in(Span(sentence.start, figure.start))
    if doc.depth(figure) or not earlier or earlier[-1].is_percent or doc.depth(earlier[-1]) != 1:
        return None
    whole = earlier[-1]
    opening = doc.norm.rfind("(", sentence.start, whole.start)
    head = _NAMED.search(doc.norm[max(sentence.start, opening - 14):opening + 1]) if opening >= 0 else None
    if head is None or not re.fullmatch(r"\s*\)的?\s*", doc.norm[whole.end:figure.start]) or whole.approx:
        return None
    start = opening + 1 - len(head.group())
    parts = [f for f in doc.figures_in(Span(sentence.start, start))
             if doc.depth(f) == 0 and not f.is_percent and kindred(f.unit, whole.unit)]
    if not parts or parts[-1].approx:
        return None
    part = parts[-1]
    return percent_claim(doc, figure, kind="share", span=doc.clause_of(figure), formula=f"{part.shown} / {whole.shown}",
                         part=part.value, whole=whole.value, slack=(part.resolution, whole.resolution),
                         operands=((part.value,), whole.value))
