"""Charts of one month's department indicators, with Chinese titles and labels.

Each function takes the department indicator frame (one row per department: counts, rates,
shares, rank) and returns a matplotlib Figure. Nothing is shown or written: the notebook
displays the figure, the caller saves it. Figures are built outside pyplot, inside their own
rc context (seaborn style plus the project's Chinese font), so they do not depend on or change
global settings, and the same frame always gives the same PNG bytes.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable
from typing import ParamSpec

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullFormatter, PercentFormatter

from govstats.render.fonts import chart_rc
from govstats.render.hover import mark_columns, mark_rows
from govstats.render.words import percent

WIDTH = 9.0  # inches: fits the text width of an A4 page after scaling
DPI = 110
ROW_HEIGHT = 0.26  # inches per department on horizontal bar charts
FRAME_HEIGHT = 1.3  # inches for title, legend and x axis around the bars
LABEL_SIZE = 9
PARETO_TOP = 1.05  # room above 100% on the pareto chart
NO_CASES = "无办件"
#: Departments drawn one by one on a chart; a longer table shows its CHART_TOP - 1 largest and
#: one 其他 bar for the rest (fold_tail), so a 5,000-row table still gives a page-sized chart.
CHART_TOP = 50
OTHERS = "其他"
MUTED = "#8a8f98"
BLUE, ORANGE, GREEN = "#3b6ea8", "#e08a2e", "#4f9a60"
#: (share column, label, colour) of the three channels, in stacking order.
CHANNELS = (
    ("centre_share", "中心办理", BLUE),
    ("department_share", "部门办理", ORANGE),
    ("grassroots_share", "基层办理", GREEN),
)
#: Count column -> its share column, for folding departments into 其他.
CHANNEL_COUNTS = {"by_centre": "centre_share", "by_department": "department_share",
                  "by_grassroots": "grassroots_share"}
#: (rate column, label, marker, colour) of the rates chart.
RATES = (
    ("immediate_rate", "即办率", "o", BLUE),
    ("online_rate", "网办率", "D", ORANGE),
)

P = ParamSpec("P")

#: The month report's charts and the department-frame columns each needs: a layout without
#: them (another district's profile) gets no such chart, not an error.
MONTH_CHART_NEEDS = {
    "volume": ("department", "total"),
    "channel_mix": ("department", "centre_share", "department_share", "grassroots_share"),
    "rates": ("department", "immediate_rate", "online_rate"),
    "pareto": ("department", "total", "cumulative_share"),
}


def chart_applies(name: str, frame: pd.DataFrame) -> bool:
    """True when ``frame`` has the columns the month chart ``name`` draws."""
    return all(column in frame.columns for column in MONTH_CHART_NEEDS[name])


def styled(chart: Callable[P, Figure]) -> Callable[P, Figure]:
    """Build the chart inside the project's rc context (seaborn style, Chinese font), every
    text drawn literally (literal_texts)."""

    @functools.wraps(chart)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Figure:
        with mpl.rc_context(chart_rc()):
            return literal_texts(chart(*args, **kwargs))

    return wrapper


def literal_texts(fig: Figure) -> Figure:
    """``fig`` with mathtext off on every text it holds: a name such as ``$x$`` or ``$\\frac{``
    is drawn as written, never parsed (the rc context already says so for texts made inside it;
    this covers any made with explicit settings). Tick labels made later, at draw time, are
    the formatters' numbers."""
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        text.set_parse_math(False)
    return fig


def require_columns(frame: pd.DataFrame, columns: Iterable[str]) -> None:
    """Raise ValueError naming the columns a chart needs that ``frame`` lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"department frame lacks column(s) {', '.join(missing)}")


def by_volume(frame: pd.DataFrame, *, with_cases_only: bool = False) -> pd.DataFrame:
    """Departments largest first (ties keep the frame's order); optionally only those with cases.
    A total published as not applicable ("—") cannot be drawn and is left out."""
    known = frame[frame["total"].notna()].astype({"total": "int64"})
    ordered = known.sort_values("total", ascending=False, kind="stable")
    if with_cases_only:
        ordered = ordered[ordered["total"] > 0]
    return ordered.reset_index(drop=True)


def fold_tail(data: pd.DataFrame, top: int = CHART_TOP) -> pd.DataFrame:
    """``data`` (largest first, as by_volume gives it) when it has ``top`` rows or fewer; else its
    ``top - 1`` first rows and a last row "其他（N 个部门）" holding the sum of the rest's counts,
    its rates and shares worked out from those sums."""
    if len(data) <= top:
        return data
    head, tail = data.iloc[: top - 1], data.iloc[top - 1:]
    counts = [c for c in ("total", "immediate", "online", *CHANNEL_COUNTS) if c in data]
    sums = {c: int(tail[c].fillna(0).sum()) for c in counts}
    total = sums["total"]
    row: dict[str, object] = {"department": f"{OTHERS}（{len(tail)} 个部门）", **sums}
    for count, rate in (("immediate", "immediate_rate"), ("online", "online_rate"),
                        *CHANNEL_COUNTS.items()):
        if count in sums and rate in data:
            row[rate] = sums[count] / total if total else np.nan
    if "cumulative_share" in data:
        row["cumulative_share"] = tail["cumulative_share"].iloc[-1]
    folded = pd.DataFrame([row]).astype({c: data[c].dtype for c in counts})
    return pd.concat([head, folded], ignore_index=True)


def new_figure(height: float) -> Figure:
    """A figure of the report's width, outside pyplot, with constrained layout."""
    return Figure(figsize=(WIDTH, height), dpi=DPI, layout="constrained")


def bar_rows_figure(rows: int) -> tuple[Figure, Axes]:
    """Figure and axes for horizontal bars, one row a department, first row at the top."""
    fig = new_figure(FRAME_HEIGHT + ROW_HEIGHT * rows)
    ax = fig.add_subplot()
    ax.set_ylim(rows - 0.5, -0.5)
    ax.grid(axis="y", visible=False)
    return fig, ax


def legend_above(ax: Axes, columns: int) -> None:
    """A frameless legend in one row above the axes, under the figure title."""
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=columns, frameon=False)


def thousands(value: float, _position: object = None) -> str:
    """Tick label with thousands separators ("15,467")."""
    return f"{value:,.0f}"


@styled
def volume_chart(frame: pd.DataFrame) -> Figure:
    """办件量 by department on a log scale, every department shown; zeros marked 无办件.

    A log axis shows 2 and 15467 on one chart; it cannot draw 0, so departments with no
    cases get a grey label instead of a bar.
    """
    require_columns(frame, ["department", "total"])
    every = by_volume(frame)
    data = fold_tail(every)
    totals = data["total"].to_numpy()
    rows = np.arange(len(data))
    fig, ax = bar_rows_figure(len(data))
    has_cases = totals > 0
    ax.barh(rows[has_cases], totals[has_cases] - 1, left=1, height=0.7, color=BLUE)
    ax.set_xscale("log")
    top = max(int(totals.max(initial=1)), 1)
    ax.set_xlim(1, 10 ** math.ceil(math.log10(top) + 0.5))
    ax.xaxis.set_major_formatter(FuncFormatter(thousands))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_yticks(rows, data["department"].tolist())
    for row, total in zip(rows, totals):
        label, colour = (f"{total:,}", "black") if total > 0 else (NO_CASES, MUTED)
        ax.text(max(total, 1) * 1.12, row, label, va="center", fontsize=LABEL_SIZE, color=colour)
    for tick, total in zip(ax.get_yticklabels(), totals):
        if total == 0:
            tick.set_color(MUTED)
    ax.set_xlabel("办件量（件，对数刻度）")
    mark_rows(ax, [f"{name}：{f'{total:,} 件' if total > 0 else NO_CASES}"
                   for name, total in zip(data["department"], totals)])
    zero = int((every["total"] == 0).sum())
    shown = f"，图中前 {len(data) - 1} 个及{OTHERS}" if len(data) < len(every) else ""
    fig.suptitle(f"各部门办件量（{len(every)} 个部门，其中 {zero} 个{NO_CASES}{shown}）")
    return fig


@styled
def channel_mix_chart(frame: pd.DataFrame) -> Figure:
    """中心办理 / 部门办理 / 基层办理 shares per department with cases, as 100% stacked bars."""
    require_columns(frame, ["department", "total", *(c for c, _, _ in CHANNELS)])
    data = fold_tail(by_volume(frame, with_cases_only=True))
    rows = np.arange(len(data))
    fig, ax = bar_rows_figure(len(data))
    left = np.zeros(len(data))
    for column, label, colour in CHANNELS:
        shares = data[column].fillna(0).to_numpy()
        ax.barh(rows, shares, left=left, height=0.7, color=colour, label=label)
        for row, start, share in zip(rows, left, shares):
            if share >= 0.1:
                ax.text(start + share / 2, row, f"{share:.0%}", ha="center", va="center",
                        fontsize=LABEL_SIZE - 1, color="white")
        left = left + shares
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_yticks(rows, data["department"].tolist())
    ax.set_xlabel("占本部门办件量的比例")
    mark_rows(ax, [f"{row['department']}（{int(row['total']):,} 件）："
                   + "，".join(f"{label} {percent(row[column], 1)}" for column, label, _ in CHANNELS)
                   for _, row in data.iterrows()])
    legend_above(ax, len(CHANNELS))
    fig.suptitle("各部门办理渠道构成（有办件的部门）")
    return fig


@styled
def rates_chart(frame: pd.DataFrame, district_rates: dict[str, float] | None = None) -> Figure:
    """即办率 and 网办率 per department with cases (dot plot), district rates as dashed lines.

    ``district_rates`` maps ``immediate_rate`` and/or ``online_rate`` to the district's rate
    (0..1).
    """
    require_columns(frame, ["department", "total", *(c for c, _, _, _ in RATES)])
    references = dict(district_rates or {})
    unknown = set(references) - {c for c, _, _, _ in RATES}
    if unknown:
        raise ValueError(f"unknown district rate(s) {', '.join(sorted(unknown))}")
    data = fold_tail(by_volume(frame, with_cases_only=True))
    rows = np.arange(len(data))
    fig, ax = bar_rows_figure(len(data))
    low = data[[c for c, _, _, _ in RATES]].min(axis=1).to_numpy()
    high = data[[c for c, _, _, _ in RATES]].max(axis=1).to_numpy()
    ax.hlines(rows, low, high, color="#d5d8dc", linewidth=1, zorder=1)
    for offset, (column, label, marker, colour) in zip((-0.15, 0.15), RATES):
        ax.scatter(data[column], rows + offset, marker=marker, color=colour, s=30,
                   label=label, zorder=3)
    for column, label, _, colour in RATES:
        if column in references:
            rate = references[column]
            ax.axvline(rate, color=colour, linestyle="--", linewidth=1, zorder=2,
                       label=f"全区{label} {rate:.1%}")
    ax.set_xlim(-0.03, 1.03)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_yticks(rows, data["department"].tolist())
    ax.set_xlabel("占本部门办件量的比例")
    mark_rows(ax, [f"{row['department']}：" + "，".join(f"{label} {percent(row[column])}" for column, label, _, _ in RATES)
                   for _, row in data.iterrows()])
    legend_above(ax, 2 + len(references))
    fig.suptitle("各部门即办率与网办率（有办件的部门）")
    return fig


@styled
def pareto_chart(frame: pd.DataFrame) -> Figure:
    """办件量 bars largest first with the cumulative share (%) on a second axis and the 80% line."""
    require_columns(frame, ["department", "total", "cumulative_share"])
    data = fold_tail(by_volume(frame, with_cases_only=True))
    columns = np.arange(len(data))
    cumulative = data["cumulative_share"].to_numpy()
    fig = new_figure(5.8)
    ax = fig.add_subplot()
    bars = ax.bar(columns, data["total"], color=BLUE, width=0.7, label="办件量")
    ax.set_xticks(columns, data["department"].tolist(), rotation=60, ha="right",
                  rotation_mode="anchor", fontsize=LABEL_SIZE + 1)
    ax.set_xlim(-0.6, len(data) - 0.4)
    # Both axes on one scale (100% = all cases), so the line starts on top of the first bar.
    ax.set_ylim(0, data["total"].sum() * PARETO_TOP)
    ax.yaxis.set_major_formatter(FuncFormatter(thousands))
    ax.set_ylabel("办件量（件）")
    ax.grid(False)
    share = ax.twinx()
    (line,) = share.plot(columns, cumulative, color=ORANGE, marker="o", markersize=4,
                         label="累计占比")
    share.axhline(0.8, color=MUTED, linestyle="--", linewidth=1)
    share.set_ylim(0, PARETO_TOP)
    share.yaxis.set_major_formatter(PercentFormatter(1.0))
    share.set_ylabel("累计占比（占全部办件）")
    share.grid(axis="y", visible=True)
    # The share axes (grid, line) goes behind the bars: grid lines must not cross them.
    share.set_zorder(ax.get_zorder() - 1)
    ax.patch.set_visible(False)
    reached = np.flatnonzero(cumulative >= 0.8 - 1e-12)
    if reached.size:
        first = int(reached[0])
        share.annotate(f"前 {first + 1} 个部门累计占 {cumulative[first]:.1%}",
                       xy=(first, cumulative[first]), xytext=(first + 1.5, 0.62),
                       fontsize=LABEL_SIZE + 1, arrowprops={"arrowstyle": "->", "color": MUTED})
    ax.legend(handles=[bars, line], loc="center right", frameon=False)
    mark_columns(ax, [f"{name}：{int(total):,} 件，累计占比 {percent(share, 1)}"
                      for name, total, share in zip(data["department"], data["total"], cumulative)])
    fig.suptitle("办件量集中度（帕累托图，虚线为 80%）")
    return fig
