"""One rate printed once for several entities: "甲信箱受理27件，办结27件；乙信箱受理23件，办结23件，
办结率均为100%". Each earlier piece of the sentence that states the rate's parts and prints no
percentage of its own gets the rate too, computed from its own counts.
"""

from __future__ import annotations

from collections.abc import Mapping

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.percentages import (
    counts_before,
    rate_claim,
    rate_denominator,
    rate_numerator,
)
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import semicolon_pieces
from govstats.reference.claim_rules import RateRule

#: The words before a percentage that say it holds for every entity listed before it.
EACH = ("均为", "均达到", "均达", "都为", "都是", "均是")


def each_of(doc: Passage, figure: Figure, rule: RateRule, wholes: Mapping[Figure, Figure],
            together: Mapping[Figure, tuple[Figure, ...]]) -> list[Claim]:
    """The rate of each earlier piece the 均为 after ``figure``'s name covers (nearest first)."""
    if not doc.label(figure).endswith(EACH):
        return []
    sentence = doc.sentence_of(figure)
    earlier = [p for p in semicolon_pieces(doc, sentence) if p.end <= figure.start]
    out = []
    for piece in reversed(earlier):
        if any(f.is_percent for f in doc.figures_in(piece)):
            break  # a piece with a rate of its own ends the run the 均 covers
        before = counts_before(doc, figure, piece)
        numerator = rate_numerator(doc, rule, before)
        if not numerator or rate_denominator(doc, rule, figure, before, numerator, {})[0] not in before:
            break
        out.append(rate_claim(doc, figure, rule, wholes, together, scope=piece))
    return out
