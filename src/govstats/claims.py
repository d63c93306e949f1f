"""Claims: the numeric statements of a bulletin's prose, each checked against its own parts.

A claim is a relation the text states, never one that merely happens to hold:

- ``sum``: a total and its parts, in a bracket right after the total
  ("共受理84781件（审批服务事项67354件，便民服务事项17427件）"), after a colon
  ("超期件18件：A 1件、B 4件…"), or before a closing 共计/合计 ("A 3件、B 5件，共计8件");
- ``share``: "占95.4%" of the clause's governing total (the figure a bracket belongs to, else
  the clause's first figure in the same unit, else an earlier stated total such as 全区…);
- ``rate``: a named rate (办结率, 网上受理率, …; data/reference/rates.csv) whose numerator and
  denominator labels are found before it;
- ``change``: "由5567个减少到4034个，减少了27.52%" and "压缩比例达到82%";
- ``table``: a count in the prose that the month's table also holds (``table_count_claims``).

Verdicts follow DESIGN.md's rounding rule: a percentage printed with d decimals is consistent
when |computed - printed| <= 0.5 x 10^-d.

- ``pass``: a sum is exact (within the rounding of 万 figures); a percentage within half a unit.
- ``warn``: a percentage that is the truncated value (81.96% printed 81.9%), or a broken soft
  bound (completed above received) on an otherwise consistent rate.
- ``fail``: anything else; ``difference`` says by how much.
- ``unverifiable``: the text states the claim but not all of its parts (listed, not a failure).

Record schema (``claims_to_records``; the columns of ``claims_frame`` in this order):

===========  =============  ==========================================================
field        type           meaning
===========  =============  ==========================================================
kind         str            sum | share | rate | change | table
text         str            the clause that states the claim
start, end   int            character offsets of ``text`` in the full text
stated       float          the printed value (a count, or a percentage without "%")
decimals     int | null     decimals printed for a percentage; null for counts
unit         str            "%" or the count's unit (件, 个, 项, …)
formula      str            the computation with its numbers ("52740 / 55306")
computed     float | null   its value (percentages to 4 decimals); null if unverifiable
verdict      str            pass | warn | fail | unverifiable
difference   float | null   computed - stated: units for counts; for percentages, the
                            computed value rounded to the printed decimals minus the
                            printed value, in percentage points
message      str            the verdict in words (Chinese)
note         str            which reading of an ambiguous whole was used, and why
===========  =============  ==========================================================

Ledger mapping (``claims_ledger``, the columns of ``reconcile.LEDGER_COLUMNS``, so claims and
table checks share one ledger): check ``claim:<kind>``, scope = clause, expected = stated,
actual = computed, message = formula, verdict and note, profile empty. A pass or fail carries
severity ``error`` (so for error severity the status is always pass or fail, and
``reconcile.has_errors`` is true exactly when a claim failed); warn and unverifiable carry
severity ``warning``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from govstats.claim_rules import (
    COUNTS_FILE,
    CountPattern,
    RateRule,
    default_reference_dir,
    load_count_patterns,
    load_rates,
    pattern_from_item,
)
from govstats.numbers import Figure, format_number, parse_number, round_half_up, truncate
from govstats.prose import TOTAL_MARKERS, Passage, Span, items_of, strip_label
from govstats.reconcile import Check, ledger_frame

log = logging.getLogger(__name__)

CLAIM_COLUMNS = ["kind", "text", "start", "end", "stated", "decimals", "unit", "formula",
                 "computed", "verdict", "difference", "message", "note"]

#: Verbs between a label and its percentage that carry no meaning ("满意率达99.9%").
FILLERS = ("达到", "已达", "高达", "达", "为", "是", "约", "了", "保持在", "均为")
#: A percentage after these words is a target or a bound, not a stated result.
TARGET_WORDS = ("提高到", "提升到", "不低于", "不得低于", "低于", "不超过", "超过", "未达到", "力争", "目标")
GROWTH_WORDS = ("同比", "环比")
SHARE_WORDS = ("所占比例", "占比例", "占比重", "占比", "比重", "占")
CHANGE_DOWN = ("减少", "压缩", "压减", "下降", "降低", "缩短", "精简", "减")
CHANGE_UP = ("增加", "增长", "提高", "上升", "提升", "扩大")
_CHANGE_GAP = re.compile(rf"({'|'.join(CHANGE_DOWN + CHANGE_UP)})(到|至|为)$")
TOTAL_WORDS = ("共计", "合计", "总计", "累计", "一共", "共", "计")
SUBSET_WORDS = ("其中", "含", "包括")
SHARE_LOOKBACK = 400  # characters before a clause searched for a whole stated earlier


@dataclass(frozen=True)
class Claim:
    """One checkable statement of the text and its verdict (see the module docstring)."""

    kind: str
    text: str
    start: int
    end: int
    stated: float
    decimals: int | None
    unit: str
    formula: str
    computed: float | None
    verdict: str
    difference: float | None
    message: str
    note: str = ""


@dataclass(frozen=True)
class Breakdown:
    """A total and the parts the text lists for it."""

    total: Figure
    parts: tuple[Figure, ...]
    how: str  # bracket | colon | closing


# ---------------------------------------------------------------- verdicts


def percent_verdict(computed: float, stated: float, decimals: int) -> tuple[str, float, str]:
    """(verdict, difference in points, message) of a printed percentage against its computation."""
    shown = round_half_up(computed, decimals)
    computed_text = f"{computed:.{decimals + 2}f}%"
    stated_text = f"{stated:.{decimals}f}%"
    if abs(computed - stated) <= 0.5 * 10 ** -decimals + 1e-9:
        return "pass", 0.0, f"计算得 {computed_text}，与所称 {stated_text} 相符"
    difference = round(shown - stated, decimals)
    if truncate(computed, decimals) == stated:
        return "warn", difference, (f"计算得 {computed_text}，四舍五入应为 {shown:.{decimals}f}%；"
                                    f"所称 {stated_text} 为截断值（truncated, not rounded）")
    return "fail", difference, (f"计算得 {computed_text}（应为 {shown:.{decimals}f}%），所称 {stated_text}，"
                                f"相差 {abs(difference):.{decimals}f} 个百分点")


def bounded_verdict(verdict: str, message: str, part: float, whole: float, bound: str) -> tuple[str, str]:
    """Apply a part <= whole bound: hard breaks fail, soft breaks turn a pass into a warning."""
    if part <= whole:
        return verdict, message
    if bound == "hard":
        return "fail", f"{message}；部分 {format_number(part)} 大于整体 {format_number(whole)}"
    soft = f"{message}；办结数 {format_number(part)} 多于受理数 {format_number(whole)}（可能含上月结转）"
    return ("warn" if verdict == "pass" else verdict), soft


def sum_verdict(total: Figure, parts: Sequence[Figure]) -> tuple[str, float, str]:
    """(verdict, difference in units, message) of a stated total against its parts."""
    added = sum(p.value for p in parts)
    difference = added - total.value
    slack = total.resolution + sum(p.resolution for p in parts)
    stated, got = format_number(total.value), format_number(added)
    if abs(difference) <= slack + 1e-9:
        extra = "（在万位取整误差内）" if difference else ""
        return "pass", difference, f"各分项之和 {got}，与所称合计 {stated} 相符{extra}"
    side = "多" if difference > 0 else "少"
    return "fail", difference, (f"各分项之和 {got}，比所称合计 {stated} {side} "
                                f"{format_number(abs(difference))}{total.unit}")


# ---------------------------------------------------------------- helpers


def core_label(label: str) -> str:
    """A label without trailing filler verbs ("占比达" -> "占比")."""
    changed = True
    while changed:
        changed = False
        for word in FILLERS:
            if label.endswith(word) and len(label) > len(word):
                label, changed = label[: -len(word)], True
    return label


def has_total_marker(label: str) -> bool:
    return label.startswith(TOTAL_MARKERS) or "共" in label or "合计" in label


def clean_part_label(label: str) -> str:
    """A label without leading 其中/全区/区级 scope words, for exact label matches."""
    for prefix in ("其中", "全区", "区级", "全市", "全县", "共"):
        if label.startswith(prefix) and len(label) > len(prefix):
            label = label[len(prefix):]
    return label


def figure_list(figures: Iterable[Figure]) -> str:
    return " + ".join(f.shown for f in figures)


def claim_from(doc: Passage, span: Span, **fields: object) -> Claim:
    """A Claim whose text is ``span`` of the original text."""
    return Claim(text=doc.text_of(span), start=span.start, end=span.end, **fields)  # type: ignore[arg-type]


# ---------------------------------------------------------------- sums


def single_count(doc: Passage, item: Span, unit: str, depth: int) -> Figure | None:
    """The one figure of ``unit`` an item holds at ``depth``, or None if it holds not exactly one."""
    found = [f for f in doc.figures_in(item) if doc.depth(f) == depth]
    if len(found) != 1 or found[0].unit != unit:
        return None
    return found[0]


def bracket_breakdown(doc: Passage, total: Figure) -> Breakdown | None:
    """A total followed by a bracket that lists its parts (and no percentages)."""
    inside = doc.bracket_after(total)
    if inside is None:
        return None
    depth = doc.depth(total) + 1
    if any(f.is_percent for f in doc.figures_in(inside)):
        return None
    content = doc.norm[inside.start:inside.end]
    lead = re.match(r"\s*其中\s*[,:]?", content)
    start = inside.start + (lead.end() if lead else 0)
    items = items_of(doc.norm, doc.depths, start, inside.end, depth)
    texts = [doc.norm[i.start:i.end] for i in items]
    if len(items) < 2 or any("各" in t or t.strip().startswith(SUBSET_WORDS) or "不含" in t for t in texts):
        return None
    parts = [single_count(doc, item, total.unit, depth) for item in items]
    if any(p is None for p in parts):
        return None
    return Breakdown(total, tuple(parts), "bracket")  # type: ignore[arg-type]


def leading_parts(doc: Passage, items: list[Span], unit: str, depth: int) -> list[Figure]:
    """Figures of the first items that each hold exactly one count of ``unit``."""
    parts = []
    for item in items:
        if "各" in doc.norm[item.start:item.end]:
            return []
        part = single_count(doc, item, unit, depth)
        if part is None:
            break
        parts.append(part)
    return parts


def colon_breakdown(doc: Passage, total: Figure) -> Breakdown | None:
    """A total followed by a colon and a list of its parts ("超期件18件：A 1件、B 4件")."""
    if doc.after(total, 1) != ":":
        return None
    colon = doc.norm.index(":", total.end)
    depth = doc.depth(total)
    sentence = doc.sentence_of(total)
    parts = leading_parts(doc, items_of(doc.norm, doc.depths, colon + 1, sentence.end, depth),
                          total.unit, depth)
    return Breakdown(total, tuple(parts), "colon") if len(parts) >= 2 else None


def closing_breakdown(doc: Passage, total: Figure) -> Breakdown | None:
    """A list of counts closed by a stated total ("A 3件、B 5件，共计8件")."""
    label = core_label(doc.label(total))
    if label not in TOTAL_WORDS:
        return None
    clause, depth = doc.clause_of(total), doc.depth(total)
    items = items_of(doc.norm, doc.depths, clause.start, doc.label_start(total), depth)
    parts = leading_parts(doc, list(reversed(items)), total.unit, depth)
    return Breakdown(total, tuple(reversed(parts)), "closing") if len(parts) >= 2 else None


def breakdowns(doc: Passage) -> list[Breakdown]:
    """Every total the text states together with its parts."""
    found = []
    for figure in doc.figures:
        if figure.is_percent:
            continue
        for finder in (bracket_breakdown, colon_breakdown, closing_breakdown):
            if breakdown := finder(doc, figure):
                found.append(breakdown)
                break
    return found


def sum_claim(doc: Passage, breakdown: Breakdown) -> Claim:
    """The verdict on one total and its parts."""
    total, parts = breakdown.total, breakdown.parts
    span = doc.clause_of(total)
    formula = figure_list(parts)
    if total.approx or any(p.approx for p in parts):
        return claim_from(doc, span, kind="sum", stated=total.value, decimals=None, unit=total.unit,
                          formula=formula, computed=None, verdict="unverifiable", difference=None,
                          message="合计或分项为约数（余、多、以上），无法精确核对")
    verdict, difference, message = sum_verdict(total, parts)
    note = ""
    if verdict == "fail" and breakdown.how == "bracket" and "其中" in doc.norm[total.end:parts[0].start]:
        note = "括号内以“其中”列出分项，按全部分项核对；若所列并非全部分项，此差额不是错误"
    return claim_from(doc, span, kind="sum", stated=total.value, decimals=None, unit=total.unit,
                      formula=formula, computed=sum(p.value for p in parts), verdict=verdict,
                      difference=difference, message=message, note=note)


# ---------------------------------------------------------------- percentages


def is_result(doc: Passage, figure: Figure) -> bool:
    """False for a percentage that is a target, a bound or a growth figure."""
    label = doc.label(figure)
    if figure.approx or any(w in label for w in GROWTH_WORDS):
        return False
    return not core_label(label).endswith(TARGET_WORDS)


def rate_rule_for(label: str, rules: Sequence[RateRule]) -> RateRule | None:
    """The rule whose name (or alias) the label ends with; the longest name wins."""
    named = [(len(name), rule) for rule in rules for name in rule.names if label.endswith(name)]
    return max(named, key=lambda pair: pair[0])[1] if named else None


def counts_before(doc: Passage, figure: Figure, span: Span) -> list[Figure]:
    """Counts (not percentages) in ``span`` that stand before ``figure``, nearest first."""
    return [f for f in reversed(doc.figures_in(span)) if f.end <= figure.start and not f.is_percent]


def rounded_range(part: float, whole: float, part_slack: float, whole_slack: float) -> tuple[float, float]:
    """The lowest and highest percentage part / whole can be when both were printed rounded
    (8.5万 stands for anything from 84500 to 85500)."""
    low = (part - part_slack) / (whole + whole_slack) * 100
    high = (part + part_slack) / max(whole - whole_slack, 1e-9) * 100
    return low, high


def percent_claim(doc: Passage, figure: Figure, *, kind: str, span: Span, formula: str,
                  part: float | None, whole: float | None, bound: str = "hard",
                  note: str = "", missing: str = "", slack: tuple[float, float] = (0.0, 0.0)) -> Claim:
    """A share, rate or change claim with its verdict (unverifiable when a part is missing).

    ``slack`` is how far the part and whole may be from their printed values (figures printed
    in 万 are rounded): a percentage anywhere in the range they allow is consistent."""
    common = dict(kind=kind, stated=figure.value, decimals=figure.decimals, unit="%", formula=formula, note=note)
    if part is None or whole is None or whole == 0:
        return claim_from(doc, span, computed=None, verdict="unverifiable", difference=None,
                          message=missing or "文中未给出计算所需的数", **common)
    computed = part / whole * 100
    verdict, difference, message = percent_verdict(computed, figure.value, figure.decimals)
    if verdict != "pass" and any(slack):
        low, high = rounded_range(part, whole, *slack)
        half = 0.5 * 10 ** -figure.decimals
        if low - half <= figure.value <= high + half:
            verdict, difference = "pass", 0.0
            message = (f"分子、分母为取整后的数（如“万”），比值可在 {low:.2f}% 至 {high:.2f}% 之间；"
                       f"所称 {figure.value:.{figure.decimals}f}% 在此范围内")
    if kind != "change":
        verdict, message = bounded_verdict(verdict, message, part, whole, bound)
    return claim_from(doc, span, computed=round(computed, 4), verdict=verdict, difference=difference,
                      message=message, **common)


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


def share_whole(doc: Passage, figure: Figure, part: Figure, clause: Span) -> tuple[Figure | None, str]:
    """The whole a share ("占95.4%") refers to, and a note when the reading needs one."""
    owner = doc.owner_of_bracket(figure)
    if owner is not None and owner.unit == part.unit and doc.depth(figure) > 0:
        return owner, ""
    depth = doc.depth(figure)
    candidates = [f for f in doc.figures_in(clause)
                  if f.end <= part.start and not f.is_percent and f.unit == part.unit
                  and doc.depth(f) == depth and not core_label(doc.label(f)).endswith(("由", "从"))]
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
        if leading is not None:
            return leading, f"本分句未给出整体，取本句开头的 {leading.shown}（{doc.label(leading)}）为整体"
    else:
        referent = span_before(doc, subset)
        whole = first_count(doc, referent, part.unit) if referent else None
        if whole is not None:
            return whole, f"“其中”承接前文，取前一句（分句）的 {whole.shown}（{doc.label(whole)}）为整体"
    floor = max(clause.start - SHARE_LOOKBACK, 0)
    earlier = [f for f in counts_before(doc, part, Span(floor, clause.start))
               if f.unit == part.unit and has_total_marker(doc.label(f))]
    if earlier:
        whole = earlier[0]
        return whole, f"本句未给出整体，取前文“{doc.label(whole)}{whole.text}”为整体"
    return None, ""


def share_claim(doc: Passage, figure: Figure) -> Claim | None:
    """"…52740件，占95.4%": the part before the percentage over the clause's governing total."""
    clause = doc.clause_of(figure)
    part = next((f for f in counts_before(doc, figure, clause) if doc.depth(f) == doc.depth(figure)), None)
    if part is None:
        return None
    whole, note = share_whole(doc, figure, part, clause)
    if whole is None:
        return percent_claim(doc, figure, kind="share", span=clause, formula=f"{part.shown} / ?",
                             part=None, whole=None, missing=f"文中未给出 {part.shown} 所占的整体")
    if part.approx or whole.approx:
        return percent_claim(doc, figure, kind="share", span=clause, formula=f"{part.shown} / {whole.shown}",
                             part=None, whole=None, note=note, missing="分子或分母为约数，无法精确核对")
    return percent_claim(doc, figure, kind="share", span=clause, formula=f"{part.shown} / {whole.shown}",
                         part=part.value, whole=whole.value, note=note,
                         slack=(part.resolution, whole.resolution))


def labelled(doc: Passage, figure: Figure, term: str, exclude: Sequence[str]) -> bool:
    label = doc.label(figure)
    return term in label and not any(word in label for word in exclude)


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
    """The likeliest whole among several, and why it was chosen."""
    if len(candidates) == 1:
        return candidates[0], ""
    others = lambda chosen: "、".join(f.shown for f in candidates if f is not chosen)  # noqa: E731
    for whole in candidates:
        if any(wholes.get(part) is whole for part in numerator):
            return whole, f"取 {whole.shown} 为分母：它是分子所在分项列表的合计（另有 {others(whole)}）"
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
        candidates = [f for f in before if f not in numerator and labelled(doc, f, term, exclude)]
        if candidates:
            return pick_denominator(doc, candidates, numerator, term, wholes)
    if rule.scope != "paragraph":
        return None, ""
    paragraph, sentence = doc.paragraph_of(figure), doc.sentence_of(figure)
    earlier = counts_before(doc, figure, Span(paragraph.start, sentence.start))
    for term in rule.denominator:
        hit = next((f for f in earlier if clean_part_label(doc.label(f)) == term), None)
        if hit is not None:
            return hit, f"分母取本段前文“{doc.label(hit)}{hit.text}”"
    return None, ""


def rate_claim(doc: Passage, figure: Figure, rule: RateRule, wholes: Mapping[Figure, Figure]) -> Claim:
    """A named rate against its numerator and denominator stated before it."""
    sentence, clause = doc.sentence_of(figure), doc.clause_of(figure)
    before = counts_before(doc, figure, sentence)
    numerator = rate_numerator(doc, rule, before)
    denominator, note = rate_denominator(doc, rule, figure, before, numerator, wholes)
    top = f"({figure_list(numerator)})" if len(numerator) > 1 else figure_list(numerator) or "?"
    formula = f"{top} / {denominator.shown if denominator else '?'}"
    if not numerator or denominator is None:
        missing = [what for what, got in (("分子", numerator), ("分母", denominator)) if not got]
        wanted = "、".join(
            f"{what}（{'/'.join(rule.numerator_terms if what == '分子' else rule.denominator)}）"
            for what in missing)
        return percent_claim(doc, figure, kind="rate", span=clause, formula=formula, part=None, whole=None,
                             note=note, missing=f"{rule.name}：文中未给出{wanted}，无法核对")
    if any(f.approx for f in (*numerator, denominator)):
        return percent_claim(doc, figure, kind="rate", span=clause, formula=formula, part=None, whole=None,
                             note=note, missing=f"{rule.name}：分子或分母为约数，无法精确核对")
    return percent_claim(doc, figure, kind="rate", span=clause, formula=formula,
                         part=sum(f.value for f in numerator), whole=denominator.value,
                         bound=rule.bound, note=note,
                         slack=(sum(f.resolution for f in numerator), denominator.resolution))


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
    if first.approx or second.approx:
        return percent_claim(doc, figure, kind="change", span=clause, formula=formula, part=None, whole=None,
                             missing="变化前后的数为约数，无法精确核对")
    delta = first.value - second.value if down else second.value - first.value
    return percent_claim(doc, figure, kind="change", span=clause, formula=formula,
                         part=delta, whole=first.value)


def percentage_claims(doc: Passage, rules: Sequence[RateRule], wholes: Mapping[Figure, Figure]) -> list[Claim]:
    """Every share, named rate and change the text states as a result."""
    claims = []
    for figure in doc.figures:
        if not figure.is_percent or not is_result(doc, figure):
            continue
        label = core_label(doc.label(figure))
        claim: Claim | None = None
        if rule := rate_rule_for(label, rules):
            claim = rate_claim(doc, figure, rule, wholes)
        elif label.endswith(SHARE_WORDS):
            claim = share_claim(doc, figure)
        elif any(w in label for w in CHANGE_DOWN + CHANGE_UP) or "比例" in label:
            claim = change_claim(doc, figure)
        if claim is not None:
            claims.append(claim)
        else:
            log.debug("percentage %s at %d is not a checkable claim", figure.text, figure.start)
    return claims


# ---------------------------------------------------------------- entry points


def default_rates(reference_dir: str | Path | None = None) -> tuple[RateRule, ...]:
    """Named rates of ``reference_dir`` (default: the project's data/reference)."""
    return load_rates(reference_dir or default_reference_dir())


def extract_claims(text: str, rates: Sequence[RateRule] | None = None) -> list[Claim]:
    """Every checkable numeric statement of ``text`` with its verdict, in reading order."""
    rules = tuple(rates) if rates is not None else default_rates()
    doc = Passage(text)
    found = breakdowns(doc)
    wholes = {part: b.total for b in found for part in b.parts}
    claims = [sum_claim(doc, b) for b in found] + percentage_claims(doc, rules, wholes)
    log.info("%d claims in %d characters", len(claims), len(text))
    return sorted(claims, key=lambda c: (c.start, c.end))


def as_pattern(item: CountPattern | Mapping[str, object], number: int) -> CountPattern:
    """A CountPattern, from itself or from a raw bulletin_counts.yaml entry."""
    if isinstance(item, CountPattern):
        return item
    return pattern_from_item(dict(item), Path(COUNTS_FILE), number)


def table_count_claims(text: str, table_totals: Mapping[str, int | float],
                       patterns: Sequence[CountPattern | Mapping[str, object]] | None = None) -> list[Claim]:
    """Counts the prose states that the month's table also holds, against the table's totals."""
    chosen = (tuple(as_pattern(p, n) for n, p in enumerate(patterns, start=1)) if patterns is not None
              else load_count_patterns(default_reference_dir()))
    doc = Passage(text)
    claims = []
    for item in chosen:
        for match in item.pattern.finditer(text):
            stated = parse_number(match.group(1))
            figure = next((f for f in doc.figures if f.start <= match.start(1) < f.end), None)
            span = doc.enclosing(doc.sentences, match.start(1))
            unit = figure.unit if figure else ""
            common = dict(kind="table", stated=stated, decimals=None, unit=unit)
            if item.measure not in table_totals:
                claims.append(claim_from(
                    doc, span, formula=f"表中合计[{item.measure}] = ?", computed=None,
                    verdict="unverifiable", difference=None,
                    message=f"表中没有“{item.measure}”列，无法核对“{item.label}”", **common))
                continue
            actual = float(table_totals[item.measure])
            difference = actual - stated
            verdict = "pass" if difference == 0 else "fail"
            message = (f"通报所称“{item.label}”{format_number(stated)}，表中合计 {format_number(actual)}"
                       + ("，相符" if verdict == "pass" else f"，相差 {format_number(difference)}"))
            claims.append(claim_from(doc, span, formula=f"表中合计[{item.measure}] = {format_number(actual)}",
                                     computed=actual, verdict=verdict, difference=difference,
                                     message=message, **common))
    return claims


def claims_to_records(claims: Iterable[Claim]) -> list[dict[str, object]]:
    """Claims as JSON-able dicts with the keys of ``CLAIM_COLUMNS``, in that order."""
    return [{key: asdict(claim)[key] for key in CLAIM_COLUMNS} for claim in claims]


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """One row per claim, columns in ``CLAIM_COLUMNS`` order."""
    return pd.DataFrame(claims_to_records(claims), columns=CLAIM_COLUMNS)


def severity_of(verdict: str) -> str:
    """Ledger severity of a verdict: pass/fail are error checks, warn/unverifiable warnings."""
    return "error" if verdict in ("pass", "fail") else "warning"


def ledger_check(claim: Claim) -> Check:
    """One claim as a ledger record (expected = stated, actual = computed)."""
    message = f"{claim.formula}：{claim.message}" + (f"（{claim.note}）" if claim.note else "")
    return Check(f"claim:{claim.kind}", claim.text, claim.stated, claim.computed, claim.difference,
                 severity_of(claim.verdict), claim.verdict, message)


def claims_ledger(claims: Iterable[Claim]) -> pd.DataFrame:
    """Claims in the project's ledger shape (reconcile.LEDGER_COLUMNS), failures first."""
    return ledger_frame(ledger_check(c) for c in claims)
