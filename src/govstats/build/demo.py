"""A demo district: twelve months made from the reference month, so that trends show something.

Only one real month ships (Qijiang, July 2020). The demo district ``demo-qijiang``, named
示例区（演示数据） wherever it appears, has twelve months of 2020 derived from it by a seeded,
documented recipe: a seasonal factor per month (the Spring Festival dip in February), a little
growth, noise per department, 即办率 and 网办率 drifting up, and three events a trend report
must show: 区发改委 is published as 区发展改革委 from July (one department through its alias),
区科技局 appears with cases in May, 区气象局 appears in April, and 区消防支队 vanishes from
October. The third quarter is published too, as the sum of its months' tables, so its report
shows the checks across periods. Every identity of the reference profile holds and each 合计 row
equals its columns.

Randomness comes only from ``random.Random(seed).random()``, whose sequence Python keeps the
same across versions, so the committed files can be checked against a fresh run.
"""

from __future__ import annotations

import csv
import io
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from govstats.cells import parse_count
from govstats.errors import InputError
from govstats.ingest.table import RawTable
from govstats.month import choose_table, period_documents
from govstats.paths import Layout
from govstats.reference.files import read_csv_rows
from govstats.reference.profiles import Profile, load_profile

DEMO_DISTRICT = "demo-qijiang"
DEMO_NAME = "示例区（演示数据）"
SOURCE_DISTRICT = "qijiang"
SOURCE_MONTH = "2020-07"
DEMO_YEAR = 2020
SEED = 20200701
MEASURES = ("total", "immediate", "by_centre", "by_department", "by_grassroots", "online")
HEADERS = ("办理总数", "即收即办", "中心办理", "部门办理", "基层办理", "网上办理")
CHANNELS = ("by_centre", "by_department", "by_grassroots")
#: Month -> volume relative to the reference month (February: Spring Festival).
SEASON = (0.93, 0.62, 0.86, 0.97, 1.0, 1.02, 1.0, 0.98, 1.03, 0.95, 1.02, 1.08)
#: Percentage points a month by which the chance of 即办 / 网办 drifts up, before noise.
IMMEDIATE_DRIFT, ONLINE_DRIFT = 0.004, 0.006
RENAMED = ("区发改委", "区发展改革委", 7)  # published name, new published name, from month
APPEARS = {"区科技局": (5, 6), "区气象局": (4, 0)}  # name -> (first month listed, cases expected)
VANISHES = {"区消防支队": 10}  # name -> first month no longer listed
#: Quarters published beside the months, each the sum of its months' tables (so the quarter's
#: report reconciles it with them: govstats.checks.reconcile).
QUARTERS = {f"{DEMO_YEAR}-Q3": (f"{DEMO_YEAR}-07", f"{DEMO_YEAR}-08", f"{DEMO_YEAR}-09")}


@dataclass(frozen=True)
class TableRow:
    """One department of a published month table: its name and counts."""

    name: str
    counts: dict[str, int]


def reference_rows(raw: RawTable) -> list[TableRow]:
    """Department rows of a reference-layout table, one per department (the 无办件 row split)."""
    header = next(i for i, row in enumerate(raw.rows) if "部门" in row)
    columns = {h: raw.rows[header].index(h) for h in HEADERS}
    name_col = raw.rows[header].index("部门")
    rows = []
    for cells in raw.rows[header + 1:]:
        if "合计" in cells:
            continue
        values = {m: parse_count(cells[columns[h]]) if columns[h] < len(cells) else None
                  for m, h in zip(MEASURES, HEADERS)}
        for name in cells[name_col].split("、"):
            rows.append(TableRow(name, {m: v or 0 for m, v in values.items()}))
    return rows


def table_tsv(rows: Sequence[TableRow], profile: Profile) -> str:
    """A month table as districts publish it: 合计 first (the column sums), departments by
    cases, the size band on the first row of each band, departments with no cases on one row."""
    ordered = sorted((r for r in rows if r.counts["total"] > 0), key=lambda r: -r.counts["total"])
    idle = [r.name for r in rows if r.counts["total"] == 0]
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(["序号", "办件量分类", "部门", *HEADERS])
    writer.writerow(["合计", "", "", *(sum(r.counts[m] for r in rows) for m in MEASURES)])
    band = None
    for number, row in enumerate(ordered, start=1):
        label = profile.band_of_total(row.counts["total"]).label
        writer.writerow([number, label if label != band else "", row.name, *(row.counts[m] for m in MEASURES)])
        band = label
    if idle:
        zero = profile.band_of_total(0).label
        writer.writerow([len(ordered) + 1, zero, "、".join(idle), *([""] * len(MEASURES))])
    return out.getvalue()


def gauss(rng: random.Random) -> float:
    """A standard normal draw made from ``rng.random()`` alone (Box-Muller)."""
    u1, u2 = rng.random(), rng.random()
    return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)


def split_channels(total: int, reference: dict[str, int]) -> dict[str, int]:
    """``total`` split over centre / department / grassroots in the reference proportions,
    by largest remainder, so the parts add up to ``total`` exactly."""
    base = sum(reference[c] for c in CHANNELS)
    if base == 0:
        return {"by_centre": total, "by_department": 0, "by_grassroots": 0}
    exact = {c: total * reference[c] / base for c in CHANNELS}
    parts = {c: math.floor(v) for c, v in exact.items()}
    for c in sorted(CHANNELS, key=lambda c: parts[c] - exact[c])[: total - sum(parts.values())]:
        parts[c] += 1
    return parts


def share_of(total: int, reference: dict[str, int], measure: str, drift: float, rng: random.Random) -> int:
    """A part of ``total`` (即收即办 or 网上办理) near the reference rate plus drift, within 0..total;
    a part the reference month never had stays 0."""
    if reference[measure] == 0 or reference["total"] == 0:
        return 0
    rate = reference[measure] / reference["total"] + drift + 0.02 * gauss(rng)
    return max(0, min(total, round(total * rate)))


def demo_month(rows: Sequence[TableRow], month: int, rng: random.Random) -> list[TableRow]:
    """The demo district's table of ``month`` (1..12) from the reference rows."""
    out = []
    for row in rows:
        if VANISHES.get(row.name, 13) <= month or APPEARS.get(row.name, (1, 0))[0] > month:
            continue
        expected = row.counts["total"] or APPEARS.get(row.name, (1, 0))[1]
        growth = 1.0 + 0.01 * (month - 7)
        total = max(0, round(expected * SEASON[month - 1] * growth * math.exp(0.08 * gauss(rng))))
        reference = row.counts if row.counts["total"] else {**row.counts, "total": 1, "by_centre": 1}
        counts = {"total": total, **split_channels(total, reference),
                  "immediate": share_of(total, reference, "immediate", IMMEDIATE_DRIFT * (month - 7), rng),
                  "online": share_of(total, reference, "online", ONLINE_DRIFT * (month - 7), rng)}
        name = RENAMED[1] if row.name == RENAMED[0] and month >= RENAMED[2] else row.name
        out.append(replace(row, name=name, counts=counts))
    return out


def demo_tables(layout: Layout, seed: int = SEED) -> dict[str, str]:
    """The demo district's twelve month tables and its quarter tables (QUARTERS), by period
    folder name, as TSV text."""
    profile = load_profile(layout.reference)
    raw, _ = choose_table(period_documents(layout.raw_month(SOURCE_DISTRICT, SOURCE_MONTH)), profile)
    if raw is None:
        raise InputError(layout.raw_month(SOURCE_DISTRICT, SOURCE_MONTH), "the source month holds no table")
    rows = reference_rows(raw)
    rng = random.Random(seed)
    months = {f"{DEMO_YEAR}-{m:02d}": demo_month(rows, m, rng) for m in range(1, 13)}
    tables = {month: table_tsv(month_rows, profile) for month, month_rows in months.items()}
    for period, parts in QUARTERS.items():
        tables[period] = table_tsv(summed_rows([months[m] for m in parts]), profile)
    return tables


def summed_rows(months: Sequence[Sequence[TableRow]]) -> list[TableRow]:
    """A longer period's rows as an office adds them up: each department's counts summed over
    the months (a department listed in any of them is listed), in order of first appearance."""
    totals: dict[str, dict[str, int]] = {}
    for rows in months:
        for row in rows:
            counts = totals.setdefault(row.name, dict.fromkeys(MEASURES, 0))
            for m in MEASURES:
                counts[m] += row.counts[m]
    return [TableRow(name, counts) for name, counts in totals.items()]


def demo_reference(layout: Layout) -> dict[str, str]:
    """districts.csv and departments.csv with the demo district's rows (departments copied
    from the source district), every other row kept as it is."""
    files = {}
    for name, extra in (("districts.csv", [{"district": DEMO_DISTRICT, "name": DEMO_NAME, "city": "重庆市",
                                             "profile": "reference", "demo": "true"}]),
                        ("departments.csv", None)):
        path = layout.reference / name
        rows = [r for r in read_csv_rows(path) if r["district"] != DEMO_DISTRICT]
        if extra is None:
            extra = [{**r, "district": DEMO_DISTRICT} for r in rows if r["district"] == SOURCE_DISTRICT]
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows([*rows, *extra])
        files[name] = out.getvalue()
    return files


def demo_files(layout: Layout, seed: int = SEED) -> dict[Path, bytes]:
    """Every file the demo writes, by path: raw month tables and the two reference files."""
    files = {layout.raw_month(DEMO_DISTRICT, m) / "table.tsv": text.encode("utf-8")
             for m, text in demo_tables(layout, seed).items()}
    files.update({layout.reference / n: text.encode("utf-8") for n, text in demo_reference(layout).items()})
    return files
