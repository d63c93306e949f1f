"""The common shape every format reader returns: a grid of cell texts plus its merged ranges.

Readers fill each merged range with its anchor's text (so a parent header over three child
columns, or a 部门 cell spanning two header rows, reads the same at every position it covers)
and keep the ranges themselves, so cleaning can tell a repeated label from a repeated number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: Largest row or column span accepted from a file (guards against colspan="9999").
MAX_SPAN = 1000


@dataclass(frozen=True)
class Span:
    """A merged range, 0-based and inclusive: anchor at (top, left), through (bottom, right)."""

    top: int
    left: int
    bottom: int
    right: int

    def covers(self, row: int, col: int) -> bool:
        return self.top <= row <= self.bottom and self.left <= col <= self.right

    def is_anchor(self, row: int, col: int) -> bool:
        return row == self.top and col == self.left


@dataclass(frozen=True)
class Placed:
    """One cell of a source table at its grid position, with its row and column span."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class UncachedFormula:
    """A spreadsheet formula cell saved without its result (read as empty): where it is, 1-based,
    and its text; ``measure`` is the measure whose column it is in, once cleaning knows."""

    sheet: str
    cell: str  # A1 reference, "B3"
    row: int
    column: int
    formula: str
    measure: str | None = None


@dataclass(frozen=True)
class Provenance:
    """Where in its file one table is: ``location`` in words (sheet, table or pages), the sheet
    name, the table's number, the PDF pages, the caption printed with it, and what the reader
    saw fit to note."""

    location: str = ""
    sheet: str | None = None
    table_index: int | None = None
    pages: tuple[int, ...] = ()
    caption: str = ""
    notes: tuple[str, ...] = ()
    formulas: tuple[UncachedFormula, ...] = ()


@dataclass(frozen=True)
class Grid:
    """One candidate table of a file (a sheet, a Word or HTML table, a PDF table)."""

    cells: tuple[tuple[str, ...], ...]
    merges: tuple[Span, ...] = ()
    row_numbers: tuple[int, ...] = ()
    provenance: Provenance = Provenance()

    @property
    def numbers(self) -> tuple[int, ...]:
        """1-based source row number of each grid row (defaults to the grid position)."""
        return self.row_numbers or tuple(range(1, len(self.cells) + 1))

    @property
    def has_text(self) -> bool:
        return any(c.strip() for row in self.cells for c in row)


def clamp_span(value: object) -> int:
    """A row/column span from file text: a positive integer, 1 when missing or malformed."""
    try:
        span = int(str(value).strip().rstrip(";"))
    except (TypeError, ValueError):
        return 1
    return min(max(span, 1), MAX_SPAN)


def filled(cells: Sequence[Sequence[str]], merges: Iterable[Span]) -> tuple[tuple[str, ...], ...]:
    """A copy of ``cells`` with every merged range holding its anchor's text everywhere."""
    grid = [list(row) for row in cells]
    for span in merges:
        if span.top >= len(grid) or span.left >= len(grid[span.top]):
            continue
        text = grid[span.top][span.left]
        for r in range(span.top, min(span.bottom, len(grid) - 1) + 1):
            row = grid[r]
            if len(row) <= span.right:
                row.extend([""] * (span.right + 1 - len(row)))
            for c in range(span.left, span.right + 1):
                row[c] = text
    return tuple(tuple(row) for row in grid)


def grid_from_placed(placed: Iterable[Placed]) -> tuple[tuple[tuple[str, ...], ...], tuple[Span, ...]]:
    """Cells (merged ranges filled) and merges from cells at known grid positions."""
    items = list(placed)
    if not items:
        return (), ()
    height = max(p.row + p.rowspan for p in items)
    width = max(p.col + p.colspan for p in items)
    cells = [[""] * width for _ in range(height)]
    merges = []
    for p in items:
        cells[p.row][p.col] = p.text
        if p.rowspan > 1 or p.colspan > 1:
            merges.append(Span(p.row, p.col, p.row + p.rowspan - 1, p.col + p.colspan - 1))
    return filled(cells, merges), tuple(merges)


def place_rows(rows: Iterable[Iterable[tuple[str, int, int]]]) -> list[Placed]:
    """Grid positions for rows of (text, rowspan, colspan), HTML style: each cell takes the
    next column not already taken by a row span from a row above."""
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in taken:
                c += 1
            placed.append(Placed(r, c, text, rowspan, colspan))
            taken.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
            c += colspan
    return placed
