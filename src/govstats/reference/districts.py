"""The district list (districts.csv): names, the table profile each uses, demo flags.

Standard library only, so that a scheduled run with nothing to do can answer which profile a
district uses without importing pandas or YAML.
"""

from __future__ import annotations

from pathlib import Path

from govstats.errors import InputError
from govstats.reference.files import read_csv_rows

DISTRICTS_FILE = "districts.csv"
DEFAULT_PROFILE = "reference"


def district_row(reference_dir: str | Path, district: str) -> dict[str, str]:
    """The districts.csv row of ``district``; bad input naming the known districts otherwise."""
    districts = load_districts(reference_dir)
    if district not in districts:
        raise InputError(Path(reference_dir) / DISTRICTS_FILE,
                         f"unknown district {district!r}; known: {', '.join(sorted(districts))}")
    return districts[district]


def is_demo(district_row: dict[str, str]) -> bool:
    """True for a demo district (column ``demo`` of districts.csv): never mixed with real data."""
    return district_row.get("demo", "").strip().lower() == "true"


def load_districts(reference_dir: str | Path) -> dict[str, dict[str, str]]:
    """The district list keyed by slug: name, city, profile, demo."""
    rows = read_csv_rows(Path(reference_dir) / DISTRICTS_FILE)
    return {row["district"]: row for row in rows}


def district_name(row: dict[str, str], district: str) -> str:
    """The name a report gives the district: its ``name`` in districts.csv, else its slug."""
    return row.get("name") or district


def profile_of(row: dict[str, str]) -> str:
    """The table profile a districts.csv row names (column ``profile``), else the default: the one
    answer to "which profile does this district use?"."""
    return row.get("profile") or DEFAULT_PROFILE
