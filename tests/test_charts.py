"""The project font and the charts of the reference month (Qijiang, July 2020)."""

from __future__ import annotations

import io
import time
import warnings

import matplotlib as mpl
import pandas as pd
import pytest
from department_frame import district_rates, reference_frame
from fontTools.ttLib import TTFont
from matplotlib.figure import Figure

from govstats.render import charts, fonts

CHARTS = {
    "volume_chart": charts.volume_chart,
    "channel_mix_chart": charts.channel_mix_chart,
    "rates_chart": charts.rates_chart,
    "pareto_chart": charts.pareto_chart,
}


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return reference_frame()


def png_bytes(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def draw(name: str, frame: pd.DataFrame) -> Figure:
    if name == "rates_chart":
        return charts.rates_chart(frame, district_rates(frame))
    return CHARTS[name](frame)


def texts_of(fig: Figure) -> list[str]:
    """Every text drawn on the figure: titles, labels, tick labels, annotations, legends."""
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(mpl.text.Text) if t.get_text()]


def test_reference_frame_is_the_published_table(frame):
    assert len(frame) == 34
    assert frame["total"].sum() == 67354
    assert (frame["total"] == 0).sum() == 7
    assert frame.loc[frame["rank"] == 1, "department"].item() == "区公安局"


def test_font_is_the_pinned_package_file():
    path = fonts.font_path()
    assert path.name == "NotoSansSC-Regular.otf"
    assert "pylopdf_fonts_zh_cn" in path.parts
    assert fonts.font_family() == "Noto Sans SC"


def test_use_chinese_font_sets_family_first_and_is_cheap_twice():
    from matplotlib import font_manager

    fonts.use_chinese_font()
    registered = len(font_manager.fontManager.ttflist)
    start = time.perf_counter()
    fonts.use_chinese_font()
    assert time.perf_counter() - start < 0.1
    assert len(font_manager.fontManager.ttflist) == registered
    assert mpl.rcParams["font.sans-serif"][0] == "Noto Sans SC"
    assert mpl.rcParams["axes.unicode_minus"] is False


def glyph_warnings(fig: Figure) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png_bytes(fig)
    return [str(w.message) for w in caught if "Glyph" in str(w.message)]


def plain_figure() -> Figure:
    """A figure built the way a notebook would, with global settings only."""
    fig = Figure()
    ax = fig.add_subplot()
    ax.plot([-2, 2], [-1, 1])
    ax.set_title("各部门办件量")
    ax.set_xlabel("区公安局")
    return fig


def test_global_chinese_font_draws_every_glyph():
    with mpl.rc_context(mpl.rcParamsDefault):
        assert glyph_warnings(plain_figure())  # the check sees boxes when there are some
    with mpl.rc_context():
        fonts.use_chinese_font()
        assert not glyph_warnings(plain_figure())


def test_font_subset_keeps_only_the_page_characters():
    data = fonts.font_subset("区公安局办件")
    font = TTFont(io.BytesIO(data))
    cmap = font.getBestCmap()
    assert {ord(c) for c in "区公安局办件0123456789"} <= set(cmap)
    assert ord("税") not in cmap
    assert len(data) < 40_000


@pytest.mark.parametrize("name", CHARTS)
def test_chart_has_chinese_labels_and_no_missing_glyphs(name, frame):
    fig = draw(name, frame)
    assert isinstance(fig, Figure)
    assert not glyph_warnings(fig)
    texts = texts_of(fig)
    assert "区公安局" in texts
    assert any("部门" in t for t in texts)  # the Chinese title


@pytest.mark.parametrize("name", CHARTS)
def test_chart_png_is_deterministic_and_page_sized(name, frame):
    first, second = draw(name, frame), draw(name, frame)
    assert png_bytes(first) == png_bytes(second)
    width, height = first.get_size_inches()
    assert 8 <= width <= 10 and height <= 11
    assert 100 <= first.dpi <= 120


def test_charts_do_not_depend_on_global_settings(frame):
    before = png_bytes(charts.pareto_chart(frame))
    with mpl.rc_context({"font.family": "serif", "axes.facecolor": "black"}):
        during = png_bytes(charts.pareto_chart(frame))
    assert before == during


def test_charts_do_not_mutate_the_frame(frame):
    copy = frame.copy()
    for name in CHARTS:
        draw(name, frame)
    pd.testing.assert_frame_equal(frame, copy)


def test_volume_chart_shows_all_34_departments_and_marks_zeros(frame):
    fig = charts.volume_chart(frame)
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert len(names) == 34
    assert names[0] == "区公安局" and names[-1] == "区商务委"
    assert ax.get_xscale() == "log"
    texts = texts_of(fig)
    assert texts.count(charts.NO_CASES) == 7
    assert "15,467" in texts and "2" in texts


def test_channel_mix_bars_add_to_one(frame):
    fig = charts.channel_mix_chart(frame)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == 27
    ends = {}
    for bar in ax.patches:
        row = round(bar.get_y() + bar.get_height() / 2)
        ends[row] = max(ends.get(row, 0), bar.get_x() + bar.get_width())
    assert all(end == pytest.approx(1) for end in ends.values())
    assert {"中心办理", "部门办理", "基层办理"} <= set(texts_of(fig))


def test_rates_chart_draws_district_lines_and_rejects_unknown_rates(frame):
    texts = texts_of(charts.rates_chart(frame, district_rates(frame)))
    assert "全区即办率 52.4%" in texts and "全区网办率 81.8%" in texts
    assert "全区即办率 52.4%" not in texts_of(charts.rates_chart(frame))
    with pytest.raises(ValueError, match="completion_rate"):
        charts.rates_chart(frame, {"completion_rate": 0.9})


def test_pareto_chart_marks_where_80_percent_is_reached(frame):
    fig = charts.pareto_chart(frame)
    bars, share = fig.axes
    heights = [p.get_height() for p in bars.patches]
    assert heights == sorted(heights, reverse=True) and len(heights) == 27
    assert any(line.get_ydata()[0] == 0.8 for line in share.get_lines())
    assert "前 6 个部门累计占 84.9%" in texts_of(fig)


def test_missing_column_is_named(frame):
    with pytest.raises(ValueError, match="cumulative_share"):
        charts.pareto_chart(frame.drop(columns="cumulative_share"))


def test_hover_regions_lie_on_their_bars(frame):
    """The volume chart's hover areas: one per department, top to bottom in the bars' order,
    inside the image, each with its value; the pareto chart's, one per column, left to right."""
    from govstats.render.hover import regions
    from govstats.render.notebook import figure_png

    fig = charts.volume_chart(frame)
    figure_png(fig)  # regions are read from the drawn figure
    found = regions(fig)
    assert len(found) == 34 and found[0][4] == "区公安局：15,467 件" and found[-1][4].endswith("：无办件")
    tops = [r[1] for r in found]
    assert tops == sorted(tops) and all(0 <= r[0] and r[0] + r[2] <= 100.01 and r[1] + r[3] <= 100.01 for r in found)
    assert all(abs(r[3] - found[0][3]) < 0.02 for r in found)  # one row each, the same height
    fig = charts.pareto_chart(frame)
    figure_png(fig)
    columns = regions(fig)
    assert len(columns) == 27 and columns[0][4] == "区公安局：15,467 件，累计占比 23.0%"
    assert [r[0] for r in columns] == sorted(r[0] for r in columns)
