"""Word .docx tables through python-docx, with merges read from the table XML.

python-docx repeats a merged cell at every grid position it covers; here each cell is taken
once from the XML (w:gridSpan for columns, w:vMerge restart/continue for rows), placed at its
grid column, and the merged ranges are kept like an Excel sheet's.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx.oxml.ns import qn

from govstats.errors import InputError
from govstats.ingest.readers.grid import Grid, Placed, Provenance, grid_from_placed


def cell_text(tc) -> str:
    """Text of one w:tc, paragraphs joined by line breaks."""
    paragraphs = tc.findall(qn("w:p"))
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs)


def table_placed(tbl) -> list[Placed]:
    """Every cell of a w:tbl once, at its grid position, with its spans."""
    rows = []
    for tr in tbl.tr_lst:
        col = tr.grid_before
        cells = []
        for tc in tr.tc_lst:
            cells.append((col, tc.grid_span, tc.vMerge, cell_text(tc)))
            col += tc.grid_span
        rows.append(cells)
    placed = []
    for r, cells in enumerate(rows):
        for col, colspan, vmerge, text in cells:
            if vmerge == "continue":
                continue
            rowspan = 1
            if vmerge == "restart":
                while r + rowspan < len(rows) and any(
                        c == col and v == "continue" for c, _, v, _ in rows[r + rowspan]):
                    rowspan += 1
            placed.append(Placed(r, col, text, rowspan, colspan))
    return placed


def preceding_text(body, tbl, limit: int = 3) -> str:
    """The last few non-empty paragraphs before a table (its title, as a rule)."""
    texts: list[str] = []
    for child in body.iterchildren():
        if child is tbl:
            break
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t"))).strip()
            if text:
                texts.append(text)
    return "\n".join(texts[-limit:])


def read_docx(data: bytes, path: Path) -> list[Grid]:
    """Every top-level table of a .docx document as a Grid."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(path, f"cannot open it as a Word .docx document: corrupt or truncated ({exc})") from exc
    body = document.element.body
    grids = []
    for index, table in enumerate(document.tables, start=1):
        cells, merges = grid_from_placed(table_placed(table._tbl))
        grids.append(Grid(cells, merges, provenance=Provenance(
            location=f"table {index} of {len(document.tables)}", table_index=index,
            caption=preceding_text(body, table._tbl))))
    return grids
