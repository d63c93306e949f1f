"""The demo district: committed files are exactly what the documented script writes, and every
month reconciles."""

from __future__ import annotations

import shutil

from govstats.build.demo import DEMO_DISTRICT, DEMO_NAME, demo_files, demo_tables
from govstats.checks.ledger import ledger_summary
from govstats.month import analyse_month
from govstats.paths import CODE_ROOT, Layout
from govstats.reference.districts import load_districts


def test_committed_demo_files_match_the_generator():
    layout = Layout(CODE_ROOT)
    files = demo_files(layout)
    assert len(files) == 15  # twelve months, the third quarter, two reference files
    for path, data in files.items():
        assert path.read_bytes() == data, f"{path} differs from scripts/make_demo.py's output; rerun it"


def test_generator_is_deterministic_and_seeded(tmp_path):
    layout = Layout(CODE_ROOT)
    assert demo_tables(layout) == demo_tables(layout)
    assert demo_tables(layout, seed=1) != demo_tables(layout)


def test_demo_is_named_as_a_demo_and_reconciles(tmp_path):
    districts = load_districts(CODE_ROOT / "data" / "reference")
    assert districts[DEMO_DISTRICT]["name"] == DEMO_NAME == "示例区（演示数据）"
    assert districts[DEMO_DISTRICT]["demo"] == "true"
    root = tmp_path / "root"
    shutil.copytree(CODE_ROOT / "data" / "reference", root / "data" / "reference")
    shutil.copytree(CODE_ROOT / "data" / "raw" / DEMO_DISTRICT, root / "data" / "raw" / DEMO_DISTRICT)
    totals = {}
    for month in ("2020-02", "2020-07", "2020-12"):
        analysis = analyse_month(DEMO_DISTRICT, month, root)
        assert ledger_summary(analysis.ledger)["errors"] == 0
        assert analysis.title.startswith("示例区（演示数据）")
        totals[month] = int(analysis.table.departments["total"].sum())
    assert totals == {"2020-02": 38852, "2020-07": 65122, "2020-12": 77873}
    published = analyse_month(DEMO_DISTRICT, "2020-07", root).table.departments.set_index("department")
    assert published.loc["区发展改革委", "published_name"] == "区发展改革委"
    assert "区消防救援支队" in published.index
