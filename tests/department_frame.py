"""The reference month (Qijiang, July 2020) as a department indicator frame, for chart and
report tests: the shipped sample table through the same clean and indicator functions the
pipeline uses (one parser of the table, not a second one here)."""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from govstats.clean.month import tidy_month
from govstats.ingest.table import read_table
from govstats.measure.indicators import department_indicators, district_indicators
from govstats.paths import CODE_ROOT
from govstats.reference.profiles import load_profile
from govstats.reference.registry import load_registry

REFERENCE = CODE_ROOT / "data" / "reference"
TABLE = Path(__file__).parent / "data" / "split_month" / "2020-07" / "table.tsv"


@functools.lru_cache(maxsize=1)
def _departments() -> pd.DataFrame:
    month = tidy_month(read_table(TABLE), load_profile(REFERENCE), load_registry(REFERENCE, "qijiang"))
    return month.departments


def reference_frame() -> pd.DataFrame:
    """34 departments with rates, shares, rank and cumulative share (a fresh copy each call)."""
    return department_indicators(_departments())


def district_rates(frame: pd.DataFrame) -> dict[str, float]:
    """The district's 即办率 and 网办率 over all departments of ``frame``."""
    values = district_indicators(frame).set_index("indicator")["value"]
    return {code: float(values[code]) for code in ("immediate_rate", "online_rate")}
