"""Entry points: every claim of a text, and the counts it shares with its table.

Rules come in as arguments (load them with govstats.reference.claim_rules): nothing here reads a file.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from govstats.checks.claims.across_tables import across_sums
from govstats.checks.claims.crossed import crossed_sums
from govstats.checks.claims.derived import derived
from govstats.checks.claims.family_runs import family_runs
from govstats.checks.claims.full_shares import full_shares
from govstats.checks.claims.inwhole import in_whole_listings
from govstats.checks.claims.lists import find_listings
from govstats.checks.claims.measures import bound_claims, rate_pair_bounds
from govstats.checks.claims.name_counts import name_count_claims
from govstats.checks.claims.named_parts import named_part_bounds, named_part_breakdowns
from govstats.checks.claims.numbers import format_number, parse_number, printed_range
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.rankings import ordered_list_bounds, ranking_bounds
from govstats.checks.claims.readings import percentage_claims
from govstats.checks.claims.rebased import rebased
from govstats.checks.claims.records import Claim, claim_from
from govstats.checks.claims.respective import parallel_runs
from govstats.checks.claims.sub_scopes import sub_scope_bounds
from govstats.checks.claims.sums import Breakdown, breakdowns, sum_claim
from govstats.checks.claims.table_columns import column_claims
from govstats.checks.claims.table_periods import with_table_periods
from govstats.checks.claims.text_tables import table_claims
from govstats.reference.closed_lists import ClosedList
from govstats.reference.claim_rules import (
    COUNTS_FILE,
    CountPattern,
    Measure,
    RateRule,
    pattern_from_item,
)

log = logging.getLogger(__name__)


def sorted_pairs(folds: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(folds.items()))


def folded_pairs(folds: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    """The folds as sorted pairs, sorted once per mapping (it holds thousands of characters)."""
    return derived(folds, sorted_pairs) if folds else ()


def extract_claims(text: str, rates: Sequence[RateRule], measures: Sequence[Measure] = (),
                   folds: Mapping[str, str] | None = None, families: Sequence[ClosedList] = ()) -> list[Claim]:
    """Every checkable numeric statement of ``text`` with its verdict, in reading order.
    ``rates`` are the named rates to know (``load_rates(reference_dir)``), ``measures`` the
    measures and their bounds (``load_measures``), ``folds`` the characters matched as others
    (``load_folds``: 辦結率 is read as 办结率), ``families`` the classifications a list is complete
    for when it names all their members (``load_closed_lists``)."""
    doc = Passage(text, folded_pairs(folds), tuple(families))
    found = breakdowns(doc)
    found += [b for b in named_part_breakdowns(doc) if not {p for f in found for p in f.parts} & set(b.parts)]
    listings = find_listings(doc)
    listings += [item for item in in_whole_listings(doc) if not any(item.whole is other.whole for other in listings)]
    listings += [item for item in family_runs(doc) if not any(set(item.parts) & set(other.parts) for other in listings)]
    # a list is dropped only when its parts are already parts of another breakdown: a part split
    # in a bracket of its own ("受理6.78万件（直办…，转办…）") stays a part of the list
    stated = {p for b in found for p in b.parts}
    # a whole may be split two ways (by channel in a bracket, by result under 其中)
    found += [Breakdown(item.whole, item.parts, item.how, item.guessed, item.note) for item in listings
              if item.exhaustive and not stated & set(item.parts)]
    found += [Breakdown(whole, run, "heading", True, note) for whole, run, note in parallel_runs(doc, listings)
              if not stated & set(run)]
    found += crossed_sums(doc, listings)
    # one whole split into the same parts by two cues ("…中，包括…") is one sum
    found = list({(b.total.start, tuple(p.start for p in b.parts)): b for b in reversed(found)}.values())[::-1]
    wholes = {part: b.total for b in found for part in b.parts if b.how != "parallel"}
    wholes.update({item.parts[0]: item.whole for item in listings if len(item.parts) == 1})
    claims = ([sum_claim(doc, b) for b in found]
              + percentage_claims(doc, tuple(rates), tuple(measures), listings, wholes)
              + bound_claims(doc, tuple(measures), listings))
    claims = full_shares(doc, rebased(doc, claims), listings)
    claims += sub_scope_bounds(doc, tuple(measures), claims)
    claims += ranking_bounds(doc, claims) + ordered_list_bounds(doc, claims) + name_count_claims(doc)
    claims += named_part_bounds(doc, claims)
    claims = with_table_periods(doc, with_table_claims(claims, table_claims(doc) + column_claims(doc, tuple(rates), tuple(measures)) + across_sums(doc)))
    claims += rate_pair_bounds(doc, claims)  # of a table's rate columns too
    log.info("%d claims in %d characters", len(claims), len(text))
    return sorted(claims, key=lambda c: (c.start, c.end))


def with_table_claims(claims: list[Claim], tabled: list[Claim]) -> list[Claim]:
    """``claims`` with a text table's claims in place of what the prose reader made of its rows
    (a share or rate it could not place: the same start and stated value)."""
    taken = {(c.start, abs(c.stated)) for c in tabled if c.kind in ("share", "rate", "change")}
    kept = [c for c in claims if not (c.kind in ("share", "rate", "change") and (c.start, abs(c.stated)) in taken)]
    return kept + tabled


def as_pattern(item: CountPattern | Mapping[str, object], number: int) -> CountPattern:
    """A CountPattern, from itself or from a raw bulletin_counts.yaml entry."""
    if isinstance(item, CountPattern):
        return item
    return pattern_from_item(dict(item), Path(COUNTS_FILE), number)


def table_count_claims(text: str, table_totals: Mapping[str, int | float],
                       patterns: Sequence[CountPattern | Mapping[str, object]]) -> list[Claim]:
    """Counts the prose states that the month's table also holds, against the table's totals."""
    chosen = tuple(as_pattern(p, n) for n, p in enumerate(patterns, start=1))
    doc = Passage(text)
    claims = []
    for item in chosen:
        for match in item.pattern.finditer(text):
            stated = parse_number(match.group(1))
            figure = next((f for f in doc.figures if f.start <= match.start(1) < f.end), None)
            span = doc.enclosing(doc.sentences, match.start(1))
            unit = figure.unit if figure else ""
            common = dict(kind="table", stated=stated, decimals=None, unit=unit)
            if item.measure not in table_totals:
                claims.append(claim_from(
                    doc, span, formula=f"表中合计[{item.measure}] = ?", computed=None,
                    verdict="unverifiable", difference=None,
                    message=f"表中没有“{item.measure}”列，无法核对“{item.label}”", **common))
                continue
            actual = float(table_totals[item.measure])
            low, high = printed_range(match.group(1))
            rounded = high > low  # 2.37万 stands for 23650 to 23749
            within = low <= actual < high if rounded else actual == stated
            difference = 0.0 if within else actual - stated
            verdict = "pass" if within else "fail"
            shown = format_number(stated) + (f"（{match.group(1).strip()}，即 {format_number(low)}–"
                                              f"{format_number(high - 1)}）" if rounded else "")
            message = (f"通报所称“{item.label}”{shown}，表中合计 {format_number(actual)}"
                       + (("，在印出精度内相符" if rounded else "，相符") if within
                          else f"，相差 {format_number(actual - stated)}"))
            claims.append(claim_from(doc, span, formula=f"表中合计[{item.measure}] = {format_number(actual)}",
                                     computed=actual, verdict=verdict, difference=difference,
                                     message=message, **common))
    return claims
