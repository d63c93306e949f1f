"""The parts one list gives for its whole: the list cut into items (at semicolons, else at , and 、),
each item's first count of the whole's unit (once for each name before 各), the share printed beside
it, and whether the list splits the whole (a sum) or names only some of its parts.
"""

from __future__ import annotations

import re

from govstats.checks.claims.exhaustive import (
    mixed_and_off,
    of_one_result,
    overlapping,
    names_a_family,
    whole_names_its_parts,
    short_of,
    two_above_half,
)
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span, items_of
from govstats.checks.claims.splits import (
    BARE_DONE,
    Listing,
    counts,
    is_done,
    semicolon_pieces,
    spread_over,
)
from govstats.checks.claims.wholes import kindred
from govstats.checks.claims.words import CATCH_ALL, OTHER_PERIOD, core_label

SHARE_LABEL = re.compile(r"^(?:(?:占|占比|所占比例|比重|占比为|占比达)?(?:[^,;]{0,12}的)?|占[^,;的]{1,12}的?(?:比例|比重)(?:为|是|达)?)$")



def item_spans(doc: Passage, span: Span) -> list[Span]:
    """Items of a list: cut at semicolons when it has any, else at , and 、."""
    pieces = semicolon_pieces(doc, span)
    if len(pieces) > 1:
        first = items_of(doc.norm, doc.depths, pieces[0].start, pieces[0].end, doc.depth_at(span.start))
        # "甲类200件，办结180件；": the counts of the list's unit (a sum of money beside one item,
        # "挽回经济损失1014.68万元", is a remark on it, not a second column)
        unit = next((f.unit for f in counts(doc, pieces[0])), None)
        widths = [len([f for f in counts(doc, piece, unit) if not BARE_DONE.fullmatch(doc.label(f))])
                  for piece in pieces]
        respective = any("分别" in doc.label(f) for f in counts(doc, pieces[0]))  # "留言量分别为5条、4条；回复量分别为…"
        if not respective and (len([i for i in first if counts(doc, i)]) < 2 or all(w == widths[0] for w in widths)
                               or nested_pieces(doc, pieces)):
            return pieces
        return first  # "其中A 495件，B 11件；506件全部按期回复": the list is the first clause
    return items_of(doc.norm, doc.depths, span.start, span.end, doc.depth_at(span.start))


#: Words after an item's own count that open the item's own sub-list ("机构类20条，内含领导成员10条、…").
SUB_LIST = re.compile(r"\s*,?\s*(?:其中|内含|包括|含|主要(?:有|是|为|包括))")


def nested_pieces(doc: Passage, pieces: list[Span]) -> bool:
    """"其中机构类20条，内含甲10条、乙4条；工作类11条，其中丙3条…；政策类4条；民生类8条": three or more
    pieces, each one count in its first item, and whatever follows it in the piece a sub-list of its
    own: the pieces are the items, each piece's first count a part."""
    def own_count_then_sub_list(piece: Span) -> bool:
        items = items_of(doc.norm, doc.depths, piece.start, piece.end, doc.depth_at(piece.start))
        if len(counts(doc, items[0])) != 1:
            return False
        return len(items) == 1 or bool(SUB_LIST.match(doc.norm, items[0].end + 1))
    return len(pieces) >= 3 and all(own_count_then_sub_list(p) for p in pieces)


def shares_in(doc: Passage, item: Span, part: Figure) -> list[tuple[Figure, Figure]]:
    """Percentages of an item that state the share of its part ("占60%", "（25.0%）")."""
    found = []
    for figure in doc.figures_in(item):
        if figure.unit != "%" or figure.start < part.end:
            continue
        gap = doc.norm[part.end:figure.start]
        # "投诉459件，同比降低22.99%，环比降低19.47%，占比24.27%": a share in a clause of its own
        # after the item's changes is still the item's
        own = doc.label(figure).startswith("占") and re.search(r"[,;]\s*$", doc.norm[:doc.label_start(figure)])
        if any(w in gap for w in ("率", "同比", "环比", "比上", "较上", "增长", "下降", "提高", "减少")) and not own:
            continue
        same_depth = doc.depth(figure) == doc.depth(part)
        # "咨询类400件（占40%）": a share alone in the part's bracket
        bracketed = gap.strip().startswith("(") and re.fullmatch(r"\(\s*(?:占|占比)?(?:为)?\s*", gap.strip())
        if (same_depth and SHARE_LABEL.match(doc.label(figure))) or bracketed:
            found.append((figure, part))
    return found


def listing(doc: Passage, whole: Figure, span: Span, how: str, partial: bool, kin: bool = False,
            items: list[Span] | None = None) -> Listing | None:
    """The parts (first count of the whole's unit in each item) of the list in ``span``; of any
    kindred unit of counts when ``kin`` (a whole the list's share names: 个 and 条 beside 件).
    ``items`` are the list's items when its cue cuts them (numbered items), else ``item_spans``."""
    parts, shares, closed, measured, spread = [], [], False, [], []
    after_list: Figure | None = None
    foreign, last, rated = [], -1, []
    for number, item in enumerate(item_spans(doc, span) if items is None else items):
        words = doc.norm[item.start:item.end].lstrip(" ,:")
        if number and words.startswith("其中"):
            break  # "已答复30件，其中予以公开10件…": the rest are parts of the item before
        # "占比率达80.80%" is a share spelled as a rate; a rate after two counts of its item
        # ("投诉882件，……已办结反馈538件，办结反馈率61%") is the item's own, over its own counts
        if any(f.is_percent and core_label(doc.label(f)).endswith("率") and not core_label(doc.label(f)).endswith("比率")
               and len(counts(doc, Span(item.start, f.start))) < 2 for f in doc.figures_in(item)):
            rated.append(number)
        # a count of another period ("较2023年的3,000宗") is no part of this one's list
        found = [f for f in counts(doc, item, None if kin else whole.unit)
                 if f is not whole and (not kin or kindred(f.unit, whole.unit)) and not OTHER_PERIOD.search(doc.label(f))]
        if not found and parts and (alone := share_item(doc, item, parts[-1])):
            shares.append((alone, parts[-1]))  # "甲类30件，占60%，乙类20件，占40%": the share is its own item
            continue
        if not found:
            if counts(doc, item):
                foreign.append(number)  # an item counted in another unit
            continue
        if parts and BARE_DONE.fullmatch(doc.label(found[0])) and not is_done(doc, parts[-1]):
            measured.append((found[0], parts[-1]))  # "有效信件4076件，已处理4076件": done of the part
            after_list = found[0]
            break
        last = number
        closed = any(w in words for w in CATCH_ALL)  # the rest closes a list as its last item only
        joined = [found[0]]  # "网上30件和自助10件": counts joined by 和/及 are parts each
        for nxt in found[1:]:
            gap = doc.norm[joined[-1].end:nxt.start]
            if not re.search(r"(?:和|及|以及)[^和及]*$", gap) and not parallel_items(doc, joined[-1], nxt, gap):
                break
            joined.append(nxt)
        for part in joined:  # "杜集区政府、市税务局及市城管局各1件": one part for each name
            fewest, most = spread_over(doc, part)
            parts += [part] * most
            spread += [(part, most - fewest)] if most > fewest else []
        # "甲类200件，办结180件；乙类…": a done count later in the item measures its part (an item
        # with a rate of its own leaves the reading of its whole to the rate)
        if not any(f.is_percent for f in doc.figures_in(item)):
            measured += [(f, joined[-1]) for f in found[len(joined):] if BARE_DONE.fullmatch(doc.label(f))][:1]
        for part in joined:
            shares += shares_in(doc, item, part)
    if not parts:
        return None
    # names before 各 that 及/和 may join or belong to: the reading that adds up is taken, and when
    # neither does the count of names is unsure, so the sum never fails
    unsure = False
    if spread:
        fewer = sum(p.value for p in parts) - sum(p.value * extra for p, extra in spread)
        if abs(fewer - whole.value) < 1e-9 and abs(sum(p.value for p in parts) - whole.value) > 1e-9:
            for part, extra in spread:
                for _ in range(extra):
                    parts.remove(part)
        else:
            unsure = abs(sum(p.value for p in parts) - whole.value) > 1e-9
    # an item in another unit among the parts (not a remark after them) leaves the list incomplete
    # a rate among the items ("可网办1700项，网办率94.4%，全程网办1500项") lists measures, not a split
    exhaustive = (len(parts) >= 2 and not partial and not any(n < last for n in foreign + rated)
                  and not overlapping(whole, shares) and not two_above_half(whole, parts)
                  and not of_one_result(doc, whole, parts) and (closed or not short_of(whole, parts) or names_a_family(doc, whole, parts)
                                                                       or whole_names_its_parts(doc, whole, parts))
                  and not mixed_and_off(whole, parts))
    note = "“各”前的名称个数不确定（“及”“和”可能是名称的一部分），不作为错误" if unsure else ""
    shared = {part for _, part in shares}
    bare = [p for p in parts if p not in shared]
    if exhaustive and len(shared) >= 3 and len(bare) == 1 and bare[0] is not parts[-1]:
        # "上报1831件，占92.76%；返工103件；受理舆情27件，占1.37%；…": every item but one prints its
        # share of the whole; the one without is a remark (cases sent back), not a part
        parts = [p for p in parts if p is not bare[0]]
        unsure = True
        note = f"所列各项只有 {bare[0].shown}（{doc.label(bare[0])}）未印出占比，不计入分项（推测）"
    if exhaustive and after_list is not None and ";" not in doc.norm[span.start:span.end]:
        # "其中咨询300件，投诉200件和举报500件，及时办结980件": after a list that splits its whole,
        # a done item of its own is of the whole, not of the last part
        measured = [(done, part) for done, part in measured if done is not after_list]
    return Listing(whole, tuple(parts), tuple(shares), how, exhaustive=exhaustive, measured=tuple(measured),
                   note=note, guessed=unsure)


def share_item(doc: Passage, item: Span, part: Figure) -> Figure | None:
    """The share an item holding nothing else states for the part of the item before it ("占60%")."""
    figures = doc.figures_in(item)
    if len(figures) != 1 or figures[0].unit != "%" or doc.depth(figures[0]) != doc.depth(part):
        return None
    label = doc.label(figures[0])
    return figures[0] if label.startswith("占") and SHARE_LABEL.match(label) else None


def parallel_items(doc: Passage, first: Figure, second: Figure, gap: str) -> bool:
    """"丙单位发布信息2500，丁单位发布信息1500条" inside one item of a list cut at semicolons: two
    counts of the same noun after a comma are two parts."""
    tail = doc.label(first)[-2:]
    return gap.startswith(",") and len(tail) == 2 and doc.label(second).endswith(tail)
