"""Every Chinese label the reports print for a code: measures, indicators, columns, ledger
statuses, check kinds, claim kinds, turnover events and target statuses.

One table, ``data/reference/labels.csv`` (columns group, code, label), so a wording is changed
in one place and a code without a label is visible there, not in five modules. The table of the
code checkout is read once, on first use.
"""

from __future__ import annotations

import functools
from pathlib import Path

from govstats.errors import InputError
from govstats.paths import CODE_ROOT
from govstats.reference.files import read_csv_rows

LABELS_FILE = "labels.csv"


def load_labels(reference_dir: str | Path) -> dict[str, dict[str, str]]:
    """group -> code -> label, from ``labels.csv`` of ``reference_dir``."""
    path = Path(reference_dir) / LABELS_FILE
    table: dict[str, dict[str, str]] = {}
    for number, row in enumerate(read_csv_rows(path), start=2):
        group, code, label = row.get("group", ""), row.get("code", ""), row.get("label", "")
        if not (group and code and label):
            raise InputError(path, "every row needs a group, a code and a label", row=number)
        if code in table.setdefault(group, {}):
            raise InputError(path, f"code {code!r} is labelled twice in group {group!r}", row=number, column="code")
        table[group][code] = label
    return table


@functools.cache
def default_labels() -> dict[str, dict[str, str]]:
    """The labels of the code checkout's reference data (read once)."""
    return load_labels(CODE_ROOT / "data" / "reference")


def labels(group: str) -> dict[str, str]:
    """code -> label of one group (a copy: callers may extend it)."""
    return dict(default_labels().get(group, {}))


def label_of(group: str, code: str) -> str:
    """The label of ``code`` in ``group``; the code itself when it has none."""
    return default_labels().get(group, {}).get(code, code)
