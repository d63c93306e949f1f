"""Nothing in a period folder is ignored without a word: a table that is not read is a ledger record."""

from __future__ import annotations

import shutil

from govstats.month import analyse_month


def test_a_second_table_in_the_month_folder_is_said_in_the_ledger(sample_root):
    folder = sample_root / "data" / "raw" / "qijiang" / "2020-07"
    shutil.copy(folder / "table.tsv", folder / "table-by-type.tsv")
    analysis = analyse_month("qijiang", "2020-07", sample_root)
    said = analysis.ledger[analysis.ledger["check"] == "unread"]
    assert said[["scope", "severity", "status"]].values.tolist() == [
        ["table-by-type.tsv utf-8 text", "warning", "unverifiable"]]
    assert analysis.inputs.keys() == {f"data/raw/qijiang/2020-07/{n}" for n in ("bulletin.txt", "table-by-type.tsv", "table.tsv")}
    assert analysis.table.published_totals["total"] == 67354


def test_a_folder_with_only_the_table_and_bulletin_leaves_nothing_unread(sample_root):
    ledger = analyse_month("qijiang", "2020-07", sample_root).ledger
    assert "unread" not in set(ledger["check"])
