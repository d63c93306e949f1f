"""The reference month's table, cleaned: 34 departments, 合计 kept apart, names canonical."""

from __future__ import annotations

from pathlib import Path

import pytest

from govstats.clean.month import tidy_month
from govstats.errors import InputError
from govstats.ingest.table import read_table
from govstats.reference.profiles import load_profile
from govstats.reference.registry import load_registry
from tests.conftest import REFERENCE, SAMPLE_TABLE

MEASURES = ["total", "immediate", "by_centre", "by_department", "by_grassroots", "online"]


@pytest.fixture(scope="module")
def month():
    return tidy_month(read_table(SAMPLE_TABLE), load_profile(REFERENCE), load_registry(REFERENCE, "qijiang"))


def test_department_rows_and_published_totals(month):
    deps = month.departments
    assert len(deps) == 34
    assert deps["department"].is_unique
    assert int(deps["total"].sum()) == 67354
    assert month.published_totals == {"total": 67354, "immediate": 35313, "by_centre": 37879,
                                      "by_department": 22375, "by_grassroots": 7100, "online": 55070}
    assert "合计" not in set(deps["published_name"])
    assert month.totals_row == 2


def test_public_security_bureau_row(month):
    row = month.departments.set_index("department").loc["区公安局"]
    assert (row["total"], row["by_centre"], row["by_department"], row["by_grassroots"]) == (15467, 852, 9800, 4815)
    assert row["total"] == row["by_centre"] + row["by_department"] + row["by_grassroots"]
    assert row["size_band"] == "1000件以上"  # the profile's label: PDFs break "1000 件以\n上"


def test_no_case_row_becomes_seven_zero_rows(month):
    deps = month.departments
    zero = deps[deps["size_band"] == "无办件"]
    assert zero["published_name"].tolist() == ["区委办", "区委宣传部", "区委统战部", "区网信办", "区科技局", "区气象局", "区商务委"]
    assert (zero[MEASURES] == 0).all().all()
    assert zero["department"].iloc[0] == "区委办公室"


def test_aliases_map_to_canonical_names_and_keep_the_published_one(month):
    deps = month.departments.set_index("published_name")
    assert deps.loc["区发改委", "department"] == "区发展改革委"
    assert deps.loc["区市场监督管理局", "department"] == "区市场监管局"
    assert deps.loc["区消防支队", "department"] == "区消防救援支队"
    assert deps.loc["区烟草专卖局", "department"] == "区烟草局"
    assert deps.loc["区应急管理局", "department"] == "区应急局"
    assert deps.loc["区住房城乡建设委", "department"] == "区住房城乡建委"
    assert month.departments["registered"].all()


def test_the_input_is_not_mutated_and_the_file_is_unchanged():
    before = SAMPLE_TABLE.read_bytes()
    raw = read_table(SAMPLE_TABLE)
    rows = raw.rows
    tidy_month(raw, load_profile(REFERENCE), load_registry(REFERENCE, "qijiang"))
    assert raw.rows is rows and SAMPLE_TABLE.read_bytes() == before


def write_variant(tmp_path: Path, old: str, new: str, name: str = "table.tsv") -> Path:
    text = SAMPLE_TABLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def clean_file(path: Path):
    return tidy_month(read_table(path), load_profile(REFERENCE), load_registry(REFERENCE, "qijiang"))


def test_unregistered_name_is_kept_and_reported(tmp_path):
    month = clean_file(write_variant(tmp_path, "区林业局", "区林草局"))
    assert month.unregistered == ["区林草局"]
    assert "区林草局" in set(month.departments["department"])
    assert len(month.departments) == 34


@pytest.mark.parametrize("old,new,row,column,words", [
    ("15467\t12376", "15467\t1237б", 3, "5 (即收即办)", "is not a whole number"),
    ("区财政局\t2\t2", "区财政局\t-2\t2", 29, "4 (办理总数)", "negative value -2"),
    ("办理总数", "办理件数", 1, 4, "maps to no measure"),
    ("\t网上办理", "\t即办件", 1, 9, "both map to measure"),
    ("区司法局", "区税务局", 14, 3, "appears more than once"),
])
def test_bad_input_names_file_row_and_column(tmp_path, old, new, row, column, words):
    path = write_variant(tmp_path, old, new)
    with pytest.raises(InputError) as err:
        clean_file(path)
    assert err.value.row == row and err.value.column == column
    assert words in str(err.value) and str(path) in str(err.value)


def test_missing_column_is_named(tmp_path):
    lines = SAMPLE_TABLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "table.tsv"
    path.write_text("\n".join("\t".join(line.split("\t")[:8]) for line in lines), encoding="utf-8")
    with pytest.raises(InputError, match=r"missing column\(s\): online \(网上办理"):
        clean_file(path)


def test_empty_file(tmp_path):
    path = tmp_path / "table.tsv"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        clean_file(path)
