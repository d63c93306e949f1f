"""The papermill route to the same report: typed parameters for --help-notebook, a clean
message for a month with no data, and ``govstats render`` / ``jupyter nbconvert --to govstats``
turning papermill's output into the offline page ``govstats run`` writes."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import papermill
import pytest

from govstats.paths import CODE_ROOT

NOTEBOOKS = CODE_ROOT / "notebooks"


def content(page: Path) -> str:
    """A page without its cell ids (papermill gives the cell it injects a new random one) and
    its header bar (a build knows where the page sits among the others; a notebook does not),
    so also the font subset's bytes (the bar's words are in the subset of the built page)."""
    text = re.sub(r"cell-id=[\w-]+", "cell-id=…", page.read_text(encoding="utf-8"))
    assert text.count("@font-face") == 1 and "data:font/otf;base64," in text
    text = re.sub(r"data:font/otf;base64,[A-Za-z0-9+/=]+", "data:font/otf;base64,…", text)
    return re.sub(r'\n?<nav aria-label="页面导航" class="govstats-nav">.*?</nav>', "", text, flags=re.S)


@pytest.mark.parametrize("name,expected", [
    ("monthly_report.ipynb", {"district": "str", "month": "str", "root": "Optional[str]"}),
    ("trends.ipynb", {"district": "str", "first_month": "Optional[str]", "last_month": "Optional[str]",
                      "root": "Optional[str]"}),
    ("indicators.ipynb", {"root": "Optional[str]"}),
])
def test_every_parameter_has_a_type_and_a_help(name, expected):
    inferred = papermill.inspect_notebook(str(NOTEBOOKS / name))
    assert {k: v["inferred_type_name"] for k, v in inferred.items()} == expected
    assert all(v["help"] for v in inferred.values())


def test_help_notebook_shows_the_types():
    result = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook", str(NOTEBOOKS / "monthly_report.ipynb")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert 'district: str (default "qijiang")' in result.stdout and "Unknown type" not in result.stdout
    assert "month as YYYY-MM" in result.stdout


def test_a_month_with_no_data_is_one_clear_message(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError) as info:
        papermill.execute_notebook(str(NOTEBOOKS / "monthly_report.ipynb"), str(tmp_path / "out.ipynb"),
                                   parameters={"month": "2020-08"}, kernel_name="python3", progress_bar=False,
                                   cwd=str(NOTEBOOKS))
    error = info.value
    assert error.ename == "InputError"
    assert "no data for qijiang 2020-08" in error.evalue and "periods with data: 2020-07" in error.evalue
    assert len(error.traceback) == 1 and error.traceback[0].startswith("InputError: ")  # no stack of frames


def test_a_mistyped_month_is_one_clear_message(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError) as info:
        papermill.execute_notebook(str(NOTEBOOKS / "monthly_report.ipynb"), str(tmp_path / "out.ipynb"),
                                   parameters={"month": "2020-13"}, kernel_name="python3", progress_bar=False,
                                   cwd=str(NOTEBOOKS))
    assert info.value.ename == "ParameterError" and len(info.value.traceback) == 1


@pytest.fixture(scope="module")
def papermill_output(built_root, tmp_path_factory) -> Path:
    """The monthly notebook run by papermill on the built month, as an analyst would."""
    out = tmp_path_factory.mktemp("papermill") / "out.ipynb"
    papermill.execute_notebook(str(built_root / "notebooks" / "monthly_report.ipynb"), str(out),
                               parameters={"district": "qijiang", "month": "2020-07", "root": str(built_root)},
                               kernel_name="python3", progress_bar=False, cwd=str(built_root / "notebooks"))
    return out


def test_govstats_render_gives_the_page_govstats_run_wrote(built_root, papermill_output):
    result = subprocess.run([sys.executable, "-m", "govstats", "render", str(papermill_output), "--pdf"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    html = papermill_output.with_suffix(".html")
    assert f"wrote {html}" in result.stdout
    report = built_root / "reports" / "qijiang" / "2020-07" / "report.html"
    assert content(html) == content(report)
    assert papermill_output.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_nbconvert_to_govstats_gives_the_same_page(built_root, papermill_output, tmp_path):
    exporter = "govstats.render.export.GovstatsExporter"  # what the entry point `govstats` names
    result = subprocess.run([sys.executable, "-m", "nbconvert", "--to", exporter, str(papermill_output),
                             "--output-dir", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = built_root / "reports" / "qijiang" / "2020-07" / "report.html"
    assert content(tmp_path / "out.html") == content(report)
    result = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "govstats.render.export.GovstatsPDFExporter",
                             str(papermill_output), "--output-dir", str(tmp_path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def test_the_exporters_are_registered_with_nbconvert():
    import importlib

    from nbconvert.exporters import Exporter

    points = tomllib.loads((CODE_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["entry-points"]
    exporters = points["nbconvert.exporters"]
    assert set(exporters) == {"govstats", "govstats-pdf"}
    for target in exporters.values():
        module, name = target.split(":")
        assert issubclass(getattr(importlib.import_module(module), name), Exporter)


def test_render_refuses_a_notebook_that_was_not_run(tmp_path):
    result = subprocess.run([sys.executable, "-m", "govstats", "render", str(NOTEBOOKS / "monthly_report.ipynb"),
                             "-o", str(tmp_path / "x.html")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "no outputs; run it first" in result.stderr
    assert not (tmp_path / "x.html").exists()
