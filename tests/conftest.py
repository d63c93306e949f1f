"""Shared fixtures: the shipped sample month, copied into temporary project roots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govstats.paths import CODE_ROOT

SAMPLE_TABLE = CODE_ROOT / "data" / "raw" / "qijiang" / "2020-07" / "table.tsv"
REFERENCE = CODE_ROOT / "data" / "reference"


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
    from govstats.paths import Layout
    from govstats.pipeline import build_month

    root = make_root(tmp_path_factory.mktemp("built") / "root")
    build_month(Layout(root), "qijiang", "2020-07", pdf=True)
    return root


@pytest.fixture(scope="session")
def sample_analysis():
    from govstats.analysis import analyse_month

    return analyse_month("qijiang", "2020-07", root=CODE_ROOT)
