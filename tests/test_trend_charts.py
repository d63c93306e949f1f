"""Charts of many months and districts: what each draws, where the targets are, and what they
refuse (demo and real together, several districts on one trend chart)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection, QuadMesh
from matplotlib.colors import to_hex

from govstats.measure.targets import target_status
from govstats.measure.trends import department_month_table, department_ranks, district_series
from govstats.reference.published import load_figures, load_targets
from govstats.render.trend_charts import (
    STATUS_COLOURS,
    department_heatmap,
    indicator_target_pages,
    indicator_targets_chart,
    rank_chart,
    trend_lines_chart,
)
from tests.conftest import REFERENCE
from tests.test_history import synthetic_history


@pytest.fixture(scope="module")
def published():
    figures = load_figures(REFERENCE)
    return figures, target_status(figures, load_targets(REFERENCE))


def dots(ax) -> list[tuple[float, str]]:
    """(x, colour) of every dot drawn on an axes."""
    found = []
    for collection in ax.collections:
        if isinstance(collection, PathCollection):
            x = collection.get_offsets()[0][0]
            found.append((float(x), to_hex(collection.get_facecolor()[0])))
    return found


def vertical_lines(ax) -> list[float]:
    return [line.get_xdata()[0] for line in ax.lines if len(set(line.get_xdata())) == 1]


def test_each_indicator_is_a_panel_with_its_targets_and_coloured_dots(published):
    figures, status = published
    fig = indicator_targets_chart(figures, status, ["immediate_rate", "average_visits", "zero_material_items"])
    immediate, visits, zero_material = fig.axes
    assert immediate.get_title(loc="left") == "即办率（%）"
    assert vertical_lines(immediate) == [35.0]
    assert dict(dots(immediate))[62.26] == STATUS_COLOURS["met"]
    assert len(dots(immediate)) == len(figures[figures["indicator"] == "immediate_rate"]) == 4
    assert vertical_lines(visits) == [0.6] and dict(dots(visits))[0.05] == STATUS_COLOURS["met"]
    assert dict(dots(zero_material))[124.0] == STATUS_COLOURS["not_met"]
    assert dict(dots(zero_material))[190.0] == STATUS_COLOURS["met"]


def test_a_figure_without_a_target_is_drawn_without_a_line(published):
    figures, status = published
    (ax,) = indicator_targets_chart(figures, status, ["online_application_rate"]).axes
    assert vertical_lines(ax) == []
    assert {c for _, c in dots(ax)} == {STATUS_COLOURS["none"]}


def test_pages_fit_the_height_and_keep_every_indicator(published):
    figures, status = published
    pages = indicator_target_pages(figures, status, max_height=8.0)
    assert len(pages) > 1
    assert all(page.get_size_inches()[1] <= 8.0 for page in pages)
    titles = [ax.get_title(loc="left") for page in pages for ax in page.axes]
    assert len(titles) == figures["indicator"].nunique()


def test_demo_and_real_districts_are_never_drawn_together(published):
    figures, status = published
    demo = figures.iloc[:1].assign(district="demo-qijiang")
    with pytest.raises(ValueError, match="must not mix demo and real"):
        indicator_targets_chart(pd.concat([figures, demo]), status, demo={"demo-qijiang"})


def test_trend_lines_leave_a_missing_month_empty():
    months = ["2020-01", "2020-02", "2020-04"]
    fig = trend_lines_chart(district_series(synthetic_history(months)))
    bars, lines = fig.axes
    assert [round(p.get_height()) for p in bars.patches] == [100, 101, 0, 102]
    immediate = lines.lines[0].get_ydata()
    assert np.isnan(immediate[2]) and immediate[0] == 50.0  # 50 / 100 in percent
    assert [t.get_text() for t in lines.get_xticklabels()] == ["2020年1月", "2月", "3月", "4月"]


def test_a_trend_chart_draws_one_district():
    two = pd.concat([synthetic_history(["2020-01"]), synthetic_history(["2020-01"]).assign(district="other")])
    with pytest.raises(ValueError, match="one district"):
        trend_lines_chart(district_series(two))


def test_heatmap_tells_absent_from_zero():
    history = pd.DataFrame({
        "district": "demo", "month": ["2020-01", "2020-01", "2020-02", "2020-02", "2020-02"],
        "department": ["甲", "乙", "甲", "乙", "丙"], "total": [100, 0, 120, 5, 7],
    })
    table = department_month_table(history)
    assert table.index.tolist() == ["甲", "丙", "乙"]
    fig = department_heatmap(table)
    meshes = [c for c in fig.axes[0].collections if isinstance(c, QuadMesh)]
    zero_layer, counts_layer = (np.ma.masked_invalid(m.get_array()) for m in meshes)
    assert int((~np.ma.getmaskarray(zero_layer)).sum()) == 1  # 乙 in January: listed, no cases
    assert int((~np.ma.getmaskarray(counts_layer)).sum()) == 4  # 甲 twice, 乙 and 丙 in February
    assert pd.isna(table.at["丙", "2020-01"])  # not listed: left blank (hatched)


def test_rank_chart_draws_the_top_departments_of_the_last_month():
    history = pd.DataFrame({"district": "demo", "month": ["2020-01"] * 3 + ["2020-02"] * 3,
                            "department": ["甲", "乙", "丙"] * 2, "total": [30, 20, 10, 10, 20, 30]})
    ax = rank_chart(department_ranks(history), top=2).axes[0]
    assert [list(line.get_ydata()) for line in ax.lines] == [[3.0, 1.0], [2.0, 2.0]]
    assert [t.get_text() for t in ax.texts] == ["丙", "乙"]


def test_heatmap_colour_bar_reads_as_numbers_and_every_cell_shows_its_value_on_hover():
    from govstats.render.hover import regions
    from govstats.render.notebook import figure_png

    history = pd.DataFrame({"district": "demo", "month": ["2020-01", "2020-01", "2020-02", "2020-02"],
                            "department": ["甲", "乙", "甲", "丙"], "total": [15467, 0, 2, 7]})
    fig = department_heatmap(department_month_table(history))
    figure_png(fig)  # tick labels are made when the figure is drawn
    bar = fig.axes[-1]
    labels = [t.get_text() for t in bar.get_yticklabels() if t.get_text()]
    assert labels and not [t for t in labels if "$" in t or "mathdefault" in t], labels
    assert {"10", "100", "1,000", "10,000"} <= set(labels)
    texts = [r[4] for r in regions(fig)]
    assert texts == ["甲 2020年1月：15,467 件", "甲 2020年2月：2 件", "丙 2020年1月：本月未列出", "丙 2020年2月：7 件",
                     "乙 2020年1月：0 件", "乙 2020年2月：本月未列出"]
