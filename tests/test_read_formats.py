"""Every format a district publishes gives the same tidy month as the raw text of seed 001."""

from __future__ import annotations

import pandas as pd
import pytest

import builders

from govstats.checks.ledger import ledger_frame, ledger_summary
from govstats.checks.table import table_checks
from govstats.clean.month import tidy_month
from govstats.ingest.table import read_table

#: Formats written with the two-level header (办理方式 over three columns): one row more.
TWO_LEVEL = {"xlsx", "xls", "ods", "docx", "html", "html-gbk", "pdf"}
ALL = sorted(TWO_LEVEL | {"csv-gbk", "csv-bom", "txt-utf16"})


def test_sample_month_is_the_seed_table(reference_month):
    d = reference_month.departments
    assert len(d) == 34
    assert reference_month.published_totals["total"] == 67354 == int(d["total"].sum())
    police = d.set_index("department").loc["区公安局"]
    assert (police["total"], police["by_centre"], police["by_department"], police["by_grassroots"]) == (
        15467, 852, 9800, 4815)


@pytest.mark.parametrize("name", ALL)
def test_every_format_gives_the_reference_table(name, formats, profile, registry, reference_month):
    month = tidy_month(read_table(formats[name]), profile, registry)
    expected = reference_month.departments.copy()
    if name in TWO_LEVEL:
        expected["source_row"] = expected["source_row"] + 1  # the header takes two rows
    pd.testing.assert_frame_equal(month.departments, expected)
    assert month.published_totals == reference_month.published_totals
    assert month.headers == reference_month.headers
    assert month.totals_row == reference_month.totals_row + (name in TWO_LEVEL)
    assert month.header_rows == (2 if name in TWO_LEVEL else 1)


@pytest.mark.parametrize("name", ALL)
def test_every_format_reconciles_like_the_reference(name, formats, profile, registry, reference_month):
    month = tidy_month(read_table(formats[name]), profile, registry)
    ledger = ledger_frame(table_checks(month, profile))
    expected = ledger_frame(table_checks(reference_month, profile))
    assert ledger_summary(ledger) == ledger_summary(expected) == {
        "checks": len(expected), "passed": len(expected), "errors": 0, "warnings": 0, "unverifiable": 0}
    pd.testing.assert_frame_equal(ledger, expected)


@pytest.mark.parametrize(("name", "fmt", "encoding", "location"), [
    ("xlsx", "xlsx", "", "sheet 1 '7月份'"),
    ("xls", "xls", "", "sheet 1 '7月份'"),
    ("ods", "ods", "", "sheet 1 '7月份'"),
    ("docx", "docx", "", "table 1 of 1"),
    ("html", "html", "utf-8", "table 2 of 2"),
    ("html-gbk", "html", "gb18030", "table 2 of 2"),
    ("pdf", "pdf", "", "pages 1-2, table 2 of 2"),
    ("csv-gbk", "text", "gb18030", "gb18030 text"),
    ("csv-bom", "text", "utf-8-sig", "utf-8-sig text"),
    ("txt-utf16", "text", "utf-16", "utf-16 text"),
])
def test_provenance_says_format_encoding_and_where(name, fmt, encoding, location, formats):
    raw = read_table(formats[name])
    assert (raw.format, raw.encoding, raw.provenance.location) == (fmt, encoding, location)
    assert raw.record["location"] == location
    assert len(raw.sha256) == 64


def test_two_level_header_merges_are_kept_and_filled(formats):
    raw = read_table(formats["xlsx"])
    assert raw.rows[0][5:8] == ("办理方式", "办理方式", "办理方式")
    assert raw.rows[1][2] == "部门"  # the 部门 cell spans both header rows
    spans = {(s.top, s.left, s.bottom, s.right) for s in raw.merges}
    assert (0, 5, 0, 7) in spans and (0, 2, 1, 2) in spans
    assert raw.provenance.sheet == "7月份"


def test_word_merged_cells_are_read_once(formats):
    raw = read_table(formats["docx"])
    spans = {(s.top, s.left, s.bottom, s.right) for s in raw.merges}
    assert (0, 5, 0, 7) in spans  # gridSpan
    assert (0, 0, 1, 0) in spans  # vMerge restart + continue
    assert (3, 1, 12, 1) in spans  # the 1000 件以上 band merged over ten departments
    assert raw.provenance.caption == "7 月份行政审批服务办件情况表"


def test_pdf_table_across_pages_drops_the_repeated_header(formats):
    raw = read_table(formats["pdf"])
    assert raw.provenance.pages == (1, 2)
    assert "page 2: dropped 2 repeated header row(s)" in raw.provenance.notes
    assert sum(1 for row in raw.rows if "部门" in row) == 2  # the two header rows, once
    assert raw.rows[0][5:8] == ("办理方式",) * 3  # spanned cells filled
    assert "7 月份行政审批服务办件情况表" in raw.provenance.caption


def test_html_page_table_is_chosen_over_the_info_table(formats):
    raw = read_table(formats["html"])
    assert raw.provenance.table_index == 2
    assert any("chose table 2 of 2" in note for note in raw.provenance.notes)


def test_pdf_whose_text_pdfminer_misses_is_read_through_pdfium(tmp_path, formats, profile, registry,
                                                               reference_month):
    import pdfplumber

    path = builders.hide_text_from_pdfminer(formats["pdf"], tmp_path / "unbounded.pdf")
    with pdfplumber.open(path) as pdf:
        assert sum(len(p.chars) for p in pdf.pages) == 0  # pdfminer finds no character at all
    month = tidy_month(read_table(path), profile, registry)
    expected = reference_month.departments.copy()
    expected["source_row"] = expected["source_row"] + 1  # the two-level header
    pd.testing.assert_frame_equal(month.departments, expected)
    assert month.published_totals == reference_month.published_totals
    assert "7 月份行政审批服务办件情况表" in read_table(path).provenance.caption
