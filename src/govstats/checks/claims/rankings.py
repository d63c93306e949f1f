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
from govstats.checks.claims.words import has_total_marker

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


#: A list said to run from the largest down: "较大的依次是", "排前三位的是", "居前五的依次为", "前三位分别是"
#: (a bare 依次为 gives the order of listing only, not of size).
ORDER_CUE = re.compile(r"(?:较大|较多|最多|较高|最高|居前|靠前)的?(?:依次|分别)(?:是|为)"
                       r"|(?:排名|排在|排|居|位居|位列)?前[二三四五六七八九十\d]{1,2}(?:位|名)?(?:的)?(?:依次|分别)?(?:是|为)")


def ordered_list_bounds(doc: Passage, claims: Sequence[Claim] = ()) -> list[Claim]:
    """"受理量较大的依次是售后服务（377件）、食品安全（307件）、质量（302件）": each item of a list the
    text says runs in order is no larger than the one before it (hard: the words fix the order).
    The items' counts (one each, outside brackets or alone in a bracket after the item's name) run
    to the first figure of another unit or kind, or to a total (合计)."""
    have = {(c.parts[0], c.whole) for c in claims if c.kind == "bound" and c.parts}
    out: list[Claim] = []
    for match in ORDER_CUE.finditer(doc.norm):
        if doc.depths[match.start()] != 0:
            continue
        sentence = doc.enclosing(doc.sentences, match.start())
        run: list[Figure] = []
        for figure in doc.figures_in(Span(match.end(), sentence.end)):
            if (doc.depth(figure) > 1 or has_total_marker(doc.label(figure))
                    or (run and (figure.unit != run[0].unit or figure.is_percent != run[0].is_percent))):
                break  # "…，韩城市5件，合计292件": the total closes the run
            run.append(figure)
        for higher, lower in zip(run, run[1:]):
            if not (lower.approx or higher.approx) and (lower.value, higher.value) not in have:
                out.append(bound_claim(doc, lower, higher, "hard", "所列依次排列，后项不应多于前项",
                                       "文中所称的次序与数不符", across=True))
    return out
