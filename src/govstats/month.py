"""One month analysed: the cleaned table, its ledger and its indicators, in one value.

``analyse`` is pure (data in, data out); ``analyse_month`` is the edge that finds and reads the
month's raw files and reference data under a project root. The notebook and the build both
call ``analyse_month``, so every number in a report comes from here. ``check_file`` and
``file_claims`` are the same steps for one file, for ``govstats check`` and ``govstats claims``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from govstats.checks.claims.extract import extract_claims, table_count_claims
from govstats.checks.claims.records import Claim, ledger_check
from govstats.checks.ledger import Check, ledger_frame
from govstats.checks.stated_month import stated_month_check
from govstats.checks.table import table_checks, table_totals
from govstats.clean.month import MonthTable, tidy_month
from govstats.errors import InputError
from govstats.ingest.bulletin import read_bulletin
from govstats.ingest.table import RawTable, read_table
from govstats.measure.indicators import department_indicators, district_indicators
from govstats.paths import Layout
from govstats.reference.claim_rules import (
    CountPattern,
    Measure,
    RateRule,
    load_count_patterns,
    load_folds,
    load_measures,
    load_rates,
)
from govstats.reference.districts import DEFAULT_PROFILE, district_name, district_row
from govstats.reference.profiles import Profile, load_district_profile, load_profile
from govstats.reference.registry import Registry, load_registry

BULLETIN_STEM = "bulletin"


@dataclass(frozen=True)
class MonthInputs:
    """The raw files of one district-month."""

    table: Path
    bulletin: Path | None


@dataclass(frozen=True)
class MonthAnalysis:
    """Everything a report shows about one district-month."""

    district: str
    district_name: str
    month: str
    table: MonthTable
    ledger: pd.DataFrame
    district_indicators: pd.DataFrame
    department_indicators: pd.DataFrame
    inputs: dict[str, str]  # raw file path (relative to the root) -> sha256
    bulletin: str | None = None
    claims: tuple[Claim, ...] = ()

    @property
    def district_rates(self) -> dict[str, float]:
        """The district's 即办率 and 网办率 (fractions), for reference lines in charts."""
        values = self.district_indicators.set_index("indicator")["value"]
        return {code: float(values[code]) for code in ("immediate_rate", "online_rate") if code in values}

    @property
    def title(self) -> str:
        year, mon = self.month.split("-")
        return f"{self.district_name} {year}年{int(mon)}月 政务服务办件统计报告"


def month_inputs(raw_dir: Path) -> MonthInputs:
    """Find the table and the (optional) bulletin among a month folder's files."""
    if not raw_dir.is_dir():
        raise InputError(raw_dir, "no raw folder for this district and month")
    files = sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    bulletins = [p for p in files if p.stem == BULLETIN_STEM]
    tables = [p for p in files if p.stem == "table"] or [p for p in files if p not in bulletins]
    if not tables:
        raise InputError(raw_dir, "no table file in the month folder (expected table.<ext>)")
    if len(tables) > 1:
        names = ", ".join(p.name for p in tables)
        raise InputError(raw_dir, f"several candidate tables ({names}); name the one to use table.<ext>")
    return MonthInputs(tables[0], bulletins[0] if bulletins else None)


def bulletin_claims(text: str, table: MonthTable, profile: Profile, rates: Sequence[RateRule],
                    count_patterns: Sequence[CountPattern | dict], measures: Sequence[Measure] = (),
                    folds: Mapping[str, str] | None = None) -> list[Claim]:
    """Claims of the bulletin's prose, plus the counts it states that the table also holds."""
    found = (extract_claims(text, rates, measures, folds)
             + table_count_claims(text, table_totals(table, profile), count_patterns))
    return sorted(found, key=lambda c: (c.start, c.end))


def analyse(raw: RawTable, profile: Profile, registry: Registry, *, district: str, district_name: str,
            month: str, bulletin: str | None = None, rates: Sequence[RateRule] = (),
            count_patterns: Sequence[CountPattern | dict] = (),
            inputs: dict[str, str] | None = None, measures: Sequence[Measure] = (),
            folds: Mapping[str, str] | None = None) -> MonthAnalysis:
    """Clean, reconcile and measure one month from already-read inputs; check the bulletin's
    claims when there is one."""
    table = tidy_month(raw, profile, registry)
    checks: list[Check] = table_checks(table, profile)
    claims = bulletin_claims(bulletin, table, profile, rates, count_patterns, measures, folds) if bulletin else []
    checks += [ledger_check(c) for c in claims]
    for source, text in (("通报", bulletin), ("表格标题", table.title)):
        stated = stated_month_check(month, text, source=source, profile=profile.name) if text else None
        checks += [stated] if stated else []
    return MonthAnalysis(
        district=district,
        district_name=district_name,
        month=month,
        table=table,
        ledger=ledger_frame(checks),
        district_indicators=district_indicators(table.departments),
        department_indicators=department_indicators(table.departments),
        inputs=dict(inputs or {raw.source.name: raw.sha256}),
        bulletin=bulletin,
        claims=tuple(claims),
    )


def analyse_month(district: str, month: str, root: str | Path | Layout | None = None) -> MonthAnalysis:
    """Read the district-month's raw files under the project root (a path, or a Layout as a
    build passes it) and analyse them; the month is checked once, by the layout's path."""
    layout = root if isinstance(root, Layout) else Layout.at(root)
    name = district_name(district_row(layout.reference, district), district)
    profile = load_district_profile(layout.reference, district)
    inputs = month_inputs(layout.raw_month(district, month))
    raw = read_table(inputs.table, profile)
    hashes = {str(inputs.table.relative_to(layout.root)): raw.sha256}
    bulletin = None
    if inputs.bulletin is not None:
        bulletin, digest = read_bulletin(inputs.bulletin)
        hashes[str(inputs.bulletin.relative_to(layout.root))] = digest
    return analyse(
        raw, profile, load_registry(layout.reference, district),
        district=district, district_name=name, month=month, bulletin=bulletin,
        rates=load_rates(layout.reference), count_patterns=load_count_patterns(layout.reference),
        inputs=hashes, measures=load_measures(layout.reference), folds=load_folds(layout.reference),
    )


def district_of(path: Path, layout: Layout) -> str | None:
    """The district a raw file belongs to when it lies under data/raw/<district>/<month>/."""
    try:
        return path.resolve().relative_to(layout.raw.resolve()).parts[0]
    except (ValueError, IndexError):
        return None


def tidy_file(path: str | Path, *, district: str | None = None, profile: str | None = None,
              root: str | Path | None = None) -> tuple[MonthTable, Profile]:
    """Read and clean the raw table ``path`` with its district's profile and registry."""
    path = Path(path)
    layout = Layout.at(root)
    district = district or district_of(path, layout)
    if district:
        chosen = load_district_profile(layout.reference, district)
        registry = load_registry(layout.reference, district)
    else:
        chosen, registry = None, Registry("", ())
    if profile or chosen is None:
        chosen = load_profile(layout.reference, profile or DEFAULT_PROFILE)
    return tidy_month(read_table(path, chosen), chosen, registry), chosen


def check_file(path: str | Path, *, district: str | None = None, profile: str | None = None,
               root: str | Path | None = None) -> pd.DataFrame:
    """Read, clean and reconcile ``path``; return its ledger (raises InputError on bad input)."""
    table, chosen = tidy_file(path, district=district, profile=profile, root=root)
    return ledger_frame(table_checks(table, chosen))


def file_claims(path: str | Path, *, table: str | Path | None = None, district: str | None = None,
                profile: str | None = None, root: str | Path | None = None) -> list[Claim]:
    """Claims of the bulletin ``path``; with ``table``, also its counts against the table's totals."""
    text, _ = read_bulletin(path)
    reference = Layout.at(root).reference
    rates, measures, folds = load_rates(reference), load_measures(reference), load_folds(reference)
    if table is None:
        return extract_claims(text, rates, measures, folds)
    month, chosen = tidy_file(table, district=district, profile=profile, root=root)
    return bulletin_claims(text, month, chosen, rates, load_count_patterns(reference), measures, folds)
