"""Changes against another period printed as percentages: "由5567个减少到4034个，减少了27.52%", the other
period's count in a bracket or after 比/较 ("与去年同期（154件）相比上升59.09%", "比上月的1000件增长20%",
"与2023年同期5514件相比增长11.15%"),
and a count of change before its percentage ("同比减少101件，减幅6.44%").
"""

from __future__ import annotations

import re

from govstats.checks.claims.guesses import guarded
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.verdicts import percent_claim
from govstats.checks.claims.words import _CHANGE_GAP, CHANGE_DOWN, CHANGE_UP, core_label


def change_pairs(doc: Passage, clause: Span) -> list[tuple[Figure, Figure, bool]]:
    """(before, after, is_reduction) for each "由A…减少到B" the clause states."""
    counts = [f for f in doc.figures_in(clause) if not f.is_percent]
    pairs = []
    for first, second in zip(counts, counts[1:]):
        if not core_label(doc.label(first)).endswith(("由", "从")):
            continue
        gap = doc.gap(first, second)
        match = _CHANGE_GAP.search(gap)
        if match and not any(ch in gap for ch in ",;。"):
            pairs.append((first, second, match.group(1) in CHANGE_DOWN))
    return pairs


#: "与去年同期（154件）相比上升": the other period's figure in a bracket after the comparison.
#: The period may be any phrase ending in a word of time ("比今年上半年日均的2135.36个").
_AGAINST = re.compile(r"(?:与|比|较)(?:去年|上年|上月|上季度?|上周|同期|去年同期|上年同期|(?:19|20)\d\d(?:[-/至]\d{2,4})?年度?(?:同期)?|"
                      r"[^,;。\d]{0,8}?(?:年度?|月|季度?|周|期))(?:日均|月均|平均)?\s*(?P<how>\(|的)?$")
#: What follows the other period's count when neither a bracket nor 的 marks it ("与2023年同期5514件相比增长").
_COMPARED = re.compile(r"^\)?\s*(?:相比|相较|对比)")


_QUOTES = "[“”\"'「」]"


def subject_count(doc: Passage, clause: Span, then: Figure) -> Figure | None:
    """"“甲类”数量比去年（120条）增长…": the clause names its subject and no count of it; the count
    of this period is the one earlier in the paragraph labelled by that subject."""
    gap = doc.norm[clause.start:then.start]
    against = _AGAINST.search(gap)
    subject = (re.sub(r"(?:的)?(?:数量|总量|数|量)$", "", re.sub(_QUOTES, "", gap[:against.start()]).strip())
               if against else "")
    if len(subject) < 2:
        return None
    earlier = [f for f in doc.figures_in(Span(doc.paragraph_of(then).start, clause.start))
               if not f.is_percent and f.unit == then.unit and doc.depth(f) == doc.depths[clause.start]]
    hits = [f for f in earlier if re.sub(_QUOTES, "", doc.label(f)).endswith(subject)]
    return hits[-1] if len(hits) == 1 else None


def bracket_change(doc: Passage, figure: Figure) -> Claim | None:
    """"工单245件，与去年同期（154件）相比上升59.09%" or "9000件，较去年同期的8000件增长12.5%": the
    change from the other period's figure to the count the clause states before it."""
    clause = doc.clause_of(figure)
    before = [f for f in doc.figures_in(Span(clause.start, figure.start)) if not f.is_percent]
    if len(before) == 1 and (named := subject_count(doc, clause, before[0])) is not None:
        before = [named, *before]
    if len(before) == 1 and _AGAINST.match(doc.norm[clause.start:before[0].start].strip()) and \
            (earlier := previous_count(doc, clause, before[0])) is not None:
        before = [earlier, *before]  # "共接获37,590宗投诉，较2023年的31,294宗增加20%"
    if len(before) < 2:
        return None
    then, now = before[-1], before[-2]
    if doc.depth(now) != doc.depth(figure) or now.unit != then.unit or now.approx or then.approx:
        return None
    against = _AGAINST.search(doc.norm[now.end:then.start])
    if against is None or doc.depth(then) != doc.depth(figure) + (against.group("how") == "("):
        return None
    if against.group("how") is None and not _COMPARED.match(doc.norm[then.end:figure.start]):
        return None
    if any(f.is_percent for f in doc.figures_in(Span(then.end, figure.start))):
        return None  # "较2024年的16,950宗上升12%，…，涉款增加45%": the pair is the first change's
    claim = change_between(doc, figure, then, now, doc.norm[then.end:figure.start], clause)
    others = [f for f in doc.figures_in(Span(doc.sentence_of(figure).start, now.start))
              if not f.is_percent and f.unit == now.unit]
    tight = re.fullmatch(r"[,\s]*", doc.norm[now.end:now.end + against.start()]) is not None
    if claim is not None and others and not tight:
        # "共接获3,600宗投诉，其中1,200宗涉及网购，较2023年的3,000宗增加20%": which count changed is a
        # guess; not so when the comparison follows the count at once ("举报10171件，比上年同期（10553件）")
        return guarded(claim, f"变化取 {now.shown} 对比 {then.shown}（前面另有同单位的数，属推测）")
    return claim


def change_between(doc: Passage, figure: Figure, then: Figure, now: Figure, verb: str, span: Span) -> Claim | None:
    """The change ``figure`` states from ``then`` to ``now``, its direction from ``verb`` (None when
    the words name no direction)."""
    down = any(w in verb for w in CHANGE_DOWN)
    if not down and not any(w in verb for w in CHANGE_UP + ("多",)):
        return None
    formula = (f"({then.shown} - {now.shown}) / {then.shown}" if down
               else f"({now.shown} - {then.shown}) / {then.shown}")
    delta = then.value - now.value if down else now.value - then.value
    return percent_claim(doc, figure, kind="change", span=span, formula=formula, part=delta,
                         whole=then.value, operands=((then.value, now.value), None))


def previous_count(doc: Passage, clause: Span, like: Figure) -> Figure | None:
    """The one count of ``like``'s unit in the earlier clauses of its sentence; None when there are
    several ("共接获3,600宗投诉，其中1,200宗涉及网购，较2023年的3,000宗增加20%": of which?)."""
    earlier = [f for f in doc.figures_in(Span(doc.sentence_of(like).start, clause.start))
               if not f.is_percent and f.unit == like.unit and doc.depth(f) == doc.depth(like)]
    return earlier[0] if len(earlier) == 1 else None


#: "较上期减少41件": a count of change against another period (its verb last).
_DELTA_GAP = re.compile(r"^,?(?:同比|环比|较上|比上|较去年|比去年|较同期|比同期|与上)[^,;。\d]{0,8}?"
                        rf"(?P<verb>{'|'.join(CHANGE_DOWN + CHANGE_UP)}|多|少)了?$")
#: The percentage after it: "减幅6.44%", "增幅11.2%", "环比下降1.11%".
_DELTA_LABEL = re.compile(rf"^,(?:(?:同比|环比)?(?:增幅|减幅|降幅|涨幅|幅度)|(?:同比|环比)?(?P<verb>{'|'.join(CHANGE_DOWN + CHANGE_UP)}))"
                          r"(?:为|达|了)?$")


def delta_change(doc: Passage, figure: Figure) -> Claim | None:
    """"共受理1310件，同比减少101件，减幅6.44%": the change from the other period's figure (the count
    plus or minus the stated difference) to the count."""
    if figure.is_points or figure.approx or not _DELTA_LABEL.match("," + doc.label(figure)):
        return None  # percentage points, an estimate, or (the cheap test first) no change
    before = [f for f in doc.figures_in(Span(doc.sentence_of(figure).start, figure.start)) if not f.is_percent]
    if len(before) < 2 or any(f.is_percent for f in doc.figures_in(Span(before[-1].end, figure.start))):
        return None
    now, delta = before[-2], before[-1]
    step, tail = _DELTA_GAP.match(doc.gap(now, delta)), _DELTA_LABEL.match(doc.gap(delta, figure))
    if step is None or tail is None or now.unit != delta.unit or now.approx or delta.approx:
        return None
    down = step.group("verb") in (*CHANGE_DOWN, "少")
    if tail.group("verb") and (tail.group("verb") in CHANGE_DOWN) != down:
        return None
    then = now.value + delta.value if down else now.value - delta.value
    sign = "+" if down else "-"
    formula = f"{delta.shown} / ({now.shown} {sign} {delta.shown})"
    return percent_claim(doc, figure, kind="change", span=doc.clause_of(figure), formula=formula,
                         part=delta.value, whole=then, note=f"对比期的数由 {now.shown} {sign} {delta.shown} 得出",
                         operands=((then, now.value), None))


def change_claim(doc: Passage, figure: Figure) -> Claim | None:
    """"由5567个减少到4034个，减少了27.52%": the stated change against the two stated values."""
    clause = doc.clause_of(figure)
    pairs = change_pairs(doc, clause)
    if not pairs:
        return None
    earlier = [p for p in pairs if p[1].end <= figure.start]
    first, second, down = (earlier or pairs)[-1 if earlier else 0]
    formula = (f"({first.shown} - {second.shown}) / {first.shown}" if down
               else f"({second.shown} - {first.shown}) / {first.shown}")
    operands = ((first.value, second.value), None)
    if first.approx or second.approx:
        return percent_claim(doc, figure, kind="change", span=clause, formula=formula, part=None, whole=None,
                             missing="变化前后的数为约数，无法精确核对", operands=operands)
    delta = first.value - second.value if down else second.value - first.value
    return percent_claim(doc, figure, kind="change", span=clause, formula=formula,
                         part=delta, whole=first.value, operands=operands)
