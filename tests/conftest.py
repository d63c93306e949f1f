"""Shared fixtures: the reference month (seed 001's 附件 table) and that table in every format."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import builders  # noqa: E402

from govstats.clean import tidy_month  # noqa: E402
from govstats.read import read_table  # noqa: E402
from govstats.reference import load_profile, load_registry  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "data" / "reference"
SAMPLE = ROOT / "data" / "raw" / "qijiang" / "2020-07" / "table.tsv"
TITLE = "7 月份行政审批服务办件情况表"


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
