"""``govstats check``: the ledger of one raw table file, without rendering anything."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from govstats.analysis import district_profile
from govstats.clean import tidy_month
from govstats.paths import Layout
from govstats.read import read_table
from govstats.reconcile import ledger_frame, table_checks
from govstats.reference import Registry, load_profile, load_registry


def district_of(path: Path, layout: Layout) -> str | None:
    """The district a raw file belongs to when it lies under data/raw/<district>/<month>/."""
    try:
        return path.resolve().relative_to(layout.raw.resolve()).parts[0]
    except (ValueError, IndexError):
        return None


def check_file(path: str | Path, *, district: str | None = None, profile: str | None = None,
               root: str | Path | None = None) -> pd.DataFrame:
    """Read, clean and reconcile ``path``; return its ledger (raises InputError on bad input)."""
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
    table = tidy_month(read_table(path), chosen, registry)
    return ledger_frame(table_checks(table, chosen))

