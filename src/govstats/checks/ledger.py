"""The ledger: one record per check (expected, actual, difference, severity, status), and its summary.

Table checks and prose claims share this shape, so a report, a CSV and a scheduler read one
list of what adds up and what does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import pandas as pd

LEDGER_COLUMNS = [
    "check", "scope", "expected", "actual", "difference", "severity", "status", "message", "profile",
]


STATUS_ORDER = {"fail": 0, "warn": 1, "unverifiable": 2, "pass": 3}


#: "info" records say what was deliberately not checked (a column of averages is not a sum).
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Check:
    """One ledger record: what was expected, what was found, and how serious a miss is."""

    check: str
    scope: str
    expected: object
    actual: object
    difference: float | int | None
    severity: str  # error | warning
    status: str  # pass | fail | warn | unverifiable
    message: str
    profile: str = ""


def ledger_frame(checks: Iterable[Check]) -> pd.DataFrame:
    """Ledger records as a DataFrame, failures first (errors before warnings), stable order."""
    frame = pd.DataFrame([asdict(c) for c in checks], columns=LEDGER_COLUMNS, dtype=object)
    if frame.empty:
        return frame
    key = frame["status"].map(STATUS_ORDER).fillna(9) * 10 + frame["severity"].map(SEVERITY_ORDER).fillna(9)
    return frame.assign(_k=key).sort_values("_k", kind="stable").drop(columns="_k").reset_index(drop=True)


def ledger_summary(ledger: pd.DataFrame) -> dict[str, int]:
    """Counts a scheduler or index page needs: checks, passed, failed errors, warnings, and
    the checks that could not be made (unverifiable)."""
    summary = {"checks": 0, "passed": 0, "errors": 0, "warnings": 0, "unverifiable": 0}
    if ledger.empty:
        return summary
    status, severity = ledger["status"], ledger["severity"]
    summary.update(
        checks=int(len(ledger)),
        passed=int((status == "pass").sum()),
        errors=int(((status != "pass") & (severity == "error")).sum()),
        warnings=int(((status == "warn") | ((status == "fail") & (severity == "warning"))).sum()),
        unverifiable=int((status == "unverifiable").sum()),
    )
    return summary


def has_errors(ledger: pd.DataFrame) -> bool:
    """True when any error-severity check failed."""
    return ledger_summary(ledger)["errors"] > 0


def in_words(text: str, headers: dict[str, str]) -> str:
    """A rule over measure codes in the table's own headers ("办理总数 = 中心办理 + ..."; 合计.x is
    the total row's x)."""
    def word(token: str) -> str:
        for prefix in ("合计.", "-"):  # the total row's x; a fall in x
            if token.startswith(prefix) and token[len(prefix):] in headers:
                return prefix + headers[token[len(prefix):]]
        return headers.get(token, token)

    return " ".join(word(token) for token in text.split())
