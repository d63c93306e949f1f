"""A sentence that states again, for a part of the entity, the counts of the sentence before it:
"市、区两级一共收到有效留言1924件；已回复1831件。其中，各区收到有效留言1220件；已回复1207件", or
"全市受理案件51571件，立案51229件…。上述案件中，全市受理常规案件16754件，立案16570件…".

The later sentence opens with a cue that it is about a part (其中, 上述…中, 以上…中); each of its
counts is bounded by the earlier sentence's count of the same measure (or, for a count no measure
names, of the same label). Two such pairs at least are asked for: one count under 其中 is a part
of a list, read by the list readers, not a second scope.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govstats.checks.claims.measures import bound_claim, bounded_pairs, measure_of
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import counts, same_kind
from govstats.checks.claims.words import core_label
from govstats.reference.claim_rules import Measure

#: A sentence about a part of what the sentence before counted.
_PART_CUE = re.compile(r"^\s*(?:其中\s*[,:]|(?:上述|以上|前述)[^,;。\d]{0,8}中\s*,?)")
#: Fewest counts of one measure stated for both scopes.
MIN_PAIRS = 2
#: How many sentences back the wider scope's counts may be (a table's lines may come between).
SENTENCES_BACK = 12


def _counts(doc: Passage, sentence: Span) -> list[Figure]:
    return [f for f in counts(doc, sentence) if not f.approx]


def _key(doc: Passage, figure: Figure, measures: Sequence[Measure]) -> object:
    """What a count counts: its measure, else its label ("返工276件" -> 返工)."""
    return measure_of(doc, figure, measures) or core_label(doc.label(figure))


def sub_scope_pairs(doc: Passage, measures: Sequence[Measure]) -> list[tuple[Figure, Figure]]:
    """(count of the part, the whole's count of the same measure) for every sentence about a part."""
    sentences = doc.sentences
    pairs: list[tuple[Figure, Figure]] = []
    for at, sentence in enumerate(sentences):
        if not _PART_CUE.match(doc.norm[sentence.start:sentence.end]) or not (mine := _counts(doc, sentence)):
            continue
        wider = next((found for earlier in reversed(sentences[max(0, at - SENTENCES_BACK):at])
                      if len(found := _counts(doc, earlier)) >= MIN_PAIRS), [])
        first_of: dict[object, Figure] = {}
        for figure in wider:
            first_of.setdefault(_key(doc, figure, measures), figure)
        keys = [_key(doc, f, measures) for f in mine]
        found = [(f, whole) for f, key in zip(mine, keys) if (whole := first_of.get(key)) is not None
                 and same_kind(f.unit, whole.unit) and key]
        # a measure stated twice is rows of parts ("其中，留言45件，办结45件；信箱32件，办结32件")
        if len(found) >= MIN_PAIRS and len(set(map(str, keys))) == len(keys):
            pairs += found
    return pairs


def sub_scope_bounds(doc: Passage, measures: Sequence[Measure], claims: Sequence[Claim]) -> list[Claim]:
    """A bound (hard) for each pair of ``sub_scope_pairs`` no claim of ``claims`` bounds already."""
    have = bounded_pairs(claims) | {(part, c.whole) for c in claims if c.kind == "sum" for part in c.parts}
    return [bound_claim(doc, part, whole, "hard", "所含部分的数不应多于总体的同一项")
            for part, whole in sub_scope_pairs(doc, measures) if (part.value, whole.value) not in have]
