"""Columns of a text table read row by row: a named rate against the columns its header names as
the rate's parts ("部门 | 应结案数 | 结案数 | 结案率"), and a change against its two years' columns
("类别 | 2025年 | 2024年 | 按年变动"). A rate that passes makes its numerator's cell a part of its
denominator's, a bound of its own, as in prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govstats.checks.claims.agreeing import agrees
from govstats.checks.claims.guesses import guarded
from govstats.checks.claims.measures import bound_claim
from govstats.checks.claims.numbers import Figure
from govstats.checks.claims.percentages import rate_rule_for
from govstats.checks.claims.prose import Passage
from govstats.checks.claims.records import Claim
from govstats.checks.claims.sums import Breakdown, sum_claim
from govstats.checks.claims.text_tables import HEADER_UNIT, TOTAL_ROWS, Row, column_names, line_of, row_blocks
from govstats.checks.claims.wholes import named_wholes
from govstats.checks.claims.verdicts import percent_claim
from govstats.reference.claim_rules import Measure, RateRule

#: A header's closing word of amount ("结案数", "受理量"): the column is of the measure before it.
#: The period a header may open with ("7月", "2024年6月", "本月", "上年").
PERIOD = re.compile(r"^(?:(?:19|20)\d\d年)?(?:\d{1,2}月份?|[一二三四1-4]季度|[上下]半年)|^(?:本|上|当)(?:月|年|季度?|周)")
AMOUNT_WORD = re.compile(r"(?<=[\u4e00-\u9fff])(?:件数|总数|数量|数|量)$")


def column_claims(doc: Passage, rules: Sequence[RateRule] = (), measures: Sequence[Measure] = ()) -> list[Claim]:
    """Every rate and change column of the text's tables, row by row."""
    return column_rates(doc, rules, measures) + column_changes(doc) + complement_sums(doc) + named_share_columns(doc, measures)


#: A share column's header naming its whole ("占平台投诉举报总数比例", "占全部投诉的比重（%）").
_NAMED_SHARE = re.compile(r"^占(?P<name>[\u4e00-\u9fff]{2,12}?)的?(?:比例|比重|占比|百分比)?$")


def header_wholes(doc: Passage, name: str, part: Figure, measures: Sequence[Measure]) -> list[Figure]:
    """The counts a header's named whole may stand for: by the whole name, else by its shorter
    tails ("平台投诉举报总数" -> "投诉举报总数"), those whose label holds the words cut off first
    ("全国12315平台共收到各类投诉举报")."""
    for cut in range(0, max(len(name) - 3, 1)):
        found = named_wholes(doc, name[cut:], [part], measures)
        if found:
            head = name[:cut]
            return sorted(found, key=lambda f: not head or head not in doc.label(f))
    return []


def named_share_columns(doc: Passage, measures: Sequence[Measure]) -> list[Claim]:
    """"项目 | 数量（件） | 占平台投诉举报总数比例" with no total row: each row's share of the count the
    header names, stated before the table. The name gives the candidates (``named_wholes``); the
    likeliest is taken, or the one other candidate every row's share agrees with (shares of one
    decimal or more); either is a guess, so a row that disagrees is unverifiable, never failed."""
    claims: list[Claim] = []
    for found in row_blocks(doc):
        names = column_names(found.header)
        keys = list(names)
        for at, key in enumerate(keys):
            named = _NAMED_SHARE.match(HEADER_UNIT.sub("", names[key]))
            if not at or named is None or any(row.label.startswith(TOTAL_ROWS) for row in found.rows):
                continue
            pairs = [(row.cells[key], row.cells[keys[at - 1]]) for row in found.rows
                     if key in row.cells and keys[at - 1] in row.cells and row.cells[key].unit == "%"
                     and row.cells[keys[at - 1]].unit != "%"]
            if len(pairs) < 2:
                continue
            candidates = [f for f in header_wholes(doc, named.group("name"), pairs[0][1], measures)
                          if f.value >= max(part.value for _, part in pairs) and not f.approx]
            if not candidates:
                continue
            fitting = [f for f in candidates if all(share.decimals >= 1 and agrees(part.value, f.value, share)
                                                    for share, part in pairs)]
            whole = fitting[0] if len(fitting) == 1 else candidates[0]
            note = f"按表头“{names[key]}”取前文的 {whole.shown}（{doc.label(whole)}）为整体（推测）"
            for share, part in pairs:
                read = percent_claim(doc, share, kind="share", span=line_of(doc, share),
                                     formula=f"{part.shown} / {whole.shown}", part=part.value, whole=whole.value,
                                     operands=((part.value,), whole.value))
                claims.append(guarded(read, note))
    return claims


def column_rates(doc: Passage, rules: Sequence[RateRule], measures: Sequence[Measure] = ()) -> list[Claim]:
    """"部门 | 受理 | 办结 | 办结率": each row's rate against its numerator and denominator columns,
    found by the rate rule's words among the one-line header's cells."""
    claims = []
    for found in row_blocks(doc):
        names = column_names(found.header)
        for key, name in names.items():
            bare = HEADER_UNIT.sub("", name)  # "结案率（%）"
            rule = rate_rule_for(bare, rules) if bare.endswith("率") else None
            bottom = column_named(names, rule.denominator, (), key) if rule else None
            # "7月任务数 | 7月完成数 | 完成率 | 2024年6月完成数": the numerator of the denominator's period
            top = column_named(names, rule.numerator_terms, rule.exclude, key,
                               period_of(names[bottom]) if bottom else None) if rule else None
            guess = ""
            if rule is not None and top is not None and bottom is None and (bottom := latest_bare(names)) is not None:
                guess = f"分母取只标时期的“{names[bottom]}”一栏（推测）"
            if (rule is None or top is None or bottom is None) and bare.endswith("率") and (trio := complement(names)):
                # "派遣数 | 完成数 | 未完成数 | 结案率": done over the whole the complement column adds up to
                bottom, top, _ = trio
                fixed = measure_named(bare).removesuffix("率") == measure_named(names[top])
                guess = "" if fixed else f"分子取“{names[top]}”、分母取“{names[bottom]}”（推测）"
                rule = rule or RateRule(bare, (), (), ())
            if rule is None or top is None or bottom is None or top == bottom:
                continue
            # "接收量 | 受理量 | … | 办结量 | 办结率": two columns the rule's denominator names; the one
            # every row agrees with is taken, and either way the reading is a guess
            alike = next((m.words for m in measures if measure_named(names[bottom]) in m.words), ())
            rivals = [k for k in dict.fromkeys(column_named(names, (term,), (), key) for term in (*rule.denominator, *alike))
                      if k is not None and k not in (bottom, top)]
            if rivals and not guess:
                fitting = [k for k in (bottom, *rivals) if all_agree(found.rows, key, top, k)]
                bottom = fitting[0] if len(fitting) == 1 else bottom
                guess = f"分母取“{names[bottom]}”一栏（表中另有可作分母的栏，推测）"
            for row in found.rows:
                rate, part, whole = (row.cells.get(k) for k in (key, top, bottom))
                if rate is None or part is None or whole is None or rate.unit != "%":
                    continue
                claim = percent_claim(doc, rate, kind="rate", span=line_of(doc, rate),
                                      formula=f"{part.shown} / {whole.shown}", part=part.value,
                                      whole=whole.value, bound=rule.bound, operands=((part.value,), whole.value))
                claim = guarded(claim, guess)
                claims.append(claim)
                if claim.verdict == "pass" and part.value <= whole.value and rule.bound != "none":
                    claims.append(bound_claim(doc, part, whole, rule.bound, "比率的分子不应多于其分母"))
    return claims


def all_agree(rows: Sequence[Row], rate: tuple[object, ...], top: tuple[object, ...], bottom: tuple[object, ...]) -> bool:
    """True when every row with the three cells prints its rate as ``top / bottom`` (one row at least)."""
    checked = [(row.cells[rate], row.cells[top].value, row.cells[bottom].value) for row in rows
               if all(k in row.cells for k in (rate, top, bottom)) and row.cells[bottom].value]
    return bool(checked) and all(agrees(part, whole, share) for share, part, whole in checked)


def complement(names: dict[tuple[object, ...], str]) -> tuple[tuple[object, ...], ...] | None:
    """(whole, done, not done) columns of a header that prints a count, its done part and the
    rest ("派遣数 | 完成数 | 未完成数"): the 未 column names the done one, and the whole is the column
    right before the done one."""
    keys = list(names)
    for rest, name in names.items():
        measure = measure_named(name)
        done = [k for k in keys if measure.startswith("未") and len(measure) > 2 and measure_named(names[k]) == measure[1:]]
        if len(done) != 1 or keys.index(done[0]) == 0:
            continue
        whole = keys[keys.index(done[0]) - 1]
        if whole != rest and not HEADER_UNIT.sub("", names[whole]).endswith("率") and measure_named(names[whole]):
            return whole, done[0], rest
    return None


def complement_sums(doc: Passage) -> list[Claim]:
    """Each row's whole against its done count and the rest ("一支队 | 167 | 150 | 17"): the header
    fixes the reading, so a row that does not add up fails."""
    claims = []
    for found in row_blocks(doc):
        if (trio := complement(column_names(found.header))) is None:
            continue
        for row in found.rows:
            cells = [row.cells.get(k) for k in trio]
            if all(c is not None and c.unit != "%" for c in cells):
                claims.append(sum_claim(doc, Breakdown(cells[0], (cells[1], cells[2]), "table")))  # type: ignore[arg-type]
    return claims


def latest_bare(names: dict[tuple[object, ...], str]) -> tuple[object, ...] | None:
    """"案件类别 | 7月（宗） | 6月（宗） | 结案数 | 结案率": the column headed by a period alone (the
    table's own count) of the latest period, the likeliest whole of a rate whose own words name
    none of the columns."""
    bare = [key for key, name in names.items() if period_of(name) and not measure_named(name)]
    return max(bare, key=lambda k: period_order(period_of(names[k])), default=None)


def period_of(header: str) -> str:
    """The period a header opens with ("2024年6月完成数" -> 2024年6月), or ""."""
    return match.group() if (match := PERIOD.match(header)) else ""


def measure_named(header: str) -> str:
    """The measure a header names, without its period, unit or amount word ("7月完成数（件）" -> 完成)."""
    return AMOUNT_WORD.sub("", HEADER_UNIT.sub("", header.removeprefix(period_of(header))))


def column_named(names: dict[tuple[object, ...], str], terms: Sequence[str], exclude: Sequence[str],
                 rate: tuple[object, ...], period: str | None = None) -> tuple[object, ...] | None:
    """The one column (not the rate's own) whose header is one of ``terms`` (first term first);
    of several, the one of ``period`` when one is."""
    for term in terms:
        hits = [key for key, name in names.items() if key != rate and measure_named(name) == term
                and not any(w in name for w in exclude)]
        if len(hits) > 1 and period is not None:
            hits = [key for key in hits if period_of(names[key]) == period]
        if len(hits) == 1:
            return hits[0]
    return None


#: Header words of a column of changes against another period.
CHANGE_HEADERS = ("变动", "变化", "增减", "增/减", "增长", "同比", "环比", "按年", "增幅", "减幅", "幅度")
_YEAR = re.compile(r"^(?:19|20)\d\d年?$")


def period_order(period: str) -> tuple[int, int]:
    """(year, month) of a header's period, 0 where not printed ("2024年6月" -> (2024, 6))."""
    year, month = re.search(r"(?:(\d{4})年)?(?:(\d{1,2})月)?", period).groups()  # type: ignore[union-attr]
    return int(year or 0), int(month or 0)


def period_pair(names: dict[tuple[object, ...], str]) -> list[tuple[str, tuple[object, ...]]]:
    """"6月受理数 | 7月受理数 | 增/减幅": the one measure printed for two months, earlier first (a
    month with no year is of the other's year); [] when no one measure has exactly two."""
    by_measure: dict[str, list[tuple[object, ...]]] = {}
    for key, name in names.items():
        if re.search(r"\d月", period_of(name)):
            by_measure.setdefault(measure_named(name), []).append(key)
    pairs = [keys for keys in by_measure.values() if len(keys) == 2]
    if len(pairs) != 1:
        return []
    (year_a, month_a), (year_b, month_b) = (period_order(period_of(names[k])) for k in pairs[0])
    if year_a and year_b and year_a != year_b:
        ordered = pairs[0] if year_a < year_b else pairs[0][::-1]
    else:
        ordered = pairs[0] if month_a < month_b else pairs[0][::-1]
    return [(names[k], k) for k in ordered]


#: Headers of this period and of the same period a year before ("2021年 | 去年同期 | 同比").
_THIS = re.compile(r"^(?:(?:19|20)\d\d年|本年|今年|本期|本月|当月)")
_LAST = re.compile(r"^(?:去年同期|上年同期|去年|上年|上期|同期)")


def last_year_pair(names: dict[tuple[object, ...], str]) -> list[tuple[str, tuple[object, ...]]]:
    """"2021年 | 去年同期 | 同比（%）": the column of the year before first, then this period's."""
    this = [k for k, n in names.items() if _THIS.match(n)]
    last = [k for k, n in names.items() if _LAST.match(n)]
    return [(names[last[0]], last[0]), (names[this[0]], this[0])] if len(this) == 1 and len(last) == 1 else []


def period_columns(names: dict[tuple[object, ...], str]) -> list[tuple[str, tuple[object, ...]]]:
    """The table's two period columns, the earlier first: two years, one measure's two months, or
    a year and 去年同期; [] when the header prints no such pair."""
    years = sorted((HEADER_UNIT.sub("", name), key) for key, name in names.items() if _YEAR.match(HEADER_UNIT.sub("", name)))
    return years if len(years) == 2 else period_pair(names) or last_year_pair(names) or same_period_pair(names)


#: A header of one period of a year ("2022年第一季度", "2021年上半年", "2020年1-6月").
_YEAR_PERIOD = re.compile(r"^((?:19|20)\d\d)年(\S+)$")


def same_period_pair(names: dict[tuple[object, ...], str]) -> list[tuple[str, tuple[object, ...]]]:
    """"2022年第一季度（件） | 2021年第一季度（件） | 同比（%）": the one period printed for two
    years, the earlier year first; [] unless exactly one period is printed twice."""
    by_period: dict[str, list[tuple[str, str, tuple[object, ...]]]] = {}
    for key, name in names.items():
        if found := _YEAR_PERIOD.match(HEADER_UNIT.sub("", name)):
            by_period.setdefault(found.group(2), []).append((found.group(1), HEADER_UNIT.sub("", name), key))
    pairs = [sorted(cols) for cols in by_period.values() if len(cols) == 2 and cols[0][0] != cols[1][0]]
    return [(name, key) for _, name, key in pairs[0]] if len(pairs) == 1 else []


def period_rows(doc: Passage) -> list[tuple[str, Figure, Figure, bool]]:
    """(row label, the earlier period's cell, the later one's, whether the periods are months) of
    every row of a two-period table."""
    out = []
    for found in row_blocks(doc):
        names = column_names(found.header)
        if len(years := period_columns(names)) != 2:
            continue
        (year_a, _), (year_b, _) = (period_order(period_of(name)) for name, _ in years)
        # "6月 | 7月": the month before; "2021年12月 | 2020年12月": the same month a year before
        months = years == period_pair(names) and not (year_a and year_b and year_a != year_b)
        for row in found.rows:
            then, now = row.cells.get(years[0][1]), row.cells.get(years[1][1])
            if then is not None and now is not None and then.unit != "%" and then.value:
                out.append((row.label, then, now, months))
    return out


def compared_columns(names: dict[tuple[object, ...], str], change: tuple[object, ...]) -> list[tuple[str, tuple[object, ...]]]:
    """"类型 | 8月 | 7月 | 环比 | 2021年8月 | 同比": of three period columns or more, the two a change
    column compares: the first (the table's own period) and the nearest period column before the
    change column, when the change's word agrees (环比: an earlier month; 同比: the same month of
    an earlier year); [] otherwise."""
    periods = [(key, name) for key, name in names.items() if period_of(HEADER_UNIT.sub("", name))
               and not any(word in name for word in CHANGE_HEADERS)]
    if len(periods) < 3:
        return []
    (now_key, now_name), header = periods[0], names[change]
    before = [(key, name) for key, name in periods[1:] if key[0] < change[0]]  # type: ignore[operator]
    if not before:
        return []
    then_key, then_name = before[-1]
    (then_year, then_month), (now_year, now_month) = period_order(period_of(then_name)), period_order(period_of(now_name))
    if "环比" in header and not (then_month and now_month and (then_year, then_month) != (now_year, now_month)
                                and (then_year or now_year or then_month < now_month)):
        return []
    if "同比" in header and not (then_month == now_month and then_year and (not now_year or then_year < now_year)):
        return []
    return [(then_name, then_key), (now_name, now_key)]


def column_changes(doc: Passage) -> list[Claim]:
    """"类别 | 2025年 | 2024年 | 按年变动": each row's change against its two years' columns (of
    more period columns, the two the change's word names); with none, each change is listed as
    unverifiable."""
    claims = []
    for found in row_blocks(doc):
        names = column_names(found.header)
        paired = period_columns(names)
        for key, name in names.items():
            if not any(word in name for word in CHANGE_HEADERS):
                continue
            years = paired or compared_columns(names, key)
            for row in found.rows:
                change = row.cells.get(key)
                if change is None or change.unit != "%":
                    continue
                span = line_of(doc, change)
                then, now = (row.cells.get(years[0][1]), row.cells.get(years[1][1])) if len(years) == 2 else (None, None)
                if then is None or now is None or then.unit == "%" or not then.value:
                    claims.append(percent_claim(doc, change, kind="change", span=span, formula=f"{row.label}：{name} = ?",
                                                part=None, whole=None, missing="表中未给出对比期的数"))
                    continue
                claims.append(percent_claim(doc, change, kind="change", span=span,
                                            formula=f"({now.shown} - {then.shown}) / {then.shown}", part=now.value - then.value,
                                            whole=then.value, operands=((then.value, now.value), None)))
    return claims
