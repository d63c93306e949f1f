"""Where things live: the project root and the layout of data, reference data and reports.

Every path is resolved from the project root, so notebooks work whether papermill runs them
from ``notebooks/`` or from the root, and an office can keep its data apart from the code
(``--root DIR`` or ``GOVSTATS_ROOT``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from govstats.periods import PERIOD_RE, check_period

#: The checkout this package was imported from (src/govstats -> repository root).
CODE_ROOT = Path(__file__).resolve().parents[2]


ROOT_ENV = "GOVSTATS_ROOT"
#: The file each built period keeps its printed figures in (govstats.checks.figures), beside its
#: processed tables, for the periods reconciled with it later.
FIGURES_FILE = "figures.json"


class RootNotFound(FileNotFoundError):
    """No project root: no ``data/`` at or above the starting folder, and none given."""


def project_root(explicit: str | Path | None = None, start: str | Path | None = None) -> Path:
    """Return the project root: ``explicit``, else ``$GOVSTATS_ROOT``, else the nearest
    directory at or above ``start`` (default: the current directory) that holds ``data/``.
    Raises RootNotFound otherwise: never a silent fall back to the code checkout."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ROOT_ENV)
    if env:
        return Path(env).expanduser().resolve()
    here = Path(start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "data").is_dir():
            return candidate
    raise RootNotFound(
        f"no project root found: no data/ directory at or above {here}; "
        f"pass --root DIR (the folder that holds data/) or set {ROOT_ENV}=DIR"
    )


@dataclass(frozen=True)
class Layout:
    """The folders of one project root."""

    root: Path

    @classmethod
    def at(cls, root: str | Path | None = None) -> "Layout":
        return cls(project_root(root))

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def processed(self) -> Path:
        return self.root / "data" / "processed"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def reference(self) -> Path:
        """Reference data of this root, or of the code checkout when the root has none."""
        own = self.root / "data" / "reference"
        return own if own.is_dir() else CODE_ROOT / "data" / "reference"

    @property
    def notebooks(self) -> Path:
        own = self.root / "notebooks"
        return own if own.is_dir() else CODE_ROOT / "notebooks"

    # A "month" below is any period folder name (2020-07, 2022-Q3, 2022-01_2022-09, 2021):
    # every path is checked to be one, so no other text becomes a path.
    def raw_month(self, district: str, month: str) -> Path:
        return self.raw / district / check_period(month)

    def processed_month(self, district: str, month: str) -> Path:
        return self.processed / district / check_period(month)

    def report_month(self, district: str, month: str) -> Path:
        return self.reports / district / check_period(month)

    def raw_folders(self) -> tuple[list[tuple[str, str]], list[Path]]:
        """Every (district, period) with a folder under data/raw, sorted, and the folders
        under a district whose name is no period (a run names them rather than skip them)."""
        found, stray = [], []
        if self.raw.is_dir():
            for district_dir in sorted(p for p in self.raw.iterdir() if p.is_dir()):
                for folder in sorted(p for p in district_dir.iterdir() if p.is_dir()):
                    if PERIOD_RE.match(folder.name):
                        found.append((district_dir.name, folder.name))
                    elif not folder.name.startswith("."):
                        stray.append(folder)
        return found, stray

    def raw_months(self) -> list[tuple[str, str]]:
        """Every (district, period) that has a folder under data/raw, sorted."""
        return self.raw_folders()[0]
