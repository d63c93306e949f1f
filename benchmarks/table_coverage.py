"""How much of each real public table the checks cover, and whether they catch its known errors.

    .venv/bin/python benchmarks/table_coverage.py [--verbose]

Every table of tests/corpus/tables, and the reference table (ref, the sample month), (tNN.tsv as printed, tNN.yaml its hand label) is read,
cleaned and checked with its layout's profile (CORPUS_PROFILES below, data/reference/profiles/
corpus_*.yaml) and an empty department registry. Printed per table:
  figures   the sidecar's printed_figures, and the figures govstats read (they should agree);
  covered   figures at least one check compared (govstats.checks.coverage);
  uncovered their share of the figures read (target: under 5%);
  breaks    the sidecar's known_breaks caught by a failing or warning check, of all;
  false     failing or warning checks that touch no known break (target: 0). Registry
            warnings (every name is unknown to the empty registry) are not table arithmetic
            and are left out.
A table with no profile, or one govstats cannot read, is listed with the reason.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from govstats.cells import fold_label
from govstats.checks.coverage import check_cells, covered_cells, printed_cells
from govstats.checks.table import table_checks
from govstats.clean.month import MonthTable, tidy_month
from govstats.errors import InputError
from govstats.ingest.table import read_table
from govstats.reference.profiles import Profile, load_profile
from govstats.reference.registry import Registry

CODE_ROOT = Path(__file__).resolve().parents[1]
CORPUS = CODE_ROOT / "tests" / "corpus" / "tables"
REFERENCE = CODE_ROOT / "data" / "reference"

#: The profile of each corpus table's layout.
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
    "t13": "corpus_weinan_mailbox",
    "t11": "corpus_foi_requests",
    "t12": "corpus_foi_proactive",
    "t14": "corpus_gaoan_hotline",
    "t19": "corpus_review_matters",
    "t20": "corpus_review_matters",
    "t26": "corpus_review_by_unit",
    "t27": "corpus_review_new_cases",
    "t28": "corpus_review_new_cases",
}

def break_cell(month: MonthTable, profile: Profile, item: dict) -> tuple[int, str] | None:
    """The (row, measure) a sidecar's known break names, matched on folded labels (a transposed
    table's printed row is a measure, its printed column a row read)."""
    row_key, col_key = fold_label(item["row"], profile.folds), fold_label(item["column"], profile.folds)
    if month.transposed:
        row_key, col_key = col_key, row_key
    if month.totals_row is not None and fold_label(month.totals_label, profile.folds) == row_key:
        row = month.totals_row
    else:
        hits = month.departments[[fold_label(n, profile.folds) == row_key
                                  for n in month.departments["published_name"]]]
        if hits.empty:
            return None
        row = int(hits["source_row"].iloc[0])
    for measure, label in month.headers.items():
        key = fold_label(label, profile.folds)
        if col_key == key or col_key.endswith("/" + key):
            return row, measure
    return None


#: The reference table (the sample month), checked the same way; it has no hand label.
REFERENCE_TABLE = CODE_ROOT / "tests" / "data" / "split_month" / "2020-07" / "table.tsv"  # the sample month's 附件 table on its own


def table_report(tid: str, verbose: bool) -> dict:
    """Read, clean and check one corpus table; the figures of its coverage and breaks."""
    if tid == "ref":
        meta, path, name = {"source": {"place": "重庆市綦江区"}, "printed_figures": "-"}, REFERENCE_TABLE, "reference"
    else:
        meta = yaml.safe_load((CORPUS / f"{tid}.yaml").read_text(encoding="utf-8"))
        path, name = CORPUS / f"{tid}.tsv", CORPUS_PROFILES.get(tid)
    out = {"id": tid, "place": meta["source"]["place"], "figures": meta["printed_figures"],
           "known": len(meta.get("known_breaks") or [])}
    if name is None:
        return {**out, "reason": "no profile names its layout (add it to CORPUS_PROFILES)"}
    profile = load_profile(REFERENCE, name)
    try:
        month = tidy_month(read_table(path, profile), profile, Registry("", (), {}, profile.folds))
    except InputError as exc:
        return {**out, "reason": f"not read: {exc}"}
    checks = [c for c in table_checks(month, profile) if c.check != "registry"]
    cells, covered = printed_cells(month), covered_cells(month, checks)
    breaks = [break_cell(month, profile, b) for b in meta.get("known_breaks") or []]
    flagged = [c for c in checks if c.status in ("fail", "warn")]
    caught = sum(1 for b in breaks if b and any(b in check_cells(month, c) for c in flagged))
    false = [c for c in flagged if not (check_cells(month, c) & {b for b in breaks if b})]
    if verbose:
        for cell in sorted(cells - covered):
            print(f"    {tid} uncovered: row {cell[0]} {month.headers[cell[1]]}")
        for check in flagged:
            print(f"    {tid} {check.status}: {check.message}")
    return {**out, "read": len(cells), "covered": len(covered & cells), "caught": caught,
            "false": len(false), "checks": len(checks)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list uncovered cells and flagged checks")
    args = parser.parse_args(argv)
    print(f"{'table':6} {'place':14} {'figures':>7} {'read':>5} {'covered':>7} {'uncovered':>9} "
          f"{'breaks':>7} {'false':>5}")
    tables = [p.stem for p in sorted(CORPUS.glob("t[0-9][0-9].tsv"))] + ["ref"]
    reports = [table_report(tid, args.verbose) for tid in tables]
    for r in reports:
        if "reason" in r:
            print(f"{r['id']:6} {r['place'][:14]:14} {r['figures']:>7}   -- {r['reason']}")
            continue
        share = 1 - r["covered"] / r["read"] if r["read"] else 1.0
        print(f"{r['id']:6} {r['place'][:14]:14} {r['figures']:>7} {r['read']:>5} {r['covered']:>7} "
              f"{share:>8.1%} {r['caught']:>3}/{r['known']:<3} {r['false']:>5}")
    done = [r for r in reports if "reason" not in r]
    figures = sum(r["read"] for r in done)
    covered = sum(r["covered"] for r in done)
    print(f"read {len(done)}/{len(reports)} tables; {covered}/{figures} figures covered "
          f"({1 - covered / figures:.1%} uncovered); known breaks caught "
          f"{sum(r['caught'] for r in done)}/{sum(r['known'] for r in done)}; "
          f"false failures {sum(r['false'] for r in done)}; "
          f"tables under 5% uncovered: {sum(1 for r in done if r['read'] and 1 - r['covered'] / r['read'] < 0.05)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
