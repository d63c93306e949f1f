"""Tables inside a published HTML page, through lxml, with colspan and rowspan honoured.

The page's declared charset is tried first (gb2312/gbk read as GB18030, their superset), then
the same detection as for text files; mojibake is refused either way. Only innermost tables are
candidates: government pages wrap content in layout tables.
"""

from __future__ import annotations

import re
from pathlib import Path

from govstats.errors import InputError
from govstats.ingest.readers.grid import Grid, Provenance, clamp_span, grid_from_placed, place_rows
from govstats.ingest.readers.text import decode_text

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "utf8": "utf-8"}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a meta tag (gb2312/gbk as GB18030, their superset)."""
    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    declared = match.group(1).decode("ascii").lower()
    return _SUPERSETS.get(declared, declared)


def cell_text(cell) -> str:
    """Visible text of a td/th, with <br> as a line break (the tree is our own parse)."""
    for br in cell.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for hidden in cell.iter("script", "style"):
        hidden.text = ""
    return cell.text_content().strip()


def own_rows(table) -> list:
    """The tr elements of a table, not of tables nested in it."""
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table")) is table]


def caption_of(table) -> str:
    """The table's caption, else the nearest heading or paragraph before it (its title)."""
    caption = table.find("caption")
    if caption is not None:
        return caption.text_content().strip()
    before = table.xpath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::p "
                         "or self::div][normalize-space()][1]")
    return before[0].text_content().strip()[-200:] if before else ""


def read_html(data: bytes, path: Path) -> tuple[list[Grid], str]:
    """Every innermost table of an HTML page as a Grid, and the page's encoding."""
    import lxml.html

    text, encoding = decode_text(data, path, declared_charset(data))
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError / ValueError on hopeless input
        raise InputError(path, f"cannot parse it as HTML ({exc})") from exc
    tables = [t for t in root.iter("table") if t.find(".//table") is None]
    grids = []
    for index, table in enumerate(tables, start=1):
        rows = [[(cell_text(td), clamp_span(td.get("rowspan", 1)), clamp_span(td.get("colspan", 1)))
                 for td in tr if td.tag in ("td", "th")] for tr in own_rows(table)]
        cells, merges = grid_from_placed(place_rows(rows))
        grids.append(Grid(cells, merges, provenance=Provenance(
            location=f"table {index} of {len(tables)}", table_index=index, caption=caption_of(table))))
    return grids, encoding
