"""Turn a RawTable into the tidy month table: one row per department, integer measures.

The grand-total row (合计) is kept apart as the published totals, never mixed into the
department rows; a cell that names several departments (the 无办件 row) becomes one row of
zeros per department; published names are mapped to canonical ones through the registry, and
a name the registry lacks is kept and reported, never dropped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pandas as pd

from govstats.cells import is_blank, normalize_label, normalize_text, parse_count
from govstats.errors import InputError
from govstats.read import RawTable
from govstats.reference import Profile, Registry

log = logging.getLogger(__name__)

#: Columns of the tidy month table before the measures, in order.
ID_COLUMNS = ["department", "published_name", "size_band", "registered", "source_row"]


@dataclass(frozen=True)
class Header:
    """Where the header row is and what each of its columns holds."""

    row_index: int
    unit_col: int
    band_col: int | None
    measure_cols: dict[str, int]
    labels: dict[str, str]  # measure -> header text as published


@dataclass(frozen=True)
class MonthTable:
    """A cleaned month: department rows, the published totals, and where they came from."""

    departments: pd.DataFrame
    published_totals: dict[str, int | None]
    totals_row: int | None
    headers: dict[str, str]
    profile: str
    source: str
    sha256: str
    subtotals: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def measures(self) -> list[str]:
        return list(self.headers)

    @property
    def unregistered(self) -> list[str]:
        d = self.departments
        return d.loc[~d["registered"], "published_name"].tolist()


def locate_header(raw: RawTable, profile: Profile) -> Header:
    """Find the header row (the first naming the unit column) and map its columns."""
    unit_keys = {normalize_label(s) for s in profile.unit_column}
    band_keys = {normalize_label(s) for s in profile.band_column}
    ignore_keys = {normalize_label(s) for s in profile.ignore_columns}
    for index, row in enumerate(raw.rows):
        keys = [normalize_label(c) for c in row]
        if not unit_keys.intersection(keys):
            continue
        line = raw.row_numbers[index]
        unit_col = next(i for i, k in enumerate(keys) if k in unit_keys)
        band_col = next((i for i, k in enumerate(keys) if k in band_keys), None)
        measure_cols: dict[str, int] = {}
        labels: dict[str, str] = {}
        for col, (key, text) in enumerate(zip(keys, row)):
            if col in (unit_col, band_col) or not key or key in ignore_keys:
                continue
            measure = profile.measure_for_header(text)
            if measure is None:
                known = "; ".join(f"{m}: {'/'.join(s)}" for m, s in profile.measures.items())
                raise InputError(
                    raw.source,
                    f"header {normalize_text(text)!r} maps to no measure of profile "
                    f"{profile.name!r} (known headers: {known})",
                    row=line, column=col + 1,
                )
            if measure in measure_cols:
                raise InputError(
                    raw.source,
                    f"headers {labels[measure]!r} and {normalize_text(text)!r} both map to "
                    f"measure {measure!r}",
                    row=line, column=col + 1,
                )
            measure_cols[measure] = col
            labels[measure] = normalize_label(text)
        missing = [m for m in profile.required if m not in measure_cols]
        if missing:
            wanted = ", ".join(f"{m} ({'/'.join(profile.measures[m])})" for m in missing)
            raise InputError(raw.source, f"missing column(s): {wanted}", row=line)
        return Header(index, unit_col, band_col, measure_cols, labels)
    raise InputError(
        raw.source,
        f"no header row naming the unit column ({'/'.join(profile.unit_column)}) was found",
    )


def row_label_kind(row: tuple[str, ...], header: Header, profile: Profile) -> str:
    """'total', 'subtotal' or 'data': total rows may carry their label in any text column."""
    text_cols = [c for c in range(len(row)) if c not in header.measure_cols.values()]
    keys = {normalize_label(row[c]) for c in text_cols}
    if keys & {normalize_label(s) for s in profile.total_row_labels}:
        return "total"
    if keys & {normalize_label(s) for s in profile.subtotal_row_labels}:
        return "subtotal"
    return "data"


def row_counts(raw: RawTable, index: int, header: Header) -> dict[str, int | None]:
    """Parse the measure cells of one row, naming file, row and column on bad text."""
    row = raw.rows[index]
    counts: dict[str, int | None] = {}
    for measure, col in header.measure_cols.items():
        text = row[col] if col < len(row) else ""
        try:
            value = parse_count(text)
        except ValueError as exc:
            raise InputError(
                raw.source, f"{exc} (measure {measure})",
                row=raw.row_numbers[index], column=header.labels[measure],
            ) from None
        if value is not None and value < 0:
            raise InputError(
                raw.source, f"negative count {value} (measure {measure})",
                row=raw.row_numbers[index], column=header.labels[measure],
            )
        counts[measure] = value
    return counts


def tidy_month(raw: RawTable, profile: Profile, registry: Registry) -> MonthTable:
    """Clean a raw table into a MonthTable (department rows + published totals)."""
    header = locate_header(raw, profile)
    measures = list(header.measure_cols)
    zero_bands = {normalize_label(b.label) for b in profile.bands if b.max == 0}
    records: list[dict] = []
    subtotals: list[dict] = []
    totals: dict[str, int | None] = {}
    totals_row: int | None = None
    band = ""
    for index in range(header.row_index + 1, len(raw.rows)):
        row = raw.rows[index]
        line = raw.row_numbers[index]
        cell = lambda c: row[c] if c is not None and c < len(row) else ""  # noqa: E731
        kind = row_label_kind(row, header, profile)
        counts = row_counts(raw, index, header)
        if kind == "total":
            if totals_row is not None:
                raise InputError(raw.source, f"a second total row (the first is row {totals_row})", row=line)
            totals, totals_row = counts, line
            continue
        if not is_blank(cell(header.band_col)):
            band = normalize_text(cell(header.band_col))
        if kind == "subtotal":
            subtotals.append({"label": normalize_text(cell(header.unit_col)), "source_row": line, **counts})
            continue
        names_cell = normalize_text(cell(header.unit_col))
        if not names_cell:
            raise InputError(raw.source, "row has numbers but no department name", row=line,
                             column=header.unit_col + 1)
        all_blank = all(v is None for v in counts.values())
        if all_blank and normalize_label(band) not in zero_bands:
            raise InputError(raw.source, f"row for {names_cell!r} has no numbers", row=line)
        names = [n.strip() for n in names_cell.split(profile.list_separator) if n.strip()]
        if len(names) > 1 and not all_blank:
            raise InputError(
                raw.source, f"one row names {len(names)} departments but carries numbers",
                row=line, column=header.unit_col + 1,
            )
        for name in names:
            values = {m: (0 if all_blank else counts[m]) for m in measures}
            canonical = registry.canonical_name(name)
            records.append({
                "department": canonical or name,
                "published_name": name,
                "size_band": band,
                "registered": canonical is not None,
                "source_row": line,
                **values,
            })
    departments = pd.DataFrame.from_records(records, columns=[*ID_COLUMNS, *measures])
    dupes = departments[departments.duplicated("department", keep=False)]
    if not dupes.empty:
        name = dupes["department"].iloc[0]
        rows = ", ".join(str(r) for r in dupes.loc[dupes["department"] == name, "source_row"])
        raise InputError(raw.source, f"department {name!r} appears more than once (rows {rows})",
                         row=int(dupes["source_row"].iloc[-1]), column=header.unit_col + 1)
    for measure in measures:
        departments[measure] = departments[measure].astype("Int64")
    for name in departments.loc[~departments["registered"], "published_name"]:
        log.warning("%s: department %r is not in the registry of %s", raw.source, name, registry.district)
    return MonthTable(
        departments=departments,
        published_totals=totals,
        totals_row=totals_row,
        headers=dict(header.labels),
        profile=profile.name,
        source=str(raw.source),
        sha256=raw.sha256,
        subtotals=pd.DataFrame.from_records(subtotals),
    )
