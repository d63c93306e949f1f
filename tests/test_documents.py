"""Documents as offices publish them: one file with prose and its 附件 table, in every format,
builds the same month; periods other than a month; bad input in period folders."""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from govstats.errors import InputError
from govstats.ingest.document import read_document
from govstats.month import analyse_month
from govstats.paths import CODE_ROOT
from govstats.periods import parse_period

SAMPLE_DIR = CODE_ROOT / "data" / "raw" / "qijiang" / "2020-07"
SEED_001 = CODE_ROOT.parent / "shared" / "seeds" / "001_16de5b37473659f7.txt"


def sample_document() -> Path:
    (path,) = sorted(SAMPLE_DIR.iterdir())
    return path


def root_with(tmp_path: Path, files: dict[str, bytes | str], period: str = "2020-07") -> Path:
    """A project root whose qijiang folder ``period`` holds ``files`` (the code's reference data)."""
    folder = tmp_path / "data" / "raw" / "qijiang" / period
    folder.mkdir(parents=True)
    for name, content in files.items():
        (folder / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return tmp_path


def prose_and_rows() -> tuple[list[str], list[list[str]]]:
    """The sample document's prose lines and its table rows, to write it in other formats."""
    document = read_document(sample_document())
    (table,) = document.tables
    return [line for line in document.prose.splitlines() if line.strip()], [list(r) for r in table.rows]


def table_html(rows: list[list[str]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<p>7 月份行政审批服务办件情况表</p><table>{body}</table>"


def as_html_page(lines: list[str], rows: list[list[str]]) -> str:
    """The document as a government site serves it: navigation, breadcrumb, article, footer."""
    article = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return ("<!DOCTYPE html><html><head><meta charset='gbk'><title>通报</title><script>var x = '办件99件';</script>"
            "</head><body><div class='top-nav'><a href='/'>首页</a> <a>政务公开</a> <a>办事服务</a></div>"
            "<div class='breadcrumb'>当前位置：首页 &gt; 通知公告</div>"
            f"<div class='article'>{article}{table_html(rows)}</div>"
            "<div class='footer'>版权所有：綦江区人民政府 电话 023-48666666 访问量 12345 次</div></body></html>")


def as_docx(lines: list[str], rows: list[list[str]]) -> bytes:
    import io

    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.add_paragraph("7 月份行政审批服务办件情况表")
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_pdf(lines: list[str], rows: list[list[str]]) -> bytes:
    """The document printed to PDF (WeasyPrint, the project's embedded font, ruled cells)."""
    from govstats.render.export import FONT_PLACEHOLDER, font_face_css, pdf_report

    style = (f"{FONT_PLACEHOLDER} body {{ font-family: 'Govstats Noto Sans SC'; font-size: 9pt; }} "
             "table { border-collapse: collapse; } td { border: 1px solid #000; padding: 1px 3px; }")
    article = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    page = f"<html><head><style>{style}</style></head><body>{article}{table_html(rows)}</body></html>"
    return pdf_report(page.replace(FONT_PLACEHOLDER, font_face_css(page), 1))


def summary(root: Path, period: str = "2020-07"):  # noqa: ANN201 - a tuple of frames and lists
    """What a build keeps of a period: departments, the table's ledger, the claims' verdicts."""
    analysis = analyse_month("qijiang", period, root)
    ledger = analysis.ledger[~analysis.ledger["check"].isin(["stated_month"])
                             & ~analysis.ledger["check"].str.startswith("claim:")]
    claims = sorted((c.kind, c.stated, c.formula, c.verdict) for c in analysis.claims)
    return analysis, analysis.table.departments.reset_index(drop=True), ledger.reset_index(drop=True), claims


def test_the_sample_month_is_one_document_with_its_attachment():
    analysis, departments, ledger, claims = summary(CODE_ROOT)
    assert analysis.table.published_totals["total"] == 67354 and len(departments) == 34
    assert departments.set_index("department").loc["区公安局", "total"] == 15467
    assert ("sum", 84781.0, "67354 + 17427", "pass") in claims
    assert ("share", 95.4, "52740 / 55306", "pass") in claims
    assert ("table", 67354.0, "表中合计[total] = 67354", "pass") in claims
    assert ("table", 15467.0, "表中[区公安局][办理总数] = 15467", "pass") in claims
    kinds = ledger["check"].str.split(":").str[0].value_counts().to_dict()
    assert kinds == {"bound": 70, "size_band": 34, "identity": 35, "column_total": 6} and set(ledger["status"]) == {"pass"}


@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
def test_the_sample_document_in_every_format_builds_the_same_month(tmp_path, fmt):
    lines, rows = prose_and_rows()
    content = {"docx": lambda: as_docx(lines, rows), "pdf": lambda: as_pdf(lines, rows),
               "html": lambda: as_html_page(lines, rows).encode("gbk")}[fmt]()
    root = root_with(tmp_path, {f"通报.{fmt}": content})
    _, departments, ledger, claims = summary(root)
    _, want_departments, want_ledger, want_claims = summary(CODE_ROOT)
    pd.testing.assert_frame_equal(departments.drop(columns="source_row"), want_departments.drop(columns="source_row"))
    assert ledger[["check", "scope", "expected", "actual", "status"]].equals(
        want_ledger[["check", "scope", "expected", "actual", "status"]])
    assert claims == want_claims


def test_a_web_page_keeps_its_navigation_footer_and_scripts_out_of_the_prose(tmp_path):
    lines, rows = prose_and_rows()
    root = root_with(tmp_path, {"page.html": as_html_page(lines, rows)})
    document = read_document(root / "data/raw/qijiang/2020-07/page.html")
    assert "首页" not in document.prose and "版权所有" not in document.prose and "办件99件" not in document.prose
    assert document.prose.splitlines()[0] == "重庆市綦江区政务服务管理办公室"
    assert document.metadata.number == "綦政服〔2020〕12号" and document.metadata.period == "2020-07"


@pytest.mark.skipif(not SEED_001.is_file(), reason="seed documents not found beside the repository")
def test_seed_001_as_one_file_gives_the_reference_month_and_its_cross_checks(tmp_path):
    root = root_with(tmp_path, {"通报.txt": SEED_001.read_bytes()})
    document = read_document(root / "data/raw/qijiang/2020-07/通报.txt")
    assert document.metadata.date == "2020-08-06" and document.metadata.office == "重庆市綦江区政务服务管理办公室"
    assert document.tables[0].provenance.caption == "7 月份行政审批服务办件情况表"
    analysis, departments, ledger, claims = summary(root)
    assert analysis.table.published_totals["total"] == 67354 and len(departments) == 34
    assert ("table", 67354.0, "表中合计[total] = 67354", "pass") in claims
    assert ("sum", 84781.0, "67354 + 17427", "pass") in claims
    assert (ledger["status"] == "pass").all()


def test_the_cumulative_sample_builds_from_prose_alone():
    analysis = analyse_month("qijiang", "2022-01_2022-09", CODE_ROOT)
    assert analysis.title == "綦江区 2022年1—9月 政务服务办件统计报告"
    assert analysis.table.departments.empty and analysis.district_indicators.empty
    verdicts = {(c.stated, c.verdict) for c in analysis.claims}
    assert {(43995.0, "pass"), (99.79, "pass"), (99.65, "pass")} <= verdicts
    stated = analysis.ledger[analysis.ledger["check"] == "stated_month"]
    assert list(stated["status"]) == ["pass"]


@pytest.mark.parametrize("folder,title,words", [
    ("2022-Q3", "关于2022年第三季度政务服务情况的通报", "2022年第三季度"),
    ("2021", "2021年度政务服务工作情况通报", "2021年"),
    ("2022-H1", "2022年上半年政务服务情况通报", "2022年上半年"),
    ("2022-01_2022-09", "2022年1—9月政务服务情况通报", "2022年1—9月"),
])
def test_a_quarter_a_year_a_half_and_a_range_are_titled_and_checked(tmp_path, folder, title, words):
    text = f"{title}\n\n本期共受理事项1200件（窗口受理700件，网上受理500件），办结1188件，办结率99%。\n"
    analysis = analyse_month("qijiang", folder, root_with(tmp_path, {"通报.txt": text}, folder))
    assert analysis.title == f"綦江区 {words} 政务服务办件统计报告"
    assert [c.verdict for c in analysis.claims if c.kind == "sum"] == ["pass"]
    assert list(analysis.ledger.loc[analysis.ledger["check"] == "stated_month", "status"]) == ["pass"]


def test_a_quarterly_bulletin_in_a_month_folder_fails_the_ledger(tmp_path):
    root = root_with(tmp_path, {"通报.txt": "关于2022年第三季度政务服务情况的通报\n\n本季度共受理事项1200件。\n"}, "2022-07")
    check = analyse_month("qijiang", "2022-07", root).ledger.query("check == 'stated_month'").iloc[0]
    assert (check["status"], check["expected"], check["actual"]) == ("fail", "2022-07", "2022-Q3")
    assert "2022年第三季度" in check["message"] and "2022年7月" in check["message"]


def test_periods_compare_like_with_like():
    quarter = parse_period("2022-Q3")
    assert (quarter.previous().name, quarter.year_ago().name, quarter.months) == \
        ("2022-Q2", "2021-Q3", ["2022-07", "2022-08", "2022-09"])
    cumulative = parse_period("2022-01_2022-09")
    assert cumulative.previous() is None and cumulative.year_ago().name == "2021-01_2021-09"
    assert parse_period("2021").previous().name == "2020"
    with pytest.raises(ValueError, match="is not a period"):
        parse_period("2022-13")


def test_a_document_with_no_table_and_nothing_to_check_is_built_with_that_ledger(tmp_path):
    root = root_with(tmp_path, {"通知.txt": "关于做好政务服务工作的通知\n\n各部门要提高认识，加强领导。\n"})
    analysis = analyse_month("qijiang", "2020-07", root)
    assert analysis.claims == () and analysis.table.departments.empty
    assert set(analysis.ledger["check"]) <= {"stated_month"}


def test_a_table_that_cannot_be_read_inside_a_good_document_is_a_ledger_record(tmp_path):
    text = sample_document().read_text(encoding="utf-8").replace("区教委\t12", "区教委\t十二")
    analysis = analyse_month("qijiang", "2020-07", root_with(tmp_path, {"通报.txt": text}))
    (record,) = analysis.ledger[analysis.ledger["check"] == "unread"].itertuples(index=False)
    assert "'十二' is not a whole number" in record.message and "text table 1 of 1" in record.scope
    assert any(c.kind == "sum" and c.verdict == "pass" for c in analysis.claims)


def govstats(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govstats", *args], capture_output=True, text=True, timeout=300)


def test_two_documents_stating_different_periods_are_bad_input(tmp_path):
    root = root_with(tmp_path, {"a.txt": "2020年7月政务服务通报\n\n本月受理100件。\n",
                                "b.txt": "2020年8月政务服务通报\n\n本月受理90件。\n"})
    result = govstats("check", str(root / "data/raw/qijiang/2020-07/a.txt"), "--root", str(root))
    assert result.returncode == 0  # one document on its own is fine
    with pytest.raises(InputError, match="a.txt states 2020年7月; b.txt states 2020年8月"):
        analyse_month("qijiang", "2020-07", root)


def test_a_folder_that_is_no_period_stops_a_run_naming_it(tmp_path):
    root = root_with(tmp_path, {"通报.txt": sample_document().read_bytes()})
    shutil.copytree(CODE_ROOT / "notebooks", root / "notebooks")
    (root / "data/raw/qijiang/2020年7月").mkdir()
    result = govstats("run", "--root", str(root), "--no-pdf")
    assert result.returncode == 2
    assert "2020年7月: the folder name is no period" in result.stderr


def test_check_reads_a_whole_document_prose_and_table_in_one_ledger():
    result = govstats("check", str(sample_document()), "--json")
    assert result.returncode == 0, result.stderr
    import json

    records = json.loads(result.stdout)
    kinds = {r["check"].split(":")[0] for r in records}
    assert {"column_total", "identity", "claim"} <= kinds
    assert any(r["check"] == "claim:table" and r["expected"] == 15467 for r in records)


def test_quarters_are_trended_against_the_quarter_before_and_a_year_before_never_with_months(tmp_path):
    from govstats.build.store import processed_files, write_files
    from govstats.measure.trends import district_trends_of
    from govstats.paths import Layout
    from tests.conftest import make_root

    root = make_root(tmp_path / "root")
    text = "关于{words}政务服务情况的通报\n\n本期共受理事项{n}件。\n"
    table = (CODE_ROOT / "tests" / "data" / "split_month" / "2020-07" / "table.tsv").read_text(encoding="utf-8")
    for period, words in (("2020-Q2", "2020年第二季度"), ("2020-Q3", "2020年第三季度"), ("2021-Q3", "2021年第三季度"),
                          ("2020-01_2020-09", "2020年1—9月"), ("2021-01_2021-09", "2021年1—9月")):
        folder = root / "data" / "raw" / "qijiang" / period
        folder.mkdir(parents=True)
        (folder / "table.tsv").write_text(table, encoding="utf-8")
        (folder / "通报.txt").write_text(text.format(words=words, n=67354), encoding="utf-8")
        analysis = analyse_month("qijiang", period, root)
        write_files({Layout(root).processed_month("qijiang", period) / n: b for n, b in processed_files(analysis).items()})
    analysis = analyse_month("qijiang", "2020-07", root)
    write_files({Layout(root).processed_month("qijiang", "2020-07") / n: b for n, b in processed_files(analysis).items()})
    view = district_trends_of("qijiang", root=root)
    assert view.months == ["2020-07"]  # the month series holds months only
    total = view.periods[view.periods["indicator"] == "total"].set_index("month")
    assert total.loc["2020-Q3", "previous"] == 67354 and total.loc["2020-Q3", "mom"] == 0  # against 2020-Q2
    assert total.loc["2021-Q3", "year_ago"] == 67354 and total.loc["2021-Q3", "yoy"] == 0  # against 2020-Q3
    assert pd.isna(total.loc["2021-Q3", "previous"])  # 2021-Q2 was not built: no other quarter stands in
    assert total.loc["2021-01_2021-09", "year_ago"] == 67354 and pd.isna(total.loc["2021-01_2021-09", "previous"])
    assert pd.isna(total.loc["2020-Q2", "year_ago"])
    from govstats.render.trend_html import district_trend_html

    page = district_trend_html(view.periods, periods=True)
    assert "2021年第三季度" in page and "2021年1—9月" in page and "比上年同期" in page and "2020年7月" not in page


def test_a_workbook_whose_prose_is_typed_in_cells_is_read_as_a_document(tmp_path):
    import openpyxl

    lines, rows = prose_and_rows()
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "通报"
    for line in lines:
        notes.append([line])
    sheet = book.create_sheet("附件")
    for row in rows:
        sheet.append([int(c) if c.isdigit() else c for c in row])
    path = tmp_path / "data" / "raw" / "qijiang" / "2020-07" / "通报.xlsx"
    path.parent.mkdir(parents=True)
    book.save(path)
    document = read_document(path)
    assert "合计受理事项84781件" in document.prose and len(document.tables) == 1
    _, departments, _, claims = summary(tmp_path)
    assert departments["total"].sum() == 67354 and ("sum", 84781.0, "67354 + 17427", "pass") in claims
