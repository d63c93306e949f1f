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
    "RawTable": "govstats.ingest.table",
    "read_table": "govstats.ingest.table",
    "read_bulletin": "govstats.ingest.bulletin",
    "Profile": "govstats.reference.profiles",
    "Registry": "govstats.reference.registry",
    "load_districts": "govstats.reference.districts",
    "load_profile": "govstats.reference.profiles",
    "load_registry": "govstats.reference.registry",
    "MonthTable": "govstats.clean.month",
    "tidy_month": "govstats.clean.month",
    "table_checks": "govstats.checks.table",
    "ledger_frame": "govstats.checks.ledger",
    "ledger_summary": "govstats.checks.ledger",
    "Claim": "govstats.checks.claims.records",
    "extract_claims": "govstats.checks.claims.extract",
    "claims_frame": "govstats.checks.claims.records",
    "claims_ledger": "govstats.checks.claims.records",
    "load_rates": "govstats.reference.claim_rules",
    "load_count_patterns": "govstats.reference.claim_rules",
    "load_measures": "govstats.reference.claim_rules",
    "load_folds": "govstats.reference.characters",
    "load_closed_lists": "govstats.reference.closed_lists",
    "department_indicators": "govstats.measure.indicators",
    "district_indicators": "govstats.measure.indicators",
    "MonthAnalysis": "govstats.month",
    "analyse": "govstats.month",
    "analyse_month": "govstats.month",
    "build_month": "govstats.build.month",
    "load_history": "govstats.measure.history",
    "department_turnover": "govstats.measure.history",
    "district_trends": "govstats.measure.trends",
    "department_trends": "govstats.measure.trends",
    "department_ranks": "govstats.measure.trends",
    "rolling_year": "govstats.measure.trends",
    "district_trends_of": "govstats.measure.trends",
    "load_figures": "govstats.reference.published",
    "load_targets": "govstats.reference.published",
    "target_status": "govstats.measure.targets",
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
