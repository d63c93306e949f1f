"""Indicators that bulletins state in prose, the targets work plans set, and whether each
figure meets each target.

Figures (``data/reference/indicators.csv``) and targets (``targets.csv``) are kept by hand, one
row per number, each with the document and the sentence it comes from. Their indicator names
are written as published and mapped to one canonical indicator through
``indicator_aliases.csv`` (即办件比例 and 即办率 are one indicator), the way departments.csv maps
department names. A figure printed as a bound ("86%以上") keeps its qualifier, so a comparison
that the bound cannot decide says so instead of guessing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from govstats.cells import normalize_label
from govstats.errors import InputError
from govstats.periods import period_bounds, period_label
from govstats.reference.districts import load_districts
from govstats.reference.files import read_csv_rows

ALIASES_FILE = "indicator_aliases.csv"


FIGURES_FILE = "indicators.csv"


TARGETS_FILE = "targets.csv"


QUALIFIERS = {"exact": "", "at_least": "以上", "at_most": "以下"}


DIRECTIONS = {"at_least": "≥", "at_most": "≤"}


@dataclass(frozen=True)
class IndicatorNames:
    """Canonical published indicators (code -> label, unit) and every name that maps to one."""

    labels: dict[str, str]
    units: dict[str, str]
    aliases: dict[str, str]

    def code_for(self, name: str) -> str | None:
        """The canonical code of a published indicator name, or None when none is known."""
        return self.aliases.get(normalize_label(name))


def load_indicator_names(reference_dir: str | Path) -> IndicatorNames:
    """Canonical indicators and their aliases from indicator_aliases.csv (aliases split on ;)."""
    path = Path(reference_dir) / ALIASES_FILE
    labels: dict[str, str] = {}
    units: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for number, row in enumerate(read_csv_rows(path), start=2):
        code, label = row.get("indicator", ""), row.get("label", "")
        if not code or not label:
            raise InputError(path, "indicator and label must not be empty", row=number,
                             column="indicator" if not code else "label")
        if code in labels:
            raise InputError(path, f"indicator {code!r} is listed twice", row=number, column="indicator")
        labels[code], units[code] = label, row.get("unit", "")
        for alias in [label, *[a for a in row.get("aliases", "").split(";") if a.strip()]]:
            key = normalize_label(alias)
            if aliases.get(key, code) != code:
                raise InputError(path, f"name {alias!r} maps to both {aliases[key]!r} and {code!r}",
                                 row=number, column="aliases")
            aliases[key] = code
    return IndicatorNames(labels, units, aliases)


def canonical_rows(path: Path, value_column: str, names: IndicatorNames, districts: dict[str, dict],
                   choices: dict[str, set[str]]) -> list[dict]:
    """Rows of a figures or targets file, checked and given their canonical indicator.

    Every error names the file, the row and the column to fix.
    """
    rows = []
    for number, row in enumerate(read_csv_rows(path), start=2):
        def bad(column: str, message: str) -> InputError:
            return InputError(path, message, row=number, column=column)

        for column in ("district", "period", "indicator", value_column, "unit", "source"):
            if not row.get(column):
                raise bad(column, f"{column} must not be empty")
        if row["district"] not in districts:
            raise bad("district", f"unknown district {row['district']!r}; add it to districts.csv")
        code = names.code_for(row["indicator"])
        if code is None:
            raise bad("indicator", f"indicator {row['indicator']!r} is not in {ALIASES_FILE}; "
                                   "add it there as an indicator or as an alias of one")
        if row["unit"] != names.units[code]:
            raise bad("unit", f"unit {row['unit']!r} differs from the unit of {names.labels[code]} "
                              f"({names.units[code]!r}) in {ALIASES_FILE}")
        try:
            value = float(row[value_column])
        except ValueError:
            value = math.nan
        if math.isnan(value):
            raise bad(value_column, f"{value_column} must be a number, got {row[value_column]!r}")
        try:
            first, last = period_bounds(row["period"])
        except ValueError as exc:
            raise bad("period", str(exc)) from None
        for column, allowed in choices.items():
            if row.get(column) not in allowed:
                raise bad(column, f"{column} must be one of {', '.join(sorted(allowed))}, got {row.get(column)!r}")
        rows.append({
            **row, value_column: value, "indicator": code, "label": names.labels[code],
            "published_indicator": row["indicator"], "district_name": districts[row["district"]].get("name") or row["district"],
            "first_month": first, "last_month": last, "period_label": period_label(row["period"]), "row": number,
        })
    return rows


def reference_frame(reference_dir: str | Path, file_name: str, value_column: str,
                    choices: dict[str, set[str]], names: IndicatorNames | None) -> pd.DataFrame:
    """A figures or targets file under ``reference_dir`` as a checked, canonical frame."""
    reference_dir = Path(reference_dir)
    names = names or load_indicator_names(reference_dir)
    return pd.DataFrame(canonical_rows(reference_dir / file_name, value_column, names,
                                       load_districts(reference_dir), choices))


def load_figures(reference_dir: str | Path, names: IndicatorNames | None = None) -> pd.DataFrame:
    """Published figures with canonical indicators, period bounds and labels (indicators.csv)."""
    return reference_frame(reference_dir, FIGURES_FILE, "value", {"qualifier": set(QUALIFIERS)}, names)


def load_targets(reference_dir: str | Path, names: IndicatorNames | None = None) -> pd.DataFrame:
    """Targets with canonical indicators, period bounds and labels (targets.csv)."""
    return reference_frame(reference_dir, TARGETS_FILE, "target", {"direction": set(DIRECTIONS)}, names)
