"""A whole split two ways in prose, as a table laid out in sentences: "共收到7607件，其中投诉件6409件，
举报件1198件。按来源分：甲平台共收到2829件，其中投诉件2029件，举报件800件；乙热线共收到4266件，
其中投诉件4069件，举报件197件；其他渠道512件，其中投诉件311件，举报件201件。"

When a whole's list splits it into parts (投诉件, 举报件) and another list splits it into items each
split again under the same names, each name's counts over the items add to the whole's count of
that name (2029 + 4069 + 311 = 6409): the cells of one column of the table the sentences write.
"""

from __future__ import annotations

from collections.abc import Sequence

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.splits import Listing
from govstats.checks.claims.sums import Breakdown
from govstats.checks.claims.words import clean_part_label, core_label


def _names(doc: Passage, parts: Sequence[Figure]) -> tuple[str, ...]:
    return tuple(clean_part_label(core_label(doc.label(p))) for p in parts)


def crossed_sums(doc: Passage, listings: Sequence[Listing]) -> list[Breakdown]:
    """A sum for each name of a whole's split whose items each split under the same names."""
    exhaustive = [found for found in listings if found.exhaustive and not found.guessed and len(found.parts) >= 2]
    out: list[Breakdown] = []
    for across in exhaustive:
        rows = [next((f for f in exhaustive if f.whole is item), None) for item in across.parts]
        if any(row is None for row in rows):
            continue
        names = _names(doc, rows[0].parts)  # type: ignore[union-attr]
        if len(set(names)) != len(names) or any(len(name) < 2 for name in names) or any(
                _names(doc, row.parts) != names for row in rows if row is not None):
            continue
        by_name = next((f for f in exhaustive if f.whole is across.whole and f is not across
                        and _names(doc, f.parts) == names), None)
        if by_name is None:
            continue
        note = f"按“{'、'.join(names)}”分列的各项之和，对应前文 {across.whole.shown} 的同名分项"
        out += [Breakdown(total, tuple(row.parts[n] for row in rows if row is not None), "crossed", note=note)
                for n, total in enumerate(by_name.parts)]
    return out
