"""Counts beside a 其中 list that the list's own reading leaves out: one count after 另 that makes
the list up ("其中反贪立案113宗、行政申诉立案147宗，另…开立协查个案33宗" of 293), and the one count of
a second unit under a sentence-opening 其中 ("其中，综合窗口可受理22个部门的749项事项").
"""

from __future__ import annotations

import re
from dataclasses import replace

from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.splits import Listing, counts, opening, previous_sentence, same_kind


_ALSO = re.compile(r"^\s*,\s*另(?!有\d)")


def with_also(doc: Passage, found: Listing) -> Listing:
    """"总立案293宗，其中反贪立案113宗、行政申诉立案147宗，另…开立协查个案33宗": a 其中 list short of its
    whole and one count after 另 in the next clause that makes it up are the whole split (the sum
    confirms the reading; a list it does not make up stays as it was)."""
    if found.how != "qizhong" or found.exhaustive or len(found.parts) < 2 or found.whole.approx:
        return found
    last = found.parts[-1]
    end = min((i for i in (doc.norm.find(ch, last.end) for ch in ";。") if i >= 0), default=len(doc.norm))
    rest = doc.norm[last.end:end]
    more = [f for f in doc.figures_in(Span(last.end, end)) if not f.is_percent]
    if not _ALSO.match(rest) or len(more) != 1 or more[0].unit != last.unit or more[0].approx:
        return found
    if abs(sum(p.value for p in found.parts) + more[0].value - found.whole.value) > 1e-9:
        return found
    return replace(found, parts=(*found.parts, more[0]), exhaustive=True,
                   note="“另”所列一项与“其中”各项合为整体")


def second_unit_part(doc: Passage, sentence: Span) -> list[Listing]:
    """"可办理1406项事项。其中，综合窗口可受理22个部门的749项事项": under a sentence-opening 其中, the one
    count of a second unit is a part of the sentence before's one count of that unit, when it fits."""
    here = counts(doc, sentence)
    earlier = previous_sentence(doc, sentence)
    if not here or earlier is None or not opening(doc, sentence).startswith("其中"):
        return []
    others = [f for f in here if not same_kind(f.unit, here[0].unit)]
    mine = [f for f in others if others and f.unit == others[0].unit]
    theirs = counts(doc, earlier, mine[0].unit) if mine else []
    # the reading is only a guess (办理业务3000项 under 可办事项1406项 is no part of it): kept where it fits
    if len(mine) != 1 or len(theirs) != 1 or mine[0].approx or theirs[0].approx or mine[0].value > theirs[0].value:
        return []
    return [Listing(theirs[0], (mine[0],), (), "qizhong", exhaustive=False)]
