"""Whether a list splits its whole: tests on the parts and the shares printed beside them.

A list is read as the whole split only when nothing says otherwise: parts in another unit of cases
that do not add up, parts short of the whole, parts that are all done counts of a whole that is not,
or shares that are right for their parts and yet add to more than the whole, or two parts that
are each more than half of it. A list that names every member of a closed classification
(``data/reference/closed_lists.csv``) splits its whole however short it falls.
"""

from __future__ import annotations

import re

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.splits import _DONE, context, is_done
from govstats.checks.claims.verdicts import half_unit
from govstats.checks.claims.words import clean_part_label, core_label


def mixed_and_off(whole: Figure, parts: list[Figure]) -> bool:
    """True when some parts are counted in another unit of cases (封 for a whole in 件) and the
    parts do not add up: the units may not count the same things, so no error is claimed, unless
    the parts in the whole's own unit alone are more than the whole (121条 of which 147条 and 2件)."""
    mixed = any(p.unit != whole.unit for p in parts)
    slack = sum(p.resolution for p in parts) + whole.resolution
    own = sum(p.value for p in parts if p.unit == whole.unit)
    return (mixed and abs(sum(p.value for p in parts) - whole.value) > slack
            and own <= whole.value + slack)


def short_of(whole: Figure, parts: list[Figure]) -> bool:
    """True when the parts add to less than the whole: a list under 其中 may name only some parts,
    so a shortfall is an error only when the list closes with the rest (其他, 其余)."""
    return sum(p.value for p in parts) + sum(p.resolution for p in parts) + whole.resolution < whole.value - 1e-9


def of_one_result(doc: Passage, whole: Figure, parts: list[Figure]) -> bool:
    """True when every part is a done count and the whole is not ("来电2423个，其中在线答复办结1240个，
    转办办结1111个"): the parts split the done cases, not the whole."""
    return all(is_done(doc, p) for p in parts) and not _DONE.search(context(doc, whole))


def overlapping(whole: Figure, shares: list[tuple[Figure, Figure]]) -> bool:
    """True when every share printed for the parts is right for its part of the whole and yet
    they add to more than the whole (beyond their rounding): "of the 55306 handled, 52740 on the
    spot, 95.4%; 55109 completed, 99.6%" lists overlapping measures of one whole, not a split of
    it, so the parts are never summed. A wrong share (36.0% for 63 of 180) says nothing of that."""
    if len(shares) < 2 or not whole.value:
        return False
    for share, part in shares:
        if abs(part.value / whole.value * 100 - share.value) > half_unit(share.decimals) + 1e-9:
            return False
    slack = sum(0.5 * 10 ** -share.decimals for share, _ in shares)
    return sum(share.value for share, _ in shares) > 100 + slack


def two_above_half(whole: Figure, parts: list[Figure]) -> bool:
    """True when two parts are each more than half of the whole ("接入2035个事项，其中1400个具备全程网办
    能力，1839个具备‘最多跑一次’能力"): a split of a whole has at most one such part, so these are
    features a case may have both of, not a split; one misprinted part alone still leaves a sum
    to fail."""
    return whole.value > 0 and sum(p.value - p.resolution > whole.value / 2 for p in parts) >= 2


def member_of(label: str, members: tuple[tuple[str, ...], ...]) -> int | None:
    """The one member of a family ``label`` names, or None when it names none or two ("不满意"
    names 不满意, not 满意: a name inside a longer matched name does not count)."""
    hits = [(n, name) for n, names in enumerate(members) for name in names if name in label]
    kept = {n for n, name in hits if not any(name != other and name in other for _, other in hits)}
    return kept.pop() if len(kept) == 1 else None


def whole_names_its_parts(doc: Passage, whole: Figure, parts: list[Figure]) -> bool:
    """True when the whole's label closes with the parts' names joined in order ("受理投诉举报78599件。
    其中投诉46413件，…；举报32186件": 投诉举报 is 投诉 and 举报): the parts are all the whole holds."""
    names = [clean_part_label(core_label(doc.label(p))) for p in parts]
    if len(names) < 2 or any(len(name) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", name) for name in names):
        return False
    joined = "[、和及与]?".join(re.escape(name) for name in names)
    # what stands before the names is a verb or a total word, never another name ("咨询投诉举报")
    return re.search(f"(?:^|{_BEFORE_NAMES}){joined}(?:等)?$", core_label(doc.wide_label(whole))) is not None


#: Words that may stand before the names a whole's label joins ("共受理投诉举报", "各类投诉举报").
_BEFORE_NAMES = "受理|收到|接收|接到|接听|登记|处理|办理|各类|共|计|的|总|全部"


def names_a_family(doc: Passage, whole: Figure, parts: list[Figure]) -> bool:
    """True when the parts' labels name every member of one closed family, each once, and the
    whole is of the kind the family classifies (its label or noun holds one of the family's words)."""
    labels = [doc.label(p) for p in parts]
    around = doc.label(whole) + doc.words_after(whole)
    for family in doc.families:
        if len(parts) != len(family.members) or not any(word in around for word in family.wholes):
            continue
        named = [member_of(label, family.members) for label in labels]
        if None not in named and len(set(named)) == len(family.members):
            return True
    return False
