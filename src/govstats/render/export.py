"""An executed notebook as an offline HTML report and an A4 PDF, both in Chinese.

The HTML comes from nbconvert's HTMLExporter run in process with the package's template
(``templates/govstats``): no code, no prompts, no stderr, no network address, no script but
the page script of govstats.render.interact (allowed by its hash), a small stylesheet and a
subset of the project's Chinese font embedded, so the page reads the same on a machine with no
Chinese font and WeasyPrint turns it into a PDF quickly.
Markdown is rendered with raw HTML escaped: a department name (or anything else) that
reaches a markdown cell or a text/markdown output shows as text and never runs.
"""

from __future__ import annotations

import copy
import html as html_lib
import logging
import threading
import time
from pathlib import Path

from jinja2 import pass_context
from nbconvert.exporters import Exporter, HTMLExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets.config import Config

from govstats.render import interact
from govstats.render.fonts import FONT_FAMILY, font_face_css  # noqa: F401 - the pages' font, re-exported
from govstats.render.notebook import REPORT_MIME

log = logging.getLogger(__name__)

TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "govstats"
FONT_PLACEHOLDER = "/* govstats:font-face */"
#: Output types the report shows, best first. Scripts and widgets are left out: the page
#: runs no notebook code (only its own page script), so an output that has an HTML or image
#: form shows that instead.
DISPLAY_PRIORITY = [
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/latex",
    "text/plain",
]


class DropStderr(Preprocessor):
    """Drop stderr stream outputs (warnings, progress bars): they are not for the reader."""

    def preprocess_cell(self, cell, resources, index):  # type: ignore[no-untyped-def]
        if cell.cell_type == "code":
            cell.outputs = [
                o for o in cell.outputs
                if not (o.output_type == "stream" and o.get("name") == "stderr")
            ]
        return cell, resources


class ReportFragments(Preprocessor):
    """Show each govstats fragment as the report has it: a notebook output carries the
    fragment twice, styled for JupyterLab (text/html, with its stylesheet and font face) and
    as it is (REPORT_MIME); the page has its own stylesheet and font, so it takes the latter."""

    def preprocess_cell(self, cell, resources, index):  # type: ignore[no-untyped-def]
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data = output.get("data", {})
            if REPORT_MIME in data:
                data["text/html"] = data.pop(REPORT_MIME)
        return cell, resources


class EscapingRenderer(IPythonRenderer):
    """Markdown renderer that shows raw HTML as text; markdown images are still embedded.

    (IPythonRenderer with ``escape=True`` and ``embed_images`` reparses each raw tag before
    escaping it, which turns ``<script>x</script>`` into ``<script></script>x``.)
    """

    def block_html(self, html: str) -> str:
        return f"<p>{html_lib.escape(html.strip(), quote=False)}</p>\n"

    def inline_html(self, html: str) -> str:
        return html_lib.escape(html, quote=False)


class ReportExporter(HTMLExporter):
    """HTMLExporter whose markdown shows raw HTML as text and drops javascript: links.

    nbconvert passes raw HTML in markdown cells and text/markdown outputs through as it is
    (a ``<script>`` there runs in the reader's browser); its ``sanitize_html`` option would
    also strip headings and table headers, so the report escapes instead.
    """

    @pass_context
    def markdown2html(self, context, source):  # type: ignore[no-untyped-def, override]
        renderer = EscapingRenderer(
            escape=True,
            allow_harmful_protocols=False,
            attachments=context.get("cell", {}).get("attachments", {}),
            embed_images=self.embed_images,
            path=context.get("resources", {}).get("metadata", {}).get("path", ""),
            exclude_anchor_links=False,  # headings get ids and a ¶ link (shown on hover, not in print)
        )
        return MarkdownWithMath(renderer=renderer).render(source)


def report_exporter() -> ReportExporter:
    """The exporter on the govstats template, built directly (no entry-point scan)."""
    exporter = ReportExporter(
        config=Config({
            "NbConvertBase": {"display_data_priority": DISPLAY_PRIORITY},
            # Pygments CSS is for code cells, which the report does not show.
            "CSSHTMLHeaderPreprocessor": {"enabled": False},
        }),
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=False,
        embed_images=True,
        language_code="zh",
    )
    exporter.register_preprocessor(DropStderr, enabled=True)
    exporter.register_preprocessor(ReportFragments, enabled=True)
    return exporter


_exporters = threading.local()


def shared_exporter() -> ReportExporter:
    """This thread's exporter, made on first use: making one compiles its templates (about a
    third of a report's export time), and a worker exports month after month."""
    exporter = getattr(_exporters, "exporter", None)
    if exporter is None:
        exporter = _exporters.exporter = report_exporter()
    return exporter


def titled(nb: NotebookNode, title: str) -> NotebookNode:
    """A shallow copy of ``nb`` whose metadata title is ``title`` (``nb`` is left as it is)."""
    copied = copy.copy(nb)
    copied.metadata = NotebookNode({**nb.get("metadata", {}), "title": title})
    return copied


def html_report(nb: NotebookNode, title: str, nav: list[tuple[str, str]] | None = None) -> str:
    """The executed notebook ``nb`` as one self-contained, offline HTML page titled ``title``,
    with a header bar of ``nav`` links (label, relative href) when given."""
    started = time.perf_counter()
    resources = {"govstats_nav": nav or [], "govstats_csp": interact.csp_meta(),
                 "govstats_script": interact.script_element()}
    page, _ = shared_exporter().from_notebook_node(titled(nb, title), resources=resources)
    if FONT_PLACEHOLDER not in page:
        raise RuntimeError(f"template {TEMPLATE_NAME} lost its font placeholder")
    page = page.replace(FONT_PLACEHOLDER, font_face_css(page), 1)
    log.info("HTML report %r: %d bytes in %.2f s", title, len(page), time.perf_counter() - started)
    return page


def notebook_title(nb: NotebookNode, default: str = "") -> str:
    """The title of an executed report notebook: the text of the first <h1> its outputs show
    (the title block the report prints), else its metadata title, else ``default``."""
    import re

    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = output.get("data", {})
            found = re.search(r"<h1[^>]*>(.*?)</h1>", str(data.get(REPORT_MIME) or data.get("text/html", "")), re.S)
            if found:
                return html_lib.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()
    return str(nb.get("metadata", {}).get("title") or default)


class GovstatsExporter(Exporter):
    """``jupyter nbconvert --to govstats out.ipynb``: a papermill output as the offline report
    ``govstats run`` writes (html_report, titled by notebook_title)."""

    export_from_notebook = "govstats report"
    output_mimetype = "text/html"

    def _file_extension_default(self) -> str:
        return ".html"

    def from_notebook_node(self, nb, resources=None, **kw):  # type: ignore[no-untyped-def, override]
        nb_copy, resources = super().from_notebook_node(nb, resources, **kw)
        name = resources.get("metadata", {}).get("name", "")
        return html_report(nb_copy, notebook_title(nb_copy, name)), resources


class GovstatsPDFExporter(GovstatsExporter):
    """``jupyter nbconvert --to govstats-pdf out.ipynb``: the same report as an A4 PDF."""

    export_from_notebook = "govstats report (PDF)"
    output_mimetype = "application/pdf"

    def _file_extension_default(self) -> str:
        return ".pdf"

    def from_notebook_node(self, nb, resources=None, **kw):  # type: ignore[no-untyped-def, override]
        html, resources = super().from_notebook_node(nb, resources, **kw)
        return pdf_report(html), resources


def warm_pdf_engine() -> None:
    """Import WeasyPrint and fontTools' subsetter ahead of time (about 0.6 s), so a caller
    can do it while it waits for something else, such as a kernel."""
    import weasyprint  # noqa: F401
    from fontTools import subset  # noqa: F401


def pdf_report(html: str) -> bytes:
    """The HTML report as A4 PDF bytes; fetches nothing but data: URLs, writes no file."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    started = time.perf_counter()
    pdf = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
    log.info("PDF report: %d bytes in %.2f s", len(pdf), time.perf_counter() - started)
    return pdf
