"""A table printed with its categories across the columns and its measures down the rows
(事项 | 行政处罚 | 举报投诉处理 ... over a row 数量 and a row 占比), read transposed.

The raw grid is turned before its header is located (profile ``orientation: columns``): each
printed column becomes a row, so the header row's first cell heads the column of categories,
the row labels name the measures, and a 总计 column is the total row. Reading then works as for
any table; what it says of a place is put back in printed terms (a "row" read is a printed
column), and a bad cell's error names the printed row and column.
"""

from __future__ import annotations

from dataclasses import replace

from govstats.errors import InputError
from govstats.ingest.readers.grid import Span
from govstats.ingest.table import RawTable
from govstats.reference.profiles import Profile

#: The note a transposed table carries, first among its notes.
TRANSPOSED_NOTE = ("read transposed (profile orientation: columns): each printed column is read as a "
                   "row, so 'row N' in these notes is printed column N and a column read is a printed row")


def transposed(raw: RawTable) -> RawTable:
    """The table with its printed columns as rows: row i is printed column i + 1 (its row
    number), column j is printed row ``raw.row_numbers[j]``; merged ranges and formula cells
    are turned with it."""
    width = raw.width
    rows = tuple(tuple(row[c] if c < len(row) else "" for row in raw.rows) for c in range(width))
    merges = tuple(Span(s.left, s.top, s.right, s.bottom) for s in raw.merges)
    position = {number: index + 1 for index, number in enumerate(raw.row_numbers)}
    formulas = tuple(replace(f, row=f.column, column=position.get(f.row, f.row)) for f in raw.provenance.formulas)
    provenance = replace(raw.provenance, notes=(TRANSPOSED_NOTE, *raw.provenance.notes), formulas=formulas)
    return replace(raw, rows=rows, row_numbers=tuple(range(1, width + 1)), merges=merges, provenance=provenance)


def printed_error(exc: InputError, raw: RawTable) -> InputError:
    """An error raised while reading the transposed table, naming the printed place: its row is
    the printed column, its column (a number, maybe with the header text after it) the index of
    a printed row of ``raw`` (the table as printed)."""
    column = str(exc.column).split(" ", 1)[0] if exc.column is not None else ""
    row = raw.row_numbers[int(column) - 1] if column.isdigit() and 0 < int(column) <= len(raw.row_numbers) else None
    reason = (f"{exc.reason} (the table is read transposed, orientation: columns: a row named in this "
              "message is a printed column, a column a printed row)")
    return InputError(exc.path, reason, row=row, column=exc.row)


def printed_across(raw: RawTable, profile: Profile) -> bool:
    """True when the table's first column holds the unit column's header and a measure's (a
    table printed transposed, read with a profile of ``orientation: rows``)."""
    first = [row[0] for row in raw.rows if row]
    return (any(profile.is_unit_header(t) for t in first)
            and any(profile.measure_for_header(t) for t in first if profile.key(t)))


def with_hint(exc: InputError, raw: RawTable, profile: Profile) -> InputError:
    """The error, saying to read the table transposed when it looks printed so."""
    if not printed_across(raw, profile):
        return exc
    return InputError(exc.path, f"{exc.reason} (the table's first column names the unit column and "
                                "measures of the profile: it looks printed transposed, categories "
                                "across the columns; set orientation: columns in the profile)",
                      row=exc.row, column=exc.column)
