"""Read a raw table file into cells plus provenance, without interpreting any of it.

A RawTable keeps every non-empty row as text with its 1-based row number in the source, the
merged ranges the file declared (already filled with their anchor's text), which sheet, table
or pages it came from, and the file's sha256, so later stages can name the exact cell of a
problem and the manifest can prove which input a report came from.

Formats are told apart by content, not only by extension: an ".xls" that is really an HTML
page is read as HTML, a truncated ".xlsx" is refused as corrupt.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path

from govstats.cells import COUNT_UNITS, normalize_label
from govstats.errors import InputError
from govstats.ingest.readers.grid import Grid, Provenance, Span
from govstats.reference.profiles import Profile

log = logging.getLogger(__name__)


TEXT_SUFFIXES = {".tsv", ".txt", ".csv"}


HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}


#: The most rows (with text) a table may hold, header and total rows included; more is bad input
#: (exit 2), refused before cleaning: a 200,000-row table would take minutes and gigabytes and
#: chart nothing readable. The environment variable GOVSTATS_MAX_ROWS sets another limit.
MAX_ROWS = 5000
MAX_ROWS_VARIABLE = "GOVSTATS_MAX_ROWS"


def max_rows() -> int:
    """The row limit: GOVSTATS_MAX_ROWS when set (a whole number, 1 or more), else MAX_ROWS."""
    text = os.environ.get(MAX_ROWS_VARIABLE, "").strip()
    if not text:
        return MAX_ROWS
    if not text.isdigit() or int(text) < 1:
        raise InputError(None, f"{MAX_ROWS_VARIABLE} must be a whole number of rows, 1 or more; got {text!r}")
    return int(text)


OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A cell that reads as a number, as the count parser accepts them (12万件, 75件, 98%).
_COUNTLIKE = re.compile(rf"^-?[\d,.]+万?(%|{'|'.join(COUNT_UNITS)})?$")


@dataclass(frozen=True)
class RawTable:
    """Cells of one table as text, with where they came from.

    ``rows`` hold every merged range filled with its anchor's text; ``merges`` are those
    ranges as 0-based (row index into ``rows``, column) spans. ``provenance`` says which sheet,
    table or pages of the file the table is, and what the reader saw fit to note.
    """

    source: Path
    sha256: str
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]
    encoding: str = "utf-8"
    format: str = "text"
    provenance: Provenance = Provenance()
    merges: tuple[Span, ...] = ()

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def merge_at(self, index: int, col: int) -> Span | None:
        """The merged range covering row ``index``, column ``col``, if any."""
        return next((s for s in self.merges if s.covers(index, col)), None)

    @property
    def record(self) -> dict[str, object]:
        """Where the table came from, as a flat record for manifests and ledgers."""
        where = self.provenance
        return {
            "source": str(self.source), "sha256": self.sha256, "format": self.format,
            "encoding": self.encoding, "location": where.location, "sheet": where.sheet,
            "table_index": where.table_index, "pages": list(where.pages),
        }


def sha256_of(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def looks_html(data: bytes) -> bool:
    """True when the bytes open like an HTML page (as 'Excel' exports from some systems do)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and any(tag in head for tag in (b"<html", b"<table", b"<!doctype html"))


def zip_format(data: bytes, path: Path) -> str:
    """docx, xlsx or ods for a zip-based office file; InputError when corrupt or none of them."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        kind = {".xlsx": "an Excel .xlsx workbook", ".docx": "a Word .docx document",
                ".ods": "an .ods spreadsheet"}.get(path.suffix.lower(), "an Office (zip) file")
        raise InputError(path, f"cannot open it as {kind}: the file is corrupt or truncated ({exc})") from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise InputError(path, "a binary .xlsb workbook is not supported: save it as .xlsx")
    if "spreadsheet" in mimetype and "content.xml" in names:
        return "ods"
    raise InputError(path, "a zip archive that holds no Excel, Word or OpenDocument spreadsheet")


def sniff_format(data: bytes, path: Path) -> str:
    """The format of a file by its content, the extension breaking ties for plain text."""
    from govstats.ingest.readers.text import looks_binary

    suffix = path.suffix.lower()
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return zip_format(data, path)
    if data.startswith(OLE2_MAGIC):
        if "WordDocument".encode("utf-16-le") in data:
            raise InputError(path, "an old Word .doc file is not supported: save it as .docx")
        return "xls"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.lstrip().startswith(b"{\\rtf"):
        raise InputError(path, "an RTF document is not supported: save it as .docx")
    if suffix in HTML_SUFFIXES or looks_html(data):
        return "html"
    if suffix in {".xlsx", ".xls", ".docx", ".ods", ".pdf"}:
        raise InputError(path, f"the file is named {suffix} but its content is not that format "
                               "(corrupt, truncated or misnamed)")
    if looks_binary(data):
        raise InputError(path, f"unsupported table format {suffix or '(no extension)'}: binary content")
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise InputError(
        path, f"unsupported table format {suffix or '(no extension)'}; govstats reads .xlsx, .xls, "
              ".ods, .docx, .pdf, .html, .csv, .tsv and .txt",
    )


def grids_of(fmt: str, data: bytes, path: Path) -> tuple[list[Grid], str]:
    """Candidate tables of a file in format ``fmt``, and the text encoding ('' for binary)."""
    from govstats.ingest.readers import excel, html, ods, pdf, text, word

    if fmt == "text":
        return text.read_text(data, path)
    if fmt == "html":
        return html.read_html(data, path)
    readers = {"xlsx": excel.read_xlsx, "xls": excel.read_xls, "ods": ods.read_ods,
               "docx": word.read_docx, "pdf": pdf.read_pdf}
    return readers[fmt](data, path), ""


def count_rows(rows: Sequence[Sequence[str]]) -> int:
    """How many rows (of a Grid's cells or a RawTable's rows) hold at least two number-like cells."""
    return sum(1 for row in rows if sum(1 for c in row if _COUNTLIKE.match(normalize_label(c))) >= 2)


def chosen_grid(grids: list[Grid], path: Path, profile: Profile | None) -> tuple[Grid, str]:
    """The candidate holding a header row of ``profile`` (a header column, for a profile of
    ``orientation: columns``), else the first with rows of numbers, else the first; and why it
    was chosen."""
    usable = [g for g in grids if g.has_text and max(len(r) for r in g.cells) >= 2]
    if not usable:
        raise InputError(path, "no table was found in the file")
    if profile is not None:
        for grid in usable:
            width = max(len(r) for r in grid.cells)
            lines = zip(*(tuple(r) + ("",) * (width - len(r)) for r in grid.cells)) if profile.transposed else grid.cells
            if any(profile.header_matches(line) for line in lines):
                return grid, f"holds a header row of profile {profile.name!r}"
        log.warning("%s: no table has a header row of profile %r; taking the first with numbers",
                    path, profile.name)
    for grid in usable:
        if count_rows(grid.cells) >= 2:
            return grid, "the first with rows of numbers"
    return usable[0], "the first"


def raw_from_grid(path: Path, data: bytes, fmt: str, encoding: str, grid: Grid,
                  why: str, candidates: int) -> RawTable:
    """Drop rows with no text (keeping 1-based source row numbers) and re-index merges."""
    kept: list[tuple[str, ...]] = []
    numbers: list[int] = []
    position: dict[int, int] = {}
    for i, (number, row) in enumerate(zip(grid.numbers, grid.cells)):
        cells = [c.strip() for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            position[i] = len(kept)
            kept.append(tuple(cells))
            numbers.append(number)
    if not kept:
        raise InputError(path, "the file is empty: no table rows found")
    limit = max_rows()
    if len(kept) > limit:
        raise InputError(path, f"the table has {len(kept):,} rows, more than the limit of {limit:,} rows "
                               f"(header and totals included; {MAX_ROWS_VARIABLE} sets another limit)",
                         row=numbers[limit])
    merges = []
    for span in grid.merges:
        rows = [position[r] for r in range(span.top, span.bottom + 1) if r in position]
        if rows:
            merges.append(Span(rows[0], span.left, rows[-1], span.right))
    where = grid.provenance
    if candidates > 1:
        where = replace(where, notes=(f"chose {where.location}: {why}", *where.notes))
    return RawTable(path, sha256_of(data), tuple(kept), tuple(numbers), encoding, fmt, where, tuple(merges))


def received(path: Path) -> tuple[bytes, str]:
    """A raw file's bytes and its format (by content); InputError when it is missing or empty."""
    if not path.is_file():
        raise InputError(path, "file not found")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "the file is empty")
    return data, sniff_format(data, path)


def read_table(path: str | Path, profile: Profile | None = None) -> RawTable:
    """Read a raw table file (xlsx, xls, ods, docx, pdf, html, csv, tsv, txt) into a RawTable.

    With a ``profile``, a workbook's sheet (or a document's table) whose header matches it is
    chosen; otherwise the first holding rows of numbers. Raises InputError naming the file when
    it is missing, empty, corrupt, mis-encoded or holds no table.
    """
    path = Path(path)
    data, fmt = received(path)
    grids, encoding = grids_of(fmt, data, path)
    grid, why = chosen_grid(grids, path, profile)
    raw = raw_from_grid(path, data, fmt, encoding, grid, why, len(grids))
    log.info("read %s: %s, %s, %d rows (%s)", path.name, fmt, grid.provenance.location, len(raw.rows), why)
    return raw
