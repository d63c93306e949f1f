"""Counts the text ranks: "案件最多的是甲事件，计506件；其次是乙事件，计353件；第三是丙事件，计203件".

A count after 最多/居首 is the first; after 其次/次之/居次 the second; after 第三 the third. Ranked in
one sentence, each count is no larger than the one ranked before it (a bound of its own, hard:
a larger one breaks the ranking the text states). Each piece (to its semicolon) must hold one
count of the ranked unit; ranks must follow each other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govstats.checks.claims.measures import bound_claim
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import semicolon_pieces

#: The rank each cue gives the count after it in its piece.
RANK_CUES = ((1, re.compile(r"最多|居首|居第一|排名第一|排第一|位居第一|第一位")),
             (2, re.compile(r"其次|次之|居次|居第二|排名第二|排第二|第二位|第二多")),
             (3, re.compile(r"第三(?:位|多|是|为)|居第三|排名第三|排第三|再次是")))


def _rank(words: str) -> int:
    """The rank the words of a piece give its count, or 0 (several cues: none)."""
    ranks = {rank for rank, cue in RANK_CUES if cue.search(words)}
    return ranks.pop() if len(ranks) == 1 else 0


def ranking_bounds(doc: Passage, claims: Sequence[Claim] = ()) -> list[Claim]:
    """A bound for each count ranked right after another in one sentence."""
    have = {(c.parts[0], c.whole) for c in claims if c.kind == "bound" and c.parts}
    out = []
    for sentence in doc.sentences:
        ranked = []
        for piece in semicolon_pieces(doc, sentence):
            plain = [f for f in doc.figures_in(piece) if not f.is_percent and doc.depth(f) == 0]
            if len(plain) != 1:
                continue
            rank = _rank(doc.norm[piece.start:plain[0].start])
            if rank:
                ranked.append((rank, plain[0]))
        for (rank, higher), (lower_rank, lower) in zip(ranked, ranked[1:]):
            if (lower_rank == rank + 1 and lower.unit == higher.unit and not (lower.approx or higher.approx)
                    and (lower.value, higher.value) not in have):
                out.append(bound_claim(doc, lower, higher, "hard", "排名在后的数不应多于排名在前的数",
                                       "文中的排名与数不符", across=True))
    return out

