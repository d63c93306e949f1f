"""Measure: indicators of a month (rates, shares, concentration), the history of built months,
trends over them, and published indicators against their targets."""
