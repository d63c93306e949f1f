"""Numbers and periods in the words a report prints: 52.43%, 86%以上, ≥35%.
"""

from __future__ import annotations

import math

from govstats.reference.published import DIRECTIONS, QUALIFIERS


def percent(value: float, decimals: int = 2) -> str:
    """A fraction as a percentage string ("52.43%"), or "—" when undefined."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value * 100:.{decimals}f}%"


def value_text(value: float, unit: str, qualifier: str = "exact") -> str:
    """A figure as published: 62.26%, 0.05次, 86%以上 (no trailing zeros)."""
    number = f"{value:,.4f}".rstrip("0").rstrip(".")
    return f"{number}{unit}{QUALIFIERS.get(qualifier, '')}"


def target_text(target: float, unit: str, direction: str) -> str:
    """A target as a bound: ≥35%, ≤0.6次."""
    return f"{DIRECTIONS.get(direction, '')}{value_text(target, unit)}"
