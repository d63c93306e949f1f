"""Time a backfill of many months: the loop a user would script against `govstats run`.

    .venv/bin/python benchmarks/backfill.py [--months 24] [--runs 3] [--jobs 2]

Under a temporary project root, the sample month (data/raw/qijiang/2020-07) is copied to
--months month folders from 2019-01 on. In one invocation and one environment, each repeated
--runs times (medians printed):
  (a) the naive loop: for each month the papermill CLI, then `jupyter nbconvert --to html
      --no-input`, then the project's PDF step (govstats.render.export.pdf_report) in `python -c`;
  (b) `govstats run --jobs N` from scratch (processed files, HTML, PDF, manifests, logs);
  (c) `govstats run --jobs N` again with nothing changed (checked: no output file touched).
Targets: a/b >= 3 on 2 cores, c < 1 s. The commands run this checkout's package (PYTHONPATH).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CODE_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAMPLE = CODE_ROOT / "data" / "raw" / "qijiang" / "2020-07"
PDF_STEP = ("import sys; from govstats.render.export import pdf_report; "
            "open(sys.argv[2], 'wb').write(pdf_report(open(sys.argv[1], encoding='utf-8').read()))")


def months_from(first_year: int, count: int) -> list[str]:
    """``count`` months from January of ``first_year``, as YYYY-MM."""
    return [f"{first_year + i // 12}-{i % 12 + 1:02d}" for i in range(count)]


def backfill_root(path: Path, months: list[str]) -> Path:
    """A project root with the reference data, the notebooks and the sample in every month."""
    shutil.copytree(CODE_ROOT / "data" / "reference", path / "data" / "reference")
    shutil.copytree(CODE_ROOT / "notebooks", path / "notebooks")
    for month in months:
        shutil.copytree(SAMPLE, path / "data" / "raw" / "qijiang" / month)
    return path


def environment() -> dict[str, str]:
    """This checkout's package first on the path, for the CLIs and the kernels they start."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(CODE_ROOT / "src"),
                                                                      os.environ.get("PYTHONPATH")]))}


def timed(commands: list[list[str]], cwd: Path) -> float:
    """Wall time of commands run one after another; fail loudly if one fails."""
    start = time.perf_counter()
    for cmd in commands:
        result = subprocess.run(cmd, cwd=cwd, env=environment(), capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def naive_commands(root: Path, out: Path, months: list[str]) -> list[list[str]]:
    """papermill, nbconvert and the PDF step for each month, as a shell loop would run them."""
    commands = []
    for month in months:
        nb, html, pdf = (out / f"{month}.{ext}" for ext in ("ipynb", "html", "pdf"))
        commands += [
            [str(BIN / "papermill"), str(root / "notebooks" / "monthly_report.ipynb"), str(nb),
             "-p", "district", "qijiang", "-p", "month", month, "-p", "root", str(root), "--no-progress-bar"],
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(nb)],
            [sys.executable, "-c", PDF_STEP, str(html), str(pdf)],
        ]
    return commands


def clean_outputs(root: Path) -> None:
    for folder in (root / "data" / "processed", root / "reports"):
        shutil.rmtree(folder, ignore_errors=True)


def output_times(root: Path) -> dict[Path, int]:
    """mtime (ns) of every output file."""
    return {p: p.stat().st_mtime_ns for folder in (root / "data" / "processed", root / "reports")
            for p in folder.rglob("*") if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    months = months_from(2019, args.months)
    times: dict[str, list[float]] = {"a": [], "b": [], "c": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        root = backfill_root(tmp / "root", months)
        out = tmp / "naive"
        out.mkdir()
        run = [sys.executable, "-m", "govstats", "run", "--root", str(root), "--jobs", str(args.jobs), "--no-progress"]
        timed(naive_commands(root, out, months[:1]), tmp)  # warm the disk cache and bytecode, untimed
        timed([[*run, "--month", months[0]]], tmp)
        for _ in range(args.runs):  # interleave so drift hits every case alike
            times["a"].append(timed(naive_commands(root, out, months), tmp))
            clean_outputs(root)
            times["b"].append(timed([run], tmp))
            before = output_times(root)
            times["c"].append(timed([run], tmp))
            if output_times(root) != before:
                raise SystemExit("the run with nothing changed touched an output file")
    medians = {k: statistics.median(v) for k, v in times.items()}
    labels = {"a": f"a naive loop, {args.months} months", "b": f"b govstats run --jobs {args.jobs}",
              "c": "c govstats run, nothing changed"}
    for key, value in medians.items():
        spread = ", ".join(f"{v:.2f}" for v in times[key])
        print(f"{labels[key]:36s} median {value:7.2f} s   ({spread})")
    print(f"a/b = {medians['a'] / medians['b']:.2f}  (target >= 3 on 2 cores)")
    print(f"c   = {medians['c']:.2f} s  (target < 1 s)")


if __name__ == "__main__":
    main()
