"""The registry of stated wholes: the earlier count a share's named whole stands for.

A share may name its whole ("占全部诉求的95.48%", "占总来电量的60%", "占总量的55%"). The whole is
looked for first in the share's paragraph, then in the paragraphs before it (a breakdown often
opens a paragraph of its own under the total stated above). A name with a stem (诉求, 来电, 办结)
is matched against the labels of earlier counts (exact label, then label ending with it, then
holding it), else by its measure; a name that is only a total word (总量, 全部, 总数) stands for the
latest earlier count stated as a total (共/合计/总…). Units need only be kindred counts (a whole of
诉求 counted in 件 and a part counted in 个 or 条): the name, not the unit, fixes the whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govstats.checks.claims.agreeing import agrees, is_change_count
from govstats.checks.claims.measures import measure_in, measure_of
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.splits import counts, same_kind
from govstats.checks.claims.words import core_label, has_total_marker
from govstats.reference.claim_rules import Measure

#: A share that names its whole: "占全部诉求的", "占总量的".
NAMED_WHOLE = re.compile(r"占(?P<name>[^,;:()]{1,16}?)(?:的?(?:比例|比重)(?:为|是|达)?|的)?$")
_SCOPE = re.compile(r"^(?:全部|全市|全区|全县|全省|总体|全|总|本月|当月)")
_AMOUNT = re.compile(r"(?:总量|总数|件数|数量|总|量|数)$")
#: Counts of things that a named whole may gather (not money, time or people served).
COUNTED = ("件", "个", "条", "宗", "单", "封", "份", "起", "次", "件次", "人次", "笔", "项")
#: A count of another period ("比去年同期的777733件") is no whole of this one.
_OTHER_PERIOD = re.compile(r"(?:去年|上年|上月|上季度?|同期|上期|上周)的?$")


def kindred(unit: str, other: str) -> bool:
    """Units a named whole and its part may be counted in."""
    return same_kind(unit, other) or (unit in COUNTED and other in COUNTED)


def name_stem(name: str) -> str:
    """The noun a named whole keeps once scope and amount words are cut ("全部诉求" -> "诉求")."""
    return _AMOUNT.sub("", _SCOPE.sub("", name))


def _candidates(doc: Passage, part: Figure, parts: Sequence[Figure], span: Span) -> list[Figure]:
    # a count inside a bracket deeper than the part is a part of something else, never its whole;
    # nor is a change (比上月减少2043件) or a count of another period
    return [f for f in reversed(doc.figures_in(span)) if not f.is_percent and f not in parts
            and kindred(f.unit, part.unit) and doc.depth(f) <= doc.depth(part)
            and not is_change_count(doc, f) and not _OTHER_PERIOD.search(doc.label(f))]


def _by_stem(doc: Passage, stem: str, pools: Sequence[tuple[list[Figure], str | None]],
             measures: Sequence[Measure]) -> list[Figure]:
    """The counts of ``pools`` (earlier counts, each with the one unit it is held to or None) a stem
    names, likeliest first: exact label in any pool, then label ending with it, label holding it,
    then the stem's measure. An exact label above beats a longer one nearby, which is most often a
    sibling of the part ("服务类投诉1264件，占投诉总量的41%" under 投诉3046件, not 商品类投诉1782件);
    a label naming a kind of the stem (商品类投诉) is never its whole."""
    wanted = measure_in(stem, measures)
    tests = (lambda label, f: label == stem, lambda label, f: label.endswith(stem), lambda label, f: stem in label,
             lambda label, f: wanted is not None and measure_of(doc, f, measures) is wanted,
             lambda label, f: _headed(doc, stem, label, f))
    labelled = [[(f, label) for f in earlier if (unit is None or f.unit == unit)
                 and not _kind_of(label := _bare_label(doc, f), stem)] for earlier, unit in pools]
    return list(dict.fromkeys(f for test in tests for pool in labelled for f, label in pool if test(label, f)))


def _kind_of(label: str, stem: str) -> bool:
    """True when a label names a kind of the stem ("商品类投诉" of 投诉): a sibling of the share's
    part, never the whole the stem names."""
    at = label.rfind(stem)
    return at > 0 and bool(_KIND_OF.search(label[:at]))


#: Words that make a label a kind of the noun after them ("商品类投诉" is a kind of 投诉, a sibling
#: of 服务类投诉, not the 投诉总量 a share names).
_KIND_OF = re.compile(r"(?:(?<![各两])(?:类|類)|方面|领域|領域)$")


def _bare_label(doc: Passage, figure: Figure) -> str:
    """A count's label without the words that open a total or a list ("共", "其中")."""
    return re.sub(r"^(?:共|其中\s*,?)", "", doc.label(figure))


def _headed(doc: Passage, stem: str, label: str, figure: Figure) -> bool:
    """"本月受理的882件投诉中，商品类553件……占商品类投诉的38.2%": a name made of a count's label and
    the noun its sentence opened with before it."""
    rest = stem.removeprefix(label)
    return len(label) >= 2 and rest != stem and len(rest) >= 2 and rest in doc.norm[doc.sentence_of(figure).start:figure.start]


def _stated_total(doc: Passage, earlier: list[Figure]) -> Figure | None:
    return next((f for f in earlier if doc.depth(f) == 0 and not f.approx and has_total_marker(doc.label(f))
                 and not is_change_count(doc, f) and not _OTHER_PERIOD.search(doc.label(f))), None)


def named_wholes(doc: Passage, name: str, parts: Sequence[Figure], measures: Sequence[Measure] = ()) -> list[Figure]:
    """Every earlier count a share's named whole ``name`` may stand for, likeliest first (see the
    module docstring); the first is the reading taken, the others are rivals a guess may try."""
    if not parts:
        return []
    first = parts[0]
    stem = name_stem(name)
    paragraph = doc.paragraph_of(first)
    here = _candidates(doc, first, parts, Span(paragraph.start, first.start))
    above = _candidates(doc, first, parts, Span(0, paragraph.start))
    if stem:
        # the paragraph's counts of the part's own unit first (the rule before wholes were kindred)
        found = _by_stem(doc, stem, ((here, first.unit), (here, None), (above, None)), measures)
        return list(dict.fromkeys(own for f in found if (own := _in_own_unit(doc, f, first)).end <= first.start))
    if name == stem or len(name) > 4:
        return []  # "占比" or a long phrase: no total word
    total = _stated_total(doc, here) or _stated_total(doc, above)
    return [total] if total is not None else []


def _in_own_unit(doc: Passage, named: Figure, part: Figure) -> Figure:
    """"第一类10个部门立案140件……占第一类的48.57%": a name that labels a count of other things
    (10个 departments) names the phrase, and the count in the part's own unit that the phrase goes
    on to (140件, with no comma between) is the whole."""
    if named.unit == part.unit:
        return named
    after = [f for f in doc.figures if f.start >= named.end and doc.depth(f) == doc.depth(named)]
    if after and after[0].unit == part.unit and not re.search(r"[,;:。]", doc.norm[named.end:after[0].start]):
        return after[0]
    return named


def named_whole_of(doc: Passage, name: str, parts: Sequence[Figure],
                   measures: Sequence[Measure] = ()) -> Figure | None:
    """The earlier count a share's named whole ``name`` stands for (see the module docstring)."""
    return next(iter(named_wholes(doc, name, parts, measures)), None)


def labelled_as(doc: Passage, name: str, figure: Figure) -> bool:
    """True when a count's own label is the named whole's noun itself ("举报10171件" for 占举报的)."""
    stem = name_stem(name)
    return bool(stem) and _bare_label(doc, figure) == stem


def named_exactly(doc: Passage, name: str, whole: Figure, part: Figure) -> bool:
    """Whether a named whole is fixed by the text: the count in the share's own paragraph whose
    label is the name's noun itself ("受理诉求1000件……占诉求的"). A whole found by a longer label,
    by its measure or in an earlier paragraph is the likeliest reading only, so its share never
    fails (it is unverifiable when it disagrees)."""
    return labelled_as(doc, name, whole) and doc.paragraph_of(whole) == doc.paragraph_of(part)


def narrower_whole(doc: Passage, name: str, part: Figure, whole: Figure) -> bool:
    """True when a list's whole is qualified as its part is and the name drops the qualifier:
    "网购举报5490件，占举报的54.93%" under 网购投诉举报20965件 names all 举报, not the 网购 ones (a
    share of the list's whole would name it: 占网购投诉举报的)."""
    stem = name_stem(name)
    label = _bare_label(doc, part)
    qualifier = label.removesuffix(stem) if stem and label.endswith(stem) else ""
    return len(qualifier) >= 2 and qualifier in doc.label(whole) and not labelled_as(doc, name, whole)


def share_names(doc: Passage, figure: Figure) -> str | None:
    """The whole a percentage names in its label ("占全部诉求的" -> "全部诉求"), or None."""
    named = NAMED_WHOLE.search(core_label(doc.label(figure)))
    if named is None or named.group("name") in ("比", "比重", "比例"):
        return None
    return named.group("name")


def named_whole(doc: Passage, sentence: Span, head: str, unit: str, above: bool = False) -> Figure | None:
    """The earlier count of the paragraph a heading "已答复的申请中" names (its label or the words
    after it hold 答复); with ``above``, the latest such count of the paragraphs before ("在不满意件
    中，" opening a paragraph names the 不满意的有6479件 stated above; a trailing 件 is no part of
    the noun). A count of a change or of another period is no whole."""
    stem = re.sub(r"^(?:已|在|对|从|经)", "", head).split("的")[0]
    if above:
        stem = stem.removesuffix("件")
    if len(stem) < 2:
        return None
    paragraph = doc.enclosing(doc.paragraphs, sentence.start)
    pool = counts(doc, Span(0, paragraph.start) if above else Span(paragraph.start, sentence.start), unit)
    for figure in reversed(pool) if above else pool:
        if (stem in doc.label(figure) or stem in doc.words_after(figure)) and not (above and is_change_count(doc, figure)):
            return figure
    return None


def named_in_bracket(doc: Passage, figure: Figure) -> list[Figure]:
    """"公安局（11件）占7.86%", "城乡建设局（68件）受理量居首，占第一类的48.57%": a share whose piece
    (or, when the piece is only 占…, the piece before) holds no count of its own level, but one
    count alone in a bracket right after a name, has that count as its part."""
    sentence = doc.sentence_of(figure)
    cut = max([sentence.start - 1] + [i for i in range(sentence.start, figure.start)
                                      if doc.norm[i] in ",:;" and doc.depths[i] == doc.depth(figure)])
    if doc.norm[cut + 1:figure.start].lstrip().startswith("占") and cut >= sentence.start:
        cut = max([sentence.start - 1] + [i for i in range(sentence.start, cut)
                                          if doc.norm[i] in ",:;" and doc.depths[i] == doc.depth(figure)])
    piece = [f for f in doc.figures_in(Span(cut + 1, figure.start)) if not f.is_percent]
    if len(piece) != 1 or doc.depth(piece[0]) != doc.depth(figure) + 1:
        return []
    part = piece[0]
    opening, closing = doc.norm[:part.start].rstrip(" 共计为"), doc.norm[part.end:].lstrip(" ")
    if not (opening.endswith("(") and closing.startswith(")") and re.match(r"[\u4e00-\u9fff]", opening[-2:-1] or " ")):
        return []
    return [part]


def sibling_name(doc: Passage, figure: Figure) -> str:
    """The label of the share that names its whole in an earlier semicolon piece of the sentence
    ("甲类1328件，占不满意件总量的20.50%；乙类1329件，占20.51%"): a bare 占 of the same list shares it."""
    sentence = doc.sentence_of(figure)
    piece = doc.norm[max(doc.norm.rfind(";", sentence.start, figure.start) + 1, sentence.start):figure.start].lstrip(" ,")
    if piece.startswith(("其中", "包括", "含")):
        return ""  # "…；其中网上50件，占25%": a part of the item before, not a sibling
    # "甲局（68件）占第一类的48.57%，乙局（11件）占7.86%": shares of bracketed parts run at commas
    bracketed = bool(named_in_bracket(doc, figure))
    for earlier in reversed(doc.figures_in(Span(sentence.start, figure.start))):
        if earlier.is_percent and (";" in doc.norm[earlier.end:figure.start] or bracketed and named_in_bracket(doc, earlier)) and share_names(doc, earlier):
            return core_label(doc.label(earlier))
    return ""


def behind_a_rate(doc: Passage, nearest: Figure, before: list[Figure], after: Span) -> tuple[Figure, str] | None:
    """"受理197999件，办结197818件，办结率99.9%，其中…": 其中 after a rate may split either of the
    rate's counts, so position fixes no whole. The one the items add up to is taken (each was a
    candidate of the cue; the sum only confirms it); else the nearest, as a guess that never fails."""
    items = counts(doc, after, nearest.unit)
    total = sum(f.value for f in items)
    rivals = [f for f in before if f.unit == nearest.unit and not f.approx and f is not nearest]
    if not rivals or len(items) < 2:
        return None
    agreeing = [f for f in (nearest, *reversed(rivals)) if abs(f.value - total) <= f.resolution + 1e-9]
    if agreeing:
        return agreeing[0], "" if agreeing[0] is nearest else f"其中所分的是“{doc.label(agreeing[0])}{agreeing[0].text}”，各项之和与之相符"
    # "受理40365件，办结40314件，办结率99.9%，其中窗口受理14717件": the items' verb names the whole
    verb = core_label(doc.label(items[0]))[-2:]
    named = [f for f in (nearest, *reversed(rivals)) if len(verb) == 2 and core_label(doc.label(f)).endswith(verb)]
    if len(named) == 1:
        return named[0], "" if named[0] is nearest else f"其中所分的是“{doc.label(named[0])}{named[0].text}”，与分项同为“{verb}”"
    return nearest, "其中前有比率，所分的整体可能是其前任一个数，取最近的（推测）"


def subset_host(doc: Passage, part: Figure) -> tuple[Figure, bool] | None:
    """The count a 其中 before ``part`` in its sentence opens from ("接听来电8947个，其中转办2274件…；
    直办6673件": 8947), the whole the counts after 其中 most likely belong to when nothing names
    it; and whether it is the only count ``part`` can be of (every count between is smaller:
    "网格事件17457件，其中上报17146件、…；办结17443件" closes no item, so it is of the 17457)."""
    sentence = doc.sentence_of(part)
    cue = doc.norm.rfind("其中", sentence.start, part.start)
    if cue < 0 or doc.depths[cue] != doc.depth(part):
        return None
    def level(f: Figure) -> bool:
        return not f.is_percent and doc.depth(f) == doc.depth(part) and kindred(f.unit, part.unit)

    before = [f for f in doc.figures_in(Span(sentence.start, cue)) if level(f) and f.value >= part.value]
    if not before:
        return None
    between = [f for f in doc.figures_in(Span(cue, part.start)) if level(f)]
    return before[-1], bool(between) and all(f.value < part.value for f in between)


def fitting_rival(doc: Passage, share: Figure, name: str, parts: Sequence[Figure], taken: Figure,
                  measures: Sequence[Measure]) -> Figure | None:
    """"各区立案合计4152件……第一类立案140件，占当月立案总数的3.07%": the name (立案) fits several earlier
    counts and the likeliest one (4152) does not give the share. The one other count the name also
    fits that gives it (4554, 立案派遣) is taken; none or several: None. The name makes the
    candidates, the arithmetic only chooses among them; a share of whole percent is too coarse."""
    if share.decimals < 1 or any(p.approx for p in parts):
        return None
    part = sum(p.value for p in parts)
    fitting = [f for f in named_wholes(doc, name, parts, measures) if f is not taken and not f.approx
               and f.value > part and agrees(part, f.value, share)]
    return fitting[0] if len(fitting) == 1 else None
