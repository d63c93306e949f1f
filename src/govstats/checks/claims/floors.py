"""Percentages said to be above a floor: "有4项服务的满意度在90%以上，依次为甲（95.1%）、乙（94.2%）",
"经济发展与交通也有过半市民满意，分别为56%与52%".

A floor is a percentage followed by 以上 (or the words 过半/逾半, 50%) in a piece of a sentence
(up to ; or 。) that holds exactly one floor. The figures it bounds are the percentages of that
piece that stand alone in a bracket ("（95.1%）") or follow 分别为/依次为 after the floor; two at
least, so that a share printed beside a floor ("8个单位在90%以上（占61.5%）") is never taken for an
item, and the text must say the floor holds for it (see ``floor_pairs``). Each such item is no
lower than the floor (floor ≤ item, hard).
"""

from __future__ import annotations

import re

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage, Span

#: Words that set a floor of one half.
_HALF = re.compile(r"过半|逾半|超过半数|超过一半")
_ABOVE = re.compile(r"^\s*以上")
_EACH = re.compile(r"(?:分别|依次)(?:为|是)")
_OF_EACH = re.compile(r"均|都")


def floor_items(doc: Passage, piece: Span) -> tuple[Figure, list[Figure], Figure | None] | None:
    """The one floor of a piece of a sentence, the percentages it bounds and the 分别为/依次为
    after it (None when there is none), or None."""
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
    return (floor, items, each) if len(items) >= 2 else None


def alone_in_bracket(doc: Passage, figure: Figure) -> bool:
    """True for "（95.1%）": the figure is all its bracket holds."""
    before, after = doc.norm[:figure.start].rstrip(), doc.norm[figure.end:].lstrip()
    return before.endswith("(") and after.startswith(")")


def floor_pairs(doc: Passage) -> list[tuple[Figure, Figure, bool]]:
    """(floor, item, sure) for every percentage the text says is above a floor: the item names
    what is above it (it stands before the floor), follows 分别为/依次为, or the floor is said of
    each (均/都 before it). "全市在99%以上，其中甲区（98.7%）、乙区（99.5%）" speaks of the whole city:
    no pair. A floor the items reach only together, as shares of one whole can ("两类占60%以上，
    分别为35%、28%": they add up to no more than 100), may be of their sum unless 均/都 says it is of
    each: ``sure`` is False for every item then, and a break is not failed."""
    pairs = []
    for piece in doc.clauses:
        text = doc.norm[piece.start:piece.end]
        if ("以上" in text or _HALF.search(text)) and (found := floor_items(doc, piece)) is not None:
            floor, items, each = found
            of_each = bool(_OF_EACH.search(doc.norm, piece.start, floor.start))
            said = [item for item in items if item.start < floor.start or of_each
                    or (each is not None and item.start >= each.end())]
            total = sum(item.value for item in said)
            together = (not of_each and floor.value <= total <= 100 + 1e-9
                        and any(item.value < floor.value for item in said))
            pairs += [(floor, item, not together) for item in said]
    return pairs
