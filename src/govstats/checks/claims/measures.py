"""Measures of counts (受理, 办结, 主动评价, ...) and the bounds between one entity's measures.

Which measure a count is comes from the words of its label (or, for "224件已答复", the words after
it; for "留言量最多，为4944件", the piece before the bare 为), matched against ``data/reference/measures.csv`` in file order. A count's parent measure is
looked for in its own clause first; only when the clause states no earlier count of the unit (so
it speaks of the same entity as the text before) in the earlier clauses of the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from govstats.checks.claims.derived import derived
from govstats.checks.claims.done_parts import done_part_pairs
from govstats.checks.claims.floors import floor_pairs
from govstats.checks.claims.named_sets import named_set_pairs
from govstats.checks.claims.numbers import Figure, format_number
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim, claim_from
from govstats.checks.claims.spans_of_time import nested_pairs
from govstats.checks.claims.splits import (
    _REMAINING,
    DONE,
    Listing,
    in_whole,
    is_done,
    qizhong_parts,
    same_kind,
)
from govstats.checks.claims.words import TIME_QUALIFIERS
from govstats.reference.claim_rules import Measure

#: A count labelled so is the running total since an earlier date (历年累计2123条).
CUMULATIVE = re.compile(r"^(?:历年|截至[^,;。]{0,12}|全年|今年以来)?累计")

def word_index(measures: Sequence[Measure]) -> tuple[re.Pattern[str], dict[str, int]]:
    """One regex of every measure word, longest first, and each word's first measure."""
    rank: dict[str, int] = {}
    for n, measure in enumerate(measures):
        for word in measure.words:
            rank.setdefault(word, n)
    return re.compile("|".join(re.escape(w) for w in sorted(rank, key=len, reverse=True))), rank


def measure_in(text: str, measures: Sequence[Measure]) -> Measure | None:
    """The first measure (in file order) one of whose words ``text`` holds."""
    if not measures:
        return None
    pattern, rank = derived(measures, word_index)
    found = [rank[m.group()] for m in pattern.finditer(text)]
    return measures[min(found)] if found else None


def measure_of(doc: Passage, figure: Figure, measures: Sequence[Measure]) -> Measure | None:
    """The measure a count is of, or None (a remainder such as 其余2件 or 逾期71件 is none)."""
    key = (f"measure:{id(measures)}", figure.start)
    if key not in doc.memo:
        label, after = doc.label(figure), doc.words_after(figure)
        remainder = bool(_REMAINING.search(label + after))
        wide = doc.wide_label(figure)
        doc.memo[key] = None if remainder else (measure_in(label, measures) or measure_in(after, measures)
                                                or (measure_in(wide, measures) if wide != label else None)
                                                or (measure_in(copula_subject(doc, figure), measures)
                                                    if _COPULA.fullmatch(label) else None))
    return doc.memo[key]  # type: ignore[return-value]


#: A label that is only a verb of being ("…留言量最多，为4944件"): the count is of the clause before.
_COPULA = re.compile(r"(?:则|均|仍|也)?(?:为|达|达到|是|有)")


def copula_subject(doc: Passage, figure: Figure) -> str:
    """The words of the piece before a copula label ("武汉市留言量最多" before "为4944件"), when no
    figure stands in them; else nothing."""
    start = doc.label_start(figure)
    if start == 0 or doc.norm[start - 1] != ",":
        return ""
    floor = doc.floor_of(figure)
    pos = start - 1
    while pos > floor and doc.norm[pos - 1] not in ",;:。(":
        pos -= 1
    return "" if pos == floor and floor else doc.norm[pos:start - 1]


def earlier_counts(doc: Passage, figure: Figure) -> tuple[list[Figure], list[Figure]]:
    """Counts of the figure's unit before it: in its clause, and earlier in its paragraph
    (both nearest first)."""
    key = ("earlier", figure.start)
    if key not in doc.memo:  # asked once per parent measure of each count
        clause, paragraph = doc.clause_of(figure), doc.paragraph_of(figure)
        same = [f for f in doc.figures_in(Span(paragraph.start, figure.start))
                if f.unit == figure.unit and not f.is_percent and doc.depth(f) == doc.depth(figure) and not f.approx]
        doc.memo[key] = ([f for f in reversed(same) if f.start >= clause.start],
                         [f for f in reversed(same) if f.start < clause.start])
    inside, before = doc.memo[key]  # type: ignore[misc]
    return list(inside), list(before)


def by_name(measures: Sequence[Measure]) -> dict[str, Measure]:
    """The measures by name."""
    return {m.name: m for m in measures}


def parent_figure(doc: Passage, figure: Figure, parent: str, measures: Sequence[Measure],
                  parts: Collection[Figure] = (), split: Mapping[Figure, Figure] | None = None) -> Figure | None:
    """The nearest earlier count of measure ``parent`` for the same entity, or None. In earlier
    clauses a listed part (网上受理1000件 under 其中) is one channel's count, not the entity's: skipped;
    so is, in the clause itself, a part of a list that splits a whole stated in the clause too
    (``split``, part -> whole): "收到459件，其中不予受理190件、初查中3件、正式受理266件，已办结426件"
    closes cases of the 459, not of the 266 ("甲局受理478件，办结498件；乙局…" of 494 closes 甲局's)."""
    named = derived(measures, by_name)
    inside, before = earlier_counts(doc, figure)
    split = split or {}
    inside = [f for f in inside if f not in split or split[f] not in inside or figure in split]
    hit = next((f for f in inside if measure_of(doc, f, measures) is named.get(parent)), None)
    if hit is not None or inside:
        return hit
    return next((f for f in before if f not in parts and measure_of(doc, f, measures) is named.get(parent)), None)


def bound_claim(doc: Passage, lesser: Figure, greater: Figure, bound: str, why: str,
                broken: str = "部分不能多于整体", across: bool = False) -> Claim:
    """lesser <= greater: a hard break fails (``broken`` says why it cannot be), a soft one warns;
    a hard break across clauses (the same entity only guessed, unless a cue links the clauses:
    ``across``), of an ``either`` bound (one that another reading satisfies) or of an ``order``
    bound (items listed as the largest, their order not stated), is unverifiable with a note."""
    slack = lesser.resolution + greater.resolution
    difference = lesser.value - greater.value
    small, big = format_number(lesser.value), format_number(greater.value)
    if difference <= slack + 1e-9:
        verdict, message = "pass", f"{small} 不大于 {big}，相符"
    elif bound == "either":  # another reading of the text holds (a floor of the items together)
        verdict, message = "unverifiable", f"{small} 大于 {big}，但所称下限也可指各项合计，无法判定"
    elif bound == "order":  # items listed as the largest, their order not stated
        verdict, message = "unverifiable", f"{small} 大于 {big}，但文中未说依次排列，无法判定"
    elif (bound == "hard" and not across and doc.clause_of(lesser) != doc.clause_of(greater)
          and not why.startswith("“其中”")):
        verdict, message = "unverifiable", f"{small} 多于 {big}，但二者不在同一分句，未必是同一对象"
    elif bound == "hard":
        verdict, message = "fail", f"{small} 大于 {big}：{broken}"
    else:
        verdict, message = "warn", f"{small} 多于 {big}（可能含上期结转，或二者范围不同）"
    span = Span(min(doc.clause_of(greater).start, doc.clause_of(lesser).start), doc.clause_of(lesser).end)
    return claim_from(doc, span, kind="bound", stated=lesser.value, decimals=None, unit=lesser.unit,
                      formula=f"{small} ≤ {big}", computed=greater.value, verdict=verdict,
                      difference=difference, message=f"{why}：{message}", parts=(lesser.value,),
                      whole=greater.value)


#: A count of a difference between periods ("结案数减少171件", "较上月增加40件").
_DELTA = re.compile(r"(?:减少|增加|下降|上升|增长)了?$")
_CARRIED_IN = re.compile(r"上(?:年|月|期|季度?|年度)结转|结转上(?:年|月|期)|上(?:年|月)转入|(?:19|20)\d\d年度?的?结转")


def carried_in(doc: Passage, figure: Figure, greater: Figure) -> bool:
    """True when the paragraph states, before ``figure``, a count carried in from the period before
    that is not a part of ``greater`` ("受理121件（其中新收112件，上年结转9件）" holds its carry-over), or
    says in a bracket after ``figure`` that it holds one ("办结177件（含2022年结转的3件）")."""
    start, inside = doc.paragraph_of(figure).start, doc.bracket_after(greater)
    own = doc.bracket_after(figure)
    end = own.end if own else figure.start
    # none carried in ("上年度结转0件") leaves the bound as it was
    return any(not f.is_percent and f.value > 0 and _CARRIED_IN.search(doc.label(f)) and not (inside and inside.holds(f.start))
               for f in doc.figures_in(Span(start, end)) if f is not figure)


def exceeds(lesser: Figure, greater: Figure) -> bool:
    """True when ``lesser`` is larger than ``greater`` beyond what their printed forms allow."""
    return lesser.value - greater.value > lesser.resolution + greater.resolution + 1e-9


def carried_over(doc: Passage, pairs: Mapping[tuple[Figure, Figure], tuple[str, str]]) -> set[tuple[Figure, Figure]]:
    """The soft bounds a document breaks as a habit, not by a slip: when two or more of its done
    counts exceed the totals they would be bounded by ("受理478件，办结498件 … 受理773件，办结782件"),
    its done counts hold cases carried in from before, and no soft bound of them is stated."""
    broken = {pair for pair, (bound, _) in pairs.items() if bound == "soft" and exceeds(*pair) and is_done(doc, pair[0])}
    return broken if len({lesser for lesser, _ in broken}) >= 2 else set()


def bound_claims(doc: Passage, measures: Sequence[Measure], listings: Sequence[Listing]) -> list[Claim]:
    """Bounds between one entity's measures (办结 ≤ 受理 soft, 主动评价 ≤ 办件 hard) and of a
    single part named under 其中 (part ≤ whole, hard)."""
    pairs: dict[tuple[Figure, Figure], tuple[str, str]] = {}
    for found in listings:
        if ((found.how == "qizhong" or found.how == "heading" and in_whole(doc, found.whole)) and len(found.parts) > 1 and not (found.exhaustive or found.guessed or found.whole.approx)
                and not all(is_done(doc, p) for p in found.parts)  # done counts of one result make a rate
                and all(p.unit == found.whole.unit and not p.approx for p in found.parts)):
            # "共1655件，其中甲地573件，乙地278件" names some parts only: each is bounded by the whole;
            # under a heading ("218宗个案中，…") a count larger than the whole is of something else
            # ("另有300宗仍在调查中", "去年则为250宗"): the heading's list is read only where it fits
            for part in found.parts:
                if found.how == "qizhong" or part.value <= found.whole.value:
                    pairs.setdefault((part, found.whole), ("hard", "“其中”所列部分不大于整体"))
        if len(found.parts) == 1 and not found.parts[0].approx:
            # an estimated whole (100余条) only warns: what the estimate covers is not known; nor
            # does a done count of its part (受理478件，办结498件: some closed may be carried over),
            # unless time qualifies it (加急420件，已按时办理430件 cannot be)
            pairs[(found.parts[0], found.whole)] = (
                (("hard" if any(w in doc.label(found.parts[0]) for w in TIME_QUALIFIERS) else "soft"), "已完成的部分不应多于其总数")
                if found.how == "done"
                else ("soft", "“其中”所列部分不大于整体（整体为约数）") if found.whole.approx
                else ("hard", "“其中”所列部分不大于整体"))
    # the done count of a status split is bounded by the total it splits, not by a nearer sibling
    settled = {found.parts[0]: found.whole for found in listings if found.how == "status"}
    listed = {part for found in listings if len(found.parts) > 1 for part in found.parts} | qizhong_parts(doc)
    for done, whole in settled.items():
        pairs[(done, whole)] = ("soft", "已完成的部分不应多于其所分的总数")
    siblings: dict[Figure, tuple[Figure, ...]] = {p: found.parts for found in listings if len(found.parts) > 1 for p in found.parts}
    split = {p: found.whole for found in listings if found.exhaustive and len(found.parts) > 1 for p in found.parts}
    own = dict(same_entity_pairs(doc))  # a part's done count is bounded by the part, not the total
    for figure in doc.figures:
        if (figure.is_percent or figure.approx or figure in settled or figure in own or _DELTA.search(doc.label(figure))
                or (measure := measure_of(doc, figure, measures)) is None):
            continue  # "应结案数减少154件": a difference between periods bounds nothing
        for parent, bound in measure.parents:
            greater = parent_figure(doc, figure, parent, measures, listed, split)
            if greater is not None and measure.name == "办结":
                greater = intake_before(doc, greater, measures) or greater
            if greater is not None and greater in siblings.get(figure, ()):
                continue  # two parts of one list ("12项跨区申办，以及53项跨区收件") bound nothing
            if greater is not None and running(doc, figure) and not running(doc, greater):
                break  # a running total (累计办结) is not bounded by the count of one period
            if greater is not None and bound == "soft" and carried_in(doc, figure, greater):
                break  # "接收633件，上年结转23件，办结606件": the closed may be of either, no bound of one
            if greater is not None:
                pairs.setdefault((figure, greater), (bound, f"{measure.name}不应多于{parent}"))
                break
        else:
            if (intake := category_intake(doc, figure, measure, measures)) is not None:
                pairs.setdefault((figure, intake), (dict(measure.parents)["受理"], f"{measure.name}不应多于该类的总数"))
    for lesser, greater in own.items():
        pairs.setdefault((lesser, greater), ("hard", "同一对象的完成数不应多于其总数"))
    for accepted in doc.figures:
        if not accepted.is_percent and (intake := intake_before(doc, accepted, measures)) is not None:
            pairs.setdefault((accepted, intake), ("hard", "受理的件数不应多于接收的件数"))
    for lesser, greater in cumulative_pairs(doc, measures):
        pairs.setdefault((lesser, greater), ("hard", "本期数不应多于累计数"))
    measured = [(f, m) for f in doc.figures if not f.is_percent and (m := measure_of(doc, f, measures)) is not None]
    for lesser, greater, why in nested_pairs(doc, measured):
        pairs.setdefault((lesser, greater), ("hard", why))
    for part, whole in named_set_pairs(doc):  # a break across sentences is only reported
        pairs.setdefault((part, whole), ("hard", "其中所列部分不大于前文所称的整体"))
    bounded = {lesser for lesser, _ in pairs}
    for lesser, greater in done_part_pairs(doc, {f for f, _ in measured}):
        if lesser not in bounded:
            pairs[(lesser, greater)] = ("soft", "已完成的部分不应多于其前面的总数")
    carried = carried_over(doc, pairs)
    claims = [bound_claim(doc, lesser, greater, bound, why) for (lesser, greater), (bound, why) in pairs.items()
              if (lesser, greater) not in carried]
    claims += [bound_claim(doc, floor, item, "hard" if sure else "either", "所列各项不低于所称的下限", "该项低于所称的下限")
               for floor, item, sure in floor_pairs(doc)]
    return sorted(claims, key=lambda c: (c.start, c.end))


#: The label of a kind of cases ("社会化服务类事项", "投诉类诉求"): a class word and a noun of cases.
_KIND_OF_CASES = re.compile(r"类(?:事项|诉求|工单|案件|问题)$")


def category_intake(doc: Passage, figure: Figure, measure: Measure, measures: Sequence[Measure]) -> Figure | None:
    """"社会化服务类事项19861件，办结19844件": the count right before a measure bounded by 受理, in
    its clause, labelled as a kind of cases and naming no measure, is that kind's intake."""
    if "受理" not in dict(measure.parents):
        return None
    inside, _ = earlier_counts(doc, figure)
    nearest = inside[0] if inside else None
    if (nearest is None or nearest.unit != figure.unit or measure_of(doc, nearest, measures) is not None
            or not _KIND_OF_CASES.search(doc.label(nearest)) or doc.figures_in(Span(nearest.end, figure.start))):
        return None
    return nearest


#: Words of the cases taken in, before some are accepted ("接收投诉1707件，受理932件").
_TAKEN_IN = re.compile(r"接收|收到|接到|接获")


def intake_before(doc: Passage, accepted: Figure, measures: Sequence[Measure]) -> Figure | None:
    """"共接收投诉1707件，受理932件，…；办结1621件": a count accepted (受理) after a larger count taken
    in (接收) in its sentence is a step inside the intake, and cases are closed from the whole intake
    (a complaint not accepted is closed too): the count taken in, or None."""
    if "受理" not in doc.label(accepted) or _TAKEN_IN.search(doc.label(accepted)):
        return None
    sentence = doc.sentence_of(accepted)
    return next((f for f in reversed(doc.figures_in(Span(sentence.start, accepted.start)))
                 if not f.is_percent and f.unit == accepted.unit and f.value > accepted.value and not f.approx
                 and _TAKEN_IN.search(doc.label(f)) and measure_of(doc, f, measures) is measure_of(doc, accepted, measures)), None)


def running(doc: Passage, figure: Figure) -> bool:
    """True for a running total ("累计办结27500件")."""
    return bool(CUMULATIVE.match(doc.label(figure)))


def cumulative_pairs(doc: Passage, measures: Sequence[Measure]) -> list[tuple[Figure, Figure]]:
    """"主动公开信息41条，历年累计2123条": the count of the period and the running total right after
    it in the same clause chain of one sentence (the total's label opens with 累计, and names no
    measure or the same one)."""
    pairs = []
    for sentence in doc.sentences:
        here = [f for f in doc.figures_in(sentence) if not f.is_percent and not f.approx and doc.depth(f) == 0]
        for before, total in zip(here, here[1:]):
            gap = doc.norm[before.end:total.start]
            if (same_kind(before.unit, total.unit) and running(doc, total)
                    and "累计" not in doc.label(before) and not any(ch in gap for ch in ";。")
                    and measure_of(doc, total, measures) in (None, measure_of(doc, before, measures))):
                pairs.append((before, total))
    return pairs


_CASE_NOUN = re.compile(r"^(?:事项|工单|案件|诉求|件)")


def same_entity_pairs(doc: Passage) -> list[tuple[Figure, Figure]]:
    """"共375件（其中无锡重点督办事项74件），已完成320件（其中无锡重点督办事项完成68件）": a later
    count whose label is an earlier one's plus a done word is the done part of that same set."""
    pairs = []
    for sentence in doc.sentences:
        here = [f for f in doc.figures_in(sentence) if not f.is_percent and not f.approx]
        for i, later in enumerate(here):
            label = doc.label(later)
            for earlier in here[:i]:
                stem = doc.label(earlier)
                if len(stem) < 2 or earlier.unit != later.unit or not label.startswith(stem):
                    continue
                # "转办2114宗；转办事项办结1898宗": a noun of cases between the name and the done word
                rest = _CASE_NOUN.sub("", label[len(stem):])
                if (len(stem) >= 4 or rest != label[len(stem):]) and rest.startswith(DONE):
                    pairs.append((later, earlier))
    return pairs


def bounded_pairs(claims: Sequence[Claim]) -> set[tuple[float, float]]:
    """(part, whole) of every bound ``claims`` state already: a pair another reader leaves alone."""
    return {(c.parts[0], c.whole) for c in claims if c.kind == "bound" and c.parts and c.whole is not None}


def rate_pair_bounds(doc: Passage, claims: Sequence[Claim]) -> list[Claim]:
    """"接听群众来电615件，已办结565件，办结率91.87%": a rate read over two printed counts makes its
    numerator a part of its denominator, so the pair is a bound of its own (soft for a done count,
    which may include cases carried over; hard otherwise), as the measures' bounds are, where no
    measure of the data names the pair (and no sum holds it). Only a rate that passes gives one: a
    rate above 100% already reports the excess, and a guessed one that disagrees names no pair."""
    # a pair a bound already states, or a part of a sum and its total, is bounded already
    have = bounded_pairs(claims) | {(part, c.whole) for c in claims if c.kind == "sum" for part in c.parts}
    out = []
    for claim in claims:
        if (claim.kind != "rate" or claim.verdict != "pass" or len(claim.parts) != 1 or claim.whole is None
                or claim.parts[0] > claim.whole or (claim.parts[0], claim.whole) in have):
            continue
        # the counts stand before the rate, the whole perhaps in an earlier paragraph
        before = [f for f in doc.figures if not f.is_percent and f.end <= claim.end]
        lesser = next((f for f in reversed(before) if f.value == claim.parts[0]), None)
        greater = next((f for f in reversed(before) if f.value == claim.whole and f is not lesser), None)
        if lesser is None or greater is None or not same_kind(lesser.unit, greater.unit) or lesser.approx or greater.approx:
            continue
        have.add((claim.parts[0], claim.whole))
        out.append(bound_claim(doc, lesser, greater, "soft" if is_done(doc, lesser) else "hard", "比率的分子不应多于其分母"))
    return out

