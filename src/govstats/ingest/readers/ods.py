"""OpenDocument spreadsheets (.ods) read from their content.xml with lxml.

python-calamine reads .ods values but reports no merged ranges for it and drops percent
formatting; content.xml states both (number-columns-spanned / number-rows-spanned, and the
displayed text in text:p), so it is read directly.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from govstats.errors import InputError
from govstats.ingest.readers.grid import Grid, Placed, Provenance, clamp_span, grid_from_placed

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
_T = "{%s}" % NS["table"]
_X = "{%s}" % NS["text"]


def paragraph_text(node) -> str:
    """Text of a text:p (or a span in it), honouring text:s (spaces) and text:line-break."""
    parts = [node.text or ""]
    for child in node:
        if child.tag == _X + "s":
            parts.append(" " * clamp_span(child.get(_X + "c", 1)))
        elif child.tag == _X + "line-break":
            parts.append("\n")
        else:
            parts.append(paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def sheet_placed(table) -> list[Placed]:
    """Cells of one table:table at their grid positions (empty repeats not materialised)."""
    placed = []
    r = 0
    for row in table.iter(_T + "table-row"):
        row_repeat = clamp_span(row.get(_T + "number-rows-repeated", 1))
        cells = []
        c = 0
        for cell in row:
            repeat = clamp_span(cell.get(_T + "number-columns-repeated", 1))
            if cell.tag == _T + "table-cell":
                text = "\n".join(paragraph_text(p) for p in cell.findall(_X + "p"))
                if text:
                    for k in range(repeat):
                        cells.append(Placed(r, c + k, text,
                                            clamp_span(cell.get(_T + "number-rows-spanned", 1)),
                                            clamp_span(cell.get(_T + "number-columns-spanned", 1))))
            c += repeat
        if cells:
            for k in range(row_repeat):
                placed.extend(Placed(p.row + k, p.col, p.text, p.rowspan, p.colspan) for p in cells)
        r += row_repeat
    return placed


def read_ods(data: bytes, path: Path) -> list[Grid]:
    """Every sheet of an .ods workbook as a Grid."""
    from lxml import etree

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            root = etree.fromstring(archive.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise InputError(path, f"cannot open it as an .ods spreadsheet: corrupt or truncated ({exc})") from exc
    grids = []
    for index, table in enumerate(root.iter(_T + "table"), start=1):
        name = table.get(_T + "name", f"Sheet{index}")
        cells, merges = grid_from_placed(sheet_placed(table))
        grids.append(Grid(cells, merges, provenance=Provenance(location=f"sheet {index} {name!r}", sheet=name)))
    return grids
