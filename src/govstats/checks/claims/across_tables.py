"""Tables laid across: a line of names and, under it, a line of as many numbers ("占道经营　商业噪音
……　其它" over "4　6　……　90"), after a sentence that states the whole and says a split follows
("正在受理的45件，分类如下："). The cells are the whole's parts (the sentence names what they
split): their sum is checked against it, and a cell under 合计 is a stated total of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span
from govstats.checks.claims.records import Claim
from govstats.checks.claims.splits import counts
from govstats.checks.claims.sums import Breakdown, sum_claim
from govstats.checks.claims.text_tables import CELL, CELL_BREAK, TOTAL_ROWS, cell_figures

#: A sentence saying the split of its count follows in the lines below.
FOLLOWS = re.compile(r"(?:分类|分布|构成|情况|明细)?如下\s*[:：]?\s*$")


def across_sums(doc: Passage) -> list[Claim]:
    """The sum claim of every table laid across under a sentence that announces it (see the
    module docstring)."""
    lines, pos = [], 0
    for line in doc.text.splitlines(keepends=True):
        lines.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    claims = []
    for (lead_start, lead_end), (names_start, names_end), (row_start, row_end) in zip(lines, lines[1:], lines[2:]):
        lead = doc.norm[lead_start:lead_end].strip()
        names = [p for p in CELL_BREAK.split(doc.norm[names_start:names_end].strip()) if p]
        cells = row_cells(doc, row_start, row_end)
        if not FOLLOWS.search(lead) or len(names) < 2 or len(cells) != len(names) or any(re.search(r"\d", n) for n in names):
            continue
        wholes = counts(doc, Span(lead_start, lead_end))
        if not wholes:
            continue
        whole = wholes[-1]
        cells = [replace_unit(c, whole.unit) for c in cells]
        parts = tuple(c for c, n in zip(cells, names) if not n.startswith(TOTAL_ROWS))
        totals = [c for c, n in zip(cells, names) if n.startswith(TOTAL_ROWS)]
        claims += [sum_claim(doc, Breakdown(total, parts, "table")) for total in [whole, *totals[:1]] if len(parts) >= 2]
    return claims


def row_cells(doc: Passage, start: int, end: int) -> list[Figure]:
    """The numbers of a line of numbers only (each a whole count), else []."""
    found: list[Figure] = []
    pos = start
    for piece in filter(None, CELL_BREAK.split(doc.norm[start:end])):
        at = doc.norm.find(piece, pos)
        match = CELL.match(piece)
        if match is None or match.group("word") or "%" in piece or "、" in match.group("series"):
            return []
        found += cell_figures(doc.text, match.group("series"), at, match.group("unit") or "")
        pos = at + len(piece)
    return found


def replace_unit(figure: Figure, unit: str) -> Figure:
    """A bare cell counted in its whole's unit."""
    return replace(figure, unit=figure.unit or unit)
