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

import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from govstats.cells import normalize_label
from govstats.errors import InputError
from govstats.reference import load_districts, read_csv_rows

log = logging.getLogger(__name__)

ALIASES_FILE = "indicator_aliases.csv"
FIGURES_FILE = "indicators.csv"
TARGETS_FILE = "targets.csv"
QUALIFIERS = {"exact": "", "at_least": "以上", "at_most": "以下"}
DIRECTIONS = {"at_least": "≥", "at_most": "≤"}
STATUS_LABELS = {"met": "达到", "not_met": "未达到", "undetermined": "无法判断"}
_PERIOD = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:/(\d{4})-(0[1-9]|1[0-2]))?|-Q([1-4]))?$")
_QUARTERS = "一二三四"


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


def period_bounds(text: str) -> tuple[str, str]:
    """First and last month of a period written YYYY, YYYY-MM, YYYY-Qn or YYYY-MM/YYYY-MM."""
    match = _PERIOD.match(text.strip())
    if not match:
        raise ValueError(f"period {text!r} must read YYYY, YYYY-MM, YYYY-Qn or YYYY-MM/YYYY-MM")
    year, month, end_year, end_month, quarter = match.groups()
    if quarter:
        first = (int(quarter) - 1) * 3 + 1
        return f"{year}-{first:02d}", f"{year}-{first + 2:02d}"
    if month and end_year:
        start, end = f"{year}-{month}", f"{end_year}-{end_month}"
        if end < start:
            raise ValueError(f"period {text!r} ends before it starts")
        return start, end
    if month:
        return f"{year}-{month}", f"{year}-{month}"
    return f"{year}-01", f"{year}-12"


def period_label(text: str) -> str:
    """A period in Chinese: 2020年, 2020年7月, 2022年三季度, 2022年1—9月, 2020年7月—2021年6月."""
    match = _PERIOD.match(text.strip())
    if not match:
        return text
    year, month, end_year, end_month, quarter = match.groups()
    if quarter:
        return f"{year}年{_QUARTERS[int(quarter) - 1]}季度"
    if month and end_year:
        if end_year == year:
            return f"{year}年{int(month)}—{int(end_month)}月"
        return f"{year}年{int(month)}月—{end_year}年{int(end_month)}月"
    if month:
        return f"{year}年{int(month)}月"
    return f"{year}年"


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


def status_of(value: float, qualifier: str, target: float, direction: str) -> str:
    """met, not_met or undetermined: a figure printed as a bound ("86%以上") meets an
    at-least target only when the bound does, and fails it only when an upper bound is below."""
    if direction == "at_least":
        if value >= target and qualifier in ("exact", "at_least"):
            return "met"
        if value < target and qualifier in ("exact", "at_most"):
            return "not_met"
        return "undetermined"
    if value <= target and qualifier in ("exact", "at_most"):
        return "met"
    if value > target and qualifier in ("exact", "at_least"):
        return "not_met"
    return "undetermined"


def target_status(figures: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Each figure against each target of the same indicator: status, margin (figure minus
    target, in the indicator's unit: percentage points for %), and whether the target is the
    district's own for that period or another district's, read as a benchmark."""
    columns = ["row", "district", "district_name", "period", "period_label", "indicator", "label", "value", "unit",
               "qualifier", "scope", "target_district", "target_district_name", "target_period",
               "target_period_label", "target", "direction", "own_target", "status", "margin"]
    if figures.empty or targets.empty:
        return pd.DataFrame(columns=columns)
    wanted = targets[["indicator", "district", "district_name", "period", "period_label", "target", "direction",
                      "first_month", "last_month"]].rename(columns={
                          "district": "target_district", "district_name": "target_district_name",
                          "period": "target_period", "period_label": "target_period_label",
                          "first_month": "target_first", "last_month": "target_last"})
    pairs = figures.merge(wanted, on="indicator", how="inner")
    pairs["status"] = [status_of(v, q, t, d) for v, q, t, d in
                       zip(pairs["value"], pairs["qualifier"], pairs["target"], pairs["direction"])]
    pairs["margin"] = pairs["value"] - pairs["target"]
    pairs["own_target"] = ((pairs["district"] == pairs["target_district"])
                           & (pairs["last_month"] >= pairs["target_first"])
                           & (pairs["first_month"] <= pairs["target_last"]))
    return pairs[columns].reset_index(drop=True)


def value_text(value: float, unit: str, qualifier: str = "exact") -> str:
    """A figure as published: 62.26%, 0.05次, 86%以上 (no trailing zeros)."""
    number = f"{value:,.4f}".rstrip("0").rstrip(".")
    return f"{number}{unit}{QUALIFIERS.get(qualifier, '')}"


def target_text(target: float, unit: str, direction: str) -> str:
    """A target as a bound: ≥35%, ≤0.6次."""
    return f"{DIRECTIONS.get(direction, '')}{value_text(target, unit)}"


def chart_groups(figures: pd.DataFrame, status: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Indicators to chart, in the order the figures list them: those with a target, and
    those without one that have at least two figures to compare (a lone figure without a
    target says nothing a table row does not)."""
    order = list(dict.fromkeys(figures["indicator"]))
    targeted = set(status["indicator"])
    counts = figures["indicator"].value_counts()
    return ([c for c in order if c in targeted],
            [c for c in order if c not in targeted and counts[c] >= 2])
