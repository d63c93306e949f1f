"""Reference data the claims engine reads: named rates and counts a bulletin shares with its table.

``data/reference/rates.csv`` names each rate a bulletin may print (办结率, 网上受理率, ...) and
the labels of its parts, so a new rate is a new row, not new code. Columns:

- ``rate``: the name as printed; ``aliases``: other printed names, ``;``-separated.
- ``numerator``: labels of the part, ``;``-separated alternatives in order of preference;
  ``a+b`` means the sum of two stated figures (授权比例 = 初审权 + 终审权).
- ``denominator``: labels of the whole, ``;``-separated, in order of preference.
- ``exclude``: label words that disqualify a figure (不满意 is not 满意).
- ``bound``: ``hard`` (the part cannot exceed the whole: an error), ``soft`` (it may,
  e.g. completions carried over from last month: a warning) or ``none`` (a rate over a target,
  such as 完成率 of tasks set, passes 100% as a matter of course).
- ``scope``: where the whole may be stated: ``sentence`` (before the rate, same sentence) or
  ``paragraph`` (also earlier sentences of the paragraph, when the label matches exactly).

``data/reference/bulletin_counts.yaml`` lists counts stated in prose that the month's table
also holds: ``label``, ``pattern`` (a regular expression with one group for the number) and
``measure`` (the table column whose total it must equal).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govstats.errors import InputError
from govstats.reference.files import read_csv_rows, read_yaml

log = logging.getLogger(__name__)

RATES_FILE = "rates.csv"
COUNTS_FILE = "bulletin_counts.yaml"
BOUNDS = ("hard", "soft", "none")
SCOPES = ("sentence", "paragraph")


@dataclass(frozen=True)
class RateRule:
    """A named rate and the labels of the figures it is computed from."""

    name: str
    aliases: tuple[str, ...]
    numerator: tuple[tuple[str, ...], ...]
    denominator: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    bound: str = "hard"
    scope: str = "sentence"
    note: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def numerator_terms(self) -> tuple[str, ...]:
        return tuple(term for alternative in self.numerator for term in alternative)


@dataclass(frozen=True)
class CountPattern:
    """A count a bulletin states in prose and the table column whose total must equal it."""

    label: str
    pattern: re.Pattern[str]
    measure: str


def _split(value: str, sep: str = ";") -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(sep) if part.strip())


def rate_from_row(row: dict[str, str], path: Path, number: int) -> RateRule:
    """One RateRule from a rates.csv row, naming the row and column of any mistake."""
    for column in ("rate", "numerator", "denominator"):
        if not row.get(column):
            raise InputError(path, f"{column} is empty", row=number, column=column)
    bound = row.get("bound") or "hard"
    scope = row.get("scope") or "sentence"
    if bound not in BOUNDS:
        raise InputError(path, f"bound must be hard, soft or none, got {bound!r}", row=number, column="bound")
    if scope not in SCOPES:
        raise InputError(path, f"scope must be sentence or paragraph, got {scope!r}",
                         row=number, column="scope")
    return RateRule(
        name=row["rate"],
        aliases=_split(row.get("aliases", "")),
        numerator=tuple(_split(alt, "+") for alt in _split(row["numerator"])),
        denominator=_split(row["denominator"]),
        exclude=_split(row.get("exclude", "")),
        bound=bound,
        scope=scope,
        note=row.get("note", ""),
    )


def load_rates(reference_dir: str | Path) -> tuple[RateRule, ...]:
    """Named rates from ``rates.csv`` in the reference folder."""
    path = Path(reference_dir) / RATES_FILE
    rules = tuple(rate_from_row(row, path, n) for n, row in enumerate(read_csv_rows(path), start=2))
    log.debug("loaded %d rate rules from %s", len(rules), path)
    return rules


def pattern_from_item(item: Any, path: Path, number: int) -> CountPattern:
    """One CountPattern from a bulletin_counts.yaml entry (``number`` is its 1-based position)."""
    if not isinstance(item, dict) or not {"label", "pattern", "measure"} <= set(item):
        raise InputError(path, f"entry {number} needs label, pattern and measure")
    try:
        pattern = re.compile(str(item["pattern"]))
    except re.error as exc:
        raise InputError(path, f"entry {number} ({item['label']}): bad pattern: {exc}") from exc
    if pattern.groups != 1:
        raise InputError(path, f"entry {number} ({item['label']}): the pattern needs exactly one group")
    return CountPattern(str(item["label"]), pattern, str(item["measure"]))


def load_count_patterns(reference_dir: str | Path) -> tuple[CountPattern, ...]:
    """Counts a bulletin shares with its table, from ``bulletin_counts.yaml``."""
    path = Path(reference_dir) / COUNTS_FILE
    if not path.is_file():
        raise InputError(path, "reference file not found")
    items = read_yaml(path) or []
    return tuple(pattern_from_item(item, path, n) for n, item in enumerate(items, start=1))


MEASURES_FILE = "measures.csv"



@dataclass(frozen=True)
class Measure:
    """A quantity bulletins count (受理, 办结, 主动评价, ...), the words that name it and the
    measures it cannot exceed: ``parents`` pairs a parent measure with its bound (hard or soft)."""

    name: str
    words: tuple[str, ...]
    parents: tuple[tuple[str, str], ...] = ()
    note: str = ""


def measure_from_row(row: dict[str, str], path: Path, number: int) -> Measure:
    """One Measure from a measures.csv row; ``parents`` reads ``受理:soft;申请:hard``."""
    for column in ("measure", "words"):
        if not row.get(column):
            raise InputError(path, f"{column} is empty", row=number, column=column)
    parents = []
    for item in _split(row.get("parents", "")):
        parent, _, bound = item.partition(":")
        bound = bound.strip() or "hard"
        if bound not in BOUNDS[:2]:  # a measure is bounded by its parent, hard or soft
            raise InputError(path, f"bound must be hard or soft, got {bound!r}", row=number, column="parents")
        parents.append((parent.strip(), bound))
    return Measure(row["measure"], _split(row["words"]), tuple(parents), row.get("note", ""))


def load_measures(reference_dir: str | Path) -> tuple[Measure, ...]:
    """Measures from ``measures.csv``, in file order (an earlier row wins when a label names two)."""
    path = Path(reference_dir) / MEASURES_FILE
    measures = tuple(measure_from_row(row, path, n) for n, row in enumerate(read_csv_rows(path), start=2))
    known = {m.name for m in measures}
    for n, measure in enumerate(measures, start=2):
        for parent, _ in measure.parents:
            if parent not in known:
                raise InputError(path, f"parent {parent!r} is not a measure", row=n, column="parents")
    return measures
