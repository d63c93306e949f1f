"""Totals and the parts the text lists for them: in a bracket after the total, after a colon,
or before a closing 共计.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govstats.checks.claims.exhaustive import short_of
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span, items_of
from govstats.checks.claims.records import Claim, claim_from
from govstats.checks.claims.splits import BARE_DONE, same_kind, semicolon_pieces
from govstats.checks.claims.verdicts import sum_verdict
from govstats.checks.claims.words import (
    CATCH_ALL,
    SUBSET_WORDS,
    TOTAL_WORDS,
    core_label,
    figure_list,
)


@dataclass(frozen=True)
class Breakdown:
    """A total and the parts the text lists for it."""

    total: Figure
    parts: tuple[Figure, ...]
    how: str  # bracket | colon | closing | recap
    #: The whole is only a guess (see Listing.guessed): the sum passes or is unverifiable.
    guessed: bool = False
    note: str = ""


def single_count(doc: Passage, item: Span, unit: str, depth: int) -> Figure | None:
    """The one figure of ``unit`` (or a kindred unit of things received or published: 条 beside 篇)
    an item holds at ``depth``, or None if it holds not exactly one."""
    found = [f for f in doc.figures_in(item) if doc.depth(f) == depth]
    if len(found) != 1 or not same_kind(found[0].unit, unit):
        return None
    return found[0]


def bracket_breakdown(doc: Passage, total: Figure) -> Breakdown | None:
    """A total followed by a bracket that lists its parts (and no percentages)."""
    inside = doc.bracket_after_noun(total)
    if inside is None:
        return None
    depth = doc.depth(total) + 1
    if any(f.is_percent for f in doc.figures_in(inside)):
        return None
    content = doc.norm[inside.start:inside.end]
    lead = re.match(r"\s*(?:其中|含|包括)\s*[,:]?", content)
    start = inside.start + (lead.end() if lead else 0)
    items = joined_names(doc, items_of(doc.norm, doc.depths, start, inside.end, depth))
    texts = [doc.norm[i.start:i.end] for i in items]
    if len(items) < 2 or any("各" in t or t.strip().startswith(SUBSET_WORDS) or "不含" in t for t in texts):
        return None
    parts = [single_count(doc, item, total.unit, depth) for item in items]
    if any(p is None for p in parts):
        return None
    if lead and short_of(total, parts) and not any(w in content for w in CATCH_ALL):  # type: ignore[arg-type]
        return None  # "（其中投诉类7.1万件、咨询类28.6万件）" short of 36.2万: some kinds only
    return Breakdown(total, tuple(parts), "bracket")  # type: ignore[arg-type]


def joined_names(doc: Passage, items: list[Span]) -> list[Span]:
    """Items without the words a 、 joins to the next item's name ("省、市交办18632件", "政策、规范性
    文件类24条"): one label, not two items."""
    return [i for i in items if doc.figures_in(i) or doc.norm[i.end:i.end + 1] != "、"]


def leading_parts(doc: Passage, items: list[Span], unit: str, depth: int, backwards: bool = False) -> list[Figure]:
    """Figures of the first items that each hold exactly one count of ``unit`` (the last item may
    join two by 和: "…、87项和15项"; read ``backwards`` from a closing total, that is the first)."""
    parts, nested = [], False
    for item in items:
        if "各" in doc.norm[item.start:item.end]:
            # "甲、乙各5件" counts several names at once: no list; "…，各占总量的43.28%、…" right after
            # the counts only ends it ("建议和求助各占25%" names more parts: no list)
            if parts and doc.norm[item.start:item.end].lstrip(" ,").startswith("各") and not any(
                    not f.is_percent for f in doc.figures_in(item)):
                break
            return []
        # "A 344件，其中已办结328件；B 354件": from 其中 to the semicolon, parts of the item before
        opens = doc.norm[item.start:item.end].lstrip().startswith(SUBSET_WORDS)
        nested = (nested and doc.norm[item.start - 1] != ";") or (bool(parts) and opens)
        if nested:
            continue
        part = single_count(doc, item, unit, depth)
        if part is None and parts and any(w in doc.norm[item.start:item.end] for w in CATCH_ALL):
            return []  # "…，咨询200件，其余为建议和求助": the rest, not counted: the list is no split of its total
        if part is None:
            plain = [f for f in doc.figures_in(item) if doc.depth(f) == depth and not f.is_percent]
            if len(plain) >= 2 and all(f.unit == unit for f in plain) and all(
                    re.search(r"和|及|与|以及", doc.norm[a.end:b.start]) for a, b in zip(plain, plain[1:])):
                parts += plain[::-1] if backwards else plain  # "…、「并无过错」87项和「虚假不确」15项"
                if backwards:
                    continue
            elif len(plain) >= 2:
                return []  # an item of several counts: no plain list (a sum of the items before would be short)
            break
        if parts and BARE_DONE.fullmatch(doc.label(part)):
            continue  # "甲类4076件，已处理4076件；乙类…": the done count of the item before, no part
        parts.append(part)
    return parts


def colon_breakdown(doc: Passage, total: Figure) -> Breakdown | None:
    """A total followed by a colon and a list of its parts ("超期件18件：A 1件、B 4件")."""
    if doc.after(total, 1) != ":":
        return None
    colon = doc.norm.index(":", total.end)
    depth = doc.depth(total)
    sentence = doc.sentence_of(total)
    parts = leading_parts(doc, joined_names(doc, items_of(doc.norm, doc.depths, colon + 1, sentence.end, depth)),
                          total.unit, depth)
    return Breakdown(total, tuple(parts), "colon") if len(parts) >= 2 else None


def closing_breakdown(doc: Passage, total: Figure) -> Breakdown | None:
    """A list of counts closed by a stated total ("A 3件、B 5件，共计8件")."""
    label = core_label(doc.label(total))
    if label not in TOTAL_WORDS:
        return None
    clause, depth = doc.clause_of(total), doc.depth(total)
    items = joined_names(doc, items_of(doc.norm, doc.depths, clause.start, doc.label_start(total), depth))
    parts = leading_parts(doc, list(reversed(items)), total.unit, depth, backwards=True)
    colon = doc.norm.rfind(":", clause.start, doc.label_start(total))
    if len(parts) < 2 and colon >= 0 and doc.depths[colon] == depth:
        # "各县依次为：甲区74件，乙县40件，…，合计292件": the items since the colon, past a heading
        items = joined_names(doc, items_of(doc.norm, doc.depths, colon + 1, doc.label_start(total), depth))
        parts = leading_parts(doc, list(reversed(items)), total.unit, depth, backwards=True)
        if len(parts) != len([i for i in items if doc.norm[i.start:i.end].strip(" ,、;")]):
            parts = []  # an item holding no count or several: not a plain list closed by its total
    return Breakdown(total, tuple(reversed(parts)), "closing") if len(parts) >= 2 else None


def piece_closing_breakdown(doc: Passage, total: Figure) -> Breakdown | None:
    """"完成A项目148个，中标价40.04亿元；完成B项目24个，成交价8889.15万元；合计完成交易额40.98亿元":
    a piece opening with 合计/共计/总计 closes the semicolon pieces before it in its sentence, each of
    which holds exactly one count of the total's unit (beside counts of other units)."""
    if doc.depth(total) != 0 or not doc.label(total).startswith(("合计", "共计", "总计")):
        return None
    pieces = semicolon_pieces(doc, doc.sentence_of(total))
    last = next((p for p in pieces if p.holds(total.start)), None)
    if last is None or doc.norm[last.start:doc.label_start(total)].strip(" ,"):
        return None  # the total must open its piece
    # "甲区受理100件；乙区受理200件；合计办结250件": a total of another measure than its pieces
    result = re.search(r"办结|答复|回复|解决|满意", doc.label(total))
    if result and not all(result.group() in doc.norm[p.start:p.end] for p in pieces[:pieces.index(last)]):
        return None
    parts = []
    for piece in pieces[:pieces.index(last)]:
        found = [f for f in doc.figures_in(piece) if doc.depth(f) == 0 and f.unit == total.unit]
        if len(found) != 1 or found[0].is_percent:
            return None
        parts.append(found[0])
    return Breakdown(total, tuple(parts), "closing") if len(parts) >= 2 else None


def recap_breakdown(doc: Passage, total: Figure) -> Breakdown | None:
    """"…大洼区4226件、98.06%，盘山县1922件…。以上县区合计受理诉求1.56万件。": a sentence opening
    with 以上 totals the counts of its unit the sentence before lists."""
    sentence = doc.sentence_of(total)
    head = doc.norm[sentence.start:total.start]
    if not head.lstrip().startswith("以上") or not re.search(r"合计|共计|总计|共", head):
        return None
    if any(not f.is_percent for f in doc.figures_in(Span(sentence.start, total.start))):
        return None
    earlier = [s for s in doc.sentences if s.end <= sentence.start]
    if not earlier:
        return None
    parts = [f for f in doc.figures_in(earlier[-1]) if not f.is_percent and doc.depth(f) == 0]
    if len(parts) < 2 or any(p.unit != total.unit or p.approx for p in parts):
        return None
    return Breakdown(total, tuple(parts), "recap")


def breakdowns(doc: Passage) -> list[Breakdown]:
    """Every total the text states together with its parts."""
    found = []
    for figure in doc.figures:
        if figure.is_percent:
            continue
        for finder in (bracket_breakdown, colon_breakdown, closing_breakdown, piece_closing_breakdown, recap_breakdown):
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
                          message="合计或分项为约数（余、多、以上），无法精确核对",
                          parts=tuple(p.value for p in parts), whole=total.value)
    verdict, difference, message = sum_verdict(total, parts)
    note = breakdown.note
    if breakdown.guessed and verdict != "pass":
        return claim_from(doc, span, kind="sum", stated=total.value, decimals=None, unit=total.unit,
                          formula=formula, computed=None, verdict="unverifiable", difference=None,
                          message=f"按推测的整体核对不相符（{message}），不作为错误", note=note,
                          parts=tuple(p.value for p in parts), whole=total.value)
    if verdict == "fail" and breakdown.how == "bracket" and "其中" in doc.norm[total.end:parts[0].start]:
        note = "括号内以“其中”列出分项，按全部分项核对；若所列并非全部分项，此差额不是错误"
    return claim_from(doc, span, kind="sum", stated=total.value, decimals=None, unit=total.unit,
                      formula=formula, computed=sum(p.value for p in parts), verdict=verdict,
                      difference=difference, message=message, note=note,
                      parts=tuple(p.value for p in parts), whole=total.value)
