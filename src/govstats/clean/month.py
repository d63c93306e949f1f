"""Turn a RawTable into the tidy month table: one row per department, typed measures.

The grand-total row (合计) is kept apart as the published totals, never mixed into the
department rows; subtotal (小计) and "of which" (其中) rows are kept apart too, with the rows they
stand for, so nothing is summed twice; a cell that names several departments (the 无办件 row)
becomes one row of zeros per department; published names are mapped to canonical ones through
the registry, and a name the registry lacks is kept and reported, never dropped.

Layouts differ in data, not code: the profile says which headers name which measures. A header
may span several rows (a parent such as 办理方式 over 中心办理/部门办理/基层办理): the merged
ranges the reader kept say how many, and the levels are joined as "parent/child". A table
printed as two blocks side by side (部门 + measures, twice) is read block by block; tables
stacked one under another, each with its own header, are read each with its own columns. Rate
cells keep their printed text, as a rate is checked at the precision printed. Breakdowns printed
side by side (按渠道 | 按类型, profile ``blocks``) are each their own list with its own total (its
total row, or a total printed once in a leading column, merged down, that serves every block):
the month is the first block, and ``blocks`` holds them all.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import pandas as pd

from govstats.cells import is_empty, is_fraction_column, normalize_text
from govstats.clean.headers import (
    ROW_LABEL_HEADER,
    Header,
    check_unheaded,
    cell,
    footnote_start,
    is_title,
    locate_headers,
    stacked_starts,
    with_row_labels,
    with_unit_header,
)
from govstats.clean.orient import printed_error, transposed, with_hint
from govstats.clean.rows import FOLD, _Collected, parse_like_count, read_block, row_values
from govstats.errors import InputError
from govstats.ingest.readers.grid import UncachedFormula
from govstats.ingest.table import RawTable
from govstats.reference.profiles import Profile
from govstats.reference.registry import Registry

log = logging.getLogger(__name__)


#: Columns of the tidy month table before the measures, in order.
ID_COLUMNS = ["department", "published_name", "size_band", "registered", "source_row"]


#: Columns of the subtotal and "of which" frames before the measures.
SUBTOTAL_COLUMNS = ["label", "source_row", "members", "member_rows"]


PART_COLUMNS = ["label", "parent", "parent_row", "source_row"]


@dataclass(frozen=True)
class MonthTable:
    """A cleaned month: department rows, the published totals, and where they came from.

    ``subtotals`` and ``parts`` (其中 rows) are kept apart from ``departments``; ``footnotes``
    are the notes printed under the table; ``notes`` say what cleaning set aside and why.
    """

    departments: pd.DataFrame
    published_totals: dict[str, int | float | None]
    totals_row: int | None
    headers: dict[str, str]
    profile: str
    source: str
    sha256: str
    subtotals: pd.DataFrame = field(default_factory=pd.DataFrame)
    parts: pd.DataFrame = field(default_factory=pd.DataFrame)
    footnotes: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    title: str = ""
    header_rows: int = 1
    location: str = ""
    formulas: tuple[UncachedFormula, ...] = ()  # formula cells saved without a result (read as empty)
    printed: dict[tuple[int, str], str] = field(default_factory=dict)  # (row, rate) -> cell text
    fraction_rates: tuple[str, ...] = ()  # rate columns printed as fractions (0.98)
    totals_label: str = ""
    totals_listed: bool = True  # False when the total row's label is not one the profile lists
    absent: frozenset[tuple[int, str]] = frozenset()  # (row, measure) a stacked table lacks
    folds: dict[str, int] = field(default_factory=dict)  # department -> column group of a folded list (0 omitted)
    totals_fold: int = 0  # the column group that prints the total row
    block: str = ""  # the breakdown this list is, for a table of breakdowns side by side
    blocks: tuple[MonthTable, ...] = ()  # every breakdown's own list (the first is this one)
    transposed: bool = False  # read transposed: a source_row is a printed column, a measure a printed row

    def place(self, row: object) -> str:
        """Where a source row is printed, in words: 第 N 行, or 第 N 列 for a transposed table."""
        return f"第 {row} {'列' if self.transposed else '行'}"

    def cell_line(self, scope: str, line: int) -> int:
        """The key of a row's cells (``printed``): its printed row, plus FOLD for each column
        group left of its own in a list folded into groups side by side."""
        fold = self.totals_fold if scope == "合计" else self.folds.get(scope, 0)
        return line + FOLD * fold

    def lacks(self, row: object, measures: Iterable[str]) -> bool:
        """True when the stacked table ``row`` (a source row number; None for the total row)
        belongs to has no column for one of ``measures`` (not the same as a cell printed "—")."""
        return any((row, m) in self.absent for m in measures)

    @property
    def measures(self) -> list[str]:
        return list(self.headers)

    @property
    def unregistered(self) -> list[str]:
        d = self.departments
        return d.loc[~d["registered"], "published_name"].tolist()


def title_of(raw: RawTable, header: Header) -> str:
    """Text printed above the header (the table's title), with any caption the reader found."""
    lines = [raw.provenance.caption] if raw.provenance.caption else []
    for row in raw.rows[: header.row_index]:
        texts = list(dict.fromkeys(normalize_text(c) for c in row if not is_empty(c)))
        lines.append(" ".join(texts))
    return "\n".join(line for line in lines if line)


def typed_frame(records: list[dict], id_columns: list[str], measures: list[str],
                profile: Profile) -> pd.DataFrame:
    """Records as a frame, counts as Int64 and decimals/rates as Float64 (<NA> for no value)."""
    frame = pd.DataFrame.from_records(records, columns=[*id_columns, *measures])
    for measure in measures:
        dtype = "Int64" if profile.kind_of(measure) == "count" else "Float64"
        frame[measure] = pd.array([r.get(measure) for r in records], dtype=dtype)
    return frame


def empty_month(profile: Profile, source: str = "") -> MonthTable:
    """The month table of a period whose documents print no table: no departments, no totals,
    every measure of the profile (so indicators and charts say there is nothing to show)."""
    measures = list(profile.measures)
    return MonthTable(
        departments=typed_frame([], ID_COLUMNS, measures, profile),
        published_totals={}, totals_row=None, headers={m: synonyms[0] for m, synonyms in profile.measures.items() if synonyms},
        profile=profile.name, source=source, sha256="",
        subtotals=typed_frame([], SUBTOTAL_COLUMNS, measures, profile),
        parts=typed_frame([], PART_COLUMNS, measures, profile),
        notes=("本期文件中没有部门表格",),
    )


def placed_formulas(raw: RawTable, headers: list[Header]) -> tuple[UncachedFormula, ...]:
    """The reader's formulas without a saved result, each with the measure whose column it is in."""
    columns = {col + 1: measure for header in headers for measure, col in header.measure_cols.items()}
    return tuple(replace(f, measure=columns.get(f.column)) for f in raw.provenance.formulas)


def scale_fractions(out: _Collected, profile: Profile, measures: list[str]) -> tuple[str, ...]:
    """Rate columns printed as fractions (0.98, no % sign): read as 98% in every row kind."""
    scaled = []
    for measure in (m for m in measures if profile.kind_of(m) == "percent"):
        if not is_fraction_column([t for (_, m), t in out.printed.items() if m == measure]):
            continue
        scaled.append(measure)
        for record in [*out.records, *out.subtotals, *out.parts, out.totals]:
            if record.get(measure) is not None:
                record[measure] = round(record[measure] * 100, 10)
        out.notes.append(f"rate column {measure!r} is printed as fractions (0.98 = 98%)")
    return tuple(scaled)


def stacked_groups(raw: RawTable, profile: Profile, headers: list[Header], end: int,
                   notes: list[str]) -> list[tuple[list[Header], int]]:
    """The table's header groups with the row each one's body stops at: one group, unless
    tables are printed one under another, each with its own header (and maybe a title row)."""
    groups: list[tuple[list[Header], int]] = []
    group = headers
    for start in stacked_starts(raw, profile, headers[0].body_start, end):
        if start < group[0].body_start:
            continue
        stop = start - 1 if start > 0 and is_title(raw.rows[start - 1]) else start
        if stop < start:
            notes.append(f"row {raw.row_numbers[stop]}: {normalize_text(' '.join(raw.rows[stop])).strip()!r} "
                         "read as the title of the table under it")
        groups.append((group, stop))
        group = locate_headers(raw, profile, start)
        notes.append(f"row {raw.row_numbers[start]}: another table's header; its rows are read with it")
    groups.append((group, end))
    return groups


def tidy_month(raw: RawTable, profile: Profile, registry: Registry) -> MonthTable:
    """Clean a raw table into a MonthTable (department rows + published totals, kept apart); a
    table printed with its categories across the columns (``orientation: columns``) is read
    transposed (govstats.clean.orient), and its errors name the printed row and column."""
    if not profile.transposed:
        try:
            return tidy_rows(raw, profile, registry)
        except InputError as exc:
            raise with_hint(exc, raw, profile) from None
    try:
        month = tidy_rows(transposed(raw), profile, registry)
    except InputError as exc:
        raise printed_error(exc, raw) from None
    return replace(month, transposed=True, blocks=tuple(replace(b, transposed=True) for b in month.blocks))


def tidy_rows(raw: RawTable, profile: Profile, registry: Registry) -> MonthTable:
    """Clean a raw table whose categories run down the rows."""
    if profile.unheaded_unit:
        raw = with_unit_header(raw, profile)
    if profile.row_label:
        raw = with_row_labels(raw, profile)
        profile = replace(profile, unit_column=(*profile.unit_column, ROW_LABEL_HEADER))
    headers = locate_headers(raw, profile)
    first = headers[0]
    end = footnote_start(raw, first.body_start, profile)
    footnotes = tuple(" ".join(dict.fromkeys(c.strip() for c in row if not is_empty(c)))
                      for row in raw.rows[end:])
    for index in range(end, len(raw.rows)):
        if sum(1 for c in raw.rows[index] if parse_like_count(c)) >= 2:
            raise InputError(raw.source, "a row with numbers comes after the footnotes (注/数据来源); "
                                         "footnotes must be the last rows", row=raw.row_numbers[index])
    if first.block:
        return blocked_month(raw, profile, registry, headers, end, footnotes)
    out = _Collected(notes=list(raw.provenance.notes))
    labels: dict[str, str] = {}
    for group, stop in stacked_groups(raw, profile, headers, end, out.notes):
        check_unheaded(raw, group, group[0].body_start, stop)
        for fold, header in enumerate(group):
            labels = {**labels, **{m: l for m, l in header.labels.items() if m not in labels}}
            read_block(raw, header, stop, profile, registry, out, fold)
    return assembled(raw, profile, out, labels, headers, footnotes, registry.district)


def assembled(raw: RawTable, profile: Profile, out: _Collected, labels: dict[str, str],
              headers: list[Header], footnotes: tuple[str, ...], district: str) -> MonthTable:
    """The MonthTable of what reading gathered, refusing too few rows or a repeated department."""
    first = headers[0]
    measures = list(labels)
    absent = frozenset((r["source_row"], m) for r in out.records for m in measures if m not in r)
    if len(out.records) < profile.min_rows:
        found = f"only {len(out.records)}" if out.records else "no"
        raise InputError(raw.source, f"the table has {found} department rows under its header; profile "
                                     f"{profile.name!r} expects at least {profile.min_rows}",
                         row=raw.row_numbers[first.body_start - 1] if first.body_start else None,
                         column=first.unit_col + 1)
    fractions = scale_fractions(out, profile, measures)
    departments = typed_frame(out.records, ID_COLUMNS, measures, profile)
    dupes = departments[departments.duplicated("department", keep=False)]
    if not dupes.empty:
        name = dupes["department"].iloc[0]
        rows = ", ".join(str(r) for r in dupes.loc[dupes["department"] == name, "source_row"])
        raise InputError(raw.source, f"department {name!r} appears more than once (rows {rows})",
                         row=int(dupes["source_row"].iloc[-1]), column=first.unit_col + 1)
    for name in departments.loc[~departments["registered"], "published_name"]:
        log.warning("%s: department %r is not in the registry of %s", raw.source, name, district)
    log.info("%s: kept %d department rows, %d subtotal and %d 其中 rows apart%s", raw.source.name,
             len(departments), len(out.subtotals), len(out.parts),
             ", the total row too" if out.totals_row is not None else "")
    for note in out.notes:
        log.info("%s: %s", raw.source, note)
    if footnotes:
        log.info("%s: %d footnote row(s) under the table set aside", raw.source, len(footnotes))
    return MonthTable(
        departments=departments,
        published_totals=out.totals,
        totals_row=out.totals_row,
        headers=labels,
        profile=profile.name,
        source=str(raw.source),
        sha256=raw.sha256,
        subtotals=typed_frame(out.subtotals, SUBTOTAL_COLUMNS, measures, profile),
        parts=typed_frame(out.parts, PART_COLUMNS, measures, profile),
        footnotes=footnotes,
        notes=tuple(out.notes),
        title=title_of(raw, first),
        header_rows=first.row_count,
        location=raw.provenance.location,
        formulas=placed_formulas(raw, headers),
        printed=dict(out.printed),
        folds=dict(out.folds),
        totals_fold=out.totals_fold,
        fraction_rates=fractions,
        totals_label=out.totals_label,
        totals_listed=out.totals_listed,
        absent=absent,
    )


def leading_totals(raw: RawTable, header: Header, columns: dict[str, int], end: int,
                   profile: Profile) -> dict[str, tuple[int | float | None, int, str]]:
    """Each leading total (a figure printed once left of the blocks, merged down): its value, row
    and header; a second figure in its column is bad input (it would not be one total)."""
    found: dict[str, tuple[int | float | None, int, str]] = {}
    for measure, col in columns.items():
        for index in range(header.body_start, end):
            span = raw.merge_at(index, col)
            if is_empty(cell(raw.rows[index], col)) or (span is not None and not span.is_anchor(index, col)):
                continue
            if measure in found:
                raise InputError(raw.source, f"the leading total {header.labels[measure]!r} holds a second "
                                             f"figure (the first is in row {found[measure][1]})",
                                 row=raw.row_numbers[index], column=col + 1)
            value = row_values(raw, index, replace(header, measure_cols={measure: col}), profile)[measure]
            found[measure] = (value, raw.row_numbers[index], header.labels[measure])
    return found


def blocked_month(raw: RawTable, profile: Profile, registry: Registry, headers: list[Header], end: int,
                  footnotes: tuple[str, ...]) -> MonthTable:
    """Breakdowns side by side, each read as its own list: its own rows, its own total (its total
    row, or the leading total the profile's ``block_totals`` gives it)."""
    first = headers[0]
    lead = {m: c for m, c in first.measure_cols.items()
            if m in profile.block_totals.values() and c < first.unit_col}
    leading = leading_totals(raw, first, lead, end, profile) if lead else {}
    first = replace(first, measure_cols={m: c for m, c in first.measure_cols.items() if m not in lead},
                    labels={m: t for m, t in first.labels.items() if m not in lead},
                    text_cols=(*first.text_cols, *lead.values()))
    headers = [first, *headers[1:]]
    check_unheaded(raw, headers, first.body_start, end)
    tables = []
    for header in headers:
        out = _Collected(notes=list(raw.provenance.notes))
        read_block(raw, header, end, profile, registry, out)
        given = {m: leading[t] for m, t in profile.block_totals.items() if m in header.measure_cols and t in leading}
        if given and out.totals_row is not None:
            raise InputError(raw.source, f"block {header.block!r} prints a total row and is given the leading "
                                         "total too: remove it from block_totals", row=out.totals_row)
        for measure, (value, line, label) in given.items():
            out.totals = {**out.totals, measure: value}
            out.totals_row, out.totals_label = line, label
        tables.append(replace(assembled(raw, profile, out, dict(header.labels), [header], footnotes,
                                        registry.district),
                              block=header.block))
    return replace(tables[0], blocks=tuple(tables))
