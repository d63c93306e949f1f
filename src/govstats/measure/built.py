"""The figures every built period of a district left (``figures.json``), for checks across periods.

Read from data/processed/<district>/<period>/ as each build wrote it, so a period is reconciled
with exactly what the other periods' reports show.
"""

from __future__ import annotations

import json
from pathlib import Path

from govstats.checks.figures import Figure, figures_from_records
from govstats.errors import InputError
from govstats.paths import FIGURES_FILE, Layout
from govstats.periods import PERIOD_RE


def figures_files(layout: Layout, district: str) -> dict[str, Path]:
    """The figures file of every built period of the district, by period folder name."""
    folder = layout.processed / district
    if not folder.is_dir():
        return {}
    return {p.name: p / FIGURES_FILE for p in sorted(folder.iterdir())
            if p.is_dir() and PERIOD_RE.match(p.name) and (p / FIGURES_FILE).is_file()}


def built_figures(layout: Layout, district: str, *, exclude: str | None = None) -> dict[str, list[Figure]]:
    """The figures of the district's built periods (all but ``exclude``); a damaged file is bad
    input naming it."""
    found = {}
    for period, path in figures_files(layout, district).items():
        if period == exclude:
            continue
        try:
            found[period] = figures_from_records(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, TypeError) as exc:
            raise InputError(path, f"cannot read the built figures: {exc}; rebuild that period with "
                                   f"govstats run --force --district {district} --period {period}") from exc
    return found
