"""Pages over many months, built the way ``govstats run`` builds them: the trends report of a
district, the cross-district indicators page, and reports/index.html.

The months are those of test_history (written as processed files, no notebook); one
``govstats run --district qijiang --month 2020-07`` then rebuilds that month and the pages.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from govstats.build.index import claims_failed
from govstats.errors import InputError
from govstats.measure.trends import district_trends_of
from govstats.paths import Layout
from govstats.render.index_html import DistrictEntry, MonthEntry, index_html
from govstats.render.notebook import check_parameters
from tests.conftest import make_root
from tests.test_history import month_tables, write_processed_month

MONTHS = ["2020-06", "2020-07", "2020-08", "2020-09", "2021-06"]


def offline(html: str) -> bool:
    """No script but the page script (govstats.render.interact) and nothing loaded from a
    network address."""
    from govstats.render import interact

    html = html.replace(interact.script_element(), "", 1)
    return not (re.search(r"<script", html, re.I) or re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
                or re.search(r"@import|url\(\s*['\"]?(https?:)?//", html, re.I))


@pytest.fixture(scope="module")
def run_root(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    root = make_root(tmp_path_factory.mktemp("overview") / "root")
    for month, rows in month_tables().items():
        write_processed_month(Layout(root), "qijiang", month, rows)
    result = subprocess.run([sys.executable, "-m", "govstats", "run", "--root", str(root), "--district", "qijiang",
                             "--month", "2020-07", "--no-pdf"], capture_output=True, text=True, timeout=600)
    return root, result


def test_run_builds_the_month_then_trends_indicators_and_index(run_root):
    root, result = run_root
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"root: {root.resolve()}"
    assert lines[1].startswith("qijiang 2020-07: built")
    assert lines[2] == "overview pages: qijiang/trends, indicators, index"
    assert [line.split(":")[0] for line in lines[3:6]] == ["qijiang/trends", "indicators", "index"]
    assert re.fullmatch(r"qijiang/trends: built in \d+\.\d s -> reports/qijiang/trends\.html", lines[3])
    assert lines[6].split()[:3] == ["district", "month", "status"]  # then the summary of the months
    tally = re.search(r"1 months in (\d+\.\d) s \(months (\d+\.\d) s, 3 overview pages (\d+\.\d) s\)",
                      result.stdout)
    assert tally, result.stdout  # the run's time includes the pages
    total, months, pages = map(float, tally.groups())
    assert abs(total - months - pages) < 0.15 and pages > 0
    assert "; pages: 3 built" in result.stdout
    for page in ("qijiang/trends.html", "qijiang/trends.ipynb", "indicators.html", "index.html"):
        assert (root / "reports" / page).is_file(), page
    assert not (root / "reports" / "qijiang" / "trends.pdf").exists()  # --no-pdf


def test_trends_page_shows_changes_ranks_and_turnover(run_root):
    root, _ = run_root
    html = (root / "reports" / "qijiang" / "trends.html").read_text(encoding="utf-8")
    assert "綦江区 2020年6月至2021年6月 政务服务办件趋势报告" in html
    assert "-1,467 件" in html and "-1.06 个百分点" in html  # 2020-07 against 2020-06
    assert "-12,440 件" in html  # 2021-06 against 2020-06, year on year
    assert "上月没有数据" in html  # 2021-06: 2021-05 was not built
    assert "区发改委 → 区发展改革委" in html and "表中名称改变" in html
    assert "区残联" in html and "未再出现" in html and "区大数据局" in html and "新出现" in html
    assert "尚无连续 12 个月的数据" in html
    assert html.count("data:image/png;base64,") == 4
    assert offline(html) and "district_trends_of" not in html  # no code cells


def test_indicators_page_compares_figures_with_targets(run_root):
    root, _ = run_root
    html = (root / "reports" / "indicators.html").read_text(encoding="utf-8")
    assert "各区政务服务指标与目标对照" in html
    assert "即办率达62.26%" in html and "000_8b9de63e5540bb6b.txt" in html
    assert "≥35%" in html and "≤0.6次" in html and "未达到" in html
    assert "示例区" not in html  # demo data never reaches the real comparison
    assert offline(html)


def test_index_lists_every_month_with_figures_ledger_and_links(run_root):
    root, _ = run_root
    html = (root / "reports" / "index.html").read_text(encoding="utf-8")
    assert offline(html) and "@font-face" in html  # the font subset travels with the page
    for month in ("2020年6月", "2020年7月", "2020年8月", "2020年9月", "2021年6月"):
        assert f"<td>{month}</td>" in html
    assert "65,887" in html and "51.37%" in html and "81.36%" in html  # 2020-07 after the change
    assert "href='qijiang/2020-07/report.html'" in html
    assert "href='qijiang/trends.html'" in html and "href='indicators.html'" in html
    # 2020-07's bulletin says 审批服务事项67354件 and 区公安局办理15467件; the changed table holds
    # 65887 in all and another 区公安局 row: two failed claims
    july = json.loads((root / "data/processed/qijiang/2020-07/manifest.json").read_text(encoding="utf-8"))["ledger"]
    assert july["errors"] == 2
    assert re.search(rf"<td>2020年7月</td>.*?{july['passed']}/{july['checks']} 通过，2 项错误.*?<td class='fail'>2</td>",
                     html)
    june = pd.read_json(root / "data/processed/qijiang/2020-06/ledger.json")
    assert (june["status"] == "pass").all()  # no manifest (written without a notebook): ledger.json counts
    assert ("<td>2020年6月</td><td>67,354</td><td>52.43%</td><td>81.76%</td>"
            f"<td><span class='ok'>{len(june)}/{len(june)} 通过</span></td><td class=''>—</td>") in html
    assert "示例区" not in html  # this root holds no demo months


def test_index_entries_put_demo_districts_last_and_list_unbuilt_months(tmp_path):
    import shutil

    from govstats.build.index import index_entries
    from govstats.paths import CODE_ROOT

    root = make_root(tmp_path / "root")
    shutil.copytree(CODE_ROOT / "data" / "raw" / "demo-qijiang", root / "data" / "raw" / "demo-qijiang")
    real, demo = index_entries(Layout(root))
    assert (real.district, real.demo, demo.district, demo.demo) == ("qijiang", False, "demo-qijiang", True)
    # each period after the months it closes: the third quarter after September
    assert [m.month for m in demo.months] == [*(f"2020-{m:02d}" for m in range(1, 10)), "2020-Q3",
                                              "2020-10", "2020-11", "2020-12"]
    assert not any(m.built for m in demo.months + real.months)
    html = index_html([real, demo], {})
    assert "示例区（演示数据）" in html and "不是真实统计" in html and "尚未生成" in html


def test_trends_pdf_has_the_chinese_text(run_root):
    from pypdf import PdfReader

    from govstats.build.pages import build_trends

    root, _ = run_root
    path = build_trends(Layout(root), "qijiang", pdf=True).with_suffix(".pdf")
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "趋势报告" in text and "区大数据局" in text


def test_index_escapes_text_and_shows_failures():
    month = MonthEntry("2020-07", built=True, total=67354.0, immediate_rate=0.5243, online_rate=0.8176,
                       ledger={"checks": 11, "passed": 8, "errors": 2, "warnings": 0, "unverifiable": 1},
                       claims_failed=1,
                       reports={"HTML": "x/2020-07/report.html"})
    html = index_html([DistrictEntry("x", "<script>alert(1)</script>区", False, [month])], {})
    assert offline(html) and "&lt;script&gt;alert(1)&lt;/script&gt;区" in html
    assert "8/11 通过，2 项错误</span>，1 项无法核对" in html and "<td class='fail'>1</td>" in html


def test_claims_failed_from_the_ledger():
    ledger = pd.DataFrame({"check": ["claim:share", "claim:sum", "column_total"], "status": ["fail", "pass", "fail"]})
    assert claims_failed(ledger) == 1  # the failing column total is not a claim
    assert claims_failed(ledger.iloc[2:]) is None  # no claims at all: not "0 failed"


def test_trends_of_a_district_without_processed_months_names_the_folder(tmp_path):
    root = make_root(tmp_path / "root")
    with pytest.raises(InputError, match="no processed months for qijiang; build them first") as err:
        district_trends_of("qijiang", root=root)
    assert err.value.path == str(root / "data" / "processed" / "qijiang")
    with pytest.raises(InputError, match="unknown district 'nowhere'"):
        district_trends_of("nowhere", root=root)


def test_trends_notebook_parameters_are_checked():
    assert check_parameters({}, district="qijiang", first_month=None, last_month="2020-12")["last_month"] == "2020-12"
    with pytest.raises(ValueError, match="2020-13"):
        check_parameters({}, district="qijiang", first_month="2020-13", last_month=None)


def test_a_page_is_current_until_an_input_changes(run_root, tmp_path):
    import shutil

    from govstats.build.pages import indicators_page, is_current, trends_page

    root = tmp_path / "copy"
    shutil.copytree(run_root[0], root)
    layout = Layout(root)
    assert is_current(layout, indicators_page(layout), pdf=False)
    assert not is_current(layout, indicators_page(layout), pdf=True)  # built with --no-pdf
    assert is_current(layout, trends_page(layout, "qijiang"), pdf=False)
    targets = root / "data" / "reference" / "targets.csv"
    targets.write_text(targets.read_text(encoding="utf-8").replace("即办件比例提高到35%", "即办件比例提高到36%"),
                       encoding="utf-8")
    assert not is_current(layout, indicators_page(layout), pdf=False)
    write_processed_month(layout, "qijiang", "2021-07", month_tables()["2021-06"])
    assert not is_current(layout, trends_page(layout, "qijiang"), pdf=False)  # a new month


def test_a_notebook_run_again_in_its_kernel_is_not_taken_for_a_mistyped_parameter():
    """Run All a second time in Lab: the namespace holds what the notebook assigned (params,
    a total); only a name from a parameters cell that the notebook does not take is unknown."""
    ran = ["# Parameters: papermill replaces these\ndistrict = 'qijiang'",
           "params = check_parameters(globals(), district=district)\ntotal = 67354"]
    again = {"In": ["", *ran, ran[1]], "district": "qijiang", "params": {"district": "qijiang"}, "total": 67354}
    assert check_parameters(again, district="qijiang") == {"district": "qijiang"}
    injected = {**again, "montth": "2020-07", "In": ["", ran[0], "# Parameters\nmontth = '2020-07'\n", ran[1]]}
    with pytest.raises(ValueError, match="montth"):
        check_parameters(injected, district="qijiang")
