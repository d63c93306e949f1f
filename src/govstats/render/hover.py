"""Values on hover for a chart's PNG: a chart function marks, in data coordinates, the areas of
its axes that stand for one value (a bar's row, a point, a heatmap cell) with the words a reader
should see there; once the figure is drawn, ``regions`` turns them into boxes in percent of
the image, which the report page lays over the image as hover areas (``title`` and
``aria-label``). Percentages keep the boxes on their bars at any width the image is shown at,
and the page needs no script for them.
"""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.figure import Figure

#: The attribute of an Axes that holds its marked areas: (x range, y range, text), a range
#: None for the axes' whole extent on that side.
AREAS = "govstats_hover_areas"
Span = tuple[float, float] | None
#: A region: left, top, width, height (percent of the image) and its words.
Region = tuple[float, float, float, float, str]


def mark(ax: Axes, text: str, x: Span = None, y: Span = None) -> None:
    """Mark the area of ``ax`` spanning ``x`` and ``y`` (data coordinates; None: the whole
    axes that way) as showing ``text``."""
    areas = getattr(ax, AREAS, None)
    if areas is None:
        areas = []
        setattr(ax, AREAS, areas)
    areas.append((x, y, text))


def mark_rows(ax: Axes, texts: list[str]) -> None:
    """One area per row of a chart whose row ``i`` is drawn at y = i: the whole width of it."""
    for row, text in enumerate(texts):
        mark(ax, text, y=(row - 0.5, row + 0.5))


def mark_columns(ax: Axes, texts: list[str]) -> None:
    """One area per column of a chart whose column ``i`` is drawn at x = i: its whole height."""
    for column, text in enumerate(texts):
        mark(ax, text, x=(column - 0.5, column + 0.5))


def regions(fig: Figure) -> list[Region]:
    """The marked areas of ``fig``'s axes as boxes in percent of the image a plain savefig
    writes, clipped to their axes; call it after the figure was drawn (saved), so the layout
    is final. Areas outside their axes are left out."""
    width, height = fig.bbox.width, fig.bbox.height
    found: list[Region] = []
    for ax in fig.get_axes():
        box = ax.bbox
        for x, y, text in getattr(ax, AREAS, []):
            x0, x1 = pixels(ax, x, 0, (box.x0, box.x1))
            y0, y1 = pixels(ax, y, 1, (box.y0, box.y1))
            x0, x1 = max(min(x0, x1), box.x0), min(max(x0, x1), box.x1)
            y0, y1 = max(min(y0, y1), box.y0), min(max(y0, y1), box.y1)
            if x1 - x0 < 1 or y1 - y0 < 1 or not all(map(math.isfinite, (x0, x1, y0, y1))):
                continue
            found.append((round(float(100 * x0 / width), 2), round(float(100 * (height - y1) / height), 2),
                          round(float(100 * (x1 - x0) / width), 2), round(float(100 * (y1 - y0) / height), 2), text))
    return found


def pixels(ax: Axes, span: Span, side: int, whole: tuple[float, float]) -> tuple[float, float]:
    """A data span on one side (0: x, 1: y) of ``ax`` in display pixels; None: ``whole``."""
    if span is None:
        return whole
    lo, hi = span
    if side == 0:
        limits = sorted(ax.get_xlim())
        lo, hi = max(lo, limits[0]), min(hi, limits[1])  # a log axis cannot place 0 or less
        other = ax.get_ylim()[0]
        points = ax.transData.transform([(lo, other), (hi, other)])[:, 0]
    else:
        limits = sorted(ax.get_ylim())
        lo, hi = max(lo, limits[0]), min(hi, limits[1])
        other = ax.get_xlim()[0]
        points = ax.transData.transform([(other, lo), (other, hi)])[:, 1]
    return float(points[0]), float(points[1])
