"""The sample month end to end: processed files, charts, offline HTML, PDF, notebook."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from govstats.build import notebooks
from govstats.build.month import build_month
from govstats.paths import CODE_ROOT, Layout
from tests.conftest import make_root

MONTH = ("qijiang", "2020-07")


def processed(root):
    return root / "data" / "processed" / "qijiang" / "2020-07"


def report(root):
    return root / "reports" / "qijiang" / "2020-07"


def test_processed_files(built_root):
    folder = processed(built_root)
    raw_csv = (folder / "departments.csv").read_bytes()
    assert raw_csv.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens it as UTF-8
    deps = pd.read_csv(io.BytesIO(raw_csv), encoding="utf-8-sig")
    assert len(deps) == 34 and deps["办理总数"].sum() == 67354  # Chinese headers for Excel users
    parquet = pd.read_parquet(folder / "departments.parquet")
    assert parquet.set_index("department").loc["区公安局", "total"] == 15467
    assert sorted(p.name for p in (folder / "charts").iterdir()) == [
        "channel_mix.png", "pareto.png", "rates.png", "volume.png"]
    ledger = pd.read_json(folder / "ledger.json")
    assert len(ledger) == 157 and (ledger["status"] == "pass").sum() == 156  # the prose's 3 department rows too
    # 55109 ≤ 84781, and 52740 and 55109 inside "在区政务服务中心办理的55306件中"
    assert list(ledger.loc[ledger["check"] == "claim:bound", "status"]) == ["pass", "pass", "pass"]
    manifest = pd.read_json(folder / "manifest.json", typ="series")
    assert manifest["raw_inputs"]["data/raw/qijiang/2020-07/table.tsv"] == \
        __import__("hashlib").sha256((built_root / "data/raw/qijiang/2020-07/table.tsv").read_bytes()).hexdigest()
    assert manifest["parameters"] == {"district": "qijiang", "month": "2020-07", "root": str(built_root)}


def test_html_report_is_offline_chinese_and_has_no_code(built_root):
    html = (report(built_root) / "report.html").read_text(encoding="utf-8")
    assert "67354" in html or "67,354" in html
    assert "区公安局" in html and "綦江区 2020年7月" in html
    assert not re.search(r"<script[^>]*\bsrc=", html, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", html, re.I)
    assert "analyse_month" not in html and "show_figure" not in html  # no code cells
    assert html.count("data:image/png;base64,") == 4
    assert "@font-face" in html


def test_pdf_report_has_the_chinese_text(built_root):
    from pypdf import PdfReader

    reader = PdfReader(report(built_root) / "report.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "区公安局" in text
    assert "67354" in text.replace(",", "")


def test_rebuild_gives_byte_identical_processed_files_and_charts(built_root, tmp_path):
    root = make_root(tmp_path / "again")
    build_month(Layout(root), *MONTH, pdf=False)
    for path in sorted(processed(built_root).rglob("*")):
        if path.is_file() and path.name != "manifest.json":
            twin = processed(root) / path.relative_to(processed(built_root))
            assert twin.read_bytes() == path.read_bytes(), path.name
    assert (report(root) / "report.html").read_bytes() == (report(built_root) / "report.html").read_bytes()


def test_raw_text_is_escaped_in_the_report_and_strict_fails(tmp_path):
    root = make_root(tmp_path / "root")
    table = root / "data/raw/qijiang/2020-07/table.tsv"
    text = table.read_text(encoding="utf-8").replace("区财政局", "<script>alert(1)</script>")
    table.write_text(text.replace("合计\t\t\t67354", "合计\t\t\t67355"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "govstats", "run", "--root", str(root), "--strict", "--no-pdf"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "3 errors" in result.stdout  # 办理总数 column total, the 合计 row identity, the bulletin count
    html = (report(root) / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not (report(root) / "report.pdf").exists()


def test_notebook_runs_through_papermill_on_its_defaults(tmp_path):
    papermill = pytest.importorskip("papermill")
    out = tmp_path / "out.ipynb"
    nb = papermill.execute_notebook(str(CODE_ROOT / "notebooks" / "monthly_report.ipynb"), str(out),
                                    kernel_name="python3", progress_bar=False,
                                    cwd=str(CODE_ROOT / "notebooks"))
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "区公安局" in html and "52.43%" in html and "67,354" in html
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 4


def test_notebook_rejects_an_unknown_parameter(tmp_path):
    papermill = pytest.importorskip("papermill")
    with pytest.raises(papermill.PapermillExecutionError, match="unknown parameter.*distrct"):
        papermill.execute_notebook(str(CODE_ROOT / "notebooks" / "monthly_report.ipynb"), str(tmp_path / "o.ipynb"),
                                   parameters={"distrct": "qijiang"}, kernel_name="python3",
                                   progress_bar=False, cwd=str(CODE_ROOT / "notebooks"))


def acceptance_root(path):
    """A root holding the acceptance example: district 'example', 2020-07, 受理/办结 columns."""
    examples = CODE_ROOT / "tests" / "data" / "acceptance"
    root = make_root(path, months=())
    reference = root / "data" / "reference"
    for name in ("districts.csv", "departments.csv"):
        rows = (examples / name).read_text(encoding="utf-8").splitlines()[1:]
        with (reference / name).open("a", encoding="utf-8") as fh:
            fh.write("\n".join(rows) + "\n")
    raw = root / "data" / "raw" / "example" / "2020-07"
    raw.mkdir(parents=True)
    (raw / "table.html").write_bytes((examples / "table.html").read_bytes())
    return root


def test_another_layout_goes_through_the_pipeline(tmp_path):
    """A district on the acceptance profile (受理/办结 columns, no channels) builds a report:
    charts its layout cannot feed are left out and said so, its own headers label the table."""
    root = acceptance_root(tmp_path / "root")
    result = build_month(Layout(root), "example", "2020-07", pdf=False)
    assert result.ledger["errors"] == 0
    html = (root / "reports" / "example" / "2020-07" / "report.html").read_text(encoding="utf-8")
    assert "办结件数" in html and "即办件办结件数" in html and "17,587" in html
    assert html.count("不绘此图") == 2  # channel mix and rates need columns this layout lacks
    charts = sorted(p.name for p in (root / "data/processed/example/2020-07/charts").iterdir())
    assert charts == ["pareto.png", "volume.png"]


def test_a_kernel_that_fails_to_start_is_started_again(monkeypatch):
    papermill = pytest.importorskip("papermill")
    calls = []

    def flaky(path, parameters):
        calls.append(path)
        if len(calls) < 3:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return executed

    executed = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("done")])
    monkeypatch.setattr(notebooks, "KERNEL_RETRY_PAUSE", 0)
    monkeypatch.setattr(notebooks, "execute_once", flaky)
    assert notebooks.execute_notebook(Path("nb.ipynb"), {}) == executed and len(calls) == 3

    def failing_cell(path, parameters):
        calls.append(path)
        raise papermill.PapermillExecutionError(1, 2, "bad", "ValueError", "bad", [])

    calls.clear()
    monkeypatch.setattr(notebooks, "execute_once", failing_cell)
    with pytest.raises(papermill.PapermillExecutionError):
        notebooks.execute_notebook(Path("nb.ipynb"), {})
    assert len(calls) == 1  # a failing cell is the notebook's error: not retried


def test_the_kernel_starts_in_the_notebook_folder_and_ours_stays_put(tmp_path):
    from nbformat.v4 import new_code_cell, new_notebook

    notebook = tmp_path / "notebooks" / "where.ipynb"
    notebook.parent.mkdir()
    nb = new_notebook(cells=[new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                             new_code_cell("import os; print(os.getcwd())")],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    notebook.write_text(__import__("nbformat").writes(nb), encoding="utf-8")
    here = Path.cwd()
    executed = notebooks.execute_notebook(notebook, {"x": 2})
    assert executed.cells[-1].outputs[0]["text"].strip() == str(notebook.parent)
    assert Path.cwd() == here  # papermill's cwd= would chdir this process, racing between build threads


def test_a_build_without_pdf_removes_the_earlier_pdf(built_root, tmp_path):
    import shutil

    root = tmp_path / "root"
    shutil.copytree(built_root, root)
    assert (report(root) / "report.pdf").is_file()
    build_month(Layout(root), *MONTH, pdf=False)
    assert (report(root) / "report.html").is_file()
    assert not (report(root) / "report.pdf").exists()  # it would describe an older build
