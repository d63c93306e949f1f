"""The claims a reading of a percentage yields: a share over given parts and whole, a figure printed
without what it needs (unverifiable, with its label), and a guessed reading, which never fails: it
passes, or is unverifiable with a note saying what was guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.records import Claim, claim_from
from govstats.checks.claims.verdicts import TRUNCATED, exact_operands, percent_claim
from govstats.checks.claims.words import figure_list


def unverifiable(doc: Passage, figure: Figure, kind: str, label: str, why: str, note: str = "") -> Claim:
    """A percentage listed as a claim that cannot be checked from the text."""
    return claim_from(doc, doc.clause_of(figure), kind=kind, stated=figure.value, decimals=figure.decimals,
                      unit=figure.unit, formula=f"{label or '?'} = ?", computed=None, verdict="unverifiable",
                      difference=None, message=f"“{label}”{figure.text}：{why}", note=note)


def guarded(claim: Claim, guessed: str) -> Claim:
    """A guessed reading that does not pass becomes unverifiable (it never fails), and its guessed
    whole is dropped from the record: arithmetic that disagrees leaves the whole unknown. A share
    printed truncated with two decimals or more (80.919% as 80.91%) keeps its warning: a wrong
    whole would not miss by exactly the dropped digit. A whole percent or one decimal is not that
    narrow: 3618 of 13043 (27.74%) against a printed 27% is as likely a near rival whole (办结 for
    受理) as a truncation."""
    truncated = claim.verdict == "warn" and TRUNCATED in claim.message and (claim.decimals or 0) >= 2
    if not guessed or claim.verdict in ("pass", "unverifiable") or truncated:
        return claim if not guessed else noted(claim, guessed)
    top = claim.formula.rsplit(" / ", 1)[0] if " / " in claim.formula else claim.formula
    return noted(claim, guessed, verdict="unverifiable", computed=None, difference=None, whole=None,
                  formula=f"{top} / ?", message=f"按推测的读法核对不相符（{claim.message}），不作为错误")


def noted(claim: Claim, note: str, **changes: object) -> Claim:
    """The claim with ``note`` added to its note (and any fields in ``changes`` replaced)."""
    fields = {**claim.__dict__, "note": "；".join(n for n in (claim.note, note) if n), **changes}
    return Claim(**fields)  # type: ignore[arg-type]


def share_of(doc: Passage, figure: Figure, parts: Sequence[Figure], whole: Figure, note: str = "") -> Claim:
    """The percentage ``figure`` read as the parts over the whole (unverifiable over an estimate)."""
    top = f"({figure_list(parts)})" if len(parts) > 1 else figure_list(parts)
    operands = (tuple(p.value for p in parts), whole.value)
    common: dict[str, Any] = {"kind": "share", "span": doc.clause_of(figure), "formula": f"{top} / {whole.shown}",
                              "note": note, "operands": operands}
    if whole.approx or any(p.approx for p in parts):
        # an estimate (已超过2489万件) is no operand: the record keeps only the exact ones
        return percent_claim(doc, figure, part=None, whole=None, missing="分子或分母为约数，无法精确核对",
                             **{**common, "operands": exact_operands(parts, whole)})
    return percent_claim(doc, figure, part=sum(p.value for p in parts), whole=whole.value,
                         slack=(sum(p.resolution for p in parts), whole.resolution), **common)
