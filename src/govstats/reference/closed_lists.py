"""Classifications that are complete when a list names all their members.

"收到的18804件留言中，表示感谢的130件，建言的3735件，求助的8190件，投诉的4304件，咨询的2443件"
names every kind a 领导留言板 message is filed under, so the five counts split the 18804 and a
shortfall is an error, not a part left unnamed. ``data/reference/closed_lists.csv`` holds one
family per row: ``family`` (its name), ``members`` (``;``-separated, each member's printed names
``|``-separated, the first its own name), ``whole`` (``;``-separated words one of which the whole's
label must hold: the kinds of a 领导留言板 message are not all the kinds of a hotline's cases) and
``note``. A new classification is a new row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govstats.errors import InputError
from govstats.reference.files import read_csv_rows

CLOSED_LISTS_FILE = "closed_lists.csv"


@dataclass(frozen=True)
class ClosedList:
    """A classification every member of which a list must name to be complete."""

    family: str
    members: tuple[tuple[str, ...], ...]
    wholes: tuple[str, ...] = ()
    note: str = ""


def closed_list_from_row(row: dict[str, str], path: Path, number: int) -> ClosedList:
    """One family from its CSV row; a row with fewer than two members or an empty name is refused."""
    family = row.get("family", "")
    if not family:
        raise InputError(path, "a family needs a name", row=number, column="family")
    members = tuple(tuple(name.strip() for name in member.split("|")) for member in row.get("members", "").split(";"))
    if len(members) < 2 or any(not name for member in members for name in member):
        raise InputError(path, "members are two or more ;-separated names (aliases |-separated), none empty",
                         row=number, column="members")
    wholes = tuple(w.strip() for w in row.get("whole", "").split(";") if w.strip())
    if not wholes:
        raise InputError(path, "whole names the words one of which the whole's label holds", row=number,
                         column="whole")
    return ClosedList(family, members, wholes, row.get("note", ""))


def load_closed_lists(reference_dir: str | Path) -> tuple[ClosedList, ...]:
    """Families from ``closed_lists.csv``; none when the reference folder has no such file."""
    path = Path(reference_dir) / CLOSED_LISTS_FILE
    if not path.is_file():
        return ()
    return tuple(closed_list_from_row(row, path, n) for n, row in enumerate(read_csv_rows(path), start=2))
