"""Where a table's header is and what each column holds: unit, size band, measures.

A header may span several rows (a parent such as 办理方式 over 中心办理/部门办理/基层办理): the
merged ranges the reader kept say how many, and the levels are joined as "parent/child". A table
printed as two blocks side by side (部门 + measures, twice) has one header per block.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from govstats.cells import PARSERS, is_empty, normalize_label, normalize_text
from govstats.errors import InputError
from govstats.ingest.table import RawTable
from govstats.reference.profiles import Profile


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
    unit_span: int = 1  # columns the unit label spans (一、/(一)/1. levels printed side by side)
    block: str = ""  # the breakdown this block is (profile ``blocks``), '' for one list

    @property
    def unit_cols(self) -> tuple[int, ...]:
        return tuple(range(self.unit_col, self.unit_col + self.unit_span))

    @property
    def body_start(self) -> int:
        return self.row_index + self.row_count

    @property
    def columns(self) -> tuple[int, ...]:
        return tuple(sorted({*self.text_cols, self.unit_col, *self.measure_cols.values()}))


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


def filled_levels(raw: RawTable, index: int, count: int) -> list[list[str]]:
    """The header rows' texts, a blank upper cell filled from its left neighbour under the same
    parent when the table kept no merges (a .tsv prints a merged parent once, then blanks): the
    top level is filled only over columns that have a lower level of their own."""
    width = max(len(raw.rows[r]) for r in range(index, index + count))
    levels = [[normalize_text(cell(raw.rows[r], c)) for c in range(width)] for r in range(index, index + count)]
    if raw.merges or count == 1:
        return levels
    filled = [list(level) for level in levels]
    for i in range(count - 1):
        for j in range(1, width):
            same_parent = all(filled[k][j] == filled[k][j - 1] for k in range(i))
            lower = any(levels[k][j] for k in range(i + 1, count))
            if not filled[i][j] and filled[i][j - 1] and same_parent and lower:
                filled[i][j] = filled[i][j - 1]
    return filled


def column_levels(raw: RawTable, index: int, count: int) -> list[tuple[str, ...]]:
    """Each column's header texts, top level first (repeats of a merge once, empty levels
    dropped). A level keeps its own text whole, '/' and all (本年增/减)."""
    columns = []
    levels = filled_levels(raw, index, count)
    for col in range(len(levels[0])):
        parts: list[str] = []
        for level in levels:
            text = level[col]
            if text and (not parts or normalize_label(parts[-1]) != normalize_label(text)):
                parts.append(text)
        columns.append(tuple(parts))
    return columns


def joined(levels: list[tuple[str, ...]]) -> list[str]:
    """Each column's header text, its levels joined as "parent/child"."""
    return ["/".join(parts) for parts in levels]


def own_text(levels: tuple[str, ...]) -> str:
    """A column's own header text: its lowest level, whole ('' for an unheaded column)."""
    return levels[-1] if levels else ""


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
                 cols: range, levels: list[tuple[str, ...]]) -> Header:
    """Map one block's columns to the unit, band, ignored and measure columns. A measure is
    labelled by its column's own text (the lowest level, whole), or by all its levels joined
    when two columns of the block share that text."""
    line = raw.row_numbers[index]
    texts = joined(levels)
    band_keys = {profile.key(s) for s in profile.band_column}
    ignore_keys = {profile.key(s) for s in profile.ignore_columns}
    unit_col = next(c for c in cols if texts[c] and profile.is_unit_header(texts[c]))
    band_col = next((c for c in cols if profile.key(texts[c]) in band_keys), None)
    span = range(unit_col, unit_col + profile.unit_span)
    text_cols = [*span] + ([band_col] if band_col is not None else [])
    measure_cols: dict[str, int] = {}
    for col in cols:
        key = profile.key(texts[col])
        if col in span or col == band_col or not key:
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
    leaves = [own_text(levels[c]) for c in measure_cols.values()]
    labels = {}
    for measure, col in measure_cols.items():
        leaf = own_text(levels[col])
        labels[measure] = normalize_label(leaf if leaves.count(leaf) == 1 else texts[col])
    return Header(index, unit_col, band_col, measure_cols, labels, count, tuple(text_cols), profile.unit_span)


def locate_headers(raw: RawTable, profile: Profile, start: int = 0) -> list[Header]:
    """The header of each block of the table (one block unless printed side by side), at or
    after row ``start``."""
    for index, row in enumerate(raw.rows):
        if index < start or not any(profile.is_unit_header(c) for c in row):
            continue
        count = profile.header_rows or header_band(raw, index)
        levels = column_levels(raw, index, count)
        texts = joined(levels)
        if not any(t and profile.is_unit_header(t) for t in texts):
            continue  # the unit cell is under another header's merge ("x/部门"): not this layout's header
        starts = block_starts(texts, profile) + [len(texts)]
        headers = [block_header(raw, profile, index, count, range(a, b), levels)
                   for a, b in zip(starts, starts[1:])]
        if profile.blocks:
            return named_blocks(raw, profile, headers, texts, index)
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


def named_blocks(raw: RawTable, profile: Profile, headers: list[Header], texts: list[str],
                 index: int) -> list[Header]:
    """Side-by-side blocks of a profile that declares breakdowns: each named by its column of
    row names; one that matches no declared block is bad input."""
    named = []
    for header in headers:
        name = profile.block_of(texts[header.unit_col])
        if not name:
            raise InputError(raw.source, f"column {texts[header.unit_col]!r} heads no block the profile "
                                         f"declares ({'; '.join(b.name + ': ' + '/'.join(b.unit_column) for b in profile.blocks)})",
                             row=raw.row_numbers[index], column=header.unit_col + 1)
        named.append(replace(header, block=name))
    return named


def is_footnote(row: tuple[str, ...], profile: Profile) -> bool:
    """True for a note under the table: one text (maybe merged across) starting 注/数据来源/..."""
    texts = {profile.key(c) for c in row if not is_empty(c)}
    return len(texts) == 1 and next(iter(texts)).startswith(
        tuple(profile.key(p) for p in profile.footnote_prefixes))


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


def is_title(row: tuple[str, ...]) -> bool:
    """One text alone on its row (a block's title, 第二十条第(五)项)."""
    return sum(1 for c in row if not is_empty(c)) == 1


def stacked_starts(raw: RawTable, profile: Profile, body_start: int, end: int) -> list[int]:
    """Rows below the first header that start another table stacked under it: a row naming the
    unit column and a measure again (信息内容 | 本年处理决定数量), as tables printed one under
    another each with its own header do."""
    return [i for i in range(body_start, end) if profile.header_matches(raw.rows[i])]


#: Header of the label column given to a table that prints none (profile ``row_label``).
ROW_LABEL_HEADER = "(行)"


def with_row_labels(raw: RawTable, profile: Profile) -> RawTable:
    """A table that prints no column of names (one row of counts under a header), given one as
    its last column, so every printed cell keeps its column number: the header's first row
    names it, each body row is labelled ``row_label`` (with its row number when there are
    several)."""
    start = next((i for i, r in enumerate(raw.rows) if sum(1 for c in r if not is_empty(c)) >= 2), 0)
    body = range(start + (profile.header_rows or 1), len(raw.rows))
    width = raw.width
    rows = []
    for index, row in enumerate(raw.rows):
        padded = tuple(row) + ("",) * (width - len(row))
        label = ""
        if index == start:
            label = ROW_LABEL_HEADER
        elif index in body:
            label = profile.row_label if len(body) == 1 else f"{profile.row_label}（第 {raw.row_numbers[index]} 行）"
        rows.append(padded + (label,))
    return replace(raw, rows=tuple(rows))


def reads_as_count(text: str) -> bool:
    """True when a cell reads as a count (a column of them holds no names)."""
    try:
        return PARSERS["count"](text) is not None
    except ValueError:
        return False


def with_unit_header(raw: RawTable, profile: Profile) -> RawTable:
    """A table whose column of names prints no header (profile ``unheaded_unit``), with the
    header row's blank cell just left of a measure's header named ``unit_column``'s first name,
    wherever the cells below it hold names (every block of a list printed in column groups);
    its notes say so. The header row is the first row naming a measure."""
    for index, row in enumerate(raw.rows):
        if not any(profile.key(c) and profile.measure_for_header(c) for c in row):
            continue
        below = raw.rows[index + 1:]
        cells, named = list(row), []
        for col in range(len(cells) - 1):
            if (is_empty(cells[col]) and profile.key(cells[col + 1]) and profile.measure_for_header(cells[col + 1])
                    and any(col < len(r) and not is_empty(r[col]) and not reads_as_count(r[col]) for r in below)):
                cells[col] = profile.unit_column[0]
                named.append(str(col + 1))
        if not named:
            return raw
        note = (f"row {raw.row_numbers[index]}: the column of names prints no header; column(s) "
                f"{', '.join(named)} read as {profile.unit_column[0]!r} (profile unheaded_unit)")
        rows = (*raw.rows[:index], tuple(cells), *raw.rows[index + 1:])
        return replace(raw, rows=rows, provenance=replace(raw.provenance, notes=(*raw.provenance.notes, note)))
    return raw
