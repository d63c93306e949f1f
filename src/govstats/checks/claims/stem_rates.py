"""Rates known only by their stem (综合办结率, 在线解答率): the count the stem names over its whole.

The numerator is the count before the rate whose label holds the stem (or that the stem
abbreviates); the whole is the one the count is listed under, else its parent measure, else a
guess (the clause's first count, the count 其中 opens from, the cases received before it). A
guessed whole never fails: the rate passes or is unverifiable with a note.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from govstats.checks.claims.guesses import guarded, share_of, unverifiable
from govstats.checks.claims.measures import measure_in, measure_of, parent_figure
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.percentages import counts_before, rate_denominator
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import qizhong_parts
from govstats.checks.claims.wholes import subset_host
from govstats.checks.claims.words import TOTAL_WORDS, abbreviates, core_label
from govstats.reference.claim_rules import Measure, RateRule

#: Words before a rate's name that scope it, not qualify it (全区办结率 is the 办结率).
SCOPE_WORDS = ("平均", "总体", "整体", "全区", "全市", "全县", "本月", "当月", "全年", "累计", "群众", "本周", "当季")


def stem_numerator(doc: Passage, figure: Figure, stem: str, measures: Sequence[Measure]) -> tuple[Figure | None, str]:
    """The count a rate's stem names (综合办结率 -> 综合办结数为11163件), nearest first; a count
    whose measure is a qualified one (按时结案 for 结案率) is only a guess."""
    sentence = doc.sentence_of(figure)
    wanted = measure_in(stem, measures)
    guess = None
    before = [f for f in reversed(doc.figures_in(Span(sentence.start, figure.start)))
              if not f.is_percent and doc.depth(f) == doc.depth(figure)]
    for f in before:
        if stem in doc.label(f) or stem in doc.words_after(f):
            if wanted is None or measure_of(doc, f, measures) is wanted:
                return f, ""
            guess = guess or f
    if guess is None:  # "报送信息572条，采纳发布226条，采发率40%": the rate contracts the count's name
        shortened = [f for f in before if abbreviates(stem, doc.label(f))]
        if len(shortened) == 1:
            return shortened[0], f"“{stem}”取作“{doc.label(shortened[0])}”的简称（推测）"
    return guess, (f"取“{doc.label(guess)}{guess.text}”为分子（带限定词，属推测）" if guess else "")


def rate_whole(doc: Passage, part: Figure, wholes: Mapping[Figure, Figure],
               measures: Sequence[Measure], loose: Collection[Figure] = ()) -> tuple[Figure | None, str]:
    """The whole of a rate: the whole its part is listed under, else the parent measure, else (a
    guess) the first count of the clause. A part named alone under 其中 (in ``loose``) yields to its
    parent measure: "其中同意公开81件，公开率" is over the requests answered, not all received."""
    if part in wholes and part not in loose:
        return wholes[part], ""
    measure = measure_of(doc, part, measures)
    for parent, _ in measure.parents if measure else ():
        parts = {p for p in wholes if p not in loose} | qizhong_parts(doc)
        if (hit := parent_figure(doc, part, parent, measures, parts)) is not None:
            # the parent measure's count that 其中 also names as the whole: two cues agree
            return hit, "" if wholes.get(part) is hit else f"分母取其上位量“{doc.label(hit)}{hit.text}”（推测）"
    if part in wholes:
        return wholes[part], ""
    clause = doc.clause_of(part)
    earlier = [f for f in doc.figures_in(clause) if f.end <= part.start and f.unit == part.unit
               and not f.is_percent and doc.depth(f) == doc.depth(part)]
    # "…，合计292件，已办结292件": the list's stated total is the nearest whole of the done count
    if total := next((f for f in reversed(earlier) if core_label(doc.label(f)) in TOTAL_WORDS), None):
        return total, f"分母取其前的合计 {total.shown}（推测）"
    first = next(iter(earlier), None)
    if first is None and (host := subset_host(doc, part)) is not None:
        whole, only = host
        return whole, "" if only else f"分母取“其中”之前的 {whole.shown}（推测）"
    if first is None and measure is None and (received := received_before(doc, part, measures)) is not None:
        # "在线解答诉求263.04万件，在线解答率73.42%": a stem no measure names is taken as a share of
        # the cases received, the root of the measures, stated before it
        return received, f"分母取前文的受理数“{doc.label(received)}{received.text}”（推测）"
    return first, (f"分母取本分句第一个数 {first.shown}（推测）" if first else "")


def received_before(doc: Passage, part: Figure, measures: Sequence[Measure]) -> Figure | None:
    """The nearest count of cases received before ``part``, in its unit and larger than it."""
    received = next((m for m in measures if m.name == "受理"), None)
    for f in reversed([f for f in doc.figures if f.end <= part.start]):
        if (not f.is_percent and f.unit == part.unit and f.value > part.value and not f.approx
                and received is not None and measure_of(doc, f, measures) is received):
            return f
    return None


def stem_rate(doc: Passage, figure: Figure, label: str, wholes: Mapping[Figure, Figure],
              measures: Sequence[Measure], loose: Collection[Figure] = (), base: RateRule | None = None) -> Claim:
    """A …率 with no rule of its own: the stem's count over its whole; for a qualified rate whose
    guessed whole disagrees, over the whole of its ``base`` rate (按期结案率 over 结案率's 应结案)."""
    stem = label.removesuffix("率")
    for word in SCOPE_WORDS:
        stem = stem.removeprefix(word)
    part, guessed = stem_numerator(doc, figure, stem, measures) if len(stem) >= 2 else (None, "")
    if part is None:
        return unverifiable(doc, figure, "rate", label, "文中未给出其分子，无法核对")
    whole, guessed_whole = rate_whole(doc, part, wholes, measures, loose)
    claim = share_of(doc, figure, [part], whole) if whole is not None else None
    if (claim is None or (claim.verdict != "pass" and guessed_whole)) and base is not None:
        # "按期结案22345件，按期结案率89.62%" over the 应结案 count the base rate (结案率) is over
        before = counts_before(doc, figure, doc.sentence_of(figure))
        other, _ = rate_denominator(doc, base, figure, before, [part], wholes)
        if other is not None and other is not whole and other is not part:
            read = share_of(doc, figure, [part], other)
            if read.verdict == "pass" or claim is None:
                claim, guessed_whole = read, f"分母取“{base.name}”的分母“{doc.label(other)}{other.text}”（推测）"
    if claim is None:
        return unverifiable(doc, figure, "rate", label, f"文中未给出 {part.shown} 所对的分母，无法核对")
    read = guarded(Claim(**{**claim.__dict__, "kind": "rate"}), "；".join(x for x in (guessed, guessed_whole) if x))
    if read.verdict == "unverifiable" and read.note and (rival := agreeing_rival(doc, figure, part, whole)) is not None:
        return rival
    return read


def agreeing_rival(doc: Passage, figure: Figure, part: Figure, taken: Figure | None) -> Claim | None:
    """"受理1549926件，办结1314789件；其中直接解答884601件，直接解答率57.07%": when the whole taken
    was a guess that disagrees, the one other earlier count of the sentence (larger, same unit)
    that gives the rate is its whole; none or several: None. The sentence makes the candidates,
    the arithmetic only chooses among them; a rate of whole percent is too coarse to choose."""
    if figure.decimals < 1:
        return None
    rivals = [f for f in doc.figures_in(Span(doc.sentence_of(part).start, part.start))
              if not f.is_percent and f is not taken and f.unit == part.unit and doc.depth(f) == doc.depth(part)
              and not f.approx and f.value > part.value]
    passing = [c for f in rivals if (c := share_of(doc, figure, [part], f)).verdict == "pass"]
    if len(passing) != 1:
        return None
    return Claim(**{**passing[0].__dict__, "kind": "rate",
                    "note": f"分母有数个可取，只有 {passing[0].formula.rsplit(' / ', 1)[-1]} 与所称比率相合，取其为分母（推测）"})
