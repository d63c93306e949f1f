"""Lists of one part or of parallel rows: a part in a bracket ("共375件（其中无锡重点督办74件）"), parts
paired with the whole of their noun ("376个部门的28046个项目…，其中341个部门的21606个项目"), and rows
that each repeat the counts of the sentence before ("共收到77件，已办结77件。其中，留言45件，办结45件；…"),
and a closing row that totals the rows before it ("…；两个栏目共收到20件，办理20件").
"""

from __future__ import annotations

import re

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.splits import (
    Listing,
    counts,
    previous_sentence,
    same_kind,
    semicolon_pieces,
)


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
    return [Listing(totals[j], tuple(row[j] for row in rows), (), "parallel", exhaustive=True)
            for j in range(width)]


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
