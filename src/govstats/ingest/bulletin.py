"""A bulletin's prose as received: its text (encoding detected, mojibake refused) and sha256.
"""

from __future__ import annotations

from pathlib import Path

from govstats.errors import InputError
from govstats.ingest.table import sha256_of


def read_bulletin(path: str | Path) -> tuple[str, str]:
    """The text of a bulletin file and its sha256 (UTF-8 with or without BOM, UTF-16 or
    GB18030, detected; mojibake refused)."""
    from govstats.ingest.readers.text import decode_text

    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    data = path.read_bytes()
    return decode_text(data, path)[0], sha256_of(data)
