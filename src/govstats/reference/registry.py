"""The department registry of a district: canonical names and every alias (departments.csv).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from govstats.cells import fold_label
from govstats.errors import InputError
from govstats.reference.characters import load_folds
from govstats.reference.files import read_csv_rows


@dataclass(frozen=True)
class Registry:
    """Canonical department names of one district and every alias that maps to them."""

    district: str
    canonical: tuple[str, ...]
    aliases: dict[str, str] = field(default_factory=dict)  # folded alias -> canonical name
    folds: dict[str, str] = field(default_factory=dict)

    def canonical_name(self, published: str) -> str | None:
        """The canonical name for a published name (matched without spaces or romanisation,
        traditional characters folded), or None when the registry lacks it."""
        return self.aliases.get(fold_label(published, self.folds))


def load_registry(reference_dir: str | Path, district: str) -> Registry:
    """Department registry for ``district`` from ``departments.csv`` (aliases split on ;)."""
    path = Path(reference_dir) / "departments.csv"
    canonical: list[str] = []
    aliases: dict[str, str] = {}
    folds = load_folds(reference_dir)
    for number, row in enumerate(read_csv_rows(path), start=2):
        if row.get("district") != district:
            continue
        name = row["department"]
        if not name:
            raise InputError(path, "department name is empty", row=number, column="department")
        if name in canonical:
            raise InputError(path, f"department {name!r} is listed twice", row=number, column="department")
        canonical.append(name)
        for alias in [name, *[a for a in row.get("aliases", "").split(";") if a.strip()]]:
            key = fold_label(alias, folds)
            if key in aliases and aliases[key] != name:
                raise InputError(
                    path, f"alias {alias!r} maps to both {aliases[key]!r} and {name!r}",
                    row=number, column="aliases",
                )
            aliases[key] = name
    return Registry(district, tuple(canonical), aliases, folds)
