"""Percentages said to be above a floor: "有4项服务的满意度在90%以上，依次为甲（95.1%）、乙（94.2%）",
"经济发展与交通也有过半市民满意，分别为56%与52%".

A floor is a percentage followed by 以上 (or the words 过半/逾半, 50%) in a piece of a sentence
(up to ; or 。) that holds exactly one floor. The figures it bounds are the percentages of that
piece that stand alone in a bracket ("（95.1%）") or follow 分别为/依次为 after the floor; two at
least, so that a share printed beside a floor ("8个单位在90%以上（占61.5%）") is never taken for an
item. Each item is no lower than the floor (floor ≤ item, hard).
"""

from __future__ import annotations

import re

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span

#: Words that set a floor of one half.
_HALF = re.compile(r"过半|逾半|超过半数|超过一半")
_ABOVE = re.compile(r"^\s*以上")
_EACH = re.compile(r"(?:分别|依次)(?:为|是)")


def floor_items(doc: Passage, piece: Span) -> tuple[Figure, list[Figure]] | None:
    """The one floor of a piece of a sentence and the percentages it bounds, or None."""
    percents = [f for f in doc.figures_in(piece) if f.is_percent and not f.is_points]
    floors = [f for f in percents if _ABOVE.match(doc.norm[f.end:piece.end])]
    text = doc.norm[piece.start:piece.end]
    halves = [m for m in _HALF.finditer(text)]
    if len(floors) + len(halves) != 1:
        return None
    if floors:
        floor = floors[0]
    else:
        m = halves[0]
        floor = Figure(50.0, "%", piece.start + m.start(), piece.start + m.end(), m.group(), 0)
    each = _EACH.search(doc.norm, floor.end, piece.end)
    items = [f for f in percents if f is not floor and not f.approx
             and (alone_in_bracket(doc, f) or (each is not None and f.start >= each.end()))]
    return (floor, items) if len(items) >= 2 else None


def alone_in_bracket(doc: Passage, figure: Figure) -> bool:
    """True for "（95.1%）": the figure is all its bracket holds."""
    before, after = doc.norm[:figure.start].rstrip(), doc.norm[figure.end:].lstrip()
    return before.endswith("(") and after.startswith(")")


def floor_pairs(doc: Passage) -> list[tuple[Figure, Figure]]:
    """(floor, item) for every percentage listed under a floor."""
    pairs = []
    for piece in doc.clauses:
        text = doc.norm[piece.start:piece.end]
        if ("以上" in text or _HALF.search(text)) and (found := floor_items(doc, piece)) is not None:
            floor, items = found
            pairs += [(floor, item) for item in items]
    return pairs
