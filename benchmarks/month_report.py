"""Time one month's report against the floor of a bare papermill + nbconvert run.

    .venv/bin/python benchmarks/month_report.py [--runs 5]

In one invocation and one environment, each repeated --runs times (medians printed):
  (a) floor: a trivial parameterised notebook run with the papermill CLI, then rendered with
      `jupyter nbconvert --to html`;
  (b) `govstats run --district qijiang --month 2020-07 --no-pdf` (processed files + HTML), the
      month's manifest removed first so that it really builds;
  (c) the same with the PDF.
Targets: b/a <= 1.2 and c/a <= 1.6. Everything runs in a temporary project root.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

CODE_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(cmd: list[str], cwd: Path) -> float:
    """Wall time of one command; fail loudly if it fails."""
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def trivial_notebook(path: Path) -> None:
    nb = new_notebook(cells=[new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                             new_code_cell("print(x * 2)")],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def sample_root(path: Path) -> Path:
    shutil.copytree(CODE_ROOT / "data" / "reference", path / "data" / "reference")
    shutil.copytree(CODE_ROOT / "data" / "raw" / "qijiang" / "2020-07", path / "data" / "raw" / "qijiang" / "2020-07")
    shutil.copytree(CODE_ROOT / "notebooks", path / "notebooks")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        trivial_notebook(tmp / "trivial.ipynb")
        root = sample_root(tmp / "root")
        floor_cmds = [
            [str(BIN / "papermill"), "trivial.ipynb", "out.ipynb", "-p", "x", "2", "--no-progress-bar"],
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "out.ipynb"],
        ]
        run = [str(BIN / "govstats"), "run", "--district", "qijiang", "--month", "2020-07", "--root", str(root)]
        manifest = root / "data" / "processed" / "qijiang" / "2020-07" / "manifest.json"

        def month_build(cmd: list[str]) -> float:
            """Time a real build of the month: without its manifest the month is not skipped;
            its outputs come out byte-identical, so the trends page stays as it is (the index
            is rebuilt, as after any month a scheduler builds)."""
            manifest.unlink(missing_ok=True)
            return timed(cmd, tmp)

        cases = {
            "a floor (papermill + nbconvert)": lambda: sum(timed(c, tmp) for c in floor_cmds),
            "b govstats run --no-pdf": lambda: month_build([*run, "--no-pdf"]),
            "c govstats run (HTML + PDF)": lambda: month_build(run),
        }
        for case in cases.values():  # warm the disk cache and bytecode once, untimed
            case()
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):  # interleave so drift hits every case alike
            for name, case in cases.items():
                times[name].append(case())
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        spread = ", ".join(f"{v:.2f}" for v in times[name])
        print(f"{name:34s} median {value:6.2f} s   ({spread})")
    a, b, c = medians.values()
    print(f"b/a = {b / a:.2f}  (target <= 1.2)")
    print(f"c/a = {c / a:.2f}  (target <= 1.6)")


if __name__ == "__main__":
    main()
