"""The figures a period's documents print, each with where it is printed, for checks across periods.

A built period keeps its figures (``figures.json`` beside its processed tables) so that a later
period can be reconciled with it without reading its raw files again: every count of the table
(each department and the 合计 row, or the column sum when no 合计 is printed; each breakdown of a table
of breakdowns side by side, the later ones named by their breakdown), every rate the
profile declares with both parts on the same row, and the district counts its prose states
(the patterns of data/reference/bulletin_counts.yaml) when the table does not hold them. A count
printed in 万 keeps its printed precision as the range it stands for.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import pandas as pd

from govstats.checks.claims.extract import as_pattern
from govstats.checks.claims.numbers import parse_number, printed_range
from govstats.checks.claims.prose import Passage
from govstats.checks.rates import printed_points, rate_rows
from govstats.checks.table import table_totals
from govstats.clean.draft import AUTO_PROFILE
from govstats.clean.month import MonthTable
from govstats.clean.rows import FOLD
from govstats.ingest.document import Document
from govstats.reference.claim_rules import CountPattern
from govstats.reference.profiles import Profile

#: The entity of a district-wide figure (the 合计 row, or a count the prose states for the district).
TOTAL = "合计"
COUNT, RATE = "count", "rate"


@dataclass(frozen=True)
class Figure:
    """One printed figure: whose (a department, or TOTAL), which measure, its value and the
    range of exact values its print stands for, and the document and cell that print it. A rate
    is in percent points, with its printed decimals and the count measures it is a ratio of."""

    entity: str
    measure: str
    label: str
    value: float
    low: float
    high: float
    document: str
    cell: str
    kind: str = COUNT
    decimals: int = 0
    numerator: tuple[str, ...] = ()
    denominator: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.entity, self.measure)


def count_measures(table: MonthTable, profile: Profile) -> list[str]:
    """The table's columns of counts that add up over departments and periods (counts standing
    at the period's end, ``period_end`` such as 在办, do not add up over periods)."""
    return [m for m in table.headers if profile.summable(m) and m not in profile.signed
            and m not in profile.period_end]


def measure_key(profile: Profile, measure: str, header: str) -> str:
    """The name a figure is matched across periods by: the profile's measure, or for a drafted
    (auto) profile, whose names are column positions, the header itself."""
    return profile.key(header) if profile.name == AUTO_PROFILE else measure


def exact(entity: str, measure: str, label: str, value: float, document: str, cell: str) -> Figure:
    return Figure(entity, measure, label, float(value), float(value), float(value), document, cell)


def table_figures(table: MonthTable, profile: Profile, document: str) -> list[Figure]:
    """Every count and rate of a cleaned table, by department and for the 合计 (the printed row,
    else the column sum, said so in the cell). A table of breakdowns side by side gives each
    breakdown's figures; those after the first are named by their breakdown (按类型：咨询)."""
    figures: list[Figure] = []
    for at, block in enumerate(table.blocks or (table,)):
        prefix = f"{block.block}：" if at and block.block else ""
        figures += [replace(f, entity=prefix + f.entity, cell=prefix + f.cell) if prefix else f
                    for f in block_figures(block, profile, document)]
    return figures


def block_figures(table: MonthTable, profile: Profile, document: str) -> list[Figure]:
    """The counts and rates of one list of departments and its 合计."""
    if table.departments.empty:
        return []
    figures: list[Figure] = []
    measures = count_measures(table, profile)
    keys = {m: measure_key(profile, m, table.headers[m]) for m in measures}
    for row in table.departments.to_dict("records"):
        for m in measures:
            if pd.notna(row.get(m)):
                figures.append(exact(str(row["department"]), keys[m], table.headers[m], row[m], document,
                                     f"第{int(row['source_row'])}行“{table.headers[m]}”"))
    totals = table_totals(table, profile)
    for m in measures:
        if m in totals:
            printed = table.published_totals.get(m) is not None
            figures.append(exact(TOTAL, keys[m], table.headers[m], totals[m], document,
                                 f"合计行“{table.headers[m]}”" if printed
                                 else f"“{table.headers[m]}”各行之和（表中无合计行）"))
    figures += rate_figures(table, profile, document)
    return figures


def rate_figures(table: MonthTable, profile: Profile, document: str) -> list[Figure]:
    """The printed rates whose numerator and denominator are counts on the same row."""
    figures: list[Figure] = []
    if profile.name == AUTO_PROFILE:  # drafted rates name columns by position: not matched across tables
        return figures
    for rate in profile.rates:
        if (rate.rate not in table.headers or rate.numerator is None or rate.denominator is None
                or rate.numerator.total_row or rate.denominator.total_row):
            continue
        for scope, line, values in rate_rows(table):
            value = values.get(rate.rate)
            if value is None or pd.isna(value):
                continue
            points, decimals = printed_points(table, rate.rate, line, float(value))
            where = "合计行" if scope == TOTAL else f"第{line % FOLD}行"
            figures.append(Figure(scope, rate.rate, table.headers[rate.rate], points, points, points, document,
                                  f"{where}“{table.headers[rate.rate]}”", RATE, decimals,
                                  rate.numerator.measures, rate.denominator.measures))
    return figures


def prose_figures(text: str, patterns: Sequence[CountPattern | Mapping[str, object]], document: str,
                  held: Iterable[str] = ()) -> list[Figure]:
    """District counts the prose states (bulletin_counts patterns), for measures the table does
    not hold (``held``); the first statement of each measure counts."""
    taken = set(held)
    doc = Passage(text)
    figures = []
    for n, item in enumerate(patterns, start=1):
        pattern = as_pattern(item, n)
        if pattern.measure in taken:
            continue
        match = pattern.pattern.search(text)
        if match is None:
            continue
        low, high = printed_range(match.group(1))  # [low, high): the whole counts it stands for
        if high > low:
            low, high = math.ceil(low), math.ceil(high) - 1
        span = doc.enclosing(doc.sentences, match.start(1))
        figures.append(Figure(TOTAL, pattern.measure, pattern.label, parse_number(match.group(1)), low,
                              high, document, f"“{doc.text_of(span)[:60]}”"))
        taken.add(pattern.measure)
    return figures


def figures_records(figures: Iterable[Figure]) -> list[dict[str, object]]:
    """Figures as JSON-able records."""
    return [asdict(f) for f in figures]


def figures_from_records(records: Iterable[Mapping[str, object]]) -> list[Figure]:
    """Figures read back from their records."""
    return [Figure(**{**r, "numerator": tuple(r.get("numerator") or ()),  # type: ignore[arg-type]
                      "denominator": tuple(r.get("denominator") or ())}) for r in records]


def period_figures(table: MonthTable, profile: Profile, documents: Sequence[Document],
                   count_patterns: Sequence[CountPattern | dict], bulletin: str | None) -> list[Figure]:
    """The figures the period prints: its table's, then the district counts its prose states
    that the table does not hold (each named by the document that states it)."""
    figures = table_figures(table, profile, Path(table.source).name) if table.source else []
    held = {f.measure for f in figures}
    texts = [(d.source.name, d.prose) for d in documents if d.prose.strip()] or \
        ([("通报", bulletin)] if bulletin else [])
    for name, text in texts:
        found = prose_figures(text, count_patterns, name, held)
        held |= {f.measure for f in found}
        figures += found
    return figures
