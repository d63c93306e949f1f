"""Charts of many months and many districts: indicators against targets, trend lines, a
department x month heatmap and ranks over time.

Each function takes plain frames (from govstats.measure.trends or govstats.reference.published) and returns a
matplotlib Figure built like govstats.render.charts builds its figures: outside pyplot, inside the
project's rc context (seaborn style, Chinese font), so global settings neither matter nor
change. Real and demo districts are never drawn together: the functions refuse a frame that
holds both, and trend charts draw one district.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap, LogNorm
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, NullFormatter

from govstats.periods import month_range, month_words
from govstats.reference.labels import label_of, labels
from govstats.render.charts import CHART_TOP, new_figure, styled, thousands
from govstats.render.hover import mark, mark_columns
from govstats.render.words import target_text, value_text

STATUS_COLOURS = {"met": "#2e7d32", "not_met": "#c62828", "undetermined": "#9e9e9e", "none": "#1f5fa8"}
STATUS_WORDS = labels("target_status_words")
QUALIFIER_MARKERS = {"exact": "o", "at_least": ">", "at_most": "<"}
PAGE_HEIGHT = 10.0  # inches: the tallest figure that still fits an A4 page at the report's width
TARGET_COLOUR = "#ef6c00"


def refuse_mixed(frame: pd.DataFrame, column: str, demo: set[str]) -> None:
    """Raise ValueError when ``frame`` holds both demo and real districts."""
    if column not in frame or frame.empty:
        return
    kinds = {d in demo for d in frame[column].unique()}
    if len(kinds) > 1:
        raise ValueError("a chart must not mix demo and real districts; draw them apart")


def figure_label(row: pd.Series) -> str:
    """The y label of one published figure: district, period and scope."""
    scope = f"\n{row['scope']}" if isinstance(row.get("scope"), str) and row["scope"] else ""
    return f"{row['district_name']} {row['period_label']}{scope}"


@styled
def indicator_targets_chart(figures: pd.DataFrame, status: pd.DataFrame, indicators: Sequence[str] | None = None,
                            demo: set[str] | None = None) -> Figure:
    """One dot chart per indicator: each published figure (district, period, scope) as a dot
    coloured by whether it meets the targets that apply, a triangle where the figure is a bound
    (86%以上), and every target as a dashed line labelled with its district and period."""
    refuse_mixed(figures, "district", demo or set())
    codes = present_codes(figures, indicators)
    heights = [panel_height(figures, c) for c in codes]
    fig = new_figure(sum(heights) + 0.8 if codes else 2)
    if not codes:
        fig.text(0.5, 0.5, "没有可比较的指标", ha="center", va="center")
        return fig
    axes = fig.subplots(len(codes), 1, squeeze=False, gridspec_kw={"height_ratios": heights})[:, 0]
    for ax, code in zip(axes, codes):
        rows = figures[figures["indicator"] == code].sort_values(["district", "last_month"], kind="stable")
        pairs = status[status["indicator"] == code]
        targets = pairs.drop_duplicates(["target_district", "target_period", "target", "direction"])
        y = np.arange(len(rows))[::-1]
        for yi, (_, row) in zip(y, rows.iterrows()):
            mine = pairs[pairs["row"] == row["row"]]
            state = worst_status(mine["status"]) if not mine.empty else "none"
            ax.scatter(row["value"], yi, s=60, zorder=3, color=STATUS_COLOURS[state],
                       marker=QUALIFIER_MARKERS.get(row["qualifier"], "o"))
            ax.annotate(value_text(row["value"], row["unit"], row["qualifier"]), (row["value"], yi),
                        xytext=(7, 0), textcoords="offset points", va="center", fontsize=8)
        left, right = value_limits(rows["value"], targets["target"], rows["unit"].iloc[0])
        for target in targets.itertuples(index=False):
            on_right = target.target > (left + right) / 2
            ax.axvline(target.target, color=TARGET_COLOUR, linestyle="--", linewidth=1.2, zorder=2)
            ax.annotate(f"{target.target_district_name}{target.target_period_label}目标 "
                        f"{target_text(target.target, rows['unit'].iloc[0], target.direction)}",
                        (target.target, 1.0), xycoords=("data", "axes fraction"), xytext=(-3 if on_right else 3, -2),
                        textcoords="offset points", va="top", ha="right" if on_right else "left",
                        fontsize=8, color=TARGET_COLOUR)
        for yi, (_, row) in zip(y, rows.iterrows()):
            mark(ax, f"{figure_label(row).replace(chr(10), ' ')}：{value_text(row['value'], row['unit'], row['qualifier'])}",
                 y=(yi - 0.5, yi + 0.5))
        ax.set_yticks(y, [figure_label(r) for _, r in rows.iterrows()], fontsize=8)
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.set_xlim(left, right)
        ax.set_title(f"{rows['label'].iloc[0]}（{rows['unit'].iloc[0]}）", loc="left", fontsize=10)
        ax.grid(axis="x", alpha=0.3)
    fig.legend(handles=status_legend(), loc="outside lower center", ncol=3, fontsize=8, frameon=False)
    return fig


def present_codes(figures: pd.DataFrame, indicators: Sequence[str] | None) -> list[str]:
    """The indicators to draw, in the order given (default: as the figures list them), that
    have at least one figure."""
    codes = list(indicators) if indicators is not None else list(dict.fromkeys(figures["indicator"]))
    return [c for c in codes if (figures["indicator"] == c).any()]


def panel_height(figures: pd.DataFrame, code: str) -> float:
    """Inches one indicator's panel takes: a row per figure plus its title and axis."""
    return max(1.0, 0.42 * int((figures["indicator"] == code).sum()) + 0.6)


def indicator_target_pages(figures: pd.DataFrame, status: pd.DataFrame, indicators: Sequence[str] | None = None,
                           demo: set[str] | None = None, max_height: float = PAGE_HEIGHT) -> list[Figure]:
    """``indicator_targets_chart`` cut into figures no taller than ``max_height`` inches, so
    each fits on an A4 page of the PDF; an indicator's panel is never split."""
    pages: list[list[str]] = []
    height = max_height
    for code in present_codes(figures, indicators):
        if height + panel_height(figures, code) > max_height and (not pages or pages[-1]):
            pages.append([])
            height = 0.8
        pages[-1].append(code)
        height += panel_height(figures, code)
    return [indicator_targets_chart(figures, status, codes, demo) for codes in pages]


def worst_status(states: pd.Series) -> str:
    """The status a dot shows when several targets apply: a miss outweighs an unknown, which
    outweighs a hit."""
    for state in ("not_met", "undetermined", "met"):
        if (states == state).any():
            return state
    return "none"


def status_legend() -> list[Line2D]:
    """Legend entries: the four colours, the bound markers and the target line."""
    handles = [Line2D([], [], marker="o", linestyle="", color=c, label=STATUS_WORDS[s])
               for s, c in STATUS_COLOURS.items()]
    handles += [Line2D([], [], marker=">", linestyle="", color="#555555", label="数字为下限（以上）"),
                Line2D([], [], color=TARGET_COLOUR, linestyle="--", label="目标（注明所属区与期间）")]
    return handles


def value_limits(values: pd.Series, targets: pd.Series, unit: str) -> tuple[float, float]:
    """x limits that show every figure and target with room for labels; percentages stay
    within 0..100 at the left."""
    everything = pd.concat([values.astype(float), targets.astype(float)])
    low, high = float(everything.min()), float(everything.max())
    span = (high - low) or max(abs(high), 1.0)
    left, right = low - 0.15 * span, high + 0.3 * span
    if unit == "%" or low >= 0:
        left = max(0.0, left)
    if unit == "%" and high <= 100:
        right = min(right, 109.0)
    return left, right


def full_months(months: Sequence[str]) -> list[str]:
    """Every calendar month from the first to the last of ``months``, so gaps show as gaps."""
    ordered = sorted(months)
    return month_range(ordered[0], ordered[-1]) if ordered else []


@styled
def trend_lines_chart(series: pd.DataFrame, rates: Sequence[str] = ("immediate_rate", "online_rate"),
                      title: str = "") -> Figure:
    """A district's months: cases (bars) above, rates in percent (lines) below. ``series`` is
    ``trends.district_series`` of one district; a missing month is an empty slot."""
    refuse_mixed_districts(series)
    months = full_months(series["month"].astype(str).unique())
    values = series.pivot_table(index="month", columns="indicator", values="value", aggfunc="first").reindex(months)
    fig = new_figure(6.2)
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [1, 1.2]})
    x = np.arange(len(months))
    totals = values["total"] if "total" in values else pd.Series(np.nan, index=months)
    top.bar(x, totals.fillna(0), color="#1f5fa8", width=0.65)
    for xi, total in zip(x, totals):
        if not math.isnan(total):
            top.annotate(f"{int(total):,}", (xi, total), ha="center", va="bottom", fontsize=7)
    top.set_ylabel("办理总数（件）")
    top.yaxis.set_major_formatter(FuncFormatter(thousands))
    top.grid(axis="y", alpha=0.3)
    for code in rates:
        if code in values:
            bottom.plot(x, values[code] * 100, marker="o", label=label_of("indicator", code))
    bottom.set_ylabel("百分比（%）")
    bottom.set_xticks(x, month_ticks(months))
    bottom.grid(alpha=0.3)
    bottom.legend(loc="best", fontsize=8)
    words = [month_words(m) + "：" + "，".join(
        f"{label_of('indicator', code)} {'—' if math.isnan(values.at[m, code]) else month_value(code, values.at[m, code])}"
        for code in ("total", *rates) if code in values) for m in months]
    for ax in (top, bottom):
        mark_columns(ax, words)
    if title:
        fig.suptitle(title)
    return fig


def month_value(code: str, value: float) -> str:
    """A trend chart's value in words: cases with separators, rates (fractions) in percent."""
    return f"{int(value):,} 件" if code == "total" else f"{value * 100:.2f}%"


def refuse_mixed_districts(series: pd.DataFrame) -> None:
    """Trend charts draw one district: raise ValueError on a frame of several."""
    districts = series["district"].unique() if "district" in series else []
    if len(districts) > 1:
        raise ValueError(f"a trend chart draws one district, got {', '.join(map(str, districts))}")


def month_ticks(months: Sequence[str]) -> list[str]:
    """Tick labels of consecutive months: 2020年7月 for the first and each January, else 8月."""
    ticks = []
    for index, month in enumerate(months):
        mon = month.split("-")[1]
        ticks.append(month_words(month) if index == 0 or mon == "01" else f"{int(mon)}月")
    return ticks


@styled
def department_heatmap(table: pd.DataFrame, *, percent: bool = False, title: str = "") -> Figure:
    """Departments x months (``trends.department_month_table``): counts on a log colour scale,
    or rates (fractions) in percent. A month a department is not listed in is hatched; one it
    is listed with no cases is white with a 0. A table of more than CHART_TOP departments shows
    its first CHART_TOP (the most cases), and the title says so."""
    import seaborn as sns

    months = full_months([str(c) for c in table.columns])
    data = table.reindex(columns=months).astype("float64")
    if len(data) > CHART_TOP:
        title = f"{title}（办件最多的 {CHART_TOP} 个部门，共 {len(data)} 个）"
        data = data.head(CHART_TOP)
    fig = new_figure(max(3.0, 0.28 * len(data) + 1.4))
    ax = fig.subplots()
    ax.set_facecolor("#f0f0f0")
    ax.patch.set_hatch("//")
    ax.patch.set_edgecolor("#cfcfcf")
    shown = data * 100 if percent else data
    if percent:
        sns.heatmap(shown, ax=ax, cmap="YlGnBu", vmin=0, vmax=100, annot=len(months) <= 12, fmt=".0f",
                    annot_kws={"fontsize": 6}, cbar_kws={"label": "%"}, linewidths=0.3)
    else:
        annotate = len(months) <= 12
        zero = shown == 0
        if zero.any().any():  # listed with no cases: white with a 0, apart from absent (hatched)
            sns.heatmap(shown, mask=~zero, ax=ax, cmap=ListedColormap(["#ffffff"]), cbar=False, annot=annotate,
                        fmt=".0f", annot_kws={"fontsize": 6}, linewidths=0.3)
        positive = shown.where(shown > 0)
        vmax = float(np.nanmax(positive.to_numpy())) if positive.notna().any().any() else 10.0
        sns.heatmap(positive, ax=ax, cmap="YlOrRd", norm=LogNorm(vmin=1, vmax=max(vmax, 10.0)),
                    annot=annotate, fmt=".0f", annot_kws={"fontsize": 6},
                    cbar_kws={"label": "件（对数刻度）"}, linewidths=0.3)
        # Plain numbers on the log colour bar: its default labels are mathtext (10^4), which
        # the charts draw literally (font_rc), so they would read "$\mathdefault{10^{4}}$".
        bar = ax.collections[-1].colorbar.ax.yaxis
        bar.set_major_formatter(FuncFormatter(thousands))
        bar.set_minor_formatter(NullFormatter())
    for i, name in enumerate(data.index):
        for j, month in enumerate(months):
            value = data.iat[i, j]
            shown_value = "本月未列出" if math.isnan(value) else (f"{value * 100:.1f}%" if percent else f"{int(value):,} 件")
            mark(ax, f"{name} {month_words(month)}：{shown_value}", x=(j, j + 1), y=(i, i + 1))
    ax.set_xticks(np.arange(len(months)) + 0.5, month_ticks(months), rotation=0, fontsize=8)
    ax.set_yticks(np.arange(len(data)) + 0.5, list(data.index), fontsize=8)
    ax.set_xlabel("")
    ax.set_ylabel("")
    if title:
        ax.set_title(title, loc="left", fontsize=10)
    return fig


@styled
def rank_chart(ranks: pd.DataFrame, top: int = 10, title: str = "") -> Figure:
    """Ranks by cases over the months (``trends.department_ranks`` of one district) for the
    departments in the top ``top`` of the last month; rank 1 at the top."""
    refuse_mixed_districts(ranks)
    months = full_months(ranks["month"].astype(str).unique())
    last = ranks[ranks["month"] == months[-1]].nsmallest(top, "rank")
    table = ranks.pivot(index="month", columns="department", values="rank").reindex(months)
    fig = new_figure(4.8)
    ax = fig.subplots()
    x = np.arange(len(months))
    for name in last["department"]:
        line = table[name].astype("float64")
        ax.plot(x, line, marker="o", linewidth=1.5)
        ax.annotate(name, (x[-1], line.iloc[-1]), xytext=(6, 0), textcoords="offset points", va="center", fontsize=8)
        for xi, month, rank in zip(x, months, line):
            if not math.isnan(rank):
                mark(ax, f"{name} {month_words(month)}：第 {int(rank)} 名", x=(xi - 0.25, xi + 0.25),
                     y=(rank - 0.3, rank + 0.3))
    ax.set_yticks(range(1, int(np.nanmax(table[list(last["department"])].to_numpy(dtype="float64"))) + 1))
    ax.invert_yaxis()
    ax.set_xticks(x, month_ticks(months))
    ax.set_ylabel("按办件量排名")
    ax.set_xlim(-0.3, len(months) - 0.3 + 1.6)
    ax.grid(alpha=0.3)
    if title:
        ax.set_title(title, loc="left", fontsize=10)
    return fig

