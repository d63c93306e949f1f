"""Helpers for the report notebooks: parameter validation and showing figures and fragments.

papermill only warns about a parameter name the notebook does not define, so a typo such as
``-p distrct qijiang`` would run the defaults silently; ``check_parameters`` turns it into an
error that names the unknown parameter.

``show_html`` gives JupyterLab what the report shows: the fragment with the report's
stylesheet for fragments and an embedded face of the Chinese font (one per kernel for the
characters of the labels, registry and notebooks, and one more only for a fragment with
characters beyond those), so cards are cards and nothing is boxes on a machine without a
Chinese font. The output also keeps the bare fragment (REPORT_MIME) for the report page.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from govstats.paths import CODE_ROOT
from govstats.periods import check_month, check_period

#: The bare fragment of a show_html output, which govstats.render.export puts on the page.
REPORT_MIME = "application/vnd.govstats.fragment+html"
#: Set (to 1) in the environment of the kernels a build starts (govstats.build.kernel): their
#: outputs go to the report page only, so show_html leaves out JupyterLab's styles and fonts.
REPORT_KERNEL_ENV = "GOVSTATS_REPORT_KERNEL"
STYLESHEET = Path(__file__).parent / "templates" / "govstats" / "govstats.css"
#: Where govstats.css starts the rules for the fragments (class rules, safe inside Lab).
FRAGMENT_RULES = "/* Fragments from govstats.render.month_html"
#: The page rules for tables and headings, scoped to a fragment so Lab's own page keeps its look.
LAB_RULES = """
.govstats-lab { line-height: 1.6; }
.govstats-lab h1 { font-size: 1.6em; margin: 0 0 .8em; padding-bottom: .3em; border-bottom: 2px solid #3b6ea8; }
.govstats-lab table { border-collapse: collapse; margin: .6em 0 1.2em; font-size: .9em; line-height: 1.4; }
.govstats-lab th, .govstats-lab td { border: none; border-bottom: 1px solid #d0d7de; padding: .3em .75em;
  vertical-align: top; }
.govstats-lab thead th { background: #f1f4f8; border-bottom: 2px solid #8c959f; text-align: center; font-weight: bold; }
.govstats-lab td { text-align: right; }
.govstats-lab td:first-child, .govstats-lab tbody th { text-align: left; font-weight: normal; }
.govstats-lab tbody tr:nth-child(even) { background: #f8f9fb; }
"""
_covered: set[str] = set()  # characters the font faces shown in this kernel hold
_families: list[str] = []

_PLAIN = (str, int, float, bool, list, dict, tuple, type(None))


class ParameterError(ValueError):
    """A notebook parameter that is unknown or malformed; shown in the notebook as its message."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]
_IPYTHON_NAMES = {"In", "Out", "exit", "quit", "get_ipython", "open"}


#: How a parameters cell begins, the notebook's own and the one papermill injects: names
#: assigned there are parameters, checked by name, never taken as the notebook's own.
PARAMETERS_CELL = "# Parameters"


def assigned_names(sources: object) -> set[str]:
    """Names the code cells in ``sources`` (IPython's ``In``) assign, parameter cells aside."""
    import ast

    names: set[str] = set()
    for source in sources if isinstance(sources, (list, tuple)) else ():
        if not isinstance(source, str) or source.lstrip().startswith(PARAMETERS_CELL):
            continue
        try:
            tree = ast.parse(source)
        except SyntaxError:  # magics, shell escapes
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def check_parameters(namespace: Mapping[str, object], **parameters: object) -> dict[str, object]:
    """Return ``parameters`` after checking them; raise ValueError on an unknown or bad one.

    ``namespace`` is the notebook's ``globals()``: any plain-valued name in it that is not a
    known parameter, and that no cell the kernel ran assigns (a notebook run again in the same
    kernel holds its own results), was injected by papermill from a mistyped ``-p NAME``.
    """
    own = assigned_names(namespace.get("In") or ())
    unknown = sorted(
        name for name, value in namespace.items()
        if not name.startswith("_") and name not in parameters and name not in _IPYTHON_NAMES
        and name not in own and isinstance(value, _PLAIN)
    )
    if unknown:
        raise ParameterError(f"unknown parameter(s): {', '.join(unknown)}; "
                             f"this notebook takes: {', '.join(parameters)}")
    try:
        if "month" in parameters:
            check_period(str(parameters["month"]))
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


def figure_alt(fig) -> str:  # noqa: ANN001 - a matplotlib Figure
    """Alt text that says what a chart shows: its title, each panel's title and axes."""
    parts = [fig._suptitle.get_text()] if getattr(fig, "_suptitle", None) else []
    for ax in fig.get_axes():
        title = ax.get_title(loc="left") or ax.get_title()
        axes = "，".join(f"{name}：{label}" for name, label in (("横轴", ax.get_xlabel()), ("纵轴", ax.get_ylabel()))
                        if label)
        panel = "（".join(p for p in (title, axes) if p) + ("）" if title and axes else "")
        if panel and panel not in parts:
            parts.append(panel)
    return "图：" + "；".join(parts) if parts else "图表"


def show_figure(fig, alt: str | None = None) -> None:  # noqa: ANN001 - a matplotlib Figure
    """Display a figure as one PNG output with alt text saying what it shows (``alt``, or
    figure_alt) and, in its metadata, the hover regions the chart marked (govstats.render.hover),
    which the report page lays over the image; release it (no second copy from pyplot)."""
    import base64

    import matplotlib.pyplot as plt
    from IPython.display import display

    from govstats.render.hover import regions

    png = figure_png(fig)
    metadata = {"alt": alt or figure_alt(fig)}
    found = regions(fig)
    if found:
        metadata["govstats_regions"] = [list(r) for r in found]
    display({"image/png": base64.b64encode(png).decode("ascii"), "text/plain": metadata["alt"]},
            metadata={"image/png": metadata}, raw=True)
    plt.close(fig)


def show_month_chart(name: str, analysis, **options: object) -> None:  # noqa: ANN001 - MonthAnalysis
    """Draw the month chart ``name`` (govstats.render.charts.<name>_chart) when the table's layout has
    its columns; otherwise say in the report which columns are missing."""
    from html import escape

    from govstats.render import charts

    frame = analysis.department_indicators
    if frame.empty:
        show_html("<p class='govstats-sub'>本期文件中没有部门表格，不绘此图。</p>")
    elif charts.chart_applies(name, frame):
        show_figure(getattr(charts, f"{name}_chart")(frame, **options))
    else:
        missing = [c for c in charts.MONTH_CHART_NEEDS[name] if c not in frame.columns]
        show_html(f"<p class='govstats-sub'>本月表格没有绘制此图所需的列（{escape(', '.join(missing))}），不绘此图。</p>")


@functools.cache
def lab_css() -> str:
    """The stylesheet a fragment carries in JupyterLab: the report's fragment rules, and its
    table and heading rules scoped to the fragment."""
    css = STYLESHEET.read_text(encoding="utf-8")
    return LAB_RULES + css[css.index(FRAGMENT_RULES):]


@functools.cache
def common_text() -> str:
    """Characters most fragments and markdown cells use: the labels, the department registry,
    the table schema, the profiles (whose words title and introduce a report) and the
    notebooks' text (the code checkout's reference data)."""
    reference = CODE_ROOT / "data" / "reference"
    files = [reference / n for n in ("labels.csv", "departments.csv", "districts.csv", "fields.yaml", "rates.csv")]
    files += sorted((reference / "profiles").glob("*.yaml"))  # the reports' words (title, intro) by layout
    files += sorted((CODE_ROOT / "notebooks").glob("*.ipynb"))
    return "".join(p.read_text(encoding="utf-8") for p in files if p.is_file())


def lab_html(fragment: str) -> str:
    """``fragment`` as JupyterLab should show it: with the stylesheet, and a font face for the
    characters no face shown in this kernel holds yet (the first also covers common_text and
    gives markdown cells the font)."""
    from govstats.render.fonts import font_face_css

    needed = {c for c in fragment if ord(c) > 0x7F} - _covered
    faces = ""
    if needed:
        text = "".join(sorted(needed | (set() if _families else set(common_text()))))
        family = f"govstats-lab-{len(_families)}"
        faces = font_face_css(text, family)
        _covered.update(text)
        _families.append(family)
    stack = ", ".join([*(f"'{f}'" for f in reversed(_families)), "'Noto Sans SC'", "sans-serif"])
    markdown = f".jp-RenderedMarkdown, .jp-RenderedMarkdown * {{ font-family: {stack}; }}" if faces else ""
    return (f"<style>{faces}{markdown}{lab_css()}.govstats-lab, .govstats-lab * {{ font-family: {stack}; }}</style>"
            f"<div class='govstats-lab'>{fragment}</div>")


def show_html(fragment: str) -> None:
    """Display an HTML fragment from govstats.render (already escaped): styled for JupyterLab,
    and bare for the report (REPORT_MIME); bare alone in a build's kernel (REPORT_KERNEL_ENV)."""
    import os

    from IPython.display import display

    if os.environ.get(REPORT_KERNEL_ENV) == "1":
        display({"text/html": fragment}, raw=True)
    else:
        display({"text/html": lab_html(fragment), REPORT_MIME: fragment}, raw=True)


def month_view(analysis) -> str:  # noqa: ANN001 - a MonthAnalysis
    """A MonthAnalysis in JupyterLab as the report begins: title, headline cards, ledger."""
    from govstats.render import month_html

    return lab_html(month_html.title_html(analysis) + month_html.headline_html(analysis)
                    + month_html.ledger_html(analysis.ledger))


def register_views() -> None:
    """Show a MonthAnalysis with month_view in this IPython kernel (none: nothing to do)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type_by_name("govstats.month", "MonthAnalysis", month_view)


register_views()
