"""A claim and its record: the JSON record, the frame and the ledger check of each claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import pandas as pd

from govstats.checks.claims.prose import Passage, Span
from govstats.checks.ledger import Check, ledger_frame

CLAIM_COLUMNS = ["kind", "text", "start", "end", "stated", "decimals", "unit", "formula",
                 "computed", "verdict", "difference", "message", "note"]


@dataclass(frozen=True)
class Claim:
    """One checkable statement of the text and its verdict (see the module docstring)."""

    kind: str
    text: str
    start: int
    end: int
    stated: float
    decimals: int | None
    unit: str
    formula: str
    computed: float | None
    verdict: str
    difference: float | None
    message: str
    note: str = ""
    #: The operands as figures: a sum's parts, a ratio's numerator figures, a change's (from, to),
    #: a bound's lesser; ``whole`` is a sum's total, a ratio's denominator, a bound's greater.
    parts: tuple[float, ...] = ()
    whole: float | None = None


def claim_from(doc: Passage, span: Span, **fields: object) -> Claim:
    """A Claim whose text is ``span`` of the original text."""
    return Claim(text=doc.text_of(span), start=span.start, end=span.end, **fields)  # type: ignore[arg-type]


def claims_to_records(claims: Iterable[Claim]) -> list[dict[str, object]]:
    """Claims as JSON-able dicts with the keys of ``CLAIM_COLUMNS``, in that order."""
    return [{key: asdict(claim)[key] for key in CLAIM_COLUMNS} for claim in claims]


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """One row per claim, columns in ``CLAIM_COLUMNS`` order."""
    return pd.DataFrame(claims_to_records(claims), columns=CLAIM_COLUMNS)


def severity_of(verdict: str) -> str:
    """Ledger severity of a verdict: pass/fail are error checks, warn/unverifiable warnings."""
    return "error" if verdict in ("pass", "fail") else "warning"


def ledger_check(claim: Claim) -> Check:
    """One claim as a ledger record (expected = stated, actual = computed)."""
    message = f"{claim.formula}：{claim.message}" + (f"（{claim.note}）" if claim.note else "")
    return Check(f"claim:{claim.kind}", claim.text, claim.stated, claim.computed, claim.difference,
                 severity_of(claim.verdict), claim.verdict, message)


def claims_ledger(claims: Iterable[Claim]) -> pd.DataFrame:
    """Claims in the project's ledger shape (checks.ledger.LEDGER_COLUMNS), failures first."""
    return ledger_frame(ledger_check(c) for c in claims)
