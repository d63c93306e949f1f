"""The HTML and PDF report of a small executed notebook: offline, no code, Chinese intact."""

from __future__ import annotations

import base64
import copy
import io
import re

import nbformat
import pytest
from department_frame import reference_frame
from fontTools.ttLib import TTFont
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from pypdf import PdfReader

from govstats.render import charts, export

TABLE = (
    "<table><thead><tr><th>部门</th><th>办理总数</th></tr></thead><tbody>"
    "<tr><td>区公安局</td><td>15467</td></tr><tr><td>合计</td><td>67354</td></tr>"
    "</tbody></table>"
)
CODE = "display(volume_chart(frame))  # 代码不进报告"
STDERR = "UserWarning: 这条警告不进报告\n"


def chart_png() -> str:
    buf = io.BytesIO()
    charts.volume_chart(reference_frame()).savefig(buf, format="png", metadata={"Software": None})
    return base64.b64encode(buf.getvalue()).decode("ascii")


def small_notebook() -> nbformat.NotebookNode:
    """Markdown in Chinese, and one code cell whose outputs are a chart, a table, stderr and
    markup in plain text and markdown."""
    outputs = [
        new_output("stream", name="stderr", text=STDERR),
        new_output("display_data", data={"image/png": chart_png(), "text/plain": "<Figure>"}),
        new_output("execute_result", execution_count=1,
                   data={"text/html": TABLE, "text/plain": "部门 办理总数"}),
        new_output("execute_result", execution_count=1,
                   data={"text/plain": "<script>alert('plain')</script>"}),
        new_output("display_data", data={"text/markdown": "<script>alert('md-output')</script>"}),
    ]
    return new_notebook(cells=[
        new_markdown_cell("# 綦江区 2020年7月 办件情况\n\n全区办件 **67354** 件，区公安局最多。"),
        new_markdown_cell("说明 <script>alert('md-cell')</script> [链接](javascript:alert(1))"),
        new_code_cell(CODE, execution_count=1, outputs=outputs),
    ])


@pytest.fixture(scope="module")
def notebook() -> nbformat.NotebookNode:
    return small_notebook()


@pytest.fixture(scope="module")
def page(notebook) -> str:
    return export.html_report(notebook, "綦江区 2020年7月 办件报告")


@pytest.fixture(scope="module")
def pdf(page) -> bytes:
    return export.pdf_report(page)


def test_page_is_offline(page):
    from govstats.render import interact

    assert page.count(interact.script_element()) == 1  # the page script, allowed by its hash, and no other
    assert "<script" not in page.replace(interact.script_element(), "").lower()
    assert f"script-src {interact.script_hash()};" in page and "script-src 'unsafe-inline'" not in page
    assert not re.search(r"https?://", page)
    assert not re.search(r"""(src|href)\s*=\s*["']?(?!data:|#)[a-z]+:""", page, re.I)
    assert "@import" not in page
    assert "Content-Security-Policy" in page


def test_page_shows_outputs_without_code_prompts_or_stderr(page):
    assert "区公安局" in page and "67354" in page
    assert "綦江区 2020年7月 办件报告</title>" in page
    assert 'lang="zh"' in page
    assert "data:image/png;base64," in page
    assert "volume_chart(" not in page and "代码不进报告" not in page
    assert "In&nbsp;[" not in page and "Out[" not in page
    assert "这条警告不进报告" not in page


def test_markup_in_markdown_and_text_is_shown_not_run(page):
    assert "&lt;script&gt;alert('md-cell')&lt;/script&gt;" in page
    assert "&lt;script&gt;alert('md-output')&lt;/script&gt;" in page
    assert "&lt;script&gt;alert('plain')&lt;/script&gt;" in page
    assert "javascript:" not in page


def test_page_embeds_a_subset_font_first_in_every_font_family(page):
    match = re.search(r"@font-face\s*{[^}]*url\(data:font/otf;base64,([A-Za-z0-9+/=]+)\)", page)
    assert match
    font = TTFont(io.BytesIO(base64.b64decode(match.group(1))))
    assert {ord(c) for c in "区公安局綦江办件报告"} <= set(font.getBestCmap())
    assert len(match.group(1)) < 60_000  # a subset, not the 8 MB font
    families = re.findall(r"font-family\s*:\s*([^;}]+)", page)
    declared, used = families[0], families[1:]
    assert export.FONT_FAMILY in declared
    assert used and all(f.strip().strip("\"'").startswith(export.FONT_FAMILY) for f in used)


def test_page_is_light(page):
    assert len(page) < 400_000  # one chart (about 140 KB as base64) and a font subset
    assert "jp-mirror-editor" not in page  # no lab theme CSS


def test_html_report_leaves_the_notebook_as_it_was(notebook):
    before = copy.deepcopy(notebook)
    export.html_report(notebook, "标题")
    assert notebook == before


def test_pdf_is_a4_with_extractable_chinese(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "区公安局" in text and "67354" in text
    assert "这条警告不进报告" not in text


def test_pdf_uses_the_embedded_font(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("Govstats-Noto-Sans-SC" in name for name in fonts)


def test_pdf_fetches_no_file_or_network_resource(tmp_path):
    image = tmp_path / "chart.png"
    image.write_bytes(base64.b64decode(chart_png()))
    html = f'<html><body><p>区公安局</p><img src="{image.as_uri()}"></body></html>'
    reader = PdfReader(io.BytesIO(export.pdf_report(html)))
    assert not reader.pages[0].images


def wide_notebook(columns: int) -> nbformat.NotebookNode:
    """A report with one department table of ``columns`` measure columns (wider than A4 portrait)."""
    import pandas as pd

    from govstats.render.month_html import table_html

    frame = pd.DataFrame({"部门": ["区公安局", "区市场监管局"],
                          **{f"第{i}项办件数量": [15467 + i, 320 + i] for i in range(1, columns + 1)}})
    return new_notebook(cells=[
        new_markdown_cell("# 宽表格"),
        new_code_cell("display(table)", execution_count=1, outputs=[
            new_output("display_data", data={"text/html": table_html(frame, fit=True), "text/plain": "表"})]),
    ])


def test_a_table_wider_than_a4_portrait_is_not_clipped_in_the_pdf():
    import pdfplumber

    pdf = export.pdf_report(export.html_report(wide_notebook(20), "宽表格"))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = document.pages
        hits = [(p, p.search("第20项")) for p in pages]  # the header may wrap after 项
        hits = [(p, found) for p, found in hits if found]
        assert hits, "the last column's header is not in the PDF's text at all"
        page, found = hits[0]
        assert all(0 <= f["x0"] and f["x1"] <= page.width for f in found)  # on the page, not clipped
        inside = page.within_bbox((0, 0, page.width, page.height)).extract_text()
        assert "第20项" in inside and "15487" in inside  # the last column's header and first figure
        assert page.width > page.height  # a landscape page of its own
        assert pages[0].width < pages[0].height  # the report itself stays portrait


def test_a_table_that_fits_a4_portrait_stays_on_the_page(reference_month):
    from govstats.render.month_html import table_html

    assert "govstats-wide" not in table_html(reference_month.departments.drop(columns=["registered"]), fit=True)
