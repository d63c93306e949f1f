"""Read a raw table file into cells plus provenance, without interpreting any of it.

A RawTable keeps every non-empty row as text with its 1-based row number in the source, and
the file's sha256, so later stages can name the exact cell of a problem and the manifest can
prove which input a report came from.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from govstats.errors import InputError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".tsv", ".txt", ".csv"}


@dataclass(frozen=True)
class RawTable:
    """Cells of one table as text, with where they came from."""

    source: Path
    sha256: str
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]
    encoding: str = "utf-8"

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def sha256_of(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode raw bytes as UTF-8 (with or without BOM), else GB18030; return (text, encoding)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, ("utf-8" if encoding == "utf-8-sig" else encoding)
    raise InputError(path, "cannot decode the file as UTF-8 or GB18030 text")


def rows_from_text(text: str, delimiter: str) -> list[list[str]]:
    """Split delimited text into rows of cells (quotes honoured for CSV)."""
    if delimiter == "\t":
        return [line.split("\t") for line in text.splitlines()]
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def table_from_rows(path: Path, data: bytes, rows: list[list[str]], encoding: str) -> RawTable:
    """Drop rows with no text, keep 1-based row numbers and trailing-empty trimming."""
    kept, numbers = [], []
    for number, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            kept.append(tuple(cells))
            numbers.append(number)
    if not kept:
        raise InputError(path, "the file is empty: no table rows found")
    return RawTable(path, sha256_of(data), tuple(kept), tuple(numbers), encoding)


def read_table(path: str | Path) -> RawTable:
    """Read a raw table file (tab- or comma-separated text) into a RawTable."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "the file is empty")
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise InputError(path, f"unsupported table format {suffix or '(no extension)'}")
    text, encoding = decode_text(data, path)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if "\t" in first or suffix == ".tsv" else ","
    log.debug("reading %s as %s text, delimiter %r", path, encoding, delimiter)
    return table_from_rows(path, data, rows_from_text(text, delimiter), encoding)
