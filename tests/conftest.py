"""Shared fixtures: the shipped sample month (seed 001's 附件 table), that table in every format,
and temporary project roots holding it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import builders  # noqa: E402

from govstats.clean.month import tidy_month  # noqa: E402
from govstats.ingest.table import read_table  # noqa: E402
from govstats.paths import CODE_ROOT  # noqa: E402
from govstats.reference.profiles import load_profile
from govstats.reference.registry import load_registry  # noqa: E402

ROOT = CODE_ROOT
SAMPLE_TABLE = SAMPLE = Path(__file__).parent / "data" / "split_month" / "2020-07" / "table.tsv"
#: The sample month as an office publishes it: one document, prose and 附件 table together.
SAMPLE_DOCUMENT_DIR = CODE_ROOT / "data" / "raw" / "qijiang" / "2020-07"


def absolute_pythonpath() -> None:
    """Make PYTHONPATH entries absolute: kernels that papermill starts run in notebooks/, where
    a relative entry (PYTHONPATH=src) points nowhere and the kernel would import whichever
    govstats is installed instead of this checkout's."""
    entries = [e for e in os.environ.get("PYTHONPATH", "").split(os.pathsep) if e]
    if entries:
        os.environ["PYTHONPATH"] = os.pathsep.join(str(Path(e).resolve()) for e in entries)


absolute_pythonpath()
REFERENCE = CODE_ROOT / "data" / "reference"
TITLE = "7 月份行政审批服务办件情况表"


def make_root(path: Path, months: tuple[str, ...] = ("2020-07",)) -> Path:
    """A project root with the reference data, the notebooks and the sample month's raw files."""
    shutil.copytree(REFERENCE, path / "data" / "reference")
    shutil.copytree(CODE_ROOT / "notebooks", path / "notebooks")
    for month in months:
        shutil.copytree(SAMPLE_TABLE.parent, path / "data" / "raw" / "qijiang" / month)
    return path


@pytest.fixture
def sample_root(tmp_path: Path) -> Path:
    return make_root(tmp_path / "root")


@pytest.fixture(scope="session")
def built_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A root in which the sample month has been built once (HTML and PDF)."""
    from govstats.build.month import build_month
    from govstats.paths import Layout

    root = make_root(tmp_path_factory.mktemp("built") / "root")
    build_month(Layout(root), "qijiang", "2020-07", pdf=True)
    return root


@pytest.fixture(scope="session")
def sample_analysis():
    from govstats.month import analyse_month

    return analyse_month("qijiang", "2020-07", root=CODE_ROOT)


@pytest.fixture(scope="session")
def profile():
    return load_profile(REFERENCE)


@pytest.fixture(scope="session")
def registry():
    return load_registry(REFERENCE, "qijiang")


@pytest.fixture(scope="session")
def sample_rows() -> list[list[str]]:
    """The reference table as published: header row, 合计 row, department rows."""
    return [line.split("\t") for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def reference_month(profile, registry):
    return tidy_month(read_table(SAMPLE), profile, registry)


@pytest.fixture(scope="session")
def formats(tmp_path_factory, sample_rows) -> dict[str, Path]:
    """The reference table written in every format; two-level header where the format merges."""
    folder = tmp_path_factory.mktemp("formats")
    flat, body = sample_rows[0], [row + [""] * (len(sample_rows[0]) - len(row)) for row in sample_rows[1:]]
    header = builders.two_level(flat)
    return {
        "xlsx": builders.write_xlsx(folder / "table.xlsx", header, body),
        "xls": builders.write_xls(folder / "table.xls", header, body),
        "ods": builders.write_ods(folder / "table.ods", header, body),
        "docx": builders.write_docx(folder / "table.docx", header, body, intro=TITLE),
        "html": builders.write_html(folder / "table.html", header, body, title=TITLE),
        "html-gbk": builders.write_html(folder / "table-gbk.htm", header, body, title=TITLE,
                                        encoding="gbk"),
        "pdf": builders.write_pdf(folder / "table.pdf", header, body, title=TITLE, break_before=15),
        "csv-gbk": builders.write_csv(folder / "table-gbk.csv", sample_rows, "gbk"),
        "csv-bom": builders.write_csv(folder / "table-bom.csv", sample_rows, "utf-8-sig"),
        "txt-utf16": builders.write_csv(folder / "table-utf16.txt", sample_rows, "utf-16", "\t"),
    }
