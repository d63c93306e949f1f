"""Reconciliation: does the month's table add up? Every check becomes one ledger record.

Checks never raise: they return a ledger (check, scope, expected, actual, difference,
severity, status, message, profile) and the caller decides what is fatal. Failures sort first.
"""

from __future__ import annotations

import logging
from dataclasses import replace

import pandas as pd

from govstats.checks.changes import change_checks
from govstats.checks.growth import growth_checks
from govstats.checks.ledger import Check, in_words
from govstats.checks.rates import rate_checks
from govstats.clean.month import MonthTable
from govstats.ingest.readers.grid import UncachedFormula
from govstats.reference.profiles import Profile

log = logging.getLogger(__name__)


def compare(check: str, scope: str, expected: int, actual: int, *, severity: str, profile: str,
            what: str) -> Check:
    """An exact comparison of two counts."""
    diff = int(actual) - int(expected)
    status = "pass" if diff == 0 else "fail"
    message = (f"{what}：应为 {expected}，实为 {actual}" + ("" if diff == 0 else f"，相差 {diff:+d}"))
    return Check(check, scope, int(expected), int(actual), diff, severity, status, message, profile)


def column_total_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """Each summable column's department sum against the published total row."""
    checks = []
    if month.totals_row is None:
        return [Check("column_total", "合计", None, None, None, "warning", "unverifiable",
                      "表中没有合计行，无法核对列合计", profile.name)]
    for measure, label in month.headers.items():
        if not profile.summable(measure):
            checks.append(Check("column_total", label, month.published_totals.get(measure), None, None,
                                "info", "unverifiable",
                                f"“{label}”不是可加总的件数（平均值或比率），合计行不按各部门之和核对",
                                profile.name))
            continue
        published = month.published_totals.get(measure)
        column = month.departments[measure]
        unsaved = [f for f in month.formulas if f.row == month.totals_row and f.measure == measure]
        if published is None and unsaved:
            f = unsaved[0]
            checks.append(Check("column_total", label, f.formula, int(column.sum(skipna=True)), None, "warning",
                                "unverifiable", f"合计行“{label}”是没有保存结果的公式（{formula_place(month, f)}），"
                                "无法与各部门之和核对", profile.name))
            continue
        if published is None or column.isna().all():
            continue
        checks.append(compare("column_total", label, published, int(column.sum(skipna=True)),
                              severity="error", profile=profile.name,
                              what=f"合计行“{label}”与各部门之和"))
    return checks


def formula_place(month: MonthTable, formula: UncachedFormula) -> str:
    """File, sheet, cell and formula, in words."""
    return f"{month.source}，工作表“{formula.sheet}”，单元格 {formula.cell}，公式 {formula.formula}"


def formula_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """One unverifiable record per formula cell saved without its result: it reads as empty, so
    the number it stands for cannot be checked (opening and saving the file in Excel stores it)."""
    return [Check("formula", f"{f.sheet}!{f.cell}", f.formula, None, None, "warning", "unverifiable",
                  f"{formula_place(month, f)}：没有保存的计算结果，按空值读取，无法核对"
                  "（在 Excel 中打开并保存文件即可存下结果）", profile.name)
            for f in month.formulas]


def rows_to_check(month: MonthTable) -> list[tuple[str, dict[str, object]]]:
    """(scope, values) of every department row, then of the published total row."""
    rows = [(str(r["department"]), r) for r in month.departments.to_dict("records")]
    if month.totals_row is not None:
        rows.append(("合计", dict(month.published_totals)))
    return rows


def identity_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """Every profile identity (lhs = a + b + ...) on every department row (rows of zeros too:
    a printed 0 could have been a 5) and the total row."""
    checks = []
    for ident in profile.identities:
        if not {ident.lhs, *ident.rhs} <= set(month.departments.columns):
            continue
        words = in_words(ident.text, month.headers)
        for scope, row in rows_to_check(month):
            if month.lacks(row.get("source_row"), (ident.lhs, *ident.rhs)):
                continue  # a table stacked in the same file without these columns
            values = [row.get(m) for m in (ident.lhs, *ident.rhs)]
            if any(v is None or pd.isna(v) for v in values):
                checks.append(not_checked(f"identity:{ident.text}", scope, words, profile))
                continue
            checks.append(compare(f"identity:{ident.text}", scope, values[0], sum(values[1:]),
                                  severity="error", profile=profile.name, what=f"{scope} {words}"))
    return checks


def not_checked(check: str, scope: str, words: str, profile: Profile) -> Check:
    """A check that could not be made because a cell it needs is published as not applicable."""
    return Check(check, scope, None, None, None, "warning", "unverifiable",
                 f"{scope}：所需单元格为空或“—”，未能核对“{words}”", profile.name)


def bound_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """Every bound (part <= whole, or a fall -change <= its base) on every department row,
    all-zero rows too, and the total row."""
    checks = []
    for bound in profile.bounds:
        name, sign = bound.part.removeprefix("-"), -1 if bound.part.startswith("-") else 1
        if not {name, bound.whole} <= set(month.departments.columns):
            continue
        label = f"{bound.part} <= {bound.whole}"
        words = in_words(label, month.headers)
        for scope, row in rows_to_check(month):
            if month.lacks(row.get("source_row"), (name, bound.whole)):
                continue
            part, whole = row.get(name), row.get(bound.whole)
            if part is None or whole is None or pd.isna(part) or pd.isna(whole):
                checks.append(not_checked(f"bound:{label}", scope, words, profile))
                continue
            part *= sign
            ok = part <= whole
            severity = "error" if bound.kind == "hard" else "warning"
            status = "pass" if ok else ("fail" if bound.kind == "hard" else "warn")
            message = f"{scope} {words}：{part} 对 {whole}"
            if not ok:
                message += ("（减少多于其基数）" if sign < 0 else "（超出，可能为上月结转）" if bound.kind == "soft"
                            else "（部分大于整体）")
            checks.append(Check(f"bound:{label}", scope, int(whole), int(part),
                                int(part) - int(whole) if not ok else 0, severity, status, message,
                                profile.name))
    return checks


def total_label_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """A warning when the total row was recognised by a total word the profile does not list."""
    if month.totals_row is None or month.totals_listed:
        return []
    return [Check("total_row", month.totals_label, "/".join(profile.total_row_labels), month.totals_label,
                  None, "warning", "warn",
                  f"{month.place(month.totals_row)}“{month.totals_label}”看来是合计行，但配置只列出"
                  f"{'/'.join(profile.total_row_labels)}：已作为合计行读取，未当作部门；"
                  "请在 total_row_labels 中加入它", profile.name)]


def band_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """Each row's size-band label (办件量分类) against the band its total falls in."""
    if not profile.bands or "total" not in month.departments.columns:
        return []
    checks = []
    for row in month.departments.itertuples(index=False):
        if not row.size_band:
            continue
        if pd.isna(row.total):
            checks.append(not_checked("size_band", row.department, "办件量分类与办理总数相符", profile))
            continue
        stated = profile.band_for(row.size_band)
        implied = profile.band_of_total(int(row.total))
        ok = stated is not None and implied is not None and stated == implied
        message = f"{row.department} 标为“{row.size_band}”，办理总数 {row.total}"
        if not ok:
            message += f"，应属“{implied.label if implied else '未定义分类'}”"
        checks.append(Check("size_band", row.department, row.size_band,
                            implied.label if implied else None, None, "error",
                            "pass" if ok else "fail", message, profile.name))
    return checks


def registry_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """A warning for each published department name the registry does not know."""
    return [
        Check("registry", name, "registered name", name, None, "warning", "warn",
              f"部门名称“{name}”不在部门名录中：已保留原名，请在 data/reference/departments.csv 中登记",
              profile.name)
        for name in month.unregistered
    ]


def subtotal_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """Each subtotal (小计) row against the sum of the departments of its block."""
    checks = []
    frame = month.departments.set_index("department")
    for sub in month.subtotals.to_dict("records"):
        members = [m for m in sub["members"] if m in frame.index]
        if not members:
            checks.append(Check("subtotal", sub["label"], None, None, None, "warning", "unverifiable",
                                f"小计行“{sub['label']}”（{month.place(sub['source_row'])}）找不到所属部门行",
                                profile.name))
            continue
        for measure, label in month.headers.items():
            value = sub.get(measure)
            if not profile.summable(measure) or value is None or pd.isna(value):
                continue
            actual = int(frame.loc[members, measure].sum(skipna=True))
            checks.append(compare("subtotal", f"{sub['label']}：{label}", value, actual,
                                  severity="error", profile=profile.name,
                                  what=f"小计行“{sub['label']}”“{label}”与其下 {len(members)} 个部门之和"))
    return checks


def part_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """Each "of which" (其中) row is at most its parent row, measure by measure (never summed)."""
    checks = []
    parents = {r["source_row"]: r for r in month.departments.to_dict("records")}
    if month.totals_row is not None:
        parents[month.totals_row] = dict(month.published_totals)
    for part in month.parts.to_dict("records"):
        parent = parents.get(part["parent_row"], {})
        for measure, label in month.headers.items():
            value, whole = part.get(measure), parent.get(measure)
            if not profile.summable(measure) or any(v is None or pd.isna(v) for v in (value, whole)):
                continue
            ok = value <= whole
            checks.append(Check(f"part:{measure}", f"{part['parent']} {part['label']}", int(whole),
                                int(value), 0 if ok else int(value) - int(whole), "error",
                                "pass" if ok else "fail",
                                f"{part['label']}（{month.place(part['source_row'])}）“{label}” {value}，"
                                f"属于 {part['parent']} 的 {whole}" + ("" if ok else "（部分大于整体）"),
                                profile.name))
    return checks


def table_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """All table checks of a month (of each breakdown on its own, for a table of breakdowns side
    by side: every record's scope and message then start with the block's name)."""
    if not month.blocks:
        return list_checks(month, profile)
    return [replace(c, scope=f"{block.block}：{c.scope}", message=f"{block.block}：{c.message}")
            for block in month.blocks for c in list_checks(block, profile)
            if c.check != "registry"]  # a breakdown's rows (电话, 咨询) are not departments


def list_checks(month: MonthTable, profile: Profile) -> list[Check]:
    """All checks of one list of rows: column totals, identities, bounds, rates, changes, bands, subtotals,
    "of which" rows, registry, an unlisted total-row label."""
    checks = [
        *column_total_checks(month, profile),
        *formula_checks(month, profile),
        *identity_checks(month, profile),
        *bound_checks(month, profile),
        *rate_checks(month, profile),
        *growth_checks(month, profile),
        *change_checks(month, profile),
        *band_checks(month, profile),
        *subtotal_checks(month, profile),
        *part_checks(month, profile),
        *registry_checks(month, profile),
        *total_label_checks(month, profile),
    ]
    log.info("%d table checks of %s: %d did not pass", len(checks), month.source,
             sum(c.status != "pass" for c in checks))
    return checks


def table_totals(month: MonthTable, profile: Profile) -> dict[str, int]:
    """The table's total of each summable measure, as a bulletin's counts must equal it: the
    published 合计 row where there is one (its agreement with the rows is a check of its own),
    else the sum of the department rows."""
    frame = month.departments
    totals = {}
    for m in month.measures:
        if m not in frame.columns or not profile.summable(m):
            continue
        published = month.published_totals.get(m)
        totals[m] = int(published) if published is not None else int(frame[m].sum(skipna=True))
    return totals
