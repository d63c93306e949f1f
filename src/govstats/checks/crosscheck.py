"""Prose against its own attachment: a count the bulletin states for a department that the
document's table also holds ("区公安局办件15467件" and the 区公安局 row of the 附件 table).

Only a figure whose label names a department of the table, followed by nothing but a measure the
profile knows (a column header or one of its synonyms) or a generic word for cases handled, is a
claim: "区人力社保局超时5件" names no column of the table and is left alone, so a count of
something else is never compared with the table. The 合计 is compared through the patterns of
data/reference/bulletin_counts.yaml (govstats.checks.claims.extract.table_count_claims).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from govstats.cells import normalize_label
from govstats.checks.claims.numbers import format_number
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.records import Claim, claim_from
from govstats.clean.month import MonthTable
from govstats.reference.profiles import Profile
from govstats.reference.registry import Registry

#: Words that say "cases handled" without naming a column: the table's total.
TOTAL_WORDS = ("办件", "办件量", "办理", "办理办件", "受理", "共办理", "共受理", "办理事项", "共办件", "共")
#: Words between a department and its figure that carry no meaning.
FILLERS = ("本月", "当月", "全月", "共", "累计", "为", "达", "了", "计")
#: Counting units of the cases a table counts.
CASE_UNITS = ("件", "件次", "个", "笔", "宗")


def department_names(table: MonthTable, registry: Registry) -> dict[str, str]:
    """Every written form of the table's departments (published, canonical, registry aliases),
    normalised, to the canonical name."""
    names: dict[str, str] = {}
    canonical = set(table.departments["department"])
    for row in table.departments.itertuples(index=False):
        names[normalize_label(row.published_name)] = row.department
        names[normalize_label(row.department)] = row.department
    for alias, name in registry.aliases.items():
        if name in canonical:
            names[alias] = name
    return names


def measure_of(words: str, profile: Profile, table: MonthTable) -> str | None:
    """The measure the words after a department name stand for, or None."""
    for filler in FILLERS:
        words = words.removeprefix(filler).removesuffix(filler)
    if not words or words in TOTAL_WORDS:
        return "total" if "total" in table.headers else None
    measure = profile.measure_for_header(words)
    return measure if measure in table.headers else None


def row_claims(text: str, table: MonthTable, profile: Profile, registry: Registry) -> list[Claim]:
    """A claim for every count the prose states for one of the table's departments, compared
    with that department's cell; both places are named."""
    if table.departments.empty:
        return []
    doc = Passage(text)
    names = department_names(table, registry)
    ordered = sorted(names, key=len, reverse=True)
    rows: Mapping[str, pd.Series] = {r["department"]: r for _, r in table.departments.iterrows()}
    claims = []
    for figure in doc.figures:
        if figure.unit not in CASE_UNITS or figure.approx:
            continue
        label = normalize_label(doc.label(figure))
        name = next((n for n in ordered if n and n in label), None)
        if name is None:
            continue
        measure = measure_of(label[label.index(name) + len(name):], profile, table)
        if measure is None:
            continue
        department = names[name]
        row = rows[department]
        value = row[measure]
        if pd.isna(value):
            continue
        header = table.headers[measure]
        where = f"附件表格{table.place(int(row['source_row']))} {department} {header} {format_number(float(value))}"
        difference = float(value) - figure.value
        ok = abs(difference) <= figure.resolution + 1e-9
        message = (f"通报所称 {department} {format_number(figure.value)}{figure.unit}，{where}"
                   + ("，相符" if ok else f"，相差 {format_number(difference)}"))
        claims.append(claim_from(doc, doc.clause_of(figure), kind="table", stated=figure.value, decimals=None,
                                 unit=figure.unit, formula=f"表中[{department}][{header}] = {format_number(float(value))}",
                                 computed=float(value), verdict="pass" if ok else "fail",
                                 difference=difference, message=message))
    return claims
