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

from govstats.checks.claims.agreeing import is_change_count
from govstats.checks.claims.measures import bound_claim, bounded_pairs
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span, items_of
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import counts, same_kind, semicolon_pieces
from govstats.checks.claims.words import has_total_marker

#: The rank each cue gives the count after it in its piece.
#: (排名第一 alone says nothing of what is ranked, and 其次 before a comma means "secondly".)
RANK_CUES = ((1, re.compile(r"最多|居首|位居第一|居第一")),
             (2, re.compile(r"其次(?![,:])|次之|居次|位居第二|居第二|第二多")),
             (3, re.compile(r"第三(?:多|是|为|位)|位居第三|居第三|再次是")))
#: Words of a ranking by a rate or a score, not by the count beside it ("办结率最高，办结506件").
RANKED_BY_RATE = re.compile(r"率|满意度|得分|评分|分数|最高|最低")

ANY_CUE = re.compile("|".join(cue.pattern for _, cue in RANK_CUES))


def _rank(words: str) -> int:
    """The rank the words of a piece give its count, or 0 (several cues: none)."""
    ranks = {rank for rank, cue in RANK_CUES if cue.search(words)}
    return ranks.pop() if len(ranks) == 1 else 0


def _ranked(doc: Passage, sentence: Span) -> list[tuple[int, Figure]]:
    """(rank, count) of each ranked count of the sentence, in order; [] when a piece ranks by a
    rate or a score ("甲街道办结率最高，办结506件；其次是乙街道…")."""
    ranked: list[tuple[int, Figure]] = []
    for piece in semicolon_pieces(doc, sentence):
        # a piece of one count ("其次是乙事件，计353件"), else its items ("1,824件居首，825件次之")
        items = [piece] if len(counts(doc, piece)) == 1 else items_of(doc.norm, doc.depths, piece.start, piece.end, 0)
        for item in items:
            if len(plain := counts(doc, item)) != 1:
                continue
            before = doc.norm[item.start:plain[0].start]
            if RANKED_BY_RATE.search(before):
                return []
            after = re.sub(r"^\([^()]*\)", "", doc.norm[plain[0].end:item.end])[:6]
            if rank := _rank(before) or _rank(after):
                ranked.append((rank, plain[0]))
    return ranked


def ranking_bounds(doc: Passage, claims: Sequence[Claim] = ()) -> list[Claim]:
    """A bound for each count ranked right after another in one sentence: the chain starts at the
    first rank, and the sentence names one period at most."""
    have = bounded_pairs(claims)
    out: list[Claim] = []
    if not ANY_CUE.search(doc.norm):
        return out
    for sentence in doc.sentences:
        if not ANY_CUE.search(doc.norm, sentence.start, sentence.end):
            continue
        ranked = _ranked(doc, sentence)
        if not ranked or ranked[0][0] != 1 or len(set(re.findall(r"(?:19|20)\d\d年", doc.norm[sentence.start:sentence.end]))) > 1:
            continue
        for (rank, higher), (lower_rank, lower) in zip(ranked, ranked[1:]):
            if (lower_rank == rank + 1 and same_kind(lower.unit, higher.unit) and not (lower.approx or higher.approx)
                    and (lower.value, higher.value) not in have):
                out.append(bound_claim(doc, lower, higher, "hard", "排名在后的数不应多于排名在前的数",
                                       "文中的排名与数不符", across=True))
    return out


#: A list said to run from the largest down: "较大的依次是", "排前三位的是", "居前五的依次为", "前三位分别是"
#: (a bare 依次为 gives the order of listing only, not of size).
#: Words that say a count is what a 前三位 ranks ("受理量排前三位的是", "投诉件数居前五的").
COUNT_NOUN = re.compile(r"量|数|件|较多|最多|较大|投诉|举报|咨询|诉求|留言|来信|来电|工单|案件|事项|问题")
ORDER_CUE = re.compile(r"(?:较大|较多|最多|较高|最高|居前|靠前)(?:的[^,;:。\d]{0,6}?)?(?:依次|分别)(?:是|为)"
                       # "居前五的事项是" (a short noun between; 前三季度 is a period)
                       r"|(?:排名|排在|排|居|位居|位列)?前[二三四五六七八九十\d]{1,2}(?!个?(?:季度|月|年|周|天))(?:位|名|类|个|项)?"
                       r"(?:的[^,;:。\d]{0,4}?)?(?:依次|分别)?(?:是|为)"
                       # "留言最多的三个领域是城建、交通、就业，分别为…"
                       r"|(?:最多|较多|最大)的[二三四五六七八九十\d]{1,2}(?:个|项|类|大)[^,;:。]{0,6}?(?:是|为)")
#: A list of the largest, not said to be in order: "受理量较大的主要是：…", "投诉较多的单位有：…".
#: Its items are read in the order printed, but a larger count later is no error (unverifiable).
LARGEST_CUE = re.compile(r"(?:较大|较多|较为集中|较集中)的[^,;:。\d]{0,6}?(?:主要)?(?:是|有|为)")


#: The label of a share an item prints beside its count ("占比28.07%", "占投诉总量的5%").
_OWN_SHARE = re.compile(r"^(?:占|占比|比重|占比为|占比达)|^占[^,;。]{0,12}的?$")
#: A part of an item named in a bracket after it, and such a bracket.
_SUB_PART = re.compile(r"^(?:其中|含|包括)")
_BRACKETED = re.compile(r"\([^()]*\)")
#: A bare whole number in a bracket right after an item's name ("社保卡申领（60）").
_BARE_COUNT = re.compile(r"(?<=[^\d\s(（])[(（](\d{1,7})[)）]")


def bracketed_counts(doc: Passage, span: Span) -> list[Figure]:
    """"差评工单数居前五的事项是：社保卡申领（60）、人才补贴（53）": the bare numbers in brackets after
    the names of a ranked list, as counts in the unit its words name (none printed), when every
    item holds one and the span holds no other figure."""
    if any(span.start <= f.start < span.end for f in doc.figures):
        return []
    return [Figure(float(m.group(1)), "", m.start(1), m.end(1), m.group(1), 0)
            for m in _BARE_COUNT.finditer(doc.norm, span.start, span.end) if doc.depths[m.start()] == 0]


def ordered_list_bounds(doc: Passage, claims: Sequence[Claim] = ()) -> list[Claim]:
    """"受理量较大的依次是售后服务（377件）、食品安全（307件）、质量（302件）": each item of a list the
    text says runs in order is no larger than the one before it (hard: the words fix the order).
    The items' counts (one each, outside brackets or alone in a bracket after the item's name) run
    to the first figure of another unit or kind, to a total (合计), or to a clause of its own (其中,
    同比, a change); a ranking by a rate or a score ("满意度最高的依次是…，分别受理…") bounds no count,
    and 前三位 ranks a count only when its words name one (受理量, 件数, 较多)."""
    have = bounded_pairs(claims)
    out: list[Claim] = []
    strong = [m for m in ORDER_CUE.finditer(doc.norm) if doc.depths[m.start()] == 0]
    weak = [m for m in LARGEST_CUE.finditer(doc.norm) if doc.depths[m.start()] == 0
            and not any(s.start() <= m.start() < s.end() or m.start() <= s.start() < m.end() for s in strong)]
    matches = sorted(strong + weak, key=lambda m: m.start())
    for match, following in zip(matches, matches[1:] + [None]):
        sentence = doc.enclosing(doc.sentences, match.start())
        # "居前三的部门为…；居前三的乡镇为…": the next cue starts a list of its own
        stop = min(sentence.end, following.start()) if following is not None else sentence.end
        lead = doc.norm[sentence.start:match.end()]
        if RANKED_BY_RATE.search(lead) or (match.group().lstrip("排名在居位列").startswith("前")
                                           and not COUNT_NOUN.search(lead)):
            continue
        run: list[Figure] = []
        for figure in doc.figures_in(Span(match.end(), stop)):
            if run and figure.is_percent and not run[0].is_percent and _OWN_SHARE.search(doc.label(figure)):
                continue  # "服装鞋帽11081件，占比28.07%；食品9456件…": an item's own share
            if run and doc.depth(figure) > doc.depth(run[0]) and _SUB_PART.match(doc.label(figure)):
                continue  # "其他325件（其中无照经营210件），…；不正当竞争315件": a part of the item
            gap = _BRACKETED.sub("", doc.norm[run[-1].end:figure.start]) if run else ""
            if (doc.depth(figure) > 1 or has_total_marker(doc.label(figure)) or is_change_count(doc, figure)
                    or re.search(r"其中|同比|环比|较上|比上", gap)
                    or (run and (figure.unit != run[0].unit or figure.is_percent != run[0].is_percent))):
                break  # "…，韩城市5件，合计292件": the total closes the run; so does a clause of its own
            run.append(figure)
        if len(run) < 2:
            run = bracketed_counts(doc, Span(match.end(), stop))
        ordered = match in strong
        for higher, lower in zip(run, run[1:]):
            if not (lower.approx or higher.approx) and (lower.value, higher.value) not in have:
                out.append(bound_claim(doc, lower, higher, "hard" if ordered else "order",
                                       "所列依次排列，后项不应多于前项" if ordered else "所列较大的几项，按所列次序",
                                       "文中所称的次序与数不符", across=True))
    return out
