"""Lists of parts and the whole they belong to, read from the cues bulletins use.

A list follows 其中/包括 inside a sentence ("…171件，其中前台办结70件、网络转办101件"), opens a
sentence with 其中 (its whole is the total stated in the sentence before), sits under a heading
("按主题分，" "从来信类型看，" "工单分类为：") whose whole is the paragraph's current total, under a
heading that names or states its whole ("派出的601件中，" "已答复的申请中，"), or splits a total by
status ("已办结290件，尚在办理60件"), or is numbered after a colon ("情况如下：1. 甲局63宗；2. …").
The items of each are read in items.py: each item's first count of the whole's unit (or of another unit of cases: 封 beside 件) is a part,
once for each name before 各 ("乙局、丙局及丁局各1件"), and a share printed in the item ("占60%",
"（25.0%）") is that part over the list's one whole. A list is read as the whole split (a sum) only when nothing
says otherwise: parts short of the whole need a closing 其他/其余 item, a rate among the items or
parts that are all done counts make it a list of measures, and a whole that is one of several
counts of the sentence before is only a guess (its sum never fails).
"""

from __future__ import annotations

import re
from dataclasses import replace

from govstats.checks.claims.agreeing import is_change_count
from govstats.checks.claims.continued import continued_end
from govstats.checks.claims.exhaustive import overlapping
from govstats.checks.claims.headings import exact_total_before, heading_before, total_above
from govstats.checks.claims.items import item_spans, listing
from govstats.checks.claims.numbered import numbered_items, numbered_whole, plain_items
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.percentages import has_own_share
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.beside_qizhong import second_unit_part, with_also
from govstats.checks.claims.splits import (
    Listing,
    counts,
    enumeration,
    is_partial,
    larger_total,
    opening,
    previous_sentence,
    same_kind,
    semicolon_pieces,
    semicolon_run,
    status_listings,
)
from govstats.checks.claims.subsets import (
    bracket_subsets,
    paired_bounds,
    parallel_listings,
    row_listings,
    total_row_listings,
)
from govstats.checks.claims.wholes import (
    behind_a_rate,
    kindred,
    named_whole,
    named_whole_of,
    share_names,
)
from govstats.checks.claims.words import TOTAL_WORDS, core_label, has_total_marker

#: A sentence opening with one of these lists parts of a total stated before it.
HEADING = re.compile(r"^(?:(?:若|如|如果|另)?(?:按|从|分|就)[^,:;。]{0,14}?(?:分析|分|看|来看|划分|统计)\s*[,:]|[^,:;。]{0,14}?"
                     r"(?:分类为|分类|类型为)\s*[,:]|[^,:;。]{0,14}?(?:结果|来源|渠道|情况|分布|构成)\s*:"
                     # "在受理案件分布地区方面，": the aspect a split is by (a plain "在质量方面，" is none)
                     r"|在[^,:;。]{0,14}?(?:分布|来源|渠道|构成|类别|类型)[^,:;。]{0,6}?方面\s*,)")
#: A sentence opening "X中，" (or "在X里，"): the list's whole is stated in X or named by it.
IN_WHOLE = re.compile(r"^(?P<head>[^,:;。]{1,20}?)(?:中|里|当中)(?:\s*[,:]|(?=[按已未在]))")
#: A sentence opening "各X分别为：" lists the parts of the earlier count X names.
NAMING = re.compile(r"^各?(?P<name>[^,:;。]{2,20}?)(?:分别为|分别是|依次为|依次是)\s*:")
#: 当中 opening a clause ("…1840宗，当中投诉875宗") is 其中; inside words ("在办理当中") it is none.
#: Words before a figure that state a floor ("突破1008万"): the figure bounds what it is a part of.
FLOOR = re.compile(r"(?:超过|突破|逾)\s*$")
SUBSET = re.compile(r"(?:其中|(?<![\u4e00-\u9fff])当中|包括|内含|(?<![\u4e00-\u9fff])含(?=[\u4e00-\u9fff])|(?:主要)?集中在|分别为|分别是|(?<![\u4e00-\u9fff])按[^,;:。\d]{1,8}分为)\s*[,:]?")
def enumerated(doc: Passage, first: Figure, second: Figure) -> bool:
    """True when two counts are items of one enumeration ("甲信箱来信40件、乙信箱来信43件"): joined
    by 、 and labelled with the same noun."""
    gap = doc.norm[first.end:second.start]
    ends = {doc.label(f)[-2:] for f in (first, second)}
    return "、" in gap and not any(ch in gap for ch in ",;。") and len(ends) == 1 and len(ends.pop()) == 2


def current_whole(doc: Passage, sentence: Span | None, unit: str, hops: int = 0) -> Figure | None:
    """The total a sentence states (its first count of ``unit``); through sentences that only
    list parts (其中…, headings) to the total they belong to."""
    if sentence is None or hops > 4:
        return None
    head = opening(doc, sentence)
    earlier = previous_sentence(doc, sentence)
    start = sentence.end - len(head)
    # "从来源看，受理的9230件办件中…": the heading's sentence names the whole of later headings
    if ((heading := HEADING.match(head)) and (inner := re.match(r"\s*(?P<head>[^,:;。]{1,20}?)中", head[heading.end():]))
            and (inside := counts(doc, Span(start + heading.end(), start + heading.end() + inner.end("head")), unit))):
        return inside[-1]
    if HEADING.match(head) and (pinned := doc.memo.get(("pinned", sentence.start))) is not None:
        return pinned  # type: ignore[return-value]  # an earlier heading's parts add up to it
    if head.startswith("其中") or HEADING.match(head) or is_partial(doc, sentence):
        return current_whole(doc, earlier, unit, hops + 1)  # parts, or only the largest ones
    if sub := IN_WHOLE.match(head):  # "交办的来电10件中，…" states a sub-whole, unless a grand total
        named = counts(doc, Span(start, start + sub.end("head")), unit)
        if not (named and has_total_marker(doc.label(named[-1]))):
            if earlier is None and named:
                return named[-1]  # the paragraph opens with it: no total above the sub-whole
            return current_whole(doc, earlier, unit, hops + 1)
    found = counts(doc, sentence, unit)
    # an item of an enumeration is a part, not the paragraph's total
    totals = [f for i, f in enumerate(found) if not any(
        enumerated(doc, *pair) for pair in ((found[i - 1], f) if i else None, (f, found[i + 1]) if i + 1 < len(found) else None)
        if pair)]
    if found:
        return totals[0] if totals else None
    return current_whole(doc, earlier, unit, hops + 1)


def sentence_listings(doc: Passage, sentence: Span) -> list[Listing]:
    """The lists that open a sentence: 其中…, a heading, or "X中，"."""
    head = opening(doc, sentence)
    start = sentence.end - len(head)
    first = next(iter(counts(doc, sentence)), None)
    if first is None:
        return []
    kin, titled = False, ""
    if head.startswith("其中"):
        earlier = previous_sentence(doc, sentence)
        whole = named_alike(doc, earlier, first) or current_whole(doc, earlier, first.unit)
        lead = SUBSET.match(head)
        how = "qizhong"
    elif match := HEADING.match(head):
        named = re.match(r"\s*(?P<head>[^,:;。]{1,20}?)中", head[match.end():])
        inside = counts(doc, Span(start + match.end(), start + match.end() + named.end("head")),
                        first.unit) if named else []
        if inside:  # "从工单类型看，38447件诉求中咨询类19651件…": the heading's sentence states its whole
            whole, lead = inside[-1], re.match(re.escape(head[:match.end() + named.end()]), head)
        else:
            whole, lead = current_whole(doc, previous_sentence(doc, sentence), first.unit), match
            if whole is None and (whole := first_named_whole(doc, Span(start + match.end(), sentence.end))):
                kin = True
            whole = whole or total_above(doc, sentence, Span(start + match.end(), sentence.end))
        how = "heading"
    elif (match := NAMING.match(head)) and (whole := named_whole_of(doc, match.group("name"), [first])):
        lead, how = match, "heading"  # "各市州留言量分别为：…": the heading names an earlier count
    elif match := IN_WHOLE.match(head):
        inside = counts(doc, Span(start, start + match.end("head")), first.unit)
        whole = inside[-1] if inside else named_whole(doc, sentence, match.group("head"), first.unit)
        if whole is None:  # "群众反映的热点中，…": a heading over the paragraph's total
            whole = current_whole(doc, previous_sentence(doc, sentence), first.unit)
        if whole is None and previous_sentence(doc, sentence) is None:
            whole = named_whole(doc, sentence, match.group("head"), first.unit, above=True)
        lead, how = match, "heading"
    elif (heading := heading_before(doc, sentence)) is not None:
        # "（二）来源渠道。电话受理2176宗，来函受理73宗，…": a heading of its own names the split
        whole, lead, how = exact_total_before(doc, heading, Span(start, sentence.end)), re.match("", head), "heading"
        titled = doc.norm[heading.start:heading.end].strip(" 。:")
    else:
        return []
    if whole is None or lead is None:
        return []
    if how == "qizhong" and (parallel := parallel_listings(doc, sentence, Span(start + lead.end(), sentence.end),
                                                           whole.unit)):
        return parallel
    body = Span(start + lead.end(), sentence.end)
    body = Span(body.start, continued_end(doc, sentence, whole, body))
    opener = next(iter(counts(doc, body)), None)
    if (how == "heading" and opener is not None and re.search(r"(?<!公)共|合计|总计|累计", doc.label(opener))
            and not is_partial(doc, sentence) and not has_own_share(doc, opener)  # a list of the top items ("排名前五…共116件") states no total
            and not subtotal_pieces(doc, body)):
        return []  # "从渠道看，市平台共呼入19668个…": the sentence states its own total
    found = listing(doc, whole, body, how, is_partial(doc, sentence), kin)
    if found is None:
        return []
    if NAMING.match(head) and sum(p.value for p in found.parts) != whole.value:
        return [replace(found, guessed=True, note=f"按名称取前文的 {whole.shown}（{doc.label(whole)}）为整体（推测）")]
    if (whole.start < sentence.start and how == "qizhong" and not whole.approx
            and max(p.value for p in found.parts) > whole.value + whole.resolution):
        return []  # "交办1101件。其中，经应用上报3013件…": the 其中 is of a total further back, not of this count
    if whole.start < sentence.start:
        cue = "其中" if how == "qizhong" else head[:lead.end()].rstrip(",:") or titled
        rivals = rivals_of(doc, whole)
        # three or more parts adding up exactly to the whole confirm it over its rivals
        exact_self = len(found.parts) >= 3 and not whole.approx and sum(p.value for p in found.parts) == whole.value
        exact = next((f for f in rivals if len(found.parts) >= 3 and not f.approx
                      and abs(sum(p.value for p in found.parts) - f.value) < 1e-9), None)
        if exact is not None and (pinned := listing(doc, exact, body, how, is_partial(doc, sentence))):
            doc.memo[("pinned", sentence.start)] = exact  # later headings of the paragraph share it
            return [replace(pinned, note=f"“{cue}”承接前文：所列各项之和等于前文的 {exact.shown}"
                            f"（{doc.label(exact)}），取其为整体")]
        found = replace(found, note=f"“{cue}”承接前文，取前文的 {whole.shown}（{doc.label(whole)}）为整体"
                        + ("（前句另有同单位的数，属推测）" if rivals and not exact_self else ""),
                        guessed=bool(rivals) and not exact_self)
    if how == "heading" and found.exhaustive and not found.guessed:
        doc.memo.setdefault(("pinned", sentence.start), whole)  # the next heading splits the same whole
    return [found]


def subtotal_pieces(doc: Passage, body: Span) -> bool:
    """True when two or more semicolon pieces each open with a total of their own ("按来源分：甲平台共
    收到2829件，其中…；乙热线共收到4266件，其中…"): the totals are the items of the heading's list."""
    pieces = semicolon_pieces(doc, body)
    firsts = [next(iter(counts(doc, piece)), None) for piece in pieces]
    return len(pieces) >= 2 and all(f is not None and re.search(r"(?<!公)共", doc.label(f)) for f in firsts)


def named_alike(doc: Passage, earlier: Span | None, part: Figure) -> Figure | None:
    """"…收到建议两万余件，报送重要建议100余条。其中摘报报送重要建议171件": the one count of the sentence
    before whose label the part's label ends with (four characters at least) is the whole 其中 refers to,
    whatever counts stand before it."""
    if earlier is None:
        return None
    label = doc.label(part)
    alike = [f for f in counts(doc, earlier, part.unit)
             if len(name := doc.label(f)) >= 4 and label.endswith(name[-4:]) and label != name]
    return alike[0] if len(alike) == 1 else None


def first_named_whole(doc: Passage, body: Span) -> Figure | None:
    """The whole the list's first share names ("从渠道看，电话684175个，占全部诉求的95.48%"), found in
    the registry of stated wholes, for a list whose paragraph states no total of its own."""
    shares = [f for f in doc.figures_in(body) if f.is_percent]
    name = share_names(doc, shares[0]) if shares else None
    before = [f for f in counts(doc, Span(body.start, shares[0].start))] if name else []
    return named_whole_of(doc, name, before[:1]) if name and before else None


def rivals_of(doc: Passage, whole: Figure) -> list[Figure]:
    """Other counts of the whole's sentence that could be the whole of a later list: not those of
    the same value ("收到276件，已办结276件") nor the parts of a breakdown the sentence gives under a
    heading ("从性质看，受理的9230件中，投诉类4733件…": a later heading breaks down the same whole). A
    part under 其中 may be the sub-whole a later list splits (其中有效信件497件), so it stays a rival."""
    sentence = doc.sentence_of(whole)
    key = ("heading parts", sentence.start)
    if key not in doc.memo:
        found = [item for item in sentence_listings(doc, sentence) if item.how == "heading" and item.whole is whole]
        doc.memo[key] = frozenset(p for item in found for p in item.parts)
    listed = doc.memo[key]
    return [f for f in counts(doc, sentence, whole.unit) if f.value != whole.value and f not in listed  # type: ignore[operator]
            and not is_change_count(doc, f)]  # "较上期增加369件" is a difference, no whole


def inline_listings(doc: Passage, sentence: Span) -> list[Listing]:
    """"…2495件，其中A 2388件、B 107件；…": the count before 其中 and the list to the clause's end."""
    found = []
    for match in SUBSET.finditer(doc.norm, sentence.start, sentence.end):
        if doc.depths[match.start()] != 0 or match.start() <= sentence.end - len(opening(doc, sentence)):
            continue
        clause = doc.enclosing(doc.clauses, match.start())
        before = counts(doc, Span(clause.start, match.start()))
        earlier = [c for c in doc.clauses if c.end <= clause.start and c.start >= sentence.start]
        if not before and earlier and not doc.norm[clause.start:match.start()].strip():
            # "…工单245件，…；其中实际受理142件，退单103件": the one count of the clause before
            # or its closing total ("申请54件，结转上年5件，共59件；其中…")
            # of the items' unit, and no difference ("较上年增加7300万")
            unit = next((f.unit for f in counts(doc, Span(match.end(), clause.end))), None)
            stated = [c for c in counts(doc, earlier[-1], unit) if not is_change_count(doc, c)] or [
                c for c in counts(doc, earlier[-1]) if unit and kindred(c.unit, unit) and not is_change_count(doc, c)]
            closing = stated and core_label(doc.label(stated[-1])) in TOTAL_WORDS
            before = stated if len(stated) == 1 else stated[-1:] if closing else []
        after = enumeration(doc, Span(match.end(), clause.end))
        # "其中网上受理600件，按类型分，…": a heading after a comma ends the list under 其中
        after = next((Span(after.start, head.start - 1) for head in comma_headed(doc, sentence)
                      if after.start < head.start <= after.end), after)
        run = semicolon_run(doc, after, sentence) if after.end == clause.end else after
        items = counts(doc, after)
        if not before or not items:
            continue
        if len(item_spans(doc, after)) == 1 and (paired := paired_bounds(doc, before, items)):
            found += paired
            continue
        # an estimate (4300余件) or a daily average is never the whole of a list
        # (of one part a floor is a bound: "突破1008万，其中户籍用户489万"; "17万余件" is only rounded)
        whole = next((f for f in reversed(before) if kindred(f.unit, items[0].unit) and "均" not in doc.label(f)
                      and not (f.approx and (len(items) > 1 or items[0].approx or not FLOOR.search(doc.norm[:f.start])))),
                     None)
        note = ""
        if whole is not None and whole.value < max((f.value for f in items if f.unit == whole.unit), default=0):
            whole, note = larger_total(doc, Span(sentence.start, match.start()), items)
        if whole is None:
            continue
        if any(f.is_percent for f in doc.figures_in(Span(whole.end, match.start()))):
            whole, note = behind_a_rate(doc, whole, before, Span(match.end(), clause.end)) or (whole, note)
        # the items run on through the semicolons only when they split the whole
        got = listing(doc, whole, run, "qizhong", is_partial(doc, clause)) if run != after else None
        # or when each item prints its share of one whole ("其中甲80件，占66.67%；乙20件，占16.67%"), none another's
        one = (got is not None and len(got.shares) == len(got.parts) and not overlapping(whole, list(got.shares))
               and len({share_names(doc, p) for p, _ in got.shares} - {None}) < 2)
        if got is None or not (got.exhaustive or one):
            got = listing(doc, whole, after, "qizhong", is_partial(doc, clause))
        if got is None or not got.exhaustive:  # "46983件，其中电话46908个、信箱7件": kindred units, when they add up
            kin = listing(doc, whole, after, "qizhong", is_partial(doc, clause), kin=True)
            got = kin if kin is not None and kin.exhaustive else None if not same_kind(whole.unit, items[0].unit) else got
        if got is not None:
            found.append(replace(got, note=note, guessed=True) if note else got)
    return found


def comma_headed(doc: Passage, sentence: Span) -> list[Span]:
    """"本月共受理1000件，按渠道分，电话600件…": the rest of a piece from a heading after a comma
    (a count before it in the sentence), as a piece of its own."""
    found = []
    for piece in semicolon_pieces(doc, sentence):
        text = doc.norm[piece.start:piece.end]
        heads = [i for i, ch in enumerate(text) if ch == "," and doc.depths[piece.start + i] == 0
                 and HEADING.match(text[i + 1:].lstrip()) and counts(doc, Span(sentence.start, piece.start + i))]
        # each heading's list runs to the next heading ("按渠道分，…，按类型分，…": two splits)
        found += [Span(piece.start + at + 1, piece.start + nxt) for at, nxt in zip(heads, [*heads[1:], len(text)])]
    return found


def piece_listings(doc: Passage, sentence: Span) -> list[Listing]:
    """"共受理1655件，其中甲地573件；按类别分，包括咨询1127件、…": a heading opening a later piece of
    the sentence lists parts of the sentence's total (its first count)."""
    found = []
    after_comma = comma_headed(doc, sentence)
    for piece in semicolon_pieces(doc, sentence)[1:] + after_comma:
        head = doc.norm[piece.start:piece.end].lstrip()
        start = piece.end - len(head)
        first = next(iter(counts(doc, piece)), None)
        total = next(iter(counts(doc, Span(sentence.start, piece.start), first.unit)), None) if first else None
        if first is not None and opening(doc, sentence).startswith("其中"):
            # "共受理25560件。其中，来电23898件，…；按诉求类型分：…": the sentence's counts are parts;
            # the heading splits the total they split
            total = current_whole(doc, previous_sentence(doc, sentence), first.unit)
        if total is None or total.approx or not (match := HEADING.match(head)):
            continue
        lead = SUBSET.match(head, match.end()) or match
        if got := listing(doc, total, Span(start + lead.end(), piece.end), "heading", is_partial(doc, piece)):
            rivals = counts(doc, Span(total.end, piece.start), total.unit)
            if piece in after_comma and rivals:
                # "共受理1000件，办结950件，按渠道分，…": the heading may split either count
                got = replace(got, guessed=True, note=f"取本句第一个数 {total.shown} 为整体（其后另有 "
                              f"{'、'.join(f.shown for f in rivals)}，属推测）")
            found.append(got)
    return found


def numbered_listings(doc: Passage) -> list[Listing]:
    """"…74宗查询…，情况如下：\n1. 卫生局63宗；\n2. 治安警察局2宗；…": numbered items after a colon
    split the count of the colon's sentence (see ``numbered``)."""
    found = []
    for sentence, items in numbered_items(doc):
        first = next(iter(counts(doc, items[0])), None)
        if first is None or not plain_items(doc, items, first.unit):
            continue
        whole, several = numbered_whole(doc, sentence, first.unit)
        if whole is None:
            continue
        got = listing(doc, whole, Span(items[0].start, items[-1].end), "heading", is_partial(doc, sentence),
                      items=items)
        if got is not None and several:
            guess = f"冒号前一句另有同类的数，取冒号前最近的 {whole.shown}（{doc.label(whole)}）为整体（推测）"
            got = replace(got, guessed=True, note="；".join(n for n in (got.note, guess) if n))
        found += [got] if got is not None else []
    return found


def find_listings(doc: Passage) -> list[Listing]:
    """Every list of parts the text gives for a whole, in reading order."""
    out: list[Listing] = []
    for sentence in doc.sentences:
        # rows under 其中 split column by column; a list of other parts there ("其中甲事项83034件，乙事项
        # 114965件；州级中心受理16481件，…") is still read by the plain readers
        rows = row_listings(doc, sentence)
        in_rows = {p for found in rows for p in found.parts}
        plain = [with_also(doc, found) for found in sentence_listings(doc, sentence) + inline_listings(doc, sentence)
                 + second_unit_part(doc, sentence) if not in_rows & set(found.parts)]
        here = (rows + plain + bracket_subsets(doc, sentence)
                + piece_listings(doc, sentence) + total_row_listings(doc, sentence))
        # a done count and the rest split their whole even where a heading's list that is no split
        # holds them ("受理的5678件中，已办结5600件，办结率98.6%，正在办理78件": the rate keeps it open)
        open_heading = [found for found in here if found.how == "heading" and not found.exhaustive]
        taken = {p for found in here if not any(found is other for other in open_heading) for p in found.parts}
        status = status_listings(doc, sentence, taken)
        split = {p for found in status for p in found.parts}
        out += [found for found in here if not (any(found is o for o in open_heading) and split & set(found.parts))]
        out += status
    out += numbered_listings(doc)
    # a done count that measures the part before it is that part's one listed part ("done": closed
    # cases may include some carried over, so it bounds its part softly, as 办结 ≤ 受理 does)
    out += [Listing(part, (done,), (), "done", exhaustive=False) for found in list(out) for done, part in found.measured]
    return out
