"""Build reports/index.html from what the builds left: manifests, indicators, ledgers, report files.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd

from govstats.build.manifest import read_manifest
from govstats.build.store import write_files
from govstats.checks.ledger import ledger_summary
from govstats.paths import Layout
from govstats.periods import parse_period
from govstats.reference.districts import is_demo, load_districts
from govstats.render.index_html import DistrictEntry, MonthEntry, index_html

log = logging.getLogger(__name__)


INDEX_FILE = "index.html"


TRENDS_PAGE = "trends"


INDICATORS_PAGE = "indicators"


#: A month's indicators with machine names (the CSV beside it is for people).
INDICATORS_FILE = "indicators.json"


#: The ledger's check kind for what a bulletin claims (``claim:<kind>`` records).
CLAIM_KIND = "claim"


#: The ledger's check kind for checks against other periods (``period:<kind>`` records).
PERIOD_KIND = "period"


def failed_of_kind(ledger: pd.DataFrame | None, kind: str, status: str = "fail") -> int | None:
    """``<kind>:*`` ledger records of a period with ``status`` (failed ones by default); None
    when it has none of that kind."""
    if ledger is None or ledger.empty or "check" not in ledger:
        return None
    kinds = ledger["check"].astype(str).str.split(":").str[0]
    mine = ledger[kinds == kind]
    if mine.empty:
        return None
    return int((mine["status"] == status).sum())


def claims_failed(ledger: pd.DataFrame | None) -> int | None:
    """Failed claims of a month (failing ``claim:*`` ledger records); None when it has none."""
    return failed_of_kind(ledger, CLAIM_KIND)


def existing_reports(layout: Layout, folder: Path, stem: str) -> dict[str, str]:
    """HTML and PDF of a report that exist, by label, relative to reports/."""
    found = {}
    for suffix, label in ((".html", "HTML"), (".pdf", "PDF")):
        path = folder / f"{stem}{suffix}"
        if path.is_file():
            found[label] = path.relative_to(layout.reports).as_posix()
    return found


def month_entry(layout: Layout, district: str, month: str) -> MonthEntry:
    """What the build of one district-month left behind: its processed indicators and ledger
    (the manifest's ledger summary when there is one), and its report files."""
    processed = layout.processed_month(district, month)
    reports = existing_reports(layout, layout.report_month(district, month), "report")
    indicators = processed / INDICATORS_FILE
    if not indicators.is_file():
        return MonthEntry(month, built=False, reports=reports)
    records = json.loads(indicators.read_text(encoding="utf-8"))  # none for a period with no table
    values = {r["indicator"]: float(r["value"]) if r.get("value") is not None else None for r in records}
    manifest = read_manifest(processed / "manifest.json") or {}
    ledger_path = processed / "ledger.json"
    ledger = pd.DataFrame(json.loads(ledger_path.read_text(encoding="utf-8"))) if ledger_path.is_file() else None
    summary = manifest.get("ledger") or (ledger_summary(ledger) if ledger is not None else {})
    return MonthEntry(month, built=True, total=values.get("total"), immediate_rate=values.get("immediate_rate"),
                      online_rate=values.get("online_rate"), ledger=dict(summary),
                      claims_failed=claims_failed(ledger), periods_failed=failed_of_kind(ledger, PERIOD_KIND),
                      periods_passed=failed_of_kind(ledger, PERIOD_KIND, "pass"),
                      reports=reports)


def period_order(period: str) -> tuple[str, int, str]:
    """Periods in the order they close: by last month, a month before the quarter it ends (a
    folder that names no period last, by name)."""
    try:
        parsed = parse_period(period)
    except ValueError:
        return ("9999-99", 0, period)
    return (parsed.last, len(parsed.months), period)


def index_entries(layout: Layout) -> list[DistrictEntry]:
    """Every district with raw or processed months: real districts first, demo ones last."""
    districts = load_districts(layout.reference)
    pairs = set(layout.raw_months())
    if layout.processed.is_dir():
        pairs |= {(p.parent.parent.name, p.parent.name) for p in layout.processed.glob(f"*/*/{INDICATORS_FILE}")}
    entries = []
    for district in sorted({d for d, _ in pairs}):
        row = districts.get(district, {})
        months = [month_entry(layout, district, m) for m in sorted((m for d, m in pairs if d == district),
                                                                   key=period_order)]
        entries.append(DistrictEntry(district, row.get("name") or district, is_demo(row),
                                     months, existing_reports(layout, layout.reports / district, TRENDS_PAGE)))
    return sorted(entries, key=lambda e: (e.demo, e.district))


def build_index(layout: Layout) -> Path:
    """Write reports/index.html from what is built now; return its path."""
    path = layout.reports / INDEX_FILE
    html = index_html(index_entries(layout), existing_reports(layout, layout.reports, INDICATORS_PAGE))
    write_files({path: html.encode("utf-8")})
    log.info("wrote %s", path)
    return path
