"""Pages a reader can move around: a header bar (index, trends, indicators, previous and next
month), heading anchors, index rows that link to the month's ledger section, chart alt text that
says what the chart shows, and an index that scrolls its tables in their own box on a phone."""

from __future__ import annotations

import re

from govstats.build.nav import indicators_nav, month_nav, trends_nav
from govstats.paths import Layout
from govstats.render.index_html import LEDGER_ANCHOR, LEDGER_HEADING, DistrictEntry, MonthEntry, index_html
from tests.conftest import make_root


def report_html(built_root) -> str:
    return (built_root / "reports/qijiang/2020-07/report.html").read_text(encoding="utf-8")


def test_a_month_links_its_neighbours_the_index_trends_and_indicators(tmp_path):
    layout = Layout(make_root(tmp_path / "root", months=("2020-06", "2020-07", "2020-09")))
    run = {("qijiang", m) for m in ("2020-06", "2020-07", "2020-09")}
    assert month_nav(layout, "qijiang", "2020-07", run) == [
        ("报告目录", "../../index.html"), ("本区趋势", "../trends.html"), ("指标与目标", "../../indicators.html"),
        ("← 上一期 2020年6月", "../2020-06/report.html"), ("下一期 2020年9月 →", "../2020-09/report.html")]
    assert [label for label, _ in month_nav(layout, "qijiang", "2020-06", run)][-1] == "下一期 2020年7月 →"
    assert trends_nav() == [("报告目录", "../index.html"), ("指标与目标", "../indicators.html")]
    assert indicators_nav() == [("报告目录", "index.html")]


def test_the_report_has_a_header_bar_whose_links_resolve(built_root):
    html = report_html(built_root)
    bar = re.search(r'<nav aria-label="页面导航" class="govstats-nav">(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r'href="([^"]+)"', bar) == ["../../index.html", "../trends.html", "../../indicators.html"]
    # relative to reports/qijiang/2020-07/: the pages govstats run writes after the months
    assert [(built_root / "reports/qijiang/2020-07" / h).resolve().relative_to(built_root / "reports").as_posix()
            for h in re.findall(r'href="([^"]+)"', bar)] == ["index.html", "qijiang/trends.html", "indicators.html"]
    assert "上一期" not in bar  # the root holds one month


def test_headings_have_anchors_and_the_ledger_section_is_one(built_root):
    html = report_html(built_root)
    assert f'<h2 id="{LEDGER_ANCHOR}">{LEDGER_HEADING}<a class="anchor-link" href="#{LEDGER_ANCHOR}">¶</a></h2>' in html
    assert LEDGER_ANCHOR == "%E4%BA%8C%E3%80%81%E6%95%B0%E6%8D%AE%E6%A0%B8%E5%AF%B9"
    assert "a.anchor-link, .govstats-nav { display: none; }" in html  # not in print


def test_charts_say_what_they_show(built_root):
    alts = re.findall(r'<img alt="([^"]+)" src="data:image/png;base64,', report_html(built_root))
    assert len(alts) == 4 and "图表" not in alts
    assert alts[0].startswith("图：各部门办件量（34 个部门，其中 7 个") and "横轴：办件量（件，对数刻度）" in alts[0]
    assert alts[3].startswith("图：办件量集中度（帕累托图")


def test_an_index_row_leads_to_the_month_ledger_and_fits_a_phone():
    month = MonthEntry("2020-07", built=True, total=67354, immediate_rate=0.5243, online_rate=0.8176,
                       ledger={"checks": 128, "passed": 127, "errors": 1}, claims_failed=1,
                       reports={"HTML": "qijiang/2020-07/report.html"})
    html = index_html([DistrictEntry("qijiang", "綦江区", False, [month])], {})
    assert (f"<a href='qijiang/2020-07/report.html#{LEDGER_ANCHOR}'><span class='fail'>127/128 通过，1 项错误</span></a>"
            in html)
    assert html.count("<table>") == html.count("<div class='scroll'><table>") == 1  # wide tables scroll in a box
    assert ".scroll { overflow-x: auto;" in html and "position: sticky; left: 0;" in html
    assert "<meta name='viewport' content='width=device-width, initial-scale=1'>" in html


def test_pdf_pages_after_the_first_carry_a_running_header(built_root):
    from pypdf import PdfReader

    pages = PdfReader(built_root / "reports/qijiang/2020-07/report.pdf").pages
    title = "綦江区 2020年7月 政务服务办件统计报告"
    assert len(pages) > 2
    assert pages[0].extract_text().count(title) == 1  # the heading alone on page 1
    assert all(title in page.extract_text() for page in pages[1:])


def test_a_new_month_rebuilds_its_neighbour_for_the_link(tmp_path):
    from govstats.build.freshness import changes, month_fingerprint, neighbour_months

    root = make_root(tmp_path / "root", months=("2020-06", "2020-07"))
    layout = Layout(root)
    assert neighbour_months(layout, "qijiang", "2020-07") == ["2020-06", None]
    built = {"fingerprint": month_fingerprint(layout, "qijiang", "2020-07"), "outputs": {}}
    assert changes(built, month_fingerprint(layout, "qijiang", "2020-07"), root, pdf=False) == []
    (root / "data/raw/qijiang/2020-08").mkdir()  # a new month, built in the same run
    run = {("qijiang", "2020-07"), ("qijiang", "2020-08")}
    assert changes(built, month_fingerprint(layout, "qijiang", "2020-07", building=run), root, pdf=False) == [
        "previous or next month changed (the header bar links them)"]


def test_a_month_built_alone_links_only_neighbours_that_have_a_report(tmp_path):
    """Built on its own (``govstats run --period 2020-07``), a month links no neighbour whose
    report is not there; once the neighbour is built, its fingerprint changes, so the next run
    rebuilds the month and its bar links it."""
    from govstats.build.freshness import changes, month_fingerprint

    root = make_root(tmp_path / "root", months=("2020-06", "2020-07", "2020-08"))
    layout = Layout(root)
    assert [label for label, _ in month_nav(layout, "qijiang", "2020-07")][3:] == []
    alone = {"fingerprint": month_fingerprint(layout, "qijiang", "2020-07"), "outputs": {}}
    assert alone["fingerprint"]["neighbours"] == [None, None]
    report = layout.report_month("qijiang", "2020-06") / "report.html"
    report.parent.mkdir(parents=True)
    report.write_text("<html></html>", encoding="utf-8")  # 2020-06 built since
    assert [label for label, _ in month_nav(layout, "qijiang", "2020-07")][3:] == ["← 上一期 2020年6月"]
    assert changes(alone, month_fingerprint(layout, "qijiang", "2020-07"), root, pdf=False) == [
        "previous or next month changed (the header bar links them)"]
    # in a run that builds 2020-08 too, the bar links it before it is written
    both = month_fingerprint(layout, "qijiang", "2020-07", building={("qijiang", "2020-08")})
    assert both["neighbours"] == ["2020-06", "2020-08"]


def test_a_neighbour_that_fails_in_the_same_run_is_not_linked(tmp_path):
    """2020-08 fails and has no report: 2020-07, built beside it, is built again without the link,
    and its manifest records that, so the next run that builds 2020-08 rebuilds 2020-07 too."""
    from govstats.build.manifest import manifest_path, read_manifest
    from govstats.build.runs import run_months

    root = make_root(tmp_path / "root", months=("2020-07", "2020-08"))
    table = root / "data/raw/qijiang/2020-08/table.tsv"
    table.write_text(table.read_text(encoding="utf-8").replace("区教委\t12", "区教委\t十二", 1), encoding="utf-8")
    layout = Layout(root)
    outcomes = run_months(layout, [("qijiang", "2020-07"), ("qijiang", "2020-08")], jobs=1, pdf=False)
    assert [(o.month, o.status) for o in outcomes] == [("2020-07", "built"), ("2020-08", "failed")]
    assert outcomes[0].note.endswith("built again without the link to 2020-08, whose build failed")
    html = (root / "reports/qijiang/2020-07/report.html").read_text(encoding="utf-8")
    assert "下一期" not in html and "../2020-08/report.html" not in html
    record = read_manifest(manifest_path(layout, "qijiang", "2020-07"))
    assert record["fingerprint"]["neighbours"] == [None, None]
