"""Files that cannot be read are refused with an InputError that names them and says why."""

from __future__ import annotations

from pathlib import Path

import builders
import pytest

from govstats.errors import InputError
from govstats.ingest.readers.text import decode_text, mojibake_problem
from govstats.ingest.table import read_table

TRADITIONAL = "部門,辦理總數,即收即辦\n區公安局,15467,12376\n區稅務局,14743,6594\n總計,30210,18970\n"


def refused(path, *words: str) -> InputError:
    with pytest.raises(InputError) as info:
        read_table(path)
    message = str(info.value)
    assert str(path) in message
    for word in words:
        assert word in message, message
    return info.value


def test_missing_file(tmp_path):
    refused(tmp_path / "nothing.xlsx", "file not found")


@pytest.mark.parametrize("content", [b"", b"  \r\n\r\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "table.csv"
    path.write_bytes(content)
    refused(path, "the file is empty")


def test_workbook_with_no_cells(tmp_path):
    import openpyxl

    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    refused(path, "no table was found")


def test_word_document_with_no_table(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("现将2020年7月份政务服务绩效考核情况通报如下：")
    path = tmp_path / "bulletin.docx"
    document.save(path)
    refused(path, "no table was found")


def test_page_with_no_table(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>7月份，全区共受理84781件。</p></body></html>", encoding="utf-8")
    refused(path, "no table was found")


def test_text_with_no_delimited_table(tmp_path):
    path = tmp_path / "bulletin.txt"
    path.write_text("7月份，全区各政务服务部门及单位共受理政务服务事项84781件。\n特此通报。\n", encoding="utf-8")
    refused(path, "no table was found")


def test_truncated_xlsx(tmp_path, formats):
    path = tmp_path / "table.xlsx"
    data = formats["xlsx"].read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(path, "cannot open it as an Excel .xlsx workbook", "corrupt or truncated")


def test_xlsx_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    refused(path, "named .xlsx but its content is not that format")


def test_corrupt_xls(tmp_path):
    path = tmp_path / "table.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    refused(path, "cannot open it as an Excel .xls workbook")


def test_old_word_doc_is_named_unsupported(tmp_path):
    path = tmp_path / "table.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "WordDocument".encode("utf-16-le"))
    refused(path, "old Word .doc", "save it as .docx")


@pytest.mark.parametrize(("name", "content"), [
    ("table.json", b'{"total": 67354}'),
    ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
])
def test_unsupported_format(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    refused(path, "unsupported table format")


def test_page_declaring_the_wrong_charset_is_detected(tmp_path, formats):
    path = tmp_path / "page.html"
    page = formats["html"].read_text(encoding="utf-8").replace("charset=utf-8", "charset=gb2312")
    path.write_bytes(page.encode("utf-8"))
    assert read_table(path).encoding == "utf-8"


def test_html_saved_as_xls_is_read_as_html(tmp_path, formats, profile, registry):
    path = tmp_path / "table.xls"
    path.write_bytes(formats["html"].read_bytes())
    raw = read_table(path)
    assert raw.format == "html"


def test_scanned_pdf_has_no_text_layer(tmp_path):
    import weasyprint

    path = tmp_path / "scan.pdf"
    weasyprint.HTML(string="<div style='width:5cm;height:5cm;background:#888'></div>").write_pdf(path)
    refused(path, "no text layer", "does not read images")


def test_pdf_without_ruled_table(tmp_path):
    import weasyprint

    path = tmp_path / "letter.pdf"
    weasyprint.HTML(string="<p>Total 67354</p>").write_pdf(path)
    refused(path, "no table with ruled cell borders")


def test_truncated_pdf(tmp_path, formats):
    path = tmp_path / "table.pdf"
    path.write_bytes(formats["pdf"].read_bytes()[:400])
    refused(path, "cannot open it as a PDF")


# --- encodings: detected, never assumed; mojibake refused ------------------------------------

def test_gbk_detected_not_assumed(tmp_path):
    path = tmp_path / "table.csv"
    path.write_bytes("部门,办理总数\n区公安局,15467\n合计,15467\n".encode("gbk"))
    assert read_table(path).encoding == "gb18030"
    path.write_bytes("部门,办理总数\n区公安局,15467\n合计,15467\n".encode("utf-8"))
    assert read_table(path).encoding == "utf-8"


def test_utf8_read_as_latin1_and_saved_again_is_refused(tmp_path):
    path = tmp_path / "table.csv"
    mojibake = "部门,办理总数\n区公安局,15467\n".encode("utf-8").decode("cp1252", errors="replace")
    path.write_bytes(mojibake.replace("\ufffd", "\x81").encode("utf-8"))
    refused(path, "refusing to read", "read as Latin-1/cp1252")


def test_utf8_read_as_gbk_and_saved_again_is_refused(tmp_path):
    original = "部门办理总数区公安局合计"
    mojibake = original.encode("utf-8").decode("gb18030")
    assert mojibake.encode("gb18030").decode("utf-8") == original  # a strict round trip
    path = tmp_path / "table.csv"
    path.write_bytes(f"{mojibake},15467\n".encode("utf-8"))
    refused(path, "refusing to read", "read as GBK and saved again")


def test_replacement_characters_are_refused(tmp_path):
    path = tmp_path / "table.csv"
    path.write_bytes("部门,办理总数\n区公\ufffd局,15467\n".encode("utf-8"))
    refused(path, "refusing to read", "damaged by a wrong decoding")


@pytest.mark.parametrize(("codec", "text"), [
    ("big5", TRADITIONAL),
    ("shift_jis", "部門,処理件数,即時処理\n公安局,15467,12376\n税務署,14743,6594\n合計,30210,18970\n"),
])
def test_big5_or_shift_jis_is_not_taken_for_gbk(tmp_path, codec, text):
    path = tmp_path / "table.csv"
    path.write_bytes(text.encode(codec))
    refused(path, "does not read as Chinese", "Big5")


def test_traditional_labels_in_gbk_are_fine():
    text, encoding = decode_text(TRADITIONAL.encode("gbk"), Path("t.csv"))
    assert encoding == "gb18030" and text.startswith("部門")


def test_bytes_valid_in_no_encoding(tmp_path):
    path = tmp_path / "table.txt"
    path.write_bytes(b"\x80\x80\x80,1\n")
    refused(path, "neither UTF-8 nor GBK/GB18030")


def test_clean_chinese_text_has_no_mojibake_problem(sample_rows):
    text = "\n".join("\t".join(r) for r in sample_rows)
    assert mojibake_problem(text, "utf-8") is None
    assert mojibake_problem(text, "gb18030") is None


# --- which sheet or table --------------------------------------------------------------------

def test_sheet_matching_the_profile_is_chosen_and_named(tmp_path, sample_rows, profile):
    flat, body = sample_rows[0], sample_rows[1:]
    path = builders.write_xlsx(tmp_path / "book.xlsx", builders.two_level(flat), body, sheets_before=2)
    raw = read_table(path, profile)
    assert raw.provenance.sheet == "7月份"
    assert raw.provenance.location == "sheet 3 '7月份'"
    assert raw.provenance.notes[0] == "chose sheet 3 '7月份': holds a header row of profile 'reference'"
    assert read_table(path).provenance.sheet == "7月份"  # without a profile: the first with rows of numbers


def test_hidden_sheets_come_last(tmp_path, sample_rows):
    import openpyxl

    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "草稿"
    hidden.sheet_state = "hidden"
    for row in [["部门", "办理总数", "即收即办"], ["区公安局", 1, 1], ["区税务局", 2, 2]]:
        hidden.append(row)
    shown = book.create_sheet("7月份")
    for row in sample_rows:
        shown.append(row)
    path = tmp_path / "book.xlsx"
    book.save(path)
    raw = read_table(path)
    assert raw.provenance.location == "sheet 2 '7月份'"


def test_formula_without_a_saved_result_is_noted(tmp_path, profile, registry):
    import openpyxl

    from govstats.clean.month import tidy_month

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["部门", "办理总数", "即收即办", "中心办理", "部门办理", "基层办理", "网上办理"])
    sheet.append(["区公安局", 15467, 12376, 852, 9800, 4815, 15467])
    sheet.append(["合计", "=SUM(B2:B2)", 12376, 852, 9800, 4815, 15467])
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    raw = read_table(path)
    assert raw.provenance.notes == ("sheet 'Sheet', cell B3 (row 3, column 2): formula =SUM(B2:B2) has no saved "
                                    "result (open and save the file in Excel to store it); read as empty",)
    month = tidy_month(raw, profile, registry)
    assert month.published_totals["total"] is None
    assert raw.provenance.notes[0] in month.notes
