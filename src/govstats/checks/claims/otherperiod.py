"""A change whose other period is printed as a count of its own: "今年感谢信1160件，去年同期为690件，
增长率68%". The count labelled by the other period (去年同期为, 上月为) right after this period's count
is the base; the percentage after them, with a verb of change, is the change from it.
"""

from __future__ import annotations

import re

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import same_kind
from govstats.checks.claims.verdicts import percent_claim
from govstats.checks.claims.words import CHANGE_DOWN, CHANGE_UP

#: The label of the other period's count ("去年同期为", "上月是").
THEN_LABEL = re.compile(r"^(?:而|比|较)?(?:去年|上年|上月|上季度?|上周|上期)(?:同期)?(?:为|是|有|则为)?$")


def period_change(doc: Passage, figure: Figure) -> Claim | None:
    """The change from the other period's count to this period's, both printed before ``figure``."""
    sentence = doc.sentence_of(figure)
    before = [f for f in doc.figures_in(Span(sentence.start, figure.start))
              if not f.is_percent and doc.depth(f) == doc.depth(figure)]
    if len(before) < 2 or any(f.is_percent for f in doc.figures_in(Span(before[-1].end, figure.start))):
        return None
    now, then = before[-2], before[-1]
    if (not THEN_LABEL.match(doc.label(then)) or not same_kind(now.unit, then.unit) or now.approx or then.approx
            or doc.norm[now.end:doc.label_start(then)].strip() != ","):
        return None
    verb = doc.norm[then.end:figure.start]
    down = any(w in verb for w in CHANGE_DOWN)
    if "。" in verb or (not down and not any(w in verb for w in CHANGE_UP)):
        return None
    formula = (f"({then.shown} - {now.shown}) / {then.shown}" if down
               else f"({now.shown} - {then.shown}) / {then.shown}")
    delta = then.value - now.value if down else now.value - then.value
    return percent_claim(doc, figure, kind="change", span=doc.clause_of(figure), formula=formula, part=delta,
                         whole=then.value, operands=((then.value, now.value), None))
