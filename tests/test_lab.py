"""JupyterLab shows what the report shows: fragments carry the report's stylesheet and an
embedded face of the Chinese font, a MonthAnalysis displays as the report begins, and the
report page itself is unchanged (it takes the bare fragment)."""

from __future__ import annotations

import json
import re
import sys

import nbformat
import papermill
import pytest

from govstats.paths import CODE_ROOT
from govstats.render import notebook


@pytest.fixture
def fresh_kernel(monkeypatch):
    """No font face shown yet, as in a kernel just started."""
    monkeypatch.setattr(notebook, "_covered", set())
    monkeypatch.setattr(notebook, "_families", [])


def test_a_fragment_carries_its_style_and_one_font_face_per_new_characters(fresh_kernel):
    first = notebook.lab_html("<h1>綦江区 2020年7月</h1>")
    assert first.count("@font-face") == 1 and 'font-family: "govstats-lab-0"' in first
    assert ".govstats-card .v" in first and ".govstats-lab table" in first  # the report's fragment rules
    assert ".jp-RenderedMarkdown" in first  # markdown cells get the font too
    assert first.endswith("<div class='govstats-lab'><h1>綦江区 2020年7月</h1></div>")
    again = notebook.lab_html("<p>区公安局 办理总数 即办率</p>")  # labels and registry: covered by the first face
    assert "@font-face" not in again and "'govstats-lab-0'" in again
    rare = notebook.lab_html("<p>犇</p>")
    assert rare.count("@font-face") == 1 and "'govstats-lab-1', 'govstats-lab-0'" in rare


def test_the_first_face_covers_the_notebooks_markdown(fresh_kernel):
    notebook.lab_html("<p>x</p>")  # ASCII only: no face yet
    assert notebook._families == []
    notebook.lab_html("<p>区</p>")
    markdown = "".join("".join(c["source"]) for c in json.loads(
        (CODE_ROOT / "notebooks" / "monthly_report.ipynb").read_text(encoding="utf-8"))["cells"]
        if c["cell_type"] == "markdown")
    assert set(markdown) <= notebook._covered


def test_month_analysis_displays_as_the_report_begins(sample_analysis, fresh_kernel):
    plain = sample_analysis._repr_html_()
    assert plain.startswith("<h1>綦江区 2020年7月 政务服务办件统计报告</h1>")
    assert "<div class='v'>67,354</div><div class='k'>办理总数</div>" in plain and "52.43%" in plain
    assert "共核对 158 项：通过 157 项，错误 0 项，警告 0 项，无法核对 1 项。" in plain
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    notebook.register_views()
    shown = shell.display_formatter.format(sample_analysis)[0]["text/html"]
    assert "<div class='govstats-lab'><h1>綦江区 2020年7月 政务服务办件统计报告</h1>" in shown
    assert "@font-face" in shown and "govstats-cards" in shown and "未通过的核对" in shown


def test_outputs_hold_both_forms_and_the_page_takes_the_bare_one(tmp_path):
    """A notebook run as an analyst runs it (papermill, or Lab), in the kernel it names
    (govstats, which scripts/setup.sh registers): each fragment twice."""
    from govstats.render.export import html_report

    nb = papermill.execute_notebook(str(CODE_ROOT / "notebooks" / "monthly_report.ipynb"), str(tmp_path / "out.ipynb"),
                                    progress_bar=False, cwd=str(CODE_ROOT / "notebooks"))
    assert nb.metadata.kernelspec.name == "govstats"
    bundles = [o["data"] for c in nb.cells if c.cell_type == "code" for o in c.outputs if "data" in o]
    fragments = [b for b in bundles if notebook.REPORT_MIME in b]
    # title, intro, cards, checks intro, ledger, claims, other periods, departments, names
    assert len(fragments) == 9
    assert all(b["text/html"].endswith(f"<div class='govstats-lab'>{b[notebook.REPORT_MIME]}</div>") for b in fragments)
    faces = ["@font-face" in b["text/html"] for b in fragments]
    assert faces[0] and sum(faces) <= 3  # the common face first; more only for characters it lacks (the bulletin)
    html = html_report(nb, "t")
    assert "govstats-lab" not in html and html.count("@font-face") == 1


def test_a_build_kernel_shows_the_bare_fragments_only(built_root):
    """A build's kernels (govstats.build.kernel) skip the Lab styles and faces: about 2 s a month."""
    nb = nbformat.read(built_root / "reports/qijiang/2020-07/report.ipynb", as_version=4)
    bundles = [o["data"] for c in nb.cells if c.cell_type == "code" for o in c.outputs if "data" in o]
    html = [b["text/html"] for b in bundles if "text/html" in b]
    assert len(html) == 9 and not any("govstats-lab" in h or "@font-face" in h for h in html)
    assert not any(notebook.REPORT_MIME in b for b in bundles)
    assert html[0].startswith("<h1>綦江区 2020年7月 政务服务办件统计报告</h1>")


def test_trends_defaults_to_the_district_with_months():
    inferred = papermill.inspect_notebook(str(CODE_ROOT / "notebooks" / "trends.ipynb"))
    assert inferred["district"]["default"] == '"demo-qijiang"'
    months = sorted(p.name for p in (CODE_ROOT / "data/raw/demo-qijiang").iterdir() if re.match(r"\d{4}-\d\d$", p.name))
    assert len(months) == 12
    setup = (CODE_ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "govstats run --district demo-qijiang" in setup  # built by setup, so the notebook opens on data


def test_the_notebooks_name_the_kernel_setup_registers():
    setup = (CODE_ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "ipykernel install --sys-prefix --name govstats" in setup
    for path in sorted((CODE_ROOT / "notebooks").glob("*.ipynb")):
        spec = nbformat.read(path, as_version=4).metadata.kernelspec
        assert (spec.name, spec.language) == ("govstats", "python"), path.name


def kernel_spec(folder, command: str) -> None:
    spec = folder / "kernels" / "govstats" / "kernel.json"
    spec.parent.mkdir(parents=True)
    spec.write_text(json.dumps({"argv": [command, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                                "display_name": "Python (govstats)", "language": "python"}), encoding="utf-8")


def test_a_build_runs_the_govstats_kernel_only_where_it_runs_this_python(tmp_path, monkeypatch, caplog):
    from govstats.build.kernel import kernel_name

    kernel_spec(tmp_path / "here", sys.executable)
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "here"))
    assert kernel_name() == "govstats"
    kernel_spec(tmp_path / "elsewhere", "/elsewhere/.venv/bin/python")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "elsewhere"))
    assert kernel_name() == "python3" and "/elsewhere/.venv/bin/python" in caplog.text
