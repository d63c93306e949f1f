"""A rate's numerator printed as its complement: "收到49件，其中未办结1件，办结率98%" states the
done count only as the whole less the cases not done (未办结, 未回复, 未解决): numerator = 49 − 1.
"""

from __future__ import annotations

from collections.abc import Sequence

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage

#: Words that negate a numerator term ("未办结", "尚未回复", "没有解决").
NEGATIONS = ("尚未", "未", "没有")


def remainder_count(doc: Passage, terms: Sequence[str], before: Sequence[Figure], whole: Figure) -> Figure | None:
    """The one count after ``whole`` in ``before`` labelled as the numerator negated ("未办结1件"),
    of the whole's unit, exact and no larger than it; None when there is none or several."""
    negated = tuple(n + t for t in terms for n in NEGATIONS)
    hits = [f for f in before if f.start > whole.end and f.unit == whole.unit and not f.approx
            and f.value <= whole.value and doc.depth(f) == doc.depth(whole)
            and any(w in doc.label(f) for w in negated)]
    return hits[0] if len(hits) == 1 and not whole.approx else None
