"""Counts the text ranks: "案件最多的是甲事件，计506件；其次是乙事件，计353件；第三是丙事件，计203件".

A count after 最多/居首 is the first; after 其次/次之/居次 the second; after 第三 the third. Ranked in
one sentence, each count is no larger than the one ranked before it (a bound of its own, hard:
a larger one breaks the ranking the text states). Each item (to its comma or semicolon) must hold
one count, the cue before it or right after it ("1,824件居首，825件次之"); ranks must follow each
other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govstats.checks.claims.measures import bound_claim
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span, items_of
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import same_kind, semicolon_pieces

#: The rank each cue gives the count after it in its piece.
RANK_CUES = ((1, re.compile(r"最多|居首|居第一|排名第一|排第一|位居第一|第一位")),
             (2, re.compile(r"其次|次之|居次|居第二|排名第二|排第二|第二位|第二多")),
             (3, re.compile(r"第三(?:位|多|是|为)|居第三|排名第三|排第三|再次是")))

ANY_CUE = re.compile("|".join(cue.pattern for _, cue in RANK_CUES))


def _rank(words: str) -> int:
    """The rank the words of a piece give its count, or 0 (several cues: none)."""
    ranks = {rank for rank, cue in RANK_CUES if cue.search(words)}
    return ranks.pop() if len(ranks) == 1 else 0


def _plain(doc: Passage, span: Span) -> list[Figure]:
    return [f for f in doc.figures_in(span) if not f.is_percent and doc.depth(f) == 0]


def ranking_bounds(doc: Passage, claims: Sequence[Claim] = ()) -> list[Claim]:
    """A bound for each count ranked right after another in one sentence."""
    have = {(c.parts[0], c.whole) for c in claims if c.kind == "bound" and c.parts}
    out: list[Claim] = []
    if not ANY_CUE.search(doc.norm):
        return out
    for sentence in doc.sentences:
        if not ANY_CUE.search(doc.norm, sentence.start, sentence.end):
            continue
        ranked = []
        for piece in semicolon_pieces(doc, sentence):
            # a piece of one count ("其次是乙事件，计353件"), else its items ("1,824件居首，825件次之")
            items = [piece] if len(_plain(doc, piece)) == 1 else items_of(doc.norm, doc.depths, piece.start, piece.end, 0)
            for item in items:
                if len(plain := _plain(doc, item)) != 1:
                    continue
                after = re.sub(r"^\([^()]*\)", "", doc.norm[plain[0].end:item.end])[:6]
                if rank := _rank(doc.norm[item.start:plain[0].start]) or _rank(after):
                    ranked.append((rank, plain[0]))
        for (rank, higher), (lower_rank, lower) in zip(ranked, ranked[1:]):
            if (lower_rank == rank + 1 and same_kind(lower.unit, higher.unit) and not (lower.approx or higher.approx)
                    and (lower.value, higher.value) not in have):
                out.append(bound_claim(doc, lower, higher, "hard", "排名在后的数不应多于排名在前的数",
                                       "文中的排名与数不符", across=True))
    return out
