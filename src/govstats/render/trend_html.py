"""HTML fragments and sentences for the trends and indicators reports.

Like govstats.render.month_html, every text that comes from data (department names, quotes from the
bulletins) is escaped here; the notebooks only display what these functions return.
"""

from __future__ import annotations

import math
from html import escape

import pandas as pd

from govstats.measure.trends import PERCENTAGE_POINTS, RATE_INDICATORS
from govstats.periods import month_words, period_words
from govstats.reference.labels import label_of, labels
from govstats.render.month_html import table_html
from govstats.render.words import percent, target_text, value_text

#: CSS classes of a table whose text columns wrap (see the report stylesheet).
WRAPPING = "govstats-table govstats-wrap"


def missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def figure_text(indicator: str, value: float) -> str:
    """A district or department figure for readers: rates in percent, counts with separators."""
    if missing(value):
        return "—"
    return percent(value) if indicator in RATE_INDICATORS else f"{int(round(value)):,}"


def change_text(indicator: str, change: float, relative: float | None = None) -> str:
    """A change with its unit: +1.06 个百分点, -1,467 件 (-2.18%)."""
    if missing(change):
        return "—"
    if indicator in RATE_INDICATORS:
        return f"{change:+.2f} {PERCENTAGE_POINTS}"
    unit = "个" if indicator in ("departments", "active_departments") else "件"
    text = f"{int(round(change)):+,} {unit}"
    if relative is not None and not missing(relative):
        text += f"（{relative * 100:+.2f}%）"
    return text


def month_summary(trends: pd.DataFrame, month: str) -> str:
    """One paragraph on a month: cases, 即办率 and 网办率 and their changes from the month
    before and the same month a year before, where those months were built."""
    rows = trends[trends["month"] == month].set_index("indicator")
    if rows.empty:
        return f"{month_words(month)}没有数据。"
    parts = []
    for code in ("total", "immediate_rate", "online_rate"):
        if code not in rows.index:
            continue
        row = rows.loc[code]
        text = f"{label_of('indicator', code)} {figure_text(code, row['value'])}"
        changes = []
        if not missing(row["mom"]):
            changes.append(f"比上月 {change_text(code, row['mom'], row['mom_relative'])}")
        if not missing(row["yoy"]):
            changes.append(f"比上年同月 {change_text(code, row['yoy'], row['yoy_relative'])}")
        parts.append(text + (f"（{'，'.join(changes)}）" if changes else ""))
    note = "" if not missing(rows.loc["total", "previous"]) else "上月没有数据，无法计算环比。"
    return f"{month_words(month)}：" + "；".join(parts) + "。" + note


def district_trend_html(trends: pd.DataFrame, *, periods: bool = False) -> str:
    """The district's headline indicators, one row per month, with month-on-month and
    year-on-year changes; with ``periods``, one row per quarter, half, year or range, compared
    with the period of its kind before it and the same period a year before."""
    first, words, suffixes = (("期间", period_words, ("比上期", "比上年同期")) if periods
                              else ("月份", month_words, ("环比", "同比")))
    wanted = trends[trends["indicator"].isin(["total", "immediate_rate", "online_rate"])]
    if wanted.empty:
        return "<p>没有数据。</p>"
    rows = []
    for month, frame in wanted.groupby("month", sort=True):
        by = frame.set_index("indicator")
        row = {first: words(month)}
        for code in ("total", "immediate_rate", "online_rate"):
            if code in by.index:
                row[label_of('indicator', code)] = figure_text(code, by.at[code, "value"])
                row[f"{label_of('indicator', code)}{suffixes[0]}"] = change_text(code, by.at[code, "mom"])
                row[f"{label_of('indicator', code)}{suffixes[1]}"] = change_text(code, by.at[code, "yoy"])
        rows.append(row)
    shown = pd.DataFrame(rows)
    for change, suffix in zip(("mom", "yoy"), suffixes):
        if wanted[change].isna().all():  # no period has the one to compare with: leave them out
            shown = shown.drop(columns=[c for c in shown.columns if c.endswith(suffix)])
    return table_html(shown, "govstats-table govstats-wraphead")  # ten columns: 即办率环比 may wrap


def department_movers_html(trends: pd.DataFrame, ranks: pd.DataFrame, month: str, n: int = 5) -> str:
    """The departments whose cases rose and fell most from the month before, with their rank
    and rank change: where a district's month-on-month change comes from."""
    cases = trends[(trends["month"] == month) & (trends["indicator"] == "total")].dropna(subset=["mom"])
    if cases.empty:
        return "<p>上月没有数据，无法比较各部门的变化。</p>"
    rates = trends[(trends["month"] == month) & (trends["indicator"] == "immediate_rate")].set_index("department")
    rank = ranks[ranks["month"] == month].set_index("department")
    ordered = cases.sort_values("mom", kind="stable")
    picked = pd.concat([ordered.tail(n).iloc[::-1], ordered.head(n)]).drop_duplicates("department")
    picked = picked[picked["mom"] != 0]
    if picked.empty:
        return "<p>各部门办件量与上月相同。</p>"
    shown = pd.DataFrame({
        "部门": picked["department"],
        "办理总数": [figure_text("total", v) for v in picked["value"]],
        "比上月": [change_text("total", c, r) for c, r in zip(picked["mom"], picked["mom_relative"])],
        "即办率": [figure_text("immediate_rate", rates["value"].get(d)) for d in picked["department"]],
        "即办率比上月": [change_text("immediate_rate", rates["mom"].get(d)) for d in picked["department"]],
        "排名": [rank_text(rank, d) for d in picked["department"]],
    })
    return table_html(shown)


def rank_text(ranks: pd.DataFrame, department: str) -> str:
    """第 2 名（↓1）: a department's rank and its change from the month before."""
    if department not in ranks.index:
        return "—"
    rank, change = ranks.at[department, "rank"], ranks.at[department, "rank_change"]
    arrow = "" if missing(change) or change == 0 else (f"（↑{int(change)}）" if change > 0 else f"（↓{-int(change)}）")
    return f"第 {int(rank)} 名{arrow}"


def turnover_html(turnover: pd.DataFrame) -> str:
    """Departments that appeared, vanished or were published under another name."""
    if turnover.empty:
        return "<p>所选月份之间，各月表中的部门相同，名称写法也未改变。</p>"
    shown = pd.DataFrame({
        "月份": turnover["month"].map(month_words),
        "与之比较": turnover["previous_month"].map(month_words),
        "变化": turnover["event"].map(labels("turnover_event")),
        "部门": turnover["department"],
        "表中名称": [f"{b} → {a}" if e == "renamed" else (a if e == "appeared" else b)
                 for e, a, b in zip(turnover["event"], turnover["published_name"], turnover["previous_published_name"])],
        "办理总数": [figure_text("total", t if e != "vanished" else p)
                 for e, t, p in zip(turnover["event"], turnover["total"], turnover["previous_total"])],
    })
    return table_html(shown)


def rolling_html(rolling: pd.DataFrame) -> str:
    """Twelve-month totals and rates, or a sentence saying why there are none."""
    if rolling.empty:
        return "<p>尚无连续 12 个月的数据，暂不计算滚动 12 个月指标。</p>"
    shown = pd.DataFrame({
        "截至": rolling["month"].map(month_words),
        "起始": rolling["first_month"].map(month_words),
        "12个月办理总数": [figure_text("total", v) for v in rolling["total"]],
        "12个月即办率": [percent(v) for v in rolling["immediate_rate"]],
        "12个月网办率": [percent(v) for v in rolling["online_rate"]],
    })
    return table_html(shown)


def target_status_html(status: pd.DataFrame) -> str:
    """Each published figure against each target of its indicator, with the quote's district
    and period and the target's, so a benchmark from another district reads as one."""
    if status.empty:
        return "<p>没有可与目标比较的数字。</p>"
    shown = pd.DataFrame({
        "指标": status["label"],
        "地区与期间": status["district_name"] + " " + status["period_label"],
        "口径": status["scope"].fillna(""),
        "数值": [value_text(v, u, q) for v, u, q in zip(status["value"], status["unit"], status["qualifier"])],
        "目标": [target_text(t, u, d) for t, u, d in zip(status["target"], status["unit"], status["direction"])],
        "目标出处": [f"{n}{p}" + ("" if own else "（参照）") for n, p, own in
                 zip(status["target_district_name"], status["target_period_label"], status["own_target"])],
        "结果": status["status"].map(labels("target_status")),
        "差距": [margin_text(m, u) for m, u in zip(status["margin"], status["unit"])],
    })
    return table_html(shown, WRAPPING)


def margin_text(margin: float, unit: str) -> str:
    """Figure minus target: +27.26 个百分点, -5 项."""
    if unit == "%":
        return f"{margin:+.2f} {PERCENTAGE_POINTS}"
    return f"{margin:+g} {unit}"


def figures_html(figures: pd.DataFrame) -> str:
    """Every published figure with where it comes from: document, file and the sentence."""
    shown = pd.DataFrame({
        "指标": [label if label == name else f"{label}（原文：{name}）"
               for label, name in zip(figures["label"], figures["published_indicator"])],
        "地区与期间": figures["district_name"] + " " + figures["period_label"],
        "口径": figures["scope"].fillna(""),
        "数值": [value_text(v, u, q) for v, u, q in zip(figures["value"], figures["unit"], figures["qualifier"])],
        "出处": figures["document"] + "（" + figures["source"] + "）",
        "原文": figures["quote"],
        "备注": figures["note"].fillna(""),
    })
    return table_html(shown, WRAPPING)


def status_summary(status: pd.DataFrame) -> str:
    """One sentence: how many figure-target pairs meet, miss, or cannot be decided."""
    counts = status["status"].value_counts()
    return (f"共 {len(status)} 组数字与目标可比：达到 {int(counts.get('met', 0))} 组，"
            f"未达到 {int(counts.get('not_met', 0))} 组，无法判断 {int(counts.get('undetermined', 0))} 组。")


def title_html(title: str, subtitle: str = "") -> str:
    """A report title block."""
    sub = f"<p class='govstats-sub'>{escape(subtitle)}</p>" if subtitle else ""
    return f"<h1>{escape(title)}</h1>{sub}"
