"""A draft profile for a table nobody has described: where its header is and what each column holds.

The header is the first row of two or more texts followed by a row of numbers; the unit column
is the first column of texts under it; a column of consecutive numbers (or headed 序号) is a row
number and ignored; another text column is a size band; every other column is a measure named
c1, c2 ... after its place, counted, a decimal or a percent from what its cells print. The
relations that hold in the table are found afterwards (govstats.checks.discover).

Breakdowns side by side (渠道 | 件数 | 类型 | 件数) are found when two or more text columns with
different headers each lead measure columns of their own: each is a block (named by its header's
upper level when it has one, 按渠道/渠道). A count column left of the first block with one figure
only (merged down) is the table's total, serving the first count column of every block.

A table printed transposed (categories across the columns, a row of counts and a row of shares
under them) is recognised when its first column names the rows and every row holds one kind of
figure, counts in one row and percentages in another: it is drafted from its columns and read
with ``orientation: columns``.
"""

from __future__ import annotations

from dataclasses import replace

from govstats.cells import PARSERS, is_blank, is_empty, normalize_label
from govstats.clean.headers import column_levels, joined
from govstats.clean.orient import transposed
from govstats.errors import InputError
from govstats.ingest.table import RawTable
from govstats.reference.profiles import TOTAL_WORDS, Band, Block, Profile

#: Headers of row-number columns.
ROW_NUMBER_HEADERS = ("序号", "编号", "序")

#: The name of a profile drafted from the table itself (its measures are named by column).
AUTO_PROFILE = "auto"


def parses(kind: str, text: str) -> bool:
    try:
        return PARSERS[kind](text) is not None
    except ValueError:
        return False


def numeric_cells(row: tuple[str, ...]) -> int:
    """How many cells print a number (a count may carry its unit, 75件)."""
    return sum(1 for c in row if parses("decimal", c.rstrip("%％")) or parses("count", c))


def is_text_row(row: tuple[str, ...]) -> bool:
    """Two or more texts and no numbers: a header row."""
    return sum(1 for c in row if not is_empty(c)) >= 2 and numeric_cells(row) == 0


def header_span(raw: RawTable) -> tuple[int, int]:
    """(first row, rows) of the header: the text rows right above the first row of numbers."""
    for index, row in enumerate(raw.rows[:-1]):
        if is_text_row(row) and numeric_cells(raw.rows[index + 1]) >= 2:
            start = index
            while start > 0 and is_text_row(raw.rows[start - 1]):
                start -= 1
            return start, index - start + 1
    raise InputError(raw.source, "no header row followed by a row of numbers was found")


def column_kind(texts: list[str]) -> str | None:
    """count, decimal or percent for a column of numbers (None for a column of texts)."""
    values = [t for t in texts if not is_blank(t)]
    if not values:
        return None
    if all(parses("percent", t) for t in values) and any(normalize_label(t).endswith("%") for t in values):
        return "percent"
    if all(parses("count", t) for t in values):
        return "count"
    if all(parses("decimal", t) for t in values):
        return "decimal"
    return None


def is_row_number(header: str, texts: list[str]) -> bool:
    """True for a 序号 column: headed so, or 1, 2, 3 ... down the rows that have one."""
    if normalize_label(header) in ROW_NUMBER_HEADERS:
        return True
    numbers = [int(t) for t in texts if normalize_label(t).isdigit()]
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def draft_blocks(levels: list[tuple[str, ...]], texts: list[int], measures: dict[str, tuple[str, ...]],
                 kinds: dict[str, str], columns: list[list[str]]) -> tuple[tuple[Block, ...], dict[str, str]]:
    """Blocks of breakdowns side by side, and the leading total each is given (see the module
    docstring); ((), {}) for a table of one list. A block is named by its header's top level."""
    header = joined(levels)
    codes = {int(code[1:]) - 1: code for code in measures}
    leads = [c for c in codes if c < min(texts)]
    segments = [(t, [c for c in codes if t < c < next((u for u in texts if u > t), len(header))]) for t in texts]
    names = [normalize_label(header[t]) for t in texts]
    if (len(texts) < 2 or len(set(names)) < len(names) or any(not cols for _, cols in segments)
            or any(sum(1 for x in columns[t] if not is_blank(x)) < 2 for t in texts)):
        return (), {}
    blocks = tuple(Block(levels[t][0], (header[t],)) for t, _ in segments)
    lead = next((codes[c] for c in leads if kinds[codes[c]] == "count"
                 and sum(1 for x in columns[c] if not is_blank(x)) == 1), None)
    given = {}
    for _, cols in segments:
        first = next((c for c in cols if kinds[codes[c]] == "count"), None)
        if lead and first is not None:
            given[first_code(measures, header[first])] = lead
    return blocks, given


def first_code(measures: dict[str, tuple[str, ...]], name: str) -> str:
    """The measure a header reads as: the first drafted under that text (件数 in two blocks)."""
    return next(code for code, synonyms in measures.items() if name in synonyms)


def row_kind(cells: list[str]) -> str | None:
    """count or percent for a row all of one kind (a percent row may print 0 without %), else None."""
    values = [normalize_label(c) for c in cells if not is_blank(c)]
    if values and all(v.endswith("%") or v == "0" for v in values) and any(v.endswith("%") for v in values):
        return "percent"
    if values and all(parses("count", v) and not v.endswith("%") for v in values):
        return "count"
    return None


def looks_transposed(raw: RawTable) -> bool:
    """True for a table whose categories run across the columns: one header row, a first column
    of row names (texts), and two or more rows below, each holding one kind of figure, not all of
    the same kind (a row of counts, a row of shares)."""
    try:
        start, count = header_span(raw)
    except InputError:
        return False  # drafting says why
    body = [r for r in raw.rows[start + count:] if any(not is_empty(c) for c in r)]
    if count != 1 or len(body) < 2 or any(is_blank(r[0]) or numeric_cells(r[:1]) for r in body):
        return False
    kinds = [row_kind(list(r[1:])) for r in body]
    return None not in kinds and len(set(kinds)) > 1


def draft_profile(raw: RawTable, folds: dict[str, str] | None = None) -> Profile:
    """A profile read off the table itself: header, unit column, measures and their kinds (of a
    transposed table, read off its columns). A cell naming several units (区委办、区委宣传部) is
    split on 、 only when such a cell stands in a row of no numbers; elsewhere 、 belongs to the
    name (县(市、区))."""
    if looks_transposed(raw):
        draft = draft_rows(transposed(raw), folds)
        return replace(draft, orientation="columns", description=f"{draft.description}, read transposed")
    return draft_rows(raw, folds)


def draft_rows(raw: RawTable, folds: dict[str, str] | None = None) -> Profile:
    """The draft of a table whose categories run down the rows."""
    start, count = header_span(raw)
    index = start + count - 1
    body = [r for r in raw.rows[index + 1:] if any(not is_empty(c) for c in r)]
    levels = column_levels(raw, start, count)
    width = max(len(levels), *(len(r) for r in body))
    levels += [()] * (width - len(levels))
    header = joined(levels)
    columns = [[r[c] if c < len(r) else "" for r in body] for c in range(width)]
    measures: dict[str, tuple[str, ...]] = {}
    kinds: dict[str, str] = {}
    signed: list[str] = []
    texts: list[int] = []
    ignored: list[str] = []
    for col, name in enumerate(header):
        if not normalize_label(name):
            continue
        cells = [c for c in columns[col] if not any(w in normalize_label(c) for w in TOTAL_WORDS)]
        kind = column_kind(cells)
        if kind is None:
            texts.append(col)
        elif is_row_number(name, cells):
            ignored.append(name)
        else:
            code = f"c{col + 1}"
            measures[code], kinds[code] = (name,), kind
            if any(normalize_label(c).startswith("-") for c in cells):
                signed.append(code)
    if not texts or not measures:
        raise InputError(raw.source, "the table has no column of names and numbers to draft a profile from",
                         row=raw.row_numbers[index])
    blocks, block_totals = draft_blocks(levels, texts, measures, kinds, columns)
    if blocks:  # a header printed in two blocks (件数) is one measure, read in each
        measures = {code: names for code, names in measures.items() if first_code(measures, names[0]) == code}
        kinds = {code: kind for code, kind in kinds.items() if code in measures}
        signed = [code for code in signed if code in measures]
    texts.sort(key=lambda c: -sum(1 for t in columns[c] if not is_blank(t)))
    unit, bands = header[texts[0]], ([] if blocks else texts[1:2])
    span = 1  # unheaded columns of text right of the unit column: lower levels of its labels
    while (texts[0] + span < width and not normalize_label(header[texts[0] + span])
           and any(not is_blank(t) for t in columns[texts[0] + span])):
        span += 1
    measure_cols = [c for c, name in enumerate(header) if name in {s[0] for s in measures.values()}]
    zero_bands = sorted({normalize_label(columns[bands[0]][i]) for i, r in enumerate(body)
                         if bands and all(is_blank(r[c] if c < len(r) else "") for c in measure_cols)
                         and normalize_label(columns[bands[0]][i])})
    separator = "、" if any("、" in columns[texts[0]][i] for i, r in enumerate(body)
                           if all(is_blank(r[c] if c < len(r) else "") for c in measure_cols)) else "|"
    return Profile(
        name=AUTO_PROFILE, header_rows=count, list_separator=separator, unit_span=span, description=f"drafted from {raw.source.name}", measures=measures, unit_column=(unit,),
        band_column=tuple(header[c] for c in bands), ignore_columns=tuple(ignored),
        total_row_labels=TOTAL_WORDS, measure_kinds={m: k for m, k in kinds.items() if k != "count"},
        signed=tuple(signed), bands=tuple(Band(label, 0, 0) for label in zero_bands),
        not_summable=tuple(m for m, k in kinds.items() if k != "count"), folds=dict(folds or {}),
        source=f"auto profile of {raw.source}", blocks=blocks, block_totals=block_totals,
    )
