"""How much of each real public table the checks cover, whether they catch its known errors, and
what `--profile auto` finds in it.

    .venv/bin/python benchmarks/table_coverage.py [--verbose]

Every table of tests/corpus/tables (tNN.tsv as printed, tNN.yaml its hand label, SOURCES.md
where it comes from) and the reference table (ref, the sample month) is read, cleaned and
checked with its layout's profile (CORPUS_PROFILES below, data/reference/profiles/corpus_*.yaml)
and an empty department registry. A table with no entry in CORPUS_PROFILES is checked with the
profile `auto` drafts and discovers from the table itself, so a new table needs no code edit:
add tNN.tsv and tNN.yaml (and, when auto is not enough, a profile and one line here).

Printed per table:
  figures   the sidecar's printed_figures, and the figures govstats read (they should agree);
  covered   figures at least one check compared (govstats.checks.coverage);
  uncov     their share of the figures read (target: under 5%);
  alone     the figures the sidecar lists as standalone (in no relation the table prints);
  rel.unc   the uncovered share of the other figures, those in a labelled relation;
  flagged   figures left uncovered that are not standalone (each is listed below the table:
            a relation govstats does not check, or a figure the sidecar should explain);
  breaks    the sidecar's known_breaks caught by a failing or warning check, of all;
  false     failing or warning checks that touch no known break (target: 0). Registry
            warnings (every name is unknown to the empty registry) are not table arithmetic
            and are left out;
  auto      `--profile auto` on the table: relations found, true (a relation of the sidecar),
            false (none of the sidecar's; target 0), missed (row identities, rates, changes
            and column totals of the sidecar not found), and bounds/row sums of the sidecar,
            which discovery does not look for. A table read transposed is matched the other
            way round (the sidecar's identity along the printed row is a column total, its rate
            along the row a share of the total row). An identity found without terms that are 0 on every
            row is the sidecar's identity (0 = 0 + 0 says nothing). The reference table has no
            sidecar: its hand-written profile (data/reference/profiles/reference.yaml) is its
            label.
A table govstats cannot read is listed with the reason.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import yaml

from govstats.cells import fold_label
from govstats.checks.coverage import check_cells, covered_cells, department_rows, printed_cells, total_row
from govstats.checks.table import table_checks
from govstats.clean.month import MonthTable, tidy_month
from govstats.clean.rows import FOLD
from govstats.errors import InputError
from govstats.ingest.table import read_table
from govstats.month import auto_tidy
from govstats.reference.characters import load_folds
from govstats.reference.profiles import Profile, load_profile
from govstats.reference.registry import Registry

CODE_ROOT = Path(__file__).resolve().parents[1]
CORPUS = CODE_ROOT / "tests" / "corpus" / "tables"
REFERENCE = CODE_ROOT / "data" / "reference"
FOLDS = load_folds(REFERENCE)

#: The profile of each corpus table's layout (a table not listed is read with ``auto``).
CORPUS_PROFILES = {
    "t01": "corpus_tongchuan_mailbox",
    "t02": "corpus_weinan_mailbox",
    "t03": "corpus_hanzhong_mailbox",
    "t04": "corpus_ningguo_hotline",
    "t05": "corpus_foi_requests",
    "t06": "corpus_panjin_hotline",
    "t07": "corpus_foi_review",
    "t08": "corpus_yichun_hotline",
    "t09": "corpus_weinan_mailbox",
    "t10": "corpus_foi_proactive",
    "t11": "corpus_foi_requests",
    "t12": "corpus_foi_proactive",
    "t13": "corpus_weinan_mailbox",
    "t14": "corpus_gaoan_hotline",
    # written after the first run of t15–t28 with --profile auto (tests/corpus/tables/FIRST_RUN.md)
    "t15": "corpus_siping_hotline",
    "t16": "corpus_siping_streets",
    "t18": "corpus_foi_proactive",
    "t21": "corpus_lianyungang_scores",
    "t23": "corpus_review_outcomes",
    "t24": "corpus_review_by_province",
    "t25": "corpus_hubei_review",
    "t19": "corpus_review_matters",
    "t20": "corpus_review_matters",
    "t26": "corpus_review_by_unit",
    "t27": "corpus_review_new_cases",
    "t28": "corpus_review_new_cases",
    "ref": "reference",
}

#: The reference table (the sample month's 附件 table on its own); it has no hand label.
REFERENCE_TABLE = CODE_ROOT / "tests" / "data" / "split_month" / "2020-07" / "table.tsv"

Cell = tuple[int, str]


def same(printed: str, named: str) -> bool:
    """Whether a header or row label govstats read and one the sidecar names are the same, on
    folded labels; either may carry the upper levels the other leaves out ("a/b" and "b")."""
    a, b = fold_label(printed, FOLDS), fold_label(named, FOLDS)
    return bool(a) and (a == b or a.endswith("/" + b) or b.endswith("/" + a))


def where(key: int) -> str:
    """A cell's printed place from its key: row 5, or row 5 of the 2nd column group of a folded list."""
    group, line = divmod(key, FOLD)
    return f"row {line}" + (f" (column group {group + 1})" if group else "")


def header_of(month: MonthTable, measure: str) -> str:
    """The printed header of a cell's measure (按类型：total for a breakdown's own)."""
    block, _, own = measure.partition("：")
    if own and month.blocks:
        return next(b.headers[own] for b in month.blocks if b.block == block)
    return month.headers[measure]


def row_labels(month: MonthTable) -> dict[int, str]:
    """Each printed row's label, by row number (every block's rows for breakdowns side by side)."""
    labels: dict[int, str] = {}
    for table in month.blocks or (month,):
        rows = department_rows(table)  # a folded list's later groups: FOLD past the printed row
        labels |= {rows[str(r["department"])]: str(r["published_name"]) for r in table.departments.to_dict("records")}
        for frame in (table.subtotals, table.parts):
            if "label" in frame:
                labels |= {int(r["source_row"]): str(r["label"]) for r in frame.to_dict("records")}
        if table.totals_row is not None:
            labels[total_row(table)] = table.totals_label
    return labels


def named_cells(month: MonthTable, column: str | None, rows: list[str] | None) -> set[Cell]:
    """The printed cells under the header ``column`` (every column when None), on the rows
    labelled ``rows`` (or all)."""
    labels = row_labels(month)
    return {(row, m) for row, m in printed_cells(month) if (column is None or same(header_of(month, m), column))
            and (not rows or any(same(labels.get(row, ""), r) for r in rows))}


def break_cell(month: MonthTable, item: dict) -> Cell | None:
    """The cell a sidecar's known break names (of a table read transposed, the sidecar's printed
    row is a measure and its printed column a row read)."""
    row, column = (item["column"], item["row"]) if month.transposed else (item["row"], item["column"])
    return next(iter(sorted(named_cells(month, column, [row]))), None)


def read_checked(path: Path, name: str | None) -> tuple[MonthTable, Profile]:
    """The table read with its layout's profile, or with the one auto discovers (``None``)."""
    if name is None:
        month, profile = auto_tidy(read_table(path), Registry("", (), {}, FOLDS), FOLDS)
        return month, replace(profile, bands=())  # drafted bands mark empty rows, as `govstats check` does
    profile = load_profile(REFERENCE, name)
    return tidy_month(read_table(path, profile), profile, Registry("", (), {}, profile.folds)), profile


def sidecar_relations(tid: str, meta: dict) -> list[dict]:
    """The table's hand-labelled relations (the reference table's: its profile's, as a sidecar
    writes them)."""
    if tid != "ref":
        return list(meta.get("relations") or [])
    profile = load_profile(REFERENCE, "reference")
    label = profile.measures
    relations = [{"kind": "column_total"}]
    relations += [{"kind": "row_identity", "left": label[i.lhs][0], "right": [label[m][0] for m in i.rhs]}
                  for i in profile.identities]
    relations += [{"kind": "bound", "lesser": label[b.part][0], "greater": label[b.whole][0]} for b in profile.bounds]
    return relations


def zero_everywhere(month: MonthTable, name: str) -> bool:
    """Whether the column headed ``name`` is 0 or blank on every department row."""
    measures = [m for m, h in month.headers.items() if same(h, name)]
    return bool(measures) and all(pd.isna(v) or v == 0 for v in month.departments[measures[0]])


def matches(found: tuple, labelled: dict, month: MonthTable) -> bool:
    """Whether a relation auto found is the sidecar's relation ``labelled``."""
    kind = labelled["kind"]
    if month.transposed:  # the sidecar reads the table as printed: its rows are auto's columns
        return transposed_matches(found, labelled)
    if found[0] == "column_total":
        return kind == "column_total"
    if found[0] == "change" and kind == "growth":
        _, rate, current, previous = found
        return same(rate, labelled["column"]) and same(current, labelled["current"]) and same(previous, labelled["base"])
    if found[0] == "identity" and kind == "row_identity":
        _, lhs, rhs = found
        right = labelled["right"]
        return (same(lhs, labelled["left"]) and all(any(same(t, r) for r in right) for t in rhs)
                and all(zero_everywhere(month, r) for r in right if not any(same(t, r) for t in rhs)))
    if found[0] == "rate" and kind == "rate":
        _, rate, num, den, share = found
        nums = labelled["numerator"] if isinstance(labelled["numerator"], list) else [labelled["numerator"]]
        wanted = labelled["denominator"]  # a column, or {column, row} for a share of the total row
        den_ok = isinstance(wanted, dict) == share and any(
            same(d, wanted["column"] if share else wanted) for d in den)
        return (same(rate, labelled["column"]) and len(num) == len(nums) and den_ok
                and all(any(same(n, x) for x in nums) for n in num))
    return False


def transposed_matches(found: tuple, labelled: dict) -> bool:
    """``matches`` for a table read transposed: the sidecar's identity along the printed row
    (总计 = the categories) is auto's column total, and its rate along a row (占比 = 数量 over
    the 总计 cell) auto's share of the total row."""
    kind = labelled["kind"]
    if found[0] == "column_total":
        return kind == "row_identity"
    if found[0] == "rate" and kind == "rate" and labelled.get("axis") == "rows":
        _, rate, num, _, share = found
        wanted = labelled["denominator"]
        return (share and same(rate, labelled["row"]) and isinstance(wanted, dict) and "row" in wanted
                and len(num) == 1 and same(num[0], labelled["numerator"]) and same(num[0], wanted["row"]))
    return False


def discovered(month: MonthTable, profile: Profile) -> list[tuple]:
    """The relations auto kept, in the table's words: identities, rates, column totals."""
    words = {**{m: h for b in month.blocks for m, h in b.headers.items()}, **month.headers}
    found: list[tuple] = [("identity", words[i.lhs], tuple(words[m] for m in i.rhs)) for i in profile.identities]
    found += [("rate", words[r.rate], tuple(words[m] for m in r.numerator.measures),
               tuple(words[m] for m in r.denominator.measures), r.denominator.total_row) for r in profile.rates]
    found += [("change", words[c.rate], words[c.current], words[c.previous]) for c in profile.changes]
    if month.totals_row is not None and any(profile.summable(m) for m in words):
        found.append(("column_total",))
    return found


def discovery_report(tid: str, path: Path, labelled: list[dict], verbose: bool) -> dict:
    """What auto finds in the table against the sidecar's relations."""
    sought = [r for r in labelled if r["kind"] in ("row_identity", "rate", "column_total", "growth")]
    other = len(labelled) - len(sought)
    try:
        month, profile = auto_tidy(read_table(path), Registry("", (), {}, FOLDS), FOLDS)
    except InputError as exc:
        if verbose:
            print(f"    {tid} auto: not read: {exc}")
        return {"found": 0, "true": 0, "false": 0, "missed": len(sought), "other": other}
    found = discovered(month, profile)
    hits = {k: [i for i, r in enumerate(sought) if matches(f, r, month)] for k, f in enumerate(found)}
    false = [f for k, f in enumerate(found) if not hits[k]]
    missed = [r for i, r in enumerate(sought) if not any(i in h for h in hits.values())]
    if verbose:
        for k, f in enumerate(found):
            print(f"    {tid} auto {'true' if hits[k] else 'FALSE'}: {describe(f)}")
        for r in missed:
            print(f"    {tid} auto missed: {r['kind']} {r.get('left') or r.get('column') or r.get('row') or r.get('total_row') or ''}")
    return {"found": len(found), "true": len(found) - len(false), "false": len(false), "missed": len(missed),
            "other": other}


def describe(found: tuple) -> str:
    """A relation auto found, in words."""
    if found[0] == "identity":
        return f"{found[1]} = {' + '.join(found[2])}"
    if found[0] == "rate":
        return f"{found[1]} = {' + '.join(found[2])} / {'合计.' if found[4] else ''}{' + '.join(found[3])}"
    if found[0] == "change":
        return f"{found[1]} = {found[2]} / {found[3]} - 1"
    return "合计行 = 各列之和"


def table_report(tid: str, verbose: bool) -> dict:
    """Read, clean and check one table; the figures of its coverage, breaks and discovery."""
    if tid == "ref":
        meta, path = {"source": {"place": "重庆市綦江区"}, "printed_figures": "-"}, REFERENCE_TABLE
    else:
        meta, path = yaml.safe_load((CORPUS / f"{tid}.yaml").read_text(encoding="utf-8")), CORPUS / f"{tid}.tsv"
    name = CORPUS_PROFILES.get(tid)
    out = {"id": tid, "place": meta["source"]["place"], "figures": meta["printed_figures"],
           "known": len(meta.get("known_breaks") or []), "profile": name or "auto",
           "auto": discovery_report(tid, path, sidecar_relations(tid, meta), verbose)}
    try:
        month, profile = read_checked(path, name)
    except InputError as exc:
        return {**out, "reason": f"not read: {exc}"}
    checks = [c for c in table_checks(month, profile) if c.check != "registry"]
    cells, covered = printed_cells(month), covered_cells(month, checks)
    alone = set().union(*(named_cells(month, s.get("column"), s.get("rows")) for s in meta.get("standalone") or []))
    breaks = [break_cell(month, b) for b in meta.get("known_breaks") or []]
    flagged = [c for c in checks if c.status in ("fail", "warn")]
    caught = sum(1 for b in breaks if b and any(b in check_cells(month, c) for c in flagged))
    false = [c for c in flagged if not (check_cells(month, c) & {b for b in breaks if b})]
    unexplained = sorted(cells - covered - alone)
    for cell in sorted(cells - covered) if verbose else unexplained:
        what = "standalone" if cell in alone else "uncovered, in no standalone entry"
        print(f"    {tid} {what}: {where(cell[0])} {header_of(month, cell[1])}")
    if verbose:
        for check in flagged:
            print(f"    {tid} {check.status}: {check.message}")
    return {**out, "read": len(cells), "covered": len(covered & cells), "caught": caught,
            "false": len(false), "checks": len(checks), "alone": len(alone & cells),
            "alone_labelled": meta.get("standalone_figures", 0), "flagged": len(unexplained)}


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true",
                        help="list every uncovered cell, flagged check and relation auto found")
    args = parser.parse_args(argv)
    logging.getLogger("govstats.clean.month").setLevel(logging.ERROR)  # every name is unknown to the empty registry
    tables = [p.stem for p in sorted(CORPUS.glob("t[0-9][0-9]*.tsv"))] + ["ref"]
    reports = [table_report(tid, args.verbose) for tid in tables]
    print(f"{'table':6} {'place':14} {'figures':>7} {'read':>5} {'covered':>7} {'uncov':>6} {'alone':>5} "
          f"{'rel.unc':>7} {'flagged':>7} {'breaks':>6} {'false':>5} | auto: found true false missed (bounds)")
    for r in reports:
        a, r["id"] = r["auto"], r["id"] + ("*" if r["profile"] == "auto" else "")
        auto = f"| {a['found']:>11} {a['true']:>4} {a['false']:>5} {a['missed']:>6} ({a['other']})"
        if "reason" in r:
            print(f"{r['id']:6} {r['place'][:14]:14} {r['figures']:>7}   -- {r['reason']} {auto}")
            continue
        alone = f"{r['alone']}" if standalone_agrees(r) else f"{r['alone']}≠{r['alone_labelled']}"
        print(f"{r['id']:6} {r['place'][:14]:14} {r['figures']:>7} {r['read']:>5} {r['covered']:>7} "
              f"{share(r['read'] - r['covered'], r['read']):>6} {alone:>5} "
              f"{share(r['flagged'], r['read'] - r['alone']):>7} {r['flagged']:>7} "
              f"{r['caught']:>3}/{r['known']:<2} {r['false']:>5} {auto}")
    done = [r for r in reports if "reason" not in r]
    figures, covered = sum(r["read"] for r in done), sum(r["covered"] for r in done)
    related, unexplained = figures - sum(r["alone"] for r in done), sum(r["flagged"] for r in done)
    auto = [r["auto"] for r in reports]
    print(f"read {len(done)}/{len(reports)} tables; {covered}/{figures} figures covered "
          f"({share(figures - covered, figures)} uncovered); of the {related} figures in labelled relations "
          f"{unexplained} uncovered ({share(unexplained, related)}); known breaks caught "
          f"{sum(r['caught'] for r in done)}/{sum(r['known'] for r in done)}; "
          f"false failures {sum(r['false'] for r in done)}; tables under 5% uncovered: "
          f"{sum(1 for r in done if r['read'] and (r['read'] - r['covered']) / r['read'] < 0.05)} of all figures, "
          f"{sum(1 for r in done if r['read'] == r['alone'] or r['flagged'] / (r['read'] - r['alone']) < 0.05)}"
          " of related figures")
    if any(r["profile"] == "auto" for r in reports):
        print("* no profile in CORPUS_PROFILES: checked with the profile --profile auto discovers")
    print(f"auto: {sum(a['found'] for a in auto)} relations found, {sum(a['true'] for a in auto)} true, "
          f"{sum(a['false'] for a in auto)} false; {sum(a['missed'] for a in auto)} identities, rates, changes and "
          f"column totals of the sidecars missed; {sum(a['other'] for a in auto)} bounds and row sums not sought")
    return 0


def standalone_agrees(report: dict) -> bool:
    """Whether the standalone figures govstats found are as many as the sidecar counts."""
    return report["id"] == "ref" or report["alone"] == report["alone_labelled"]


if __name__ == "__main__":
    sys.exit(main())
