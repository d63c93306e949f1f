"""Shares of one list that all miss their whole the same way: "受理7698件，居前六位的分别是住房公积金
702件（占9.9%）、村务公开565件（占7.9%）…" prints every share about 8% above 702/7698, 565/7698 …,
and one base of about 7100 gives them all. Such shares were taken over a base the text does not
print (the cases of some other scope), not misprinted one by one, so none fails: each is
unverifiable and says which base fits them. One share alone off, shares no single base fits, or
shares right over the sum of the listed parts (the stated whole is then what is off) still fail.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from govstats.checks.claims.numbers import format_number
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.records import Claim
from govstats.checks.claims.verdicts import half_unit

#: Fewest failing shares of one whole before one other base for all of them means anything.
MIN_SHARES = 3


def common_base(shares: Sequence[Claim]) -> tuple[int, int] | None:
    """The whole bases (lowest, highest) every share's numerator gives its printed share over,
    rounded at its printed precision; None when there is none."""
    low, high = 1, math.inf
    for claim in shares:
        part, points, half = sum(claim.parts), claim.stated, half_unit(claim.decimals)
        if part <= 0 or points - half <= 0:
            return None
        low = max(low, math.ceil(100 * part / (points + half) - 1e-9))
        high = min(high, math.floor(100 * part / (points - half) + 1e-9))
    return (low, int(high)) if low <= high else None


def rebased(doc: Passage, claims: Sequence[Claim]) -> list[Claim]:
    """The claims, with the failed shares of one whole in one sentence made unverifiable when at
    least MIN_SHARES of them fail and one other base fits every one."""
    groups: dict[tuple[int, float], list[int]] = {}
    for n, claim in enumerate(claims):
        if claim.kind == "share" and claim.whole and claim.parts and claim.unit == "%":
            sentence = doc.enclosing(doc.sentences, claim.start)
            groups.setdefault((sentence.start, claim.whole), []).append(n)
    out = list(claims)
    for (_, whole), members in groups.items():
        shares = [claims[n] for n in members]
        if len(shares) < MIN_SHARES or any(c.verdict != "fail" for c in shares):
            continue
        base, listed = common_base(shares), sum(sum(c.parts) for c in shares)
        # over the sum of the listed parts they are right: the stated whole is then what is off
        # (a list of every kind adding to less than its total), and the shares fail with it
        if base is None or base[0] <= whole <= base[1] or base[0] <= listed <= base[1]:
            continue
        fits = format_number(base[0]) if base[0] == base[1] else f"{format_number(base[0])}–{format_number(base[1])}"
        for n in members:
            part = format_number(sum(claims[n].parts))
            out[n] = replace(claims[n], verdict="unverifiable", difference=None, whole=None, computed=None,
                             formula=f"{part} / ?",
                             message=f"这 {len(shares)} 项占比都不是对 {format_number(whole)} 算的，却都与约 {fits} "
                                     "的基数相符：分母应是文中未印出的另一个数，无法核对",
                             note=claims[n].message)
    return out
