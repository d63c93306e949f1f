"""Reading hand-kept reference files: CSV rows and YAML, bad input naming file, line and column.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from govstats.errors import InputError


def read_yaml(path: Path) -> Any:
    """A reference YAML file, parsed; malformed YAML is bad input naming the file, line and column.
    (PyYAML is imported here, so that reading CSV reference files needs the standard library only.)"""
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(path, f"malformed YAML: {problem}",
                         row=mark.line + 1 if mark else None,
                         column=mark.column + 1 if mark else None) from None


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 (BOM tolerated) reference CSV as dicts of stripped strings."""
    if not path.is_file():
        raise InputError(path, "reference file not found")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = []
        for row in reader:
            if None in row:  # more cells than the header names: an unquoted comma, most often
                raise InputError(path, f"{len(reader.fieldnames or [])} columns in the header but more cells "
                                 "in this row (quote a cell that holds a comma)", row=reader.line_num,
                                 column=len(reader.fieldnames or []) + 1)
            rows.append({k: (v or "").strip() for k, v in row.items()})
        return rows
