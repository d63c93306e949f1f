"""Percentages the text states as results: shares of a whole and named rates (changes against another
period are in period_changes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from govstats.checks.claims.complements import remainder_count
from govstats.checks.claims.grades import grades_unclear
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span, strip_label
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import previous_sentence, same_kind, semicolon_pieces
from govstats.checks.claims.verdicts import exact_operands, percent_claim
from govstats.checks.claims.words import (
    SHARE_LOOKBACK,
    SHARE_WORDS,
    clean_part_label,
    core_label,
    figure_list,
    has_total_marker,
    own_subject,
)
from govstats.reference.claim_rules import RateRule


#: Units of people or of calls from people: never the base of a count of cases, nor a part of one.
PEOPLE = frozenset(("人", "人次", "名", "户"))


def rate_rule_for(label: str, rules: Sequence[RateRule]) -> RateRule | None:
    """The rule whose name (or alias) the label ends with; the longest name wins."""
    named = [(len(name), rule) for rule in rules for name in rule.names if label.endswith(name)]
    return max(named, key=lambda pair: pair[0])[1] if named else None


def counts_before(doc: Passage, figure: Figure, span: Span) -> list[Figure]:
    """Counts (not percentages) in ``span`` that stand before ``figure``, nearest first."""
    return [f for f in reversed(doc.figures_in(span)) if f.end <= figure.start and not f.is_percent]


def starts_with_subset(doc: Passage, span: Span) -> bool:
    """True when a sentence or clause opens with 其中 ("of which": its parts belong to the text before)."""
    return strip_label(doc.norm[span.start:span.start + 4]).startswith("其中")


def span_before(doc: Passage, span: Span) -> Span | None:
    """The clause (or, for a whole sentence, the sentence) just before ``span``."""
    spans = doc.sentences if span in doc.sentences else doc.clauses
    earlier = [s for s in spans if s.end <= span.start]
    return earlier[-1] if earlier else None


def first_count(doc: Passage, span: Span, unit: str) -> Figure | None:
    """The first count of ``unit`` outside brackets in ``span``."""
    return next((f for f in doc.figures_in(span)
                 if not f.is_percent and f.unit == unit and doc.depth(f) == 0), None)


def has_own_share(doc: Passage, count: Figure) -> bool:
    """"甲类116件，占23.34%；乙类76件，占15.29%": a count with a share of its own right after it is a
    sibling item of a list, not the whole of the items after it."""
    after = next((f for f in doc.figures if f.start >= count.end), None)
    return (after is not None and after.is_percent and doc.sentence_of(after) == doc.sentence_of(count)
            and core_label(doc.label(after)).endswith(SHARE_WORDS + ("的",))
            # "2000件，其中咨询类占30%": a share with a subject of its own is that subject's
            and not doc.gap(count, after).lstrip(" ,(").startswith("其中"))


def share_whole(doc: Passage, figure: Figure, part: Figure, clause: Span) -> tuple[Figure | None, str]:
    """The whole a share ("占95.4%") refers to, and a note when the reading needs one."""
    owner = doc.owner_of_bracket(figure)
    if owner is not None and owner.unit == part.unit and doc.depth(figure) > 0:
        return owner, ""
    depth = doc.depth(figure)
    candidates = [f for f in doc.figures_in(clause)
                  if f.end <= part.start and not f.is_percent and f.unit == part.unit
                  and doc.depth(f) == depth and not core_label(doc.label(f)).endswith(("由", "从"))
                  and not has_own_share(doc, f)]
    if candidates:
        whole = candidates[0]
        note = ""
        if len(candidates) > 1:
            others = "、".join(f.shown for f in candidates[1:])
            note = f"取本分句第一个同单位的数 {whole.shown} 为整体（另有 {others} 亦可作分母）"
        return whole, note
    sentence = doc.sentence_of(figure)
    subset = next((s for s in (clause, sentence) if starts_with_subset(doc, s)), None)
    if subset is None:
        leading = first_count(doc, Span(sentence.start, clause.start), part.unit)
        if leading is not None and not has_own_share(doc, leading):
            return leading, f"本分句未给出整体，取本句开头的 {leading.shown}（{doc.label(leading)}）为整体"
    else:
        referent = span_before(doc, subset)
        whole = first_count(doc, referent, part.unit) if referent else None
        if whole is not None:
            return whole, f"“其中”承接前文，取前一句（分句）的 {whole.shown}（{doc.label(whole)}）为整体"
    floor = max(clause.start - SHARE_LOOKBACK, 0)
    earlier = [f for f in counts_before(doc, part, Span(floor, clause.start))
               if f.unit == part.unit and has_total_marker(doc.label(f)) and not has_own_share(doc, f)]
    if earlier:
        whole = earlier[0]
        return whole, f"本句未给出整体，取前文“{doc.label(whole)}{whole.text}”为整体"
    return None, ""


def bracketed_count(doc: Passage, figure: Figure) -> Figure | None:
    """The one count, and nothing else, in the bracket right after a percentage ("30%（600件）")."""
    inside = doc.bracket_after(figure)
    found = doc.figures_in(inside) if inside is not None else []
    if len(found) != 1 or found[0].is_percent or doc.norm[inside.start:found[0].start].strip(" 共计为约"):
        return None
    return found[0]


def share_claim(doc: Passage, figure: Figure) -> Claim | None:
    """"…52740件，占95.4%": the part before the percentage over the clause's governing total."""
    clause = doc.clause_of(figure)
    part = next((f for f in counts_before(doc, figure, clause) if doc.depth(f) == doc.depth(figure)), None)
    owner = doc.owner_of_bracket(figure) if part is None and doc.depth(figure) else None
    # "咨询类占30%（600件）": the count in the bracket after the share is its part, when its clause
    # holds no count before it
    own_piece = [f for f in doc.figures_in(Span(doc.label_start(figure), figure.start)) if not f.is_percent]
    counted = bracketed_count(doc, figure) if owner is None and not own_piece else None
    if owner is not None and not owner.is_percent and re.fullmatch(r"(?:占|占比)?(?:为)?", doc.label(figure)):
        part, clause = owner, doc.clause_of(owner)  # "咨询400件（占比40%）": the bracket's count is the part
        whole, note = share_whole(doc, owner, owner, clause)
    elif counted is not None:
        part = counted
        whole, note = share_whole(doc, figure, part, clause)
        between = [f for f in doc.figures_in(Span(whole.end, figure.start)) if not f.is_percent
                   and f.unit == part.unit] if whole is not None else []
        if between and not note:
            # "共受理2000件，其中网上受理1000件，咨询类占30%（300件）": of the 2000 or of the 1000?
            note = f"取本句第一个同单位的数 {whole.shown} 为整体（另有 {'、'.join(f.shown for f in between)} 亦可作分母）"
    elif part is None or own_subject(doc, figure, part):
        return None
    else:
        whole, note = share_whole(doc, figure, part, clause)
    if whole is None:
        return percent_claim(doc, figure, kind="share", span=clause, formula=f"{part.shown} / ?",
                             part=None, whole=None, missing=f"文中未给出 {part.shown} 所占的整体",
                             operands=((part.value,), None))
    operands = ((part.value,), whole.value)
    if part.approx or whole.approx:
        return percent_claim(doc, figure, kind="share", span=clause, formula=f"{part.shown} / {whole.shown}",
                             part=None, whole=None, note=note, missing="分子或分母为约数，无法精确核对",
                             operands=exact_operands([part], whole))
    return percent_claim(doc, figure, kind="share", span=clause, formula=f"{part.shown} / {whole.shown}",
                         part=part.value, whole=whole.value, note=note,
                         slack=(part.resolution, whole.resolution), operands=operands)


def labelled(doc: Passage, figure: Figure, term: str, exclude: Sequence[str]) -> bool:
    """True when the figure's label (or, failing it, its label over 、-joined kinds) holds ``term``."""
    for label in (doc.label(figure), doc.wide_label(figure)):
        if term in label:  # a negated term ("未回复117条") is not the term
            return not any(word in label for word in exclude) and not _NEGATED.search(label.split(term)[0])
    return False


_NEGATED = re.compile(r"(?:未|没有|尚未|不)$")


def rate_numerator(doc: Passage, rule: RateRule, before: list[Figure]) -> list[Figure]:
    """Figures of the first numerator alternative whose every label is stated before the rate."""
    for alternative in rule.numerator:
        chosen: list[Figure] = []
        for term in alternative:
            hit = next((f for f in before if f not in chosen and labelled(doc, f, term, rule.exclude)), None)
            if hit is None:
                break
            chosen.append(hit)
        else:
            return sorted(chosen, key=lambda f: f.start)
    return []


def pick_denominator(doc: Passage, candidates: list[Figure], numerator: list[Figure],
                     term: str, wholes: Mapping[Figure, Figure]) -> tuple[Figure, str]:
    """The likeliest whole among several, and why it was chosen (a part of another candidate,
    "受理5000件，其中网上受理1000件", is none)."""
    if len(candidates) == 1:
        return candidates[0], ""
    others = lambda chosen: "、".join(f.shown for f in candidates if f is not chosen)  # noqa: E731
    for whole in candidates:
        if any(wholes.get(part) is whole for part in numerator):
            return whole, f"取 {whole.shown} 为分母：它是分子所在分项列表的合计（另有 {others(whole)}）"
    unlisted = [c for c in candidates if wholes.get(c) not in candidates]
    if len(unlisted) == 1:
        listed = "、".join(f.shown for f in candidates if f is not unlisted[0])
        return unlisted[0], f"取 {unlisted[0].shown} 为分母（另有 {listed}，为其分项）"
    for whole in candidates:
        if clean_part_label(doc.label(whole)) == term:
            return whole, f"取标为“{term}”的 {whole.shown} 为分母（另有 {others(whole)}）"
    for whole in candidates:
        if has_total_marker(doc.label(whole)):
            return whole, f"取总数 {whole.shown} 为分母（另有 {others(whole)}）"
    return candidates[0], f"取最近的 {candidates[0].shown} 为分母（另有 {others(candidates[0])}）"


def rate_denominator(doc: Passage, rule: RateRule, figure: Figure, before: list[Figure],
                     numerator: list[Figure], wholes: Mapping[Figure, Figure]) -> tuple[Figure | None, str]:
    """The whole of a named rate: stated before it in its sentence (or paragraph, by exact label)."""
    exclude = (*rule.exclude, *rule.numerator_terms)
    for term in rule.denominator:
        # a numerator word inside the denominator's own name (结案 in 应结案) does not exclude it
        words = [w for w in exclude if w not in term]
        candidates = [f for f in before if f not in numerator and labelled(doc, f, term, words)]
        # "受理35399人次，登记交办11556件，已办结11556件": calls or people are no base of closed cases
        # (the base is then looked for as for a rate with no named denominator)
        alike = [f for f in candidates if not numerator or f.unit == numerator[0].unit
                 or not {f.unit, numerator[0].unit} & PEOPLE]
        if candidates and not alike:
            return None, ""
        if alike and all(f in wholes for f in alike) and not any(f in wholes for f in numerator):
            continue  # "收到459件，其中…正式受理266件，已办结426件": parts of a list; the base is their whole
        if alike:
            return pick_denominator(doc, alike, numerator, term, wholes)
    if rule.scope != "paragraph":
        return None, ""
    paragraph, sentence = doc.paragraph_of(figure), doc.sentence_of(figure)
    earlier = counts_before(doc, figure, Span(paragraph.start, sentence.start))
    for term in rule.denominator:
        hit = next((f for f in earlier if clean_part_label(doc.label(f)) == term), None)
        if hit is not None:
            return hit, f"分母取本段前文“{doc.label(hit)}{hit.text}”"
    return None, ""


def with_its_list(numerator: list[Figure], together: Mapping[Figure, tuple[Figure, ...]] | None,
                  before: list[Figure]) -> list[Figure]:
    """A one-count numerator widened to the list it is an item of (see ``rate_claim``)."""
    if len(numerator) == 1 and together and (run := together.get(numerator[0])) and all(f in before for f in run):
        return list(run)
    return numerator


def rate_scope(doc: Passage, figure: Figure, rule: RateRule) -> Span:
    """Where a rate's parts are looked for: its semicolon piece when that piece states both ("…665件，
    办结665件；乙信箱受理23件，办结23件，办结率100%": each piece is one entity), else its sentence;
    a sentence that opens with rates and states no count before them ("…其中受理办结3892件。办结率为
    98%") speaks of the counts of the sentence before, so that one is searched too."""
    sentence = doc.sentence_of(figure)
    if (not counts_before(doc, figure, sentence) and not doc.norm[sentence.start:doc.label_start(figure)].strip()
            and (earlier := previous_sentence(doc, sentence)) is not None):
        return Span(earlier.start, sentence.end)  # only a rate that opens its sentence ("乙局方面，办结率…" does not)
    piece = next((p for p in semicolon_pieces(doc, sentence) if p.holds(figure.start)), sentence)
    if piece != sentence:
        before = counts_before(doc, figure, piece)
        numerator = rate_numerator(doc, rule, before)
        if numerator and rate_denominator(doc, rule, figure, before, numerator, {})[0] in before:
            return piece
        # "协调办理3267件，…；交办处理1213件，已办结1154件，办结率95%": a piece that states the
        # numerator after a count of its own kind speaks of that count's entity, not a sibling's
        if numerator and any(f.start < numerator[0].start and same_kind(f.unit, numerator[0].unit) for f in before):
            return piece
        # "…结案数5件，结案率22.73%；受理其他来源案件5件，按期办结5件，结案率100%": a piece of two
        # counts or more is an entity of its own; a sibling's counts are never its rate's parts
        # (a piece that states the denominator may still take its numerator from a bracket of the
        # piece before: "申请43995件（其中互联网申请43840件）；平台受理43720件，…网上受理率99.65%")
        wide = rate_numerator(doc, rule, counts_before(doc, figure, sentence)) if len(before) >= 2 and not numerator else []
        if len(before) >= 2 and not (wide and doc.depth(wide[0]) > doc.depth(figure)):
            return piece
    return sentence


def rate_claim(doc: Passage, figure: Figure, rule: RateRule, wholes: Mapping[Figure, Figure],
               together: Mapping[Figure, tuple[Figure, ...]] | None = None, scope: Span | None = None) -> Claim:
    """A named rate against its numerator and denominator stated before it (in ``scope``, else
    ``rate_scope``). ``together`` maps a count to the list it is one item of when the list splits
    one measure (办结 by channel): the rate's numerator is then the whole list."""
    clause = doc.clause_of(figure)
    before = counts_before(doc, figure, scope or rate_scope(doc, figure, rule))
    numerator = with_its_list(rate_numerator(doc, rule, before), together, before)
    denominator, note = rate_denominator(doc, rule, figure, before, numerator, wholes)
    if (not numerator and denominator is None and (inside := doc.bracket_after(figure)) is not None
            and len(after := [f for f in reversed(doc.figures_in(inside)) if not f.is_percent]) == 2):
        # "回访满意率97.3%（回访1000件，满意973件）": the rate's two parts in the bracket after it (with
        # more, grades or others, which counts make the numerator is not said)
        numerator = rate_numerator(doc, rule, after)
        denominator, note = rate_denominator(doc, rule, figure, after, numerator, wholes) if numerator else (None, "")
    if not numerator and denominator is not None and (rest := remainder_count(doc, rule.numerator_terms, before, denominator)):
        return percent_claim(doc, figure, kind="rate", span=clause, formula=f"({denominator.shown} − {rest.shown}) / "
                             f"{denominator.shown}", part=denominator.value - rest.value, whole=denominator.value,
                             bound=rule.bound, note=f"分子取 {denominator.shown} 减去“{doc.label(rest)}”的 {rest.shown}",
                             operands=((denominator.value, -rest.value), denominator.value))
    top = f"({figure_list(numerator)})" if len(numerator) > 1 else figure_list(numerator) or "?"
    formula = f"{top} / {denominator.shown if denominator else '?'}"
    operands = (tuple(f.value for f in numerator), denominator.value if denominator else None)
    if denominator is not None and (unclear := grades_unclear(doc, rule, numerator, before, denominator)):
        return percent_claim(doc, figure, kind="rate", span=clause, formula=formula, part=None, whole=None,
                             note=note, operands=operands, missing=unclear)
    if not numerator or denominator is None:
        missing = [what for what, got in (("分子", numerator), ("分母", denominator)) if not got]
        wanted = "、".join(
            f"{what}（{'/'.join(rule.numerator_terms if what == '分子' else rule.denominator)}）"
            for what in missing)
        return percent_claim(doc, figure, kind="rate", span=clause, formula=formula, part=None, whole=None,
                             note=note, missing=f"{rule.name}：文中未给出{wanted}，无法核对", operands=operands)
    if any(f.approx for f in (*numerator, denominator)):
        return percent_claim(doc, figure, kind="rate", span=clause, formula=formula, part=None, whole=None,
                             note=note, missing=f"{rule.name}：分子或分母为约数，无法精确核对",
                             operands=exact_operands(numerator, denominator))
    return percent_claim(doc, figure, kind="rate", span=clause, formula=formula,
                         part=sum(f.value for f in numerator), whole=denominator.value,
                         bound=rule.bound, note=note,
                         slack=(sum(f.resolution for f in numerator), denominator.resolution), operands=operands)
