"""govstats: clean, reconcile, chart and report district government-service statistics.

The functions analysts use are available from the package itself (``from govstats import
analyse_month``): the same code the pipeline runs. They are imported lazily, so the command
line starts quickly and pays for pandas or nbconvert only when a command needs them.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: Public name -> the module that defines it.
_EXPORTS = {
    "InputError": "govstats.errors",
    "Layout": "govstats.paths",
    "project_root": "govstats.paths",
    "RawTable": "govstats.read",
    "read_table": "govstats.read",
    "read_bulletin": "govstats.read",
    "Profile": "govstats.reference",
    "Registry": "govstats.reference",
    "load_districts": "govstats.reference",
    "load_profile": "govstats.reference",
    "load_registry": "govstats.reference",
    "MonthTable": "govstats.clean",
    "tidy_month": "govstats.clean",
    "table_checks": "govstats.reconcile",
    "ledger_frame": "govstats.reconcile",
    "ledger_summary": "govstats.reconcile",
    "Claim": "govstats.claims",
    "extract_claims": "govstats.claims",
    "claims_frame": "govstats.claims",
    "claims_ledger": "govstats.claims",
    "department_indicators": "govstats.indicators",
    "district_indicators": "govstats.indicators",
    "MonthAnalysis": "govstats.analysis",
    "analyse": "govstats.analysis",
    "analyse_month": "govstats.analysis",
    "build_month": "govstats.pipeline",
    "load_history": "govstats.history",
    "department_turnover": "govstats.history",
    "district_trends": "govstats.trends",
    "department_trends": "govstats.trends",
    "department_ranks": "govstats.trends",
    "rolling_year": "govstats.trends",
    "district_trends_of": "govstats.trends",
    "load_figures": "govstats.published",
    "load_targets": "govstats.published",
    "target_status": "govstats.published",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'govstats' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
