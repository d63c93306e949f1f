"""Find a table's arithmetic without a profile: row identities, rates, changes, column totals.

How a relation is kept (and why chance rarely passes it):
- identity ``a = b + c (+ d + e)``: it must hold on at least MIN_SHARE of the rows where all its
  cells are printed, and on at least MIN_INFORMATIVE rows where two or more terms are non-zero
  (0 = 0 + 0 or 5 = 5 + 0 says nothing); every term must be non-zero somewhere, and a relation
  is dropped when one with fewer terms and the same left side already holds. An exact sum of
  varied counts holding by chance on three rows or more is improbable (about 1 in 10^4 a row
  for counts in the hundreds), so shuffled tables yield none (tests/test_discover.py).
- rate ``p = n / d`` (d a count column, or the total row's n for a share): it must reproduce the
  printed percentage at its precision on MIN_RATE_SHARE of the rows with d > 0 (lower than for
  identities: a printed percentage fits a wrong pair of columns on one row by chance about once
  in a hundred at whole percents and once in a thousand at one decimal, so three fitting rows are
  already 1 in 10^6 or less, and a published table's one misprinted share must not hide the
  relation), and on at least
  MIN_INFORMATIVE rows whose rate is strictly between 0% and 100% (a column of 100% fits any two
  equal columns). The first pair that does is kept, one per rate column.
- change ``p = c / q - 1`` (a percent column, two count columns of the same row, 同比): it must
  reproduce the printed change at its precision on MIN_SHARE of the rows with q > 0, and on at
  least MIN_INFORMATIVE rows whose change is neither 0% nor -100% (c = q fits any two equal
  columns, c = 0 any q). A printed change at one decimal spans hundreds of points in steps of
  0.1, so an unrelated pair of counts matches it on a row well under once in a hundred, and
  on three rows about once in 10^6; shuffled tables yield none. The first pair that does is
  kept, one per percent column that is not already a rate.
- column totals: the total row is taken as the column sum when it equals it in most count
  columns (two thirds); the columns where it does not are then the ledger's failures.
Rows where a kept relation breaks become failures when the ledger is made with the result.
The headline count (the report's total, what its indicators, charts and trends measure) is
the left side of the first identity kept, else the first count column: it is named ``total``,
its header (交办总量) kept as the table prints it.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

import pandas as pd

from govstats.checks.changes import change_verdict
from govstats.checks.rates import printed_points, verdict
from govstats.clean.month import MonthTable
from govstats.reference.profiles import Change, Identity, Profile, Rate, RatePart

MIN_SHARE = 0.9
MIN_RATE_SHARE = 0.8
MIN_INFORMATIVE = 3
MAX_TERMS = 4


def count_rows(month: MonthTable, columns: list[str]) -> list[dict[str, int]]:
    """The department rows' values of count columns (None kept as None)."""
    rows = []
    for record in month.departments.to_dict("records"):
        rows.append({c: (None if pd.isna(record[c]) else int(record[c])) for c in columns})
    return rows


def holds(lhs: str, terms: tuple[str, ...], rows: list[dict[str, int]]) -> bool:
    """Whether ``lhs = sum(terms)`` is kept by the rule in the module docstring."""
    usable = [r for r in rows if all(r[c] is not None for c in (lhs, *terms))]
    if not usable:
        return False
    good = [r for r in usable if r[lhs] == sum(r[c] for c in terms)]
    informative = [r for r in good if sum(1 for c in terms if r[c]) >= 2]
    return (len(good) >= MIN_SHARE * len(usable) and len(informative) >= MIN_INFORMATIVE
            and all(any(r[c] for r in usable) for c in terms))


def find_identities(month: MonthTable, profile: Profile) -> list[Identity]:
    """Row identities among the count columns, fewest terms first."""
    columns = [m for m in month.headers if profile.kind_of(m) == "count"]
    rows = count_rows(month, columns)
    found: list[Identity] = []
    for lhs in columns:
        others = [c for c in columns if c != lhs]
        kept: list[set[str]] = []
        for size in range(2, MAX_TERMS + 1):
            for terms in combinations(others, size):
                if any(k <= set(terms) for k in kept):
                    continue
                if holds(lhs, terms, rows):
                    kept.append(set(terms))
                    found.append(Identity(lhs, terms))
    return found


def rate_fits(month: MonthTable, rate: str, num: str, den: str, share: bool) -> bool:
    """Whether ``rate = num / den`` (den on the total row for a share) is kept."""
    total = month.published_totals.get(den) if share else None
    if share and (total is None or pd.isna(total) or not total):
        return False
    good = informative = usable = 0
    for record in month.departments.to_dict("records"):
        value, n = record.get(rate), record.get(num)
        d = total if share else record.get(den)
        if any(v is None or pd.isna(v) for v in (value, n, d)) or not d:
            continue
        usable += 1
        points, decimals = printed_points(month, rate, month.cell_line(str(record["department"]), int(record["source_row"])), value)
        if verdict(100 * int(n) / int(d), points, decimals) == "pass":
            good += 1
            informative += 0 < points < 100
    return usable > 0 and good >= MIN_RATE_SHARE * usable and informative >= MIN_INFORMATIVE


def find_rates(month: MonthTable, profile: Profile) -> list[Rate]:
    """For each percent column, the first ratio of two count columns (or share of the total
    row) that reproduces it."""
    counts = [m for m in month.headers if profile.kind_of(m) == "count"]
    found = []
    for rate in (m for m in month.headers if profile.kind_of(m) == "percent" and m not in profile.signed):
        for num in counts:
            hit = next((Rate(rate, RatePart((num,)), RatePart((den,))) for den in counts
                        if den != num and rate_fits(month, rate, num, den, False)), None)
            if hit is None and rate_fits(month, rate, num, num, True):
                hit = Rate(rate, RatePart((num,)), RatePart((num,), total_row=True))
            if hit:
                found.append(hit)
                break
    return found


def change_fits(month: MonthTable, rate: str, current: str, previous: str) -> bool:
    """Whether ``rate = current / previous - 1`` is kept."""
    good = informative = usable = 0
    for record in month.departments.to_dict("records"):
        value, now, before = (record.get(m) for m in (rate, current, previous))
        if any(v is None or pd.isna(v) for v in (value, now, before)) or not before:
            continue
        usable += 1
        points, decimals = printed_points(month, rate, month.cell_line(str(record["department"]), int(record["source_row"])), value)
        if change_verdict(100 * (int(now) - int(before)) / int(before), points, decimals) == "pass":
            good += 1
            informative += points not in (0, -100)
    return usable > 0 and good >= MIN_SHARE * usable and informative >= MIN_INFORMATIVE


def find_changes(month: MonthTable, profile: Profile, rates: set[str]) -> list[Change]:
    """For each percent column not already a rate, the first pair of count columns whose change
    on the row reproduces it."""
    counts = [m for m in month.headers if profile.kind_of(m) == "count"]
    found = []
    for rate in (m for m in month.headers if profile.kind_of(m) == "percent" and m not in rates):
        hit = next((Change(rate, now, before) for now in counts for before in counts
                    if now != before and change_fits(month, rate, now, before)), None)
        if hit:
            found.append(hit)
    return found


def sum_columns(month: MonthTable, profile: Profile) -> tuple[int, int]:
    """(count columns with a total, those whose total row is the column sum)."""
    if month.totals_row is None:
        return 0, 0
    columns = [m for m in month.headers if profile.kind_of(m) == "count"
               and month.published_totals.get(m) is not None and not pd.isna(month.published_totals.get(m))]
    equal = [m for m in columns if int(month.departments[m].sum(skipna=True)) == int(month.published_totals[m])]
    return len(columns), len(equal)


def totals_are_sums(month: MonthTable, profile: Profile) -> bool:
    """Whether the total row is the column sum in at least two thirds of the count columns (of
    every block together, for breakdowns side by side); a leading total printed once to serve
    the blocks is their sum by the layout itself."""
    if month.blocks and profile.block_totals:
        return True
    pairs = [sum_columns(b, profile) for b in (month.blocks or (month,))]
    columns, equal = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    return bool(columns) and equal * 3 >= 2 * columns


def discover(month: MonthTable, profile: Profile) -> Profile:
    """``profile`` (a draft) with the relations the table's own numbers keep (in any block, for
    breakdowns side by side: each block is searched on its own)."""
    summed = totals_are_sums(month, profile)
    lists = month.blocks or (month,)
    measures = list(dict.fromkeys(m for b in lists for m in b.headers))
    not_summable = tuple(m for m in measures if profile.kind_of(m) != "count" or not summed)
    identities = dict.fromkeys(i for b in lists for i in find_identities(b, profile))
    rates: dict[str, Rate] = {}
    for block in lists:
        rates = {**{r.rate: r for r in find_rates(block, profile)}, **rates}  # the first block's first
    changes = dict.fromkeys(c for b in lists for c in find_changes(b, profile, set(rates)))
    found = replace(profile, identities=tuple(identities), rates=tuple(rates.values()), not_summable=not_summable,
                    changes=tuple(changes))
    counts = [m for m in measures if profile.kind_of(m) == "count"]
    headline = next((i.lhs for i in identities), counts[0] if counts else None)
    return renamed(found, headline, "total") if headline and "total" not in profile.measures else found


def renamed(profile: Profile, old: str, new: str) -> Profile:
    """``profile`` with measure ``old`` called ``new`` everywhere it is named."""
    def name(m: str) -> str:
        return new if m == old else m

    def part(p: RatePart | None) -> RatePart | None:
        return None if p is None else replace(p, measures=tuple(map(name, p.measures)))

    return replace(
        profile, measures={name(m): s for m, s in profile.measures.items()},
        measure_kinds={name(m): k for m, k in profile.measure_kinds.items()},
        not_summable=tuple(map(name, profile.not_summable)), signed=tuple(map(name, profile.signed)),
        required=tuple(map(name, profile.required)),
        identities=tuple(Identity(name(i.lhs), tuple(map(name, i.rhs))) for i in profile.identities),
        rates=tuple(Rate(name(r.rate), part(r.numerator), part(r.denominator)) for r in profile.rates),
        changes=tuple(Change(name(c.rate), name(c.current), name(c.previous)) for c in profile.changes),
        block_totals={name(m): name(t) for m, t in profile.block_totals.items()})
