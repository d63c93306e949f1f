"""PDF tables with a text layer, through pdfplumber (ruled tables: cells drawn with lines).

When pdfminer (under pdfplumber) finds no character on any page, the text is read through pdfium
(pypdfium2) instead, cell by cell within the cell boxes pdfplumber found from the ruling lines:
some producers put the text where pdfminer does not look (a form XObject without a /BBox) but a
viewer shows it. Only when neither finds any character has the PDF no text layer.

pdfplumber returns None at positions a spanned cell covers; the spans are measured from the
cell boxes it reports and filled like Excel merges. A table that runs onto the next page (the
next page's first table, same width) is joined to it, dropping the header the printer repeated.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from govstats.cells import normalize_label
from govstats.errors import InputError
from govstats.ingest.readers.grid import Grid, Provenance, Span, filled

#: Points of slack when comparing cell edges.
TOLERANCE = 1.5
_NUMBERISH = re.compile(r"^-?[\d,.]+(万|%)?$")


@dataclass(frozen=True)
class PageTable:
    """One table as pdfplumber found it on one page."""

    page: int
    rows: tuple[tuple[str, ...], ...]
    merges: tuple[Span, ...]
    first_on_page: bool
    last_on_page: bool
    caption: str


def measured_spans(table) -> list[Span]:
    """Merged ranges of a pdfplumber table, from each cell box against the column and row edges."""
    rows = table.rows
    width = max(len(r.cells) for r in rows)
    lefts: list[float | None] = []
    for j in range(width):
        xs = [r.cells[j][0] for r in rows if j < len(r.cells) and r.cells[j] is not None]
        lefts.append(min(xs) if xs else None)
    tops = [r.bbox[1] for r in rows]
    spans = []
    for i, row in enumerate(rows):
        for j, box in enumerate(row.cells):
            if box is None:
                continue
            right = j
            while right + 1 < width and (lefts[right + 1] is None or lefts[right + 1] < box[2] - TOLERANCE):
                right += 1
            bottom = i
            while bottom + 1 < len(rows) and tops[bottom + 1] < box[3] - TOLERANCE:
                bottom += 1
            if right > j or bottom > i:
                spans.append(Span(i, j, bottom, right))
    return spans


def pdfium_text(textpage, height: float, box: tuple[float, float, float, float]) -> str:
    """The text pdfium finds within a box given in pdfplumber's coordinates (top-down)."""
    x0, top, x1, bottom = box
    text = textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)
    return " ".join(text.split())


def page_tables(pdf, textpages: list | None = None) -> list[PageTable]:
    """Every ruled table of every page, merged ranges filled; with ``textpages`` (pdfium, one a
    page) the cells' text is read through pdfium rather than pdfminer."""
    found = []
    for number, page in enumerate(pdf.pages):
        tables = sorted(page.find_tables(), key=lambda t: (t.bbox[1], t.bbox[0]))
        for k, table in enumerate(tables):
            if textpages is None:
                text_rows = [[c or "" for c in row] for row in table.extract()]
                above = page.crop((0, 0, page.width, max(table.bbox[1], 1))).extract_text() or ""
            else:
                def read(box, textpage=textpages[number], height=float(page.height)) -> str:
                    return pdfium_text(textpage, height, box) if box else ""
                text_rows = [[read(box) for box in row.cells] for row in table.rows]
                above = read((0, 0, float(page.width), max(table.bbox[1], 1)))
            spans = measured_spans(table)
            found.append(PageTable(page.page_number, filled(text_rows, spans), tuple(spans),
                                   k == 0, k == len(tables) - 1, "\n".join(above.splitlines()[-2:])))
    return found


def header_prefix(rows: tuple[tuple[str, ...], ...]) -> int:
    """How many leading rows hold no number-like cell (the header a printer repeats)."""
    for i, row in enumerate(rows):
        if any(_NUMBERISH.match(normalize_label(c)) for c in row if normalize_label(c)):
            return i
    return len(rows)


def repeated_rows(first: PageTable, nxt: PageTable) -> int:
    """Leading rows of ``nxt`` that repeat the header of ``first``."""
    limit = min(header_prefix(first.rows), len(nxt.rows))
    k = 0
    while k < limit and [normalize_label(c) for c in nxt.rows[k]] == [normalize_label(c) for c in first.rows[k]]:
        k += 1
    return k


def continues(previous: PageTable, table: PageTable) -> bool:
    """True when ``table`` carries on ``previous`` from the page before."""
    return (previous.last_on_page and table.first_on_page and table.page == previous.page + 1
            and len(previous.rows[0]) == len(table.rows[0]))


def joined(chain: list[PageTable], index: int, count: int) -> Grid:
    """One Grid from a table and its continuations, repeated headers dropped."""
    first = chain[0]
    rows = list(first.rows)
    merges = list(first.merges)
    notes = []
    for part in chain[1:]:
        skip = repeated_rows(first, part)
        if skip:
            notes.append(f"page {part.page}: dropped {skip} repeated header row(s)")
        offset = len(rows) - skip
        rows.extend(part.rows[skip:])
        merges.extend(Span(s.top + offset, s.left, s.bottom + offset, s.right)
                      for s in part.merges if s.top >= skip)
    pages = tuple(p.page for p in chain)
    where = f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}-{pages[-1]}"
    return Grid(tuple(rows), tuple(merges), provenance=Provenance(
        location=f"{where}, table {index} of {count}", table_index=index, pages=pages,
        caption=first.caption, notes=tuple(notes)))


def pdfium_textpages(data: bytes) -> list:
    """pdfium's text page of every page (the document is kept alive by its pages)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    return [document[i].get_textpage() for i in range(len(document))]


def read_pdf(data: bytes, path: Path) -> list[Grid]:
    """Every table of a PDF (tables broken across pages joined) as a Grid."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            textpages = None
            if not any(page.chars for page in pdf.pages):
                textpages = pdfium_textpages(data)
                if not any(t.count_chars() for t in textpages):
                    raise InputError(path, "the PDF has no text layer (a scanned image?); govstats "
                                           "does not read images: ask for the Excel or Word file")
            tables = page_tables(pdf, textpages)
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises PDFSyntaxError, PSEOF, PDFPasswordIncorrect ...
        raise InputError(path, f"cannot open it as a PDF: corrupt, truncated or encrypted ({exc})") from exc
    if not tables:
        raise InputError(path, "no table with ruled cell borders was found in the PDF; tables "
                               "drawn without lines cannot be read: ask for the Excel or Word file")
    chains: list[list[PageTable]] = []
    for table in tables:
        if chains and continues(chains[-1][-1], table):
            chains[-1].append(table)
        else:
            chains.append([table])
    return [joined(chain, i, len(chains)) for i, chain in enumerate(chains, start=1)]
