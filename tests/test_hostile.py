"""Hostile department names (formulas, markup, links, mathtext) through every CSV and page.

The names are those an adversarial run used: spreadsheet formulas that run a command or leak a
cell (``=cmd|…``, ``=HYPERLINK(…)``), HTML that runs script (``<script>``, ``<img onerror>``),
``javascript:`` links and matplotlib mathtext (``$x$``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import builders
import pandas as pd
import pytest

from govstats.build.store import csv_bytes, neutral_cell, processed_files
from govstats.ingest.table import read_table
from govstats.month import analyse

FORMULAS = (
    '=HYPERLINK("http://x/?"&A1,"点击")',
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "-2+3",
    "@SUM(1)",
)
MARKUP = (
    "<script>alert('x')</script>区局",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(1)",
    "$x$ 区局",
    r"$\frac{1}{0$",
)
HOSTILE = FORMULAS + MARKUP
CSV_FILES = ("departments.csv", "department_indicators.csv", "ledger.csv", "published_totals.csv",
             "indicators.csv")


def hostile_rows(sample_rows: list[list[str]]) -> list[list[str]]:
    """The sample table with its first department names replaced by hostile ones."""
    rows = [list(r) for r in sample_rows]
    for row, name in zip(rows[2:], HOSTILE):
        row[2] = name
    return rows


@pytest.fixture(scope="module")
def hostile_table(tmp_path_factory, sample_rows) -> Path:
    return builders.write_csv(tmp_path_factory.mktemp("hostile") / "table.csv", hostile_rows(sample_rows),
                              "utf-8")


@pytest.fixture(scope="module")
def hostile_analysis(hostile_table, profile, registry):
    return analyse(read_table(hostile_table, profile), profile, registry, district="qijiang",
                   district_name="綦江区", month="2020-07")


def csv_cells(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]


def test_neutral_cell_quotes_formula_text_and_leaves_numbers():
    for text in ("=1+1", "+1+1", "-1+1", "@x", "\tx", "\rx", "-", "=", "-abc"):
        assert neutral_cell(text) == "'" + text
    for value in ("-12", "+3.5", "-1,234", "-5%", "-.5", "区公安局", "", 12, -3.5, None):
        assert neutral_cell(value) == value


def test_csv_bytes_neutralises_text_and_keeps_numbers_and_the_input():
    frame = pd.DataFrame({"name": ["=cmd|' /C calc'!A0", "区局", "\tx"], "n": [-1, 2, -3],
                          "x": [-1.5, 0.0, 2.5]})
    before = frame.copy()
    rows = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig"))))
    assert rows[1:] == [["'=cmd|' /C calc'!A0", "-1", "-1.5"], ["区局", "2", "0.0"], ["'\tx", "-3", "2.5"]]
    pd.testing.assert_frame_equal(frame, before)


def test_no_csv_for_people_holds_a_formula_and_parquet_and_json_keep_the_names(hostile_analysis):
    files = processed_files(hostile_analysis)
    names = hostile_analysis.table.departments["published_name"].tolist()
    formulas = [n for n in names if n.startswith(("=", "+", "-", "@"))]
    assert len(formulas) == len(FORMULAS), "the hostile names reach the month table as published"
    for name in CSV_FILES:
        cells = csv_cells(files[name])
        assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))], name
        assert not [c for c in cells if c.startswith("-") and neutral_cell(c) != c], name
    assert {"'" + f for f in formulas} <= set(csv_cells(files["departments.csv"]))
    assert {"'" + f for f in formulas} <= set(csv_cells(files["department_indicators.csv"]))
    assert [c for c in csv_cells(files["ledger.csv"]) if c.startswith("'=")], "the ledger names them too"
    parquet = pd.read_parquet(io.BytesIO(files["departments.parquet"]))
    assert parquet["published_name"].tolist() == names
    assert "'=" not in files["ledger.json"].decode("utf-8")


def png_of(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def drawn_texts(fig) -> list[str]:
    """Every text of a drawn figure (tick labels, annotations, titles)."""
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text)]


def test_month_charts_draw_every_name_literally(hostile_analysis):
    from matplotlib.text import Text

    from govstats.render import charts

    frame = hostile_analysis.department_indicators
    for chart in (charts.volume_chart, charts.channel_mix_chart, charts.rates_chart, charts.pareto_chart):
        fig = chart(frame)
        assert png_of(fig).startswith(b"\x89PNG"), chart.__name__
        assert "$x$区局" in drawn_texts(fig), chart.__name__
        assert not [t for t in fig.findobj(Text) if "$" in t.get_text() and t.get_parse_math()]


def test_trend_charts_draw_every_name_literally():
    from govstats.measure.trends import department_month_table, department_ranks
    from govstats.render.trend_charts import department_heatmap, rank_chart

    names = ["$x$", r"$\frac{1}{0$", "=cmd|' /C calc'!A0"]
    history = pd.DataFrame({"district": "demo", "month": ["2020-01"] * 3 + ["2020-02"] * 3,
                            "department": names * 2, "total": [30, 20, 10, 10, 20, 30]})
    for fig in (rank_chart(department_ranks(history), top=3, title="$t$"),
                department_heatmap(department_month_table(history), title="$t$")):
        assert png_of(fig).startswith(b"\x89PNG")
        assert {"$x$", r"$\frac{1}{0$"} <= set(drawn_texts(fig))


PAGE_NAMES = ("<script>alert('x')</script>区局", '<img src=x onerror="alert(1)">', "javascript:alert(1)",
              "$x$区局", "=cmd|' /C calc'!A0")
DISTRICT = "<script>alert('d')</script>綦江区"


def csv_field(text: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([text])
    return buffer.getvalue()


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory) -> Path:
    """A root whose district and five departments have hostile names (registered, so they are
    the canonical names every page shows), built by `govstats run` (month, trends, indicators,
    index)."""
    from tests.conftest import make_root
    from tests.test_cli import govstats

    root = make_root(tmp_path_factory.mktemp("hostile-root") / "root")
    table = root / "data" / "raw" / "qijiang" / "2020-07" / "table.tsv"
    text = table.read_text(encoding="utf-8")
    departments = root / "data" / "reference" / "departments.csv"
    registry = departments.read_text(encoding="utf-8")
    for old, new in zip(("区公安局", "区税务局", "区残联", "区交通局", "区民政局"), PAGE_NAMES):
        text = text.replace(f"\t{old}\t", f"\t{new}\t")
        registry = registry.replace(f"qijiang,{old},", "qijiang," + csv_field(new) + ",")
    table.write_text(text, encoding="utf-8")
    departments.write_text(registry, encoding="utf-8")
    districts = root / "data" / "reference" / "districts.csv"
    districts.write_text(districts.read_text(encoding="utf-8").replace("qijiang,綦江区,", f"qijiang,{csv_field(DISTRICT)},"),
                         encoding="utf-8")
    result = govstats("run", "--root", str(root), "--no-pdf")
    assert result.returncode in (0, 1), result.stderr
    return root


def unsafe_markup(page: str) -> list[str]:
    """Script elements other than the page script (govstats.render.interact), a policy that
    does not pin scripts to its hash, on* attributes and javascript: links of an HTML page."""
    import lxml.html

    from govstats.render import interact

    tree = lxml.html.fromstring(page)
    found = [f"<script> {e.text_content()[:40]!r}" for e in tree.iter("script")
             if e.get("src") is not None or e.text != interact.script()]
    policies = [m.get("content") for m in tree.iter("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    if policies != [interact.policy()] or "'unsafe-inline'" in interact.policy().split("script-src")[1]:
        found.append(f"policy {policies!r}")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{element.tag} {name}={value!r}")
            if name.lower() in ("href", "src", "action") and value.strip().lower().startswith("javascript:"):
                found.append(f"{element.tag} {name}={value!r}")
    return found


def test_hostile_names_are_shown_as_text_on_every_page(hostile_root):
    reports = hostile_root / "reports"
    pages = {"month": reports / "qijiang" / "2020-07" / "report.html", "trends": reports / "qijiang" / "trends.html",
             "indicators": reports / "indicators.html", "index": reports / "index.html"}
    import lxml.html

    for kind, path in pages.items():
        page = path.read_text(encoding="utf-8")
        assert not unsafe_markup(page), (kind, unsafe_markup(page))
        assert "mathjax" not in page.lower(), kind  # no $x$ typesetting in the browser either
        assert "綦江区" in lxml.html.fromstring(page).text_content(), kind
    month_text = lxml.html.fromstring(pages["month"].read_text(encoding="utf-8")).text_content()
    for name in PAGE_NAMES:
        assert name.replace(" ", "") in month_text.replace(" ", ""), name
    for kind in ("index", "trends"):
        assert DISTRICT in lxml.html.fromstring(pages[kind].read_text(encoding="utf-8")).text_content(), kind


def test_hostile_names_are_neutral_in_every_csv_of_the_build(hostile_root):
    files = sorted((hostile_root / "data" / "processed").rglob("*.csv"))
    assert {p.name for p in files} >= set(CSV_FILES)
    for path in files:
        cells = csv_cells(path.read_bytes())
        assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))], path.name
        assert not [c for c in cells if c.startswith("-") and neutral_cell(c) != c], path.name
    departments = csv_cells((hostile_root / "data/processed/qijiang/2020-07/departments.csv").read_bytes())
    assert "'=cmd|'/Ccalc'!A0" in departments or "'=cmd|' /C calc'!A0" in departments
