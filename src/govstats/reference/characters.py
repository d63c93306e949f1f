"""Characters folded when labels are matched: traditional ones (辦, 結, 總) read as the simplified
ones the reference data spells (办, 结, 总), for table headers, unit names and bulletin prose alike.

One table, ``data/reference/characters.csv`` (columns traditional, simplified).
"""

from __future__ import annotations

from pathlib import Path

from govstats.errors import InputError
from govstats.reference.files import read_csv_rows

CHARACTERS_FILE = "characters.csv"


def load_folds(reference_dir: str | Path) -> dict[str, str]:
    """traditional -> simplified, one character to one; empty when the reference folder has no
    such file."""
    path = Path(reference_dir) / CHARACTERS_FILE
    if not path.is_file():
        return {}
    folds = {}
    for number, row in enumerate(read_csv_rows(path), start=2):
        old, new = row.get("traditional", ""), row.get("simplified", "")
        if len(old) != 1 or len(new) != 1:
            raise InputError(path, "each row folds one character into one", row=number)
        folds[old] = new
    return folds
