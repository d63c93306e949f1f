"""Rates and shares in a table, checked at the precision they are printed.

A profile declares ``rate = numerator / denominator`` (either part may be the total row, for a
share). Each row's printed percentage passes when it is within half a unit of its last printed
digit of the exact ratio; a printed value that is the exact ratio cut off (not rounded) warns,
naming truncation; anything else fails with the difference in percent points. When a part is not
printed, or the printed denominator does not reproduce the rate, feasibility says whether any
whole-number numerator over the row's count gives the printed rate, and which other count column,
if any, reproduces every row. A share of a base the table does not print (``{base: 新受理数}``)
is checked against the whole base that gives every row's printed share.
"""

from __future__ import annotations

import math

import pandas as pd

from govstats.cells import percent_decimals
from govstats.checks.ledger import Check, in_words
from govstats.clean.month import MonthTable
from govstats.reference.profiles import Profile, Rate, RatePart

#: Slack for floating-point error when a ratio sits exactly on a rounding edge.
EPS = 1e-9


def rate_rows(month: MonthTable) -> list[tuple[str, int | None, dict[str, object]]]:
    """(scope, key of its cells, values) of every department row, then of the total row: the
    key is the printed row number (MonthTable.cell_line: FOLD past it for a later column group
    of a folded list), the one ``printed_points`` reads a cell's printed text by."""
    rows = [(str(r["department"]), month.cell_line(str(r["department"]), int(r["source_row"])), r)
            for r in month.departments.to_dict("records")]
    if month.totals_row is not None:
        rows.append(("合计", month.cell_line("合计", month.totals_row), dict(month.published_totals)))
    return rows


def part_value(part: RatePart, row: dict[str, object], totals: dict[str, object]) -> int | None:
    """The sum a rate part stands for on ``row`` (or on the total row), None when a cell is blank."""
    source = totals if part.total_row else row
    values = [source.get(m) for m in part.measures]
    if any(v is None or pd.isna(v) for v in values):
        return None
    return int(sum(values))


def tolerance(decimals: int) -> float:
    """Half a unit of the last printed digit, in percent points."""
    return 0.5 * 10.0 ** -decimals


def fmt_points(value: float, decimals: int) -> str:
    """A percentage at ``decimals`` places ("96.9%")."""
    return f"{value:.{max(decimals, 0)}f}%"


def verdict(exact: float, printed: float, decimals: int) -> str:
    """pass (rounds to the printed value), truncated (cut off to it) or fail."""
    if abs(exact - printed) <= tolerance(decimals) + EPS:
        return "pass"
    scale = 10.0 ** decimals
    if abs(math.floor(exact * scale + EPS) / scale - printed) <= EPS:
        return "truncated"
    return "fail"


def printed_points(month: MonthTable, rate: str, line: int | None, value: float) -> tuple[float, int]:
    """A rate cell as percent points and its printed decimals. In a column of fractions a whole
    "1" or "0" is read at the column's precision (1 beside 0.98 is 100%, not 100% +- 50)."""
    text = month.printed.get((line, rate), "") if line is not None else ""
    fraction = rate in month.fraction_rates
    decimals = percent_decimals(text, fraction) if text else 2
    if fraction and "." not in text:
        decimals = max(percent_decimals(t, True) for (_, m), t in month.printed.items() if m == rate)
    return round(float(value) * 100, 10), decimals


def rate_check(month: MonthTable, rate: Rate, scope: str, exact: float, points: float, decimals: int,
               num: int, den: int, profile: Profile) -> Check:
    """One row's printed rate against num / den."""
    words = in_words(rate.text, month.headers)
    return judged(f"rate:{rate.text}", scope, f"{scope} {words}：{num}/{den}", exact, points, decimals,
                  verdict(exact, points, decimals), profile)


def judged(name: str, scope: str, lead: str, exact: float, points: float, decimals: int, state: str,
           profile: Profile) -> Check:
    """The record of a printed percentage against its exact value, given the verdict: pass, warn
    (truncated, with the rounded value it should read) or fail (with the difference in points)."""
    diff = round(points - exact, 4)
    message = f"{lead} = {exact:.4f}%，印为 {fmt_points(points, decimals)}"
    if state == "pass":
        message += "，在印出精度内"
    elif state == "truncated":
        message += f"，是截断值（四舍五入应为 {fmt_points(round(exact, max(decimals, 0)), decimals)}）"
    else:
        message += f"，相差 {diff:+.4f} 个百分点"
    status = {"pass": "pass", "truncated": "warn", "fail": "fail"}[state]
    return Check(name, scope, round(exact, 4), points, 0 if state == "pass" else diff,
                 "warning" if state == "truncated" else "error", status, message, profile.name)


def feasible_numerators(count: int, points: float, decimals: int) -> range:
    """Whole numbers k in 0..count with k / count rounding to the printed percentage."""
    tol = tolerance(decimals)
    low = max(0, math.ceil(count * (points - tol) / 100 - EPS))
    high = min(count, math.floor(count * (points + tol) / 100 + EPS))
    return range(low, high + 1)


def feasibility_check(month: MonthTable, rate: Rate, scope: str, points: float, decimals: int,
                      count: int, profile: Profile) -> Check:
    """Whether any whole-number numerator over the row's count gives the printed rate."""
    den_words = in_words(" + ".join(rate.denominator.measures), month.headers) if rate.denominator else "?"
    shown = fmt_points(points, decimals)
    name = f"feasible:{rate.text}"
    if count == 0:
        return Check(name, scope, None, points, None, "info", "unverifiable",
                     f"{scope} {den_words} 为 0，{shown} 无从核对", profile.name)
    ks = feasible_numerators(count, points, decimals)
    if ks:
        first = ks[0]
        found = f"{first}/{count}" if len(ks) == 1 else f"{first}..{ks[-1]}/{count}"
        return Check(name, scope, found, points, 0, "info", "pass",
                     f"{scope} {shown} 可由整数分子得到：{found}（{den_words} {count}）", profile.name)
    near = min(range(count + 1), key=lambda k: abs(100 * k / count - points))
    return Check(name, scope, None, points, round(points - 100 * near / count, 4), "warning", "unverifiable",
                 f"{scope} {shown}：没有整数 k 使 k/{count}（{den_words}）在印出精度内等于它"
                 f"（最接近 {near}/{count} = {100 * near / count:.4f}%），分母应为别的数", profile.name)


def infeasible(check: Check) -> bool:
    """True for a feasibility record that compared the printed rate with every whole numerator
    over the row's count and found none (its difference: the distance to the nearest)."""
    return check.check.startswith("feasible:") and check.status == "unverifiable" and check.difference is not None


def chance_feasible(count: int, decimals: int) -> float:
    """The share of the percentages printable at ``decimals`` places that some whole k / count
    gives: the chance a printed value is feasible over ``count`` by luck alone."""
    return min(1.0, (count + 1) / (100 * 10 ** decimals + 1))


#: Most a column may owe to luck to be named the denominator of a rate printed without its
#: numerator: every row feasible over it by chance at most 1 time in 100.
MAX_CHANCE = 0.01


def denominator_fit(month: MonthTable, rate: Rate, column: str,
                    rows: list[tuple[str, int | None, dict[str, object]]]) -> tuple[int, float] | None:
    """(rows, chance) when ``column`` reproduces the rate on every row that prints it: exactly as
    numerator / column when the numerator is printed, else with a whole numerator over the column
    (chance: how likely every row is feasible by luck; rows at 0% or 100% fit any count). None
    when a row does not fit or its count is 0 or blank."""
    checked, chance = 0, 1.0
    for _, line, row in rows:
        value, den = row.get(rate.rate), row.get(column)
        num = part_value(rate.numerator, row, month.published_totals) if rate.numerator else None
        if value is None or pd.isna(value) or (rate.numerator and num is None):
            continue
        if den is None or pd.isna(den) or den == 0:
            return None
        points, decimals = printed_points(month, rate.rate, line, value)
        if num is not None:
            if verdict(100 * num / int(den), points, decimals) != "pass":
                return None
        elif not feasible_numerators(int(den), points, decimals):
            return None
        elif 0 < points < 100:
            chance *= chance_feasible(int(den), decimals)
        checked += 1
    return (checked, chance) if checked else None


def other_denominators(month: MonthTable, rate: Rate, profile: Profile,
                       rows: list[tuple[str, int | None, dict[str, object]]]) -> list[Check]:
    """Count columns other than the declared denominator that reproduce the rate on every row:
    exactly with its numerator, or, for a rate printed without one, feasibly on every row and
    unlikely by chance (MAX_CHANCE)."""
    declared = set(rate.denominator.measures) if rate.denominator else set()
    numerator = set(rate.numerator.measures) if rate.numerator else set()
    found = []
    for column in month.headers:
        if profile.kind_of(column) != "count" or {column} == declared or column in numerator:
            continue
        fit = denominator_fit(month, rate, column, rows)
        if fit is None or (not numerator and fit[1] > MAX_CHANCE):
            continue
        checked, label = fit[0], month.headers[column]
        how = (f"都等于 {in_words(' + '.join(rate.numerator.measures), month.headers)} / {label}" if numerator
               else f"都可由整数分子除以 {label} 得到（偶然如此的机会约 {fit[1]:.0e}）")
        found.append(Check(f"rate_denominator:{rate.rate}", label, label, checked, None, "warning", "warn",
                           f"“{month.headers[rate.rate]}”在全部 {checked} 行{how}，分母应是这一列",
                           profile.name))
    return found


def share_sum_check(month: MonthTable, rate: Rate, profile: Profile) -> list[Check]:
    """The printed shares of the department rows against the total row's printed share: they may
    differ by half a unit of the last printed digit per row, no more (84.97% + 11.11% + 3.92%)."""
    total = month.published_totals.get(rate.rate)
    shares = [(line, row.get(rate.rate)) for _, line, row in rate_rows(month)[:-1]]
    shares = [(line, v) for line, v in shares if v is not None and not pd.isna(v)]
    if month.totals_row is None or total is None or pd.isna(total) or not shares:
        return []
    points = [printed_points(month, rate.rate, line, v) for line, v in shares]
    found = round(sum(p for p, _ in points), 4)
    expected, decimals = printed_points(month, rate.rate, month.cell_line("合计", month.totals_row), total)
    slack = sum(tolerance(d) for _, d in points) + tolerance(decimals)
    ok = abs(found - expected) <= slack + EPS
    label = month.headers[rate.rate]
    return [Check(f"share_sum:{rate.rate}", label, expected, found, 0 if ok else round(found - expected, 4),
                  "error", "pass" if ok else "fail",
                  f"各行“{label}”之和 {found:.4f}%，合计行印为 {fmt_points(expected, decimals)}"
                  + ("，在印出精度内" if ok else f"，超出印出精度（允许 ±{slack:.4f} 个百分点）"), profile.name)]


def base_candidates(shares: list[tuple[str, int | None, int, float, int]], rounded: bool) -> range:
    """Whole bases B for which every row's num / B gives its printed share (rounded, or also cut
    off when ``rounded`` is False); rows are (scope, line, num, points, decimals)."""
    low, high = 1, None
    for _, _, num, points, decimals in shares:
        reach = tolerance(decimals) * (2 if not rounded else 1)
        if num > 0:
            low = max(low, math.floor(100 * num / (points + reach) - EPS))
            if points - tolerance(decimals) > 0:
                top = math.ceil(100 * num / (points - tolerance(decimals)) + EPS)
                high = top if high is None else min(high, top)
    if high is None:
        return range(0)
    wanted = ("pass",) if rounded else ("pass", "truncated")
    fits = [b for b in range(low, min(high, low + 100_000) + 1)
            if all(verdict(100 * n / b, p, d) in wanted for _, _, n, p, d in shares)]
    return range(fits[0], fits[-1] + 1) if fits and fits == list(range(fits[0], fits[-1] + 1)) else range(0)


def fitting_bases(shares: list[tuple[str, int | None, int, float, int]]) -> tuple[range, bool]:
    """The whole bases every row's share fits rounded, else rounded or cut off (then True)."""
    bases = base_candidates(shares, rounded=True)
    return (bases, False) if bases else (base_candidates(shares, rounded=False), True)


def base_checks(month: MonthTable, rate: Rate, profile: Profile) -> list[Check]:
    """A share of a base the table does not print (占新受理数比例): the whole base that gives every
    row's share at the printed precision, rounded (else rounded or cut off); each row is then
    checked against it. When one row alone breaks a base all the others fit, that row fails
    against it (named, with its figure); no base for any other reason fails once; rows of zeros
    only leave it unknown."""
    base, label = rate.denominator.base, month.headers[rate.rate]
    shares = []
    for scope, line, row in rate_rows(month):
        value, num = row.get(rate.rate), part_value(rate.numerator, row, month.published_totals)
        if value is not None and not pd.isna(value) and num is not None:
            shares.append((scope, line, num, *printed_points(month, rate.rate, line, value)))
    name = f"rate_base:{rate.rate}"
    if not any(num > 0 and points > 0 for _, _, num, points, _ in shares):
        return [Check(name, label, None, None, None, "warning", "unverifiable",
                      f"“{label}”的分母（{base}）表中未印出，各行为 0，无从推得", profile.name)] if shares else []
    bases, cut = fitting_bases(shares)
    apart = ""
    if not bases:
        # one row alone may break a base every other row agrees on: that row is the misprint
        alone = [row for row in shares if fitting_bases([r for r in shares if r is not row])[0]]
        if len(alone) != 1 or len(shares) < 3:
            suspects = "、".join(scope for scope, *_ in alone) if 0 < len(alone) <= 3 else ""
            return [Check(name, label, None, None, None, "error", "fail",
                          f"“{label}”的分母（{base}）表中未印出，且没有一个整数分母能使各行在印出精度内"
                          "（四舍五入或截断）都成立"
                          + (f"；去掉其中任一行（{suspects}）其余各行即可成立" if suspects else ""), profile.name)]
        apart = alone[0][0]
        bases, cut = fitting_bases([r for r in shares if r is not alone[0]])
    chosen = min(bases, key=lambda b: (sum(verdict(100 * n / b, p, d) != "pass" for _, _, n, p, d in shares), b))
    found = f"{bases[0]}" if len(bases) == 1 else f"{bases[0]}..{bases[-1]}"
    checks = [Check(name, label, found, None, None, "info", "pass",
                    f"“{label}”的分母（{base}）表中未印出：由各行推得为 {found}"
                    + (f"（{apart}一行除外，它与其余各行都不相符）" if apart else "")
                    + ("（有的行须为截断值）" if cut else ""), profile.name)]
    words = in_words(f"{rate.rate} = {' + '.join(rate.numerator.measures)}", month.headers)
    for scope, _, num, points, decimals in shares:
        exact = 100 * num / chosen
        checks.append(judged(f"rate:{rate.text}", scope, f"{scope} {words} / {base}：{num}/{chosen}", exact, points,
                             decimals, verdict(exact, points, decimals), profile))
    return checks


def rate_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """Every declared rate on every row and the total row; feasibility where it cannot be
    reproduced, and the other count column that reproduces it, if any."""
    checks: list[Check] = []
    for rate in profile.rates:
        parts = [p for p in (rate.numerator, rate.denominator) if p]
        if rate.rate not in month.headers or not all(set(p.measures) <= set(month.headers) for p in parts):
            continue
        if rate.denominator.base:
            checks += base_checks(month, rate, profile) if rate.numerator else []
            continue
        rows = rate_rows(month)
        failed = False
        for scope, line, row in rows:
            value = row.get(rate.rate)
            if value is None or pd.isna(value):
                continue
            points, decimals = printed_points(month, rate.rate, line, value)
            num = part_value(rate.numerator, row, month.published_totals) if rate.numerator else None
            den = part_value(rate.denominator, row, month.published_totals) if rate.denominator else None
            if rate.numerator and rate.denominator:
                if num is None or den is None or den == 0:
                    checks.append(Check(f"rate:{rate.text}", scope, None, points, None, "warning", "unverifiable",
                                        f"{scope}：分子或分母为空或为 0，未能核对“{in_words(rate.text, month.headers)}”",
                                        profile.name))
                    continue
                check = rate_check(month, rate, scope, 100 * num / den, points, decimals, num, den, profile)
                checks.append(check)
                if check.status == "fail":
                    failed = True
                    checks.append(feasibility_check(month, rate, scope, points, decimals, den, profile))
            elif den is not None:
                check = feasibility_check(month, rate, scope, points, decimals, den, profile)
                checks.append(check)
                failed = failed or infeasible(check)
        if failed:
            checks += other_denominators(month, rate, profile, rows)
        if rate.denominator and rate.denominator.total_row and rate.numerator and not rate.numerator.total_row:
            checks += share_sum_check(month, rate, profile)
    return checks
