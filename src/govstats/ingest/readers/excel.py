"""Excel workbooks: .xlsx through openpyxl, .xls through xlrd (formatting_info for merges).

Both libraries expose merged ranges exactly, so a two-level header is filled from the ranges the
file declares rather than guessed from blank cells. Cell text is what the sheet shows: whole
numbers without ".0", percent-formatted numbers as "95.36%", dates as ISO dates.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import zipfile
from pathlib import Path

from govstats.errors import InputError
from govstats.ingest.readers.grid import Grid, Provenance, Span, UncachedFormula, filled

log = logging.getLogger(__name__)

_PERCENT_DECIMALS = re.compile(r"0\.(0+)\s*%")


def number_text(value: float | int, number_format: str = "") -> str:
    """A number as the sheet shows it: percent formats as percents, integral floats as ints."""
    if "%" in (number_format or ""):
        match = _PERCENT_DECIMALS.search(number_format)
        decimals = len(match.group(1)) if match else 0
        return f"{float(value) * 100:.{decimals}f}%"
    if isinstance(value, int):
        return str(value)
    if float(value).is_integer():
        return str(int(value))
    return format(value, ".15g")


def value_text(value: object, number_format: str = "") -> str:
    """Any cell value as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return number_text(value, number_format)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def sheet_grid(rows: list[list[str]], merges: list[Span], *, name: str, index: int,
               hidden: bool, notes: tuple[str, ...] = (), formulas: tuple[UncachedFormula, ...] = ()) -> Grid:
    """A Grid for one sheet (row numbers are the sheet's own 1-based rows)."""
    state = ", hidden" if hidden else ""
    return Grid(filled(rows, merges), tuple(merges), tuple(range(1, len(rows) + 1)),
                Provenance(location=f"sheet {index} {name!r}{state}", sheet=name, notes=notes,
                           formulas=formulas))


def visible_first(sheets: list[tuple[bool, Grid]]) -> list[Grid]:
    """Sheets in workbook order, hidden ones last (a hidden sheet is rarely the published one)."""
    return [grid for hidden, grid in sorted(sheets, key=lambda pair: pair[0])]


def corrupt(path: Path, kind: str, exc: Exception) -> InputError:
    return InputError(path, f"cannot open it as {kind}: the file is corrupt or truncated ({exc})")


def read_xlsx(data: bytes, path: Path) -> list[Grid]:
    """Every sheet of an .xlsx workbook as a Grid, visible sheets first."""
    import openpyxl  # imported here: only needed for workbooks

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False, read_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as exc:
        raise corrupt(path, "an Excel .xlsx workbook", exc) from exc
    grids = []
    for index, sheet in enumerate(book.worksheets, start=1):
        cells = sheet.iter_rows(min_row=1, min_col=1, max_row=sheet.max_row, max_col=sheet.max_column)
        rows = [[value_text(c.value, c.number_format) for c in row] for row in cells]
        merges = [Span(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1)
                  for r in sheet.merged_cells.ranges]
        uncached = uncached_formulas(formulas[sheet.title], rows, sheet.title)
        notes = tuple(formula_note(f) for f in uncached)
        for note in notes:
            log.warning("%s: %s", path, note)
        hidden = sheet.sheet_state != "visible"
        grids.append((hidden, sheet_grid(rows, merges, name=sheet.title, index=index,
                                         hidden=hidden, notes=notes, formulas=uncached)))
    formulas.close()
    return visible_first(grids)


def uncached_formulas(sheet, rows: list[list[str]], name: str) -> tuple[UncachedFormula, ...]:  # noqa: ANN001
    """Formula cells of the sheet ``name`` with no saved result (they read as empty)."""
    from openpyxl.utils import get_column_letter

    found = []
    for r, row in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True)):
        for c, value in enumerate(row):
            if isinstance(value, str) and value.startswith("=") and (
                    r >= len(rows) or c >= len(rows[r]) or not rows[r][c]):
                found.append(UncachedFormula(name, f"{get_column_letter(c + 1)}{r + 1}", r + 1, c + 1, value))
    return tuple(found)


def formula_note(formula: UncachedFormula) -> str:
    """What a reader says of a formula without a saved result."""
    return (f"sheet {formula.sheet!r}, cell {formula.cell} (row {formula.row}, column {formula.column}): "
            f"formula {formula.formula} has no saved result (open and save the file in Excel to store "
            "it); read as empty")


def read_xls(data: bytes, path: Path) -> list[Grid]:
    """Every sheet of a legacy .xls workbook as a Grid, visible sheets first."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except Exception as exc:  # xlrd raises many kinds (XLRDError, CompDocError, struct.error ...)
        raise corrupt(path, "an Excel .xls workbook", exc) from exc
    grids = []
    for index, sheet in enumerate(book.sheets(), start=1):
        rows = [[xls_text(book, sheet, r, c) for c in range(sheet.ncols)] for r in range(sheet.nrows)]
        merges = [Span(rlo, clo, rhi - 1, chi - 1) for rlo, rhi, clo, chi in sheet.merged_cells]
        hidden = sheet.visibility != 0
        grids.append((hidden, sheet_grid(rows, merges, name=sheet.name, index=index, hidden=hidden)))
    return visible_first(grids)


def xls_text(book, sheet, row: int, col: int) -> str:
    """One .xls cell as the sheet shows it."""
    import xlrd

    cell = sheet.cell(row, col)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERROR")
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if cell.ctype == xlrd.XL_CELL_DATE:
        return value_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        xf = book.xf_list[sheet.cell_xf_index(row, col)]
        fmt = book.format_map.get(xf.format_key)
        return number_text(cell.value, fmt.format_str if fmt else "")
    return str(cell.value)
