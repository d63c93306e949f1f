"""Table profiles: how one published layout maps to canonical measures, and what must hold in it.

A profile is YAML under ``data/reference/profiles/``; a new district's layout is an edit there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govstats.cells import fold_label, lower_levels
from govstats.errors import InputError
from govstats.reference.characters import load_folds
from govstats.reference.districts import DEFAULT_PROFILE, district_row, profile_of
from govstats.reference.files import read_yaml
from govstats.reference.rules import (  # noqa: F401  (re-exported: the rules are part of a profile)
    Band,
    Block,
    Bound,
    Change,
    Growth,
    Identity,
    Rate,
    RatePart,
    as_strings,
    parse_blocks,
    parse_changes,
    parse_identity,
    parse_rate,
    parse_rate_part,
)

_UNIT_SUFFIX = re.compile(r"\([^()]*\)$")


#: What a measure's cells hold: whole counts, decimals (averages) or percentages (rates).
MEASURE_KINDS = ("count", "decimal", "percent")


#: Default first words of a note under the table (注：..., 数据来源：...).
FOOTNOTE_PREFIXES = ("注", "说明", "备注", "数据来源", "资料来源", "来源", "填表说明", "填报说明",
                     "制表", "审核", "填报人", "统计时间", "*", "※")


#: How a table is printed: categories down the rows (the usual) or across the columns.
ORIENTATIONS = ("rows", "columns")


#: Last words of a row that look like a grand total whatever the profile lists (folded labels).
TOTAL_WORDS = ("合计", "总计", "共计", "总合计")


@dataclass(frozen=True)
class Profile:
    """How one published table layout maps to canonical measures, and what must hold in it."""

    name: str
    measures: dict[str, tuple[str, ...]]
    unit_column: tuple[str, ...]
    description: str = ""
    band_column: tuple[str, ...] = ()
    ignore_columns: tuple[str, ...] = ()
    total_row_labels: tuple[str, ...] = ("合计",)
    subtotal_row_labels: tuple[str, ...] = ("小计",)
    list_separator: str = "、"
    period_end: tuple[str, ...] = ()  # counts standing at the period's end (在办): never summed over periods
    required: tuple[str, ...] = ()
    not_summable: tuple[str, ...] = ()
    identities: tuple[Identity, ...] = ()
    bounds: tuple[Bound, ...] = ()
    bands: tuple[Band, ...] = ()
    measure_kinds: dict[str, str] = field(default_factory=dict)
    footnote_prefixes: tuple[str, ...] = FOOTNOTE_PREFIXES
    of_which_prefixes: tuple[str, ...] = ("其中",)
    min_rows: int = 1  # fewest department rows a table of this layout may hold
    rates: tuple[Rate, ...] = ()
    signed: tuple[str, ...] = ()
    header_rows: int | None = None
    unit_span: int = 1
    row_label: str = ""  # for a table with no unit column: the label its rows are read under
    folds: dict[str, str] = field(default_factory=dict)
    source: str = ""
    growth: tuple[Growth, ...] = ()  # change columns and the counts they grow
    blocks: tuple[Block, ...] = ()  # breakdowns side by side, each its own list and total
    block_totals: dict[str, str] = field(default_factory=dict)  # block measure -> leading total measure
    title: str = ""  # the report's title after district and period (default 政务服务办件统计报告)
    intro: str = ""  # the report's words under 核心指标: what the headline figures are
    checks_intro: str = ""  # the report's words under 数据核对: what the checks compare
    orientation: str = "rows"  # "columns": categories across, measures down (read transposed)
    changes: tuple[Change, ...] = ()  # change columns computed from two printed columns of a row
    unheaded_unit: bool = False  # the column of names prints no header: it is read as unit_column's first name

    @property
    def transposed(self) -> bool:
        """True when the table prints its categories across the columns (read transposed)."""
        return self.orientation == "columns"

    def key(self, text: object) -> str:
        """A label for matching: spaces and romanisation dropped, traditional characters folded."""
        return fold_label(text, self.folds)

    def kind_of(self, measure: str) -> str:
        """count, decimal or percent."""
        return self.measure_kinds.get(measure, "count")

    def summable(self, measure: str) -> bool:
        """True when the total row holds the column sum (counts not listed as not_summable)."""
        return self.kind_of(measure) == "count" and measure not in self.not_summable

    def measure_for_header(self, header: str) -> str | None:
        """The canonical measure a published header names, or None.

        A multi-level header reads "parent/child": it matches a synonym written that way (or its
        lower levels, "法人或其他组织/其他" under 申请人情况), else its child alone. A trailing unit in brackets, "办理总数（件）", may be left out of synonyms.
        """
        keys = lower_levels(self.key(header))
        keys += [_UNIT_SUFFIX.sub("", k) for k in keys]
        for candidate in dict.fromkeys(k for k in keys if k):
            for measure, synonyms in self.measures.items():
                if candidate in {self.key(s) for s in synonyms}:
                    return measure
        return None

    def is_unit_header(self, header: str) -> bool:
        """True when a header cell names the unit (department) column, or a block's own."""
        return self.key(header) in {self.key(s) for s in self.unit_headers}

    @property
    def unit_headers(self) -> tuple[str, ...]:
        return (*self.unit_column, *(s for b in self.blocks for s in b.unit_column))

    def block_of(self, header: str) -> str:
        """The name of the block whose column of row names ``header`` heads ('' for none): the
        header's lower levels are tried too ("按渠道/渠道" heads the block of 渠道)."""
        return next((b.name for key in lower_levels(self.key(header)) for b in self.blocks
                     if key in {self.key(s) for s in b.unit_column}), "")

    def header_matches(self, row: tuple[str, ...] | list[str]) -> bool:
        """True when a row names the unit column and at least one measure of this profile."""
        return (any(self.is_unit_header(c) for c in row)
                and any(self.measure_for_header(c) for c in row if self.key(c)))

    def known_headers(self) -> str:
        """Every measure with its synonyms, for messages about unknown headers."""
        return "; ".join(f"{m}: {'/'.join(s)}" for m, s in self.measures.items())

    def band_for(self, label: str) -> Band | None:
        key = self.key(label)
        return next((b for b in self.bands if self.key(b.label) == key), None)

    def band_of_total(self, total: int) -> Band | None:
        return next((b for b in self.bands if b.holds(total)), None)


PROFILE_KEYS = {
    "orientation", "changes", "unheaded_unit",
    "growth", "blocks", "block_totals", "title", "intro", "checks_intro",
    "rates", "signed", "header_rows", "unit_span", "row_label", "period_end",
    "name", "description", "measures", "unit_column", "band_column", "ignore_columns",
    "total_row_labels", "subtotal_row_labels", "list_separator", "required", "not_summable",
    "identities", "bounds", "bands", "measure_kinds", "footnote_prefixes", "of_which_prefixes",
    "min_rows",
}


def profile_from_mapping(data: dict[str, Any], path: Path, folds: dict[str, str] | None = None) -> Profile:
    """Build a Profile from a parsed YAML mapping, checking that every term is a measure;
    ``folds`` maps characters folded for matching (traditional -> simplified)."""
    if not isinstance(data, dict):
        raise InputError(path, "a profile must be a YAML mapping of keys to values")
    unknown_keys = sorted(set(data) - PROFILE_KEYS)
    if unknown_keys:
        raise InputError(path, f"unknown profile key(s) {', '.join(unknown_keys)}; "
                               f"known keys: {', '.join(sorted(PROFILE_KEYS))}")
    try:
        measures = {str(k): as_strings(v) for k, v in (data.get("measures") or {}).items()}
        profile = Profile(
            name=str(data.get("name") or path.stem),
            description=str(data.get("description") or ""),
            measures=measures,
            unit_column=as_strings(data.get("unit_column")),
            band_column=as_strings(data.get("band_column")),
            ignore_columns=as_strings(data.get("ignore_columns")),
            total_row_labels=as_strings(data.get("total_row_labels") or ["合计"]),
            subtotal_row_labels=as_strings(data.get("subtotal_row_labels") or ["小计"]),
            list_separator=str(data.get("list_separator") or "、"),
            required=as_strings(data.get("required")),
            not_summable=as_strings(data.get("not_summable")),
            identities=tuple(parse_identity(str(t), path) for t in data.get("identities") or ()),
            bounds=tuple(Bound(**b) for b in data.get("bounds") or ()),
            bands=tuple(Band(**b) for b in data.get("bands") or ()),
            measure_kinds={str(k): str(v) for k, v in (data.get("measure_kinds") or {}).items()},
            footnote_prefixes=as_strings(data.get("footnote_prefixes")) or FOOTNOTE_PREFIXES,
            of_which_prefixes=as_strings(data.get("of_which_prefixes")) or ("其中",),
            min_rows=int(data.get("min_rows", 1)),
            rates=tuple(parse_rate(r, path) for r in data.get("rates") or ()),
            signed=as_strings(data.get("signed")), period_end=as_strings(data.get("period_end")),
            header_rows=int(data["header_rows"]) if data.get("header_rows") else None,
            unit_span=int(data.get("unit_span") or 1),
            row_label=str(data.get("row_label") or ""),
            folds=dict(folds or {}),
            source=str(path),
            growth=tuple(Growth(str(g["rate"]), str(g["of"])) for g in data.get("growth") or ()),
            blocks=parse_blocks(data.get("blocks"), path),
            block_totals={str(k): str(v) for k, v in (data.get("block_totals") or {}).items()},
            title=str(data.get("title") or ""),
            intro=str(data.get("intro") or ""),
            checks_intro=str(data.get("checks_intro") or ""),
            orientation=str(data.get("orientation") or "rows"),
            changes=parse_changes(data.get("changes"), path),
            unheaded_unit=bool(data.get("unheaded_unit", False)),
        )
    except (TypeError, AttributeError, ValueError) as exc:
        raise InputError(path, f"malformed profile: {exc}") from exc
    if profile.min_rows < 1:
        raise InputError(path, f"min_rows must be 1 or more, got {profile.min_rows}")
    if not profile.measures or not (profile.unit_column or profile.row_label):
        raise InputError(path, "a profile needs 'measures' and 'unit_column' (or 'row_label' for a "
                               "table with no column of names)")
    if profile.orientation not in ORIENTATIONS:
        raise InputError(path, f"orientation must be one of {', '.join(ORIENTATIONS)} (columns: categories "
                               f"across the columns, measures down the rows), got {profile.orientation!r}")
    bad_kinds = {m: k for m, k in profile.measure_kinds.items() if k not in MEASURE_KINDS}
    if bad_kinds:
        raise InputError(path, f"measure_kinds must be one of {', '.join(MEASURE_KINDS)}, got {bad_kinds}")
    used = (set(profile.required) | set(profile.not_summable) | set(profile.measure_kinds)
            | set(profile.signed) | set(profile.block_totals) | set(profile.block_totals.values()))
    if profile.block_totals and not profile.blocks:
        raise InputError(path, "block_totals needs blocks (the breakdowns the leading total serves)")
    for rate in profile.rates:
        used |= {rate.rate} | {m for part in (rate.numerator, rate.denominator) if part for m in part.measures}
        if profile.kind_of(rate.rate) != "percent":
            raise InputError(path, f"rate {rate.rate!r} must be a percent measure (measure_kinds: {{{rate.rate}: percent}})")
    for ident in profile.identities:
        used |= {ident.lhs, *ident.rhs}
    for growth in profile.growth:
        used |= {growth.rate, growth.of}
        if profile.kind_of(growth.rate) != "percent":
            raise InputError(path, f"growth rate {growth.rate!r} must be a percent measure")
    for change in profile.changes:
        used |= {change.rate, change.current, change.previous}
        if profile.kind_of(change.rate) != "percent":
            raise InputError(path, f"change {change.rate!r} must be a percent measure")
    for bound in profile.bounds:
        used |= {bound.part.removeprefix("-"), bound.whole}
        if bound.kind not in ("hard", "soft"):
            raise InputError(path, f"bound kind must be hard or soft, got {bound.kind!r}")
    unknown = sorted(used - set(profile.measures))
    if unknown:
        raise InputError(path, f"names measures it does not define: {', '.join(unknown)}")
    return profile


def load_profile(reference_dir: str | Path, name: str = DEFAULT_PROFILE) -> Profile:
    """Load ``profiles/<name>.yaml`` from the reference folder."""
    path = Path(reference_dir) / "profiles" / f"{name}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in path.parent.glob("*.yaml"))
        raise InputError(path, f"no profile named {name!r}; known profiles: {', '.join(known)}")
    return profile_from_mapping(read_yaml(path) or {}, path, load_folds(reference_dir))


def load_district_profile(reference_dir: str | Path, district: str) -> Profile:
    """The profile named for ``district`` in districts.csv (column ``profile``), else the default."""
    return load_profile(reference_dir, profile_of(district_row(reference_dir, district)))


def profile_mapping(profile: Profile) -> dict[str, Any]:
    """A profile as the YAML mapping :func:`profile_from_mapping` reads back (for a draft the
    user can keep)."""

    def part(p: RatePart) -> Any:
        if p.base:
            return {"base": p.base}
        text = " + ".join(p.measures)
        return {"total_row": text} if p.total_row else text

    data: dict[str, Any] = {
        "name": profile.name, "description": profile.description,
        "unit_column": list(profile.unit_column), "band_column": list(profile.band_column),
        "ignore_columns": list(profile.ignore_columns), "total_row_labels": list(profile.total_row_labels),
        "list_separator": profile.list_separator, "header_rows": profile.header_rows,
        "unit_span": profile.unit_span if profile.unit_span > 1 else None,
        "measures": {m: list(s) for m, s in profile.measures.items()},
        "measure_kinds": dict(profile.measure_kinds), "not_summable": list(profile.not_summable),
        "signed": list(profile.signed), "identities": [i.text for i in profile.identities],
        "bounds": [{"part": b.part, "whole": b.whole, "kind": b.kind} for b in profile.bounds],
        "bands": [{"label": b.label, "min": b.min, **({"max": b.max} if b.max is not None else {})}
                  for b in profile.bands],
        "growth": [{"rate": g.rate, "of": g.of} for g in profile.growth],
        "blocks": [{"name": b.name, "unit_column": list(b.unit_column)} for b in profile.blocks],
        "block_totals": dict(profile.block_totals), "title": profile.title, "intro": profile.intro,
        "checks_intro": profile.checks_intro,
        "orientation": profile.orientation if profile.transposed else None,
        "changes": [{"rate": c.rate, "current": c.current, "previous": c.previous} for c in profile.changes],
        "unheaded_unit": profile.unheaded_unit or None,
        "rates": [{"rate": r.rate, **({"numerator": part(r.numerator)} if r.numerator else {}),
                   "denominator": part(r.denominator)} for r in profile.rates if r.denominator],
    }
    return {k: v for k, v in data.items() if v not in (None, [], {}, "")}
