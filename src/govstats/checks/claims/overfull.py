"""A part-of-a-whole percentage printed above 100% ("按时办结率为20230%", "占比120%"): whatever its
parts, no part is larger than its whole, so the bound ≤ 100% is a claim of its own and fails.
A named rate whose bound is soft in rates.csv (办结率: cases carried over from the month before
may be closed too) only warns above 100%, as its computed form does. A change or an unknown
…率 (增长率, 提速率) may exceed 100% and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govstats.checks.claims.numbers import Figure, format_number
from govstats.checks.claims.percentages import rate_rule_for
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.records import Claim, claim_from
from govstats.checks.claims.words import SHARE_WORDS, TIME_QUALIFIERS
from govstats.reference.claim_rules import RateRule

#: Words that qualify a rate's cases (按时办结率 is of 办结, not of 受理): such a rate never passes 100%.
QUALIFIED = re.compile(rf"(?:{'|'.join(TIME_QUALIFIERS)})[^，。；、]{{0,4}}率$")


def overfull(doc: Passage, figure: Figure, label: str, claim: Claim, rules: Sequence[RateRule]) -> Claim | None:
    """The failed bound of a share or named rate above 100% that could not be computed, or None."""
    if (figure.unit != "%" or figure.approx or figure.value <= 100 or claim.verdict != "unverifiable"
            or claim.kind not in ("rate", "share")):
        return None
    rule = rate_rule_for(label, rules)
    if (rule is None and not label.endswith((*SHARE_WORDS, "比例"))) or (rule is not None and rule.bound == "none"):
        return None  # a rate over a target (完成率) may pass 100%
    # a qualified form of a soft rate (提前办结率, 限时办结率) counts within its own cases: hard
    soft = rule is not None and rule.bound == "soft" and not QUALIFIED.search(label)
    stated = format_number(figure.value)
    message = (f"“{label}”{figure.text}：超过100%，可能含上期结转" if soft
               else f"“{label}”{figure.text}：部分占整体的比例不能超过100%")
    return claim_from(doc, doc.clause_of(figure), kind="bound", stated=figure.value, decimals=figure.decimals,
                      unit="%", formula=f"{stated}% ≤ 100%", computed=100.0, verdict="warn" if soft else "fail",
                      difference=figure.value - 100, message=message,
                      note=claim.message, parts=(figure.value,), whole=100.0)
