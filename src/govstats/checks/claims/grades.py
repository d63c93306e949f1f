"""Counts of one answer in several grades (非常满意, 满意, 基本满意): a rate of that answer does not
say which grades it counts, so no single grade is its numerator.
"""

from __future__ import annotations

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.words import GRADES
from govstats.reference.claim_rules import RateRule


def other_grade(doc: Passage, rule: RateRule, numerator: list[Figure], before: list[Figure],
                denominator: Figure) -> Figure | None:
    """Another count of the same answer in another grade ("其中非常满意143282条，满意235条，满意率100%"),
    when one of the two labels grades it: which grades the rate counts is not said."""
    if len(numerator) != 1:
        return None
    mine = doc.label(numerator[0])
    for other in before:
        if other is numerator[0] or other is denominator or other.unit != numerator[0].unit:
            continue
        label = doc.label(other)
        for term in rule.numerator_terms:
            if (term in mine and term in label and not any(w in label for w in rule.exclude)
                    and any(f"{g}{term}" in label or f"{g}{term}" in mine for g in GRADES)):
                return other
    return None


def grades_unclear(doc: Passage, rule: RateRule, numerator: list[Figure], before: list[Figure],
                   denominator: Figure) -> str:
    """Why the rate cannot be checked when another grade of its answer is counted too, else ""."""
    graded = other_grade(doc, rule, numerator, before, denominator)
    if graded is None:
        return ""
    return (f"{rule.name}：分子口径不明，“{doc.label(graded)}”{graded.shown} 与“{doc.label(numerator[0])}”"
            f"{numerator[0].shown} 都是这一答复，未说计入哪些")
