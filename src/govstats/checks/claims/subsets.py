"""Lists of one part or of parallel rows: a part in a bracket ("共375件（其中无锡重点督办74件）"), parts
paired with the whole of their noun ("376个部门的28046个项目…，其中341个部门的21606个项目"), rows
that each repeat the counts of the sentence before ("共收到77件，已办结77件。其中，留言45件，办结45件；…"),
rows under 其中 whose figures each name a figure of the whole's row ("交易235项，交易金额9.85亿元，其中：
工程101项，交易额8.27亿元；采购133项，交易额1.57亿元"), and a closing row that totals the rows before it
("…；两个栏目共收到20件，办理20件").
"""

from __future__ import annotations

import re

from govstats.checks.claims.exhaustive import mixed_and_off, short_of, two_above_half
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.splits import (
    Listing,
    counts,
    previous_sentence,
    same_kind,
    semicolon_pieces,
)
from govstats.checks.claims.words import core_label


def parallel_listings(doc: Passage, sentence: Span, body: Span, unit: str) -> list[Listing]:
    """"共收到77件，已办结77件。其中，留言45件，办结45件；咨询投诉32件，办结32件。": items that each
    repeat the counts of the sentence before are parts of those counts, one list per position."""
    pieces = semicolon_pieces(doc, body)
    if len(pieces) < 2:
        return []
    rows = [counts(doc, piece, unit) for piece in pieces]
    width = len(rows[0])
    totals = counts(doc, previous_sentence(doc, sentence) or Span(0, 0), unit)
    if width < 2 or any(len(row) != width for row in rows) or len(totals) < width:
        return []
    # rows short of the totals in any position are some rows only ("其中上报镇级113件…；上报市级1883件…"
    # of 9213): each is then bounded, not summed
    complete = not any(short_of(totals[j], [row[j] for row in rows]) for j in range(width))
    return [Listing(totals[j], tuple(row[j] for row in rows), (), "parallel", exhaustive=complete)
            for j in range(width)]


#: Units of money (万元 and 亿元 are read as 元): a sum of money is matched to its whole by name,
#: never by its unit alone.
MONEY = ("元",)


def shared_run(one: str, other: str) -> int:
    """Length of the longest run of characters two labels share (交易额 and 交易金额: 2)."""
    return max((n for i in range(len(one)) for n in range(1, len(one) - i + 1) if one[i:i + n] in other), default=0)


def row_whole(doc: Passage, figure: Figure, row: list[Figure]) -> Figure | None:
    """The figure of the whole's row a part's figure stands for: the one of its unit whose label
    shares the longest run (two characters at least) with the part's, or the only one of its unit
    when that is a count (a sum of money must be named: 招标控制价 is not the 成交金额)."""
    same = [f for f in row if same_kind(f.unit, figure.unit)]
    label = core_label(doc.label(figure))
    scored = sorted(((shared_run(label, core_label(doc.label(f))), n) for n, f in enumerate(same)), reverse=True)
    if scored and scored[0][0] >= 2 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return same[scored[0][1]]
    return same[0] if len(same) == 1 and figure.unit not in MONEY else None


def row_pieces(doc: Passage, body: Span) -> list[Span]:
    """The rows of a list: its semicolon pieces, or, with none, its pieces each closed by a rate
    ("窗口受理14717件、办结14666件，办结率99.7%，统一平台受理12470件、办结12100件，办结率97%")."""
    pieces = semicolon_pieces(doc, body)
    if len(pieces) > 1:
        return pieces
    rows, start = [], body.start
    for figure in doc.figures_in(body):
        if figure.is_percent and doc.depth(figure) == 0 and figure.end > start:
            comma = doc.norm.find(",", figure.end, body.end)
            end = comma if comma >= 0 else body.end
            rows.append(Span(start, end))
            start = end + 1
    if start < body.end and counts(doc, Span(start, body.end)):
        rows.append(Span(start, body.end))
    return rows if len(rows) > 1 else []


def row_listings(doc: Passage, sentence: Span) -> list[Listing]:
    """"完成交易235项，交易金额9.8519亿元，节约金额0.1968亿元，其中：工程建设项目101项，交易额8.2655亿元，
    节约金额0.1488亿元；政府采购项目133项，交易额1.5697亿元，…": rows under 其中 that each give
    figures of several units (or several measures) are parts, figure by figure, of the whole's row
    before 其中 (in its sentence, or the sentence before when 其中 opens the sentence); one list per
    figure of the whole's row, a sum when the parts are not short of it, else a bound for each."""
    text = doc.norm[sentence.start:sentence.end]
    cue = text.find("其中")
    if cue < 0 or doc.depths[sentence.start + cue] != 0:
        return []
    cue += sentence.start
    whole_row = counts(doc, Span(sentence.start, cue))
    if not whole_row and doc.norm[sentence.start:cue].strip(" ,"):
        return []
    body = Span(cue + 2, sentence.end)
    if not whole_row:
        whole_row = counts(doc, previous_sentence(doc, sentence) or Span(0, 0))
        if whole_row and parallel_listings(doc, sentence, body, whole_row[0].unit):
            return []  # rows that repeat the sentence before figure for figure: read there
    pieces = row_pieces(doc, body)
    if any("其中" in doc.norm[piece.start:piece.end] for piece in pieces[1:]):
        return []  # "甲受理133件次577人次，其中…；乙受理79件次122人次，其中…": siblings of the whole, each with a list
    rows = [counts(doc, piece) for piece in pieces]
    if len(rows) < 2 or not whole_row or not any(len(row) > 1 for row in rows) or any(not row for row in rows):
        return []
    columns: dict[Figure, list[Figure]] = {}
    for row in rows:
        best: dict[Figure, tuple[int, Figure]] = {}  # per figure of the whole's row, the row's figure naming it best
        for figure in row:
            if (whole := row_whole(doc, figure, whole_row)) is not None:
                score = shared_run(core_label(doc.label(figure)), core_label(doc.label(whole)))
                if whole not in best or score > best[whole][0]:
                    best[whole] = (score, figure)
        for whole, (_, figure) in best.items():
            columns.setdefault(whole, []).append(figure)
    if sum(len(parts) > 1 for parts in columns.values()) < 2:
        return []  # one column only: the plain list readers handle it
    # the rows are one list: when the rows' counts fall short of the whole's, the rows are some
    # kinds only ("交易235项，其中工程101项…；采购133项…"), and no column is a split of its whole
    complete = all(not short_of(whole, parts) for whole, parts in columns.items() if whole.unit not in MONEY)
    out = []
    for whole, parts in columns.items():
        if whole.approx or any(p.approx for p in parts):
            continue
        exhaustive = (complete and len(parts) >= 2 and not short_of(whole, parts) and not two_above_half(whole, parts)
                      and not mixed_and_off(whole, parts))
        out.append(Listing(whole, tuple(sorted(parts, key=lambda f: f.start)), (), "qizhong", exhaustive=exhaustive))
    return out


def paired_bounds(doc: Passage, before: list[Figure], items: list[Figure]) -> list[Listing]:
    """"376个部门的28046个项目…，其中341个部门的21606个项目…": each part under the whole of its noun."""
    out = []
    for part in items:
        noun = doc.norm[part.end:part.end + 2]
        whole = next((f for f in reversed(before) if f.unit == part.unit and doc.norm[f.end:f.end + 2] == noun), None)
        if whole is not None:
            out.append(Listing(whole, (part,), (), "qizhong", exhaustive=False))
    return out


def bracket_subsets(doc: Passage, sentence: Span) -> list[Listing]:
    """"共375件（其中无锡重点督办74件）": one part in a bracket, a part of the count before it."""
    out = []
    for figure in counts(doc, sentence):
        inside = doc.bracket_after_noun(figure)
        if inside is None or not doc.norm[inside.start:inside.end].lstrip().startswith(("其中", "含")):
            continue
        parts = counts(doc, inside, figure.unit, doc.depth(figure) + 1)
        if len(parts) == 1:
            out.append(Listing(figure, (parts[0],), (), "qizhong", exhaustive=False))
    return out


#: "两个栏目共受理…": the last piece of a sentence totals the pieces before it (their number given).
_TOTAL_ROW = re.compile(r"^(?:以上|上述)?(?P<n>[两二三四五六七八九十]|\d{1,2})个[^,;:]{0,12}?(?:共|合计|总计)")
_NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def total_row_listings(doc: Passage, sentence: Span) -> list[Listing]:
    """"甲栏目收到18件，办理18件；乙栏目收到2件，办理2件；两个栏目共收到20件，办理20件": the counts of
    the last piece, which says it totals as many rows as come before it, are the sums of theirs."""
    pieces = semicolon_pieces(doc, sentence)
    if len(pieces) < 3:
        return []
    last = doc.norm[pieces[-1].start:pieces[-1].end].lstrip()
    match = _TOTAL_ROW.match(last)
    if match is None or int(_NUMERALS.get(match.group("n"), match.group("n"))) != len(pieces) - 1:
        return []
    rows = [counts(doc, piece) for piece in pieces]
    totals = rows.pop()
    if any(len(row) != len(totals) for row in rows) or any(
            not same_kind(row[j].unit, totals[j].unit) for row in rows for j in range(len(totals))):
        return []
    return [Listing(totals[j], tuple(row[j] for row in rows), (), "parallel", exhaustive=True)
            for j in range(len(totals))]
