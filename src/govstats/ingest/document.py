"""A document as an office publishes it: one file holding the prose, every table, and what the
document says of itself (title, office, number, date, period).

The 通报 with its 附件 table at the end, a Word file, a PDF, a saved web page with the site's
navigation around it, or a workbook: ``read_document`` finds in it the prose (without
navigation, the tables themselves or 附件 headings), each table as a RawTable with its caption,
and the metadata. A table file on its own (table.tsv, an .xlsx sheet of numbers) is a document
with tables and no prose, so a split month folder reads the same way.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from govstats.cells import normalize_label
from govstats.errors import InputError
from govstats.ingest import metadata
from govstats.ingest.prose import docx_lines, html_lines, pdf_lines, sheet_lines
from govstats.ingest.readers.grid import Grid, Provenance
from govstats.ingest.readers.text import decode_text
from govstats.ingest.table import RawTable, count_rows, grids_of, raw_from_grid, received, sha256_of

log = logging.getLogger(__name__)

#: A line of an inline text table: cells split by tabs, or by runs of two or more spaces.
_TAB_SPLIT = re.compile(r"\t")
_SPACE_SPLIT = re.compile(r" {2,}|\u3000+")
MIN_TABLE_CELLS = 3
#: 附件 headings ("附件", "附件1", "附件：7月份…情况表"): the table's caption, not prose.
_ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*[:：]?")
#: Suffixes of files that hold only a table (a split month's table.tsv).
TABLE_ONLY_SUFFIXES = {".tsv", ".csv"}


@dataclass(frozen=True)
class Metadata:
    """What a document says of itself; '' where it says nothing."""

    title: str = ""
    office: str = ""
    number: str = ""
    date: str = ""
    period: str = ""  # as a period folder name (2022-Q3), read from the title block


@dataclass(frozen=True)
class Document:
    """One file as received: its prose, its tables (cells as text, with provenance), metadata."""

    source: Path
    sha256: str
    format: str
    prose: str
    tables: tuple[RawTable, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    notes: tuple[str, ...] = ()


def split_cells(line: str) -> list[str]:
    """A text line's cells: tab-separated when it holds a tab, else split on runs of spaces."""
    parts = _TAB_SPLIT.split(line) if "\t" in line else _SPACE_SPLIT.split(line.strip())
    return [p.strip() for p in parts]


def is_table_line(line: str) -> bool:
    """True for a line of an inline table: three or more tab-separated cells, or three or more
    cells split by runs of spaces of which most after the first are numbers."""
    cells = split_cells(line)
    filled = [c for c in cells if c]
    if "\t" in line:
        return len(cells) >= MIN_TABLE_CELLS and len(filled) >= 2
    numbers = [c for c in filled[1:] if re.fullmatch(r"[-+]?[\d,.]+%?|[-—/]", c)]
    return len(filled) >= MIN_TABLE_CELLS and len(numbers) * 2 >= len(filled) - 1


def text_blocks(lines: list[str]) -> tuple[list[tuple[int, list[str]]], list[tuple[int, str]]]:
    """Inline tables (first line number, rows) and prose lines (line number, text) of a text."""
    tables: list[tuple[int, list[str]]] = []
    prose: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []

    def close() -> None:
        if len(run) >= 2:
            tables.append((run[0][0], [text for _, text in run]))
        else:
            prose.extend(run)
        run.clear()

    for number, line in enumerate(lines, start=1):
        if line.strip() and is_table_line(line):
            run.append((number, line))
        else:
            close()
            prose.append((number, line))
    close()
    return tables, sorted(prose)


def caption_before(prose: list[tuple[int, str]], first_line: int) -> str:
    """The short line printed just above a table (its title), if any."""
    before = [text.strip() for number, text in prose if number < first_line and text.strip()]
    last = before[-1] if before else ""
    return last if last and len(last) <= 60 and not last.endswith(("。", "；")) else ""


def text_tables(path: Path, data: bytes, encoding: str, tables: list[tuple[int, list[str]]],
                prose: list[tuple[int, str]]) -> list[RawTable]:
    """RawTables of a text's inline tables, with source line numbers and captions."""
    raws = []
    for index, (first, rows) in enumerate(tables, start=1):
        cells = tuple(tuple(split_cells(row)) for row in rows)
        where = Provenance(location=f"text table {index} of {len(tables)} (line {first})", table_index=index,
                           caption=caption_before(prose, first))
        grid = Grid(cells, (), tuple(range(first, first + len(rows))), where)
        raws.append(raw_from_grid(path, data, "text", encoding, grid, "inline table", 1))
    return raws


def prose_text(lines: list[str], captions: set[str]) -> tuple[str, list[str]]:
    """The prose without 附件 headings and table captions, and what was set aside."""
    kept, dropped = [], []
    for line in lines:
        text = line.strip()
        if text and (_ATTACHMENT.match(text) or normalize_label(text) in captions):
            dropped.append(text)
            continue
        kept.append(line.rstrip())
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join(kept).strip("\n") + ("\n" if kept else ""), dropped


def grid_tables(fmt: str, data: bytes, path: Path, *, keep_all: bool = False) -> tuple[list[RawTable], str]:
    """The tables of a non-text file that hold rows of numbers (layout tables of a web page are
    left out; ``keep_all`` keeps every table with text, for a file that is only a table), and the
    encoding; a file with no table gives none, not an error."""
    try:
        grids, encoding = grids_of(fmt, data, path)
    except InputError as exc:
        if "no table" in exc.reason:
            return [], ""
        raise
    usable = [g for g in grids if g.has_text and (keep_all or count_rows(g.cells) >= 1)]
    return [raw_from_grid(path, data, fmt, encoding, g, "holds rows of numbers", len(usable)) for g in usable], encoding


def prose_lines(fmt: str, data: bytes, path: Path) -> list[str]:
    """The prose lines of a non-text document."""
    if fmt == "html":
        return html_lines(data, path)[0]
    if fmt == "docx":
        return docx_lines(data, path)
    if fmt == "pdf":
        return pdf_lines(data, path)
    if fmt == "xlsx":
        return sheet_lines(data, path)
    return []


def document_metadata(prose: str, tables: list[RawTable]) -> Metadata:
    """Title, office, number, date and period from the prose (or, for a table on its own, from
    the text above its header)."""
    head = prose or "\n".join(t.provenance.caption for t in tables if t.provenance.caption)
    return Metadata(title=metadata.document_title(head), office=metadata.issuing_office(head),
                    number=metadata.document_number(head), date=metadata.issue_date(head),
                    period=metadata.stated_period(head) or "")


def read_document(path: str | Path) -> Document:
    """Read a document (txt, docx, pdf, html, xlsx, xls, ods, csv, tsv) into prose, tables and
    metadata; InputError naming the file when it is missing, empty, corrupt or mis-encoded."""
    path = Path(path)
    data, fmt = received(path)
    if fmt == "text" and path.suffix.lower() in TABLE_ONLY_SUFFIXES:
        tables, _ = grid_tables(fmt, data, path, keep_all=True)
        lines: list[str] = []
    elif fmt == "text":
        text, encoding = decode_text(data, path)
        blocks, prose = text_blocks(text.splitlines())
        tables = text_tables(path, data, encoding, blocks, prose)
        lines = [line for _, line in prose]
    else:
        tables, _ = grid_tables(fmt, data, path)
        lines = prose_lines(fmt, data, path)
    captions = {normalize_label(t.provenance.caption) for t in tables if t.provenance.caption}
    prose, dropped = prose_text(lines, captions)
    notes = tuple(f"set aside as a heading, not prose: {d!r}" for d in dropped)
    document = Document(path, sha256_of(data), fmt, prose, tuple(tables), document_metadata(prose, tables), notes)
    log.info("read %s: %s, %d characters of prose, %d table(s), period %s", path.name, fmt, len(prose),
             len(tables), document.metadata.period or "not stated")
    return document
