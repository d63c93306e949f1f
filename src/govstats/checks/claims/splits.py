"""The pieces lists are made of: the Listing record, counts of cases, done and remaining counts,
the split of a total by status ("收到350件，已办结290件，尚在办理60件"), and where a list ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span, items_of
from govstats.checks.claims.words import TIME_QUALIFIERS, has_total_marker

DONE = ("已办结", "已完成", "处理完毕", "办理完毕", "已答复", "已回复", "按期回复", "按时回复", "按时结案", "按期办结", "办结", "完成", "答复",
        "已解决")
REMAINING = ("尚在办理", "正在", "另有", "其余", "未办结", "逾期", "超时", "结转", "剩余", "尚未", "办理中", "在办", "未解决", "未回复", "未答复", "未完成", "未处理",
             "转至下", "转入下", "转下月")
#: Units of things received as cases (a letter counted in 封 is a case counted in 件), or published (篇, 期 beside 条).
CASE_UNITS = ("件", "封", "条", "宗", "单", "份", "起", "件次", "批次", "篇", "期")


@dataclass(frozen=True)
class Listing:
    """A whole, the parts a list gives for it, and each share printed beside a part."""

    whole: Figure
    parts: tuple[Figure, ...]
    shares: tuple[tuple[Figure, Figure], ...]  # (percentage, its part)
    how: str  # qizhong | heading | status
    exhaustive: bool
    note: str = ""
    #: The whole is the first of several counts of a sentence before: a mismatch is no error.
    guessed: bool = False
    #: (done count, the part it measures): "其中有效信件4076件，已处理4076件" ends the list there.
    measured: tuple[tuple[Figure, Figure], ...] = ()


#: A done word with no noun of its own ("已处理", "已及时办理"): the done count of the item before it.
BARE_DONE = re.compile(r"(?:其中)?(?:(?:已|均已|全部|已全部)?(?:及时|按时|按期|限时)?(?:完成)?"
                       r"(?:办结|处理|回复|答复|办复|解决|完成|办理完毕|处理完毕)|(?:已|均已)(?:及时|按时|按期|限时)?办理)")


def same_kind(unit: str, other: str) -> bool:
    """True for one unit, or two units of cases (件 and 封)."""
    return unit == other or (unit in CASE_UNITS and other in CASE_UNITS)


def counts(doc: Passage, span: Span, unit: str | None = None, depth: int = 0) -> list[Figure]:
    return [f for f in doc.figures_in(span) if not f.is_percent and doc.depth(f) == depth
            and (unit is None or same_kind(f.unit, unit))]


_DONE = re.compile("|".join(DONE))
#: 结转 (carried over) but not 办结 + 转派 ("办结转派工单": closed transferred cases).
_REMAINING = re.compile("|".join(w if w != "结转" else "(?<!办)结转" for w in REMAINING))


def context(doc: Passage, figure: Figure) -> str:
    return doc.label(figure) + doc.words_after(figure)


def is_done(doc: Passage, figure: Figure) -> bool:
    """True for a done count ("已办结290件"), not a remaining one ("未办结10件")."""
    return bool(_DONE.search(context(doc, figure))) and not _REMAINING.search(context(doc, figure))


def status_whole(doc: Passage, before: list[Figure], done: Figure, taken: set[Figure]) -> tuple[Figure | None, bool]:
    """The total a done count and the rest split: the nearest count before them that is no listed
    part and not smaller than the done count (a count smaller than a part is a sibling, "市级部门
    承办1500个，乡镇承办900个，…已办结2390个"; the whole found past one is only a guess). A carry-over
    on the way ("上年结转10件") leaves it unknown."""
    skipped = False
    for figure in reversed(before):
        if figure.unit != done.unit or figure in taken:
            continue
        if _REMAINING.search(context(doc, figure)):
            return None, False
        if figure.value < done.value:
            skipped = True
            continue
        return figure, skipped
    return None, False


def status_listings(doc: Passage, sentence: Span, taken: set[Figure]) -> list[Listing]:
    """"收到350件，已办结290件，尚在办理60件": a done count and the rest, parts of the total right
    before them."""
    found = []
    here = counts(doc, sentence)
    for i, (done, rest) in enumerate([*pairwise(here), *bracket_rests(doc, here)]):
        i = here.index(done)
        if done in taken or rest.unit != done.unit:
            continue
        if not _DONE.search(context(doc, done)) or not _REMAINING.search(context(doc, rest)):
            continue
        if (any(w in doc.label(done) for w in TIME_QUALIFIERS)
                and not any(w in context(doc, rest) for w in ("逾期", "超期", "超时", "延期"))):
            continue  # "按期办结10324件，结转2175件": on time and carried over leave out those closed late
        whole, guessed = status_whole(doc, here[:i], done, taken)
        if whole is None and not i and is_done(doc, done):
            # "…共59件。…本年办结56件，结转下年3件": the paragraph's total, when they add up to it
            earlier = counts(doc, Span(doc.paragraph_of(done).start, sentence.start), done.unit)
            whole, guessed = status_whole(doc, earlier, done, taken)[0], True
            if whole is not None and whole.value != done.value + rest.value:
                whole = None
        if whole is not None:
            note = f"取前文不小于分项的 {whole.shown}（{doc.label(whole)}）为整体（属推测）" if guessed else ""
            found.append(Listing(whole, (done, rest), (), "status", exhaustive=True, note=note, guessed=guessed))
    return found


def bracket_rests(doc: Passage, here: list[Figure]) -> list[tuple[Figure, Figure]]:
    """"办结3780件（另有291件转至下月办结）": a done count and the one remaining count of the bracket
    right after it."""
    out = []
    for done in here:
        inside = doc.bracket_after(done)
        rest = counts(doc, inside, done.unit, doc.depth(done) + 1) if inside is not None else []
        if len(rest) == 1:
            out.append((done, rest[0]))
    return out


def semicolon_pieces(doc: Passage, span: Span) -> list[Span]:
    """``span`` cut at its semicolons outside brackets (one piece when it has none)."""
    key = ("pieces", span.start, span.end)
    if key not in doc.memo:
        doc.memo[key] = _pieces(doc, span)
    return doc.memo[key]  # type: ignore[return-value]


def _pieces(doc: Passage, span: Span) -> list[Span]:
    if ";" not in doc.norm[span.start:span.end]:
        return [span] if doc.norm[span.start:span.end].strip() else []
    text = doc.norm[span.start:span.end]
    outer = [i for i, ch in enumerate(text) if ch == ";" and doc.depths[span.start + i] == 0]
    return [s for s in (Span(a, b) for a, b in zip([span.start] + [span.start + i + 1 for i in outer],
                                                   [span.start + i for i in outer] + [span.end]))
            if doc.norm[s.start:s.end].strip()]


def enumeration(doc: Passage, span: Span) -> Span:
    """The list after 其中: when its first items are joined by 、 ("其中A类1160条、B类1859条、C类40条，
    各单位已办结…"), it ends at the first comma or semicolon after them."""
    items = items_of(doc.norm, doc.depths, span.start, span.end, doc.depth_at(span.start))
    if items and not counts(doc, items[0]):
        return span  # "其中承接中央、省级、市级设定事项212项，…": 、 joins words of a label, not counts
    for number, item in enumerate(items[:-1]):
        if doc.norm[item.end] != "、":
            if number < 1:
                return span
            # "…94条、…107条，政策文件24条，政策解读39条": items of one plain count each go on past the comma
            unit = counts(doc, items[0])[0].unit
            last = next((n for n, later in enumerate(items[number + 1:], number + 1)
                         if not plain_item(doc, later, unit)), len(items))
            return Span(span.start, items[last - 1].end if last > number + 1 else item.end)
    return span


def plain_item(doc: Passage, item: Span, unit: str) -> bool:
    """True for an item of one count of ``unit`` after a name, no done count, share or other figure."""
    found = doc.figures_in(item)
    return (len(found) == 1 and not found[0].is_percent and found[0].unit == unit and doc.label(found[0]) != ""
            and not is_done(doc, found[0]) and not re.match(r"\s*(?:另|此外|同时|其中|共|合计)", doc.norm[item.start:item.end].lstrip(",")))


def semicolon_run(doc: Passage, span: Span, sentence: Span) -> Span:
    """"其中甲端9958条，占比40.16%；乙端6358条，占比25.64%；…": when the list's first item, to its
    semicolon, is one count (with its share), the items run on through the pieces of one count after it."""
    def one_with_share(piece: Span) -> bool:
        return len(counts(doc, piece)) == 1 and any(f.is_percent for f in doc.figures_in(piece))

    def one_alone(piece: Span) -> bool:  # "园林处7件，主要是行道树折枝；市政处4件，…": one count, no share
        found = counts(doc, piece)
        return (len(found) == 1 and len(doc.figures_in(piece)) == 1 and doc.label(found[0]) != ""
                and not is_done(doc, found[0]) and not re.match(r"\s*(?:另|此外|同时)", doc.norm[piece.start:piece.end]))

    pieces = semicolon_pieces(doc, Span(span.start, sentence.end))
    if len(pieces) >= 3 and one_alone(pieces[0]):
        # three or more pieces of one plain count each (a done count or an 另有 piece ends the run)
        ones = next((i for i, p in enumerate(pieces[1:]) if not one_alone(p)), len(pieces) - 1)
        return Span(span.start, pieces[ones].end) if ones >= 2 else span
    if len(pieces) < 2 or not one_with_share(pieces[0]):
        return span
    ones = next((i for i, p in enumerate(pieces[1:]) if not one_with_share(p)), len(pieces) - 1)
    return Span(span.start, pieces[ones].end) if ones else span


def larger_total(doc: Passage, span: Span, items: list[Figure]) -> tuple[Figure | None, str]:
    """"共收到2400个，A承办1500个，B承办900个，其中求助类1000个、投诉类1200个…": the count before
    其中 is smaller than one of the parts, so the list splits the sentence's total (a guess)."""
    largest = max(f.value for f in items)
    total = next((f for f in counts(doc, span, items[0].unit) if has_total_marker(doc.label(f))
                  and f.value >= largest and not f.approx), None)
    if total is None:
        return None, ""
    return total, f"“其中”前的数小于分项，取本句的总数 {total.shown}（{doc.label(total)}）为整体（属推测）"


def qizhong_parts(doc: Passage) -> frozenset[Figure]:
    """Counts after 其中 to its semicolon that are smaller than the count before it ("受理46983件，其中
    电话46908个，信箱7件，网上受理68件"): parts of that count, listed or not (units may differ)."""
    key = ("qizhong parts",)
    if key not in doc.memo:
        found: set[Figure] = set()
        for match in re.finditer("其中", doc.norm):
            if doc.depths[match.start()] != 0:
                continue
            sentence = doc.enclosing(doc.sentences, match.start())
            before = counts(doc, Span(sentence.start, match.start()))
            piece = next((p for p in semicolon_pieces(doc, sentence) if p.holds(match.start())), sentence)
            if before:
                found |= {f for f in counts(doc, Span(match.end(), piece.end)) if f.value < before[-1].value}
        doc.memo[key] = frozenset(found)
    return doc.memo[key]  # type: ignore[return-value]


def opening(doc: Passage, sentence: Span) -> str:
    return doc.norm[sentence.start:sentence.end].lstrip(" \u3000")


def previous_sentence(doc: Passage, sentence: Span) -> Span | None:
    paragraph = doc.enclosing(doc.paragraphs, sentence.start)
    earlier = [s for s in doc.sentences if s.end <= sentence.start and s.start >= paragraph.start]
    return earlier[-1] if earlier else None


#: Words of a list that names only the largest items: its parts are not the whole.
PARTIAL = ("主要", "集中在", "居前", "前三", "前五", "前十", "排名", "排在", "位列")
#: A span of time that opens with 前 ("前三季度", "前10个月"): a period, not the top items.
_FIRST_PERIOD = re.compile(r"前[一二三四五六七八九十\d]{1,2}个?(?:季度|月份?|年|周|天)")


def is_partial(doc: Passage, span: Span) -> bool:
    """True when the list (outside its brackets) says it names only the largest items."""
    outside = "".join(ch for pos, ch in enumerate(doc.norm[span.start:span.end], span.start) if doc.depths[pos] == 0)
    # "园林处7件，主要是行道树折枝": 主要 right after an item's count says what the item holds
    outside = re.sub(r"(?<=[件条个宗次项起单份人户]),主要(?:是|为|涉及|反映)", ",", outside)
    outside = _FIRST_PERIOD.sub("", outside)
    return any(w in outside for w in PARTIAL)


#: "甲、乙及丙各1件": a count right after 各 (or 各为, 各有) stands once for each name before it.
_EACH = re.compile(r"各\s*(?:为|有|计)?\s*$")
#: Where the names before 各 begin: a stop, a bracket, a colon, or 其中/分别.
_NAMES_BREAK = re.compile(r"[,;:()。!?\n]|其中|分别|包括")


def spread_over(doc: Passage, part: Figure) -> tuple[int, int]:
    """How many names a count after 各 stands for: (fewest, most). "杜集区政府、市税务局及市城管局各1件"
    names three when 及 joins names and two when it is a word of the last name (海事及水务局), so the
    names joined by 、 are the fewest and those joined by 、, 及 or 和 the most; (1, 1) without 各."""
    if "各" not in doc.norm[max(part.start - 4, 0):part.start]:
        return 1, 1  # the cheap test first: most counts follow no 各
    start = doc.label_start(part)
    if not _EACH.search(doc.norm[start:part.start]):
        return 1, 1
    floor = max((f.end for f in doc.figures if f.end <= start), default=0)
    pos = start
    while pos > floor and not _NAMES_BREAK.match(doc.norm, pos - 1) and not doc.norm.startswith(("其中", "分别", "包括"), pos - 2):
        pos -= 1
    names = "".join(ch for i, ch in enumerate(doc.norm[pos:part.start], pos) if doc.depths[i] == doc.depth(part))
    names = _EACH.sub("", names)
    if not names.strip(" 、"):
        return 1, 1
    fewest = len([n for n in names.split("、") if n.strip()])
    return fewest, len([n for n in re.split(r"、|及|和|以及|与", names) if n.strip()])


_NOUN_IN = re.compile(r"^[\u4e00-\u9fff]{0,6}中$")


def in_whole(doc: Passage, whole: Figure) -> bool:
    """True when the count heads its list by 中 ("218宗个案中，"): the parts after it lie inside it."""
    return bool(_NOUN_IN.match(doc.words_after(whole)))
