"""Time and peak memory of a month at the row limit: 5,000 rows (header, 合计, 4,998 departments).

    .venv/bin/python benchmarks/long_month.py [--rows 5000] [--no-pdf]

Builds the month with `govstats run --jobs 1` in a temporary project root and prints the wall
time and the peak resident memory of the largest process of the build (this process's children:
the CLI, its kernel). The made-up departments are not in the registry, so the ledger holds one
registry warning per department (the report lists the first 200): a worst case.

Measured on this project's shared 2-core machine (2026-12-01, other builds running), with the
report listing the first 200 failed checks (render/month_html.LISTED_FAILURES): 286 s for the
month with its PDF, of which 219 s are WeasyPrint laying out the PDF (the 4,998-row department
table) and 29 s the HTML export; peak memory 1.44 GB. Before that cap, with all 4,998 warnings
listed: 517 s (PDF 470 s), 2.25 GB.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CODE_ROOT = Path(__file__).resolve().parents[1]
HEADER = "序号\t办件量分类\t部门\t办理总数\t即收即办\t中心办理\t部门办理\t基层办理\t网上办理"


def long_table(departments: int) -> str:
    """A table in the sample's layout whose rows and 合计 add up."""
    rows, sums = [], [0] * 6
    for i in range(departments):
        total = 10 + i % 97
        values = [total, total // 2, total - 3, 2, 1, total // 3]
        sums = [a + b for a, b in zip(sums, values)]
        rows.append("\t".join([str(i + 1), "", f"测试部门{i + 1}", *map(str, values)]))
    return "\n".join([HEADER, "\t".join(["合计", "", "", *map(str, sums)]), *rows]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=5000, help="rows of the table, header and 合计 included")
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="govstats-long-") as folder:
        root = Path(folder)
        shutil.copytree(CODE_ROOT / "data" / "reference", root / "data" / "reference")
        shutil.copytree(CODE_ROOT / "notebooks", root / "notebooks")
        month = root / "data" / "raw" / "qijiang" / "2020-07"
        month.mkdir(parents=True)
        (month / "table.tsv").write_text(long_table(args.rows - 2), encoding="utf-8")
        command = [sys.executable, "-m", "govstats", "run", "--root", str(root), "--district", "qijiang",
                   "--month", "2020-07", "--jobs", "1", *(["--no-pdf"] if args.no_pdf else [])]
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 / 1024  # KB on Linux
    print(f"{args.rows:,} rows{' (no PDF)' if args.no_pdf else ''}: {seconds:.1f} s, peak memory {peak:.2f} GB")


if __name__ == "__main__":
    main()
