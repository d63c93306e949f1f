"""Which printed figures of a table the ledger's checks cover.

A figure is a measure cell that holds a value (department rows, the total row, subtotals, 其中
rows). A check covers the cells it compared: a column total every cell of its column, an
identity, bound or rate the cells of its terms on its row, a feasibility check the rate and its
count, a growth check the change and count of each row printing a change and of the total row,
a change check (changes) its change and two counts on its row.
Checks that could not be made cover nothing (a blank or zero part, a column that is not summed,
a formula saved without its result).

A feasibility check covers its rate and count whether or not a whole numerator gives the printed
rate. When none does, its record is unverifiable (the numerator cannot be known, and the ledger
says the denominator must be something else), but it still compared the printed figure with
every k / count at the printed precision and says something definite about both cells: this
rate is not a share of this count. A check that could not compare anything (the count is 0 or
blank) is the one that covers nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import pandas as pd

from govstats.checks.ledger import Check
from govstats.checks.rates import infeasible
from govstats.clean.month import MonthTable

Cell = tuple[int, str]  # (printed row number, FOLD more per group left of a folded list's own; measure)

#: Statuses of a check that compared something.
COMPARED = ("pass", "fail", "warn")


def department_rows(month: MonthTable) -> dict[str, int]:
    """Each department's cell row: its printed row, plus FOLD for each column group left of its
    own in a list folded into groups side by side (MonthTable.cell_line). The departments a
    cell of several names stands for (the 无办件 row) share their row's cells."""
    return {str(name): month.cell_line(str(name), int(line))
            for name, line in zip(month.departments["department"], month.departments["source_row"])}


def total_row(month: MonthTable) -> int | None:
    """The total row's cell row (FOLD past its printed row when a later column group prints it)."""
    return None if month.totals_row is None else month.cell_line("合计", month.totals_row)


def printed_cells(month: MonthTable) -> set[Cell]:
    """Every measure cell of the table that holds a value (for breakdowns side by side, each
    block's cells with its name before the measure: 按类型：total)."""
    if month.blocks:
        return {(row, f"{b.block}：{m}") for b in month.blocks for row, m in printed_cells(replace(b, blocks=()))}
    cells: set[Cell] = set()
    rows = department_rows(month)
    for record in month.departments.to_dict("records"):
        cells |= {(rows[str(record["department"])], m) for m in month.headers
                  if m in record and not pd.isna(record[m])}
    for frame in (month.subtotals, month.parts):
        for record in frame.to_dict("records"):
            cells |= {(int(record["source_row"]), m) for m in month.headers
                      if m in record and not pd.isna(record[m])}
    if month.totals_row is not None:
        cells |= {(total_row(month), m) for m, v in month.published_totals.items()
                  if v is not None and not pd.isna(v)}
    return cells


def row_of(month: MonthTable, scope: str) -> int | None:
    """The cell row a check's scope names (a department, or 合计 for the total row)."""
    if scope == "合计":
        return total_row(month)
    return department_rows(month).get(scope)


def term_cells(month: MonthTable, text: str, row: int | None) -> set[Cell]:
    """Cells of the measures named in a rule's text on ``row`` (合计.m: the total row's m)."""
    cells = set()
    for token in text.replace("=", " ").replace("+", " ").replace("/", " ").replace("<", " ").split():
        token = token.removeprefix("-")  # a fall in a change column: the change's cell
        where, measure = (total_row(month), token[3:]) if token.startswith("合计.") else (row, token)
        if measure in month.headers and where is not None:
            cells.add((where, measure))
    return cells


def check_cells(month: MonthTable, check: Check) -> set[Cell]:
    """The printed cells one ledger record compared (empty when it compared none)."""
    if check.status not in COMPARED and not infeasible(check):
        return set()
    if month.blocks:  # the record's scope starts with its block's name
        name, _, scope = check.scope.partition("：")
        block = next((b for b in month.blocks if b.block == name), None)
        if block is None:
            return set()
        cells = check_cells(replace(block, blocks=()), replace(check, scope=scope))
        return {(row, f"{name}：{m}") for row, m in cells}
    kind, _, rule = check.check.partition(":")
    labels = {label: m for m, label in month.headers.items()}
    if kind in ("column_total", "share_sum"):
        measure = labels.get(check.scope) if kind == "column_total" else rule
        return {c for c in printed_cells(month) if c[1] == measure}
    if kind == "growth":  # the change and count of every row printing a change, and the total row
        rate, _, count = rule.partition(" of ")
        changed = {row for row, m in printed_cells(month) if m == rate}
        return {c for c in printed_cells(month) if c[0] in changed and c[1] in (rate, count)}
    if kind == "size_band":
        return {(row, "total")} & printed_cells(month) if (row := row_of(month, check.scope)) else set()
    if kind in ("identity", "bound", "rate", "feasible", "change"):
        return term_cells(month, rule.replace("?", ""), row_of(month, check.scope)) & printed_cells(month)
    return set()


def covered_cells(month: MonthTable, checks: Iterable[Check]) -> set[Cell]:
    """Every printed cell at least one check compared."""
    covered: set[Cell] = set()
    for check in checks:
        covered |= check_cells(month, check)
    return covered
