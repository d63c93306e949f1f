"""The pages in a real browser (Debian's chromium, driven by playwright with the system browser):
a month report, a district's trends, the indicators page and the index, as `govstats run` builds
them. Each loads nothing but its own file, draws every text in the embedded Chinese font, fits a
390 px phone, sorts its tables by number, filters their rows, links only to files and anchors
that exist, and shows chart values on hover.

Without chromium (or playwright) the tests skip on a developer's machine and fail in CI
(``CI`` set), where .ci/run installs chromium first.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from govstats.paths import Layout
from tests.conftest import make_root
from tests.test_history import month_tables, write_processed_month

CHROMIUM = Path(os.environ.get("GOVSTATS_CHROMIUM", "/usr/bin/chromium"))
FACE = "Govstats Noto Sans SC"
PAGES = {"month": "qijiang/2020-07/report.html", "trends": "qijiang/trends.html",
         "indicators": "indicators.html", "index": "index.html"}


def missing_browser(reason: str) -> None:
    """Fail in CI, where the browser must be there; skip elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: .ci/run installs chromium, pyproject's dev extra has playwright)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_browser("playwright is not installed")
    if not CHROMIUM.is_file():
        missing_browser(f"{CHROMIUM} not found (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """reports/ of a root with four processed months of qijiang around the sample month (July
    2020: 67354 cases, 区公安局 15467); `govstats run` builds the two with raw files (July and
    August, which link each other) and then the trends, the indicators page and the index (no PDF)."""
    root = make_root(tmp_path_factory.mktemp("browser") / "root")
    layout = Layout(root)
    for month, rows in month_tables().items():
        if month != "2020-07":
            write_processed_month(layout, "qijiang", month, rows)
    for month in ("2020-06", "2020-09", "2021-06"):  # processed only: no raw folder, no report, no link to one
        shutil.rmtree(layout.raw_month("qijiang", month))
    result = subprocess.run([sys.executable, "-m", "govstats", "run", "--root", str(root), "--district", "qijiang",
                             "--no-pdf"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return root / "reports"


@pytest.fixture(scope="module")
def context(browser):  # noqa: ANN001, ANN201 - playwright objects
    made = browser.new_context(viewport={"width": 1280, "height": 900})
    yield made
    made.close()


def open_page(context, path: Path):  # noqa: ANN001, ANN201 - playwright objects
    """The page at ``path`` in a new tab 1280 px wide, with the URLs it requested and the errors
    it logged."""
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.evaluate("document.fonts.ready.then(() => true)")
    return page, requested, errors


#: A cell that reads as a number: 15,467, 95.4%, ≥35%, 65个, +60.40 个百分点 (not 2020年7月).
NUMBER = re.compile(r"[≥≤]?([+-]?\d+(\.\d+)?)\s*[^\d\s（]{0,6}(（[^）]*）)?")


def numbers(texts: list[str]) -> list[float]:
    return [float(NUMBER.fullmatch(t.replace(",", "")).group(1)) for t in texts]


COLUMN = """([table, column]) => Array.from(document.querySelectorAll('table')[table].tBodies[0].rows)
  .filter(r => !r.hidden).map(r => r.cells[column].textContent.trim())"""


def header_index(page, table: int, label: str) -> int:  # noqa: ANN001
    labels = page.evaluate("""(t) => Array.from(document.querySelectorAll('table')[t].tHead.rows[0].cells)
      .map(c => c.textContent.trim())""", table)
    return labels.index(label)


def click_header(page, table: int, column: int) -> None:  # noqa: ANN001
    page.locator("table").nth(table).locator("thead th").nth(column).locator("button").click()


@pytest.mark.parametrize("kind", PAGES)
def test_a_page_loads_nothing_but_itself_draws_every_text_in_the_embedded_font_and_fits_a_phone(context, reports,
                                                                                                kind):
    from fontTools.ttLib import TTFont

    path = reports / PAGES[kind]
    page, requested, errors = open_page(context, path)
    assert requested == [path.as_uri()], requested
    assert not errors, errors  # the policy let the page script run and blocked nothing else
    assert page.evaluate(f"""Array.from(document.fonts).some(f => f.family.replace(/"/g, '') === {FACE!r}
      && f.status === 'loaded')""")
    families = page.evaluate("""() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const found = new Set();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent.trim() && node.parentElement.closest('script, style') === null) {
          found.add(getComputedStyle(node.parentElement).fontFamily);
        }
      }
      return Array.from(found);
    }""")
    assert families and all(f.replace('"', "").startswith(FACE) for f in families), families
    source = path.read_text(encoding="utf-8")
    font = re.search(r"url\(data:font/otf;base64,([A-Za-z0-9+/=]+)\)", source).group(1)
    cmap = set(TTFont(io.BytesIO(base64.b64decode(font))).getBestCmap())
    shown = page.evaluate("document.body.innerText")
    assert {c for c in shown if not c.isspace() and ord(c) not in cmap} == set()
    page.set_viewport_size({"width": 1280, "height": 900})
    # on a desktop no box scrolls sideways: wide tables wrap their sentences instead
    assert page.evaluate("""Array.from(document.querySelectorAll('*')).filter(e =>
      ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
      .map(e => e.className + ': ' + e.textContent.trim().slice(0, 40))""") == []
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("innerWidth") == 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


def test_the_department_table_sorts_by_number(context, reports):
    page, _, _ = open_page(context, reports / PAGES["month"])
    table = page.evaluate("Array.from(document.querySelectorAll('table')).findIndex(t => t.classList.contains('govstats-departments'))")
    total = header_index(page, table, "办理总数")
    department = header_index(page, table, "部门")
    before = page.evaluate(COLUMN, [table, department])  # largest first, as the report lists them
    click_header(page, table, department)  # text sorts as text
    names = page.evaluate(COLUMN, [table, department])
    assert names == page.evaluate("(n) => n.slice().sort((a, b) => a.localeCompare(b, 'zh-CN', {numeric: true}))", names)
    assert names != before and sorted(names) == sorted(before)
    click_header(page, table, total)  # numbers sort by value, largest first
    texts = page.evaluate(COLUMN, [table, total])
    values = numbers(texts)
    names = page.evaluate(COLUMN, [table, department])
    assert values == sorted(values, reverse=True) and values[0] == 15467 and names[0] == "区公安局"
    assert texts != sorted(texts, reverse=True) and values.index(2767) > values.index(15467)  # not as text
    assert sum(values) == 67354
    click_header(page, table, total)
    values = numbers(page.evaluate(COLUMN, [table, total]))
    assert values == sorted(values) and values[-1] == 15467 and values[0] == 0
    assert page.locator("table").nth(table).locator("thead th").nth(total).get_attribute("aria-sort") == "ascending"
    page.close()


def test_the_index_sorts_months_by_their_totals(context, reports):
    page, _, _ = open_page(context, reports / PAGES["index"])
    total = header_index(page, 0, "办理总数")
    click_header(page, 0, total)
    values = numbers(page.evaluate(COLUMN, [0, total]))
    assert values == sorted(values, reverse=True) and values[0] == 67354 and len(values) == 5
    assert page.evaluate(COLUMN, [0, 0])[0] == "2020年6月"
    click_header(page, 0, 0)  # periods in calendar order, 2021年6月 after 2020年9月
    assert page.evaluate(COLUMN, [0, 0]) == ["2020年6月", "2020年7月", "2020年8月", "2020年9月", "2021年6月"]
    page.close()


@pytest.mark.parametrize("kind", ["trends", "indicators"])
def test_tables_of_many_months_and_districts_sort(context, reports, kind):
    page, _, _ = open_page(context, reports / PAGES[kind])
    checked = 0
    for table in range(page.locator("table.govstats-sortable").count()):
        labels = page.evaluate("(t) => Array.from(document.querySelectorAll('table')[t].tHead.rows[0].cells).length", table)
        for column in range(labels):
            texts = [t for t in page.evaluate(COLUMN, [table, column]) if t != "—"]
            if len(set(texts)) < 2 or not all(NUMBER.fullmatch(t.replace(",", "")) for t in texts):
                continue
            click_header(page, table, column)
            values = numbers([t for t in page.evaluate(COLUMN, [table, column]) if t != "—"])
            assert values == sorted(values, reverse=True), (table, column, values)
            click_header(page, table, column)
            values = numbers([t for t in page.evaluate(COLUMN, [table, column]) if t != "—"])
            assert values == sorted(values), (table, column, values)
            checked += 1
    assert checked >= 2
    page.close()


@pytest.mark.parametrize("kind", PAGES)
def test_the_filter_box_hides_rows_without_the_words(context, reports, kind):
    page, _, _ = open_page(context, reports / PAGES[kind])
    box = page.locator(".govstats-filter input").first
    table = box.locator("xpath=ancestor::*[1]/following-sibling::table[1]")
    rows = table.locator("tbody tr")
    count = rows.count()
    texts = [rows.nth(i).inner_text() for i in range(count)]
    words = [cell.strip() for cell in rows.nth(0).locator("td").all_inner_texts() if cell.strip()]
    word = next(w for w in words if sum(w in t for t in texts) < count)  # a word some rows lack
    having = sum(word in t for t in texts)
    box.fill(word)
    visible = sum(rows.nth(i).is_visible() for i in range(count))
    assert 1 <= visible == having < count, (word, visible, having, count)
    assert page.locator(".govstats-count").first.inner_text() == f"显示 {having} / {count} 行"
    box.fill("")
    assert sum(rows.nth(i).is_visible() for i in range(count)) == count
    page.close()


@pytest.mark.parametrize("kind", PAGES)
def test_every_link_leads_to_a_file_or_anchor_that_exists(reports, kind):
    import lxml.html

    path = reports / PAGES[kind]
    hrefs = [a.get("href") for a in lxml.html.fromstring(path.read_text(encoding="utf-8")).iter("a") if a.get("href")]
    assert hrefs
    for href in hrefs:
        url = urlparse(urljoin(path.as_uri(), href))
        assert url.scheme == "file", href
        target = Path(unquote(url.path))
        assert target.is_file(), href
        if url.fragment and target.suffix == ".html":
            ids = {e.get("id") for e in lxml.html.fromstring(target.read_text(encoding="utf-8")).iter() if e.get("id")}
            # as a browser finds the target: the fragment as written, else percent-decoded
            assert url.fragment in ids or unquote(url.fragment) in ids, href


@pytest.mark.parametrize("kind, expected", [("month", "区公安局：15,467 件"), ("trends", "2020年7月：办理总数"),
                                            ("indicators", "：")])
def test_chart_values_show_on_hover(context, reports, kind, expected):
    page, _, _ = open_page(context, reports / PAGES[kind])
    hit = page.locator(f'.govstats-hit[title*="{expected}"]').first
    hit.scroll_into_view_if_needed()
    box = hit.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    under = page.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y); return [e.className, e.title,"
                          " getComputedStyle(e).backgroundColor]; }",
                          [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert under[0] == "govstats-hit" and expected in under[1], under
    assert under[2] != "rgba(0, 0, 0, 0)"  # the hovered area is highlighted
    assert hit.get_attribute("aria-label") == under[1]
    page.close()


def test_without_scripts_every_row_shows_and_the_pdf_has_no_filter_box(context, reports):
    from pypdf import PdfReader

    from govstats.render.export import pdf_report

    path = reports / PAGES["month"]
    plain = context.browser.new_context(java_script_enabled=False)
    page = plain.new_page()
    page.goto(path.as_uri())
    assert page.locator(".govstats-filter").count() == 0 and page.locator("button").count() == 0
    assert page.locator("table.govstats-departments tbody tr").count() == 34
    plain.close()
    pdf = PdfReader(io.BytesIO(pdf_report(path.read_text(encoding="utf-8"))))
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "区公安局" in text and "筛选" not in text and "输入文字" not in text and "15,467 件，累计占比" not in text


def test_ci_installs_chromium_when_it_is_missing():
    script = (Path(__file__).parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "apt-get install -y" in script and "chromium" in script and "DEBIAN_FRONTEND=noninteractive" in script
    assert "playwright install" not in script
