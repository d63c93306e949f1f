"""A period against the other periods built for its district: the checks between documents.

Three relations, each a ledger record in the period that closes the set (the longer one):

* parts: a quarter, half, year or range against built periods that tile it exactly (its months,
  and the fewest built pieces when that is another tiling: 1—9月 = 1—8月 + 9月). Counts add up at
  the printed precision of each side (a 万 figure is the range it stands for); a rate is
  recomputed from the parts' counts, never averaged, and judged at its printed decimals. Each
  department and the 合计. When no tiling exists, one unverifiable record names the missing months.
* same: another document of the same span (a 2022-Q3 table and a 2022-07_2022-09 bulletin):
  every figure both print must be equal.
* cumulative: a period from January on (1—9月, a first half, a year) never counts less than the
  latest shorter one from the same January (1—8月).

Every record names the documents and cells on both sides; ``PeriodCheck.periods`` lists the
other periods so a report can link them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from govstats.checks.claims.numbers import format_number
from govstats.checks.figures import COUNT, RATE, TOTAL, Figure
from govstats.checks.ledger import Check
from govstats.checks.rates import EPS, fmt_points, tolerance, verdict
from govstats.periods import Period, month_words, parse_period, period_words

PARTS, SAME, CUMULATIVE, MISSING = "period:parts", "period:same", "period:cumulative", "period:missing"


@dataclass(frozen=True)
class PeriodCheck:
    """A ledger record between periods and the other periods it names."""

    check: Check
    periods: tuple[str, ...]


def reconcile(period: str, own: Sequence[Figure], built: Mapping[str, Sequence[Figure]],
              profile: str = "") -> list[PeriodCheck]:
    """Every check between ``period`` (its figures ``own``) and the other built periods of its
    district (``built``: period folder name -> figures). A month closes no set: none for it."""
    target = parse_period(period)
    if target.kind == "month" or not own:
        return []
    inside = {n: f for n, f in built.items() if n != period and target.contains(parse_period(n))}
    spans = [n for n in inside if parse_period(n).months == target.months]
    same = sorted(n for n in spans if n < period)  # the later name holds the relation (and is built after)
    shorter = {n: f for n, f in inside.items() if n not in spans}
    found: list[PeriodCheck] = []
    for other in same:
        found += compare_same(period, own, other, built[other], profile)
    tilings = tilings_of(target, shorter)
    if not tilings and not same:
        found.append(missing_parts(period, target, shorter, profile))
    for tiling in tilings:
        found += compare_parts(period, own, [(n, shorter[n]) for n in tiling], profile)
    earlier = previous_cumulative(target, built)
    if earlier is not None:
        found += compare_cumulative(period, own, earlier, built[earlier], profile)
    return found


def tilings_of(target: Period, pieces: Mapping[str, object]) -> list[list[str]]:
    """Ways the built ``pieces`` cover the target's months exactly, each in month order: every
    month on its own when all are built, and the tiling with the fewest pieces when it differs."""
    months = target.months
    spans = {n: parse_period(n).months for n in pieces}
    found = []
    singles = [m for m in months if m in spans]
    if len(singles) == len(months):
        found.append(singles)
    best: dict[int, list[str]] = {0: []}
    for end in range(1, len(months) + 1):
        options = [best[end - len(s)] + [n] for n, s in sorted(spans.items())
                   if s and s[-1] == months[end - 1] and end - len(s) in best
                   and months[end - len(s):end] == s]
        if options:
            best[end] = min(options, key=len)
    fewest = best.get(len(months))
    if fewest and fewest not in found:
        found.append(fewest)
    return found


def missing_parts(period: str, target: Period, pieces: Mapping[str, object], profile: str) -> PeriodCheck:
    """The unverifiable record of a period whose built parts do not cover it."""
    covered = {m for n in pieces for m in parse_period(n).months}
    missing = [m for m in target.months if m not in covered]
    if missing:
        why = "以下月份尚未建成（data/processed 中没有）：" + "、".join(month_words(m) for m in missing)
    else:
        why = "已建各期（" + "、".join(period_words(n) for n in sorted(pieces)) + "）相互重叠，拼不成本期"
    message = f"{period_words(period)}无法与各期之和核对：{why}"
    return PeriodCheck(Check(MISSING, period_words(period), None, None, None, "warning", "unverifiable",
                             message, profile), tuple(sorted(pieces)))


def side(period: str, figure: Figure) -> str:
    """Where a figure is printed, in words: period, document, cell, value."""
    return f"{period_words(period)}《{figure.document}》{figure.cell} {shown(figure)}"


def shown(figure: Figure) -> str:
    if figure.kind == RATE:
        return fmt_points(figure.value, figure.decimals)
    text = format_number(figure.value)
    return text if figure.low == figure.high else f"{text}（即 {format_number(figure.low)}–{format_number(figure.high)}）"


def scope_of(figure: Figure) -> str:
    return f"{figure.entity}·{figure.label}"


def by_key(figures: Sequence[Figure]) -> dict[tuple[str, str, str], Figure]:
    return {f.key: f for f in figures}


def compare_parts(period: str, own: Sequence[Figure], tiling: Sequence[tuple[str, Sequence[Figure]]],
                  profile: str) -> list[PeriodCheck]:
    """The period's counts against the sum of the tiling's counts, and its rates recomputed from them."""
    names = tuple(n for n, _ in tiling)
    pieces = [(n, by_key(f)) for n, f in tiling]
    records = []
    for figure in own:
        parts = [(n, p.get(figure.key)) for n, p in pieces]
        if figure.kind == COUNT:
            records.append(count_parts(period, figure, parts, names, profile))
        elif figure.kind == RATE:
            records.append(rate_parts(period, figure, pieces, names, profile))
    own_keys = {f.key for f in own}
    printed = {f.measure for f in own if f.kind == COUNT and f.entity != TOTAL}  # listed by department
    for key in sorted({k for _, p in pieces for k in p if k[0] == COUNT and k[2] in printed} - own_keys):
        held = [(n, p[key]) for n, p in pieces if key in p]
        if sum(f.value for _, f in held):
            records.append(absent_from_period(period, key, held, names, profile))
    return records


def count_parts(period: str, figure: Figure, parts: Sequence[tuple[str, Figure | None]],
                names: tuple[str, ...], profile: str) -> PeriodCheck:
    """One count against the sum of its parts (unverifiable when a part does not print it)."""
    lacking = [n for n, f in parts if f is None]
    if lacking:
        message = (f"{side(period, figure)}：" + "、".join(period_words(n) for n in lacking)
                   + f"的文件没有“{figure.entity}”的“{figure.label}”，无法求和核对")
        return PeriodCheck(Check(PARTS, scope_of(figure), None, figure.value, None, "warning", "unverifiable",
                                 message, profile), names)
    low = sum(f.low for _, f in parts)
    high = sum(f.high for _, f in parts)
    value = sum(f.value for _, f in parts)
    ok = figure.low <= high and low <= figure.high
    terms = " + ".join(f"{period_words(n)} {shown(f)}" for n, f in parts)
    sources = "；".join(f"{period_words(n)}《{f.document}》{f.cell}" for n, f in parts)
    message = (f"{side(period, figure)}，各期之和 {format_number(value)}（{terms}）"
               + ("，相符" if ok else f"，相差 {format_number(figure.value - value)}") + f"。各期出处：{sources}")
    return PeriodCheck(Check(PARTS, scope_of(figure), value, figure.value, 0.0 if ok else figure.value - value,
                             "error", "pass" if ok else "fail", message, profile), names)


def rate_parts(period: str, figure: Figure, pieces: Sequence[tuple[str, Mapping]], names: tuple[str, ...],
               profile: str) -> PeriodCheck:
    """A printed rate against the ratio of its parts' summed counts, at its printed decimals."""
    def summed(measures: tuple[str, ...]) -> float | None:
        values = [p.get((COUNT, figure.entity, m)) for _, p in pieces for m in measures]
        return None if any(v is None for v in values) else sum(v.value for v in values)

    num, den = summed(figure.numerator), summed(figure.denominator)
    formula = f"Σ{'+'.join(figure.numerator)} / Σ{'+'.join(figure.denominator)}"
    if num is None or den is None or den == 0:
        message = (f"{side(period, figure)}：各期未都印出 {formula} 的计数，无法由各期重算" if den != 0
                   else f"{side(period, figure)}：各期 {formula} 的分母之和为 0，无法重算")
        return PeriodCheck(Check(PARTS, scope_of(figure), None, figure.value, None, "warning", "unverifiable",
                                 message, profile), names)
    exact = 100.0 * num / den
    result = verdict(exact, figure.value, figure.decimals)
    status = {"pass": "pass", "truncated": "warn"}.get(result, "fail")
    expected = fmt_points(exact, figure.decimals + 1)
    message = (f"{side(period, figure)}，由各期计数重算 {format_number(num)} / {format_number(den)} = {expected}"
               + {"pass": "，相符", "warn": "，印出值为截断而非四舍五入"}.get(status,
                                                              f"，相差 {figure.value - exact:+.2f} 个百分点"))
    return PeriodCheck(Check(PARTS, scope_of(figure), round(exact, 4), figure.value,
                             0.0 if status == "pass" else round(figure.value - exact, 4),
                             "error" if status == "fail" else "warning", status, message, profile), names)


def absent_from_period(period: str, key: tuple[str, str, str], held: Sequence[tuple[str, Figure]],
                       names: tuple[str, ...], profile: str) -> PeriodCheck:
    """A department the parts count but the period's own table leaves out."""
    first = held[0][1]
    total = sum(f.value for _, f in held)
    where = "；".join(f"{period_words(n)}《{f.document}》{f.cell} {shown(f)}" for n, f in held)
    message = (f"{period_words(period)}的文件没有“{key[1]}”的“{first.label}”，"
               f"而各期共 {format_number(total)}（{where}）")
    return PeriodCheck(Check(PARTS, f"{key[1]}·{first.label}", total, None, None, "warning", "warn",
                             message, profile), names)


def matched(own: Sequence[Figure], figures: Sequence[Figure]) -> list[tuple[Figure, Figure]]:
    """Each figure of ``own`` with the figure of the same key in ``figures``, where there is one."""
    theirs = by_key(figures)
    return [(f, theirs[f.key]) for f in own if f.key in theirs]


def pair_record(kind: str, period: str, figure: Figure, other: str, match: Figure, ok: bool, said: str,
                profile: str) -> PeriodCheck:
    """The record of one figure against the same figure of another period's document."""
    message = f"{side(period, figure)}；{side(other, match)}，{said}"
    return PeriodCheck(Check(kind, scope_of(figure), match.value, figure.value,
                             0.0 if ok else figure.value - match.value, "error", "pass" if ok else "fail",
                             message, profile), (other,))


def compare_same(period: str, own: Sequence[Figure], other: str, figures: Sequence[Figure],
                 profile: str) -> list[PeriodCheck]:
    """Every figure two documents of one span both print: equal at their printed precision."""
    records = []
    for figure, match in matched(own, figures):
        if figure.kind == RATE:
            ok = abs(figure.value - match.value) <= tolerance(min(figure.decimals, match.decimals)) + EPS
        else:
            ok = figure.low <= match.high and match.low <= figure.high
        unit = " 个百分点" if figure.kind == RATE else ""
        said = "两份文件相符" if ok else f"两份文件相差 {format_number(round(figure.value - match.value, 4))}{unit}"
        records.append(pair_record(SAME, period, figure, other, match, ok, said, profile))
    return records


def previous_cumulative(target: Period, built: Mapping[str, object]) -> str | None:
    """The latest built period that, like ``target``, runs from January of its year and ends
    earlier (a month on its own is a part, not a cumulative figure)."""
    first = target.months[0]
    if not first.endswith("-01"):
        return None
    earlier = [n for n in built if (p := parse_period(n)).kind != "month" and p.months[0] == first
               and p.months[-1] < target.months[-1]]
    return max(earlier, key=lambda n: (parse_period(n).months[-1], n), default=None)


def compare_cumulative(period: str, own: Sequence[Figure], earlier: str, figures: Sequence[Figure],
                       profile: str) -> list[PeriodCheck]:
    """Counts from January on never fall: each count at least the earlier cumulative's."""
    records = []
    for figure, before in matched(own, figures):
        if figure.kind != COUNT:
            continue
        ok = figure.high >= before.low
        said = "累计数未减少" if ok else f"累计数反而减少 {format_number(before.value - figure.value)}"
        records.append(pair_record(CUMULATIVE, period, figure, earlier, before, ok, said, profile))
    return records


__all__ = ["PeriodCheck", "reconcile", "tilings_of", "TOTAL"]
