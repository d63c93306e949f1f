"""One month analysed: the cleaned table, its ledger and its indicators, in one value.

``analyse`` is pure (data in, data out); ``analyse_month`` is the edge that finds and reads the
month's raw files and reference data under a project root. The notebook and the build both
call ``analyse_month``, so every number in a report comes from here. ``check_file`` and
``file_claims`` are the same steps for one file, for ``govstats check`` and ``govstats claims``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from govstats.checks.claims.extract import extract_claims, table_count_claims
from govstats.checks.claims.records import Claim, ledger_check
from govstats.checks.crosscheck import row_claims
from govstats.checks.discover import discover
from govstats.checks.figures import Figure, period_figures
from govstats.checks.ledger import Check, ledger_frame
from govstats.checks.reconcile import PeriodCheck, reconcile
from govstats.checks.stated_month import stated_month_check
from govstats.checks.table import table_checks, table_totals
from govstats.clean.draft import AUTO_PROFILE, draft_profile
from govstats.clean.month import MonthTable, empty_month, tidy_month
from govstats.errors import InputError
from govstats.ingest.document import Document, read_document
from govstats.ingest.table import RawTable, count_rows, read_table
from govstats.measure.built import built_figures
from govstats.measure.indicators import department_indicators, district_indicators
from govstats.paths import Layout
from govstats.periods import parse_period, period_words
from govstats.reference.characters import load_folds
from govstats.reference.closed_lists import ClosedList, load_closed_lists
from govstats.reference.claim_rules import (
    CountPattern,
    Measure,
    RateRule,
    load_count_patterns,
    load_measures,
    load_rates,
)
from govstats.reference.districts import DEFAULT_PROFILE, district_name, district_row, profile_of
from govstats.reference.profiles import Profile, load_district_profile, load_profile
from govstats.reference.registry import Registry, load_registry

#: The profile name that asks for the table's layout and arithmetic to be discovered.
AUTO = AUTO_PROFILE
#: The report's title after district and period when the profile gives none.
DEFAULT_TITLE = "政务服务办件统计报告"
#: The stem of a split folder's table file, read before any other table.
TABLE_STEM = "table"


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
    #: What the period's documents print (kept for later periods), and its checks against the
    #: other periods built for the district (each also a ledger record).
    figures: tuple[Figure, ...] = ()
    reconciliation: tuple[PeriodCheck, ...] = ()
    profile: Profile | None = None  # the table's layout: its words name the report's parts

    @property
    def district_rates(self) -> dict[str, float]:
        """The district's 即办率 and 网办率 (fractions), for reference lines in charts."""
        values = self.district_indicators.set_index("indicator")["value"]
        return {code: float(values[code]) for code in ("immediate_rate", "online_rate") if code in values}

    @property
    def title(self) -> str:
        """District, period and the profile's title (default 政务服务办件统计报告)."""
        words = (self.profile.title if self.profile else "") or DEFAULT_TITLE
        return f"{self.district_name} {period_words(self.month)} {words}"

    def _repr_html_(self) -> str:
        """What a notebook shows for the analysis: its title, headline figures and ledger
        counts (in a notebook that has imported govstats.render.notebook, the report's own
        title block, cards and ledger verdict, styled as the report is)."""
        from html import escape

        from govstats.checks.ledger import ledger_summary

        cards = []
        for row in self.district_indicators.itertuples(index=False):
            if pd.isna(row.value):
                continue
            value = f"{row.value:.2%}" if pd.notna(row.denominator) else f"{row.value:,.0f}"
            cards.append(f"<div class='govstats-card'><div class='v'>{value}</div>"
                         f"<div class='k'>{escape(str(row.label))}</div></div>")
        s = ledger_summary(self.ledger)
        return (f"<h1>{escape(self.title)}</h1><div class='govstats-cards'>{''.join(cards)}</div>"
                f"<p class='govstats-verdict'>共核对 {s['checks']} 项：通过 {s['passed']} 项，错误 {s['errors']} 项，"
                f"警告 {s['warnings']} 项，无法核对 {s['unverifiable']} 项。</p>")


def period_documents(raw_dir: Path) -> list[Document]:
    """Every document in a period folder (hidden files aside), read; bad input when the folder is
    missing or empty, or when two documents state different periods."""
    if not raw_dir.is_dir():
        raise InputError(raw_dir, "no raw folder for this district and period")
    files = sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    if not files:
        raise InputError(raw_dir, "the folder holds no file")
    documents = [read_document(p) for p in files]
    stated = {d.source.name: d.metadata.period for d in documents if d.metadata.period}
    if len(set(stated.values())) > 1:
        names = "; ".join(f"{name} states {period_words(period)}" for name, period in stated.items())
        raise InputError(raw_dir, f"the documents state different periods ({names}): file each in its own folder")
    return documents


def choose_table(documents: Sequence[Document], profile: Profile) -> tuple[RawTable | None, list[Check]]:
    """The table of the period (the first whose header names the profile's unit column and a
    measure, a file named table.<ext> first; else the first holding rows of numbers) and a ledger
    record for each table not read."""
    tables = sorted((t for d in documents for t in d.tables), key=lambda t: t.source.stem != TABLE_STEM)
    chosen = next((t for t in tables if any(profile.header_matches(row) for row in t.rows)), None)
    if chosen is None:
        chosen = next((t for t in tables if count_rows(t.rows) >= 2), None)
    unread = [Check("unread", f"{t.source.name} {t.provenance.location}", None, None, None, "warning",
                    "unverifiable", f"表格未读取：没有符合表格式 {profile.name} 的表头"
                    + (f"（{t.provenance.caption}）" if t.provenance.caption else ""), profile.name)
              for t in tables if t is not chosen]
    return chosen, unread



def prose_of(documents: Sequence[Document]) -> str | None:
    """The prose of the period's documents, in file order; None when none has any."""
    texts = [d.prose for d in documents if d.prose.strip()]
    return "\n\n".join(texts) if texts else None


def bulletin_claims(text: str, table: MonthTable, profile: Profile, rates: Sequence[RateRule],
                    count_patterns: Sequence[CountPattern | dict], registry: Registry | None = None,
                    measures: Sequence[Measure] = (), folds: Mapping[str, str] | None = None,
                    families: Sequence[ClosedList] = ()) -> list[Claim]:
    """Claims of the bulletin's prose, plus the counts it states that the table also holds (its
    totals, and a department's row when the prose names one)."""
    found = (extract_claims(text, rates, measures, folds, families)
             + table_count_claims(text, table_totals(table, profile), count_patterns))
    if registry is not None:
        found += row_claims(text, table, profile, registry)
    return sorted(found, key=lambda c: (c.start, c.end))


def analyse(raw: RawTable | None, profile: Profile, registry: Registry, *, district: str, district_name: str,
            month: str, bulletin: str | None = None, rates: Sequence[RateRule] = (),
            count_patterns: Sequence[CountPattern | dict] = (),
            inputs: dict[str, str] | None = None, documents: Sequence[Document] = (),
            extra_checks: Sequence[Check] = (), table_in_prose: bool = False, measures: Sequence[Measure] = (),
            folds: Mapping[str, str] | None = None, families: Sequence[ClosedList] = (),
            built: Mapping[str, Sequence[Figure]] | None = None) -> MonthAnalysis:
    """Clean, reconcile and measure one period from already-read inputs; check the bulletin's
    claims when there is one. ``raw`` is None for a period whose documents hold no table (the
    ledger then holds the prose's claims only); ``documents`` have their stated period checked.
    With ``table_in_prose`` (the table is a 附件 of a document with prose), a table that cannot
    be cleaned is a ledger record naming it and why, and the prose is still checked. ``built``
    holds the figures of the district's other built periods, to reconcile this one with."""
    checks: list[Check] = list(extra_checks)
    try:
        table = tidy_month(raw, profile, registry) if raw is not None else None
    except InputError as exc:
        if not table_in_prose:
            raise
        checks.append(Check("unread", f"{raw.source.name} {raw.provenance.location}", None, None, None, "error",
                            "fail", f"表格无法读取：{exc.reason}（{exc}）", profile.name))
        table, raw = None, None
    if table is None:
        table = empty_month(profile)
    else:
        checks = [*table_checks(table, profile), *checks]
    claims = (bulletin_claims(bulletin, table, profile, rates, count_patterns, registry, measures, folds, families)
              if bulletin else [])
    checks += [ledger_check(c) for c in claims]
    stating = [(d.source.name, d.prose) for d in documents if d.prose] or [("通报", bulletin)]
    for source, text in [*stating, ("表格标题", table.title)]:
        stated = stated_month_check(month, text, source=source, profile=profile.name) if text else None
        checks += [stated] if stated else []
    figures = period_figures(table, profile, documents, count_patterns, bulletin)
    between = reconcile(month, figures, built or {}, profile.name)
    checks += [r.check for r in between]
    departments = table.departments
    return MonthAnalysis(
        district=district,
        district_name=district_name,
        month=month,
        table=table,
        ledger=ledger_frame(checks),
        district_indicators=district_indicators(departments).iloc[0:0] if raw is None
        else district_indicators(departments),
        department_indicators=department_indicators(departments),
        inputs=dict(inputs or ({raw.source.name: raw.sha256} if raw is not None else {})),
        bulletin=bulletin,
        claims=tuple(claims),
        figures=tuple(figures),
        reconciliation=tuple(between),
        profile=profile,
    )



def analyse_month(district: str, month: str, root: str | Path | Layout | None = None) -> MonthAnalysis:
    """Read the district-month's raw files under the project root (a path, or a Layout as a
    build passes it) and analyse them; the month is checked once, by the layout's path."""
    layout = root if isinstance(root, Layout) else Layout.at(root)
    row = district_row(layout.reference, district)
    name = district_name(row, district)
    auto = profile_of(row) == AUTO
    profile = load_profile(layout.reference) if auto else load_district_profile(layout.reference, district)
    raw_dir = layout.raw_month(district, month)
    if not raw_dir.is_dir():
        held = [m for d, m in layout.raw_months() if d == district]
        raise InputError(raw_dir, f"no raw folder for this district and period: no data for {district} {month}; "
                                  f"periods with data: {', '.join(held) or 'none'}")
    documents = period_documents(raw_dir)
    registry = load_registry(layout.reference, district)
    if auto:  # the district's profile is 'auto': the table's layout and arithmetic are discovered
        raw, unread = choose_table(documents, profile)
        if raw is not None:
            profile = auto_tidy(raw, registry, load_folds(layout.reference))[1]
    else:
        raw, unread = choose_table(documents, profile)
    owner = next((d for d in documents if any(t is raw for t in d.tables)), None)
    return analyse(
        raw, profile, registry,
        district=district, district_name=name, month=month, bulletin=prose_of(documents),
        rates=load_rates(layout.reference), count_patterns=load_count_patterns(layout.reference),
        inputs={str(d.source.relative_to(layout.root)): d.sha256 for d in documents},
        documents=documents, extra_checks=unread, table_in_prose=bool(owner and owner.prose.strip()),
        measures=load_measures(layout.reference), folds=load_folds(layout.reference),
        families=load_closed_lists(layout.reference),
        built=built_figures(layout, district, exclude=month) if parse_period(month).kind != "month" else {},
    )


def district_of(path: Path, layout: Layout) -> str | None:
    """The district a raw file belongs to when it lies under data/raw/<district>/<month>/."""
    try:
        return path.resolve().relative_to(layout.raw.resolve()).parts[0]
    except (ValueError, IndexError):
        return None


def file_reference(path: Path, *, district: str | None, profile: str | None,
                   root: str | Path | None) -> tuple[Layout, Profile, Registry]:
    """The layout, profile and registry for one raw file: its district's (named, or read from
    data/raw/<district>/...), else the profile asked for or the default, with no registry."""
    layout = Layout.at(root)
    district = district or district_of(path, layout)
    if district:
        chosen = load_district_profile(layout.reference, district)
        registry = load_registry(layout.reference, district)
    else:
        chosen, registry = None, Registry("", ())
    if (profile and profile != AUTO) or chosen is None:
        chosen = load_profile(layout.reference, profile if profile and profile != AUTO else DEFAULT_PROFILE)
    return layout, chosen, registry


def tidy_file(path: str | Path, *, district: str | None = None, profile: str | None = None,
              root: str | Path | None = None) -> tuple[MonthTable, Profile]:
    """Read and clean the raw table ``path`` with its district's profile and registry."""
    path = Path(path)
    layout, chosen, registry = file_reference(path, district=district, profile=profile, root=root)
    if profile == AUTO:
        return auto_tidy(read_table(path), registry, load_folds(layout.reference))
    return tidy_month(read_table(path, chosen), chosen, registry), chosen


def auto_tidy(raw: RawTable, registry: Registry, folds: dict[str, str]) -> tuple[MonthTable, Profile]:
    """Clean a table with a profile drafted from it, then keep the relations its numbers hold
    (govstats.checks.discover); the profile returned can be written out and kept."""
    draft = draft_profile(raw, folds)
    found = discover(tidy_month(raw, draft, registry), draft)
    return tidy_month(raw, found, registry), found  # read again: the headline count is now total


def check_file(path: str | Path, *, district: str | None = None, profile: str | None = None,
               root: str | Path | None = None) -> pd.DataFrame:
    """Read a document (a table on its own, or prose with its tables) and return one ledger:
    its table's checks, the tables not read, the prose's claims and their cross-checks with the
    table. InputError on bad input, or when the file holds neither a table nor prose."""
    return check_file_with_profile(path, district=district, profile=profile, root=root)[0]


def check_file_with_profile(path: str | Path, *, district: str | None = None, profile: str | None = None,
                            root: str | Path | None = None) -> tuple[pd.DataFrame, Profile]:
    """The ledger of the document ``path`` and the profile it was checked with (the discovered
    one for ``auto``)."""
    path = Path(path)
    layout, chosen, registry = file_reference(path, district=district, profile=profile, root=root)
    document = read_document(path)
    if profile == AUTO:
        raw = next((t for t in document.tables if count_rows(t.rows) >= 2), None)
        if raw is None:
            raise InputError(path, "no table with rows of numbers was found in the file")
        table, chosen = auto_tidy(raw, registry, load_folds(layout.reference))
        return ledger_frame(table_checks(table, replace(chosen, bands=()))), chosen  # drafted bands mark empty rows
    checks, _, _ = document_checks(document, document.prose, layout, chosen, registry)
    return ledger_frame(checks), chosen


def document_checks(document: Document, text: str, layout: Layout, profile: Profile,
                    registry: Registry) -> tuple[list[Check], list[Claim], MonthTable]:
    """The checks of one document: its table's, the tables not read, and the claims of ``text``
    (its prose) with their cross-checks against the table; those claims; and the cleaned table
    (empty when the document has none)."""
    raw, unread = choose_table([document], profile)
    if raw is None and not text.strip():
        raise InputError(document.source, "no table and no prose were found in the file")
    table = tidy_month(raw, profile, registry) if raw is not None else empty_month(profile)
    checks = [*(table_checks(table, profile) if raw is not None else []), *unread]
    claims = []
    if text.strip():
        reference = layout.reference
        claims = bulletin_claims(text, table, profile, load_rates(reference), load_count_patterns(reference),
                                 registry, load_measures(reference), load_folds(reference),
                                 load_closed_lists(reference))
        checks += [ledger_check(c) for c in claims]
    return checks, claims, table


def review_draft(path: str | Path, *, district: str | None = None, profile: str | None = None,
                 root: str | Path | None = None, period: str | None = None) -> tuple[pd.DataFrame, list[Claim], str]:
    """A draft checked as a published document is (its table, its prose's claims and their
    cross-checks): the ledger, the claims, and the text they were read from. For a Word draft
    the text is its paragraphs joined by line breaks, as Word holds them, so every claim can be
    placed back on the runs that print it (govstats.render.review). With a district (named, or
    from data/raw/<district>/...) and a period (named, else the one the draft's title states),
    the draft is also reconciled with the periods already built for that district: those
    records (``period:*``) are in the ledger."""
    path = Path(path)
    layout, chosen, registry = file_reference(path, district=district, profile=profile, root=root)
    document = read_document(path)
    text = document.prose
    if document.format == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    checks, claims, table = document_checks(document, text, layout, chosen, registry)
    district = district or district_of(path, layout)
    period = period or document.metadata.period
    if district and period:  # against what is already built for the district
        figures = period_figures(table, chosen, [document], load_count_patterns(layout.reference), text)
        between = reconcile(period, figures, built_figures(layout, district, exclude=period), chosen.name)
        checks += [r.check for r in between]
    return ledger_frame(checks), claims, text


def file_claims(path: str | Path, *, table: str | Path | None = None, district: str | None = None,
                profile: str | None = None, root: str | Path | None = None) -> list[Claim]:
    """Claims of the bulletin ``path`` (any document format: its prose); with ``table``, also its
    counts against the table's totals and rows."""
    path = Path(path)
    text = read_document(path).prose
    layout, chosen, registry = file_reference(Path(table) if table else path, district=district,
                                              profile=profile, root=root)
    reference = layout.reference
    rates, measures, folds = load_rates(reference), load_measures(reference), load_folds(reference)
    families = load_closed_lists(reference)
    if table is None:
        return extract_claims(text, rates, measures, folds, families)
    month, chosen = tidy_file(table, district=district, profile=profile, root=root)
    return bulletin_claims(text, month, chosen, rates, load_count_patterns(reference), registry, measures, folds,
                           families)
