"""The reading each percentage gets: a change, a share of a list's one whole or of the whole it
names, a named rate, a rate known only by its stem, or a figure printed without its parts.

Every percentage that is not a target is a claim: what cannot be computed is listed as
unverifiable with its label, never dropped. A reading the text fixes by a cue (a list's whole, a
named whole, a rate's parts named in data) may fail; a guessed one (the first count of the clause
taken as the whole) never fails: it passes or is unverifiable with a note.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from govstats.checks.claims.agreeing import agreeing_whole, noun_share, share_noun
from govstats.checks.claims.bracketed import bracketed_whole_share
from govstats.checks.claims.exhaustive import of_one_result
from govstats.checks.claims.guesses import guarded, share_of, unverifiable
from govstats.checks.claims.joint_shares import joint_share
from govstats.checks.claims.later_parts import later_part_share
from govstats.checks.claims.measures import copula_subject, measure_in, measure_of
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.otherperiod import period_change
from govstats.checks.claims.overfull import overfull
from govstats.checks.claims.percentages import (
    counts_before,
    rate_claim,
    rate_numerator,
    rate_rule_for,
    rate_scope,
    share_claim,
    with_its_list,
)
from govstats.checks.claims.period_changes import bracket_change, change_claim, delta_change
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.second_wholes import (
    earlier_denominator,
    later_denominator,
    later_numerator,
    part_done_rate,
    same_unit_total,
    total_word_rival,
)
from govstats.checks.claims.respective import (
    rate_names,
    respective_rates,
    leading_count,
    named_respective,
    respective_shares,
    unplaced_share,
)
from govstats.checks.claims.shared import each_of
from govstats.checks.claims.splits import Listing, same_kind
from govstats.checks.claims.stem_rates import SCOPE_WORDS, rate_whole, stem_rate
from govstats.checks.claims.wholes import (
    NAMED_WHOLE,
    fitting_rival,
    named_in_bracket,
    name_stem,
    labelled_as,
    named_exactly,
    narrower_whole,
    named_whole_of,
    named_wholes,
    sibling_name,
)
from govstats.checks.claims.words import (
    CHANGE_DOWN,
    CHANGE_UP,
    SHARE_WORDS,
    TARGET_WORDS,
    TIME_QUALIFIERS,
    core_label,
    own_subject,
)
from govstats.reference.claim_rules import Measure, RateRule

#: Words that make a percentage a change against another period.
PERIOD_WORDS = ("同比", "环比", "比上", "较上", "较去年", "比去年", "较20", "比20", "与上", "较同期", "比同期",
                "较前", "比前", "按年", "按月", "按季")
#: A percentage straight after one of these is a change even with no period named ("涉及金额大升34%").
CHANGE_ENDS = ("升", "增", "跌", "降", "减", "升了", "增了", "跌了", "降了")
CHANGE_VERBS = ("增长", "成长", "下降", "减少", "增加", "提高", "降低", "上升", "提升", "缩短", "回落", "减", "增幅", "涨幅", "降幅")
CHANGE_SHARES = tuple(f"{verb}比例" for verb in CHANGE_VERBS)
GROWTH_RATES = ("增长率", "成长率", "下降率", "减少率", "增加率", "降幅率", "精减率", "精简率", "压减率", "削减率", "压缩率", "降低率")
#: A rate's prefix ending in one of these names a sub-unit (甲站点主动评价率).
ENTITY_ENDS = ("站点", "站", "局", "街道", "镇", "乡", "窗口", "部门", "单位", "社区", "村", "分中心")
#: Notes of rate_claim whose denominator is chosen by position, not by a cue.
GUESSED_DENOMINATORS = ("取最近的", "取总数")


def is_change(label: str, figure: Figure) -> bool:
    return figure.is_points or any(w in label for w in PERIOD_WORDS) or label.endswith(CHANGE_ENDS)


#: Labels that only link a percentage to the piece before it ("…占受理案件数比例最高，达92.71%").
BARE_LINKS = ("达", "为", "是", "达到", "则为", "高达", "约为")
#: A ranking after a share's words ("比例最高"): the piece still names the share.
_RANKED = re.compile(r"(?:最高|最多|最大|较高|较多|居首|居第一|排第一)$")


def linked_label(doc: Passage, figure: Figure, label: str) -> str:
    """The share's words from the piece before it when its own label only links to them ("占受理
    案件数比例最高，达92.71%" -> "占受理案件数比例"), else ``label``."""
    if label not in BARE_LINKS or not (subject := copula_subject(doc, figure)).startswith("占"):
        return label
    return _RANKED.sub("", core_label(subject))


def numerator_run(doc: Passage, figure: Figure) -> list[Figure]:
    """The count before a share, with the counts joined to it by 、 ("A 783件、B 579件，占77%"); for a
    share linked to the piece before it, the count before that piece."""
    if named := named_in_bracket(doc, figure):
        return named
    clause = doc.clause_of(figure)
    if linked_label(doc, figure, core_label(doc.label(figure))) != core_label(doc.label(figure)):
        earlier = [c for c in doc.clauses if c.end <= doc.label_start(figure) and c.start >= doc.sentence_of(figure).start]
        clause = Span(earlier[-1].start if len(earlier) < 2 else earlier[-2].start, figure.end) if earlier else clause
    before = [f for f in doc.figures_in(clause) if f.end <= figure.start and not f.is_percent
              and doc.depth(f) == doc.depth(figure)]
    if not before or own_subject(doc, figure, before[-1]):
        return []
    run = [before[-1]]
    for earlier in reversed(before[:-1]):
        gap = doc.norm[earlier.end:run[0].start]
        if earlier.unit != run[0].unit or "、" not in gap or any(ch in gap for ch in ",;。"):
            break
        run.insert(0, earlier)
    return run


def named_part(doc: Passage, figure: Figure, label: str) -> Figure | None:
    """The one count before a share in its sentence whose label holds the share's subject
    ("咨询类占比60%" -> 咨询600件), or None."""
    stem = label
    for word in SHARE_WORDS:
        stem = stem.removesuffix(word)
    stem = stem.removesuffix("的").removesuffix("类")
    if len(stem) < 2:
        return None
    sentence = doc.sentence_of(figure)
    hits = [f for f in counts_before(doc, figure, Span(sentence.start, figure.start)) if stem in doc.label(f)]
    return hits[0] if len(hits) == 1 else None


def qualified(label: str, rule: RateRule, measures: Sequence[Measure]) -> bool:
    """True when the words before the rule's name qualify it (限时办结率 is not the 办结率)."""
    name = next(n for n in sorted(rule.names, key=len, reverse=True) if label.endswith(n))
    prefix = label[: -len(name)]
    for word in SCOPE_WORDS:
        prefix = prefix.removeprefix(word)
    if not prefix:
        return False
    # 提前办结率 is qualified whether or not the measures name 提前办结
    return prefix.endswith(TIME_QUALIFIERS) or measure_in(prefix + name, measures) is not measure_in(name, measures)


def entity_prefix(label: str, rule: RateRule) -> str:
    name = next(n for n in sorted(rule.names, key=len, reverse=True) if label.endswith(n))
    prefix = label[: -len(name)]
    return prefix if prefix.endswith(ENTITY_ENDS) and not prefix.startswith("全") else ""


#: Words that make a percentage a threshold or a round figure ("在90%以上", "接近90%", "95%左右").
_THRESHOLD = re.compile(r"(?:接近|将近|近)$")
_THRESHOLD_AFTER = ("以上", "以下", "左右", "上下")
#: Words of a label that name a rate or a share.
_RATIO_WORDS = ("率", "比", "占", "度", "份额")


def threshold_only(doc: Passage, figure: Figure, label: str) -> bool:
    """"18个地市中有13个在90%以上", "苏州市接近90%": a threshold or a round figure under no name of a
    rate or share is what other figures reach, not a ratio of its own: no claim."""
    marked = _THRESHOLD.search(doc.norm[:figure.start].rstrip()) or doc.norm.startswith(_THRESHOLD_AFTER, figure.end)
    return bool(marked) and not any(w in label for w in _RATIO_WORDS) and not is_change(label, figure) \
        and not label.endswith(CHANGE_DOWN + CHANGE_UP)  # "材料压减30%以上" is a change


def heading_whole(doc: Passage, figure: Figure, claim: Claim) -> bool:
    """Whether the whole ``claim`` took opens the share's sentence as its heading ("……151件中，
    ……140件，占受理案件数比例最高"): the cue fixes it, whatever the share calls it."""
    return claim.whole is not None and any(f.value == claim.whole and doc.norm.startswith(("中", "里"), f.end) for f in doc.figures_in(doc.sentence_of(figure)))


def read_percentage(doc: Passage, figure: Figure, label: str, rules: Sequence[RateRule],
                    measures: Sequence[Measure], listed: Mapping[Figure, tuple[Figure, Figure, str, str]],
                    wholes: Mapping[Figure, Figure], together: Mapping[Figure, tuple[Figure, ...]],
                    loose: Collection[Figure] = (), restated: Mapping[tuple[float, float], Figure] = {}) -> Claim:
    """The one reading of a percentage (see the module docstring for the order)."""
    if (delta := delta_change(doc, figure)) is not None:
        return delta
    changed = any(w in label for w in CHANGE_DOWN + CHANGE_UP) or "比例" in label
    if changed and (checked := change_claim(doc, figure)) is not None:
        return checked
    if (is_change(label, figure) or label.endswith(CHANGE_SHARES)  # "增长比例达14.3%" is a change
            or (any(w in label for w in CHANGE_VERBS) and not label.endswith(("率", "占", "比例")))
            or label.endswith(GROWTH_RATES)):  # "增长率68%" is a change, not a rate of 增长
        return (change_claim(doc, figure) or bracket_change(doc, figure) or period_change(doc, figure)
                or unverifiable(doc, figure, "change", label, "与其他时期相比的变化，文中未给出对比期的数"))
    if figure.unit != "%" or figure.approx:
        return unverifiable(doc, figure, "rate" if "率" in label else "share", label, "约数或非百分比，无法核对")
    if label in ("的", "") and (named_count := bracketed_whole_share(doc, figure)) is not None:
        return named_count  # "占全部部门（20个）的60%"
    named = NAMED_WHOLE.search(label if figure in listed or label not in ("占", "占比") else sibling_name(doc, figure) or label)
    if figure in listed or named or label.endswith(SHARE_WORDS):
        names_whole = named is not None and named.group("name") not in ("比", "比重", "比例")
        by_name = named_part(doc, figure, label) if figure not in listed and not names_whole else None
        if by_name is not None and by_name in wholes:  # "…咨询600件，…，咨询类占比60%"
            return share_of(doc, figure, [by_name], wholes[by_name], "按名称取分子，取其所在分项列表的合计为整体")
        parts = [listed[figure][0]] if figure in listed else numerator_run(doc, figure)
        # a name that is only a total word ("占总量的") yields to the whole of the share's list
        by_total_word = named is not None and not name_stem(named.group("name"))
        rivals = (named_wholes(doc, named.group("name"), parts, measures)
                  if named and parts and not (by_total_word and figure in listed) else [])
        # the name may fit a sibling nearer than the whole the list gave ("120件、90件，分别占商品类投诉的")
        # (a rival of the same value is the list's whole restated: "合计9083件。在这9083件诉求里，…")
        # (but a count labelled as the name itself beats a list whole the name only falls inside:
        # "网购举报5490件，占举报的54.93%" under 网购投诉举报20965件 is of 举报10171件)
        whole = (listed[figure][1] if figure in listed and any(r.value == listed[figure][1].value for r in rivals)
                 and not (labelled_as(doc, named.group("name"), rivals[0])
                          and narrower_whole(doc, named.group("name"), parts[0], listed[figure][1]))
                 else next(iter(rivals), None))
        note = ""
        # "占总量的" outside a list: the latest stated total is only the likeliest whole
        guess = "“总量”取前文最近的合计（推测）" if whole is not None and by_total_word else ""
        if whole is not None and figure in listed and listed[figure][1] is whole:
            note, guess = listed[figure][2:]  # the name agrees with the whole its list's cue fixes
        elif whole is not None and not guess and (not named_exactly(doc, named.group("name"), whole, parts[0])
                                                  or not same_kind(parts[0].unit, whole.unit)):  # 10个 of 140件
            guess = f"按“{named.group('name')}”取前文的 {whole.text}（{doc.label(whole)}）为整体（推测）"
        if whole is None and figure in listed:
            whole, note, guess = listed[figure][1:]
            if names_whole and name_stem(named.group("name")) and not guess:
                # "其中户籍用户489万，占全市户籍人口总数的33.8%": the named whole is not printed
                guess = f"“{named.group('name')}”未见于前文，取所在列表的合计为整体（推测）"
        if whole is not None and figure in listed and by_total_word and not guess:
            if (other := total_word_rival(doc, figure, named.group("name"), parts, whole, measures)) is not None:
                return other
        if whole is not None and guess and by_total_word and figure not in listed:
            # "共接听来电2939个，登记受理工单2805件…占全市总量22.71%": the total word may mean the
            # other count of the total's sentence in the part's own unit; each is only a guess
            if (alike := same_unit_total(doc, figure, parts, whole)) is not None:
                return alike
        if whole is not None:
            claim = guarded(share_of(doc, figure, parts, whole, note), guess)
            if guess and named and claim.verdict != "pass" and (rival := fitting_rival(doc, figure, named.group("name"), parts, whole, measures)):
                return share_of(doc, figure, parts, rival, f"“{named.group('name')}”前文有数个可作整体，只有 "
                                f"{rival.shown}（{doc.label(rival)}）与所称比例相合，取其为整体（推测）")
            return claim
        if (len(parts) == 1 and (earlier := restated.get((parts[0].value, figure.value))) is not None
                and earlier.end <= parts[0].start):
            # "其中举报3618件，占27%；…。消费者举报共受理3618件，占27%": the list's count and share
            # printed again later keep the list's whole
            return share_of(doc, figure, parts, earlier, f"前文已印出同一数及其占比，取其整体 {earlier.shown}（{doc.label(earlier)}）")
        positional = share_claim(doc, figure)
        if positional is None:
            return unverifiable(doc, figure, "share", label, "文中未给出其分子")
        if names_whole and name_stem(named.group("name")) and not heading_whole(doc, figure, positional):
            # "……等12个部门，占社区事务办理总量的95%": the whole it names is not printed, so the
            # clause's count before is only a guess
            positional = guarded(positional, f"所称整体“{named.group('name')}”未见于前文，按位置取整体（推测）")
        if (positional.note and positional.verdict != "pass" and len(parts) == 1
                and (agreed := agreeing_whole(doc, figure, parts[0], wholes)) is not None):
            return share_of(doc, figure, parts, agreed,
                            f"文中未指明整体，前文只有 {agreed.shown}（{doc.label(agreed)}）与所称比例相合，取其为整体（推测）")
        return guarded(positional, "按位置推测的整体" if positional.note else "")
    rule = rate_rule_for(label, rules)
    if rule and (entity := entity_prefix(label, rule)):
        return unverifiable(doc, figure, "rate", label, f"这是“{entity}”的比率，文中未给出其分子分母")
    if rule and not qualified(label, rule, measures):
        claim = rate_claim(doc, figure, rule, wholes, together)
        before = counts_before(doc, figure, rate_scope(doc, figure, rule))
        numerator = with_its_list(rate_numerator(doc, rule, before), together, before)
        named = measure_in(rule.name.removesuffix("率"), measures)
        qualified_parts = named and any(measure_of(doc, f, measures) not in (named, None) for f in numerator)
        guess = "分子带限定词（如“按时”），与比率的名称不同，属推测" if qualified_parts else ""
        if claim.note.startswith(GUESSED_DENOMINATORS):
            guess = guess or "按位置推测的分母"
        if claim.verdict == "unverifiable" and numerator and claim.whole is None and rule.scope == "paragraph":
            claim, guess = later_denominator(doc, figure, rule, numerator) or (claim, guess)
        if claim.verdict == "unverifiable" and numerator and claim.whole is None:
            claim, guess = earlier_denominator(doc, figure, rule, numerator) or (claim, guess)
        if claim.verdict == "unverifiable" and numerator and claim.whole is None:
            whole, guessed = rate_whole(doc, numerator[-1], wholes, measures, loose)
            if whole is not None and whole not in numerator:
                fresh = share_of(doc, figure, numerator, whole)
                claim, guess = Claim(**{**fresh.__dict__, "kind": "rate"}), "；".join(g for g in (guess, guessed) if g)
        if claim.verdict == "unverifiable" and not numerator and claim.whole is not None:
            claim, guess = later_numerator(doc, figure, rule, wholes, before) or (claim, guess)
        if len(numerator) == 1 and (other := part_done_rate(doc, figure, label, numerator[0], claim, wholes)):
            return other
        return guarded(claim, guess)
    if label.endswith("率") or (rule and qualified(label, rule, measures)):
        return stem_rate(doc, figure, label, wholes, measures, loose, rule)
    if label.endswith("比例") and (pair := noun_share(doc, figure, label)):
        return share_of(doc, figure, [pair[0]], pair[1], f"“{label}”：分子、分母取本句所计皆为“{share_noun(label)}”的两个数")
    return unverifiable(doc, figure, "rate" if "率" in label else "share", label, "文中未给出其分子和分母")


def percentage_claims(doc: Passage, rules: Sequence[RateRule], measures: Sequence[Measure],
                      listings: Sequence[Listing], wholes: Mapping[Figure, Figure]) -> list[Claim]:
    """A claim for every percentage the text states as a result (targets apart)."""
    listed = {pct: (part, found.whole, found.note, "前句另有同单位的数，整体属推测" if found.guessed else "")
              for found in listings for pct, part in found.shares}
    together = {part: found.parts for found in listings if len(found.parts) > 1 and not found.exhaustive
                and of_one_result(doc, found.whole, list(found.parts)) for part in found.parts}
    loose = frozenset(found.parts[0] for found in listings if len(found.parts) == 1)
    restated = {(part.value, pct.value): found.whole for found in listings if not found.guessed
                for pct, part in found.shares}
    lone: dict[Figure, Figure] = {}  # "咨询400件、投诉350件，占比分别为40%、35%": parts of no list
    share_run = False
    in_list = {part: found.whole for found in listings if len(found.parts) > 1 for part in found.parts}
    runs = respective_shares(doc)
    for pct, part in runs:
        share_run = "占" in doc.label(pct) or "比重" in doc.label(pct) or (share_run and "分别" not in doc.label(pct))
        if pct not in listed and part in wholes:
            listed[pct] = (part, wholes[part], "“分别”按顺序对应所列各项", "")
        elif pct not in listed and part in in_list:  # a list that is no split may be a sub-list
            listed[pct] = (part, in_list[part], "“分别”按顺序对应所列各项",
                           f"取所在列表的整体 {in_list[part].shown}（所列并非全部分项，属推测）")
        elif (pct not in listed and share_run and (leading := leading_count(doc, part)) is not None
              and leading not in {p for _, p in runs}):
            listed[pct] = (part, leading, "", f"所列各项不属任何列表，取本句开头的 {leading.shown}（{doc.label(leading)}）为整体（推测）")
        elif pct not in listed and share_run and (named := named_respective(doc, pct, part, measures)):
            listed[pct] = (part, named[0], "", named[1])  # "分别占总量的15%、10%": the whole it names
        elif pct not in listed and share_run:
            lone[pct] = part
    claims: list[Claim] = []
    previous: tuple[Figure, str] | None = None
    respective = respective_rates(doc, rules, measures)
    for figure in doc.figures:
        if not figure.is_percent:
            continue
        label = core_label(doc.label(figure))
        if previous and label in ("", "和", "及", "与") and set(doc.gap(previous[0], figure)) <= set("、和及与"):
            label = previous[1]  # "环比减少12.35%、49.58%和0.9%": one label for the list
        previous = (figure, label)
        label = linked_label(doc, figure, label)
        if label.endswith(TARGET_WORDS) or any(w in label for w in ("力争", "目标", "不低于", "不超过")):
            continue
        if threshold_only(doc, figure, label):
            continue
        if (joint := joint_share(doc, figure, measures)) is not None:
            claims.append(joint)  # "……和价格投诉（70件），合计占比80.91%"
            continue
        if figure in lone:  # the i-th count; its whole is the one of no list: not given
            claims.append(unplaced_share(doc, figure, lone[figure]))
            continue
        if figure in respective:  # "回复率分别为66.29%、78.95%": the i-th counts of the runs before
            read = share_of(doc, figure, [respective[figure][0]], respective[figure][1])
            claims.append(guarded(Claim(**{**read.__dict__, "kind": "rate"}), respective[figure][2]))
            continue
        names = rate_names(doc, figure, label)
        for name in names:
            claim = read_percentage(doc, figure, name, rules, measures, listed, wholes, together, loose, restated)
            if claim.computed is None and claim.kind == "share" and (later := later_part_share(doc, figure)):
                claim = later  # "约14%的投诉个案与疫情有关，涉及766宗": the count after it
            claims.append(overfull(doc, figure, name, claim, rules) or claim)
            # 均 after two names ("提前办结率和按时办结率均为100%") covers the names, not earlier
            # entities; a qualified rate is not its plain rule's rate for them either
            if (claim.kind == "rate" and len(names) == 1 and (rule := rate_rule_for(name, rules))
                    and not qualified(name, rule, measures)):
                claims += each_of(doc, figure, rule, wholes, together)
    return claims
