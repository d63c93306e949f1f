"""Second readings of a percentage, tried when the first whole does not fit or is not printed: a share
of 总量 over the count in the part's own unit, a share of 总数 inside a sub-list over the grand total
before it, a rate whose done count is of one part only, and a rate whose numerator a later sentence
states. Each is a guess: it passes, or the claim is unverifiable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from govstats.checks.claims.guesses import guarded, noted, share_of, unverifiable
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.percentages import labelled, rate_denominator
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import is_done
from govstats.checks.claims.wholes import named_whole_of
from govstats.checks.claims.words import clean_part_label
from govstats.reference.claim_rules import Measure, RateRule


def same_unit_total(doc: Passage, figure: Figure, parts: Sequence[Figure], whole: Figure) -> Claim | None:
    """The share over a count of the guessed total's sentence printed in the part's own unit,
    when the guessed total is in another unit and does not fit while that count does."""
    if whole.unit == parts[0].unit or share_of(doc, figure, parts, whole).verdict == "pass":
        return None
    sentence = doc.sentence_of(whole)
    for other in doc.figures_in(sentence):
        if (other.unit == parts[0].unit and not other.is_percent and not other.approx and other not in parts
                and doc.depth(other) == doc.depth(whole) and other.value >= sum(p.value for p in parts)):
            read = share_of(doc, figure, parts, other)
            if read.verdict == "pass":
                return noted(read, f"“总量”取前文与分项同单位的 {other.shown}（{doc.label(other)}），"
                                    f"不是 {whole.shown}（{doc.label(whole)}）（推测）")
    return None


def total_word_rival(doc: Passage, figure: Figure, name: str, parts: Sequence[Figure], whole: Figure,
                     measures: Sequence[Measure]) -> Claim | None:
    """"共受理申请10件…。在已经答复的9件申请中，同意公开的7件，占总数的70%": a share of a list that
    names only a total word (总数) may be over the list's whole or over the total stated before it;
    when they differ and the list's whole does not fit, the earlier total is tried, and a share
    fitting neither is unverifiable (no cue says which). None when the list's whole is the only one."""
    own = share_of(doc, figure, parts, whole)
    rival = named_whole_of(doc, name, parts, measures)
    if own.verdict == "pass" or rival is None or rival is whole or rival.value == whole.value:
        return None
    other = share_of(doc, figure, parts, rival)
    if other.verdict == "pass":
        return noted(other, f"“{name}”取前文的 {rival.shown}（{doc.label(rival)}），不是所在列表的 {whole.shown}（推测）")
    return guarded(own, f"“{name}”可指所在列表的 {whole.shown} 或前文的 {rival.shown}，二者皆不相符（推测）")


def part_done_rate(doc: Passage, figure: Figure, label: str, done: Figure, claim: Claim,
                   wholes: Mapping[Figure, Figure]) -> Claim | None:
    """"受理300件，其中当场答复200件，转办100件；转办件办结90件，办结率96.7%": the done count names a
    part of the rate's whole (转办), so it is not the whole's done count. When the other parts are
    done counts themselves (answered on the spot), the whole's done count is theirs plus it; a rate
    that does not agree with that reading is unverifiable, never failed."""
    named = [p for p, w in wholes.items() if w.value == claim.whole and p.start < done.start and p is not done
             and len(stem := clean_part_label(doc.label(p))) >= 2 and doc.label(done).startswith(stem)]
    if claim.whole is None or len(named) != 1:
        return None
    whole = wholes[named[0]]
    others = [p for p, w in wholes.items() if w is whole and p is not named[0]]
    if others and all(is_done(doc, p) for p in others):
        read = share_of(doc, figure, sorted([*others, done], key=lambda f: f.start), whole)
        if read.verdict == "pass":
            return noted(Claim(**{**read.__dict__, "kind": "rate"}),
                          f"“{doc.label(done)}”只是“{doc.label(named[0])}”的办结数，另加已当场办结的分项")
    return unverifiable(doc, figure, "rate", label, f"分子“{doc.label(done)}”只是“{doc.label(named[0])}”这一部分的数，"
                        f"与分母 {whole.shown} 不是同一对象，无法核对")


def later_numerator(doc: Passage, figure: Figure, rule: RateRule, wholes: Mapping[Figure, Figure],
                    before: list[Figure]) -> tuple[Claim, str] | None:
    """"共收到来信139件，回复率100%。…按期回复139件。": a rate printed before its numerator, which a
    later sentence of the paragraph states; only a guess (the count may be of another scope)."""
    whole, _ = rate_denominator(doc, rule, figure, before, [], wholes)
    if whole is None:
        return None
    sentence, paragraph = doc.sentence_of(figure), doc.paragraph_of(figure)
    terms = [alt[0] for alt in rule.numerator if len(alt) == 1]
    for later in doc.figures_in(Span(sentence.end, paragraph.end)):
        if later.is_percent or later.unit != whole.unit or later.approx or doc.depth(later) != 0:
            continue
        if any(labelled(doc, later, term, rule.exclude) for term in terms):
            claim = share_of(doc, figure, [later], whole)
            return (Claim(**{**claim.__dict__, "kind": "rate"}),
                    f"分子取本段后文“{doc.label(later)}{later.text}”（推测）")
    return None


def later_denominator(doc: Passage, figure: Figure, rule: RateRule, numerator: list[Figure]) -> tuple[Claim, str] | None:
    """"调解成功490件，…，调解成功率30.23%；“诉转案”21件…；办结1621件": a rate printed before its
    denominator, which a later piece of its sentence states under the rule's own word (the count's
    label is the word itself); only a guess."""
    sentence = doc.sentence_of(figure)
    for later in doc.figures_in(Span(figure.end, sentence.end)):
        if (not later.is_percent and later.unit == numerator[0].unit and not later.approx
                and doc.depth(later) == doc.depth(figure) and clean_part_label(doc.label(later)) in rule.denominator):
            claim = share_of(doc, figure, numerator, later)
            return Claim(**{**claim.__dict__, "kind": "rate"}), f"分母取其后的“{doc.label(later)}{later.text}”（推测）"
    return None


def earlier_denominator(doc: Passage, figure: Figure, rule: RateRule, numerator: list[Figure]) -> tuple[Claim, str] | None:
    """"应结案数15308件，结案数15300件，…。按期结案数15289件，按期结案率99.88%": a rate whose sentence
    holds its numerator but not its denominator, which an earlier sentence of the paragraph states
    under the rule's own word (应结案数); taken only when one count there is so labelled, and only a
    guess (the parent measure's count in the sentence is not the rule's denominator)."""
    sentence, paragraph = doc.sentence_of(figure), doc.paragraph_of(figure)
    found = [f for f in doc.figures_in(Span(paragraph.start, sentence.start))
             if not f.is_percent and f.unit == numerator[0].unit and not f.approx and doc.depth(f) == 0
             and re.sub(r"数$", "", clean_part_label(doc.label(f))) in rule.denominator]
    if len(found) != 1 or found[0].value < numerator[0].value:
        return None
    claim = share_of(doc, figure, numerator, found[0])
    return Claim(**{**claim.__dict__, "kind": "rate"}), f"分母取本段前文的“{doc.label(found[0])}{found[0].text}”（推测）"
