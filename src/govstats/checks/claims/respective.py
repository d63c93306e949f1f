"""Rates printed with 分别 against counts printed with 分别: "三级的留言量分别为518条、502条、354条；
回复量分别为343条、396条、295条；回复率分别为66.22%、78.88%和83.33%". Each run names one measure for
the same entities in the same order, so the i-th rate is the i-th count of the numerator's run over
the i-th count of the denominator's run. The numerator's run is the one its label names by the
rate's numerator words (or its stem); the denominator's run by the rate's denominator words, else
(a guess: it never fails) by the parent measure of the numerator's measure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govstats.checks.claims.measures import measure_in
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.percentages import counts_before, rate_rule_for
from govstats.checks.claims.prose import Passage, Span, strip_label
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import Listing
from govstats.checks.claims.verdicts import percent_claim
from govstats.checks.claims.wholes import NAMED_WHOLE, named_whole_of
from govstats.checks.claims.words import core_label
from govstats.reference.claim_rules import Measure, RateRule

#: What may stand between two items of one run ("66.29%、78.95%和83.25%").
JOINS = ("、", "和", "及", "与")


def runs(doc: Passage) -> list[tuple[str, tuple[Figure, ...]]]:
    """(name, figures) of every run of figures printed after 分别, in reading order."""
    key = ("respective runs",)
    if key in doc.memo:
        return doc.memo[key]  # type: ignore[return-value]
    out: list[tuple[str, tuple[Figure, ...]]] = []
    figures = doc.figures if "分别" in doc.norm else []
    index = 0
    while index < len(figures):
        first = figures[index]
        clause = doc.clause_of(first)
        head = doc.norm[clause.start:first.start]
        if "分别" not in doc.label(first):
            index += 1
            continue
        run = [first]
        for nxt in figures[index + 1:]:
            if (nxt.is_percent != first.is_percent or nxt.unit != first.unit
                    or doc.gap(run[-1], nxt) not in JOINS or doc.clause_of(nxt) != clause):
                break
            run.append(nxt)
        name = core_label(strip_label(head.rpartition("分别")[0]))
        if len(run) >= 2 and name:
            out.append((name, tuple(run)))
        index += len(run)
    doc.memo[key] = out
    return out


def _names(name: str, terms: Sequence[str], exclude: Sequence[str] = ()) -> bool:
    return any(t in name for t in terms) and not any(w in name for w in exclude)


def respective_rates(doc: Passage, rules: Sequence[RateRule], measures: Sequence[Measure]
                     ) -> dict[Figure, tuple[Figure, Figure, str]]:
    """Each rate of a 分别 run mapped to (numerator, denominator, note when guessed)."""
    found: dict[Figure, tuple[Figure, Figure, str]] = {}
    all_runs = runs(doc)
    for name, rates in all_runs:
        if not rates[0].is_percent or not name.endswith("率"):
            continue
        rule = rate_rule_for(name, rules)
        stem = name.removesuffix("率")
        sentence = doc.sentence_of(rates[0])
        counts = [(n, r) for n, r in all_runs if not r[0].is_percent and len(r) == len(rates)
                  and r[-1].end <= rates[0].start and doc.sentence_of(r[0]) == sentence]
        tops = [(n, r) for n, r in counts if _names(n, rule.numerator_terms, rule.exclude)] if rule else []
        tops = tops or [(n, r) for n, r in counts if len(stem) >= 2 and stem in n]
        if len(tops) != 1:
            continue
        top_name, top = tops[0]
        others = [(n, r) for n, r in counts if r is not top]
        bottoms = [r for n, r in others if rule and _names(n, rule.denominator)]
        note = ""
        if not bottoms:
            kind = measure_in(top_name, measures)
            parents = {parent for parent, _ in kind.parents} if kind else set()
            bottoms = [r for n, r in others if (m := measure_in(n, measures)) is not None and m.name in parents]
            note = "分母取按同一顺序列出的上位量（推测）"
        if len(bottoms) != 1:
            continue
        for rate, part, whole in zip(rates, top, bottoms[0], strict=True):
            found[rate] = (part, whole, note)
    return found


def parallel_runs(doc: Passage, listings: Sequence[Listing]) -> list[tuple[Figure, tuple[Figure, ...], str]]:
    """"三级的留言量分别为518条、502条、354条；回复量分别为343条、396条、295条": when one 分别 run of
    counts is a list that splits its whole, a later run of its sentence for the same entities (as
    many counts) splits the earlier count its name names (回复量 -> 回复量为1034条), as a guess:
    (whole, parts, note) for each."""
    out = []
    all_runs = runs(doc)
    for item in listings:
        split = next((r for _, r in all_runs if r == item.parts), None) if item.exhaustive else None
        if split is None:
            continue
        sentence = doc.sentence_of(split[0])
        for name, run in all_runs:
            if (run == split or run[0].is_percent or len(run) != len(split) or run[0].start < split[-1].end
                    or doc.sentence_of(run[0]) != sentence):
                continue
            whole = named_whole_of(doc, name, list(run))
            if whole is not None and whole is not item.whole and whole.start < sentence.start:
                note = f"“{name}”与前一组分项列的是同样的各项，取前文的 {whole.shown}（{doc.label(whole)}）为整体（推测）"
                out.append((whole, run, note))
    return out


def rate_names(doc: Passage, figure: Figure, label: str) -> list[str]:
    """Several rates sharing one figure ("按时办结率、现场办结率和群众满意率均达到100%")."""
    clause = doc.clause_of(figure)
    words = doc.norm[clause.start:figure.start].split(",")[-1]
    if "分别" in words:  # "结案率、按期结案率分别比上月提升3.67、3.56个百分点": the i-th name, the i-th figure
        head, _, tail = words.partition("分别")
        names = [core_label(n) for n in re.split(r"[、和及与]", head)]
        at = figure.start - len(words) + len(head)
        run = [f for f in doc.figures_in(Span(at, clause.end)) if f.is_percent]
        if len(names) == len(run) > 1 and all(n.endswith("率") for n in names):
            return [names[run.index(figure)] + re.split(r"[\d.]", tail, maxsplit=1)[0]]
    head = core_label(words.replace("均", ""))
    names = [n for n in re.split(r"[、和及与]", head) if n.endswith("率")]
    return names if len(names) > 1 else [label]


#: The cue of shares given in the order of the counts before them: 分别, or 各 before 占 ("各占…的").
EACH = re.compile(r"分别|(?<![\u4e00-\u9fff])各(?:占|为|是)|[,;:]各(?:占|为|是)")


def respective_shares(doc: Passage) -> list[tuple[Figure, Figure]]:
    """"咨询类60件、投诉类40件、建议类20件，分别占50%、33.3%和16.7%": the percentages after 分别, in
    order, against the counts listed just before them."""
    out = []
    for index, figure in enumerate(doc.figures):
        if not figure.is_percent or not EACH.search(doc.label(figure)):
            continue
        run = [figure]
        for nxt in doc.figures[index + 1:]:
            if not nxt.is_percent or not set(doc.gap(run[-1], nxt)) <= set("、和及与"):
                break
            run.append(nxt)
        before = [f for f in counts_before(doc, figure, doc.clause_of(figure)) if doc.depth(f) == doc.depth(figure)]
        if len(run) >= 2 and len(before) >= len(run):
            parts = list(reversed(before[: len(run)]))
            if len({p.unit for p in parts}) == 1:
                out += list(zip(run, parts))
    return out


def unplaced_share(doc: Passage, figure: Figure, part: Figure) -> Claim:
    """The share of ``part`` whose whole the text does not give: unverifiable, its part kept."""
    return percent_claim(doc, figure, kind="share", span=doc.clause_of(figure), formula=f"{part.shown} / ?",
                         part=None, whole=None, missing=f"文中未给出 {part.shown} 所占的整体",
                         operands=((part.value,), None))


def leading_count(doc: Passage, part: Figure) -> Figure | None:
    """The sentence's first count of the part's unit, before the part and larger than it."""
    first = next((f for f in doc.figures_in(doc.sentence_of(part)) if not f.is_percent and f.unit == part.unit), None)
    return first if first is not None and first.end <= part.start and first.value > part.value and not first.approx else None


def listed_before(doc: Passage, first: Figure, part: Figure) -> list[Figure]:
    """"食品类120件、服装类90件，分别占商品类投诉的20%、15%": the counts listed (joined by 、 or 和)
    up to the run of shares, the first first, when ``part`` is one of them; else ``part`` alone.
    One whole serves the run, and none of its items is it."""
    items = [f for f in doc.figures if f.end <= first.start and not f.is_percent][-1:]
    while items and (earlier := next((f for f in reversed(doc.figures) if f.end <= items[0].start), None)) is not None \
            and not earlier.is_percent and re.fullmatch(r"[^,;:。]*[、和及][^,;:。]*", doc.gap(earlier, items[0]) or ""):
        items.insert(0, earlier)
    return items if part in items else [part]


def named_respective(doc: Passage, pct: Figure, part: Figure,
                     measures: Sequence[Measure]) -> tuple[Figure, str] | None:
    """The whole a run of respective shares names ("分别占总量的15%、10%、5%") and the note of the
    guess, the label of the run's first share read for every share of it."""
    first = pct
    while (earlier := next((f for f in reversed(doc.figures) if f.end <= first.start), None)) is not None \
            and earlier.is_percent and set(doc.gap(earlier, first)) <= set("、和及与"):
        first = earlier
    named = NAMED_WHOLE.search(core_label(doc.label(first)))
    if named is None or named.group("name") in ("比", "比重", "比例"):
        return None
    whole = named_whole_of(doc, named.group("name"), listed_before(doc, first, part), measures)
    if whole is None or whole.approx or whole.value <= part.value:
        return None
    return whole, f"按“{named.group('name')}”取前文的 {whole.shown}（{doc.label(whole)}）为整体（推测）"
