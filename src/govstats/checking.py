"""``govstats check`` and ``govstats claims``: the ledger of one raw table file, and the claims of
one bulletin, without rendering anything."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from govstats.analysis import bulletin_claims, district_profile
from govstats.claim_rules import load_count_patterns, load_rates
from govstats.claims import Claim, extract_claims
from govstats.clean import MonthTable, tidy_month
from govstats.errors import InputError
from govstats.paths import Layout
from govstats.read import read_bulletin, read_table
from govstats.reconcile import ledger_frame, table_checks
from govstats.reference import Profile, Registry, load_profile, load_registry


def district_of(path: Path, layout: Layout) -> str | None:
    """The district a raw file belongs to when it lies under data/raw/<district>/<month>/."""
    try:
        return path.resolve().relative_to(layout.raw.resolve()).parts[0]
    except (ValueError, IndexError):
        return None


def tidy_file(path: str | Path, *, district: str | None = None, profile: str | None = None,
              root: str | Path | None = None) -> tuple[MonthTable, Profile]:
    """Read and clean the raw table ``path`` with its district's profile and registry."""
    path = Path(path)
    layout = Layout.at(root)
    district = district or district_of(path, layout)
    if district:
        _, chosen = district_profile(layout.reference, district)
        registry = load_registry(layout.reference, district)
    else:
        chosen, registry = None, Registry("", ())
    if profile or chosen is None:
        chosen = load_profile(layout.reference, profile or "reference")
    return tidy_month(read_table(path, chosen), chosen, registry), chosen


def check_file(path: str | Path, *, district: str | None = None, profile: str | None = None,
               root: str | Path | None = None) -> pd.DataFrame:
    """Read, clean and reconcile ``path``; return its ledger (raises InputError on bad input)."""
    table, chosen = tidy_file(path, district=district, profile=profile, root=root)
    return ledger_frame(table_checks(table, chosen))


def file_claims(path: str | Path, *, table: str | Path | None = None, district: str | None = None,
                profile: str | None = None, root: str | Path | None = None) -> list[Claim]:
    """Claims of the bulletin ``path``; with ``table``, also its counts against the table's totals."""
    text, _ = read_bulletin(path)
    reference = Layout.at(root).reference
    rates = load_rates(reference)
    if table is None:
        return extract_claims(text, rates)
    month, chosen = tidy_file(table, district=district, profile=profile, root=root)
    return bulletin_claims(text, month, chosen, rates, load_count_patterns(reference))
