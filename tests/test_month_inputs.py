"""Nothing in a month folder is ignored without a word: a file that is not read is a ledger record."""

from __future__ import annotations

import shutil

from govstats.month import analyse_month, month_inputs


def test_a_second_table_in_the_month_folder_is_said_in_the_ledger(sample_root):
    folder = sample_root / "data" / "raw" / "qijiang" / "2020-07"
    shutil.copy(folder / "table.tsv", folder / "table-by-type.tsv")
    inputs = month_inputs(folder)
    assert (inputs.table.name, inputs.bulletin.name, [p.name for p in inputs.ignored]) == (
        "table.tsv", "bulletin.txt", ["table-by-type.tsv"])
    ledger = analyse_month("qijiang", "2020-07", sample_root).ledger
    said = ledger[ledger["check"] == "inputs"]
    assert said[["scope", "actual", "severity", "status"]].values.tolist() == [
        ["table-by-type.tsv", "table-by-type.tsv", "warning", "warn"]]
    assert "月份文件夹中的 table-by-type.tsv 未读取" in said["message"].iloc[0]


def test_a_folder_with_only_the_table_and_bulletin_ignores_nothing(sample_root):
    assert month_inputs(sample_root / "data" / "raw" / "qijiang" / "2020-07").ignored == ()
