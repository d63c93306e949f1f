"""The body rows of a table block: department rows, the total row, subtotals and 其中 parts.

Each row's kind comes from its label; a cell that names several departments (the 无办件 row)
becomes one row of zeros per department; a number repeated by a merged range is counted once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govstats.cells import PARSERS, is_blank, is_empty, normalize_label, normalize_text
from govstats.clean.headers import Header, cell
from govstats.errors import InputError
from govstats.ingest.table import RawTable
from govstats.reference.profiles import TOTAL_WORDS, Profile
from govstats.reference.registry import Registry


def row_kind(row: tuple[str, ...], header: Header, profile: Profile) -> str:
    """'total', 'subtotal', 'part' (其中 ...) or 'data', from the block's text columns.

    Total and subtotal labels match a whole cell or its end (全区合计, 区级部门小计), after
    folding (總計(jì) matches 总计). A row ending in a total word the profile does not list
    (总计, 合计, 共计 ...) is 'unlisted_total': read as the total, and reported.
    """
    keys = [profile.key(cell(row, c)) for c in header.text_cols]
    keys = [k for k in keys if k]
    if any(k.endswith(profile.key(s)) for k in keys for s in profile.total_row_labels):
        return "total"
    if any(k.endswith(profile.key(s)) for k in keys for s in profile.subtotal_row_labels):
        return "subtotal"
    if any(k.startswith(profile.key(s)) for k in keys for s in profile.of_which_prefixes):
        return "part"
    if any(k.endswith(w) for k in keys for w in TOTAL_WORDS):
        return "unlisted_total"
    return "data"


def is_heading(row: tuple[str, ...], header: Header) -> bool:
    """True for a section heading merged across the block (one text, in the measure columns too)."""
    texts = {normalize_label(cell(row, c)) for c in header.columns if not is_empty(cell(row, c))}
    in_measures = [c for c in header.measure_cols.values() if not is_empty(cell(row, c))]
    return len(texts) == 1 and len(in_measures) > 1


def row_values(raw: RawTable, index: int, header: Header, profile: Profile,
               notes: list[str] | None = None,
               printed: dict[tuple[int, str], str] | None = None, fold: int = 0) -> dict[str, int | float | None]:
    """Parse the measure cells of one row, naming file, row and column on bad text.

    A number repeated by a merged range (a count spanning two rows) is counted once, at the
    merge's first cell; the covered positions read as no value and a note says so. Negative
    values are refused except in ``signed`` columns (同比/环比). The text of each rate cell is
    kept in ``printed`` by (row, measure): its printed precision is what a rate check needs (the
    row plus FOLD × ``fold`` for a later column group of a folded list).
    """
    row = raw.rows[index]
    line = raw.row_numbers[index]
    values: dict[str, int | float | None] = {}
    for measure, col in header.measure_cols.items():
        where = f"{col + 1} ({header.labels[measure]})"
        try:
            value = PARSERS[profile.kind_of(measure)](cell(row, col))
        except ValueError as exc:
            raise InputError(raw.source, f"{exc} (measure {measure})", row=line, column=where) from None
        if printed is not None and profile.kind_of(measure) == "percent" and value is not None:
            printed[(line + FOLD * fold, measure)] = normalize_label(cell(row, col))
        if value is not None and value < 0 and measure not in profile.signed:
            raise InputError(raw.source, f"negative value {value} (measure {measure})",
                             row=line, column=where)
        span = raw.merge_at(index, col)
        if value is not None and span is not None and not span.is_anchor(index, col):
            if notes is not None:
                notes.append(f"row {line}, column {where}: {cell(row, col)} is merged from row "
                             f"{raw.row_numbers[span.top]}; counted once there")
            value = None
        values[measure] = value
    return values


#: Added to a printed row number for each column group left of a row's own, in a list folded
#: into column groups side by side (several departments on one printed row): the key of its
#: cells (MonthTable.printed, folds), so each department keeps cells of its own.
FOLD = 100_000


@dataclass
class _Collected:
    """What reading the blocks gathers (internal, mutable while reading)."""

    records: list[dict] = field(default_factory=list)
    subtotals: list[dict] = field(default_factory=list)
    parts: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    totals: dict[str, int | float | None] = field(default_factory=dict)
    totals_row: int | None = None
    totals_label: str = ""
    totals_listed: bool = True
    printed: dict[tuple[int, str], str] = field(default_factory=dict)
    folds: dict[str, int] = field(default_factory=dict)  # department -> its column group (0: the first)
    totals_fold: int = 0


def band_label(text: str, profile: Profile) -> str:
    """The profile's own label for a published size band, else the text without spaces."""
    band = profile.band_for(text)
    return band.label if band else normalize_label(text)


def assign_members(entries: list[tuple[str, dict]]) -> None:
    """Give each subtotal record the departments of its block: the rows since the previous
    subtotal, or, when subtotals head their blocks, the rows up to the next one.

    ``entries`` are ("subtotal", record) and ("data", {"name": ..., "row": ...}) in table order.
    """
    heads = bool(entries) and entries[0][0] == "subtotal"
    groups: list[tuple[dict, list[dict]]] = []
    pending: list[dict] = []
    for kind, item in entries:
        if kind == "subtotal":
            groups.append((item, [] if heads else pending))
            pending = []
        elif heads:
            groups[-1][1].append(item)
        else:
            pending.append(item)
    for record, members in groups:
        record["members"] = tuple(m["name"] for m in members)
        record["member_rows"] = tuple(m["row"] for m in members)


def read_block(raw: RawTable, header: Header, end: int, profile: Profile, registry: Registry,
               out: _Collected, fold: int = 0) -> None:
    """Read one block's body rows into ``out`` (``fold``: its column group in a list folded into
    groups side by side)."""
    zero_bands = {normalize_label(b.label) for b in profile.bands if b.max == 0}
    band = ""
    parent: tuple[str, int] | None = None
    entries: list[tuple[str, dict]] = []
    for index in range(header.body_start, end):
        row = raw.rows[index]
        line = raw.row_numbers[index]
        if all(is_empty(cell(row, c)) for c in header.columns):
            continue
        kind = row_kind(row, header, profile)
        if kind in ("data", "part") and is_heading(row, header):
            out.notes.append(f"row {line}: {normalize_text(cell(row, header.unit_col))!r} read as a "
                             "section heading (one text across the row), not a department")
            continue
        values = row_values(raw, index, header, profile, out.notes, out.printed, fold)
        label = next((normalize_label(cell(row, c)) for c in [header.unit_col, *header.text_cols]
                      if normalize_label(cell(row, c))), "")
        if kind in ("total", "unlisted_total"):
            if out.totals_row is not None:
                raise InputError(raw.source, f"a second total row (the first is row {out.totals_row})",
                                 row=line)
            out.totals, out.totals_row, out.totals_fold = values, line, fold
            out.totals_label, out.totals_listed = label, kind == "total"
            if kind == "unlisted_total":
                out.notes.append(f"row {line}: {label!r} looks like a total row but the profile lists "
                                 f"only {'/'.join(profile.total_row_labels)}; read as the total row, "
                                 "not as a department")
            parent = ("合计", line)
            continue
        if not is_blank(cell(row, header.band_col)):
            band = band_label(cell(row, header.band_col), profile)
        if kind == "subtotal":
            record = {"label": label, "source_row": line, "members": (), "member_rows": (), **values}
            out.subtotals.append(record)
            entries.append(("subtotal", record))
            continue
        if kind == "part":
            if parent is None:
                raise InputError(raw.source, "an 'of which' (其中) row comes before any row it "
                                             "could be part of", row=line, column=header.unit_col + 1)
            out.parts.append({"label": label, "parent": parent[0], "parent_row": parent[1],
                              "source_row": line, **values})
            continue
        names = department_names(raw, index, header, profile, band, zero_bands)
        if normalize_label(band) in zero_bands and all(v is None for v in values.values()):
            values = {m: 0 for m in values}
        for name in names:
            canonical = registry.canonical_name(name)
            out.records.append({
                "department": canonical or name, "published_name": name, "size_band": band,
                "registered": canonical is not None, "source_row": line, **values,
            })
            entries.append(("data", {"name": canonical or name, "row": line}))
            if fold:
                out.folds[canonical or name] = fold
        parent = (registry.canonical_name(names[0]) or names[0], line)
    assign_members(entries)


def department_names(raw: RawTable, index: int, header: Header, profile: Profile, band: str,
                     zero_bands: set[str]) -> list[str]:
    """The department name(s) a data row holds, refusing rows that cannot be read as one."""
    row = raw.rows[index]
    line = raw.row_numbers[index]
    names_cell = "/".join(t for t in (normalize_text(cell(row, c)) for c in header.unit_cols) if t)
    if not names_cell:
        raise InputError(raw.source, "row has numbers but no department name", row=line,
                         column=header.unit_col + 1)
    measures = list(header.measure_cols.values())
    all_empty = all(is_empty(cell(row, c)) for c in measures)
    if all_empty and normalize_label(band) not in zero_bands:
        raise InputError(raw.source, f"row for {names_cell!r} has no numbers (a heading? merge it "
                                     "across the table, or fill the cells, '-' for not applicable)",
                         row=line)
    names = [normalize_label(n) for n in names_cell.split(profile.list_separator) if normalize_label(n)]
    if len(names) > 1 and not all(is_blank(cell(row, c)) for c in measures):
        raise InputError(raw.source, f"one row names {len(names)} departments but carries numbers",
                         row=line, column=header.unit_col + 1)
    return names


def parse_like_count(text: str) -> bool:
    """True when a cell reads as a number (used to spot data rows among footnotes)."""
    try:
        return PARSERS["count"](text) is not None
    except ValueError:
        return False
