"""A count said done by a bare 已 and a verb is the done part of the count right before it.

"今年的767件挂账诉求已销账275件", "明确新建50个代办点，目前已完工46个": the later count names no
thing of its own, only what has happened to some of the earlier count's things, so it is no
larger than that count (soft: what was done may include what was left from before). The earlier
count must stand right before it in the same piece of the sentence, in a unit of the same kind,
with no other figure between, and be no status of its own (处理中0件). A verb the ontology knows
(已办结 is 办结) is left to its measure's parents.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.splits import _REMAINING, context, is_done, same_kind

#: Verbs of size, not of things done ("已达", "已突破", "已增至"): the count is a new total.
_NOT_DONE = r"(?!有|达|超|突破|增|过|逾|近|上升|下降|减|提高|降|累计|占|是|为)"
#: A label that is only 已 and a verb of one to three characters ("已销账", "目前已完工", "均已处理").
_BARE_DONE = re.compile(r"(?:目前|现|现已|截至目前)?(?:均|全部)?已" + _NOT_DONE + r"[\u4e00-\u9fff]{1,3}")
#: The same after the earlier count's own noun ("767件挂账诉求已销账275件").
_NOUN_DONE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:均|全部)?已" + _NOT_DONE + r"[\u4e00-\u9fff]{1,3}")
#: An earlier count that is itself a status of cases ("处理中0件", "未办结3件") has no done part.
_STATUS = re.compile(r"(?:处理|办理|受理|审核|审查)中$")


def done_part_pairs(doc: Passage, known: Collection[Figure] = ()) -> list[tuple[Figure, Figure]]:
    """(done part, the count it is part of) for every count labelled by a bare 已 and a verb that
    names no measure of the ontology (``known`` holds the counts that do: their measure's parents
    say what bounds them)."""
    pairs = []
    counts = [f for f in doc.figures if not f.is_percent and doc.depth(f) == 0]
    for before, figure in zip(counts, counts[1:]):
        label = doc.label(figure)
        if figure in known or figure.approx or before.approx or not (
                _BARE_DONE.fullmatch(label)
                or (doc.label_start(figure) == before.end and _NOUN_DONE.fullmatch(label))):
            continue
        if _STATUS.search(doc.label(before)) or is_done(doc, before) or _REMAINING.search(context(doc, before)):
            continue
        if (doc.clause_of(before) != doc.clause_of(figure) or not same_kind(before.unit, figure.unit)
                or doc.figures_in(Span(before.end, figure.start))):
            continue
        pairs.append((figure, before))
    return pairs
