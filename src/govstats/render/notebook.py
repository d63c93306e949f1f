"""Helpers for the report notebooks: parameter validation and showing figures.

papermill only warns about a parameter name the notebook does not define, so a typo such as
``-p distrct qijiang`` would run the defaults silently; ``check_parameters`` turns it into an
error that names the unknown parameter.
"""

from __future__ import annotations

from collections.abc import Mapping

from govstats.periods import check_month

_PLAIN = (str, int, float, bool, list, dict, tuple, type(None))


class ParameterError(ValueError):
    """A notebook parameter that is unknown or malformed; shown in the notebook as its message."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]
_IPYTHON_NAMES = {"In", "Out", "exit", "quit", "get_ipython", "open"}


def check_parameters(namespace: Mapping[str, object], **parameters: object) -> dict[str, object]:
    """Return ``parameters`` after checking them; raise ValueError on an unknown or bad one.

    ``namespace`` is the notebook's ``globals()``: any plain-valued name in it that is not a
    known parameter was injected by papermill from a mistyped ``-p NAME``.
    """
    unknown = sorted(
        name for name, value in namespace.items()
        if not name.startswith("_") and name not in parameters and name not in _IPYTHON_NAMES
        and isinstance(value, _PLAIN)
    )
    if unknown:
        raise ParameterError(f"unknown parameter(s): {', '.join(unknown)}; "
                             f"this notebook takes: {', '.join(parameters)}")
    try:
        if "month" in parameters:
            check_month(str(parameters["month"]))
        for name, value in parameters.items():  # optional months such as first_month, last_month
            if name.endswith("_month") and value is not None:
                check_month(str(value))
    except ValueError as exc:
        raise ParameterError(str(exc)) from None
    for name in ("district",):
        if name in parameters and not (isinstance(parameters[name], str) and parameters[name]):
            raise ParameterError(f"parameter {name} must be a non-empty string")
    return dict(parameters)


def figure_png(fig) -> bytes:  # noqa: ANN001 - a matplotlib Figure
    """PNG bytes of a figure, with no software/time metadata, so rebuilds are byte-identical.
    The charts use constrained layout, so no second "tight" drawing pass is needed."""
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def show_figure(fig) -> None:  # noqa: ANN001 - a matplotlib Figure
    """Display a figure as one PNG output and release it (no second copy from pyplot)."""
    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    display(Image(data=figure_png(fig), format="png"))
    plt.close(fig)


def show_month_chart(name: str, analysis, **options: object) -> None:  # noqa: ANN001 - MonthAnalysis
    """Draw the month chart ``name`` (govstats.render.charts.<name>_chart) when the table's layout has
    its columns; otherwise say in the report which columns are missing."""
    from html import escape

    from govstats.render import charts

    frame = analysis.department_indicators
    if charts.chart_applies(name, frame):
        show_figure(getattr(charts, f"{name}_chart")(frame, **options))
    else:
        missing = [c for c in charts.MONTH_CHART_NEEDS[name] if c not in frame.columns]
        show_html(f"<p class='govstats-sub'>本月表格没有绘制此图所需的列（{escape(', '.join(missing))}），不绘此图。</p>")


def show_html(fragment: str) -> None:
    """Display an HTML fragment from govstats.render.month_html (already escaped)."""
    from IPython.display import HTML, display

    display(HTML(fragment))
