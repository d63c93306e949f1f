"""A total whose words name its parts, and the counts stated later under those names:
"受理的咨询、投诉、举报合计1828件。1、咨询1188件…；2、投诉359件…；3、举报281件…".

The names joined by 、 (和, 及) before the total are the list's members, so the list is closed by the
text itself: when the next sentences state one count of the total's unit for each name, in the
names' order, and labelled by that name, those counts split the total: a sum, which fails when
they do not add up if they are numbered items of their own; in plain prose the counts may be of
another period or scope, so a sum that does not add up is unverifiable. A name stated twice, or a
count of another unit, is no such list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from govstats.checks.claims.measures import bound_claim, bounded_pairs
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import same_kind
from govstats.checks.claims.sums import Breakdown
from govstats.checks.claims.words import NAME_JOIN, core_label, has_total_marker, split_names

#: Names joined by 、/和/及 before the count, a noun of cases and a total word perhaps after them:
#: "咨询、投诉、举报合计", "投诉、举报和咨询信息" (an 等 after the names leaves the list open).
_NAMED_TOTAL = re.compile(rf"(?P<names>[\u4e00-\u9fff]{{1,6}}?(?:(?:{NAME_JOIN})[\u4e00-\u9fff]{{1,6}}?)+)(?:类)?"
                          r"(?:信息|诉求|事项|问题|工单|案件)?(?:合计|共计|总计|总量|总数|共)?$")
#: Words the first name may carry in front ("受理的咨询" -> 咨询).
_LEAD = re.compile(r"^.*(?:的|受理|收到|接收|接到|登记|办理|共)")
#: How many sentences after the total its named parts are looked for in.
SENTENCES_AFTER = 6


@lru_cache(maxsize=4096)
def _names(label: str) -> tuple[str, ...]:
    match = _NAMED_TOTAL.search(core_label(label))
    if match is None or "等" in match.group():
        return ()
    names = split_names(match.group("names"))
    names[0] = _LEAD.sub("", names[0])
    return tuple(names) if all(1 <= len(n) <= 6 for n in names) and len(set(names)) == len(names) else ()


#: An item number before a label ("1、咨询", "（二）投诉").
_NUMBERED = re.compile(r"^(?:[\d一二三四五六七八九十]{1,2}[、.)]|\(\w{1,2}\))")


def _numbered(doc: Passage, figure: Figure) -> bool:
    """True when the count's label opens a numbered item ("\n2、投诉359件")."""
    start = doc.label_start(figure)
    before = doc.norm[max(doc.norm.rfind("\n", 0, start) + 1, start - 5):start]
    return bool(re.search(r"(?:^|[;。\s])\s*(?:[\d一二三四五六七八九十]{1,2}[、.)]|\(\w{1,2}\))\s*$", before))


def _item_label(doc: Passage, figure: Figure) -> str:
    """A count's label without an item number or heading words before the name ("1、咨询" -> 咨询)."""
    return _NUMBERED.sub("", core_label(doc.label(figure)).strip())


def named_totals(doc: Passage) -> Iterator[tuple[Figure, tuple[str, ...], list[Figure]]]:
    """(total, the names its label lists, the counts of its level in the next sentences) for each
    total whose label names its parts."""
    for total in doc.figures:
        if total.is_percent or total.approx or not (names := _names(doc.wide_label(total))):
            continue
        sentences = [s for s in doc.sentences if s.start >= doc.sentence_of(total).end][:SENTENCES_AFTER]
        if sentences:
            yield total, names, [f for f in doc.figures_in(Span(sentences[0].start, sentences[-1].end))
                                 if not f.is_percent and doc.depth(f) == doc.depth(total)]


def named_part_breakdowns(doc: Passage) -> list[Breakdown]:
    """Each total whose label names its parts, with the counts the next sentences state for them."""
    out = []
    for total, names, later in named_totals(doc):
        parts: list[Figure] = []
        for name in names:
            hits = [f for f in later if f.unit == total.unit and _item_label(doc, f) == name
                    and (not parts or f.start > parts[-1].start)]
            if len(hits) != 1 or len([f for f in later if _item_label(doc, f) == name]) != 1:
                break
            parts.append(hits[0])
        if len(parts) == len(names):
            # numbered items ("1、咨询…；2、投诉…") are the total's own list; counts under the names in
            # plain prose may be of another period or scope ("2022年全年，咨询1000件"): a guess
            numbered = all(_numbered(doc, p) for p in parts)
            out.append(Breakdown(total, tuple(parts), "named", guessed=not numbered,
                                 note="" if numbered else "按名称取后文的各数为分项（推测）"))
    return out


def named_part_bounds(doc: Passage, claims: Sequence[Claim]) -> list[Claim]:
    """"受理咨询、投诉、举报94177件。……全年受理的41178件投诉中…；还受理举报5767件": a later count of
    one name of a total that names its parts (its label ends with the name, or the name follows it)
    is a part of it, bounded by it (hard), when the names' counts do not all appear (a sum then)."""
    have = bounded_pairs(claims) | {(part, c.whole) for c in claims if c.kind == "sum" for part in c.parts}
    out = []
    for total, names, counts in named_totals(doc):
        if len(names) < 3 and not has_total_marker(doc.wide_label(total)):
            continue  # "政策文件及解读162条" names one thing, not a total of two
        later = [f for f in counts if not f.approx and same_kind(f.unit, total.unit)]
        for name in names:
            hits = [f for f in later if core_label(doc.label(f)).endswith(name) or doc.words_after(f).startswith(name)]
            if len(hits) == 1 and hits[0].value <= total.value and (hits[0].value, total.value) not in have:
                out.append(bound_claim(doc, hits[0], total, "hard", f"“{name}”是前文合计所列的一项，不应多于合计"))
    return out
