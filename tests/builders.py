"""Write a table (rows of cell text) in every format districts publish, for the reader tests.

Each writer takes the body rows (everything under the header) and a header given as one or two
levels; merged ranges are declared the way the format declares them (openpyxl merge_cells,
xlwt write_merge, Word gridSpan/vMerge, HTML colspan/rowspan, ODS number-*-spanned), so the
readers are tested against real merges, not blanks.
"""

from __future__ import annotations

import csv
import html
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

#: The reference header with a parent over the three channel columns.
PARENT = "办理方式"
CHILDREN = ("中心办理", "部门办理", "基层办理")


@dataclass(frozen=True)
class Header:
    """A one- or two-level header: ``top`` and, for two levels, ``bottom`` (None = merged down)."""

    top: tuple[str, ...]
    bottom: tuple[str | None, ...] | None = None

    @property
    def rows(self) -> int:
        return 1 if self.bottom is None else 2

    def spans(self) -> list[tuple[int, int, int, int]]:
        """(row, col, rowspan, colspan) of every header cell that is merged."""
        if self.bottom is None:
            return []
        out = []
        col = 0
        while col < len(self.top):
            width = 1
            while col + width < len(self.top) and self.top[col + width] == self.top[col] \
                    and self.bottom[col + width] is not None:
                width += 1
            if self.bottom[col] is None:
                out.append((0, col, 2, 1))
            elif width > 1:
                out.append((0, col, 1, width))
            col += width
        return out

    def covered(self) -> set[tuple[int, int]]:
        """Positions covered by a merge but not its anchor."""
        cells = set()
        for r, c, rs, cs in self.spans():
            cells |= {(r + i, c + j) for i in range(rs) for j in range(cs)} - {(r, c)}
        return cells

    def text(self, r: int, c: int) -> str:
        return self.top[c] if r == 0 else (self.bottom[c] or "")


def two_level(flat: list[str]) -> Header:
    """The flat reference header with 办理方式 over 中心办理/部门办理/基层办理."""
    top = tuple(PARENT if h in CHILDREN else h for h in flat)
    bottom = tuple(h if h in CHILDREN else None for h in flat)
    return Header(top, bottom)


def band_spans(body: list[list[str]], col: int = 1) -> list[tuple[int, int]]:
    """(first, last) body row of each size band, to merge the 办件量分类 cells vertically."""
    runs = []
    for i, row in enumerate(body):
        if row[col]:
            runs.append([i, i])
        elif runs and i > 0:
            runs[-1][1] = i
    return [(a, b) for a, b in runs if b > a]


def number_or_text(text: str) -> int | str:
    return int(text) if text.isdigit() else text


def write_xlsx(path: Path, header: Header, body: list[list[str]], *, title: str | None = None,
               sheets_before: int = 0, merge_bands: bool = True) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    for k in range(sheets_before):
        sheet = first if k == 0 else book.create_sheet()
        sheet.title = f"说明{k + 1}"
        sheet.append(["本表由区政务服务管理办公室编制"])
    sheet = book.create_sheet("7月份") if sheets_before else first
    sheet.title = "7月份"
    top = 0
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header.top))
        sheet.append([])
        top = 2
    for r in range(header.rows):
        sheet.append([None if (r, c) in header.covered() else header.text(r, c)
                      for c in range(len(header.top))])
    for r, c, rs, cs in header.spans():
        sheet.merge_cells(start_row=top + r + 1, start_column=c + 1,
                          end_row=top + r + rs, end_column=c + cs)
    first_body = top + header.rows + 1
    for row in body:
        sheet.append([number_or_text(t) if t else None for t in row])
    if merge_bands:
        for a, b in band_spans(body):
            for r in range(a + 1, b + 1):
                sheet.cell(first_body + r, 2).value = None
            sheet.merge_cells(start_row=first_body + a, start_column=2, end_row=first_body + b, end_column=2)
    book.save(path)
    return path


def write_xls(path: Path, header: Header, body: list[list[str]]) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("7月份")
    spans = {(r, c): (rs, cs) for r, c, rs, cs in header.spans()}
    for r in range(header.rows):
        for c in range(len(header.top)):
            if (r, c) in header.covered():
                continue
            rs, cs = spans.get((r, c), (1, 1))
            if rs > 1 or cs > 1:
                sheet.write_merge(r, r + rs - 1, c, c + cs - 1, header.text(r, c))
            else:
                sheet.write(r, c, header.text(r, c))
    for i, row in enumerate(body):
        for c, text in enumerate(row):
            if text:
                sheet.write(header.rows + i, c, number_or_text(text))
    book.save(str(path))
    return path


def write_docx(path: Path, header: Header, body: list[list[str]], *, intro: str = "") -> Path:
    import docx

    document = docx.Document()
    if intro:
        document.add_paragraph(intro)
    table = document.add_table(rows=header.rows + len(body), cols=len(header.top))
    for r, c, rs, cs in header.spans():
        table.cell(r, c).merge(table.cell(r + rs - 1, c + cs - 1))
    for r in range(header.rows):
        for c in range(len(header.top)):
            if (r, c) not in header.covered():
                table.cell(r, c).text = header.text(r, c)
    for a, b in band_spans(body):
        table.cell(header.rows + a, 1).merge(table.cell(header.rows + b, 1))
    merged_band = {header.rows + i for a, b in band_spans(body) for i in range(a + 1, b + 1)}
    for i, row in enumerate(body):
        for c, text in enumerate(row):
            if text and not (c == 1 and header.rows + i in merged_band):
                table.cell(header.rows + i, c).text = text
    document.add_paragraph("注：本表数据来源于区政务服务中心。")
    document.save(path)
    return path


def html_table(header: Header, body: list[list[str]], *, thead: bool = True,
               break_before: int | None = None) -> str:
    """An HTML table with the header in <thead> (WeasyPrint repeats it on each page)."""
    spans = {(r, c): (rs, cs) for r, c, rs, cs in header.spans()}
    head = []
    for r in range(header.rows):
        cells = []
        for c in range(len(header.top)):
            if (r, c) in header.covered():
                continue
            rs, cs = spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            cells.append(f"<th{attrs}>{html.escape(header.text(r, c))}</th>")
        head.append("<tr>" + "".join(cells) + "</tr>")
    rows = []
    for i, row in enumerate(body):
        style = ' style="break-before: page"' if i == break_before else ""
        cells = "".join(f"<td>{html.escape(t)}</td>" for t in row)
        rows.append(f"<tr{style}>{cells}</tr>")
    section = "thead" if thead else "tbody"
    return (f"<table border=\"1\"><{section}>{''.join(head)}</{section}>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def page(title: str, table: str, charset: str = "utf-8", extra_css: str = "",
         layout: bool = True) -> str:
    """A government-style page: an info table (索引号 ...) before the data table, which sits
    in a layout table unless ``layout`` is False."""
    info = ("<table><tr><td>索引号：</td><td>11500222-2020-00012</td><td>发布机构：</td>"
            "<td>綦江区政务服务管理办公室</td></tr></table>")
    return (f"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">"
            f"<style>{extra_css}</style></head><body>{info}<h3>{html.escape(title)}</h3>"
            + (f"<table class=\"layout\"><tr><td>{table}</td></tr></table>" if layout else table) +
            "<p>注：数据来源于区政务服务中心。</p></body></html>")


def write_html(path: Path, header: Header, body: list[list[str]], *, title: str,
               encoding: str = "utf-8") -> Path:
    charset = "gb2312" if encoding in ("gbk", "gb18030") else encoding
    path.write_bytes(page(title, html_table(header, body), charset).encode(encoding))
    return path


def write_pdf(path: Path, header: Header, body: list[list[str]], *, title: str,
              break_before: int) -> Path:
    """A PDF (WeasyPrint) whose table breaks onto a second page, the header repeated."""
    import pylopdf_fonts_zh_cn
    import weasyprint

    font = Path(pylopdf_fonts_zh_cn.__file__).parent / "NotoSansSC-Regular.otf"
    css = (f"@font-face {{ font-family: zh; src: url('{font.as_uri()}'); }}"
           "body { font-family: zh; font-size: 9pt } table { border-collapse: collapse }"
           "td, th { border: 0.5pt solid black; padding: 2pt } @page { size: A4; margin: 2cm }"
           "tr { break-inside: avoid }")
    document = page(title, html_table(header, body, break_before=break_before), extra_css=css,
                    layout=False)
    weasyprint.HTML(string=document).write_pdf(path)
    return path


def write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def write_ods(path: Path, header: Header, body: list[list[str]]) -> Path:
    """A minimal .ods (content.xml by hand: no ODS writer ships with the environment)."""
    spans = {(r, c): (rs, cs) for r, c, rs, cs in header.spans()}

    def cell(text: str, rs: int = 1, cs: int = 1) -> str:
        attrs = (f' table:number-rows-spanned="{rs}"' if rs > 1 else "") + \
                (f' table:number-columns-spanned="{cs}"' if cs > 1 else "")
        if text.isdigit():
            return (f'<table:table-cell{attrs} office:value-type="float" office:value="{text}">'
                    f"<text:p>{text}</text:p></table:table-cell>")
        body_ = f"<text:p>{html.escape(text)}</text:p>" if text else ""
        return f'<table:table-cell{attrs} office:value-type="string">{body_}</table:table-cell>'

    rows = []
    for r in range(header.rows):
        cells = ["<table:covered-table-cell/>" if (r, c) in header.covered()
                 else cell(header.text(r, c), *spans.get((r, c), (1, 1))) for c in range(len(header.top))]
        rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    rows += ["<table:table-row>" + "".join(cell(t) for t in row) + "</table:table-row>" for row in body]
    rows.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
                'table:number-columns-repeated="1024"/></table:table-row>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="7月份">{"".join(rows)}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def hide_text_from_pdfminer(source: Path, path: Path) -> Path:
    """A copy of a PDF whose text is drawn from a form XObject without a /BBox on every page:
    pdfminer skips such a form (it requires the /BBox the PDF standard asks for), pdfium and
    viewers draw it. The ruling lines stay in the page's own content."""
    import re

    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter(clone_from=str(source))
    for number, pdf_page in enumerate(writer.pages):
        name = f"/TextForm{number}"  # pages may share one /Resources dictionary
        content = pdf_page.get_contents().get_data()
        form = DecodedStreamObject()
        form.set_data(content)
        form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                     NameObject("/Resources"): pdf_page["/Resources"]})
        resources = pdf_page["/Resources"].get_object()
        if "/XObject" not in resources:
            resources[NameObject("/XObject")] = DictionaryObject()
        resources["/XObject"].get_object()[NameObject(name)] = writer._add_object(form)
        lines_only = DecodedStreamObject()
        lines_only.set_data(b"q\n" + re.sub(rb"BT.*?ET", b"", content, flags=re.S) + f"\nQ\nq {name} Do Q\n".encode())
        pdf_page[NameObject("/Contents")] = writer._add_object(lines_only)
    with path.open("wb") as handle:
        writer.write(handle)
    return path
