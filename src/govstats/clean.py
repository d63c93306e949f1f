"""Turn a RawTable into the tidy month table: one row per department, typed measures.

The grand-total row (合计) is kept apart as the published totals, never mixed into the
department rows; subtotal (小计) and "of which" (其中) rows are kept apart too, with the rows they
stand for, so nothing is summed twice; a cell that names several departments (the 无办件 row)
becomes one row of zeros per department; published names are mapped to canonical ones through
the registry, and a name the registry lacks is kept and reported, never dropped.

Layouts differ in data, not code: the profile says which headers name which measures. A header
may span several rows (a parent such as 办理方式 over 中心办理/部门办理/基层办理): the merged
ranges the reader kept say how many, and the levels are joined as "parent/child". A table
printed as two blocks side by side (部门 + measures, twice) is read block by block.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pandas as pd

from govstats.cells import PARSERS, is_blank, is_empty, normalize_label, normalize_text
from govstats.errors import InputError
from govstats.read import RawTable
from govstats.reference import Profile, Registry

log = logging.getLogger(__name__)

#: Columns of the tidy month table before the measures, in order.
ID_COLUMNS = ["department", "published_name", "size_band", "registered", "source_row"]
#: Columns of the subtotal and "of which" frames before the measures.
SUBTOTAL_COLUMNS = ["label", "source_row", "members", "member_rows"]
PART_COLUMNS = ["label", "parent", "parent_row", "source_row"]


@dataclass(frozen=True)
class Header:
    """Where one block's header is and what each of its columns holds."""

    row_index: int
    unit_col: int
    band_col: int | None
    measure_cols: dict[str, int]
    labels: dict[str, str]  # measure -> header text as published (child level when unique)
    row_count: int = 1  # rows the header spans (2 for a two-level header)
    text_cols: tuple[int, ...] = ()  # unit, band and ignored columns of this block

    @property
    def body_start(self) -> int:
        return self.row_index + self.row_count

    @property
    def columns(self) -> tuple[int, ...]:
        return tuple(sorted({*self.text_cols, self.unit_col, *self.measure_cols.values()}))


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

    @property
    def measures(self) -> list[str]:
        return list(self.headers)

    @property
    def unregistered(self) -> list[str]:
        d = self.departments
        return d.loc[~d["registered"], "published_name"].tolist()


def cell(row: tuple[str, ...], col: int | None) -> str:
    """The text at ``col`` of a row ('' beyond its end or for no column)."""
    return row[col] if col is not None and col < len(row) else ""


def header_band(raw: RawTable, index: int) -> int:
    """How many rows the header starting at ``index`` spans: through the last row of any merged
    range that starts in it (a 部门 cell merged over two rows makes a two-level header)."""
    bottom = index
    while True:
        reach = max((s.bottom for s in raw.merges if index <= s.top <= bottom), default=bottom)
        if reach <= bottom:
            return bottom - index + 1
        bottom = reach


def column_headers(raw: RawTable, index: int, count: int) -> list[str]:
    """Each column's header text, levels joined as "parent/child" (repeats of a merge once)."""
    headers = []
    for col in range(max(len(raw.rows[r]) for r in range(index, index + count))):
        parts: list[str] = []
        for r in range(index, index + count):
            text = normalize_text(cell(raw.rows[r], col))
            if text and (not parts or normalize_label(parts[-1]) != normalize_label(text)):
                parts.append(text)
        headers.append("/".join(parts))
    return headers


def block_starts(keys: list[str], profile: Profile) -> list[int]:
    """First column of each side-by-side block: a repeated unit column starts a new block,
    together with the text columns (序号, 办件量分类) that led the first block."""
    units = [i for i, k in enumerate(keys) if k and profile.is_unit_header(k)]
    lead = [k for k in keys[: units[0]] if k]
    starts = [0]
    for previous, unit in zip(units, units[1:]):
        start, j = unit, len(lead) - 1
        while j >= 0 and start - 1 > previous and keys[start - 1] == lead[j]:
            start, j = start - 1, j - 1
        starts.append(start)
    return starts


def block_header(raw: RawTable, profile: Profile, index: int, count: int,
                 cols: range, texts: list[str]) -> Header:
    """Map one block's columns to the unit, band, ignored and measure columns."""
    line = raw.row_numbers[index]
    band_keys = {normalize_label(s) for s in profile.band_column}
    ignore_keys = {normalize_label(s) for s in profile.ignore_columns}
    unit_col = next(c for c in cols if texts[c] and profile.is_unit_header(texts[c]))
    band_col = next((c for c in cols if normalize_label(texts[c]) in band_keys), None)
    text_cols = [unit_col] + ([band_col] if band_col is not None else [])
    measure_cols: dict[str, int] = {}
    for col in cols:
        key = normalize_label(texts[col])
        if col in (unit_col, band_col) or not key:
            continue
        if key in ignore_keys or key.rsplit("/", 1)[-1] in ignore_keys:
            text_cols.append(col)
            continue
        measure = profile.measure_for_header(texts[col])
        problem = ""
        if measure is None:
            problem = (f"header {texts[col]!r} maps to no measure of profile {profile.name!r} "
                       f"(known headers: {profile.known_headers()}); add it as a synonym in "
                       f"{profile.source or 'the profile'}")
        elif measure in measure_cols:
            problem = (f"headers {texts[measure_cols[measure]]!r} and {texts[col]!r} both map to "
                       f"measure {measure!r}; make their synonyms distinct (a two-level header "
                       "may use 'parent/child')")
        if problem:
            raise InputError(raw.source, problem, row=line, column=col + 1)
        measure_cols[measure] = col
    missing = [m for m in profile.required if m not in measure_cols]
    if missing:
        wanted = ", ".join(f"{m} ({'/'.join(profile.measures[m])})" for m in missing)
        raise InputError(raw.source, f"missing column(s): {wanted}", row=line)
    leaves = [texts[c].rsplit("/", 1)[-1] for c in measure_cols.values()]
    labels = {}
    for measure, col in measure_cols.items():
        leaf = texts[col].rsplit("/", 1)[-1]
        labels[measure] = normalize_label(leaf if leaves.count(leaf) == 1 else texts[col])
    return Header(index, unit_col, band_col, measure_cols, labels, count, tuple(text_cols))


def locate_headers(raw: RawTable, profile: Profile) -> list[Header]:
    """The header of each block of the table (one block unless printed side by side)."""
    for index, row in enumerate(raw.rows):
        if not any(profile.is_unit_header(c) for c in row):
            continue
        count = header_band(raw, index)
        texts = column_headers(raw, index, count)
        starts = block_starts(texts, profile) + [len(texts)]
        headers = [block_header(raw, profile, index, count, range(a, b), texts)
                   for a, b in zip(starts, starts[1:])]
        first = set(headers[0].measure_cols)
        for other in headers[1:]:
            if set(other.measure_cols) != first:
                raise InputError(raw.source, "the side-by-side blocks of the table have different "
                                             f"columns: {sorted(first)} and {sorted(other.measure_cols)}",
                                 row=raw.row_numbers[index], column=other.unit_col + 1)
        return headers
    raise InputError(
        raw.source,
        f"no header row naming the unit column ({'/'.join(profile.unit_column)}) was found",
    )


def locate_header(raw: RawTable, profile: Profile) -> Header:
    """The header of the (first) block: the first row naming the unit column."""
    return locate_headers(raw, profile)[0]


def is_footnote(row: tuple[str, ...], profile: Profile) -> bool:
    """True for a note under the table: one text (maybe merged across) starting 注/数据来源/..."""
    texts = {normalize_label(c) for c in row if not is_empty(c)}
    return len(texts) == 1 and next(iter(texts)).startswith(
        tuple(normalize_label(p) for p in profile.footnote_prefixes))


def footnote_start(raw: RawTable, start: int, profile: Profile) -> int:
    """Index of the first footnote row under the table (len(rows) when there is none)."""
    return next((i for i in range(start, len(raw.rows)) if is_footnote(raw.rows[i], profile)),
                len(raw.rows))


def check_unheaded(raw: RawTable, headers: list[Header], start: int, end: int) -> None:
    """Refuse a table with text in a column no header names (it would be lost)."""
    covered = {c for h in headers for c in h.columns}
    for index in range(start, end):
        row = raw.rows[index]
        texts = {normalize_label(c) for c in row if not is_empty(c)}
        if len(texts) == 1 and sum(1 for c in row if not is_empty(c)) > 1:
            continue  # one text merged across the row: a section heading
        for col, text in enumerate(row):
            if col not in covered and not is_empty(text):
                raise InputError(raw.source, f"cell {normalize_text(text)!r} is in a column with "
                                             "no header; it would be lost",
                                 row=raw.row_numbers[index], column=col + 1)


def row_kind(row: tuple[str, ...], header: Header, profile: Profile) -> str:
    """'total', 'subtotal', 'part' (其中 ...) or 'data', from the block's text columns.

    Total and subtotal labels match a whole cell or its end (全区合计, 区级部门小计).
    """
    keys = [normalize_label(cell(row, c)) for c in header.text_cols]
    keys = [k for k in keys if k]
    if any(k.endswith(normalize_label(s)) for k in keys for s in profile.total_row_labels):
        return "total"
    if any(k.endswith(normalize_label(s)) for k in keys for s in profile.subtotal_row_labels):
        return "subtotal"
    if any(k.startswith(normalize_label(s)) for k in keys for s in profile.of_which_prefixes):
        return "part"
    return "data"


def is_heading(row: tuple[str, ...], header: Header) -> bool:
    """True for a section heading merged across the block (one text, in the measure columns too)."""
    texts = {normalize_label(cell(row, c)) for c in header.columns if not is_empty(cell(row, c))}
    in_measures = [c for c in header.measure_cols.values() if not is_empty(cell(row, c))]
    return len(texts) == 1 and len(in_measures) > 1


def row_values(raw: RawTable, index: int, header: Header, profile: Profile,
               notes: list[str] | None = None) -> dict[str, int | float | None]:
    """Parse the measure cells of one row, naming file, row and column on bad text.

    A number repeated by a merged range (a count spanning two rows) is counted once, at the
    merge's first cell; the covered positions read as no value and a note says so.
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
        if value is not None and value < 0:
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


@dataclass
class _Collected:
    """What reading the blocks gathers (internal, mutable while reading)."""

    records: list[dict] = field(default_factory=list)
    subtotals: list[dict] = field(default_factory=list)
    parts: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    totals: dict[str, int | float | None] = field(default_factory=dict)
    totals_row: int | None = None


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
               out: _Collected) -> None:
    """Read one block's body rows into ``out``."""
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
        values = row_values(raw, index, header, profile, out.notes)
        label = next((normalize_label(cell(row, c)) for c in [header.unit_col, *header.text_cols]
                      if normalize_label(cell(row, c))), "")
        if kind == "total":
            if out.totals_row is not None:
                raise InputError(raw.source, f"a second total row (the first is row {out.totals_row})",
                                 row=line)
            out.totals, out.totals_row = values, line
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
        parent = (registry.canonical_name(names[0]) or names[0], line)
    assign_members(entries)


def department_names(raw: RawTable, index: int, header: Header, profile: Profile, band: str,
                     zero_bands: set[str]) -> list[str]:
    """The department name(s) a data row holds, refusing rows that cannot be read as one."""
    row = raw.rows[index]
    line = raw.row_numbers[index]
    names_cell = normalize_text(cell(row, header.unit_col))
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


def title_of(raw: RawTable, header: Header) -> str:
    """Text printed above the header (the table's title), with any caption the reader found."""
    lines = [raw.caption] if raw.caption else []
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


def tidy_month(raw: RawTable, profile: Profile, registry: Registry) -> MonthTable:
    """Clean a raw table into a MonthTable (department rows + published totals, kept apart)."""
    headers = locate_headers(raw, profile)
    first = headers[0]
    end = footnote_start(raw, first.body_start, profile)
    footnotes = tuple(" ".join(dict.fromkeys(c.strip() for c in row if not is_empty(c)))
                      for row in raw.rows[end:])
    for index in range(end, len(raw.rows)):
        if sum(1 for c in raw.rows[index] if parse_like_count(c)) >= 2:
            raise InputError(raw.source, "a row with numbers comes after the footnotes (注/数据来源); "
                                         "footnotes must be the last rows", row=raw.row_numbers[index])
    check_unheaded(raw, headers, first.body_start, end)
    out = _Collected(notes=list(raw.notes))
    for header in headers:
        read_block(raw, header, end, profile, registry, out)
    measures = list(first.measure_cols)
    departments = typed_frame(out.records, ID_COLUMNS, measures, profile)
    dupes = departments[departments.duplicated("department", keep=False)]
    if not dupes.empty:
        name = dupes["department"].iloc[0]
        rows = ", ".join(str(r) for r in dupes.loc[dupes["department"] == name, "source_row"])
        raise InputError(raw.source, f"department {name!r} appears more than once (rows {rows})",
                         row=int(dupes["source_row"].iloc[-1]), column=first.unit_col + 1)
    for name in departments.loc[~departments["registered"], "published_name"]:
        log.warning("%s: department %r is not in the registry of %s", raw.source, name, registry.district)
    for note in out.notes:
        log.info("%s: %s", raw.source, note)
    if footnotes:
        log.info("%s: %d footnote row(s) under the table set aside", raw.source, len(footnotes))
    return MonthTable(
        departments=departments,
        published_totals=out.totals,
        totals_row=out.totals_row,
        headers=dict(first.labels),
        profile=profile.name,
        source=str(raw.source),
        sha256=raw.sha256,
        subtotals=typed_frame(out.subtotals, SUBTOTAL_COLUMNS, measures, profile),
        parts=typed_frame(out.parts, PART_COLUMNS, measures, profile),
        footnotes=footnotes,
        notes=tuple(out.notes),
        title=title_of(raw, first),
        header_rows=first.row_count,
        location=raw.location,
    )


def parse_like_count(text: str) -> bool:
    """True when a cell reads as a number (used to spot data rows among footnotes)."""
    try:
        return PARSERS["count"](text) is not None
    except ValueError:
        return False
