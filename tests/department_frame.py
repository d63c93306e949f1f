"""The reference month (Qijiang, July 2020) as a department indicator frame, for chart and
report tests. Built here from a copy of the published table, independent of clean.py and
indicators.py, so these tests do not depend on them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

TABLE = Path(__file__).parent / "data" / "qijiang_2020-07_table.tsv"
COUNTS = ["total", "immediate", "by_centre", "by_department", "by_grassroots", "online"]
SHARES = {
    "immediate_rate": "immediate",
    "online_rate": "online",
    "centre_share": "by_centre",
    "department_share": "by_department",
    "grassroots_share": "by_grassroots",
}


def table_rows() -> list[list[str]]:
    """Department rows of the published table (header and 合计 row dropped)."""
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[2:] if line.strip()]


def reference_frame() -> pd.DataFrame:
    """34 departments: 27 with counts, then the 7 listed in the 无办件 row with zeros."""
    records = []
    for cells in table_rows():
        names = cells[2].split("、")
        counts = [int(c or 0) for c in cells[3:9]] + [0] * (9 - len(cells))
        records += [{"department": name, **dict(zip(COUNTS, counts))} for name in names]
    frame = pd.DataFrame.from_records(records)
    total = frame["total"].where(frame["total"] > 0)
    for column, part in SHARES.items():
        frame[column] = frame[part] / total
    frame["volume_share"] = frame["total"] / frame["total"].sum()
    frame["cumulative_share"] = frame["volume_share"].cumsum().where(frame["total"] > 0)
    frame["rank"] = frame["total"].rank(ascending=False, method="first").astype(int)
    return frame


def district_rates(frame: pd.DataFrame) -> dict[str, float]:
    """The district's 即办率 and 网办率 over all departments."""
    total = frame["total"].sum()
    return {
        "immediate_rate": float(frame["immediate"].sum() / total),
        "online_rate": float(frame["online"].sum() / total),
    }

